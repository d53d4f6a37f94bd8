"""Write typed tables to an .xlsx workbook (openpyxl write-only), atomically, text kept as text.

Each sheet has its header in row 1 (row 2 under a caption), frozen, with a filter and widths
from the columns (Chinese characters count two); how each value becomes a cell is in
``xlsx_write_cells``. A template adds a very hidden marker sheet and a "填写说明" sheet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.domain.tables import (
    Cancelled,
    CancelledFn,
    Cell,
    CellKind,
    Column,
    ProgressFn,
    SheetData,
    never_cancelled,
    no_progress,
)
from desktop.formats.files import replacing
from desktop.formats.xlsx_common import (
    INSTRUCTIONS_SHEET,
    MSG_WRITE_DISK_FULL,
    MSG_WRITE_FAILED,
    MSG_WRITE_IN_USE,
    TEMPLATE_MARKER,
    TEMPLATE_SHEET,
    WorkbookRefused,
    refuse,
)
from desktop.formats.xlsx_write_cells import RowCells, clean_text, styled_cell

EVERY = 1000  # rows between progress reports and cancel checks
MAX_WIDTH = 60  # Excel width units; wider columns wrap or are cut, never fill the screen
SAMPLE_ROWS = 200  # rows looked at to size a column to its values

_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_KIND_HINTS = {  # the instructions sheet's "how to fill in", by kind (workbook text is Chinese)
    CellKind.TEXT: "文字",
    CellKind.LONG_TEXT: "文字，可以多行",
    CellKind.IDENTIFIER: "按文本填写，电话、证件号码不要写成数字",
    CellKind.DATE: "日期，如 2025-03-05",
    CellKind.INTEGER: "整数",
    CellKind.DECIMAL: "数字，最多一位小数",
    CellKind.MONEY: "金额（元），最多两位小数",
}


def display_width(text: str) -> int:
    """Excel width units: Chinese (wide) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_width(column: Column, header: str, sample: Sequence[Sequence[Cell]], i: int) -> float:
    units = max(column.width, display_width(header) + 4)  # + the filter button
    if column.kind != CellKind.LONG_TEXT:  # long text wraps at its given width
        for row in sample:
            value = row[i] if i < len(row) else None
            if isinstance(value, dt.date):
                units = max(units, 11)
            elif value is not None:
                longest = max(str(value).split("\n"), key=len)
                units = max(units, display_width(longest) + 2)
    return float(min(MAX_WIDTH, units))


def _sheet_title(title: str, taken: set[str]) -> str:
    base = _BAD_TITLE.sub("_", clean_text(title)).strip("' ")[:31] or "Sheet"
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base[: 31 - len(str(n)) - 2]}({n})"
    taken.add(name.casefold())
    return name


