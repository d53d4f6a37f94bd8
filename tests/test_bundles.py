"""Bundles through the services: a station's records reach the county and the county's answers
come back; edits, deletions, repeats, gaps, acknowledgements, conflicts and scope."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop.db.models import AppSetting, CaseEvent, FeedbackCase
from desktop.domain.enums import CaseState, RosterStatus
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft, DeputyDraft, DutyDayDraft, VisitDraft
from desktop.domain.workflow import CaseAction
from desktop.services import bundle_export as bx
from desktop.services import bundle_merge as bm
from desktop.services import open_services
from desktop.services.bundles import NOT_A_CONFLICT, GapRow
from desktop.sync import archive
from desktop.sync import payload as pl
from desktop.sync.errors import BundleRefused
from tests.bundle_fixtures import (
    PEOPLE,
    TODAY,
    Network,
    answer_back,
    fill,
    forge,
    open_payload,
    reply,
    rows,
    table_counts,
)

STATION_TABLES = (
    *("duty_days", "duty_day_deputies", "feedback_cases", "case_deputies", "case_events"),
    *("visits", "visit_people", "activities", "activity_participants"),
)


pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL (conftest)


@pytest.fixture
def net(tmp_path: Path, new_db) -> Iterator[Network]:
    network = Network(tmp_path, ("WJ-03",), new_db("county"))
    network.roster("WJ-03")
    yield network
    network.close()


def own_rows(services, name: str, site: uuid.UUID) -> dict:
    key = "site_id" if name == "case_events" else "owner_site_id"
    return {i: r for i, r in rows(services, name).items() if r[key] == site}


def same_records(net: Network, code: str) -> None:
    """The county holds the station's records exactly as the station does."""
    station, site = net.stations[code], net.site_id(code)
    for name in STATION_TABLES:
        assert own_rows(net.county, name, site) == own_rows(station, name, site), name


def sync(net: Network, code: str) -> list:
    """One exchange: the station's bundle to the county, then the county's back."""
    plans = [net.county.bundles.apply(p) for p in net.to_county(code).files]
    plans += [net.stations[code].bundles.apply(p) for p in net.to_station(code).files]
    return plans


# --- records travel -------------------------------------------------------------------------


def test_a_stations_records_reach_the_county(net: Network) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
    result = net.to_county("WJ-03")
    (path,) = result.files
    (sent,) = result.bundles
    assert sent.seq == 1 and path.name == sent.file_name and path.suffix == bx.SUFFIX
    assert sent.counts == {"sites": 1, "duty_days": 1, "duty_day_deputies": 1,
                           "feedback_cases": 1, "case_deputies": 1, "case_events": 1,
                           "visits": 1, "visit_people": 1, "activities": 1,
                           "activity_participants": 1}  # fmt: skip

    before = table_counts(net.path())
    plan = net.county.bundles.plan(path)
    assert table_counts(net.path()) == before  # a plan writes nothing
    assert not plan.already and plan.seq == 1 and plan.sender_code == "WJ-03"
    assert {n: f.new for n, f in plan.merge.tables.items()} == sent.counts
    assert plan.merge.rejected == [] and plan.merge.total("waiting") == 0

    done = net.county.bundles.apply(path)
    assert done.merge.tables == plan.merge.tables and done.missing == ()
    case = net.county.feedback.get(made.case)
    assert (case.person_name, case.phone, case.state) == (*PEOPLE["WJ-03"], CaseState.REGISTERED)
    assert case.deputy_names == ("张晓明",) and case.duty_day_id == made.duty_day
    assert net.county.duty_days.get(made.duty_day).deputy_ids == (net.deputies["WJ-03"],)
    assert net.county.visits.get(made.visit).visitor_ids == (net.deputies["WJ-03"],)
    assert net.county.activities.get(made.activity).title == "集中视察"
    same_records(net, "WJ-03")
    (received,) = net.county.bundles.received()
    assert (received.sender_code, received.seq) == ("WJ-03", 1)
    assert received.figures["feedback_cases"]["new"] == 1


