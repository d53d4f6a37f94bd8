"""Stored rows back into drafts, and what identifies a record on paper: the import's matching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from desktop.domain.records import (
    ActivityDraft,
    ActivityRow,
    CaseDraft,
    CaseRow,
    DeputyDraft,
    DeputyRow,
    DutyDayDraft,
    DutyDayRow,
    ParticipantDraft,
    VisitDraft,
    VisitRow,
)


def deputy(r: DeputyRow) -> DeputyDraft:
    return DeputyDraft(
        name=r.name,
        gender=r.gender,
        ethnicity=r.ethnicity,
        is_county_level=r.is_county_level,
        is_township_level=r.is_township_level,
        constituency=r.constituency,
        phone=r.phone,
        workplace=r.workplace,
        occupation=r.occupation,
        term=r.term,
        household_sign=r.household_sign,
        status=r.status,
        station_ids=r.station_ids,
    )


def duty_day(r: DutyDayRow) -> DutyDayDraft:
    return DutyDayDraft(r.station_id, r.day, r.kind, r.deputy_ids, r.people_received, r.summary)


def visit(r: VisitRow) -> VisitDraft:
    return VisitDraft(
        station_id=r.station_id,
        day=r.day,
        kind=r.kind,
        visitor_ids=r.visitor_ids,
        other_visitors=r.other_visitors,
        visited_deputy_ids=r.visited_deputy_ids,
        visited_people=r.visited_people,
        people_count=r.people_count,
        summary=r.summary,
    )


def case(r: CaseRow) -> CaseDraft:
    return CaseDraft(
        station_id=r.station_id,
        received_date=r.received_date,
        channel=r.channel,
        anonymous=r.anonymous,
        person_name=r.person_name,
        phone=r.phone,
        id_number=r.id_number,
        village=r.village,
        category_id=r.category_id,
        content=r.content,
        deputy_ids=r.deputy_ids,
        duty_day_id=r.duty_day_id,
        visit_id=r.visit_id,
    )


def activity(r: ActivityRow) -> ActivityDraft:
    people = tuple(ParticipantDraft(p.deputy_id, p.attendance, p.quantity) for p in r.participants)
    return ActivityDraft(r.kind_id, r.day, r.station_id, r.title, r.location, r.summary, people)


TO_DRAFT: dict[str, Callable[[Any], Any]] = {
    "deputies": deputy,
    "duty-days": duty_day,
    "visits": visit,
    "feedback": case,
    "activities": activity,
}

# Column key -> the draft fields it fills; a column the workbook lacks leaves them as stored.
COLUMN_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "deputies": {
        "level": ("is_county_level", "is_township_level"),
        "stations": ("station_ids",),
        **{
            k: (k,)
            for k in (
                "name",
                "gender",
                "ethnicity",
                "constituency",
                "phone",
                "workplace",
                "occupation",
                "term",
                "household_sign",
                "status",
            )
        },
    },
    "duty-days": {
        "station": ("station_id",),
        "deputies": ("deputy_ids",),
        **{k: (k,) for k in ("day", "kind", "people_received", "summary")},
    },
    "visits": {
        "station": ("station_id",),
        "visitors": ("visitor_ids",),
        "visited_deputies": ("visited_deputy_ids",),
        **{
            k: (k,)
            for k in (
                "day",
                "kind",
                "other_visitors",
                "visited_people",
                "people_count",
                "summary",
            )
        },
    },
    "feedback": {
        "station": ("station_id",),
        "category": ("category_id",),
        "deputies": ("deputy_ids",),
        **{
            k: (k,)
            for k in (
                "received_date",
                "channel",
                "anonymous",
                "person_name",
                "phone",
                "id_number",
                "village",
                "content",
            )
        },
    },
    "activities": {
        "kind": ("kind_id",),
        "station": ("station_id",),
        **{k: (k,) for k in ("day", "title", "location", "participants", "summary")},
    },
}


def natural_key(kind: str, d: Any, present: set[str]) -> tuple:
    """What makes two rows the same record, as a clerk would judge it on paper. A part whose
    column the workbook lacks is left out (a workbook without 接待形式 matches any form)."""

    def part(column: str, value: Any) -> Any:
        return value if column in present else None

    if kind == "deputies":
        return ("deputy", d.name)
    if kind == "duty-days":
        return (part("station", d.station_id), d.day, part("kind", d.kind))
    if kind == "visits":
        visitors = frozenset(d.visitor_ids)
        return (
            part("station", d.station_id),
            d.day,
            part("kind", d.kind),
            part("visitors", visitors),
            part("other_visitors", d.other_visitors.strip()),
        )
    if kind == "feedback":
        person = "" if d.anonymous else d.person_name.strip()  # anonymous keeps no name
        return (part("station", d.station_id), d.received_date, person, d.content.strip())
    return (d.kind_id, d.day, part("title", d.title.strip()), part("station", d.station_id))


def _normal(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(sorted(value, key=str))  # the order of names in a cell is not data
    if isinstance(value, str):
        return value.strip()
    return value


def same(a: Any, b: Any) -> bool:
    """Two drafts say the same thing (order of linked people and outer spaces aside)."""
    return all(_normal(getattr(a, f.name)) == _normal(getattr(b, f.name)) for f in fields(a))
