"""Feedback search on either database: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both hand out the same search keys (day number x KEY_SPAN + the case's local number, a
SQLite rowid or the server's own counter) for the same terms, so the services page and count
the same way on both. Local numbers never leave the machine.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from desktop.db import sqlite
from desktop.db.sqlite import KEY_SPAN, search_key

__all__ = ["KEY_SPAN", "search_key"]

_ROWID = literal_column("feedback_cases.rowid")


def _server(session: Any) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def local_id(session: Any) -> Any:
    """A case's local number, as a column of a query over feedback_cases."""
    if _server(session):
        from desktop.db import postgres

        return postgres.local_id()
    return _ROWID


def local_id_in(session: Any, ids: list[int]) -> Any:
    """The condition: the case's local number is one of ``ids``."""
    if _server(session):
        from desktop.db import postgres

        return postgres.local_id_in(ids)
    return _ROWID.in_(ids)


def fts_keys(session: Any, expression: str, below: int, floor: int, limit: int) -> list[int]:
    """Search keys matching ``expression`` (domain.textsearch) in [floor, below), newest first."""
    if _server(session):
        from desktop.db import postgres

        return postgres.fts_keys(session, expression, below, floor, limit)
    return sqlite.fts_keys(session, expression, below, floor, limit)


def fts_count(session: Any, expression: str, below: int, floor: int) -> int:
    if _server(session):
        from desktop.db import postgres

        return postgres.fts_count(session, expression, below, floor)
    return sqlite.fts_count(session, expression, below, floor)


def fts_matching(session: Any, expression: str, keys: set[int]) -> set[int]:
    """Which of ``keys`` match ``expression``."""
    if _server(session):
        from desktop.db import postgres

        return postgres.fts_matching(session, expression, keys)
    return sqlite.fts_matching(session, expression, keys)


def defer_case_index(session: Any) -> int:
    """Before a bulk insert of cases (see sqlite.defer_case_index); PostgreSQL indexes the
    stale rows before commit anyway, in one pass."""
    return 0 if _server(session) else sqlite.defer_case_index(session)


def index_cases_after(session: Any, last_rowid: int) -> None:
    if _server(session):
        from desktop.db import postgres

        postgres.fill_terms(session.connection())
    else:
        sqlite.index_cases_after(session, last_rowid)


def index_problems(session: Any) -> list[str]:
    """What is wrong with the search index (nothing: an empty list), checked in full."""
    if _server(session):
        from desktop.db import postgres

        return postgres.index_problems(session)
    from sqlalchemy.exc import DatabaseError

    try:
        session.execute(sqlite.FTS_INTEGRITY_CHECK)
    except DatabaseError as exc:
        return [str(exc.orig)]
    return []


class like_ci(FunctionElement[bool]):  # noqa: N801  (reads as the SQL it stands for)
    """``column LIKE pattern ESCAPE '\\'``, ignoring the case of ASCII letters on both databases:
    SQLite's own LIKE does; PostgreSQL's ILIKE does in a database with the C locale (README)."""

    type = Boolean()
    inherit_cache = True
    name = "like_ci"


@compiles(like_ci)
def _like(element: like_ci, compiler: Any, **kw: Any) -> str:
    column, pattern = list(element.clauses)
    return compiler.process(column.like(pattern, escape="\\"), **kw)


@compiles(like_ci, "postgresql")
def _ilike(element: like_ci, compiler: Any, **kw: Any) -> str:
    column, pattern = list(element.clauses)
    return compiler.process(column.ilike(pattern, escape="\\"), **kw)
