"""The feedback workflow through its services: steps, deadlines, merges, conflicts, search."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from desktop.db import search
from desktop.db.models import CaseEvent, Department
from desktop.domain.enums import CaseState, DepartmentLevel
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft, ListFilter
from desktop.domain.workflow import CaseAction, IllegalTransition

pytestmark = pytest.mark.backends  # SQLite and PostgreSQL (tests/conftest.py)

A = CaseAction


@pytest.fixture
def station(services):
    return services.site.current().station_id


@pytest.fixture
def department(services):
    with services.db.write() as s:
        dept = Department(
            id=uuid.uuid4(), code="ZJJ", name="镇建设办", level=DepartmentLevel.TOWNSHIP.value
        )
        s.add(dept)
    return dept.id


def _case(services, station, today, content="村口路灯不亮", **kw):
    return services.feedback.register(
        CaseDraft(station, today, person_name=kw.pop("person", "赵大山"), content=content, **kw)
    )


def _reply(services, case_id, on, outcome="A"):
    payload = {"text": "已安排维修", "replied_on": on.isoformat(), "outcome": outcome}
    return services.casework.act(case_id, A.REPLY, payload)


def _answer(services, case_id, on, satisfaction="satisfied"):
    payload = {"answered_on": on.isoformat(), "method": "phone", "satisfaction": satisfaction}
    return services.casework.act(case_id, A.ANSWER_BACK, payload)


def test_the_whole_path_to_closed(services, station, department, today) -> None:
    case = _case(services, station, today)
    assert case.case_number.startswith("S01-2026-")
    referred = services.casework.refer(case.id, department, referred_on=today)
    assert referred.state is CaseState.REFERRED and referred.department_name == "镇建设办"
    assert referred.deadline == dt.date(2026, 9, 15) and referred.deadline_exact
    replied = _reply(services, case.id, today + dt.timedelta(days=10))
    assert replied.state is CaseState.REPLIED and replied.reply_text == "已安排维修"
    assert _answer(services, case.id, today + dt.timedelta(days=12)).state is (
        CaseState.ANSWERED_BACK
    )
    closed = services.casework.act(case.id, A.CLOSE, {})
    assert closed.state is CaseState.CLOSED
    kinds = [e.kind for e in services.feedback.events(case.id)]
    assert kinds == ["registered", "referred", "replied", "answered_back", "closed"]
    with services.db.read() as s:
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)))
    assert {e.state_after for e in events} >= {"closed", "referred"}


def test_unsatisfied_goes_back_to_a_department(services, station, department, today) -> None:
    case = _case(services, station, today)
    services.casework.refer(case.id, department, referred_on=today)
    _reply(services, case.id, today)
    _answer(services, case.id, today, "unsatisfied")
    with pytest.raises(IllegalTransition):
        services.casework.act(case.id, A.CLOSE, {})
    again = services.casework.refer(case.id, department, referred_on=today)
    assert again.state is CaseState.REFERRED and again.reply_text == ""


def test_a_department_returns_a_misrouted_case_within_seven_working_days(
    services, station, department, today
) -> None:
    case = _case(services, station, today)
    services.casework.refer(case.id, department, referred_on=dt.date(2026, 6, 1))
    with pytest.raises(IllegalTransition):
        services.casework.act(
            case.id, A.RETURN, {"reason": "不属本单位职责", "returned_on": "2026-06-12"}
        )
    back = services.casework.act(
        case.id, A.RETURN, {"reason": "不属本单位职责", "returned_on": "2026-06-10"}
    )
    assert back.state is CaseState.REGISTERED and back.department_id is None


def test_b_and_c_outcomes_stay_on_the_follow_up_list(services, station, department, today) -> None:
    case = _case(services, station, today)
    services.casework.refer(case.id, department, referred_on=today)
    _reply(services, case.id, today, outcome="B")
    _answer(services, case.id, today)
    services.casework.act(case.id, A.CLOSE, {})
    assert services.feedback.count(ListFilter(flag="follow_up")) == 1
    services.casework.act(
        case.id,
        A.FOLLOW_UP_REPLY,
        {"text": "已修好", "outcome": "A", "replied_on": today.isoformat()},
    )
    assert services.feedback.count(ListFilter(flag="follow_up")) == 0


def test_overdue_and_due_soon(services, station, department, today) -> None:
    late = _case(services, station, today, content="水渠淤塞")
    soon = _case(services, station, today, content="危房改造")
    services.casework.refer(late.id, department, referred_on=dt.date(2026, 2, 1))
    services.casework.refer(soon.id, department, referred_on=dt.date(2026, 3, 17))
    assert [c.id for c in services.feedback.page(ListFilter(flag="overdue")).rows] == [late.id]
    assert [c.id for c in services.feedback.page(ListFilter(flag="due_soon")).rows] == [soon.id]
    assert services.feedback.flag_counts()["overdue"] == 1


def test_merged_cases_follow_the_main_case_and_answer_their_own_person(
    services, station, department, today
) -> None:
    main = _case(services, station, today, person="甲")
    dup = _case(services, station, today, person="乙")
    services.casework.merge(dup.id, main.id)
    services.casework.refer(main.id, department, referred_on=today)
    _reply(services, main.id, today)
    follower = services.feedback.get(dup.id)
    assert follower.state is CaseState.REPLIED and follower.merged_into_id == main.id
    assert _answer(services, dup.id, today).state is CaseState.ANSWERED_BACK
    with pytest.raises(ServiceError):
        services.casework.merge(main.id, main.id)


def test_two_sites_acting_at_once_put_the_case_on_the_conflict_list(
    services, station, department, today
) -> None:
    case = _case(services, station, today)
    services.casework.refer(case.id, department, referred_on=today)
    head = services.feedback.get(case.id)
    with services.db.write(remote=True) as s:  # the county's reply, made at the same moment
        s.add(
            CaseEvent(
                id=uuid.uuid4(),
                case_id=case.id,
                previous_id=_head(services, case.id),
                kind="escalated",
                state_after="referred",
                site_id=uuid.uuid4(),
                payload='{"note": "上报"}',
            )
        )
        s.add(
            CaseEvent(
                id=uuid.uuid4(),
                case_id=case.id,
                previous_id=_head(services, case.id),
                kind="replied",
                state_after="replied",
                site_id=uuid.uuid4(),
                payload='{"text": "答复", "replied_on": "2026-06-15", "outcome": "A"}',
            )
        )
        s.flush()
        services.casework.refold(s, case.id)
    assert services.feedback.count(ListFilter(flag="conflict")) == 1
    result, allowed = services.casework.status(case.id)
    assert len(result.conflict) == 2 and allowed == frozenset({A.EDIT})
    with pytest.raises(ServiceError):
        _reply(services, case.id, today)
    keep, drop = result.conflict
    settled = services.casework.resolve(case.id, keep, [drop])
    assert not settled.conflict and head.id == settled.id


def _head(services, case_id):
    from desktop.db.models import FeedbackCase

    with services.db.read() as s:
        return s.get(FeedbackCase, case_id).last_event_id


def test_search_two_character_words_not_names(services, station, department, today) -> None:
    a = _case(services, station, today, content="村口路灯不亮", village="大田村")
    b = _case(services, station, today, content="饮水困难", person="钱小红")
    services.casework.refer(b.id, department, referred_on=today)
    _reply(services, b.id, today)  # the reply text is searchable too: 已安排维修
    found = {
        text: [c.id for c in services.feedback.page(ListFilter(text=text)).rows]
        for text in ("路灯", "灯", "大田", "维修", "钱小红", "qxh", "小红", "路灯不亮")
    }
    assert found["路灯"] == found["灯"] == found["大田"] == found["路灯不亮"] == [a.id]
    assert found["维修"] == found["钱小红"] == found["qxh"] == [b.id]
    assert found["小红"] == []  # a fragment of a name finds nobody


def test_the_search_index_forgets_deleted_cases(services, station, today) -> None:
    case = _case(services, station, today, content="河道垃圾")
    services.feedback.delete(case.id, case.version)
    assert services.feedback.page(ListFilter(text="河道")).rows == ()
    with services.db.read() as s:
        assert search.index_problems(s) == []


def test_search_pages_newest_first_with_other_filters(services, station, department, today) -> None:
    made = []
    for i in range(25):
        day = today - dt.timedelta(days=i % 9)
        made.append(_case(services, station, day, content=f"第{i}处路灯不亮", person=f"人{i}"))
    referred = {c.id for c in made[:7]}
    for case_id in referred:
        services.casework.refer(case_id, department, referred_on=today)
    seen, after = [], None
    while True:
        page = services.feedback.page(ListFilter(text="路灯"), after, limit=10)
        seen.extend(page.rows)
        if page.next_key is None:
            break
        after = page.next_key
    assert len(seen) == 25 == len({c.id for c in seen})
    days = [c.received_date for c in seen]
    assert days == sorted(days, reverse=True)
    assert services.feedback.count(ListFilter(text="路灯")) == 25
    only = ListFilter(text="路灯", kind="referred")
    assert {c.id for c in services.feedback.page(only).rows} == referred
    assert services.feedback.count(only) == 7
    recent = ListFilter(text="路灯", date_from=today - dt.timedelta(days=1))
    assert all(
        c.received_date >= today - dt.timedelta(days=1) for c in services.feedback.page(recent).rows
    )
    assert services.feedback.count(recent) == len(services.feedback.page(recent).rows) == 6
    # A person's exact name joins the full-text matches, once.
    assert [c.person_name for c in services.feedback.page(ListFilter(text="人3")).rows] == ["人3"]


def test_editing_the_received_date_moves_the_case_in_the_index(services, station, today) -> None:
    case = _case(services, station, today, content="危房改造补助")
    services.feedback.update(
        case.id,
        CaseDraft(
            station, today - dt.timedelta(days=40), person_name="赵大山", content="危房改造补助"
        ),
        case.version,
    )
    flt = ListFilter(text="危房", date_to=today - dt.timedelta(days=30))
    assert [c.id for c in services.feedback.page(flt).rows] == [case.id]
    with services.db.read() as s:
        assert search.index_problems(s) == []


def test_state_totals_follow_every_change(services, station, department, today) -> None:
    from sqlalchemy import func

    from desktop.db.models import FeedbackCase

    cases = [_case(services, station, today, content=f"第{i}件") for i in range(5)]
    services.casework.refer(cases[0].id, department, referred_on=today)
    services.casework.act(cases[1].id, A.ANSWER_ON_SPOT, {"text": "已解释"})
    services.feedback.delete(cases[2].id, cases[2].version)

    def grouped() -> dict:
        with services.db.read() as s:
            rows = s.execute(
                select(FeedbackCase.state, func.count())
                .where(~FeedbackCase.deleted)
                .group_by(FeedbackCase.state)
            ).all()
        return {CaseState(state): n for state, n in rows}

    assert (
        services.feedback.state_counts()
        == grouped()
        == {CaseState.REGISTERED: 2, CaseState.REFERRED: 1, CaseState.ANSWERED_ON_SPOT: 1}
    )


def test_state_totals_by_date_range(services, station, department, today) -> None:
    for i in range(6):
        _case(services, station, today - dt.timedelta(days=i * 10), content=f"第{i}件")
    old = services.feedback.page(ListFilter(date_to=today - dt.timedelta(days=45))).rows[0]
    services.feedback.update(
        old.id, CaseDraft(station, today, person_name="赵大山", content="改了日期"), old.version
    )
    for first, last in (
        (today - dt.timedelta(days=25), today),
        (None, today - dt.timedelta(days=15)),
        (today - dt.timedelta(days=35), today - dt.timedelta(days=5)),
    ):
        flt = ListFilter(date_from=first, date_to=last)
        assert services.feedback.state_counts(flt) == {
            CaseState.REGISTERED: services.feedback.count(flt)
        }


def test_a_search_that_finds_a_person_and_words_counts_each_case_once(
    services, station, today
) -> None:
    _case(services, station, today, content="路灯坏了", person="路灯")  # a name that is a word
    _case(services, station, today, content="村口路灯", person="甲")
    _case(services, station, today, content="饮水", person="路灯")
    assert services.feedback.count(ListFilter(text="路灯")) == 3
    assert len(services.feedback.page(ListFilter(text="路灯")).rows) == 3


def test_a_merged_case_referred_later_does_not_block_the_main_cases_reply(
    services, station, department, today
) -> None:
    """The main case's reply predates the duplicate's own referral: the duplicate cannot take
    that reply (a reply before its referral), but the main case's reply must still be saved."""
    main = _case(services, station, today - dt.timedelta(days=20), person="甲")
    dup = _case(services, station, today - dt.timedelta(days=20), person="乙")
    services.casework.refer(main.id, department, referred_on=today - dt.timedelta(days=20))
    services.casework.refer(dup.id, department, referred_on=today)
    services.casework.merge(dup.id, main.id)
    replied = _reply(services, main.id, today - dt.timedelta(days=10))
    assert replied.state is CaseState.REPLIED
    follower = services.feedback.get(dup.id)
    assert follower.state is CaseState.REFERRED and follower.merged_into_id == main.id
