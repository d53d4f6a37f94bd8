"""Search and state counts: a two-character word's first page in the FeedbackTab against the best
bare FTS5 SQL for the same rows, and the counts bar against a bare GROUP BY."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.filters import MONTH, PAGE_SIZE, TARGET_MS, explain, feedback_tab, pair
from benchmarks.report import Figure
from benchmarks.vocabulary import COMMON_WORD, MOST_WORD, RARE_WORD

RARE_MAX, COMMON_MIN, MOST_MIN = 20, 0.01, 0.5  # what rare, common and most mean (issue 3 #10)
CANDIDATE_RUNS = 5  # runs per bare candidate when choosing the fastest as the baseline
# A candidate whose first run takes longer than this (or 20 times the best so far) is stopped
# there: it cannot be the baseline, and some take many seconds for some words.
BUDGET_MS, MIN_BUDGET_MS = 1000.0, 100.0
COLUMNS = "fc.*, s.name, c.name"
JOINS = (
    "JOIN stations AS s ON s.id = fc.station_id "
    "LEFT OUTER JOIN feedback_categories AS c ON c.id = fc.category_id"
)


def candidates(span: int) -> dict[str, str]:
    """Plain SQL for the first page of a word; the fastest that returns the service's page is the
    baseline. The index's rowid is a search key, day number * ``span`` + the case's rowid
    (desktop.db.sqlite), so newest first is received_date, then rowid, descending; deleted
    cases are not in the index. Named parameters: :e the MATCH expression, :n and :o the bound
    LIMIT and OFFSET (as the service binds them)."""
    local = f"case_fts.rowid % {span}"
    return {
        "FTS keys newest first, then their cases": (
            "SELECT {cols} FROM (SELECT rowid AS k FROM case_fts WHERE case_fts MATCH :e "
            f"ORDER BY rowid DESC LIMIT :n OFFSET :o) AS m CROSS JOIN feedback_cases AS fc "
            f"ON fc.rowid = m.k % {span} {JOINS} ORDER BY m.k DESC"
        ),
        "FTS rowids joined, sorted": (
            f"SELECT {{cols}} FROM case_fts CROSS JOIN feedback_cases AS fc ON fc.rowid = {local} "
            f"{JOINS} WHERE case_fts MATCH :e AND fc.deleted = 0 "
            "ORDER BY fc.received_date DESC, fc.rowid DESC LIMIT :n OFFSET :o"
        ),
    }


STATE_SQL = "SELECT fc.state, count(*) FROM feedback_cases AS fc WHERE {where} GROUP BY fc.state"


@dataclass(frozen=True)
class SearchResult:
    figures: list[Figure]
    notes: list[str]


@contextmanager
def sent_statements(engine: Any) -> Iterator[list[tuple[str, tuple]]]:
    """Every statement the engine sends while inside the block."""
    from sqlalchemy import event

    seen: list[tuple[str, tuple]] = []

    def record(_conn: Any, _cur: Any, sql: str, params: Any, _ctx: Any, _many: bool) -> None:
        seen.append((sql, tuple(params or ())))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _short(sql: str, width: int = 90) -> str:
    flat = re.sub(r"\s+", " ", sql).strip()
    flat = re.sub(r"^SELECT .{60,}? FROM", "SELECT ... FROM", flat)  # the long column lists
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def _diagnose(name: str, call: Callable[[], object], engine: Any, conn: sqlite3.Connection) -> str:
    """One more service call; each statement it sent is then run bare (rows are fetched lazily,
    so the time to execute() alone would miss most of the work), and the slowest is explained."""
    with sent_statements(engine) as sent:
        started = time.perf_counter_ns()
        call()
        total = (time.perf_counter_ns() - started) / 1e6
    timed = []
    for sql, params in sent:
        if sql.lstrip().upper().startswith("SELECT"):
            timed.append(
                (_median_ms(lambda q=sql, p=params: conn.execute(q, p).fetchall(), 3), sql, params)
            )
    if not timed:
        return f"{name}: the service sent no SELECT"
    ms, sql, params = max(timed, key=lambda t: t[0])
    in_sql = sum(t[0] for t in timed)
    steps = "; ".join(f"{t[0]:.1f} ms {_short(t[1], 60)}" for t in timed if t[0] >= 0.1)
    try:
        plan = explain(conn, sql, params)
    except sqlite3.Error as exc:
        plan = f"(no plan: {exc})"
    return (
        f"{name}: {total:.1f} ms; its {len(timed)} SELECTs take {in_sql:.1f} ms run bare "
        f"({steps}); slowest ({ms:.1f} ms): {_short(sql, 600)} {_params(params)}; "
        f"its plan: {plan}"
    )


def _params(params: tuple) -> str:
    shown = [p if not isinstance(p, str) or len(p) < 40 else p[:37] + "..." for p in params[:8]]
    more = f" +{len(params) - 8}" if len(params) > 8 else ""
    return f"params {shown}{more}"


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        fn()
        samples.append(time.perf_counter_ns() - started)
    return statistics.median(samples) / 1e6


def _within(conn: sqlite3.Connection, sql: str, params: Any, budget_ms: float) -> list | None:
    """The rows, or None when SQLite was still at it after ``budget_ms``."""
    deadline = time.perf_counter() + budget_ms / 1000
    conn.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10_000)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _best_bare(
    conn: sqlite3.Connection, expression: str, wanted: list[str], runs: int
) -> tuple[str, str, dict, list[str]]:
    """The fastest candidate that returns the service's page: (label, sql, params, notes)."""
    from desktop.db.sqlite import KEY_SPAN

    params = {"e": expression, "n": PAGE_SIZE, "o": 0}
    timed: list[tuple[float, str, str]] = []
    notes: list[str] = []
    for label, shape in candidates(KEY_SPAN).items():
        sql = shape.format(cols=COLUMNS)
        best = min((t[0] for t in timed), default=None)
        budget = BUDGET_MS if best is None else min(BUDGET_MS, max(MIN_BUDGET_MS, 20 * best))
        try:
            found = _within(conn, shape.format(cols="fc.id"), params, budget)
        except sqlite3.Error as exc:
            notes.append(f"{label}: {exc}")
            continue
        if found is None:
            notes.append(f"{label} stopped after {budget:.0f} ms")
            continue
        ids = [r[0] for r in found]
        if ids != wanted:
            notes.append(f"{label}: other rows than the service ({len(ids)} vs {len(wanted)})")
            continue
        ms = _median_ms(lambda q=sql: conn.execute(q, params).fetchall(), runs)
        timed.append((ms, label, sql))
        notes.append(f"{label} {ms:.1f} ms")
    if not timed:
        raise RuntimeError(f"no bare query returns the service's page: {'; '.join(notes)}")
    _ms, label, sql = min(timed)
    return label, sql, params, notes


