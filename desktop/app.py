"""Composition root for the window: QApplication, translations, log, one window per database,
error hooks, window painted, then database."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__, paths
from desktop.domain.scrub import scrub

if TYPE_CHECKING:
    from desktop.ui.error_dialog import ErrorDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.single_instance import InstanceGuard

_log = logging.getLogger(__name__)
# Set by the start-up benchmark: print when the window is painted and when rows are on screen.
STARTUP_PROBE = "LIAISON_DESK_STARTUP_PROBE"


def _open_services(path: Path | str):
    """A file (backed up beside itself before a migration) or a PostgreSQL server URL."""
    from desktop.services import open_services

    backups = paths.backup_dir_for(path) if isinstance(path, Path) else None
    return open_services(path, backup_dir=backups)


def run_gui(
    db_path: Path | str,
    language: str,
    app: QApplication | None = None,
    files: list[Path] | None = None,
) -> int:
    """The window on ``db_path``; ``files`` (bundles) are handed to it once it is open. A
    second start on the same database hands its files to the window already open instead."""
    from desktop.logs import hold_records
    from desktop.ui import single_instance
    from desktop.ui.i18n import install_translators

    app = app or QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    set_window_icon(app)
    install_translators(app, language)
    hold_records()  # the file itself opens after the first paint (see start_log)
    outcome, guard = single_instance.claim(db_path, list(files or []))
    if outcome is not single_instance.Outcome.FIRST:  # no window of its own: log it now
        from desktop.logs import setup_logging

        setup_logging()
    if outcome is single_instance.Outcome.HANDED_OVER:
        return 0
    if outcome is single_instance.Outcome.NOT_RESPONDING:
        single_instance.already_open_box(db_path).exec()
        return 1
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    _log.info("Liaison Desk %s started", __version__)
    reporter = install_error_hooks(None, app)
    window = MainWindow(UiSettings(paths.settings_file()))
    window.first_painted.connect(lambda: QTimer.singleShot(0, reporter, reporter.start_log))
    if os.environ.get(STARTUP_PROBE):
        _probe(window)
    window.show()
    window.open_later(_open_services, db_path, lambda tab: _first_rows(db_path, tab))
    accept_files(window, guard)  # after open_later: the first rows come before the socket
    if files:
        bring_forward(window, list(files))
    try:
        return app.exec()
    finally:
        guard.release()
        reporter.uninstall()


def accept_files(window: MainWindow, guard: InstanceGuard) -> None:
    """Later starts on this database are answered from when the window is painted (the
    socket's module would cost the first paint about 5 ms; a later start waits meanwhile),
    before the database opens: a slow opening then reads as busy, never as a lock nobody
    serves. Their files are opened in this window."""
    window.first_painted.connect(guard.listen)
    guard.files_received.connect(lambda files: bring_forward(window, files))


def bring_forward(window: MainWindow, files: list[Path]) -> None:
    """Raise the window (a second start means the clerk is looking for it) and open
    ``files``, once the database is attached if it is not yet."""
    if window.isMinimized():  # back as it was: a maximized window stays maximized
        from PySide6.QtCore import Qt

        state = window.windowState() & ~Qt.WindowState.WindowMinimized
        window.setWindowState(state | Qt.WindowState.WindowActive)
    window.raise_()
    window.activateWindow()
    if not files:
        return
    if window.services is not None:
        _open_when_free(window, files)
        return

    def attached() -> None:
        window.database_attached.disconnect(attached)
        _open_when_free(window, files)

    window.database_attached.connect(attached)


def _open_when_free(window: MainWindow, files: list[Path]) -> None:
    """Not while a modal dialog is open (a bundle's import plan, say): a hand-over arrives
    inside its event loop, and a second import must not start in the middle of the first."""
    if QApplication.activeModalWidget() is not None:
        QTimer.singleShot(300, window, lambda: _open_when_free(window, files))
        return
    window.open_files(files)


def set_window_icon(app: QApplication) -> None:
    """The red seal in every window's title bar and on the taskbar (the .exe carries the
    same icon for Explorer); QIcon reads the file when a window first needs it."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "liaison-desk.png"))))


def _first_rows(path: Path | str, tab: str) -> list | None:
    """The roster read with sqlite3 alone, when the deputies tab is the one on screen (not
    from a server: its rows come with the services)."""
    if tab != "deputies_tab" or not isinstance(path, Path) or not path.is_file():
        return None
    from desktop.db import location, quick

    if location.is_network_share(path):  # refused when the services open it: show nothing
        return None

    return quick.roster(path, limit=quick.FIRST_SCREEN)


# Modules the first screen does without: each loads when its work is first asked for.
HEAVY_MODULES = (
    *("sqlalchemy", "alembic", "reportlab", "openpyxl", "python_calamine", "cryptography"),
    *("pypdfium2", "psycopg", "PySide6.QtCharts", "PySide6.QtPrintSupport", "logging.handlers"),
)


def _probe(window) -> None:
    """Report start-up milestones on stdout (monotonic ns since boot), and the heavy modules
    loaded at each, then quit."""

    def loaded(stage: str) -> None:
        names = [m for m in HEAVY_MODULES if m in sys.modules]
        # PySide6 builds the Qt namespace's hundred enums (11 ms) when it is first imported.
        if "Qt" in vars(sys.modules["PySide6.QtCore"]):
            names.append("Qt namespace")
        print(f"loaded-{stage} {','.join(names)}")

    def painted() -> None:
        print(f"painted {time.monotonic_ns()}", flush=True)
        loaded("at-paint")

    shown: list[bool] = []

    def rows() -> None:
        if not shown:  # the first time the visible tab's rows are on screen
            shown.append(True)
            window.tabs.currentWidget().repaint()
            print(f"rows {time.monotonic_ns()}", flush=True)

    def attached() -> None:
        loaded("when-open")
        QTimer.singleShot(0, QApplication.quit)  # the whole start, services included, is done

    window.rows_shown.connect(rows)
    window.first_painted.connect(painted)
    window.database_attached.connect(attached)


# --- uncaught exceptions: logged, then one dialog on the main thread -------------------


def details_text(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """For the log and the details area: the type and the traceback, phones and IDs masked."""
    lines = traceback.format_exception(exc_type, exc, tb)
    return scrub(f"{exc_type.__name__} (Liaison Desk {__version__})\n\n{''.join(lines)}")


class ErrorReporter(QObject):
    """sys.excepthook and threading.excepthook: log, then one dialog on the main thread."""

    raised = Signal(str, str)  # the exception's type name, the scrubbed details

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None
        self._previous: tuple[Any, Any] | None = None
        # Shown from the event loop even when raised on the main thread: the hook may run
        # inside a paint or a half-done slot. (A timer, not Qt.QueuedConnection: the Qt
        # namespace's hundred enums would cost the first paint 11 ms.)
        self.raised.connect(
            lambda name, details: QTimer.singleShot(0, self, lambda: self._show(name, details))
        )

    def start_log(self) -> None:
        """Open the log file (what was logged before it is written first); an error that
        comes sooner opens it itself."""
        from desktop.logs import setup_logging

        self.log_file = setup_logging()

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a console: not an error
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def report(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Any thread: log now, show on the main thread (the signal is queued there)."""
        try:
            if self.log_file is None:
                self.start_log()
            details = details_text(exc_type, exc, tb)
            _log.error("Unexpected error\n%s", details)
            self.raised.emit(exc_type.__name__, details)
        except Exception:  # never let the hook itself raise: that would come back here
            pass

    def _show(self, type_name: str, details: str) -> None:
        try:
            if self.dialog is not None:  # a burst of errors: one dialog, counting the others
                self.dialog.add_another()
                return
            from PySide6.QtCore import Qt

            from desktop.ui.error_dialog import ErrorDialog  # its widgets cost 9 ms at start

            dialog = ErrorDialog(type_name, details, self.log_file, QApplication.activeWindow())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(self._closed)
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.show()  # not exec(): the hook returns, and errors arriving meanwhile queue
            self.dialog = dialog
        except Exception:  # showing failed: the log has it; nothing is raised (no recursion)
            _log.exception("The error dialog could not be shown")

    def _closed(self) -> None:
        self.dialog = None


def install_error_hooks(log_file: Path | None, parent: QObject | None = None) -> ErrorReporter:
    """From run_gui only (not at import): tests and the command line keep their own hooks."""
    reporter = ErrorReporter(log_file, parent)
    reporter.install()
    return reporter
