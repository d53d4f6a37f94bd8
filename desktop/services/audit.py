"""The audit log as the services use it: record an act, list the rows, verify the chain, export.

What a row says (its target and detail) is stored as English phrases from ``PHRASES``, joined by
"; ", so the stored text (which the chain hashes) never depends on the language of the PC;
``describe`` shows each phrase translated. Names, case numbers and ledger titles stay as they are.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import audit as chain
from desktop.db.engine import Database
from desktop.db.security import AuditEntry
from desktop.domain.errors import ServiceError
from desktop.domain.programme_specs import SPECS
from desktop.domain.records import Page
from desktop.domain.roles import AUDIT_LABELS, ROLE_LABELS, AuditAction, Permission, Role
from desktop.domain.scrub import scrub
from desktop.domain.tables import CellKind, Column, SheetData
from desktop.domain.tr import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

Who = Callable[[], tuple[str, str]]  # (actor, role) of whoever is at the PC now
Translate = Callable[[str, str], str]  # (context, source) -> text: QCoreApplication.translate
SEPARATOR = "; "
SHOWN_SEPARATOR = QT_TRANSLATE_NOOP("AuditText", "; ")  # between phrases, as shown
PAGE = 200

# Every phrase a target or detail is made of (context "AuditText"); placeholders are values.
PHRASES = (
    QT_TRANSLATE_NOOP("AuditText", "case {number}"),
    QT_TRANSLATE_NOOP("AuditText", "deputy {name}"),
    QT_TRANSLATE_NOOP("AuditText", "department {name}"),
    QT_TRANSLATE_NOOP("AuditText", "duty day {day} at {station}"),
    QT_TRANSLATE_NOOP("AuditText", "visit {day} at {station}"),
    QT_TRANSLATE_NOOP("AuditText", "activity {day}: {title}"),
    QT_TRANSLATE_NOOP("AuditText", "attachment of case {number}"),  # its file name is personal
    QT_TRANSLATE_NOOP("AuditText", "referral slip of case {number}"),
    QT_TRANSLATE_NOOP("AuditText", "reply slip of case {number}"),
    QT_TRANSLATE_NOOP("AuditText", "bundle {seq} to {site}"),
    QT_TRANSLATE_NOOP("AuditText", "bundle {seq} from {site}"),
    QT_TRANSLATE_NOOP("AuditText", "workbook {file}"),
    QT_TRANSLATE_NOOP("AuditText", "annual report {year}"),
    QT_TRANSLATE_NOOP("AuditText", "the audit log"),
    QT_TRANSLATE_NOOP("AuditText", "file {file}"),
    QT_TRANSLATE_NOOP("AuditText", "to paper"),
    QT_TRANSLATE_NOOP("AuditText", "saved as PDF"),
    QT_TRANSLATE_NOOP("AuditText", "phone and ID numbers masked"),
    QT_TRANSLATE_NOOP("AuditText", "phone and ID numbers in full"),
    QT_TRANSLATE_NOOP("AuditText", "{rows} rows"),
    QT_TRANSLATE_NOOP("AuditText", "{records} records"),
    QT_TRANSLATE_NOOP("AuditText", "{pages} pages"),
    QT_TRANSLATE_NOOP("AuditText", "{stations} stations"),
    QT_TRANSLATE_NOOP("AuditText", "{new} new"),
    QT_TRANSLATE_NOOP("AuditText", "{updated} updated"),
    QT_TRANSLATE_NOOP("AuditText", "{unchanged} unchanged"),
    QT_TRANSLATE_NOOP("AuditText", "{conflicts} conflicts"),
    QT_TRANSLATE_NOOP("AuditText", "{rejected} rejected"),
    QT_TRANSLATE_NOOP("AuditText", "only {action}"),
    # access.py's own details
    QT_TRANSLATE_NOOP("AuditText", "user added: {role}"),
    QT_TRANSLATE_NOOP("AuditText", "password changed"),
    QT_TRANSLATE_NOOP("AuditText", "user enabled"),
    QT_TRANSLATE_NOOP("AuditText", "user disabled"),
    QT_TRANSLATE_NOOP("AuditText", "sign-in required"),
    QT_TRANSLATE_NOOP("AuditText", "sign-in turned off"),
    # backups and retention
    QT_TRANSLATE_NOOP("AuditText", "backup taken {taken}"),
    QT_TRANSLATE_NOOP("AuditText", "the database before it set aside as {file}"),
    QT_TRANSLATE_NOOP("AuditText", "encrypted backup of {size} bytes"),
    QT_TRANSLATE_NOOP("AuditText", "retention {years} years"),
    QT_TRANSLATE_NOOP("AuditText", "retention off"),
    QT_TRANSLATE_NOOP("AuditText", "{cases} cases"),
    QT_TRANSLATE_NOOP("AuditText", "closed before {day}"),
    QT_TRANSLATE_NOOP("AuditText", "backups taken before {day}"),
    # a programme record: its kind's word (projects, drafts...) and its title or name
    QT_TRANSLATE_NOOP("AuditText", "{programme}: {name}"),
)
_PATTERNS = [
    (p, re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(p)))) for p in PHRASES
]


def phrase(source: str, **values: object) -> str:
    """One phrase of ``PHRASES`` with its values, as stored."""
    assert source in PHRASES, source
    return source.format(**values)


def joined(*parts: str) -> str:
    return SEPARATOR.join(p for p in parts if p)


def masking(reveal: bool) -> str:
    """Whether phone and ID numbers went out in full (never the numbers themselves)."""
    if reveal:
        return phrase("phone and ID numbers in full")
    return phrase("phone and ID numbers masked")


def record_delete(audit: AuditLog | None, session: Session, target: str, detail: str = "") -> None:
    """A record deleted (or tombstoned) in ``session``: the row commits with the delete, and a
    delete refused or rolled back leaves none."""
    if audit is not None:
        audit.record(AuditAction.DELETE, target, detail, session=session)


def record_report(audit: AuditLog, year: int, target: Path, fmt: str, count: int) -> None:
    """The annual report written to ``target`` (``count``: its pages, or for a workbook or
    JSON its stations): recorded once the file is there."""
    if fmt == "pdf":
        size = phrase("{pages} pages", pages=count)
    else:
        size = phrase("{stations} stations", stations=count)
    detail = joined(phrase("file {file}", file=Path(target).name), size)
    audit.record(AuditAction.EXPORT, phrase("annual report {year}", year=year), detail)


def untranslated(_context: str, source: str) -> str:
    return source


def _label(key: str, value: str, translate: Translate) -> str:
    """A role, an action or a programme kind stored by its code word, shown by its label."""
    if key == "role" and value in ROLE_LABELS:
        return translate("Roles", ROLE_LABELS[Role(value)])
    if key == "action" and value in AUDIT_LABELS:
        return translate("Audit", AUDIT_LABELS[AuditAction(value)])
    if key == "programme":
        return translate("Programme", SPECS[value].label)
    return value


def _known(values: dict[str, str]) -> bool:
    """A programme's phrase names a programme kind (other text with a colon stays as stored)."""
    return "programme" not in values or values["programme"] in SPECS


