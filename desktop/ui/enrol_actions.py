"""Enrollment in the 数据包 menu: the county office enrolls, revokes and re-enrolls sites and keeps
its keys in escrow; a station or township centre takes a new enrollment file from the county.

Built with the menu, before the window paints: the services and the dialogs load when used.
Every step that writes runs through ``tasks.run_task`` as the writer (scrypt takes a moment, and
only one task changes the data at a time).
"""

from __future__ import annotations

import datetime as dt
import logging
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.domain.enums import SiteRole
from desktop.domain.errors import Refusal
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.i18n import message, translated
from desktop.ui.menus import add_action

if TYPE_CHECKING:
    from desktop.domain.records import SiteDraft
    from desktop.services import Services

log = logging.getLogger(__name__)
ENROL_SUFFIX, ESCROW_SUFFIX = ".ldenrol", ".ldescrow"
ENROL_FILTER = QT_TRANSLATE_NOOP("EnrolActions", "Enrollment files (*.ldenrol);;All files (*)")
ESCROW_FILTER = QT_TRANSLATE_NOOP("EnrolActions", "Key escrow files (*.ldescrow);;All files (*)")
MIN_PASSPHRASE = 8  # as desktop.sync.crypto: checked here before a file name is asked for
MAX_KEY_FILE = 1 << 20  # a key file is a few kilobytes: never read a whole disk image


def read_key_file(path: Path) -> bytes:
    """An enrollment or escrow file's bytes; anything far too big is not one."""
    if path.stat().st_size > MAX_KEY_FILE:
        from desktop.sync.crypto import NOT_A_KEY_FILE, BundleRefused

        raise BundleRefused(NOT_A_KEY_FILE)
    return path.read_bytes()


Written = tuple[Any, Exception | None, list]  # the site's row, why its file is missing, all rows


def _write(enrolment: Any, code: str, path: Path, blob: bytes) -> Written:
    """After an enrollment was committed: its file written (or why not), and the sites."""
    from desktop.formats.files import FileRefused, write_atomically

    failure: Exception | None = None
    try:
        write_atomically(path, blob)
    except FileRefused as exc:  # the site is enrolled all the same: said so, with what to do
        failure = exc
    rows = enrolment.enrolled()
    return next(r for r in rows if r.code == code), failure, rows


