"""Checks before a SQLite database file is opened: not on a network share, writable or read-only,
sound (``quick_check``), or set aside as damaged with the newest sound backup named."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop.db import backups, sqlite
from desktop.db.engine import Database
from desktop.db.migrate import HEAD, Migration, current_revision, known, migrate
from desktop.domain.errors import DatabaseDamaged, DatabaseRefused, SchemaTooNew
from desktop.domain.tr import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

DAMAGED = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} is damaged, probably by a power cut or a failing disk. It was set "
    "aside as {aside}; nothing was deleted.",
)
DAMAGED_IN_PLACE = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} is damaged, probably by a power cut or a failing disk. It is on a "
    "disk that cannot be written, so it was left as it is. Do not delete it; call the county "
    "office.",
)
NOT_A_DATABASE = QT_TRANSLATE_NOOP(
    "Storage",
    "{path} is not a Liaison Desk database. Nothing was changed; choose the database file instead.",
)
CANNOT_READ = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} cannot be read just now ({reason}). Nothing was changed. Close any "
    "other program that may be using it, then try again.",
)
READ_ONLY_OLD = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} can only be read (the file or its folder is read-only), and it was "
    "written by an older version of Liaison Desk, which this version must first bring up to "
    "date. Copy it to a folder of your own and open the copy, or ask for the right to change "
    "the file.",
)


@dataclass(frozen=True)
class Opening:
    """How a database file is to be opened."""

    read_only: bool = False
    new: bool = False  # no database there yet: nothing to check or back up
    quick_check_ms: float = 0.0


def writable(path: Path) -> bool:
    """Whether the program may change ``path``: the file and its folder (SQLite makes its
    -wal and -shm there), asked of the system and then tried (a read-only disk, a locked
    share, a write-protected stick only say so when a write is attempted)."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return False
    try:
        fd = os.open(path, os.O_RDWR)  # opens for writing, writes nothing
    except OSError:
        return False
    os.close(fd)
    return sqlite.folder_writable(path.parent)


def check_file(path: Path, backup_dir: Path, now: dt.datetime) -> Opening:
    """The checks a database file passes before it is opened (new files pass at once).

    Refuses a file on a network share or one that is no database at all; a damaged one is
    set aside and DatabaseDamaged raised, naming the newest sound backup."""
    sqlite.refuse_network_share(path)
    if not path.exists() or (path.stat().st_size == 0 and not Path(f"{path}-wal").exists()):
        return Opening(new=True)
    read_only = not writable(path)
    if not sqlite.is_sqlite_file(path):
        # A damaged first page, or a file that never was a database (the wrong file chosen):
        # only one of ours (it has backups, or a write-ahead log) is moved aside.
        if not (backups.listed(backup_dir, path.stem) or Path(f"{path}-wal").exists()):
            raise DatabaseRefused(NOT_A_DATABASE, path=str(path))
        raise damaged(path, backup_dir, now, read_only, "not a database")
    started = time.perf_counter()
    try:
        problems = sqlite.check_file(path, quick=True)
    except sqlite3.OperationalError as exc:  # locked, not allowed: no verdict on the file
        raise DatabaseRefused(CANNOT_READ, path=str(path), reason=str(exc)) from exc
    elapsed = (time.perf_counter() - started) * 1000
    log.info("quick_check of %s: %s in %.1f ms", path, problems[:1], elapsed)
    if problems != ["ok"]:
        raise damaged(path, backup_dir, now, read_only, "; ".join(problems[:5]))
    return Opening(read_only=read_only, quick_check_ms=elapsed)


def damaged(
    path: Path, backup_dir: Path, now: dt.datetime, read_only: bool, reason: str
) -> DatabaseDamaged:
    """Set a damaged database aside (with its -wal and -shm) and say what can be done."""
    log.error("database %s is damaged: %s", path, reason)
    moved = None
    if not read_only:
        try:
            moved = backups.set_aside(path, "damaged", now)
        except OSError as exc:
            log.error("could not set %s aside: %s", path, exc)
    backup = backups.newest_sound(backup_dir, path.stem)
    backup_path = backup.path if backup else None
    if moved is None:
        return DatabaseDamaged(DAMAGED_IN_PLACE, moved=None, backup=backup_path, path=str(path))
    return DatabaseDamaged(
        DAMAGED, moved=moved, backup=backup_path, path=str(path), aside=str(moved)
    )


def bring_up_to_date(
    db: Database, opening: Opening, backup_dir: Path | None, now: dt.datetime
) -> Migration:
    """Migrate (a backup first); a read-only database is only checked to be current. A file
    that turns out damaged on its first real reads is set aside like one quick_check caught."""
    try:
        if opening.read_only:
            _require_current(db)
            return Migration(upgraded=False)
        return migrate(db, backup_dir=backup_dir, now=now)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        orig = getattr(exc, "orig", exc)
        if db.path is None or not sqlite.is_damage(orig):
            raise
        db.dispose()
        folder = backup_dir or backups.folder_for(db.path)
        raise damaged(db.path, folder, now, opening.read_only, str(orig)) from exc


def _require_current(db: Database) -> None:
    revision = current_revision(db)
    if revision == HEAD:
        return
    if revision is not None and not known(revision):
        raise SchemaTooNew(revision)
    raise DatabaseRefused(READ_ONLY_OLD, path=db.where)