def test_edits_and_deletions_travel(net: Network) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
    sync(net, "WJ-03")
    duty = station.duty_days.get(made.duty_day)
    station.duty_days.update(
        made.duty_day,
        DutyDayDraft(duty.station_id, TODAY, deputy_ids=duty.deputy_ids, people_received=5,
                     summary="接待群众五人"),
        duty.version,
    )  # fmt: skip
    station.feedback.delete(made.case)
    station.activities.delete(made.activity)
    (path,) = net.to_county("WJ-03").files
    plan = net.county.bundles.apply(path)
    assert plan.merge.tables["duty_days"].updated == 1
    assert plan.merge.tables["feedback_cases"].updated == 1
    assert plan.merge.tables["activities"].updated == 1
    assert net.county.duty_days.get(made.duty_day).summary == "接待群众五人"
    assert net.county.duty_days.get(made.duty_day).version == 2
    with net.county.db.read() as s:
        tomb = s.get(FeedbackCase, made.case)
        assert tomb.deleted and tomb.version == 2
        assert (tomb.person_name, tomb.phone, tomb.person_keys, tomb.person_initials) == (
            "", "", "", "",
        )  # fmt: skip
        kinds = set(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == made.case)))
    assert kinds == {"registered", "deleted"}
    with pytest.raises(ServiceError):
        net.county.feedback.get(made.case)
    with pytest.raises(ServiceError):
        net.county.activities.get(made.activity)
    same_records(net, "WJ-03")
    for value in PEOPLE["WJ-03"]:  # the tombstone carries no personal data
        assert not any(value in str(r) for r in rows(net.county, "feedback_cases").values())


def test_casework_goes_to_the_county_and_back(net: Network) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
    sync(net, "WJ-03")
    net.county.casework.refer(made.case, net.department, referred_on=TODAY)
    reply(net.county, made.case, TODAY + dt.timedelta(days=10))
    (path,) = net.to_station("WJ-03").files
    plan = station.bundles.apply(path)
    assert plan.merge.tables["case_events"].new == 2
    seen = station.feedback.get(made.case)
    assert (seen.state, seen.department_name, seen.reply_text) == (
        CaseState.REPLIED, "镇建设办", "已安排维修",
    )  # fmt: skip
    assert seen.version == 1  # the county's steps do not raise the station's version

    answered = answer_back(station, made.case, TODAY + dt.timedelta(days=12))
    assert answered.state is CaseState.ANSWERED_BACK
    (path,) = net.to_county("WJ-03").files
    plan = net.county.bundles.apply(path)
    assert plan.merge.tables["case_events"].new == 1
    at_county = net.county.feedback.get(made.case)
    assert (at_county.state, at_county.satisfaction) == (CaseState.ANSWERED_BACK, "satisfied")
    assert at_county.answered_on == TODAY + dt.timedelta(days=12)
    kinds = [e.kind for e in net.county.feedback.events(made.case)]
    assert kinds == ["registered", "referred", "replied", "answered_back"]
    assert kinds == [e.kind for e in station.feedback.events(made.case)]
    same_records(net, "WJ-03")


# --- repeats, nothing new, gaps -----------------------------------------------------------------


def test_the_same_bundle_twice_or_a_copy_changes_nothing(net: Network, tmp_path: Path) -> None:
    fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
    (path,) = net.to_county("WJ-03").files
    net.county.bundles.apply(path)
    before = table_counts(net.path())
    copy = tmp_path / "副本.ldbundle"
    copy.write_bytes(path.read_bytes())
    for again in (path, copy):
        for call in (net.county.bundles.plan, net.county.bundles.apply):
            plan = call(again)
            assert plan.already and plan.merge.changes() == 0 and plan.seq == 1
            assert plan.file_name == again.name
    assert table_counts(net.path()) == before
    assert len(net.county.bundles.received()) == 1


def test_nothing_changed_writes_no_bundle(net: Network) -> None:
    assert net.to_county("WJ-03").files  # the station's own site row, the first time
    nothing = net.to_county("WJ-03")
    assert nothing.nothing_changed and nothing.files == () and nothing.bundles == ()
    fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
    plans = sync(net, "WJ-03")
    assert [p.seq for p in plans] == [2, 2]  # the county's answer: its acknowledgements
    assert net.to_county("WJ-03").nothing_changed
    assert net.to_station("WJ-03").nothing_changed
    assert net.stations["WJ-03"].bundles.pending_changes(net.county_id) == 0


