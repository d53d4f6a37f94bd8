"""Tests for desktop.domain.workcalendar: working days, deadlines and the shipped calendar."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.workcalendar import (
    Deadline,
    DeadlineState,
    WorkCalendar,
    deadline_state,
    shipped_calendar,
)

D = dt.date.fromisoformat
CAL = shipped_calendar()
WEEKENDS_ONLY = WorkCalendar(known_years=frozenset({2025, 2026}))
days_2024_2027 = st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2025-01-01", False),  # New Year
        ("2025-01-26", True),  # Sunday worked before the Spring Festival
        ("2025-01-28", False),
        ("2025-02-04", False),
        ("2025-02-05", True),
        ("2025-02-08", True),  # Saturday worked after it
        ("2025-04-27", True),  # Sunday worked before Labour Day
        ("2025-05-05", False),
        ("2025-09-28", True),  # Sunday worked before National Day
        ("2025-10-08", False),
        ("2025-10-11", True),  # Saturday worked after it
        ("2025-10-12", False),  # an ordinary Sunday
        ("2026-01-04", True),
        ("2026-02-23", False),
        ("2026-02-28", True),
        ("2026-10-10", True),
    ],
)
def test_shipped_calendar_days(day: str, working: bool) -> None:
    assert CAL.is_working_day(D(day)) is working


def test_seven_working_days_across_national_day_2025() -> None:
    # Fri 26 Sep: Sun 28 (1), Mon 29 (2), Tue 30 (3), 1-8 Oct off, Thu 9 (4), Fri 10 (5),
    # Sat 11 worked (6), Sun 12 off, Mon 13 (7).
    assert CAL.add_working_days(D("2025-09-26"), 7) == Deadline(D("2025-10-13"), True)
    assert CAL.working_days_between(D("2025-09-26"), D("2025-10-13")) == 7
    assert CAL.working_days_between(D("2025-10-13"), D("2025-09-26")) == -7


def test_working_days_across_spring_festival_2025() -> None:
    # Fri 24 Jan: Sun 26 worked (1), Mon 27 (2), 28 Jan - 4 Feb off, Wed 5 Feb (3).
    assert CAL.add_working_days(D("2025-01-24"), 1).day == D("2025-01-26")
    assert CAL.add_working_days(D("2025-01-24"), 3).day == D("2025-02-05")
    # Without the calendar the same count ends on an ordinary Wednesday.
    assert WEEKENDS_ONLY.add_working_days(D("2025-01-24"), 3).day == D("2025-01-29")


def test_zero_working_days_is_the_start_itself() -> None:
    assert CAL.add_working_days(D("2025-10-04"), 0) == Deadline(D("2025-10-04"), True)
    with pytest.raises(ValueError):
        CAL.add_working_days(D("2025-10-04"), -1)


def test_year_end_into_a_known_year_is_exact() -> None:
    # Wed 31 Dec (1), 1-3 Jan off, Sun 4 Jan worked (2), Mon 5 Jan (3).
    assert CAL.add_working_days(D("2025-12-30"), 3) == Deadline(D("2026-01-05"), True)


def test_unknown_year_counts_weekends_only_and_says_so() -> None:
    # 2027's holidays are not entered: 1 Jan 2027 is a Friday and counts as a working day.
    result = CAL.add_working_days(D("2026-12-30"), 3)
    assert result == Deadline(D("2027-01-04"), False)
    assert CAL.add_working_days(D("2027-03-01"), 5).exact is False
    assert CAL.due_after_months(D("2026-11-15"), 3).exact is False
    assert CAL.due_after_months(D("2024-11-30"), 3) == Deadline(D("2025-02-28"), False)


def test_due_after_months_clamps_to_the_month_end() -> None:
    # 30 Nov + 3 months = 28 Feb 2026, a Saturday: worked in 2026 (swapped), so it stands;
    # on a weekends-only calendar it moves to Monday 2 March.
    assert CAL.due_after_months(D("2025-11-30"), 3) == Deadline(D("2026-02-28"), True)
    assert WEEKENDS_ONLY.due_after_months(D("2025-11-30"), 3).day == D("2026-03-02")
    assert CAL.due_after_months(D("2025-01-31"), 1).day == D("2025-02-28")
    assert WorkCalendar().due_after_months(D("2023-11-30"), 3).day == D("2024-02-29")


def test_due_after_months_moves_off_holidays() -> None:
    assert CAL.due_after_months(D("2025-07-01"), 3).day == D("2025-10-09")  # 1 Oct is off
    assert CAL.due_after_months(D("2025-10-31"), 1).day == D("2025-12-01")  # 30 Nov: Sunday
    assert CAL.due_after_months(D("2025-03-15"), 0).day == D("2025-03-17")


def test_working_days_in_the_shipped_years() -> None:
    # 261 weekdays each year; 2025: 18 holidays fall on weekdays, 5 weekend days worked;
    # 2026: 19 and 6. Both leave 248 working days.
    for year in (2025, 2026):
        last_of_previous = dt.date(year - 1, 12, 31)
        assert CAL.working_days_between(last_of_previous, dt.date(year, 12, 31)) == 248


def test_a_day_cannot_be_both_holiday_and_working_day() -> None:
    day = D("2025-10-11")
    with pytest.raises(ValueError):
        WorkCalendar(holidays=frozenset({day}), swapped_workdays=frozenset({day}))


@pytest.mark.parametrize(
    ("today", "state"),
    [
        ("2025-09-26", DeadlineState.ON_TIME),  # 7 working days left
        ("2025-09-28", DeadlineState.ON_TIME),  # 6: Sep 29, 30, Oct 9, 10, 11, 13
        ("2025-09-29", DeadlineState.DUE_SOON),  # 5
        ("2025-09-30", DeadlineState.DUE_SOON),  # 4
        ("2025-10-13", DeadlineState.DUE_SOON),  # the due day itself
        ("2025-10-14", DeadlineState.OVERDUE),
    ],
)
def test_deadline_state(today: str, state: DeadlineState) -> None:
    assert deadline_state(D("2025-10-13"), D(today), CAL, 5) is state


def test_deadline_states_have_labels() -> None:
    assert [s.label for s in DeadlineState] == ["Overdue", "Due soon", "On time"]


@given(days_2024_2027, st.integers(0, 400))
def test_add_working_days_lands_on_the_nth_working_day(start: dt.date, n: int) -> None:
    result = CAL.add_working_days(start, n)
    if n:
        assert result.day > start
        assert CAL.is_working_day(result.day)
    assert CAL.working_days_between(start, result.day) == n
    assert result.exact == all(y in (2025, 2026) for y in range(start.year, result.day.year + 1))


@given(days_2024_2027, st.integers(0, 24))
def test_due_after_months_is_the_next_working_day_from_the_target(
    start: dt.date, months: int
) -> None:
    result = CAL.due_after_months(start, months).day
    year, month0 = divmod(start.year * 12 + start.month - 1 + months, 12)
    target = dt.date(year, month0 + 1, min(start.day, calendar.monthrange(year, month0 + 1)[1]))
    assert CAL.is_working_day(result)
    assert target <= result <= target + dt.timedelta(days=10)  # the longest break is 9 days
    assert CAL.working_days_between(target - dt.timedelta(days=1), result) == 1


weekend_days = days_2024_2027.filter(lambda d: d.weekday() >= 5)


@given(
    st.frozensets(days_2024_2027, max_size=40),
    st.frozensets(weekend_days, max_size=10),
    days_2024_2027,
    days_2024_2027,
)
def test_working_days_between_matches_counting_day_by_day(
    holidays: frozenset[dt.date], swapped: frozenset[dt.date], a: dt.date, b: dt.date
) -> None:
    cal = WorkCalendar(holidays - swapped, swapped)
    low, high = sorted((a, b))
    naive = sum(
        cal.is_working_day(low + dt.timedelta(days=i)) for i in range(1, (high - low).days + 1)
    )
    assert cal.working_days_between(low, high) == naive
    assert cal.working_days_between(high, low) == -naive
