"""How a programme record's values read on screen: labels, yuan, dates, choices and names, and
the table columns of a kind's listed fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain import money
from desktop.domain.money import yuan
from desktop.domain.programme_fields import Field, FieldType, KindSpec
from desktop.ui.i18n import date_text, joined
from desktop.ui.table_model import Column, RowTableModel, labels_of

# Column widths: the spec's width is in characters of the paper ledger.
CHAR_WIDTH = 13
NUMBERS = (FieldType.INT, FieldType.PERCENT, FieldType.MONEY, FieldType.FIGURE, FieldType.YEAR)


def field_label(f: Field) -> str:
    return QCoreApplication.translate("Programme", f.label)


def kind_label(spec: KindSpec) -> str:
    return QCoreApplication.translate("Programme", spec.label)


def choice_text(f: Field, value: Any) -> str:
    if f.choices is None or value in (None, ""):
        return ""
    try:
        member = f.choices(value)
    except ValueError:
        return str(value)
    return QCoreApplication.translate(member.context(), member.label)


def money_text(fen: int | None) -> str:
    """Integer fen as yuan with two decimals and thousands separators: 1,234,567.00."""
    return "" if fen is None else yuan(int(fen))


def parse_yuan(text: str) -> int | None:
    """Yuan typed in a form -> integer fen; "" -> 0; None when not an amount of at least 0."""
    if not text.strip():
        return 0
    try:
        fen = money.parse_yuan(text.replace("，", ","))
    except ValueError:
        return None
    return fen if fen >= 0 else None


def yes_no(value: Any) -> str:
    if value:
        return QCoreApplication.translate("ProgrammeValues", "Yes")
    return QCoreApplication.translate("ProgrammeValues", "No")


def value_text(f: Field, row: Any) -> str:
    """The field's value of a ProgrammeRow as the table and the detail pane show it."""
    value = row.values.get(f.key)
    t = f.type
    if t is FieldType.REFS:  # names as the screen's language lists them (paper: row.names)
        return joined(row.lists.get(f.key, ()))
    if t is FieldType.REF:
        return row.names.get(f.key, "")
    if t is FieldType.CHOICE:
        return choice_text(f, value)
    if t is FieldType.MONEY:
        return money_text(value)
    if t is FieldType.DATE:
        return date_text(value)
    if t is FieldType.BOOL:
        return yes_no(value)
    if t is FieldType.PERCENT:
        return "" if value is None else f"{value}%"
    return "" if value is None else str(value)


class ProgrammeTableModel(RowTableModel):
    """Column titles arrive translated (context "Programme"): shown as they are, not looked up
    again in context "Columns" (where "Level" is a deputy's level)."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        columns = self.columns()
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(columns):
            return columns[section].title
        return super().headerData(section, orientation, role)


def fixed_values(f: Field) -> Callable[[], list[str]] | None:
    """The texts a field of a fixed set of values shows (a Column's ``fits``), or None."""
    if f.type is FieldType.CHOICE and f.choices is not None:
        return labels_of(f.choices)
    if f.type is FieldType.BOOL:
        return lambda: [yes_no(True), yes_no(False)]
    return None


def columns_for(spec: KindSpec, leave_out: tuple[str, ...] = ()) -> list[Column]:
    """The table columns of the spec's listed fields, titles translated (ProgrammeTableModel)."""
    columns = []
    for f in spec.fields:
        if not f.listed or f.key in leave_out:
            continue
        columns.append(
            Column(
                field_label(f),
                lambda r, f=f: value_text(f, r),
                max(60, int(f.width * CHAR_WIDTH)),
                align_right=f.type in NUMBERS,
                tooltip=f.type in (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.REFS),
                fits=fixed_values(f),
            )
        )
    return columns


def describe(spec: KindSpec, row: Any) -> str:
    """A record in one line, for a deletion's question: its first two listed values."""
    shown = [value_text(f, row) for f in spec.fields if f.listed]
    return " ".join(t for t in shown[:3] if t)
