"""USB bundles: a station's 100,000 records imported at the county (``BundleService.apply``)
against a bare sqlite3 executemany of the same rows into a database the migrations made, and
100 changes exported (recorded and written) from a station of 1,000,000 records against the
same from a station of 10,000, in the same run. Targets: at most 3x and 1.5x.

Each station is enrolled by a county office, which sends it its roster (departments and
deputies) first, as in real use; its records are then written in bulk with the columns the
services write (owner the station, one change sequence from the counter, list columns of each
case as the workflow folds its 1-3 steps) and sent in one bundle, so that "since the last
bundle" means something. The big station is kept in the cache folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import json
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.dataset import CACHE_DIR
from benchmarks.points import schema_fingerprint
from benchmarks.report import Figure

GENERATOR = 2  # bump whenever the generated rows change, so that old caches are rebuilt
SEED = 20260712
AS_OF = dt.date(2026, 6, 30)
YEARS = 5
IMPORT_RECORDS, QUICK_IMPORT_RECORDS = 100_000, 2_000
EXPORT_SIZES, QUICK_EXPORT_SIZES = (10_000, 1_000_000), (2_000, 5_000)  # baseline, measured
EDITS = 100
IMPORT_RUNS, EXPORT_RUNS, QUICK_RUNS = 3, 9, 1
IMPORT_TARGET, EXPORT_TARGET = 3.0, 1.5
PASSPHRASE = "bench-enrolment-passphrase"
STATION_CODE, STATION_NAME, TOWNSHIP = "S13", "黄姚镇黄姚社区代表联络站", "黄姚镇"
DEPUTIES = 30  # on the station's roster (the county's records)
AREA = "451121"  # the county's ID-number prefix, for the people of cases
CHUNK = 20_000  # parent records generated (and inserted) at a time: memory stays flat
# Parent records per unit of work and the children each brings: a case 1-3 steps and 1-2
# deputies, a duty day 2-4 deputies, a visit 1-3 people, an activity 5-20 participants.
PARENTS = (("case", 15), ("duty", 4), ("visit", 1), ("activity", 1))
RECORDS_PER_PARENT = 4.8  # on average, over that mix
ACTIVITY_KINDS = ("constituent_contact", "inspection", "training", "legislative_consultation")
# Edited between bundles (table, column given a clerk's addition), 100 in all.
EDITED = (("feedback_cases", "content", 40), ("duty_days", "summary", 30),
          ("visits", "summary", 15), ("activities", "summary", 15))  # fmt: skip


@dataclass(frozen=True)
class BundleResult:
    figures: list[Figure]
    notes: list[str]


@dataclass(frozen=True)
class Station:
    path: Path
    records: int  # asked for (a few more are written: a case comes with all its steps)
    build_seconds: float | None  # None when the cached database was used
    notes: tuple[str, ...] = ()


# --- enrolment and the roster ---------------------------------------------------------------


@contextlib.contextmanager
def _cheap_scrypt() -> Iterator[None]:
    """Enrollment files locked with a tiny scrypt: the passphrase's cost is not measured."""
    from desktop.sync import crypto

    saved = crypto.DEFAULT_SCRYPT
    crypto.DEFAULT_SCRYPT = (4, 1, 1)
    try:
        yield
    finally:
        crypto.DEFAULT_SCRYPT = saved


def _services(path: Path) -> Any:  # desktop.services.Services, imported late
    from desktop.services import open_services

    return open_services(path, today=lambda: AS_OF)


