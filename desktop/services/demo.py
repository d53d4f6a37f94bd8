"""Fill an empty database with a plausible, reproducible county's worth of demo records."""

from __future__ import annotations

import datetime as dt
import functools
import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from desktop.db import models as m
from desktop.db.engine import next_change_seq
from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft, SiteRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services import collation
from desktop.services import demo_cases as cases
from desktop.services import demo_names as names
from desktop.services.common import link_id
from desktop.services.demo_programmes import add_programmes
from desktop.services.demo_reporting import add_reporting

if TYPE_CHECKING:
    from desktop.domain.workflow import WorkflowContext
    from desktop.services import Services

SCALES = ("station", "county", "prefecture")
_keys = functools.cache(collation.search_keys)  # pinyin is slow; names repeat
TERM = "第十八届"


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """Rows in each table after filling (the site's own township and station included)."""

    townships: int
    stations: int
    departments: int
    deputies: int
    deputy_stations: int
    duty_days: int
    duty_day_deputies: int
    visits: int
    visit_people: int
    feedback_cases: int
    case_events: int
    case_deputies: int
    activities: int
    activity_participants: int


@dataclass(eq=False, slots=True)
class _Deputy:
    id: uuid.UUID
    town: _Town
    county_level: bool
    township_level: bool
    serving: bool


@dataclass(eq=False, slots=True)
class _Station:
    id: uuid.UUID
    name: str
    village: str
    clerk: str
    deputies: list[_Deputy] = field(default_factory=list)
    duty: list[tuple[uuid.UUID, dt.date, list[_Deputy]]] = field(default_factory=list)  # for cases
    visits: list[tuple[uuid.UUID, dt.date, list[_Deputy]]] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class _Town:
    id: uuid.UUID
    name: str  # as stored: prefixed with the county at the prefecture scale
    short: str
    villages: tuple[str, ...]
    yao: bool
    gov: tuple[uuid.UUID, str] = (uuid.UUID(int=0), "")
    stations: list[_Station] = field(default_factory=list)
    deputies: list[_Deputy] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class _County:
    name: str
    area: str  # the first six digits of its residents' ID numbers
    prefix: str  # "" below the prefecture scale, where the county goes without saying
    towns: list[_Town] = field(default_factory=list)
    bureaus: dict[str, tuple[uuid.UUID, str]] = field(default_factory=dict)


def _serving(deputies: list[_Deputy], county_level: bool = False) -> list[_Deputy]:
    return [d for d in deputies if d.serving and (d.county_level or not county_level)]


class _Demo:
    """Random choices, ids, timestamps and queued rows for one fill, in one transaction."""

    def __init__(self, s: Session, site: SiteRow, seed: int, as_of: dt.date, years: int,
                 ctx: WorkflowContext) -> None:  # fmt: skip
        self.s, self.site, self.as_of, self.years, self.ctx = s, site, as_of, years, ctx
        self.rng = random.Random(seed)
        self._ids = random.Random(f"demo ids {seed}")  # own stream: content changes keep ids
        self.seq = next_change_seq(s)  # the hook's counter: these rows export like any others
        self.start = as_of - dt.timedelta(days=365 * years - 1)
        self.days = [self.start + dt.timedelta(days=i) for i in range(365 * years)]
        self.workdays = [d for d in self.days if d.weekday() < 5]
        self.t0 = names.local_time(self.start, 8 * 60)  # when the site and roster were set up
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self._ids.getrandbits(128), version=4)

    def evening(self, day: dt.date) -> dt.datetime:
        return names.local_time(day, self.rng.randint(17 * 60, 18 * 60))  # typed up after hours

    def some(self, pool: list[_Deputy], low: int, high: int) -> list[_Deputy]:
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def add(self, model: type[m.Base], when: dt.datetime, **values: Any) -> uuid.UUID:
        """Queue a tracked row, stamped as the engine hook would but from the demo's clock."""
        row = {
            "id": values.pop("id", None) or self.new_id(), "created_site_id": self.site.id,
            "owner_site_id": self.site.id, "version": values.pop("version", 1),
            "created_at": when, "updated_at": values.pop("updated_at", when), "deleted": False,
            "change_seq": self.seq, **values,
        }  # fmt: skip
        self.rows[model.__tablename__].append(row)
        return row["id"]

    def link(self, model: type[m.Base], when: dt.datetime, parent: tuple[str, uuid.UUID],
             child: tuple[str, uuid.UUID], role: str = "", **extra: Any) -> None:  # fmt: skip
        # The id sync_links gives the same link, so editing the record in the app finds it.
        parts = (parent[1], child[1], role) if role else (parent[1], child[1])
        extra.update({parent[0]: parent[1], child[0]: child[1]}, **({"role": role} if role else {}))
        self.add(model, when, id=link_id(*parts), **extra)

    def flush(self) -> None:  # executemany inserts (no ORM objects), parents first
        for table in m.Base.metadata.sorted_tables:
            if rows := self.rows.pop(table.name, None):
                self.s.execute(insert(table), rows)