def test_bundles_out_of_order_wait_and_then_are_taken(net: Network, tmp_path: Path) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
    (first,) = net.to_county("WJ-03").files
    # Bundle 2 points into bundle 1: a case of the duty day, a step of the first case.
    later = station.feedback.register(
        CaseDraft(station.site.current().station_id, TODAY, person_name="周一", content="修路",
                  duty_day_id=made.duty_day)
    )  # fmt: skip
    answer = station.casework.act(made.case, CaseAction.ANSWER_ON_SPOT, {"text": "当场答复"})
    assert answer.state is CaseState.ANSWERED_ON_SPOT
    (second,) = net.to_county("WJ-03").files

    plan = net.county.bundles.apply(second)
    assert plan.seq == 2 and plan.missing == (1,)
    assert plan.merge.total("waiting") >= 2
    assert net.county.bundles.waiting() == plan.merge.total("waiting")
    name = station.site.current().name
    assert net.county.bundles.gaps() == [GapRow("WJ-03", name, 1)]
    with pytest.raises(ServiceError):
        net.county.feedback.get(later.id)

    plan = net.county.bundles.apply(first)
    assert plan.missing == () and plan.merge.taken_from_waiting >= 2
    assert net.county.bundles.waiting() == 0 and net.county.bundles.gaps() == []
    assert net.county.feedback.get(later.id).duty_day_id == made.duty_day
    assert net.county.feedback.get(made.case).state is CaseState.ANSWERED_ON_SPOT
    same_records(net, "WJ-03")


def test_acknowledgements_mark_the_stations_records(net: Network) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])

    def state() -> str:
        with station.db.read() as s:
            return station.bundles.marks().state(s.get(FeedbackCase, made.case).change_seq)

    assert state() == "unsent"
    (path,) = net.to_county("WJ-03").files
    assert state() == "sent"
    net.county.bundles.apply(path)
    assert state() == "sent"  # the county has it, but the station does not know yet
    (back,) = net.to_station("WJ-03").files
    plan = station.bundles.apply(back)
    assert plan.acknowledged == 1
    assert state() == "confirmed"
    assert [b.acknowledged for b in station.bundles.sent()] == [True]
    # The county's steps on the case do not make it the station's news again.
    net.county.casework.refer(made.case, net.department, referred_on=TODAY)
    station.bundles.apply(net.to_station("WJ-03").files[0])
    assert state() == "confirmed"
    duty = station.duty_days.get(made.duty_day)
    station.feedback.update(
        made.case, CaseDraft(duty.station_id, TODAY, person_name="赵大山", content="路灯修好了吗"),
        None,
    )  # fmt: skip
    assert state() == "unsent"


# --- what a station may see and send ----------------------------------------------------------


# Tables whose rows belong to a station through a parent (a child of a station's record).
CHILDREN = {
    "duty_day_deputies": ("duty_day_id", "duty_days"),
    "visit_people": ("visit_id", "visits"),
    "case_deputies": ("case_id", "feedback_cases"),
    "case_events": ("case_id", "feedback_cases"),
    "case_attachments": ("case_id", "feedback_cases"),
    "activity_participants": ("activity_id", "activities"),
}


