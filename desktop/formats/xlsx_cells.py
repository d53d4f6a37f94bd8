"""A worksheet cell's raw value made into a typed value by column kind, and headers made comparable.

Raw values are what python-calamine hands over: str, int, float, bool, date, datetime, time,
timedelta ("" for an empty cell). Each converter returns a ``Cell`` or raises ``BadCell`` with a
"Workbook" message; the reader adds the row, column and cell reference.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.money import amount_text, fen_of
from desktop.domain.tables import Cell, CellKind, Column
from desktop.domain.tr import QT_TRANSLATE_NOOP

MAX_DIGITS = 15  # Excel keeps 15 significant digits: a longer number was rounded on typing
SHOWN_CHARS = 30  # of a bad value quoted back in a message

MSG_LONG_NUMBER = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}) holds a long number that Excel has already "
    "rounded (it keeps only 15 digits). Set the column's format to Text, type the number again, "
    "and import again.",
)
MSG_NOT_DATE = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}): “{value}” is not a date. Enter a date such "
    "as 2025-03-05 or 2025年3月5日.",
)
MSG_NOT_INTEGER = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}): “{value}” is not a whole number. Enter a "
    "number such as 3.",
)
MSG_NOT_DECIMAL = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}): “{value}” is not a number with at most one "
    "decimal place. Enter a number such as 2.5.",
)
MSG_NOT_MONEY = QT_TRANSLATE_NOOP(
    "Workbook",
    "Row {row}, column “{column}” (cell {cell}): “{value}” is not an amount in yuan with at "
    "most two decimal places. Enter an amount such as 12.50.",
)


class BadCell(Exception):
    """A value its column cannot take: ``message`` (context "Workbook") and its own arguments."""

    def __init__(self, message: str, **args: str) -> None:
        super().__init__(message)
        self.message = message
        self.args_map = args


# --- headers --------------------------------------------------------------------------------

# Content in brackets is a remark ("联系电话（手机）", "姓名(必填)"); NFKC has already made
# full-width round and square brackets half-width.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
_NOISE = re.compile(r"[\s*:※]+")


def header_key(text: str) -> str:
    """A header as compared: case, spaces, width, "*" marks and bracketed remarks ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    without = _BRACKETED.sub("", folded)
    return _NOISE.sub("", without) or _NOISE.sub("", folded)


def header_map(columns: Iterable[Column]) -> dict[str, str]:
    """Comparable header -> column key, for each column's header and synonyms.

    A header or synonym shared by two columns would make matching depend on order: the first
    column keeps it (the spec, not the workbook, decides; sheet_columns reuses "日期" this way).
    """
    out: dict[str, str] = {}
    columns = list(columns)
    for column in columns:  # a column's own header always wins over another's synonym
        out.setdefault(header_key(column.header), column.key)
    for column in columns:
        for synonym in column.synonyms:
            out.setdefault(header_key(synonym), column.key)
    return out


# --- values ---------------------------------------------------------------------------------


def shown(raw: Any) -> str:
    """A raw value as a clerk would recognise it in a message."""
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e15:
        raw = int(raw)
    text = str(raw).strip()
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _number_text(value: float) -> str:
    if value.is_integer():
        if abs(value) >= 10**MAX_DIGITS:
            raise BadCell(MSG_LONG_NUMBER)
        return str(int(value))
    return repr(value)


def to_text(raw: Any) -> Cell:
    """TEXT, LONG_TEXT and IDENTIFIER: a stripped string ("123", not "123.0"); None if blank."""
    if isinstance(raw, str):
        return raw.strip() or None
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"  # as Excel shows it
    if isinstance(raw, int):
        if abs(raw) >= 10**MAX_DIGITS:  # an .xls integer cell has the same 15-digit history
            raise BadCell(MSG_LONG_NUMBER)
        return str(raw)
    if isinstance(raw, float):
        return _number_text(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ", "minutes")
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    return str(raw).strip() or None


_DATE_TEXT = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 for serials after Excel's 29 Feb
_LAST_SERIAL = 2958465  # 9999-12-31


def to_date(raw: Any) -> Cell:
    """A real date, "2025-03-05", "2025/3/5", "2025.3.5", "2025年3月5日", 20250305 or a serial."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    try:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            if float(raw).is_integer() and 19000101 <= raw <= 29991231:
                match = _COMPACT_DATE.fullmatch(str(int(raw)))
                if match:
                    return dt.date(*map(int, match.groups()))
            if 61 <= raw <= _LAST_SERIAL:  # a date cell formatted as a number
                return _EXCEL_EPOCH + dt.timedelta(days=int(raw))
        elif isinstance(raw, str):
            text = unicodedata.normalize("NFKC", raw).strip()
            if not text:
                return None
            match = _DATE_TEXT.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
            if match:
                return dt.date(*map(int, match.groups()))
    except (ValueError, OverflowError):  # 2025-02-30, a year past 9999
        pass
    raise BadCell(MSG_NOT_DATE, value=shown(raw))


def _decimal(raw: Any, message: str) -> Decimal:
    """A number typed or stored in the cell, exactly as written (12.5, not 12.4999...)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise BadCell(message, value=shown(raw))
    if isinstance(raw, str):
        text = amount_text(raw)
    else:
        text = repr(raw) if isinstance(raw, float) else str(raw)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise BadCell(message, value=shown(raw)) from None
    if not number.is_finite():
        raise BadCell(message, value=shown(raw))
    return number


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def to_integer(raw: Any) -> Cell:
    """3, 3.0 and "3" are 3; 3.5 and text are refused."""
    if is_blank(raw):
        return None
    number = _decimal(raw, MSG_NOT_INTEGER)
    if _places(number) > 0:
        raise BadCell(MSG_NOT_INTEGER, value=shown(raw))
    return int(number)


def to_decimal(raw: Any) -> Cell:
    """A number with at most one decimal place, as a float rounded to it (points)."""
    if is_blank(raw):
        return None
    number = _decimal(raw, MSG_NOT_DECIMAL)
    if _places(number) > 1:
        raise BadCell(MSG_NOT_DECIMAL, value=shown(raw))
    return float(number)


def to_money(raw: Any) -> Cell:
    """Yuan with at most two decimals ("12.50", 12.5, "¥1,234.5") as integer fen (1250)."""
    if is_blank(raw):
        return None
    try:
        return fen_of(_decimal(raw, MSG_NOT_MONEY))
    except ValueError:
        raise BadCell(MSG_NOT_MONEY, value=shown(raw)) from None


CONVERTERS: dict[CellKind, Callable[[Any], Cell]] = {
    CellKind.TEXT: to_text,
    CellKind.LONG_TEXT: to_text,
    CellKind.IDENTIFIER: to_text,
    CellKind.DATE: to_date,
    CellKind.INTEGER: to_integer,
    CellKind.DECIMAL: to_decimal,
    CellKind.MONEY: to_money,
}
