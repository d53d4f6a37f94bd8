"""The records that belong to the one selected above: a project's votes and progress notes, a
draft's comments. Each panel lists them and adds, changes or deletes them with the parent fixed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.domain.programme_specs import SPECS
from desktop.ui import prompts
from desktop.ui.dialogs.programme import open_record
from desktop.ui.i18n import message
from desktop.ui.programme_values import ProgrammeTableModel, describe
from desktop.ui.record_table import record_table
from desktop.ui.table_model import Column

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.programmes import ProgrammeRow


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeChildren", text)


class ChildPanel(QGroupBox):
    """``kind``'s records under one parent; ``changed`` after a record is saved or deleted."""

    changed = Signal()

    def __init__(
        self,
        kind: str,
        title: str,
        add_text: str,
        columns: list[Column],
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.spec = SPECS[kind]
        self._today = today
        self.services: Services | None = None
        self.parent_row: ProgrammeRow | None = None
        self._writable = True
        self.model = ProgrammeTableModel(columns, self)
        self.table = record_table(self.model, row_height=24)
        self.add_button = QPushButton(add_text)
        # The register tabs' own words (already translated there).
        self.edit_button = QPushButton(QCoreApplication.translate("RegisterTab", "Edit"))
        self.delete_button = QPushButton(QCoreApplication.translate("RegisterTab", "Delete"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.set_parent_row(None)

    def attach(self, services: Services, writable: bool) -> None:
        self.services = services
        self._writable = writable

    def set_parent_row(self, row: ProgrammeRow | None) -> None:
        self.parent_row = row
        if self.services is None or row is None:
            self.model.set_rows([])
        else:
            self.model.set_rows(self.services.programmes.rows(self.spec.kind, parent_id=row.id))
        self._update_buttons()

    def selected_row(self) -> ProgrammeRow | None:
        return self.model.row_of(self.table.currentIndex())

    def _update_buttons(self) -> None:
        may = (
            self.services is not None
            and self._writable
            and self.parent_row is not None
            and self.services.programmes.may_create(self.spec.kind)
        )
        self.add_button.setEnabled(may)
        if not may and self.services is not None and self.parent_row is not None:
            self.add_button.setToolTip(_tr("Only the county office records these."))
        else:
            self.add_button.setToolTip("")
        chosen = self.selected_row()
        mine = may and chosen is not None and chosen.mine
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)

    def defaults(self) -> dict[str, Any]:
        """Values a new child starts with (the parent's year, for a vote)."""
        assert self.parent_row is not None
        year = self.parent_row.values.get("year")
        return {"year": year} if year else {}

    def _open(self, row: ProgrammeRow | None) -> None:
        assert self.services is not None and self.parent_row is not None
        key = self.spec.parent
        values = self.parent_row.values
        parent_name = next((values[k] for k in ("title", "name") if k in values), "")
        saved = open_record(
            self,
            self.services,
            self.spec.kind,
            self._today(),
            row,
            fixed={key: self.parent_row.id},
            fixed_names={key: str(parent_name or "")},
            defaults=self.defaults(),
        )
        if saved is not None:
            self.set_parent_row(self.parent_row)
            found = self.model.find(lambda r: r.id == saved.id)
            if found >= 0:
                self.table.selectRow(found)
            self.changed.emit()

    def add(self) -> None:
        if self.add_button.isEnabled():
            self._open(None)

    def edit_current(self) -> None:
        row = self.selected_row()
        if row is not None and self.edit_button.isEnabled():
            self._open(row)

    def delete_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None or not self.delete_button.isEnabled():
            return
        title = QCoreApplication.translate("RegisterTab", "Delete")
        question = QCoreApplication.translate("RegisterTab", "Delete this record?\n{0}")
        question = question.format(describe(self.spec, row))
        if not prompts.confirm(self, title, question):
            return
        try:
            self.services.programmes.delete(self.spec.kind, row.id, row.version)
        except ServiceError as exc:
            prompts.error(self, title, message(exc))
        self.set_parent_row(self.parent_row)
        self.changed.emit()
