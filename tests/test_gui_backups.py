"""The backups through the window: a read-only database shows its banner with writing disabled
(reliability row 4), a damaged one is set aside and the recovery dialog restores the newest
sound backup (row 5), and the File menu's USB backup and restore."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.db import backups
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.services import backups as svc
from desktop.services import open_services
from desktop.services.access import NOT_PERMITTED
from desktop.services.demo import fill_demo
from desktop.ui import prompts
from desktop.ui.dialogs.backup_to_usb import BackupToUsbDialog
from desktop.ui.dialogs.recovery import RecoveryDialog
from desktop.ui.dialogs.restore import RestoreDialog
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from tests.test_startup_checks import flip_page, read_only

TODAY = dt.date(2026, 6, 15)
PASSPHRASE = "望江镇 backup 2026"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    services = open_services(path, today=lambda: TODAY)
    fill_demo(services, scale="station", years=1, as_of=TODAY)
    services.close()
    return path


class Prompts:
    """Every question and message of the window, answered and recorded here."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.dialogs: dict[type, Callable[[Any], bool]] = {}
        self.shown: list[tuple[str, str]] = []
        self.confirm = True
        monkeypatch.setattr(prompts, "run_dialog", self._run)
        monkeypatch.setattr(prompts, "info", lambda _p, _t, text: self._say("info", text))
        monkeypatch.setattr(prompts, "error", lambda _p, _t, text: self._say("error", text))
        monkeypatch.setattr(prompts, "confirm", lambda _p, _t, text: self._confirm(text))

    def _run(self, dialog: Any) -> bool:
        act = self.dialogs.get(type(dialog))
        assert act is not None, f"unexpected dialog {type(dialog).__name__}"
        self.shown.append(("dialog", type(dialog).__name__))
        return act(dialog)

    def _say(self, kind: str, text: str) -> None:
        self.shown.append((kind, text))

    def _confirm(self, text: str) -> bool:
        self.shown.append(("confirm", text))
        return self.confirm

    def errors(self) -> list[str]:
        return [text for kind, text in self.shown if kind == "error"]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    return Prompts(monkeypatch)


@pytest.fixture(autouse=True)
def english(qapp) -> Any:
    """English strings (the tests read the counts' words); Chinese again afterwards."""
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_CN")


