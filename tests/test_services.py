"""The registers through their services, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.db.models import CaseEvent, DutyDayDeputy, FeedbackCase
from desktop.domain.checks import DraftInvalid
from desktop.domain.enums import Attendance, CaseState, RosterStatus, SiteRole
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ListFilter,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.validation import MSG_DATE_FUTURE, MSG_REQUIRED
from desktop.services.common import ServiceError

pytestmark = pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)


@pytest.fixture
def station(services):
    return services.site.current().station_id


@pytest.fixture
def deputies(services, station):
    names = ["张晓明", "王芳", "李建国", "丁一", "覃海燕", "黄志强"]
    return [services.deputies.create(DeputyDraft(n, station_ids=(station,))) for n in names]


def test_site_is_set_up_once(services) -> None:
    site = services.site.current()
    assert site.role is SiteRole.STATION and site.code == "S01"
    assert [s.name for s in services.reference.stations()] == ["黄姚镇大田村代表联络站"]
    assert [t.name for t in services.reference.townships()] == ["黄姚镇"]
    with pytest.raises(ServiceError):
        services.site.initialise(SiteDraft(SiteRole.STATION, "S02", "另一个站", "黄姚镇"))


def test_deputies_sort_by_surname_strokes_then_pinyin(services, deputies) -> None:
    by_strokes = [d.name for d in services.deputies.list()]
    assert by_strokes == ["丁一", "王芳", "李建国", "张晓明", "黄志强", "覃海燕"]
    by_pinyin = [d.name for d in services.deputies.list(sort="pinyin")]
    assert by_pinyin == ["丁一", "黄志强", "李建国", "覃海燕", "王芳", "张晓明"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [("zxm", "张晓明"), ("晓明", "张晓明"), ("qhy", "覃海燕"), ("huangzhi", "黄志强")],
)
def test_deputy_search_by_chinese_or_pinyin(services, deputies, typed, found) -> None:
    assert [d.name for d in services.deputies.list(ListFilter(text=typed))] == [found]


def test_a_deputy_typed_at_a_station_is_provisional(services, deputies) -> None:
    assert {d.roster_status for d in deputies} == {RosterStatus.PROVISIONAL}


def test_deputy_validation_reports_each_field(services) -> None:
    with pytest.raises(DraftInvalid) as caught:
        services.deputies.create(
            DeputyDraft("", phone="12345", is_county_level=False, is_township_level=False)
        )
    assert set(caught.value.errors) == {"name", "phone", "level"}
    assert caught.value.errors["name"].message == MSG_REQUIRED
    assert services.deputies.list() == []


def test_duty_day_round_trip_and_links_tombstoned(services, station, deputies, today) -> None:
    a, b, c = deputies[:3]
    day = services.duty_days.create(
        DutyDayDraft(station, today, deputy_ids=(a.id, b.id), people_received=12, summary="接待")
    )
    assert set(day.deputy_names) == {a.name, b.name}
    edited = services.duty_days.update(
        day.id, DutyDayDraft(station, today, deputy_ids=(b.id, c.id), people_received=8), 1
    )
    assert set(edited.deputy_ids) == {b.id, c.id} and edited.version == 2
    with services.db.read() as s:
        links = {(link.deputy_id, link.deleted) for link in s.scalars(select(DutyDayDeputy))}
    assert links == {(a.id, True), (b.id, False), (c.id, False)}  # removal travels as a tombstone


def test_future_dates_are_refused(services, station, deputies, today) -> None:
    with pytest.raises(DraftInvalid) as caught:
        services.visits.create(
            VisitDraft(station, today + dt.timedelta(days=1), visitor_ids=(deputies[0].id,),
                       visited_people="五保户")
        )  # fmt: skip
    assert caught.value.errors["day"].message == MSG_DATE_FUTURE


def test_a_duty_day_may_be_planned_but_not_have_visitors_yet(
    services, station, deputies, today
) -> None:
    from desktop.domain.checks import MSG_PLAN_TOO_FAR, MSG_PLANNED_RECEIVED

    ahead = today + dt.timedelta(days=7)
    planned = services.duty_days.create(DutyDayDraft(station, ahead, deputy_ids=(deputies[0].id,)))
    assert planned.day == ahead and planned.people_received == 0
    with pytest.raises(DraftInvalid) as caught:
        services.duty_days.create(
            DutyDayDraft(station, ahead, deputy_ids=(deputies[0].id,), people_received=3)
        )
    assert caught.value.errors["people_received"].message == MSG_PLANNED_RECEIVED
    with pytest.raises(DraftInvalid) as caught:
        far = today + dt.timedelta(days=400)
        services.duty_days.create(DutyDayDraft(station, far, deputy_ids=(deputies[0].id,)))
    assert caught.value.errors["day"].message == MSG_PLAN_TOO_FAR


def test_visit_needs_someone_visited(services, station, deputies, today) -> None:
    with pytest.raises(DraftInvalid) as caught:
        services.visits.create(VisitDraft(station, today, visitor_ids=(deputies[0].id,)))
    assert set(caught.value.errors) == {"visited_people"}
    visit = services.visits.create(
        VisitDraft(
            station,
            today,
            visitor_ids=(deputies[0].id,),
            visited_deputy_ids=(deputies[1].id,),
            visited_people="大田村村民",
        )
    )
    assert visit.visitor_names == (deputies[0].name,)
    assert visit.visited_deputy_names == (deputies[1].name,)


def test_case_registration_writes_an_event_and_keeps_state_in_step(
    services, station, deputies, today
) -> None:
    day = services.duty_days.create(DutyDayDraft(station, today, deputy_ids=(deputies[0].id,)))
    case = services.feedback.register(
        CaseDraft(
            station,
            today,
            person_name="赵大山",
            phone="+86 139-1234-5678",
            content="村口路灯不亮",
            deputy_ids=(deputies[0].id,),
            duty_day_id=day.id,
        )
    )
    assert case.state is CaseState.REGISTERED and case.phone == "13912345678"
    assert services.duty_days.get(day.id).opinions_formed == 1
    services.feedback.update(
        case.id,
        CaseDraft(station, today, person_name="赵大山", content="村口路灯不亮，晚上出行不便"),
        case.version,
    )
    with services.db.read() as s:
        events = list(s.scalars(select(CaseEvent).order_by(CaseEvent.change_seq)))
        stored = s.get(FeedbackCase, case.id)
    assert [e.kind for e in events] == ["registered", "edited"]
    assert events[1].previous_id == events[0].id and stored.last_event_id == events[1].id
    assert stored.state == events[-1].state_after
    assert services.duty_days.get(day.id).opinions_formed == 0  # the edit unlinked it


def test_anonymous_case_keeps_no_contact(services, station, today) -> None:
    case = services.feedback.register(
        CaseDraft(
            station,
            today,
            anonymous=True,
            person_name="某人",
            phone="13912345678",
            content="反映河道垃圾",
        )
    )
    assert (case.person_name, case.phone, case.id_number) == ("", "", "")


def test_case_validation(services, station, today) -> None:
    with pytest.raises(DraftInvalid) as caught:
        services.feedback.register(
            CaseDraft(station, today, person_name="", phone="1391234", id_number="123", content="")
        )
    assert set(caught.value.errors) == {"person_name", "phone", "id_number", "content"}
    assert services.feedback.count() == 0


def test_case_search_by_content_village_and_person_initials(services, station, today) -> None:
    services.feedback.register(
        CaseDraft(station, today, person_name="赵大山", village="大田村", content="村口路灯不亮")
    )
    services.feedback.register(CaseDraft(station, today, person_name="钱小红", content="饮水困难"))
    for text in ("路灯", "大田", "zds", "赵大山"):
        assert [c.person_name for c in services.feedback.page(ListFilter(text=text)).rows] == [
            "赵大山"
        ]


def test_cases_page_by_key_newest_first(services, station, today) -> None:
    for i in range(25):
        services.feedback.register(
            CaseDraft(
                station, today - dt.timedelta(days=i % 7), person_name="甲", content=f"第{i}件"
            )
        )
    seen, after = [], None
    while True:
        page = services.feedback.page(ListFilter(), after, limit=10)
        seen.extend(page.rows)
        if page.next_key is None:
            break
        after = page.next_key
    assert len(seen) == 25 == len({c.id for c in seen})
    keys = [(c.received_date, c.id) for c in seen]
    assert keys == sorted(keys, reverse=True)
    assert services.feedback.count(ListFilter(date_from=today - dt.timedelta(days=1))) == 8


def test_activity_with_participants_and_attendance(services, station, deputies, today) -> None:
    kind = next(k for k in services.reference.activity_kinds() if k.code == "inspection")
    activity = services.activities.create(
        ActivityDraft(
            kind.id,
            today,
            station,
            title="视察农村饮水工程",
            participants=(
                ParticipantDraft(deputies[0].id),
                ParticipantDraft(deputies[1].id, Attendance.EXCUSED),
                ParticipantDraft(deputies[2].id, Attendance.UNEXCUSED, 2),
            ),
        )
    )
    by_name = {p.deputy_name: p for p in activity.participants}
    assert by_name[deputies[2].name].attendance is Attendance.UNEXCUSED
    assert by_name[deputies[2].name].quantity == 2
    rows = services.activities.page(ListFilter(kind=str(kind.id))).rows
    assert [r.id for r in rows] == [activity.id]
    with pytest.raises(DraftInvalid):
        services.activities.create(ActivityDraft(kind.id, today, title="空", participants=()))


def test_deleted_records_leave_the_lists(services, station, deputies, today) -> None:
    day = services.duty_days.create(DutyDayDraft(station, today, deputy_ids=(deputies[0].id,)))
    services.duty_days.delete(day.id, day.version)
    assert services.duty_days.count() == 0
    with pytest.raises(ServiceError):
        services.duty_days.get(day.id)
    services.deputies.delete(deputies[0].id)
    assert deputies[0].name not in [d.name for d in services.deputies.list()]


def test_events_follow_their_predecessors_not_the_clock(services, station, today) -> None:
    """A PC with a wrong clock must not reorder a case's history."""
    import datetime as dt_

    case = services.feedback.register(CaseDraft(station, today, person_name="甲", content="路灯"))
    services.feedback.update(
        case.id, CaseDraft(station, today, person_name="甲", content="路灯坏"), case.version
    )
    with services.db.write() as s:
        second = s.scalars(select(CaseEvent).where(CaseEvent.kind == "edited")).one()
        second.at = dt_.datetime(2008, 1, 1, tzinfo=dt_.UTC)  # edited on a PC set to 2008
    kinds = [e.kind for e in services.feedback.events(case.id)]
    assert kinds == ["registered", "edited"]
    assert all(e.at.tzinfo is not None for e in services.feedback.events(case.id))


