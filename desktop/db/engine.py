"""Opening a database: the engine, the sessions, and the bookkeeping every write gets."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.db import sqlite
from desktop.db.base import Tracked, utcnow
from desktop.db.location import server_url, shown
from desktop.db.models import AppSetting, ChangeCounter
from desktop.domain.errors import DatabaseRefused
from desktop.domain.tr import QT_TRANSLATE_NOOP

LOCAL_SITE_KEY = "local_site_id"

# A write the disk could not take, or a file another program holds: rolled back whole, and
# said in words a clerk can act on (reliability rows 3 and 10).
DISK_FULL = QT_TRANSLATE_NOOP(
    "Storage",
    "The disk holding the database {path} is full, so nothing of this change was saved. Free "
    "some space (empty the recycle bin, move old files away) and do it again.",
)
IN_USE = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} is busy in another program or another Liaison Desk window, so "
    "nothing of this change was saved. Close the other program and do it again.",
)
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_FULL = 5, 6, 13
_PG_DISK_FULL = "53100"


def storage_refusal(exc: OperationalError, where: str) -> DatabaseRefused | None:
    """A full disk or a held file as a refusal (None: some other failure)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code == _SQLITE_FULL or getattr(exc.orig, "sqlstate", None) == _PG_DISK_FULL:
        return DatabaseRefused(DISK_FULL, path=where)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseRefused(IN_USE, path=where)
    return None


class Database:
    """One database: a read session and a write session factory over one engine.

    ``location`` is a SQLite file (a station's, a township centre's, a county office with one
    PC) or a PostgreSQL server URL (a county office with several PCs): the same models,
    migrations and services on both. ``path`` is the file, None on a server.
    """

    def __init__(self, location: Path | str, *, read_only: bool = False) -> None:
        url = server_url(location)
        self.path: Path | None = None if url else Path(location)
        self.where = shown(location)  # for people: a server's URL without its password
        self.read_only = read_only
        reader_options: dict[str, Any] = {}
        if self.path is not None:
            sqlite.refuse_network_share(self.path)
            # hide_parameters: an error's text never carries the names and phones it wrote.
            self.engine: Engine = create_engine(
                sqlite.sqlite_url(self.path, read_only=read_only), hide_parameters=True
            )
            sqlite.configure(self.engine, read_only=read_only)
        else:
            from desktop.db import postgres

            self.engine = postgres.create(url, read_only=read_only)
            reader_options = postgres.READER_OPTIONS
        self.dialect = self.engine.dialect.name
        self._reader = sessionmaker(
            self.engine.execution_options(**reader_options), expire_on_commit=False
        )
        self._writer = sessionmaker(
            self.engine.execution_options(immediate=True), expire_on_commit=False
        )
        if self.path is None:
            event.listen(self._writer, "before_commit", postgres.before_commit)
        self._site_id: uuid.UUID | None = None

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, remote: bool = False) -> Iterator[Session]:
        """One transaction; ``remote=True`` while applying another site's changes as they are."""
        site_id = self.local_site_id()
        try:
            with self._writer() as session:
                session.info["site_id"] = site_id
                session.info["remote"] = remote
                with session.begin():
                    yield session
        except OperationalError as exc:
            refusal = storage_refusal(exc, self.where)
            if refusal is None:
                raise
            raise refusal from exc

    def local_site_id(self, session: Session | None = None) -> uuid.UUID | None:
        if self._site_id is None:
            if session is None:
                with self.read() as s:
                    return self.local_site_id(s)
            value = session.get(AppSetting, LOCAL_SITE_KEY)
            self._site_id = uuid.UUID(value.value) if value else None
        return self._site_id

    def forget_site(self) -> None:
        self._site_id = None


def next_change_seq(session: Session) -> int:
    """The change sequence for this transaction: a counter row bumped once, inside it.

    The row update also serialises writers, so the order of the numbers is commit order (on
    PostgreSQL a writer already holds the row's lock from its first statement: postgres.create).
    """
    seq = session.info.get("change_seq")
    if seq is None:
        seq = session.execute(
            update(ChangeCounter)
            .where(ChangeCounter.id == 1)
            .values(value=ChangeCounter.value + 1)
            .returning(ChangeCounter.value)
        ).scalar_one()
        session.info["change_seq"] = seq
    return seq


@event.listens_for(Session, "before_flush")
def _stamp_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    tracked_new = [o for o in session.new if isinstance(o, Tracked)]
    tracked_dirty = [o for o in session.dirty if isinstance(o, Tracked) and session.is_modified(o)]
    other_new = [o for o in session.new if hasattr(o, "change_seq") and o not in tracked_new]
    if not (tracked_new or tracked_dirty or other_new):
        return
    seq = next_change_seq(session)
    if session.info.get("remote"):
        # Another site's record arrives with its own version and stamps; only the
        # local sequence is ours, so that the next export knows what is new here.
        site_id = session.info.get("site_id")
        for obj in (*tracked_new, *tracked_dirty, *other_new):
            # A record of ours touched by another site's change is only its case's list
            # columns refolded: nothing of ours to send again.
            if not (obj in tracked_dirty and obj.owner_site_id == site_id):
                obj.change_seq = seq
        return
    site_id = session.info.get("site_id")
    now = utcnow()
    # One committed edit is one version, however many flushes the transaction takes.
    stamped: set[int] = session.info.setdefault("stamped", set())
    for obj in tracked_new:
        stamped.add(id(obj))
        obj.created_site_id = obj.created_site_id or site_id
        obj.owner_site_id = obj.owner_site_id or site_id
        obj.created_at = obj.updated_at = now
        obj.version = obj.version or 1
        obj.change_seq = seq
    for obj in other_new:
        obj.change_seq = seq
    for obj in tracked_dirty:
        obj.updated_at = now
        # Only the owner's edits make a new version; another site may still append a case
        # event, which refreshes the projected state columns without owning the record.
        if id(obj) not in stamped and obj.owner_site_id == site_id:
            stamped.add(id(obj))
            obj.version = (obj.version or 0) + 1
        obj.change_seq = seq
        if obj.deleted:
            obj.clear_personal()


@event.listens_for(Session, "after_transaction_end")
def _forget_seq(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop("change_seq", None)
        session.info.pop("stamped", None)
