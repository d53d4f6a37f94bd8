"""The feedback-case state machine, and the fold of a case's events written at two sites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from desktop.domain.enums import CaseState, LabelledEnum, _labels
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import InvalidValue
from desktop.domain.workcalendar import Deadline, WorkCalendar

S = CaseState
_PENDING: dict[str, dict[str, str]] = {}


class _Vocab(LabelledEnum):
    """A LabelledEnum declared as ``NAME = value, label`` so each label sits by its member."""

    def __new__(cls, value: str, label: str) -> _Vocab:
        member = str.__new__(cls, value)
        member._value_ = value
        _PENDING.setdefault(cls.__name__, {})[value] = label
        return member


class CaseAction(_Vocab):
    """What a person does to a case; the value is the event kind stored for it."""

    REGISTER = "registered", QT_TRANSLATE_NOOP("CaseAction", "Registration")
    ANSWER_ON_SPOT = "answered_on_spot", QT_TRANSLATE_NOOP("CaseAction", "Answer on the spot")
    NOT_ACCEPT = "not_accepted", QT_TRANSLATE_NOOP("CaseAction", "Not accepted")
    REFER = "referred", QT_TRANSLATE_NOOP("CaseAction", "Referral")
    RETURN = "returned", QT_TRANSLATE_NOOP("CaseAction", "Return")
    REPLY = "replied", QT_TRANSLATE_NOOP("CaseAction", "Reply")
    ANSWER_BACK = "answered_back", QT_TRANSLATE_NOOP("CaseAction", "Answer back")
    CLOSE = "closed", QT_TRANSLATE_NOOP("CaseAction", "Closing")
    FOLLOW_UP_REPLY = "follow_up_replied", QT_TRANSLATE_NOOP("CaseAction", "Follow-up reply")
    ESCALATE = "escalated", QT_TRANSLATE_NOOP("CaseAction", "Escalation to the county office")
    MERGE = "merged", QT_TRANSLATE_NOOP("CaseAction", "Merge")
    EDIT = "edited", QT_TRANSLATE_NOOP("CaseAction", "Edit")
    DELETE = "deleted", QT_TRANSLATE_NOOP("CaseAction", "Deletion")
    RESOLVE = "resolved", QT_TRANSLATE_NOOP("CaseAction", "Conflict settled")


class Outcome(_Vocab):
    """The class of a department's reply; ledgers print the letter."""

    SOLVED = "A", QT_TRANSLATE_NOOP("Outcome", "Solved")
    BEING_SOLVED = "B", QT_TRANSLATE_NOOP("Outcome", "Being solved")
    PLANNED = "C", QT_TRANSLATE_NOOP("Outcome", "Planned")
    NOT_FEASIBLE = "D", QT_TRANSLATE_NOOP("Outcome", "Not feasible, explained")


class Satisfaction(_Vocab):
    SATISFIED = "satisfied", QT_TRANSLATE_NOOP("Satisfaction", "Satisfied")
    BASICALLY_SATISFIED = (
        "basically_satisfied",
        QT_TRANSLATE_NOOP("Satisfaction", "Basically satisfied"),
    )
    UNSATISFIED = "unsatisfied", QT_TRANSLATE_NOOP("Satisfaction", "Not satisfied")


class AnswerMethod(_Vocab):
    IN_PERSON = "in_person", QT_TRANSLATE_NOOP("AnswerMethod", "In person")
    PHONE = "phone", QT_TRANSLATE_NOOP("AnswerMethod", "By telephone")
    LETTER = "letter", QT_TRANSLATE_NOOP("AnswerMethod", "In writing")
    WECHAT = "wechat", QT_TRANSLATE_NOOP("AnswerMethod", "By WeChat")


for _vocab in (CaseAction, Outcome, Satisfaction, AnswerMethod):
    _labels(_vocab, _PENDING.pop(_vocab.__name__))

