"""The annual points register (issue 4 #8): ``PointsService.registers(year)`` for every deputy
against ONE hand-written SQL query that sums the same activity points with the same caps, over
the same cached database, in the same run; the per-deputy totals of both are compared."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.dataset import CACHE_DIR
from benchmarks.report import Figure
from benchmarks.rows import TRACKED, inserter, tracked
from benchmarks.vocabulary import SURNAMES, TOWNSHIPS

GENERATOR = 1  # bump whenever the generated rows change, so that old caches are rebuilt
SEED = 20260704
YEAR = 2025  # the register's year; some activities fall in the year before
AS_OF = dt.date(YEAR + 1, 1, 20)
SIZES, QUICK_SIZES = (2000, 100), (200, 20)  # deputies, activities (participations) each
RUNS, QUICK_RUNS = 5, 2
TARGET_RATIO = 3.0
STATIONS = 6
SESSION = (dt.date(YEAR, 1, 8), dt.date(YEAR, 1, 11))  # 大会期间, in the county's calendar
PREVIOUS_SESSION = (dt.date(YEAR - 1, 1, 9), dt.date(YEAR - 1, 1, 12))
GIVEN_CHARS = "志建国秀丽美德桂永文春海明华军平英芳红斌梅强玲云金宏伟涛静敏"

# kind code (desktop/domain/refdata.py ACTIVITY_KINDS), share of participations, group size.
# Kinds without an item in the example rules earn nothing: the baseline must leave them out.
KIND_MIX = (
    ("inspection", 15, (8, 20)),
    ("law_enforcement_check", 7, (6, 15)),
    ("standing_committee", 8, (5, 15)),
    ("training", 14, (30, 80)),
    ("court_hearing", 9, (5, 12)),
    ("suggestion", 12, (1, 3)),  # a joint suggestion; each signer's quantity counts
    ("congress_session", 10, (40, 150)),  # a sitting: one record per half-day meeting
    ("deliberation", 10, (5, 20)),
    ("constituent_contact", 10, (1, 6)),
    ("legislative_consultation", 5, (5, 20)),
)
OUTSIDE_SESSION = 0.15  # congress sittings dated outside the calendar: absences cost nothing
PREVIOUS_YEAR = 0.10  # activities dated in the year before: not in this year's register
DELETED_ACTIVITY, DELETED_PARTICIPANT = 0.005, 0.01


@dataclass(frozen=True)
class PointsDataset:
    path: Path
    deputies: int
    activities: int  # per deputy (participations)
    build_seconds: float | None  # None when the cached database was used
    notes: tuple[str, ...] = ()


@dataclass
class CheckedFigure(Figure):
    """A figure that is also "FAIL" when the service's totals differ from the baseline's."""

    agrees: bool = True

    @property
    def ok(self) -> bool | None:
        return False if not self.agrees else Figure.ok.fget(self)


@dataclass(frozen=True)
class PointsResult:
    figures: list[Figure]
    notes: list[str]


# --- the database ---------------------------------------------------------------------------


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _stamp(day: dt.date, rng: random.Random) -> str:
    hms = dt.time(rng.randint(0, 9), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))
    return f"{day.isoformat()} {hms.isoformat(timespec='microseconds')}"


def schema_fingerprint(path: Path) -> str:
    """The schema's hash, blind to the order of a table's lines: the migrations do not always
    write a rebuilt table's constraints in the same order (dataset.schema_fingerprint sees two
    schemas there, and rebuilds its cache)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        shape = [
            (kind, name, sorted(line.strip().rstrip(",") for line in (sql or "").splitlines()))
            for kind, name, sql in rows
        ]
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:12]


def _names(n: int, rng: random.Random) -> list[str]:
    """Three-character names, distinct while the pool lasts (then repeated, as in real rolls)."""
    pool = [s + a + b for s in SURNAMES for a in GIVEN_CHARS for b in GIVEN_CHARS if a != b]
    rng.shuffle(pool)
    return [pool[i % len(pool)] for i in range(n)]


