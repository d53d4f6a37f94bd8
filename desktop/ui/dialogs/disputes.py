"""Disputes of a year's points (错、重、漏): the open ones settled with points and a reason."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.domain.points import PointsError, Scope, format_points
from desktop.ui import prompts
from desktop.ui.forms import fit_on_screen
from desktop.ui.i18n import label, message

if TYPE_CHECKING:
    from desktop.services import Services


class DisputesDialog(QDialog):
    def __init__(self, services: Services, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Disputes of {0}").format(year))
        self._services, self._year = services, year
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Deputy"),
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Reason"),
                self.tr("Status"),
                self.tr("Adjustment"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("Accept…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.accept_button.clicked.connect(lambda: self.settle(True))
        self.reject_button.clicked.connect(lambda: self.settle(False))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        fit_on_screen(self, QSize(760, 420))
        self._rows: list[Any] = []
        self.reload()

    def reload(self) -> None:
        self._rows = self._services.points.disputes(self._year)
        names = {
            item.code: item.name
            for scope in Scope
            for item in self._services.points.rule_set(self._year, scope).items
        }
        statuses = {
            "open": self.tr("Open"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
        }
        self.table.setRowCount(len(self._rows))
        for r, d in enumerate(self._rows):
            values = [
                d.deputy_name,
                names.get(d.item_code, d.item_code),
                label(d.kind),
                d.reason,
                statuses.get(d.status, d.status),
                format_points(d.delta) if d.status == "accepted" else "",
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def settle(self, accept: bool) -> None:
        index = self.table.currentRow()
        if index < 0 or self._rows[index].status != "open":
            prompts.info(self, self.windowTitle(), self.tr("Choose an open dispute."))
            return
        delta = Decimal(0)
        if accept:
            text, ok = QInputDialog.getText(
                self, self.tr("Accept"), self.tr("Points to add (negative to take away):")
            )
            if not ok:
                return
            try:
                delta = Decimal(text.strip())
            except InvalidOperation:
                prompts.error(
                    self, self.tr("Accept"), self.tr("Enter a number, such as 1 or -0.5.")
                )
                return
        resolution, ok = QInputDialog.getText(self, self.tr("Settle"), self.tr("Resolution"))
        if not ok:
            return
        try:
            self._services.points.settle(
                self._rows[index].id, accept=accept, delta=delta, resolution=resolution
            )
        except (ServiceError, PointsError) as exc:
            prompts.error(self, self.tr("Settle"), message(exc))
        self.reload()
