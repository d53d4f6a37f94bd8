"""The rows under a found header: values typed by column kind, each problem on its row, column."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.tables import Cancelled, CancelledFn, Cell, Column, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import InvalidValue
from desktop.formats.xlsx_cells import CONVERTERS, BadCell, is_blank
from desktop.formats.xlsx_common import CONTEXT, WorkbookRefused
from desktop.formats.xlsx_scan import SheetScan, column_letters

MAX_CELL_CHARS = 10_000
EVERY = 1000  # rows between progress reports and cancel checks
MAX_MERGED_CELLS = 1_000_000  # merged cells expanded into problems; past that, the rest wait

MSG_DUPLICATE_HEADER = QT_TRANSLATE_NOOP(
    "Workbook",
    "Sheet “{sheet}” has the column “{column}” twice (cells {first} and {second}). Delete or "
    "rename one of them and import again.",
)
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Workbook",
    "Sheet “{sheet}” has more than {max} rows. Split it into workbooks of at most {max} rows "
    "and import them one by one.",
)
MSG_FORMULA = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}) holds a formula. Copy the column and paste it "
    "back with Paste Special > Values, then import again.",
)
MSG_MERGED = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}) is part of the merged cells {range}. Unmerge "
    "them, fill in every row, and import again.",
)
MSG_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}) holds {length} characters; at most {max} can be "
    "imported. Shorten the text and import again.",
)
MSG_REQUIRED_EMPTY = QT_TRANSLATE_NOOP(
    "Workbook", "Row {row}, column “{column}” (cell {cell}) is empty; it must be filled in."
)
MSG_HIDDEN_ROWS = QT_TRANSLATE_NOOP(
    "Workbook",
    "{count} of the rows read are hidden in Excel (for example by a filter), and they are "
    "imported too. The first is row {row}.",
)
MSG_SKIPPED_ROWS = QT_TRANSLATE_NOOP(
    "Workbook",
    "{count} rows have something only in columns that are not imported, and were skipped. The "
    "first is row {row}.",
)


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about the workbook as a whole: shown, but nothing is refused."""

    message: str
    args_map: Mapping[str, str]
    context: str = CONTEXT

    def __str__(self) -> str:
        return self.message.format(**self.args_map)


class CellProblem(InvalidValue):
    """Why one cell cannot be imported; ``args_map`` always has row, column and cell."""

    context = CONTEXT

    def __init__(
        self, column_key: str, header: str, cell_ref: str, message: str, args_map: Mapping[str, str]
    ) -> None:
        super().__init__(message, args_map)
        self.column_key = column_key
        self.header = header
        self.cell_ref = cell_ref

    def __repr__(self) -> str:
        return f"CellProblem({self.cell_ref}, {self.column_key!r}, {str(self)!r})"


@dataclass(frozen=True, slots=True)
class ReadRow:
    row_number: int  # 1-based, as Excel shows it
    values: dict[str, Cell]  # every column found, None for an empty cell
    problems: list[CellProblem]


@dataclass
class Header:
    index: int  # 0-based row
    keys: dict[str, list[tuple[int, str]]]  # column key -> [(column, header as written)]
    ignored: list[str]


def merged_cells(
    merged: Iterable, first_row: int, last_row: int, columns: Mapping[int, str]
) -> dict[tuple[int, int], str]:
    """(row, column) -> the merged range's reference, for read columns below the header."""
    out: dict[tuple[int, int], str] = {}
    for (r0, c0), (r1, c1) in merged:
        if r1 < first_row:
            continue
        ref = f"{column_letters(c0)}{r0 + 1}:{column_letters(c1)}{r1 + 1}"
        cols = [c for c in columns if c0 <= c <= c1]
        for r in range(max(r0, first_row), min(r1, last_row) + 1):
            if len(out) >= MAX_MERGED_CELLS:
                return out
            for c in cols:
                out[(r, c)] = ref
    return out


