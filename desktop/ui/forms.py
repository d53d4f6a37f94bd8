"""The pieces every record dialog shares: error labels beside fields, keyboard habits, pickers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checks import DraftInvalid
from desktop.domain.enums import LabelledEnum
from desktop.domain.errors import ServiceError
from desktop.domain.records import DeputyRow
from desktop.ui import prompts
from desktop.ui.i18n import joined, label, message

# What a window's title bar and frame take beyond its client area (Windows 10 and 11; in
# device-independent pixels, so at any scaling).
TITLE_BAR, FRAME = 32, 16


def room_on_screen(widget: QWidget) -> QSize:
    """The most a window's client area may take on the widget's screen: the screen less the
    taskbar, less the window's title bar and frame. 1092×550 on a 1366×768 laptop at 125%."""
    # The screen of the window it opens over (QWidget.screen() is not asked: with PySide6
    # 6.11 the garbage collector could then delete the QScreen itself, and crash later).
    parent = widget.parentWidget()
    over = parent.window() if parent is not None and parent.window().isVisible() else None
    screen = QGuiApplication.screenAt(over.geometry().center()) if over is not None else None
    area = (screen or QGuiApplication.primaryScreen()).availableGeometry()
    return QSize(area.width() - FRAME, area.height() - TITLE_BAR)


def fit_on_screen(window: QWidget, size: QSize) -> None:
    """Resize ``window`` to ``size``, or less where its screen has no room for that."""
    window.resize(size.boundedTo(room_on_screen(window)))


def open_width(window: QWidget, width: int) -> None:
    """Open ``width`` wide (wider where the layout needs it) and as tall as its wrapped text is
    then. Unlike setMinimumWidth(), the layout keeps its own minimum: a longer translation
    widens the window instead of being cut off."""
    window.setProperty("openWidth", width)
    width = max(width, window.minimumSizeHint().width())
    height = window.heightForWidth(width) if window.hasHeightForWidth() else -1
    fit_on_screen(window, QSize(width, max(height, window.sizeHint().height())))


def refit(window: QWidget) -> None:
    """After its text changed (an error shown): as tall as it now needs, at the width it has
    (adjustSize() would narrow it to its bare size hint)."""
    shown = window.width() if window.isVisible() else window.property("openWidth") or 0
    open_width(window, shown)


class MultiLineEdit(QPlainTextEdit):
    """Enter starts a new line (and confirms an IME candidate); Ctrl+Enter saves; Tab moves on."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(72)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        return self.toPlainText()


def date_edit(day: dt.date | None, *, latest: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    edit.setMinimumDate(QDate(1949, 10, 1))
    day = day or latest or dt.date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


class EnumCombo(QComboBox):
    """A combo of enum members; ``currentData()`` gives the member back (Qt would give a str)."""

    def __init__(
        self,
        members: Sequence[LabelledEnum],
        current: LabelledEnum | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._members: list[LabelledEnum | None] = []
        for member in members:
            self.add_member(label(member), member)
        if current is not None:
            self.setCurrentIndex(max(0, self.findData(current.value)))

    def add_member(self, text: str, member: LabelledEnum | None, index: int | None = None) -> None:
        at = self.count() if index is None else index
        self._members.insert(at, member)
        self.insertItem(at, text, member.value if member is not None else None)

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> LabelledEnum | None:  # type: ignore[override]
        index = self.currentIndex()
        return self._members[index] if 0 <= index < len(self._members) else None


def enum_combo(members: Sequence[LabelledEnum], current: LabelledEnum | None = None) -> EnumCombo:
    return EnumCombo(members, current)


class DeputyPicker(QWidget):
    """Choose several deputies: type a name or pinyin initials, tick with Space or a click."""

    changed = Signal()

    def __init__(
        self,
        deputies: Sequence[DeputyRow],
        chosen: Sequence[Any] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name or pinyin initials, e.g. zxm"))
        self.search.setClearButtonEnabled(True)
        self.search.setProperty("ownsEnter", True)  # Enter here ticks the single match
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        self.summary = QLabel()
        chosen_set = set(chosen)
        for deputy in deputies:
            item = QListWidgetItem(deputy.name)
            item.setData(Qt.ItemDataRole.UserRole, deputy.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{deputy.name} {deputy.name_keys}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = deputy.id in chosen_set
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._tick_single_match)
        self.list.itemChanged.connect(self._update_summary)
        self._update_summary()

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            haystack = str(item.data(Qt.ItemDataRole.UserRole + 1)).lower()
            item.setHidden(bool(needle) and needle not in haystack)

    def _tick_single_match(self) -> None:
        visible = [
            self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()
        ]
        if len(visible) == 1:
            visible[0].setCheckState(Qt.CheckState.Checked)
            self.search.clear()

    def _update_summary(self, *_: Any) -> None:
        chosen = self.chosen_names()
        text = joined(chosen) if chosen else self.tr("No one chosen yet")
        self.summary.setText(self.tr("Chosen: %1").replace("%1", text))
        self.summary.setWordWrap(True)
        self.changed.emit()

    def chosen_ids(self) -> tuple[Any, ...]:
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def chosen_names(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, deputy_id: Any, checked: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == deputy_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class _ReturnInLineEdits(QObject):
    """Enter in a one-line field saves; an IME's Enter never arrives here as a key press."""

    def __init__(self, dialog: RecordDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QLineEdit)
        ):
            # Handled here so it never also reaches the dialog's default button.
            if watched.property("ownsEnter"):
                watched.returnPressed.emit()
            else:
                self._dialog.save()
            return True
        return False


