"""Recording a duty day at a station, and a visit."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.domain.checks import MAX_PLAN_DAYS
from desktop.domain.enums import DutyKind, VisitKind
from desktop.domain.records import DutyDayDraft, DutyDayRow, VisitDraft, VisitRow
from desktop.ui.dialogs.common import deputies_for, station_combo
from desktop.ui.forms import (
    DeputyPicker,
    MultiLineEdit,
    RecordDialog,
    date_edit,
    date_of,
    enum_combo,
)

if TYPE_CHECKING:
    from desktop.services import Services


def _count_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 100_000)
    box.setValue(value)
    return box


class DutyDayDialog(RecordDialog):
    def __init__(
        self,
        services: Services,
        today: dt.date,
        row: DutyDayRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit duty day") if row else self.tr("Record a duty day"), parent)
        self._services, self._row = services, row
        # A duty day may be planned ahead (the rota; its sign-in sheet): up to a year.
        ahead = today + dt.timedelta(days=MAX_PLAN_DAYS)
        self.day = self.add_field(
            "day", self.tr("Date"), date_edit(row.day if row else today, latest=ahead)
        )
        self.station = self.add_field(
            "station_id",
            self.tr("Station"),
            station_combo(services, row.station_id if row else None),
        )
        self.kind = self.add_field(
            "kind", self.tr("Kind"), enum_combo(list(DutyKind), row.kind if row else None)
        )
        self.deputies = self.add_field(
            "deputy_ids",
            self.tr("Deputies on duty"),
            DeputyPicker(
                deputies_for(services, self.station.currentData()), row.deputy_ids if row else ()
            ),
        )
        self.people = self.add_field(
            "people_received",
            self.tr("People received"),
            _count_box(row.people_received if row else 0),
        )
        self.summary = self.add_field("summary", self.tr("Summary"), MultiLineEdit())
        if row:
            self.summary.setPlainText(row.summary)
        self.open_size(520)

    def build_draft(self) -> DutyDayDraft:
        return DutyDayDraft(
            station_id=self.station.currentData(),
            day=date_of(self.day),
            kind=self.kind.currentData(),
            deputy_ids=self.deputies.chosen_ids(),
            people_received=self.people.value(),
            summary=self.summary.text(),
        )

    def submit(self, draft: DutyDayDraft) -> DutyDayRow:
        if self._row is None:
            return self._services.duty_days.create(draft)
        return self._services.duty_days.update(self._row.id, draft, self._row.version)


class VisitDialog(RecordDialog):
    def __init__(
        self,
        services: Services,
        today: dt.date,
        row: VisitRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit visit") if row else self.tr("Record a visit"), parent)
        self._services, self._row = services, row
        self.day = self.add_field(
            "day", self.tr("Date"), date_edit(row.day if row else today, latest=today)
        )
        self.station = self.add_field(
            "station_id",
            self.tr("Station"),
            station_combo(services, row.station_id if row else None),
        )
        self.kind = self.add_field(
            "kind", self.tr("Kind"), enum_combo(list(VisitKind), row.kind if row else None)
        )
        candidates = deputies_for(services, self.station.currentData())
        self.visitors = self.add_field(
            "visitor_ids",
            self.tr("Deputies visiting"),
            DeputyPicker(candidates, row.visitor_ids if row else ()),
        )
        self.other_visitors = self.add_field(
            "other_visitors",
            self.tr("Other visitors"),
            QLineEdit(row.other_visitors if row else ""),
        )
        self.other_visitors.setPlaceholderText(
            self.tr("Standing-committee members or staff who are not deputies")
        )
        self.visited = self.add_field(
            "visited_deputy_ids",
            self.tr("Deputies visited"),
            DeputyPicker(candidates, row.visited_deputy_ids if row else ()),
        )
        self.visited_people = self.add_field(
            "visited_people",
            self.tr("Constituents visited"),
            QLineEdit(row.visited_people if row else ""),
        )
        self.people = self.add_field(
            "people_count", self.tr("Number of people"), _count_box(row.people_count if row else 0)
        )
        self.summary = self.add_field("summary", self.tr("Summary"), MultiLineEdit())
        if row:
            self.summary.setPlainText(row.summary)
        self.open_size(520)

    def build_draft(self) -> VisitDraft:
        return VisitDraft(
            station_id=self.station.currentData(),
            day=date_of(self.day),
            kind=self.kind.currentData(),
            visitor_ids=self.visitors.chosen_ids(),
            other_visitors=self.other_visitors.text(),
            visited_deputy_ids=self.visited.chosen_ids(),
            visited_people=self.visited_people.text(),
            people_count=self.people.value(),
            summary=self.summary.text(),
        )

    def submit(self, draft: VisitDraft) -> VisitRow:
        if self._row is None:
            return self._services.visits.create(draft)
        return self._services.visits.update(self._row.id, draft, self._row.version)
