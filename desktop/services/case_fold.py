"""Many cases' list columns folded again from their steps at once (a bundle's cases), in Core.

The same projection as ``CaseworkService._project`` (casework.py), for hundreds of cases per
query and without ORM objects: a bundle of 15,000 cases spent most of its import time loading
and flushing them. Only the cases whose columns really change are written.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop.db.engine import next_change_seq
from desktop.db.models import CaseEvent, Department, FeedbackCase
from desktop.domain.enums import CaseState
from desktop.domain.workflow import (
    CaseAction,
    CaseStatus,
    EventFact,
    FoldResult,
    WorkflowContext,
    fold,
)

A = CaseAction
CHUNK = 500
PROJECTED = (
    "state", "last_event_id", "department_id", "co_department_ids", "referred_on", "deadline",
    "deadline_exact", "replied_on", "outcome", "reply_text", "answered_on", "satisfaction",
    "follow_up", "escalated", "merged_into_id", "conflict", "deleted",
)  # fmt: skip
_EVENTS = CaseEvent.__table__
_CASES = FeedbackCase.__table__


def replayed(ctx: WorkflowContext) -> WorkflowContext:
    """History is replayed without the time limits its steps were checked against then."""
    return replace(ctx, enforce_time_limits=False)


def _uuid(value: str | None) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def latest_texts(applied: tuple[str, ...], steps: Mapping[str, tuple[str, str]]) -> dict:
    """The reply text and answer-back date of the last applied steps that carry them
    (``steps``: event id -> (kind, payload JSON))."""
    out: dict[str, Any] = {}
    for event_id in applied:
        kind, raw = steps[event_id]
        if kind in (A.REPLY.value, A.FOLLOW_UP_REPLY.value):
            out["reply"] = json.loads(raw or "{}").get("text", "")
        elif kind == A.ANSWER_BACK.value:
            out["answered_on"] = dt.date.fromisoformat(json.loads(raw)["answered_on"])
        elif kind == A.REFER.value:
            out.pop("reply", None)
    return out


def projection(
    result: FoldResult, texts: Mapping[str, Any], here: Collection[uuid.UUID], deleted: bool
) -> dict[str, Any]:
    """The list columns of a case from its folded status; a department or case the steps name
    that is not ``here`` is left out until it arrives."""
    status = result.status or CaseStatus(CaseState.REGISTERED)

    def known(value: str | None) -> uuid.UUID | None:
        found = _uuid(value)
        return found if found in here else None

    return {
        "state": status.state.value,
        "last_event_id": _uuid(result.head),
        "department_id": known(status.department_id),
        "co_department_ids": json.dumps(list(status.co_department_ids)),
        "referred_on": status.referred_on,
        "deadline": status.deadline,
        "deadline_exact": status.deadline_exact,
        "replied_on": status.replied_on,
        "outcome": status.outcome.value if status.outcome else "",
        "reply_text": texts.get("reply", "") if status.replied_on else "",
        "answered_on": texts.get("answered_on") if status.satisfaction else None,
        "satisfaction": status.satisfaction.value if status.satisfaction else "",
        "follow_up": status.follow_up,
        "escalated": status.escalated,
        "merged_into_id": known(status.merged_into),
        "conflict": bool(result.conflict),
        "deleted": deleted or status.deleted,
    }


def named_here(session: Session, results: Collection[FoldResult]) -> set[uuid.UUID]:
    """The departments and cases the folded statuses point to that this database holds."""
    named: dict[Any, set[uuid.UUID]] = {Department: set(), FeedbackCase: set()}
    for result in results:
        status = result.status
        if status is None:
            continue
        for model, value in ((Department, status.department_id),
                             (FeedbackCase, status.merged_into)):  # fmt: skip
            found = _uuid(value)
            if found is not None:
                named[model].add(found)
    here: set[uuid.UUID] = set()
    for model, ids in named.items():
        listed = list(ids)
        for start in range(0, len(listed), CHUNK):
            chunk = listed[start : start + CHUNK]
            here.update(session.scalars(select(model.id).where(model.id.in_(chunk))))
    return here


STEP_COLUMNS = tuple(_EVENTS.c[c] for c in ("id", "case_id", "previous_id", "kind", "payload",
                                            "site_id"))  # fmt: skip


def fold_steps(session: Session, case_id: uuid.UUID, ctx: WorkflowContext) -> FoldResult:
    """One case's steps here, folded (as history: without the time limits of the day)."""
    steps = session.execute(select(*STEP_COLUMNS).where(_EVENTS.c.case_id == case_id))
    return fold(_facts(steps.mappings())[0][case_id], replayed(ctx))


