"""Tests for desktop.services.demo: plausible, consistent and reproducible demo databases."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest
from sqlalchemy import Date, DateTime, select
from sqlalchemy.orm import Session

from desktop.cli import main
from desktop.db.base import Base
from desktop.db.models import (
    ActivityParticipant,
    CalendarDay,
    CalendarYear,
    CaseEvent,
    Deputy,
    DeputyStation,
    FeedbackCase,
    Station,
    Township,
    VisitPerson,
)
from desktop.domain.enums import CaseState, SiteRole
from desktop.domain.records import CaseDraft, DeputyDraft, ListFilter
from desktop.domain.validation import normalize_id_number, normalize_phone
from desktop.domain.workflow import CaseAction, CaseStatus, apply, fold
from desktop.services import Services, open_services
from desktop.services.common import link_id
from desktop.services.demo import DemoSummary, fill_demo
from desktop.services.demo_names import PREFECTURE_COUNTIES, ZHAOPING_TOWNSHIPS
from tests.demo_dump import as_fact, chains, dump

AS_OF = dt.date(2025, 6, 30)
Filled = tuple[Services, DemoSummary]


def _fill(path: Path, scale: str, seed: int = 2021) -> Filled:
    services = open_services(path, today=lambda: AS_OF)  # deadlines are due relative to as_of
    return services, fill_demo(services, scale=scale, seed=seed, as_of=AS_OF)


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Filled]:
    services, summary = _fill(tmp_path_factory.mktemp("county") / "county.sqlite", "county")
    yield services, summary
    services.close()


def test_station_scale_is_one_station_with_its_own_records(tmp_path: Path) -> None:
    services, summary = _fill(tmp_path / "station.sqlite", "station")
    try:
        site = services.site.current()
        assert site is not None and site.role is SiteRole.STATION
        assert site.name == "黄姚镇代表联络站"
        assert (summary.townships, summary.stations) == (1, 1)
        assert 20 <= summary.deputies <= 30
        assert summary.deputy_stations == summary.deputies
        assert 18 <= summary.duty_days <= 30
        assert summary.duty_day_deputies >= 2 * summary.duty_days
        assert 5 <= summary.feedback_cases <= 40
        assert summary.case_events >= summary.feedback_cases
        assert summary.visits > 0 and summary.activities > 0
        with services.db.read() as s:
            assert set(s.scalars(select(Deputy.roster_status))) == {"provisional"}
            assert set(s.scalars(select(FeedbackCase.station_id))) == {site.station_id}
        with pytest.raises(ValueError):
            fill_demo(services, scale="station", as_of=AS_OF)
    finally:
        services.close()


def test_county_has_zhaopings_places_and_about_2000_deputies(county: Filled) -> None:
    services, summary = county
    site = services.site.current()
    assert site is not None and site.role is SiteRole.COUNTY and site.code == "ZP"
    assert site.name == "昭平县人大常委会代表工委"
    assert summary.townships == 12 and summary.stations == 62
    assert {t.name for t in services.reference.townships()} == {t[0] for t in ZHAOPING_TOWNSHIPS}
    assert [s.code for s in services.reference.stations()] == [f"S{i:02d}" for i in range(1, 63)]
    assert all(s.name.endswith("代表联络站") for s in services.reference.stations())
    depts = {d.name for d in services.reference.departments()}
    assert {"县住建局", "县交通运输局", "县水利局", "黄姚镇人民政府"} <= depts
    assert 1900 <= summary.deputies <= 2100
    with services.db.read() as s:
        deputies = list(s.scalars(select(Deputy)))
        linked = {d for (d,) in s.execute(select(DeputyStation.deputy_id))}
    assert linked == {d.id for d in deputies}
    assert 0.07 < sum(d.is_county_level for d in deputies) / len(deputies) < 0.13
    assert all(d.is_county_level or d.is_township_level for d in deputies)
    assert 150 <= sum(d.household_sign for d in deputies) <= 260
    assert {d.ethnicity for d in deputies} == {"汉族", "壮族", "瑶族"}
    assert {d.roster_status for d in deputies} == {"confirmed"}
    assert Counter(d.status for d in deputies).most_common(1)[0][0] == "serving"
    assert len({d.phone for d in deputies}) == len(deputies)
    assert all(normalize_phone(d.phone) == d.phone for d in deputies)
    assert all(1 < len(d.name) <= 3 for d in deputies)
    assert 1 <= sum(any(ord(c) > 0x9FFF for c in d.name) for d in deputies) <= 2


def _closed_share(cases: list[FeedbackCase]) -> float:
    return sum(c.state == "closed" for c in cases) / len(cases)


def test_county_cases_cover_every_state_and_some_are_overdue(county: Filled) -> None:
    services, summary = county
    assert 500 <= summary.feedback_cases <= 1500
    with services.db.read() as s:
        cases = list(s.scalars(select(FeedbackCase)))
    assert {c.state for c in cases} == {state.value for state in CaseState}
    old = AS_OF - dt.timedelta(days=92)
    assert sum(c.state == "referred" and c.received_date < old for c in cases) >= 5
    # Older cases are more likely closed than recent ones.
    recent = [c for c in cases if c.received_date > AS_OF - dt.timedelta(days=30)]
    older = [c for c in cases if c.received_date < old]
    assert _closed_share(older) > _closed_share(recent) + 0.3
    anonymous = [c for c in cases if c.anonymous]
    assert 0.08 < len(anonymous) / len(cases) < 0.22
    assert all(not (c.person_name or c.phone or c.id_number) for c in anonymous)
    named = [c for c in cases if not c.anonymous]
    assert all(c.person_name and c.person_keys for c in named)
    assert sum(bool(c.phone) for c in named) > 0.7 * len(named)
    ids = [c.id_number for c in named if c.id_number]
    assert ids and all(normalize_id_number(i, AS_OF) == i for i in ids)
    assert all(normalize_phone(c.phone) == c.phone for c in named)
    assert any(c.duty_day_id for c in cases if c.channel == "in_person")
    assert all(c.visit_id for c in cases if c.channel == "visit")


def test_every_case_has_one_consistent_event_chain(county: Filled) -> None:
    services, _ = county
    with services.db.read() as s:
        cases = {c.id: c for c in s.scalars(select(FeedbackCase))}
        events: dict[uuid.UUID, list[CaseEvent]] = {}
        for e in s.scalars(select(CaseEvent)):
            events.setdefault(e.case_id, []).append(e)
    assert set(events) == set(cases)
    for case_id, case in cases.items():
        by_previous = {e.previous_id: e for e in events[case_id]}
        assert len(by_previous) == len(events[case_id])  # no fork
        chain, event = [], by_previous.get(None)
        while event is not None:
            chain.append(event)
            event = by_previous.get(event.id)
        assert len(chain) == len(events[case_id])  # one chain, no strays
        assert chain[0].kind == "registered" and chain[0].at.date() == case.received_date
        assert chain[-1].id == case.last_event_id
        assert chain[-1].state_after == case.state
        assert all(a.at < b.at for a, b in itertools.pairwise(chain))
        assert case.version == len(chain)


def test_nothing_is_dated_after_as_of(county: Filled) -> None:
    services, _ = county
    # Timestamps are UTC; the end of as_of in Beijing is 16:00 UTC.
    end = dt.datetime.combine(AS_OF, dt.time(16))
    # Two kinds of date legitimately lie ahead: the shipped holiday calendar lists days of the
    # coming years (deadlines are counted over them), and a reply deadline falls up to three
    # months after its referral. Neither records something that happened.
    future = {CalendarDay.__table__, CalendarYear.__table__}
    with services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if table in future or column is FeedbackCase.__table__.c.deadline:
                    continue
                if isinstance(column.type, DateTime | Date):
                    latest = conn.execute(select(column).order_by(column.desc())).first()
                    if latest and latest[0] is not None:
                        value = latest[0]
                        if isinstance(value, dt.datetime):
                            assert value.replace(tzinfo=None) < end, column
                        else:
                            assert value <= AS_OF, column


# The columns CaseworkService._project keeps in step with a case's events.
PROJECTED = (
    "state", "last_event_id", "department_id", "co_department_ids", "referred_on", "deadline",
    "deadline_exact", "replied_on", "outcome", "reply_text", "answered_on", "satisfaction",
    "follow_up", "escalated", "merged_into_id", "conflict", "deleted",
)  # fmt: skip


def test_every_case_history_is_one_the_workflow_accepts(county: Filled) -> None:
    services, _ = county
    ctx = replace(services.calendar.context(), enforce_time_limits=False)
    kinds: Counter[str] = Counter()
    for chain in chains(services).values():
        facts = [as_fact(e) for e in chain]
        result = fold(facts, ctx)
        assert result.status is not None and result.applied == tuple(f.id for f in facts)
        assert not (result.conflict or result.rejected or result.waiting or result.discarded)
        status: CaseStatus | None = None
        for event, fact in zip(chain, facts, strict=True):
            status = apply(status, fact, ctx)  # raises if the step or its payload is refused
            assert event.state_after == status.state.value
            kinds[event.kind] += 1
            if fact.action is CaseAction.REFER:  # the deadline the program computes
                due = ctx.reply_deadline(dt.date.fromisoformat(fact.payload["referred_on"]))
                assert fact.payload["deadline"] == due.day.isoformat()
                assert fact.payload["deadline_exact"] is due.exact
        assert status == result.status
    # Returns, merges, edits, deletions and settled conflicts are left to people trying it out.
    left = {"returned", "merged", "edited", "deleted", "resolved"}
    assert set(kinds) == {a.value for a in CaseAction} - left
    assert kinds["follow_up_replied"] >= 5 and kinds["escalated"] >= 5


def test_projected_columns_are_what_refold_makes_of_the_events(county: Filled) -> None:
    services, _ = county
    # A session of its own, never committed: refold must find nothing to change.
    with Session(services.db.engine) as s, s.no_autoflush:
        s.info["site_id"] = services.db.local_site_id()
        cases = list(s.scalars(select(FeedbackCase)))
        stored = {c.id: {k: getattr(c, k) for k in PROJECTED} for c in cases}
        for case in cases:
            services.casework.refold(s, case.id)
            now = {k: getattr(case, k) for k in PROJECTED}
            assert {k: v for k, v in now.items() if v != stored[case.id][k]} == {}, case.id
        s.rollback()
    assert sum(bool(c["reply_text"]) for c in stored.values()) > 300
    assert sum(c["answered_on"] is not None for c in stored.values()) > 300
    # No holidays are shipped for 2024: deadlines counted over it say so.
    assert {c["deadline_exact"] for c in stored.values() if c["deadline"]} == {True, False}


def test_county_lists_overdue_due_soon_follow_up_and_escalated_cases(county: Filled) -> None:
    services, _ = county
    flags = services.feedback.flag_counts(ListFilter())  # the services' today is AS_OF
    assert flags["overdue"] >= 10 and flags["due_soon"] >= 1 and flags["conflict"] == 0
    assert flags["follow_up"] >= 20 and flags["escalated"] >= 5
    with services.db.read() as s:
        cases = list(s.scalars(select(FeedbackCase)))
        query = select(CaseEvent.case_id).where(CaseEvent.kind == "follow_up_replied")
        followed = set(s.scalars(query))
    # A B or C reply puts a case on the follow-up list; the later A or D report takes it off.
    assert all(c.follow_up == (c.outcome in ("B", "C")) for c in cases)
    off = [c for c in cases if c.id in followed]
    assert off and all(not c.follow_up and c.outcome in ("A", "D") for c in off)
    outcomes = Counter(c.outcome for c in cases if c.outcome)
    assert set(outcomes) == set("ABCD") and outcomes.most_common(1)[0][0] == "A"
    satisfaction = {"", "satisfied", "basically_satisfied", "unsatisfied"}
    assert {c.satisfaction for c in cases} == satisfaction
    assert not any(c.state == "closed" and c.satisfaction == "unsatisfied" for c in cases)


def test_case_numbers_and_initials_are_what_registering_gives(county: Filled) -> None:
    services, _ = county
    site = services.site.current()
    assert site is not None
    with services.db.read() as s:
        cases = sorted(s.scalars(select(FeedbackCase)), key=lambda c: (c.created_at, c.id))
    for year in {c.received_date.year for c in cases}:
        numbers = [c.case_number for c in cases if c.received_date.year == year]
        assert numbers == [f"{site.code}-{year}-{i:04d}" for i in range(1, len(numbers) + 1)]
    assert all(c.person_initials == c.person_keys.split(" ", 1)[0] for c in cases)
    assert all(re.fullmatch("[a-z]+", c.person_initials) for c in cases if not c.anonymous)


def test_links_use_the_ids_the_services_would_give(county: Filled) -> None:
    services, _ = county
    with services.db.read() as s:
        for link in s.scalars(select(DeputyStation).limit(200)):
            assert link.id == link_id(link.deputy_id, link.station_id)
        for v in s.scalars(select(VisitPerson).limit(200)):
            assert v.id == link_id(v.visit_id, v.deputy_id, v.role)
        participants = list(s.scalars(select(ActivityParticipant)))
    assert all(p.id == link_id(p.activity_id, p.deputy_id) for p in participants[:200])
    assert Counter(p.attendance for p in participants).most_common(1)[0][0] == "present"
    assert {p.attendance for p in participants} == {"present", "excused", "unexcused"}


def test_search_finds_street_light_cases(county: Filled) -> None:
    services, _ = county
    rows = services.feedback.page(ListFilter(text="路灯")).rows
    assert rows and all("路灯" in r.content for r in rows)


def test_foreign_keys_and_integrity_hold(county: Filled) -> None:
    services, _ = county
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_same_seed_gives_the_same_database(county: Filled, tmp_path: Path) -> None:
    again, _ = _fill(tmp_path / "again.sqlite", "county")
    other, _ = _fill(tmp_path / "other.sqlite", "county", seed=7)
    try:
        first = dump(county[0])
        assert dump(again) == first
        assert dump(other)["deputies"] != first["deputies"]
    finally:
        again.close()
        other.close()


def test_station_scale_is_reproducible_apart_from_initialise_ids(tmp_path: Path) -> None:
    one, _ = _fill(tmp_path / "one.sqlite", "station")
    two, _ = _fill(tmp_path / "two.sqlite", "station")
    try:
        assert dump(one) == dump(two)
        with one.db.read() as s:
            assert s.scalar(select(Township.name)) == "黄姚镇"
            assert s.scalar(select(Station.name)) == "黄姚镇代表联络站"
    finally:
        one.close()
        two.close()


def test_the_prefecture_scale_is_ten_counties_like_zhaoping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`liaison-desk demo --scale prefecture` for a year (about 13 s): ten counties, each of
    Zhaoping's shape (12 townships, 62 stations), and the whole the sum of its townships."""
    path = tmp_path / "prefecture.sqlite"
    argv = ["demo", "--db", path, "--scale", "prefecture", "--years", 1, "--as-of", AS_OF]
    assert main([str(a) for a in argv]) == 0
    said = capsys.readouterr().out.splitlines()[-1]  # townships, stations, deputies, ...
    assert [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", said)][:2] == [120, 620]
    services = open_services(path, today=lambda: AS_OF)
    try:
        codes = [code for _, code, _ in PREFECTURE_COUNTIES]
        for places, per_county in ((services.reference.townships(), 12),
                                   (services.reference.stations(), 62)):  # fmt: skip
            assert Counter(p.code.split("-")[0] for p in places) == dict.fromkeys(codes, per_county)
        scopes = services.county.scopes()
        whole = services.county.figures(AS_OF.year, scopes[0], with_points=False)
        towns = [
            services.county.figures(AS_OF.year, scope, with_points=False)
            for scope in scopes
            if scope.kind == "township"
        ]
    finally:
        services.close()
    assert len(towns) == len(whole.townships) == 120 and whole.opinions_collected > 2000
    for key in ("duty_batches", "duty_deputy_times", "people_received", "visits",
                "opinions_collected", "opinions_passed_on", "overdue"):  # fmt: skip
        assert getattr(whole, key) == sum(getattr(t, key) for t in towns), key
    for name in ("replied_on_time", "satisfied_first"):
        rates, rate = [getattr(t, name) for t in towns], getattr(whole, name)
        assert rate.part == sum(r.part for r in rates) and rate.whole == sum(r.whole for r in rates)


def test_progress_and_arguments(tmp_path: Path) -> None:
    services = open_services(tmp_path / "p.sqlite")
    try:
        with pytest.raises(ValueError):
            fill_demo(services, scale="country", as_of=AS_OF)
        seen: list[tuple[int, int, str]] = []
        fill_demo(services, scale="station", as_of=AS_OF, progress=lambda *a: seen.append(a))
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
        assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    finally:
        services.close()


def test_the_app_edits_demo_records_like_its_own(tmp_path: Path) -> None:
    """Links carry the ids sync_links gives and the site owns the rows, so edits just work."""
    services, _ = _fill(tmp_path / "edit.sqlite", "station")
    try:
        deputy = services.deputies.list()[0]
        draft = DeputyDraft(**{f.name: getattr(deputy, f.name) for f in fields(DeputyDraft)})
        edited = services.deputies.update(deputy.id, replace(draft, workplace="黄姚社区"), 1)
        assert edited.station_ids == deputy.station_ids and edited.version == 2
        case = services.feedback.page().rows[0]
        draft_case = CaseDraft(**{f.name: getattr(case, f.name) for f in fields(CaseDraft)})
        services.feedback.update(case.id, replace(draft_case, content="路灯已修好。"), case.version)
        events = services.feedback.events(case.id)
        assert events[-1].kind == "edited" and events[-1].previous_id == events[-2].id
        assert services.feedback.get(case.id).deputy_ids == case.deputy_ids
        # The workflow takes a demo case up where its history left off.
        waiting = services.feedback.page(ListFilter(kind="referred")).rows[0]
        _, allowed = services.casework.status(waiting.id)
        assert CaseAction.REPLY in allowed
        reply = {"text": "已安排维修。", "replied_on": AS_OF.isoformat(), "outcome": "B"}
        row = services.casework.act(waiting.id, CaseAction.REPLY, reply, version=waiting.version)
        assert (row.state, row.outcome, row.follow_up) == (CaseState.REPLIED, "B", True)
        assert row.version == waiting.version + 1 and row.case_number == waiting.case_number
    finally:
        services.close()


def test_the_demo_roster_comes_in_surname_stroke_order(tmp_path) -> None:
    from desktop.services.collation import stroke_sort_key

    services = open_services(tmp_path / "s.sqlite", today=lambda: AS_OF)
    fill_demo(services, scale="station", as_of=AS_OF)
    names = [d.name for d in services.deputies.list()]
    services.close()
    assert names == sorted(names, key=stroke_sort_key) and len(names) > 10
