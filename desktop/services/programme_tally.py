"""The programmes' station-tied records of a year counted per station (None: no station) in a
handful of grouped queries; programme_report.py sums them into a scope's figures."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, distinct, func, null, select
from sqlalchemy.orm import Session

from desktop.db.models import Deputy, DeputyStation, Station
from desktop.db.programmes import (
    DeputyStory,
    DraftComment,
    FundProject,
    LawDraft,
    LegalEvent,
    LegalOfficer,
    LegalOfficerStation,
    LegislativeContact,
    Supervision,
    SupervisionDeputy,
    TrainingAttendance,
    TrainingBatch,
)
from desktop.domain.enums import Attendance
from desktop.domain.programmes import (
    FUNDED_STAGES,
    FundStage,
    LegalEventKind,
    LegalOutcome,
    StoryKind,
)

FUNDED = [x.value for x in FUNDED_STAGES]


@dataclass
class StationTally:
    """One station's counts for the year (under None: the records tied to no station)."""

    fund_applied: int = 0
    fund_funded: int = 0
    fund_accepted: int = 0
    fund_requested: int = 0
    fund_approved: int = 0
    fund_paid: int = 0
    comments: int = 0
    reported: int = 0
    adopted: int = 0
    contacts: Counter = field(default_factory=Counter)  # ContactKind -> contacts
    training: Counter = field(default_factory=Counter)  # TrainingLevel -> batches
    training_people: int = 0
    training_hours: int = 0
    officers: set = field(default_factory=set)  # (officer id, body) linked to the station
    bodies: Counter = field(default_factory=Counter)  # LegalBody -> officers, when not grouped
    linked_stations: int = 0
    events: Counter = field(default_factory=Counter)  # LegalEventKind -> events
    legal_people: int = 0
    settled: int = 0
    supervisions: int = 0
    supervision_deputies: int = 0
    stories: int = 0
    media: int = 0

    def add(self, other: StationTally) -> None:
        for name in _INTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("contacts", "training", "events", "bodies"):
            getattr(self, name).update(getattr(other, name))
        self.officers |= other.officers


_INTS = tuple(k for k, f in StationTally.__dataclass_fields__.items() if f.type == "int")


def household_signs(s: Session) -> dict[str, Any]:
    """Deputies whose home carries the sign: per station, per township (a deputy of two
    stations once) and in the county (every deputy, at a station or not)."""
    d, link = Deputy, DeputyStation
    signed = (~d.deleted, d.household_sign, ~link.deleted)
    per_station = select(link.station_id, func.count()).join(d, d.id == link.deputy_id)
    per_town = (
        select(Station.township_id, func.count(distinct(d.id)))
        .select_from(link)
        .join(d, d.id == link.deputy_id)
        .join(Station, Station.id == link.station_id)
        .where(~Station.deleted)
    )
    return {
        "station": dict(s.execute(per_station.where(*signed).group_by(link.station_id)).all()),
        "township": dict(s.execute(per_town.where(*signed).group_by(Station.township_id)).all()),
        "county": s.scalar(select(func.count()).where(~d.deleted, d.household_sign)) or 0,
    }


class By:
    """How records are keyed: per station (``grouped``, for a report of every scope), or all in
    one tally under None: the given stations' (a township or a station) or every record (the
    county, ``stations`` None), which a single scope's figures need (and count faster)."""

    def __init__(self, stations: list[uuid.UUID] | None = None, grouped: bool = True) -> None:
        self.stations, self.grouped = stations, grouped

    def key(self, column: Any) -> Any:
        return column if self.grouped else null()

    def group(self, column: Any, *more: Any) -> list[Any]:
        return [column, *more] if self.grouped else list(more)

    def where(self, column: Any) -> list[Any]:
        return [] if self.stations is None else [column.in_(self.stations)]


def signs_in(s: Session, stations: list[uuid.UUID] | None) -> int:
    """Deputies with the sign at any of ``stations`` (None: every one of them, the county's)."""
    d, link = Deputy, DeputyStation
    if stations is None:
        return s.scalar(select(func.count()).where(~d.deleted, d.household_sign)) or 0
    query = (
        select(func.count(distinct(d.id)))
        .join(link, link.deputy_id == d.id)
        .where(~d.deleted, d.household_sign, ~link.deleted, link.station_id.in_(stations))
    )
    return s.scalar(query) or 0


def _sum(test: Any, value: Any = 1) -> Any:
    return func.sum(case((test, value), else_=0))


def _in(column: Any, year: int, until: dt.date) -> list[Any]:
    return [column >= dt.date(year, 1, 1), column <= until]


