"""The main window: four register tabs over one database, painted before the database opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget

from desktop import __version__
from desktop.domain.errors import SchemaTooNew
from desktop.ui import prompts
from desktop.ui.settings import LAST_TAB, WINDOW_GEOMETRY, UiSettings
from desktop.ui.setup_dialog import SetupDialog
from desktop.ui.tabs.activities import ActivitiesTab
from desktop.ui.tabs.deputies import DeputiesTab
from desktop.ui.tabs.duty import DutyTab
from desktop.ui.tabs.feedback import FeedbackTab
from desktop.ui.tabs.points import PointsTab

if TYPE_CHECKING:
    from desktop.services import Services

Opener = Callable[[Path], "Services"]


class MainWindow(QMainWindow):
    first_painted = Signal()
    database_attached = Signal()

    def __init__(
        self, settings: UiSettings, today: Callable[[], dt.date] = dt.date.today, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services: Services | None = None
        self._opener: Opener | None = None
        self._painted = False
        self.setWindowTitle(self.tr("Liaison Desk"))
        self.resize(1200, 760)
        self.tabs = QTabWidget()
        self.deputies_tab = DeputiesTab(today=today)
        self.duty_tab = DutyTab(today)
        self.feedback_tab = FeedbackTab(today)
        self.activities_tab = ActivitiesTab(today)
        self.points_tab = PointsTab(today)
        self.tabs.addTab(self.deputies_tab, self.tr("Deputies"))
        self.tabs.addTab(self.duty_tab, self.tr("Duty days and visits"))
        self.tabs.addTab(self.feedback_tab, self.tr("Feedback"))
        self.tabs.addTab(self.activities_tab, self.tr("Deputy activity"))
        self.tabs.addTab(self.points_tab, self.tr("Points register"))
        self.setCentralWidget(self.tabs)
        self.deputies_tab.points_requested.connect(self.show_deputy_points)
        self.site_label = QLabel(self.tr("Opening the database…"))
        self.count_label = QLabel()
        self.statusBar().addWidget(self.site_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._counts: dict[Any, str] = {}
        for tab in self._register_tabs():
            tab.counts_changed.connect(lambda text, t=tab: self._set_count(t, text))
        self.tabs.currentChanged.connect(lambda _i: self._show_count())
        self.tabs.currentChanged.connect(lambda _i: self._attach_current())
        self._pending: set[Any] = set()
        self._writable = False
        self._build_menus()
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(settings.get(LAST_TAB))

    def _register_tabs(self) -> list[Any]:
        return [
            self.deputies_tab,
            self.duty_tab,
            self.feedback_tab,
            self.activities_tab,
            self.points_tab,
        ]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open database…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Liaison Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- start-up: paint first, then open the database -----------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def open_later(self, opener: Opener, path: Path) -> None:
        """Open ``path`` once the window is on screen (SQLAlchemy's import alone costs more
        than painting the whole window)."""
        self._opener = opener
        if self._painted:
            self.open_database(path)
        else:
            self.first_painted.connect(lambda: self.open_database(path))

    def open_database(self, path: Path) -> bool:
        assert self._opener is not None
        try:
            services = self._opener(path)
        except Exception as exc:  # shown, not swallowed: the message says what to do
            prompts.error(self, self.tr("Cannot open the database"), self._open_error(exc, path))
            self.site_label.setText(self.tr("No database open"))
            return False
        self.attach(services)
        return True

    def _open_error(self, exc: Exception, path: Path) -> str:
        if isinstance(exc, SchemaTooNew):
            return self.tr(
                "The database {0} was written by a newer version of Liaison Desk. "
                "Install the newer version to open it; nothing has been changed."
            ).format(path)
        return self.tr("The database {0} could not be opened: {1}").format(path, exc)

    def attach(self, services: Services) -> None:
        if self.services is not None and self.services is not services:
            self.services.close()
        self.services = services
        if services.site.current() is None:
            SetupDialog(services, self).exec()
        site = services.site.current()
        self._writable = site is not None and not services.db.read_only
        # Only the visible tab loads now; the others when first shown (a faster first screen).
        self._pending = set(self._register_tabs())
        self._attach_current()
        name = site.name if site else self.tr("(not set up)")
        self.site_label.setText(self.tr("{0} — database: {1}").format(name, services.db.path))
        self.setWindowTitle(self.tr("Liaison Desk — {0}").format(name))
        self.database_attached.emit()

    def show_deputy_points(self, deputy_id: Any) -> None:
        self.tabs.setCurrentWidget(self.points_tab)
        self.points_tab.select_deputy(deputy_id)

    def _attach_current(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._pending and self.services is not None:
            self._pending.discard(tab)
            tab.attach(self.services, self._writable)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Liaison Desk database (*.sqlite *.db)")
        )
        if path:
            self.open_database(Path(path))

    # --- the rest -------------------------------------------------------------------------

    def _set_count(self, tab: Any, text: str) -> None:
        self._counts[tab] = text
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self._counts.get(self.tabs.currentWidget(), ""))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Liaison Desk"),
            self.tr(
                "Liaison Desk {0}\nRecords and ledgers for people's congress deputy liaison "
                "stations."
            ).format(__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(LAST_TAB, self.tabs.currentIndex())
        self.settings.sync()
        if self.services is not None:
            self.services.close()
            self.services = None
        super().closeEvent(event)
