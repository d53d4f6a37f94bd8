"""The 管理 menu: sign-in and sign-out, the departments cases are referred to, users and roles,
retention, the audit log; and the sign-in asked for before any record is shown, when the site
requires it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.roles import ROLE_LABELS, Permission
from desktop.ui import prompts
from desktop.ui.i18n import translated

if TYPE_CHECKING:
    from desktop.services import Services


class SignedOutCover(QWidget):
    """Stands where the tabs were while nobody is signed in: no record shows through."""

    def __init__(self, sign_in: Callable[[], None], parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # only where sign-in is on; not before every first paint

        super().__init__(parent)
        self.text = QLabel(self.tr("Nobody is signed in, so no records are shown."))
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 15px;")
        self.button = QPushButton(self.tr("Sign in…"))
        self.button.clicked.connect(sign_in)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()


class AdminActions(QObject):
    def __init__(self, window: Any, menu: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.services: Services | None = None
        menu.setToolTipsVisible(True)  # a disabled item says why
        self.sign_in_action = self._add(self.tr("Sign &in…"), self.sign_in_again)
        self.sign_out_action = self._add(self.tr("Sign &out"), self.sign_out)
        self.password_action = self._add(self.tr("Change my &password…"), self.change_password)
        menu.addSeparator()
        # Any site, any role: a clerk adds the department a referral needs (the dialog says who
        # may change or remove one).
        self.departments_action = self._add(self.tr("&Departments…"), self.manage_departments)
        menu.addSeparator()
        self.users_action = self._add(self.tr("&Users and sign-in…"), self.manage_users)
        self.retention_action = self._add(
            self.tr("&Retention of personal data…"), self.manage_retention
        )
        self.audit_action = self._add(self.tr("&Audit log…"), self.show_audit_log)
        self.who_label = QLabel()  # who is signed in, at the status bar's right end
        window.statusBar().addPermanentWidget(self.who_label)
        self.cover: SignedOutCover | None = None  # made when first needed (sign-in sites only)
        self._refresh()

    def _add(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    # --- signing in and out ---------------------------------------------------------------

    def sign_in(self, services: Services) -> bool:
        """Before any record is shown: when the site requires sign-in, ask for a user.
        False when nobody signed in (the window then shows no records)."""
        from desktop.ui.dialogs.sign_in import SignInDialog

        self.services = services
        access = services.access
        if access.user is None and access.sign_in_required():
            self._cover(True)  # the last user's records do not show behind the dialog
            site = services.site.current()
            dialog = SignInDialog(access, site.name if site else "", self.window)
            if not prompts.run_dialog(dialog):
                self._nobody()
                return False
        self._cover(False)
        self._refresh()
        return True

    def sign_in_again(self) -> None:
        """After a cancelled sign-in: ask again, through the window's own attach."""
        if self.services is not None and self.window.services is None:
            self.window.attach(self.services)

    def sign_out(self) -> None:
        services = self.services
        if services is None or services.access.user is None:
            return
        from desktop.ui import tasks  # its module (and the tables') loads with the first work

        if tasks.active_writer() is not None:  # its results would land after the sign-out
            prompts.info(
                self.window,
                self.tr("Sign out"),
                self.tr("A task is still changing the data. Wait until it has finished."),
            )
            return
        services.access.sign_out()
        self.window.attach(services)  # asks again; cancelled: no records

    def _nobody(self) -> None:
        """Nobody signed in: the tabs covered and every menu that reads records off (the
        window closes the services; sign_in_again opens them for the next person)."""
        self._cover(True)
        self.window.ledger_actions.set_services(None, False)
        self.window.bundle_actions.set_services(None, False)
        # The backup items need no switching off: they ask for RESTORE / EXPORT_PERSONAL,
        # which nobody signed in (a clerk's rights) has.
        self.window.report_action.setEnabled(False)
        self._refresh(signed_out=True)

    def _cover(self, on: bool) -> None:
        if self.cover is None:
            if not on:
                return
            self.cover = SignedOutCover(self.sign_in_again)
            self.window.centralWidget().layout().addWidget(self.cover)
        self.window.tabs.setVisible(not on)
        self.cover.setVisible(on)

    # --- what the menu offers -------------------------------------------------------------

    def _refresh(self, signed_out: bool = False) -> None:
        services = self.services
        open_ = services is not None and not signed_out
        user = services.access.user if services is not None else None
        writable = open_ and not services.db.read_only
        self.sign_in_action.setEnabled(services is not None and signed_out)
        self.sign_out_action.setEnabled(open_ and user is not None)
        self.password_action.setEnabled(writable and user is not None)
        self.password_action.setToolTip(
            "" if user is not None else self.tr("Only a signed-in user has a password to change.")
        )
        self.departments_action.setEnabled(open_)
        self.departments_action.setToolTip(
            "" if open_ else self.tr("Open a database and sign in first.")
        )
        may_manage = open_ and services.access.may(Permission.MANAGE)
        for action, needs_writing in (
            (self.users_action, True),
            (self.retention_action, True),
            (self.audit_action, False),
        ):
            if not open_:
                why = self.tr("Open a database and sign in first.")
            elif not may_manage:
                # Services (SQLAlchemy) load after the first paint: imported when open.
                from desktop.services.access import NOT_PERMITTED

                why = translated("Service", NOT_PERMITTED[Permission.MANAGE])
            elif needs_writing and services.db.read_only:
                why = self.tr("The database is open read-only.")
            else:
                why = ""
            action.setEnabled(not why)
            action.setToolTip(why)
        if user is not None:
            role = translated("Roles", ROLE_LABELS[user.role])
            self.who_label.setText(self.tr("Signed in: {0} ({1})").format(user.name, role))
        elif signed_out:
            self.who_label.setText(self.tr("Not signed in"))
        else:
            self.who_label.setText("")
        self.who_label.setVisible(bool(self.who_label.text()))

    # --- the dialogs ----------------------------------------------------------------------

    def manage_departments(self) -> None:
        from desktop.ui.dialogs.departments import DepartmentsDialog

        if self.services is None:
            return
        dialog = DepartmentsDialog(self.services, self.window)
        prompts.run_dialog(dialog)
        if dialog.changed:  # a department renamed shows so in the cases' list
            self.window.reload_tabs()

    def manage_users(self) -> None:
        from desktop.ui.dialogs.users import UsersDialog

        services = self.services
        if services is None or not services.access.may(Permission.MANAGE):
            return
        prompts.run_dialog(UsersDialog(services.access, self.window))
        if services.access.user is None and services.access.sign_in_required():
            # Sign-in was just turned on: the person here signs in like everyone else.
            self.window.attach(services)
        else:
            self._refresh()

    def change_password(self) -> None:
        from desktop.ui.dialogs.sign_in import PasswordDialog

        services = self.services
        if services is not None and services.access.user is not None:
            login = services.access.user.login
            prompts.run_dialog(PasswordDialog(services.access, login, own=True, parent=self.window))

    def manage_retention(self) -> None:
        from desktop import paths
        from desktop.ui.dialogs.retention import RetentionDialog

        services = self.services
        if services is None or not services.access.may(Permission.MANAGE):
            return
        folder = paths.backup_dir_for(services.db.path) if services.db.path else None
        today = getattr(self.window, "_today", dt.date.today)()
        dialog = RetentionDialog(services, today, folder, self.window)
        prompts.run_dialog(dialog)
        if dialog.handle is not None and dialog.handle.is_running():
            dialog.handle.wait()  # the purge's lists: shown as they are after it
        self.window.reload_tabs()

    def show_audit_log(self) -> None:
        services = self.services
        if services is None or not services.access.may(Permission.MANAGE):
            return
        from desktop.ui.dialogs.audit_log import show_audit_log

        show_audit_log(self.window, services)
