"""Working-day arithmetic for deadlines: weekends, public holidays and swapped working days."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop.domain.enums import LabelledEnum, _labels
from desktop.domain.tr import QT_TRANSLATE_NOOP

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    """A computed due day; ``exact`` is False when a year it spans has no holidays entered."""

    day: dt.date
    exact: bool


class DeadlineState(LabelledEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    ON_TIME = "on_time"


_labels(
    DeadlineState,
    {
        "overdue": QT_TRANSLATE_NOOP("DeadlineState", "Overdue"),
        "due_soon": QT_TRANSLATE_NOOP("DeadlineState", "Due soon"),
        "on_time": QT_TRANSLATE_NOOP("DeadlineState", "On time"),
    },
)


@dataclass(frozen=True)
class WorkCalendar:
    """The county's calendar. A year missing from ``known_years`` counts weekends only, and
    every deadline that touches it says so (``Deadline.exact`` is False)."""

    holidays: frozenset[dt.date] = frozenset()
    swapped_workdays: frozenset[dt.date] = frozenset()  # weekend days worked (调休上班)
    known_years: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        both = self.holidays & self.swapped_workdays
        if both:
            raise ValueError(f"days both holiday and working day: {sorted(both)}")

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.swapped_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def _exact(self, first: dt.date, last: dt.date) -> bool:
        low, high = sorted((first.year, last.year))
        return all(y in self.known_years for y in range(low, high + 1))

    def add_working_days(self, start: dt.date, n: int) -> Deadline:
        """The n-th working day after ``start`` (``start`` itself for n = 0)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        while n:
            day += _DAY
            if self.is_working_day(day):
                n -= 1
        return Deadline(day, self._exact(start, day))

    def due_after_months(self, start: dt.date, months: int) -> Deadline:
        """The same day of the month ``months`` later (the month's last day if it is shorter),
        moved forward to the next working day."""
        if months < 0:
            raise ValueError("months must not be negative")
        index = start.year * 12 + start.month - 1 + months
        year, month = divmod(index, 12)
        month += 1
        day = dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
        while not self.is_working_day(day):
            day += _DAY
        return Deadline(day, self._exact(start, day))

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days after ``a`` up to and including ``b``; negative when ``b`` is earlier."""
        if b < a:
            return -self.working_days_between(b, a)
        # Whole weeks hold five weekdays; only the remainder is walked, then the calendar's
        # exceptions inside (a, b] correct the count.
        span = (b - a).days
        weeks, rest = divmod(span, 7)
        count = weeks * 5
        day = a + dt.timedelta(days=weeks * 7)
        for _ in range(rest):
            day += _DAY
            count += day.weekday() < 5
        count -= sum(1 for h in self.holidays if a < h <= b and h.weekday() < 5)
        count += sum(1 for s in self.swapped_workdays if a < s <= b and s.weekday() >= 5)
        return count


def deadline_state(
    deadline: dt.date, today: dt.date, cal: WorkCalendar, due_soon_days: int
) -> DeadlineState:
    """Overdue after the due day; due soon when it is at most ``due_soon_days`` working days
    away (the due day itself included)."""
    if today > deadline:
        return DeadlineState.OVERDUE
    if cal.working_days_between(today, deadline) <= due_soon_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TIME


def _days(*spans: tuple[str, str]) -> frozenset[dt.date]:
    out: set[dt.date] = set()
    for first, last in spans:
        day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        while day <= end:
            out.add(day)
            day += _DAY
    return frozenset(out)


def shipped_calendar() -> WorkCalendar:
    """EXAMPLE DATA, not the county's: the State Council's holiday notices for 2025 and 2026,
    shipped so that a fresh install computes sensible deadlines. The county office replaces it
    with its own calendar (carried to stations in bundles) and adds each year as it is
    published."""
    # 2025: 国务院办公厅关于2025年部分节假日安排的通知.
    # 2026: 国务院办公厅关于2026年部分节假日安排的通知 of 2025-11-04 (Xinhua), checked against
    # the published text: Spring Festival Feb 15-23, National Day Oct 1-7.
    holidays = _days(
        ("2025-01-01", "2025-01-01"),  # New Year
        ("2025-01-28", "2025-02-04"),  # Spring Festival
        ("2025-04-04", "2025-04-06"),  # Qingming
        ("2025-05-01", "2025-05-05"),  # Labour Day
        ("2025-05-31", "2025-06-02"),  # Dragon Boat
        ("2025-10-01", "2025-10-08"),  # National Day with Mid-Autumn
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),  # Mid-Autumn
        ("2026-10-01", "2026-10-07"),
    )
    swapped = frozenset(
        dt.date.fromisoformat(d)
        for d in (
            "2025-01-26",
            "2025-02-08",
            "2025-04-27",
            "2025-09-28",
            "2025-10-11",
            "2026-01-04",
            "2026-02-14",
            "2026-02-28",
            "2026-05-09",
            "2026-09-20",
            "2026-10-10",
        )
    )
    return WorkCalendar(holidays, swapped, frozenset({2025, 2026}))
