"""The points register from the records a station keeps: no fact typed twice, every point traced."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain.enums import Attendance
from desktop.domain.errors import ServiceError
from desktop.domain.points import DisputeKind, Scope, example_rule_set
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    VisitDraft,
)

pytestmark = pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)

D = Decimal


@pytest.fixture
def world(services, today):
    station = services.site.current().station_id
    zhang = services.deputies.create(DeputyDraft("张晓明", station_ids=(station,)))
    wang = services.deputies.create(DeputyDraft("王芳", station_ids=(station,)))
    kinds = {k.code: k.id for k in services.reference.activity_kinds()}
    for i in range(12):  # 12 duty days: 24 points, capped at 20
        services.duty_days.create(
            DutyDayDraft(station, dt.date(2026, 1 + i % 5, 3 + i), deputy_ids=(zhang.id, wang.id))
        )
    services.visits.create(
        VisitDraft(
            station, dt.date(2026, 2, 1), visitor_ids=(zhang.id,), visited_deputy_ids=(wang.id,)
        )
    )
    services.feedback.register(
        CaseDraft(
            station, dt.date(2026, 3, 1), person_name="甲", content="路灯", deputy_ids=(zhang.id,)
        )
    )
    services.activities.create(
        ActivityDraft(
            kinds["inspection"],
            dt.date(2026, 4, 2),
            station,
            title="视察",
            participants=(
                ParticipantDraft(zhang.id),
                ParticipantDraft(wang.id, Attendance.EXCUSED),
            ),
        )
    )
    services.points.add_session(
        "第十八届人大第五次会议", dt.date(2026, 1, 10), dt.date(2026, 1, 12)
    )
    services.activities.create(
        ActivityDraft(
            kinds["congress_session"],
            dt.date(2026, 1, 11),
            None,
            title="大会",
            participants=(
                ParticipantDraft(zhang.id, Attendance.UNEXCUSED, 2),
                ParticipantDraft(wang.id),
            ),
        )
    )
    return services, zhang, wang


def test_the_register_matches_the_hand_count(world) -> None:
    services, zhang, _ = world
    register = services.points.register(zhang.id, 2026)
    # duty days 12 x 2 = 24, capped at 20; one visit 1; one case taken 1; one inspection 3;
    # two half days of unexcused absence during the session -2:  20 + 1 + 1 + 3 - 2 = 23
    assert register.line("duty_day").points == D(20) and register.line("duty_day").capped
    assert register.line("visit").points == D(1)
    assert register.line("case_taken").points == D(1)
    assert register.line("inspection").points == D(3)
    assert register.line("session_absence").points == D(-2)
    assert register.total == D(23) and sum(register.quarters) == D(23)
    assert len(register.line("duty_day").credits) == 12  # every point drills down


def test_excused_and_visited_earn_nothing(world) -> None:
    services, _, wang = world
    register = services.points.register(wang.id, 2026)
    assert register.line("visit").points == 0 and register.line("inspection").points == 0
    assert register.total == D(20)


def test_ranking_and_exemplary(world) -> None:
    services, _, _ = world
    ranked = services.points.registers(2026)
    assert [(r.name, r.rank) for r in ranked] == [("张晓明", 1), ("王芳", 2)]
    stars = services.points.exemplary(2026, top_n=1, min_kinds=3)
    assert [s.name for s in stars] == ["张晓明"]


def test_only_the_county_sets_rules_or_confirms_a_year(world) -> None:
    services, _, _ = world
    with pytest.raises(ServiceError):
        services.points.lock(2026)
    with pytest.raises(ServiceError):
        services.points.save_rule_set(example_rule_set(2027, Scope.TOWNSHIP))


def test_disputes_adjust_with_reason_and_a_confirmed_year_is_locked(world, monkeypatch) -> None:
    services, zhang, _ = world
    monkeypatch.setattr(services.points, "_county_only", lambda: None)  # as the county would
    dispute = services.points.dispute(
        zhang.id, 2026, "visit", DisputeKind.MISSING, "1月走访大田村未登记"
    )
    assert services.points.register(zhang.id, 2026).total == D(23)  # open: nothing yet
    services.points.settle(dispute, accept=True, delta=D(1), resolution="核实后补记1分")
    line = services.points.register(zhang.id, 2026).line("visit")
    assert line.adjustment == D(1) and line.adjustments[0].reason == "核实后补记1分"
    services.points.lock(2026, "年度确认")
    assert services.points.is_locked(2026)
    with pytest.raises(ServiceError):
        services.points.dispute(zhang.id, 2026, "visit", DisputeKind.WRONG, "重复")
    services.points.reopen(2026, "代表提出异议，重新核对")
    assert not services.points.is_locked(2026)


def test_next_years_rules_leave_this_year_alone(world, monkeypatch) -> None:
    from dataclasses import replace

    services, zhang, _ = world
    monkeypatch.setattr(services.points, "_county_only", lambda: None)
    before = services.points.register(zhang.id, 2026).total
    rules = example_rule_set(2027, Scope.TOWNSHIP)
    doubled = tuple(replace(i, points=i.points * 2) for i in rules.items)
    services.points.save_rule_set(replace(rules, items=doubled, name="2027年办法", example=False))
    assert services.points.register(zhang.id, 2026).total == before
    assert services.points.rule_set(2027, Scope.TOWNSHIP).name == "2027年办法"


def test_the_ranking_added_up_in_sql_equals_the_record_level_registers(new_db) -> None:
    from desktop.services import open_services
    from desktop.services.demo import fill_demo

    as_of = dt.date(2026, 6, 30)
    services = open_services(new_db("demo"), today=lambda: as_of)
    fill_demo(services, scale="station", as_of=as_of)
    services.points.add_session("大会", dt.date(2026, 1, 5), dt.date(2026, 3, 20))
    ranked = services.points.registers(2026)
    assert len(ranked) > 10
    for entry in ranked:
        detail = services.points.register(uuid_of(entry), 2026)
        summary = entry.register
        assert (summary.total, summary.quarters) == (detail.total, detail.quarters)
        assert [(a.points, a.count, a.units, a.capped) for a in summary.lines] == [
            (b.points, b.count, b.units, b.capped) for b in detail.lines
        ]
    services.close()


def uuid_of(entry):
    import uuid

    return uuid.UUID(entry.register.deputy_id)
