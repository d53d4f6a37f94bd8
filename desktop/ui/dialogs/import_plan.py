"""The preview of an Excel import: what will be new, updated, unchanged, and what is refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import fit_on_screen
from desktop.ui.i18n import joined, message

MAX_SHOWN = 2000  # problems listed; the count says if there are more


class ImportPlanDialog(QDialog):
    """Accepted means: write the plan (its good rows) now."""

    def __init__(self, plan: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from Excel: {0}").format(title))
        fit_on_screen(self, QSize(820, 520))
        new, updated = plan.count("new"), plan.count("updated")
        unchanged, rejected = plan.count("unchanged"), plan.count("rejected")
        summary = QLabel(
            self.tr(
                "Workbook {0}, sheet “{1}”: {2} new, {3} updated, {4} unchanged, {5} rejected."
            ).format(plan.path.name, plan.sheet_name, new, updated, unchanged, rejected)
        )
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if plan.ignored_headers:
            ignored = QLabel(
                self.tr("Columns not imported: {0}").format(joined(plan.ignored_headers))
            )
            ignored.setWordWrap(True)
            layout.addWidget(ignored)
        problems = [(r.row_number, p) for r in plan.rows for p in r.problems]
        self.table = QTableWidget(min(len(problems), MAX_SHOWN) + len(plan.warnings), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        line = 0
        for row_number, problem in problems[:MAX_SHOWN]:
            column = problem.header
            if problem.cell_ref:  # the workbook's own (Chinese) header, and the cell
                column = self.tr("{0} ({1})").format(problem.header, problem.cell_ref)
            self._put(line, str(row_number), column, message(problem.error))
            line += 1
        for warning in plan.warnings:
            self._put(line, "", self.tr("Note"), message(warning))
            line += 1
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if problems or plan.warnings:
            layout.addWidget(QLabel(self.tr("Rows that will not be imported, and notes:")))
            layout.addWidget(self.table)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # All rows or none: a workbook with a rejected row is corrected and imported again
        # (the rows already right then count as unchanged), never half-imported.
        self.import_button.setEnabled(rejected == 0 and new + updated > 0)
        if rejected:
            note = QLabel(
                self.tr(
                    "Nothing will be written while a row is rejected: correct the rows listed "
                    "above in the workbook, save it, and import it again."
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #8a5a00;")
            layout.addWidget(note)
        elif new + updated == 0:
            layout.addWidget(
                QLabel(self.tr("Nothing to write: every row is already in the program."))
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _put(self, line: int, row: str, column: str, reason: str) -> None:
        for col, text in enumerate((row, column, reason)):
            self.table.setItem(line, col, QTableWidgetItem(text))
