"""Site keys, signatures, sealing to a recipient, and passphrase-locked enrollment/escrow files."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import struct
import unicodedata
import uuid
from dataclasses import dataclass, field, fields
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.domain.enums import SiteRole
from desktop.domain.tr import QT_TRANSLATE_NOOP

# One refusal type for every bundle step (errors.py); re-exported for callers of this module.
from desktop.sync.errors import BundleRefused as BundleRefused

FORGED = QT_TRANSLATE_NOOP(
    "Bundle",
    "This bundle was not written by a station this office has enrolled, or it was changed after "
    "it was written. Do not import it; ask the station to export it again.",
)
NOT_FOR_US = QT_TRANSLATE_NOOP(
    "Bundle",
    "This bundle cannot be opened here: it was written for another office, or it was damaged "
    "on the way. Nothing has been imported; ask the sender to export it again for this office.",
)
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Bundle",
    "The passphrase is not right, or the key file was damaged. Check the passphrase (capital "
    "letters, input method, spaces) and try again; if it still fails, ask the county office for "
    "a new file.",
)
NOT_A_KEY_FILE = QT_TRANSLATE_NOOP(
    "Bundle",
    "This is not the key file that was asked for, or it is incomplete. Check that you chose the "
    "right file (an enrollment file or a key escrow file from the county office) and copy it "
    "again.",
)
WEAK_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Bundle",
    "This passphrase is too short. Choose one of at least 8 characters that is not easy to guess, "
    "and keep it apart from the USB stick.",
)

MIN_PASSPHRASE = 8
HKDF_INFO = b"liaison-desk bundle v1"
_MAGIC, _VERSION, _KDF_SCRYPT = b"LDKEY", 1, 1
# magic, version, kdf id, log2(n), r, p, purpose length, ciphertext length; then the purpose,
# a 16-byte salt and a 12-byte nonce. The length tells a truncated file from a wrong passphrase.
_FIXED = struct.Struct(">5sBBBBBBI")
_SALT, _NONCE, _TAG, _RAW = 16, 12, 16, 32

# scrypt's log2(n), r and p: 32 MiB and about 60 ms here. Tests monkeypatch this for speed.
DEFAULT_SCRYPT: tuple[int, int, int] = (15, 8, 1)
# A crafted header must not make us allocate or spin: at most 64 MiB (128 * n * r bytes) and,
# with p <= 4, at most 8 times the default's work (n * r * p), about half a second.
_MAX_LOG2_N, _MAX_R, _MAX_P, _MAX_MEMORY = 20, 16, 4, 64 * 2**20


def _check_scrypt(log2_n: int, r: int, p: int) -> None:
    if not (1 <= log2_n <= _MAX_LOG2_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P) or (
        128 * 2**log2_n * r > _MAX_MEMORY
    ):
        raise BundleRefused(NOT_A_KEY_FILE)


def _raw(value: bytes) -> bytes:
    if not isinstance(value, bytes) or len(value) != _RAW:
        raise ValueError(f"a key is {_RAW} raw bytes")
    return value


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _unb64(data: Any, key: str) -> bytes:
    """A 32-byte key from a dict of base64 strings, or NOT_A_KEY_FILE."""
    try:
        value = base64.b64decode(data[key].encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError):
        raise BundleRefused(NOT_A_KEY_FILE) from None
    if len(value) != _RAW:
        raise BundleRefused(NOT_A_KEY_FILE)
    return value


def _exact_keys(data: Any, keys: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) != keys:
        raise BundleRefused(NOT_A_KEY_FILE)
    return data


@dataclass(frozen=True)
class PublicKeys:
    """What a site shows the world: the key that checks its signatures and the key to seal to."""

    sign_public: bytes
    box_public: bytes

    def __post_init__(self) -> None:
        _raw(self.sign_public), _raw(self.box_public)

    def fingerprint(self) -> str:
        """80 bits as five groups of four hex digits, for a clerk to read over the phone."""
        digest = hashlib.sha256(self.sign_public + self.box_public).hexdigest().upper()[:20]
        return "-".join(digest[i : i + 4] for i in range(0, 20, 4))

    def to_dict(self) -> dict[str, str]:
        return {"sign_public": _b64(self.sign_public), "box_public": _b64(self.box_public)}

    @classmethod
    def from_dict(cls, data: Any) -> PublicKeys:
        data = _exact_keys(data, {"sign_public", "box_public"})
        return cls(_unb64(data, "sign_public"), _unb64(data, "box_public"))


@dataclass(frozen=True)
class SiteKeys:
    """A site's two key pairs as raw 32-byte values (private halves kept out of repr)."""

    sign_private: bytes = field(repr=False)
    sign_public: bytes
    box_private: bytes = field(repr=False)
    box_public: bytes

    def __post_init__(self) -> None:
        # A pair whose halves do not match would sign or open nothing: refuse it at once.
        sign = Ed25519PrivateKey.from_private_bytes(_raw(self.sign_private))
        box = X25519PrivateKey.from_private_bytes(_raw(self.box_private))
        if (_pair(sign), _pair(box)) != ((self.sign_private, _raw(self.sign_public)),
                                          (self.box_private, _raw(self.box_public))):  # fmt: skip
            raise ValueError("a public key does not belong to its private key")

    @classmethod
    def generate(cls) -> SiteKeys:
        return cls(*_pair(Ed25519PrivateKey.generate()), *_pair(X25519PrivateKey.generate()))

    def public(self) -> PublicKeys:
        return PublicKeys(self.sign_public, self.box_public)

    def to_dict(self) -> dict[str, str]:
        return {f.name: _b64(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Any) -> SiteKeys:
        names = [f.name for f in fields(cls)]
        data = _exact_keys(data, set(names))
        try:
            return cls(*(_unb64(data, name) for name in names))
        except ValueError:
            raise BundleRefused(NOT_A_KEY_FILE) from None


def _pair(private: Ed25519PrivateKey | X25519PrivateKey) -> tuple[bytes, bytes]:
    """The raw private and public halves of a key."""
    raw = private.private_bytes(ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())
    return raw, _public_raw(private.public_key())


def _public_raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)


