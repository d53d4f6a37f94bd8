"""The editors a programme record's form is built from: yuan amounts, dates that may stay blank,
a searchable pick of one record and a pick of several."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from desktop.ui.forms import DeputyPicker
from desktop.ui.programme_values import money_text, parse_yuan

BLANK_DATE = QDate(1900, 1, 1)  # below any record's date: shown as an empty field


class MoneyEdit(QLineEdit):
    """An amount in yuan with at most two decimals; ``fen()`` gives integer fen (None: not an
    amount)."""

    def __init__(self, fen: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pattern = QRegularExpression(r"^[0-9,，]{0,16}(\.[0-9]{0,2})?$")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00")
        self.setMaximumWidth(200)
        if fen:
            self.setText(money_text(fen))

    def fen(self) -> int | None:
        return parse_yuan(self.text())


class _BlankableDateEdit(QDateEdit):
    """A date edit whose lowest date reads as blank; a click or a key on a blank one starts
    from ``start`` (today), not from the year 1900."""

    def __init__(self, start: dt.date) -> None:
        super().__init__()
        self._start = QDate(start.year, start.month, start.day)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(BLANK_DATE)
        self.setSpecialValueText(" ")

    def _wake(self) -> None:
        if self.date() == BLANK_DATE:
            self.setDate(self._start)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._wake()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Escape):
            self._wake()
        super().keyPressEvent(event)


class OptionalDateEdit(QWidget):
    """A date that may be left blank (a clear button empties it)."""

    def __init__(
        self,
        day: dt.date | None,
        *,
        start: dt.date,
        latest: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = _BlankableDateEdit(start)
        if latest is not None:
            self.edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch()
        self.set_day(day)

    def set_day(self, day: dt.date | None) -> None:
        self.edit.setDate(QDate(day.year, day.month, day.day) if day else BLANK_DATE)

    def clear(self) -> None:
        self.set_day(None)

    def day(self) -> dt.date | None:
        q = self.edit.date()
        return None if q == BLANK_DATE else dt.date(q.year(), q.month(), q.day())


class RefCombo(QComboBox):
    """One record of a target, typed or chosen: the completer finds a name by any part."""

    def __init__(
        self,
        choices: Sequence[tuple[uuid.UUID, str]],
        current: uuid.UUID | None,
        *,
        blank: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        if blank is not None:
            self.addItem(blank, None)
        for record_id, name in choices:
            self.addItem(name, record_id)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setProperty("ownsEnter", True)  # Enter takes the completion
        self.select(current)

    def select(self, record_id: uuid.UUID | None) -> None:
        for i in range(self.count()):
            if self.itemData(i) == record_id:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0 if self.count() else -1)

    def value(self) -> uuid.UUID | None:
        """The record whose name is typed; None for a blank or a name not in the list."""
        text = self.currentText().strip()
        if self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == text:
            return self.currentData()
        found = self.findText(text, Qt.MatchFlag.MatchExactly)
        return self.itemData(found) if found >= 0 else None


def refs_picker(
    people: Sequence[Any] | None,
    choices: Sequence[tuple[uuid.UUID, str]],
    chosen: Sequence[uuid.UUID],
) -> DeputyPicker:
    """The activity dialog's deputy picker: deputies (rows with pinyin keys) when ``people``
    is given, otherwise the plain (id, name) choices, such as stations."""
    items = people if people is not None else [
        SimpleNamespace(id=i, name=n, name_keys="") for i, n in choices
    ]  # fmt: skip
    picker = DeputyPicker(items, list(chosen))
    picker.list.setMinimumHeight(90)
    picker.list.setMaximumHeight(140)
    return picker
