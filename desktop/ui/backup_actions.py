"""The File menu's backup items (备份到U盘, 从备份恢复) and the offer of a sound backup when the
database is found damaged at start."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from desktop.domain.errors import DatabaseDamaged, Refusal
from desktop.domain.roles import Permission
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.i18n import message, translated
from desktop.ui.menus import add_action

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)
FILE_FILTER = QT_TRANSLATE_NOOP("BackupActions", "Backups (*.ldbackup *.sqlite);;All files (*)")


class BackupActions(QObject):
    def __init__(self, window: Any, menu: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.services: Services | None = None
        self.writable = False
        self.usb_action = add_action(self, menu, self.tr("Back up to USB stick…"), self.to_usb)
        self.restore_action = add_action(
            self, menu, self.tr("Restore from a backup…"), self.restore
        )
        self.usb_action.setEnabled(False)
        self.restore_action.setEnabled(False)
        self.last_task: Any = None  # the USB backup's task handle (tests wait on it)

    def set_services(self, services: Services, writable: bool) -> None:
        self.services, self.writable = services, writable
        # Both stay enabled on a server or read-only database: they then say why not.
        self.usb_action.setEnabled(True)
        self.restore_action.setEnabled(True)
        built = services.__dict__.get("backups")  # built at start when it took a backup
        failure = getattr(built, "failure", None)
        if failure is not None:  # the day's backup failed: said, not in a modal box at start
            self.window.statusBar().showMessage(message(failure), 60_000)

    # --- 备份到U盘 -----------------------------------------------------------------------------

    def to_usb(self) -> None:
        from desktop.ui.bundle_actions import removable_volumes
        from desktop.ui.dialogs.backup_to_usb import BackupToUsbDialog
        from desktop.ui.tasks import run_task

        services = self.services
        title = self.tr("Back up to a USB stick")
        if services is None or not self._allowed(services, Permission.EXPORT_PERSONAL, title):
            return
        if not services.backups.available:  # a server's database: its own backups protect it
            from desktop.domain.errors import BackupRefused
            from desktop.services.backups import NO_FILE

            prompts.info(
                self.window, title, message(BackupRefused(NO_FILE, where=services.db.where))
            )
            return
        volumes = removable_volumes()
        dialog = BackupToUsbDialog(
            volumes[0].root if volumes else None,
            lambda parent: prompts.folder(parent, title),
            self.window,
        )
        if not prompts.run_dialog(dialog):
            return
        folder, passphrase = dialog.folder(), dialog.passphrase()
        self.last_task = run_task(
            self.window,
            title,
            lambda _progress, _cancelled: services.backups.to_usb(folder, passphrase),
            lambda done: prompts.info(self.window, title, self._written_text(done)),
        )

    def _written_text(self, done: Any) -> str:
        from desktop.ui.dialogs.restore import counts_text

        return self.tr(
            "The encrypted backup was written to {0} and read back to check it ({1}).\n\n"
            "Keep the passphrase apart from the stick: without it the backup cannot be "
            "restored, and nobody can recover it."
        ).format(done.path, counts_text(done.summary))

    # --- 从备份恢复 ----------------------------------------------------------------------------

    def restore(self) -> None:
        from desktop.ui.dialogs.restore import RestoreDialog
        from desktop.ui.tasks import running_tasks

        services = self.services
        title = self.tr("Restore from a backup")
        if services is None or not self._allowed(services, Permission.RESTORE, title):
            return
        if running_tasks():
            prompts.info(self.window, title, self.tr(
                "Wait until the work under way has finished, then restore."))  # fmt: skip
            return
        try:
            choices = services.backups.choices()
        except Refusal as exc:  # a server's database, or a read-only file
            prompts.info(self.window, title, message(exc))
            return
        dialog = RestoreDialog(choices, self.window)
        dialog.file_requested.connect(lambda: self._choose_file(dialog))
        if not prompts.run_dialog(dialog) or dialog.chosen() is None:
            return
        choice = dialog.chosen()
        from desktop.ui.dialogs.restore import taken_text

        question = self.tr(
            "Replace the database with the backup of {0}?\n\nThe database as it is now is set "
            "aside in its folder (not deleted). Records entered after {0} will be missing until "
            "they are typed in again or come back with the county office's bundles."
        ).format(taken_text(choice))
        if not prompts.confirm(self.window, title, question):
            return
        path = services.db.path
        try:
            restored = services.backups.restore(choice)
        except Refusal as exc:
            prompts.error(self.window, title, message(exc))
            if path is not None:  # the previous database is back in place: open it again
                self.window.open_database(path)
            return
        if self.window.open_database(restored.path):
            prompts.info(self.window, title, self._restored_text(restored))

    def _restored_text(self, restored: Any) -> str:
        from desktop.ui.dialogs.restore import taken_text

        text = self.tr("The database was restored from the backup of {0}.").format(
            taken_text(restored.choice)
        )
        if restored.replaced is not None:
            text += "\n\n" + self.tr(
                "The database as it was before is kept as {0}; delete it only when you are "
                "sure nothing in it is needed."
            ).format(restored.replaced)
        if restored.purged:
            text += "\n\n" + self.tr(
                "The backup was older than the last removal of personal details: the details "
                "of {0} closed cases past the retention period were removed again."
            ).format(restored.purged)
        return text

    def _choose_file(self, dialog: Any) -> None:
        """A backup file (an encrypted one from a USB stick, asked for its passphrase)."""
        from desktop.services import backups as svc

        title = self.tr("Restore from a backup")
        path = prompts.open_path(dialog, title, translated("BackupActions", FILE_FILTER))
        if path is None:
            return
        try:
            if path.suffix.lower() == svc.SUFFIX:
                passphrase = prompts.passphrase(
                    dialog, title, self.tr("The passphrase of {0}:").format(path.name)
                )
                if passphrase is None:
                    return
                choice = svc.unlock(path, passphrase)
            else:
                choice = svc.choice_of(path)
        except Refusal as exc:
            prompts.error(dialog, title, message(exc))
            return
        dialog.add_choice(choice)

    def _allowed(self, services: Services, permission: Permission, title: str) -> bool:
        try:
            services.access.require(permission)
        except Refusal as exc:
            prompts.error(self.window, title, message(exc))
            return False
        return True

    # --- a damaged database at start --------------------------------------------------------

    def recover(self, path: Path, exc: Exception) -> bool:
        """``exc`` raised while opening ``path``: offer what can be done (a sound backup of a
        damaged database). True when a database was opened instead."""
        if not isinstance(exc, DatabaseDamaged) or not isinstance(path, Path):
            return False
        from desktop import paths
        from desktop.services import backups as svc
        from desktop.ui.dialogs.recovery import RecoveryDialog
        from desktop.ui.dialogs.restore import RestoreDialog

        newest = None
        if exc.backup is not None:
            try:
                newest = svc.choice_of(exc.backup)
            except Refusal:
                log.warning("the newest sound backup %s cannot be read now", exc.backup)
        dialog = RecoveryDialog(path, exc.moved, newest, self.window)
        if not prompts.run_dialog(dialog) or dialog.action == dialog.CLOSE:
            return False
        choice = newest
        if dialog.action == dialog.CHOOSE:
            folder = exc.backup.parent if exc.backup is not None else paths.backup_dir_for(path)
            chooser = RestoreDialog(svc.listed_choices(folder, path.stem), self.window)
            chooser.file_requested.connect(lambda: self._choose_file(chooser))
            if not prompts.run_dialog(chooser) or chooser.chosen() is None:
                return False
            choice = chooser.chosen()
        if choice is None:
            return False
        today = getattr(self.window, "_today", dt.date.today)  # the window's clock (tests')
        try:  # nothing to replace (the damaged file went aside) and nobody signed in to ask
            svc.restore_file(path, choice, today=today)
        except Refusal as restore_failed:
            prompts.error(self.window, self.tr("Restore from a backup"), message(restore_failed))
            return False
        return bool(self.window.open_database(path))
