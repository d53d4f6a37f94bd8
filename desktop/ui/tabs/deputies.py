"""The deputies tab (代表): the roster in surname-stroke order, or by pinyin on request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QPushButton

from desktop.domain.enums import DeputyStatus, Gender, RosterStatus, SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import DeputyRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.ui import prompts
from desktop.ui.i18n import joined, label, message
from desktop.ui.table_model import Column, labels_of
from desktop.ui.tabs.bar import follow_items
from desktop.ui.tabs.base import RegisterTab


def _levels(row: DeputyRow) -> str:
    parts = []
    if row.is_county_level:
        parts.append(QCoreApplication.translate("DeputiesTab", "County"))
    if row.is_township_level:
        parts.append(QCoreApplication.translate("DeputiesTab", "Township"))
    return joined(parts)


def _both_levels() -> list[str]:
    """The Level column's longest text: a deputy of both."""
    return [_levels(SimpleNamespace(is_county_level=True, is_township_level=True))]


class DeputiesTab(RegisterTab):
    record_kind = "deputies"  # the workbook kind its table exports as
    points_requested = Signal(object)  # a deputy's id: show their year in the points tab
    has_dates = False
    all_kinds = QT_TRANSLATE_NOOP("RegisterTab", "All statuses")

    def __init__(self, parent: Any = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        self._today = today
        self._points: dict[str, tuple] = {}
        super().__init__(parent)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("By surname strokes"), "strokes")
        self.sort.addItem(self.tr("By pinyin"), "pinyin")
        follow_items(self.sort)
        self.bar.lead.insertWidget(0, self.sort)
        self.sort.currentIndexChanged.connect(self.reload)
        # The county keeps the roster: deputies typed at stations wait here for it.
        self.confirm_button = QPushButton(self.tr("Confirm into roster"))
        self.map_button = QPushButton(self.tr("Same person as…"))
        buttons = self.bar.tail
        for button in (self.confirm_button, self.map_button):
            buttons.insertWidget(buttons.indexOf(self.add_button), button)
            button.hide()
        self.confirm_button.clicked.connect(self.confirm_current)
        self.points_button = QPushButton(self.tr("Year at a glance"))
        buttons.insertWidget(buttons.indexOf(self.add_button), self.points_button)
        self.points_button.clicked.connect(self._ask_points)
        self.map_button.clicked.connect(self.map_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._roster_buttons())

    def _ask_points(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.points_requested.emit(row.id)

    def attach(self, services: Any, writable: bool = True) -> None:
        site = services.site.current()
        self._county = site is not None and site.role is SiteRole.COUNTY and writable
        for button in (self.confirm_button, self.map_button):
            button.setVisible(self._county)
        super().attach(services, writable)
        self._roster_buttons()

    def _roster_buttons(self) -> None:
        row = self.selected_row()
        pending = row is not None and row.roster_status is RosterStatus.PROVISIONAL
        for button in (self.confirm_button, self.map_button):
            button.setEnabled(bool(getattr(self, "_county", False)) and pending)

    def confirm_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None:
            return
        try:
            self.services.deputies.confirm(row.id, row.version)
        except ServiceError as exc:
            prompts.error(self, self.tr("Confirm into roster"), message(exc))
        self.reload()

    def map_current(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None:
            return
        from desktop.ui.dialogs.deputy import MapDeputyDialog  # dialogs load when opened

        if MapDeputyDialog(self.services, row, self).exec():
            self.reload()

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, 90),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Gender"),
                lambda r: label(r.gender),
                50,
                fits=labels_of(Gender),
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Ethnicity"), lambda r: r.ethnicity, 70),
            Column(QT_TRANSLATE_NOOP("Columns", "Level"), _levels, 90, fits=_both_levels),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Stations"),
                lambda r: joined(r.station_names),
                220,
                tooltip=True,
            ),
            self.origin_column(),
            Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r.phone), 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Occupation"), lambda r: r.occupation, 120),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Status"),
                lambda r: label(r.status),
                70,
                fits=labels_of(DeputyStatus),
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Points this year"),
                self._points_text,
                70,
                align_right=True,
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Rank"), self._rank_text, 50, align_right=True),
            self.sent_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Roster"),
                lambda r: label(r.roster_status),
                140,
                fits=labels_of(RosterStatus),
            ),
        ]

    def _points_text(self, row: DeputyRow) -> str:
        found = getattr(self, "_points", {}).get(row.id.hex)
        if not found:
            return ""
        from desktop.domain.points import format_points  # after the first paint

        return format_points(found[0])

    def _rank_text(self, row: DeputyRow) -> str:
        found = getattr(self, "_points", {}).get(row.id.hex)
        return str(found[1]) if found else ""

    def _load_points(self) -> None:
        """This year's points and rank, after the names are on screen (they take longer)."""
        if self.services is None:
            return
        year = self._today().year
        ranked = self.services.points.registers(year)
        self._points = {r.register.deputy_id: (r.register.total, r.rank) for r in ranked}
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1),
            )

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(s), s.value) for s in DeputyStatus]

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.set_rows(self.services.deputies.list(flt, sort=self.sort.currentData()))
        QTimer.singleShot(0, self, self._load_points)

    def open_dialog(self, row: DeputyRow | None) -> Any:
        assert self.services is not None
        from desktop.ui.dialogs.deputy import DeputyDialog  # dialogs load when opened

        dialog = DeputyDialog(self.services, row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: DeputyRow) -> None:
        assert self.services is not None
        self.services.deputies.delete(row.id, row.version)

    def describe(self, row: DeputyRow) -> str:
        return row.name
