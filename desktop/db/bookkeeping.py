"""Local bookkeeping of bundles: what this site sent, what it received, what it set aside.

None of these tables travels (no change sequence): they describe this database's exchanges.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base, UtcDateTime, utcnow


class BundleSent(Base):
    """A bundle this site wrote: its place in the sequence to its recipient and the exact bytes,
    so that a copy lost on the way can be written again byte for byte (a new export under the
    same number would be a fork)."""

    __tablename__ = "bundles_sent"
    __table_args__ = (UniqueConstraint("recipient_id", "epoch", "seq"),)
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    recipient_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    epoch: Mapped[uuid.UUID] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    # The local change sequence the bundle covers: (after_seq, through_seq].
    after_seq: Mapped[int] = mapped_column(BigInteger)
    through_seq: Mapped[int] = mapped_column(BigInteger)
    # Receipts from the recipient acknowledged in it (so that new acknowledgements are news).
    acks_sent: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: rows per table
    file_name: Mapped[str] = mapped_column(String(200))
    written_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
    # Verified copies written so far: 0 means the file never reached a stick (it is written
    # again, byte for byte, by the next export to this recipient).
    copies: Mapped[int] = mapped_column(Integer, default=0)


class BundleReceived(Base):
    """The receipt of an imported bundle, written in the same transaction as its records."""

    __tablename__ = "bundles_received"
    __table_args__ = (UniqueConstraint("sender_id", "epoch", "seq"),)
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    sender_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    epoch: Mapped[uuid.UUID] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column(Integer)
    previous: Mapped[str] = mapped_column(String(64))
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the plan's figures
    reference_version: Mapped[int] = mapped_column(BigInteger, default=0)
    written_at: Mapped[str] = mapped_column(String(40), default="")  # the sender's clock, shown
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class BundleQuarantined(Base):
    """A signed bundle that could not be taken (a fork, a broken chain): kept, not applied."""

    __tablename__ = "bundles_quarantined"
    file_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    bundle_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    sender_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    epoch: Mapped[uuid.UUID] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(24))  # fork | chain
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    quarantined_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class SyncConflict(Base):
    """Another site's version of a record that truly conflicts with ours: a person decides."""

    __tablename__ = "sync_conflicts"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    remote_version: Mapped[int] = mapped_column(Integer)
    remote_row: Mapped[str] = mapped_column(Text)  # JSON, as the bundle carried it
    sender_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    found_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str] = mapped_column(String(12), default="")  # kept | taken


class SyncWaiting(Base):
    """A record that arrived before a record it points to (a bundle still on its way)."""

    __tablename__ = "sync_waiting"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    remote_row: Mapped[str] = mapped_column(Text)
    sender_id: Mapped[uuid.UUID] = mapped_column(Uuid)
