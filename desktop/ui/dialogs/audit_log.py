"""The audit log viewer: every recorded act, newest first, a page at a time; verify, export.

Only a role that may manage (a station head, an administrator) opens it; the rows are read
through services.audit.AuditReview, which asks for that permission again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.domain.roles import AUDIT_LABELS
from desktop.domain.tables import CancelledFn, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.audit import (
    AuditReview,
    AuditRow,
    action_label,
    describe,
    local_time,
    role_label,
)
from desktop.ui import prompts
from desktop.ui.forms import fit_on_screen
from desktop.ui.i18n import message
from desktop.ui.record_table import widen_to_headings
from desktop.ui.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from desktop.services import Services

PAGE = 200
HOLDS_STYLE = "color: #1e6b2f;"
BROKEN_STYLE = "color: #a4161a; font-weight: bold;"


def _tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Columns", "Time"), lambda r: local_time(r.at), 125),
    Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r: r.actor, 150, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: role_label(r.role, _tr), 100),
    Column(QT_TRANSLATE_NOOP("Columns", "Action"), lambda r: action_label(r.action, _tr), 120),
    Column(QT_TRANSLATE_NOOP("Columns", "Target"), lambda r: describe(r.target, _tr), 250,
           tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Detail"), lambda r: describe(r.detail, _tr), 300,
           tooltip=True),
)  # fmt: skip


class AuditLogDialog(QDialog):
    """The rows in a table that loads more as it scrolls; a filter by action."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.review = AuditReview(services.access)
        self.setWindowTitle(self.tr("Audit log"))
        fit_on_screen(self, QSize(1180, 640))  # on a 1366×768 laptop: 1076×550
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every print, export, import, deletion, restore, sign-in and reveal of personal "
                "data at this PC, newest first. Rows cannot be changed or removed; "
                "“Verify the log” shows whether any row was changed outside the program."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        self.action = QComboBox()
        self.action.addItem(self.tr("Every action"), None)
        for member, text in AUDIT_LABELS.items():
            self.action.addItem(_tr("Audit", text), member.value)
        self.action.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.action)
        self.count = QLabel()
        bar.addWidget(self.count, 1)
        layout.addLayout(bar)
        self.model = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # one line each: more rows
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        widen_to_headings(self.table)
        layout.addWidget(self.table, 1)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.export_button = QPushButton(self.tr("Export…"))
        buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)
        self.reload()

    def chosen_action(self) -> str | None:
        return self.action.currentData()

    def reload(self) -> None:
        action = self.chosen_action()
        self.model.load(lambda after: self.review.page(after, PAGE, action))
        self.count.setText(self.tr("{0} rows").format(self.review.count(action)))

    def rows(self) -> list[AuditRow]:
        return self.model.rows()

    def verify(self) -> bool:
        """Recompute the chain and say in words whether it holds."""
        result = self.review.verify()
        if result.ok:
            self.result.setStyleSheet(HOLDS_STYLE)
            self.result.setText(
                self.tr("The log holds: {0} rows checked, none changed. Last hash {1}.").format(
                    result.rows, result.last_hash
                )
            )
            return True
        broken = self.review.log.broken_row(result)
        when = local_time(broken.at) if broken is not None else ""
        self.result.setStyleSheet(BROKEN_STYLE)
        self.result.setText(
            self.tr(
                "The log is broken at row {0} ({1}): it was changed outside the program. Keep "
                "this database file as it is and tell the county office."
            ).format(result.broken_at, when)
        )
        return False

    def export(self) -> None:
        from desktop.ui import tasks

        name = self.tr("Audit log {0}").format(dt.date.today().isoformat())
        target = prompts.save_path(
            self,
            self.tr("Export the audit log"),
            f"{name}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
        )
        if target is None:
            return
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + ".xlsx")
        action = self.chosen_action()

        def work(_progress: ProgressFn, _is_cancelled: CancelledFn) -> int:
            return self.review.export(target, action, _tr)

        def done(rows: int) -> None:
            self.reload()  # the export is a row of its own now
            prompts.info(
                self,
                self.tr("Export the audit log"),
                self.tr("Saved {0} rows to {1}").format(rows, Path(target)),
            )

        tasks.run_task(self, self.tr("Export the audit log"), work, done, writes=True)


def show_audit_log(parent: QWidget | None, services: Services) -> Any:
    """The viewer, for a role that may manage; others are told why not. Returns the dialog."""
    title = QCoreApplication.translate("AuditLogDialog", "Audit log")
    try:
        AuditReview(services.access).require()
    except ServiceError as exc:
        prompts.error(parent, title, message(exc))
        return None
    dialog = AuditLogDialog(services, parent)
    prompts.run_dialog(dialog)
    return dialog
