"""The household signs section (代表之家挂牌): the deputies whose home carries the sign, read from
the roster (the sign is set in a deputy's own form)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import DeputyStatus, SiteRole
from desktop.domain.records import DeputyRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.ui.i18n import joined, label
from desktop.ui.record_table import fit_columns
from desktop.ui.table_model import Column, RowTableModel, labels_of
from desktop.ui.tabs.bar import ManyChoices, WrapBar, fit_placeholder
from desktop.ui.tabs.programme_section import base_text

if TYPE_CHECKING:
    from desktop.services import Services


class HouseholdSignsSection(QWidget):
    counts_changed = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self.model = RowTableModel(
            [
                Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, 110),
                Column(
                    QT_TRANSLATE_NOOP("Columns", "Stations"),
                    lambda r: joined(r.station_names),
                    260,
                    tooltip=True,
                ),
                Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r.phone), 110),
                Column(QT_TRANSLATE_NOOP("Columns", "Occupation"), lambda r: r.occupation, 160),
                Column(
                    QT_TRANSLATE_NOOP("Columns", "Status"),
                    lambda r: label(r.status),
                    70,
                    fits=labels_of(DeputyStatus),
                ),
            ],
            self,
        )
        self.station_filter = ManyChoices()
        self.station_filter.hide()
        self.search = QLineEdit()
        self.search.setPlaceholderText(base_text("Search: words, a name or pinyin initials"))
        self.search.setClearButtonEnabled(True)
        fit_placeholder(self.search, 160)
        note = QLabel(self.tr("Deputies whose home carries the sign; set it in the deputy's form."))
        note.setStyleSheet("color: #555;")
        bar = WrapBar()  # the note under the filters in a narrow window
        bar.lead.addWidget(self.station_filter)
        bar.lead.addWidget(self.search, 1)
        bar.tail.addWidget(note)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table, self.model.columns())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.station_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(lambda _t: self.reload())

    def attach(self, services: Services, writable: bool = True) -> None:
        self.services = services
        site = services.site.current()
        county = site is not None and site.role is SiteRole.COUNTY
        self.station_filter.blockSignals(True)
        self.station_filter.clear()
        self.station_filter.addItem(base_text("All stations"), None)
        for station in services.reference.stations() if county else ():
            self.station_filter.addItem(station.name, station.id)
        self.station_filter.blockSignals(False)
        self.station_filter.setVisible(county)
        self.reload()

    def rows(self) -> list[DeputyRow]:
        assert self.services is not None
        flt = ListFilter(station_id=self.station_filter.currentData(), text=self.search.text())
        return [d for d in self.services.deputies.list(flt) if d.household_sign]

    def reload(self) -> None:
        if self.services is None:
            return
        self.model.set_rows(self.rows())
        self.counts_changed.emit(self.count_text())

    def count_text(self) -> str:
        return QCoreApplication.translate("HouseholdSignsSection", "Household signs: {0}").format(
            self.model.rowCount()
        )