# Messages are module constants so that lupdate finds every literal in one place.
MSG_NOT_REGISTERED = QT_TRANSLATE_NOOP("Workflow", "A case is registered before anything else.")
MSG_REGISTERED = QT_TRANSLATE_NOOP("Workflow", "The case is already registered.")
MSG_DELETED = QT_TRANSLATE_NOOP("Workflow", "The case has been deleted.")
MSG_WRONG_STATE = QT_TRANSLATE_NOOP("Workflow", "This step does not fit the case's present stage.")
MSG_REQUIRED = QT_TRANSLATE_NOOP("Workflow", "This field is required.")
MSG_DATE = QT_TRANSLATE_NOOP("Workflow", "Enter a date as YYYY-MM-DD.")
MSG_CHOICE = QT_TRANSLATE_NOOP("Workflow", "Choose one of the listed options.")
MSG_IDS = QT_TRANSLATE_NOOP("Workflow", "Expected a list of record identifiers.")
MSG_LEAD_IS_CO = QT_TRANSLATE_NOOP("Workflow", "The lead department cannot also co-handle.")
MSG_BEFORE = QT_TRANSLATE_NOOP("Workflow", "The date cannot be before {day}.")
MSG_RETURN_LATE = QT_TRANSLATE_NOOP(
    "Workflow", "The return window ended on {last}, {days} working days after the referral."
)
MSG_CLOSE_UNSATISFIED = QT_TRANSLATE_NOOP("Workflow", "The person is not satisfied: refer again.")
MSG_REFER_SATISFIED = QT_TRANSLATE_NOOP("Workflow", "The person is satisfied: close the case.")
MSG_NOT_FOLLOW_UP = QT_TRANSLATE_NOOP("Workflow", "The case is not on the follow-up list.")
MSG_ESCALATED = QT_TRANSLATE_NOOP("Workflow", "The case has already been escalated.")
MSG_MERGED = QT_TRANSLATE_NOOP("Workflow", "The case has already been merged into another.")
MSG_AFTER_REFUSED = QT_TRANSLATE_NOOP("Workflow", "This step follows a refused step.")

A = CaseAction
_ALL = frozenset(CaseState)
_NEW, _REFERRED, _BACK = frozenset({S.REGISTERED}), frozenset({S.REFERRED}), S.ANSWERED_BACK
# Per action: the states it starts from, the state it leads to (None: unchanged), its text
# fields. Delete only while registered: what has gone out must stay traceable (merge instead).
RULES: Mapping[CaseAction, tuple[frozenset[CaseState], CaseState | None, tuple[str, ...]]] = {
    A.REGISTER: (frozenset(), S.REGISTERED, ()),
    A.ANSWER_ON_SPOT: (_NEW, S.ANSWERED_ON_SPOT, ("text",)),
    A.NOT_ACCEPT: (_NEW, S.NOT_ACCEPTED, ("reason", "where_to_go")),
    A.REFER: (_NEW | {_BACK}, S.REFERRED, ("department_id",)),
    A.RETURN: (_REFERRED, S.REGISTERED, ("reason",)),
    A.REPLY: (_REFERRED, S.REPLIED, ("text",)),
    A.ANSWER_BACK: (frozenset({S.REPLIED}), _BACK, ()),
    A.CLOSE: (frozenset({S.ANSWERED_ON_SPOT, S.NOT_ACCEPTED, _BACK}), S.CLOSED, ()),
    A.FOLLOW_UP_REPLY: (frozenset({_BACK, S.CLOSED}), None, ("text",)),
    A.ESCALATE: (_ALL - {S.CLOSED}, None, ("note",)),
    A.MERGE: (_NEW | _REFERRED, None, ("into_case_id",)),
    A.EDIT: (_ALL, None, ()),
    A.DELETE: (_NEW, None, ()),
    A.RESOLVE: (_ALL, None, ()),
}
_FOLLOW_UP = frozenset({Outcome.BEING_SOLVED, Outcome.PLANNED})
_CONTENT = frozenset({Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED})
_CLEAR_REPLY = dict(replied_on=None, outcome=None, satisfaction=None, follow_up=False)
_CLEAR_REFERRAL = dict(department_id=None, co_department_ids=(), deadline=None, referred_on=None)
_T = TypeVar("_T")


