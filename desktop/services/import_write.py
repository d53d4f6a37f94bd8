"""An import plan written in one transaction, through the services' own field mapping.

New records are filled by the services' ``_apply`` functions on plain objects and inserted with
one executemany per table and thousand rows (the ORM's per-object bookkeeping cost four times
the reading of the workbook); they are stamped here as ``db/engine.py`` stamps every flush.
Updated records take the ordinary ORM path. Any error, or Cancel, rolls everything back.
"""

from __future__ import annotations

import json
import types
import uuid
from typing import Any

from sqlalchemy import Table, select

from desktop.db import search
from desktop.db.base import utcnow
from desktop.db.bulk import insert_many
from desktop.db.engine import next_change_seq
from desktop.db.models import (
    Activity,
    ActivityParticipant,
    CaseDeputy,
    CaseEvent,
    Deputy,
    DeputyStation,
    DutyDay,
    DutyDayDeputy,
    FeedbackCase,
    Site,
    Visit,
    VisitPerson,
)
from desktop.domain.enums import CaseState, RosterStatus, SiteRole
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.domain.workflow import CaseAction
from desktop.services.activities import ActivityService
from desktop.services.common import load_for_edit, new_link
from desktop.services.deputies import DeputyService
from desktop.services.duty import DutyDayService, VisitService
from desktop.services.feedback import FeedbackService, last_number

CHUNK = 1000
MODELS = {
    "deputies": Deputy,
    "duty-days": DutyDay,
    "visits": Visit,
    "feedback": FeedbackCase,
    "activities": Activity,
}
APPLY = {
    "deputies": lambda record, d: DeputyService._apply(None, record, d),  # type: ignore[arg-type]
    "duty-days": DutyDayService._apply,
    "visits": VisitService._apply,
    "feedback": FeedbackService._apply,
    "activities": ActivityService._apply,
}

LINKS = {
    "deputies": DeputyStation,
    "duty-days": DutyDayDeputy,
    "visits": VisitPerson,
    "feedback": CaseDeputy,
    "activities": ActivityParticipant,
}


def _plain(ids: Any) -> dict[uuid.UUID, dict]:
    """Links with no extra columns, one per distinct id (a name given twice links once)."""
    return {i: {} for i in ids}


def _links(kind: str, record_id: uuid.UUID, d: Any) -> list[tuple[Any, dict[str, Any]]]:
    """(link model, row) for a new record, one per linked deputy or station, with the ids
    ``sync_links`` would give them (both use ``common.new_link``)."""
    wanted: list[tuple[Any, str, str, dict[uuid.UUID, dict], tuple[str, str] | None]]
    if kind == "deputies":
        wanted = [(DeputyStation, "deputy_id", "station_id", _plain(d.station_ids), None)]
    elif kind == "duty-days":
        wanted = [(DutyDayDeputy, "duty_day_id", "deputy_id", _plain(d.deputy_ids), None)]
    elif kind == "visits":
        wanted = [
            (VisitPerson, "visit_id", "deputy_id", _plain(ids), ("role", role))
            for role, ids in (("visitor", d.visitor_ids), ("visited", d.visited_deputy_ids))
        ]
    elif kind == "feedback":
        wanted = [(CaseDeputy, "case_id", "deputy_id", _plain(d.deputy_ids), None)]
    else:
        people = {
            p.deputy_id: {"attendance": p.attendance.value, "quantity": p.quantity}
            for p in d.participants
        }
        wanted = [(ActivityParticipant, "activity_id", "deputy_id", people, None)]
    return [
        (model, new_link(parent, record_id, child, child_id, extra, disc))
        for model, parent, child, links, disc in wanted
        for child_id, extra in links.items()
    ]


class _Inserter:
    """Rows per table, stamped with this transaction's site, time and change sequence."""

    def __init__(self, s: Any) -> None:
        self._s = s
        site = s.info["site_id"]
        now = utcnow()
        self.stamp = {
            "created_site_id": site,
            "owner_site_id": site,
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "deleted": False,
            "change_seq": next_change_seq(s),
        }
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self._defaults: dict[Table, dict[str, Any]] = {}

    def add(self, model: Any, values: dict[str, Any], tracked: bool = True) -> None:
        table = model.__table__
        defaults = self._defaults.get(table)
        if defaults is None:
            defaults = self._defaults[table] = {
                c.name: c.default.arg
                for c in table.columns
                if c.default is not None and c.default.is_scalar
            }
        row = {**defaults, **(self.stamp if tracked else {}), **values}
        self.rows.setdefault(table, []).append(row)

    def flush(self, order: list[Any]) -> None:
        """One executemany per table, parents before the rows that point at them."""
        for model in order:
            rows = self.rows.pop(model.__table__, [])
            if rows:
                insert_many(self._s, model.__table__, rows)