def _places(g: _Demo, scale: str) -> list[_County]:
    counties, station = [], scale == "station"
    specs = names.PREFECTURE_COUNTIES if scale == "prefecture" else names.PREFECTURE_COUNTIES[:1]
    for ci, (cname, ccode, area) in enumerate(specs):
        county = _County(cname, area, cname if scale == "prefecture" else "")
        code, towns, n = f"{ccode}-" if county.prefix else "", names.townships(g.rng, ci), 0
        for ti, (short, count, villages) in enumerate(towns[2:3] if station else towns):
            yao = "瑶族" in short or "瑶族" in cname
            tid = g.site.township_id or g.new_id()
            town = _Town(tid, county.prefix + short, short, villages, yao)
            county.towns.append(town)
            if station:  # the site is the station: initialise made it and its township
                clerk = names.person_name(g.rng, "汉族", True)
                town.stations.append(_Station(g.site.station_id, g.site.name, villages[0], clerk))  # type: ignore[arg-type]
                continue
            g.add(m.Township, g.t0, id=town.id, code=f"{code}T{ti + 1:02d}", name=town.name)
            for village in villages[:count]:
                clerk = names.person_name(g.rng, "汉族", g.rng.random() < 0.7)
                st = _Station(g.new_id(), f"{town.name}{village}代表联络站", village, clerk)
                n, place = n + 1, "社区服务中心" if village.endswith("社区") else "村委会"
                g.add(m.Station, g.t0, id=st.id, code=f"{code}S{n:02d}", name=st.name,
                      township_id=town.id, address=f"{town.name}{village}{place}")  # fmt: skip
                town.stations.append(st)
        for ti, town in enumerate(county.towns):  # a township government is coded as its township
            name = f"{town.name}人民政府"
            rid = g.add(m.Department, g.t0, code=f"{code}T{ti + 1:02d}", name=name,
                        level="township", township_id=town.id)  # fmt: skip
            town.gov = (rid, name)
        for bcode, bname in names.COUNTY_BUREAUS:
            name = f"{county.prefix or '县'}{bname}"
            rid = g.add(m.Department, g.t0, code=f"{code}{bcode.upper()}", name=name,
                        level="county", township_id=None)  # fmt: skip
            county.bureaus[bcode] = (rid, name)
        counties.append(county)
    return counties