def test_a_county_bundle_to_one_station_never_carries_anothers(tmp_path: Path, new_db) -> None:
    net = Network(tmp_path, ("WJ-03", "WJ-04"), new_db("county"))
    try:
        net.roster("WJ-03")
        net.roster("WJ-04")
        mine = fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
        theirs = fill(net.stations["WJ-04"], net.deputies["WJ-04"], PEOPLE["WJ-04"])
        for code in ("WJ-03", "WJ-04"):
            for path in net.to_county(code).files:
                net.county.bundles.apply(path)
        for case in (mine.case, theirs.case):
            net.county.casework.refer(case, net.department, referred_on=TODAY)
        # The county's own records for the other station, and one for every station.
        other, here = net.station_id("WJ-04"), net.station_id("WJ-03")
        net.county.feedback.register(
            CaseDraft(other, TODAY, person_name="吴六", phone="13311112222", content="来信")
        )
        net.county.duty_days.create(DutyDayDraft(other, TODAY, deputy_ids=(net.deputies["WJ-04"],)))
        net.county.visits.create(
            VisitDraft(
                other, TODAY, visitor_ids=(net.deputies["WJ-04"],), visited_people="吴六一家"
            )
        )
        (path,) = net.to_station("WJ-03").files
        body = open_payload(net.stations["WJ-03"], path)
        decoded = {n: [pl.decode_row(n, r) for r in rs] for n, rs in body.tables.items()}
        assert decoded["case_events"]  # the referral of its own case is there
        allowed = {here}
        parents: dict[str, set] = {}
        for name in ("duty_days", "visits", "feedback_cases", "activities"):
            at_county = rows(net.county, name).values()
            parents[name] = {r["id"] for r in at_county if r["station_id"] in allowed}
            parents[name] |= {r["id"] for r in at_county if name == "activities"
                              and r["station_id"] is None}  # fmt: skip
        for name, found in decoded.items():
            for row in found:
                if name in CHILDREN:
                    column, parent = CHILDREN[name]
                    assert row[column] in parents[parent], (name, row)
                elif "station_id" in row and name not in ("deputy_stations", "sites"):
                    assert row["station_id"] in allowed | {None}, (name, row)
        assert theirs.case not in {r["case_id"] for r in decoded["case_events"]}
        net.stations["WJ-03"].bundles.apply(path)
        files = net.root.glob("WJ-03.sqlite*")  # the database and its write-ahead log
        dump = b"".join(f.read_bytes() for f in files)
        for secret in (*PEOPLE["WJ-04"], "吴六", "13311112222"):
            assert secret.encode() not in dump
        assert PEOPLE["WJ-03"][0].encode() in dump
    finally:
        net.close()


def test_a_station_cannot_send_another_stations_records(tmp_path: Path, new_db) -> None:
    net = Network(tmp_path, ("WJ-03", "WJ-04"), new_db("county"))
    try:
        net.roster("WJ-03")
        station = net.stations["WJ-03"]
        made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
        # A clerk (or a tool) moves the duty day to another station behind the program's back.
        with station.db.write() as s:
            seq = s.execute(text("UPDATE change_counter SET value = value + 1 RETURNING value"))
            seq = seq.scalar_one()
            s.execute(
                text("UPDATE duty_days SET station_id = :st, change_seq = :seq WHERE id = :id"),
                {"st": net.station_id("WJ-04").hex, "seq": seq, "id": made.duty_day.hex},
            )
        (path,) = net.to_county("WJ-03").files
        plan = net.county.bundles.apply(path)
        assert plan.merge.tables["duty_days"].rejected == 1
        reasons = {(r.table, r.record_id): r.reason for r in plan.merge.rejected}
        assert reasons[("duty_days", str(made.duty_day))] == bm.OTHER_STATION
        with pytest.raises(ServiceError):
            net.county.duty_days.get(made.duty_day)
    finally:
        net.close()


# --- conflicts and copies -----------------------------------------------------------------------


