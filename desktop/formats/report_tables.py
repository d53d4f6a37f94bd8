"""The annual report's tables (platypus LongTable): split across pages with their header repeated.

Names and headers wrap inside their cells (Paragraph); numbers are plain strings, right-aligned.
reportlab is imported inside.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from desktop.domain.figures import (
    MONTH_STATES,
    ProgrammeFigures,
    Rate,
    StationCompleteness,
    TopDeputy,
    TownshipLine,
)
from desktop.formats.fonts import TextSetter, paragraph_style, register_font
from desktop.formats.report_content import (
    NEVER,
    TOTAL,
    LineColumn,
    Money,
    ProgrammeColumn,
    ProgrammeLine,
    TownshipCompleteness,
    completeness_total,
    total_line,
)
from desktop.formats.slips import format_date

TABLE_SIZE = 8.5
MATRIX_SIZE = 8
_MM = 72 / 25.4
_HEADER_GREY, _TOTAL_GREY, _RULE_GREY = 0.86, 0.93, 0.45

# The completeness matrix: one character per station-month, explained by MATRIX_LEGEND.
MONTH_MARKS = dict(
    zip(MONTH_STATES, ("按", "迟", "缺", "", "—"), strict=True)
)  # on_time, late, missing, not_due, not_expected
MONTH_SHADES = {"on_time": "#E2EFDA", "late": "#FFF2CC", "missing": "#F8CBAD"}
MATRIX_LEGEND = "说明：按＝按时报送，迟＝迟报，缺＝缺报，空白＝未到期，—＝无需报送（尚未启用）。"
MONTH_HEADER = "{month}月"


@functools.cache
def _styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT

    size = TABLE_SIZE
    return {
        "head": paragraph_style("ReportHead", size, alignment=TA_CENTER, leading=size * 1.25),
        "name": paragraph_style("ReportName", size, alignment=TA_LEFT, leading=size * 1.3),
        "total": paragraph_style("ReportTotal", size, alignment=TA_CENTER, leading=size * 1.3),
    }


def number_text(value: int | Rate) -> str:
    return value.text() if isinstance(value, Rate) else str(value)


def _table(
    setter: TextSetter,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    total: bool = False,
    wrap: Sequence[int] = (0,),
    numbers_from: int = 1,
    size: float = TABLE_SIZE,
    extra: Sequence[tuple] = (),
) -> Any:
    """A ruled table: the header row repeated on every page, the ``wrap`` columns wrapping text,
    the columns from ``numbers_from`` on right-aligned; a last row shaded when it is a total."""
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    styles = _styles()
    head = [setter.paragraph(h, styles["head"]) for h in headers]
    body = []
    for r, row in enumerate(rows):
        is_total = total and r == len(rows) - 1
        cells = []
        for c, value in enumerate(row):
            if c in wrap and isinstance(value, str):
                style = styles["total"] if is_total and c == 0 else styles["name"]
                cells.append(setter.paragraph(value, style))
            else:
                cells.append(setter.clean(value) if isinstance(value, str) else value)
        body.append(cells)
    grey = colors.Color(_HEADER_GREY, _HEADER_GREY, _HEADER_GREY)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), register_font()),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.Color(_RULE_GREY, _RULE_GREY, _RULE_GREY)),
        ("BACKGROUND", (0, 0), (-1, 0), grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (numbers_from, 1), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total and rows:
        shade = colors.Color(_TOTAL_GREY, _TOTAL_GREY, _TOTAL_GREY)
        commands += [
            ("BACKGROUND", (0, -1), (-1, -1), shade),
            ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
        ]
    commands += list(extra)
    table = LongTable([head, *body], colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def _widths(width: float, first: float, others: int) -> list[float]:
    return [first] + [(width - first) / others] * others


def line_table(
    setter: TextSetter,
    lines: Sequence[TownshipLine],
    columns: Sequence[LineColumn],
    name_header: str,
    width: float,
    name_width: float,
) -> Any:
    """One row per township (or station) and a 合计 row, the columns of report_content."""
    rows = [[t.name, *(number_text(c.value(t)) for c in columns)] for t in lines]
    summed = total_line(lines)
    rows.append([TOTAL, *(number_text(c.value(summed)) for c in columns)])
    headers = [name_header, *(c.paper_header for c in columns)]
    return _table(setter, headers, rows, _widths(width, name_width, len(columns)), total=True)


COMPLETENESS_HEADERS = (
    "乡镇",
    "站点数",
    "应报送月数",
    "已报送",
    "报送率",
    "按时报送",
    "按时率",
    "长期未报送\n站点数",
)


def completeness_table(
    setter: TextSetter, lines: Sequence[TownshipCompleteness], width: float
) -> Any:
    rows = [
        [
            t.township,
            str(t.stations),
            str(t.expected),
            str(t.received),
            t.reporting_rate.text(),
            str(t.on_time),
            t.on_time_rate.text(),
            str(t.silent),
        ]
        for t in [*lines, completeness_total(lines)]
    ]
    widths = _widths(width, 30 * _MM, len(COMPLETENESS_HEADERS) - 1)
    return _table(setter, COMPLETENESS_HEADERS, rows, widths, total=True)


SILENT_HEADERS = ("乡镇", "代表联络站", "站点编码", "最近一次收到数据包", "未报送天数")


def silent_table(setter: TextSetter, stations: Sequence[StationCompleteness], width: float) -> Any:
    rows = [
        [
            s.township,
            s.station,
            s.site_code or "—",
            format_date(s.last_bundle) if s.last_bundle else NEVER,
            str(s.silent_days),
        ]
        for s in stations
    ]
    widths = [26 * _MM, width - 107 * _MM, 22 * _MM, 36 * _MM, 23 * _MM]
    return _table(setter, SILENT_HEADERS, rows, widths, wrap=(0, 1), numbers_from=4)


MATRIX_HEADERS = ("乡镇", "代表联络站", "报送率", "按时率")


def month_matrix(setter: TextSetter, stations: Sequence[StationCompleteness], width: float) -> Any:
    """Station by month: a mark per month (MONTH_MARKS), shaded by state, and the two rates."""
    from reportlab.lib import colors

    months = [MONTH_HEADER.format(month=m) for m in range(1, 13)]
    headers = [*MATRIX_HEADERS[:2], *months, *MATRIX_HEADERS[2:]]
    rows, extra = [], []
    for r, s in enumerate(stations, start=1):
        cells = {cell.month: cell.state for cell in s.months}
        marks = [MONTH_MARKS.get(cells.get(m, ""), "") for m in range(1, 13)]
        rows.append([s.township, s.station, *marks, s.reporting_rate.text(), s.on_time_rate.text()])
        for m in range(1, 13):
            shade = MONTH_SHADES.get(cells.get(m, ""))
            if shade:
                extra.append(("BACKGROUND", (m + 1, r), (m + 1, r), colors.HexColor(shade)))
    month_width = 7.2 * _MM
    rate_width = 13 * _MM
    township_width = 19 * _MM
    station_width = width - township_width - 12 * month_width - 2 * rate_width
    widths = [township_width, station_width, *[month_width] * 12, rate_width, rate_width]
    extra += [("ALIGN", (2, 1), (13, -1), "CENTER"), ("LEFTPADDING", (2, 0), (13, -1), 1)]
    extra += [("RIGHTPADDING", (2, 0), (13, -1), 1)]
    return _table(
        setter, headers, rows, widths, wrap=(0, 1), numbers_from=14, size=MATRIX_SIZE, extra=extra
    )


TOP_HEADERS = ("名次", "姓名", "乡镇", "代表联络站", "年度积分")


def top_table(setter: TextSetter, deputies: Sequence[TopDeputy], width: float) -> Any:
    rows = [[str(d.rank), d.name, d.township, d.station, d.points] for d in deputies]
    widths = [14 * _MM, 26 * _MM, 30 * _MM, width - 94 * _MM, 24 * _MM]
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    return _table(setter, TOP_HEADERS, rows, widths, wrap=(1, 2, 3), numbers_from=4, extra=extra)


PROGRAMME_HEADERS = ("工作", "项目", "数值", "单位")


def programme_table(setter: TextSetter, lines: Sequence[ProgrammeLine], width: float) -> Any:
    """The programmes' figures: each programme's name once, spanning its lines."""
    rows, extra, start = [], [], 1
    for r, line in enumerate(lines, start=1):
        first = r == 1 or lines[r - 2].group != line.group
        rows.append([line.group if first else "", line.label, line.text(), line.unit])
        last = r == len(lines) or lines[r].group != line.group
        if first:
            start = r
        if last and r > start:
            extra.append(("SPAN", (0, start), (0, r)))
    widths = [40 * _MM, width - 104 * _MM, 44 * _MM, 20 * _MM]
    extra += [("ALIGN", (3, 1), (3, -1), "CENTER")]
    return _table(setter, PROGRAMME_HEADERS, rows, widths, wrap=(0, 1), numbers_from=2,
                  extra=extra)  # fmt: skip


def programme_line_table(
    setter: TextSetter,
    rows: Sequence[tuple[str, ProgrammeFigures]],
    columns: Sequence[ProgrammeColumn],
    name_header: str,
    width: float,
) -> Any:
    """One row per township and the county's row last (it adds the records of no station)."""
    body = [[name, *(_programme_text(c.value(p)) for c in columns)] for name, p in rows]
    headers = [name_header, *(c.paper or c.header for c in columns)]
    money = [i + 1 for i, c in enumerate(columns) if isinstance(c.value(rows[-1][1]), Money)]
    wide, name = 30 * _MM, 24 * _MM  # an amount of millions, in yuan, fits on one line
    other = (width - name - wide * len(money)) / max(1, len(columns) - len(money))
    widths = [name] + [wide if i in money else other for i in range(1, len(columns) + 1)]
    return _table(setter, headers, body, widths, total=True)


def _programme_text(value: int | Money) -> str:
    return value.text() if isinstance(value, Money) else str(value)
