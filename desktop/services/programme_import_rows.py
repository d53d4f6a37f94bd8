"""A programme workbook row's cells made into field values: Chinese words into choices, names
into ids (a case by its number, a station by its name or code), each problem naming its column.

The reader has already typed the cells by column kind (dates, whole numbers, yuan as fen);
here only the words remain.
"""

from __future__ import annotations

import uuid
from typing import Any

from desktop.domain import programme_fields as pf
from desktop.domain.programme_fields import Field, FieldType
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.import_rows import (
    AMBIGUOUS_DEPUTY,
    UNKNOWN_DEPUTY,
    UNKNOWN_STATION,
    UNKNOWN_WORD,
    CellError,
    split_names,
)
from desktop.services.programme_columns import choices_text, word_map
from desktop.services.sheet_columns import NO, YES

UNKNOWN_NAME = QT_TRANSLATE_NOOP("Service", "Nothing is recorded under the name {name}.")
AMBIGUOUS_NAME = QT_TRANSLATE_NOOP(
    "Service", "{count} records are called {name}: this row cannot tell which."
)
UNKNOWN_CASE = QT_TRANSLATE_NOOP("Service", "There is no feedback case numbered {name}.")
OTHER_STATION = QT_TRANSLATE_NOOP(
    "Service",
    "A station imports its own records only: leave the station blank or write this station.",
)
_TRUE = {YES, "Y", "YES", "TRUE", "1", "√", "✓", "有", "已上报", "已采纳"}
_FALSE = {NO, "N", "NO", "FALSE", "0", "×", "", "无", "未上报", "未采纳"}


class RowWords:
    """Names and words of one import, looked up once each; ``problems`` holds the current
    row's, in column order."""

    def __init__(self, services: Any) -> None:
        self._programmes = services.programmes
        self.stations: dict[str, uuid.UUID] = {}
        for s in services.reference.stations():
            self.stations[s.code] = self.stations[s.name] = s.id
        site = services.site.current()
        self.home: uuid.UUID | None = site.station_id if site else None
        self._found: dict[tuple[str, str], list[uuid.UUID]] = {}
        self._words: dict[type, dict[str, str]] = {}
        self.problems: list[CellError] = []

    def fail(self, column: str, message: str, **args: str) -> None:
        self.problems.append(CellError(column, message, **args))

    def station(self, column: str, text: str) -> uuid.UUID | None:
        if not text:
            return self.home
        found = self.stations.get(text)
        if found is None:
            self.fail(column, UNKNOWN_STATION, name=text)
        elif self.home is not None and found != self.home:
            self.fail(column, OTHER_STATION)
        return found

    def one(self, column: str, target: str, text: str) -> uuid.UUID | None:
        """The record a cell names: none, or a problem when no record or several fit."""
        if target == pf.STATION:
            return self.station(column, text)  # blank: the station's own (none at the county)
        if not text:
            return None
        key = (target, text)
        if key not in self._found:
            self._found[key] = self._programmes.lookup(target, text)
        found = self._found[key]
        if len(found) == 1:
            return found[0]
        if not found:
            message = {pf.DEPUTY: UNKNOWN_DEPUTY, pf.CASE: UNKNOWN_CASE}.get(target, UNKNOWN_NAME)
            self.fail(column, message, name=text)
        else:
            message = AMBIGUOUS_DEPUTY if target == pf.DEPUTY else AMBIGUOUS_NAME
            self.fail(column, message, name=text, count=str(len(found)))
        return None

    def choice(self, column: str, f: Field, text: str) -> str:
        if not text:
            return ""
        assert f.choices is not None
        words = self._words.get(f.choices)
        if words is None:
            words = self._words[f.choices] = word_map(f.choices)
        found = words.get(text.casefold())
        if found is None:
            self.fail(column, UNKNOWN_WORD, value=text, choices=choices_text(f.choices))
            return ""
        return found

    def flag(self, column: str, text: str) -> bool:
        word = text.upper()
        if word in _TRUE:
            return True
        if word not in _FALSE:
            self.fail(column, UNKNOWN_WORD, value=text, choices=f"{YES}、{NO}")
        return False

    def value(self, column: str, f: Field, cell: Any) -> Any:
        """One field's value from its cell (already typed by the reader)."""
        text = "" if cell is None else str(cell).strip()
        t = f.type
        if t in (FieldType.DATE,):
            return cell
        if t in (FieldType.YEAR, FieldType.INT, FieldType.PERCENT, FieldType.MONEY):
            return cell if cell is not None else (None if t is FieldType.YEAR else 0)
        if t is FieldType.BOOL:
            return self.flag(column, text)
        if t is FieldType.CHOICE:
            return self.choice(column, f, text)
        if t is FieldType.REF:
            return self.one(column, f.target, text)
        if t is FieldType.REFS:
            found = (self.one(column, f.target, name) for name in split_names(text))
            return tuple(dict.fromkeys(i for i in found if i is not None))
        return text


def blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