def sign(data: bytes, keys: SiteKeys) -> bytes:
    """A 64-byte Ed25519 signature of ``data``."""
    return Ed25519PrivateKey.from_private_bytes(keys.sign_private).sign(data)


def verify(data: bytes, signature: bytes, public: PublicKeys) -> None:
    """Return quietly if ``public`` signed ``data``; otherwise refuse as forged."""
    try:
        Ed25519PublicKey.from_public_bytes(public.sign_public).verify(signature, data)
    except (InvalidSignature, ValueError, TypeError):
        raise BundleRefused(FORGED) from None


@dataclass(frozen=True)
class Sealed:
    """A payload sealed to one recipient; ``ciphertext`` ends with the 16-byte GCM tag."""

    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes


def _box_key(shared: bytes, ephemeral_public: bytes, recipient_box: bytes) -> bytes:
    # The salt binds the key to both public keys as bytes: X25519 ignores the top bit of a
    # public key, so without it a flipped bit in the ephemeral key would still open the payload.
    salt = ephemeral_public + recipient_box
    return HKDF(hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO).derive(shared)


def seal(plaintext: bytes, recipient: PublicKeys, aad: bytes) -> Sealed:
    """Encrypt ``plaintext`` so that only the holder of ``recipient``'s box key can read it."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_raw(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient.box_public))
    key = _box_key(shared, ephemeral_public, recipient.box_public)
    nonce = os.urandom(_NONCE)
    # AESGCM takes any buffer: a memoryview payload is encrypted without an extra copy.
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def open_sealed(sealed: Sealed, keys: SiteKeys, aad: bytes) -> bytes:
    """The plaintext; NOT_FOR_US if sealed to someone else, changed, or under another ``aad``."""
    try:  # a key or nonce of the wrong length raises ValueError, a short ciphertext InvalidTag
        ephemeral = X25519PublicKey.from_public_bytes(bytes(sealed.ephemeral_public))
        # An all-zero shared secret (a small-order ephemeral key) raises ValueError here.
        shared = X25519PrivateKey.from_private_bytes(keys.box_private).exchange(ephemeral)
        key = _box_key(shared, bytes(sealed.ephemeral_public), keys.box_public)
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):
        raise BundleRefused(NOT_FOR_US) from None


def _passphrase(passphrase: str) -> str:
    """NFC, without the newline a passphrase file ends with: one passphrase, one key."""
    return unicodedata.normalize("NFC", passphrase).rstrip("\r\n")


def _scrypt_key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt, 32, 2**log2_n, r, p).derive(passphrase.encode("utf-8"))


def lock(data: bytes, passphrase: str, *, purpose: str) -> bytes:
    """``data`` encrypted under a key derived from ``passphrase`` (scrypt, AES-256-GCM)."""
    secret = _passphrase(passphrase)
    if len(secret) < MIN_PASSPHRASE:
        raise BundleRefused(WEAK_PASSPHRASE)
    params, tag = DEFAULT_SCRYPT, purpose.encode("ascii")
    _check_scrypt(*params)
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    size = len(data) + _TAG
    fixed = _FIXED.pack(_MAGIC, _VERSION, _KDF_SCRYPT, *params, len(tag), size)
    header = fixed + tag + salt + nonce
    # The header is authenticated: nobody can swap the KDF parameters, salt or purpose.
    return header + AESGCM(_scrypt_key(secret, salt, *params)).encrypt(nonce, data, header)


def unlock(blob: bytes, passphrase: str, *, purpose: str) -> bytes:
    """What ``lock`` was given, after checking format, purpose and KDF limits before any work."""
    if len(blob) < _FIXED.size:
        raise BundleRefused(NOT_A_KEY_FILE)
    magic, version, kdf, log2_n, r, p, tag_len, size = _FIXED.unpack_from(blob)
    if magic != _MAGIC or version != _VERSION or kdf != _KDF_SCRYPT:
        raise BundleRefused(NOT_A_KEY_FILE)
    start = _FIXED.size + tag_len
    end = start + _SALT + _NONCE
    if len(blob) != end + size or bytes(blob[_FIXED.size : start]) != purpose.encode("ascii"):
        raise BundleRefused(NOT_A_KEY_FILE)
    _check_scrypt(log2_n, r, p)
    header = bytes(blob[:end])
    salt, nonce = header[start : start + _SALT], header[start + _SALT :]
    key = _scrypt_key(_passphrase(passphrase), salt, log2_n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, memoryview(blob)[end:], header)
    except InvalidTag:
        raise BundleRefused(WRONG_PASSPHRASE) from None


_ENROLLMENT_FORMAT = "liaison-desk enrollment"
_ESCROW_FORMAT = "liaison-desk county key escrow"
_ENROLLED_ROLES = (SiteRole.STATION.value, SiteRole.TOWNSHIP.value)


@dataclass(frozen=True)
class Enrollment:
    """What the county gives a site: who it is, who the county is, and the site's own keys."""

    site_id: uuid.UUID
    code: str
    name: str
    role: SiteRole
    township_name: str
    county_site_id: uuid.UUID
    county_code: str
    county_name: str
    county_public: PublicKeys
    site_keys: SiteKeys
    issued_on: dt.date
    key_generation: int
    station_id: uuid.UUID | None  # the site's Station row (None for a township centre)
    township_id: uuid.UUID | None  # its Township row: the same ids at the county and the site


