"""The deputy activity tab (履职活动): meetings, inspections, training and the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.domain.enums import Attendance
from desktop.domain.records import ActivityRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.i18n import date_text, joined
from desktop.ui.table_model import Column
from desktop.ui.tabs.base import RegisterTab


def _count(row: ActivityRow, attendance: Attendance) -> int:
    return sum(1 for p in row.participants if p.attendance is attendance)


class ActivitiesTab(RegisterTab):
    record_kind = "activities"  # the workbook kind its table exports as

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        self._today = today
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: date_text(r.day), 95),
            Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: r.kind_name, 140),
            Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.title, 220, tooltip=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Place"), lambda r: r.location, 120),
            Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station_name, 160),
            self.origin_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Present"),
                lambda r: _count(r, Attendance.PRESENT),
                60,
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Excused"),
                lambda r: _count(r, Attendance.EXCUSED),
                60,
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Unexcused"),
                lambda r: _count(r, Attendance.UNEXCUSED),
                60,
                align_right=True,
            ),
            self.sent_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Participants"),
                lambda r: joined(p.deputy_name for p in r.participants),
                300,
                tooltip=True,
            ),
        ]

    def kind_choices(self) -> list[tuple[str, Any]]:
        return []  # filled from the county's list once a database is attached

    def attach(self, services: Any, writable: bool = True) -> None:
        self.kind_filter.blockSignals(True)
        while self.kind_filter.count() > 1:
            self.kind_filter.removeItem(1)
        for kind in services.reference.activity_kinds():
            self.kind_filter.addItem(kind.name, str(kind.id))
        self.kind_filter.blockSignals(False)
        filters = self.bar.lead
        if filters.indexOf(self.kind_filter) < 0:
            filters.insertWidget(filters.indexOf(self.search), self.kind_filter)
        super().attach(services, writable)

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.load(lambda after: self.services.activities.page(flt, after))

    def total(self, flt: ListFilter) -> int:
        assert self.services is not None
        return self.services.activities.count(flt)

    def open_dialog(self, row: ActivityRow | None) -> Any:
        assert self.services is not None
        dialog = ActivityDialog(self.services, self._today(), row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: ActivityRow) -> None:
        assert self.services is not None
        self.services.activities.delete(row.id, row.version)

    def describe(self, row: ActivityRow) -> str:
        return f"{date_text(row.day)} {row.title}"
