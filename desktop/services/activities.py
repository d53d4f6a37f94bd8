"""Deputy activities (履职活动): one record per event, with each participant's attendance."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import Activity, ActivityKind, ActivityParticipant, Deputy, Station
from desktop.domain.checks import check_activity
from desktop.domain.enums import Attendance
from desktop.domain.records import ActivityDraft, ActivityRow, ListFilter, Page, ParticipantRow
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.common import (
    NOT_FOUND,
    PAGE_SIZE,
    ServiceError,
    after_key,
    load_for_edit,
    sync_links,
    text_match,
)
from desktop.services.origins import site_names, station_conditions


def _filtered(query, flt: ListFilter):
    query = query.where(~Activity.deleted)
    if flt.date_from:
        query = query.where(Activity.day >= flt.date_from)
    if flt.date_to:
        query = query.where(Activity.day <= flt.date_to)
    query = query.where(*station_conditions(Activity.station_id, flt))
    if flt.kind:
        query = query.where(Activity.kind_id == uuid.UUID(flt.kind))
    text = flt.text.strip()
    if text:
        columns = [Activity.title, Activity.location, Activity.summary]
        link = (ActivityParticipant, ActivityParticipant.activity_id, Activity.id)
        query = query.where(text_match(text, columns, link))
    return query


class ActivityService:
    def __init__(
        self, db: Database, today: Callable[[], dt.date], audit: AuditLog | None = None
    ) -> None:
        self._db = db
        self._today = today
        self._audit = audit

    def page(
        self, flt: ListFilter = ListFilter(), after: tuple | None = None, limit: int = PAGE_SIZE
    ) -> Page[ActivityRow]:
        with self._db.read() as s:
            query = _filtered(self._select(), flt)
            query = after_key(query, Activity.day, Activity.id, after)
            rows = self._rows(s, s.execute(query.limit(limit)).all())
        next_key = (rows[-1].day, rows[-1].id) if len(rows) == limit else None
        return Page(tuple(rows), next_key)

    def count(self, flt: ListFilter = ListFilter()) -> int:
        with self._db.read() as s:
            return s.scalar(_filtered(select(func.count()).select_from(Activity), flt))

    def get(self, activity_id: uuid.UUID) -> ActivityRow:
        with self._db.read() as s:
            found = s.execute(self._select().where(Activity.id == activity_id)).all()
            if not found or found[0][0].deleted:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, found)[0]

    def create(self, draft: ActivityDraft) -> ActivityRow:
        draft = check_activity(draft, self._today())
        with self._db.write() as s:
            record = Activity(id=uuid.uuid4())
            self._apply(record, draft)
            s.add(record)
            s.flush()
            self._link(s, record.id, draft)
        return self.get(record.id)

    def update(
        self, activity_id: uuid.UUID, draft: ActivityDraft, version: int | None
    ) -> ActivityRow:
        draft = check_activity(draft, self._today())
        with self._db.write() as s:
            record = load_for_edit(s, Activity, activity_id, version)
            self._apply(record, draft)
            self._link(s, record.id, draft)
        return self.get(activity_id)

    def delete(self, activity_id: uuid.UUID, version: int | None = None) -> None:
        with self._db.write() as s:
            record = load_for_edit(s, Activity, activity_id, version)
            record.deleted = True
            sync_links(s, ActivityParticipant, "activity_id", record.id, "deputy_id", {})
            target = phrase("activity {day}: {title}", day=record.day, title=record.title)
            record_delete(self._audit, s, target)

    @staticmethod
    def _select():
        return (
            select(Activity, ActivityKind.name, Station.name)
            .join(ActivityKind, ActivityKind.id == Activity.kind_id)
            .outerjoin(Station, Station.id == Activity.station_id)
        )

    @staticmethod
    def _apply(record: Activity, d: ActivityDraft) -> None:
        record.kind_id = d.kind_id  # type: ignore[assignment]
        record.station_id = d.station_id
        record.day = d.day  # type: ignore[assignment]
        record.title = d.title
        record.location = d.location.strip()
        record.summary = d.summary.strip()

    @staticmethod
    def _link(s: Session, record_id: uuid.UUID, d: ActivityDraft) -> None:
        wanted = {
            p.deputy_id: {"attendance": p.attendance.value, "quantity": p.quantity}
            for p in d.participants
        }
        sync_links(s, ActivityParticipant, "activity_id", record_id, "deputy_id", wanted)

    @staticmethod
    def _rows(s: Session, found: list) -> list[ActivityRow]:
        ids = [a.id for a, _, _ in found]
        people: dict[uuid.UUID, list[ParticipantRow]] = defaultdict(list)
        if ids:
            query = (
                select(ActivityParticipant, Deputy.name)
                .join(Deputy, Deputy.id == ActivityParticipant.deputy_id)
                .where(ActivityParticipant.activity_id.in_(ids), ~ActivityParticipant.deleted)
            )
            for p, name in s.execute(query):
                people[p.activity_id].append(
                    ParticipantRow(p.deputy_id, name, Attendance(p.attendance), p.quantity)
                )
        origins = site_names(s) if found else {}
        return [
            ActivityRow(
                id=a.id,
                kind_id=a.kind_id,
                kind_name=kind_name,
                station_id=a.station_id,
                station_name=station_name or "",
                day=a.day,
                title=a.title,
                location=a.location,
                summary=a.summary,
                participants=tuple(people.get(a.id, ())),
                version=a.version,
                owner_site_id=a.owner_site_id,
                origin=origins.get(a.owner_site_id, ""),
                change_seq=a.change_seq,
            )
            for a, kind_name, station_name in found
        ]
