"""The feedback workflow: each step an event appended after the case's head, state re-folded."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import CaseEvent, FeedbackCase
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.workflow import (
    CaseAction,
    EventFact,
    FoldResult,
    IllegalTransition,
    WorkflowContext,
    allowed_actions,
    apply,
)
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.calendar import CalendarService
from desktop.services.case_fold import (
    fold_steps,
    latest_texts,
    named_here,
    projection,
    refold_cases,
    replayed,
)
from desktop.services.common import NOT_FOUND, STALE
from desktop.services.feedback import FeedbackService

A = CaseAction
SETTLE_FIRST = QT_TRANSLATE_NOOP(
    "Service", "Two sites acted on this case at once; settle the conflict before the next step."
)
NOT_MERGEABLE = QT_TRANSLATE_NOOP(
    "Service", "A case cannot be merged into itself or a deleted one."
)
# Steps on a main case that its merged duplicates follow, so each person still gets an answer.
FOLLOWED_BY_MERGED = (A.REFER, A.REPLY, A.FOLLOW_UP_REPLY)


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


class CaseworkService:
    def __init__(
        self,
        db: Database,
        today: Callable[[], dt.date],
        calendar: CalendarService,
        feedback: FeedbackService,
        audit: AuditLog | None = None,
    ) -> None:
        self._db = db
        self._today = today
        self._calendar = calendar
        self._feedback = feedback
        self._audit = audit

    # --- reading --------------------------------------------------------------------------

    def status(self, case_id: uuid.UUID) -> tuple[FoldResult, frozenset[CaseAction]]:
        """The case's folded history and the steps the detail pane may offer now."""
        with self._db.read() as s:
            ctx = self._calendar.context(s)
            result = fold_steps(s, case_id, ctx)
        if result.conflict:
            return result, frozenset({A.EDIT})
        return result, allowed_actions(result.status, today=self._today(), ctx=ctx)

    def reply_deadline(self, referred_on: dt.date) -> tuple[dt.date, bool]:
        deadline = self._calendar.context().reply_deadline(referred_on)
        return deadline.day, deadline.exact

    # --- the steps ------------------------------------------------------------------------

    def act(
        self,
        case_id: uuid.UUID,
        action: CaseAction,
        payload: Mapping[str, Any],
        *,
        actor: str = "",
        note: str = "",
        version: int | None = None,
    ) -> CaseRow:
        """Append one step; IllegalTransition (a field's refusal) or ServiceError if refused."""
        with self._db.write() as s:
            ctx = self._calendar.context(s)
            self._step(s, case_id, action, dict(payload), ctx, actor, note, version)
            if action is A.DELETE:  # a deletion step tombstones the case
                number = self._case_number(s, case_id)
                record_delete(self._audit, s, phrase("case {number}", number=number))
            if action in FOLLOWED_BY_MERGED:
                for merged in s.scalars(
                    select(FeedbackCase).where(
                        FeedbackCase.merged_into_id == case_id, ~FeedbackCase.deleted
                    )
                ):
                    result = fold_steps(s, merged.id, ctx)
                    if action in allowed_actions(result.status) and not result.conflict:
                        note_merged = QT_TRANSLATE_NOOP("Service", "Follows the merged case")
                        # A duplicate the step does not fit (a reply dated before its own
                        # referral) keeps its state: the main case's step is still saved.
                        with contextlib.suppress(IllegalTransition), s.begin_nested():
                            self._step(s, merged.id, action, dict(payload), ctx, actor,
                                       note_merged)  # fmt: skip
        return self._feedback.get(case_id)

    def refer(
        self,
        case_id: uuid.UUID,
        department_id: uuid.UUID,
        co_department_ids: tuple[uuid.UUID, ...] = (),
        referred_on: dt.date | None = None,
        **kw: Any,
    ) -> CaseRow:
        referred_on = referred_on or self._today()
        deadline, exact = self.reply_deadline(referred_on)
        payload = {
            "department_id": str(department_id),
            "co_department_ids": [str(d) for d in co_department_ids],
            "referred_on": referred_on.isoformat(),
            "deadline": deadline.isoformat(),
            "deadline_exact": exact,
        }
        return self.act(case_id, A.REFER, payload, **kw)

    def merge(self, case_id: uuid.UUID, into_case_id: uuid.UUID, **kw: Any) -> CaseRow:
        with self._db.read() as s:
            target = s.get(FeedbackCase, into_case_id)
            if target is None or target.deleted or into_case_id == case_id:
                raise ServiceError(NOT_MERGEABLE)
        return self.act(case_id, A.MERGE, {"into_case_id": str(into_case_id)}, **kw)

    def resolve(
        self, case_id: uuid.UUID, keep_head: str, discarded: list[str], **kw: Any
    ) -> CaseRow:
        """Settle a conflict: follow the branch ending at ``keep_head``, set the others aside."""
        with self._db.write() as s:
            ctx = self._calendar.context(s)
            case = self._case(s, case_id, None)
            event = CaseEvent(
                id=uuid.uuid4(),
                case_id=case.id,
                previous_id=uuid.UUID(keep_head),
                kind=A.RESOLVE.value,
                state_after=case.state,
                actor=kw.get("actor", ""),
                site_id=s.info["site_id"],
                note=kw.get("note", ""),
                payload=json.dumps({"discarded_event_ids": discarded}),
            )
            s.add(event)
            s.flush()
            self._project(s, case, fold_steps(s, case_id, ctx))
        return self._feedback.get(case_id)

    def refold(self, session: Session, case_id: uuid.UUID) -> None:
        """Bring a case's projected columns in step with its events (after events arrive)."""
        self.refold_many(session, [case_id])

    def refold_many(
        self,
        session: Session,
        case_ids: Collection[uuid.UUID],
        arrived: Mapping[uuid.UUID, Mapping[str, Any]] | None = None,
        arrived_steps: Iterable[Mapping[str, Any]] = (),
    ) -> None:
        """As ``refold`` for many cases (a bundle's): Core queries a few hundred at a time;
        cases new here are folded from the rows just written (case_fold.refold_cases)."""
        ctx = replayed(self._calendar.context(session))
        refold_cases(session, case_ids, ctx, arrived, arrived_steps)

    # --- internals ------------------------------------------------------------------------

    @staticmethod
    def _case_number(s: Session, case_id: uuid.UUID) -> str:
        return s.scalar(select(FeedbackCase.case_number).where(FeedbackCase.id == case_id)) or ""

    def _case(self, s: Session, case_id: uuid.UUID, version: int | None) -> FeedbackCase:
        case = s.get(FeedbackCase, case_id)
        if case is None or case.deleted:
            raise ServiceError(NOT_FOUND)
        if version is not None and case.version != version:
            raise ServiceError(STALE)
        return case

    def _step(
        self,
        s: Session,
        case_id: uuid.UUID,
        action: CaseAction,
        payload: dict,
        ctx: WorkflowContext,
        actor: str,
        note: str,
        version: int | None = None,
    ) -> None:
        case = self._case(s, case_id, version)
        result = fold_steps(s, case_id, ctx)
        if result.conflict:
            raise ServiceError(SETTLE_FIRST)
        event_id = uuid.uuid4()
        fact = EventFact(str(event_id), result.head, action, payload, str(s.info["site_id"]))
        status = apply(result.status, fact, ctx)  # refuses with IllegalTransition
        s.add(
            CaseEvent(
                id=event_id,
                case_id=case.id,
                previous_id=_uuid(result.head),
                kind=action.value,
                state_after=status.state.value,
                actor=actor,
                site_id=s.info["site_id"],
                note=note,
                payload=json.dumps(payload, ensure_ascii=False),
            )
        )
        s.flush()
        self._project(s, case, fold_steps(s, case_id, ctx))

    @staticmethod
    def _project(s: Session, case: FeedbackCase, result: FoldResult) -> None:
        """The list columns from the folded status (the events stay the truth): the same
        projection a bundle's cases get (case_fold.projection)."""
        steps: dict[str, tuple[str, str]] = {}
        if result.applied:
            ids = [uuid.UUID(i) for i in result.applied]
            for e in s.scalars(select(CaseEvent).where(CaseEvent.id.in_(ids))):
                steps[str(e.id)] = (e.kind, e.payload)
        texts = latest_texts(result.applied, steps)
        wanted = projection(result, texts, named_here(s, [result]), case.deleted)
        for column, value in wanted.items():
            setattr(case, column, value)
