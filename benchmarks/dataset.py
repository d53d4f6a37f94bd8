"""A cached database migrated by the program and filled with N feedback cases by plain sqlite3."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.rows import TRACKED, inserter, tracked
from benchmarks.vocabulary import (
    CHANNEL_WEIGHTS,
    CHANNELS,
    COMMON_SHARE,
    COMMON_TOPIC,
    GIVEN,
    MOST_CLOSING,
    MOST_SHARE,
    OLD_STATES,
    RARE_CASES,
    RARE_TOPIC,
    RECENT_STATES,
    SURNAMES,
    TOPICS,
    TOWNSHIPS,
    VILLAGES,
)

CACHE_DIR = Path(__file__).with_name(".cache")
GENERATOR = 2  # bump whenever the generated rows change, so that old caches are rebuilt
SEED = 20260630
AS_OF = dt.date(2026, 6, 30)
YEARS = 5
STATIONS = 62


@dataclass(frozen=True)
class Dataset:
    path: Path
    cases: int
    build_seconds: float | None  # None when the cached database was used
    notes: tuple[str, ...] = ()


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _stamp(day: dt.date, rng: random.Random) -> str:
    hms = dt.time(rng.randint(0, 9), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))
    return f"{day.isoformat()} {hms.isoformat(timespec='microseconds')}"  # UTC, 08-18h in China


def schema_fingerprint(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:12]


def _reference(
    conn: sqlite3.Connection, rng: random.Random, site: str
) -> tuple[list[str], list[str]]:
    """Townships and stations; returns (station ids, notes)."""
    notes: list[str] = []
    stamp = _stamp(AS_OF - dt.timedelta(days=365 * YEARS + 30), rng)
    town_cols = ["code", "name", *TRACKED]
    sql, row, extra = inserter(conn, "townships", town_cols)
    towns = [_hex(rng) for _ in TOWNSHIPS]
    conn.executemany(
        sql,
        [
            row({"code": f"T{i:02}", "name": name, **tracked(towns[i], site, stamp, 2)})
            for i, name in enumerate(TOWNSHIPS)
        ],
    )
    notes += [f"townships.{c} filled with its default" for c in extra]
    sql, row, extra = inserter(conn, "stations", [*town_cols, "township_id", "address"])
    stations = [_hex(rng) for _ in range(STATIONS)]
    rows = []
    for i, sid in enumerate(stations):
        t = i % len(TOWNSHIPS)
        village = VILLAGES[i % len(VILLAGES)]
        name = f"{TOWNSHIPS[t]}{village}代表联络站"
        values = {"code": f"S{i + 1:03}", "name": name, "township_id": towns[t], "address": ""}
        rows.append(row({**values, **tracked(sid, site, stamp, 2)}))
    conn.executemany(sql, rows)
    notes += [f"stations.{c} filled with its default" for c in extra]
    return stations, notes


def _cases(
    n: int, rng: random.Random, site: str, stations: list[str], categories: list[str]
) -> Iterator[dict[str, Any]]:
    """Cases in the order they were received (rowids follow the dates, as in real use)."""
    start = AS_OF - dt.timedelta(days=365 * YEARS + 1)
    days = (AS_OF - start).days
    station_weights = [rng.uniform(0.3, 3.0) for _ in stations]  # busy and quiet stations
    recent, recent_w = _known_states(RECENT_STATES)
    old, old_w = _known_states(OLD_STATES)
    names = [s + g for s in SURNAMES for g in GIVEN]
    keys = _name_keys(names)
    rare_every = max(1, n // RARE_CASES)  # the rare topic: a fixed count, spread over the years
    for i in range(n):
        day = start + dt.timedelta(days=1 + i * days // n)
        age = (AS_OF - day).days
        state = rng.choices(recent, recent_w)[0] if age < 90 else rng.choices(old, old_w)[0]
        anonymous = rng.random() < 0.06
        deleted = rng.random() < 0.005
        person = "" if anonymous or deleted else rng.choice(names)
        created = _stamp(day, rng)
        changed = state != "registered"
        updated = _stamp(day + dt.timedelta(days=rng.randint(1, 60)), rng) if changed else created
        village = rng.choice(VILLAGES)
        yield {
            **tracked(_hex(rng), site, created, i + 10, 1 + changed + deleted),
            "updated_at": updated,
            "deleted": int(deleted),
            "station_id": rng.choices(stations, station_weights)[0],
            "received_date": day.isoformat(),
            "channel": rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0],
            "anonymous": int(anonymous),
            "person_name": person,
            "person_keys": keys[person] if person else "",
            "person_initials": keys[person].split(" ", 1)[0] if person else "",
            "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09}" if person else "",
            "id_number": "",
            "village": village,
            "category_id": rng.choice(categories),
            "content": _content(village, i % rare_every == rare_every // 2, rng),
            "state": state,
        }


def _content(village: str, rare: bool, rng: random.Random) -> str:
    if rare:
        topic = RARE_TOPIC
    elif rng.random() < COMMON_SHARE:
        topic = COMMON_TOPIC
    else:
        topic = rng.choice(TOPICS)
    closing = MOST_CLOSING if rng.random() < MOST_SHARE else ""
    return f"{village}群众反映：{topic}。{closing}"


def _known_states(weighted: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    """The states the program knows now (desktop.domain.enums.CaseState), with their weights."""
    from desktop.domain.enums import CaseState

    known = [(s, w) for s, w in weighted if s in {c.value for c in CaseState}]
    assert known, "none of the generated states is a CaseState any more: update vocabulary.py"
    return [s for s, _ in known], [w for _, w in known]


def _name_keys(names: list[str]) -> dict[str, str]:
    from desktop.services.collation import search_keys

    return {name: search_keys(name) for name in names}


def _fill(path: Path, n: int, seed: int) -> list[str]:
    from desktop.db import sqlite as db_sqlite

    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # SQL functions the program's triggers call (the full-text index), as on its connections.
        register = getattr(db_sqlite, "register_functions", None)
        if register is not None:
            register(conn)
        conn.execute("PRAGMA synchronous = OFF")  # a cache we can rebuild; not user data
        conn.execute("PRAGMA cache_size = -1000000")
        site = conn.execute("SELECT value FROM app_settings WHERE key = 'local_site_id'").fetchone()
        site_hex = uuid.UUID(site[0]).hex
        categories = [r[0] for r in conn.execute("SELECT id FROM feedback_categories")]
        conn.execute("BEGIN")
        stations, notes = _reference(conn, rng, site_hex)
        # Secondary indexes are dropped and rebuilt with their own SQL: same schema, faster load.
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'feedback_cases' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            conn.execute(f"DROP INDEX {name}")
        case_cols = [*TRACKED, "station_id", "received_date", "channel"]
        case_cols += ["anonymous", "person_name", "person_keys", "person_initials", "phone"]
        case_cols += ["id_number", "village"]
        case_cols += ["category_id", "content", "state"]
        sql, row, extra = inserter(conn, "feedback_cases", case_cols)
        notes += [f"feedback_cases.{c} filled with its default" for c in extra]
        conn.executemany(sql, (row(c) for c in _cases(n, rng, site_hex, stations, categories)))
        for _name, index_sql in indexes:
            conn.execute(index_sql)
        conn.execute("UPDATE change_counter SET value = ? WHERE id = 1", (n + 10,))
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return notes


def feedback_database(n: int, cache_dir: Path = CACHE_DIR, seed: int = SEED) -> Dataset:
    """The database for ``n`` cases, built once per schema and reused from ``cache_dir``."""
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
        finally:
            services.close()
    except BaseException:
        _remove(partial)
        raise
    fingerprint = schema_fingerprint(partial)
    final = cache_dir / f"feedback-{n}-s{seed}-g{GENERATOR}-{fingerprint}.sqlite"
    for old in cache_dir.glob("building-*.sqlite*"):
        if time.time() - old.stat().st_mtime > 6 * 3600:
            old.unlink(missing_ok=True)  # left by a run that was killed while building
    for old in cache_dir.glob("feedback-*.sqlite*"):
        if fingerprint not in old.name or f"-g{GENERATOR}-" not in old.name:
            old.unlink(missing_ok=True)  # an older schema or generator: never measured again
    if final.is_file():
        _remove(partial)
        return Dataset(final, n, None)
    try:
        notes = _fill(partial, n, seed)
    except BaseException:
        _remove(partial)
        raise
    _remove(partial, keep_main=True)
    partial.replace(final)
    return Dataset(final, n, time.perf_counter() - started, tuple(notes))


def _remove(path: Path, keep_main: bool = False) -> None:
    for suffix in ("-wal", "-shm") if keep_main else ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