class IllegalTransition(InvalidValue):
    """A refused step; ``field`` names the payload key at fault (None: the step itself)."""

    context = "Workflow"

    def __init__(self, msg: str, args: Mapping[str, str] | None = None, field: str = "") -> None:
        super().__init__(msg, args)
        self.field = field or None


@dataclass(frozen=True)
class WorkflowPolicy:
    reply_months: int = 3
    return_working_days: int = 7
    due_soon_working_days: int = 5


@dataclass(frozen=True)
class WorkflowContext:
    policy: WorkflowPolicy = field(default_factory=WorkflowPolicy)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    # The fold replays history without time limits: a return accepted under the calendar and
    # policy its site had then stays accepted when the county changes them.
    enforce_time_limits: bool = True

    def reply_deadline(self, referred_on: dt.date) -> Deadline:
        return self.calendar.due_after_months(referred_on, self.policy.reply_months)

    def return_deadline(self, referred_on: dt.date) -> Deadline:
        return self.calendar.add_working_days(referred_on, self.policy.return_working_days)


@dataclass(frozen=True)
class CaseStatus:
    state: CaseState
    escalated: bool = False
    merged_into: str | None = None
    deleted: bool = False
    department_id: str | None = None
    co_department_ids: tuple[str, ...] = ()
    deadline: dt.date | None = None
    deadline_exact: bool = True  # False: counted over a year whose holidays were not entered
    referred_on: dt.date | None = None
    replied_on: dt.date | None = None
    outcome: Outcome | None = None
    satisfaction: Satisfaction | None = None
    follow_up: bool = False  # the last outcome was B or C
    referral_count: int = 0


@dataclass(frozen=True)
class EventFact:
    id: str
    previous_id: str | None  # None only for the registration
    action: CaseAction
    payload: Mapping[str, Any]
    site_id: str


def _refusal(status: CaseStatus | None, action: CaseAction) -> str | None:
    """Why ``action`` cannot follow ``status`` whatever its payload; None if it can."""
    if status is None:
        return None if action is A.REGISTER else MSG_NOT_REGISTERED
    if action is A.REGISTER:
        return MSG_REGISTERED
    if action is A.RESOLVE:
        return None  # settling a conflict may follow any step, a deletion included
    if status.deleted:
        return MSG_DELETED
    if status.state not in RULES[action][0]:
        return MSG_WRONG_STATE
    satisfied = status.satisfaction in _CONTENT
    for refused, when in (
        (MSG_CLOSE_UNSATISFIED, action is A.CLOSE and status.state is _BACK and not satisfied),
        (MSG_REFER_SATISFIED, action is A.REFER and status.state is _BACK and satisfied),
        (MSG_NOT_FOLLOW_UP, action is A.FOLLOW_UP_REPLY and not status.follow_up),
        (MSG_ESCALATED, action is A.ESCALATE and status.escalated),
        (MSG_MERGED, action is A.MERGE and status.merged_into is not None),
    ):
        if when:
            return refused
    return None


def allowed_actions(
    status: CaseStatus | None, *, today: dt.date | None = None, ctx: WorkflowContext | None = None
) -> frozenset[CaseAction]:
    """What the detail pane offers. Edit: until the case is deleted. Delete: only while it is
    registered. Resolve: never (the conflict list offers it). Return: given ``today`` and
    ``ctx``, only inside its window."""
    found = {a for a in A if a is not A.RESOLVE and _refusal(status, a) is None}
    referred_on = status.referred_on if status is not None else None
    if today and ctx and referred_on and today > ctx.return_deadline(referred_on).day:
        found.discard(A.RETURN)
    return frozenset(found)


