"""Issue 9 point 5: an uncaught exception is logged (scrubbed) and told to the clerk in one
dialog that says what happened, what to do and where the log is."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QLabel

from desktop.app import ErrorReporter, install_error_hooks
from desktop.logs import setup_logging, shutdown_logging
from desktop.ui import error_dialog
from desktop.ui.error_dialog import ErrorDialog

SECRET = "黄志强 13812348000 45033219900101123X"


class Boom(RuntimeError):
    pass


def boom() -> None:
    raise Boom(f"row 7: {SECRET}")


def dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]


def shown() -> list[ErrorDialog]:
    return [d for d in dialogs() if d.isVisible()]


@pytest.fixture
def hooked(qtbot, tmp_path: Path) -> Iterator[tuple[ErrorReporter, Path]]:
    """The hooks as run_gui installs them, logging to tmp_path; all undone afterwards."""
    root_level = logging.getLogger().level
    log_file = setup_logging(tmp_path / "log")
    assert log_file is not None
    before = sys.excepthook, threading.excepthook
    reporter = install_error_hooks(log_file)
    yield reporter, log_file
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    for dialog in dialogs():
        dialog.close()
    shutdown_logging()
    logging.getLogger().setLevel(root_level)


def test_an_exception_in_a_slot_shows_the_dialog_and_is_logged(qtbot, hooked) -> None:
    _reporter, log_file = hooked
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=5000)
    dialog = shown()[0]
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    # What happened, that nothing is half-written, what to do: in the interface's language
    # (an earlier test may have installed the Chinese translation).
    for source in (
        "An unexpected error stopped this piece of work.",
        "What was already saved stays saved. The change you were making when it happened was "
        "not half-written: every change is saved whole or not at all.",
        "What to do: try again. If it happens again, send the log file to the county office's "
        "IT contact, with a note of what you were doing.",
    ):
        assert QCoreApplication.translate("ErrorDialog", source) in words
    assert str(log_file.parent) in words and log_file.name in words
    # The exception's own text is not the message; the details hold type and traceback only
    # behind the toggle, scrubbed.
    assert "row 7" not in words and "黄志强" not in words
    assert not dialog.details_view.isVisible()
    dialog.toggle.click()
    assert dialog.details_view.isVisible()
    details = dialog.details_view.toPlainText()
    assert details.startswith("Boom") and "Traceback" in details and "in boom" in details
    assert "13812348000" not in details and "138****8000" in details
    assert "45033219900101123X" not in details and "450332********123X" in details
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR desktop.app: Unexpected error" in text and "Boom" in text
    assert "13812348000" not in text and "45033219900101123X" not in text
    dialog.close()
    qtbot.waitUntil(lambda: not shown(), timeout=2000)


def test_a_burst_of_errors_opens_one_dialog_and_logs_each(qtbot, hooked) -> None:
    reporter, log_file = hooked
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=5000)
    for _ in range(2):  # while it is open
        QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: "2" in shown()[0].more.text(), timeout=5000)
    assert len(shown()) == 1 and shown()[0] is reporter.dialog
    assert log_file.read_text(encoding="utf-8").count("Unexpected error") == 3
    reporter.dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=2000)
    QTimer.singleShot(0, boom)  # after it is closed, the next error is shown again
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=5000)


def test_an_exception_in_a_worker_thread_is_shown_on_the_main_thread(qtbot, hooked) -> None:
    reporter, log_file = hooked
    worker = threading.Thread(target=boom, name="worker")
    worker.start()
    worker.join(timeout=10)
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=5000)
    assert reporter.dialog is not None
    assert reporter.dialog.thread() is QApplication.instance().thread()
    assert "Boom" in log_file.read_text(encoding="utf-8")


def test_a_dialog_that_cannot_be_shown_falls_back_to_the_log(qtbot, hooked, monkeypatch) -> None:
    """No recursion: the failure to show is logged once, and nothing loops."""
    _reporter, log_file = hooked

    class Broken(ErrorDialog):
        def __init__(self, *args: object) -> None:
            raise TypeError("cannot build the dialog")

    monkeypatch.setattr(error_dialog, "ErrorDialog", Broken)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: "could not be shown" in log_file.read_text(encoding="utf-8"))
    qtbot.wait(200)  # room for any loop to show itself
    text = log_file.read_text(encoding="utf-8")
    assert text.count("Unexpected error") == 1 and text.count("could not be shown") == 1
    assert not shown()


def test_the_buttons_open_the_log_folder_and_copy_the_details(qtbot, hooked, monkeypatch) -> None:
    _reporter, log_file = hooked
    opened: list[QUrl] = []
    monkeypatch.setattr(error_dialog, "open_url", opened.append)
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=5000)
    dialog = shown()[0]
    dialog.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(log_file.parent))]
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied == dialog.details and "Boom" in copied and "13812348000" not in copied


def test_without_a_log_the_dialog_says_to_copy_the_details(qtbot) -> None:
    dialog = ErrorDialog("Boom", "Boom\nTraceback", None)
    qtbot.addWidget(dialog)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    source = (
        "No log file could be written on this computer: use “Copy the details” and send them "
        "instead."
    )
    assert QCoreApplication.translate("ErrorDialog", source) in words
    assert not dialog.open_folder_button.isEnabled()


def test_importing_the_program_installs_no_hook(qtbot) -> None:
    """Only run_gui installs them: tests and the command line keep their own."""
    for hook in (sys.excepthook, threading.excepthook):
        assert not isinstance(getattr(hook, "__self__", None), ErrorReporter)