def _county_and_station(county_path: Path, station_path: Path, usb: Path) -> None:
    """A county office that enrolled one station, gave it departments and a roster and sent
    them; the station took its enrollment file and that first bundle."""
    from desktop.db.models import Department
    from desktop.domain.enums import DepartmentLevel, Gender, SiteRole
    from desktop.domain.records import DeputyDraft, SiteDraft
    from desktop.services import demo_names as names

    rng = random.Random(f"{SEED} roster")
    with _cheap_scrypt():
        county = _services(county_path)
        station = _services(station_path)
        try:
            county.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
            blob = county.enrolment.enroll_site(
                STATION_CODE, STATION_NAME, SiteRole.STATION, TOWNSHIP, PASSPHRASE, AS_OF
            )
            station_id = next(r.id for r in county.reference.stations() if r.code == STATION_CODE)
            township_id = next(r.id for r in county.reference.townships())
            with county.db.write() as s:
                s.add(Department(id=uuid.uuid4(), code="T03", name=f"{TOWNSHIP}人民政府",
                                 level=DepartmentLevel.TOWNSHIP.value,
                                 township_id=township_id))  # fmt: skip
                for code, name in names.COUNTY_BUREAUS:
                    s.add(Department(id=uuid.uuid4(), code=code.upper(), name=f"县{name}",
                                     level=DepartmentLevel.COUNTY.value,
                                     township_id=None))  # fmt: skip
            phones: set[str] = set()
            for _ in range(DEPUTIES):
                female = rng.random() < 0.4
                county.deputies.create(DeputyDraft(
                    names.person_name(rng, "汉族", female),
                    gender=Gender.FEMALE if female else Gender.MALE,
                    phone=names.mobile(rng, phones), term="第十八届",
                    is_county_level=rng.random() < 0.1, station_ids=(station_id,),
                ))  # fmt: skip
            station.enrolment.accept(blob, PASSPHRASE)
            site_id = station.site.current().id
            roster = county.bundles.export(site_id, usb)
            for path in roster.files:
                station.bundles.apply(path)
                path.unlink()
        finally:
            county.close()
            station.close()


# --- the station's records -----------------------------------------------------------------


def _defaults(name: str) -> dict[str, Any]:
    """Every column of ``name``: its model's scalar default, else None (checked on insert)."""
    from desktop.sync import payload as pl

    out: dict[str, Any] = {}
    for column in pl.table(name).columns:
        default = column.default
        out[column.name] = default.arg if default is not None and default.is_scalar else None
    return out


