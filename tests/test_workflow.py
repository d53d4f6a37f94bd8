"""Tests for desktop.domain.workflow: the case state machine and the fold of its events."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import itertools
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import CaseState
from desktop.domain.validation import InvalidValue
from desktop.domain.workcalendar import shipped_calendar
from desktop.domain.workflow import (
    AnswerMethod,
    CaseAction,
    CaseStatus,
    EventFact,
    FoldResult,
    IllegalTransition,
    Outcome,
    Satisfaction,
    WorkflowContext,
    WorkflowPolicy,
    allowed_actions,
    apply,
    fold,
    next_local_previous,
)

A, S = CaseAction, CaseState
CTX = WorkflowContext(calendar=shipped_calendar())
D = dt.date.fromisoformat
# What each action may start from and lead to, written out from the issue independently of
# the module's own table (None: the state stays).
EXPECTED: dict[CaseAction, tuple[set[CaseState | None], CaseState | None]] = {
    A.REGISTER: ({None}, S.REGISTERED),
    A.ANSWER_ON_SPOT: ({S.REGISTERED}, S.ANSWERED_ON_SPOT),
    A.NOT_ACCEPT: ({S.REGISTERED}, S.NOT_ACCEPTED),
    A.REFER: ({S.REGISTERED, S.ANSWERED_BACK}, S.REFERRED),
    A.RETURN: ({S.REFERRED}, S.REGISTERED),
    A.REPLY: ({S.REFERRED}, S.REPLIED),
    A.ANSWER_BACK: ({S.REPLIED}, S.ANSWERED_BACK),
    A.CLOSE: ({S.ANSWERED_ON_SPOT, S.NOT_ACCEPTED, S.ANSWERED_BACK}, S.CLOSED),
    A.FOLLOW_UP_REPLY: ({S.ANSWERED_BACK, S.CLOSED}, None),
    A.ESCALATE: (set(CaseState) - {S.CLOSED}, None),
    A.MERGE: ({S.REGISTERED, S.REFERRED}, None),
    A.EDIT: (set(CaseState), None),
    A.DELETE: ({S.REGISTERED}, None),
    A.RESOLVE: (set(CaseState), None),
}
HOUSEKEEPING = {A.EDIT, A.DELETE, A.ESCALATE}
# Hypothesis leans towards the first choices: put the long way through a case first.
DEEP_FIRST = [
    *(A.REGISTER, A.REFER, A.REPLY, A.ANSWER_BACK, A.FOLLOW_UP_REPLY, A.CLOSE, A.RETURN),
    *(A.MERGE, A.ESCALATE, A.ANSWER_ON_SPOT, A.NOT_ACCEPT, A.DELETE, A.RESOLVE, A.EDIT),
]


def payload_for(
    action: CaseAction,
    day: dt.date,
    outcome: Outcome = Outcome.SOLVED,
    satisfaction: Satisfaction = Satisfaction.SATISFIED,
) -> dict[str, Any]:
    """A valid payload for ``action`` taken on ``day`` (callers keep days in order)."""
    iso = day.isoformat()
    match action:
        case A.ANSWER_ON_SPOT:
            return {"text": "代表当场解释了政策"}
        case A.NOT_ACCEPT:
            return {"reason": "已进入诉讼程序", "where_to_go": "县人民法院"}
        case A.REFER:
            deadline = CTX.reply_deadline(day)
            return {
                "department_id": "dept-roads",
                "co_department_ids": ["dept-finance"],
                "referred_on": iso,
                "deadline": deadline.day.isoformat(),
                "deadline_exact": deadline.exact,
            }
        case A.RETURN:
            return {"reason": "不属于本单位职责", "returned_on": iso}
        case A.REPLY | A.FOLLOW_UP_REPLY:
            return {"replied_on": iso, "text": "已安排维修", "outcome": outcome.value}
        case A.ANSWER_BACK:
            method = AnswerMethod.PHONE.value
            return {"answered_on": iso, "method": method, "satisfaction": satisfaction.value}
        case A.ESCALATE:
            return {"note": "涉及全县道路规划，上报县人大"}
        case A.MERGE:
            return {"into_case_id": "case-main"}
        case A.RESOLVE:
            return {"discarded_event_ids": ["ev-other"]}
    return {}


class Chain:
    """Writes events one after another at one site, as the service would."""

    def __init__(self, ctx: WorkflowContext = CTX, site: str = "S01") -> None:
        self.ctx, self.site = ctx, site
        self.status: CaseStatus | None = None
        self.events: list[EventFact] = []

    def do(self, action: CaseAction, day: str = "2025-09-26", **payload: Any) -> CaseStatus:
        base = payload_for(action, D(day))
        head = self.events[-1].id if self.events else None
        event = EventFact(
            f"{self.site}-{len(self.events)}", head, action, base | payload, self.site
        )
        self.status = apply(self.status, event, self.ctx)
        self.events.append(event)
        return self.status


def refused(chain: Chain, action: CaseAction, day: str = "2025-09-26", **payload: Any) -> str:
    before = chain.status
    with pytest.raises(IllegalTransition) as info:
        chain.do(action, day, **payload)
    assert chain.status is before
    return str(info.value)


# --- the happy paths -----------------------------------------------------------------------


def test_refer_reply_answer_back_close() -> None:
    c = Chain()
    assert allowed_actions(None) == {A.REGISTER}
    assert c.do(A.REGISTER).state is S.REGISTERED
    s = c.do(A.REFER, "2025-09-26")
    assert (s.state, s.department_id, s.co_department_ids) == (
        S.REFERRED,
        "dept-roads",
        ("dept-finance",),
    )
    assert (s.referred_on, s.deadline, s.deadline_exact) == (D("2025-09-26"), D("2025-12-26"), True)
    assert s.referral_count == 1
    s = c.do(A.REPLY, "2025-10-20")
    assert (s.state, s.outcome, s.replied_on, s.follow_up) == (
        S.REPLIED,
        Outcome.SOLVED,
        D("2025-10-20"),
        False,
    )
    s = c.do(A.ANSWER_BACK, "2025-10-21")
    assert (s.state, s.satisfaction) == (S.ANSWERED_BACK, Satisfaction.SATISFIED)
    assert A.REFER not in allowed_actions(s)
    assert c.do(A.CLOSE).state is S.CLOSED
    assert allowed_actions(c.status) == {A.EDIT}


def test_not_satisfied_is_referred_again_and_cannot_be_closed() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")
    c.do(A.REPLY, "2025-10-20")
    c.do(A.ANSWER_BACK, "2025-10-21", satisfaction="unsatisfied")
    assert allowed_actions(c.status) >= {A.REFER} and A.CLOSE not in allowed_actions(c.status)
    assert "not satisfied" in refused(c, A.CLOSE)
    s = c.do(A.REFER, "2025-10-22", department_id="dept-water", co_department_ids=[])
    assert (s.state, s.department_id, s.referral_count) == (S.REFERRED, "dept-water", 2)
    assert (s.outcome, s.satisfaction, s.replied_on) == (None, None, None)  # a new round
    c.do(A.REPLY, "2025-11-03")
    c.do(A.ANSWER_BACK, "2025-11-04", satisfaction="basically_satisfied")
    assert c.do(A.CLOSE).state is S.CLOSED


def test_return_within_seven_working_days_and_not_on_the_eighth() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")  # day 7 is 13 Oct, across National Day
    assert A.RETURN in allowed_actions(c.status, today=D("2025-10-13"), ctx=CTX)
    assert A.RETURN not in allowed_actions(c.status, today=D("2025-10-14"), ctx=CTX)
    late = c.status
    with pytest.raises(IllegalTransition) as info:
        apply(
            late,
            EventFact("x", "S01-1", A.RETURN, payload_for(A.RETURN, D("2025-10-14")), "S01"),
            CTX,
        )
    assert info.value.args_map == {"days": "7", "last": "2025-10-13"}
    assert info.value.field == "returned_on"
    assert "2025-10-13" in str(info.value)
    s = c.do(A.RETURN, "2025-10-13")
    assert (s.state, s.department_id, s.deadline, s.referred_on) == (S.REGISTERED, None, None, None)
    s = c.do(A.REFER, "2025-10-14", department_id="dept-water", co_department_ids=[])
    assert (s.state, s.referral_count) == (S.REFERRED, 2)


def test_return_window_follows_the_policy() -> None:
    c = Chain(WorkflowContext(WorkflowPolicy(return_working_days=2), shipped_calendar()))
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")
    assert "2025-09-29" in str(refused(c, A.RETURN, "2025-09-30"))
    assert c.do(A.RETURN, "2025-09-29").state is S.REGISTERED


def test_b_and_c_outcomes_stay_on_the_follow_up_list_until_a_or_d() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")
    assert c.do(A.REPLY, "2025-10-20", outcome="B").follow_up
    assert refused(c, A.FOLLOW_UP_REPLY, "2025-10-21")  # not before the answer back
    c.do(A.ANSWER_BACK, "2025-10-21")
    c.do(A.CLOSE, "2025-10-22")
    assert allowed_actions(c.status) == {A.EDIT, A.FOLLOW_UP_REPLY}
    assert refused(c, A.FOLLOW_UP_REPLY, "2025-10-19")  # before the previous reply
    s = c.do(A.FOLLOW_UP_REPLY, "2026-03-01", outcome="C")
    assert (s.state, s.outcome, s.follow_up) == (S.CLOSED, Outcome.PLANNED, True)
    s = c.do(A.FOLLOW_UP_REPLY, "2026-09-01", outcome="A")
    assert (s.state, s.outcome, s.follow_up, s.replied_on) == (
        S.CLOSED,
        Outcome.SOLVED,
        False,
        D("2026-09-01"),
    )
    assert "follow-up" in refused(c, A.FOLLOW_UP_REPLY, "2026-09-02")


def test_not_accepted_then_closed() -> None:
    c = Chain()
    c.do(A.REGISTER)
    assert refused(c, A.NOT_ACCEPT, where_to_go="  ")
    assert c.do(A.NOT_ACCEPT).state is S.NOT_ACCEPTED
    assert allowed_actions(c.status) == {A.CLOSE, A.EDIT, A.ESCALATE}
    assert c.do(A.CLOSE).state is S.CLOSED


def test_answered_on_the_spot_then_closed() -> None:
    c = Chain()
    c.do(A.REGISTER)
    assert c.do(A.ANSWER_ON_SPOT).state is S.ANSWERED_ON_SPOT
    assert refused(c, A.REFER)
    assert c.do(A.CLOSE).state is S.CLOSED


def test_merge_keeps_the_state_and_the_way_to_an_answer() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")
    s = c.do(A.MERGE, into_case_id="case-42")
    assert (s.state, s.merged_into) == (S.REFERRED, "case-42")
    assert "merged" in refused(c, A.MERGE)
    c.do(A.REPLY, "2025-10-20")  # each person still gets their own answer
    assert A.MERGE not in allowed_actions(c.status)


def test_escalate_once_and_never_when_closed() -> None:
    c = Chain()
    c.do(A.REGISTER)
    assert c.do(A.ESCALATE).escalated
    assert "already been escalated" in refused(c, A.ESCALATE)
    c2 = Chain()
    c2.do(A.REGISTER)
    c2.do(A.ANSWER_ON_SPOT)
    c2.do(A.CLOSE)
    assert refused(c2, A.ESCALATE)


def test_delete_only_while_registered_and_nothing_after_it() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.EDIT)
    assert c.do(A.DELETE).deleted
    assert allowed_actions(c.status) == frozenset()
    for action in (A.EDIT, A.REFER, A.ESCALATE, A.DELETE):
        assert refused(c, action) == "The case has been deleted."
    c2 = Chain()
    c2.do(A.REGISTER)
    c2.do(A.REFER)
    assert A.DELETE not in allowed_actions(c2.status)
    assert refused(c2, A.DELETE)


def test_registration_comes_first_and_once() -> None:
    c = Chain()
    assert "registered before" in refused(c, A.REFER)
    c.do(A.REGISTER)
    assert "already registered" in refused(c, A.REGISTER)


@pytest.mark.parametrize(
    ("action", "payload", "field"),
    [
        (A.ANSWER_ON_SPOT, {"text": ""}, "text"),
        (A.REFER, {"department_id": None}, "department_id"),
        (A.REFER, {"co_department_ids": "dept-finance"}, "co_department_ids"),
        (A.REFER, {"co_department_ids": ["dept-roads"]}, "co_department_ids"),
        (A.REFER, {"referred_on": "2025-13-01"}, "referred_on"),
        (A.REFER, {"deadline": "2025-09-01"}, "deadline"),
        (A.REFER, {"deadline": 20251226}, "deadline"),
        (A.MERGE, {"into_case_id": 7}, "into_case_id"),
    ],
)
def test_payloads_are_checked(action: CaseAction, payload: dict, field: str) -> None:
    c = Chain()
    c.do(A.REGISTER)
    with pytest.raises(IllegalTransition) as info:
        c.do(action, **payload)
    assert info.value.field == field
    assert isinstance(info.value, InvalidValue) and isinstance(info.value, ValueError)


def test_reply_and_answer_back_payloads_are_checked() -> None:
    c = Chain()
    c.do(A.REGISTER)
    c.do(A.REFER, "2025-09-26")
    assert refused(c, A.REPLY, "2025-10-20", outcome="E") == "Choose one of the listed options."
    assert refused(c, A.REPLY, "2025-09-25").startswith("The date cannot be before")
    c.do(A.REPLY, "2025-10-20")
    assert refused(c, A.ANSWER_BACK, "2025-10-21", method="telegram")
    assert refused(c, A.ANSWER_BACK, "2025-10-21", satisfaction="") == "This field is required."
    assert refused(c, A.ANSWER_BACK, "2025-10-19")


def test_labels_and_event_kinds() -> None:
    for vocab in (CaseAction, Outcome, Satisfaction, AnswerMethod):
        assert all(member.label for member in vocab)
    assert [o.value for o in Outcome] == ["A", "B", "C", "D"]
    assert Satisfaction("basically_satisfied").label == "Basically satisfied"
    assert A.REFER.context() == "CaseAction"


# --- no sequence of actions reaches an illegal state ------------------------------------------


def check_invariants(s: CaseStatus) -> None:
    referred = s.state is S.REFERRED
    assert (s.department_id is not None) is (s.deadline is not None) is (s.referred_on is not None)
    assert not referred or s.deadline >= s.referred_on
    assert s.follow_up == (s.outcome in (Outcome.BEING_SOLVED, Outcome.PLANNED))
    assert (s.state is S.REPLIED) <= (s.outcome is not None and s.satisfaction is None)
    assert (s.state is S.ANSWERED_BACK) <= (s.satisfaction is not None)
    assert s.referral_count >= (s.state in {S.REFERRED, S.REPLIED, S.ANSWERED_BACK})
    next_steps = allowed_actions(s) - HOUSEKEEPING
    assert s.state is S.CLOSED or s.deleted or s.merged_into or next_steps


@given(st.data())
def test_no_sequence_of_actions_reaches_an_illegal_state(data: st.DataObject) -> None:
    status: CaseStatus | None = None
    day = D("2025-01-02")
    for step in range(data.draw(st.integers(5, 40))):
        finished = status is not None and (status.deleted or status.state is S.CLOSED)
        if finished and not status.follow_up and data.draw(st.booleans()):
            break  # only refusals and edits are left
        day += dt.timedelta(days=data.draw(st.integers(0, 12)))
        allowed = allowed_actions(status, today=day, ctx=CTX)
        # Mostly an offered action, so that long cases are reached; sometimes any action.
        anything = not allowed or data.draw(st.integers(0, 4)) == 0
        steps = [a for a in DEEP_FIRST if a in allowed] or [A.EDIT]
        action = data.draw(st.sampled_from(list(CaseAction) if anything else steps))
        payload = payload_for(
            action,
            day,
            data.draw(st.sampled_from([Outcome.BEING_SOLVED, *Outcome])),
            data.draw(st.sampled_from([Satisfaction.UNSATISFIED, *Satisfaction])),
        )
        spoil = (
            data.draw(st.sampled_from([None, *payload]))
            if data.draw(st.integers(0, 9)) == 0
            else None
        )
        if spoil is not None:
            payload[spoil] = data.draw(st.sampled_from(["", None, "nonsense", 3, ["x", 1]]))
        offered = action in allowed or action is A.RESOLVE
        before, payload_before = status, copy.deepcopy(payload)
        snapshot = copy.deepcopy(status)
        event = EventFact(f"e{step}", None, action, payload, "S01")
        try:
            status = apply(status, event, CTX)
        except IllegalTransition as exc:
            assert status == snapshot and payload == payload_before  # nothing changed
            assert exc.message
            assert not offered or spoil is not None or status is None, (action, before, payload)
            continue
        assert payload == payload_before
        assert offered or action is A.RESOLVE, (action, before)
        sources, target = EXPECTED[action]
        assert (before.state if before else None) in sources
        assert status.state is (target or before.state)
        check_invariants(status)


# --- the fold of events written at two sites ------------------------------------------------


def ev(
    id_: str,
    prev: str | None,
    action: CaseAction,
    day: str = "2025-09-26",
    site: str = "S01",
    **extra: Any,
) -> EventFact:
    return EventFact(id_, prev, action, payload_for(action, D(day)) | extra, site)


REG = ev("r", None, A.REGISTER)
REFER = ev("f", "r", A.REFER, site="county")
REPLY = ev("p", "f", A.REPLY, "2025-10-20", site="county")
BACK = ev("b", "p", A.ANSWER_BACK, "2025-10-21")
CLOSE = ev("c", "b", A.CLOSE)
HISTORY = [REG, REFER, REPLY, BACK, CLOSE]


def test_fold_replays_the_chain_in_causal_order() -> None:
    result = fold(reversed(HISTORY), CTX)
    assert result.applied == ("r", "f", "p", "b", "c")
    assert result.status == replay(HISTORY)
    assert result.head == next_local_previous(result) == "c"
    assert (result.waiting, result.conflict, result.rejected) == ((), (), ())


def replay(events: list[EventFact], ctx: WorkflowContext = CTX) -> CaseStatus | None:
    status = None
    for e in events:
        status = apply(status, e, ctx)
    return status


def test_fold_of_nothing() -> None:
    assert fold([], CTX) == FoldResult(None, (), None)


def test_events_whose_predecessor_has_not_arrived_wait() -> None:
    result = fold([REG, REPLY, BACK, CLOSE], CTX)
    assert result.status == CaseStatus(S.REGISTERED)
    assert result.head == "r"
    assert result.waiting == ("b", "c", "p")
    assert fold([REPLY], CTX) == FoldResult(None, (), None, ("p",))


def test_duplicates_are_ignored() -> None:
    assert fold(HISTORY + HISTORY[::-1] + [REFER], CTX) == fold(HISTORY, CTX)


def test_two_sites_acting_at_once_is_a_conflict() -> None:
    station = ev("s", "f", A.RETURN, "2025-09-29", site="S01")
    result = fold([*HISTORY, station], CTX)
    assert result.conflict == ("p", "s")
    assert result.branches == (("p", "b", "c"), ("s",))
    assert result.status.state is S.REFERRED and result.head == "f"
    assert result.applied == ("r", "f")


def test_a_resolve_event_settles_the_conflict() -> None:
    station = ev("s", "f", A.RETURN, "2025-09-29", site="S01")
    settle = ev("z", "c", A.RESOLVE, discarded_event_ids=["s"])
    result = fold([settle, station, *HISTORY], CTX)
    assert result.conflict == ()
    assert result.applied == ("r", "f", "p", "b", "c", "z")
    assert result.discarded == ("s",)
    assert result.status.state is S.CLOSED
    # Keeping the station's branch instead: its later events follow, the county's are dropped.
    keep_station = ev("y", "s", A.RESOLVE, discarded_event_ids=["p", "b", "c"])
    result = fold([*HISTORY, station, keep_station], CTX)
    assert result.status.state is S.REGISTERED
    assert result.applied == ("r", "f", "s", "y") and set(result.discarded) == {"p", "b", "c"}


def test_rival_resolves_stay_a_conflict_until_one_knows_of_the_other() -> None:
    station = ev("s", "f", A.RETURN, "2025-09-29", site="S01")
    county_keeps = ev("z1", "c", A.RESOLVE, site="county", discarded_event_ids=["s"])
    station_keeps = ev("z2", "s", A.RESOLVE, discarded_event_ids=["p", "b", "c"])
    both = [*HISTORY, station, county_keeps, station_keeps]
    assert fold(both, CTX).conflict == ("p", "s")
    informed = ev("z3", "z1", A.RESOLVE, site="county", discarded_event_ids=["s", "z2"])
    result = fold([*both, informed], CTX)
    assert result.conflict == () and result.status.state is S.CLOSED
    assert result.head == "z3"


def test_refused_events_are_left_out_with_what_follows_them() -> None:
    too_early = ev("x", "f", A.CLOSE)
    after = ev("x2", "x", A.EDIT)
    result = fold([*HISTORY, too_early, after], CTX)
    assert result.conflict == ()  # the refused sibling is no rival
    assert result.status.state is S.CLOSED
    assert [(r.event_id, r.message) for r in result.rejected] == [
        ("x", "This step does not fit the case's present stage."),
        ("x2", "This step follows a refused step."),
    ]


def test_a_return_recorded_in_time_stays_valid_when_the_policy_changes() -> None:
    returned = ev("t", "f", A.RETURN, "2025-10-13")
    strict = WorkflowContext(WorkflowPolicy(return_working_days=1), shipped_calendar())
    assert fold([REG, REFER, returned], strict).status.state is S.REGISTERED


def test_two_registrations_are_a_conflict() -> None:
    second_root = ev("r2", None, A.REGISTER, site="county")
    result = fold([REG, second_root], CTX)
    assert result.conflict == ("r", "r2") and result.status is None


@st.composite
def event_trees(draw: st.DrawFn) -> list[EventFact]:
    """Random events about one case: mostly steps the predecessor's status allows, after the
    latest event or an earlier one (a fork), some after an event that never arrives, and some
    resolve events keeping their own branch."""
    history = replace(CTX, enforce_time_limits=False)
    events, status = [REG], {"r": apply(None, REG, CTX)}
    for i in range(draw(st.integers(0, 16))):
        prev = draw(st.sampled_from([events[-1].id] * 4 + [e.id for e in events] + ["ghost"]))
        offered = sorted(allowed_actions(status.get(prev)) | {A.RESOLVE})
        pool = offered * 6 + list(CaseAction) if prev in status else list(CaseAction)
        action = draw(st.sampled_from(pool))
        extra: dict[str, Any] = {}
        if action is A.RESOLVE:
            path, at = set(), prev
            while at in {e.id for e in events}:
                path.add(at)
                at = next(e.previous_id for e in events if e.id == at)
            others = [e.id for e in events if e.id not in path] or ["nothing"]
            extra["discarded_event_ids"] = draw(st.sampled_from([others, others[:1]]))
        day = dt.date(2025, 9, 26) + dt.timedelta(days=2 * i)  # in order along every path
        site = draw(st.sampled_from(["S01", "county"]))
        event = ev(f"e{i:02d}", prev, action, day.isoformat(), site, **extra)
        events.append(event)
        with contextlib.suppress(KeyError, IllegalTransition):
            status[event.id] = apply(status[prev], event, history)
    return events


@given(event_trees(), st.data())
def test_the_fold_does_not_depend_on_arrival_order(
    events: list[EventFact], data: st.DataObject
) -> None:
    expected = fold(events, CTX)
    shuffled = data.draw(st.permutations(events))
    doubled = data.draw(st.lists(st.sampled_from(events), max_size=5))
    assert fold(shuffled + doubled, CTX) == expected
    # The applied events form a chain from the registration, and the result's parts are apart.
    by_id = {e.id: e for e in events}
    assert all(by_id[b].previous_id == a for a, b in itertools.pairwise((None, *expected.applied)))
    assert expected.head == (expected.applied[-1] if expected.applied else None)
    history = replace(CTX, enforce_time_limits=False)
    assert expected.status == replay([by_id[i] for i in expected.applied], history)
    rejected = {r.event_id for r in expected.rejected}
    parts = [set(expected.applied), set(expected.waiting), rejected, set(expected.discarded)]
    assert sum(map(len, parts)) == len(set.union(*parts))
    conflicted = {i for branch in expected.branches for i in branch}
    assert not conflicted & set(expected.applied)
    assert {e.id for e in events if e.previous_id == "ghost"} <= set(expected.waiting)


def test_status_is_a_value() -> None:
    s = CaseStatus(S.REGISTERED)
    assert replace(s, escalated=True) != s and hash(s) == hash(CaseStatus(S.REGISTERED))