def _deputies(g: _Demo, counties: list[_County], per_station: tuple[int, int]) -> None:
    rng, phones, rare, n = g.rng, set(), list(names.RARE_GIVEN), 0
    roster = "provisional" if g.site.role is SiteRole.STATION else "confirmed"
    for county in counties:
        for ti, town in enumerate(county.towns):
            for st in town.stations:
                for _ in range(rng.randint(*per_station)):
                    n, r = n + 1, rng.random()  # 10% county deputies, 4% of all at both levels
                    d = _Deputy(g.new_id(), town, r < 0.10, r >= 0.06, rng.random() < 0.96)
                    village = st.village if rng.random() < 0.6 else rng.choice(town.villages)
                    person = names.deputy_profile(rng, county.name, town.short, village, town.yao)
                    if n in (17, 1234) and rare:  # one or two rare characters, as rosters have
                        person["name"] = person["name"][0] + rare.pop(0)
                    vi = town.villages.index(village)  # constituencies follow the villages
                    constituency = f"{town.short}第{vi + 1}选区"
                    if d.county_level:  # a county constituency spans about three villages
                        constituency = f"{county.name}第{ti * 3 + vi // 3 + 1}选区"
                    status = "serving" if d.serving else rng.choice(("resigned", "deceased"))
                    g.add(m.Deputy, g.t0, id=d.id, name_keys=_keys(person["name"]),
                          name_sort=collation.stroke_sort_text(person["name"]),
                          is_county_level=d.county_level, is_township_level=d.township_level,
                          constituency=constituency, phone=names.mobile(rng, phones), term=TERM,
                          household_sign=rng.random() < 0.1, status=status,
                          roster_status=roster, county_record_id=None, **person)  # fmt: skip
                    stations = [st]
                    if len(town.stations) > 1 and rng.random() < 0.08:
                        stations.append(rng.choice([x for x in town.stations if x is not st]))
                    for x in stations:
                        x.deputies.append(d)
                        g.link(m.DeputyStation, g.t0, ("deputy_id", d.id), ("station_id", x.id))
                    town.deputies.append(d)


def _duty_and_visits(g: _Demo, county: _County) -> None:
    """Duty days (two a month a station) and visits, to deputies (遍访) and to constituents."""
    rng, text = g.rng, names.SUMMARIES
    stations = [st for town in county.towns for st in town.stations]
    officials = _serving([d for t in county.towns for d in t.deputies], county_level=True)

    def visit(st: _Station, kind: str, visitors: list[_Deputy], visited: list[_Deputy],
              people: str, count: int) -> None:  # fmt: skip
        day, (a, b) = rng.choice(g.workdays), rng.sample(text["topics"], 2)
        when, summary = g.evening(day), rng.choice(text[kind]).format(a=a, b=b)
        rid = g.add(m.Visit, when, station_id=st.id, day=day, kind=kind, visited_people=people,
                    people_count=count, summary=summary)  # fmt: skip
        for role, group in (("visitor", visitors), ("visited", visited)):
            for d in group:
                g.link(m.VisitPerson, when, ("visit_id", rid), ("deputy_id", d.id), role)
        st.visits.append((rid, day, visitors + visited))

    for st in stations:
        live = _serving(st.deputies)
        count = sum(rng.randint(22, 26) for _ in range(g.years)) if live else 0
        for day in sorted(rng.sample(g.workdays, min(count, len(g.workdays)))):
            kind, (a, b) = names.pick(rng, names.DUTY_KINDS), rng.sample(text["topics"], 2)
            on_duty = g.some(live, 2, 4)
            people = int(rng.triangular(3, 40, 9))  # most duty days are quiet
            summary, when = rng.choice(text[kind]).format(n=people, a=a, b=b), g.evening(day)
            rid = g.add(m.DutyDay, when, station_id=st.id, day=day, kind=kind,
                        people_received=people, summary=summary)  # fmt: skip
            for d in on_duty:
                g.link(m.DutyDayDeputy, when, ("duty_day_id", rid), ("deputy_id", d.id))
            st.duty.append((rid, day, on_duty))
        for _ in range(sum(rng.randint(3, 5) for _ in range(g.years)) if live else 0):
            visitors = g.some(live, 1, 3)
            groups = [(*x.split(":"), rng.randint(1, 6)) for x in rng.sample(text["visited"], 2)]
            people = st.village + "、".join(f"{who}{k}{unit}" for who, unit, k in groups)
            visit(st, "to_constituents", visitors, [], people, sum(k for *_, k in groups))
    for _ in range(round(1.6 * len(stations) * g.years)):  # ~300 deputies visited a county-year
        st = rng.choice(stations)
        live = _serving(st.deputies)
        visited = g.some(live, 2, 5)
        visitors = g.some([d for d in officials if d not in visited], 1, 2)
        if visitors and visited:
            visit(st, "to_deputies", visitors, visited, "", len(visited))


