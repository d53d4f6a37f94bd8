"""The chain "a person's words -> a deputy's suggestion -> a funded project -> done ->
satisfaction", read from the case's end and from the fund project's end."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from desktop.db.models import Department
from desktop.domain.enums import CaseState, DepartmentLevel, SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.programmes import FundStage
from desktop.domain.programmes import Satisfaction as ProjectSatisfaction
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    ParticipantDraft,
    SiteDraft,
)
from desktop.domain.workflow import CaseAction
from desktop.domain.workflow import Satisfaction as CaseSatisfaction

pytestmark = pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)
TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def county(new_db):
    from desktop.services import open_services

    svc = open_services(new_db("county"), today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    yield svc
    svc.close()


@pytest.fixture
def world(county):
    """A station, two deputies, a case they took up that was answered back, a suggestion."""
    station = county.reference.add_station("S01", "黄姚镇大田村代表联络站", "黄姚镇").id
    zhang = county.deputies.create(DeputyDraft("张晓明", station_ids=(station,))).id
    li = county.deputies.create(DeputyDraft("李秀兰", station_ids=(station,))).id
    with county.db.write() as s:
        department = Department(
            id=uuid.uuid4(), code="ZJJ", name="镇建设办", level=DepartmentLevel.TOWNSHIP.value
        )
        s.add(department)
    case = county.feedback.register(
        CaseDraft(
            station,
            dt.date(2026, 2, 3),
            person_name="赵大山",
            content="村口到小学的路灯坏了三年",
            deputy_ids=(zhang, li),
        )
    )
    county.casework.refer(case.id, department.id, referred_on=dt.date(2026, 2, 4))
    reply = {"text": "纳入专项资金项目", "replied_on": "2026-02-20", "outcome": "A"}
    county.casework.act(case.id, CaseAction.REPLY, reply)
    answer = {"answered_on": "2026-02-25", "method": "phone", "satisfaction": "satisfied"}
    county.casework.act(case.id, CaseAction.ANSWER_BACK, answer)
    kind = next(k.id for k in county.reference.activity_kinds() if k.code == "suggestion")
    suggestion = county.activities.create(
        ActivityDraft(
            kind,
            dt.date(2026, 2, 10),
            station,
            title="关于修复大田村路灯的建议",
            participants=(ParticipantDraft(zhang),),
        )
    )
    return {"station": station, "zhang": zhang, "li": li, "case": case,
            "suggestion": suggestion}  # fmt: skip


def _fund_project(county, world, **values):
    base = {
        "year": 2026,
        "title": "大田村路灯修复",
        "station_id": world["station"],
        "case_id": world["case"].id,
        "suggestion_id": world["suggestion"].id,
        "stage": "accepted",
        "requested_fen": 8_000_000,
        "approved_fen": 7_500_000,
        "spent_fen": 7_312_050,
        "applied_on": dt.date(2026, 3, 1),
        "verified_on": dt.date(2026, 3, 15),
        "accepted_on": dt.date(2026, 5, 30),
        "satisfaction": "satisfied",
    }
    return county.programmes.save("fund-projects", base | values)


def test_from_the_case_end(county, world) -> None:
    project = _fund_project(county, world)
    county.programmes.save(
        "supervisions",
        {"day": dt.date(2026, 4, 20), "fund_project_id": project.id,
         "deputy_ids": (world["zhang"],), "summary": "灯杆已立"},
    )  # fmt: skip
    other = _fund_project(county, world, title="大田村路灯二期", stage="applied",
                          approved_fen=0, spent_fen=0, verified_on=None, accepted_on=None,
                          satisfaction="")  # fmt: skip
    chain = county.programme_chain.for_case(world["case"].id)
    case = chain.case
    assert case is not None and case.case_number == world["case"].case_number
    assert case.received_date == dt.date(2026, 2, 3) and case.content == "村口到小学的路灯坏了三年"
    assert set(case.deputy_names) == {"张晓明", "李秀兰"}
    assert case.station_name == "黄姚镇大田村代表联络站"
    assert case.state is CaseState.ANSWERED_BACK
    assert case.satisfaction is CaseSatisfaction.SATISFIED
    assert [p.id for p in chain.projects] == [other.id, project.id]  # by year, then title
    done = chain.projects[1]
    assert done.stage is FundStage.ACCEPTED and done.done
    assert (done.requested_fen, done.approved_fen, done.spent_fen) == (8_000_000, 7_500_000,
                                                                      7_312_050)  # fmt: skip
    assert done.accepted_on == dt.date(2026, 5, 30)
    assert done.satisfaction is ProjectSatisfaction.SATISFIED
    assert done.suggestion is not None and done.suggestion.title == "关于修复大田村路灯的建议"
    assert done.suggestion.day == dt.date(2026, 2, 10)
    assert [(v.day, v.deputy_names) for v in done.supervisions] == [
        (dt.date(2026, 4, 20), ("张晓明",))
    ]
    waiting = chain.projects[0]
    assert not waiting.done and waiting.satisfaction is None and waiting.supervisions == ()
    assert county.programme_chain.has_projects(world["case"].id)


def test_from_the_fund_project_end(county, world) -> None:
    project = _fund_project(county, world)
    _fund_project(county, world, title="另一个项目")  # the same case: not this project's chain
    chain = county.programme_chain.for_fund_project(project.id)
    assert chain.case is not None and chain.case.id == world["case"].id
    assert [p.title for p in chain.projects] == ["大田村路灯修复"]
    # A project from a suggestion alone has no case; a deleted one has no chain.
    alone = _fund_project(county, world, title="小学门口减速带", case_id=None)
    assert county.programme_chain.for_fund_project(alone.id).case is None
    county.programmes.delete("fund-projects", alone.id, alone.version)
    with pytest.raises(ServiceError):
        county.programme_chain.for_fund_project(alone.id)


def test_a_case_without_projects(county, world) -> None:
    chain = county.programme_chain.for_case(world["case"].id)
    assert chain.case is not None and chain.projects == ()
    assert not county.programme_chain.has_projects(world["case"].id)
    with pytest.raises(ServiceError):
        county.programme_chain.for_case(uuid.uuid4())