def test_the_same_version_with_other_contents_is_a_conflict(net: Network, tmp_path: Path) -> None:
    station = net.stations["WJ-03"]
    made = fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
    sync(net, "WJ-03")
    restored = tmp_path / "restored.sqlite"
    source, target = sqlite3.connect(net.path("WJ-03")), sqlite3.connect(restored)
    with closing(source), closing(target):
        source.backup(target)

    def edit(services, summary: str) -> None:
        duty = services.duty_days.get(made.duty_day)
        draft = DutyDayDraft(duty.station_id, TODAY, deputy_ids=duty.deputy_ids, summary=summary)
        services.duty_days.update(made.duty_day, draft, duty.version)
        visit = services.visits.get(made.visit)
        again = VisitDraft(
            visit.station_id, TODAY, visitor_ids=visit.visitor_ids, visited_people="村民",
            summary=summary,
        )  # fmt: skip
        services.visits.update(made.visit, again, visit.version)

    edit(station, "原来的电脑")
    net.county.bundles.apply(net.to_county("WJ-03").files[0])
    # The station's PC died; its backup was restored (a new epoch) and edited differently.
    copy = open_services(restored, today=lambda: TODAY)
    try:
        with copy.db.write() as s:
            s.delete(s.get(AppSetting, bx.EPOCH_KEY))
        edit(copy, "恢复后的电脑")
        (path,) = copy.bundles.export(net.county_id, tmp_path).files
    finally:
        copy.close()
    plan = net.county.bundles.apply(path)
    assert plan.seq == 1 and plan.merge.total("conflicts") == 2
    assert plan.merge.tables["duty_days"].conflicts == 1
    conflicts = {c.table: c for c in net.county.bundles.conflicts()}
    assert set(conflicts) == {"duty_days", "visits"}
    assert conflicts["duty_days"].record_id == made.duty_day
    assert conflicts["duty_days"].remote_version == 2
    assert conflicts["visits"].sender_name == station.site.current().name
    assert net.county.duty_days.get(made.duty_day).summary == "原来的电脑"  # nothing taken yet

    net.county.bundles.resolve_conflict(conflicts["duty_days"].conflict_id, take_theirs=True)
    net.county.bundles.resolve_conflict(conflicts["visits"].conflict_id, take_theirs=False)
    assert net.county.duty_days.get(made.duty_day).summary == "恢复后的电脑"
    assert net.county.duty_days.get(made.duty_day).deputy_ids == (net.deputies["WJ-03"],)
    assert net.county.visits.get(made.visit).summary == "原来的电脑"
    assert net.county.bundles.conflicts() == []
    with pytest.raises(ServiceError) as refused:
        net.county.bundles.resolve_conflict(conflicts["visits"].conflict_id, take_theirs=True)
    assert refused.value.message == NOT_A_CONFLICT
    before = table_counts(net.path())
    assert net.county.bundles.apply(path).already  # the same copy again: not a second conflict
    assert table_counts(net.path()) == before


def test_write_again_gives_the_same_bytes(net: Network, tmp_path: Path) -> None:
    fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
    result = net.to_county("WJ-03")
    (path,), (sent,) = result.files, result.bundles
    other = tmp_path / "另一个U盘"
    other.mkdir()
    again = net.stations["WJ-03"].bundles.write_again(sent.bundle_id, other)
    assert again.name == path.name and again.read_bytes() == path.read_bytes()
    assert [b.copies for b in net.stations["WJ-03"].bundles.sent()] == [2]
    assert net.county.bundles.apply(again).seq == 1
    assert net.county.bundles.apply(path).already


def test_a_bundle_recorded_but_never_written_is_written_by_the_next_export(
    net: Network, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = net.stations["WJ-03"]
    fill(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])

    def pulled(*_args, **_kw):
        raise BundleRefused(archive.WRITE_FAILED, reason="the stick was pulled", file="x")

    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(bx.archive, "write_packed", pulled)
    with pytest.raises(BundleRefused):
        net.to_county("WJ-03", stick)
    monkeypatch.undo()
    (sent,) = station.bundles.sent()
    assert sent.copies == 0 and not list(stick.iterdir())
    result = net.to_county("WJ-03", stick)
    assert [b.seq for b in result.bundles] == [1]  # the same bundle 1, not a new number
    assert result.bundles[0].bundle_id == sent.bundle_id
    assert net.county.bundles.apply(result.files[0]).merge.total("new") > 0


@pytest.fixture
def two(tmp_path: Path, new_db) -> Iterator[tuple[Network, dict[str, object]]]:
    """Two stations whose records both reached the county."""
    network = Network(tmp_path, ("WJ-03", "WJ-04"), new_db("county"))
    made = {}
    for code in ("WJ-03", "WJ-04"):
        network.roster(code)
        made[code] = fill(network.stations[code], network.deputies[code], PEOPLE[code])
        for path in network.to_county(code).files:
            network.county.bundles.apply(path)
    yield network, made
    network.close()


def forged_to_county(net: Network, tables: dict, tmp_path: Path) -> Path:
    """A bundle signed and sealed with WJ-03's real keys (a new epoch, so it fits any chain)."""
    data = forge(net.stations["WJ-03"], net.county_id, tables, seq=1, epoch=uuid.uuid4())
    path = tmp_path / f"forged-{uuid.uuid4().hex[:8]}.ldbundle"
    path.write_bytes(data)
    return path


