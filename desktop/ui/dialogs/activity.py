"""Recording a deputy activity with its participants' attendance."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QSpinBox, QTableWidget, QWidget

from desktop.domain.enums import Attendance
from desktop.domain.records import ActivityDraft, ActivityRow, ParticipantDraft
from desktop.ui.dialogs.common import deputies_for, ref_combo, station_combo
from desktop.ui.forms import (
    DeputyPicker,
    MultiLineEdit,
    RecordDialog,
    date_edit,
    date_of,
    enum_combo,
)
from desktop.ui.record_table import widen_to_headings

if TYPE_CHECKING:
    from desktop.services import Services


class ParticipantTable(QTableWidget):
    """The chosen deputies, each with attendance and a quantity (times or half days)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Columns", "Deputy"),
                QCoreApplication.translate("Columns", "Attendance"),
                QCoreApplication.translate("Columns", "Times or half days"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        widen_to_headings(self)
        self.setMinimumHeight(140)
        self._ids: list = []

    def sync(self, chosen: list[tuple], keep: dict) -> None:
        """Show exactly ``chosen`` [(id, name)], keeping attendance already set for each."""
        current = {pid: self.values(i) for i, pid in enumerate(self._ids)}
        current.update({k: v for k, v in keep.items() if k not in current})
        self.setRowCount(0)
        self._ids = []
        for pid, name in chosen:
            attendance, quantity = current.get(pid, (Attendance.PRESENT, 1))
            row = self.rowCount()
            self.insertRow(row)
            self.setCellWidget(row, 0, QLineEdit(name, readOnly=True, frame=False))
            self.setCellWidget(row, 1, enum_combo(list(Attendance), attendance))
            spin = QSpinBox()
            spin.setRange(0, 1000)
            spin.setValue(quantity)
            self.setCellWidget(row, 2, spin)
            self._ids.append(pid)

    def values(self, row: int) -> tuple[Attendance, int]:
        combo = self.cellWidget(row, 1)
        spin = self.cellWidget(row, 2)
        assert isinstance(combo, QComboBox) and isinstance(spin, QSpinBox)
        return combo.currentData(), spin.value()

    def participants(self) -> tuple[ParticipantDraft, ...]:
        return tuple(ParticipantDraft(pid, *self.values(i)) for i, pid in enumerate(self._ids))


class ActivityDialog(RecordDialog):
    def __init__(
        self,
        services: Services,
        today: dt.date,
        row: ActivityRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit activity") if row else self.tr("Record an activity"), parent)
        self._services, self._row = services, row
        self.kind = self.add_field(
            "kind_id",
            self.tr("Kind"),
            ref_combo(services.reference.activity_kinds(), row.kind_id if row else None),
        )
        self.day = self.add_field(
            "day", self.tr("Date"), date_edit(row.day if row else today, latest=today)
        )
        self.title_edit = self.add_field(
            "title", self.tr("Title"), QLineEdit(row.title if row else "")
        )
        self.location = self.add_field(
            "location", self.tr("Place"), QLineEdit(row.location if row else "")
        )
        self.station = self.add_field(
            "station_id",
            self.tr("Station"),
            station_combo(services, row.station_id if row else None),
        )
        existing = {
            p.deputy_id: (p.attendance, p.quantity) for p in (row.participants if row else ())
        }
        self.picker = DeputyPicker(
            deputies_for(services, self.station.currentData()), list(existing)
        )
        self.add_field("participants", self.tr("Participants"), self.picker)
        self.table = ParticipantTable()
        self.add_field("attendance", self.tr("Attendance"), self.table)
        self.summary = self.add_field("summary", self.tr("Summary"), MultiLineEdit())
        if row:
            self.summary.setPlainText(row.summary)
        self._existing = existing
        self.picker.changed.connect(self._sync_table)
        self._sync_table()
        self.open_size(600)

    def _sync_table(self) -> None:
        chosen = list(zip(self.picker.chosen_ids(), self.picker.chosen_names(), strict=True))
        self.table.sync(chosen, self._existing)

    def build_draft(self) -> ActivityDraft:
        return ActivityDraft(
            kind_id=self.kind.currentData(),
            day=date_of(self.day),
            station_id=self.station.currentData(),
            title=self.title_edit.text(),
            location=self.location.text(),
            summary=self.summary.text(),
            participants=self.table.participants(),
        )

    def submit(self, draft: ActivityDraft) -> ActivityRow:
        if self._row is None:
            return self._services.activities.create(draft)
        return self._services.activities.update(self._row.id, draft, self._row.version)
