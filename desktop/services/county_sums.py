"""A scope's figures summed from the year's per-station tallies (county_tally.py): the county
is every station, a township its stations; the lines per township or station; the points."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from desktop.db.models import Station, Township
from desktop.domain.enums import CaseState
from desktop.domain.figures import (
    Count,
    Figures,
    Month,
    PointBand,
    Rate,
    Scope,
    TopDeputy,
    TownshipLine,
    Unnamed,
    point_band,
)
from desktop.domain.workflow import Outcome
from desktop.services.county_tally import Tally, total
from desktop.services.register_sheets import Label
from desktop.services.sheet_columns import LIST_SEPARATOR

TOP_DEPUTIES = 10
# The workflow's order, for the state funnel.
STATE_ORDER = tuple(CaseState)


class Places:
    """Stations and townships, for summing tallies into scopes."""

    def __init__(self, stations: dict, townships: dict) -> None:
        self.township_of: dict[uuid.UUID, uuid.UUID | None] = stations
        self.township_names: dict[uuid.UUID, str] = townships
        self.station_names: dict[uuid.UUID, str] = {}

    @classmethod
    def read(cls, s: Any) -> Places:
        rows = s.execute(
            select(Station.id, Station.township_id, Station.name)
            .where(~Station.deleted)
            .order_by(Station.code)
        ).all()
        towns = dict(
            s.execute(
                select(Township.id, Township.name).where(~Township.deleted).order_by(Township.code)
            ).all()
        )  # both in code order: the order of the scopes, the tables and the charts
        places = cls({sid: tid for sid, tid, _ in rows}, towns)
        places.station_names = {sid: name for sid, _, name in rows}
        return places

    def stations_in(self, scope: Scope) -> list[uuid.UUID]:
        if scope.kind == "station":
            return [scope.id] if scope.id in self.township_of else []
        if scope.kind == "township":
            return [sid for sid, tid in self.township_of.items() if tid == scope.id]
        return list(self.township_of)


def build_figures(
    year: int,
    scope: Scope,
    as_of: dt.date,
    tallies: dict[uuid.UUID | None, Tally],
    places: Places,
    category_names: dict,
    points: DeputyPoints | None,
    label: Label,
) -> Figures:
    stations = places.stations_in(scope)
    keys: list[uuid.UUID | None] = list(stations)
    if scope.kind == "county":
        # Records of stations not on the roster (yet) and county-wide activities count here.
        keys += [k for k in tallies if k not in places.township_of]
    t = total(tallies[k] for k in keys if k in tallies)
    return Figures(
        year=year,
        scope=scope,
        as_of=as_of,
        duty_batches=t.duty_batches,
        duty_deputy_times=t.duty_deputy_times,
        people_received=t.people_received,
        written_opinions=t.written_opinions,
        visits=t.visits,
        deputies_visited=t.deputies_visited,
        opinions_collected=t.cases,
        opinions_passed_on=t.passed_on,
        cases_by_state=tuple(
            Count(st.value, label(st), t.states.get(st.value, 0)) for st in STATE_ORDER
        ),
        cases_by_category=_categories(t.categories, category_names, label(Unnamed.CATEGORY)),
        cases_per_month=tuple(Count(m.value, label(m), t.months.get(int(m), 0)) for m in Month),
        outcomes=tuple(Count(o.value, label(o), t.outcomes.get(o.value, 0)) for o in Outcome),
        replied_on_time=Rate(t.on_time, t.reply_due),
        satisfied_first=Rate(t.satisfied_first, t.answered_back),
        overdue=t.overdue,
        activities=t.activities,
        activity_person_times=t.activity_person_times,
        points_bands=_bands(points, scope, stations, label),
        townships=_lines(scope, tallies, places),
        top_deputies=_top(points, scope, stations, places),
        points_counted=points is not None,
    )


def _categories(counts: Counter, names: dict, unnamed: str) -> tuple[Count, ...]:
    found = [
        Count(cid.hex if cid else "", names.get(cid, "") if cid else unnamed, n)
        for cid, n in counts.items()
        if n
    ]
    return tuple(sorted(found, key=lambda c: (-c.value, c.label)))


def _lines(
    scope: Scope, tallies: dict[uuid.UUID | None, Tally], places: Places
) -> tuple[TownshipLine, ...]:
    """The county: a line per township; a township: a line per station; a station: none."""
    if scope.kind == "station":
        return ()
    groups: dict[uuid.UUID, list[uuid.UUID]] = {}
    if scope.kind == "county":
        for sid, tid in places.township_of.items():
            if tid is not None:
                groups.setdefault(tid, []).append(sid)
        named = places.township_names
    else:
        groups = {sid: [sid] for sid in places.stations_in(scope)}
        named = places.station_names
    lines = []
    for gid, members in groups.items():
        if gid not in named:
            continue
        t = total(tallies[k] for k in members if k in tallies)
        lines.append(
            TownshipLine(
                id=gid,
                name=named[gid],
                duty_batches=t.duty_batches,
                duty_deputy_times=t.duty_deputy_times,
                people_received=t.people_received,
                visits=t.visits,
                cases=t.cases,
                cases_referred=t.passed_on,
                replied_on_time=Rate(t.on_time, t.reply_due),
                satisfied_first=Rate(t.satisfied_first, t.answered_back),
                activities=t.activities,
                stations=len(members),
            )
        )
    order = {gid: i for i, gid in enumerate(named)}
    return tuple(sorted(lines, key=lambda line: order[line.id]))


class DeputyPoints:
    """The year's ranked registers, and which of them belong to each station (a deputy of two
    stations counts once in a township)."""

    def __init__(self, ranked: list[tuple[Any, set[uuid.UUID]]]) -> None:
        self.ranked = ranked
        self.stations_of = {r.register.deputy_id: stations for r, stations in ranked}
        self.by_station: dict[uuid.UUID, list[int]] = {}
        for i, (_, stations) in enumerate(ranked):
            for station in stations:
                self.by_station.setdefault(station, []).append(i)


def _in_scope(points: DeputyPoints, scope: Scope, stations: list[uuid.UUID]) -> list:
    if scope.kind == "county":
        return [r for r, _ in points.ranked]
    found = {i for station in stations for i in points.by_station.get(station, ())}
    return [points.ranked[i][0] for i in sorted(found)]


def _bands(
    points: DeputyPoints | None, scope: Scope, stations: list[uuid.UUID], label: Label
) -> tuple[Count, ...]:
    if points is None:
        return ()
    counts: Counter = Counter()
    for ranked in _in_scope(points, scope, stations):
        counts[point_band(ranked.register.total)] += 1
    return tuple(Count(band.value, label(band), counts[int(band)]) for band in PointBand)


def _top(
    points: DeputyPoints | None, scope: Scope, stations: list[uuid.UUID], places: Places
) -> tuple[TopDeputy, ...]:
    """The highest totals in the scope, with their county-wide rank."""
    if points is None:
        return ()
    chosen = [r for r in _in_scope(points, scope, stations) if r.register.total > Decimal(0)]
    chosen.sort(key=lambda r: (r.rank, r.name))
    top = []
    for r in chosen[:TOP_DEPUTIES]:
        names = tuple(
            sorted(
                places.station_names.get(x, "") for x in points.stations_of[r.register.deputy_id]
            )
        )
        top.append(
            TopDeputy(
                id=uuid.UUID(hex=r.register.deputy_id),
                name=r.name,
                township=r.township,
                station=LIST_SEPARATOR.join(names),
                points=format(r.register.total.normalize(), "f"),
                rank=r.rank,
                stations=names,
            )
        )
    return tuple(top)
