"""A bundle's manifest: who sent it to whom, its place in the sender's sequence, what it holds.

The manifest travels in clear beside the encrypted payload and is signed by the sender: a
county officer can see whose bundle a file is before importing it, and nobody can change a
byte of it unnoticed. Its JSON is canonical (sorted keys, no spaces, UTF-8) so that the bytes
signed are the bytes read; anything unexpected in it refuses the whole bundle.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.sync.errors import BundleRefused

FORMAT = "liaison-desk-bundle"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 64 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TABLE = re.compile(r"[a-z_]{1,40}")

BAD_MANIFEST = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” is not a bundle from Liaison Desk, or it was damaged on the way. Ask for it to "
    "be exported again.",
)
NEWER_FORMAT = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” was written by a newer version of Liaison Desk. Install the newer version, then "
    "import it again; nothing has been changed.",
)


# One refusal type for every bundle step (desktop/sync/errors.py), so no reader misses one.
ManifestRefused = BundleRefused


@dataclass(frozen=True, slots=True)
class Manifest:
    """Everything about a bundle except its contents.

    ``seq`` counts the sender's bundles to this recipient within ``epoch``; a restore from a
    backup starts a new epoch, so numbers reused after a restore are not taken for a fork.
    ``previous`` is the SHA-256 of the sender's previous bundle to this recipient ("" for the
    first of an epoch): a broken chain is noticed. ``counts`` is rows per table, for the plan.
    ``sealed`` holds the encryption parameters (ephemeral key, nonce), base64.
    """

    bundle_id: uuid.UUID
    sender: uuid.UUID
    recipient: uuid.UUID
    epoch: uuid.UUID
    seq: int
    previous: str
    schema: str
    reference_version: int
    counts: Mapping[str, int]
    payload_sha256: str
    payload_size: int
    sealed: Mapping[str, str] = field(default_factory=dict)
    written_at: str = ""  # the sender's clock, shown only: never compared

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "bundle_id": str(self.bundle_id),
            "sender": str(self.sender),
            "recipient": str(self.recipient),
            "epoch": str(self.epoch),
            "seq": self.seq,
            "previous": self.previous,
            "schema": self.schema,
            "reference_version": self.reference_version,
            "counts": dict(sorted(self.counts.items())),
            "payload_sha256": self.payload_sha256,
            "payload_size": self.payload_size,
            "sealed": dict(sorted(self.sealed.items())),
            "written_at": self.written_at,
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes, file: str = "") -> Manifest:
        """Parse and check every field; a file from a newer program is refused as such."""
        bad = ManifestRefused(BAD_MANIFEST, file=file)
        if len(data) > MAX_MANIFEST_BYTES:
            raise bad
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise bad from exc
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise bad
        version = body.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise bad
        if version > FORMAT_VERSION:
            raise ManifestRefused(NEWER_FORMAT, file=file)
        try:
            manifest = cls(
                bundle_id=_uuid(body["bundle_id"]),
                sender=_uuid(body["sender"]),
                recipient=_uuid(body["recipient"]),
                epoch=_uuid(body["epoch"]),
                seq=_count(body["seq"], minimum=1),
                previous=_hash(body["previous"], empty=True),
                schema=_text(body["schema"], 40),
                reference_version=_count(body["reference_version"]),
                counts=_counts(body["counts"]),
                payload_sha256=_hash(body["payload_sha256"]),
                payload_size=_count(body["payload_size"]),
                sealed=_strings(body["sealed"]),
                written_at=_text(body.get("written_at", ""), 40),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise bad from exc
        if manifest.to_bytes() != data:  # not canonical: not written by us, or altered
            raise bad
        return manifest


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise TypeError(value)
    parsed = uuid.UUID(value)
    if str(parsed) != value:
        raise ValueError(value)
    return parsed


def _count(value: Any, minimum: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value < 2**53:
        raise ValueError(value)
    return value


def _hash(value: Any, empty: bool = False) -> str:
    if not isinstance(value, str) or not (_HEX64.fullmatch(value) or (empty and value == "")):
        raise ValueError(value)
    return value


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit or not value.isprintable():
        raise ValueError(value)
    return value


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > 100:
        raise ValueError(value)
    return {_table(k): _count(v) for k, v in value.items()}


def _table(name: Any) -> str:
    if not isinstance(name, str) or not _TABLE.fullmatch(name):
        raise ValueError(name)
    return name


def _strings(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > 10:
        raise ValueError(value)
    return {_table(k): _text(v, 200) for k, v in value.items()}
