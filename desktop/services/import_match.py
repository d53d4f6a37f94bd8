"""Which stored record a workbook row is: by its 系统编号, its case number, or what identifies
it on paper, never by guessing between two records that fit equally well."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from desktop.domain.errors import ServiceError
from desktop.domain.records import ListFilter
from desktop.services.register_sheets import RegisterSheets
from desktop.services.row_drafts import TO_DRAFT, natural_key

DATE_KEY = {"feedback": "received_date", "deputies": ""}


def parse_id(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value).strip()) if value else None
    except ValueError:
        return None


def remap_deputies(draft: Any, remap: dict[uuid.UUID, uuid.UUID]) -> Any:
    """A stored draft with every station copy of a deputy replaced by the county's record, as
    the roster (and so a workbook's names) knows them."""
    if not remap:
        return draft
    changes: dict[str, Any] = {}
    for name in ("deputy_ids", "visitor_ids", "visited_deputy_ids"):
        ids = getattr(draft, name, None)
        if ids and any(i in remap for i in ids):
            changes[name] = tuple(dict.fromkeys(remap.get(i, i) for i in ids))
    people = getattr(draft, "participants", None)
    if people and any(p.deputy_id in remap for p in people):
        changes["participants"] = tuple(
            replace(p, deputy_id=remap.get(p.deputy_id, p.deputy_id)) for p in people
        )
    return replace(draft, **changes) if changes else draft


class Matcher:
    """The stored records a workbook may refer to, indexed by id, number and paper key."""

    def __init__(self, services: Any, kind: str, rows: list[Any], present: set[str]) -> None:
        self.kind, self.present = kind, present
        self._s = services
        self.remap = services.deputies.county_records()
        self.by_id: dict[uuid.UUID, Any] = {}
        self.by_number: dict[str, Any] = {}
        self.by_key: dict[tuple, list[Any]] = {}
        self.used: set[uuid.UUID] = set()
        self._load(rows)

    def stored(self, record: Any) -> Any:
        return remap_deputies(TO_DRAFT[self.kind](record), self.remap)

    def _add(self, records: Iterable[Any]) -> None:
        for record in records:
            if record.id in self.by_id:
                continue
            self.by_id[record.id] = record
            key = natural_key(self.kind, self.stored(record), self.present)
            self.by_key.setdefault(key, []).append(record)
            if getattr(record, "case_number", ""):
                self.by_number[record.case_number] = record

    def _load(self, rows: list[Any]) -> None:
        sheets = RegisterSheets(self._s)
        if self.kind == "deputies":
            self._add(sheets.rows(self.kind, ListFilter()))
            return
        date_key = DATE_KEY.get(self.kind, "day")
        days = [r.values.get(date_key) for r in rows]
        days = [d for d in days if isinstance(d, dt.date)]
        if days:  # the records of the workbook's dates, plus any it names by id or number
            self._add(sheets.rows(self.kind, ListFilter(min(days), max(days))))
        service = {
            "duty-days": self._s.duty_days,
            "visits": self._s.visits,
            "feedback": self._s.feedback,
            "activities": self._s.activities,
        }[self.kind]
        ids = {parse_id(r.values.get("record_id")) for r in rows} - {None} - set(self.by_id)
        for record_id in sorted(ids):  # rare: a record whose date was changed in the workbook
            # Deleted since, or from another database: then the row is matched on paper.
            with contextlib.suppress(ServiceError):
                self._add([service.get(record_id)])
        if self.kind == "feedback":
            numbers = {str(r.values.get("case_number") or "").strip() for r in rows} - {""}
            self._add(service.by_numbers(sorted(numbers - set(self.by_number))))

    def candidates(self, values: dict[str, Any], draft: Any) -> list[Any]:
        """The unclaimed records this row may be: one when it is named, else those whose paper
        key matches (possibly several, which the caller must tell apart or refuse)."""
        named = self.by_id.get(parse_id(values.get("record_id")))  # type: ignore[arg-type]
        if named is None and self.kind == "feedback":
            named = self.by_number.get(str(values.get("case_number") or "").strip())
        if named is not None:
            return [] if named.id in self.used else [named]
        found = self.by_key.get(natural_key(self.kind, draft, self.present), [])
        return [r for r in found if r.id not in self.used]
