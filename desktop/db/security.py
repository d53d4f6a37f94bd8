"""Local-only tables of access and accountability: the site's users and the audit log.

Neither travels in bundles: who signs in at a PC and what they revealed there belong to that
PC. models.py imports this module so that every reader of the tables has them.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base, UtcDateTime, utcnow


class User(Base):
    """A person who signs in (when the site has enabled sign-in), with a role
    (desktop.domain.roles.Role) and a password kept only as a scrypt hash."""

    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(40))  # shown, and named in the audit log
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class AuditEntry(Base):
    """One row of the append-only, hash-chained audit log (desktop/db/audit.py).

    ``row_hash`` is SHA-256 over the previous row's hash and this row's fields: changing any
    field of any row, or removing a row in the middle, breaks every hash after it. Triggers
    refuse UPDATE and DELETE (migration 0010). ``detail`` never holds a full phone or ID
    number."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(80))  # a user's login and name, or the PC account
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16), index=True)  # an AuditAction
    target: Mapped[str] = mapped_column(String(200), default="")  # what: a case, a file...
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))