def describe(text: str, translate: Translate = untranslated) -> str:
    """A stored target or detail in the reader's language: known phrases translated, the rest
    (names, numbers, titles) as stored."""
    out = []
    for part in text.split(SEPARATOR) if text else ():
        for source, pattern in _PATTERNS:
            found = pattern.fullmatch(part)
            if found is not None and _known(found.groupdict()):
                values = {k: _label(k, v, translate) for k, v in found.groupdict().items()}
                part = translate("AuditText", source).format(**values)
                break
        out.append(part)
    return translate("AuditText", SHOWN_SEPARATOR).join(out)


def local_time(at: dt.datetime, seconds: bool = False) -> str:
    """A row's time on this PC's clock: 2025-03-05 14:03."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # aware, UTC
    actor: str
    role: str
    action: str
    target: str
    detail: str
    row_hash: str = ""


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.id, e.at, e.actor, e.role, e.action, e.target, e.detail, e.row_hash)


class AuditLog:
    """Append-only: nothing here changes or removes a row (the database refuses it too)."""

    def __init__(self, db: Database, who: Who) -> None:
        self.db = db
        self._who = who

    def record(
        self,
        action: AuditAction,
        target: str = "",
        detail: str = "",
        *,
        session: Session | None = None,
    ) -> None:
        """Record ``action`` by whoever is at the PC. Inside ``session`` (a write transaction)
        the row commits or rolls back with the change it records; else in its own.
        A read-only database cannot take a row: the act goes to the log file instead."""
        actor, role = self._who()
        if session is not None:
            chain.append(session, actor=actor, role=role, action=action, target=target,
                         detail=detail)  # fmt: skip
            return
        if self.db.read_only:
            log.warning("audit (read-only database): %s %s %s %s", actor, action, target, detail)
            return
        with self.db.write() as s:
            chain.append(s, actor=actor, role=role, action=action, target=target, detail=detail)

    def wrong_sign_ins(self, login: str | None, limit: int) -> list[dt.datetime]:
        """When ``login``'s sign-in failed since it last signed in, newest first, at most
        ``limit``; ``login`` None: the login whose sign-in failed last. Each query walks the
        action index backwards from the newest row, so a long log costs nothing."""
        wrong, right = AuditAction.SIGN_IN_FAILED.value, AuditAction.SIGN_IN.value
        newest = select(AuditEntry.target).order_by(AuditEntry.id.desc()).limit(1)
        with self.db.read() as s:
            if login is None:
                target = s.scalar(newest.where(AuditEntry.action == wrong))
                if target is None:
                    return []
            else:
                target = scrub(login.strip())[:200]  # as chain.append stores a target
            last = s.scalar(
                select(AuditEntry.id)
                .where(AuditEntry.action == right, AuditEntry.target == target)
                .order_by(AuditEntry.id.desc())
                .limit(1)
            )
            query = (
                select(AuditEntry.at)
                .where(AuditEntry.action == wrong, AuditEntry.target == target)
                .where(AuditEntry.id > (last or 0))
                .order_by(AuditEntry.id.desc())
                .limit(limit)
            )
            return list(s.scalars(query))

    def count(self, action: str | None = None) -> int:
        with self.db.read() as s:
            query = select(func.count()).select_from(AuditEntry)
            if action:
                query = query.where(AuditEntry.action == action)
            return s.scalar(query) or 0

    def rows(self, *, limit: int = 500, offset: int = 0, action: str | None = None,
             newest_first: bool = True) -> list[AuditRow]:  # fmt: skip
        with self.db.read() as s:
            query = select(AuditEntry)
            if action:
                query = query.where(AuditEntry.action == action)
            order = AuditEntry.id.desc() if newest_first else AuditEntry.id
            query = query.order_by(order).limit(limit).offset(offset)
            return [_row(e) for e in s.scalars(query)]

    def page(self, after: tuple | None = None, limit: int = PAGE,
             action: str | None = None) -> Page[AuditRow]:  # fmt: skip
        """Newest first, by key (never OFFSET): ``after`` is the previous page's next_key."""
        with self.db.read() as s:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if action:
                query = query.where(AuditEntry.action == action)
            if after is not None:
                query = query.where(AuditEntry.id < after[0])
            rows = tuple(_row(e) for e in s.scalars(query))
        return Page(rows, (rows[-1].id,) if len(rows) == limit else None)

    def verify(self) -> chain.Verification:
        with self.db.read() as s:
            return chain.verify(s)

    def broken_row(self, verification: chain.Verification) -> AuditRow | None:
        """The first row whose hash does not hold (its id and time name it), if any."""
        if verification.broken_at is None:
            return None
        with self.db.read() as s:
            entry = s.get(AuditEntry, verification.broken_at)
            return _row(entry) if entry is not None else None


