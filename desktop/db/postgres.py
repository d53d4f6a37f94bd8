"""Everything PostgreSQL-only (the county office's server): the engine's settings, the writers'
lock, and the feedback search index (a GIN-indexed tsvector over the same terms as SQLite's).

Search: the terms are the ones SQLite's FTS5 triggers write (``domain/textsearch.py``: bigrams
of content, village and reply; no names, phones or ID numbers), computed by the program, not by
the server: PostgreSQL's own parser, lower() and regex classes depend on the server's locale,
and the same data must find the same cases on both databases. A trigger keeps a row per case in
``case_search`` (its local number, search key and terms) and marks the terms stale; before each
writing transaction commits, the program fills the stale ones (``fill_terms``). The tsvector is
written literally (no parser, no dictionary): pairs keep their positions for phrase search.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    MetaData,
    Table,
    Uuid,
    create_engine,
    event,
    select,
    text,
)

from desktop.db.models import FeedbackCase
from desktop.db.sqlite import KEY_SPAN  # the same search keys on both databases
from desktop.domain.textsearch import index_parts

SEARCH_TABLE = "case_search"
_search = Table(  # not in the models' metadata: like FTS5's tables, migrations make it by hand
    SEARCH_TABLE,
    MetaData(),
    Column("case_id", Uuid, primary_key=True),
    Column("n", BigInteger),  # the case's local number (SQLite's rowid); never leaves the server
    Column("key", BigInteger),  # day number x KEY_SPAN + n, as sqlite.search_key computes it
)


def create(url: str, *, read_only: bool = False) -> Engine:
    """The engine for a server URL; timestamps come back in UTC, as SQLite's do.

    Writers take the change counter's row lock as their first statement (execution option
    ``immediate``, as BEGIN IMMEDIATE on SQLite): bumping the counter at the first flush would
    serialise the commits, but not the reads a writer makes before it (the next case number,
    a record's version, a bundle's plan). Under READ COMMITTED every statement after the lock
    sees everything committed before it; REPEATABLE READ would instead fail the second of two
    writers. Readers get REPEATABLE READ: one snapshot per read, as a SQLite read transaction.
    """
    query = parse_qs(urlsplit(url).query)
    # No JIT: it costs tens of milliseconds to compile a query that runs in a few.
    options = [*query.get("options", []), "-c TimeZone=UTC", "-c jit=off"]
    if read_only:
        options.append("-c default_transaction_read_only=on")
    engine = create_engine(
        url,
        hide_parameters=True,  # an error's text never carries the names and phones it wrote
        isolation_level="READ COMMITTED",
        pool_pre_ping=True,  # the server may have restarted since the connection was pooled
        connect_args={"options": " ".join(options)},
    )

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("immediate", False):
            conn.exec_driver_sql("SELECT value FROM change_counter WHERE id = 1 FOR UPDATE")

    return engine


READER_OPTIONS = {"isolation_level": "REPEATABLE READ"}


def before_commit(session: Any) -> None:
    """Every writing transaction: the search terms of the cases it changed, before it ends."""
    session.flush()
    fill_terms(session.connection())


def integrity_check(engine: Engine) -> list[str]:
    """What ``check`` can say of a server database beyond its revision: UTF-8, and every case
    in the search index with its terms (as ``sqlite.integrity_check``: ["ok"] or problems)."""
    problems: list[str] = []
    with engine.connect() as conn:
        encoding = conn.exec_driver_sql("SHOW server_encoding").scalar()
        if encoding != "UTF8":
            problems.append(f"server_encoding is {encoding}, not UTF8")
        missing = conn.exec_driver_sql(
            f"SELECT count(*) FROM feedback_cases c WHERE NOT EXISTS "
            f"(SELECT 1 FROM {SEARCH_TABLE} s WHERE s.case_id = c.id)"
        ).scalar()
        stale = conn.exec_driver_sql(
            f"SELECT count(*) FROM {SEARCH_TABLE} WHERE terms IS NULL"
        ).scalar()
    if missing:
        problems.append(f"{missing} case(s) missing from {SEARCH_TABLE}")
    if stale:
        problems.append(f"{stale} case(s) in {SEARCH_TABLE} without their terms")
    return problems or ["ok"]


# --- the search index --------------------------------------------------------------------------

_DAY = "(({d} - DATE '0001-01-01') + 1721425)::bigint"  # sqlite.search_key's day number
SEARCH_DDL = (
    f"CREATE SEQUENCE {SEARCH_TABLE}_n_seq AS bigint",
    f"""CREATE TABLE {SEARCH_TABLE} (
    case_id uuid PRIMARY KEY,
    n bigint NOT NULL UNIQUE,
    key bigint NOT NULL UNIQUE,
    terms tsvector)""",
    f"ALTER SEQUENCE {SEARCH_TABLE}_n_seq OWNED BY {SEARCH_TABLE}.n",
    f"CREATE INDEX {SEARCH_TABLE}_terms ON {SEARCH_TABLE} USING gin (terms)",
    f"CREATE INDEX {SEARCH_TABLE}_stale ON {SEARCH_TABLE} (case_id) WHERE terms IS NULL",
    # NULL terms: stale, filled by the program before commit; a deleted case's are empty.
    f"""CREATE FUNCTION {SEARCH_TABLE}_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    number bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM {SEARCH_TABLE} WHERE case_id = OLD.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        UPDATE {SEARCH_TABLE} SET
            key = {_DAY.format(d="NEW.received_date")} * {KEY_SPAN} + n,
            terms = CASE
                WHEN NEW.deleted THEN ''::tsvector
                WHEN OLD.deleted OR NEW.content IS DISTINCT FROM OLD.content
                    OR NEW.village IS DISTINCT FROM OLD.village
                    OR NEW.reply_text IS DISTINCT FROM OLD.reply_text THEN NULL
                ELSE terms END
        WHERE case_id = NEW.id;
        IF FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    number := nextval('{SEARCH_TABLE}_n_seq');  -- a new case (or one the index lacked)
    INSERT INTO {SEARCH_TABLE} (case_id, n, key, terms) VALUES (
        NEW.id, number, {_DAY.format(d="NEW.received_date")} * {KEY_SPAN} + number,
        CASE WHEN NEW.deleted THEN ''::tsvector END);
    RETURN NULL;
