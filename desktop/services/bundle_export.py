"""Writing bundles: everything changed since the last bundle to a recipient, sealed to it.

The bundle is built and recorded (with its bytes) in one transaction, then written to the stick,
read back and checked. A bundle recorded but never written (the stick was pulled) is written
again, byte for byte, by the next export to that recipient: a fresh bundle under the same number
would look like a forgery to the county.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.bookkeeping import BundleReceived, BundleSent
from desktop.db.engine import Database
from desktop.db.models import AppSetting, ChangeCounter
from desktop.db.revision import HEAD
from desktop.domain.enums import SiteRole
from desktop.domain.roles import AuditAction
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.services.audit import AuditLog, joined, phrase
from desktop.services.bundle_peers import STATION_TO_COUNTY, Local, Peer
from desktop.services.bundle_scope import changed_rows
from desktop.services.common import ServiceError
from desktop.sync import archive, crypto
from desktop.sync import payload as pl
from desktop.sync.errors import BundleRefused
from desktop.sync.manifest import Manifest

EPOCH_KEY = "bundle_epoch"
SUFFIX = ".ldbundle"
MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "manifest.sig", "payload.bin"


@dataclass(frozen=True)
class SentBundle:
    bundle_id: uuid.UUID
    recipient_id: uuid.UUID
    seq: int
    counts: dict[str, int]
    file_name: str
    written_at: dt.datetime
    acknowledged: bool
    copies: int

    @property
    def records(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    bundles: tuple[SentBundle, ...]

    @property
    def nothing_changed(self) -> bool:
        return not self.files


def sent_row(b: BundleSent) -> SentBundle:
    return SentBundle(b.bundle_id, b.recipient_id, b.seq, json.loads(b.counts), b.file_name,
                      b.written_at, b.acknowledged, b.copies)  # fmt: skip


def epoch(session: Session) -> uuid.UUID:
    """This database's bundle epoch (made on first use; a restore from a backup makes a new one)."""
    setting = session.get(AppSetting, EPOCH_KEY)
    if setting is None:
        setting = AppSetting(key=EPOCH_KEY, value=str(uuid.uuid4()))
        session.add(setting)
    return uuid.UUID(setting.value)


def aad(m: Manifest) -> bytes:
    """What the sealed payload is bound to: it cannot be moved under another manifest."""
    return f"{m.bundle_id}|{m.sender}|{m.recipient}|{m.epoch}|{m.seq}".encode()


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "-", text).strip("-.") or "site"


def file_name(local: Local, recipient: Peer, the_epoch: uuid.UUID, seq: int) -> str:
    return f"{_safe(local.code)}-{_safe(recipient.code)}-{the_epoch.hex[:8]}-{seq:04d}{SUFFIX}"


def reference_version(session: Session, local: Local) -> int:
    """At the county, its change counter; elsewhere, the newest county version taken in."""
    if local.role is SiteRole.COUNTY:
        return session.scalar(select(ChangeCounter.value)) or 0
    return session.scalar(select(func.max(BundleReceived.reference_version))) or 0


def _acks(session: Session, peer_id: uuid.UUID) -> list[pl.Ack]:
    query = (
        select(BundleReceived.epoch, BundleReceived.seq, BundleReceived.file_sha256)
        .where(BundleReceived.sender_id == peer_id)
        .order_by(BundleReceived.epoch, BundleReceived.seq)
    )
    return [pl.Ack(e, s, h) for e, s, h in session.execute(query)]


def changes(
    session: Session,
    local: Local,
    recipient: Peer,
    progress: ProgressFn = no_progress,
    cancelled: CancelledFn = never_cancelled,
) -> tuple[int, int, dict[str, list]]:
    """What the next bundle to ``recipient`` carries: the local change sequence it covers,
    (after, through], and its rows table by table (none: nothing new)."""
    after = _readable_through(session, recipient.site_id, local.keys)
    through = session.scalar(select(ChangeCounter.value)) or 0
    stations = recipient.stations if local.role is SiteRole.COUNTY else None
    tables: dict[str, list] = {}
    for i, name in enumerate(pl.TRAVELLING):
        rows = changed_rows(session, name, local.site_id, after, through, stations)
        if rows:
            tables[name] = rows
        progress(i + 1, len(pl.TRAVELLING) + 2, "")
        if cancelled():
            raise Cancelled
    return after, through, tables


