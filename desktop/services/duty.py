"""Duty days at a station (进站履职活动) and visits (走访)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import DutyDay, DutyDayDeputy, FeedbackCase, Station, Visit, VisitPerson
from desktop.domain.checks import check_duty_day, check_visit
from desktop.domain.enums import DutyKind, VisitKind
from desktop.domain.records import DutyDayDraft, DutyDayRow, ListFilter, Page, VisitDraft, VisitRow
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.common import (
    NOT_FOUND,
    PAGE_SIZE,
    ServiceError,
    after_key,
    linked_deputies,
    load_for_edit,
    sync_links,
    text_match,
)
from desktop.services.origins import site_names, station_conditions


def _filtered(query, model, flt: ListFilter, text_columns, link):
    query = query.where(~model.deleted)
    if flt.date_from:
        query = query.where(model.day >= flt.date_from)
    if flt.date_to:
        query = query.where(model.day <= flt.date_to)
    query = query.where(*station_conditions(model.station_id, flt))
    if flt.kind:
        query = query.where(model.kind == flt.kind)
    if flt.text.strip():
        query = query.where(text_match(flt.text.strip(), text_columns, link))
    return query


def _duty_filtered(query, flt: ListFilter):
    link = (DutyDayDeputy, DutyDayDeputy.duty_day_id, DutyDay.id)
    return _filtered(query, DutyDay, flt, [DutyDay.summary], link)


def _visit_filtered(query, flt: ListFilter):
    columns = [Visit.summary, Visit.visited_people, Visit.other_visitors]
    return _filtered(query, Visit, flt, columns, (VisitPerson, VisitPerson.visit_id, Visit.id))


def _station_name(s: Session, station_id: uuid.UUID | None) -> str:
    """A station's name, as the audit log names a record (where it was held)."""
    station = s.get(Station, station_id) if station_id is not None else None
    return station.name if station is not None else ""


def _opinion_counts(s: Session, column, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    query = (
        select(column, func.count()).where(column.in_(ids), ~FeedbackCase.deleted).group_by(column)
    )
    return {key: n for key, n in s.execute(query)}


class DutyDayService:
    def __init__(
        self, db: Database, today: Callable[[], dt.date], audit: AuditLog | None = None
    ) -> None:
        self._db = db
        self._today = today
        self._audit = audit

    def page(
        self, flt: ListFilter = ListFilter(), after: tuple | None = None, limit: int = PAGE_SIZE
    ) -> Page[DutyDayRow]:
        with self._db.read() as s:
            query = _duty_filtered(select(DutyDay, Station.name), flt).join(
                Station, Station.id == DutyDay.station_id
            )
            found = s.execute(after_key(query, DutyDay.day, DutyDay.id, after).limit(limit)).all()
            rows = self._rows(s, found)
        next_key = (rows[-1].day, rows[-1].id) if len(rows) == limit else None
        return Page(tuple(rows), next_key)

    def count(self, flt: ListFilter = ListFilter()) -> int:
        with self._db.read() as s:
            return s.scalar(_duty_filtered(select(func.count()).select_from(DutyDay), flt))

    def get(self, duty_day_id: uuid.UUID) -> DutyDayRow:
        with self._db.read() as s:
            found = s.execute(
                select(DutyDay, Station.name)
                .join(Station, Station.id == DutyDay.station_id)
                .where(DutyDay.id == duty_day_id, ~DutyDay.deleted)
            ).all()
            if not found:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, found)[0]

    def create(self, draft: DutyDayDraft) -> DutyDayRow:
        draft = check_duty_day(draft, self._today())
        with self._db.write() as s:
            record = DutyDay(id=uuid.uuid4())
            self._apply(record, draft)
            s.add(record)
            s.flush()
            self._link(s, record.id, draft)
        return self.get(record.id)

    def update(
        self, duty_day_id: uuid.UUID, draft: DutyDayDraft, version: int | None
    ) -> DutyDayRow:
        draft = check_duty_day(draft, self._today())
        with self._db.write() as s:
            record = load_for_edit(s, DutyDay, duty_day_id, version)
            self._apply(record, draft)
            self._link(s, record.id, draft)
        return self.get(duty_day_id)

    def delete(self, duty_day_id: uuid.UUID, version: int | None = None) -> None:
        with self._db.write() as s:
            record = load_for_edit(s, DutyDay, duty_day_id, version)
            record.deleted = True
            sync_links(s, DutyDayDeputy, "duty_day_id", record.id, "deputy_id", {})
            where = _station_name(s, record.station_id)
            target = phrase("duty day {day} at {station}", day=record.day, station=where)
            record_delete(self._audit, s, target)

    @staticmethod
    def _apply(record: DutyDay, d: DutyDayDraft) -> None:
        record.station_id = d.station_id  # type: ignore[assignment]  (checked)
        record.day = d.day  # type: ignore[assignment]
        record.kind = d.kind.value
        record.people_received = d.people_received
        record.summary = d.summary

    @staticmethod
    def _link(s: Session, record_id: uuid.UUID, d: DutyDayDraft) -> None:
        wanted = {did: {} for did in d.deputy_ids}
        sync_links(s, DutyDayDeputy, "duty_day_id", record_id, "deputy_id", wanted)

    @staticmethod
    def _rows(s: Session, found: list) -> list[DutyDayRow]:
        ids = [r.id for r, _ in found]
        deputies = linked_deputies(s, DutyDayDeputy, "duty_day_id", ids)
        opinions = _opinion_counts(s, FeedbackCase.duty_day_id, ids)
        origins = site_names(s) if found else {}
        return [
            DutyDayRow(
                id=r.id,
                station_id=r.station_id,
                station_name=station_name,
                day=r.day,
                kind=DutyKind(r.kind),
                deputy_ids=tuple(x[0] for x in deputies.get(r.id, ())),
                deputy_names=tuple(x[1] for x in deputies.get(r.id, ())),
                people_received=r.people_received,
                opinions_formed=opinions.get(r.id, 0),
                summary=r.summary,
                version=r.version,
                owner_site_id=r.owner_site_id,
                origin=origins.get(r.owner_site_id, ""),
                change_seq=r.change_seq,
            )
            for r, station_name in found
        ]


