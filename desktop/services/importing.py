"""Excel import: read and check every row first, show the plan, then write it all or nothing.

A plan sorts the workbook's rows into new, updated, unchanged and rejected (with row, column and
reason). Rows are matched to existing records by what identifies them on paper (a deputy's name;
a duty day's station, date and form; a case's number, or its date, person and content), so
importing the same workbook twice changes nothing. Columns a workbook lacks keep their stored
values; a masked phone (138****8000, as default exports print it) keeps the stored number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from desktop.domain import checks
from desktop.domain.checks import DraftInvalid
from desktop.domain.records import ListFilter
from desktop.domain.tables import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.common import NOT_OWNER, ServiceError, not_owned
from desktop.services.import_rows import (
    CONVERTERS,
    FIELD_COLUMNS,
    MASKED,
    CellError,
    Label,
    build_lookups,
    masked,
)
from desktop.services.import_write import MODELS, write_plan
from desktop.services.register_sheets import RegisterSheets, english
from desktop.services.row_drafts import COLUMN_FIELDS, TO_DRAFT, natural_key, same
from desktop.services.sheet_columns import KINDS, importable

DUPLICATE_ROW = QT_TRANSLATE_NOOP(
    "Service", "Row {row} of this workbook is the same record with different values."
)
DISK_FULL = QT_TRANSLATE_NOOP(
    "Service",
    "The disk is full: nothing was imported. Free some space on the disk and import again.",
)
NAMESAKES = QT_TRANSLATE_NOOP(
    "Service", "The roster has several deputies called {name}: change them in the program."
)
CHECKS = {
    "deputies": checks.check_deputy,
    "duty-days": checks.check_duty_day,
    "visits": checks.check_visit,
    "feedback": checks.check_case,
    "activities": checks.check_activity,
}
NEW, UPDATED, UNCHANGED, REJECTED = "new", "updated", "unchanged", "rejected"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row is rejected: the column's header as the workbook has it, and the refusal."""

    header: str
    cell_ref: str
    error: Exception  # carries message/context/args_map for translation


@dataclass(slots=True)
class PlannedRow:
    row_number: int
    action: str
    draft: Any = None
    target_id: uuid.UUID | None = None
    version: int | None = None
    case_number: str = ""
    problems: list[RowProblem] = field(default_factory=list)


@dataclass(slots=True)
class ImportPlan:
    kind: str
    path: Path
    sheet_name: str
    rows: list[PlannedRow]
    warnings: list[Any]
    ignored_headers: tuple[str, ...]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def writes(self) -> int:
        return self.count(NEW) + self.count(UPDATED)