def test_records_owned_by_another_site_are_rejected(two, tmp_path: Path) -> None:
    net, made = two
    other_site = net.site_id("WJ-04")
    visit = {**rows(net.stations["WJ-03"], "visits")[made["WJ-03"].visit], "id": uuid.uuid4(),
             "owner_site_id": other_site, "created_site_id": other_site}  # fmt: skip
    department = {**rows(net.county, "departments")[net.department], "name": "假冒的部门",
                  "owner_site_id": net.site_id("WJ-03"), "version": 9}  # fmt: skip
    event = {**rows(net.county, "case_events")[_head(net, made["WJ-03"].case)],
             "id": uuid.uuid4(), "site_id": other_site, "kind": "edited"}  # fmt: skip
    path = forged_to_county(
        net, {"visits": [visit], "departments": [department], "case_events": [event]}, tmp_path
    )
    before = table_counts(net.path())
    plan = net.county.bundles.apply(path)
    reasons = {(r.table, r.record_id): r.reason for r in plan.merge.rejected}
    assert reasons == {
        ("visits", str(visit["id"])): bm.NOT_SENDERS,
        ("departments", str(net.department)): bm.OWNER_CHANGED,
        ("case_events", str(event["id"])): bm.NOT_SENDERS,
    }
    assert plan.merge.changes() == 0 and plan.merge.total("rejected") == 3
    after = table_counts(net.path())
    assert after.pop("bundles_received") == before.pop("bundles_received") + 1
    after.pop("#change_counter"), before.pop("#change_counter")
    assert after.pop("audit_log") == before.pop("audit_log") + 1  # the import, on record
    assert after == before
    assert net.county.reference.departments()[0].name == "镇建设办"


def _head(net: Network, case_id: uuid.UUID) -> uuid.UUID:
    with net.county.db.read() as s:
        return s.get(FeedbackCase, case_id).last_event_id


def test_a_station_cannot_add_to_another_stations_records(two, tmp_path: Path) -> None:
    """Rows hanging off another station's record (a step of its case, a deputy on its duty
    day) are that station's business: rejected like the record itself would be."""
    net, made = two
    me, theirs = net.site_id("WJ-03"), made["WJ-04"]
    closing = {
        "id": uuid.uuid4(), "case_id": theirs.case, "previous_id": _head(net, theirs.case),
        "kind": "answered_on_spot", "state_after": "answered_on_spot", "actor": "",
        "site_id": me, "at": dt.datetime(2026, 6, 15, 9, tzinfo=dt.UTC), "note": "",
        "payload": '{"text": "已办结"}',
    }  # fmt: skip
    link = {**rows(net.stations["WJ-03"], "duty_day_deputies").popitem()[1], "id": uuid.uuid4(),
            "duty_day_id": theirs.duty_day}  # fmt: skip
    path = forged_to_county(net, {"duty_day_deputies": [link], "case_events": [closing]}, tmp_path)
    plan = net.county.bundles.apply(path)
    assert {(r.table, r.reason) for r in plan.merge.rejected} == {
        ("duty_day_deputies", bm.OTHER_STATION),
        ("case_events", bm.OTHER_STATION),
    }
    assert net.county.feedback.get(theirs.case).state is CaseState.REGISTERED
    assert len(net.county.duty_days.get(theirs.duty_day).deputy_ids) == 1


def test_a_deputy_the_county_took_over_travels_with_its_station_links(net: Network) -> None:
    """A station types a deputy in; the county confirms it (and owns it and its links from
    then on); the county's later change of the deputy's stations reaches the station."""
    station = net.stations["WJ-03"]
    here = net.station_id("WJ-03")
    typed = station.deputies.create(DeputyDraft("钱小红", station_ids=(here,))).id
    for path in net.to_county("WJ-03").files:
        net.county.bundles.apply(path)
    net.county.deputies.confirm(typed)
    net.roster("WJ-03")
    assert station.deputies.get(typed).roster_status is RosterStatus.CONFIRMED
    # The county moves her to no station at all: the link's tombstone must travel.
    mine = net.county.deputies.get(typed)
    net.county.deputies.update(typed, DeputyDraft("钱小红", station_ids=()), mine.version)
    net.roster("WJ-03")
    assert station.deputies.get(typed).station_ids == ()
    assert net.county.bundles.conflicts() == [] and station.bundles.conflicts() == []
