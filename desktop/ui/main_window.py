"""The main window: four register tabs over one database, painted before the database opens."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.db.location import shown
from desktop.domain.errors import DatabaseDamaged, Refusal, SchemaTooNew
from desktop.ui import prompts
from desktop.ui.banner import ClockBanner, ReadOnlyBanner
from desktop.ui.i18n import message
from desktop.ui.layout_memory import LayoutMemory, remember_all
from desktop.ui.menus import add_action
from desktop.ui.settings import LAST_TAB, WINDOW_GEOMETRY, UiSettings
from desktop.ui.tab_specs import REGISTER_TABS, TAB_SPECS

if TYPE_CHECKING:
    from desktop.services import Services

BUNDLE_SUFFIX = ".ldbundle"
Opener = Callable[[Path], "Services"]


def _tab_property(attr: str) -> property:
    return property(lambda self: self.tab(attr))


class MainWindow(QMainWindow):
    first_painted = Signal()
    database_attached = Signal()
    rows_shown = Signal()  # the visible tab's first rows are on screen

    def __init__(
        self, settings: UiSettings, today: Callable[[], dt.date] = dt.date.today, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.layout_memory = LayoutMemory(settings)  # column widths, splitters: see closeEvent
        self.services: Services | None = None
        self._opener: Opener | None = None
        self._painted = False
        self.setWindowTitle(self.tr("Liaison Desk"))
        self.resize(1200, 760)
        self._today = today
        self._built: dict[str, Any] = {}
        self.tabs = QTabWidget()
        for _attr, _module, _cls, caption in TAB_SPECS:
            self.tabs.addTab(QWidget(), QCoreApplication.translate("MainWindow", caption))
        self.read_only_banner = ReadOnlyBanner()  # above the tabs, when read-only
        self.clock_banner = ClockBanner()  # and when this PC's date cannot be right
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.clock_banner)
        column.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.site_label = QLabel(self.tr("Opening the database…"))
        self.count_label = QLabel()
        self.statusBar().addWidget(self.site_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._counts: dict[Any, str] = {}
        self.tabs.currentChanged.connect(lambda _i: self._show_count())
        self.tabs.currentChanged.connect(lambda _i: self._attach_current())
        self._pending: set[Any] = set()
        self._writable = False
        self._build_menus()
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(settings.get(LAST_TAB))
        # The visible tab is built right after the first paint (its imports and widgets cost
        # about as much as the bare window): the frame, menus and tab bar come first.
        self.first_painted.connect(lambda: QTimer.singleShot(0, self, self._build_visible_tab))

    deputies_tab = _tab_property("deputies_tab")
    duty_tab = _tab_property("duty_tab")
    feedback_tab = _tab_property("feedback_tab")
    activities_tab = _tab_property("activities_tab")
    programmes_tab = _tab_property("programmes_tab")
    points_tab = _tab_property("points_tab")
    bundles_tab = _tab_property("bundles_tab")
    dashboard_tab = _tab_property("dashboard_tab")

    def tab(self, attr: str) -> Any:
        """The tab named ``attr``, built (and put in its place) the first time it is needed."""
        if attr in self._built:
            return self._built[attr]
        index = next(i for i, spec in enumerate(TAB_SPECS) if spec[0] == attr)
        _, module, cls, caption = TAB_SPECS[index]
        widget = getattr(importlib.import_module(module), cls)(today=self._today)
        self._built[attr] = widget
        widget.setObjectName(attr)  # its tables' widths are kept under this name
        remember_all(widget)
        widget.counts_changed.connect(lambda text, t=widget: self._set_count(t, text))
        if attr == "deputies_tab":
            widget.points_requested.connect(self.show_deputy_points)
        if attr == "feedback_tab":  # a case's chain opens its fund projects
            widget.detail.fund_project_requested.connect(self.show_fund_project)
        if attr == "bundles_tab":
            widget.records_changed.connect(self.reload_tabs)
            widget.export_requested.connect(self.bundle_actions.export_bundle)
            widget.import_requested.connect(self.bundle_actions.import_bundles)
            widget.write_again_requested.connect(self.bundle_actions.write_again)
        if attr == "dashboard_tab":
            widget.records_requested.connect(self.show_records)
            widget.deputy_requested.connect(
                lambda drill, deputy: (self.show_records(drill), self.show_deputy_points(deputy))
            )
            widget.report_requested.connect(self.write_annual_report)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        placeholder = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, QCoreApplication.translate("MainWindow", caption))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return widget

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = add_action(
            self, file_menu, self.tr("&Open database…"), self.choose_database
        )
        file_menu.addSeparator()
        from desktop.ui.backup_actions import BackupActions

        self.backup_actions = BackupActions(self, file_menu)
        file_menu.addSeparator()
        self.quit_action = add_action(self, file_menu, self.tr("&Quit"), self.close)
        from desktop.ui.shortcuts import RecordActions, set_keys_after_paint

        self.record_actions = RecordActions(self)  # new record, find, refresh
        from desktop.ui.ledger_actions import LedgerActions

        self.ledger_actions = LedgerActions(self, self.current_table)
        self.ledger_actions.records_imported.connect(lambda _kind: self.reload_tabs())
        ledger_menu = next(
            o for o in self.ledger_actions.print_action.associatedObjects() if isinstance(o, QMenu)
        )
        ledger_menu.addSeparator()
        self.report_action = QAction(self.tr("&Annual report…"), self)
        self.report_action.triggered.connect(lambda _checked=False: self.write_annual_report())
        self.report_action.setEnabled(False)
        ledger_menu.addAction(self.report_action)
        # The 数据包 menu's title now, its items right after the first paint (their modules
        # cost about a tenth of the bare window): see bundle_actions below.
        self._bundle_menu = self.menuBar().addMenu(
            QCoreApplication.translate("BundleActions", "&Bundles")
        )
        self._bundle_actions: Any = None
        self.first_painted.connect(lambda: QTimer.singleShot(0, self, lambda: self.bundle_actions))
        keys = ((self.open_action, "Open"), (self.quit_action, "Quit"))
        keys += ((self.ledger_actions.print_action, "Print"), *self.record_actions.keys)
        set_keys_after_paint(self, keys)  # after the first paint: see desktop.ui.shortcuts
        from desktop.ui.admin_actions import AdminActions

        self.admin_actions = AdminActions(self, self.menuBar().addMenu(self.tr("&Manage")))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        add_action(self, help_menu, self.tr("&About Liaison Desk"), self.show_about)

    # --- start-up: paint first, then open the database -----------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def open_later(
        self, opener: Opener, path: Path, first_rows: Callable[[str], Any] | None = None
    ) -> None:
        """Open ``path`` once the window is on screen (SQLAlchemy's import alone costs more
        than painting the whole window). ``first_rows(tab)`` may hand over the visible tab's
        rows read without the services, shown before they load."""
        self._opener = opener

        def start() -> None:
            if first_rows is not None:
                rows = first_rows(TAB_SPECS[self.tabs.currentIndex()][0])
                if rows:
                    self.show_first_rows(rows)
            QTimer.singleShot(0, self, lambda: self.open_database(path))  # after the rows paint

        if self._painted:
            start()
        else:
            self.first_painted.connect(start)

    def _build_visible_tab(self) -> None:
        self.tab(TAB_SPECS[self.tabs.currentIndex()][0])

    def show_first_rows(self, rows: list[Any]) -> None:
        """Rows for the visible tab before the services are up (replaced when they are)."""
        tab = self.tab(TAB_SPECS[self.tabs.currentIndex()][0])
        if self.services is None and hasattr(tab, "model"):
            tab.model.set_rows(rows)
            tab.table.viewport().repaint()
            self.rows_shown.emit()

    def open_database(self, path: Path) -> bool:
        assert self._opener is not None
        try:
            services = self._opener(path)
        except Exception as exc:  # shown, not swallowed: the message says what to do
            if self.backup_actions.recover(path, exc):  # a damaged file: a backup instead
                return True
            if not isinstance(exc, DatabaseDamaged):  # the recovery dialog has said it all
                title = self.tr("Cannot open the database")
                prompts.error(self, title, self._open_error(exc, path))
            self.site_label.setText(self.tr("No database open"))
            return False
        self.attach(services)
        return True

    def _open_error(self, exc: Exception, path: Path | str) -> str:
        where = shown(path)  # a server's URL without its password
        if isinstance(exc, SchemaTooNew):
            return self.tr(
                "The database {0} was written by a newer version of Liaison Desk. "
                "Install the newer version to open it; nothing has been changed."
            ).format(where)
        if isinstance(exc, Refusal):  # a database file on a network share, for one
            return message(exc)
        return self.tr("The database {0} could not be opened: {1}").format(where, exc)

    def attach(self, services: Services) -> None:
        if self.services is not None and self.services is not services:
            self.services.close()
        self.services = services
        if services.site.current() is None and not services.db.read_only:
            from desktop.ui.setup_dialog import SetupDialog  # first run only

            SetupDialog(services, self).exec()
        if not self.admin_actions.sign_in(services):  # sign-in required, and nobody did
            self.services = None
            services.close()
            self.site_label.setText(self.tr("Not signed in: no records are shown"))
            return
        site = services.site.current()
        self._writable = site is not None and not services.db.read_only
        self.read_only_banner.show_for(services.db.read_only)
        from desktop.services.clock_check import ClockCheck

        self.clock_banner.show_warning(ClockCheck(services.db, self._today).check())
        self.ledger_actions.set_services(services, self._writable)
        self.bundle_actions.set_services(services, self._writable)
        self.backup_actions.set_services(services, self._writable)
        self.report_action.setEnabled(site is not None and site.role.value == "county")
        # Only the visible tab loads now; the others when first shown (a faster first screen).
        self._pending = {spec[0] for spec in TAB_SPECS}
        self._attach_current()
        self.rows_shown.emit()
        name = site.name if site else self.tr("(not set up)")
        self.site_label.setText(self.tr("{0} — database: {1}").format(name, services.db.where))
        self.setWindowTitle(self.tr("Liaison Desk — {0}").format(name))
        self.database_attached.emit()

    def open_files(self, files: list[Path]) -> None:
        """Files handed to the program (a bundle double-clicked, or passed on by a second
        start on this database): bundles are checked and imported as from the menu."""
        bundles = [f for f in files if f.suffix.lower() == BUNDLE_SUFFIX]
        if bundles and self.services is not None:
            self.raise_()
            self.activateWindow()
            self.bundle_actions.import_bundles(bundles)

    def show_records(self, drill: Any) -> None:
        """The records behind a dashboard figure (a Drill): its register tab, filtered."""
        attr, page = REGISTER_TABS[drill.register]
        tab = self.tab(attr)
        self.tabs.setCurrentWidget(tab)  # attaches it on first showing
        if page:
            tab.inner.setCurrentWidget(getattr(tab, page))
            tab = getattr(tab, page)
        if drill.points_band:
            tab.apply_filter(drill.filter, points_band=drill.points_band)
        else:
            tab.apply_filter(drill.filter)

    def write_annual_report(self, year: int | None = None) -> None:
        """The annual report: the year (the dashboard's first), a file, then the writing."""
        from desktop.ui.report_actions import write_annual_report

        if self.services is not None:
            if year is None and "dashboard_tab" in self._built:
                year = self.dashboard_tab.chosen_year()
            write_annual_report(self, self.services, year)

    def show_fund_project(self, fund_project_id: Any) -> None:
        self.tabs.setCurrentWidget(self.programmes_tab)
        self.programmes_tab.show_fund_project(fund_project_id)

    def show_deputy_points(self, deputy_id: Any) -> None:
        self.tabs.setCurrentWidget(self.points_tab)
        self.points_tab.select_deputy(deputy_id)

    def _attach_current(self) -> None:
        attr = TAB_SPECS[self.tabs.currentIndex()][0]
        tab = self.tab(attr)
        if attr in self._pending and self.services is not None:
            self._pending.discard(attr)
            tab.attach(self.services, self._writable)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Liaison Desk database (*.sqlite *.db)")
        )
        if path:
            self.open_database(Path(path))

    # --- the rest -------------------------------------------------------------------------

    def current_table(self) -> tuple[str, Any] | None:
        """The record kind and filter of the table on screen (None: the points register)."""
        tab = self.tabs.currentWidget()
        if hasattr(tab, "current_table"):
            tab = tab.current_table()
        kind = getattr(tab, "record_kind", "")
        return (kind, tab.current_filter()) if kind else None

    def reload_tabs(self, only: tuple[str, ...] = ()) -> None:
        """After an import: every tab already showing data (or those in ``only``) lists it
        again."""
        for attr, widget in self._built.items():
            if only and attr not in only:
                continue
            if attr not in self._pending and hasattr(widget, "reload"):
                widget.reload()

    @property
    def bundle_actions(self) -> Any:
        """The 数据包 menu's actions (desktop.ui.bundle_actions), built on first use."""
        if self._bundle_actions is None:
            from desktop.ui.bundle_actions import BundleActions

            self._bundle_actions = BundleActions(self, self._bundle_menu)
            self._bundle_actions.bundles_imported.connect(self.reload_tabs)
            self._bundle_actions.bundles_listed.connect(self._bundles_listed)
            if self.services is not None:
                self._bundle_actions.set_services(self.services, self._writable)
        return self._bundle_actions

    def _bundles_listed(self) -> None:
        """After an export: the 数据包 tab lists it, the register tabs' Sent column moves."""
        self.reload_tabs(("bundles_tab",))
        for widget in self._built.values():
            refresh = getattr(widget, "refresh_sent", None)
            if refresh is not None:
                refresh()

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
        self.layout_memory.save()
        self.settings.sync()
        if self.services is not None:
            self.services.close()
            self.services = None
        super().closeEvent(event)
