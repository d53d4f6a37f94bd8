"""Checking drafts before they are saved: every field's problem at once, keyed by field name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from desktop.domain.enums import SiteRole
from desktop.domain.errors import DraftInvalid
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import (
    InvalidValue,
    check_not_future,
    normalize_id_number,
    normalize_phone,
    require_text,
)

DraftT = TypeVar("DraftT")
REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
MAX_PEOPLE = 100_000
MAX_QUANTITY = 1000
MSG_NUMBER_RANGE = QT_TRANSLATE_NOOP("Validation", "Enter a number between 0 and {max}.")
MAX_PLAN_DAYS = 366
# Liaison stations date from the 2010s; a record dated before 2000 is a typing slip.
EARLIEST_RECORD = dt.date(2000, 1, 1)
MSG_DATE_TOO_OLD = QT_TRANSLATE_NOOP("Validation", "This date is before 2000: check the year.")
MSG_PLAN_TOO_FAR = QT_TRANSLATE_NOOP("Validation", "A duty day can be planned up to a year ahead.")
MSG_PLANNED_RECEIVED = QT_TRANSLATE_NOOP(
    "Validation", "This duty day is still to come: nobody can have been received yet."
)
MSG_QUANTITY_RANGE = QT_TRANSLATE_NOOP("Validation", "A quantity must be between 0 and {max}.")


class _Checker:
    """Collects per-field problems so a form can show all of them beside their fields."""

    def __init__(self) -> None:
        self.errors: dict[str, InvalidValue] = {}
        self.changes: dict[str, Any] = {}

    def field(self, name: str, fn: Callable[[], Any]) -> None:
        try:
            value = fn()
        except InvalidValue as exc:
            self.errors[name] = exc
        else:
            if value is not None:
                self.changes[name] = value

    def require(self, name: str, value: object) -> None:
        if value is None or value == () or value == "":
            self.errors[name] = InvalidValue(REQUIRED)

    def fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, InvalidValue(message))

    def done(self, draft: DraftT) -> DraftT:
        if self.errors:
            raise DraftInvalid(self.errors)
        return replace(draft, **self.changes)  # type: ignore[type-var]


def _past_date(c: _Checker, name: str, day: dt.date | None, today: dt.date) -> None:
    c.require(name, day)
    if day is not None and day < EARLIEST_RECORD:  # a mistyped year, not a real record
        c.fail(name, MSG_DATE_TOO_OLD)
    elif day is not None:
        c.field(name, lambda: check_not_future(day, today))


def _count(c: _Checker, name: str, value: int) -> None:
    if value < 0 or value > MAX_PEOPLE:
        c.errors.setdefault(name, InvalidValue(MSG_NUMBER_RANGE, {"max": str(MAX_PEOPLE)}))


def check_site(draft: SiteDraft) -> SiteDraft:
    """A site needs its name and code; a station or township centre also its township."""
    c = _Checker()
    c.field("name", lambda: require_text(draft.name, max_length=100))
    c.field("code", lambda: require_text(draft.code, max_length=32))
    if draft.role is not SiteRole.COUNTY:
        c.field("township_name", lambda: require_text(draft.township_name, max_length=100))
    return c.done(draft)


def check_deputy(draft: DeputyDraft, today: dt.date) -> DeputyDraft:
    c = _Checker()
    c.field("name", lambda: require_text(draft.name, max_length=50))
    c.field("phone", lambda: normalize_phone(draft.phone))
    c.field("workplace", lambda: draft.workplace.strip())
    if not (draft.is_county_level or draft.is_township_level):
        c.fail(
            "level",
            QT_TRANSLATE_NOOP("Validation", "Choose county deputy, township deputy or both."),
        )
    return c.done(draft)


def check_duty_day(draft: DutyDayDraft, today: dt.date) -> DutyDayDraft:
    c = _Checker()
    c.require("station_id", draft.station_id)
    # A duty day may be planned ahead (the rota, and the sign-in sheet printed for it), but
    # nobody can have been received on a day still to come.
    c.require("day", draft.day)
    if draft.day is not None and draft.day > today:
        if draft.day > today + dt.timedelta(days=MAX_PLAN_DAYS):
            c.fail("day", MSG_PLAN_TOO_FAR)
        elif draft.people_received:
            c.fail("people_received", MSG_PLANNED_RECEIVED)
    c.require("deputy_ids", draft.deputy_ids)
    _count(c, "people_received", draft.people_received)
    c.field("summary", lambda: draft.summary.strip())
    return c.done(draft)


def check_visit(draft: VisitDraft, today: dt.date) -> VisitDraft:
    c = _Checker()
    c.require("station_id", draft.station_id)
    _past_date(c, "day", draft.day, today)
    if not (draft.visitor_ids or draft.other_visitors.strip()):
        c.fail("visitor_ids", QT_TRANSLATE_NOOP("Validation", "Name who made the visit."))
    if not (draft.visited_deputy_ids or draft.visited_people.strip()):
        c.fail(
            "visited_people",
            QT_TRANSLATE_NOOP("Validation", "Name the deputies or the people who were visited."),
        )
    _count(c, "people_count", draft.people_count)
    return c.done(draft)


def check_case(draft: CaseDraft, today: dt.date) -> CaseDraft:
    c = _Checker()
    c.require("station_id", draft.station_id)
    _past_date(c, "received_date", draft.received_date, today)
    c.field("content", lambda: require_text(draft.content, max_length=5000))
    if draft.anonymous:
        # An anonymous person leaves nothing behind, even if the clerk had typed something.
        c.changes.update(person_name="", phone="", id_number="")
    else:
        c.field("person_name", lambda: require_text(draft.person_name, max_length=50))
        c.field("phone", lambda: normalize_phone(draft.phone))
        c.field("id_number", lambda: normalize_id_number(draft.id_number, today))
    c.field("village", lambda: draft.village.strip())
    return c.done(draft)


def check_activity(draft: ActivityDraft, today: dt.date) -> ActivityDraft:
    c = _Checker()
    c.require("kind_id", draft.kind_id)
    _past_date(c, "day", draft.day, today)
    c.field("title", lambda: require_text(draft.title, max_length=200))
    c.require("participants", draft.participants)
    if any(p.quantity < 0 or p.quantity > MAX_QUANTITY for p in draft.participants):
        c.errors.setdefault(
            "participants", InvalidValue(MSG_QUANTITY_RANGE, {"max": str(MAX_QUANTITY)})
        )
    ids = [p.deputy_id for p in draft.participants]
    if len(ids) != len(set(ids)):
        c.fail("participants", QT_TRANSLATE_NOOP("Validation", "A deputy is listed twice."))
    return c.done(draft)