class RowReader:
    """Reads the rows under a found header: values typed, problems located."""

    def __init__(
        self,
        sheet_name: str,
        sheet: Any,
        scan: SheetScan,
        header: Header,
        columns: Sequence[Column],
        merged: Iterable,
        max_rows: int,
    ) -> None:
        self.name, self.scan, self.header, self.max_rows = sheet_name, scan, header, max_rows
        self.notices: list[Notice] = []
        for places in header.keys.values():
            if len(places) > 1:
                (c1, text), (c2, _) = places[:2]
                row = header.index + 1
                raise WorkbookRefused(
                    MSG_DUPLICATE_HEADER,
                    sheet=sheet_name,
                    column=text,
                    first=f"{column_letters(c1)}{row}",
                    second=f"{column_letters(c2)}{row}",
                )
        self.start_col = sheet.start[1]
        by_key = {c.key: c for c in columns}
        # (key, index in a row's list, column, header, converter, letters, required)
        self.plan = [
            (
                key,
                places[0][0] - self.start_col,
                places[0][0],
                places[0][1],
                CONVERTERS[by_key[key].kind],
                column_letters(places[0][0]),
                by_key[key].required,
            )
            for key, places in header.keys.items()
        ]
        read_columns = {p[2]: p[0] for p in self.plan}
        self.merged = merged_cells(merged, header.index + 1, scan.last_row, read_columns)

    def read(
        self,
        head: list[list[Any]],
        rest: Iterable[list[Any]],
        progress: ProgressFn,
        is_cancelled: CancelledFn,
    ) -> list[ReadRow]:
        first = self.header.index + 1
        total = max(0, self.scan.last_row + 1 - first)
        formulas, merged, hidden = self.scan.formulas, self.merged, self.scan.hidden_rows
        out: list[ReadRow] = []
        skipped: list[int] = []
        hidden_read: list[int] = []
        for r, values in enumerate(itertools.chain(head[first:], rest), start=first):
            if (r - first) % EVERY == 0 and r > first:
                if is_cancelled():
                    raise Cancelled()
                progress(r - first, total, "")
            got: dict[str, Cell] = {}
            problems: list[CellProblem] = []
            blank = True
            width = len(values)
            for key, j, c, header, convert, letters, _ in self.plan:
                raw = values[j] if 0 <= j < width else ""
                message, args = "", {}
                if formulas and (r, c) in formulas:
                    message = MSG_FORMULA
                elif is_blank(raw):
                    got[key] = None
                    continue
                elif isinstance(raw, str) and len(raw) > MAX_CELL_CHARS:
                    message, args = MSG_CELL_TOO_LONG, {"length": f"{len(raw):,}"}
                    args["max"] = f"{MAX_CELL_CHARS:,}"
                else:
                    try:
                        got[key] = convert(raw)
                    except BadCell as bad:
                        message, args = bad.message, bad.args_map
                blank = False
                if message:
                    got[key] = None
                    problems.append(self._problem(key, header, letters, r, message, args))
            if blank:
                if any(not is_blank(v) for v in values):
                    skipped.append(r + 1)
                continue
            for key, _, c, header, _, letters, required in self.plan:
                if merged and (r, c) in merged:
                    args = {"range": merged[(r, c)]}
                    problems.append(self._problem(key, header, letters, r, MSG_MERGED, args))
                elif (
                    required and got[key] is None and not any(p.column_key == key for p in problems)
                ):
                    problems.append(self._problem(key, header, letters, r, MSG_REQUIRED_EMPTY, {}))
            if len(out) >= self.max_rows:
                raise WorkbookRefused(MSG_TOO_MANY_ROWS, sheet=self.name, max=f"{self.max_rows:,}")
            if hidden and r in hidden:
                hidden_read.append(r + 1)
            out.append(ReadRow(r + 1, got, problems))
        progress(total, total, "")
        for rows, message in ((hidden_read, MSG_HIDDEN_ROWS), (skipped, MSG_SKIPPED_ROWS)):
            if rows:
                args = {"count": str(len(rows)), "row": str(rows[0]), "sheet": self.name}
                self.notices.append(Notice(message, args))
        return out

    @staticmethod
    def _problem(
        key: str, header: str, letters: str, r: int, message: str, args: Mapping[str, str]
    ) -> CellProblem:
        ref = f"{letters}{r + 1}"
        full = {"row": str(r + 1), "column": header, "cell": ref, **args}
        return CellProblem(key, header, ref, message, full)