def _day(rng: random.Random, kind: str) -> dt.date:
    year = YEAR - 1 if rng.random() < PREVIOUS_YEAR else YEAR
    if kind == "congress_session" and rng.random() >= OUTSIDE_SESSION:
        first, last = SESSION if year == YEAR else PREVIOUS_SESSION
        return first + dt.timedelta(days=rng.randint(0, (last - first).days))
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    if kind == "congress_session":  # a sitting the calendar does not hold
        first, last = SESSION if year == YEAR else PREVIOUS_SESSION
        if first <= day <= last:
            day = last + dt.timedelta(days=30)
    return day


def _attendance(rng: random.Random, kind: str) -> tuple[str, int]:
    r = rng.random()
    if kind == "congress_session":
        if r < 0.84:
            return "present", 1
        return ("excused", 1) if r < 0.92 else ("unexcused", rng.randint(1, 4))  # half days
    if r < 0.90:
        return "present", rng.randint(1, 3) if kind == "suggestion" else 1
    return ("excused", 1) if r < 0.97 else ("unexcused", 1)


def _activities(
    deputies: list[str], each: int, rng: random.Random
) -> Iterator[tuple[str, list[str]]]:
    """(kind, participants): deputies are taken in turn from a shuffled roll, reshuffled at each
    pass, so every deputy joins exactly ``each`` activities and none joins one twice."""
    kinds = [k for k, _, _ in KIND_MIX]
    weights = [share / ((lo + hi) / 2) for _, share, (lo, hi) in KIND_MIX]  # per activity
    sizes = {k: size for k, _, size in KIND_MIX}
    for _ in range(each):
        roll = deputies[:]
        rng.shuffle(roll)
        at = 0
        while at < len(roll):
            kind = rng.choices(kinds, weights)[0]
            size = rng.randint(*sizes[kind])
            yield kind, roll[at : at + size]
            at += size