END $$""",
    f"""CREATE TRIGGER {SEARCH_TABLE}_sync AFTER INSERT OR DELETE
    OR UPDATE OF content, village, reply_text, deleted, received_date ON feedback_cases
    FOR EACH ROW EXECUTE FUNCTION {SEARCH_TABLE}_sync()""",
    # Cases already there, oldest first (their local numbers follow the received order).
    f"""INSERT INTO {SEARCH_TABLE} (case_id, n, key, terms)
    SELECT id, n, {_DAY.format(d="received_date")} * {KEY_SPAN} + n,
        CASE WHEN deleted THEN ''::tsvector END
    FROM (SELECT id, received_date, deleted, nextval('{SEARCH_TABLE}_n_seq') AS n
          FROM (SELECT * FROM feedback_cases ORDER BY received_date, id) AS ordered) AS numbered""",
)
SEARCH_DROP = (
    f"DROP TRIGGER IF EXISTS {SEARCH_TABLE}_sync ON feedback_cases",
    f"DROP FUNCTION IF EXISTS {SEARCH_TABLE}_sync()",
    f"DROP TABLE IF EXISTS {SEARCH_TABLE}",
)


def is_search_name(name: str | None) -> bool:
    """The search table, which the models do not declare."""
    return name == SEARCH_TABLE


# tsvector limits: a lexeme under 2 KB, the whole value under 1 MB (positions past 16,383
# are counted as 16,383 by the server itself: a phrase past some 16,000 characters of one
# case's text is not found, where FTS5 would find it).
_MAX_LEXEME = 2046
_MAX_VECTOR = 900_000


def _fold(term: str) -> str:
    """Latin letters without their accents, as FTS5's unicode61 tokenizer indexes them."""
    if term.isascii():
        return term
    kept = []
    for ch in unicodedata.normalize("NFD", term):
        if (
            unicodedata.combining(ch)
            and kept
            and unicodedata.name(kept[-1], "").startswith("LATIN")
        ):
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(*texts: str) -> str:
    """The search terms of ``texts`` as a tsvector's text form, positions as FTS5 counts them."""
    positions: dict[str, list[int]] = {}
    pairs, singles = index_parts(*texts)
    for i, term in enumerate(pairs, start=1):
        positions.setdefault(_fold(term), []).append(i)
    out: list[str] = []
    size = 0
    for lexeme, where in positions.items():
        if len(lexeme.encode()) <= _MAX_LEXEME:
            out.append(f"{_quote(lexeme)}:{','.join(map(str, where[:256]))}")
            size += len(out[-1])
        if size > _MAX_VECTOR:
            break
    out.extend(_quote(ch) for ch in dict.fromkeys(singles) if ch not in positions)
    return " ".join(out)


