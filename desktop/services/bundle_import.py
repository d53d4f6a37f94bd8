"""Reading a bundle: verified whole (sender, signature, recipient, place in the sequence, payload
hash) before anything is decrypted, then merged in one transaction with its receipt.

A plan is the same merge rolled back, so what the clerk is shown is exactly what will happen.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.db.bookkeeping import BundleQuarantined, BundleReceived, BundleSent
from desktop.domain.tables import CancelledFn, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.bundle_export import MANIFEST, PAYLOAD, SIGNATURE, aad
from desktop.services.bundle_figures import MergeResult
from desktop.services.bundle_merge import Merger
from desktop.services.bundle_peers import Local, Peer, peer
from desktop.sync import archive, crypto
from desktop.sync import payload as pl
from desktop.sync.errors import BundleRefused
from desktop.sync.manifest import MAX_MANIFEST_BYTES, Manifest

MAX_FILE = 1 << 30  # a county's year of one station is a few megabytes; 1 GiB is no bundle
ALLOWED = {MANIFEST: MAX_MANIFEST_BYTES, SIGNATURE: 64, PAYLOAD: MAX_FILE}

UNKNOWN_SENDER = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” comes from a site this office has not enrolled, or it was changed after it was "
    "written. Nothing has been imported.",
)
REVOKED = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” comes from {name}, whose keys were revoked. Nothing has been imported; re-enroll "
    "the site and ask it to export again.",
)
FOREIGN = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” was written for another office, not this one. Nothing has been imported; check "
    "that you chose the right file.",
)
FORK = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” claims the number of bundle {seq} from {name}, but a different bundle {seq} "
    "from {name} was already imported. It has been set aside (quarantined) and nothing was "
    "imported; ask {name} which one is right.",
)
CHAIN = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” (bundle {seq} from {name}) does not follow on from the bundles of {name} "
    "already imported. It has been set aside (quarantined) and nothing was imported; ask "
    "{name} whether its database was replaced.",
)
STILL_QUARANTINED = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” was already set aside (quarantined) as not fitting the bundles of {name}. "
    "Nothing has been imported.",
)
WRONG_COUNTS = QT_TRANSLATE_NOOP(
    "Bundle",
    "The contents of “{file}” do not match its list of contents. Nothing has been imported; "
    "ask the sender to export it again.",
)


@dataclass(frozen=True)
class Opened:
    manifest: Manifest
    sender: Peer
    file_sha256: str
    file_name: str
    ciphertext: bytes


@dataclass
class ImportPlan:
    """What importing one bundle does (or did): shown before, reported after."""

    file_name: str
    sender_code: str
    sender_name: str
    seq: int
    written_at: str
    already: bool = False
    merge: MergeResult = field(default_factory=MergeResult)
    acknowledged: int = 0  # our bundles the sender confirms
    missing: tuple[int, ...] = ()  # the sender's bundles (this epoch) still not here


def open_bundle(session: Session, local: Local, path: Path) -> Opened:
    """Read and verify ``path`` up to the payload; BundleRefused for anything untrustworthy."""
    file = path.name
    members = archive.read_bundle(path, _allowed(path), max_file_size=MAX_FILE)
    manifest = Manifest.from_bytes(members[MANIFEST], file)
    sender = peer(session, local, manifest.sender)
    if sender is None or sender.site_id == local.site_id:
        raise BundleRefused(UNKNOWN_SENDER, reason="unknown sender", file=file)
    crypto.verify(members[MANIFEST], members[SIGNATURE], sender.public)
    if sender.revoked:
        raise BundleRefused(REVOKED, reason="revoked", file=file, name=sender.name)
    if manifest.recipient != local.site_id:
        raise BundleRefused(FOREIGN, reason="foreign recipient", file=file)
    payload = members[PAYLOAD]
    if len(payload) != manifest.payload_size or _sha(payload) != manifest.payload_sha256:
        raise BundleRefused(crypto.FORGED, reason="payload hash")
    with open(path, "rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    return Opened(manifest, sender, digest, file, payload)


def refuse_unknown(path: Path) -> None:
    """Refuse ``path`` at a site no one can send bundles to yet: as damaged if it is, else as
    coming from a site not enrolled here."""
    members = archive.read_bundle(path, _allowed(path), max_file_size=MAX_FILE)
    Manifest.from_bytes(members[MANIFEST], path.name)
    raise BundleRefused(UNKNOWN_SENDER, reason="unknown sender", file=path.name)


def _allowed(path: Path) -> dict[str, int]:
    """The member caps for this file. The payload is written stored (ciphertext does not
    compress), so it is never larger than the file: a deflated payload claiming more is a
    bomb, refused before a byte of it is inflated into memory."""
    try:
        size = path.stat().st_size
    except OSError:
        return ALLOWED  # read_bundle refuses the file itself, with the reason
    return {**ALLOWED, PAYLOAD: min(size, MAX_FILE)}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_sequence(session: Session, o: Opened) -> bool:
    """True if already imported; refuses (and sets aside) a fork or a broken chain."""
    m, file, name = o.manifest, o.file_name, o.sender.name
    got = session.scalar(
        select(BundleReceived).where(
            (BundleReceived.file_sha256 == o.file_sha256)
            | (BundleReceived.bundle_id == m.bundle_id)
        )
    )
    if got is not None:
        return True
    if session.get(BundleQuarantined, o.file_sha256) is not None:
        raise BundleRefused(STILL_QUARANTINED, reason="quarantined", file=file, name=name)
    same_epoch = {
        r.seq: r
        for r in session.scalars(
            select(BundleReceived).where(
                BundleReceived.sender_id == m.sender,
                BundleReceived.epoch == m.epoch,
                BundleReceived.seq.in_([m.seq - 1, m.seq, m.seq + 1]),
            )
        )
    }
    reason = ""
    if m.seq in same_epoch:
        reason = "fork"
    elif (
        (m.seq == 1) != (m.previous == "")
        or (m.seq - 1 in same_epoch and same_epoch[m.seq - 1].file_sha256 != m.previous)
        or (m.seq + 1 in same_epoch and same_epoch[m.seq + 1].previous != o.file_sha256)
    ):
        reason = "chain"
    if reason:
        raise BundleRefused(
            FORK if reason == "fork" else CHAIN, reason=reason, file=file, name=name,
            seq=str(m.seq),
        )  # fmt: skip
    return False


def quarantine(session: Session, o: Opened, reason: str, content: bytes) -> None:
    if session.get(BundleQuarantined, o.file_sha256) is None:
        m = o.manifest
        session.add(
            BundleQuarantined(
                file_sha256=o.file_sha256,
                bundle_id=m.bundle_id,
                sender_id=m.sender,
                epoch=m.epoch,
                seq=m.seq,
                reason=reason,
                file_name=o.file_name[:200],
                content=content,
            )
        )


def decrypt(o: Opened, local: Local) -> pl.Payload:
    m = o.manifest
    sealed = crypto.Sealed(
        _unb64(m.sealed.get("ephemeral", "")), _unb64(m.sealed.get("nonce", "")), o.ciphertext
    )
    body = pl.decode(crypto.open_sealed(sealed, local.keys, aad(m)), o.file_name)
    counts = {name: len(rows) for name, rows in body.tables.items()}
    if counts != dict(m.counts):
        raise BundleRefused(WRONG_COUNTS, reason="counts", file=o.file_name)
    return body


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return b""  # opening then fails as "not for us": the manifest was signed like this


def merge(
    session: Session,
    local: Local,
    o: Opened,
    body: pl.Payload,
    refold: Callable[..., None],  # CaseworkService.refold_many
    progress: ProgressFn,
    cancelled: CancelledFn,
) -> ImportPlan:
    """Apply ``body`` in ``session`` with its receipt; the caller commits or rolls back."""
    m = o.manifest
    plan = ImportPlan(o.file_name, o.sender.code, o.sender.name, m.seq, m.written_at)
    merger = Merger(session, m.sender, o.sender.stations, refold)
    plan.merge = merger.merge(body.tables, progress, cancelled)
    plan.acknowledged = _take_acks(session, m.sender, body.acks)
    session.add(
        BundleReceived(
            bundle_id=m.bundle_id,
            sender_id=m.sender,
            epoch=m.epoch,
            seq=m.seq,
            previous=m.previous,
            file_sha256=o.file_sha256,
            counts=json.dumps({k: v.as_dict() for k, v in plan.merge.tables.items()}),
            reference_version=m.reference_version,
            written_at=m.written_at,
        )
    )
    session.flush()
    plan.missing = missing(session, m.sender, m.epoch)
    return plan


def _take_acks(session: Session, sender: uuid.UUID, acks: list[pl.Ack]) -> int:
    """Mark our bundles the sender says it received (matching number and bytes)."""
    marked = 0
    for ack in acks:
        marked += session.execute(
            update(BundleSent)
            .where(
                BundleSent.recipient_id == sender,
                BundleSent.epoch == ack.epoch,
                BundleSent.seq == ack.seq,
                BundleSent.file_sha256 == ack.file_sha256,
                ~BundleSent.acknowledged,
            )
            .values(acknowledged=True)
        ).rowcount
    return marked


def missing(session: Session, sender: uuid.UUID, the_epoch: uuid.UUID) -> tuple[int, ...]:
    seqs = set(
        session.scalars(
            select(BundleReceived.seq).where(
                BundleReceived.sender_id == sender, BundleReceived.epoch == the_epoch
            )
        )
    )
    return tuple(n for n in range(1, max(seqs, default=0)) if n not in seqs)