@pytest.fixture
def county(new_db):
    from desktop.services import open_services

    svc = open_services(new_db("county"))
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    yield svc
    svc.close()


def _arrived_from_a_station(county, name: str):
    """A provisional deputy as a station's bundle will bring it (owned by that station)."""
    import uuid

    from desktop.db.models import Deputy

    station_site = uuid.uuid4()
    with county.db.write(remote=True) as s:
        deputy = Deputy(
            id=uuid.uuid4(),
            name=name,
            roster_status="provisional",
            created_site_id=station_site,
            owner_site_id=station_site,
            is_township_level=True,
        )
        s.add(deputy)
    return county.deputies.get(deputy.id)


def test_the_county_confirms_or_maps_provisional_deputies(county) -> None:
    own = county.deputies.create(DeputyDraft("张晓明"))
    assert own.roster_status is RosterStatus.CONFIRMED
    typed = _arrived_from_a_station(county, "李建国")
    confirmed = county.deputies.confirm(typed.id, typed.version)
    assert confirmed.roster_status is RosterStatus.CONFIRMED
    duplicate = _arrived_from_a_station(county, "张晓明")
    assert [d.name for d in county.deputies.list()].count("张晓明") == 2
    mapped = county.deputies.map_to(duplicate.id, own.id)
    assert mapped.roster_status is RosterStatus.MAPPED
    assert [d.name for d in county.deputies.list()].count("张晓明") == 1  # one person, once
    with pytest.raises(ServiceError):
        county.deputies.confirm(own.id)  # already in the roster


