"""Signing in before any record is shown (when the site requires it), and changing a password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.domain.roles import ROLE_LABELS
from desktop.services.access import MIN_PASSWORD, WAIT_BEFORE_TRYING
from desktop.ui.forms import open_width, refit
from desktop.ui.i18n import message, translated

if TYPE_CHECKING:
    from desktop.services.access import Access

ERROR_STYLE = "color: #b00020;"


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class SignInDialog(QDialog):
    """User name and password; a wrong one is explained beside the field and the dialog stays.
    After five wrong tries in a row the button waits (Access.wait_left) and says so."""

    def __init__(self, access: Access, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access = access
        self.setWindowTitle(self.tr("Sign in"))
        intro = QLabel(
            self.tr("{0} asks who is at this computer before it shows any record.").format(
                site_name or self.tr("This database")
            )
        )
        intro.setWordWrap(True)
        self.login = QLineEdit()
        self.login.setMaxLength(40)
        self.password = password_edit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)  # right under the password (a form row clips wrapped text)
        layout.addWidget(buttons)
        open_width(self, 420)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.tick()  # a wait left over from an earlier try of this database
        self.login.setFocus()

    def try_sign_in(self) -> None:
        if self.access.wait_left():
            self.tick()
            return
        try:
            self.access.sign_in(self.login.text(), self.password.text())
        except ServiceError as exc:
            self.password.clear()
            self.password.setFocus()
            self._show_error(message(exc))
            self.tick()
            return
        self.accept()

    def tick(self) -> None:
        """While a wait runs: the button off and the seconds counted down beside the field."""
        left = self.access.wait_left()
        for widget in (self.sign_in_button, self.login, self.password):
            widget.setEnabled(not left)
        if left:
            self._show_error(translated("Service", WAIT_BEFORE_TRYING).format(seconds=left))
            if not self._timer.isActive():
                self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()
            self._show_error(self.tr("You may try again now."))
            self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        refit(self)  # a wrapped message needs its lines (the form sized itself without)


class PasswordDialog(QDialog):
    """A new password typed twice; ``own``: the present one first (Change my password)."""

    def __init__(
        self, access: Access, login: str, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.access = access
        self.login = login
        self.own = own
        self.setWindowTitle(self.tr("Change my password") if own else self.tr("Set a password"))
        user = next((u for u in access.users() if u.login == login), None)
        who = f"{user.name} ({translated('Roles', ROLE_LABELS[user.role])})" if user else login
        intro = QLabel(self.tr("A new password for {0}.").format(who))
        intro.setWordWrap(True)
        self.current = password_edit()
        self.new = password_edit()
        self.again = password_edit()
        self.error = error_label()
        form = QFormLayout()
        if own:
            form.addRow(self.tr("Present password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        hint = QLabel(
            self.tr("At least {0} characters. Do not write it on the computer.").format(
                MIN_PASSWORD
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        open_width(self, 420)

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self._refuse(self.tr("The two new passwords differ. Type the same one twice."))
            return
        try:
            if self.own:
                self.access.change_own_password(self.current.text(), self.new.text())
            else:
                self.access.set_password(self.login, self.new.text())
        except ServiceError as exc:
            self._refuse(message(exc))
            return
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        refit(self)
        self.new.clear()
        self.again.clear()
        self.new.setFocus()