class _CaseNumbers:
    """site code-year-running number, as FeedbackService gives them (after the highest taken);
    a workbook's own number is kept when free: it is what people quote."""

    def __init__(self, s: Any, wanted: list[str]) -> None:
        site = s.get(Site, s.info["site_id"])
        self._s, self._code = s, site.code if site else "X"
        self._next: dict[str, int] = {}
        self._taken: set[str] = set()
        wanted = [w for w in wanted if w]
        for i in range(0, len(wanted), 500):
            query = select(FeedbackCase.case_number).where(
                FeedbackCase.case_number.in_(wanted[i : i + 500])
            )
            self._taken.update(s.scalars(query))

    def take(self, wanted: str, year: int) -> str:
        if wanted and wanted not in self._taken:
            self._taken.add(wanted)
            return wanted
        prefix = f"{self._code}-{year}-"
        if prefix not in self._next:
            self._next[prefix] = last_number(self._s, prefix) + 1
        while True:
            number = f"{prefix}{self._next[prefix]:04d}"
            self._next[prefix] += 1
            if number not in self._taken:
                self._taken.add(number)
                return number


def _create(out: _Inserter, kind: str, planned: Any, ctx: dict[str, Any]) -> None:
    draft, record = planned.draft, types.SimpleNamespace(id=uuid.uuid4())
    APPLY[kind](record, draft)
    if kind == "deputies":
        record.roster_status = ctx["roster"].value
    if kind == "feedback":
        record.state = CaseState.REGISTERED.value
        record.case_number = ctx["numbers"].take(planned.case_number, draft.received_date.year)
        event = {
            "id": uuid.uuid4(),
            "case_id": record.id,
            "previous_id": None,
            "kind": CaseAction.REGISTER.value,
            "state_after": record.state,
            "actor": ctx["actor"],
            "site_id": out.stamp["owner_site_id"],
            "at": out.stamp["created_at"],
            "note": "",
            "payload": json.dumps({}),
            "change_seq": out.stamp["change_seq"],
        }
        record.last_event_id = event["id"]
        out.add(CaseEvent, event, tracked=False)
    out.add(MODELS[kind], vars(record))
    for model, row in _links(kind, record.id, draft):
        out.add(model, row)


def _update(s: Any, kind: str, planned: Any, actor: str) -> None:
    record = load_for_edit(s, MODELS[kind], planned.target_id, planned.version)
    draft = planned.draft
    if kind == "deputies":
        DeputyService._apply(s, record, draft)
        DeputyService._link(s, record.id, draft.station_ids)
    elif kind == "feedback":
        FeedbackService._apply(record, draft)
        FeedbackService._link(s, record.id, draft)
        FeedbackService._event(s, record, CaseAction.EDIT, actor)
    else:
        service = {"duty-days": DutyDayService, "visits": VisitService}.get(kind, ActivityService)
        service._apply(record, draft)
        service._link(s, record.id, draft)


def write_plan(
    services: Any, plan: Any, *, actor: str, progress: ProgressFn, is_cancelled: CancelledFn
) -> None:
    todo = [r for r in plan.rows if r.action in ("new", "updated")]
    if not todo:
        return
    if plan.kind == "feedback":
        # Oldest first: the full-text index keys cases by day, and FTS5 flushes its pending
        # terms whenever a key arrives below the last one (random order cost half a second).
        todo.sort(key=lambda r: r.draft.received_date)
    site = services.site.current()
    role = site.role if site else SiteRole.STATION
    roster = RosterStatus.CONFIRMED if role is SiteRole.COUNTY else RosterStatus.PROVISIONAL
    model = MODELS[plan.kind]
    order = [model, CaseEvent, LINKS[plan.kind]]
    with services.db.write() as s:
        bulk = plan.kind == "feedback" and any(r.action == "new" for r in todo)
        last_rowid = search.defer_case_index(s) if bulk else 0
        out = _Inserter(s)
        ctx = {"roster": roster, "actor": actor}
        if plan.kind == "feedback":
            ctx["numbers"] = _CaseNumbers(s, [r.case_number for r in todo if r.action == "new"])
        for start in range(0, len(todo), CHUNK):
            for planned in todo[start : start + CHUNK]:
                if planned.action == "new":
                    _create(out, plan.kind, planned, ctx)
                else:
                    _update(s, plan.kind, planned, actor)
            s.flush()
            out.flush(order)
            if is_cancelled():
                raise Cancelled  # leaves the transaction: nothing is written
            progress(min(start + CHUNK, len(todo)), len(todo), "")
        if bulk:
            search.index_cases_after(s, last_rowid)
