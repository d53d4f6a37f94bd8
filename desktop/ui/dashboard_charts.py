"""The dashboard's charts (QtCharts, loaded with the first figures, not at start-up): cases per
month, by category, by state, by outcome, deputies by points, activity per township, and the
top deputies beside them. Every bar (and deputy) is clickable: the dashboard opens its records."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.figures import Count, Figures, Scope
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.i18n import joined, translated
from desktop.ui.table_model import Column, RowTableModel

# Colour-blind-safe (Okabe-Ito); a grouped chart's sets also carry names in the legend.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
BASE_HEIGHT = 280  # a vertical chart's; a horizontal one grows with its rows
ROW_HEIGHT = 24  # pixels per category of a horizontal chart (per bar: see BarChart.show_bars)


class BarChart(QChartView):
    """Bars, vertical or horizontal, one or more sets; categories given top (or left) first."""

    bar_clicked = Signal(int, int)  # set index, category index (as given, not as drawn)

    def __init__(self, title: str, horizontal: bool = False, parent: QWidget | None = None):
        chart = QChart()
        chart.setTitle(title)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 8, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.horizontal = horizontal
        self.sets: list[QBarSet] = []  # as given (the dashboard's tests click them)
        self.categories: list[str] = []
        self.setFixedHeight(BASE_HEIGHT)

    def show_bars(
        self, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]]
    ) -> None:
        """``sets``: (name, one value per category). A horizontal chart grows with its rows."""
        chart = self.chart()
        chart.removeAllSeries()  # deletes the old series and their sets
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        self.categories = list(categories)
        # A horizontal chart draws its first category at the bottom: give them reversed.
        order = list(range(len(categories)))
        if self.horizontal:
            order.reverse()
        series: QAbstractBarSeries = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        self.sets = []
        for i, (name, values) in enumerate(sets):
            bar_set = QBarSet(name)
            bar_set.append([float(values[k]) for k in order])
            bar_set.setColor(QColor(PALETTE[i % len(PALETTE)]))
            bar_set.setBorderColor(QColor(PALETTE[i % len(PALETTE)]))
            bar_set.setLabelColor(QColor("#1d2733"))  # the theme's white is lost outside the bar
            bar_set.setLabelFont(_small(chart.font()))
            bar_set.clicked.connect(self._clicked_handler(i, order))
            bar_set.hovered.connect(self._hover_handler(name, values, order))
            series.append(bar_set)
            self.sets.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.8 if len(sets) > 1 else 0.6)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([categories[k] for k in order])
        names.setLabelsFont(_small(chart.font()))
        values_axis = QValueAxis()
        top, ticks = _scale(max((max(values, default=0) for _, values in sets), default=0))
        values_axis.setRange(0, top)
        values_axis.setLabelFormat("%d")
        values_axis.setTickCount(ticks)
        values_axis.setLabelsFont(_small(chart.font()))
        category_side, value_side = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if self.horizontal:
            category_side, value_side = value_side, category_side
        chart.addAxis(names, category_side)
        chart.addAxis(values_axis, value_side)
        series.attachAxis(names)
        series.attachAxis(values_axis)
        chart.legend().setVisible(len(sets) > 1)
        if self.horizontal:
            per_row = ROW_HEIGHT if len(sets) == 1 else 8 * len(sets) + 10
            self.setFixedHeight(max(200, 90 + per_row * len(categories)))
        else:
            self.setFixedHeight(BASE_HEIGHT)

    def _clicked_handler(self, set_index: int, order: list[int]) -> Callable[[int], None]:
        return lambda index: self.bar_clicked.emit(set_index, order[index])

    def _hover_handler(
        self, name: str, values: Sequence[int], order: list[int]
    ) -> Callable[[bool, int], None]:
        def hovered(inside: bool, index: int) -> None:
            if inside:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
                k = order[index]
                value = str(values[k])
                if len(self.sets) > 1:
                    value = QCoreApplication.translate("Dashboard", "{0}: {1}").format(name, value)
                QToolTip.showText(QCursor.pos(), f"{self.categories[k]}\n{value}")
            else:
                self.unsetCursor()
                QToolTip.hideText()

        return hovered

    def click(self, set_index: int, category: int) -> None:
        """As a click on the bar of ``category`` (as given) in set ``set_index`` (tests)."""
        drawn = len(self.categories) - 1 - category if self.horizontal else category
        self.sets[set_index].clicked.emit(drawn)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
    return small


def _scale(value: int) -> tuple[int, int]:
    """The value axis's top and tick count: room for the value labels beyond the longest bar,
    on a round number, at most six intervals of 1, 2 or 5 times a power of ten."""
    raw = max(value * 1.15, 5)
    power = 1
    while True:
        for step in (power, 2 * power, 5 * power):
            if raw / step <= 6:
                top = math.ceil(raw / step) * step
                return top, top // step + 1
        power *= 10


# The per-township (per-station) chart's sets: the line's field, the figure a bar opens, caption.
LINE_SETS = (
    ("duty_batches", "duty_batches", QT_TRANSLATE_NOOP("Dashboard", "Duty-day batches")),
    ("visits", "visits", QT_TRANSLATE_NOOP("Dashboard", "Visits")),
    ("cases", "opinions_collected", QT_TRANSLATE_NOOP("Dashboard", "Opinions collected")),
    ("activities", "activities", QT_TRANSLATE_NOOP("Dashboard", "Deputy activities")),
)
TOP_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda r: r.rank, 44, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, 70),
    Column(QT_TRANSLATE_NOOP("Columns", "Points"), lambda r: r.points, 56, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Township"), lambda r: r.township, 90),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: joined(r.stations), 200, tooltip=True
    ),
]


class ChartPanel(QWidget):
    """The charts in two columns, the per-township chart across both, the top deputies."""

    figure_clicked = Signal(str, str, object)  # figure, key, scope (None: the dashboard's)
    deputy_clicked = Signal(object)  # a top deputy's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Figures | None = None
        self.charts: dict[str, BarChart] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        specs = (
            ("cases_per_month", self.tr("Opinions collected per month"), False, 0, 0),
            ("cases_by_category", self.tr("Opinions by category"), True, 0, 1),
            ("cases_by_state", self.tr("Opinions by state, in workflow order"), True, 1, 0),
            ("outcomes", self.tr("Replies by outcome class"), True, 1, 1),
            ("points_bands", self.points_title(), False, 2, 0),
        )
        for name, title, horizontal, row, column in specs:
            self._add(grid, name, BarChart(title, horizontal), row, column)
        self._add(grid, "townships", BarChart("", horizontal=True), 3, 0, span=2)
        self.top_model = RowTableModel(TOP_COLUMNS, self)
        self.top_table = QTableView()
        self.top_table.setModel(self.top_model)
        self.top_table.verticalHeader().hide()
        self.top_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.top_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.top_table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(TOP_COLUMNS):
            self.top_table.setColumnWidth(i, column.width)
        self.top_table.clicked.connect(
            lambda index: self.deputy_clicked.emit(self.top_model.row_at(index.row()).id)
        )
        self.top_box = QWidget()
        self.top_box.setFixedHeight(BASE_HEIGHT)
        box = QVBoxLayout(self.top_box)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Highest points of the year (click a deputy for the register)"))
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.top_empty = QLabel(self.tr("No deputy in this scope has points in the year yet."))
        self.top_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.top_empty.setStyleSheet("color: #5f6b7a;")
        box.addWidget(title)
        box.addWidget(self.top_table, 1)
        box.addWidget(self.top_empty, 1)
        grid.addWidget(self.top_box, 2, 1)

    def _add(
        self, grid: QGridLayout, name: str, chart: BarChart, row: int, column: int, span: int = 1
    ) -> None:
        chart.bar_clicked.connect(lambda s, k: self._clicked(name, s, k))
        grid.addWidget(chart, row, column, 1, span)
        self.charts[name] = chart

    def show_figures(self, f: Figures) -> None:
        self.figures = f
        opinions = self.tr("Opinions")
        self._single("cases_per_month", f.cases_per_month, opinions)
        self._single("cases_by_category", f.cases_by_category, opinions)
        self._single("cases_by_state", f.cases_by_state, opinions)
        self._single("outcomes", f.outcomes, self.tr("Replies"), with_key=True)
        self._single("points_bands", f.points_bands, self.tr("Deputies"))
        self.charts["points_bands"].chart().setTitle(self.points_title(f.points_counted))
        for pair in (("cases_per_month", "cases_by_category"), ("cases_by_state", "outcomes")):
            height = max(self.charts[name].height() for name in pair)
            for name in pair:
                self.charts[name].setFixedHeight(height)
        per_station = f.scope.kind == "township"
        townships = self.charts["townships"]
        townships.chart().setTitle(
            self.tr("Activity per station") if per_station else self.tr("Activity per township")
        )
        townships.show_bars(
            [line.name for line in f.townships],
            [
                (translated("Dashboard", caption), [getattr(x, attr) for x in f.townships])
                for attr, _figure, caption in LINE_SETS
            ],
        )
        townships.setVisible(bool(f.townships))
        self.top_model.set_rows(f.top_deputies)
        self.top_table.setVisible(bool(f.top_deputies))
        self.top_empty.setVisible(not f.top_deputies)
        self.top_empty.setText(
            self.tr("No deputy in this scope has points in the year yet.")
            if f.points_counted
            else self.tr("Counting every deputy's points…")
        )

    def points_title(self, counted: bool = True) -> str:
        title = self.tr("Deputies by points of the year")
        return title if counted else self.tr("{0} (counting…)").format(title)

    def _single(
        self, name: str, counts: Sequence[Count], caption: str, with_key: bool = False
    ) -> None:
        labels = [f"{c.key} {c.label}" if with_key else c.label for c in counts]
        self.charts[name].show_bars(labels, [(caption, [c.value for c in counts])])

    def _clicked(self, chart: str, set_index: int, index: int) -> None:
        f = self.figures
        if f is None:
            return
        if chart != "townships":
            self.figure_clicked.emit(chart, getattr(f, chart)[index].key, None)
            return
        line = f.townships[index]
        kind = "station" if f.scope.kind == "township" else "township"
        self.figure_clicked.emit(LINE_SETS[set_index][1], "", Scope(kind, line.id, line.name))
