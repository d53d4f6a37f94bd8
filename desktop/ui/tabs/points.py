"""The points tab (履职积分): the year's ranking and, behind each deputy, every point's record."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.points import DisputeKind, Scope, format_points
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.dialogs.disputes import DisputesDialog
from desktop.ui.dialogs.rules import RulesDialog
from desktop.ui.i18n import date_text, label, message
from desktop.ui.layout_memory import remember
from desktop.ui.record_table import fit_columns, widen_to_headings
from desktop.ui.table_model import Column, RowTableModel
from desktop.ui.tabs.bar import WrapBar, follow_items
from desktop.ui.tabs.base import find_data
from desktop.ui.tabs.filter_override import OverrideBanner

if TYPE_CHECKING:
    from desktop.domain.figures import PointBand


def _quarter(n: int) -> Callable[[Any], str]:
    return lambda r: format_points(r.register.quarters[n])


COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda r: r.rank, 50, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, 90),
    Column(QT_TRANSLATE_NOOP("Columns", "Township"), lambda r: r.township, 110),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Points"),
        lambda r: format_points(r.register.total),
        60,
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Q1"), _quarter(0), 45, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Q2"), _quarter(1), 45, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Q3"), _quarter(2), 45, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Q4"), _quarter(3), 45, align_right=True),
]


class PointsTab(QWidget):
    counts_changed = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Any = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All deputies"), None)
        for scope in Scope:
            self.scope.addItem(label(scope), scope.value)
        self.township = QComboBox()  # filled when a database is attached
        follow_items(self.scope, self.township)
        self.stars_button = QPushButton(self.tr("Exemplary deputies"))
        self.dispute_button = QPushButton(self.tr("Record a dispute…"))
        self.lock_button = QPushButton(self.tr("Confirm the year"))
        self.rules_button = QPushButton(self.tr("Points rules"))
        self.disputes_button = QPushButton(self.tr("Disputes"))
        self.scope_note = QLabel()
        bar = WrapBar()  # the buttons under the choices in a narrow window
        for widget in (
            QLabel(self.tr("Year")),
            self.year,
            self.scope,
            self.township,
            self.stars_button,
        ):
            bar.lead.addWidget(widget)
        bar.lead.addStretch()
        for button in (
            self.rules_button,
            self.dispute_button,
            self.disputes_button,
            self.lock_button,
        ):
            bar.tail.addWidget(button)
        self.model = RowTableModel(COLUMNS, self)
        self.table = remember(QTableView(), "ranking")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        fit_columns(self.table, COLUMNS)
        self.register = remember(QTreeWidget(), "register")
        self.register.setColumnCount(5)
        self.register.setHeaderLabels(
            [
                self.tr("Item / record"),
                self.tr("Count"),
                self.tr("Points"),
                self.tr("Adjustment"),
                self.tr("Subtotal"),
            ]
        )
        for i, width in enumerate((260, 100, 100, 100, 100)):
            self.register.setColumnWidth(i, width)
        widen_to_headings(self.register)
        self.glance = QLabel()
        self.glance.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.glance)
        right_layout.addWidget(self.register, 1)
        split = remember(QSplitter(Qt.Orientation.Horizontal), "split")
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        ranking = sum(self.table.columnWidth(i) for i in range(len(COLUMNS)))
        split.setSizes([ranking + 40, 600])  # the whole ranking in view
        self.band: PointBand | None = None  # the overview's band of points, until cleared
        self.band_banner = OverrideBanner()
        self.band_banner.cleared.connect(lambda: self.show_band(None))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.band_banner)
        layout.addWidget(split, 1)
        for signal in (
            self.year.valueChanged,
            self.scope.currentIndexChanged,
            self.township.currentIndexChanged,
        ):
            signal.connect(lambda *_: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_register())
        self.stars_button.clicked.connect(self.show_stars)
        self.dispute_button.clicked.connect(self.record_dispute)
        self.lock_button.clicked.connect(self.toggle_lock)
        self.rules_button.clicked.connect(self.show_rules)
        self.disputes_button.clicked.connect(self.show_disputes)
        self._county = False
        self._writable = False

    def attach(self, services: Any, writable: bool = True) -> None:
        self.services = services
        site = services.site.current()
        county = site is not None and site.role is SiteRole.COUNTY
        self._county, self._writable = county, writable
        self.disputes_button.setVisible(county)
        self.lock_button.setVisible(county and writable)
        self.dispute_button.setEnabled(writable)
        # A station's figures cover only what it recorded; the county's are complete.
        self.scope_note.setText(
            ""
            if county
            else self.tr(
                "Figures from this station's own records only: the county office has the "
                "full points."
            )
        )
        self.scope_note.setVisible(not county)
        self.township.blockSignals(True)
        self.township.clear()
        self.township.addItem(self.tr("All townships"), None)
        for town in services.reference.townships():
            self.township.addItem(town.name, town.id)
        self.township.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.services is None:
            return
        scope = self.scope.currentData()
        ranked = self.services.points.registers(
            self.year.value(),
            scope=Scope(scope) if scope else None,
            township_id=self.township.currentData(),
        )
        if self.band is not None:
            from desktop.domain.figures import point_band

            ranked = [r for r in ranked if point_band(r.register.total) == int(self.band.value)]
        self.model.set_rows(ranked)
        self.counts_changed.emit(self.tr("Deputies: {0}").format(len(ranked)))
        locked = self.services.points.is_locked(self.year.value())
        self.lock_button.setText(
            self.tr("Reopen the year") if locked else self.tr("Confirm the year")
        )
        if ranked:
            self.table.selectRow(0)
        else:
            self.register.clear()

    def _selected(self) -> Any | None:
        return self.model.row_of(self.table.currentIndex())

    def _show_register(self) -> None:
        self.register.clear()
        self.glance.clear()
        row = self._selected()
        if row is None:
            return
        # The ranking adds up in SQL; the records behind each point come for one deputy.
        register = self.services.points.register(
            uuid.UUID(row.register.deputy_id), self.year.value()
        )
        self.glance.setText(self._glance(register))
        for line in register.lines:
            if not line.count and not line.adjustment:
                continue
            points = format_points(line.points) + (" " + self.tr("(cap)") if line.capped else "")
            item = QTreeWidgetItem(
                [
                    line.item.name,
                    str(line.count),
                    points,
                    format_points(line.adjustment),
                    format_points(line.subtotal),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, line.item.code)
            for credit in line.credits:
                QTreeWidgetItem(
                    item,
                    [
                        f"{date_text(credit.day)} {credit.description}",
                        str(credit.quantity),
                        "",
                        "",
                        "",
                    ],
                )
            for adjustment in line.adjustments:
                QTreeWidgetItem(
                    item, [adjustment.reason, "", "", format_points(adjustment.delta), ""]
                )
            self.register.addTopLevelItem(item)
        total = QTreeWidgetItem([self.tr("Total"), "", "", "", format_points(register.total)])
        self.register.addTopLevelItem(total)

    def _glance(self, register: Any) -> str:
        """The deputy's year at a glance: what they did month by month, cases they took."""
        months = [0] * 12
        for line in register.lines:
            for credit in line.credits:
                months[credit.day.month - 1] += 1
        by_month = "  ".join(
            self.tr("{0}: {1}").format(self.tr("M{0}").format(m + 1), n)
            for m, n in enumerate(months)
            if n
        )
        cases = sum(line.count for line in register.lines if line.item.source == "case_taken")
        return self.tr("Records by month: {0}\nFeedback cases taken: {1}").format(
            by_month or "—", cases
        )

    def show_band(self, band: PointBand | None) -> None:
        """Only the deputies whose year's points fall in ``band`` (None: all of them again)."""
        self._set_band(band)
        self.reload()

    def _set_band(self, band: PointBand | None) -> None:
        self.band = band
        text = self.tr("deputies with {0} points")
        self.band_banner.show_conditions([text.format(label(band))] if band else [])

    def apply_filter(self, flt: Any, points_band: str = "") -> None:
        """The dashboard's points figures: the year of ``flt``, its township (a station's),
        the deputies of ``points_band`` (a PointBand's key) when a band's bar was clicked."""
        from desktop.domain.figures import PointBand  # not before the window paints

        self._set_band(PointBand(points_band) if points_band else None)
        township = flt.township_id
        if township is None and flt.station_id is not None and self.services is not None:
            stations = {s.id: s.parent_id for s in self.services.reference.stations()}
            township = stations.get(flt.station_id)
        for widget in (self.year, self.scope, self.township):
            widget.blockSignals(True)
        if flt.date_from is not None:
            self.year.setValue(flt.date_from.year)
        self.scope.setCurrentIndex(0)
        self.township.setCurrentIndex(max(0, find_data(self.township, township)))
        for widget in (self.year, self.scope, self.township):
            widget.blockSignals(False)
        self.reload()

    def select_deputy(self, deputy_id: uuid.UUID) -> None:
        found = self.model.find(lambda r: r.register.deputy_id == deputy_id.hex)
        if found >= 0:
            self.table.selectRow(found)

    def show_stars(self) -> None:
        if self.services is None:
            return
        stars = self.services.points.exemplary(
            self.year.value(), top_n=3, min_kinds=3, township_id=self.township.currentData()
        )
        # "{0} ({1})": a deputy and their township, as the language brackets it.
        who = self.tr("{0} ({1})")
        text = "\n".join(
            f"{s.rank}. {who.format(s.name, s.township)} {format_points(s.register.total)}"
            for s in stars
        ) or self.tr("No deputy meets the conditions yet.")
        prompts.info(self, self.tr("Exemplary deputies"), text)

    def record_dispute(self) -> None:
        row, current = self._selected(), self.register.currentItem()
        if row is None or self.services is None:
            return
        while current is not None and current.parent() is not None:
            current = current.parent()
        code = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        if not code:
            prompts.info(self, self.tr("Record a dispute"), self.tr("Choose an item first."))
            return
        kinds = [label(k) for k in DisputeKind]
        kind, ok = QInputDialog.getItem(
            self, self.tr("Record a dispute"), self.tr("Kind"), kinds, 0, False
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Record a dispute"), self.tr("Reason"))
        if not ok:
            return
        try:
            self.services.points.dispute(
                uuid.UUID(row.register.deputy_id),
                self.year.value(),
                code,
                list(DisputeKind)[kinds.index(kind)],
                reason,
            )
        except (ServiceError, ValueError) as exc:
            prompts.error(self, self.tr("Record a dispute"), message(exc))

    def show_rules(self) -> None:
        """The county edits the year's rules; a station, or a confirmed year, reads them."""
        if self.services is None:
            return
        year = self.year.value()
        scope = Scope(self.scope.currentData() or Scope.TOWNSHIP.value)
        rules = self.services.points.rule_set(year, scope)
        editable = self._county and self._writable and not self.services.points.is_locked(year)
        if RulesDialog(self.services, rules, editable, self).exec():
            self.reload()

    def show_disputes(self) -> None:
        if self.services is not None:
            DisputesDialog(self.services, self.year.value(), self).exec()
            self.reload()

    def toggle_lock(self) -> None:
        if self.services is None:
            return
        year = self.year.value()
        try:
            if self.services.points.is_locked(year):
                note, ok = QInputDialog.getText(
                    self, self.tr("Reopen the year"), self.tr("Why is the year reopened?")
                )
                if ok and note.strip():
                    self.services.points.reopen(year, note)
            elif prompts.confirm(
                self,
                self.tr("Confirm the year"),
                self.tr("Confirm the points of {0}? Changes then need the year reopened.").format(
                    year
                ),
            ):
                self.services.points.lock(year)
        except ServiceError as exc:
            prompts.error(self, self.tr("Confirm the year"), message(exc))
        self.reload()
