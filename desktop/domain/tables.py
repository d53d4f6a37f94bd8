"""Tables as plain data: what a ledger prints and a workbook holds, before any renderer sees it.

A report comes in two steps (data, then rendering): services build these from the database, and
`formats/` turns them into PDF pages or worksheets. Nothing here knows reportlab or openpyxl.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# A cell's value once read from the database: None is an empty cell.
Cell = str | int | float | dt.date | None


class CellKind(StrEnum):
    """How a column's values are written and read back."""

    TEXT = "text"  # short text: names, villages, labels
    LONG_TEXT = "long_text"  # free text that wraps: content, summaries, replies
    IDENTIFIER = "identifier"  # digits that are not numbers: phones, ID numbers, case numbers
    DATE = "date"
    INTEGER = "integer"
    DECIMAL = "decimal"  # points: one decimal place
    MONEY = "money"  # integer fen in the data, yuan with two decimals on paper and in Excel


class Align(StrEnum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its key (a field name), Chinese header and how to treat values.

    `width` is relative (in characters of body text); renderers share the page width out in
    proportion. `synonyms` are other headers an old workbook may use for the same column.
    """

    key: str
    header: str
    kind: CellKind = CellKind.TEXT
    width: float = 8
    synonyms: tuple[str, ...] = ()
    required: bool = False
    align: Align | None = None  # None: by kind (numbers right, dates and short text centred)
    note: str = ""  # a line for a template's instructions sheet


@dataclass(frozen=True, slots=True)
class Section:
    """A run of rows under one column header; a document has one or more.

    Rows hold values already formatted for paper (strings); `min_row_height` (points) leaves room
    to write by hand, as a sign-in sheet needs. `heading` prints above the table (a deputy's name
    on their page of the points register); `new_page` starts the section on a fresh page.
    """

    columns: tuple[Column, ...]
    rows: Sequence[tuple[str, ...]]
    heading: str = ""
    new_page: bool = False
    numbered: bool = True  # a 序号 column first, counting from 1 within the section
    min_row_height: float = 0
    totals: tuple[str, ...] | None = None  # a closing 合计 row, aligned with columns
    notes: tuple[str, ...] = ()  # lines printed under the table


@dataclass(frozen=True, slots=True)
class LedgerDocument:
    """A ledger (台账) ready to print: unit, title, period, sections and signature lines."""

    unit_name: str
    title: str
    period: str
    sections: tuple[Section, ...]
    landscape: bool = False
    signatures: tuple[str, ...] = ("填表人", "审核人", "日期")
    printed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class SheetData:
    """One worksheet of an export: typed values (dates as dates, fen as int) under columns."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[Cell]]
    caption: str = ""  # a line above the header (unit and period); empty: header in row 1


# What a long task is handed: progress(done, total, text) and is_cancelled() (see ui/tasks.py).
ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def no_progress(done: int, total: int, text: str = "") -> None:
    """The progress callback of a task nobody watches (the command line, tests)."""


def never_cancelled() -> bool:
    return False


class Cancelled(Exception):
    """Raised inside a long task when the user pressed Cancel: nothing was written."""