def count_stations(
    s: Session, year: int, until: dt.date, by: By | None = None
) -> dict[uuid.UUID | None, StationTally]:
    """Station id (None: none, or everything when ``by`` is not grouped) -> its tally; dated
    records up to ``until``."""
    by = by or By()
    out: dict[uuid.UUID | None, StationTally] = {}

    def at(station: uuid.UUID | None) -> StationTally:
        return out.setdefault(station, StationTally())

    f = FundProject
    accepted = f.stage == FundStage.ACCEPTED.value
    funded = f.stage.in_(FUNDED)
    for sid, n, n_funded, n_accepted, requested, approved, paid in s.execute(
        select(by.key(f.station_id), func.count(), _sum(funded), _sum(accepted),
               func.sum(f.requested_fen), _sum(funded, f.approved_fen), _sum(accepted, f.spent_fen))
        .where(~f.deleted, f.year == year, *by.where(f.station_id))
        .group_by(*by.group(f.station_id))
    ):  # fmt: skip
        t = at(sid)
        t.fund_applied, t.fund_funded = n, int(n_funded or 0)
        t.fund_accepted = int(n_accepted or 0)
        t.fund_requested, t.fund_approved = int(requested or 0), int(approved or 0)
        t.fund_paid = int(paid or 0)
    c = DraftComment
    for sid, n, reported, adopted in s.execute(
        select(by.key(c.station_id), func.count(), _sum(c.reported), _sum(c.adopted))
        .join(LawDraft, LawDraft.id == c.draft_id)
        .where(
            ~c.deleted, ~LawDraft.deleted, *_in(c.received_on, year, until), *by.where(c.station_id)
        )
        .group_by(*by.group(c.station_id))
    ):
        t = at(sid)
        t.comments, t.reported, t.adopted = n, int(reported or 0), int(adopted or 0)
    k = LegislativeContact
    for sid, kind, n in s.execute(
        select(by.key(k.station_id), k.kind, func.count())
        .where(~k.deleted, *by.where(k.station_id))
        .group_by(*by.group(k.station_id, k.kind))
    ):
        at(sid).contacts[kind] += n
    _training(s, year, until, at, by)
    _legal(s, year, until, at, by)
    _supervisions(s, year, until, at, by)
    st = DeputyStory
    for sid, kind, n in s.execute(
        select(by.key(st.station_id), st.kind, func.count())
        .where(~st.deleted, *_in(st.published_on, year, until), *by.where(st.station_id))
        .group_by(*by.group(st.station_id, st.kind))
    ):
        t = at(sid)
        if kind == StoryKind.MEDIA.value:
            t.media += n
        else:
            t.stories += n
    return out


def _training(s: Session, year: int, until: dt.date, at: Any, by: By) -> None:
    b, a = TrainingBatch, TrainingAttendance
    for sid, level, n in s.execute(
        select(by.key(b.station_id), b.level, func.count())
        .where(~b.deleted, *_in(b.day, year, until), *by.where(b.station_id))
        .group_by(*by.group(b.station_id, b.level))
    ):
        at(sid).training[level] += n
    for sid, n, hours in s.execute(
        select(by.key(b.station_id), func.count(), func.sum(b.hours))
        .select_from(a)
        .join(b, b.id == a.batch_id)
        .where(~a.deleted, ~b.deleted, a.attendance == Attendance.PRESENT.value,
               *_in(b.day, year, until), *by.where(b.station_id))
        .group_by(*by.group(b.station_id))
    ):  # fmt: skip
        t = at(sid)
        t.training_people, t.training_hours = n, int(hours or 0)


def _legal(s: Session, year: int, until: dt.date, at: Any, by: By) -> None:
    o, link, e = LegalOfficer, LegalOfficerStation, LegalEvent
    live = (~link.deleted, ~o.deleted, *by.where(link.station_id))
    if by.grouped:
        for sid, officer, body in s.execute(
            select(link.station_id, o.id, o.body).join(o, o.id == link.officer_id).where(*live)
        ):
            t = at(sid)
            t.officers.add((officer, body))
            t.linked_stations = 1
    else:  # one tally: the officers by body and the stations, each once
        t = at(None)
        linked = select(func.count(distinct(link.station_id))).join(o, o.id == link.officer_id)
        t.linked_stations = s.scalar(linked.where(*live)) or 0
        for body, n in s.execute(
            select(o.body, func.count(distinct(o.id)))
            .join(link, link.officer_id == o.id)
            .where(*live)
            .group_by(o.body)
        ):
            t.bodies[body] += n
    settled = (e.kind == LegalEventKind.MEDIATION.value) & (e.outcome == LegalOutcome.SETTLED.value)
    for sid, kind, n, people, n_settled in s.execute(
        select(by.key(e.station_id), e.kind, func.count(), func.sum(e.people), _sum(settled))
        .where(~e.deleted, *_in(e.day, year, until), *by.where(e.station_id))
        .group_by(*by.group(e.station_id, e.kind))
    ):
        t = at(sid)
        t.events[kind] += n
        t.legal_people += int(people or 0)
        t.settled += int(n_settled or 0)


def _supervisions(s: Session, year: int, until: dt.date, at: Any, by: By) -> None:
    v, d = Supervision, SupervisionDeputy
    for sid, n in s.execute(
        select(by.key(v.station_id), func.count())
        .where(~v.deleted, *_in(v.day, year, until), *by.where(v.station_id))
        .group_by(*by.group(v.station_id))
    ):
        at(sid).supervisions = n
    for sid, n in s.execute(
        select(by.key(v.station_id), func.count())
        .select_from(d)
        .join(v, v.id == d.supervision_id)
        .where(~d.deleted, ~v.deleted, *_in(v.day, year, until), *by.where(v.station_id))
        .group_by(*by.group(v.station_id))
    ):
        at(sid).supervision_deputies = n


def officers_by_body(s: Session) -> Counter:
    """Every live legal-service officer by body, linked to a station or not (the county's)."""
    o = LegalOfficer
    return Counter(
        dict(s.execute(select(o.body, func.count()).where(~o.deleted).group_by(o.body)).all())
    )
