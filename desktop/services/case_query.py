"""Which feedback cases a filter means: dates, station, state, flags, and Chinese text search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, union
from sqlalchemy.orm import Session

from desktop.db import search
from desktop.db.models import CaseDeputy, CaseEvent, Deputy, FeedbackCase
from desktop.domain.enums import CaseState
from desktop.domain.records import ListFilter
from desktop.domain.textsearch import match_expression
from desktop.domain.workflow import CaseAction, Satisfaction, WorkflowContext
from desktop.services.common import like_pattern
from desktop.services.origins import station_conditions

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
    return figure_flag_condition(flag, clock)


def figure_flag_condition(flag: str, clock: Clock) -> Any:
    """The dashboard's figures (desktop/services/county_tally.py counts the same cases)."""
    if flag == "written_opinion":
        return FeedbackCase.duty_day_id.is_not(None)
    if flag == "passed_on":
        return FeedbackCase.referred_on.is_not(None)
    if flag == "replied_on_time":
        return FeedbackCase.replied_on <= FeedbackCase.deadline
    if flag == "satisfied_first":
        answered = select(CaseEvent.case_id).where(CaseEvent.kind == CaseAction.ANSWER_BACK.value)
        unhappy = answered.where(CaseEvent.payload.like(f'%"{Satisfaction.UNSATISFIED.value}"%'))
        return and_(FeedbackCase.id.in_(answered), FeedbackCase.id.not_in(unhappy))
    raise ValueError(flag)


def base_conditions(
    flt: ListFilter, clock: Clock, *, with_state: bool = True, seek: bool = True
) -> list[Any]:
    found: list[Any] = [~FeedbackCase.deleted]
    if flt.date_from:
        found.append(FeedbackCase.received_date >= flt.date_from)
    if flt.date_to:
        found.append(FeedbackCase.received_date <= flt.date_to)
    found.extend(station_conditions(FeedbackCase.station_id, flt, seek=seek))
    if flt.kind and with_state:
        found.append(FeedbackCase.state == flt.kind)
    flag = flag_condition(flt.flag, clock)
    if flag is not None:
        found.append(flag)
    if flt.category_id:
        found.append(FeedbackCase.category_id == flt.category_id)
    if flt.category_none:
        found.append(FeedbackCase.category_id.is_(None))
    if flt.outcome:
        found.append(FeedbackCase.outcome == flt.outcome)
    if flt.main_only:
        found.append(FeedbackCase.merged_into_id.is_(None))
    return found


def _deputy_cases(text: str) -> Any:
    """Cases taken by a deputy whose name or pinyin matches (deputies are public officials)."""
    deputies = select(Deputy.id).where(
        or_(
            search.like_ci(Deputy.name, like_pattern(text)),
            search.like_ci(Deputy.name_keys, like_pattern(text.lower())),
        )
    )
    return select(CaseDeputy.case_id).where(CaseDeputy.deputy_id.in_(deputies), ~CaseDeputy.deleted)


def _person_keys(session: Session, text: str, floor: int, below: int) -> list[int]:
    """Search keys of the cases a name points at: the person by exact name or initials, or
    the deputy who took them (deputies are public officials; a fragment of their name will do).
    """
    # One set of ids, not an OR: PostgreSQL cannot combine an IN (subquery) with the two
    # index lookups and read the whole table (SQLite's plan is the same either way).
    person = FeedbackCase.id.in_(
        union(
            select(FeedbackCase.id).where(FeedbackCase.person_name == text),
            select(FeedbackCase.id).where(FeedbackCase.person_initials == text.lower()),
            _deputy_cases(text),
        )
    )
    local = search.local_id(session)
    found = session.execute(
        select(FeedbackCase.received_date, local).where(~FeedbackCase.deleted, person)
    )
    keys = (search.search_key(day, rowid) for day, rowid in found)
    return sorted((k for k in keys if floor <= k < below), reverse=True)


def _bounds(flt: ListFilter, after: int | None) -> tuple[int, int]:
    floor = search.search_key(flt.date_from) if flt.date_from else 0
    below = search.search_key(flt.date_to + dt.timedelta(days=1)) if flt.date_to else 2**62
    return floor, min(below, after) if after is not None else below


def text_page(
    session: Session, flt: ListFilter, clock: Clock, after: int | None, limit: int
) -> tuple[list[int], int | None]:
    """Rowids of one page of a text search, newest first, and the key for the next page.

    The full-text index hands out matches newest first in batches; the other filters are
    applied to each batch, so a common word fills its page after a few hundred rows and a
    rare one ends when the index has nothing more.
    """
    text = flt.text.strip()
    expression = match_expression(text)
    floor, below = _bounds(flt, after)
    extra = _person_keys(session, text, floor, below)
    others = replace(flt, text="", date_from=None, date_to=None)
    batch = max(2 * limit, 200)
    page: list[int] = []
    while len(page) < limit:
        keys = search.fts_keys(session, expression, below, floor, batch) if expression else []
        done = len(keys) < batch
        lowest = floor if done else keys[-1]
        candidates = sorted({*keys, *(k for k in extra if lowest <= k < below)}, reverse=True)
        rowids = [k % search.KEY_SPAN for k in candidates]
        kept = (
            set(
                session.scalars(
                    select(search.local_id(session))
                    .select_from(FeedbackCase)
                    .where(search.local_id_in(session, rowids), *base_conditions(others, clock))
                )
            )
            if rowids
            else set()
        )
        for key in candidates:
            if key % search.KEY_SPAN in kept:
                page.append(key)
                if len(page) == limit:
                    break
        if done:
            break
        below = lowest
    next_key = page[-1] if len(page) == limit else None
    return [k % search.KEY_SPAN for k in page], next_key


def text_count(session: Session, flt: ListFilter, clock: Clock) -> int:
    """How many cases a text search finds (for the status bar, after the rows are shown)."""
    text = flt.text.strip()
    expression = match_expression(text)
    floor, below = _bounds(flt, None)
    others = replace(flt, text="", date_from=None, date_to=None)
    plain = others == ListFilter()
    if plain and expression:
        extra = set(_person_keys(session, text, floor, below))
        matched = search.fts_count(session, expression, below, floor)
        # The people's cases that the words also find are counted once.
        overlap = len(search.fts_matching(session, expression, extra)) if extra else 0
        return matched + len(extra) - overlap
    keys = set(_person_keys(session, text, floor, below))
    if expression:
        keys.update(search.fts_keys(session, expression, below, floor, 10**9))
    rowids = [k % search.KEY_SPAN for k in keys]
    total = 0
    for start in range(0, len(rowids), 30_000):  # stay under SQLite's parameter limit
        chunk = rowids[start : start + 30_000]
        total += session.scalar(
            select(func.count())
            .select_from(FeedbackCase)
            .where(search.local_id_in(session, chunk), *base_conditions(others, clock))
        )
    return total


def filtered(
    session: Session,
    query: Select,
    flt: ListFilter,
    clock: Clock,
    *,
    with_state: bool = True,
    seek: bool = True,
) -> Select:
    """Every filter but the text (which pages through text_page); ``seek`` as in
    origins.station_conditions."""
    return query.where(*base_conditions(flt, clock, with_state=with_state, seek=seek))
