"""从备份恢复: the backups to go back to, what the chosen one holds, and the Restore button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.forms import fit_on_screen
from desktop.ui.record_table import record_table, widen_to_headings
from desktop.ui.table_model import Column, RowTableModel

REASON_LABELS = {
    "daily": QT_TRANSLATE_NOOP("RestoreDialog", "Daily, at start"),
    "migration": QT_TRANSLATE_NOOP("RestoreDialog", "Before a program update"),
    "import": QT_TRANSLATE_NOOP("RestoreDialog", "Before a bundle import"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "Made by hand"),
    "file": QT_TRANSLATE_NOOP("RestoreDialog", "Chosen file"),
}


def taken_text(choice: Any) -> str:
    return f"{choice.taken:%Y-%m-%d %H:%M:%S}"  # two imports a minute apart stay apart


def reason_text(choice: Any) -> str:
    label = REASON_LABELS.get(choice.reason)
    return QCoreApplication.translate("RestoreDialog", label) if label else choice.reason


def counts_text(summary: Any) -> str:
    """The counts as "deputies 12, cases 30, ..." in the interface language."""
    from desktop.services.backups import COUNT_LABELS

    return QCoreApplication.translate("RestoreDialog", ", ").join(
        f"{QCoreApplication.translate('Backups', COUNT_LABELS[key])} {n}"
        for key, n in summary.counts.items()
        if key in COUNT_LABELS
    )


def _count(key: str) -> Any:
    return lambda c: c.summary.counts.get(key, "")


BACKUP_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Taken"), taken_text, 150),
    Column(QT_TRANSLATE_NOOP("Columns", "Why"), reason_text, 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Deputies"), _count("deputies"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Cases"), _count("cases"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Duty days"), _count("duty_days"), 80, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Visits"), _count("visits"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Activities"), _count("activities"), 80, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda c: c.source.name, 240, tooltip=True),
]


class RestoreDialog(QDialog):
    """The automatic backups (newest first) and any file chosen; accepted with one chosen.
    ``file_requested`` asks the owner to choose a backup file and ``add_choice`` it."""

    file_requested = Signal()

    def __init__(self, choices: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        intro = QLabel(
            self.tr(
                "Choose the backup to go back to: one this computer made by itself, or an "
                "encrypted backup from a USB stick. The database as it is now is set aside in "
                "its folder, not deleted, so nothing is lost if you choose wrongly."
            )
        )
        intro.setWordWrap(True)
        self.model = RowTableModel(BACKUP_COLUMNS, self)
        self.table = record_table(self.model, row_numbers=False)
        widen_to_headings(self.table)
        self.empty = QLabel(self.tr("This computer has no backups of this database yet."))
        self.file_button = QPushButton(self.tr("Choose a backup file…"))
        self.file_button.clicked.connect(self.file_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.empty)
        row.addStretch(1)
        row.addWidget(self.file_button)
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setStyleSheet(
            "background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e0c060;"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("Restore this backup…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.model.set_rows(list(choices))
        if choices:
            self.table.selectRow(0)
        self.empty.setVisible(not choices)
        self._show()
        fit_on_screen(self, QSize(1000, 520))

    def add_choice(self, choice: Any) -> None:
        """A backup file the clerk chose: listed first and selected."""
        rows = [choice, *(r for r in self.model.rows() if r.source != choice.source)]
        self.model.set_rows(rows)
        self.empty.hide()
        self.table.selectRow(0)
        self._show()

    def chosen(self) -> Any | None:
        return self.model.row_of(self.table.currentIndex())

    def _show(self) -> None:
        choice = self.chosen()
        self.restore_button.setEnabled(choice is not None)
        if choice is None:
            self.details.setText(self.tr("Choose a backup in the list, or a backup file."))
            return
        site = choice.summary.site
        site = self.tr("{0}: ", "the site a backup belongs to").format(site) if site else ""
        self.details.setText(
            self.tr(
                "The backup of {0} holds {1}{2}. Records entered or changed after {0} are not "
                "in it: type them in again, or they come back with the county office's bundles."
            ).format(taken_text(choice), site, counts_text(choice.summary))
        )