def build(
    session: Session,
    local: Local,
    recipient: Peer,
    progress: ProgressFn = no_progress,
    cancelled: CancelledFn = never_cancelled,
) -> BundleSent | None:
    """Record the next bundle to ``recipient`` in ``session``; None when there is nothing new."""
    if local.role is not SiteRole.COUNTY and recipient.role is not SiteRole.COUNTY:
        raise ServiceError(STATION_TO_COUNTY)
    last = session.scalars(
        select(BundleSent)
        .where(BundleSent.recipient_id == recipient.site_id)
        .order_by(BundleSent.through_seq.desc(), BundleSent.seq.desc())  # never the clock
        .limit(1)
    ).first()
    after, through, tables = changes(session, local, recipient, progress, cancelled)
    acks = _acks(session, recipient.site_id)
    # New acknowledgements alone are worth a bundle from the county (the station learns what
    # arrived); a station sends them along with its records.
    news = local.role is SiteRole.COUNTY and len(acks) > (last.acks_sent if last else 0)
    if not tables and not news:
        return None
    the_epoch = epoch(session)
    previous = session.scalars(
        select(BundleSent)
        .where(BundleSent.recipient_id == recipient.site_id, BundleSent.epoch == the_epoch)
        .order_by(BundleSent.seq.desc())
        .limit(1)
    ).first()
    seq = previous.seq + 1 if previous else 1
    body = pl.encode(acks, tables)
    progress(len(pl.TRAVELLING) + 1, len(pl.TRAVELLING) + 2, "")
    counts = {name: len(rows) for name, rows in tables.items()}
    bundle_id = uuid.uuid4()
    draft = Manifest(
        bundle_id=bundle_id, sender=local.site_id, recipient=recipient.site_id, epoch=the_epoch,
        seq=seq, previous=previous.file_sha256 if previous else "", schema=HEAD,
        reference_version=reference_version(session, local), counts=counts,
        payload_sha256="0" * 64, payload_size=0,
        written_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )  # fmt: skip
    sealed = crypto.seal(body, recipient.public, aad(draft))
    manifest = Manifest(
        **{**_fields(draft), "payload_sha256": _sha(sealed.ciphertext),
           "payload_size": len(sealed.ciphertext),
           "sealed": {"ephemeral": _b64(sealed.ephemeral_public), "nonce": _b64(sealed.nonce)}},
    )  # fmt: skip
    raw = manifest.to_bytes()
    data = archive.pack(
        {MANIFEST: raw, SIGNATURE: crypto.sign(raw, local.keys), PAYLOAD: sealed.ciphertext}
    )
    sent = BundleSent(
        bundle_id=bundle_id, recipient_id=recipient.site_id, epoch=the_epoch, seq=seq,
        file_sha256=_sha(data), after_seq=after, through_seq=through, acks_sent=len(acks),
        counts=json.dumps(counts), file_name=file_name(local, recipient, the_epoch, seq),
        content=data, acknowledged=False, copies=0,
    )  # fmt: skip
    session.add(sent)
    return sent


def _readable_through(session: Session, recipient_id: uuid.UUID, keys: crypto.SiteKeys) -> int:
    """Where the next bundle starts: after the newest one the recipient can take in. A bundle
    signed with keys this site no longer holds (it was re-enrolled, its old keys revoked) is
    refused there unless it arrived before, so what it carried goes again."""
    sent = session.scalars(
        select(BundleSent)
        .where(BundleSent.recipient_id == recipient_id)
        .order_by(BundleSent.through_seq.desc(), BundleSent.seq.desc())
    )
    for bundle in sent:
        if bundle.acknowledged or _signed_with(bundle.content, keys):
            return bundle.through_seq
    return 0


def _signed_with(data: bytes, keys: crypto.SiteKeys) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as recorded:  # our own bytes, as recorded
        manifest, signature = recorded.read(MANIFEST), recorded.read(SIGNATURE)
    try:
        crypto.verify(manifest, signature, keys.public())
    except BundleRefused:
        return False
    return True


def write_unwritten(
    db: Database, recipient_id: uuid.UUID, folder: Path, audit: AuditLog | None = None,
    recipient: str = "",
) -> list[tuple[Path, SentBundle]]:  # fmt: skip
    """Write every bundle to ``recipient_id`` not yet on a stick, in order, each verified."""
    with db.read() as s:
        pending = s.scalars(
            select(BundleSent.bundle_id)
            .where(BundleSent.recipient_id == recipient_id, BundleSent.copies == 0)
            .order_by(BundleSent.through_seq, BundleSent.seq)
        ).all()
    return [write_copy(db, bundle_id, folder, audit, recipient) for bundle_id in pending]


def write_copy(
    db: Database, bundle_id: uuid.UUID, folder: Path, audit: AuditLog | None = None,
    recipient: str = "",
) -> tuple[Path, SentBundle]:  # fmt: skip
    """Write a recorded bundle's exact bytes into ``folder`` (again, if a copy was lost); once
    written and checked, the copy is counted and the export is in the audit log, together."""
    with db.read() as s:
        sent = s.get(BundleSent, bundle_id)
        if sent is None:
            raise KeyError(bundle_id)
        target, data = folder / sent.file_name, sent.content
    digest = archive.write_packed(target, data)
    if digest != _sha(data):  # the bytes recorded are not the bytes written: never say "done"
        raise AssertionError("bundle bytes changed between recording and writing")
    with db.write() as s:
        sent = s.get(BundleSent, bundle_id)
        sent.copies += 1
        row = sent_row(sent)
        if audit is not None:
            what = phrase("bundle {seq} to {site}", seq=row.seq, site=recipient)
            detail = joined(phrase("file {file}", file=target.name),
                            phrase("{records} records", records=row.records))  # fmt: skip
            audit.record(AuditAction.EXPORT, what, detail, session=s)
        return target, row


def _fields(m: Manifest) -> dict:
    return {f.name: getattr(m, f.name) for f in fields(m)}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
