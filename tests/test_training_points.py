"""A training batch's attendance earns the rules' training item, exactly as an activity of kind
"training" with the deputy present does: in the per-deputy register (every credit traced to its
batch) and in the ranking (the SQL sums), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain.enums import Attendance
from desktop.domain.points import example_rule_set
from desktop.domain.records import ActivityDraft, DeputyDraft, ParticipantDraft

pytestmark = pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)

YEAR = 2026


def _training_points(scope_of_deputy) -> Decimal:
    item = next(i for i in example_rule_set(YEAR, scope_of_deputy).items if i.code == "training")
    return item.points


@pytest.fixture
def world(services):
    station = services.site.current().station_id
    zhang = services.deputies.create(DeputyDraft("张晓明", station_ids=(station,)))
    wang = services.deputies.create(DeputyDraft("王芳", station_ids=(station,)))
    li = services.deputies.create(DeputyDraft("李强", station_ids=(station,)))
    batches = (
        (dt.date(YEAR, 3, 2), (zhang.id, wang.id), (li.id,)),
        (dt.date(YEAR, 4, 9), (zhang.id,), (wang.id,)),
        (dt.date(YEAR, 5, 9), (li.id,), (zhang.id,)),  # zhang excused here
        (dt.date(YEAR - 1, 5, 9), (zhang.id,), ()),  # another year's
    )
    for day, present, excused in batches:
        services.programmes.save(
            "training",
            {"day": day, "level": "township", "topic": "代表履职培训", "hours": 3,
             "station_id": station, "attendee_ids": present, "excused_ids": excused},
        )  # fmt: skip
    gone = services.programmes.save(
        "training", {"day": dt.date(YEAR, 6, 1), "level": "county", "topic": "删除的",
                     "attendee_ids": (zhang.id, wang.id)},
    )  # fmt: skip
    services.programmes.delete("training", gone.id)
    return services, zhang, wang, li


def test_present_at_two_batches_and_excused_at_one_earns_two_items(world) -> None:
    from desktop.domain.points import Scope

    services, zhang, _, _ = world
    register = services.points.register(zhang.id, YEAR)
    line = register.line("training")
    assert line.count == 2
    assert line.points == 2 * _training_points(Scope.TOWNSHIP)
    assert len(line.credits) == 2  # each point traced to its batch
    assert {c.description for c in line.credits} == {"代表履职培训"}
    assert register.total == line.points


def test_the_ranking_adds_up_the_same_points_as_the_register(world) -> None:
    services, zhang, wang, li = world
    ranked = {r.register.deputy_id: r.register for r in services.points.registers(YEAR)}
    for deputy in (zhang, wang, li):
        detailed = services.points.register(deputy.id, YEAR)
        summed = ranked[deputy.id.hex]
        assert summed.total == detailed.total
        assert summed.line("training").points == detailed.line("training").points
        assert summed.quarters == detailed.quarters
    assert ranked[wang.id.hex].line("training").count == 1  # present once, excused once


def test_a_batch_earns_what_a_training_activity_earns(world) -> None:
    services, zhang, _, li = world
    kinds = {k.code: k.id for k in services.reference.activity_kinds()}
    station = services.site.current().station_id
    before = services.points.register(li.id, YEAR).line("training").points  # one batch
    services.activities.create(
        ActivityDraft(kinds["training"], dt.date(YEAR, 6, 3), station, title="培训活动",
                      participants=(ParticipantDraft(li.id), ParticipantDraft(
                          zhang.id, Attendance.EXCUSED)))
    )  # fmt: skip
    after = services.points.register(li.id, YEAR).line("training")
    assert before > 0 and after.points == 2 * before  # the activity: one batch's worth
    ranked = {r.register.deputy_id: r.register for r in services.points.registers(YEAR)}
    assert ranked[li.id.hex].line("training").points == after.points
