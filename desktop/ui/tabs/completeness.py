"""The dashboard's second page (报送完整性): which stations sent their monthly bundles, on time or
late, whether they printed their monthly ledgers, and which have been silent too long."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.figures import (
    MONTH_STATE_LABELS,
    MONTH_STATES,
    Completeness,
    Month,
    StationCompleteness,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.i18n import date_text, label, translated
from desktop.ui.record_table import fit_columns
from desktop.ui.table_model import AnyIndex, Column, RowTableModel

STATE_COLOURS = {
    "on_time": "#d4edda",
    "late": "#fff1c1",
    "missing": "#f8d3d0",
    "not_due": "#eef1f4",
    "not_expected": "#ffffff",
}
LEDGER_MARK = QT_TRANSLATE_NOOP("Completeness", "✓ledger")
# Before and after the twelve months.
LEADING = (
    QT_TRANSLATE_NOOP("Completeness", "Township"),
    QT_TRANSLATE_NOOP("Completeness", "Station"),
)
TRAILING = (
    QT_TRANSLATE_NOOP("Completeness", "Reporting rate"),
    QT_TRANSLATE_NOOP("Completeness", "On-time rate"),
    QT_TRANSLATE_NOOP("Completeness", "Ledgers printed"),
    QT_TRANSLATE_NOOP("Completeness", "Last bundle"),
    QT_TRANSLATE_NOOP("Completeness", "Days silent"),
)
# The same, as narrow columns show them (the header's tooltip says it in full).
TRAILING_SHORT = (
    QT_TRANSLATE_NOOP("Completeness", "Reported"),
    QT_TRANSLATE_NOOP("Completeness", "On-time"),
    QT_TRANSLATE_NOOP("Completeness", "Ledgers"),
    QT_TRANSLATE_NOOP("Completeness", "Last bundle"),
    QT_TRANSLATE_NOOP("Completeness", "Days silent"),
)
# A month's state in its cell: short (twelve columns side by side); the legend and the cell's
# tooltip say it in full.
CELL_WORDS = {
    "on_time": QT_TRANSLATE_NOOP("Completeness", "On time"),
    "late": QT_TRANSLATE_NOOP("Completeness", "Late"),
    "missing": QT_TRANSLATE_NOOP("Completeness", "Missing"),
    "not_due": QT_TRANSLATE_NOOP("Completeness", "Not due"),
    "not_expected": QT_TRANSLATE_NOOP("Completeness", "n/a"),
}
MONTHS = 12


def state_text(state: str) -> str:
    return translated("Completeness", MONTH_STATE_LABELS[state])


class CompletenessModel(QAbstractTableModel):
    """A thin adapter: a station per row, its township and name, twelve months, then its rates."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[StationCompleteness, ...] = ()

    def set_stations(self, rows: tuple[StationCompleteness, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StationCompleteness:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LEADING) + MONTHS + len(TRAILING)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        station = self._rows[index.row()]
        month = index.column() - len(LEADING)
        if 0 <= month < MONTHS:
            return _month_data(station, month, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _station_value(station, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2 + MONTHS, 3 + MONTHS):
            rate = station.reporting_rate if index.column() == 2 + MONTHS else station.on_time_rate
            return f"{rate.part}/{rate.whole}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= len(LEADING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            shown = role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows)
            return section + 1 if shown else None
        month = section - len(LEADING)
        trailing = month - MONTHS
        if 0 <= month < MONTHS:
            return label(Month(str(month + 1)))
        if 0 <= section < len(LEADING):
            return translated("Completeness", LEADING[section])
        if 0 <= trailing < len(TRAILING):
            words = TRAILING_SHORT if role == Qt.ItemDataRole.DisplayRole else TRAILING
            return translated("Completeness", words[trailing])
        return None


def _month_data(station: StationCompleteness, month: int, role: int) -> Any:
    cell = station.months[month]
    if role == Qt.ItemDataRole.DisplayRole:
        mark = "\n" + translated("Completeness", LEDGER_MARK) if cell.ledger_printed else ""
        return translated("Completeness", CELL_WORDS[cell.state]) + mark
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(STATE_COLOURS[cell.state]))
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor("#8a939e" if cell.state in ("not_due", "not_expected") else "#1d2733"))
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    if role == Qt.ItemDataRole.ToolTipRole:
        text = QCoreApplication.translate(
            "Completeness", "{0}, month {1}: {2}; bundles received: {3}"
        ).format(station.station, cell.month, state_text(cell.state), cell.bundles)
        if cell.ledger_printed:
            text += "\n" + QCoreApplication.translate(
                "Completeness", "The month's ledgers were printed."
            )
        return text
    return None


