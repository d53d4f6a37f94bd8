"""A year's records counted per station in a handful of grouped queries; every scope's figures
(county, township, station) are then sums of these tallies, so the annual report counts once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, distinct, extract, func, select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Activity,
    ActivityParticipant,
    CaseEvent,
    DutyDay,
    DutyDayDeputy,
    FeedbackCase,
    Visit,
    VisitPerson,
)
from desktop.domain.enums import CaseState
from desktop.domain.figures import year_until
from desktop.domain.workflow import CaseAction, Satisfaction

# A case counts once: a duplicate merged into another is the other's.
COUNTED = (~FeedbackCase.deleted, FeedbackCase.merged_into_id.is_(None))
WAITING_REPLY = (CaseState.REFERRED.value,)
NO_STATION = None  # the key of county-wide activities (no station)


@dataclass
class Tally:
    """One station's (or, under NO_STATION, the county-wide) counts for the year."""

    duty_batches: int = 0
    people_received: int = 0
    duty_deputy_times: int = 0
    visits: int = 0
    deputies_visited: int = 0
    cases: int = 0
    written_opinions: int = 0
    passed_on: int = 0
    on_time: int = 0
    reply_due: int = 0  # replied, or past the deadline without a reply
    overdue: int = 0
    answered_back: int = 0
    satisfied_first: int = 0
    activities: int = 0
    activity_person_times: int = 0
    states: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)  # category id (None: none) -> cases
    months: Counter = field(default_factory=Counter)  # 1..12 -> cases
    outcomes: Counter = field(default_factory=Counter)  # "A".."D" -> cases

    def add(self, other: Tally) -> None:
        for name, value in other.__dict__.items():
            mine = getattr(self, name)
            if isinstance(value, Counter):
                mine.update(value)
            else:
                setattr(self, name, mine + value)


def total(tallies: Iterable[Tally]) -> Tally:
    out = Tally()
    for t in tallies:
        out.add(t)
    return out


def _in_year(column: Any, year: int, as_of: dt.date) -> Any:
    return and_(column >= dt.date(year, 1, 1), column <= year_until(year, as_of))


def _flag(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def count_year(s: Session, year: int, as_of: dt.date) -> dict[uuid.UUID | None, Tally]:
    """Station id -> its tally for ``year`` (cases by received day, the rest by their day)."""
    tallies: dict[uuid.UUID | None, Tally] = {}

    def at(station: uuid.UUID | None) -> Tally:
        found = tallies.get(station)
        if found is None:
            found = tallies[station] = Tally()
        return found

    duty_in_year = (~DutyDay.deleted, _in_year(DutyDay.day, year, as_of))
    for station, batches, people in s.execute(
        select(
            DutyDay.station_id, func.count(), func.coalesce(func.sum(DutyDay.people_received), 0)
        )
        .where(*duty_in_year)
        .group_by(DutyDay.station_id)
    ):
        at(station).duty_batches, at(station).people_received = batches, people
    for station, times in s.execute(
        select(DutyDay.station_id, func.count())
        .join(DutyDayDeputy, DutyDayDeputy.duty_day_id == DutyDay.id)
        .where(*duty_in_year, ~DutyDayDeputy.deleted)
        .group_by(DutyDay.station_id)
    ):
        at(station).duty_deputy_times = times

    visit_in_year = (~Visit.deleted, _in_year(Visit.day, year, as_of))
    for station, visits in s.execute(
        select(Visit.station_id, func.count()).where(*visit_in_year).group_by(Visit.station_id)
    ):
        at(station).visits = visits
    for station, visited in s.execute(
        select(Visit.station_id, func.count())
        .join(VisitPerson, VisitPerson.visit_id == Visit.id)
        .where(*visit_in_year, ~VisitPerson.deleted, VisitPerson.role == "visited")
        .group_by(Visit.station_id)
    ):
        at(station).deputies_visited = visited

    _count_cases(s, year, as_of, at)

    activity_in_year = (~Activity.deleted, _in_year(Activity.day, year, as_of))
    for station, count in s.execute(
        select(Activity.station_id, func.count())
        .where(*activity_in_year)
        .group_by(Activity.station_id)
    ):
        at(station).activities = count
    for station, times in s.execute(
        select(Activity.station_id, func.count())
        .join(ActivityParticipant, ActivityParticipant.activity_id == Activity.id)
        .where(*activity_in_year, ~ActivityParticipant.deleted)
        .where(ActivityParticipant.attendance == "present")
        .group_by(Activity.station_id)
    ):
        at(station).activity_person_times = times
    return tallies


def _count_cases(s: Session, year: int, as_of: dt.date, at: Any) -> None:
    cases = (*COUNTED, _in_year(FeedbackCase.received_date, year, as_of))
    replied_in_time = and_(
        FeedbackCase.replied_on.is_not(None),
        FeedbackCase.deadline.is_not(None),
        FeedbackCase.replied_on <= FeedbackCase.deadline,
    )
    overdue = and_(
        FeedbackCase.state.in_(WAITING_REPLY),
        FeedbackCase.deadline.is_not(None),
        FeedbackCase.deadline < as_of,
    )
    reply_due = and_(
        FeedbackCase.deadline.is_not(None),
        (FeedbackCase.replied_on.is_not(None)) | (FeedbackCase.deadline < as_of),
    )
    station, month = FeedbackCase.station_id, extract("month", FeedbackCase.received_date)
    query = (
        select(
            station,
            FeedbackCase.state,
            FeedbackCase.category_id,
            month,
            FeedbackCase.outcome,
            func.count(),
            _flag(FeedbackCase.duty_day_id.is_not(None)),
            _flag(FeedbackCase.referred_on.is_not(None)),
            _flag(replied_in_time),
            _flag(reply_due),
            _flag(overdue),
        )
        .where(*cases)
        .group_by(station, FeedbackCase.state, FeedbackCase.category_id, month)
        .group_by(FeedbackCase.outcome)
    )
    for sid, state, category, mon, outcome, n, written, passed, in_time, due, late in s.execute(
        query
    ):
        t = at(sid)
        t.cases += n
        t.states[state] += n
        t.categories[category] += n
        t.months[int(mon)] += n
        if outcome:
            t.outcomes[outcome] += n
        t.written_opinions += written
        t.passed_on += passed
        t.on_time += in_time
        t.reply_due += due
        t.overdue += late

    # Satisfaction at the first answer back: answered back, and never "not satisfied".
    # (the JSON's spacing is not relied on: "unsatisfied" is no other field's value)
    unsatisfied = CaseEvent.payload.like(f'%"{Satisfaction.UNSATISFIED.value}"%')
    for sid, answered, unhappy in s.execute(
        select(
            FeedbackCase.station_id,
            func.count(distinct(CaseEvent.case_id)),
            func.count(distinct(case((unsatisfied, CaseEvent.case_id)))),
        )
        .join(FeedbackCase, FeedbackCase.id == CaseEvent.case_id)
        .where(*cases, CaseEvent.kind == CaseAction.ANSWER_BACK.value)
        .group_by(FeedbackCase.station_id)
    ):
        at(sid).answered_back = answered
        at(sid).satisfied_first = answered - unhappy
