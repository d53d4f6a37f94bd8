"""What every register tab has: a filter bar, a paged table, add / edit / delete, and counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.i18n import message
from desktop.ui.record_table import record_table
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.tabs.bar import ManyChoices, WrapBar, fit_placeholder, follow_items
from desktop.ui.tabs.filter_override import OverrideBanner, leftover, show_in_widgets

if TYPE_CHECKING:
    from desktop.services import Services

# The county office sees where each record came from; a station sees what reached the county.
ORIGIN = QT_TRANSLATE_NOOP("Columns", "Origin")
SENT = QT_TRANSLATE_NOOP("Columns", "Sent")
SENT_STATES = {
    "unsent": QT_TRANSLATE_NOOP("RegisterTab", "Not sent"),
    "sent": QT_TRANSLATE_NOOP("RegisterTab", "Sent"),
    "confirmed": QT_TRANSLATE_NOOP("RegisterTab", "Confirmed by the county"),
}


def find_data(combo: QComboBox, value: Any) -> int:
    """The index of ``value`` in a combo's item data, or -1 (findData compares a Python object
    wrapped in a QVariant by identity: an equal UUID from another query is not found)."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


class RegisterTab(QWidget):
    """Subclasses give the columns, the kinds to filter by, and how to list, edit and delete."""

    counts_changed = Signal(str)
    record_saved = Signal(object)

    record_kind = ""  # the workbook kind its table exports as (sheet_columns.KINDS)
    has_dates = True
    has_station = True
    all_kinds = QT_TRANSLATE_NOOP("RegisterTab", "All kinds")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self._local_site: Any = None
        self._stations: list[Any] = []
        self._tracks_sending = False  # a station or township centre that sends bundles
        self._enrolled: bool | None = None  # it has the county to send to (asked once)
        self._marks: Any = None  # BundleService.marks(), fetched once per reload
        self._sent_labels: dict[str, str] = {}
        # What the dashboard (概览) asked for that no filter widget shows: see apply_filter.
        self._override: dict[str, Any] = {}
        self._applying = False
        self.model = RowTableModel(self.columns(), self)
        self._build()
        self._reload_timer = QTimer(self, singleShot=True, interval=250)
        self._reload_timer.timeout.connect(self.reload)

    # --- to override ---------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def kind_choices(self) -> list[tuple[str, Any]]:
        return []

    def load(self, flt: ListFilter) -> None:
        """Fill self.model for the filter (first page only for big registers)."""
        raise NotImplementedError

    def total(self, flt: ListFilter) -> int:
        return self.model.rowCount()

    def open_dialog(self, row: Any | None) -> Any:
        """Run the add (row None) or edit dialog; return the saved row or None."""
        raise NotImplementedError

    def delete_row(self, row: Any) -> None:
        raise NotImplementedError

    def describe(self, row: Any) -> str:
        return ""

    # --- columns the site's role shows or hides --------------------------------------------

    def origin_column(self, width: int = 160) -> Column:
        """The site a record came from (county office only)."""
        return Column(ORIGIN, lambda r: r.origin, width)

    def sent_column(self, width: int = 100) -> Column:
        """Not sent, sent or confirmed by the county (a station or township centre only)."""

        def states() -> list[str]:
            return [self.tr_base(v) for v in SENT_STATES.values()]

        return Column(SENT, self._sent_text, width, fits=states)

    def _sent_text(self, row: Any) -> str:
        # Only this site's own records travel from here; the county's copies are not ours.
        if self._marks is None or row.owner_site_id != self._local_site:
            return ""
        return self._sent_labels[self._marks.state(row.change_seq)]

    def _column_index(self, title: str) -> int:
        return next((i for i, c in enumerate(self.model.columns()) if c.title == title), -1)

    def _show_column(self, title: str, shown: bool) -> None:
        index = self._column_index(title)
        if index >= 0:
            self.table.setColumnHidden(index, not shown)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        # Filters on the left, the record buttons on the right (or below, in a narrow window).
        self.bar = WrapBar()
        bar, buttons = self.bar.lead, self.bar.tail
        self.use_dates = QCheckBox(self.tr_base("Date"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-12), calendarPopup=True)
        self.date_to = QDateEdit(today, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        self.township_filter = QComboBox()
        self.township_filter.hide()  # the county office only (see attach)
        self.station_filter = ManyChoices()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(QCoreApplication.translate("RegisterTab", self.all_kinds), None)
        for text, value in self.kind_choices():
            self.kind_filter.addItem(text, value)
        follow_items(self.township_filter, self.kind_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr_base("Search: words, a name or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search, 220)
        if self.has_dates:
            bar.addWidget(self.use_dates)
            bar.addWidget(self.date_from)
            bar.addWidget(QLabel("—"))
            bar.addWidget(self.date_to)
        if self.has_station:
            bar.addWidget(self.township_filter)
            bar.addWidget(self.station_filter)
        if self.kind_filter.count() > 1:
            bar.addWidget(self.kind_filter)
        bar.addWidget(self.search, 1)
        self.add_button = QPushButton(self.tr_base("Add"))
        self.edit_button = QPushButton(self.tr_base("Edit"))
        self.delete_button = QPushButton(self.tr_base("Delete"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        self.table = record_table(self.model, name="table")
        for title in (ORIGIN, SENT):
            self._show_column(title, False)  # until attach knows the site
        self.override_banner = OverrideBanner()
        self.override_banner.cleared.connect(self.clear_override)
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.override_banner)
        layout.addWidget(self.table, 1)
        for signal in (
            self.use_dates.toggled,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.station_filter.currentIndexChanged,
            self.kind_filter.currentIndexChanged,
        ):
            signal.connect(self._filter_changed)
        self.township_filter.currentIndexChanged.connect(self._township_chosen)
        self.search.textChanged.connect(lambda _t: self._reload_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        # Ctrl+N (a new record) and Ctrl+F (the search box) are the Records menu's, shown
        # there (desktop.ui.shortcuts); a second Ctrl+N here would make both do nothing.
        for key, slot in (
            (Qt.Key.Key_Delete, self.delete_current),
            (Qt.Key.Key_Return, self.edit_current),
        ):
            # The table's own keys. PySide6 ignores a context given to QShortcut's constructor:
            # every tab's Delete would be the window's, each cancelling the others out.
            shortcut = QShortcut(QKeySequence(key), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.set_enabled(False)

    @staticmethod
    def tr_base(text: str) -> str:
        """Base-class strings keep their own context (PySide's tr() would take the subclass's)."""
        return QCoreApplication.translate("RegisterTab", text)

    # --- behaviour -----------------------------------------------------------------------

    def attach(self, services: Services, writable: bool = True) -> None:
        self.services = services
        site = services.site.current()
        role = site.role if site is not None else SiteRole.STATION
        self._local_site = site.id if site is not None else None
        self._stations = services.reference.stations()
        county = role is SiteRole.COUNTY
        self.township_filter.blockSignals(True)
        self.township_filter.clear()
        self.township_filter.addItem(self.tr_base("All townships"), None)
        for township in services.reference.townships() if county else ():
            self.township_filter.addItem(township.name, township.id)
        self.township_filter.blockSignals(False)
        self._fill_stations(None)
        # A station has one station: the filters are for the county office and township centres.
        many = len(self._stations) > 1
        self.township_filter.setVisible(self.has_station and county)
        self.station_filter.setVisible(self.has_station and (role is not SiteRole.STATION or many))
        self._show_column(ORIGIN, county)
        self._tracks_sending = site is not None and not county
        self._enrolled = None
        self._marks = None
        self._show_column(SENT, False)
        self._sent_labels = {k: self.tr_base(v) for k, v in SENT_STATES.items()}
        self.set_enabled(True, writable)
        self.reload()

    def _fill_stations(self, township_id: Any) -> None:
        """The station list, narrowed to a township's stations; the choice kept if still there."""
        chosen = self.station_filter.currentData()
        self.station_filter.blockSignals(True)
        self.station_filter.clear()
        self.station_filter.addItem(self.tr_base("All stations"), None)
        for station in self._stations:
            if township_id is None or station.parent_id == township_id:
                self.station_filter.addItem(station.name, station.id)
        self.station_filter.setCurrentIndex(max(0, find_data(self.station_filter, chosen)))
        self.station_filter.blockSignals(False)

    def _township_chosen(self) -> None:
        self._fill_stations(self.township_filter.currentData())
        self._filter_changed()

    def _filter_changed(self) -> None:
        """A filter widget changed: the dashboard's conditions give way to what it shows."""
        if not self._applying:
            self.clear_override()

    def apply_filter(self, flt: ListFilter) -> None:
        """List the records of ``flt`` (a figure of the dashboard): the filter widgets show what
        they can; the rest stays on as an override, described in the banner above the table,
        until it is cleared or a filter widget changes. The search box narrows within it."""
        self._applying = True
        try:
            show_in_widgets(self, flt)
            self.set_flag(flt.flag)
        finally:
            self._applying = False
        self._override = leftover(flt, self.widget_filter())
        self.override_banner.show_override(self._override, self)
        self.reload()

    def set_flag(self, flag: str | None) -> None:
        """A tab with a flag filter of its own (feedback) shows ``flag`` if it can."""

    def clear_override(self) -> None:
        self._override = {}
        self.override_banner.hide()
        self.reload()

    def set_enabled(self, enabled: bool, writable: bool = True) -> None:
        for widget in (self.add_button, self.edit_button, self.delete_button):
            widget.setEnabled(enabled and writable)
        self.search.setEnabled(enabled)

    def current_filter(self) -> ListFilter:
        return replace(self.widget_filter(), **self._override)

    def widget_filter(self) -> ListFilter:
        """What the filter widgets show (current_filter adds the dashboard's override)."""
        dates = self.has_dates and self.use_dates.isChecked()

        def day(edit: QDateEdit) -> dt.date:
            q = edit.date()
            return dt.date(q.year(), q.month(), q.day())

        return ListFilter(
            date_from=day(self.date_from) if dates else None,
            date_to=day(self.date_to) if dates else None,
            station_id=self.station_filter.currentData(),
            kind=self.kind_filter.currentData(),
            text=self.search.text().strip(),
            township_id=self.township_filter.currentData(),
        )

    def reload(self) -> None:
        if self.services is None:
            return
        flt = self.current_filter()
        self.load(flt)
        # Rows first: the count can take longer than the page, so it follows a paint later.
        QTimer.singleShot(0, self, lambda: self._count(flt))
        if self._tracks_sending:
            QTimer.singleShot(0, self, self.refresh_sent)

    def refresh_sent(self) -> None:
        """Where this site's records stand with the county, for the Sent column: after the
        rows are painted (the bundle service loads the cryptography package on first use), and
        after an export (the rows are the same, only their marks moved)."""
        if self.services is None or not self._tracks_sending:
            return
        try:
            if self._enrolled is None:  # a site never enrolled has nobody to send to
                self._enrolled = bool(self.services.bundles.recipients())
            self._marks = self.services.bundles.marks() if self._enrolled else None
        except ServiceError:
            self._marks = None
            self._tracks_sending = False
        self._show_column(SENT, self._marks is not None)
        self.model.refresh_column(self._column_index(SENT))

    def _count(self, flt: ListFilter) -> None:
        if self.services is not None and flt == self.current_filter():
            self.counts_changed.emit(self.count_text(flt))

    def count_text(self, flt: ListFilter) -> str:
        return self.tr_base("Records: {0}").format(self.total(flt))

    def selected_row(self) -> Any | None:
        return self.model.row_of(self.table.currentIndex())

    def add(self) -> None:
        if self.services is None or not self.add_button.isEnabled():
            return
        saved = self.open_dialog(None)
        if saved is not None:
            self._after_save(saved)

    def edit_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None or not self.edit_button.isEnabled():
            return
        saved = self.open_dialog(row)
        if saved is not None:
            self._after_save(saved)

    def delete_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None or not self.delete_button.isEnabled():
            return
        question = self.tr_base("Delete this record?\n{0}").format(self.describe(row))
        if not prompts.confirm(self, self.tr_base("Delete"), question):
            return
        try:
            self.delete_row(row)
        except ServiceError as exc:
            prompts.error(self, self.tr_base("Delete"), message(exc))
        self.reload()

    def _after_save(self, saved: Any) -> None:
        self.reload()
        found = self.model.find(lambda r: r.id == saved.id)
        if found >= 0:
            self.table.selectRow(found)
        self.record_saved.emit(saved)
