"""Many rows into one table in one executemany, on either database: bulk imports' records."""

from __future__ import annotations

import itertools
from typing import Any


def insert_many(
    session: Any,
    table: Any,
    rows: list[dict[str, Any]],
    constants: dict[str, Any] | None = None,
) -> None:
    """Insert ``rows`` in one executemany, straight to the driver (pysqlite or psycopg).

    Values go through each column type's own bind processor (the dialect's implementation,
    as Core binds them), column by column: Core's per-row parameter handling cost as much as
    SQLite's inserts. ``constants`` are columns with one value for every row (the change
    sequence). A name missing from a row is NULL in it, not the column's default.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names, first = list(rows[0]), rows[0].keys()
    if any(row.keys() != first for row in rows):  # rows of differing shapes: every name
        names = list(dict.fromkeys(n for row in rows for n in row))
    columns: list[Any] = []
    for name in names:
        proc = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        values = [row.get(name) for row in rows]
        columns.append(values if proc is None else [None if v is None else proc(v) for v in values])
    for name, value in (constants or {}).items():
        proc = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        names.append(name)
        columns.append(itertools.repeat(value if proc is None else proc(value), len(rows)))
    quoted = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    mark = "?" if dialect.paramstyle == "qmark" else "%s"  # pysqlite, or psycopg's format
    sql = f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join([mark] * len(names))})"
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))
