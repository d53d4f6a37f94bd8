"""How each value of a table becomes a cell of a write-only worksheet, by column kind.

- TEXT, LONG_TEXT, IDENTIFIER: a string cell (``t="inlineStr"``), never a formula or a number.
  openpyxl makes any string starting with "=" a formula and "#N/A"-like strings error values; such
  strings get a cell whose ``data_type`` is set to "s" *after* the value. Characters XML 1.0
  forbids (C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE and
  U+FFFF) are removed: no reader could load them, and openpyxl would refuse the whole file.
  A literal ``_xHHHH_`` is escaped as Excel does (``_x005F_xHHHH_``) so that Excel and calamine
  show it as typed instead of decoding it. Excel keeps at most 32,767 characters per cell; longer
  text is cut there (openpyxl does the same silently; the reader refuses cells over 10,000).
  Text columns have the column format "@", so what a clerk types in new rows (a template) stays
  text. Cells get no per-cell "@": a styled cell costs about 5% of the export time per column,
  and a number Excel mangles when a clerk retypes an exported ID in place is refused by the
  reader (more than 15 digits) or by the phone check (a lost leading 0).
- LONG_TEXT wraps (a cell style) when it has several lines or may not fit on one.
- DATE: a real date (``yyyy-mm-dd``); a datetime keeps only its date.
- INTEGER: a number; DECIMAL: a number shown "0.0".
- MONEY: the data holds integer fen; the cell holds yuan, written as the exact decimal
  ``Decimal(fen).scaleb(-2)`` (1250 -> "12.50" in the XML, never 12.499999...), shown "0.00".
- A value of another type than its column expects (a label in a number column) is written as
  text rather than refused: an export never fails on one odd cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from desktop.domain.tables import Cell, CellKind, Column

MAX_CELL_CHARS = 32767  # Excel's limit per cell

# What XML 1.0 cannot hold, and Excel's own escape syntax (which readers decode).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_PLAIN_NEEDS_WORK = re.compile(r"^[=#]|" + _UNSAFE.pattern)  # formula, error code, or cleaning
# Strings openpyxl would not write as plain text (see its Cell._bind_value).
_ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})


def clean_text(text: str) -> str:
    """The text as a cell can hold it: XML-illegal characters removed, Excel escapes escaped."""
    if _UNSAFE.search(text) is None:
        return text
    return _ESCAPE_LIKE.sub("_x005F_", _ILLEGAL.sub("", text))


@functools.cache
def _reused_cell_class() -> type:
    from openpyxl.cell import Cell

    class ReusedCell(Cell):
        # openpyxl first tries a cell as a value, and formats repr(cell) into the ValueError it
        # then catches: the default repr (sheet title, coordinate) was 5% of an export.
        __slots__ = ()

        def __repr__(self) -> str:
            return "cell"

    return ReusedCell


def styled_cell(ws: Any, **style: Any) -> Any:
    cell = _reused_cell_class()(ws)
    for name, value in style.items():
        setattr(cell, name, value)
    return cell


# The type a value may have to be written as it is, checked inline (a call per cell was a
# tenth of an export); other values go through their column's handler.
_AS_IS = {
    CellKind.TEXT: str,
    CellKind.IDENTIFIER: str,
    CellKind.INTEGER: int,
    CellKind.DATE: dt.date,
}


class RowCells:
    """Turns one table's rows into cells: one reusable styled cell per column that needs one.

    A write-only sheet writes each appended row at once, so the same cell object can carry a
    column's value row after row; plain values (short text, dates, integers) need no cell object
    at all, which keeps an export within a third of openpyxl's own bare cost.
    """

    def __init__(self, ws: Any, columns: Sequence[Column], wrap: Any) -> None:
        self.handlers: list[tuple[int, type | None, Callable[[Any], Any]]] = []
        for i, column in enumerate(columns):
            kind = column.kind
            # Each column has its own cells: two protected texts in one row are two cells.
            text = self._plain_text(styled_cell(ws, number_format="@"))
            if kind == CellKind.LONG_TEXT:
                handler = self._wrapped(styled_cell(ws, alignment=wrap), column.width, text)
            elif kind in (CellKind.DECIMAL, CellKind.MONEY):
                fmt = "0.0" if kind == CellKind.DECIMAL else "0.00"
                handler = self._number_in(styled_cell(ws, number_format=fmt), kind, text)
            elif kind == CellKind.DATE:
                handler = self._date_or(text)
            elif kind == CellKind.INTEGER:
                handler = self._integer_or(text)
            else:
                handler = text
            self.handlers.append((i, _AS_IS.get(kind), handler))

    @staticmethod
    def _plain_text(protected: Any) -> Callable[[Any], Any]:
        def plain(value: Any) -> Any:
            text = value if type(value) is str else str(value)
            if _PLAIN_NEEDS_WORK.search(text) is None and len(text) <= MAX_CELL_CHARS:
                return text  # openpyxl writes it as a plain string
            text = clean_text(text)[:MAX_CELL_CHARS]
            if text[:1] != "=" and text not in _ERROR_CODES:
                return text
            protected.value = text
            protected.data_type = "s"  # after the value: assigning "=..." made it a formula
            return protected

        return plain

    @staticmethod
    def _wrapped(cell: Any, width: float, plain: Callable[[Any], Any]) -> Callable[[Any], Any]:
        short = int(width) // 2  # characters that surely fit on one line, Chinese ones too

        def wrapped(value: Any) -> Any:
            text = value if type(value) is str else str(value)
            if len(text) <= short and "\n" not in text:
                return plain(text)  # only text that needs it wraps: a styled cell costs
            if _UNSAFE.search(text) is not None or len(text) > MAX_CELL_CHARS:
                text = clean_text(text)[:MAX_CELL_CHARS]
            cell.value = text
            cell.data_type = "s"  # after the value: assigning "=..." made it a formula
            return cell

        return wrapped

    @staticmethod
    def _number_in(cell: Any, kind: CellKind, other: Callable[[Any], Any]) -> Callable[[Any], Any]:
        money = kind == CellKind.MONEY

        def number(value: Any) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
                return other(value)
            cell.value = Decimal(int(value)).scaleb(-2) if money else value  # fen -> exact yuan
            return cell

        return number

    @staticmethod
    def _date_or(other: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def date(value: Any) -> Any:
            if isinstance(value, dt.datetime):
                return value.date()
            return value if isinstance(value, dt.date) else other(value)

        return date

    @staticmethod
    def _integer_or(other: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def integer(value: Any) -> Any:
            if isinstance(value, bool):
                return int(value)
            return value if isinstance(value, int | float | Decimal) else other(value)

        return integer

    def convert(self, row: Sequence[Cell]) -> list[Any]:
        out: list[Any] = list(row)
        width, needs_work = len(out), _PLAIN_NEEDS_WORK.search
        for i, fast, handler in self.handlers:
            if i >= width:
                break
            value = out[i]
            if value is None:
                continue
            if type(value) is fast and (
                fast is not str or (len(value) <= MAX_CELL_CHARS and needs_work(value) is None)
            ):
                continue
            out[i] = handler(value)
        return out