class _Styles:
    """Every style object is built once and shared: a style per cell costs a hash per cell."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="999999")
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.header_border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.caption_font = Font(bold=True, size=14)
        self.wrap = Alignment(wrap_text=True, vertical="top")


def _header_row(ws: Any, styles: _Styles, headers: Sequence[str]) -> list[Any]:
    cells = []
    for header in headers:
        cell = styled_cell(
            ws,
            font=styles.header_font,
            fill=styles.header_fill,
            border=styles.header_border,
            alignment=styles.header_align,
        )
        cell.value = clean_text(header)
        cell.data_type = "s"
        cells.append(cell)
    return cells


def _write_sheet(
    wb: Any,
    sheet: SheetData,
    styles: _Styles,
    taken: set[str],
    mark_required: bool,
    tick: Callable[[], None],
) -> int:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(_sheet_title(sheet.title, taken))
    headers = [c.header + ("*" if mark_required and c.required else "") for c in sheet.columns]
    sample = list(itertools.islice(sheet.rows, SAMPLE_ROWS))
    for i, column in enumerate(sheet.columns):
        dim = ws.column_dimensions[get_column_letter(i + 1)]
        dim.width = _column_width(column, headers[i], sample, i)
        # The column's own format applies to rows a clerk adds later: IDs stay text.
        if column.kind in (CellKind.TEXT, CellKind.LONG_TEXT, CellKind.IDENTIFIER):
            dim.number_format = "@"
        elif column.kind == CellKind.DATE:
            dim.number_format = "yyyy-mm-dd"
    header_at = 2 if sheet.caption else 1
    last = get_column_letter(max(1, len(sheet.columns)))
    ws.freeze_panes = f"A{header_at + 1}"
    ws.auto_filter.ref = f"A{header_at}:{last}{header_at + len(sheet.rows)}"
    if sheet.caption:
        ws.append([styled_cell(ws, value=clean_text(sheet.caption), font=styles.caption_font)])
    ws.append(_header_row(ws, styles, headers))
    writer = RowCells(ws, sheet.columns, styles.wrap)
    for row in sheet.rows:
        ws.append(writer.convert(row))
        tick()
    return len(sheet.rows)


def _write_instructions(
    wb: Any, sheets: Sequence[SheetData], lines: Sequence[str], styles: _Styles
) -> None:
    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    for letter, width in zip("ABC", (24, 8, 70), strict=True):
        ws.column_dimensions[letter].width = width
    for line in lines:
        ws.append([styled_cell(ws, value=clean_text(line), data_type="s")])
    for sheet in sheets:
        ws.append([])
        if len(sheets) > 1:
            ws.append([styled_cell(ws, value=clean_text(sheet.title), font=styles.header_font)])
        ws.append(_header_row(ws, styles, ("列名", "是否必填", "填写要求")))
        for c in sheet.columns:
            hint = "；".join(t for t in (_KIND_HINTS[c.kind], c.note) if t)
            cells = [c.header, "是" if c.required else "否", hint]
            ws.append([styled_cell(ws, value=clean_text(t), data_type="s") for t in cells])


def _fill(
    wb: Any,
    sheets: Sequence[SheetData],
    template: tuple[str, int] | None,
    instructions: Sequence[str],
    tick: Callable[[], None],
) -> None:
    styles, taken = _Styles(), {TEMPLATE_SHEET.casefold(), INSTRUCTIONS_SHEET}
    for sheet in sheets:
        _write_sheet(wb, sheet, styles, taken, template is not None, tick)
    if instructions:
        _write_instructions(wb, sheets, instructions, styles)
    if template is not None:
        marker = wb.create_sheet(TEMPLATE_SHEET)
        marker.sheet_state = "veryHidden"
        label = clean_text(sheets[0].title) if sheets else ""
        marker.append([TEMPLATE_MARKER, clean_text(template[0]), int(template[1]), label])
    if not wb.worksheets:
        wb.create_sheet("Sheet")  # a workbook needs one sheet


def _discard(wb: Any) -> None:
    """Close the sheets of an unsaved workbook and delete their temporary files.

    A write-only sheet streams its rows into a temporary file that openpyxl deletes only when
    the workbook is saved, or when the program exits: a cancelled 100,000-row export would
    leave tens of megabytes in the temp folder for the rest of the session. Private openpyxl
    attributes, so every step is allowed to fail (the cost is then only the leftover file).
    """
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        for step in (getattr(ws, "_rows", None), writer):
            with contextlib.suppress(Exception):
                if step is not None:
                    step.close()
        with contextlib.suppress(Exception):
            if writer is not None:
                writer.cleanup()


def _refusal(exc: OSError, target: Path) -> WorkbookRefused:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = MSG_WRITE_DISK_FULL
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EROFS):
        message = MSG_WRITE_IN_USE
    else:
        message = MSG_WRITE_FAILED
    return refuse(message, target, reason=exc.strerror or str(exc))


def write_workbook(
    target: Path,
    sheets: Sequence[SheetData],
    *,
    template: tuple[str, int] | None = None,
    instructions: Sequence[str] = (),
    progress: ProgressFn = no_progress,
    is_cancelled: CancelledFn = never_cancelled,
) -> int:
    """Write ``sheets`` to ``target`` and return the number of data rows written.

    The file appears complete or not at all: it is written beside the target, synced, then
    renamed over it. Any OSError becomes a WorkbookRefused naming the file; Cancelled leaves
    nothing. ``template`` adds a hidden marker the reader recognises (and marks required
    headers with "*"); ``instructions`` adds a "填写说明" sheet.
    """
    from openpyxl import Workbook

    target = Path(target)
    total = sum(len(s.rows) for s in sheets)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done % EVERY == 0:
            if is_cancelled():
                raise Cancelled()
            progress(done, total, "")

    wb = Workbook(write_only=True)
    written = False
    try:
        with replacing(target) as fh:
            _fill(wb, sheets, template, instructions, tick)
            wb.save(fh)
        written = True
    except OSError as exc:
        raise _refusal(exc, target) from exc
    finally:
        if not written:  # failed or cancelled: openpyxl's spool files go too
            _discard(wb)
    progress(total, total, "")
    return total
