"""The county's figures (概览, the annual report): each figure equals the count of the records its
drill-down lists (a summed figure: the sum over them), scopes add up, and the completeness
matrix judges months as the docs say."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from desktop.db.bookkeeping import BundleReceived
from desktop.db.models import SiteEnrolment
from desktop.domain.enums import Attendance
from desktop.domain.figures import Drill, Figures, Scope
from desktop.domain.records import CaseDraft, DutyDayDraft
from desktop.services import Services, open_services
from desktop.services.county_completeness import bundle_month, due_date
from desktop.services.demo import fill_demo

TODAY = dt.date(2026, 6, 15)
YEAR = 2026
COUNTED = ("duty_batches", "visits", "opinions_collected", "written_opinions",
           "opinions_passed_on", "replied_on_time", "satisfied_first", "overdue",
           "activities")  # fmt: skip
# Figures that add something up over the records of a counted figure: that figure, and what
# each of its records adds.
SUMMED = {
    "duty_deputy_times": ("duty_batches", lambda row: len(row.deputy_ids)),
    "people_received": ("duty_batches", lambda row: row.people_received),
    "activity_person_times": (
        "activities",
        lambda row: sum(p.attendance is Attendance.PRESENT for p in row.participants),
    ),
}


pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL


@pytest.fixture
def county(new_db: Callable[..., Path | str]) -> Iterator[Services]:
    services = open_services(new_db("county"), today=lambda: TODAY)
    fill_demo(services, scale="county", years=1, as_of=TODAY)
    yield services
    services.close()


def _register(services: Services, drill: Drill) -> Any:
    return {
        "duty_days": services.duty_days,
        "visits": services.visits,
        "feedback": services.feedback,
        "activities": services.activities,
    }[drill.register]


def _listed(services: Services, figures: Figures, figure: str, key: str = "") -> int:
    drill = services.county.drill(figures.year, figures.scope, figure, key)
    return _register(services, drill).count(drill.filter)


def _every_row(services: Services, drill: Drill) -> list[Any]:
    """Every record the drill-down lists, page after page, as the register tab fetches them."""
    rows: list[Any] = []
    after = None
    while True:
        page = _register(services, drill).page(drill.filter, after)
        rows += page.rows
        if page.next_key is None:
            return rows
        after = page.next_key


def _value(figures: Figures, figure: str) -> int:
    value = getattr(figures, figure)
    return value.part if hasattr(value, "part") else value


@pytest.mark.parametrize("scope_kind", ["county", "township", "station"])
def test_every_figure_lists_exactly_its_records(county: Services, scope_kind: str) -> None:
    scope = next(s for s in county.county.scopes() if s.kind == scope_kind)
    figures = county.county.figures(YEAR, scope, as_of=TODAY, with_points=False)
    assert figures.opinions_collected > 0 and figures.duty_batches > 0
    for figure in COUNTED:
        assert _listed(county, figures, figure) == _value(figures, figure), figure
    for figure in ("cases_by_state", "cases_by_category", "cases_per_month", "outcomes"):
        for bar in getattr(figures, figure):
            assert _listed(county, figures, figure, bar.key) == bar.value, (figure, bar)
    assert sum(c.value for c in figures.cases_by_state) == figures.opinions_collected
    assert sum(c.value for c in figures.cases_per_month) == figures.opinions_collected


@pytest.mark.parametrize("scope_kind", ["county", "township", "station"])
def test_a_summed_figure_lists_the_records_it_adds_up(county: Services, scope_kind: str) -> None:
    """Person-times and people received are sums: their drill-down lists the records of their
    count (duty days, activities), every one once, and what those records add is the figure."""
    scope = next(s for s in county.county.scopes() if s.kind == scope_kind)
    figures = county.county.figures(YEAR, scope, as_of=TODAY, with_points=False)
    for figure, (counted, adds) in SUMMED.items():
        drill = county.county.drill(YEAR, scope, figure)
        assert drill == county.county.drill(YEAR, scope, counted), figure
        rows = _every_row(county, drill)
        assert len({row.id for row in rows}) == len(rows) == getattr(figures, counted), figure
        assert sum(adds(row) for row in rows) == getattr(figures, figure) > 0, figure


def test_the_county_is_the_sum_of_its_townships(county: Services) -> None:
    scopes = county.county.scopes()
    whole = county.county.figures(YEAR, scopes[0], as_of=TODAY)
    towns = [
        county.county.figures(YEAR, s, as_of=TODAY, with_points=False)
        for s in scopes
        if s.kind == "township"
    ]
    assert len(whole.townships) == len(towns) == 12
    for key in ("duty_batches", "people_received", "visits", "opinions_collected", "overdue"):
        assert getattr(whole, key) == sum(getattr(t, key) for t in towns), key
    lines = {line.id: line for line in whole.townships}
    for town in towns:
        assert lines[town.scope.id].cases == town.opinions_collected
        assert lines[town.scope.id].replied_on_time == town.replied_on_time
        assert sum(line.cases for line in town.townships) == town.opinions_collected
    # County-wide activities (no station) count for the county only.
    assert whole.activities >= sum(t.activities for t in towns)
    assert sum(c.value for c in whole.points_bands) == len(county.points.registers(YEAR))
    assert [d.rank for d in whole.top_deputies] == sorted(d.rank for d in whole.top_deputies)


def test_a_merged_duplicate_counts_once(county: Services) -> None:
    before = county.county.figures(YEAR, as_of=TODAY, with_points=False)
    station = county.reference.stations()[0]
    first, second = (
        county.feedback.register(CaseDraft(station.id, TODAY, person_name=name, content="路灯不亮"))
        for name in ("赵大山", "钱小红")
    )
    county.casework.merge(second.id, first.id)  # the same streetlight, told twice
    after = county.county.figures(YEAR, as_of=TODAY, with_points=False)
    assert after.opinions_collected == before.opinions_collected + 1
    assert after.cases_per_month[TODAY.month - 1].value == (
        before.cases_per_month[TODAY.month - 1].value + 1
    )
    drill = county.county.drill(YEAR, Scope(), "opinions_collected", as_of=TODAY)
    assert county.feedback.count(drill.filter) == after.opinions_collected  # nor listed twice
    every = county.feedback.count(Scope().list_filter(YEAR, TODAY))
    assert every == after.opinions_collected + _merged(county) and _merged(county) >= 1


def _merged(services: Services) -> int:
    """Duplicates merged into another case (the demo's and the test's)."""
    from sqlalchemy import func, select

    from desktop.db.models import FeedbackCase

    with services.db.read() as s:
        return s.scalar(
            select(func.count())
            .select_from(FeedbackCase)
            .where(FeedbackCase.merged_into_id.is_not(None), ~FeedbackCase.deleted)
            .where(FeedbackCase.received_date.between(dt.date(YEAR, 1, 1), TODAY))
        )


def test_the_kept_count_is_dropped_when_a_record_changes(county: Services) -> None:
    before = county.county.figures(YEAR, as_of=TODAY, with_points=False)
    station = county.reference.stations()[0]
    again = county.county.figures(YEAR, as_of=TODAY, with_points=False)
    assert again.duty_batches == before.duty_batches  # kept: the same count, summed again
    deputy = county.deputies.list()[0]
    county.duty_days.create(
        DutyDayDraft(station.id, TODAY, deputy_ids=(deputy.id,), people_received=7)
    )
    after = county.county.figures(YEAR, as_of=TODAY, with_points=False)
    assert after.duty_batches == before.duty_batches + 1
    assert after.people_received == before.people_received + 7


# --- completeness ---------------------------------------------------------------------------


def _enrol(services: Services, code: str, enrolled: dt.date) -> uuid.UUID:
    station = next(s for s in services.reference.stations() if s.code == code)
    site_id = uuid.uuid4()
    with services.db.write() as s:
        s.add(
            SiteEnrolment(
                site_id=site_id, role="station", code=code, name=code, township_name="",
                station_id=station.id, sign_public=b"k" * 32, box_public=b"k" * 32,
                enrolled_at=dt.datetime.combine(enrolled, dt.time(9), dt.UTC),
            )
        )  # fmt: skip
    return site_id


def _received(services: Services, sender: uuid.UUID, written: dt.date, imported: dt.date) -> None:
    with services.db.write() as s:
        s.add(
            BundleReceived(
                bundle_id=uuid.uuid4(), sender_id=sender, epoch=uuid.uuid4(), seq=1,
                previous="", file_sha256=uuid.uuid4().hex * 2, written_at=f"{written}T10:00:00",
                imported_at=dt.datetime.combine(imported, dt.time(10), dt.UTC),
            )
        )  # fmt: skip


def test_completeness_judges_each_month(new_db: Callable[..., Path | str]) -> None:
    services = open_services(new_db("county"), today=lambda: TODAY)
    try:
        fill_demo(services, scale="county", years=1, as_of=TODAY)
        demo = services.county_completeness.completeness(YEAR, as_of=TODAY)
        assert len(demo.stations) == 62 and demo.silent  # the demo's own reporting history
        assert sum(s.ledgers_printed for s in demo.stations) > 0
        with services.db.write() as s:  # from here on, two stations of the test's own
            s.execute(delete(BundleReceived))
            s.execute(delete(SiteEnrolment))
        codes = [s.code for s in services.reference.stations()][:2]
        early = _enrol(services, codes[0], dt.date(2026, 1, 20))
        _enrol(services, codes[1], dt.date(2026, 3, 2))  # never sends anything
        _received(services, early, dt.date(2026, 1, 31), dt.date(2026, 2, 3))  # on time
        _received(services, early, dt.date(2026, 2, 27), dt.date(2026, 3, 25))  # late
        _received(services, early, dt.date(2026, 4, 30), dt.date(2026, 5, 10))  # due day: on time
        report = services.county_completeness.completeness(YEAR, as_of=TODAY)
    finally:
        services.close()
    first, second = report.stations
    states = [c.state for c in first.months]
    assert states[:5] == ["on_time", "late", "missing", "on_time", "missing"]  # May: due 10 June
    assert states[5:] == ["not_due"] * 7
    assert (first.expected, first.received, first.on_time) == (5, 3, 2)
    assert first.last_bundle == dt.date(2026, 5, 10) and first.silent_days == 36
    assert [c.state for c in second.months][:3] == ["not_expected", "not_expected", "missing"]
    assert second.last_bundle is None and second.silent_days == (TODAY - dt.date(2026, 3, 2)).days
    assert [s.station_id for s in report.silent] == [second.station_id]  # 105 days > 45
    assert first.reporting_rate.text() == "60.0%"


def test_a_bundle_counts_for_the_month_its_station_wrote_it() -> None:
    assert bundle_month("2026-03-31T23:59:00+08:00", dt.date(2026, 4, 2)) == (2026, 3)
    assert bundle_month("not a date", dt.date(2026, 4, 2)) == (2026, 4)
    assert due_date(2026, 12, 10) == dt.date(2027, 1, 10)
