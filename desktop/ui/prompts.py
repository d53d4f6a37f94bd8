"""Every modal question and message goes through here, so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box as error(), info() and confirm() show it (built apart: tests measure it)."""
    return QMessageBox(icon, title, text, buttons, parent)


def confirm_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A question answered Yes or No, No the default."""
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = message_box(parent, QMessageBox.Icon.Question, title, text, yes_no)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = confirm_box(parent, title, text)
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def error(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Critical, title, text).exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def save_path(parent: QWidget | None, title: str, suggested: str, filter: str) -> Path | None:
    """Where to save a file; a bare suggested name starts in the user's Documents folder."""
    start = Path(suggested)
    if not start.is_absolute():
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if documents:
            start = Path(documents) / start
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start), filter)
    return Path(path) if path else None


def open_path(parent: QWidget | None, title: str, filter: str) -> Path | None:
    """Which existing file to open, or None if the user cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filter)
    return Path(path) if path else None


def open_paths(parent: QWidget | None, title: str, filter: str) -> list[Path]:
    """Which existing files to open (one or more); empty if the user cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filter)
    return [Path(p) for p in paths]


def folder(parent: QWidget | None, title: str) -> Path | None:
    """An existing folder to write into, or None if the user cancelled."""
    path = QFileDialog.getExistingDirectory(parent, title, "")
    return Path(path) if path else None


def choose_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """The system print dialog for a document of ``pages`` pages; True to print."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(pages, 1))
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOption(option.PrintPageRange, True)
    dialog.setOption(option.PrintCurrentPage, True)
    dialog.setOption(option.PrintSelection, False)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def choice_dialog(
    parent: QWidget | None, title: str, label: str, items: list[str], start: int = 0
) -> QInputDialog:
    """A pick from a list, as QInputDialog.getItem shows it (built apart: tests measure it)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    if items:
        dialog.setTextValue(items[min(max(start, 0), len(items) - 1)])
    return dialog


def text_dialog(
    parent: QWidget | None,
    title: str,
    label: str,
    echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal,
) -> QInputDialog:
    """A line of text, as QInputDialog.getText shows it (``echo``: Password masks it)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(echo)
    return dialog


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item chosen from a list, or None when cancelled."""
    dialog = choice_dialog(parent, title, label, items)
    text = dialog.textValue() if dialog.exec() else None
    return items.index(text) if text in items else None


def choose_year(
    parent: QWidget | None, title: str, label: str, years: list[int], current: int
) -> int | None:
    """A year from ``years`` (``current`` chosen to begin with), or None when cancelled."""
    items = [str(y) for y in years]
    start = items.index(str(current)) if str(current) in items else 0
    dialog = choice_dialog(parent, title, label, items, start)
    text = dialog.textValue() if dialog.exec() else None
    return int(text) if text in items else None


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog and wait: True when accepted (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed in a masked field; None when cancelled."""
    dialog = text_dialog(parent, title, label, QLineEdit.EchoMode.Password)
    return dialog.textValue() if dialog.exec() else None
