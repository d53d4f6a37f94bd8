"""Which feedback cases a filter means: dates, station, state, flags, and Chinese text search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop.db import sqlite
from desktop.db.models import CaseDeputy, Deputy, FeedbackCase
from desktop.domain.enums import CaseState
from desktop.domain.records import ListFilter
from desktop.domain.textsearch import match_expression
from desktop.domain.workflow import WorkflowContext
from desktop.services.common import like_pattern
from desktop.services.origins import station_conditions

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


def _person_keys(session: Session, text: str, floor: int, below: int) -> list[int]:
    """Search keys of the cases a name points at: the person by exact name or initials, or
    the deputy who took them (deputies are public officials; a fragment of their name will do).
    """
    person = or_(
        FeedbackCase.person_name == text,
        FeedbackCase.person_initials == text.lower(),
        FeedbackCase.id.in_(_deputy_cases(text)),
    )
    found = session.execute(
        select(FeedbackCase.received_date, ROWID).where(~FeedbackCase.deleted, person)
    )
    keys = (sqlite.search_key(day, rowid) for day, rowid in found)
    return sorted((k for k in keys if floor <= k < below), reverse=True)


def _bounds(flt: ListFilter, after: int | None) -> tuple[int, int]:
    floor = sqlite.search_key(flt.date_from) if flt.date_from else 0
    below = sqlite.search_key(flt.date_to + dt.timedelta(days=1)) if flt.date_to else 2**62
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
        keys = sqlite.fts_keys(session, expression, below, floor, batch) if expression else []
        done = len(keys) < batch
        lowest = floor if done else keys[-1]
        candidates = sorted({*keys, *(k for k in extra if lowest <= k < below)}, reverse=True)
        rowids = [k % sqlite.KEY_SPAN for k in candidates]
        kept = (
            set(
                session.scalars(
                    select(ROWID)
                    .select_from(FeedbackCase)
                    .where(ROWID.in_(rowids), *base_conditions(others, clock))
                )
            )
            if rowids
            else set()
        )
        for key in candidates:
            if key % sqlite.KEY_SPAN in kept:
                page.append(key)
                if len(page) == limit:
                    break
        if done:
            break
        below = lowest
    next_key = page[-1] if len(page) == limit else None
    return [k % sqlite.KEY_SPAN for k in page], next_key


def text_count(session: Session, flt: ListFilter, clock: Clock) -> int:
    """How many cases a text search finds (for the status bar, after the rows are shown)."""
    text = flt.text.strip()
    expression = match_expression(text)
    floor, below = _bounds(flt, None)
    others = replace(flt, text="", date_from=None, date_to=None)
    plain = others == ListFilter()
    if plain and expression:
        extra = set(_person_keys(session, text, floor, below))
        matched = sqlite.fts_count(session, expression, below, floor)
        # The people's cases that the words also find are counted once.
        overlap = len(sqlite.fts_matching(session, expression, extra)) if extra else 0
        return matched + len(extra) - overlap
    keys = set(_person_keys(session, text, floor, below))
    if expression:
        keys.update(sqlite.fts_keys(session, expression, below, floor, 10**9))
    rowids = [k % sqlite.KEY_SPAN for k in keys]
    total = 0
    for start in range(0, len(rowids), 30_000):  # stay under SQLite's parameter limit
        chunk = rowids[start : start + 30_000]
        total += session.scalar(
            select(func.count())
            .select_from(FeedbackCase)
            .where(ROWID.in_(chunk), *base_conditions(others, clock))
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
