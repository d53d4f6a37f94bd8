"""Bundles (数据包): export to a recipient, import with a plan, and what the 数据包 tab lists."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.bookkeeping import (
    BundleQuarantined,
    BundleReceived,
    BundleSent,
    SyncConflict,
    SyncWaiting,
)
from desktop.db.engine import Database, next_change_seq
from desktop.db.models import FeedbackCase, LocalKey, Site, SiteEnrolment
from desktop.domain.enums import SiteRole
from desktop.domain.roles import AuditAction
from desktop.domain.tables import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services import bundle_export as bx
from desktop.services import bundle_import as bi
from desktop.services.audit import joined, phrase
from desktop.services.bundle_conflicts import describe_conflict
from desktop.services.bundle_peers import Local, Peer, local_site, peer, peer_by_code, peers
from desktop.services.common import ServiceError
from desktop.sync import payload as pl
from desktop.sync.errors import BundleRefused

if TYPE_CHECKING:
    from desktop.services import Services

NOT_A_CONFLICT = QT_TRANSLATE_NOOP("Service", "This conflict was already settled.")
NOT_RECORDED = QT_TRANSLATE_NOOP("Service", "This bundle is no longer recorded here.")
NO_RECIPIENT = QT_TRANSLATE_NOOP(
    "Service", "There is no site to send bundles to yet: enroll the stations first."
)


class _Rollback(Exception):
    pass


@dataclass(frozen=True)
class PeerRow:
    site_id: uuid.UUID
    code: str
    name: str
    role: SiteRole
    revoked: bool


@dataclass(frozen=True)
class ReceivedRow:
    sender_code: str
    sender_name: str
    seq: int
    epoch: uuid.UUID
    written_at: str
    imported_at: object
    figures: dict[str, dict[str, int]]


@dataclass(frozen=True)
class GapRow:
    sender_code: str
    sender_name: str
    seq: int


@dataclass(frozen=True)
class QuarantineRow:
    sender_name: str
    seq: int
    reason: str
    file_name: str
    at: object


@dataclass(frozen=True)
class ConflictRow:
    conflict_id: uuid.UUID
    table: str
    record_id: uuid.UUID
    remote_version: int
    sender_name: str
    found_at: object
    summary: str = ""  # what the record is: a case number, a name, a date
    ours: str = ""  # the values that differ, as they are here…
    theirs: str = ""  # …and as the sender's copy has them


@dataclass(frozen=True)
class SyncMarks:
    """Where a record of this site stands with the county, from its change sequence."""

    sent_through: int
    confirmed: tuple[tuple[int, int], ...]  # (after, through] of bundles the county confirmed

    def state(self, change_seq: int) -> str:
        """ "unsent", "sent" or "confirmed"."""
        if change_seq > self.sent_through:
            return "unsent"
        if any(after < change_seq <= through for after, through in self.confirmed):
            return "confirmed"
        return "sent"


class BundleService:
    def __init__(self, services: Services) -> None:
        self._services = services
        self._db: Database = services.db

    # --- who ----------------------------------------------------------------------------------

    def _local(self, *, make_keys: bool = True) -> Local:
        current = self._services.site.current()
        if make_keys and current is not None and current.role is SiteRole.COUNTY:
            self._services.enrolment.county_keys()  # made on first use at the county
        with self._db.read() as s:
            return local_site(s, self._db.local_site_id(s))

    def _importer(self, path: Path) -> Local:
        """This site, for an import: which writes nothing when it refuses (not even keys)."""
        current = self._services.site.current()
        with self._db.read() as s:
            keyless = current is not None and current.role is SiteRole.COUNTY and (
                s.get(LocalKey, current.id) is None
            )  # fmt: skip
        if keyless:  # a county office gets its keys with its first enrollment: none yet
            bi.refuse_unknown(path)
        return self._local(make_keys=False)

    def recipients(self) -> list[PeerRow]:
        """The sites this one can send bundles to (revoked ones left out)."""
        local = self._local()
        with self._db.read() as s:
            return [
                PeerRow(p.site_id, p.code, p.name, p.role, p.revoked)
                for p in peers(s, local)
                if not p.revoked
            ]

    @staticmethod
    def _peer(s: Session, local: Local, site_id: uuid.UUID) -> Peer:
        found = peer(s, local, site_id)
        if found is None or found.revoked:
            raise ServiceError(NO_RECIPIENT)
        return found

    def recipient_by_code(self, code: str) -> PeerRow:
        local = self._local()
        with self._db.read() as s:
            p = peer_by_code(s, local, code)
        return PeerRow(p.site_id, p.code, p.name, p.role, p.revoked)

    # --- export -------------------------------------------------------------------------------

    def export(
        self,
        recipient_id: uuid.UUID,
        folder: Path,
        progress: ProgressFn = no_progress,
        cancelled: CancelledFn = never_cancelled,
    ) -> bx.ExportResult:
        """Record the next bundle (if anything changed) and write every unwritten one."""
        local = self._local()
        with self._db.write() as s:
            recipient = self._peer(s, local, recipient_id)
            bx.build(s, local, recipient, progress, cancelled)
        audit = self._services.audit
        written = bx.write_unwritten(self._db, recipient_id, folder, audit, recipient.name)
        return bx.ExportResult(tuple(p for p, _ in written), tuple(b for _, b in written))

    def write_again(self, bundle_id: uuid.UUID, folder: Path) -> Path:
        """A recorded bundle written once more, byte for byte (its copy was lost)."""
        with self._db.read() as s:
            sent = s.get(BundleSent, bundle_id)
            if sent is None:
                raise ServiceError(NOT_RECORDED)
            recipient = self._names(s).get(sent.recipient_id, ("", ""))[1]
        return bx.write_copy(self._db, bundle_id, folder, self._services.audit, recipient)[0]

    def sent(self, recipient_id: uuid.UUID | None = None) -> list[bx.SentBundle]:
        with self._db.read() as s:
            query = select(BundleSent).order_by(BundleSent.through_seq.desc())
            if recipient_id is not None:
                query = query.where(BundleSent.recipient_id == recipient_id)
            return [bx.sent_row(b) for b in s.scalars(query)]

    def pending_changes(self, recipient_id: uuid.UUID) -> int:
        """Records the next bundle to ``recipient_id`` would carry."""
        local = self._local()
        with self._db.read() as s:
            tables = bx.changes(s, local, self._peer(s, local, recipient_id))[2]
            return sum(len(rows) for rows in tables.values())

    # --- import -------------------------------------------------------------------------------

    def plan(
        self,
        path: Path,
        progress: ProgressFn = no_progress,
        cancelled: CancelledFn = never_cancelled,
    ) -> bi.ImportPlan:
        """What importing ``path`` would do; nothing is written (a fork is still set aside)."""
        return self._import(path, progress, cancelled, dry_run=True)

    def apply(
        self,
        path: Path,
        progress: ProgressFn = no_progress,
        cancelled: CancelledFn = never_cancelled,
    ) -> bi.ImportPlan:
        return self._import(path, progress, cancelled, dry_run=False)

    def _import(
        self, path: Path, progress: ProgressFn, cancelled: CancelledFn, *, dry_run: bool
    ) -> bi.ImportPlan:
        local = self._importer(path)
        with self._db.read() as s:
            opened = bi.open_bundle(s, local, path)
        m = opened.manifest
        try:
            with self._db.read() as s:
                if bi.check_sequence(s, opened):
                    return bi.ImportPlan(opened.file_name, opened.sender.code, opened.sender.name,
                                         m.seq, m.written_at, already=True)  # fmt: skip
        except BundleRefused as refusal:
            if refusal.reason in ("fork", "chain"):
                with self._db.write() as s:
                    bi.quarantine(s, opened, refusal.reason, path.read_bytes())
            raise
        body = bi.decrypt(opened, local)
        if not dry_run:
            self._services.backups.take("import")  # a backup before the bundle changes anything
        refold: Callable = self._services.casework.refold_many
        result: list[bi.ImportPlan] = []
        try:
            with self._db.write(remote=True) as s:
                result.append(bi.merge(s, local, opened, body, refold, progress, cancelled))
                if dry_run:
                    raise _Rollback
                self._record_import(s, result[0])  # committed with what it records
        except _Rollback:
            pass
        return result[0]

    def _record_import(self, s: Session, plan: bi.ImportPlan) -> None:
        merged = plan.merge
        what = phrase("bundle {seq} from {site}", seq=plan.seq, site=plan.sender_name)
        detail = joined(
            phrase("file {file}", file=plan.file_name),
            *(phrase(p, **{k: merged.total(k)}) for k, p in (
                ("new", "{new} new"), ("updated", "{updated} updated"),
                ("conflicts", "{conflicts} conflicts"), ("rejected", "{rejected} rejected"))),
        )  # fmt: skip
        self._services.audit.record(AuditAction.IMPORT, what, detail, session=s)

    # --- what the 数据包 tab lists ---------------------------------------------------------------

    @staticmethod
    def _names(s: Session) -> dict[uuid.UUID, tuple[str, str]]:
        """Site id -> (code, name), for listings (which never need keys)."""
        names = {site.id: (site.code, site.name) for site in s.scalars(select(Site))}
        names.update({e.site_id: (e.code, e.name) for e in s.scalars(select(SiteEnrolment))})
        return names

    def received(self) -> list[ReceivedRow]:
        with self._db.read() as s:
            names = self._names(s)
            query = select(BundleReceived).order_by(
                BundleReceived.sender_id, BundleReceived.epoch, BundleReceived.seq.desc()
            )
            return [
                ReceivedRow(*names.get(r.sender_id, ("", "")), r.seq, r.epoch, r.written_at,
                            r.imported_at, json.loads(r.counts))
                for r in s.scalars(query)
            ]  # fmt: skip

    def gaps(self) -> list[GapRow]:
        """Bundles missing between those received, per sender and epoch (an old epoch's missing
        bundles may still hold records, so they stay listed)."""
        with self._db.read() as s:
            names = self._names(s)
            pairs = s.execute(select(BundleReceived.sender_id, BundleReceived.epoch).distinct())
            out = []
            for sender, the_epoch in pairs:
                code, name = names.get(sender, ("", ""))
                out.extend(GapRow(code, name, n) for n in bi.missing(s, sender, the_epoch))
            return sorted(out, key=lambda g: (g.sender_code, g.seq))

    def quarantined(self) -> list[QuarantineRow]:
        with self._db.read() as s:
            names = self._names(s)
            query = select(BundleQuarantined).order_by(BundleQuarantined.sender_id,
                                                       BundleQuarantined.seq)  # fmt: skip
            return [
                QuarantineRow(names.get(q.sender_id, ("", ""))[1], q.seq, q.reason,
                              q.file_name, q.quarantined_at)
                for q in s.scalars(query)
            ]  # fmt: skip

    def conflicts(self) -> list[ConflictRow]:
        with self._db.read() as s:
            names = self._names(s)
            query = select(SyncConflict).where(~SyncConflict.resolved)
            out = []
            for c in s.scalars(query.order_by(SyncConflict.table_name)):
                theirs = pl.decode_row(c.table_name, json.loads(c.remote_row))
                table = pl.table(c.table_name)
                here = s.execute(select(table).where(table.c.id == c.record_id)).mappings().first()
                summary, ours_text, theirs_text = describe_conflict(c.table_name, here, theirs)
                out.append(
                    ConflictRow(c.id, c.table_name, c.record_id, c.remote_version,
                                names.get(c.sender_id, ("", ""))[1], c.found_at, summary,
                                ours_text, theirs_text)
                )  # fmt: skip
            return out

    def case_conflicts(self) -> int:
        """Cases whose steps forked (two sites acted at once): settled in the case's detail."""
        with self._db.read() as s:
            return s.scalar(
                select(func.count()).where(FeedbackCase.conflict, ~FeedbackCase.deleted)
            ) or 0  # fmt: skip

    def waiting(self) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count()).select_from(SyncWaiting)) or 0

    def resolve_conflict(self, conflict_id: uuid.UUID, *, take_theirs: bool) -> None:
        """Keep our copy, or take the copy the bundle carried (its owner's)."""
        with self._db.write(remote=True) as s:
            conflict = s.get(SyncConflict, conflict_id)
            if conflict is None or conflict.resolved:
                raise ServiceError(NOT_A_CONFLICT)
            conflict.resolved = True
            conflict.resolution = "taken" if take_theirs else "kept"
            if take_theirs:
                name = conflict.table_name
                row = pl.decode_row(name, json.loads(conflict.remote_row))
                table = pl.table(name)
                skip = pl.CASE_PROJECTION if name == "feedback_cases" else frozenset()
                values = {k: v for k, v in row.items() if k != "id" and k not in skip}
                values["change_seq"] = next_change_seq(s)
                s.execute(table.update().where(table.c.id == row["id"]).values(values))

    def marks(self) -> SyncMarks:
        """For the status column of this site's records (sent, confirmed by the county)."""
        with self._db.read() as s:
            rows = s.execute(
                select(BundleSent.after_seq, BundleSent.through_seq, BundleSent.acknowledged)
            ).all()
        sent = max((t for _, t, _ in rows), default=0)
        return SyncMarks(sent, tuple((a, t) for a, t, ok in rows if ok))
