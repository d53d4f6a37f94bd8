"""The one registry of what earns points: each source turns records already kept into credits."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import (
    Activity,
    ActivityKind,
    ActivityParticipant,
    CaseDeputy,
    DutyDay,
    DutyDayDeputy,
    FeedbackCase,
    Station,
    Visit,
    VisitPerson,
)
from desktop.domain.points import Credit, CreditSource

Source = Callable[[Session, int, list[uuid.UUID] | None], Iterable[Credit]]


def _year(model_day, year: int) -> list:
    return [model_day >= dt.date(year, 1, 1), model_day <= dt.date(year, 12, 31)]


def _in(column, ids: list[uuid.UUID] | None) -> list:
    return [] if ids is None else [column.in_(ids)]


def duty_day_credits(s: Session, year: int, ids: list[uuid.UUID] | None) -> Iterable[Credit]:
    """A duty day credits every deputy on duty."""
    query = (
        select(DutyDayDeputy.deputy_id, DutyDay.id, DutyDay.day, Station.name)
        .join(DutyDay, DutyDay.id == DutyDayDeputy.duty_day_id)
        .join(Station, Station.id == DutyDay.station_id)
        .where(
            ~DutyDayDeputy.deleted,
            ~DutyDay.deleted,
            *_year(DutyDay.day, year),
            *_in(DutyDayDeputy.deputy_id, ids),
        )
    )
    for deputy, record, day, station in s.execute(query):
        yield Credit(str(deputy), CreditSource.DUTY_DAY, str(record), day, description=station)


def visit_credits(s: Session, year: int, ids: list[uuid.UUID] | None) -> Iterable[Credit]:
    """A visit credits the deputies who made it (not those visited)."""
    query = (
        select(VisitPerson.deputy_id, Visit.id, Visit.day, Visit.visited_people)
        .join(Visit, Visit.id == VisitPerson.visit_id)
        .where(
            VisitPerson.role == "visitor",
            ~VisitPerson.deleted,
            ~Visit.deleted,
            *_year(Visit.day, year),
            *_in(VisitPerson.deputy_id, ids),
        )
    )
    for deputy, record, day, visited in s.execute(query):
        yield Credit(str(deputy), CreditSource.VISIT, str(record), day, description=visited)


def case_credits(s: Session, year: int, ids: list[uuid.UUID] | None) -> Iterable[Credit]:
    """A feedback case credits the deputies who took it."""
    query = (
        select(
            CaseDeputy.deputy_id,
            FeedbackCase.id,
            FeedbackCase.received_date,
            FeedbackCase.case_number,
        )
        .join(FeedbackCase, FeedbackCase.id == CaseDeputy.case_id)
        .where(
            ~CaseDeputy.deleted,
            ~FeedbackCase.deleted,
            *_year(FeedbackCase.received_date, year),
            *_in(CaseDeputy.deputy_id, ids),
        )
    )
    for deputy, record, day, number in s.execute(query):
        yield Credit(str(deputy), CreditSource.CASE_TAKEN, str(record), day, description=number)


def activity_credits(s: Session, year: int, ids: list[uuid.UUID] | None) -> Iterable[Credit]:
    """An activity credits each participant by attendance and quantity."""
    query = (
        select(
            ActivityParticipant.deputy_id,
            Activity.id,
            Activity.day,
            ActivityKind.code,
            ActivityParticipant.attendance,
            ActivityParticipant.quantity,
            Activity.title,
        )
        .join(Activity, Activity.id == ActivityParticipant.activity_id)
        .join(ActivityKind, ActivityKind.id == Activity.kind_id)
        .where(
            ~ActivityParticipant.deleted,
            ~Activity.deleted,
            *_year(Activity.day, year),
            *_in(ActivityParticipant.deputy_id, ids),
        )
    )
    for deputy, record, day, kind, attendance, quantity, title in s.execute(query):
        yield Credit(
            str(deputy), CreditSource.ACTIVITY, str(record), day, quantity, kind, attendance, title
        )


# Later issues add training, draft-law comments and
# project supervision here, so that a fact is never typed twice to earn its points.
CREDIT_SOURCES: dict[str, Source] = {
    CreditSource.DUTY_DAY: duty_day_credits,
    CreditSource.VISIT: visit_credits,
    CreditSource.CASE_TAKEN: case_credits,
    CreditSource.ACTIVITY: activity_credits,
}
