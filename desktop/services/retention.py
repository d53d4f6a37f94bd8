"""Retention of personal data: who raised a feedback case is forgotten N years after it closed.

PIPL Art. 19 and 47: personal information is kept no longer than its purpose needs. The case
itself stays (station, dates, channel, category, village, deputies, department, every step,
outcome and satisfaction), so every figure of the dashboard and the annual report for those
years is unchanged; what identifies the person goes: the name and its pinyin keys, the phone,
the ID number, the attachments (scanned letters, photos), and the person's name, phones and ID
numbers inside the free text (the content, the reply, the steps' notes and texts). The text
itself stays: it is what was asked and answered, the substance the record exists for.

Travel: a site's purge of its own cases is an ordinary new version of each case, so the next
bundle purges the copy the other side holds (a station's purge reaches the county). A site
purges others' cases only in its own copy (it does not own them, so nothing travels).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, or_, select, text
from sqlalchemy.orm import Session

from desktop.db import sqlite
from desktop.db.bookkeeping import SyncConflict
from desktop.db.engine import Database
from desktop.db.models import AppSetting, CaseAttachment, CaseEvent, FeedbackCase
from desktop.domain.enums import CaseState
from desktop.domain.errors import ServiceError
from desktop.domain.roles import AuditAction, Permission
from desktop.domain.scrub import scrub
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.access import Access
from desktop.services.audit import AuditLog, joined, phrase

RETENTION_KEY = "retention_years"
TYPICAL_YEARS = 5  # what counties usually choose; the setting is off until someone chooses
MIN_YEARS, MAX_YEARS = 1, 30
CHUNK = 500
# What stands where a name or a number was: the mark Chinese documents use for a withheld name.
REMOVED = "×××"

BAD_YEARS = QT_TRANSLATE_NOOP("Service", "Choose a retention period of 1 to 30 years.")
RETENTION_OFF = QT_TRANSLATE_NOOP(
    "Service", "No retention period is set: choose how many years to keep personal data first."
)

# What scrub() leaves of a number (138****8000, 450123********1234, 0774-***7235): removed whole.
_MASKED = re.compile(r"(?:\d+-)?\d*\*{3,}[\dXx]*")
# Free-text keys of the steps' payloads (the rest are ids, dates and codes the fold reads).
_STEP_TEXTS = ("text", "reason", "where_to_go", "note")
_CASE_TEXTS = ("content", "reply_text", "village")


def cutoff(today: dt.date, years: int) -> dt.date:
    """The day ``years`` before ``today``: cases closed before it are due."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def redact(text: str, names: Iterable[str]) -> str:
    """``text`` without ``names`` (two characters or more) and without any phone or ID number."""
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, REMOVED)
    masked = scrub(text)
    return text if masked == text else _MASKED.sub(REMOVED, masked)


def _check(years: int) -> int:
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ServiceError(BAD_YEARS)
    return years


