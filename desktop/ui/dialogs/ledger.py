"""Choosing a ledger to print or export: which one, which year or month, which station, which
order."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import BY_MONTH_KINDS, LEDGER_KINDS, PEOPLE_ORDERS, PROGRAMME_KINDS
from desktop.domain.roles import Permission
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.i18n import translated

if TYPE_CHECKING:
    from desktop.services import Services

LEDGER_NAMES = {
    "duty-days": QT_TRANSLATE_NOOP("LedgerDialog", "Duty-day reception ledger"),
    "visits": QT_TRANSLATE_NOOP("LedgerDialog", "Visits ledger"),
    "feedback": QT_TRANSLATE_NOOP("LedgerDialog", "Feedback handling ledger"),
    "activities": QT_TRANSLATE_NOOP("LedgerDialog", "Deputy activity ledger"),
    "points": QT_TRANSLATE_NOOP("LedgerDialog", "Annual points register"),
    "sign-in": QT_TRANSLATE_NOOP("LedgerDialog", "Sign-in sheet for a duty day"),
    "projects": QT_TRANSLATE_NOOP("LedgerDialog", "Voted livelihood projects ledger"),
    "fund-projects": QT_TRANSLATE_NOOP("LedgerDialog", "Special-fund projects ledger"),
    "drafts": QT_TRANSLATE_NOOP("LedgerDialog", "Draft-law consultation ledger"),
    "training": QT_TRANSLATE_NOOP("LedgerDialog", "Deputy training ledger"),
    "legal-events": QT_TRANSLATE_NOOP("LedgerDialog", "Legal-service events ledger"),
}
ORDER_NAMES = {
    "strokes": QT_TRANSLATE_NOOP("LedgerDialog", "By surname strokes"),
    "pinyin": QT_TRANSLATE_NOOP("LedgerDialog", "By pinyin"),
    "rank": QT_TRANSLATE_NOOP("LedgerDialog", "By points rank"),
}
PDF, XLSX = "pdf", "xlsx"


def ledger_name(kind: str) -> str:
    return translated("LedgerDialog", LEDGER_NAMES[kind])


class LedgerDialog(QDialog):
    """Returns a LedgerRequest and a format (preview the PDF, or save a workbook)."""

    def __init__(
        self,
        services: Services,
        today: dt.date,
        kind: str = "feedback",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print or export a ledger"))
        self.format = PDF
        self.kind = QComboBox()
        for k in LEDGER_KINDS:
            self.kind.addItem(ledger_name(k), k)
        self.kind.setCurrentIndex(LEDGER_KINDS.index(kind))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QComboBox()  # the whole year (as before), or one month of it
        self.month.addItem(self.tr("Whole year"), 0)
        for m in range(1, 13):
            self.month.addItem(self.tr("Month {0}").format(m), m)
        period = QHBoxLayout()
        period.addWidget(self.year)
        period.addWidget(self.month)
        period.addStretch()
        self.station = QComboBox()
        site = services.site.current()
        own = site.station_id if site else None
        if own is None:
            self.station.addItem(self.tr("All stations"), "")
        for station in services.reference.stations():
            if own is None or station.id == own:
                self.station.addItem(station.name, station.code)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.next_day = QCheckBox(self.tr("The next planned duty day"))
        self.next_day.setChecked(True)
        self.next_day.toggled.connect(lambda on: self.day.setEnabled(not on))
        self.day.setEnabled(False)
        self.order = QComboBox()
        for o in PEOPLE_ORDERS:
            self.order.addItem(translated("LedgerDialog", ORDER_NAMES[o]), o)
        self.reveal = QCheckBox(self.tr("Print phone and ID numbers in full"))
        self.reveal_note = QLabel(
            self.tr("Only for internal use: a printed ledger may leave the station.")
        )
        self.reveal_note.setStyleSheet("color: #8a5a00;")
        self.reveal_note.setVisible(False)
        self.reveal.toggled.connect(self.reveal_note.setVisible)
        # Only a role that may print full numbers gets the box; others read who may.
        self.reveal_refused = QLabel()
        self.reveal_refused.setWordWrap(True)
        self.reveal_refused.setStyleSheet("color: #666;")
        if not services.access.may(Permission.PRINT_UNMASKED):
            from desktop.services.access import NOT_PERMITTED

            why = translated("Service", NOT_PERMITTED[Permission.PRINT_UNMASKED])
            self.reveal.setEnabled(False)
            self.reveal.setToolTip(why)
            self.reveal_refused.setText(why)
        form = QFormLayout()
        form.addRow(self.tr("Ledger"), self.kind)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Station"), self.station)
        form.addRow(self.tr("Duty day"), self.next_day)
        form.addRow("", self.day)
        form.addRow(self.tr("Order of people"), self.order)
        form.addRow("", self.reveal)
        form.addRow("", self.reveal_note)
        form.addRow("", self.reveal_refused)
        self._form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(
            self.tr("Preview and print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.excel_button = buttons.addButton(
            self.tr("Save as Excel…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.preview_button.clicked.connect(lambda: self._choose(PDF))
        self.excel_button.clicked.connect(lambda: self._choose(XLSX))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        monthly = kind in BY_MONTH_KINDS  # points registers are annual; sign-in: a day
        self.month.setEnabled(monthly)
        if not monthly:
            self.month.setCurrentIndex(0)
        for widget in (self.next_day, self.day):
            self._form.setRowVisible(widget, kind == "sign-in")
        people = kind in ("feedback", "duty-days", "visits")
        self._form.setRowVisible(self.reveal, people)
        self._form.setRowVisible(self.reveal_refused, people and bool(self.reveal_refused.text()))
        self._form.setRowVisible(self.order, kind not in PROGRAMME_KINDS)  # they list no people
        rank = self.order.findData("rank")
        self.order.model().item(rank).setEnabled(kind == "points")
        if kind != "points" and self.order.currentData() == "rank":
            self.order.setCurrentIndex(0)

    def _choose(self, fmt: str) -> None:
        self.format = fmt
        self.accept()

    def request(self):  # -> LedgerRequest (services imported lazily: the dialog opens fast)
        from desktop.services.ledgers import LedgerRequest

        day, kind = None, self.kind.currentData()
        if kind == "sign-in" and not self.next_day.isChecked():
            q = self.day.date()
            day = dt.date(q.year(), q.month(), q.day())
        return LedgerRequest(
            kind=kind,
            year=self.year.value() if day is None else day.year,
            month=(self.month.currentData() or None) if kind in BY_MONTH_KINDS else None,
            station_code=self.station.currentData() or "",
            day=day,
            reveal=self.reveal.isChecked()
            and self.reveal.isEnabled()
            and self._form.isRowVisible(self.reveal),
            order=self.order.currentData(),
        )