def _words(conn: sqlite3.Connection) -> tuple[list[tuple[str, str, int]], list[str]]:
    """(kind, word, matches) for the rare, common and most-cases word; notes if one is off."""
    from desktop.domain.textsearch import match_expression

    total = conn.execute("SELECT count(*) FROM feedback_cases WHERE deleted = 0").fetchone()[0]
    words, notes = [], []
    for kind, word in (("rare", RARE_WORD), ("common", COMMON_WORD), ("most", MOST_WORD)):
        expression = match_expression(word)
        n = conn.execute(
            "SELECT count(*) FROM case_fts WHERE case_fts MATCH ?", (expression,)
        ).fetchone()[0]
        fits = {
            "rare": 0 < n <= RARE_MAX,
            "common": n >= COMMON_MIN * total,
            "most": n > MOST_MIN * total,
        }[kind]
        if not fits:
            notes.append(f"the {kind} word {word} is in {n:,} of {total:,} live cases: not {kind}")
        words.append((kind, word, n))
    return words, notes


def measure(db_path: Path, runs: int, today: dt.date) -> SearchResult:
    from PySide6.QtWidgets import QApplication

    from desktop.domain.records import ListFilter
    from desktop.domain.textsearch import match_expression
    from desktop.services import open_services

    services = open_services(db_path, today=lambda: today)
    conn = sqlite3.connect(db_path)
    figures: list[Figure] = []
    notes: list[str] = []
    engine = services.db.engine
    try:
        words, notes_w = _words(conn)
        notes += notes_w
        tab = feedback_tab(services, today)
        for kind, word, matches in words:
            flt = ListFilter(text=word)
            expression = match_expression(word) or ""

            def fetch(after: Any, flt: ListFilter = flt) -> Any:
                return services.feedback.page(flt, after)

            def first_page(fetch: Callable[[Any], Any] = fetch) -> None:
                tab.model.load(fetch)
                QApplication.processEvents()  # the view paints its first screen of rows

            wanted = [row.id.hex for row in services.feedback.page(flt).rows]
            label, sql, params, tried = _best_bare(
                conn, expression, wanted, min(runs, CANDIDATE_RUNS)
            )
            value, base = pair(
                first_page, lambda q=sql, p=params: conn.execute(q, p).fetchall(), runs
            )
            name = f"search first page: {kind} {word} ({matches:,} matches)"
            figure = Figure(name, value, base, max_ms=TARGET_MS)
            figures.append(figure)
            notes.append(f"{name}: baseline {label}; bare candidates: {', '.join(tried)}")
            if tab.model.rowCount() != len(wanted):
                shown = tab.model.rowCount()
                notes.append(
                    f"{name}: the tab shows {shown} rows, the service's page {len(wanted)}"
                )
            if figure.ok is False:
                notes.append(_diagnose(name, lambda f=flt: services.feedback.page(f), engine, conn))
        tab.close()
        counts = services.feedback.state_counts
        month = (MONTH[0].isoformat(), MONTH[1].isoformat())
        for label, flt, where, args in (
            ("no filter", ListFilter(), "fc.deleted = 0", ()),
            (
                "one month",
                ListFilter(date_from=MONTH[0], date_to=MONTH[1]),
                "fc.deleted = 0 AND fc.received_date >= ? AND fc.received_date <= ?",
                month,
            ),
        ):
            sql = STATE_SQL.format(where=where)
            value, base = pair(
                lambda f=flt: counts(f),
                lambda q=sql, a=args: conn.execute(q, a).fetchall(),
                runs,
            )
            figure = Figure(f"state counts: {label}", value, base, max_ms=TARGET_MS)
            figures.append(figure)
            bare = dict(conn.execute(sql, args).fetchall())
            got = {state.value: n for state, n in counts(flt).items()}
            if got != bare:
                notes.append(f"{figure.name}: the service counts {got}, bare {bare}")
            if figure.ok is False:
                notes.append(_diagnose(figure.name, lambda f=flt: counts(f), engine, conn))
    finally:
        conn.close()
        services.close()
    return SearchResult(figures, notes)