class RetentionService:
    """The retention period (an AppSetting, off by default) and the purge it allows."""

    def __init__(self, db: Database, access: Access, audit: AuditLog) -> None:
        self._db = db
        self._access = access
        self._audit = audit

    # --- the setting ----------------------------------------------------------------------

    def years(self) -> int | None:
        """The retention period in years; None: off (nothing is ever purged)."""
        with self._db.read() as s:
            return years_in(s)

    def set_years(self, years: int | None) -> None:
        self._access.require(Permission.MANAGE)
        if years is not None:
            _check(years)
        with self._db.write() as s:
            setting = s.get(AppSetting, RETENTION_KEY)
            if years is None:
                if setting is not None:
                    s.delete(setting)
            else:
                s.merge(AppSetting(key=RETENTION_KEY, value=str(years)))
            what = (
                phrase("retention {years} years", years=years) if years else phrase("retention off")
            )
            self._audit.record(AuditAction.SETTINGS, "", what, session=s)

    # --- what is due, and the purge --------------------------------------------------------

    def due(self, today: dt.date, years: int | None = None) -> int:
        """How many cases a purge would clear now (``years``: the setting's, or another to
        preview before it is saved; 0 when retention is off)."""
        years = self.years() if years is None else _check(years)
        if years is None:
            return 0
        with self._db.read() as s:
            return len(s.scalars(_due_query(cutoff(today, years))).all())

    def purge(
        self,
        today: dt.date,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> int:
        """Clear the personal details of every due case, in one transaction (Cancel: none),
        audited; the number of cases cleared."""
        self._access.require(Permission.MANAGE)
        years = self.years()
        if years is None:
            raise ServiceError(RETENTION_OFF)
        with self._db.write() as s:
            return purge_in(s, self._db.dialect, self._audit, cutoff(today, years), years,
                            progress, cancelled)  # fmt: skip

    def purge_with_backups(
        self,
        today: dt.date,
        folder: Path | None,
        progress: ProgressFn | None = None,
        cancelled: CancelledFn | None = None,
    ) -> Purged:
        """The purge, then (once it is committed) the backups in ``folder`` older than the
        period: whenever the purge runs, even with no case due, as they hold the people an
        earlier purge removed. ``folder`` None: a server database (no backup files here)."""
        cases = self.purge(today, progress, cancelled)
        return Purged(cases, self.prune_backups(folder, today) if folder is not None else [])

    def old_backups(self, folder: Path | None, today: dt.date, years: int | None = None) -> int:
        """How many backups in ``folder`` prune_backups would delete now (``years`` as in
        ``due``)."""
        years = self.years() if years is None else _check(years)
        if years is None or folder is None:
            return 0
        from desktop.db.backups import listed

        before = cutoff(today, years)
        return sum(1 for b in listed(folder) if b.taken.date() < before)

    def prune_backups(self, folder: Path, today: dt.date) -> list[Path]:
        """Delete the backups in ``folder`` older than the retention period (they hold the
        people the purge removed); the files deleted. Nothing when retention is off."""
        self._access.require(Permission.MANAGE)
        years = self.years()
        if years is None or not folder.is_dir():
            return []
        from desktop.db.backups import prune_older_than

        before = cutoff(today, years)
        removed = prune_older_than(folder, before)
        if removed:
            what = phrase("backups taken before {day}", day=before.isoformat())
            detail = joined(*(phrase("file {file}", file=p.name) for p in removed))
            self._audit.record(AuditAction.PURGE, what, detail)
        return removed


@dataclass(frozen=True)
class Purged:
    cases: int
    backups: list[Path]


def years_in(s: Session) -> int | None:
    """The retention period the database of ``s`` is set to; None: off."""
    setting = s.get(AppSetting, RETENTION_KEY)
    if setting is None or not setting.value.isdigit():
        return None
    return int(setting.value)


def purge_in(
    s: Session,
    dialect: str,
    audit: AuditLog,
    before: dt.date,
    years: int,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> int:
    """The purge inside the write transaction ``s`` (no permission asked: the caller did),
    recorded in ``audit`` in the same transaction; the number of cases cleared."""
    report = progress or (lambda done, total, text="": None)
    ids = list(s.scalars(_due_query(before)))
    for start in range(0, len(ids), CHUNK):
        _clear(s, ids[start : start + CHUNK])
        report(min(start + CHUNK, len(ids)), len(ids), "")
        if cancelled is not None and cancelled():
            raise Cancelled
    if ids:
        _clear_conflicts(s, set(ids))
        if dialect == "sqlite":
            # FTS5 keeps a changed row's old terms in its segments until they merge: merge
            # them all now, so the person's name leaves the file with the row.
            fts = sqlite.FTS_TABLE
            s.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))
    detail = joined(
        phrase("closed before {day}", day=before.isoformat()),
        phrase("retention {years} years", years=years),
    )
    audit.record(AuditAction.PURGE, phrase("{cases} cases", cases=len(ids)), detail, session=s)
    return len(ids)


def after_restore(s: Session, dialect: str, audit: AuditLog, today: dt.date, years: int) -> int:
    """A backup restored in place of a database whose period was ``years``: the period stays
    in force (a backup from before it was set would turn it off) and its purge is made again
    in ``s``, before the restored database is used, or the people it removed would be back."""
    if years_in(s) != years:
        s.merge(AppSetting(key=RETENTION_KEY, value=str(years)))
        what = phrase("retention {years} years", years=years)
        audit.record(AuditAction.SETTINGS, "", what, session=s)
    return purge_in(s, dialect, audit, cutoff(today, years), years)