class EnrolActions(QObject):
    """The enrollment items of the 数据包 menu; only those fitting this site's role are shown."""

    keys_changed = Signal()  # a site enrolled, revoked or given keys: the 数据包 tab lists again

    def __init__(
        self, window: QMainWindow, menu: QMenu, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(window)
        self.window, self._today = window, today
        self.services: Services | None = None
        self.writable = False
        self.role: SiteRole | None = None
        self.separator = menu.addSeparator()
        self.enrol_action = self._add(
            menu, self.tr("E&nroll a station or township centre…"), self.enroll_site
        )
        self.sites_action = self._add(menu, self.tr("Enrolled &sites…"), self.show_sites)
        self.escrow_action = self._add(
            menu, self.tr("Save the county's &keys to an escrow file…"), self.save_escrow
        )
        self.restore_action = self._add(
            menu, self.tr("&Restore the county's keys from an escrow file…"), self.restore_escrow
        )
        self.accept_action = self._add(
            menu,
            self.tr("Use a &new enrollment file from the county office…"),
            self.use_enrollment_file,
        )
        self.county_actions = (self.enrol_action, self.sites_action, self.escrow_action,
                               self.restore_action)  # fmt: skip
        self.set_services(None, False)

    def _add(self, menu: Any, text: str, slot: Callable[[], None]) -> QAction:
        return add_action(self.window, menu, text, slot)

    def set_services(self, services: Services | None, writable: bool) -> None:
        self.services, self.writable = services, writable
        site = services.site.current() if services is not None else None
        self.role = site.role if site is not None else None
        county = self.role is SiteRole.COUNTY
        for action in self.county_actions:
            action.setVisible(county)  # the list can be read in a read-only database too
            action.setEnabled(county and (writable or action is self.sites_action))
        enrolled = self.role in (SiteRole.STATION, SiteRole.TOWNSHIP)
        self.accept_action.setVisible(enrolled)
        self.accept_action.setEnabled(enrolled and writable)
        self.separator.setVisible(self.role is not None)

    # --- shared steps -------------------------------------------------------------------

    def _service(self, *roles: SiteRole) -> Any | None:
        """The enrollment service, when this site is one of ``roles`` and may write."""
        if self.services is None or not self.writable or self.role not in roles:
            return None
        return self.services.enrolment

    def new_passphrase(self, parent: QWidget, title: str) -> str | None:
        """A passphrase for a new file: long enough, and typed twice the same."""
        first = prompts.passphrase(
            parent, title, self.tr("Passphrase for the file (at least 8 characters):")
        )
        if first is None:
            return None
        if len(unicodedata.normalize("NFC", first).rstrip("\r\n")) < MIN_PASSPHRASE:
            from desktop.sync.crypto import WEAK_PASSPHRASE

            prompts.error(parent, title, translated("Bundle", WEAK_PASSPHRASE))
            return None
        again = prompts.passphrase(parent, title, self.tr("The same passphrase again:"))
        if again is None:
            return None
        if again != first:
            prompts.error(
                parent, title, self.tr("The two passphrases differ. Nothing was written.")
            )
            return None
        return first

    def _save_path(
        self, parent: QWidget, title: str, name: str, suffix: str, filter: str
    ) -> Path | None:
        path = prompts.save_path(parent, title, name + suffix, translated("EnrolActions", filter))
        if path is None or path.suffix:
            return path
        return path.with_name(path.name + suffix)  # typed without one (Linux dialogs add none)

    def _run(
        self, parent: QWidget, title: str, work: Callable[[], Any], done: Any, failed: Any = None
    ) -> None:
        """``work()`` off the UI thread as the one writer; ``done(result)`` back on it."""
        from desktop.ui import tasks

        tasks.run_task(parent, title, lambda _p, _c: work(), done, on_failed=failed, writes=True)

    def _handed_over(self, title: str, row: Any, path: Path, failure: Exception | None) -> None:
        """What the county officer does with a new enrollment file (or why there is none)."""
        self.keys_changed.emit()
        if failure is not None:
            text = self.tr(
                "{0} ({1}) is enrolled, but its enrollment file was not written: {2}\n\nRevoke "
                "its keys under “Enrolled sites…” and re-enroll it to write a new file."
            )
            prompts.error(self.window, title, text.format(row.name, row.code, message(failure)))
            return
        text = self.tr(
            "The enrollment file of {0} ({1}) was written to {2}.\n\nKey fingerprint of {0} (key "
            "generation {3}): {4}\n\nGive the file to the clerk of {0}, and tell them the "
            "passphrase separately: by phone or in person, never with the file. When the clerk "
            "has used the file, the fingerprint they read to you must be the same."
        )
        prompts.info(
            self.window,
            title,
            text.format(row.name, row.code, path, row.key_generation, row.fingerprint),
        )

    # --- the county office: enroll ---------------------------------------------------------

    def enroll_site(self, draft: SiteDraft | None = None) -> None:
        enrolment = self._service(SiteRole.COUNTY)
        if enrolment is None:
            return
        try:
            known = {r.code: r.revoked for r in enrolment.enrolled()}
        except Refusal as exc:
            prompts.error(self.window, self.tr("Enroll a site"), message(exc))
            return
        from desktop.ui.dialogs.enrol import EnrolDialog

        prompts.run_dialog(EnrolDialog(known, self._enrol, draft, self.window))

    def _enrol(self, parent: QWidget, draft: SiteDraft) -> bool:
        """Passphrase and file name for the form's site, then the enrollment; False: form stays."""
        title = self.tr("Enroll a site")
        enrolment, today = self._service(SiteRole.COUNTY), self._today()
        secret = self.new_passphrase(parent, title) if enrolment is not None else None
        if secret is None:
            return False
        path = self._save_path(parent, title, draft.code, ENROL_SUFFIX, ENROL_FILTER)
        if path is None:
            return False

        def work() -> Written:
            blob = enrolment.enroll_site(
                draft.code, draft.name, draft.role, draft.township_name, secret, today
            )
            return _write(enrolment, draft.code, path, blob)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Refusal):
                log.error("enrolling %s failed", draft.code, exc_info=exc)
            prompts.error(self.window, title, message(exc))  # type: ignore[arg-type]
            if isinstance(exc, Refusal):  # nothing was enrolled: the form again, as typed
                QTimer.singleShot(0, self, lambda: self.enroll_site(draft))

        self._run(self.window, title, work, lambda r: self._handed_over(title, r[0], path, r[1]),
                  failed)  # fmt: skip
        return True

    # --- the county office: the sites, revoke, re-enroll ------------------------------------

    def show_sites(self) -> None:
        if self.services is None or self.role is not SiteRole.COUNTY:
            return
        try:
            rows = self.services.enrolment.enrolled()
        except Refusal as exc:
            prompts.error(self.window, self.tr("Enrolled sites"), message(exc))
            return
        from PySide6.QtCore import Qt

        from desktop.ui.dialogs.enrol import EnrolledSitesDialog

        dialog = EnrolledSitesDialog(rows, self.writable, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revoke_requested.connect(lambda row: self.revoke(dialog, row))
        dialog.reenroll_requested.connect(lambda row: self.reenroll(dialog, row))
        prompts.run_dialog(dialog)

    def revoke(self, dialog: Any, row: Any) -> None:
        enrolment = self._service(SiteRole.COUNTY)
        if enrolment is None:
            return
        title = self.tr("Revoke keys")
        question = self.tr(
            "Revoke the keys of {0} ({1})?\n\nFrom now on every bundle from {0} is refused, until "
            "it is re-enrolled and uses its new enrollment file. Do this when its computer or "
            "USB stick was lost, or its passphrase became known."
        )
        if not prompts.confirm(dialog, title, question.format(row.name, row.code)):
            return

        def done(rows: list) -> None:
            dialog.set_rows(rows)
            self.keys_changed.emit()
            text = self.tr("The keys of {0} ({1}) were revoked. Re-enroll it to give it new keys.")
            prompts.info(dialog, title, text.format(row.name, row.code))

        self._run(dialog, title, lambda: (enrolment.revoke(row.code), enrolment.enrolled())[1],
                  done)  # fmt: skip

    def reenroll(self, dialog: Any, row: Any) -> None:
        enrolment, today = self._service(SiteRole.COUNTY), self._today()
        title = self.tr("Re-enroll a site")
        secret = self.new_passphrase(dialog, title) if enrolment is not None else None
        if secret is None:
            return
        path = self._save_path(dialog, title, row.code, ENROL_SUFFIX, ENROL_FILTER)
        if path is None:
            return

        def work() -> Written:
            return _write(enrolment, row.code, path, enrolment.reenroll(row.code, secret, today))

        def done(result: Written) -> None:
            dialog.set_rows(result[2])
            self._handed_over(title, result[0], path, result[1])

        self._run(dialog, title, work, done)

    # --- the county office: key escrow -------------------------------------------------------

    def save_escrow(self) -> None:
        enrolment = self._service(SiteRole.COUNTY)
        if enrolment is None:
            return
        title = self.tr("Save the county's keys")
        warning = self.tr(
            "The escrow file holds the county office's private keys. With the file and its "
            "passphrase, the keys can be put back on a new computer; in the wrong hands, they "
            "let anyone write bundles as the county office.\n\nKeep the file on a USB stick in "
            "the safe, and the passphrase written down apart from it. Continue?"
        )
        if not prompts.confirm(self.window, title, warning):
            return
        secret = self.new_passphrase(self.window, title)
        if secret is None:
            return
        name = self.tr("county keys {0}").format(enrolment.county_site().code)
        path = self._save_path(self.window, title, name, ESCROW_SUFFIX, ESCROW_FILTER)
        if path is None:
            return

        def work() -> str:
            from desktop.formats.files import write_atomically

            write_atomically(path, enrolment.export_escrow(secret))
            return enrolment.own_public().fingerprint()

        def done(fingerprint: str) -> None:
            text = self.tr(
                "The county office's keys were saved to {0}.\n\nKey fingerprint: {1}\n\nNote the "
                "fingerprint with the passphrase: a restored file must show the same."
            )
            prompts.info(self.window, title, text.format(path, fingerprint))

        self._run(self.window, title, work, done)

    def restore_escrow(self) -> None:
        enrolment = self._service(SiteRole.COUNTY)
        if enrolment is None:
            return
        title = self.tr("Restore the county's keys")
        warning = self.tr(
            "Restore the county office's keys from an escrow file? The keys in this database are "
            "replaced by those in the file. Do this only on a new computer or when the "
            "database lost its keys; the file must come from this county office."
        )
        if not prompts.confirm(self.window, title, warning):
            return
        path = prompts.open_path(self.window, title, translated("EnrolActions", ESCROW_FILTER))
        if path is None:
            return
        secret = prompts.passphrase(self.window, title, self.tr("The escrow file's passphrase:"))
        if secret is None:
            return

        def done(fingerprint: str) -> None:
            self.keys_changed.emit()
            text = self.tr(
                "The county office's keys were restored from {0}.\n\nKey fingerprint: {1}. It "
                "must be the one noted when the escrow file was saved."
            )
            prompts.info(self.window, title, text.format(path.name, fingerprint))

        work = lambda: enrolment.restore_escrow(read_key_file(path), secret).fingerprint()  # noqa: E731
        self._run(self.window, title, work, done)

    # --- a station or township centre -------------------------------------------------------

    def use_enrollment_file(self) -> None:
        """A re-enrollment's file (the county revoked this site's keys and issued new ones)."""
        enrolment = self._service(SiteRole.STATION, SiteRole.TOWNSHIP)
        if enrolment is None:
            return
        title = self.tr("Use a new enrollment file")
        path = prompts.open_path(self.window, title, translated("EnrolActions", ENROL_FILTER))
        if path is None:
            return
        secret = prompts.passphrase(
            self.window, title, self.tr("The passphrase the county office told you:")
        )
        if secret is None:
            return

        def work() -> tuple[bool, str, str, str, str]:
            before = enrolment.own_public()
            site = enrolment.accept(read_key_file(path), secret)
            own, county = enrolment.own_public(), enrolment.county_site()
            county_keys = enrolment.county_public()
            return (own == before, site.name, own.fingerprint(), county.name,
                    county_keys.fingerprint())  # fmt: skip

        def done(result: tuple[bool, str, str, str, str]) -> None:
            same, name, own, county, county_fingerprint = result
            self.keys_changed.emit()
            first = (
                self.tr("This database already uses the keys of this file: nothing was changed.")
                if same
                else self.tr("{0} now uses the new keys from the county office.").format(name)
            )
            text = self.tr(
                "{0}\n\nKey fingerprint of {1}: {2}\nKey fingerprint of {3}: {4}\n\nRead both "
                "fingerprints to the county office over the phone: they must be the ones the "
                "county office sees."
            )
            prompts.info(
                self.window, title, text.format(first, name, own, county, county_fingerprint)
            )

        self._run(self.window, title, work, done)