def _activities(g: _Demo, county: _County, kinds: dict[str, uuid.UUID], county_wide: bool) -> None:
    """One record per event with its deputies as participants (an inspection of 15: one row)."""
    rng, cn, batch = g.rng, names.chinese_number, defaultdict(int)
    cdeps = _serving([d for t in county.towns for d in t.deputies], county_level=True)

    def act(code: str, day: dt.date, title: str, who: list[_Deputy], location: str,
            station: _Station | None = None, quantity: int = 1) -> None:  # fmt: skip
        when = g.evening(day)
        rid = g.add(m.Activity, when, kind_id=kinds[code], station_id=station and station.id,
                    day=day, title=title, location=location, summary="")  # fmt: skip
        for d in who:
            g.link(m.ActivityParticipant, when, ("activity_id", rid), ("deputy_id", d.id),
                   attendance=names.pick(rng, names.ATTENDANCE), quantity=quantity)  # fmt: skip

    for year in range(g.start.year, g.as_of.year + 1):
        # The 18th congresses first met in autumn 2021, then each January or February;
        # session attendance counts half days (3 days county, 2 days township).
        n, day = cn(max(2, year - 2020)), dt.date(year, 1, rng.randint(8, 20))
        if county_wide and g.start <= day <= g.as_of and cdeps:
            title = f"{county.name}{TERM}人民代表大会第{n}次会议"
            act("congress_session", day, title, cdeps, f"{county.name}人民会堂", None, 6)
            for i in range(0, len(county.towns), 2):  # delegations of two townships each
                group = [d for d in cdeps if d.town in county.towns[i : i + 2]]
                title = f"审议政府工作报告（第{cn(i // 2 + 1)}代表团）"
                act("deliberation", day + dt.timedelta(days=1), title, g.some(group, 6, 15), "")
            for _ in range(len(cdeps) * 3 // 10):  # a suggestion: its lead and co-signers
                title = f"关于{rng.choice(names.ACTIVITY_TOPICS['suggestion'])}的建议"
                act("suggestion", day + dt.timedelta(days=2), title, g.some(cdeps, 1, 4), "")
        for town in county.towns:
            tday = dt.date(year, rng.choice((1, 2)), rng.randint(1, 28))
            members = [d for d in town.deputies if d.township_level and d.serving]
            if g.start <= tday <= g.as_of and members:
                title = f"{town.short}{TERM}人民代表大会第{n}次会议"
                act("congress_session", tday, title, members, f"{town.name}人民政府会议室", None, 4)
    pairs = [(t, st) for t in county.towns for st in t.stations]
    point = next((p for p in pairs if "黄姚" in p[1].name), pairs[0])  # the legislative point
    for code, scope, per_year, low, high, title, location, topics in names.ACTIVITY_PLANS:
        if scope == "county" and not county_wide:
            continue
        groups: list[tuple[_Town, _Station | None, list[_Deputy]]] = {
            "county": [(point[0], None, cdeps)],
            "point": [(point[0], point[1], _serving(point[0].deputies))],
            "town": [(t, None, _serving(t.deputies)) for t in county.towns],
            "station": [(t, st, _serving(st.deputies)) for t, st in pairs],
        }[scope]
        count = (per_year if county_wide or scope != "point" else 2) * g.years
        skip = per_year * max(0, g.start.year - 2022)  # batches held since the term began
        for town, station, pool in groups:
            for day in sorted(rng.choices(g.workdays, k=count if pool else 0)):
                batch[code, scope] += 1
                where = town if scope == "town" else rng.choice(county.towns)
                text = {"c": county.name, "t": town.short, "T": town.name, "x": rng.choice(topics),
                        "s": station.name if station else "", "i": cn(batch[code, scope] + skip),
                        "p": where.name + rng.choice(where.villages)}  # fmt: skip
                place = location.format(**text)
                act(code, day, title.format(**text), g.some(pool, low, high), place, station)


def fill_demo(services: Services, *, scale: str = "county", years: int = 1, seed: int = 2021,
              as_of: dt.date, progress: Callable[[int, int, str], None] | None = None,
              ) -> DemoSummary:  # fmt: skip
    """Fill an empty, migrated database: a site, its places, deputies and ``years`` of records
    up to ``as_of``. The same seed and as_of give the same rows but for the ids initialise
    draws (the site's; at the station scale its station's, township's and their links')."""
    if scale not in SCALES or years < 1:
        raise ValueError(f"scale must be one of {SCALES} and years at least 1")
    if services.site.current() is not None:
        raise ValueError("the demo fills an empty database; this one already has a site")
    report = progress or (lambda done, total, text: None)
    report(0, 8, QT_TRANSLATE_NOOP("Demo", "Setting up the site"))
    station = SiteDraft(SiteRole.STATION, "S13", "黄姚镇代表联络站", "黄姚镇")
    office = SiteDraft(SiteRole.COUNTY, "ZP", f"{names.ZHAOPING}人大常委会代表工委")
    site = services.site.initialise(station if scale == "station" else office)
    categories = {r.code: r.id for r in services.reference.categories()}
    kinds = {r.code: r.id for r in services.reference.activity_kinds()}
    with services.db.write() as s:
        g = _Demo(s, site, seed, as_of, years, services.calendar.context(s))
        # initialise stamped the wall clock; the demo's site was set up when its period began.
        for model in (m.Site, m.Township, m.Station, m.FeedbackCategory, m.ActivityKind,
                      m.CalendarDay, m.CalendarYear):  # fmt: skip
            s.execute(update(model).values(created_at=g.t0, updated_at=g.t0))
        counties: list[_County] = []
        stages: tuple[tuple[str, Callable[[], object]], ...] = (
            (QT_TRANSLATE_NOOP("Demo", "Townships, stations and departments"),
             lambda: counties.extend(_places(g, scale))),
            (QT_TRANSLATE_NOOP("Demo", "Deputies"),
             lambda: _deputies(g, counties, (23, 27) if scale == "station" else (27, 38))),
            (QT_TRANSLATE_NOOP("Demo", "Duty days and visits"),
             lambda: [_duty_and_visits(g, county) for county in counties]),
            (QT_TRANSLATE_NOOP("Demo", "Feedback cases"),  # about 900 a county-year
             lambda: cases.add_cases(g, counties, categories)),
            (QT_TRANSLATE_NOOP("Demo", "Deputy activities"),
             lambda: [_activities(g, county, kinds, scale != "station") for county in counties]),
            (QT_TRANSLATE_NOOP("Demo", "Bundles received and ledgers printed"),
             lambda: scale != "station" and add_reporting(g)),
            (QT_TRANSLATE_NOOP("Demo", "Projects, fund, drafts, training, legal service"),
             lambda: add_programmes(g, counties, scale != "station")),
        )  # fmt: skip
        for done, (text, stage) in enumerate(stages, 1):
            report(done, len(stages) + 1, text)
            stage()
            g.flush()  # one kind at a time keeps memory flat at the prefecture scale
        tables = m.Base.metadata.tables
        counts = {f.name: s.scalar(select(func.count()).select_from(tables[f.name]))
                  for f in fields(DemoSummary)}  # fmt: skip
    report(len(stages) + 1, len(stages) + 1, QT_TRANSLATE_NOOP("Demo", "Done"))
    return DemoSummary(**counts)