def _station_value(station: StationCompleteness, column: int) -> Any:
    if column == 0:
        return station.township
    if column == 1:
        return station.station
    values = (
        station.reporting_rate.text(),
        station.on_time_rate.text(),
        station.ledgers_printed,
        date_text(station.last_bundle) or "—",
        "—" if station.silent_days is None else station.silent_days,
    )
    return values[column - len(LEADING) - MONTHS]


def _widths(table: QTableView) -> list[int]:
    """Each column's width: at least the Chinese layout's, wider where the words of the
    language on screen need it (a month's cell, a header)."""
    text = table.fontMetrics().horizontalAdvance
    head = table.horizontalHeader().fontMetrics().horizontalAdvance
    cell = max(text(translated("Completeness", w)) for w in (*CELL_WORDS.values(), LEDGER_MARK))
    model = table.model()
    least = (70, 180) + (50,) * MONTHS + (60, 60, 64, 90, 64)
    widths = []
    for i, width in enumerate(least):
        words = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        fits = max(head(words), cell if len(LEADING) <= i < len(LEADING) + MONTHS else 0)
        widths.append(max(width, fits + 8))  # the cell's margins
    return widths


SILENT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station, 240),
    Column(QT_TRANSLATE_NOOP("Columns", "Township"), lambda r: r.township, 100),
    Column(QT_TRANSLATE_NOOP("Columns", "Days silent"), lambda r: r.silent_days, 80, True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Last bundle"),
        lambda r: date_text(r.last_bundle) or "—",
        100,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Site code"), lambda r: r.site_code, 80),
]


class CompletenessPage(QWidget):
    """The matrix above, the silent stations below; the silence threshold is chosen here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.completeness: Completeness | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        legend = QHBoxLayout()
        legend.setSpacing(4)
        for state in MONTH_STATES:
            swatch = QLabel(state_text(state))
            swatch.setStyleSheet(
                f"background: {STATE_COLOURS[state]}; border: 1px solid #c5ccd4; padding: 1px 6px;"
            )
            legend.addWidget(swatch)
        legend.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Completeness", "{0}: the month's ledgers printed"
                ).format(translated("Completeness", LEDGER_MARK))
            )
        )
        legend.addStretch()
        self.model = CompletenessModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(2 * line + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for i, width in enumerate(_widths(self.table)):
            self.table.setColumnWidth(i, width)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the station's name
        self.silent_after = QSpinBox()
        self.silent_after.setRange(1, 366)
        self.silent_after.setValue(45)
        self.silent_after.valueChanged.connect(lambda _v: self._list_silent())
        self.silent_title = QLabel()
        bold = QFont(self.silent_title.font())
        bold.setBold(True)
        self.silent_title.setFont(bold)
        self.silent_model = RowTableModel(SILENT_COLUMNS, self)
        self.silent_table = QTableView()
        self.silent_table.setModel(self.silent_model)
        self.silent_table.verticalHeader().hide()
        self.silent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.silent_table, SILENT_COLUMNS)
        self.silent_table.horizontalHeader().setStretchLastSection(True)
        header.setStretchLastSection(False)
        silent_bar = QHBoxLayout()
        for widget in (
            self.silent_title,
            QLabel(QCoreApplication.translate("Completeness", "Silent for more than")),
            self.silent_after,
            QLabel(QCoreApplication.translate("Completeness", "days")),
        ):
            silent_bar.addWidget(widget)
        silent_bar.addStretch()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addLayout(silent_bar)
        lower_layout.addWidget(self.silent_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addLayout(legend)
        layout.addWidget(split, 1)

    def show_completeness(self, completeness: Completeness, station_id: Any = None) -> None:
        """The stations of ``completeness`` (only ``station_id``'s when given)."""
        if station_id is not None:
            rows = tuple(s for s in completeness.stations if s.station_id == station_id)
            completeness = replace(completeness, stations=rows)
        self.completeness = completeness
        self.model.set_stations(completeness.stations)
        self.note.setText(
            QCoreApplication.translate(
                "Completeness",
                "{0}: bundles expected from {1} enrolled stations, as of {2}. A month's bundle is "
                "on time when the county has it by day {3} of the next month.",
            ).format(
                completeness.year,
                len(completeness.stations),
                date_text(completeness.as_of),
                completeness.due_day,
            )
        )
        self._list_silent()

    def _list_silent(self) -> None:
        if self.completeness is None:
            return
        silent = replace(self.completeness, silent_after=self.silent_after.value()).silent
        self.silent_model.set_rows(sorted(silent, key=lambda s: -(s.silent_days or 0)))
        self.silent_title.setText(
            QCoreApplication.translate("Completeness", "Silent stations: {0}").format(len(silent))
        )
