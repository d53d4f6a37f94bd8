"""One section of the programmes tab: a record kind's filter row, table, detail pane and
add / edit / delete. Kinds with more (projects, the fund, drafts) subclass it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.programme_specs import SPECS
from desktop.ui import prompts
from desktop.ui.dialogs.programme import open_record
from desktop.ui.i18n import message
from desktop.ui.layout_memory import remember
from desktop.ui.programme_detail import ProgrammeDetail
from desktop.ui.programme_values import ProgrammeTableModel, columns_for, describe
from desktop.ui.record_table import record_table
from desktop.ui.tabs.bar import ManyChoices, WrapBar, fit_placeholder, follow_items

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.programmes import ProgrammeRow


def base_text(text: str) -> str:
    """Words the register tabs already have (context RegisterTab), passed through."""
    return QCoreApplication.translate("RegisterTab", text)


class ProgrammeSection(QWidget):
    counts_changed = Signal(str)
    record_saved = Signal(object)

    def __init__(self, kind: str, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = SPECS[kind]
        self._today = today
        self.services: Services | None = None
        self._writable = False
        self._county = False
        self.model = ProgrammeTableModel(columns_for(self.spec, self.leave_out()), self)
        self._build()
        self._reload_timer = QTimer(self, singleShot=True, interval=250)
        self._reload_timer.timeout.connect(self.reload)

    # --- to override ------------------------------------------------------------------------

    def leave_out(self) -> tuple[str, ...]:
        return ()

    def build_below(self) -> QWidget | None:
        """A panel under the table (the selected record's own records)."""
        return None

    def extra_buttons(self) -> list[QPushButton]:
        return []

    def show_extras(self, row: ProgrammeRow | None) -> None:
        """Fill the kind's own parts of the detail pane and the panel below."""

    def attach_extras(self, services: Services) -> None:
        """Hand the services to the kind's own parts."""

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.year_filter = QComboBox()
        self.year_filter.setMinimumContentsLength(6)
        follow_items(self.year_filter)
        self.station_filter = ManyChoices()
        self.station_filter.hide()  # the county office only (see attach)
        self.search = QLineEdit()
        self.search.setPlaceholderText(base_text("Search: words, a name or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search, 160)
        self.add_button = QPushButton(base_text("Add"))
        self.edit_button = QPushButton(base_text("Edit"))
        self.delete_button = QPushButton(base_text("Delete"))
        # Filters on the left, the buttons on the right (or below, in a narrow window).
        self.bar = WrapBar()
        if self.spec.year_key:
            self.bar.lead.addWidget(self.year_filter)
        else:
            self.year_filter.hide()
        self.bar.lead.addWidget(self.station_filter)
        self.bar.lead.addWidget(self.search, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.bar.tail.addWidget(button)
        for button in self.extra_buttons():
            self.bar.tail.addWidget(button)
        self.table = record_table(self.model, name="table")
        self.detail = ProgrammeDetail(self.spec)
        left = remember(QSplitter(Qt.Orientation.Vertical), "left")
        left.addWidget(self.table)
        below = self.build_below()
        if below is not None:
            left.addWidget(below)
            left.setSizes([300, 260])
        split = remember(QSplitter(Qt.Orientation.Horizontal), "split")
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.bar)
        layout.addWidget(split, 1)
        self.year_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.station_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(lambda _t: self._reload_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())

    # --- behaviour --------------------------------------------------------------------------

    def attach(self, services: Services, writable: bool = True) -> None:
        self.services = services
        self._writable = writable
        site = services.site.current()
        self._county = site is not None and site.role is SiteRole.COUNTY
        has_station = any(f.key == "station_id" for f in self.spec.fields)
        self.station_filter.blockSignals(True)
        self.station_filter.clear()
        self.station_filter.addItem(base_text("All stations"), None)
        for station in services.reference.stations() if self._county else ():
            self.station_filter.addItem(station.name, station.id)
        self.station_filter.blockSignals(False)
        self.station_filter.setVisible(self._county and has_station)
        may = writable and services.programmes.may_create(self.spec.kind)
        self.add_button.setEnabled(may)
        self.add_button.setToolTip("" if may else self._why_not())
        self.attach_extras(services)
        self.reload()

    def _why_not(self) -> str:
        if not self._writable:
            return self.tr("This database is open for reading only.")
        return self.tr("Only the county office records these; they arrive in its bundles.")

    def _fill_years(self, keep: int | None = None) -> None:
        assert self.services is not None
        chosen = self.year_filter.currentData() if keep is None else keep
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("All years"), None)
        for year in self.services.programmes.years(self.spec.kind):
            self.year_filter.addItem(str(year), year)
        found = next(
            (i for i in range(self.year_filter.count()) if self.year_filter.itemData(i) == chosen),
            0,
        )
        self.year_filter.setCurrentIndex(found)
        self.year_filter.blockSignals(False)

    def clear_filters(self) -> None:
        for widget in (self.year_filter, self.station_filter, self.search):
            widget.blockSignals(True)
        self.year_filter.setCurrentIndex(0)
        self.station_filter.setCurrentIndex(0)
        self.search.clear()
        for widget in (self.year_filter, self.station_filter, self.search):
            widget.blockSignals(False)

    def reload(self) -> None:
        if self.services is None:
            return
        chosen = self.selected_row()
        self._fill_years()  # an import or a bundle may have brought a new year
        rows = self.services.programmes.rows(
            self.spec.kind,
            year=self.year_filter.currentData(),
            station_id=self.station_filter.currentData(),
            text=self.search.text().strip(),
        )
        self.model.set_rows(rows)
        if (chosen is None or not self.select_record(chosen.id)) and rows:
            self.table.selectRow(0)
        self._selected()
        self.counts_changed.emit(self.count_text())

    def count_text(self) -> str:
        return base_text("Records: {0}").format(self.model.rowCount())

    def select_record(self, record_id: uuid.UUID) -> bool:
        found = self.model.find(lambda r: r.id == record_id)
        if found >= 0:
            self.table.selectRow(found)
            self._selected()
        return found >= 0

    def selected_row(self) -> ProgrammeRow | None:
        return self.model.row_of(self.table.currentIndex())

    def _selected(self) -> None:
        row = self.selected_row()
        self.detail.show_row(row, origin=self._county)
        may = (
            row is not None
            and self.services is not None
            and self._writable
            and self.services.programmes.may_create(self.spec.kind)
            and row.mine
        )
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(may)
            if row is not None and not row.mine:
                button.setToolTip(self.tr("This record belongs to {0}: it is changed there.")
                                  .format(row.origin or "—"))  # fmt: skip
            else:
                button.setToolTip("" if may or row is None else self._why_not())
        self.show_extras(row)

    def add(self) -> None:
        if self.services is not None and self.add_button.isEnabled():
            self._open(None)

    def edit_current(self) -> None:
        row = self.selected_row()
        if row is not None and self.edit_button.isEnabled():
            self._open(row)

    def defaults(self) -> dict[str, Any]:
        """A new record's starting values: the year chosen in the filter."""
        year = self.year_filter.currentData()
        key = self.spec.year_key
        if year and key and self.spec.field(key).type.value == "year":
            return {key: year}
        return {}

    def _open(self, row: ProgrammeRow | None) -> None:
        assert self.services is not None
        saved = open_record(
            self, self.services, self.spec.kind, self._today(), row, defaults=self.defaults()
        )
        if saved is not None:
            self.after_save(saved)

    def after_save(self, saved: ProgrammeRow) -> None:
        self.reload()
        if not self.select_record(saved.id):  # filtered out: show it anyway
            self.clear_filters()
            self.reload()
            self.select_record(saved.id)
        self.record_saved.emit(saved)

    def delete_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None or not self.delete_button.isEnabled():
            return
        title = base_text("Delete")
        question = base_text("Delete this record?\n{0}").format(describe(self.spec, row))
        if not prompts.confirm(self, title, question):
            return
        try:
            self.services.programmes.delete(self.spec.kind, row.id, row.version)
        except ServiceError as exc:
            prompts.error(self, title, message(exc))
        self.reload()