def _facts(
    events: Iterable[Mapping[str, Any]],
) -> tuple[dict[uuid.UUID, list[EventFact]], dict[str, tuple[str, str]]]:
    """Each case's steps as the workflow folds them, and each step's kind and payload."""
    facts: dict[uuid.UUID, list[EventFact]] = defaultdict(list)
    steps: dict[str, tuple[str, str]] = {}
    for e in events:
        key, previous = str(e["id"]), e["previous_id"]
        steps[key] = (e["kind"], e["payload"])
        payload, site = json.loads(e["payload"] or "{}"), str(e["site_id"])
        after = str(previous) if previous else None
        facts[e["case_id"]].append(EventFact(key, after, CaseAction(e["kind"]), payload, site))
    return facts, steps


def _write_changes(
    session: Session,
    cases: list[Mapping[str, Any]],
    events: Iterable[Mapping[str, Any]],
    ctx: WorkflowContext,
) -> int:
    """Fold ``cases`` from ``events`` (all their steps), write the columns that changed."""
    local = session.info.get("site_id")
    facts, steps = _facts(events)
    results = {case["id"]: fold(facts[case["id"]], ctx) for case in cases}
    here = named_here(session, results.values())
    changes = []
    for case in cases:
        result = results[case["id"]]
        wanted = projection(result, latest_texts(result.applied, steps), here, case["deleted"])
        if any(case[c] != v for c, v in wanted.items()):
            if case["owner_site_id"] != local:
                wanted["change_seq"] = next_change_seq(session)
            changes.append({"_id": case["id"], **wanted})
    for shape in {tuple(sorted(c)) for c in changes}:  # with and without a new sequence
        same = [c for c in changes if tuple(sorted(c)) == shape]
        columns = [c for c in shape if c != "_id"]
        statement = (
            _CASES.update()
            .where(_CASES.c.id == bindparam("_id"))
            .values({c: bindparam(c) for c in columns})
        )
        session.execute(statement, same)
    return len(changes)


def refold_cases(
    session: Session,
    case_ids: Collection[uuid.UUID],
    ctx: WorkflowContext,
    arrived: Mapping[uuid.UUID, Mapping[str, Any]] | None = None,
    arrived_steps: Iterable[Mapping[str, Any]] = (),
) -> int:
    """Fold ``case_ids`` again from all their steps here; write the columns that changed.
    Return how many cases changed. A case of this site keeps its change sequence (only its
    list columns moved: nothing of it to send again); another site's gets a new one.

    ``arrived``: cases new here in this transaction, as written, with ``arrived_steps`` (all
    the steps written with them): every step such a case has is among those, so it is folded
    from them without reading anything back."""
    arrived = arrived or {}
    written = 0
    if arrived:
        mine = [e for e in arrived_steps if e["case_id"] in arrived]
        written += _write_changes(session, list(arrived.values()), mine, ctx)
    ids = [i for i in case_ids if i not in arrived]
    case_columns = [_CASES.c.id, _CASES.c.owner_site_id, *(_CASES.c[c] for c in PROJECTED)]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        events = session.execute(select(*STEP_COLUMNS).where(_EVENTS.c.case_id.in_(chunk)))
        cases = session.execute(select(*case_columns).where(_CASES.c.id.in_(chunk)))
        written += _write_changes(session, list(cases.mappings()), list(events.mappings()), ctx)
    return written
