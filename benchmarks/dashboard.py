"""The county dashboard (issue 7 #7): ``CountyFigures.figures(year)`` on a prefecture-size demo
database (ten counties, 620 stations, five years) against plain SQL aggregate queries that
produce the same figures (county totals and the per-township lines), in the same run: first the
counted figures the dashboard shows at once, then the whole refresh with the points bands and
top deputies, against the same queries plus one query of every deputy's points
(benchmarks/dashboard_points.py). The two are compared figure by figure and band by band; a
disagreement marks the row FAIL."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.dashboard_points import bands
from benchmarks.dataset import CACHE_DIR
from benchmarks.points import CheckedFigure
from benchmarks.report import Figure

GENERATOR = 3  # bump whenever the demo's rows change, so that old caches are rebuilt
AS_OF = dt.date(2026, 6, 30)
YEAR = 2025
TARGET_RATIO = 3.0
RUNS, QUICK_RUNS = 7, 3

# The plain queries: (township, figures...) per township for the lines, then the county's
# breakdowns. Dates and booleans as SQLite stores them (ISO text, 0/1).
YEAR_WHERE = "NOT {t}.deleted AND {t}.{day} BETWEEN ? AND ?"
CASES_WHERE = "NOT c.deleted AND c.merged_into_id IS NULL AND c.received_date BETWEEN ? AND ?"
BASELINE = {
    "duty": "SELECT s.township_id, count(*), total(d.people_received) FROM duty_days d "
    "JOIN stations s ON s.id = d.station_id WHERE "
    + YEAR_WHERE.format(t="d", day="day")
    + " GROUP BY s.township_id",
    "duty_deputies": "SELECT s.township_id, count(*) FROM duty_day_deputies x "
    "JOIN duty_days d ON d.id = x.duty_day_id JOIN stations s ON s.id = d.station_id "
    "WHERE NOT x.deleted AND " + YEAR_WHERE.format(t="d", day="day") + " GROUP BY 1",
    "visits": "SELECT s.township_id, count(*) FROM visits v JOIN stations s "
    "ON s.id = v.station_id WHERE " + YEAR_WHERE.format(t="v", day="day") + " GROUP BY 1",
    "visited": "SELECT s.township_id, count(*) FROM visit_people p JOIN visits v "
    "ON v.id = p.visit_id JOIN stations s ON s.id = v.station_id WHERE NOT p.deleted "
    "AND p.role = 'visited' AND " + YEAR_WHERE.format(t="v", day="day") + " GROUP BY 1",
    "cases": "SELECT s.township_id, count(*), total(c.duty_day_id IS NOT NULL), "
    "total(c.referred_on IS NOT NULL), total(c.replied_on <= c.deadline), "
    "total(c.deadline IS NOT NULL AND (c.replied_on IS NOT NULL OR c.deadline < ?)), "
    "total(c.state = 'referred' AND c.deadline < ?) FROM feedback_cases c "
    "JOIN stations s ON s.id = c.station_id WHERE " + CASES_WHERE + " GROUP BY 1",
    "states": "SELECT c.state, count(*) FROM feedback_cases c WHERE " + CASES_WHERE + " GROUP BY 1",
    "categories": "SELECT c.category_id, count(*) FROM feedback_cases c WHERE "
    + CASES_WHERE
    + " GROUP BY 1",
    "months": "SELECT CAST(strftime('%m', c.received_date) AS INTEGER), count(*) "
    "FROM feedback_cases c WHERE " + CASES_WHERE + " GROUP BY 1",
    "outcomes": "SELECT c.outcome, count(*) FROM feedback_cases c WHERE "
    + CASES_WHERE
    + " AND c.outcome != '' GROUP BY 1",
    "answered": "SELECT s.township_id, count(DISTINCT e.case_id), count(DISTINCT CASE WHEN "
    "e.payload LIKE '%\"unsatisfied\"%' THEN e.case_id END) FROM case_events e "
    "JOIN feedback_cases c ON c.id = e.case_id JOIN stations s ON s.id = c.station_id "
    "WHERE e.kind = 'answered_back' AND " + CASES_WHERE + " GROUP BY 1",
    "activities": "SELECT count(*) FROM activities a WHERE " + YEAR_WHERE.format(t="a", day="day"),
    "participants": "SELECT count(*) FROM activity_participants p JOIN activities a "
    "ON a.id = p.activity_id WHERE NOT p.deleted AND p.attendance = 'present' AND "
    + YEAR_WHERE.format(t="a", day="day"),
}


@dataclass(frozen=True)
class DashboardResult:
    figures: list[Figure]
    notes: list[str]


def demo_database(quick: bool, cache_dir: Path = CACHE_DIR) -> tuple[Path, float | None]:
    """The demo at the prefecture scale over five years (the county scale for --quick),
    built once and kept in the cache."""
    from desktop.db.revision import HEAD

    scale = "county" if quick else "prefecture"
    path = cache_dir / f"dashboard-{scale}-5y-g{GENERATOR}-r{HEAD}.sqlite"
    if path.exists():
        return path, None
    from desktop.services import open_services
    from desktop.services.demo import fill_demo

    cache_dir.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    building.unlink(missing_ok=True)
    started = time.perf_counter()
    services = open_services(building, today=lambda: AS_OF)
    try:
        fill_demo(services, scale=scale, years=5, as_of=AS_OF)
    finally:
        services.close()
    building.rename(path)
    return path, time.perf_counter() - started


def baseline(conn: sqlite3.Connection) -> dict[str, Any]:
    """The dashboard's figures by plain SQL: county totals and per-township lines."""
    span = (dt.date(YEAR, 1, 1).isoformat(), dt.date(YEAR, 12, 31).isoformat())
    as_of = AS_OF.isoformat()
    out: dict[str, Any] = {}
    for name, sql in BASELINE.items():
        params = (as_of, as_of, *span) if name == "cases" else span
        out[name] = conn.execute(sql, params).fetchall()
    return out


