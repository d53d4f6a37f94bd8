"""Falsifying examples the bundle state machine (test_bundle_properties.py) once found, replayed
step by step, and what the product does in the situation each of them reached."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db.models import CaseEvent, DeputyStation, FeedbackCase
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft, DeputyDraft
from desktop.domain.workflow import CaseAction
from desktop.services import Services
from desktop.services.casework import NOT_MERGEABLE
from tests.bundle_fixtures import TODAY, Network
from tests.bundle_world import World, build_template
from tests.test_bundle_properties import BundleMachine

A = CaseAction


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, World]]:
    root = tmp_path_factory.mktemp("bundle-regressions")
    (root / "template").mkdir()
    build_template(root / "template")
    both = World(root / "chaos", root / "template"), World(root / "ref", root / "template")
    yield both
    for world in both:
        world.close()


# ``todays`` and ``years`` only set each site's "today" and how far its clock is off; the lines
# that named them were lost, and the example fails the same way whatever they are.
SKEWS = {
    "true clocks": ([dt.date(2036, 4, 2), *[dt.date(2019, 1, 1)] * 3], [0, 0, 0, 0]),
    "skewed clocks": (
        [dt.date(2036, 4, 2), dt.date(2025, 1, 10), dt.date(2044, 7, 13), dt.date(2021, 10, 30)],
        [-14, -23, 1, 18],
    ),
}


@pytest.mark.parametrize("skew", SKEWS.values(), ids=SKEWS.keys())
def test_the_county_merges_only_into_a_case_it_knows_all_of(
    worlds: tuple[World, World], skew: tuple[list[dt.date], list[int]]
) -> None:
    """Example A: station s1 deletes its first case and sends the deletion; the county, with the
    bundle still on its way, would merge another station's case into it. The county's database
    still shows the case, but the reference world's county (everything delivered first) refuses
    ("A case cannot be merged into itself or a deleted one"): the machine merges only into a
    case whose every station step the county holds, as it acts on no other case."""
    todays, years = skew
    state = BundleMachine()
    state.worlds = worlds
    state.start(stations=3, person="周王", todays=todays, years=years, seed=0,
                day=dt.date(2015, 1, 1))  # fmt: skip
    state.station_case_step(content="张黄", days=34, i=1, other=1067, satisfied=True, send=True,
                            step=A.DELETE, which=94)  # fmt: skip
    state.deliver(i=155, jitter=18536, n=2, plan_first=True)
    state.take_over(confirm=True, onto=153, send=True, which=270283)
    state.deliver(i=119662, jitter=85, n=2, plan_first=True)
    state.county_case_step(days=10, merge=True, newest=True, other=27574, outcome="C",
                           send=False, text="李刘", which=13822)  # fmt: skip
    state.teardown()


# --- the race itself, through the services ------------------------------------------------------


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path, ("WJ-03", "WJ-04"))
    for code in ("WJ-03", "WJ-04"):
        network.roster(code)
    yield network
    network.close()


def _register(net: Network, code: str, person: str) -> uuid.UUID:
    draft = CaseDraft(net.station_id(code), TODAY, person_name=person, content="村口路灯不亮")
    return net.stations[code].feedback.register(draft).id


def _case(services: Services, case_id: uuid.UUID) -> tuple[bool, uuid.UUID | None]:
    """Whether the case is deleted here, and the case it is merged into here."""
    with services.db.read() as s:
        case = s.get(FeedbackCase, case_id)
        return case.deleted, case.merged_into_id


def _steps(services: Services, case_id: uuid.UUID) -> set[uuid.UUID]:
    with services.db.read() as s:
        return set(s.scalars(select(CaseEvent.id).where(CaseEvent.case_id == case_id)))


def test_a_merge_into_a_case_deleted_on_the_way_settles_everywhere(
    net: Network, tmp_path: Path
) -> None:
    """What example A's county could really do: merge into a case its station deleted while
    the deletion was still on a stick. The merge is taken (the county could not know); the
    deletion is taken when it arrives; every bundle then imports cleanly and every site agrees:
    the duplicate stays merged into the deleted case (as after a station deletes a case it
    merged another into), and may still be acted on itself. From then on the county's own
    database refuses a merge into the deleted case."""
    gone, other, duplicate = (_register(net, "WJ-03", "赵大山"), _register(net, "WJ-03", "孙丽"),
                              _register(net, "WJ-04", "钱小红"))  # fmt: skip
    for code in ("WJ-03", "WJ-04"):
        for path in net.to_county(code).files:
            net.county.bundles.apply(path)
    net.stations["WJ-03"].feedback.delete(gone)
    (tmp_path / "stick").mkdir()
    (deletion,) = net.to_county("WJ-03", tmp_path / "stick").files  # still in a pocket

    net.county.casework.merge(duplicate, gone)
    plan = net.county.bundles.apply(deletion)
    assert not plan.merge.rejected and not plan.merge.total("conflicts")
    assert _case(net.county, gone) == (True, None)
    with pytest.raises(ServiceError, match=NOT_MERGEABLE):
        net.county.casework.merge(other, gone)

    for _ in range(2):  # both ways until nothing is left to send
        for code in ("WJ-03", "WJ-04"):
            done = [net.stations[code].bundles.apply(p) for p in net.to_station(code).files]
            done += [net.county.bundles.apply(p) for p in net.to_county(code).files]
            assert not any(d.merge.rejected or d.merge.total("conflicts") for d in done)
    for services in (net.county, *net.stations.values()):
        bundles = services.bundles
        assert not (bundles.conflicts() or bundles.gaps() or bundles.waiting())
    for code in ("WJ-03", "WJ-04"):
        assert all(b.acknowledged for b in net.stations[code].bundles.sent())
    assert len(_steps(net.county, duplicate)) == 2  # registered, merged
    assert _steps(net.county, duplicate) == _steps(net.stations["WJ-04"], duplicate)
    assert _steps(net.county, gone) == _steps(net.stations["WJ-03"], gone)
    assert _case(net.county, duplicate) == (False, gone)
    assert _case(net.stations["WJ-04"], duplicate) == (False, None)  # WJ-03's never comes
    assert (
        net.county.feedback.get(duplicate).state
        == net.stations["WJ-04"].feedback.get(duplicate).state
    )
    assert A.REFER in net.county.casework.status(duplicate)[1]


def test_a_late_link_of_a_deputy_the_county_took_over_is_the_countys(tmp_path: Path) -> None:
    """A station's provisional deputy, edited; its first bundle (with the deputy's station
    link) is late, so the county confirms the deputy before the link arrives. The link must
    still become the county's: else the county's later unlinking never reaches the station."""
    net = Network(tmp_path, ("WJ-03",))
    try:
        net.roster("WJ-03")
        station, station_id = net.stations["WJ-03"], net.station_id("WJ-03")
        deputy = station.deputies.create(DeputyDraft("钱小红", station_ids=(station_id,))).id
        (tmp_path / "late").mkdir()
        (first,) = net.to_county("WJ-03", tmp_path / "late").files
        station.deputies.update(deputy, DeputyDraft("钱晓红", station_ids=(station_id,)), None)
        for path in net.to_county("WJ-03").files:
            net.county.bundles.apply(path)
        net.county.deputies.confirm(deputy)
        net.county.bundles.apply(first)  # the link arrives after the take-over
        with net.county.db.read() as s:
            (link,) = s.scalars(select(DeputyStation).where(DeputyStation.deputy_id == deputy))
            assert link.owner_site_id == net.county_id
        here = net.county.deputies.get(deputy)
        net.county.deputies.update(deputy, DeputyDraft(here.name, station_ids=()), here.version)
        for _ in range(2):
            for path in net.to_station("WJ-03").files:
                station.bundles.apply(path)
            for path in net.to_county("WJ-03").files:
                net.county.bundles.apply(path)
        assert net.county.deputies.get(deputy).station_ids == ()
        assert station.deputies.get(deputy).station_ids == ()  # the station let it go too
    finally:
        net.close()
