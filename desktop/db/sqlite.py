"""Everything SQLite-only: connection PRAGMAs, the pysqlite BEGIN recipe, the backup API, FTS5,
and the refusal of a database file on a network share."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text

from desktop.db import location
from desktop.domain.errors import DatabaseRefused
from desktop.domain.textsearch import index_terms
from desktop.domain.tr import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, *, read_only: bool = False) -> str:
    if read_only:
        immutable = "&immutable=1" if needs_immutable(path) else ""
        return f"sqlite+pysqlite:///file:{path.as_posix()}?mode=ro{immutable}&uri=true"
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
        register_functions(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# A SQLite file on a network share is damaged sooner or later: its locks do not hold across
# the network (the SQLite documentation's own warning), and several officers' PCs writing to
# one file is exactly the county office's case. The county office runs PostgreSQL instead.
NETWORK_SHARE = QT_TRANSLATE_NOOP(
    "Storage",
    "The database {path} is on a network share. A database file must stay on this computer's "
    "own disk (several computers writing to one file over the network damage it): copy it to "
    "a local folder, or let the county office use a PostgreSQL server.",
)


def refuse_network_share(path: Path) -> None:
    if location.is_network_share(path):
        raise DatabaseRefused(NETWORK_SHARE, path=str(path))


def is_sqlite_file(path: Path) -> bool:
    """The 16-byte header every SQLite database starts with."""
    with path.open("rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def register_functions(dbapi_conn: sqlite3.Connection) -> None:
    """The full-text triggers call lds_index_terms(); every connection that writes needs it."""
    dbapi_conn.create_function("lds_index_terms", -1, index_terms, deterministic=True)


# Feedback search: a contentless FTS5 index over bigrams of content, village and reply, kept
# in step by triggers (so bundle imports and bulk inserts stay consistent too). Its rowid is a
# search key, day number x KEY_SPAN + the case's local rowid: FTS5 walks rowids newest-first
# natively, so the first page of a common word is the first rows it finds, in received order
# (a correlated probe per case cost 130 ms over a million). Local rowids never leave the PC.
# Names, phones and ID numbers stay out of it: a deleted person must not linger in FTS5
# segments. A contentless table deletes by
# re-deriving the old terms, so a change to index_terms() needs a migration that rebuilds it.
FTS_TABLE = "case_fts"
_FTS_TERMS = "lds_index_terms({p}.content, {p}.village, {p}.reply_text)"
KEY_SPAN = 100_000_000
_FTS_KEY = "CAST(julianday({p}.received_date) AS INTEGER) * 100000000 + {p}.rowid"
FTS_DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(terms, content='', columnsize=0, detail=full)",
    f"""CREATE TRIGGER case_fts_insert AFTER INSERT ON feedback_cases WHEN NOT new.deleted
    BEGIN INSERT INTO {FTS_TABLE}(rowid, terms)
    VALUES ({_FTS_KEY.format(p="new")}, {_FTS_TERMS.format(p="new")}); END""",
    f"""CREATE TRIGGER case_fts_delete AFTER DELETE ON feedback_cases WHEN NOT old.deleted
    BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms)
    VALUES ('delete', {_FTS_KEY.format(p="old")}, {_FTS_TERMS.format(p="old")}); END""",
    f"""CREATE TRIGGER case_fts_update AFTER UPDATE OF content, village, reply_text, deleted,
    received_date ON feedback_cases BEGIN
    INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms)
    SELECT 'delete', {_FTS_KEY.format(p="old")}, {_FTS_TERMS.format(p="old")}
    WHERE NOT old.deleted;
    INSERT INTO {FTS_TABLE}(rowid, terms)
    SELECT {_FTS_KEY.format(p="new")}, {_FTS_TERMS.format(p="new")} WHERE NOT new.deleted; END""",
)
FTS_DROP = (
    "DROP TRIGGER IF EXISTS case_fts_insert",
    "DROP TRIGGER IF EXISTS case_fts_delete",
    "DROP TRIGGER IF EXISTS case_fts_update",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)
# The insert trigger as revision 0005 leaves it: it stands aside while a bulk import holds the
# flag row, and the import then indexes its cases in one pass (defer_case_index below).
# Inside a trigger every insert into FTS5 is a statement of its own, and FTS5 writes out its
# pending terms at each statement's end: for 10,000 cases, 0.6 s against 0.2 s in one pass.
BULK_FLAG = "case_fts_deferred"
FTS_INSERT_TRIGGER = f"""CREATE TRIGGER case_fts_insert AFTER INSERT ON feedback_cases
    WHEN NOT new.deleted AND NOT EXISTS (SELECT 1 FROM app_settings WHERE key = '{BULK_FLAG}')
    BEGIN INSERT INTO {FTS_TABLE}(rowid, terms)
    VALUES ({_FTS_KEY.format(p="new")}, {_FTS_TERMS.format(p="new")}); END"""


def defer_case_index(session: Any) -> int:
    """In a bulk insert's transaction: stop the insert trigger and return the last rowid
    before the new cases (the flag row is seen only inside this transaction)."""
    session.execute(
        text("INSERT INTO app_settings(key, value) VALUES (:key, '1')"), {"key": BULK_FLAG}
    )
    return session.execute(text("SELECT coalesce(max(rowid), 0) FROM feedback_cases")).scalar()


def index_cases_after(session: Any, last_rowid: int) -> None:
    """Index the cases inserted since ``last_rowid`` with the trigger's keys and terms, in
    key order, then let the trigger work again."""
    rows = session.execute(
        text(
            f"SELECT {_FTS_KEY.format(p='feedback_cases')} AS key, content, village, reply_text "
            "FROM feedback_cases WHERE rowid > :last AND NOT deleted ORDER BY key"
        ),
        {"last": last_rowid},
    ).all()
    if rows:
        session.connection().exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)",
            [(key, index_terms(content, village, reply)) for key, content, village, reply in rows],
        )
    session.execute(text("DELETE FROM app_settings WHERE key = :key"), {"key": BULK_FLAG})


# FTS5 compares the index with what the triggers would write now (raises when they differ).
FTS_INTEGRITY_CHECK = text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('integrity-check')")

# Filling the index for cases already there, with the same keys and terms as the triggers.
FTS_BACKFILL = (
    f"INSERT INTO {FTS_TABLE}(rowid, terms) SELECT {_FTS_KEY.format(p='feedback_cases')}, "
    f"{_FTS_TERMS.format(p='feedback_cases')} FROM feedback_cases WHERE NOT deleted"
)


# Cases per state, kept by triggers: the counts bar over a whole county's million cases would
# otherwise read the state index end to end (54 ms) on every refresh.
STATE_TOTALS = "case_state_totals"
# SELECT ... WHERE makes the step conditional; an upsert after SELECT needs that WHERE anyway.
_BUMP = (
    f"INSERT INTO {STATE_TOTALS}(received_date, state, n) "
    "SELECT {p}.received_date, {p}.state, {d} WHERE NOT {p}.deleted "
    "ON CONFLICT(received_date, state) DO UPDATE SET n = n + excluded.n"
)
STATE_TOTALS_DDL = (
    f"CREATE TABLE {STATE_TOTALS} (received_date TEXT NOT NULL, state TEXT NOT NULL, "
    "n INTEGER NOT NULL, PRIMARY KEY (received_date, state)) WITHOUT ROWID",
    f"""CREATE TRIGGER case_totals_insert AFTER INSERT ON feedback_cases WHEN NOT new.deleted
    BEGIN {_BUMP.format(p="new", d=1)}; END""",
    f"""CREATE TRIGGER case_totals_delete AFTER DELETE ON feedback_cases WHEN NOT old.deleted
    BEGIN {_BUMP.format(p="old", d=-1)}; END""",
    f"""CREATE TRIGGER case_totals_update AFTER UPDATE OF state, deleted, received_date
    ON feedback_cases
    BEGIN
    {_BUMP.format(p="old", d=-1)};
    {_BUMP.format(p="new", d=1)}; END""",
    f"INSERT INTO {STATE_TOTALS}(received_date, state, n) SELECT received_date, state, "
    "count(*) FROM feedback_cases WHERE NOT deleted GROUP BY received_date, state",
)
STATE_TOTALS_DROP = (
    "DROP TRIGGER IF EXISTS case_totals_insert",
    "DROP TRIGGER IF EXISTS case_totals_delete",
    "DROP TRIGGER IF EXISTS case_totals_update",
    f"DROP TABLE IF EXISTS {STATE_TOTALS}",
)


def is_fts_name(name: str | None) -> bool:
    """Tables the models do not declare: FTS5 and its shadow tables, the state totals."""
    return bool(name) and (name.startswith(FTS_TABLE) or name == STATE_TOTALS)


def state_totals(session: Any, first: dt.date | None, last: dt.date | None) -> dict[str, int]:
    """Cases per state received in [first, last] (either end open), from the totals table."""
    from sqlalchemy import text

    query = (
        f"SELECT state, sum(n) FROM {STATE_TOTALS} WHERE received_date >= :a "
        "AND received_date <= :b GROUP BY state HAVING sum(n) > 0"
    )
    a = first.isoformat() if first else "0000-00-00"
    b = last.isoformat() if last else "9999-99-99"
    return dict(session.execute(text(query), {"a": a, "b": b}).all())


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


def _open_read_only(path: Path) -> sqlite3.Connection:
    immutable = "&immutable=1" if needs_immutable(path) else ""
    return sqlite3.connect(f"file:{path.as_posix()}?mode=ro{immutable}", uri=True)


def backup_to(source: Path | sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API (never a file copy of a live database).

    One step copies every page under one read transaction, so the copy is the last committed
    state even while another connection writes. The copy is switched to a rollback journal:
    one self-contained file that opens read-only anywhere (a WAL file needs its -shm).
    ``source``: a database file, or an open connection (a copy held in memory)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = source if isinstance(source, sqlite3.Connection) else _open_read_only(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        if src is not source:
            src.close()


def snapshot(source: Path) -> bytes:
    """The last committed state of ``source`` as the bytes of a database file, copied through
    the backup API into memory: no plain copy ever touches a disk (the encrypted USB backup).
    Written in rollback-journal format (header bytes 18-19), as ``backup_to`` leaves a file."""
    src = _open_read_only(source)
    try:
        memory = sqlite3.connect(":memory:")
        try:
            src.backup(memory)
            data = bytearray(memory.serialize())
        finally:
            memory.close()
    finally:
        src.close()
    if data[18:20] == b"\x02\x02":
        data[18:20] = b"\x01\x01"
    return bytes(data)


def from_bytes(data: bytes) -> sqlite3.Connection:
    """A database held in memory from a file's bytes (``snapshot``'s, or a decrypted backup)."""
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(data)
    except sqlite3.DatabaseError:
        con.close()
        raise
    return con


def check_connection(con: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """``PRAGMA integrity_check`` (or the cheaper ``quick_check``): ["ok"], or what is wrong
    (a file too damaged to be checked says why in one line). A file that cannot be read just
    now (locked, not allowed, an I/O error) raises sqlite3.OperationalError: no verdict."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        return [str(r[0]) for r in con.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        if isinstance(exc, sqlite3.OperationalError) and not is_damage(exc):
            raise
        return [str(exc) or type(exc).__name__]


