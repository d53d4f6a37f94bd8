"""The overview tab (概览): a year's figures for the county, a township or a station, as tiles and
charts that open their records, and the stations' reporting completeness.

Counting runs off the UI thread (tasks.run_task, without a dialog: the tab says "counting…" and
the window stays usable); a newer request makes an older result void. The counted figures show
first; the points bands and top deputies follow (every deputy's register under the rules takes
seconds on a prefecture, the counts a fraction of one). QtCharts loads with the first figures
(desktop.ui.dashboard_charts), never at start-up.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import SiteRole
from desktop.domain.figures import Completeness, Drill, Figures, Scope
from desktop.ui.dashboard_tiles import TileGrid
from desktop.ui.i18n import date_text, label, message
from desktop.ui.tabs.completeness import CompletenessPage

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.ui.dashboard_charts import BarChart, ChartPanel


class DashboardTab(QWidget):
    counts_changed = Signal(str)
    records_requested = Signal(object)  # a Drill: the window opens its register tab
    deputy_requested = Signal(object, object)  # a Drill to the points register, a deputy's id
    report_requested = Signal(int)  # the year: the annual report
    counted_shown = Signal(object)  # Figures without their points, once on screen
    figures_shown = Signal(object)  # Figures with their points, once on screen (tests wait)
    completeness_shown = Signal(object)  # Completeness

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._today = today
        self.services: Services | None = None
        self.figures: Figures | None = None
        self.chart_panel: ChartPanel | None = None  # built with the first figures
        self._scopes: list[Scope] = []
        self._township_of: dict[Any, Any] = {}  # station -> township (completeness by scope)
        self._generation = {"figures": 0, "completeness": 0}
        self._stale = {"figures": True, "completeness": True}
        self.year = QComboBox()
        self.scope = QComboBox()
        self.scope.setMinimumContentsLength(32)  # "Whole county (...)" and the county's name
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.report_button = QPushButton(self.tr("Annual report…"))
        self.status = QLabel()
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Year")), self.year, QLabel(self.tr("Scope")), self.scope):
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.report_button)
        self.tiles = TileGrid()
        self.tiles.figure_clicked.connect(lambda figure: self.open_figure(figure))
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.addWidget(self.tiles)
        self.content_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.completeness = CompletenessPage()
        self.pages = QTabWidget()
        self.pages.addTab(scroll, self.tr("Figures"))
        self.pages.addTab(self.completeness, self.tr("Reporting completeness"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(lambda: self.report_requested.emit(self.chosen_year()))
        self.pages.currentChanged.connect(lambda _i: self._count_stale())
        self.report_button.setEnabled(False)
        self.refresh_button.setEnabled(False)

    # --- choosers ---------------------------------------------------------------------------

    def attach(self, services: Services, writable: bool = True) -> None:
        self.services = services
        site = services.site.current()
        county = site is not None and site.role is SiteRole.COUNTY
        # Completeness is the county's question: only it enrols stations and receives bundles.
        self.pages.setTabVisible(1, county)
        self.report_button.setVisible(county)
        self.report_button.setEnabled(county)
        self.refresh_button.setEnabled(True)
        self._fill_choosers(site)
        self.refresh()

    def reload(self) -> None:
        """After an import: the lists of years and places, then the figures, again."""
        if self.services is not None:
            self._fill_choosers(self.services.site.current())
            self.refresh()

    def _fill_choosers(self, site: Any) -> None:
        assert self.services is not None
        county = self.services.county
        years, scopes = county.years(), county.scopes()
        stations = {s.id: s.parent_id for s in self.services.reference.stations()}
        self._township_of = stations
        if site is not None and site.role is SiteRole.STATION:
            scopes = [s for s in scopes if s.kind == "station" and s.id == site.station_id]
        elif site is not None and site.role is SiteRole.TOWNSHIP:
            scopes = [
                s for s in scopes
                if s.id == site.township_id or stations.get(s.id) == site.township_id
            ]  # fmt: skip
        chosen_year = self.year.currentData()
        chosen = self.chosen_scope() if self._scopes else None
        for combo in (self.year, self.scope):
            combo.blockSignals(True)
            combo.clear()
        this_year = self._today().year
        for year in years:
            self.year.addItem(str(year), year)
        self._scopes = _ordered(scopes, stations)
        for i, scope in enumerate(self._scopes):
            self.scope.addItem(_scope_text(scope), i)
        default_year = this_year if this_year in years else years[0]
        self.year.setCurrentIndex(max(0, self.year.findData(chosen_year or default_year)))
        same = (chosen.kind, chosen.id) if chosen else None
        again = next((i for i, s in enumerate(self._scopes) if (s.kind, s.id) == same), 0)
        self.scope.setCurrentIndex(again)
        for combo in (self.year, self.scope):
            combo.blockSignals(False)

    def chosen_year(self) -> int:
        return self.year.currentData() or self._today().year

    def chosen_scope(self) -> Scope:
        index = self.scope.currentData()
        return self._scopes[index] if index is not None and self._scopes else Scope()

    def choose_scope(self, scope_id: Any) -> None:
        """Show the scope of ``scope_id`` (a township's or a station's id; None: the county)."""
        index = next((i for i, s in enumerate(self._scopes) if s.id == scope_id), 0)
        self.scope.setCurrentIndex(self.scope.findData(index))

    # --- counting off the UI thread -----------------------------------------------------------

    def refresh(self) -> None:
        self._stale = {"figures": True, "completeness": True}
        self._count_stale()

    def _count_stale(self) -> None:
        if self.services is None:
            return
        page = "completeness" if self.pages.currentWidget() is self.completeness else "figures"
        if self._stale[page]:
            self._stale[page] = False
            self._count(page)

    def _count(self, page: str) -> None:
        from desktop.ui import tasks

        assert self.services is not None
        services, year, scope = self.services, self.chosen_year(), self.chosen_scope()
        self._generation[page] += 1
        generation = self._generation[page]
        started = time.perf_counter()
        self.status.setText(self.tr("Counting…"))
        if page == "figures":

            def work(_progress: Any, _cancelled: Any) -> Any:
                return services.county.figures(year, scope, label=label, with_points=False)

        else:
            township = scope.id if scope.kind == "township" else self._township_of.get(scope.id)

            def work(_progress: Any, _cancelled: Any) -> Any:
                return services.county_completeness.completeness(
                    year, township_id=township if scope.kind != "county" else None
                )

        def done(result: Any) -> None:
            if generation != self._generation[page]:
                return  # the year or scope changed while it counted
            self.status.setText(self.tr("As of {0}").format(date_text(result.as_of)))
            seconds = f"{time.perf_counter() - started:.1f}"
            self.status.setToolTip(self.tr("Counted in {0} seconds").format(seconds))
            if page == "figures":
                self.show_figures(result)
                if not result.points_counted:
                    self._count_points(generation, year, scope)
            else:
                self.show_completeness(result, scope)

        tasks.run_task(
            self, self.tr("Counting"), work, done, on_failed=self._failed(page, generation),
            quiet=True,
        )  # fmt: skip

    def _count_points(self, generation: int, year: int, scope: Scope) -> None:
        """The same figures with the points bands and top deputies (the year's count is kept:
        only the registers are computed now)."""
        from desktop.ui import tasks

        assert self.services is not None
        services = self.services
        self.status.setText(self.tr("Counting every deputy's points…"))

        def work(_progress: Any, _cancelled: Any) -> Any:
            return services.county.figures(year, scope, label=label)

        def done(result: Any) -> None:
            if generation == self._generation["figures"]:
                self.status.setText(self.tr("As of {0}").format(date_text(result.as_of)))
                self.show_figures(result)

        tasks.run_task(
            self, self.tr("Counting"), work, done, on_failed=self._failed("figures", generation),
            quiet=True,
        )  # fmt: skip

    def _failed(self, page: str, generation: int) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if generation == self._generation[page]:
                text = message(exc) if isinstance(exc, Exception) else type(exc).__name__
                self.status.setText(self.tr("The figures could not be counted: {0}").format(text))

        return failed

    # --- showing ----------------------------------------------------------------------------

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        self.tiles.show_figures(figures)
        if self.chart_panel is None:
            from desktop.ui.dashboard_charts import ChartPanel  # QtCharts: now, not at start-up

            self.chart_panel = ChartPanel()
            self.chart_panel.figure_clicked.connect(self.open_figure)
            self.chart_panel.deputy_clicked.connect(self._deputy_clicked)
            self.content_layout.insertWidget(1, self.chart_panel)
        self.chart_panel.show_figures(figures)
        self.counts_changed.emit(
            self.tr("{0}, {1}: as of {2}").format(
                figures.year, _scope_text(figures.scope).strip(), date_text(figures.as_of)
            )
        )
        (self.figures_shown if figures.points_counted else self.counted_shown).emit(figures)

    def show_completeness(self, completeness: Completeness, scope: Scope) -> None:
        station = scope.id if scope.kind == "station" else None
        self.completeness.show_completeness(completeness, station)
        self.completeness_shown.emit(completeness)

    # --- drilling down ----------------------------------------------------------------------

    @property
    def charts(self) -> dict[str, BarChart]:
        return self.chart_panel.charts if self.chart_panel is not None else {}

    def open_figure(self, figure: str, key: str = "", scope: Scope | None = None) -> None:
        """Ask the window to list the records behind ``figure`` (``key``: a bar's)."""
        if self.services is None or self.figures is None:
            return
        scope = scope or self.figures.scope
        drill: Drill = self.services.county.drill(self.figures.year, scope, figure, key)
        self.records_requested.emit(drill)

    def _deputy_clicked(self, deputy_id: Any) -> None:
        """A top deputy: the points register of the year, that deputy chosen."""
        if self.services is not None and self.figures is not None:
            drill = self.services.county.drill(
                self.figures.year, self.figures.scope, "top_deputies"
            )
            self.deputy_requested.emit(drill, deputy_id)


def _ordered(scopes: list[Scope], township_of: dict[Any, Any]) -> list[Scope]:
    """The county, then each township followed by its stations."""
    towns = [s for s in scopes if s.kind == "township"]
    stations = [s for s in scopes if s.kind == "station"]
    out = [s for s in scopes if s.kind == "county"]
    for town in towns:
        out.append(town)
        out.extend(s for s in stations if township_of.get(s.id) == town.id)
    placed = {s.id for s in out}
    out.extend(s for s in stations if s.id not in placed)
    return out


def _scope_text(scope: Scope) -> str:
    if scope.kind == "county":
        if not scope.name:
            return QCoreApplication.translate("DashboardTab", "Whole county")
        return QCoreApplication.translate("DashboardTab", "Whole county ({0})").format(scope.name)
    return ("    " if scope.kind == "station" else "  ") + scope.name