def _fill(path: Path, n_deputies: int, each: int, seed: int) -> list[str]:
    from desktop.db import sqlite as db_sqlite
    from desktop.services.collation import search_keys, stroke_sort_text

    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    notes: list[str] = []
    try:
        db_sqlite.register_functions(conn)
        conn.execute("PRAGMA synchronous = OFF")  # a cache we can rebuild; not user data
        site = conn.execute("SELECT value FROM app_settings WHERE key = 'local_site_id'").fetchone()
        site_hex = uuid.UUID(site[0]).hex
        kind_ids = dict(conn.execute("SELECT code, id FROM activity_kinds WHERE deleted = 0"))
        missing = [k for k, _, _ in KIND_MIX if k not in kind_ids]
        assert not missing, f"activity kinds no longer shipped: {missing}; update KIND_MIX"
        stations = [r[0] for r in conn.execute("SELECT id FROM stations ORDER BY code")]
        seq = conn.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0] + 1
        conn.execute("BEGIN")

        deputy_cols = [*TRACKED, "name", "name_keys", "name_sort", "gender", "ethnicity"]
        deputy_cols += ["is_county_level", "is_township_level", "constituency", "phone"]
        deputy_cols += ["workplace", "occupation", "term", "household_sign", "status"]
        deputy_cols += ["roster_status", "county_record_id"]
        sql, row, extra = inserter(conn, "deputies", deputy_cols)
        notes += [f"deputies.{c} filled with its default" for c in extra]
        deputies = [_hex(rng) for _ in range(n_deputies)]
        rows = []
        for i, (did, name) in enumerate(zip(deputies, _names(n_deputies, rng), strict=True)):
            county = i % 4 == 0
            stamp = _stamp(dt.date(YEAR - 3, 1, 5), rng)
            values = {
                **tracked(did, site_hex, stamp, seq),
                "name": name,
                "name_keys": search_keys(name),
                "name_sort": stroke_sort_text(name),
                "gender": rng.choice(("male", "female")),
                "ethnicity": "汉族",
                "is_county_level": int(county),
                "is_township_level": int(not county or rng.random() < 0.3),
                "constituency": f"第{i % 40 + 1}选区",
                "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09}",
                "workplace": "",
                "occupation": "",
                "term": "第十八届",
                "household_sign": 0,
                "status": "serving",
                "roster_status": "confirmed",
                "county_record_id": None,
            }
            rows.append(row(values))
        conn.executemany(sql, rows)

        sql, row, extra = inserter(conn, "deputy_stations", [*TRACKED, "deputy_id", "station_id"])
        notes += [f"deputy_stations.{c} filled with its default" for c in extra]
        stamp = _stamp(dt.date(YEAR - 3, 1, 5), rng)
        conn.executemany(
            sql,
            [
                row(
                    {
                        **tracked(_hex(rng), site_hex, stamp, seq),
                        "deputy_id": did,
                        "station_id": stations[i % len(stations)],
                    }
                )
                for i, did in enumerate(deputies)
            ],
        )

        act_cols = [*TRACKED, "kind_id", "station_id", "day", "title", "location", "summary"]
        act_sql, act_row, extra = inserter(conn, "activities", act_cols)
        notes += [f"activities.{c} filled with its default" for c in extra]
        part_cols = [*TRACKED, "activity_id", "deputy_id", "attendance", "quantity"]
        part_sql, part_row, extra = inserter(conn, "activity_participants", part_cols)
        notes += [f"activity_participants.{c} filled with its default" for c in extra]
        acts, parts = [], []
        for n, (kind, people) in enumerate(_activities(deputies, each, rng)):
            seq += 1
            day = _day(rng, kind)
            stamp = _stamp(day, rng)
            aid = _hex(rng)
            county_wide = kind in ("congress_session", "standing_committee", "training")
            values = {
                **tracked(aid, site_hex, stamp, seq),
                "deleted": int(rng.random() < DELETED_ACTIVITY),
                "kind_id": kind_ids[kind],
                "station_id": None if county_wide else rng.choice(stations),
                "day": day.isoformat(),
                "title": f"{kind} {n + 1}",
                "location": "",
                "summary": "",
            }
            acts.append(act_row(values))
            for did in people:
                attendance, quantity = _attendance(rng, kind)
                values = {
                    **tracked(_hex(rng), site_hex, stamp, seq),
                    "deleted": int(rng.random() < DELETED_PARTICIPANT),
                    "activity_id": aid,
                    "deputy_id": did,
                    "attendance": attendance,
                    "quantity": quantity,
                }
                parts.append(part_row(values))
        conn.executemany(act_sql, acts)
        conn.executemany(part_sql, parts)
        conn.execute("UPDATE change_counter SET value = ? WHERE id = 1", (seq,))
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        notes.append(f"points database: {len(acts):,} activities, {len(parts):,} participations")
    finally:
        conn.close()
    return notes


