"""The county's annual report as an .xlsx workbook: the county's figures, per township, per
station, bundle completeness and the top deputies, one sheet each (openpyxl, imported inside).

Counts are numbers, rates are fractions shown as percentages ("0.0%"; "—" while nothing counts),
dates are dates, and every name or label is a typed text cell: never a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from desktop.domain.figures import AnnualReport, Rate, TownshipLine
from desktop.formats.files import write_atomically
from desktop.formats.report_content import (
    AS_OF,
    LINE_COLUMNS,
    MONTH_STATE_TEXT,
    NEVER,
    PROGRAMME_COLUMNS,
    PROGRAMMES,
    STATION_COLUMNS,
    TITLE,
    TOTAL,
    Money,
    by_workflow,
    county_and_office,
    headlines,
    outcome_label,
    programme_lines,
    silent_stations,
    station_lines,
    total_line,
    township_lines,
)
from desktop.formats.slips import format_date
from desktop.formats.xlsx_write import MAX_WIDTH, display_width
from desktop.formats.xlsx_write_cells import clean_text

# --- The workbook's wording (sheet names and headers), kept together for a translation pass.
SHEETS = ("县汇总", "分乡镇", "分站点", "报送完整性", "积分前列")
FIGURE_HEADERS = ("项目", "数值", "说明")
COUNT_BLOCKS = (  # the county's counts under the headline figures: title, unit, with shares
    ("各月收集意见建议", "件数", False),
    ("意见建议分类", "件数", False),
    ("意见建议办理状态（按办理流程）", "件数", False),
    ("答复办理结果", "件数", True),
    ("代表年度履职积分分布", "人数", False),
)
SHARE = "占比"
PARTS = ("按时答复件数", "应答复件数", "首次反馈满意件数", "首次反馈件数")
TOWNSHIP, STATION, SITE_CODE = "乡镇", "代表联络站", "站点编码"
MONTH = "{month}月"
COMPLETENESS_HEADERS = (
    "应报送月数", "已报送", "按时报送", "报送率", "按时率", "已打印台账月数",
    "最近一次收到数据包", "未报送天数", "长期未报送",
)  # fmt: skip
YES, NO = "是", "否"
TOP_HEADERS = ("名次", "姓名", "乡镇", "代表联络站", "年度积分")

PROGRAMME_HEADERS = ("工作", "项目", "数值", "单位")
PERCENT = "0.0%"
YUAN = "0.00"  # money in yuan, two decimals
DATE = "yyyy-mm-dd"
_MIN_WIDTH = 8


class _Sheet:
    """Rows appended one by one, each value written as its type asks; widths from the values."""

    def __init__(self, wb: Any, title: str) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.ws = wb.create_sheet(title)
        self.rows = 0  # written so far, blank ones included
        self.widths: dict[int, int] = {}
        self.bold, self.caption = Font(bold=True), Font(bold=True, size=14)
        self.fill = PatternFill("solid", fgColor="DDEBF7")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def row(self, values: Sequence[Any], *, header: bool = False, bold: bool = False) -> int:
        """Write the next row and return its number."""
        self.rows += 1
        r = self.rows
        for c, value in enumerate(values, start=1):
            cell = self.ws.cell(row=r, column=c)
            self._put(cell, value)
            if header:
                cell.font, cell.fill, cell.alignment = self.bold, self.fill, self.centre
            elif bold:
                cell.font = self.bold
            text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
            text = value.text() if isinstance(value, Money) else text
            self.widths[c] = max(self.widths.get(c, 0), display_width(text) + 2)
        return r

    def title(self, text: str) -> None:
        self.rows += 1
        cell = self.ws.cell(row=self.rows, column=1)
        self._put(cell, text)
        cell.font = self.caption

    @staticmethod
    def _put(cell: Any, value: Any) -> None:
        if isinstance(value, Rate):
            if value.whole:
                cell.value = value.part / value.whole
                cell.number_format = PERCENT
            else:
                _Sheet._put(cell, value.text())  # "—": no share of nothing
        elif isinstance(value, Money):
            cell.value = Decimal(value.fen) / 100
            cell.number_format = YUAN
        elif isinstance(value, dt.date):
            cell.value = value
            cell.number_format = DATE
        elif isinstance(value, str):
            cell.value = clean_text(value)
            cell.data_type = "s"  # after the value: a name starting with "=" is no formula
        else:
            cell.value = value  # int, Decimal or None

    def finish(self, header_row: int | None = None, columns: int = 0) -> None:
        from openpyxl.utils import get_column_letter

        for c, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(c)].width = max(
                _MIN_WIDTH, min(MAX_WIDTH, width)
            )
        if header_row is not None:
            self.ws.freeze_panes = f"A{header_row + 1}"
            last = f"{get_column_letter(columns)}{self.rows}"
            self.ws.auto_filter.ref = f"A{header_row}:{last}"


def _line_values(line: TownshipLine, columns: Sequence[Any]) -> list[Any]:
    parts = (line.replied_on_time, line.satisfied_first)
    return [*(c.value(line) for c in columns), *(n for r in parts for n in (r.part, r.whole))]


def _points(text: str) -> Decimal | str:
    """A points total as a number (as the register prints it); text if it is not one."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return text


