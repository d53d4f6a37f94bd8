"""What a programme record's REF and REFS fields point to: the tables, the link tables, the
names shown for them, the choices a form offers and the lookup an import makes by name."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.base import Base
from desktop.db.models import Activity, ActivityKind, Deputy, FeedbackCase, Station
from desktop.db.programmes import (
    FundProject,
    LawDraft,
    LegalOfficer,
    LegislativeContact,
    LivelihoodProject,
)
from desktop.domain import programme_fields as pf

# REF target -> (model, the column that names it on screen and in workbooks).
TARGETS: dict[str, tuple[Any, Any]] = {
    pf.STATION: (Station, Station.name),
    pf.DEPUTY: (Deputy, Deputy.name),
    pf.CASE: (FeedbackCase, FeedbackCase.case_number),
    pf.SUGGESTION: (Activity, Activity.title),
    pf.PROJECT: (LivelihoodProject, LivelihoodProject.title),
    pf.FUND_PROJECT: (FundProject, FundProject.title),
    pf.DRAFT: (LawDraft, LawDraft.title),
    pf.CONTACT: (LegislativeContact, LegislativeContact.name),
    pf.OFFICER: (LegalOfficer, LegalOfficer.name),
}
SUGGESTION_KIND = "suggestion"  # the activity kind of a suggestion a deputy files (提出建议)


@dataclass(frozen=True, slots=True)
class Link:
    """A REFS field's link table: the column naming the record and the one naming the target."""

    table: str
    parent: str
    child: str

    @property
    def model(self) -> Any:
        return model_of(self.table)


LINKS = {
    "project_supervisors": Link("project_supervisors", "project_id", "deputy_id"),
    "supervision_deputies": Link("supervision_deputies", "supervision_id", "deputy_id"),
    "training_attendance": Link("training_attendance", "batch_id", "deputy_id"),
    "legal_officer_stations": Link("legal_officer_stations", "officer_id", "station_id"),
}


def model_of(table: str) -> Any:
    for mapper in Base.registry.mappers:
        if mapper.class_.__tablename__ == table:
            return mapper.class_
    raise KeyError(table)


def names_of(s: Session, target: str, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Id -> the name shown, for the ids of one target (deleted records keep their names)."""
    wanted = list({i for i in ids if i is not None})
    model, column = TARGETS[target]
    out: dict[uuid.UUID, str] = {}
    for start in range(0, len(wanted), 500):
        query = select(model.id, column).where(model.id.in_(wanted[start : start + 500]))
        out.update((i, name or "") for i, name in s.execute(query))
    return out


def links_of(
    s: Session, field: pf.Field, record_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[uuid.UUID, ...]]:
    """Record id -> the live linked ids of a REFS field, in the order they were linked."""
    link = LINKS[field.link]
    model = link.model
    parent, child = getattr(model, link.parent), getattr(model, link.child)
    query = select(parent, child).where(parent.in_(record_ids), ~model.deleted)
    if field.link_value:
        query = query.where(getattr(model, field.link_value[0]) == field.link_value[1])
    out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for record_id, target_id in s.execute(query.order_by(model.created_at, child)):
        out[record_id].append(target_id)
    return {k: tuple(v) for k, v in out.items()}


def choices(s: Session, target: str, station_id: uuid.UUID | None = None) -> list[tuple]:
    """(id, name) a form offers for a target, live records only, in name order. Cases are
    offered by number: only those taken up by deputies or escalated, the ones a fund project
    can come from (``station_id`` narrows them to a station's)."""
    model, column = TARGETS[target]
    query = select(model.id, column).where(~model.deleted)
    if target == pf.CASE:
        query = query.where(FeedbackCase.case_number != "", FeedbackCase.merged_into_id.is_(None))
        if station_id is not None:
            query = query.where(FeedbackCase.station_id == station_id)
        query = query.order_by(column.desc()).limit(5000)
        return [tuple(r) for r in s.execute(query)]
    if target == pf.SUGGESTION:
        query = query.join(ActivityKind, ActivityKind.id == Activity.kind_id).where(
            ActivityKind.code == SUGGESTION_KIND
        )
    if target == pf.DEPUTY:
        query = query.where(Deputy.county_record_id.is_(None)).order_by(Deputy.name_sort)
    else:
        query = query.order_by(column)
    return [tuple(r) for r in s.execute(query)]


def lookup(s: Session, target: str, name: str) -> list[uuid.UUID]:
    """The live records of a target that a workbook cell names (a case by its number)."""
    model, column = TARGETS[target]
    query = select(model.id).where(~model.deleted, column == name.strip())
    if target == pf.DEPUTY:
        query = query.where(Deputy.county_record_id.is_(None))
    return list(s.scalars(query))