def _canonical(value: Any, parse: Any) -> Any:
    """Only the canonical spelling (lowercase UUID, YYYY-MM-DD): one way to write each value."""
    try:
        parsed = parse(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or str(parsed) != value:
        raise BundleRefused(NOT_A_KEY_FILE)
    return parsed


def _uuid(value: Any) -> uuid.UUID:
    return _canonical(value, uuid.UUID)


def _date(value: Any) -> dt.date:
    return _canonical(value, dt.date.fromisoformat)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise BundleRefused(NOT_A_KEY_FILE)
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < 2**31:
        raise BundleRefused(NOT_A_KEY_FILE)
    return value


def _role(value: Any) -> SiteRole:
    if value not in _ENROLLED_ROLES:
        raise BundleRefused(NOT_A_KEY_FILE)
    return SiteRole(value)


_ENROLLMENT_FIELDS = {
    "site_id": _uuid, "code": _text, "name": _text, "role": _role, "township_name": _text,
    "county_site_id": _uuid, "county_code": _text, "county_name": _text,
    "county_public": PublicKeys.from_dict, "site_keys": SiteKeys.from_dict,
    "issued_on": _date, "key_generation": _int,
    "station_id": lambda v: None if v is None else _uuid(v),
    "township_id": lambda v: None if v is None else _uuid(v),
}  # fmt: skip


def _plain(value: Any) -> Any:
    """A field as JSON holds it."""
    if isinstance(value, PublicKeys | SiteKeys):
        return value.to_dict()
    return str(value) if isinstance(value, uuid.UUID | dt.date) else value


def _file(data: dict[str, Any], format_name: str, passphrase: str, purpose: str) -> bytes:
    content = {"format": format_name, "version": 1} | {k: _plain(v) for k, v in data.items()}
    raw = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return lock(raw, passphrase, purpose=purpose)


def _read(blob: bytes, passphrase: str, purpose: str, fmt: str, keys: set[str]) -> dict[str, Any]:
    try:
        data = json.loads(unlock(blob, passphrase, purpose=purpose).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleRefused(NOT_A_KEY_FILE) from None
    data = _exact_keys(data, keys | {"format", "version"})
    if data["format"] != fmt or _int(data["version"]) != 1:
        raise BundleRefused(NOT_A_KEY_FILE)
    return data


def enrollment_file(e: Enrollment, passphrase: str) -> bytes:
    """The enrollment file the county hands a site, locked with ``passphrase``."""
    if e.role not in _ENROLLED_ROLES or (e.role is SiteRole.STATION) != (e.station_id is not None):
        raise ValueError(f"only a station (with its station_id) or a township is enrolled: {e!r}")
    data = {f.name: getattr(e, f.name) for f in fields(e)}
    return _file(data, _ENROLLMENT_FORMAT, passphrase, "enrollment")


def read_enrollment(blob: bytes, passphrase: str) -> Enrollment:
    """An enrollment file's contents, every field checked; NOT_A_KEY_FILE on anything odd."""
    data = _read(blob, passphrase, "enrollment", _ENROLLMENT_FORMAT, set(_ENROLLMENT_FIELDS))
    e = Enrollment(**{name: check(data[name]) for name, check in _ENROLLMENT_FIELDS.items()})
    if (e.role is SiteRole.STATION) != (e.station_id is not None):  # a station has its row
        raise BundleRefused(NOT_A_KEY_FILE)
    return e


def escrow_file(county_keys: SiteKeys, county_site_id: uuid.UUID, passphrase: str) -> bytes:
    """The county's private keys, locked with ``passphrase``, for safekeeping off the PC."""
    data = {"county_site_id": county_site_id, "keys": county_keys}
    return _file(data, _ESCROW_FORMAT, passphrase, "escrow")


def read_escrow(blob: bytes, passphrase: str) -> tuple[uuid.UUID, SiteKeys]:
    """The county's id and keys from an escrow file."""
    data = _read(blob, passphrase, "escrow", _ESCROW_FORMAT, {"county_site_id", "keys"})
    return _uuid(data["county_site_id"]), SiteKeys.from_dict(data["keys"])
