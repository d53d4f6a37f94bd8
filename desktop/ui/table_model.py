"""A thin Qt table model over rows from a service, loaded page by page (never queries in data())."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain.records import Page
from desktop.ui.i18n import label, translated

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[tuple | None], Page[Any]]


@dataclass(frozen=True)
class Column:
    title: str  # English source text in the "Columns" context
    value: Callable[[Any], object]
    width: int = 100
    align_right: bool = False
    tooltip: bool = False  # full text as a tooltip, for long cells
    marker: Callable[[Any], str | None] | None = None  # a row state such as "overdue"
    # The texts a column of a fixed set of values shows (an enum's labels), translated when
    # the table is built: its default width fits the longest (record_table.fit_columns).
    fits: Callable[[], Iterable[str]] | None = None


def labels_of(*enums: Any) -> Callable[[], list[str]]:
    """A Column's ``fits``: the labels of ``enums`` (LabelledEnum classes), translated then."""
    return lambda: [label(member) for enum in enums for member in enum]


# Markers stand out by colour AND an icon, never by colour alone.
MARKER_COLOURS = {"overdue": "#fde2e1", "due_soon": "#fff4d6", "conflict": "#e8e0f7"}
MARKER_ICONS = {
    "overdue": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "due_soon": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "conflict": QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class RowTableModel(QAbstractTableModel):
    """Rows (frozen dataclasses) plus a column spec; more pages arrive through fetchMore."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._fetch: Fetch | None = None
        self._next_key: tuple | None = None

    # --- our API ---------------------------------------------------------------------

    def load(self, fetch: Fetch) -> None:
        """Start over with a new query; only its first page is loaded now."""
        first = fetch(None)
        self.beginResetModel()
        self._fetch = fetch
        self._rows = list(first.rows)
        self._next_key = first.next_key
        self.endResetModel()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._fetch, self._next_key = None, None
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, index: AnyIndex) -> Any | None:
        """The row at ``index`` (a view's current index, say); None where there is none."""
        return self._rows[index.row()] if index.isValid() else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def columns(self) -> list[Column]:
        return list(self._columns)

    def find(self, predicate: Callable[[Any], bool]) -> int:
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    def refresh_column(self, column: int) -> None:
        """A column computed from data fetched after the rows (the tab's) shows it now."""
        if self._rows and 0 <= column < len(self._columns):
            last = self.index(len(self._rows) - 1, column)
            self.dataChanged.emit(self.index(0, column), last)

    # --- Qt overrides ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(self._rows[index.row()])
            return value if isinstance(value, int) and not isinstance(value, bool) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return str(column.value(self._rows[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column.marker is not None and role in (
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.BackgroundRole,
        ):
            marker = column.marker(self._rows[index.row()])
            if marker is None:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(MARKER_COLOURS[marker]))
            return QApplication.style().standardIcon(MARKER_ICONS[marker])
        return None

    def replace_row(self, row: Any) -> int:
        """Put a changed row in place (same id); returns its index or -1."""
        found = self.find(lambda r: r.id == row.id)
        if found >= 0:
            self._rows[found] = row
            last = self.index(found, self.columnCount() - 1)
            self.dataChanged.emit(self.index(found, 0), last)
        return found

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return translated("Columns", self._columns[section].title)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._fetch is not None and self._next_key is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        page = self._fetch(self._next_key)
        if page.rows:
            first = len(self._rows)
            # The PySide6 example's off-by-one lives here: the last row is first + n - 1.
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._next_key = page.next_key