class VisitService:
    def __init__(
        self, db: Database, today: Callable[[], dt.date], audit: AuditLog | None = None
    ) -> None:
        self._db = db
        self._today = today
        self._audit = audit

    def page(
        self, flt: ListFilter = ListFilter(), after: tuple | None = None, limit: int = PAGE_SIZE
    ) -> Page[VisitRow]:
        with self._db.read() as s:
            query = _visit_filtered(select(Visit, Station.name), flt).join(
                Station, Station.id == Visit.station_id
            )
            found = s.execute(after_key(query, Visit.day, Visit.id, after).limit(limit)).all()
            rows = self._rows(s, found)
        next_key = (rows[-1].day, rows[-1].id) if len(rows) == limit else None
        return Page(tuple(rows), next_key)

    def count(self, flt: ListFilter = ListFilter()) -> int:
        with self._db.read() as s:
            return s.scalar(_visit_filtered(select(func.count()).select_from(Visit), flt))

    def get(self, visit_id: uuid.UUID) -> VisitRow:
        with self._db.read() as s:
            found = s.execute(
                select(Visit, Station.name)
                .join(Station, Station.id == Visit.station_id)
                .where(Visit.id == visit_id, ~Visit.deleted)
            ).all()
            if not found:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, found)[0]

    def create(self, draft: VisitDraft) -> VisitRow:
        draft = check_visit(draft, self._today())
        with self._db.write() as s:
            record = Visit(id=uuid.uuid4())
            self._apply(record, draft)
            s.add(record)
            s.flush()
            self._link(s, record.id, draft)
        return self.get(record.id)

    def update(self, visit_id: uuid.UUID, draft: VisitDraft, version: int | None) -> VisitRow:
        draft = check_visit(draft, self._today())
        with self._db.write() as s:
            record = load_for_edit(s, Visit, visit_id, version)
            self._apply(record, draft)
            self._link(s, record.id, draft)
        return self.get(visit_id)

    def delete(self, visit_id: uuid.UUID, version: int | None = None) -> None:
        with self._db.write() as s:
            record = load_for_edit(s, Visit, visit_id, version)
            record.deleted = True
            self._link(s, record.id, VisitDraft(None, None))
            where = _station_name(s, record.station_id)
            target = phrase("visit {day} at {station}", day=record.day, station=where)
            record_delete(self._audit, s, target)

    @staticmethod
    def _apply(record: Visit, d: VisitDraft) -> None:
        record.station_id = d.station_id  # type: ignore[assignment]
        record.day = d.day  # type: ignore[assignment]
        record.kind = d.kind.value
        record.other_visitors = d.other_visitors.strip()
        record.visited_people = d.visited_people.strip()
        record.people_count = d.people_count
        record.summary = d.summary.strip()

    @staticmethod
    def _link(s: Session, record_id: uuid.UUID, d: VisitDraft) -> None:
        for role, ids in (("visitor", d.visitor_ids), ("visited", d.visited_deputy_ids)):
            sync_links(
                s,
                VisitPerson,
                "visit_id",
                record_id,
                "deputy_id",
                {did: {} for did in ids},
                discriminator=("role", role),
            )

    @staticmethod
    def _rows(s: Session, found: list) -> list[VisitRow]:
        ids = [r.id for r, _ in found]
        visitors = linked_deputies(
            s, VisitPerson, "visit_id", ids, where=VisitPerson.role == "visitor"
        )
        visited = linked_deputies(
            s, VisitPerson, "visit_id", ids, where=VisitPerson.role == "visited"
        )
        opinions = _opinion_counts(s, FeedbackCase.visit_id, ids)
        origins = site_names(s) if found else {}
        return [
            VisitRow(
                id=r.id,
                station_id=r.station_id,
                station_name=station_name,
                day=r.day,
                kind=VisitKind(r.kind),
                visitor_ids=tuple(x[0] for x in visitors.get(r.id, ())),
                visitor_names=tuple(x[1] for x in visitors.get(r.id, ())),
                other_visitors=r.other_visitors,
                visited_deputy_ids=tuple(x[0] for x in visited.get(r.id, ())),
                visited_deputy_names=tuple(x[1] for x in visited.get(r.id, ())),
                visited_people=r.visited_people,
                people_count=r.people_count,
                opinions_collected=opinions.get(r.id, 0),
                summary=r.summary,
                version=r.version,
                owner_site_id=r.owner_site_id,
                origin=origins.get(r.owner_site_id, ""),
                change_seq=r.change_seq,
            )
            for r, station_name in found
        ]