_PHRASE = re.compile(r'"([^"]*)"')


def tsquery(expression: str) -> str:
    """domain.textsearch.match_expression's FTS5 phrases, as a tsquery's text form."""
    phrases = (
        " <-> ".join(_quote(_fold(t)) for t in phrase.split())
        for phrase in _PHRASE.findall(expression)
    )
    return " & ".join(f"({p})" for p in phrases if p)


def index_problems(session: Any) -> list[str]:
    """The index against the cases, in full: a row per case, its key from the received date,
    the terms the program computes now (FTS5's integrity-check, for PostgreSQL)."""
    found = session.execute(
        text(
            f"SELECT c.id, c.content, c.village, c.reply_text, c.deleted, s.terms::text, "
            f"s.key = {_DAY.format(d='c.received_date')} * {KEY_SPAN} + s.n "
            f"FROM feedback_cases c LEFT JOIN {SEARCH_TABLE} s ON s.case_id = c.id"
        )
    ).all()
    expected = [
        "" if deleted else tsvector_literal(content, village, reply)
        for _, content, village, reply, deleted, _, _ in found
    ]
    canonical = session.scalars(  # the server's own text form of each expected value
        text(
            "SELECT CAST(x AS tsvector)::text "
            "FROM unnest(CAST(:v AS text[])) WITH ORDINALITY AS t(x, i) ORDER BY i"
        ),
        {"v": expected},
    ).all()
    problems = []
    for (case_id, *_, terms, key_ok), want in zip(found, canonical, strict=True):
        if terms is None or not key_ok:
            problems.append(f"case {case_id}: no row, no terms or a wrong key")
        elif terms != want:
            problems.append(f"case {case_id}: terms differ")
    return problems


def fill_terms(connection: Any) -> int:
    """Write the terms of every case whose row in the index is stale; how many there were."""
    stale = connection.exec_driver_sql(
        f"SELECT s.case_id, c.content, c.village, c.reply_text FROM {SEARCH_TABLE} s "
        "JOIN feedback_cases c ON c.id = s.case_id WHERE s.terms IS NULL"
    ).all()
    if stale:
        connection.exec_driver_sql(
            f"UPDATE {SEARCH_TABLE} SET terms = %s::tsvector WHERE case_id = %s",
            [
                (tsvector_literal(content, village, reply), i)
                for i, content, village, reply in stale
            ],
        )
    return len(stale)


def local_id() -> Any:
    """A case's local number, as a column of a query over feedback_cases."""
    return select(_search.c.n).where(_search.c.case_id == FeedbackCase.id).scalar_subquery()


def local_id_in(ids: list[int]) -> Any:
    return FeedbackCase.id.in_(select(_search.c.case_id).where(_search.c.n.in_(ids)))


_MATCH = "terms @@ CAST(:q AS tsquery) AND key < :below AND key >= :floor"


def fts_keys(session: Any, expression: str, below: int, floor: int, limit: int) -> list[int]:
    """Search keys matching ``expression`` in [floor, below), newest first."""
    query = f"SELECT key FROM {SEARCH_TABLE} WHERE {_MATCH} ORDER BY key DESC LIMIT :n"
    bound = {"q": tsquery(expression), "below": below, "floor": floor, "n": limit}
    return list(session.scalars(text(query), bound))


def fts_count(session: Any, expression: str, below: int, floor: int) -> int:
    query = f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {_MATCH}"
    return session.scalar(text(query), {"q": tsquery(expression), "below": below, "floor": floor})


def fts_matching(session: Any, expression: str, keys: set[int]) -> set[int]:
    """Which of ``keys`` match ``expression``."""
    query = (
        f"SELECT key FROM {SEARCH_TABLE} WHERE terms @@ CAST(:q AS tsquery) AND key = ANY(:keys)"
    )
    return set(session.scalars(text(query), {"q": tsquery(expression), "keys": sorted(keys)}))
