"""The departments cases are referred to (管理 > 承办单位): the list, and the form that adds or
changes one (also opened from the referral step, when the department is not listed yet)."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import DepartmentLevel
from desktop.domain.errors import ServiceError
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.dialogs.common import ref_combo
from desktop.ui.forms import RecordDialog, enum_combo, fit_on_screen
from desktop.ui.i18n import label, message, translated
from desktop.ui.record_table import record_table, widen_to_headings
from desktop.ui.table_model import Column, RowTableModel, labels_of

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.departments import DepartmentRow

ANOTHER_SITE = QT_TRANSLATE_NOOP("DepartmentsDialog", "Another site")
COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Department"), lambda r: r.name, 230, tooltip=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Kind"),
        lambda r: label(r.level),
        110,
        fits=labels_of(DepartmentLevel),
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Township"), lambda r: r.township_name, 90),
    Column(QT_TRANSLATE_NOOP("Columns", "Code"), lambda r: r.code, 90),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Added by"),
        lambda r: r.origin or translated("DepartmentsDialog", ANOTHER_SITE),
        200,
        tooltip=True,
    ),
]


def menu_path() -> str:
    """Where the list is, as the menus say it in the language on screen: 管理 → 承办单位…"""
    words = (
        QCoreApplication.translate("MainWindow", "&Manage"),
        QCoreApplication.translate("AdminActions", "&Departments…"),
    )
    return " → ".join(re.sub(r"\(&\w\)|&", "", w) for w in words)


class DepartmentDialog(RecordDialog):
    """A department's name, kind (county department or township government), township and
    code (left empty, one is made); refusals land beside their fields, nothing typed is lost."""

    def __init__(
        self, services: Services, row: DepartmentRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Edit department") if row else self.tr("Add a department"), parent)
        self._services, self._row = services, row
        self.name = self.add_field("name", self.tr("Name"), QLineEdit(row.name if row else ""))
        self.name.setPlaceholderText(self.tr("e.g. County Transport Bureau"))
        self.level = self.add_field(
            "level",
            self.tr("Kind"),
            enum_combo(list(DepartmentLevel), row.level if row else DepartmentLevel.COUNTY),
        )
        site = services.site.current()
        township = row.township_id if row and row.township_id else site and site.township_id
        self.township = self.add_field(
            "township_id",
            self.tr("Township"),
            ref_combo(services.reference.townships(), township, blank=self.tr("(choose)")),
        )
        self.code = self.add_field("code", self.tr("Code"), QLineEdit(row.code if row else ""))
        self.code.setPlaceholderText(self.tr("Leave empty to have one made"))
        self.level.currentIndexChanged.connect(lambda _i: self._level_changed())
        self._level_changed()
        self.open_size(480)

    def _level_changed(self) -> None:
        # Only a township government or office belongs to a township.
        self.township.setEnabled(self.level.currentData() is DepartmentLevel.TOWNSHIP)

    def build_draft(self) -> Any:
        from desktop.services.departments import DepartmentDraft

        level = self.level.currentData()
        township = self.township.currentData() if level is DepartmentLevel.TOWNSHIP else None
        return DepartmentDraft(self.name.text(), level, township, self.code.text())

    def submit(self, draft: Any) -> DepartmentRow:
        departments = self._services.departments
        if self._row is None:
            return departments.add(draft)
        return departments.update(self._row.id, draft, self._row.version)


class DepartmentsDialog(QDialog):
    """Every department here: the county's, this site's and (at the county) the stations';
    added by anyone, changed or removed only at the site that added it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Departments"))
        self._services = services
        self.changed = False  # something was added, changed or removed: the tabs list again
        note = QLabel(
            self.tr(
                "Cases are referred to these departments. Those the county office adds reach "
                "every station with its bundles; a station's own go to the county with its next "
                "bundle. Only the site that added a department may change or remove it."
            )
        )
        note.setWordWrap(True)
        self.model = RowTableModel(COLUMNS, self)
        self.table = record_table(self.model, row_numbers=False)
        widen_to_headings(self.table)
        self.empty = QLabel(
            self.tr(
                "No department yet: add the county bureaus and township governments that cases "
                "are referred to."
            )
        )
        self.empty.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.table.doubleClicked.connect(lambda _i: self.edit_button.isEnabled() and self.edit())
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.reload()
        fit_on_screen(self, QSize(860, 440))

    # --- the list -------------------------------------------------------------------------

    def reload(self, select: uuid.UUID | None = None) -> None:
        rows = self._services.departments.list()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        found = self.model.find(lambda r: r.id == select) if select is not None else -1
        if found >= 0 or rows:
            self.table.selectRow(max(found, 0))
        self._enable()

    def selected(self) -> DepartmentRow | None:
        return self.model.row_of(self.table.currentIndex())

    def _enable(self) -> None:
        row = self.selected()
        writable = not self._services.db.read_only
        self.add_button.setEnabled(writable)
        why = ""
        if not writable:
            why = self.tr("The database is open read-only.")
        elif row is not None and not row.own:
            from desktop.services.common import NOT_OWNER

            why = translated("Service", NOT_OWNER)
        elif not self._services.departments.may_change():
            from desktop.domain.roles import Permission
            from desktop.services.access import NOT_PERMITTED

            why = translated("Service", NOT_PERMITTED[Permission.KEEP_DEPARTMENTS])
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(row is not None and not why)
            button.setToolTip(why)

    # --- acts -----------------------------------------------------------------------------

    def add(self) -> None:
        self._open(DepartmentDialog(self._services, parent=self))

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(DepartmentDialog(self._services, row, self))

    def _open(self, dialog: DepartmentDialog) -> None:
        if prompts.run_dialog(dialog):
            self.changed = True
            self.error.hide()
            self.reload(select=dialog.saved_row.id)

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Remove a department")
        question = self.tr("Remove “{0}” from the list of departments?").format(row.name)
        if not prompts.confirm(self, title, question):
            return
        try:
            self._services.departments.remove(row.id, row.version)
        except ServiceError as exc:  # referred to already, or changed meanwhile: said here
            self.error.setText(message(exc))
            self.error.show()
            return
        self.changed = True
        self.error.hide()
        self.reload()
