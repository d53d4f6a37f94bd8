"""Filters over many feedback cases: the FeedbackTab's first screen against the bare SQL page."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import Figure, median_ms

TARGET_MS = 50.0
PAGE_SIZE = 200  # desktop.services.common.PAGE_SIZE; checked against it in measure()
MONTH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
REFERRED = "referred"
DEEP_ROW = 0.9  # the deep page starts after this fraction of all cases
# The service's own shape: SQLAlchemy binds LIMIT and OFFSET, and the planner treats a bound
# LIMIT differently from a literal one, so the baseline binds them too.
PAGE_SQL = (
    "SELECT fc.*, s.name, c.name FROM feedback_cases AS fc "
    "JOIN stations AS s ON s.id = fc.station_id "
    "LEFT OUTER JOIN feedback_categories AS c ON c.id = fc.category_id "
    "WHERE {where} ORDER BY fc.received_date DESC, fc.id DESC LIMIT ? OFFSET ?"
)
COUNT_SQL = "SELECT count(*) FROM feedback_cases AS fc WHERE {where}"
# after_key() in desktop/services/common.py, as SQLAlchemy renders it.
KEY_WHERE = "(fc.received_date < ? OR fc.received_date = ? AND fc.id < ?)"
ROW_VALUE_KEY_WHERE = "(fc.received_date, fc.id) < (?, ?)"


@dataclass(frozen=True)
class FilterCase:
    """One filter as the service gets it and as the bare SQL states it."""

    name: str
    flt: Any  # desktop.domain.records.ListFilter
    where: str
    params: tuple
    after: tuple | None = None  # a (date, uuid) key: the page after it

    def page_sql(self, key_where: str = KEY_WHERE) -> tuple[str, tuple]:
        where, params = self.where, self.params
        if self.after is not None:
            day, rid = self.after
            where += f" AND {key_where}"
            key = (day.isoformat(), rid.hex)
            params += (key[0], *key) if key_where == KEY_WHERE else key
        return PAGE_SQL.format(where=where), (*params, PAGE_SIZE, 0)

    def count_sql(self) -> tuple[str, tuple]:
        return COUNT_SQL.format(where=self.where), self.params


@dataclass(frozen=True)
class FilterResult:
    figures: list[Figure]
    notes: list[str]


def filter_cases(conn: sqlite3.Connection) -> list[FilterCase]:
    from desktop.domain.records import ListFilter

    # A station of middling size: neither the busiest nor the quietest.
    per_station = conn.execute(
        "SELECT station_id, count(*) FROM feedback_cases GROUP BY station_id ORDER BY 2, 1"
    ).fetchall()
    station_hex = per_station[len(per_station) // 2][0]
    live = "fc.deleted = 0"
    month = (MONTH[0].isoformat(), MONTH[1].isoformat())
    in_month = "fc.received_date >= ? AND fc.received_date <= ?"
    by_month = ListFilter(date_from=MONTH[0], date_to=MONTH[1])
    cases = [
        FilterCase("no filter", ListFilter(), live, ()),
        FilterCase(
            "state=referred", ListFilter(kind=REFERRED), f"{live} AND fc.state = ?", (REFERRED,)
        ),
        FilterCase(
            "one station",
            ListFilter(station_id=uuid.UUID(station_hex)),
            f"{live} AND fc.station_id = ?",
            (station_hex,),
        ),
        FilterCase("one month", by_month, f"{live} AND {in_month}", month),
        FilterCase(
            "state + month",
            ListFilter(date_from=MONTH[0], date_to=MONTH[1], kind=REFERRED),
            f"{live} AND {in_month} AND fc.state = ?",
            (*month, REFERRED),
        ),
    ]
    total = conn.execute("SELECT count(*) FROM feedback_cases").fetchone()[0]
    row = max(1, int(total * DEEP_ROW))
    day, rid = conn.execute(
        "SELECT received_date, id FROM feedback_cases WHERE deleted = 0 "
        "ORDER BY received_date DESC, id DESC LIMIT 1 OFFSET ?",
        (row - 1,),
    ).fetchone()
    after = (dt.date.fromisoformat(day), uuid.UUID(rid))
    cases.append(FilterCase(f"deep page (after row {row:,})", ListFilter(), live, (), after))
    return cases


def _timed(fn: Callable[[], object]) -> int:
    started = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - started


def pair(
    service: Callable[[], object], bare: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians (ms) of ``runs`` alternating calls, after one discarded warm-up call of each."""
    service(), bare()
    a: list[int] = []
    b: list[int] = []
    for _ in range(runs):
        a.append(_timed(service))
        b.append(_timed(bare))
    return median_ms(a), median_ms(b)


