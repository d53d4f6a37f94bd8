"""The audit log's chain: appending a row and verifying every row (reliability row 28).

Each row's hash is SHA-256 over the previous row's hash and the row's own fields, written as
canonical JSON; the first row's previous hash is GENESIS. Verification recomputes the chain
from the first row: a changed field, a removed or inserted row in the middle, or a row copied
from elsewhere breaks it at that row. (Cutting rows off the end leaves a shorter chain that
still holds; the chain's length and last hash are shown by ``audit --verify`` so that a
printed or exported copy can anchor it.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.db.base import utcnow
from desktop.db.security import AuditEntry
from desktop.domain.scrub import scrub

GENESIS = "0" * 64
_PG_LOCK = 0x4C44_4155  # pg_advisory_xact_lock's key for the audit log ("LDAU")


def row_hash(prev_hash: str, at: dt.datetime, actor: str, role: str, action: str,
             target: str, detail: str) -> str:  # fmt: skip
    stamp = at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    fields = [prev_hash, stamp, actor, role, action, target, detail]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(session: Session, *, actor: str, role: str, action: str, target: str = "",
           detail: str = "") -> AuditEntry:  # fmt: skip
    """A new last row, inside ``session``'s write transaction (committed with the change it
    records). Writers queue: SQLite's BEGIN IMMEDIATE, an advisory lock on PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
    last = session.scalar(select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = last or GENESIS
    at = utcnow()
    target, detail = scrub(target)[:200], scrub(detail)
    entry = AuditEntry(
        at=at, actor=actor[:80], role=role, action=action, target=target, detail=detail,
        prev_hash=prev, row_hash=row_hash(prev, at, actor[:80], role, action, target, detail),
    )  # fmt: skip
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class Verification:
    rows: int  # rows checked
    last_hash: str  # the chain's head: write it down to notice rows cut off the end
    broken_at: int | None = None  # the id of the first row whose hash does not hold

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, batch: int = 5000) -> Verification:
    """Recompute the whole chain, in id order, a batch at a time."""
    prev, rows, after = GENESIS, 0, 0
    while True:
        chunk = session.scalars(
            select(AuditEntry).where(AuditEntry.id > after).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not chunk:
            return Verification(rows, prev)
        for e in chunk:
            expected = row_hash(prev, e.at, e.actor, e.role, e.action, e.target, e.detail)
            if e.prev_hash != prev or e.row_hash != expected:
                return Verification(rows, prev, broken_at=e.id)
            prev, rows, after = e.row_hash, rows + 1, e.id
        session.expunge_all()
