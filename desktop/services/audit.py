"""The audit log as the services use it: record an act, list the rows, verify the chain."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import audit as chain
from desktop.db.engine import Database
from desktop.db.security import AuditEntry
from desktop.domain.roles import AuditAction

log = logging.getLogger(__name__)

Who = Callable[[], tuple[str, str]]  # (actor, role) of whoever is at the PC now


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: object  # an aware UTC datetime
    actor: str
    role: str
    action: str
    target: str
    detail: str


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
            return [
                AuditRow(e.id, e.at, e.actor, e.role, e.action, e.target, e.detail)
                for e in s.scalars(query)
            ]

    def verify(self) -> chain.Verification:
        with self.db.read() as s:
            return chain.verify(s)
