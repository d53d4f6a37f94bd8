"""Every modal question and message goes through here, so tests can answer them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    box.addButton(QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.exec()
    return box.clickedButton() is yes


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


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


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item chosen from a list, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def choose_year(
    parent: QWidget | None, title: str, label: str, years: list[int], current: int
) -> int | None:
    """A year from ``years`` (``current`` chosen to begin with), or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    items = [str(y) for y in years]
    start = items.index(str(current)) if str(current) in items else 0
    text, ok = QInputDialog.getItem(parent, title, label, items, start, False)
    return int(text) if ok and text in items else None


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog and wait: True when accepted (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed in a masked field; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None