def check_file(path: Path, *, quick: bool = False) -> list[str]:
    """``check_connection`` of a file, opened read-only."""
    con = _open_read_only(path)
    try:
        return check_connection(con, quick=quick)
    finally:
        con.close()


def is_damage(exc: BaseException) -> bool:
    """An error SQLite raises for a damaged file (not for a busy or missing one)."""
    text = str(exc).lower()
    return "malformed" in text or "file is not a database" in text


def folder_writable(folder: Path) -> bool:
    """Whether a new file can be made in ``folder`` (SQLite's -wal, -shm and journals):
    tried for real, since permissions alone do not tell a read-only disk or share."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def needs_immutable(path: Path) -> bool:
    """A WAL database in a folder nobody may write cannot even be read through ``mode=ro``
    (SQLite must make its -shm file): opened ``immutable`` instead, unless a -wal with
    committed pages is there (immutable would not read them)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    return not folder_writable(path.parent)


def search_key(day: dt.date, rowid: int = 0) -> int:
    """The FTS rowid of a case received on ``day`` (julianday, as the trigger computes it)."""
    return (day.toordinal() + 1721424) * KEY_SPAN + rowid


def fts_keys(session: Any, expression: str, below: int, floor: int, limit: int) -> list[int]:
    """Search keys matching ``expression`` in [floor, below), newest first."""
    from sqlalchemy import text

    return list(
        session.scalars(
            text(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :e AND rowid < :below "
                "AND rowid >= :floor ORDER BY rowid DESC LIMIT :n"
            ),
            {"e": expression, "below": below, "floor": floor, "n": limit},
        )
    )


def fts_count(session: Any, expression: str, below: int, floor: int) -> int:
    from sqlalchemy import text

    return session.scalar(
        text(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :e AND rowid < :below "
            "AND rowid >= :floor"
        ),
        {"e": expression, "below": below, "floor": floor},
    )


def fts_matching(session: Any, expression: str, keys: set[int]) -> set[int]:
    """Which of ``keys`` match ``expression`` (FTS5 seeks each rowid)."""
    from sqlalchemy import bindparam, text

    found: set[int] = set()
    ordered = sorted(keys)
    query = text(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :e AND rowid IN :keys"
    ).bindparams(bindparam("keys", expanding=True))
    for start in range(0, len(ordered), 30_000):  # under SQLite's parameter limit
        chunk = ordered[start : start + 30_000]
        found.update(session.scalars(query, {"e": expression, "keys": chunk}))
    return found
