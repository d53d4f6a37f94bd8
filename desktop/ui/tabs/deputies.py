"""The deputies tab (代表): the roster in surname-stroke order, or by pinyin on request."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from desktop.domain.enums import DeputyStatus
from desktop.domain.records import DeputyRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.ui.dialogs.deputy import DeputyDialog
from desktop.ui.i18n import label
from desktop.ui.table_model import Column
from desktop.ui.tabs.base import RegisterTab


def _levels(row: DeputyRow) -> str:
    parts = []
    if row.is_county_level:
        parts.append(QCoreApplication.translate("DeputiesTab", "County"))
    if row.is_township_level:
        parts.append(QCoreApplication.translate("DeputiesTab", "Township"))
    return "、".join(parts)


class DeputiesTab(RegisterTab):
    has_dates = False
    all_kinds = QT_TRANSLATE_NOOP("RegisterTab", "All statuses")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sort = QComboBox()
        self.sort.addItem(self.tr("By surname strokes"), "strokes")
        self.sort.addItem(self.tr("By pinyin"), "pinyin")
        self.layout().itemAt(0).layout().insertWidget(0, self.sort)
        self.sort.currentIndexChanged.connect(self.reload)

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, 90),
            Column(QT_TRANSLATE_NOOP("Columns", "Gender"), lambda r: label(r.gender), 50),
            Column(QT_TRANSLATE_NOOP("Columns", "Ethnicity"), lambda r: r.ethnicity, 70),
            Column(QT_TRANSLATE_NOOP("Columns", "Level"), _levels, 90),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Stations"),
                lambda r: "、".join(r.station_names),
                220,
                tooltip=True,
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r.phone), 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Occupation"), lambda r: r.occupation, 120),
            Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: label(r.status), 70),
            Column(QT_TRANSLATE_NOOP("Columns", "Roster"), lambda r: label(r.roster_status), 140),
        ]

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(s), s.value) for s in DeputyStatus]

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.set_rows(self.services.deputies.list(flt, sort=self.sort.currentData()))

    def open_dialog(self, row: DeputyRow | None) -> Any:
        assert self.services is not None
        dialog = DeputyDialog(self.services, row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: DeputyRow) -> None:
        assert self.services is not None
        self.services.deputies.delete(row.id, row.version)

    def describe(self, row: DeputyRow) -> str:
        return row.name
