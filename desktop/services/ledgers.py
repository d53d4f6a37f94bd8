"""The ledgers (台账) as data, then as PDF or workbook: what inspectors read on paper.

Each ledger is built in two steps (architecture habit 9): a `LedgerDocument` (strings on paper)
or `SheetData` (typed cells) from the registers, then a renderer in `formats/`. Paper is
Chinese whatever language the menus speak. People are listed in surname stroke order (按姓氏笔画)
unless the clerk asks for pinyin order (or, in the points register, rank).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.domain.checks import MAX_PLAN_DAYS
from desktop.domain.errors import ServiceError
from desktop.domain.kinds import BY_MONTH_KINDS, PROGRAMME_KINDS
from desktop.domain.programme_specs import SPECS
from desktop.domain.records import ListFilter
from desktop.domain.roles import AuditAction, Permission
from desktop.domain.tables import (
    CancelledFn,
    Cell,
    Column,
    LedgerDocument,
    ProgressFn,
    Section,
    SheetData,
    never_cancelled,
    no_progress,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.formats.slips import format_date
from desktop.services.audit import joined, masking, phrase
from desktop.services.ledger_log import record_print
from desktop.services.ledger_points import points_sections, points_sheets, sign_in_section
from desktop.services.programme_sheets import ProgrammeLedgers, paper_section, paper_sheet
from desktop.services.register_sheets import Label, RegisterSheets, english, year_filter

NO_DUTY_DAY = QT_TRANSLATE_NOOP(
    "Service",
    "No duty day is planned at this station on or after {day}: plan one in the duty-day "
    "register first.",
)
UNKNOWN_STATION = QT_TRANSLATE_NOOP("Service", "There is no station with the code {code}.")
SIGN_IN_STATION = QT_TRANSLATE_NOOP("Service", "Choose the station whose sign-in sheet to print.")
BAD_MONTH = QT_TRANSLATE_NOOP("Service", "A month is from 1 to 12, not {month}.")
NOT_MONTHLY = QT_TRANSLATE_NOOP(
    "Service",
    "The {title} is not printed by the month: points registers are kept by the year, and a "
    "sign-in sheet is for one duty day. Print it without a month.",
)

TITLES = {
    "duty-days": "代表进站接待登记台账",
    "visits": "代表走访群众登记台账",
    "feedback": "意见建议办理台账",
    "activities": "代表履职活动台账",
    "points": "年度履职积分登记表",
    "sign-in": "代表进站接待签到表",
}
# The columns a ledger prints, from each register's full column spec (the workbook has all).
PAPER_COLUMNS = {
    "duty-days": ("day", "kind", "deputies", "people_received", "out_opinions", "summary"),
    "visits": (
        "day",
        "kind",
        "visitors",
        "visited_deputies",
        "visited_people",
        "people_count",
        "out_opinions",
        "summary",
    ),
    "feedback": (
        "case_number",
        "received_date",
        "person_name",
        "phone",
        "village",
        "content",
        "deputies",
        "out_department",
        "out_referred_on",
        "out_replied_on",
        "out_outcome",
        "out_satisfaction",
    ),
    "activities": ("day", "kind", "title", "location", "participants", "summary"),
}
OUTCOME_KEY = "办理结果：A 已解决，B 正在解决，C 列入计划，D 因条件限制无法解决并已解释。"
# On paper, in characters of 小五 type: A4 landscape holds about 90. Dates and numbers are
# sized not to wrap (ten half-width digits and the cell's padding take seven); the free text
# takes what is left.
PAPER_WIDTHS = {
    "content": 15,
    "summary": 24,
    "case_number": 7.6,
    "received_date": 7,
    "day": 7,
    "out_referred_on": 7,
    "out_replied_on": 7,
    "out_answered_on": 7,
    "phone": 7.4,
    "person_name": 4.3,
    "village": 4.4,
    "station": 6,
    "deputies": 5.5,
    "out_department": 6,
    "out_outcome": 3,
    "out_satisfaction": 4.6,
}
PAPER_ONLY_LETTER = "out_outcome"  # the ledger prints A-D; its note says what they mean


def title_of(kind: str) -> str:
    return SPECS[kind].title if kind in PROGRAMME_KINDS else TITLES[kind]


@dataclass(frozen=True, slots=True)
class LedgerRequest:
    """What a clerk asks for: a kind, a year (or a month of it), optionally a station, a day
    (sign-in), options."""

    kind: str
    year: int
    station_code: str = ""
    day: dt.date | None = None  # sign-in: the duty day; None: the next one from today
    reveal: bool = False  # phones and ID numbers in full: Permission.PRINT_UNMASKED, audited
    order: str = "strokes"
    month: int | None = None  # 1-12: that month only (not points nor sign-in); None: the year


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class LedgerService:
    def __init__(self, services: Any, today: Any = dt.date.today) -> None:
        self._s = services
        self._today = today
        self.registers = RegisterSheets(services)

    # --- what the ledger is about -------------------------------------------------------

    def station_id(self, code: str) -> uuid.UUID | None:
        if not code:
            return None
        for station in self._s.reference.stations():
            if station.code == code:
                return station.id
        raise ServiceError(UNKNOWN_STATION, code=code)

    def unit_name(self, station_id: uuid.UUID | None) -> str:
        if station_id is not None:
            return next(s.name for s in self._s.reference.stations() if s.id == station_id)
        site = self._s.site.current()
        return site.name if site else ""

    @staticmethod
    def checked_month(request: LedgerRequest) -> int | None:
        """The request's month, checked: points registers and sign-in sheets have none."""
        if request.month is None:
            return None
        if not 1 <= request.month <= 12:
            raise ServiceError(BAD_MONTH, month=str(request.month))
        if request.kind not in BY_MONTH_KINDS:
            raise ServiceError(NOT_MONTHLY, title=title_of(request.kind))
        return request.month

    def _filter(self, request: LedgerRequest, station: uuid.UUID | None) -> ListFilter:
        return year_filter(request.year, station, self.checked_month(request))

    def _permitted(self, request: LedgerRequest) -> None:
        """Phones and ID numbers in full only for a role that may print them: refused before
        anything is built or written."""
        if request.reveal:
            self._s.access.require(Permission.PRINT_UNMASKED)

    def audit_name(self, request: LedgerRequest) -> str:
        """The ledger as the audit log names it: its title, period and station."""
        month = self.checked_month(request)
        if request.kind == "sign-in":
            period = request.day.isoformat() if request.day else ""
        else:
            period = f"{request.year}年{month}月" if month else f"{request.year}年度"
        return " ".join(p for p in (title_of(request.kind), period, request.station_code) if p)

    # --- paper ----------------------------------------------------------------------------

    def document(
        self,
        request: LedgerRequest,
        label: Label = english,
        *,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> LedgerDocument:
        self._permitted(request)
        station = self.station_id(request.station_code)
        unit = "填报单位：" + self.unit_name(station)
        flt = self._filter(request, station)
        period = f"{format_date(flt.date_from)}至{format_date(flt.date_to)}"
        kind, today = request.kind, self._today()
        if kind in PROGRAMME_KINDS:
            if not self.checked_month(request):
                period = f"{request.year}年度"
            sections = tuple(paper_section(t) for t in self._programme_tables(request, station))
            return LedgerDocument(unit, SPECS[kind].title, period, sections, True, printed_on=today)
        if kind == "points":
            sections = points_sections(
                self._s, request.year, self._deputy_ids(station), request.order
            )
            return LedgerDocument(unit, TITLES[kind], period, sections, True, printed_on=today)
        if kind == "sign-in":
            day, section = self._sign_in(request, station)
            when = f"接待日期：{format_date(day)}"
            return LedgerDocument(unit, TITLES[kind], when, (section,), False, printed_on=today)
        sheet = self.registers.sheet(
            kind, flt, label, reveal=request.reveal, progress=progress, is_cancelled=is_cancelled
        )
        keys = PAPER_COLUMNS[kind]
        site = self._s.site.current()
        if station is None and (site is None or site.station_id is None):
            keys = (keys[0], "station", *keys[1:])  # the county prints every station's rows
        index = {c.key: i for i, c in enumerate(sheet.columns)}
        columns = tuple(self._paper(sheet.columns[index[k]]) for k in keys)
        rows = [tuple(cell_text(row[index[k]]) for k in keys) for row in sheet.rows]
        if PAPER_ONLY_LETTER in keys:
            at = keys.index(PAPER_ONLY_LETTER)
            rows = [(*r[:at], r[at][:1], *r[at + 1 :]) for r in rows]
        section = Section(columns, rows, notes=self._notes(kind, len(rows)))
        return LedgerDocument(unit, TITLES[kind], period, (section,), True, printed_on=today)

    def pdf(self, request: LedgerRequest, label: Label = english, **task: Any) -> Any:
        """The ledger as a RenderedPdf (reportlab is imported only now: it is slow to load)."""
        from desktop.formats.ledger_pdf import render_ledger

        return render_ledger(self.document(request, label, **task), **task)

    # --- workbook -------------------------------------------------------------------------

    def sheets(
        self,
        request: LedgerRequest,
        label: Label = english,
        *,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> list[SheetData]:
        self._permitted(request)
        month = self.checked_month(request)
        station = self.station_id(request.station_code)
        period = f"{request.year}年{month}月" if month else f"{request.year}年度"
        caption = f"{self.unit_name(station)}　{period}　{title_of(request.kind)}"
        if request.kind in PROGRAMME_KINDS:
            tables = self._programme_tables(request, station)
            return [paper_sheet(t, "　".join((caption, *t.notes))) for t in tables]
        if request.kind == "points":
            ids = self._deputy_ids(station)
            return points_sheets(self._s, request.year, ids, request.order, caption)
        if request.kind == "sign-in":
            day, section = self._sign_in(request, station)
            columns = section.columns
            rows = [tuple(r) for r in section.rows]
            return [SheetData(f"签到表 {day.isoformat()}", columns, rows, caption)]
        flt = self._filter(request, station)
        return [
            self.registers.sheet(
                request.kind,
                flt,
                label,
                reveal=request.reveal,
                caption=caption,
                progress=progress,
                is_cancelled=is_cancelled,
            )
        ]

    def write_xlsx(self, request: LedgerRequest, target: Path, label: Label = english, **task):
        """The ledger as a workbook; the export is in the audit log once the file is written."""
        from desktop.formats.xlsx_write import write_workbook

        rows = write_workbook(target, self.sheets(request, label, **task), **task)
        detail = joined(phrase("file {file}", file=Path(target).name),
                        phrase("{rows} rows", rows=rows), masking(request.reveal))  # fmt: skip
        self._s.audit.record(AuditAction.EXPORT, self.audit_name(request), detail)
        return rows

    # --- the log of ledgers printed ----------------------------------------------------------

    def record_output(self, request: LedgerRequest, output: str, rows: int) -> None:
        """Note that the ledger went to paper ("print"), to a PDF ("pdf") or to a workbook
        ("xlsx"): the county rates whether each station printed its monthly ledgers. The station
        is the request's, or at a station site its own; a preview alone is not a print.
        To paper or a PDF, it is a print in the audit log too (write_xlsx records a workbook)."""
        month = self.checked_month(request)
        station = self.station_id(request.station_code)
        if station is None:
            site = self._s.site.current()
            station = site.station_id if site else None
        day = self._today()
        record_print(self._s.db, station, request.kind, request.year, month or 0, day, output, rows)
        if output != "xlsx":
            how = phrase("to paper") if output == "print" else phrase("saved as PDF")
            detail = joined(how, phrase("{rows} rows", rows=rows), masking(request.reveal))
            self._s.audit.record(AuditAction.PRINT, self.audit_name(request), detail)

    # --- internals ------------------------------------------------------------------------

    def _programme_tables(self, request: LedgerRequest, station: uuid.UUID | None) -> list:
        """A station prints its own station's records; the county every station's."""
        site = self._s.site.current()
        own = site.station_id if site else None
        county = station is None and own is None
        ledgers = ProgrammeLedgers(self._s)
        month = self.checked_month(request)
        return ledgers.tables(request.kind, request.year, month, station or own, county)

    @staticmethod
    def _paper(column: Column) -> Column:
        width = PAPER_WIDTHS.get(column.key, column.width)
        return replace(column, width=width) if width != column.width else column

    @staticmethod
    def _notes(kind: str, count: int) -> tuple[str, ...]:
        if kind == "feedback":
            return (f"共 {count} 件。{OUTCOME_KEY}",)
        return (f"共 {count} 条。",)

    def _deputy_ids(self, station: uuid.UUID | None) -> list[uuid.UUID] | None:
        if station is None:
            return None
        return [d.id for d in self._s.deputies.list(ListFilter(station_id=station))]

    def _sign_in(
        self, request: LedgerRequest, station: uuid.UUID | None
    ) -> tuple[dt.date, Section]:
        """The given duty day, or the next one planned from today (whatever the year)."""
        site = self._s.site.current()
        station = station or (site.station_id if site else None)
        if station is None:  # the county plans no duty days of its own: a station must be named
            raise ServiceError(SIGN_IN_STATION)
        start = request.day or self._today()
        end = request.day or start + dt.timedelta(days=MAX_PLAN_DAYS)
        days = list(self.registers.rows("duty-days", ListFilter(start, end, station)))
        if not days:
            raise ServiceError(NO_DUTY_DAY, day=start.isoformat())
        duty = days[0]  # oldest first: the next one to come
        roster = {d.id: d for d in self._s.deputies.list()}  # anyone on the rota, by id
        on_duty = [roster[i] for i in duty.deputy_ids if i in roster]
        return duty.day, sign_in_section(on_duty, request.order)
