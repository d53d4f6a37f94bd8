"""The registers as typed tables (dates as dates, counts as numbers): what exports and ledgers hold.

One function per record kind turns rows into cells under that kind's column spec
(`sheet_columns.py`), so a workbook exported here imports back unchanged. Phones and ID numbers
are masked unless the caller asks to reveal them, which needs Permission.PRINT_UNMASKED; a
register written to a workbook is in the audit log, and one that lists people (the feedback
register, the deputies' roster) needs Permission.EXPORT_PERSONAL.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop.domain.enums import Attendance, CaseState, LabelledEnum
from desktop.domain.records import (
    ActivityRow,
    CaseRow,
    DeputyRow,
    DutyDayRow,
    ListFilter,
    VisitRow,
)
from desktop.domain.roles import AuditAction, Permission
from desktop.domain.tables import (
    Cancelled,
    CancelledFn,
    Cell,
    ProgressFn,
    SheetData,
    never_cancelled,
    no_progress,
)
from desktop.domain.validation import mask_id_number, mask_phone
from desktop.domain.workflow import Outcome, Satisfaction
from desktop.services import collation
from desktop.services.audit import joined, masking, phrase
from desktop.services.sheet_columns import (
    COLUMNS,
    COUNTY_LEVEL,
    LIST_SEPARATOR,
    NO,
    TITLES,
    TOWNSHIP_LEVEL,
    YES,
)

Label = Callable[[LabelledEnum], str]
BATCH = 2000
PERSONAL_KINDS = frozenset({"feedback", "deputies"})  # lists of people, with their phones


def english(member: LabelledEnum) -> str:
    """The label when nobody translates (tests); the GUI and the command line pass Chinese."""
    return member.label


def year_filter(year: int, station_id: Any = None, month: int | None = None) -> ListFilter:
    """The year, or one month of it (1-12)."""
    if month:
        last = monthrange(year, month)[1]
        return ListFilter(dt.date(year, month, 1), dt.date(year, month, last), station_id)
    return ListFilter(dt.date(year, 1, 1), dt.date(year, 12, 31), station_id)


def names(values: tuple[str, ...]) -> str:
    """Names in one cell, in surname stroke order as official lists are: 王五、李四、张三."""
    return LIST_SEPARATOR.join(sorted(values, key=collation.stroke_sort_key))


def sort_people(rows: Iterable[Any], order: str, name: Callable[[Any], str]) -> list[Any]:
    """People in the order official lists use: surname strokes, or pinyin on request."""
    if order == "pinyin":
        return sorted(rows, key=lambda r: collation.pinyin_sort_key(name(r)))
    return sorted(rows, key=lambda r: collation.stroke_sort_key(name(r)))


def yes_no(value: bool) -> str:
    return YES if value else NO


def _level(row: DeputyRow) -> str:
    parts = [COUNTY_LEVEL] * row.is_county_level + [TOWNSHIP_LEVEL] * row.is_township_level
    return LIST_SEPARATOR.join(parts)


def participants(row: ActivityRow, label: Label) -> str:
    """张三、李四（请假）: attendance only where it is not plain presence, ×N for quantities."""
    parts = []
    for p in sorted(row.participants, key=lambda p: collation.stroke_sort_key(p.deputy_name)):
        text = p.deputy_name
        if p.quantity != 1:
            text += f"×{p.quantity}"
        if p.attendance is not Attendance.PRESENT:
            text += f"（{label(p.attendance)}）"
        parts.append(text)
    return LIST_SEPARATOR.join(parts)


class Masker:
    def __init__(self, reveal: bool) -> None:
        self.reveal = reveal

    def phone(self, value: str) -> str:
        return value if self.reveal else mask_phone(value)

    def id_number(self, value: str) -> str:
        return value if self.reveal else mask_id_number(value)


def deputy_cells(row: DeputyRow, label: Label, mask: Masker) -> tuple[Cell, ...]:
    return (
        row.name,
        label(row.gender) if row.gender else "",
        row.ethnicity,
        _level(row),
        row.constituency,
        mask.phone(row.phone),
        row.workplace,
        row.occupation,
        row.term,
        yes_no(row.household_sign),
        label(row.status),
        LIST_SEPARATOR.join(row.station_names),
        str(row.id),
    )


def duty_cells(row: DutyDayRow, label: Label, mask: Masker) -> tuple[Cell, ...]:
    return (
        row.day,
        row.station_name,
        label(row.kind),
        names(row.deputy_names),
        row.people_received,
        row.opinions_formed,
        row.summary,
        str(row.id),
    )


def visit_cells(row: VisitRow, label: Label, mask: Masker) -> tuple[Cell, ...]:
    return (
        row.day,
        row.station_name,
        label(row.kind),
        names(row.visitor_names),
        row.other_visitors,
        names(row.visited_deputy_names),
        row.visited_people,
        row.people_count,
        row.opinions_collected,
        row.summary,
        str(row.id),
    )


def case_cells(row: CaseRow, label: Label, mask: Masker) -> tuple[Cell, ...]:
    return (
        row.case_number,
        row.received_date,
        row.station_name,
        label(row.channel),
        yes_no(row.anonymous),
        row.person_name,
        mask.phone(row.phone),
        mask.id_number(row.id_number),
        row.village,
        row.category_name,
        row.content,
        names(row.deputy_names),
        label(CaseState(row.state)),
        row.department_name,
        row.referred_on,
        row.deadline,
        row.replied_on,
        f"{row.outcome}（{label(Outcome(row.outcome))}）" if row.outcome else "",
        row.reply_text,
        row.answered_on,
        label(Satisfaction(row.satisfaction)) if row.satisfaction else "",
        str(row.id),
    )


def activity_cells(row: ActivityRow, label: Label, mask: Masker) -> tuple[Cell, ...]:
    return (
        row.day,
        row.kind_name,
        row.title,
        row.location,
        row.station_name,
        participants(row, label),
        row.summary,
        str(row.id),
    )


CELLS = {
    "deputies": deputy_cells,
    "duty-days": duty_cells,
    "visits": visit_cells,
    "feedback": case_cells,
    "activities": activity_cells,
}


class RegisterSheets:
    """Every row of a register that matches a filter, oldest first, as typed cells."""

    def __init__(self, services: Any) -> None:
        self._s = services  # desktop.services.Services (not imported: it imports us)

    def _service(self, kind: str) -> Any:
        return {
            "duty-days": self._s.duty_days,
            "visits": self._s.visits,
            "feedback": self._s.feedback,
            "activities": self._s.activities,
        }[kind]

    def rows(self, kind: str, flt: ListFilter) -> Iterator[Any]:
        if kind == "deputies":
            yield from self._s.deputies.list(flt)
            return
        service = self._service(kind)
        pages, after = [], None
        while True:  # services page newest first by key; a ledger reads oldest first
            page = service.page(flt, after, BATCH)
            pages.append(page.rows)
            if page.next_key is None:
                break
            after = page.next_key
        ordered = (row for rows in reversed(pages) for row in reversed(rows))
        if kind == "feedback":  # within a day, in the order the cases were numbered
            yield from sorted(ordered, key=lambda r: (r.received_date, r.case_number))
            return
        yield from ordered

    def count(self, kind: str, flt: ListFilter) -> int:
        if kind == "deputies":
            return len(self._s.deputies.list(flt))
        return self._service(kind).count(flt)

    def sheet(
        self,
        kind: str,
        flt: ListFilter,
        label: Label = english,
        *,
        reveal: bool = False,
        caption: str = "",
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> SheetData:
        if reveal:  # refused before anything is read or written
            self._s.access.require(Permission.PRINT_UNMASKED)
        to_cells, mask = CELLS[kind], Masker(reveal)
        total = self.count(kind, flt) if kind != "deputies" else 0
        out: list[tuple[Cell, ...]] = []
        for n, row in enumerate(self.rows(kind, flt), 1):
            out.append(to_cells(row, label, mask))
            if n % 1000 == 0:
                if is_cancelled():
                    raise Cancelled
                progress(n, total, "")
        return SheetData(TITLES[kind], COLUMNS[kind], out, caption)

    def write_xlsx(
        self,
        kind: str,
        flt: ListFilter,
        target: Path,
        label: Label = english,
        *,
        reveal: bool = False,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> int:
        """The table on screen as a workbook (openpyxl loads only now); returns rows written.
        The export is in the audit log once the file is written."""
        from desktop.formats.xlsx_write import write_workbook

        if kind in PERSONAL_KINDS:
            self._s.access.require(Permission.EXPORT_PERSONAL)
        task: dict[str, Any] = {"progress": progress, "is_cancelled": is_cancelled}
        sheet = self.sheet(kind, flt, label, reveal=reveal, **task)
        rows = write_workbook(target, [sheet], **task)
        period = " - ".join(d.isoformat() for d in (flt.date_from, flt.date_to) if d)
        detail = joined(phrase("file {file}", file=Path(target).name),
                        phrase("{rows} rows", rows=rows), masking(reveal))  # fmt: skip
        target_name = f"{TITLES[kind]} {period}".strip()
        self._s.audit.record(AuditAction.EXPORT, target_name, detail)
        return rows
