"""Plain-sqlite3 INSERTs that follow a table as it is now, and the columns of tracked rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any


def inserter(
    conn: sqlite3.Connection, table: str, known: list[str]
) -> tuple[str, Callable[[dict[str, Any]], tuple], list[str]]:
    """INSERT for the columns the table has now: NOT NULL columns we do not know (added by a newer
    schema) get the model's default, and columns we know but the table lacks are left out."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    names = [r[1] for r in info]
    defaults: dict[str, Any] = {}
    for _cid, name, decl, notnull, dflt, _pk in info:
        if name not in known and notnull and dflt is None:
            defaults[name] = neutral(table, name, (decl or "").upper())
    cols = [n for n in names if n in known or n in defaults]
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"

    def row(values: dict[str, Any]) -> tuple:
        return tuple(values[c] if c in values else defaults.get(c) for c in cols)

    return sql, row, sorted(defaults)


def neutral(table: str, column: str, decl: str) -> Any:
    """The model's own scalar default for a column (a JSON list is "[]"), else 0 or ""."""
    from desktop.db import models  # noqa: F401  (registers the tables)
    from desktop.db.base import Base

    found = Base.metadata.tables.get(table)
    default = found.columns[column].default if found is not None and column in found.c else None
    if default is not None and default.is_scalar:
        return int(default.arg) if isinstance(default.arg, bool) else default.arg
    return 0 if any(t in decl for t in ("INT", "BOOL", "NUM", "REAL")) else ""


TRACKED = ["id", "created_site_id", "owner_site_id", "version", "created_at", "updated_at"]
TRACKED += ["deleted", "change_seq"]


def tracked(rid: str, site: str, stamp: str, seq: int, version: int = 1) -> dict[str, Any]:
    return dict(zip(TRACKED, (rid, site, site, version, stamp, stamp, 0, seq), strict=True))
