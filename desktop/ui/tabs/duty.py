"""The duty-days tab (进站履职): duty days at the stations, and visits, as two registers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.domain.enums import DutyKind, VisitKind
from desktop.domain.records import DutyDayRow, ListFilter, VisitRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.dialogs.duty import DutyDayDialog, VisitDialog
from desktop.ui.i18n import date_text, joined, label
from desktop.ui.layout_memory import remember
from desktop.ui.table_model import Column, labels_of
from desktop.ui.tabs.base import RegisterTab


class DutyDaysTab(RegisterTab):
    record_kind = "duty-days"

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        self._today = today
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: date_text(r.day), 95),
            Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station_name, 200),
            self.origin_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Kind"),
                lambda r: label(r.kind),
                90,
                fits=labels_of(DutyKind),
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Deputies on duty"),
                lambda r: joined(r.deputy_names),
                180,
                tooltip=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "People received"),
                lambda r: r.people_received,
                80,
                align_right=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Opinions formed"),
                lambda r: r.opinions_formed,
                80,
                align_right=True,
            ),
            self.sent_column(),
            Column(QT_TRANSLATE_NOOP("Columns", "Summary"), lambda r: r.summary, 300, tooltip=True),
        ]

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(k), k.value) for k in DutyKind]

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.load(lambda after: self.services.duty_days.page(flt, after))

    def total(self, flt: ListFilter) -> int:
        assert self.services is not None
        return self.services.duty_days.count(flt)

    def open_dialog(self, row: DutyDayRow | None) -> Any:
        assert self.services is not None
        dialog = DutyDayDialog(self.services, self._today(), row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: DutyDayRow) -> None:
        assert self.services is not None
        self.services.duty_days.delete(row.id, row.version)

    def describe(self, row: DutyDayRow) -> str:
        return f"{date_text(row.day)} {row.station_name}"


class VisitsTab(RegisterTab):
    record_kind = "visits"

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        self._today = today
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: date_text(r.day), 95),
            Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station_name, 200),
            self.origin_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Kind"),
                lambda r: label(r.kind),
                120,
                fits=labels_of(VisitKind),
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Visitors"),
                lambda r: joined(filter(None, (*r.visitor_names, r.other_visitors))),
                140,
                tooltip=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Visited"),
                lambda r: joined(filter(None, (*r.visited_deputy_names, r.visited_people))),
                180,
                tooltip=True,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Opinions collected"),
                lambda r: r.opinions_collected,
                80,
                align_right=True,
            ),
            self.sent_column(),
            Column(QT_TRANSLATE_NOOP("Columns", "Summary"), lambda r: r.summary, 300, tooltip=True),
        ]

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(k), k.value) for k in VisitKind]

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.load(lambda after: self.services.visits.page(flt, after))

    def total(self, flt: ListFilter) -> int:
        assert self.services is not None
        return self.services.visits.count(flt)

    def open_dialog(self, row: VisitRow | None) -> Any:
        assert self.services is not None
        dialog = VisitDialog(self.services, self._today(), row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: VisitRow) -> None:
        assert self.services is not None
        self.services.visits.delete(row.id, row.version)

    def describe(self, row: VisitRow) -> str:
        return f"{date_text(row.day)} {row.station_name}"


class DutyTab(QWidget):
    """Duty days and visits side by side, as the station's reception ledger keeps them."""

    counts_changed = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        super().__init__(parent)
        self.duty_days = DutyDaysTab(today)
        self.duty_days.setObjectName("duty-days")  # the names its layout is kept under
        self.visits = VisitsTab(today)
        self.visits.setObjectName("visits")
        self.inner = remember(QTabWidget(), "inner")  # the page left open, shown next time
        self.inner.addTab(self.duty_days, self.tr("Duty days"))
        self.inner.addTab(self.visits, self.tr("Visits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)
        self._counts = {self.duty_days: "", self.visits: ""}
        for tab in (self.duty_days, self.visits):
            tab.counts_changed.connect(lambda text, t=tab: self._count(t, text))
        self.inner.currentChanged.connect(lambda _i: self._count(None, ""))

    def _count(self, tab: RegisterTab | None, text: str) -> None:
        if tab is not None:
            self._counts[tab] = text
        self.counts_changed.emit(self._counts[self.inner.currentWidget()])

    def attach(self, services: Any, writable: bool = True) -> None:
        self.duty_days.attach(services, writable)
        self.visits.attach(services, writable)

    def reload(self) -> None:
        self.duty_days.reload()
        self.visits.reload()

    def refresh_sent(self) -> None:
        self.duty_days.refresh_sent()
        self.visits.refresh_sent()

    def current_table(self) -> RegisterTab:
        return self.inner.currentWidget()
