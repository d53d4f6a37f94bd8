"""Site keys, signatures, sealed payloads and passphrase files: round trips and every refusal."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import struct
import time
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import SiteRole
from desktop.domain.errors import Refusal
from desktop.sync import crypto, errors
from desktop.sync.crypto import (
    FORGED,
    NOT_A_KEY_FILE,
    NOT_FOR_US,
    WEAK_PASSPHRASE,
    WRONG_PASSPHRASE,
    BundleRefused,
    Enrollment,
    PublicKeys,
    Sealed,
    SiteKeys,
)

REAL_DEFAULT = crypto.DEFAULT_SCRYPT  # read before the fixture below swaps it
FAST_KDF = (4, 1, 1)  # n = 16: milliseconds per file, only for tests
STATION, COUNTY, STRANGER = SiteKeys.generate(), SiteKeys.generate(), SiteKeys.generate()
PASSPHRASE = "望江镇联络站 2026"
# Header offsets: magic 0-4, version 5, kdf 6, log2(n) 7, r 8, p 9, purpose length 10, size 11-14
LOG2_N, R, P = 7, 8, 9
payloads = st.binary(max_size=2048)


@pytest.fixture(autouse=True, scope="module")
def _fast_kdf() -> Iterator[None]:
    # Module scope, so hypothesis tests may use it; the real default is checked separately.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crypto, "DEFAULT_SCRYPT", FAST_KDF)
        yield


def refused(message: str):
    """pytest.raises for one refusal message (the exception type alone proves too little)."""
    return pytest.raises(BundleRefused, match=f"^{re.escape(message)}$")


def flip(data: bytes, index: int, mask: int) -> bytes:
    changed = bytearray(data)
    changed[index % len(changed)] ^= mask
    return bytes(changed)


def enrollment(**changes: object) -> Enrollment:
    e = Enrollment(
        site_id=uuid.uuid4(),
        code="WJ-03",
        name="望江镇第三联络站",
        role=SiteRole.STATION,
        township_name="望江镇",
        county_site_id=uuid.uuid4(),
        county_code="XQ",
        county_name="新桥县人大常委会",
        county_public=COUNTY.public(),
        site_keys=STATION,
        issued_on=dt.date(2026, 6, 15),
        key_generation=1,
        station_id=uuid.uuid4(),
        township_id=uuid.uuid4(),
    )
    return replace(e, **changes)


# --- keys ------------------------------------------------------------------------------------


def test_site_keys_round_trip_through_dicts_and_keep_private_halves_out_of_repr() -> None:
    assert SiteKeys.from_dict(STATION.to_dict()) == STATION
    assert PublicKeys.from_dict(STATION.public().to_dict()) == STATION.public()
    assert set(STATION.public().to_dict()) == {"sign_public", "box_public"}
    assert all(len(v) == 32 for v in vars(STATION).values())
    text = repr(STATION)
    assert base64.b64encode(STATION.sign_private).decode() not in text
    assert repr(STATION.sign_private) not in text and repr(STATION.box_private) not in text


def test_fingerprint_is_short_grouped_hex_and_tells_sites_apart() -> None:
    fingerprint = STATION.public().fingerprint()
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){4}", fingerprint)
    assert fingerprint == PublicKeys(STATION.sign_public, STATION.box_public).fingerprint()
    assert fingerprint != COUNTY.public().fingerprint()
    # Either key changes it: a swapped box key cannot hide behind a known signing key.
    assert PublicKeys(STATION.sign_public, COUNTY.box_public).fingerprint() != fingerprint


@pytest.mark.parametrize("name", ["sign_private", "sign_public", "box_private", "box_public"])
@pytest.mark.parametrize("length", [0, 31, 33, 64])
def test_keys_of_the_wrong_length_are_refused(name: str, length: int) -> None:
    data = STATION.to_dict() | {name: base64.b64encode(b"\x01" * length).decode()}
    with refused(NOT_A_KEY_FILE):
        SiteKeys.from_dict(data)
    with pytest.raises(ValueError, match="32 raw bytes"):
        SiteKeys(**(vars(STATION) | {name: b"\x01" * length}))
    if name.endswith("public"):
        with refused(NOT_A_KEY_FILE):
            PublicKeys.from_dict(STATION.public().to_dict() | {name: data[name]})
        with pytest.raises(ValueError, match="32 raw bytes"):
            PublicKeys(**(vars(STATION.public()) | {name: b"\x01" * length}))


@pytest.mark.parametrize(
    "data",
    [
        STATION.to_dict() | {"sign_public": "not base64!"},
        STATION.to_dict() | {"box_public": 12},
        STATION.to_dict() | {"extra": "x"},
        {k: v for k, v in STATION.to_dict().items() if k != "box_private"},
        STATION.to_dict() | {"box_public": COUNTY.to_dict()["box_public"]},  # not its pair
        [1, 2],
        None,
    ],
)
def test_malformed_or_mismatched_key_dicts_are_refused(data: object) -> None:
    with refused(NOT_A_KEY_FILE):
        SiteKeys.from_dict(data)


def test_a_public_key_that_does_not_match_its_private_key_is_refused() -> None:
    with pytest.raises(ValueError, match="does not belong"):
        SiteKeys(**(vars(STATION) | {"sign_public": COUNTY.sign_public}))


# --- signatures ------------------------------------------------------------------------------


@given(data=payloads)
def test_sign_then_verify(data: bytes) -> None:
    signature = crypto.sign(data, STATION)
    assert len(signature) == 64
    assert crypto.verify(data, signature, STATION.public()) is None


@given(data=payloads, index=st.integers(0, 63), mask=st.integers(1, 255))
def test_a_flipped_byte_in_the_signature_is_forged(data: bytes, index: int, mask: int) -> None:
    signature = crypto.sign(data, STATION)
    with refused(FORGED):
        crypto.verify(data, flip(signature, index, mask), STATION.public())


@given(data=st.binary(min_size=1, max_size=2048), index=st.integers(0), mask=st.integers(1, 255))
def test_a_flipped_byte_in_the_signed_data_is_forged(data: bytes, index: int, mask: int) -> None:
    signature = crypto.sign(data, STATION)
    with refused(FORGED):
        crypto.verify(flip(data, index, mask), signature, STATION.public())


def test_other_signers_and_cut_or_lengthened_data_are_forged() -> None:
    data = b'{"bundle": 3}'
    signature = crypto.sign(data, STATION)
    for args in [
        (data, signature, STRANGER.public()),
        (data, crypto.sign(data, STRANGER), STATION.public()),
        (data[:-1], signature, STATION.public()),
        (data + b" ", signature, STATION.public()),
        (data, signature[:-1], STATION.public()),
        (data, b"", STATION.public()),
    ]:
        with refused(FORGED):
            crypto.verify(*args)


# --- sealing ---------------------------------------------------------------------------------


@given(plaintext=payloads, aad=st.binary(max_size=64))
def test_seal_then_open(plaintext: bytes, aad: bytes) -> None:
    sealed = crypto.seal(plaintext, STATION.public(), aad)
    assert (len(sealed.ephemeral_public), len(sealed.nonce)) == (32, 12)
    assert len(sealed.ciphertext) == len(plaintext) + 16
    if len(plaintext) >= 16:
        assert plaintext not in sealed.ciphertext
    assert crypto.open_sealed(sealed, STATION, aad) == plaintext


def test_sealing_twice_gives_different_envelopes_and_accepts_a_memoryview() -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB
    first = crypto.seal(memoryview(payload), COUNTY.public(), b"manifest")
    second = crypto.seal(payload, COUNTY.public(), b"manifest")
    assert first.ephemeral_public != second.ephemeral_public and first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext
    opened = crypto.open_sealed(
        replace(first, ciphertext=memoryview(first.ciphertext)), COUNTY, b"manifest"
    )
    assert opened == payload


@given(
    plaintext=payloads,
    part=st.sampled_from(["ephemeral_public", "nonce", "ciphertext"]),
    index=st.integers(0),
    mask=st.integers(1, 255),
)
def test_a_flipped_byte_anywhere_in_a_sealed_payload_is_refused(
    plaintext: bytes, part: str, index: int, mask: int
) -> None:
    sealed = crypto.seal(plaintext, STATION.public(), b"aad")
    tampered = replace(sealed, **{part: flip(getattr(sealed, part), index, mask)})
    with refused(NOT_FOR_US):
        crypto.open_sealed(tampered, STATION, b"aad")


@given(aad=st.binary(min_size=1, max_size=64), index=st.integers(0), mask=st.integers(1, 255))
def test_a_flipped_byte_in_the_aad_is_refused(aad: bytes, index: int, mask: int) -> None:
    sealed = crypto.seal(b"payload", STATION.public(), aad)
    with refused(NOT_FOR_US):
        crypto.open_sealed(sealed, STATION, flip(aad, index, mask))


def test_only_the_recipient_opens_a_sealed_payload() -> None:
    sealed = crypto.seal(b"names and phone numbers", COUNTY.public(), b"aad")
    for keys in (STATION, STRANGER):
        with refused(NOT_FOR_US):
            crypto.open_sealed(sealed, keys, b"aad")
    assert crypto.open_sealed(sealed, COUNTY, b"aad") == b"names and phone numbers"


@pytest.mark.parametrize(
    "change",
    [
        {"ciphertext": b""},
        {"ciphertext": b"\x00" * 15},
        {"nonce": b"\x00" * 11},
        {"nonce": b""},
        {"ephemeral_public": b"\x00" * 31},
        {"ephemeral_public": b"\x00" * 32},  # a small-order point: an all-zero shared secret
    ],
)
def test_sealed_parts_of_the_wrong_size_or_a_weak_ephemeral_key_are_refused(
    change: dict[str, bytes],
) -> None:
    sealed = crypto.seal(b"payload", STATION.public(), b"")
    with refused(NOT_FOR_US):
        crypto.open_sealed(replace(sealed, **change), STATION, b"")


def test_a_cut_ciphertext_is_refused() -> None:
    sealed = crypto.seal(b"x" * 100, STATION.public(), b"")
    for size in (0, 16, 50, 115):
        with refused(NOT_FOR_US):
            crypto.open_sealed(
                Sealed(sealed.ephemeral_public, sealed.nonce, sealed.ciphertext[:size]),
                STATION,
                b"",
            )


# --- passphrase files ------------------------------------------------------------------------


def _strong_enough(passphrase: str) -> bool:
    return len(unicodedata.normalize("NFC", passphrase).rstrip("\r\n")) >= 8


@given(data=payloads, passphrase=st.text(min_size=8, max_size=40).filter(_strong_enough))
def test_lock_then_unlock(data: bytes, passphrase: str) -> None:
    blob = crypto.lock(data, passphrase, purpose="escrow")
    assert blob.startswith(b"LDKEY\x01")
    if len(data) >= 16:
        assert data not in blob
    assert crypto.unlock(blob, passphrase, purpose="escrow") == data


def test_passphrases_are_nfc_normalised_and_lose_a_trailing_newline() -> None:
    composed = "Café 望江 ÅÅÅ"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    blob = crypto.lock(b"secret", decomposed + "\r\n", purpose="enrollment")
    assert crypto.unlock(blob, composed, purpose="enrollment") == b"secret"
    with refused(WRONG_PASSPHRASE):
        crypto.unlock(blob, composed + " ", purpose="enrollment")


@pytest.mark.parametrize(
    "wrong", ["望江镇联络站 2027", "望江镇联络站2026", "", PASSPHRASE.upper() + "x"]
)
def test_a_wrong_passphrase_is_refused(wrong: str) -> None:
    blob = crypto.lock(b"secret", PASSPHRASE, purpose="escrow")
    with refused(WRONG_PASSPHRASE):
        crypto.unlock(blob, wrong, purpose="escrow")


@pytest.mark.parametrize("weak", ["", "\n", "1234567", "abc\n\n\n\n\n\n", "七个汉字的口令"])
def test_a_weak_passphrase_is_refused_on_lock(weak: str) -> None:
    with refused(WEAK_PASSPHRASE):
        crypto.lock(b"secret", weak, purpose="escrow")
    # Eight characters are enough, counted as characters, not bytes.
    assert (
        crypto.unlock(
            crypto.lock(b"ok", "八个汉字的好口令", purpose="x"), "八个汉字的好口令", purpose="x"
        )
        == b"ok"
    )


@given(index=st.integers(0), mask=st.integers(1, 255))
def test_a_flipped_byte_anywhere_in_a_locked_file_is_refused(index: int, mask: int) -> None:
    blob = crypto.lock(b"the county's private keys", PASSPHRASE, purpose="escrow")
    with pytest.raises(BundleRefused) as caught:
        crypto.unlock(flip(blob, index, mask), PASSPHRASE, purpose="escrow")
    # The fixed header and the purpose say "not a key file" or fail the authentication; the salt,
    # nonce and ciphertext can only fail the authentication.
    header = 15 + len(b"escrow")
    expected = (
        {WRONG_PASSPHRASE} if index % len(blob) >= header else {NOT_A_KEY_FILE, WRONG_PASSPHRASE}
    )
    assert caught.value.message in expected
    assert caught.value.context == "Bundle"


def test_swapped_kdf_parameters_are_caught_by_the_header_authentication() -> None:
    blob = crypto.lock(b"secret", PASSPHRASE, purpose="escrow")
    assert blob[LOG2_N] == 4
    with refused(WRONG_PASSPHRASE):
        crypto.unlock(blob[:LOG2_N] + bytes([5]) + blob[LOG2_N + 1 :], PASSPHRASE, purpose="escrow")


def test_truncated_lengthened_and_foreign_files_are_not_key_files() -> None:
    blob = crypto.lock(b"secret", PASSPHRASE, purpose="escrow")
    foreign = [b"", b"LDKEY", b"PK\x03\x04" + b"\x00" * 80, b'{"site_keys": {}}', blob + b"\x00"]
    foreign += [blob[:size] for size in range(len(blob))]
    foreign += [b"LDKEY\x02" + blob[6:], b"LDKEY\x01\x02" + blob[7:]]  # version, kdf
    for candidate in foreign:
        with refused(NOT_A_KEY_FILE):
            crypto.unlock(candidate, PASSPHRASE, purpose="escrow")


def test_an_enrollment_file_cannot_be_unlocked_as_an_escrow_file() -> None:
    enrollment_blob = crypto.enrollment_file(enrollment(), PASSPHRASE)
    with refused(NOT_A_KEY_FILE):
        crypto.read_escrow(enrollment_blob, PASSPHRASE)
    escrow_blob = crypto.escrow_file(COUNTY, uuid.uuid4(), PASSPHRASE)
    with refused(NOT_A_KEY_FILE):
        crypto.read_enrollment(escrow_blob, PASSPHRASE)
    with refused(NOT_A_KEY_FILE):
        crypto.unlock(enrollment_blob, PASSPHRASE, purpose="escrow")


@pytest.mark.parametrize(
    ("offset", "value"),
    [(LOG2_N, 30), (LOG2_N, 255), (LOG2_N, 0), (R, 255), (R, 0), (P, 255), (P, 0)],
)
def test_absurd_kdf_parameters_are_refused_before_any_work(offset: int, value: int) -> None:
    blob = bytearray(crypto.lock(b"secret", PASSPHRASE, purpose="escrow"))
    blob[offset] = value
    started = time.monotonic()
    with refused(NOT_A_KEY_FILE):
        crypto.unlock(bytes(blob), PASSPHRASE, purpose="escrow")
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("log2_n", "r", "p", "message"),
    [
        (20, 8, 1, NOT_A_KEY_FILE),  # 1 GiB
        (17, 8, 1, NOT_A_KEY_FILE),  # 128 MiB: each value within its cap, too much together
        (16, 16, 1, NOT_A_KEY_FILE),
        (16, 8, 1, WRONG_PASSPHRASE),  # 64 MiB is allowed (the header check then fails)
    ],
)
def test_parameters_too_costly_together_are_refused(
    log2_n: int, r: int, p: int, message: str
) -> None:
    blob = bytearray(crypto.lock(b"secret", PASSPHRASE, purpose="escrow"))
    blob[LOG2_N], blob[R], blob[P] = log2_n, r, p
    with refused(message):
        crypto.unlock(bytes(blob), PASSPHRASE, purpose="escrow")


def test_the_real_default_is_strong_and_written_in_the_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert REAL_DEFAULT == (15, 8, 1)  # scrypt n = 2**15, r = 8, p = 1: 32 MiB per guess
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", REAL_DEFAULT)
    blob = crypto.lock(b"secret", PASSPHRASE, purpose="escrow")
    assert (blob[LOG2_N], blob[R], blob[P]) == REAL_DEFAULT
    assert struct.unpack(">I", blob[11:15])[0] == len(b"secret") + 16
    assert crypto.unlock(blob, PASSPHRASE, purpose="escrow") == b"secret"


# --- enrollment and escrow -------------------------------------------------------------------


@pytest.mark.parametrize("role", [SiteRole.STATION, SiteRole.TOWNSHIP])
def test_enrollment_round_trip(role: SiteRole) -> None:
    station_id = uuid.uuid4() if role is SiteRole.STATION else None
    original = enrollment(role=role, key_generation=3, station_id=station_id)
    blob = crypto.enrollment_file(original, PASSPHRASE)
    assert "望江".encode() not in blob  # the names are encrypted too
    read = crypto.read_enrollment(blob, PASSPHRASE + "\n")
    assert read == original
    assert isinstance(read.role, SiteRole) and isinstance(read.site_id, uuid.UUID)
    with refused(WRONG_PASSPHRASE):
        crypto.read_enrollment(blob, "not the passphrase")


def test_a_county_is_not_enrolled() -> None:
    with pytest.raises(ValueError, match="only a station"):
        crypto.enrollment_file(enrollment(role=SiteRole.COUNTY), PASSPHRASE)


def test_a_station_is_enrolled_with_its_station_row_and_a_township_centre_without() -> None:
    for wrong in (enrollment(station_id=None), enrollment(role=SiteRole.TOWNSHIP)):
        with pytest.raises(ValueError, match="only a station"):
            crypto.enrollment_file(wrong, PASSPHRASE)
    blob = crypto.enrollment_file(enrollment(township_id=None), PASSPHRASE)
    assert crypto.read_enrollment(blob, PASSPHRASE).township_id is None


def test_escrow_round_trip() -> None:
    county_id = uuid.uuid4()
    blob = crypto.escrow_file(COUNTY, county_id, PASSPHRASE)
    assert crypto.read_escrow(blob, PASSPHRASE) == (county_id, COUNTY)
    with refused(WRONG_PASSPHRASE):
        crypto.read_escrow(blob, PASSPHRASE[:-1])


def _enrollment_json() -> dict[str, object]:
    blob = crypto.enrollment_file(enrollment(), PASSPHRASE)
    return json.loads(crypto.unlock(blob, PASSPHRASE, purpose="enrollment"))


def _odd_enrollments() -> list[dict[str, object]]:
    good = _enrollment_json()
    site_id = str(good["site_id"])
    odd: list[dict[str, object]] = [
        good | {"site_id": site_id.upper()},
        good | {"site_id": site_id.replace("-", "")},
        good | {"site_id": "not-a-uuid"},
        good | {"station_id": str(good["station_id"]).upper()},
        good | {"station_id": None},  # a station without its Station row
        good | {"station_id": ""},
        good | {"township_id": 3},
        good | {"township_id": str(good["township_id"]).replace("-", "")},
        good | {"role": "township"},  # a township centre with a station id
        good | {"county_site_id": 7},
        good | {"role": "county"},
        good | {"role": "admin"},
        good | {"code": ""},
        good | {"name": "   "},
        good | {"name": None},
        good | {"township_name": ["望江镇"]},
        good | {"county_name": "x" * 201},
        good | {"issued_on": "20260615"},
        good | {"issued_on": "2026-02-30"},
        good | {"key_generation": "1"},
        good | {"key_generation": True},
        good | {"key_generation": 0},
        good | {"key_generation": 1.0},
        good | {"county_public": {"sign_public": "AAAA", "box_public": "AAAA"}},
        good | {"site_keys": COUNTY.public().to_dict()},
        good | {"format": "liaison-desk escrow"},
        good | {"version": 2},
        good | {"extra": 1},
    ]
    odd += [{k: v for k, v in good.items() if k != name} for name in good]
    return odd


def test_every_odd_enrollment_field_is_refused() -> None:
    for content in _odd_enrollments():
        blob = crypto.lock(json.dumps(content).encode(), PASSPHRASE, purpose="enrollment")
        with refused(NOT_A_KEY_FILE):
            crypto.read_enrollment(blob, PASSPHRASE)
    for raw in [
        b"not json",
        b"\xff\xfe",
        b"[]",
        b"null",
        json.dumps(_enrollment_json()).encode("utf-16"),
    ]:
        with refused(NOT_A_KEY_FILE):
            crypto.read_enrollment(crypto.lock(raw, PASSPHRASE, purpose="enrollment"), PASSPHRASE)


def test_odd_escrow_contents_are_refused() -> None:
    good = {
        "format": "liaison-desk county key escrow",
        "version": 1,
        "county_site_id": str(uuid.uuid4()),
        "keys": COUNTY.to_dict(),
    }
    assert (
        crypto.read_escrow(
            crypto.lock(json.dumps(good).encode(), PASSPHRASE, purpose="escrow"), PASSPHRASE
        )[1]
        == COUNTY
    )
    for content in [
        good | {"keys": COUNTY.public().to_dict()},
        good | {"county_site_id": "x"},
        good | {"format": "liaison-desk enrollment"},
    ]:
        with refused(NOT_A_KEY_FILE):
            crypto.read_escrow(
                crypto.lock(json.dumps(content).encode(), PASSPHRASE, purpose="escrow"), PASSPHRASE
            )


# --- messages --------------------------------------------------------------------------------


def test_refusals_carry_a_translatable_message_in_the_bundle_context() -> None:
    messages = [FORGED, NOT_FOR_US, WRONG_PASSPHRASE, NOT_A_KEY_FILE, WEAK_PASSPHRASE]
    assert len(set(messages)) == 5
    assert crypto.BundleRefused is errors.BundleRefused  # one type for the whole bundle reader
    for message in messages:
        error = BundleRefused(message)
        assert isinstance(error, Refusal)
        assert (error.context, error.message, error.args_map, str(error)) == (
            "Bundle",
            message,
            {},
            message,
        )
        assert "{" not in message and message.endswith(".")