class ImportService:
    def __init__(self, services: Any, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._s = services
        self._today = today

    def plan(
        self,
        kind: str,
        path: Path,
        label: Label = english,
        *,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> ImportPlan:
        from desktop.formats.xlsx_read import read_table  # openpyxl/calamine load on demand

        assert kind in KINDS, kind
        columns = importable(kind)
        table = read_table(
            path, columns, expect_template=kind, progress=progress, is_cancelled=is_cancelled
        )
        headers = dict(table.headers_found)
        refs = {c.key: c.header for c in columns}
        lookups = build_lookups(self._s, label)
        existing = self._existing(kind, table.rows)
        seen: dict[Any, PlannedRow] = {}
        today = self._today()
        planned: list[PlannedRow] = []
        for read in table.rows:
            row = PlannedRow(read.row_number, REJECTED)
            planned.append(row)
            row.problems = [RowProblem(p.header, p.cell_ref, p) for p in read.problems]
            lookups.problems = []
            draft = CONVERTERS[kind](read.values, lookups)
            present = set(headers)
            for key in ("phone", "id_number"):
                if key in present and masked(str(read.values.get(key) or "")):
                    present.discard(key)  # keep what is stored; a new record gets nothing
                    draft = dataclasses.replace(draft, **{key: ""})
                    if kind != "deputies" or key == "phone":
                        table.warnings.append(
                            CellError(key, MASKED, value=str(read.values.get(key)))
                        )
            for error in lookups.problems:
                header = headers.get(error.column, refs.get(error.column, error.column))
                row.problems.append(RowProblem(header, "", error))
            if row.problems:
                continue
            key = natural_key(kind, draft, read.values)
            found = existing.get(key)
            if isinstance(found, list):  # namesakes in the roster
                row.problems.append(RowProblem(headers.get("name", ""), "", _namesakes(draft)))
                continue
            if found is not None:
                stored = TO_DRAFT[kind](found)
                fields = {f for c in present for f in COLUMN_FIELDS[kind].get(c, ())}
                draft = dataclasses.replace(stored, **{f: getattr(draft, f) for f in fields})
            try:
                draft = CHECKS[kind](draft, today)
            except DraftInvalid as exc:
                for name, error in exc.errors.items():
                    column = FIELD_COLUMNS.get(name, name)
                    header = headers.get(column, refs.get(column, column))
                    row.problems.append(RowProblem(header, "", error))
                continue
            row.draft = draft
            row.case_number = str(read.values.get("case_number") or "")
            earlier = seen.get(key)
            if earlier is not None:
                if same(earlier.draft, draft):
                    row.action = UNCHANGED
                else:
                    error = CellError("", DUPLICATE_ROW, row=str(earlier.row_number))
                    row.problems.append(RowProblem("", "", error))
                continue
            seen[key] = row
            if found is None:
                row.action = NEW
            else:
                row.target_id, row.version = found.id, found.version
                row.action = UNCHANGED if same(stored, draft) else UPDATED
        self._refuse_others(kind, planned, headers)
        return ImportPlan(
            kind, path, table.sheet_name, planned, list(table.warnings), table.ignored_headers
        )

    def _refuse_others(self, kind: str, planned: list[PlannedRow], headers: dict) -> None:
        """A change to a record another site owns (the county's roster, say) is refused here,
        row by row, rather than failing the whole write at the end."""
        updates = {r.target_id: r for r in planned if r.action == UPDATED}
        if not updates:
            return
        foreign = not_owned(self._s.db, MODELS[kind], list(updates))
        for record_id in foreign:
            row = updates[record_id]
            row.action = REJECTED
            row.problems.append(RowProblem("", "", ServiceError(NOT_OWNER)))

    def apply(
        self,
        plan: ImportPlan,
        *,
        actor: str = "",
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> dict[str, int]:
        """Write the plan's new and updated rows in one transaction (rejected rows are left
        out: the caller has shown them and the clerk chose to go on). Returns counts."""
        try:
            write_plan(self._s, plan, actor=actor, progress=progress, is_cancelled=is_cancelled)
        except OperationalError as exc:  # rolled back; the database is as it was
            if "full" in str(exc.orig).lower():
                raise ServiceError(DISK_FULL) from exc
            raise
        return {a: plan.count(a) for a in (NEW, UPDATED, UNCHANGED, REJECTED)}

    # --- matching -------------------------------------------------------------------------

    def _existing(self, kind: str, rows: list[Any]) -> dict[Any, Any]:
        """Existing records by natural key; only the dates the workbook covers are read."""
        sheets = RegisterSheets(self._s)
        flt = ListFilter()
        if kind != "deputies":
            date_key = "received_date" if kind == "feedback" else "day"
            days = [r.values.get(date_key) for r in rows]
            days = [d for d in days if isinstance(d, dt.date)]
            if not days:
                return {}
            flt = ListFilter(min(days), max(days))
        index: dict[Any, Any] = {}
        for record in sheets.rows(kind, flt):
            draft = TO_DRAFT[kind](record)
            keys = [natural_key(kind, draft, {})]
            if kind == "feedback" and record.case_number:
                keys.append(("number", record.case_number))
            for key in keys:
                if key in index and kind == "deputies":
                    other = index[key]
                    index[key] = [*(other if isinstance(other, list) else [other]), record]
                else:
                    index.setdefault(key, record)
        return index


def _namesakes(draft: Any) -> CellError:
    return CellError("name", NAMESAKES, name=draft.name)