class _Records:
    """The station's records, generated in the order they were entered (oldest first)."""

    def __init__(self, s: Any, services: Any, seed: int, target: int) -> None:
        from desktop.db.engine import next_change_seq
        from desktop.db.models import Deputy

        site = services.site.current()
        self.site, self.station = site.id, site.station_id
        self.rng = random.Random(seed)
        self.ids = random.Random(f"{seed} ids")
        self.seq = next_change_seq(s)  # the counter, as the services take it
        self.ctx = services.calendar.context(s)
        self.deputies = list(s.scalars(_select_ids(Deputy)))
        self.departments = {r.code: r.id for r in services.reference.departments()}
        self.categories = {r.code: r.id for r in services.reference.categories()}
        kinds = {r.code: r.id for r in services.reference.activity_kinds()}
        self.kinds = [kinds[k] for k in ACTIVITY_KINDS if k in kinds] or list(kinds.values())
        self.target = target
        self.start = AS_OF - dt.timedelta(days=365 * YEARS - 1)
        self.units = max(1, round(target / RECORDS_PER_PARENT))
        self.recent: dict[str, list[tuple[uuid.UUID, dt.date, list[uuid.UUID]]]] = {
            "duty": [], "visit": []
        }  # fmt: skip
        self.numbers: dict[int, int] = defaultdict(int)
        self.written = 0
        self.defaults: dict[str, dict[str, Any]] = {}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.ids.getrandbits(128), version=4)

    def chunks(self) -> Iterator[dict[str, list[dict[str, Any]]]]:
        kinds = [k for k, _ in PARENTS]
        weights = [w for _, w in PARENTS]
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        last = 365 * YEARS - 1
        for i in itertools.count(1):
            day = self.start + dt.timedelta(days=min(last, i * 365 * YEARS // self.units))
            kind = self.rng.choices(kinds, weights)[0]
            getattr(self, f"_{kind}")(rows, day)
            if self.written >= self.target:
                break
            if i % CHUNK == 0:
                yield rows
                rows = defaultdict(list)
        yield rows

    def _add(self, rows: dict, name: str, when: dt.datetime, **values: Any) -> uuid.UUID:
        if name not in self.defaults:
            self.defaults[name] = _defaults(name)
        row = {
            **self.defaults[name], "id": values.pop("id", None) or self.new_id(),
            "created_site_id": self.site, "owner_site_id": self.site, "version": 1,
            "created_at": when, "updated_at": when, "deleted": False, "change_seq": self.seq,
            **values,
        }  # fmt: skip
        rows[name].append(row)
        self.written += 1
        return row["id"]

    def _link(self, rows: dict, name: str, when: dt.datetime, parent: tuple[str, uuid.UUID],
              child: tuple[str, uuid.UUID], role: str = "", **extra: Any) -> None:  # fmt: skip
        from desktop.services.common import link_id

        parts = (parent[1], child[1], role) if role else (parent[1], child[1])
        extra.update({parent[0]: parent[1], child[0]: child[1]}, **({"role": role} if role else {}))
        self._add(rows, name, when, id=link_id(*parts), **extra)

    def _evening(self, day: dt.date) -> dt.datetime:
        from desktop.services.demo_names import local_time

        return local_time(day, self.rng.randint(17 * 60, 18 * 60))

    def _remember(self, kind: str, item: tuple[uuid.UUID, dt.date, list[uuid.UUID]]) -> None:
        recent = self.recent[kind]
        recent.append(item)
        del recent[:-20]

    def _duty(self, rows: dict, day: dt.date) -> None:
        from desktop.services import demo_names as names

        rng = self.rng
        kind, (a, b) = names.pick(rng, names.DUTY_KINDS), rng.sample(names.SUMMARIES["topics"], 2)
        people, when = int(rng.triangular(3, 40, 9)), self._evening(day)
        summary = rng.choice(names.SUMMARIES[kind]).format(n=people, a=a, b=b)
        rid = self._add(rows, "duty_days", when, station_id=self.station, day=day, kind=kind,
                        people_received=people, summary=summary)  # fmt: skip
        on_duty = rng.sample(self.deputies, rng.randint(2, 4))
        for d in on_duty:
            self._link(rows, "duty_day_deputies", when, ("duty_day_id", rid), ("deputy_id", d))
        self._remember("duty", (rid, day, on_duty))

    def _visit(self, rows: dict, day: dt.date) -> None:
        from desktop.services import demo_names as names

        rng = self.rng
        (a, b), when = rng.sample(names.SUMMARIES["topics"], 2), self._evening(day)
        visitors = rng.sample(self.deputies, rng.randint(1, 3))
        visited = [d for d in rng.sample(self.deputies, 4) if d not in visitors][:2]
        if rng.random() < 0.8:
            kind, visited, k = "to_constituents", [], rng.randint(2, 12)
            people = f"{TOWNSHIP}黄姚社区脱贫户{k // 2}户、留守老人{k - k // 2}人"
        else:
            kind, people, k = "to_deputies", "", len(visited)
        summary = rng.choice(names.SUMMARIES[kind]).format(a=a, b=b)
        rid = self._add(rows, "visits", when, station_id=self.station, day=day, kind=kind,
                        visited_people=people, people_count=k, summary=summary)  # fmt: skip
        for role, group in (("visitor", visitors), ("visited", visited)):
            for d in group:
                self._link(rows, "visit_people", when, ("visit_id", rid), ("deputy_id", d), role)
        self._remember("visit", (rid, day, visitors + visited))

    def _activity(self, rows: dict, day: dt.date) -> None:
        from desktop.services import demo_names as names

        rng, when = self.rng, self._evening(day)
        topic = rng.choice(names.ACTIVITY_TOPICS["inspection"])
        rid = self._add(rows, "activities", when, kind_id=rng.choice(self.kinds),
                        station_id=self.station, day=day, title=f"{STATION_NAME}代表视察{topic}",
                        location=f"{TOWNSHIP}黄姚社区", summary="")  # fmt: skip
        for d in rng.sample(self.deputies, rng.randint(5, min(20, len(self.deputies)))):
            self._link(rows, "activity_participants", when, ("activity_id", rid),
                       ("deputy_id", d), attendance=names.pick(rng, names.ATTENDANCE),
                       quantity=1)  # fmt: skip

    def _case(self, rows: dict, day: dt.date) -> None:
        from desktop.services import demo_cases as cases
        from desktop.services import demo_names as names

        rng = self.rng
        channel, duty_day_id, visit_id = names.pick(rng, cases.CHANNELS), None, None
        takers = self.deputies
        if channel == "in_person" and self.recent["duty"] and rng.random() < 0.75:
            duty_day_id, day, takers = rng.choice(self.recent["duty"])
        elif channel == "visit" and self.recent["visit"]:
            visit_id, day, takers = rng.choice(self.recent["visit"])
        elif channel == "visit":
            channel = "phone"
        anonymous = channel != "visit" and rng.random() < 0.15
        person = names.constituent(rng, AREA, False, AS_OF, anonymous)
        village = "黄姚社区" if rng.random() < 0.6 else rng.choice(("大田村", "巩桥村", "北莱村"))
        category = names.pick(rng, cases.CATEGORY_WEIGHTS)
        steps, status = self._steps(day, channel, category)
        case_id, event_ids = self.new_id(), [self.new_id() for _ in steps]
        keys = _search_keys(person["person_name"]) if person["person_name"] else ""
        self.numbers[day.year] += 1
        self._add(rows, "feedback_cases", steps[0][2], id=case_id, updated_at=steps[-1][2],
                  version=len(steps), station_id=self.station, received_date=day,
                  channel=channel, anonymous=anonymous, person_keys=keys,
                  person_initials=keys.split(" ", 1)[0], village=village,
                  category_id=self.categories[category],
                  content=cases.case_content(rng, category, village), duty_day_id=duty_day_id,
                  visit_id=visit_id, last_event_id=event_ids[-1],
                  case_number=f"{STATION_CODE}-{day.year}-{self.numbers[day.year]:04d}",
                  **cases.projection(status, steps), **person)  # fmt: skip
        for d in rng.sample(takers, min(len(takers), rng.choice((1, 2)))):
            self._link(rows, "case_deputies", steps[0][2], ("case_id", case_id), ("deputy_id", d))
        if "case_events" not in self.defaults:
            self.defaults["case_events"] = _defaults("case_events")
        for i, (kind, state, at, actor, note, payload) in enumerate(steps):
            rows["case_events"].append({
                **self.defaults["case_events"], "id": event_ids[i], "case_id": case_id,
                "previous_id": event_ids[i - 1] if i else None, "kind": kind,
                "state_after": state, "actor": actor, "site_id": self.site, "at": at,
                "note": note, "payload": json.dumps(payload, ensure_ascii=False),
                "change_seq": self.seq,
            })  # fmt: skip
            self.written += 1

    def _steps(self, day: dt.date, channel: str, category: str) -> tuple[list, Any]:
        """1-3 steps through the workflow: registered; then referred (and replied) or answered
        on the spot (and closed). Steps that would fall after AS_OF are not taken yet."""
        from desktop.domain.workflow import CaseAction, EventFact, apply
        from desktop.services import demo_cases as cases
        from desktop.services.demo_names import local_day, local_time, pick

        rng, ctx, clerk = self.rng, self.ctx, "黄丽梅"
        steps: list = []
        status = None
        r = rng.random()
        plan = ["registered"]
        if r >= 0.30:
            plan += ["referred", "replied"] if r < 0.80 else ["answered_on_spot", "closed"]
            if rng.random() < 0.5:
                plan.pop()
        for kind in plan:
            t = local_time(day, rng.randint(8 * 60 + 30, 17 * 60 + 30))
            payload: dict[str, Any] = {}
            actor, fill = clerk, ""
            if steps:
                wait = rng.randint(1, 40) if kind == "replied" else rng.randint(0, 6)
                t = max(steps[-1][2] + dt.timedelta(minutes=rng.randint(5, 90)),
                        local_time(local_day(steps[-1][2]) + dt.timedelta(days=wait),
                                   rng.randint(8 * 60 + 30, 17 * 60 + 30)))  # fmt: skip
                if local_day(t) > AS_OF:
                    break
            if kind == "referred":
                code = rng.choice(cases.REFER_TO[category])
                dept = self.departments.get("T03" if code == "town" else code.upper())
                dept = dept or next(iter(self.departments.values()))
                due = ctx.reply_deadline(local_day(t))
                payload = {"department_id": str(dept), "co_department_ids": [],
                           "referred_on": local_day(t).isoformat(),
                           "deadline": due.day.isoformat(),
                           "deadline_exact": due.exact}  # fmt: skip
                fill = "有关部门"
            elif kind == "replied":
                outcome = pick(rng, cases.OUTCOMES)
                payload = {"text": rng.choice(cases.REPLIES[outcome]), "outcome": outcome,
                           "replied_on": local_day(t).isoformat()}  # fmt: skip
                actor = fill = "有关部门"
            elif kind == "answered_on_spot":
                payload = {"text": rng.choice(cases.NOTES["answered_on_spot"])}
            fact = EventFact("", None, CaseAction(kind), payload, "")
            status = apply(status, fact, ctx)
            notes = cases.NOTES[channel if kind == "registered" else kind]
            said = payload.get("text") or rng.choice(notes).format(d=fill)
            steps.append((kind, status.state.value, t, actor, said, payload))
        return steps, status


_KEYS: dict[str, str] = {}


def _search_keys(name: str) -> str:
    from desktop.services.collation import search_keys

    found = _KEYS.get(name)
    if found is None:
        found = _KEYS[name] = search_keys(name)
    return found


def _select_ids(model: Any) -> Any:
    from sqlalchemy import select

    return select(model.id).where(~model.deleted).order_by(model.id)


def _fill(station_path: Path, n: int, seed: int) -> int:
    """Write about ``n`` records at the station in one transaction; return how many."""
    from desktop.db import bulk as db_bulk
    from desktop.sync import payload as pl

    services = _services(station_path)
    try:
        with services.db.write() as s:
            records = _Records(s, services, seed, n)
            for chunk in records.chunks():
                for name in pl.TRAVELLING:
                    if rows := chunk.get(name):
                        missing = {k for r in rows[:50] for k, v in r.items() if v is None}
                        missing -= {c.name for c in pl.table(name).columns if c.nullable}
                        assert not missing, f"{name}: no value for {sorted(missing)}"
                        db_bulk.insert_many(s, pl.table(name), rows)
        return records.written
    finally:
        services.close()


def _station(folder: Path, n: int, seed: int, usb: Path) -> tuple[Path, Path, int]:
    """(county, station, records written): enrolled, roster taken, ``n`` records filled."""
    county, station = folder / f"county-{n}.sqlite", folder / f"station-{n}.sqlite"
    _county_and_station(county, station, usb)
    written = _fill(station, n, seed)
    return county, station, written


def _first_bundle(station: Path, usb: Path) -> tuple[Path, int]:
    """The station's bundle to the county with everything it holds: (file, records)."""
    services = _services(station)
    try:
        county_id = services.bundles.recipients()[0].site_id
        result = services.bundles.export(county_id, usb)
        return result.files[0], result.bundles[0].records
    finally:
        services.close()


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so that a plain file copy is the database."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _copy(source: Path, target: Path) -> Path:
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


# --- import ---------------------------------------------------------------------------------


def _owned_rows(path: Path, owner: uuid.UUID) -> list[tuple[str, str, list[tuple]]]:
    """(table, INSERT, rows) of every travelling record ``owner`` wrote, as stored."""
    from desktop.sync import payload as pl

    conn = sqlite3.connect(path)
    try:
        out = []
        for name in pl.TRAVELLING:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
            mine = "site_id" if name == pl.EVENT_TABLE else "owner_site_id"
            rows = conn.execute(
                f"SELECT {', '.join(cols)} FROM {name} WHERE {mine} = ? ORDER BY rowid",
                (owner.hex,),
            ).fetchall()
            if rows:
                marks = ", ".join("?" * len(cols))
                out.append((name, f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({marks})", rows))
        return out
    finally:
        conn.close()


def _bare_insert(path: Path, tables: list[tuple[str, str, list[tuple]]]) -> float:
    """ms for one transaction of executemany per table into ``path`` (a migrated database)."""
    from desktop.db import sqlite as db_sqlite

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        db_sqlite.register_functions(conn)  # the full-text triggers call it
        gc.collect()
        started = time.perf_counter_ns()
        conn.execute("BEGIN IMMEDIATE")
        for _name, sql, rows in tables:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
        return (time.perf_counter_ns() - started) / 1e6
    finally:
        conn.close()


def _apply(county: Path, bundle: Path) -> tuple[float, Any]:
    services = _services(county)
    try:
        services.bundles.recipients()  # the county's keys and peers read once, as the app has
        gc.collect()
        started = time.perf_counter_ns()
        plan = services.bundles.apply(bundle)
        return (time.perf_counter_ns() - started) / 1e6, plan
    finally:
        services.close()


def measure_import(folder: Path, records: int, runs: int) -> tuple[Figure, list[str]]:
    usb = folder / "usb"
    usb.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    county, station, written = _station(folder, records, SEED, usb)
    bundle, carried = _first_bundle(station, usb)
    build = time.perf_counter() - started
    _checkpoint(county)
    base = folder / "county-before.sqlite"
    _copy(county, base)
    station_site = uuid.UUID(_setting(station, "local_site_id"))
    ms, plan = _apply(_copy(base, folder / "county-warm.sqlite"), bundle)  # warm-up
    figures = plan.merge.tables
    new = sum(f.new for f in figures.values())
    if new != carried or plan.merge.rejected or any(f.waiting for f in figures.values()):
        raise RuntimeError(f"the county took {new:,} of {carried:,} records: {figures}")
    tables = _owned_rows(folder / "county-warm.sqlite", station_site)
    if sum(len(rows) for _, _, rows in tables) != carried:
        raise RuntimeError("the county holds other rows of the station than the bundle carried")
    empty = folder / "empty.sqlite"
    _services(empty).close()  # the migrations' schema: same indexes and triggers
    _checkpoint(empty)
    ours, bare = [], []
    for run in range(runs):
        target = _copy(empty, folder / f"bare-{run}.sqlite")
        bare.append(_bare_insert(target, tables))
        ms, plan = _apply(_copy(base, folder / f"county-{run}.sqlite"), bundle)
        ours.append(ms)
        for path in (target, folder / f"county-{run}.sqlite"):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    mix = ", ".join(f"{name} {len(rows):,}" for name, _, rows in tables)
    notes = [
        f"import bundle: {carried:,} records ({bundle.stat().st_size / 1e6:.1f} MB) of one "
        f"station built in {build:.1f} s ({written:,} written in bulk): {mix}; baseline: the "
        "same rows as the county stored them, one executemany per table in one transaction into "
        f"a migrated database; runs {runs}"
    ]
    figure = Figure(f"import bundle {records:,} records", statistics.median(ours),
                    statistics.median(bare), max_ratio=IMPORT_TARGET)  # fmt: skip
    return figure, notes


def _setting(path: Path, key: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()[0]
    finally:
        conn.close()


# --- export ---------------------------------------------------------------------------------


def station_database(n: int, cache_dir: Path = CACHE_DIR, seed: int = SEED) -> Station:
    """A station enrolled by a county holding ``n`` of its records, all sent in one bundle
    already; built once per schema and reused from ``cache_dir``."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liaison-desk-bundle-build-") as tmp:
        folder = Path(tmp)
        probe = folder / "probe.sqlite"
        _services(probe).close()
        fingerprint = schema_fingerprint(probe)
        final = cache_dir / f"bundle-station-{n}-s{seed}-g{GENERATOR}-{fingerprint}.sqlite"
        for old in cache_dir.glob(f"bundle-station-{n}-*.sqlite*"):
            if old.name != final.name:
                old.unlink(missing_ok=True)  # an older schema or generator: never measured again
        if final.is_file():
            return Station(final, n, None)
        started = time.perf_counter()
        usb = folder / "usb"
        usb.mkdir()
        _county, station, written = _station(folder, n, seed, usb)
        bundle, carried = _first_bundle(station, usb)
        size = bundle.stat().st_size
        bundle.unlink()
        _checkpoint(station)
        partial = cache_dir / f"building-{uuid.uuid4().hex[:8]}.sqlite"
        shutil.copyfile(station, partial)
        partial.replace(final)
        notes = (f"station of {n:,}: {written:,} records written, first bundle {carried:,} "
                 f"records, {size / 1e6:.1f} MB",)  # fmt: skip
        return Station(final, n, time.perf_counter() - started, notes)


def _edit(services: Any, rng: random.Random) -> int:
    """Edit EDITED records picked at random, as a clerk would: through the write session (its
    hook raises the version and takes the change sequence), ten to a transaction."""
    from sqlalchemy import text

    from desktop.db import models

    by_table = {m.class_.__tablename__: m.class_ for m in models.Base.registry.mappers}
    site = services.db.local_site_id()
    done = 0
    for name, column, count in EDITED:
        with services.db.read() as s:
            top = s.scalar(text(f"SELECT max(rowid) FROM {name}")) or 0
            query = text(f"SELECT id FROM {name} WHERE rowid = :r")
            ids: list[uuid.UUID] = []
            for rowid in rng.sample(range(1, top + 1), min(count, top)):
                found = s.scalar(query, {"r": rowid})
                if found is not None:
                    ids.append(uuid.UUID(found) if isinstance(found, str) else found)
        model = by_table[name]
        for start in range(0, len(ids), 10):
            with services.db.write() as s:
                for rid in ids[start : start + 10]:
                    record = s.get(model, rid)
                    if record is None or record.deleted or record.owner_site_id != site:
                        continue
                    setattr(record, column, getattr(record, column) + "（补记）")
                    done += 1
    return done


def _export(services: Any, county_id: uuid.UUID, usb: Path) -> tuple[float, int]:
    gc.collect()
    started = time.perf_counter_ns()
    result = services.bundles.export(county_id, usb)
    elapsed = (time.perf_counter_ns() - started) / 1e6
    for path in result.files:
        path.unlink()
    return elapsed, sum(b.records for b in result.bundles)


class _Exporter:
    """One station's database copied for this run, open, with its county's id."""

    def __init__(self, station: Station, folder: Path, seed: int) -> None:
        self.path = _copy(station.path, folder / f"export-{station.records}.sqlite")
        self.usb = folder / f"usb-{station.records}"
        self.usb.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(seed)
        self.services = _services(self.path)
        self.county_id = self.services.bundles.recipients()[0].site_id
        self.times: list[float] = []
        self.carried = 0

    def round(self, timed: bool) -> None:
        """EDITS records edited, then the export (timed unless a warm-up)."""
        edited = _edit(self.services, self.rng)
        ms, self.carried = _export(self.services, self.county_id, self.usb)
        if self.carried < edited:
            raise RuntimeError(f"the bundle carried {self.carried} records, {edited} were edited")
        if timed:
            self.times.append(ms)

    def close(self) -> None:
        self.services.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def measure_export(
    folder: Path, sizes: tuple[int, int], cache_dir: Path, runs: int
) -> tuple[Figure, list[str]]:
    small_n, big_n = sizes
    notes = []
    stations = []
    for n, cache in ((small_n, folder / "cache"), (big_n, cache_dir)):
        data = station_database(n, cache)
        built = f"built in {data.build_seconds:.1f} s" if data.build_seconds else "cached"
        notes.append(f"station database of {n:,} records ({built}): {data.path}")
        notes += data.notes
        stations.append(data)
    small, big = (_Exporter(data, folder, SEED + data.records) for data in stations)
    try:
        for run in range(runs + 1):  # the two in turn: a busy moment weighs on both alike
            small.round(timed=run > 0)
            big.round(timed=run > 0)
    finally:
        small.close()
        big.close()
    notes.append(
        f"export: {EDITS} records edited between bundles "
        f"({', '.join(f'{c} {t}' for t, _, c in EDITED)}); bundles carried {small.carried} "
        f"and {big.carried} records; baseline: the same from {small_n:,} records; "
        f"runs {runs} after a warm-up"
    )
    figure = Figure(f"export {EDITS} changes from {big_n:,} records", statistics.median(big.times),
                    statistics.median(small.times), max_ratio=EXPORT_TARGET)  # fmt: skip
    return figure, notes


def default_runs(quick: bool) -> tuple[int, int]:
    """Timed runs of the import and of the export when --runs does not say."""
    return (QUICK_RUNS, QUICK_RUNS) if quick else (IMPORT_RUNS, EXPORT_RUNS)


def measure(quick: bool, cache_dir: Path = CACHE_DIR, runs: int | None = None) -> BundleResult:
    records = QUICK_IMPORT_RECORDS if quick else IMPORT_RECORDS
    sizes = QUICK_EXPORT_SIZES if quick else EXPORT_SIZES
    import_runs, export_runs = (runs, runs) if runs else default_runs(quick)
    figures: list[Figure] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="liaison-desk-bundles-") as tmp:
        folder = Path(tmp)
        figure, more = measure_import(folder / "import", records, import_runs)
        figures.append(figure)
        notes += more
        figure, more = measure_export(folder / "export", sizes, cache_dir, export_runs)
        figures.append(figure)
        notes += more
    return BundleResult(figures, notes)