def _field(p: Mapping[str, Any], key: str, parse: Callable[[Any], _T], bad: str = MSG_CHOICE) -> _T:
    value = p.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise IllegalTransition(MSG_REQUIRED, field=key)
    try:
        return parse(value)
    except (TypeError, ValueError):
        raise IllegalTransition(bad, field=key) from None


def _date(p: Mapping[str, Any], key: str, not_before: dt.date | None = None) -> dt.date:
    day = _field(p, key, dt.date.fromisoformat, MSG_DATE)
    if not_before is not None and day < not_before:
        raise IllegalTransition(MSG_BEFORE, {"day": not_before.isoformat()}, key)
    return day


def _ids(p: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = p.get(key, [])
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise IllegalTransition(MSG_IDS, field=key)
    return tuple(dict.fromkeys(value))  # de-duplicated, order kept


def apply(status: CaseStatus | None, event: EventFact, ctx: WorkflowContext) -> CaseStatus:
    """The status after ``event``; raises IllegalTransition (changing nothing) if refused."""
    a, p = event.action, event.payload
    refusal = _refusal(status, a)
    if refusal is not None:
        raise IllegalTransition(refusal)
    if not isinstance(p, Mapping):
        raise IllegalTransition(MSG_REQUIRED, field="payload")
    if status is None:
        return CaseStatus(S.REGISTERED)
    _, target, text_fields = RULES[a]
    texts = {key: _field(p, key, str.strip) for key in text_fields}  # TypeError if not str
    new = replace(status, state=target or status.state)
    if a is A.REFER:
        co = _ids(p, "co_department_ids")
        if texts["department_id"] in co:
            raise IllegalTransition(MSG_LEAD_IS_CO, field="co_department_ids")
        referred_on = _date(p, "referred_on")
        deadline = _date(p, "deadline", referred_on)
        # A new round: whatever a department replied before no longer stands.
        return replace(
            new, **_CLEAR_REPLY, department_id=texts["department_id"], co_department_ids=co,
            deadline=deadline, deadline_exact=p.get("deadline_exact", True) is not False,
            referred_on=referred_on, referral_count=status.referral_count + 1,
        )  # fmt: skip
    if a is A.RETURN:
        assert status.referred_on is not None  # every referred status has it
        returned_on = _date(p, "returned_on", status.referred_on)
        last = ctx.return_deadline(status.referred_on).day
        if ctx.enforce_time_limits and returned_on > last:
            args = {"days": str(ctx.policy.return_working_days), "last": last.isoformat()}
            raise IllegalTransition(MSG_RETURN_LATE, args, "returned_on")
        return replace(new, **_CLEAR_REFERRAL, deadline_exact=True)
    if a in (A.REPLY, A.FOLLOW_UP_REPLY):
        after = status.referred_on if a is A.REPLY else status.replied_on
        replied_on = _date(p, "replied_on", after)
        outcome = _field(p, "outcome", Outcome)
        follow_up = outcome in _FOLLOW_UP  # an A or D takes the case off the follow-up list
        return replace(new, replied_on=replied_on, outcome=outcome, follow_up=follow_up)
    if a is A.ANSWER_BACK:
        _date(p, "answered_on", status.replied_on)
        _field(p, "method", AnswerMethod)
        return replace(new, satisfaction=_field(p, "satisfaction", Satisfaction))
    if a is A.RESOLVE and not _ids(p, "discarded_event_ids"):
        raise IllegalTransition(MSG_REQUIRED, field="discarded_event_ids")
    flags = {A.ESCALATE: {"escalated": True}, A.DELETE: {"deleted": True}}
    if a is A.MERGE:
        flags[a] = {"merged_into": texts["into_case_id"]}
    return replace(new, **flags.get(a, {}))


@dataclass(frozen=True)
class Rejection:
    event_id: str
    message: str
    args_map: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FoldResult:
    status: CaseStatus | None  # None until the registration has arrived
    applied: tuple[str, ...]  # event ids in causal order
    head: str | None  # the last applied event: the predecessor of the next local event
    waiting: tuple[str, ...] = ()  # an ancestor has not arrived yet
    conflict: tuple[str, ...] = ()  # unsettled siblings; the fold stopped before them
    branches: tuple[tuple[str, ...], ...] = ()  # each conflicting sibling with what follows it
    discarded: tuple[str, ...] = ()  # set aside by a resolve event
    rejected: tuple[Rejection, ...] = ()


def fold(events: Iterable[EventFact], ctx: WorkflowContext) -> FoldResult:
    """Replay one case's events in causal order, whatever their arrival order and duplicates.
    A fork (two events after one) stops it unless a resolve event in one branch discards the
    others. A refused event is left out with whatever follows it."""
    ctx = replace(ctx, enforce_time_limits=False)
    by_id: dict[str, EventFact] = {}
    for e in events:
        # One id is one event; the repr tie-break only keeps the result free of arrival order.
        if e.id not in by_id or repr(e) < repr(by_id[e.id]):
            by_id[e.id] = e
    children: dict[str | None, list[EventFact]] = {}
    for e in sorted(by_id.values(), key=lambda e: e.id):
        children.setdefault(e.previous_id, []).append(e)

    def subtree(root: EventFact) -> list[EventFact]:
        out, stack = [], [root]
        while stack:
            out.append(stack.pop())
            stack.extend(reversed(children.get(out[-1].id, [])))
        return out

    status: CaseStatus | None = None
    applied: list[str] = []
    discarded: list[str] = []
    rejected: list[Rejection] = []
    conflict: list[EventFact] = []
    while not conflict:
        steps: list[tuple[EventFact, CaseStatus]] = []
        for kid in children.get(applied[-1] if applied else None, []):
            try:
                steps.append((kid, apply(status, kid, ctx)))
            except IllegalTransition as exc:
                rejected.append(Rejection(kid.id, exc.message, exc.args_map))
                rejected.extend(Rejection(e.id, MSG_AFTER_REFUSED) for e in subtree(kid)[1:])
        if len(steps) > 1:
            chosen = _settled([kid for kid, _ in steps], subtree)
            for kid, _ in steps:
                if chosen is None:
                    conflict.append(kid)
                elif kid is not chosen:
                    discarded.extend(e.id for e in subtree(kid))
            steps = [step for step in steps if step[0] is chosen]
        if not steps:
            break
        applied.append(steps[0][0].id)
        status = steps[0][1]
    reached = {e.id for first in children.get(None, []) for e in subtree(first)}
    return FoldResult(
        status, tuple(applied), applied[-1] if applied else None,
        tuple(sorted(set(by_id) - reached)), tuple(k.id for k in conflict),
        tuple(tuple(e.id for e in subtree(k)) for k in conflict), tuple(discarded),
        tuple(rejected),
    )  # fmt: skip


def _settled(kids: list[EventFact], subtree: Callable[[EventFact], list]) -> EventFact | None:
    """The one sibling whose branch holds a resolve event discarding all the others."""

    def discards(event: EventFact) -> frozenset[str]:
        try:  # checked only when applied; a malformed resolve settles nothing
            return frozenset(_ids(event.payload, "discarded_event_ids"))
        except (IllegalTransition, AttributeError):
            return frozenset()

    claims: dict[str, list[EventFact]] = {}
    for kid in kids:
        others = {k.id for k in kids if k is not kid}
        found = [e for e in subtree(kid) if e.action is A.RESOLVE and others <= discards(e)]
        if found:
            claims[kid.id] = found
    if len(claims) > 1:
        # Both sites settled at once, each its own way: a branch keeps its claim only through a
        # resolve event no rival resolve lists as discarded (the better informed one wins).
        voided = frozenset().union(*(discards(r) for rs in claims.values() for r in rs))
        claims = {k: rs for k, rs in claims.items() if any(r.id not in voided for r in rs)}
    if len(claims) != 1:
        return None
    return next(k for k in kids if k.id in claims)


def next_local_previous(result: FoldResult) -> str | None:
    """The ``previous_id`` for the next event written at this site."""
    return result.head
