"""The one registry of what earns points: each source turns records already kept into credits."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    exists,
    extract,
    func,
    literal,
    select,
    tuple_,
    type_coerce,
)
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
from desktop.db.programmes import TrainingAttendance, TrainingBatch
from desktop.domain.points import PRESENT, Credit, CreditSource

# A training batch's attendance earns what an activity of this kind earns (the rules' 参加履职
# 培训 item counts activities of kind "training"): the county's rules keep working unchanged.
TRAINING_KIND = "training"

Source = Callable[[Session, int, list[uuid.UUID] | None], Iterable[Credit]]
Feed = tuple[str, str | None, str]


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


def training_credits(s: Session, year: int, ids: list[uuid.UUID] | None) -> Iterable[Credit]:
    """A training batch credits each deputy by attendance, as an activity of kind "training"
    (an excused or unexcused attendance feeds what such an activity's would)."""
    query = (
        select(TrainingAttendance.deputy_id, TrainingBatch.id, TrainingBatch.day,
               TrainingAttendance.attendance, TrainingBatch.topic)
        .join(TrainingBatch, TrainingBatch.id == TrainingAttendance.batch_id)
        .where(~TrainingAttendance.deleted, ~TrainingBatch.deleted,
               *_year(TrainingBatch.day, year), *_in(TrainingAttendance.deputy_id, ids))
    )  # fmt: skip
    for deputy, record, day, attendance, topic in s.execute(query):
        yield Credit(deputy.hex, CreditSource.ACTIVITY, str(record), day, 1, TRAINING_KIND,
                     attendance, topic)  # fmt: skip


# Later issues add draft-law comments and project supervision here, so that a fact is never
# typed twice to earn its points. Training is credited from its batches (training_credits): a
# batch's deputies earn the training item; an activity of kind "training" still earns it too,
# so a batch must not also be typed as an activity.
CREDIT_SOURCES: dict[str, Source] = {
    CreditSource.DUTY_DAY: duty_day_credits,
    CreditSource.VISIT: visit_credits,
    CreditSource.CASE_TAKEN: case_credits,
    CreditSource.ACTIVITY: activity_credits,
    "training": training_credits,
}


# --- the same facts added up in SQL, for a ranking of thousands of deputies ------------------
# Per deputy and quarter, one column pair (records, units) for each feed the rules use and each
# session flag: a few thousand rows for a county instead of a few hundred thousand records.


def _in_session(day: Any) -> Any:
    return exists().where(
        ~SessionPeriod.deleted, SessionPeriod.first_day <= day, SessionPeriod.last_day >= day
    )


def _pivot(s: Session, inner: Any, feeds: list[tuple[Feed, Any]], out: dict,
           by_session: set[Feed]) -> None:  # fmt: skip
    """Sum ``inner`` (columns d, q, s, quantity and the feed tests) per deputy and quarter.
    Only feeds some item counts by period are split by the session flag; the others are
    filed under "not in session", which every item of theirs counts."""
    t = inner.subquery()
    columns, slots = [], []
    for feed, test in feeds:
        for flag in (False, True) if feed in by_session else (None,):
            hit = test(t) if flag is None else and_(test(t), t.c.s == flag)
            columns += [
                func.sum(case((hit, 1), else_=0)),
                func.sum(case((hit, t.c.quantity), else_=0)),
            ]
            slots.append((feed, bool(flag)))
    query = select(t.c.d, t.c.q, *columns).group_by(t.c.d, t.c.q)
    for row in s.connection().execute(query):  # Core rows, ids as stored text: no ORM
        deputy, quarter, *sums = row
        if not isinstance(deputy, str):  # PostgreSQL hands back its native uuid
            deputy = deputy.hex
        per_deputy = out.setdefault(deputy, {})
        for i, key in enumerate(slots):
            c, u = sums[2 * i], sums[2 * i + 1]
            if c:
                cell = per_deputy.setdefault(key, [(0, 0)] * 4)
                had = cell[int(quarter) - 1]
                cell[int(quarter) - 1] = (had[0] + int(c), had[1] + int(u or 0))


def _base(deputy: Any, day: Any, quantity: Any = None) -> list:
    return [type_coerce(deputy, String).label("d"), ((extract("month", day) + 2) // 3).label("q"),
            _in_session(day).label("s"), (quantity if quantity is not None else literal(1))
            .label("quantity")]  # fmt: skip


def feed_totals(s: Session, year: int, feeds: set[Feed],
                by_session: set[Feed]) -> dict[str, dict]:  # fmt: skip
    """deputy id (hex) -> {(feed, in session): four quarters of (records, units)}."""
    out: dict[str, dict] = {}
    simple = (
        (CreditSource.DUTY_DAY, select(*_base(DutyDayDeputy.deputy_id, DutyDay.day))
         .join(DutyDay, DutyDay.id == DutyDayDeputy.duty_day_id)
         .where(~DutyDayDeputy.deleted, ~DutyDay.deleted, *_year(DutyDay.day, year))),
        (CreditSource.VISIT, select(*_base(VisitPerson.deputy_id, Visit.day))
         .join(Visit, Visit.id == VisitPerson.visit_id)
         .where(VisitPerson.role == "visitor", ~VisitPerson.deleted, ~Visit.deleted,
                *_year(Visit.day, year))),
        (CreditSource.CASE_TAKEN, select(*_base(CaseDeputy.deputy_id, FeedbackCase.received_date))
         .join(FeedbackCase, FeedbackCase.id == CaseDeputy.case_id)
         .where(~CaseDeputy.deleted, ~FeedbackCase.deleted,
                *_year(FeedbackCase.received_date, year))),
    )  # fmt: skip
    for source, inner in simple:
        feed = (str(source), None, PRESENT)
        if feed in feeds:
            _pivot(s, inner, [(feed, lambda t: literal(True))], out, by_session)
    wanted = sorted(f for f in feeds if f[0] == CreditSource.ACTIVITY)
    if wanted:
        inner = (
            select(*_base(ActivityParticipant.deputy_id, Activity.day,
                          ActivityParticipant.quantity),
                   ActivityKind.code.label("kind"), ActivityParticipant.attendance.label("att"))
            .join(Activity, Activity.id == ActivityParticipant.activity_id)
            .join(ActivityKind, ActivityKind.id == Activity.kind_id)
            .where(~ActivityParticipant.deleted, ~Activity.deleted, *_year(Activity.day, year),
                   tuple_(ActivityKind.code, ActivityParticipant.attendance).in_(
                       [(k, a) for _, k, a in wanted]))
        )  # fmt: skip
        tests = [(f, lambda t, k=f[1], a=f[2]: and_(t.c.kind == k, t.c.att == a)) for f in wanted]
        _pivot(s, inner, tests, out, by_session)
    training = [f for f in wanted if f[1] == TRAINING_KIND]
    if training:  # the batches' attendance, added to the same feeds (_pivot adds up)
        inner = (
            select(*_base(TrainingAttendance.deputy_id, TrainingBatch.day),
                   TrainingAttendance.attendance.label("att"))
            .join(TrainingBatch, TrainingBatch.id == TrainingAttendance.batch_id)
            .where(~TrainingAttendance.deleted, ~TrainingBatch.deleted,
                   *_year(TrainingBatch.day, year),
                   TrainingAttendance.attendance.in_([a for _, _, a in training]))
        )  # fmt: skip
        tests = [(f, lambda t, a=f[2]: t.c.att == a) for f in training]
        _pivot(s, inner, tests, out, by_session)
    return out
