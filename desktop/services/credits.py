"""The one registry of what earns points: each source turns records already kept into credits."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import String, exists, extract, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop.db.models import (
    Activity,
    ActivityKind,
    ActivityParticipant,
    CaseDeputy,
    DutyDay,
    DutyDayDeputy,
    FeedbackCase,
    SessionPeriod,
    Station,
    Visit,
    VisitPerson,
)
from desktop.domain.points import PRESENT, Credit, CreditSource

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
        yield Credit(deputy.hex, CreditSource.DUTY_DAY, str(record), day, description=station)


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
        yield Credit(deputy.hex, CreditSource.VISIT, str(record), day, description=visited)


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
        yield Credit(deputy.hex, CreditSource.CASE_TAKEN, str(record), day, description=number)


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
            deputy.hex, CreditSource.ACTIVITY, str(record), day, quantity, kind, attendance, title
        )


# Later issues add training, draft-law comments and
# project supervision here, so that a fact is never typed twice to earn its points.
CREDIT_SOURCES: dict[str, Source] = {
    CreditSource.DUTY_DAY: duty_day_credits,
    CreditSource.VISIT: visit_credits,
    CreditSource.CASE_TAKEN: case_credits,
    CreditSource.ACTIVITY: activity_credits,
}


# --- the same facts added up in SQL, for a ranking of thousands of deputies ------------------
# One credit per deputy, quarter, session flag (and activity kind and attendance) with the
# number of records and the sum of their quantities: the register comes out the same, since a
# cap reached inside a quarter leaves that quarter the remainder either way. The drill-down of
# one deputy keeps the record-level sources above.


def _quarter(day: Any) -> Any:
    return (extract("month", day) + 2) / 3


def _in_session(day: Any) -> Any:
    return exists().where(
        ~SessionPeriod.deleted, SessionPeriod.first_day <= day, SessionPeriod.last_day >= day
    )


def _totals(s: Session, year: int, source: CreditSource, deputy: Any, day: Any, joins: Any,
            where: list, kind: Any = None, attendance: Any = None, quantity: Any = None,
            ) -> Iterable[Credit]:  # fmt: skip
    quarter, session = _quarter(day).label("q"), _in_session(day).label("s")
    # The id as stored (hex text): a UUID object per row cost more than the query itself.
    keys = [type_coerce(deputy, String).label("d"), quarter, session]
    if kind is not None:
        keys += [kind, attendance]
    amount = func.sum(quantity) if quantity is not None else func.count()
    query = joins(select(*keys, func.count(), amount)).where(*where, *_year(day, year))
    for row in s.connection().execute(query.group_by(*keys)):  # Core rows: no ORM loading
        deputy_id, q, in_session, *rest = row
        kind_code, att, n, units = rest if kind is not None else [None, PRESENT, *rest]
        record = f"{source}:{kind_code}:{att}:{q}:{int(bool(in_session))}"
        yield Credit(
            str(deputy_id),
            source,
            record,
            dt.date(year, 3 * int(q) - 2, 1),
            int(units),
            kind_code,
            att,
            count=int(n),
            session=bool(in_session),
        )


def credit_totals(s: Session, year: int) -> list[Credit]:
    duty = _totals(
        s,
        year,
        CreditSource.DUTY_DAY,
        DutyDayDeputy.deputy_id,
        DutyDay.day,
        lambda q: q.join(DutyDay, DutyDay.id == DutyDayDeputy.duty_day_id),
        [~DutyDayDeputy.deleted, ~DutyDay.deleted],
    )
    visits = _totals(
        s,
        year,
        CreditSource.VISIT,
        VisitPerson.deputy_id,
        Visit.day,
        lambda q: q.join(Visit, Visit.id == VisitPerson.visit_id),
        [VisitPerson.role == "visitor", ~VisitPerson.deleted, ~Visit.deleted],
    )
    cases = _totals(
        s,
        year,
        CreditSource.CASE_TAKEN,
        CaseDeputy.deputy_id,
        FeedbackCase.received_date,
        lambda q: q.join(FeedbackCase, FeedbackCase.id == CaseDeputy.case_id),
        [~CaseDeputy.deleted, ~FeedbackCase.deleted],
    )
    activities = _totals(
        s,
        year,
        CreditSource.ACTIVITY,
        ActivityParticipant.deputy_id,
        Activity.day,
        lambda q: q.join(Activity, Activity.id == ActivityParticipant.activity_id).join(
            ActivityKind, ActivityKind.id == Activity.kind_id
        ),
        [~ActivityParticipant.deleted, ~Activity.deleted],
        ActivityKind.code,
        ActivityParticipant.attendance,
        ActivityParticipant.quantity,
    )
    return [*duty, *visits, *cases, *activities]