def _due_query(before: dt.date):
    """Ids of the cases whose personal details are past ``before``: closed (or merged into a
    closed case, as a duplicate never closes itself), with no step on or after that day, and
    still holding something personal."""
    since = dt.datetime.combine(before, dt.time()).astimezone(dt.UTC)  # local midnight
    case = FeedbackCase
    closed = select(case.id).where(case.state == CaseState.CLOSED.value)
    recent = select(CaseEvent.id).where(CaseEvent.case_id == case.id, CaseEvent.at >= since)
    files = select(CaseAttachment.id).where(CaseAttachment.case_id == case.id)
    personal = [getattr(case, name) != "" for name in case.personal_fields]
    return (
        select(case.id)
        .where(
            ~case.deleted,
            case.received_date < before,  # the index narrows to old cases first
            or_(case.state == CaseState.CLOSED.value, case.merged_into_id.in_(closed)),
            ~exists(recent),
            or_(*personal, exists(files.where(~CaseAttachment.deleted))),
        )
        .order_by(case.id)
    )


def _clear(s: Session, ids: list[uuid.UUID]) -> None:
    """One chunk of due cases: fields, free text, steps and attachments."""
    cases = s.scalars(select(FeedbackCase).where(FeedbackCase.id.in_(ids))).all()
    names = {c.id: [c.person_name] for c in cases}
    for c in cases:
        for field in _CASE_TEXTS:
            value = getattr(c, field)
            cleaned = redact(value, names[c.id])
            if cleaned != value:
                setattr(c, field, cleaned)
        c.clear_personal()
    forget_in_steps(s, names)
    # A scanned letter or a photo is the person: the attachment becomes a tombstone, whose
    # file name and content the write hook clears (engine._stamp_changes).
    attachments = select(CaseAttachment).where(
        CaseAttachment.case_id.in_(ids), ~CaseAttachment.deleted
    )
    for attachment in s.scalars(attachments):
        attachment.deleted = True
    s.flush()


def forget_in_steps(s: Session, names: Mapping[uuid.UUID, Iterable[str]]) -> None:
    """Redact the steps of the cases in ``names`` (case id -> the person's names): they hold
    the reply and notes the list columns are folded from, so a later fold would bring the text
    back. Steps do not travel again (only new ones do): a site that takes another's purged
    version of a case calls this with the name its copy held (bundle_merge)."""
    if not names:
        return
    for event in s.scalars(select(CaseEvent).where(CaseEvent.case_id.in_(list(names)))):
        who = list(names[event.case_id])
        note = redact(event.note, who)
        if note != event.note:
            event.note = note
        payload = json.loads(event.payload or "{}")
        changed = False
        for key in _STEP_TEXTS:
            value = payload.get(key)
            if isinstance(value, str) and (cleaned := redact(value, who)) != value:
                payload[key], changed = cleaned, True
        if changed:
            event.payload = json.dumps(payload, ensure_ascii=False)
    s.flush()


def forgotten_names(s: Session, rows: Iterable[Mapping[str, object]]) -> dict[uuid.UUID, list[str]]:
    """For another site's versions of cases (``rows``, about to replace ours): the names our
    copies hold where the new version holds none (the owner purged it), for forget_in_steps."""
    blank = [r["id"] for r in rows if not any(r.get(f) for f in FeedbackCase.personal_fields)]
    if not blank:
        return {}
    query = select(FeedbackCase.id, FeedbackCase.person_name).where(
        FeedbackCase.id.in_(blank), FeedbackCase.person_name != ""
    )
    return {case_id: [name] for case_id, name in s.execute(query)}


def _clear_conflicts(s: Session, ids: set[uuid.UUID]) -> None:
    """Another site's copy of a purged case kept for a person to decide: cleared too."""
    from desktop.sync import payload as pl

    name = FeedbackCase.__tablename__
    found = select(SyncConflict).where(
        SyncConflict.table_name == name, SyncConflict.record_id.in_(list(ids))
    )
    for conflict in s.scalars(found):
        try:
            row = pl.decode_row(name, json.loads(conflict.remote_row))
        except (ValueError, TypeError):
            continue
        who = [str(row.get("person_name") or "")]
        for field in FeedbackCase.personal_fields:
            row[field] = ""
        for field in _CASE_TEXTS:
            if isinstance(row.get(field), str):
                row[field] = redact(row[field], who)
        conflict.remote_row = pl.plain_row(name, row)