def explain(conn: sqlite3.Connection, sql: str, params: tuple) -> str:
    return "; ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@contextmanager
def statements(engine: Any) -> Iterator[list[tuple[str, tuple]]]:
    """The SQL a service sends to SQLite while inside the block (for its query plans)."""
    from sqlalchemy import event

    seen: list[tuple[str, tuple]] = []

    def record(_conn: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        if "FROM feedback_cases" in sql:
            seen.append((sql, tuple(params)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def feedback_tab(services: Any, today: dt.date) -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.tabs.feedback import FeedbackTab

    app = QApplication.instance() or QApplication(["liaison-desk-benchmarks"])
    tab = FeedbackTab(lambda: today)
    tab.resize(1200, 700)
    tab.show()
    tab.attach(services)
    app.processEvents()
    return tab


def measure(db_path: Path, runs: int, today: dt.date) -> FilterResult:
    from PySide6.QtWidgets import QApplication

    from desktop.services import common, open_services

    assert common.PAGE_SIZE == PAGE_SIZE, "the service's page size changed: update PAGE_SIZE"
    services = open_services(db_path, today=lambda: today)
    conn = sqlite3.connect(db_path)
    notes: list[str] = []
    pages: list[Figure] = []
    counts: list[Figure] = []
    try:
        cases = filter_cases(conn)
        tab = feedback_tab(services, today)
        for case in cases:

            def fetch(after: tuple | None, case: FilterCase = case) -> Any:
                return services.feedback.page(case.flt, after if after is not None else case.after)

            def first_screen(fetch: Callable[[tuple | None], Any] = fetch) -> None:
                tab.model.load(fetch)
                QApplication.processEvents()  # the view paints its first screen of rows

            sql, params = case.page_sql()
            with statements(services.db.engine) as sent:
                value, base = pair(
                    first_screen, lambda q=sql, p=params: conn.execute(q, p).fetchall(), runs
                )
            figure = Figure(f"first screen: {case.name}", value, base, max_ms=TARGET_MS)
            pages.append(figure)
            bare_rows = len(conn.execute(sql, params).fetchall())
            if tab.model.rowCount() != bare_rows:
                notes.append(
                    f"{case.name}: the tab shows {tab.model.rowCount()} rows, bare {bare_rows}"
                )
            if figure.ok is False:
                sql, params = sent[0] if sent else (sql, params)
                notes.append(f"{figure.name}: the service's plan: {explain(conn, sql, params)}")
                if case.after is not None:
                    notes.append(_row_value_hint(conn, case, runs))
            if case.after is not None:
                continue  # the count of a deep page is the count of its filter
            sql, params = case.count_sql()
            with statements(services.db.engine) as sent:
                value, base = pair(
                    lambda flt=case.flt: services.feedback.count(flt),
                    lambda q=sql, p=params: conn.execute(q, p).fetchone(),
                    runs,
                )
            figure = Figure(f"count for status bar: {case.name}", value, base, max_ms=TARGET_MS)
            counts.append(figure)
            if figure.ok is False:
                sql, params = sent[0] if sent else (sql, params)
                notes.append(f"{figure.name}: the service's plan: {explain(conn, sql, params)}")
        tab.close()
    finally:
        conn.close()
        services.close()
    return FilterResult(pages + counts, notes)


def _row_value_hint(conn: sqlite3.Connection, case: FilterCase, runs: int) -> str:
    """Time the same deep page with a row-value key condition, which SQLite can seek on."""
    sql, params = case.page_sql(ROW_VALUE_KEY_WHERE)
    ms, _ = pair(lambda: conn.execute(sql, params).fetchall(), lambda: None, runs)
    return (
        f"{case.name} keyed by the row value {ROW_VALUE_KEY_WHERE} instead: {ms:.1f} ms bare; "
        f"plan: {explain(conn, sql, params)}"
    )
