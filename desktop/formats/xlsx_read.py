"""Read one table from a workbook (.xlsx, .xlsm, .xls) by its headers, typed, every problem located.

Policies (the whole file is refused, or each problem is tied to its row and column):

- Sheet: the first visible worksheet whose header row (the row of the first 10 matching the most
  headers) has every required column. Hidden sheets are never read; one holding data is named
  in a warning. A "填写说明" sheet and the template marker are skipped.
- Formulas are not trusted: a formula cell with a result is a problem (its value is dropped); a
  formula whose result is empty counts as an empty cell (templates prefill them).
- Merged cells below the header: a problem on every row they cover that is read, never filled
  in. Merged cells in and above the header are fine (a title; a two-row header, whose
  vertically merged cells count for the lower row).
- Rows whose read columns are all empty are skipped (counted in a warning when other columns
  hold something). A required column's empty cell is a problem.
- Limits: 50 MB, 100,000 data rows, 200 columns (checked on the sheet XML before calamine loads
  it), 10,000 characters per cell.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.tables import CancelledFn, Column, ProgressFn, never_cancelled, no_progress
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.formats.xlsx_cells import BadCell, header_key, header_map, is_blank
from desktop.formats.xlsx_cells import to_text as _header_text
from desktop.formats.xlsx_common import (
    INSTRUCTIONS_SHEET,
    MSG_CANNOT_OPEN,
    MSG_DAMAGED,
    MSG_NOT_A_WORKBOOK_TYPE,
    MSG_PASSWORD,
    TEMPLATE_MARKER,
    TEMPLATE_SHEET,
    WorkbookRefused,
    refuse,
)
from desktop.formats.xlsx_rows import (
    MSG_TOO_MANY_ROWS,
    CellProblem,
    Header,
    Notice,
    ReadRow,
    RowReader,
)
from desktop.formats.xlsx_scan import Scanner, column_letters, open_scanner

__all__ = ["CellProblem", "Notice", "ReadRow", "ReadTable", "WorkbookRefused", "read_table"]

READABLE = frozenset({".xlsx", ".xlsm", ".xls"})  # by content; .ods/.et/.csv: save as .xlsx
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DATA_ROWS = 100_000
MAX_COLUMNS = 200
HEADER_ROWS = 10  # the header is looked for among the first rows

MSG_FILE_TOO_BIG = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” is {size} MB; workbooks over {max} MB cannot be imported. Split it into smaller "
    "workbooks and import them one by one.",
)
MSG_EMPTY_WORKBOOK = QT_TRANSLATE_NOOP(
    "Workbook", "“{file}” has no data in it. Check that you chose the right file."
)
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "Workbook",
    "No sheet of “{file}” has this table's column headers in its first {rows} rows. The header "
    "row should hold headers such as {headers}.",
)
MSG_ONLY_HIDDEN = QT_TRANSLATE_NOOP(
    "Workbook",
    "The rows seem to be on the hidden sheet “{sheet}”, which is not read. Unhide it "
    "(right-click a sheet tab, Unhide), or copy its rows to a visible sheet, and import again.",
)
MSG_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "Workbook",
    "Sheet “{sheet}” has no column {columns}, which must be filled in. Add it to the header "
    "row (row {row}) and import again.",
)
MSG_TOO_MANY_COLUMNS = QT_TRANSLATE_NOOP(
    "Workbook",
    "Sheet “{sheet}” uses more than {max} columns (something is typed as far as column "
    "{last}). Delete the columns that are not part of the table, save, and import again.",
)
MSG_WRONG_TEMPLATE = QT_TRANSLATE_NOOP(
    "Workbook",
    "This workbook is the template for “{found}” and cannot be imported here. Use the template "
    "of the list you are importing into.",
)
MSG_HIDDEN_SHEET = QT_TRANSLATE_NOOP(
    "Workbook",
    "The hidden sheet “{sheet}” holds data and was not read. If its rows should be imported, "
    "unhide it and import again.",
)


@dataclass(frozen=True, slots=True)
class ReadTable:
    sheet_name: str
    header_row: int  # 1-based
    headers_found: dict[str, str]  # column key -> header as written
    ignored_headers: tuple[str, ...]
    rows: list[ReadRow]
    warnings: list[Notice]
    template: tuple[str, int] | None  # (kind, version) of a template written by this program


def _find_header(head: list[list[Any]], start_col: int, merged: Iterable, hmap: Mapping) -> Header:
    """The row of ``head`` matching the most columns; ties go to the upper row."""
    # A header cell merged down (a two-row header) counts for every row it covers.
    below: dict[tuple[int, int], tuple[int, int]] = {}
    for (r0, c0), (r1, _) in merged:
        for r in range(r0 + 1, min(r1, len(head) - 1) + 1):
            below[(r, c0)] = (r0, c0)
    best = Header(-1, {}, [])
    for index, values in enumerate(head):
        keys: dict[str, list[tuple[int, str]]] = {}
        ignored: list[str] = []
        for j in range(len(values)):
            col = start_col + j
            raw = values[j]
            if is_blank(raw) and (index, col) in below:
                r0, c0 = below[(index, col)]
                raw = head[r0][c0 - start_col] if c0 - start_col < len(head[r0]) else ""
            if is_blank(raw):
                continue
            try:
                text = str(_header_text(raw) or "")
            except BadCell:
                text = str(raw)
            key = hmap.get(header_key(text))
            if key is None:
                ignored.append(text)
            else:
                keys.setdefault(key, []).append((col, text))
        if len(keys) > len(best.keys):
            best = Header(index, keys, ignored)
    return best


def _quoted(headers: Iterable[str]) -> str:
    return "、".join(f"「{h}」" for h in headers)


class _Book:
    """The calamine workbook and our scanner over the same bytes; calamine errors refused."""

    def __init__(self, path: Path) -> None:
        import python_calamine

        self.path = path
        self.calamine = python_calamine
        if path.suffix.lower() not in READABLE:
            raise refuse(MSG_NOT_A_WORKBOOK_TYPE, path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                mb = str(round(size / 2**20))
                raise refuse(MSG_FILE_TOO_BIG, path, size=mb, max=str(MAX_FILE_BYTES // 2**20))
            data = path.read_bytes()
        except OSError as exc:
            raise refuse(MSG_CANNOT_OPEN, path, reason=exc.strerror or str(exc)) from exc
        self.scanner: Scanner = open_scanner(data, path)
        self.book = self.call(python_calamine.CalamineWorkbook.from_filelike, io.BytesIO(data))

    def rows(self, sheet: Any) -> Iterator[list[Any]]:
        """The sheet's rows: calamine converts each cell while iterating (a date far out of
        range panics there), so every step is refused like a call."""
        rows = iter(self.call(sheet.iter_rows))
        while (row := self.call(next, rows, None)) is not None:
            yield row

    def call(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except self.calamine.PasswordError as exc:
            raise refuse(MSG_PASSWORD, self.path) from exc
        except Exception as exc:
            raise refuse(MSG_DAMAGED, self.path) from exc
        except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException
            if type(exc).__name__ != "PanicException":
                raise
            raise refuse(MSG_DAMAGED, self.path) from exc

    def template(self) -> tuple[str, int, str] | None:
        if TEMPLATE_SHEET not in self.book.sheet_names:
            return None
        if self.scanner.scan(TEMPLATE_SHEET, 1, 8).over_limit:
            return None
        sheet = self.call(self.book.get_sheet_by_name, TEMPLATE_SHEET)
        rows = self.call(sheet.to_python, True, 1)
        first = [*(rows[0] if rows else []), "", "", "", ""]
        marker, kind, version, label = first[:4]
        if marker != TEMPLATE_MARKER or not kind or not isinstance(kind, str):
            return None
        if isinstance(version, bool) or not isinstance(version, int | float):
            return None
        return kind, int(version), str(label or kind)


def read_table(
    path: Path,
    columns: Sequence[Column],
    *,
    expect_template: str | None = None,
    progress: ProgressFn = no_progress,
    is_cancelled: CancelledFn = never_cancelled,
) -> ReadTable:
    """The table under ``columns``' headers in the workbook at ``path``; see the module text.

    Raises WorkbookRefused for the file as a whole, Cancelled when ``is_cancelled()`` says so.
    """
    book = _Book(Path(path))
    try:
        return _read(book, columns, expect_template, progress, is_cancelled)
    finally:
        book.book.close()


def _read(
    book: _Book,
    columns: Sequence[Column],
    expect_template: str | None,
    progress: ProgressFn,
    is_cancelled: CancelledFn,
) -> ReadTable:
    template = book.template()
    if expect_template and template and template[0] != expect_template:
        raise WorkbookRefused(
            MSG_WRONG_TEMPLATE, found=template[2], found_kind=template[0], expected=expect_template
        )
    warnings: list[Notice] = []
    hidden_with_data: list[str] = []
    visible: list[str] = []
    for meta in book.book.sheets_metadata:
        if meta.name == TEMPLATE_SHEET or meta.typ != book.calamine.SheetTypeEnum.WorkSheet:
            continue
        if meta.visible != book.calamine.SheetVisibleEnum.Visible:
            if book.scanner.scan(meta.name, 1, 1, first_value_only=True).has_data:
                hidden_with_data.append(meta.name)
                warnings.append(Notice(MSG_HIDDEN_SHEET, {"sheet": meta.name}))
        elif meta.name != INSTRUCTIONS_SHEET:
            visible.append(meta.name)
    hmap = header_map(columns)
    required = [c for c in columns if c.required]
    # Every required header, or (when nothing is required) two: one common word is no match.
    enough = 1 if required else min(2, len(columns))
    best: tuple[int, str, Header] | None = None
    any_data = False
    for name in visible:
        scan = book.scanner.scan(name, MAX_DATA_ROWS + HEADER_ROWS, MAX_COLUMNS)
        if not scan.has_data:
            continue
        any_data = True
        if scan.last_col >= MAX_COLUMNS:
            last = column_letters(scan.last_col)
            raise WorkbookRefused(MSG_TOO_MANY_COLUMNS, sheet=name, max=str(MAX_COLUMNS), last=last)
        if scan.over_limit:
            raise WorkbookRefused(MSG_TOO_MANY_ROWS, sheet=name, max=f"{MAX_DATA_ROWS:,}")
        sheet = book.call(book.book.get_sheet_by_name, name)
        if sheet.start is None:  # calamine found no value where the scan saw one
            continue
        rows = book.rows(sheet)
        head = list(itertools.islice(rows, HEADER_ROWS))
        merged = book.call(lambda s=sheet: s.merged_cell_ranges) or []
        header = _find_header(head, sheet.start[1], merged, hmap)
        found = len(header.keys)
        if all(c.key in header.keys for c in required) and found >= enough:
            reader = RowReader(name, sheet, scan, header, columns, merged, MAX_DATA_ROWS)
            table_rows = reader.read(head, rows, progress, is_cancelled)
            warnings += reader.notices
            return ReadTable(
                name,
                header.index + 1,
                {k: v[0][1] for k, v in header.keys.items()},
                tuple(header.ignored),
                table_rows,
                warnings,
                template[:2] if template else None,
            )
        if best is None or found > best[0]:
            best = (found, name, header)
    if best is not None and best[0] > 0:
        _, name, header = best
        missing = [c.header for c in required if c.key not in header.keys]
        if missing:
            raise WorkbookRefused(
                MSG_MISSING_COLUMNS, sheet=name, columns=_quoted(missing), row=str(header.index + 1)
            )
    if hidden_with_data:
        raise WorkbookRefused(MSG_ONLY_HIDDEN, sheet=hidden_with_data[0])
    if not any_data:
        raise refuse(MSG_EMPTY_WORKBOOK, book.path)
    shown_headers = [c.header for c in [*required, *columns]]
    shown_headers = list(dict.fromkeys(shown_headers))[:4]
    raise refuse(MSG_NO_HEADER, book.path, rows=str(HEADER_ROWS), headers=_quoted(shown_headers))