def test_a_station_cannot_confirm_the_roster(services, deputies) -> None:
    with pytest.raises(ServiceError):
        services.deputies.confirm(deputies[0].id)


def test_typing_a_deputys_initials_finds_their_records(services, station, deputies, today) -> None:
    zxm = deputies[0]
    kind = services.reference.activity_kinds()[0]
    services.duty_days.create(DutyDayDraft(station, today, deputy_ids=(zxm.id,)))
    services.duty_days.create(DutyDayDraft(station, today, deputy_ids=(deputies[1].id,)))
    services.visits.create(VisitDraft(station, today, visitor_ids=(zxm.id,), visited_people="村民"))
    services.activities.create(
        ActivityDraft(
            kind.id, today, station, title="会议", participants=(ParticipantDraft(zxm.id),)
        )
    )
    services.feedback.register(
        CaseDraft(station, today, person_name="甲", content="路灯", deputy_ids=(zxm.id,))
    )
    found = ListFilter(text="zxm")
    assert [d.deputy_names for d in services.duty_days.page(found).rows] == [("张晓明",)]
    assert services.duty_days.count(found) == 1
    assert len(services.visits.page(found).rows) == 1
    assert len(services.activities.page(found).rows) == 1
    assert len(services.feedback.page(found).rows) == 1