def _totals(plain: dict[str, Any]) -> dict[str, Any]:
    """The baseline's rows as the figures the service reports for the county."""

    def column(name: str, i: int) -> int:
        return int(sum(row[i] for row in plain[name]))

    answered, unhappy = column("answered", 1), column("answered", 2)
    return {
        "duty_batches": column("duty", 1),
        "people_received": column("duty", 2),
        "duty_deputy_times": column("duty_deputies", 1),
        "visits": column("visits", 1),
        "deputies_visited": column("visited", 1),
        "opinions_collected": column("cases", 1),
        "written_opinions": column("cases", 2),
        "opinions_passed_on": column("cases", 3),
        "replied_on_time": (column("cases", 4), column("cases", 5)),
        "overdue": column("cases", 6),
        "satisfied_first": (answered - unhappy, answered),
        "states": {state: n for state, n in plain["states"]},
        "categories": sorted(n for _, n in plain["categories"]),
        "months": {int(m): n for m, n in plain["months"]},
        "outcomes": {o: n for o, n in plain["outcomes"]},
        "activities": plain["activities"][0][0],
        "activity_person_times": plain["participants"][0][0],
        "townships": len(plain["duty"]),
    }


def _service_totals(f: Any) -> dict[str, Any]:
    return {
        "duty_batches": f.duty_batches,
        "people_received": f.people_received,
        "duty_deputy_times": f.duty_deputy_times,
        "visits": f.visits,
        "deputies_visited": f.deputies_visited,
        "opinions_collected": f.opinions_collected,
        "written_opinions": f.written_opinions,
        "opinions_passed_on": f.opinions_passed_on,
        "replied_on_time": (f.replied_on_time.part, f.replied_on_time.whole),
        "overdue": f.overdue,
        "satisfied_first": (f.satisfied_first.part, f.satisfied_first.whole),
        "states": {c.key: c.value for c in f.cases_by_state if c.value},
        "categories": sorted(c.value for c in f.cases_by_category),
        "months": {int(c.key): c.value for c in f.cases_per_month if c.value},
        "outcomes": {c.key: c.value for c in f.outcomes if c.value},
        "activities": f.activities,
        "activity_person_times": f.activity_person_times,
        "townships": len(f.townships),
    }


