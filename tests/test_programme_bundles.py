"""The programmes travel: the county's projects, fund projects and drafts reach the stations;
a station's supervision visits, comments, training and legal events reach the county; the chain
from a person's words to a funded project survives the round trip; a station cannot send what
only the county keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.programmes import LivelihoodProject
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft
from desktop.services import bundle_scope
from tests.bundle_fixtures import PEOPLE, TODAY, Network, answer_back, reply

pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL (conftest)


@pytest.fixture
def net(tmp_path: Path, new_db) -> Iterator[Network]:
    network = Network(tmp_path, ("WJ-03",), new_db("county"))
    network.roster("WJ-03")
    yield network
    network.close()


def sync(net: Network, code: str = "WJ-03") -> None:
    for path in net.to_county(code).files:
        net.county.bundles.apply(path)
    for path in net.to_station(code).files:
        net.stations[code].bundles.apply(path)


def test_the_chain_from_a_persons_words_to_a_funded_project_survives_the_round_trip(
    net: Network,
) -> None:
    station, county = net.stations["WJ-03"], net.county
    deputy = net.deputies["WJ-03"]
    case = station.feedback.register(
        CaseDraft(net.station_id("WJ-03"), TODAY, person_name=PEOPLE["WJ-03"][0],
                  phone=PEOPLE["WJ-03"][1], content="村口到学校的路没有路灯，孩子晚上不安全",
                  deputy_ids=(deputy,))
    )  # fmt: skip
    sync(net)
    county.casework.refer(case.id, net.department, referred_on=TODAY)
    reply(county, case.id, TODAY)
    sync(net)
    answer_back(station, case.id, TODAY)
    sync(net)

    # The county funds a project from the deputy's case, and votes on a livelihood project.
    fund = county.programmes.save(
        "fund-projects",
        {"year": 2026, "title": "学校路段路灯安装", "station_id": net.station_id("WJ-03"),
         "case_id": case.id, "stage": "accepted", "requested_fen": 8_000_000,
         "approved_fen": 7_500_000, "spent_fen": 7_480_000, "applied_on": dt.date(2026, 3, 2),
         "verified_on": dt.date(2026, 3, 20), "accepted_on": dt.date(2026, 6, 1),
         "satisfaction": "satisfied"},
    )  # fmt: skip
    project = county.programmes.save(
        "projects", {"year": 2026, "title": "城乡供水一体化", "budget_fen": 3_600_000_000,
                     "supervisor_ids": (deputy,)}
    )  # fmt: skip
    county.programmes.save(
        "project-votes",
        {"project_id": project.id, "kind": "selection", "year": 2026, "day": dt.date(2026, 1, 8),
         "present": 180, "issued": 178, "valid": 177, "invalid": 1, "first": 170, "second": 4,
         "abstain": 3},
    )  # fmt: skip
    draft = county.programmes.save(
        "drafts", {"title": "某省乡村振兴促进条例（草案）", "received_on": dt.date(2026, 5, 1)}
    )
    sync(net)

    # At the station: the project, its vote and its supervising deputy, and the funded project
    # pointing back to the station's own case.
    at_station = station.programmes.get("fund-projects", fund.id)
    assert at_station["case_id"] == case.id
    assert at_station.names["case_id"] == station.feedback.get(case.id).case_number
    assert (at_station["stage"], at_station["satisfaction"]) == ("accepted", "satisfied")
    voted = station.programmes.get("projects", project.id)
    assert (voted["stage"], voted["out_selection"]) == ("chosen", "170/4/3")
    assert voted["supervisor_ids"] == (deputy,)
    assert not voted.mine and not station.programmes.may_create("projects")

    # The station's own records on them go up.
    visit = station.programmes.save(
        "supervisions", {"day": TODAY, "fund_project_id": fund.id, "deputy_ids": (deputy,),
                         "summary": "路灯已亮，群众满意"}
    )  # fmt: skip
    comment = station.programmes.save(
        "draft-comments", {"draft_id": draft.id, "received_on": TODAY, "article": "第十二条",
                           "content": "建议明确村级道路养护经费来源", "reported": True}
    )  # fmt: skip
    event = station.programmes.save(
        "legal-events", {"day": TODAY, "kind": "mediation", "topic": "宅基地纠纷", "people": 6,
                         "outcome": "settled"}
    )  # fmt: skip
    batch = station.programmes.save(
        "training", {"day": TODAY, "level": "township", "topic": "代表履职培训", "hours": 4,
                     "attendee_ids": (deputy,)}
    )  # fmt: skip
    sync(net)

    assert county.programmes.get("supervisions", visit.id)["deputy_ids"] == (deputy,)
    assert county.programmes.get("fund-projects", fund.id)["out_supervisions"] == 1
    got = county.programmes.get("draft-comments", comment.id)
    assert (got["article"], got["reported"], got["station_id"]) == (
        "第十二条", True, net.station_id("WJ-03"))  # fmt: skip
    assert county.programmes.get("drafts", draft.id)["out_reported"] == 1
    assert county.programmes.get("legal-events", event.id)["outcome"] == "settled"
    assert county.programmes.get("training", batch.id)["out_attendance"] == 1
    # The county sees the case behind its project, and the station's answer back.
    case_at_county = county.feedback.get(case.id)
    assert case_at_county.satisfaction == "satisfied"
    assert county.programmes.get("fund-projects", fund.id).names["case_id"] == (
        case_at_county.case_number
    )


def test_a_station_cannot_make_or_send_what_only_the_county_keeps(
    net: Network, tmp_path: Path
) -> None:
    station = net.stations["WJ-03"]
    with pytest.raises(ServiceError):
        station.programmes.save("projects", {"year": 2026, "title": "自设项目"})
    # A station's bundle that carries a project of its own making is refused row by row.
    with station.db.write() as s:
        s.add(LivelihoodProject(year=2026, title="自设项目", stage="chosen", first_year=2026))
    (path,) = net.to_county("WJ-03").files
    plan = net.county.bundles.apply(path)
    assert [(r.table, r.reason) for r in plan.merge.rejected] == [
        ("livelihood_projects", bundle_scope.COUNTY_ONLY)
    ]
    with net.county.db.read() as s:
        assert s.scalars(select(LivelihoodProject.title)).all() == []
