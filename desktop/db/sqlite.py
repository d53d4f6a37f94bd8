"""Everything SQLite-only: connection PRAGMAs, the pysqlite BEGIN recipe and the backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, *, read_only: bool = False) -> str:
    if read_only:
        return f"sqlite+pysqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    return f"sqlite+pysqlite:///{path.as_posix()}"


def configure(engine: Engine, *, read_only: bool = False) -> None:
    """Apply the PRAGMAs on every new connection and take over transaction control.

    pysqlite's own transaction handling does not BEGIN before DDL, so a failed migration would
    not roll back; SQLAlchemy's documented recipe turns it off and emits BEGIN itself.
    Writers use BEGIN IMMEDIATE (execution option ``immediate``) so that two writers wait on
    ``busy_timeout`` instead of failing on a read-to-write upgrade.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        # Deleted personal data is overwritten with zeros, not left in free pages.
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_sqlite_file(path: Path) -> bool:
    """The 16-byte header every SQLite database starts with."""
    with path.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def pragma_report(engine: Engine) -> dict[str, object]:
    """What a connection of this engine reports for the settings promised in reliability #2."""
    with engine.connect() as conn:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }


def integrity_check(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]


def backup_to(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (never a file copy of a live database)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