def _median_ms(work: Any, runs: int) -> tuple[float, Any]:
    samples, result = [], None
    for _ in range(runs):
        started = time.perf_counter_ns()
        result = work()
        samples.append(time.perf_counter_ns() - started)
    return statistics.median(samples) / 1e6, result


def measure(quick: bool, cache_dir: Path = CACHE_DIR, runs: int | None = None) -> DashboardResult:
    from desktop.services import open_services

    runs = runs or (QUICK_RUNS if quick else RUNS)
    path, built = demo_database(quick, cache_dir)
    how = f"built in {built:.0f} s" if built else "cached"
    notes = [f"dashboard database ({how}): {path}"]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    services = open_services(path, today=lambda: AS_OF)
    try:
        baseline(conn)  # both warm: the pages in the OS cache, SQLAlchemy's statement cache
        county = services.county
        county.figures(YEAR, as_of=AS_OF, with_points=False, use_cache=False)
        plain_ms, plain = _median_ms(lambda: baseline(conn), runs)
        figures_ms, figures = _median_ms(
            lambda: county.figures(YEAR, as_of=AS_OF, with_points=False, use_cache=False), runs
        )
        bands_ms, plain_bands = _median_ms(lambda: bands(conn, YEAR), runs)
        whole_ms, whole = _median_ms(
            lambda: county.figures(YEAR, as_of=AS_OF, use_cache=False), runs
        )
        towns = services.county.scopes()[1]
        township_ms, _ = _median_ms(
            lambda: county.figures(YEAR, towns, as_of=AS_OF, with_points=False, use_cache=False),
            runs,
        )
        county.figures(YEAR, as_of=AS_OF, with_points=False)
        another_ms, _ = _median_ms(
            lambda: county.figures(YEAR, towns, as_of=AS_OF, with_points=False), runs
        )
    finally:
        services.close()
        conn.close()
    mine, theirs = _service_totals(figures), _totals(plain)
    agrees = mine == theirs
    if not agrees:
        wrong = sorted(k for k in mine if mine[k] != theirs.get(k))
        notes.append(f"dashboard figures DIFFER from the plain SQL's: {', '.join(wrong)}")
    my_bands = {int(c.key): c.value for c in whole.points_bands}
    bands_agree = _service_totals(whole) == theirs and my_bands == plain_bands
    if not bands_agree:
        notes.append(f"dashboard points bands DIFFER: {my_bands} against {plain_bands}")
    scale = "county" if quick else "prefecture"
    return DashboardResult(
        figures=[
            CheckedFigure(
                f"dashboard counts, a year of the {scale} (5 kept)",
                figures_ms,
                plain_ms,
                max_ratio=TARGET_RATIO,
                agrees=agrees,
            ),
            CheckedFigure(
                f"dashboard with points bands, a year of the {scale}",
                whole_ms,
                plain_ms + bands_ms,
                max_ratio=TARGET_RATIO,
                agrees=bands_agree,
            ),
            Figure(
                f"dashboard, one township of the {scale}",
                township_ms,
                plain_ms,
                max_ratio=TARGET_RATIO,
            ),
        ],
        notes=[
            *notes,
            f"dashboard: another scope of the same year (the year's count kept until a record "
            f"changes): {another_ms:,.1f} ms",
            f"dashboard: {figures.opinions_collected:,} cases and {figures.duty_batches:,} "
            f"duty days in {YEAR}; {theirs['townships']} townships; counts "
            f"{'equal' if agrees else 'UNEQUAL'} to the plain SQL's",
            f"dashboard: the counted figures show first; the points bands and top deputies "
            f"follow (baseline: the plain aggregates {plain_ms:,.0f} ms and every deputy's "
            f"points in one query {bands_ms:,.0f} ms; {sum(plain_bands.values()):,} deputies)",
        ],
    )


if __name__ == "__main__":
    from benchmarks.report import table

    result = measure("--quick" in sys.argv)
    print(table(result.figures))
    print("\n".join(result.notes))
