"""Composition root for the window: QApplication, translations, window painted, then database."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, paths

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
    """The window on ``db_path``; ``files`` (bundles) are handed to it once it is open."""
    from desktop.ui.i18n import install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    app = app or QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    install_translators(app, language)
    window = MainWindow(UiSettings(paths.settings_file()))
    if os.environ.get(STARTUP_PROBE):
        _probe(window)
    window.show()
    window.open_later(_open_services, db_path, lambda tab: _first_rows(db_path, tab))
    return app.exec()


def _first_rows(path: Path | str, tab: str) -> list | None:
    """The roster read with sqlite3 alone, when the deputies tab is the one on screen (not
    from a server: its rows come with the services)."""
    if tab != "deputies_tab" or not isinstance(path, Path) or not path.is_file():
        return None
    from desktop.db import location, quick

    if location.is_network_share(path):  # refused when the services open it: show nothing
        return None

    return quick.roster(path)


def _probe(window) -> None:
    """Report start-up milestones on stdout (monotonic ns since boot) and quit."""

    def painted() -> None:
        print(f"painted {time.monotonic_ns()}", flush=True)

    shown: list[bool] = []

    def rows() -> None:
        if not shown:  # the first time the visible tab's rows are on screen
            shown.append(True)
            window.tabs.currentWidget().repaint()
            print(f"rows {time.monotonic_ns()}", flush=True)

    def attached() -> None:
        QTimer.singleShot(0, QApplication.quit)  # the whole start, services included, is done

    window.rows_shown.connect(rows)
    window.first_painted.connect(painted)
    window.database_attached.connect(attached)