def points_database(
    n_deputies: int, each: int, cache_dir: Path = CACHE_DIR, seed: int = SEED
) -> PointsDataset:
    """The database for ``n_deputies`` x ``each`` participations, built once per schema through
    the program's migrations and reused from ``cache_dir``."""
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft
    from desktop.services import open_services

    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cache_dir / f"building-{uuid.uuid4().hex[:8]}.sqlite"
    started = time.perf_counter()
    try:
        services = open_services(partial, today=lambda: AS_OF)
        try:
            services.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "县人大常委会代表工委"))
            for i in range(STATIONS):
                town = TOWNSHIPS[i // 2]
                services.reference.add_station(f"P{i + 1:02}", f"{town}第{i % 2 + 1}联络站", town)
            services.points.add_session("第十八届人民代表大会第四次会议", *PREVIOUS_SESSION)
            services.points.add_session("第十八届人民代表大会第五次会议", *SESSION)
        finally:
            services.close()
    except BaseException:
        _remove(partial)
        raise
    fingerprint = schema_fingerprint(partial)
    final = cache_dir / f"points-{n_deputies}x{each}-s{seed}-g{GENERATOR}-{fingerprint}.sqlite"
    for old in cache_dir.glob("points-*.sqlite*"):
        if fingerprint not in old.name or f"-g{GENERATOR}-" not in old.name:
            old.unlink(missing_ok=True)  # an older schema or generator: never measured again
    if final.is_file():
        _remove(partial)
        return PointsDataset(final, n_deputies, each, None)
    try:
        notes = _fill(partial, n_deputies, each, seed)
    except BaseException:
        _remove(partial)
        raise
    _remove(partial, keep_main=True)
    partial.replace(final)
    return PointsDataset(final, n_deputies, each, time.perf_counter() - started, tuple(notes))


def _remove(path: Path, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm") if keep_main else ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- the baseline ---------------------------------------------------------------------------


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value, "f")
    return "'" + str(value).replace("'", "''") + "'"


JOINS = {
    # As one writes it; SQLite's planner picks the order (it has put the rules outermost).
    "planner's join order": (
        "FROM activity_participants AS ap\n"
        "  JOIN activities AS a ON a.id = ap.activity_id\n"
        "  JOIN activity_kinds AS k ON k.id = a.kind_id\n"
        "  JOIN rules AS r ON r.kind = k.code AND r.attendance = ap.attendance"
    ),
    # The year's activities by their day index, then their participants (CROSS JOIN: as written).
    "activities first": (
        "FROM activities AS a\n"
        "  CROSS JOIN activity_kinds AS k ON k.id = a.kind_id\n"
        "  CROSS JOIN rules AS r ON r.kind = k.code\n"
        "  CROSS JOIN activity_participants AS ap\n"
        "    ON ap.activity_id = a.id AND ap.attendance = r.attendance"
    ),
}


def baseline_sql(joins: str = JOINS["planner's join order"]) -> str:
    """One query: each deputy's capped points per activity-fed item of the example rules
    (``MIN(cap, SUM(points))``; a capped deduction the same, on its size), summed per deputy.
    The rule values are written into the query as literals, as one would by hand."""
    from desktop.domain.points import CreditSource, Scope, example_rule_set

    county, township = (example_rule_set(YEAR, s) for s in (Scope.COUNTY, Scope.TOWNSHIP))
    assert county.items == township.items, "the example rules now differ by scope: update this"
    rules = [
        (i.code, i.activity_kind, i.attendance, i.points, i.per_unit, i.cap, i.period.value)
        for i in county.items
        if i.source == CreditSource.ACTIVITY
    ]
    values = ",\n  ".join("(" + ", ".join(_literal(v) for v in r) + ")" for r in rules)
    return f"""
WITH rules(code, kind, attendance, points, per_unit, cap, period) AS (VALUES
  {values}
),
lines AS (
  SELECT ap.deputy_id AS deputy_id, r.cap AS cap,
         SUM(r.points * CASE WHEN r.per_unit THEN ap.quantity ELSE 1 END) AS raw
  {joins}
  WHERE ap.deleted = 0 AND a.deleted = 0 AND a.day BETWEEN :first AND :last
    AND (r.period = 'any' OR (r.period = 'session') = EXISTS (
      SELECT 1 FROM session_periods AS sp
      WHERE sp.deleted = 0 AND a.day BETWEEN sp.first_day AND sp.last_day))
  GROUP BY ap.deputy_id, r.code
)
SELECT d.id, COALESCE(SUM(CASE WHEN l.cap IS NULL THEN l.raw
                               WHEN l.raw < 0 THEN MAX(-l.cap, l.raw)
                               ELSE MIN(l.cap, l.raw) END), 0)
FROM deputies AS d LEFT JOIN lines AS l ON l.deputy_id = d.id
WHERE d.deleted = 0 AND d.roster_status != 'mapped'
GROUP BY d.id
"""


# --- the measurement ------------------------------------------------------------------------


def _timed(fn: Callable[[], object]) -> tuple[int, object]:
    started = time.perf_counter_ns()
    out = fn()
    return time.perf_counter_ns() - started, out


def _compare(service: dict[str, Decimal], bare: dict[str, Decimal]) -> list[str]:
    """Differences, deputy by deputy (ids as 32 hex digits)."""
    out = []
    for did in sorted(service.keys() | bare.keys()):
        a, b = service.get(did), bare.get(did)
        if a != b:
            out.append(f"{did}: service {a}, baseline {b}")
    return out


def _baseline(
    conn: sqlite3.Connection, params: dict[str, str], runs: int, notes: list[str]
) -> tuple[str, list[tuple]]:
    """The fastest candidate join order (all must return the same rows), and its rows."""
    timed: dict[str, float] = {}
    rows: dict[str, list[tuple]] = {}
    for name, joins in JOINS.items():
        sql = baseline_sql(joins)
        rows[name] = sorted(conn.execute(sql, params).fetchall())  # also the warm-up
        samples = [_timed(lambda q=sql: conn.execute(q, params).fetchall())[0] for _ in range(runs)]
        timed[name] = statistics.median(samples) / 1e6
    best = min(timed, key=timed.__getitem__)
    if any(r != rows[best] for r in rows.values()):
        notes.append("WARNING: points register: the baseline's join orders disagree")
    tried = ", ".join(f"{name} {ms:.1f} ms" for name, ms in timed.items())
    notes.append(f"points register baseline: {best} (tried {tried})")
    return baseline_sql(JOINS[best]), rows[best]


def measure(
    quick: bool, cache_dir: Path = CACHE_DIR, runs: int | None = None, year: int = YEAR
) -> PointsResult:
    from desktop.services import open_services

    n_deputies, each = QUICK_SIZES if quick else SIZES
    runs = runs or (QUICK_RUNS if quick else RUNS)
    data = points_database(n_deputies, each, cache_dir)
    built = f"built in {data.build_seconds:.1f} s" if data.build_seconds else "cached"
    notes = [f"points database ({built}): {data.path}", *data.notes]
    services = open_services(data.path, today=lambda: AS_OF)
    conn = sqlite3.connect(data.path)
    try:
        params = {"first": f"{year}-01-01", "last": f"{year}-12-31"}
        sql, rows = _baseline(conn, params, runs, notes)
        # The first call is a warm-up; its registers are the ones compared (and then let go,
        # so that the timed calls do not run with an extra year of registers in memory).
        registers = services.points.registers(year)
        by_service = {r.register.deputy_id.replace("-", ""): r.register.total for r in registers}
        capped = sum(1 for r in registers for line in r.register.lines if line.capped)
        del registers
        a: list[int] = []
        b: list[int] = []
        for _ in range(runs):
            a.append(_timed(lambda: services.points.registers(year))[0])
            b.append(_timed(lambda: conn.execute(sql, params).fetchall())[0])
    finally:
        conn.close()
        services.close()
    by_bare = {did: Decimal(str(total)) for did, total in rows}
    differ = _compare(by_service, by_bare)
    name = f"points register {year}: {n_deputies:,} deputies x {each}"
    figure = CheckedFigure(
        name,
        statistics.median(a) / 1e6,
        statistics.median(b) / 1e6,
        max_ratio=TARGET_RATIO,
        agrees=not differ,
    )
    notes.append(
        f"points register: {len(by_service):,} registers, {sum(by_service.values())} points in "
        f"all, {capped:,} capped lines; baseline {len(by_bare):,} deputies, "
        f"{sum(by_bare.values())} points; runs {runs}"
    )
    if differ:
        shown = "; ".join(differ[:3])
        notes.append(
            f"WARNING: points register: {len(differ):,} deputies' totals differ from the "
            f"baseline's (e.g. {shown})"
        )
        print(
            f"WARNING: points register totals differ for {len(differ):,} deputies",
            file=sys.stderr,
        )
    return PointsResult([figure], notes)