def _county(wb: Any, report: AnnualReport) -> None:
    sheet, f = _Sheet(wb, SHEETS[0]), report.county
    county, office = county_and_office(report.county_name)
    sheet.title(TITLE.format(county=county, year=report.year))
    sheet.row([office])
    sheet.row([AS_OF.format(date=format_date(report.as_of))])
    sheet.row([])
    sheet.row(FIGURE_HEADERS, header=True)
    for h in headlines(f):
        sheet.row([h.label, h.value, h.detail or h.unit])
    blocks = (
        f.cases_per_month,
        f.cases_by_category,
        by_workflow(f.cases_by_state),
        f.outcomes,
        f.points_bands,
    )
    for (title, unit, shares), counts in zip(COUNT_BLOCKS, blocks, strict=True):
        sheet.row([])
        sheet.row([title, unit, *([SHARE] if shares else [])], header=True)
        total = sum(c.value for c in counts)
        for c in counts:
            label = outcome_label(c) if shares else c.label  # shares: the outcomes A to D
            sheet.row([label, c.value, *([Rate(c.value, total)] if shares else [])])
    sheet.finish()


def _townships(wb: Any, report: AnnualReport) -> None:
    sheet = _Sheet(wb, SHEETS[1])
    headers = [TOWNSHIP, *(c.header for c in LINE_COLUMNS), *PARTS]
    top = sheet.row(headers, header=True)
    lines = township_lines(report)
    for line in lines:
        sheet.row([line.name, *_line_values(line, LINE_COLUMNS)])
    sheet.row([TOTAL, *_line_values(total_line(lines), LINE_COLUMNS)], bold=True)
    sheet.finish(top, len(headers))


def _stations(wb: Any, report: AnnualReport) -> None:
    sheet = _Sheet(wb, SHEETS[2])
    headers = [TOWNSHIP, STATION, *(c.header for c in STATION_COLUMNS), *PARTS]
    top = sheet.row(headers, header=True)
    for township, lines in station_lines(report):
        for line in lines:
            sheet.row([township, line.name, *_line_values(line, STATION_COLUMNS)])
    sheet.finish(top, len(headers))


def _completeness(wb: Any, report: AnnualReport) -> None:
    from openpyxl.styles import PatternFill

    fills = {
        state: PatternFill("solid", fgColor=colour)
        for state, colour in (("on_time", "E2EFDA"), ("late", "FFF2CC"), ("missing", "F8CBAD"))
    }
    c, sheet = report.completeness, _Sheet(wb, SHEETS[3])
    months = [MONTH.format(month=m) for m in range(1, 13)]
    headers = [TOWNSHIP, STATION, SITE_CODE, *months, *COMPLETENESS_HEADERS]
    top = sheet.row(headers, header=True)
    silent = {s.station_id for s in silent_stations(c)}
    for s in c.stations:
        states = {cell.month: cell.state for cell in s.months}
        r = sheet.row(
            [
                s.township, s.station, s.site_code,
                *(MONTH_STATE_TEXT.get(states.get(m, ""), "") for m in range(1, 13)),
                s.expected, s.received, s.on_time, s.reporting_rate, s.on_time_rate,
                s.ledgers_printed, s.last_bundle or NEVER, s.silent_days,
                YES if s.station_id in silent else NO,
            ]
        )  # fmt: skip
        for m in range(1, 13):
            if states.get(m) in fills:
                sheet.ws.cell(row=r, column=3 + m).fill = fills[states[m]]
    sheet.finish(top, len(headers))


def _top(wb: Any, report: AnnualReport) -> None:
    sheet = _Sheet(wb, SHEETS[4])
    top = sheet.row(TOP_HEADERS, header=True)
    for d in report.county.top_deputies:
        sheet.row([d.rank, d.name, d.township, d.station, _points(d.points)])
    sheet.finish(top, len(TOP_HEADERS))


def _programmes(wb: Any, report: AnnualReport) -> None:
    """The county's programme figures, then the station-tied ones per station."""
    if report.programmes is None:
        return
    sheet, found = _Sheet(wb, PROGRAMMES), report.programmes
    sheet.title(PROGRAMMES)
    sheet.row([AS_OF.format(date=format_date(report.as_of))])
    sheet.row([])
    sheet.row(PROGRAMME_HEADERS, header=True)
    for line in programme_lines(found.county):
        value = line.value
        r = sheet.row([line.group, line.label, value if value is not None else line.text(),
                       line.unit])  # fmt: skip
        if isinstance(value, float):  # a percentage: a fraction shown as one
            cell = sheet.ws.cell(row=r, column=3)
            cell.value, cell.number_format = value / 100, PERCENT
    sheet.row([])
    sheet.row([TOWNSHIP, STATION, *(c.header for c in PROGRAMME_COLUMNS)], header=True)
    township_of = {line.id: t.scope.name for t in report.townships for line in t.townships}
    for p in found.stations:
        name = township_of.get(p.scope.id, "")
        sheet.row([name, p.scope.name, *(c.value(p) for c in PROGRAMME_COLUMNS)])
    sheet.finish()


def write_report_xlsx(report: AnnualReport, target: Path) -> None:
    """Write the annual report's workbook to ``target``, whole or not at all (a FileRefused
    says why it could not be)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in (_county, _townships, _stations, _completeness, _top, _programmes):
        sheet(wb, report)
    out = io.BytesIO()
    wb.save(out)
    write_atomically(Path(target), out.getvalue())