class RecordDialog(QDialog):
    """A form: fields in a QFormLayout, each with a red message line under it, Save and Cancel.
    The form scrolls (a long one still fits a small screen); the buttons stay below it.

    Subclasses implement ``build_draft()`` and ``submit(draft)`` (which calls a service and
    returns the saved row); refusals come back as DraftInvalid and land beside their fields.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.saved_row: Any = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        # Base-class strings name their context: PySide's self.tr() would use the subclass's.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            QCoreApplication.translate("RecordDialog", "Save")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("RecordDialog", "Cancel")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.holder = QWidget()
        self.holder.setLayout(self.form)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.holder)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.general_error)
        outer.addWidget(buttons)
        self._enter_filter = _ReturnInLineEdits(self)

    def open_size(self, width: int) -> None:
        """Open ``width`` wide (wider if the form needs it) and as tall as the whole form, as
        far as the screen has room; beyond that the form scrolls."""
        self.form.activate()
        form = self.holder.sizeHint()
        around = self.sizeHint() - self.scroll.sizeHint()
        want = QSize(max(width, form.width() + around.width()), form.height() + around.height())
        room = room_on_screen(self)
        if want.height() > room.height():  # the form scrolls: room for its scroll bar
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            want.setWidth(max(width, form.width() + around.width() + bar))
        fit_on_screen(self, want)

    def add_field(self, name: str, caption: str, widget: QWidget) -> QWidget:
        error = QLabel()
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(error)
        self.form.addRow(caption, box)
        self._errors[name] = error
        self._fields[name] = widget
        for line in [widget, *widget.findChildren(QLineEdit)]:
            if isinstance(line, QLineEdit):
                line.installEventFilter(self._enter_filter)
        if isinstance(widget, MultiLineEdit):
            widget.submitted.connect(self.save)
        return widget

    def field_error(self, name: str) -> str:
        error = self._errors.get(name)
        return error.text() if error is not None and not error.isHidden() else ""

    def show_errors(self, errors: dict[str, Exception]) -> None:
        for label_widget in self._errors.values():
            label_widget.clear()
            label_widget.hide()
        first: QWidget | None = None
        for name, exc in errors.items():
            target = self._errors.get(name)
            if target is None:
                self.general_error.setText(message(exc))
                self.general_error.show()
                continue
            target.setText(message(exc))
            target.show()
            first = first or self._fields[name]
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        self.general_error.hide()
        try:
            draft = self.build_draft()
            self.saved_row = self.submit(draft)
        except DraftInvalid as exc:
            self.show_errors(dict(exc.errors))
            return
        except ServiceError as exc:  # a refusal: say it, keep the form as typed
            prompts.error(self, self.windowTitle(), message(exc))
            return
        self.accept()

    def build_draft(self) -> Any:
        raise NotImplementedError

    def submit(self, draft: Any) -> Any:
        raise NotImplementedError