def make_window(qtbot, qapp, tmp_path: Path, backup_dir: Path) -> MainWindow:
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    window._opener = lambda path: open_services(path, backup_dir=backup_dir, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def station(demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "pc" / "station.sqlite"
    path.parent.mkdir()
    shutil.copy(demo, path)
    return path


def test_a_read_only_database_shows_the_banner_and_disables_writing(
    qtbot, qapp, station: Path, tmp_path: Path, answers: Prompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    with read_only(station, monkeypatch):
        assert window.open_database(station)
        assert window.services.db.read_only
        assert not window.read_only_banner.isHidden()
        assert not window.deputies_tab.add_button.isEnabled()
        assert window.deputies_tab.model.rowCount() == 24  # the records are there to read
        window.backup_actions.restore()  # says why not, changes nothing
        window.close()
    assert answers.shown[-1] == ("info", prompts_text(svc.READ_ONLY))
    assert not (station.parent / "backups").exists()


def prompts_text(source: str, **args: str) -> str:
    from desktop.domain.errors import BackupRefused
    from desktop.ui.i18n import message

    return message(BackupRefused(source, **args))


def test_a_damaged_database_is_set_aside_and_the_recovery_dialog_restores_a_backup(
    qtbot, qapp, station: Path, tmp_path: Path, answers: Prompts
) -> None:
    folder = station.parent / "backups"
    backups.take(station, folder, "daily", dt.datetime(2026, 6, 14, 8, 0))
    flip_page(station)
    seen: dict[str, str] = {}

    def restore(dialog: RecoveryDialog) -> bool:
        seen.update({name: _label(dialog, name) for name in ("happened", "done", "todo")})
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        return True

    answers.dialogs[RecoveryDialog] = restore
    window = make_window(qtbot, qapp, tmp_path, folder)
    assert window.open_database(station)
    (moved,) = station.parent.glob("station-damaged-*.sqlite")
    assert str(station) in seen["happened"] and str(moved) in seen["done"]
    assert "2026-06-14 08:00" in seen["todo"] and "cases 16" in seen["todo"]
    services = window.services
    assert services is not None and services.db.path == station
    assert window.deputies_tab.model.rowCount() == 24 and answers.errors() == []
    assert services.audit.rows(limit=1)[0].action == AuditAction.RESTORE.value
    window.close()


def _label(dialog: Any, name: str) -> str:
    from PySide6.QtWidgets import QLabel

    return dialog.findChild(QLabel, name).text()


def test_the_usb_backup_from_the_file_menu(
    qtbot, qapp, station: Path, tmp_path: Path, answers: Prompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import desktop.ui.bundle_actions as bundle_actions

    monkeypatch.setattr(bundle_actions, "removable_volumes", lambda: [])
    stick = tmp_path / "stick"
    stick.mkdir()
    typed = [("passphrase-one", "passphrase-two"), (PASSPHRASE, PASSPHRASE)]

    def fill(dialog: BackupToUsbDialog) -> bool:
        first, again = typed.pop(0)
        dialog.folder_edit.setText(str(stick))
        dialog.passphrase_edit.setText(first)
        dialog.again_edit.setText(again)
        dialog.accept()
        if dialog.result() != dialog.DialogCode.Accepted:
            assert not dialog.error_label.isHidden()  # the two passphrases differ
            return False
        return True

    answers.dialogs[BackupToUsbDialog] = fill
    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    assert window.open_database(station)
    window.backup_actions.to_usb()  # typed differently: nothing written
    assert list(stick.iterdir()) == []
    window.backup_actions.to_usb()
    assert window.backup_actions.last_task.wait()
    (written,) = stick.iterdir()
    assert written.suffix == ".ldbackup" and answers.errors() == []
    assert str(written) in answers.shown[-1][1]
    assert svc.unlock(written, PASSPHRASE).summary.counts["deputies"] == 24
    window.close()


def test_restore_from_the_file_menu_with_an_encrypted_backup(
    qtbot, qapp, station: Path, tmp_path: Path, answers: Prompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from desktop.domain.records import DeputyDraft

    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    assert window.open_database(station)
    old = window.services
    usb = old.backups.to_usb(tmp_path, PASSPHRASE).path
    old.deputies.create(DeputyDraft("备份后的代表"))
    monkeypatch.setattr(prompts, "open_path", lambda *_a: usb)
    monkeypatch.setattr(prompts, "passphrase", lambda *_a: PASSPHRASE)

    def choose_the_file(dialog: RestoreDialog) -> bool:
        dialog.file_requested.emit()
        assert dialog.chosen().source == usb and "deputies 24" in dialog.details.text()
        dialog.accept()
        return True

    answers.dialogs[RestoreDialog] = choose_the_file
    window.backup_actions.restore()
    assert answers.errors() == []
    assert any(kind == "confirm" for kind, _ in answers.shown)
    assert window.services is not old and window.deputies_tab.model.rowCount() == 24
    (replaced,) = station.parent.glob("station-replaced-*.sqlite")
    assert str(replaced) in answers.shown[-1][1]
    window.close()


def test_after_a_restore_the_clerk_is_told_that_details_were_removed_again(
    qtbot, qapp, station: Path, tmp_path: Path
) -> None:
    from desktop.services import backups as svc
    from desktop.services.backups import Restored

    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    assert window.open_database(station)
    choice = svc.choice_of(window.services.backups.take("manual"))
    told = window.backup_actions._restored_text(Restored(station, None, choice, purged=3))
    plain = window.backup_actions._restored_text(Restored(station, None, choice))
    assert "3 closed cases" in told and "removed again" in told and "removed" not in plain
    window.close()


def test_a_clerk_may_not_restore(qtbot, qapp, station: Path, tmp_path: Path, answers) -> None:
    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    assert window.open_database(station)
    access = window.services.access
    access.add_user("head", "站长", Role.STATION_HEAD, "a-long-password")
    access.add_user("clerk", "文员", Role.CLERK, "a-long-password")
    access.set_sign_in_required(True)
    access.sign_in("clerk", "a-long-password")
    window.backup_actions.restore()
    window.backup_actions.to_usb()
    from desktop.domain.errors import ServiceError
    from desktop.ui.i18n import message

    assert answers.errors() == [
        message(ServiceError(NOT_PERMITTED[Permission.RESTORE])),
        message(ServiceError(NOT_PERMITTED[Permission.EXPORT_PERSONAL])),
    ]
    assert not any(kind == "dialog" for kind, _ in answers.shown)
    window.close()


def test_a_failed_daily_backup_does_not_stop_the_start_and_is_said(
    qtbot, qapp, station: Path, tmp_path: Path, answers: Prompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from desktop.db import sqlite, startup

    # Every backup made comes out unsound (the start-up check of the file itself is passed by).
    monkeypatch.setattr(sqlite, "check_file", lambda p, quick=False: ["page 7 is never used"])
    monkeypatch.setattr(startup, "check_file", lambda p, folder, now: startup.Opening())
    window = make_window(qtbot, qapp, tmp_path, station.parent / "backups")
    assert window.open_database(station)  # opened all the same
    assert window.services.backups.failure.message == backups.UNSOUND
    assert window.statusBar().currentMessage() == prompts_text(backups.UNSOUND)
    assert list((station.parent / "backups").iterdir()) == []  # the unsound copy is gone
    assert answers.shown == []
    window.close()
