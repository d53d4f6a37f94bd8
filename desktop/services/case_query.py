"""Which feedback cases a filter means: dates, station, state, flags, and Chinese text search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, false, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.db import sqlite
from desktop.db.models import CaseDeputy, Deputy, FeedbackCase
from desktop.domain.enums import CaseState
from desktop.domain.records import ListFilter
from desktop.domain.textsearch import match_expression
from desktop.domain.workflow import WorkflowContext
from desktop.services.common import like_pattern

# Up to this many full-text matches, fetch them all and sort (a rare word); above it, walk the
# cases newest first and ask the index about each (a common word fills a page in a few rows).
RARE_LIMIT = 2000
ROWID = literal_column("feedback_cases.rowid")
OPEN_DEADLINE_STATES = (CaseState.REFERRED.value,)


@dataclass(frozen=True)
class Clock:
    today: dt.date
    ctx: WorkflowContext

    def due_soon_until(self) -> dt.date:
        return self.ctx.calendar.add_working_days(
            self.today, self.ctx.policy.due_soon_working_days
        ).day


def flag_condition(flag: str | None, clock: Clock) -> Any:
    if flag is None:
        return None
    waiting = FeedbackCase.state.in_(OPEN_DEADLINE_STATES)
    if flag == "overdue":
        return and_(waiting, FeedbackCase.deadline < clock.today)
    if flag == "due_soon":
        return and_(
            waiting,
            FeedbackCase.deadline >= clock.today,
            FeedbackCase.deadline <= clock.due_soon_until(),
        )
    if flag == "follow_up":
        return FeedbackCase.follow_up.is_(True)
    if flag == "conflict":
        return FeedbackCase.conflict.is_(True)
    if flag == "escalated":
        return FeedbackCase.escalated.is_(True)
    raise ValueError(flag)


def base_conditions(flt: ListFilter, clock: Clock, *, with_state: bool = True) -> list[Any]:
    found: list[Any] = [~FeedbackCase.deleted]
    if flt.date_from:
        found.append(FeedbackCase.received_date >= flt.date_from)
    if flt.date_to:
        found.append(FeedbackCase.received_date <= flt.date_to)
    if flt.station_id:
        found.append(FeedbackCase.station_id == flt.station_id)
    if flt.kind and with_state:
        found.append(FeedbackCase.state == flt.kind)
    flag = flag_condition(flt.flag, clock)
    if flag is not None:
        found.append(flag)
    return found


def _deputy_cases(text: str) -> Any:
    """Cases taken by a deputy whose name or pinyin matches (deputies are public officials)."""
    deputies = select(Deputy.id).where(
        or_(
            Deputy.name.like(like_pattern(text), escape="\\"),
            Deputy.name_keys.like(like_pattern(text.lower()), escape="\\"),
        )
    )
    return select(CaseDeputy.case_id).where(CaseDeputy.deputy_id.in_(deputies), ~CaseDeputy.deleted)


def text_condition(session: Session, text: str) -> Any:
    """Full text over content, village and reply; a person only by exact name or initials."""
    text = text.strip()
    if not text:
        return None
    person = or_(
        FeedbackCase.person_name == text,
        FeedbackCase.person_initials == text.lower(),
        FeedbackCase.id.in_(_deputy_cases(text)),
    )
    expression = match_expression(text)
    if expression is None:
        return person
    if session.get_bind().dialect.name != "sqlite":  # PostgreSQL gets its own index later
        return or_(person, FeedbackCase.content.like(like_pattern(text), escape="\\"))
    rare = sqlite.fts_rowids(session, expression, RARE_LIMIT + 1)
    if len(rare) <= RARE_LIMIT:
        return or_(ROWID.in_(rare) if rare else false(), person)
    return or_(sqlite.fts_contains(ROWID, expression), person)


def filtered(
    session: Session, query: Select, flt: ListFilter, clock: Clock, *, with_state: bool = True
) -> Select:
    query = query.where(*base_conditions(flt, clock, with_state=with_state))
    text = text_condition(session, flt.text)
    return query.where(text) if text is not None else query
