"""Feedback cases (意见建议): registration, editing and lists; the workflow comes next."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import search, sqlite
from desktop.db.engine import Database
from desktop.db.models import (
    CaseAttachment,
    CaseDeputy,
    CaseEvent,
    Department,
    FeedbackCase,
    FeedbackCategory,
    Site,
    Station,
)
from desktop.domain.checks import check_case
from desktop.domain.enums import CaseState, Channel
from desktop.domain.records import CASE_FLAGS, CaseDraft, CaseEventRow, CaseRow, ListFilter, Page
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.workflow import CaseAction
from desktop.services import collation
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.calendar import CalendarService
from desktop.services.case_query import Clock, filtered, text_count, text_page
from desktop.services.common import (
    NOT_FOUND,
    PAGE_SIZE,
    ServiceError,
    after_key,
    linked_deputies,
    load_for_edit,
    sync_links,
)
from desktop.services.origins import site_names


def last_number(s: Session, prefix: str) -> int:
    """The highest running number taken under ``prefix`` (0 when none): numbers come from the
    highest, not a count, so a number kept from an imported workbook is never given twice."""
    number = FeedbackCase.case_number
    # A range, not LIKE: SQLite's LIKE ignores case and so cannot use the index.
    taken = s.scalars(select(number).where(number >= prefix, number < prefix + "\uffff"))
    tails = (t[len(prefix) :] for t in taken)
    return max((int(t) for t in tails if t.isdigit()), default=0)


def causal_order(events: list[CaseEvent]) -> list[CaseEvent]:
    """Walk from the first event along ``previous_id`` links; siblings keep arrival order."""
    children: dict[uuid.UUID | None, list[CaseEvent]] = {}
    for event in events:
        children.setdefault(event.previous_id, []).append(event)
    ordered: list[CaseEvent] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        event = stack.pop()
        ordered.append(event)
        stack.extend(reversed(children.get(event.id, [])))
    return ordered


ONLY_NEW_CASES_DELETED = QT_TRANSLATE_NOOP(
    "Service", "Only a case nobody has acted on yet can be deleted; its history is the record."
)


class FeedbackService:
    def __init__(
        self,
        db: Database,
        today: Callable[[], dt.date],
        calendar: CalendarService,
        audit: AuditLog | None = None,
    ) -> None:
        self._db = db
        self._today = today
        self._calendar = calendar
        self._audit = audit

    def clock(self, session: Session | None = None) -> Clock:
        return Clock(self._today(), self._calendar.context(session))

    def page(
        self, flt: ListFilter = ListFilter(), after: tuple | None = None, limit: int = PAGE_SIZE
    ) -> Page[CaseRow]:
        with self._db.read() as s:
            clock = self.clock(s)
            if flt.text.strip():
                rowids, next_key = text_page(s, flt, clock, after, limit)
                local = search.local_id(s)
                query = self._select().add_columns(local).where(search.local_id_in(s, rowids))
                order = {rowid: i for i, rowid in enumerate(rowids)}
                found = sorted(s.execute(query).all(), key=lambda f: order[f[-1]])
                return Page(tuple(self._rows(s, [f[:-1] for f in found])), next_key)
            query = filtered(s, self._select(), flt, clock)
            query = after_key(query, FeedbackCase.received_date, FeedbackCase.id, after)
            rows = self._rows(s, s.execute(query.limit(limit)).all())
        next_key = (rows[-1].received_date, rows[-1].id) if len(rows) == limit else None
        return Page(tuple(rows), next_key)

    def count(self, flt: ListFilter = ListFilter()) -> int:
        with self._db.read() as s:
            if flt.text.strip():
                return text_count(s, flt, self.clock(s))
            query = select(func.count()).select_from(FeedbackCase)
            return s.scalar(filtered(s, query, flt, self.clock(s)))

    def state_counts(self, flt: ListFilter = ListFilter()) -> dict[CaseState, int]:
        """Cases per state for the filter, its own state choice and the search text aside:
        the counts bar summarises the register, it does not repeat the search."""
        flt = replace(flt, text="", kind=None)
        # The totals table knows no stations: a station or township takes the general path.
        dates_only = replace(flt, date_from=None, date_to=None) == ListFilter()
        with self._db.read() as s:
            if dates_only and s.get_bind().dialect.name == "sqlite":
                totals = sqlite.state_totals(s, flt.date_from, flt.date_to)
                return {CaseState(k): n for k, n in totals.items()}
            state = FeedbackCase.state
            if flt.township_id:
                # Grouped by the bare column, SQLite walked the whole state index in its order
                # (a million cases: 1 s) rather than the township's stations (0.1 s).
                state = func.coalesce(state, state)
            query = select(state, func.count()).group_by(state)
            found = s.execute(filtered(s, query, flt, self.clock(s), with_state=False)).all()
        return {CaseState(state): n for state, n in found}

    def flag_counts(self, flt: ListFilter = ListFilter()) -> dict[str, int]:
        """Overdue, due soon, follow-up, conflict and escalated counts (the status bar)."""
        flt = replace(flt, text="")
        out = {}
        with self._db.read() as s:
            clock = self.clock(s)
            for flag in CASE_FLAGS:
                query = select(func.count()).select_from(FeedbackCase)
                flagged = replace(flt, flag=flag)
                out[flag] = s.scalar(filtered(s, query, flagged, clock, seek=False))
        return out

    def get(self, case_id: uuid.UUID) -> CaseRow:
        with self._db.read() as s:
            found = s.execute(self._select().where(FeedbackCase.id == case_id)).all()
            if not found or found[0][0].deleted:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, found)[0]

    def by_numbers(self, numbers: list[str]) -> list[CaseRow]:
        """The live cases with these numbers (an import matches on the number people quote)."""
        found: list = []
        with self._db.read() as s:
            for i in range(0, len(numbers), 500):
                query = self._select().where(
                    FeedbackCase.case_number.in_(numbers[i : i + 500]), ~FeedbackCase.deleted
                )
                found += s.execute(query).all()
            return self._rows(s, found)

    def events(self, case_id: uuid.UUID) -> list[CaseEventRow]:
        """The case's events in causal order: each after the one it names as its predecessor
        (clocks of different PCs are never compared)."""
        with self._db.read() as s:
            found = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.change_seq)
            ).all()
            events = causal_order(found)
            return [
                CaseEventRow(
                    e.id,
                    e.case_id,
                    e.kind,
                    CaseState(e.state_after),
                    e.actor,
                    e.site_id,
                    e.at,
                    e.note,
                    e.previous_id,
                    json.loads(e.payload or "{}"),
                )
                for e in events
            ]

    def register(self, draft: CaseDraft, actor: str = "") -> CaseRow:
        draft = check_case(draft, self._today())
        with self._db.write() as s:
            case = FeedbackCase(id=uuid.uuid4(), state=CaseState.REGISTERED.value)
            self._apply(case, draft)
            case.case_number = self._next_number(s, draft.received_date)
            s.add(case)
            s.flush()
            self._link(s, case.id, draft)
            self._event(s, case, CaseAction.REGISTER, actor)
        return self.get(case.id)

    def update(
        self, case_id: uuid.UUID, draft: CaseDraft, version: int | None, actor: str = ""
    ) -> CaseRow:
        draft = check_case(draft, self._today())
        with self._db.write() as s:
            case = load_for_edit(s, FeedbackCase, case_id, version)
            self._apply(case, draft)
            self._link(s, case.id, draft)
            self._event(s, case, CaseAction.EDIT, actor)
        return self.get(case_id)

    def delete(self, case_id: uuid.UUID, version: int | None = None, actor: str = "") -> None:
        """Only a case nobody has acted on yet: after that its history is the record."""
        with self._db.write() as s:
            case = load_for_edit(s, FeedbackCase, case_id, version)
            if case.state != CaseState.REGISTERED.value or case.last_event_id is None:
                raise ServiceError(ONLY_NEW_CASES_DELETED)
            case.deleted = True
            sync_links(s, CaseDeputy, "case_id", case.id, "deputy_id", {})
            self._event(s, case, CaseAction.DELETE, actor)
            record_delete(self._audit, s, phrase("case {number}", number=case.case_number))

    # --- internals -----------------------------------------------------------------------

    @staticmethod
    def _next_number(s: Session, received: dt.date | None) -> str:
        """A number people can quote on the phone: site code, year, running number."""
        site = s.get(Site, s.info["site_id"])
        prefix = f"{site.code if site else 'X'}-{(received or dt.date.today()).year}-"
        return f"{prefix}{last_number(s, prefix) + 1:04d}"

    @staticmethod
    def _event(
        s: Session,
        case: FeedbackCase,
        kind: CaseAction,
        actor: str,
        note: str = "",
        payload: dict | None = None,
    ) -> CaseEvent:
        """Append an event and keep the state column in step, in the caller's transaction."""
        event = CaseEvent(
            id=uuid.uuid4(),
            case_id=case.id,
            previous_id=case.last_event_id,
            kind=kind.value,
            state_after=case.state,
            actor=actor,
            site_id=s.info["site_id"],
            note=note,
            payload=json.dumps(payload or {}, ensure_ascii=False),
        )
        s.add(event)
        case.last_event_id = event.id
        return event

    @staticmethod
    def _select():
        return (
            select(FeedbackCase, Station.name, FeedbackCategory.name, Department.name)
            .join(Station, Station.id == FeedbackCase.station_id)
            .outerjoin(FeedbackCategory, FeedbackCategory.id == FeedbackCase.category_id)
            .outerjoin(Department, Department.id == FeedbackCase.department_id)
        )

    @staticmethod
    def _apply(case: FeedbackCase, d: CaseDraft) -> None:
        case.station_id = d.station_id  # type: ignore[assignment]
        case.received_date = d.received_date  # type: ignore[assignment]
        case.channel = d.channel.value
        case.anonymous = d.anonymous
        case.person_name = d.person_name
        case.person_keys = collation.search_keys(d.person_name) if d.person_name else ""
        case.person_initials = case.person_keys.split(" ", 1)[0]
        case.phone = d.phone
        case.id_number = d.id_number
        case.village = d.village
        case.category_id = d.category_id
        case.content = d.content
        case.duty_day_id = d.duty_day_id
        case.visit_id = d.visit_id

    @staticmethod
    def _link(s: Session, case_id: uuid.UUID, d: CaseDraft) -> None:
        wanted: dict[uuid.UUID, dict] = {i: {} for i in d.deputy_ids}
        sync_links(s, CaseDeputy, "case_id", case_id, "deputy_id", wanted)

    @staticmethod
    def _rows(s: Session, found: list) -> list[CaseRow]:
        ids = [c.id for c, *_ in found]
        deputies = linked_deputies(s, CaseDeputy, "case_id", ids)
        attachments: dict[uuid.UUID, int] = {}
        if ids:
            counted = s.execute(
                select(CaseAttachment.case_id, func.count())
                .where(CaseAttachment.case_id.in_(ids), ~CaseAttachment.deleted)
                .group_by(CaseAttachment.case_id)
            )
            attachments = {case_id: n for case_id, n in counted}
        origins = site_names(s) if found else {}
        return [
            CaseRow(
                id=c.id,
                station_id=c.station_id,
                station_name=station_name,
                received_date=c.received_date,
                channel=Channel(c.channel),
                anonymous=c.anonymous,
                person_name=c.person_name,
                phone=c.phone,
                id_number=c.id_number,
                village=c.village,
                category_id=c.category_id,
                category_name=category_name or "",
                content=c.content,
                deputy_ids=tuple(x[0] for x in deputies.get(c.id, ())),
                deputy_names=tuple(x[1] for x in deputies.get(c.id, ())),
                duty_day_id=c.duty_day_id,
                visit_id=c.visit_id,
                state=CaseState(c.state),
                version=c.version,
                case_number=c.case_number,
                department_id=c.department_id,
                department_name=department_name or "",
                referred_on=c.referred_on,
                deadline=c.deadline,
                deadline_exact=c.deadline_exact,
                replied_on=c.replied_on,
                outcome=c.outcome,
                reply_text=c.reply_text,
                answered_on=c.answered_on,
                satisfaction=c.satisfaction,
                follow_up=c.follow_up,
                escalated=c.escalated,
                merged_into_id=c.merged_into_id,
                conflict=c.conflict,
                attachments=attachments.get(c.id, 0),
                owner_site_id=c.owner_site_id,
                origin=origins.get(c.owner_site_id, ""),
                change_seq=c.change_seq,
            )
            for c, station_name, category_name, department_name in found
        ]
