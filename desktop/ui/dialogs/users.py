"""Users and sign-in (管理 > 用户与登录): who may sign in, in which role, and whether sign-in is
asked for at all. Only a role that may manage (station head, administrator) opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.domain.roles import PERMISSION_LABELS, PERMISSIONS, ROLE_LABELS, Permission, Role
from desktop.ui import prompts
from desktop.ui.dialogs.sign_in import PasswordDialog, error_label, password_edit
from desktop.ui.forms import fit_on_screen, open_width, refit
from desktop.ui.i18n import joined, message, translated

if TYPE_CHECKING:
    from desktop.services.access import Access, Account


def role_text(role: Role) -> str:
    return translated("Roles", ROLE_LABELS[role])


def role_summary(role: Role) -> str:
    """What a role may do beyond recording, in words (shown beside the role's choice)."""
    # In the table's order (a set's order changes from run to run), listed as the language does.
    allowed = [
        translated("Roles", PERMISSION_LABELS[p]) for p in Permission if p in PERMISSIONS[role]
    ]
    if not allowed:
        return QCoreApplication.translate(
            "UsersDialog", "Records cases and prints masked ledgers; sees phones masked."
        )
    return QCoreApplication.translate("UsersDialog", "May also: {0}.").format(joined(allowed))


class AddUserDialog(QDialog):
    """A new user: a user name, a name shown in the audit log, a role, a password twice."""

    def __init__(self, access: Access, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.setWindowTitle(self.tr("Add a user"))
        self.login = QLineEdit()
        self.login.setMaxLength(40)
        self.login.setPlaceholderText(self.tr("letters or digits, e.g. lixm"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.role = QComboBox()
        for role in access.roles():
            self.role.addItem(role_text(role), role.value)
        self.role_note = QLabel()
        self.role_note.setWordWrap(True)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self.password = password_edit()
        self.again = password_edit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        form.addRow(self.tr("Role"), self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.role_note)  # under the role (a form row clips wrapped text)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        open_width(self, 460)
        self._role_changed()

    def _role_changed(self) -> None:
        self.role_note.setText(role_summary(Role(self.role.currentData())))
        refit(self)

    def save(self) -> None:
        if self.password.text() != self.again.text():
            self._refuse(self.tr("The two passwords differ. Type the same one twice."))
            return
        try:
            self.access.add_user(
                self.login.text(),
                self.name.text(),
                Role(self.role.currentData()),
                self.password.text(),
            )
        except ServiceError as exc:
            self._refuse(message(exc))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        refit(self)
        self.password.clear()
        self.again.clear()


class UsersDialog(QDialog):
    """The users of this database, sign-in on or off, and the acts on one user."""

    def __init__(self, access: Access, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.setWindowTitle(self.tr("Users and sign-in"))
        self.required = QCheckBox(
            self.tr("Ask for a user name and password before any record is shown")
        )
        self.required.setChecked(access.sign_in_required())
        self.required.toggled.connect(self.set_required)
        note = QLabel(
            self.tr(
                "Without sign-in, whoever uses this computer acts as the {0} and the audit log "
                "names the computer's account. With sign-in, each person signs in with their "
                "own role; sign-in needs at least one active {0} first."
            ).format(role_text(Role.ADMIN if access.county() else Role.STATION_HEAD))
        )
        note.setWordWrap(True)
        self.error = error_label()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add a user…"))
        self.password_button = QPushButton(self.tr("Set a new password…"))
        self.active_button = QPushButton(self.tr("Disable"))
        self.add_button.clicked.connect(self.add_user)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        row = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.active_button):
            row.addWidget(button)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.required)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_on_screen(self, QSize(640, 420))
        self.reload()

    # --- the list -------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        self.users: list[Account] = self.access.users()
        self.table.setRowCount(len(self.users))
        for i, user in enumerate(self.users):
            status = self.tr("Active") if user.active else self.tr("Disabled")
            for column, value in enumerate((user.login, user.name, role_text(user.role), status)):
                item = QTableWidgetItem(value)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, column, item)
            if user.login == select:
                self.table.selectRow(i)
        self._selection_changed()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        user = self.selected()
        self.password_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None)
        enable = user is not None and not user.active
        self.active_button.setText(self.tr("Enable") if enable else self.tr("Disable"))

    # --- acts -----------------------------------------------------------------------------

    def set_required(self, on: bool) -> None:
        if on == self.access.sign_in_required():
            return
        if self._do(lambda: self.access.set_sign_in_required(on)):
            return
        self.required.blockSignals(True)  # refused: the box shows what holds
        self.required.setChecked(not on)
        self.required.blockSignals(False)

    def add_user(self) -> None:
        dialog = AddUserDialog(self.access, self)
        if prompts.run_dialog(dialog):
            self.error.hide()
            self.reload(select=dialog.login.text().strip())

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            own = self.access.user is not None and self.access.user.login == user.login
            prompts.run_dialog(PasswordDialog(self.access, user.login, own=own, parent=self))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None and self._do(
            lambda: self.access.set_active(user.login, not user.active)
        ):
            self.reload(select=user.login)

    def _do(self, act) -> bool:
        try:
            act()
        except ServiceError as exc:
            self.error.setText(message(exc))
            self.error.show()
            return False
        self.error.hide()
        return True