# --- the administrator's view: listing and exporting need MANAGE --------------------------------

EXPORT_COLUMNS = (
    Column("id", "序号", CellKind.INTEGER, 6),
    Column("at", "时间", CellKind.TEXT, 19),
    Column("actor", "操作人", CellKind.TEXT, 18),
    Column("role", "角色", CellKind.TEXT, 10),
    Column("action", "操作", CellKind.TEXT, 10),
    Column("target", "对象", CellKind.LONG_TEXT, 30),
    Column("detail", "详情", CellKind.LONG_TEXT, 36),
    Column("row_hash", "本行哈希", CellKind.TEXT, 20),
)
EXPORT_FORMATS = (".xlsx", ".csv")
WRONG_FORMAT = QT_TRANSLATE_NOOP(
    "Service", "The audit log is exported as an Excel workbook (.xlsx) or a CSV file (.csv)."
)


def role_label(role: str, translate: Translate = untranslated) -> str:
    labels = {r.value: text for r, text in ROLE_LABELS.items()}
    return translate("Roles", labels[role]) if role in labels else role


def action_label(action: str, translate: Translate = untranslated) -> str:
    labels = {a.value: text for a, text in AUDIT_LABELS.items()}
    return translate("Audit", labels[action]) if action in labels else action


class AuditReview:
    """The audit log as a station head or an administrator reads it (Permission.MANAGE).
    Verifying needs no permission: it shows no personal data, only whether the chain holds."""

    def __init__(self, access: Any) -> None:  # services.access (access.py imports this module)
        self._access = access
        self.log: AuditLog = access.audit

    def require(self) -> None:
        self._access.require(Permission.MANAGE)

    def page(self, after: tuple | None = None, limit: int = PAGE,
             action: str | None = None) -> Page[AuditRow]:  # fmt: skip
        self.require()
        return self.log.page(after, limit, action)

    def count(self, action: str | None = None) -> int:
        self.require()
        return self.log.count(action)

    def verify(self) -> chain.Verification:
        return self.log.verify()

    def every_row(self, action: str | None = None) -> list[AuditRow]:
        """Oldest first, all of them (an export, a listing on the command line)."""
        self.require()
        out: list[AuditRow] = []
        after: tuple | None = None
        while True:
            page = self.log.page(after, 2000, action)
            out.extend(page.rows)
            if page.next_key is None:
                return out[::-1]
            after = page.next_key

    def export(self, target: Path, action: str | None = None,
               translate: Translate = untranslated) -> int:  # fmt: skip
        """Write the rows (``action`` only, if given) to an .xlsx or .csv file; the export is
        recorded in the log after the file is written. Returns the rows written."""
        self.require()
        target = Path(target)
        if target.suffix.lower() not in EXPORT_FORMATS:
            raise ServiceError(WRONG_FORMAT)
        rows = self.every_row(action)
        cells = [
            (r.id, local_time(r.at, seconds=True), r.actor, role_label(r.role, translate),
             action_label(r.action, translate), describe(r.target, translate),
             describe(r.detail, translate), r.row_hash)
            for r in rows
        ]  # fmt: skip
        if target.suffix.lower() == ".csv":
            from desktop.formats.csv_write import write_csv

            write_csv(target, [c.header for c in EXPORT_COLUMNS], cells)
        else:
            from desktop.formats.xlsx_write import write_workbook

            write_workbook(target, [SheetData("审计日志", EXPORT_COLUMNS, cells)])
        detail = joined(
            phrase("file {file}", file=target.name),
            phrase("{rows} rows", rows=len(rows)),
            phrase("only {action}", action=action) if action else "",
        )
        self.log.record(AuditAction.EXPORT, phrase("the audit log"), detail)
        return len(rows)
