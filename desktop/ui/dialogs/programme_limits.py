"""The special fund's year: its total and the most one project may receive (set by the
county)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from desktop.domain.errors import DraftInvalid
from desktop.domain.programme_checks import MSG_MONEY
from desktop.domain.programmes import FundLimits
from desktop.domain.validation import InvalidValue
from desktop.ui.dialogs.programme_widgets import MoneyEdit
from desktop.ui.forms import RecordDialog
from desktop.ui.programme_values import money_text

if TYPE_CHECKING:
    from desktop.services import Services


class FundLimitsDialog(RecordDialog):
    def __init__(
        self, services: Services, year: int, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Special fund of the year"), parent)
        self._services = services
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(year)
        self.year.setMaximumWidth(120)
        self.add_field("year", self.tr("Year"), self.year)
        self.total = self.add_field("total_fen", self.tr("Total of the year (yuan)"), MoneyEdit())
        self.cap = self.add_field("cap_fen", self.tr("Most for one project (yuan)"), MoneyEdit())
        self.used = QLabel()
        self.add_field("used", self.tr("Approved so far (yuan)"), self.used)
        self.year.valueChanged.connect(self._show_year)
        self._show_year()
        self.open_size(440)

    def _show_year(self) -> None:
        year = self.year.value()
        limits = self._services.programmes.fund_limits(year)
        assert isinstance(self.total, MoneyEdit) and isinstance(self.cap, MoneyEdit)
        self.total.setText(money_text(limits.total_fen))
        self.cap.setText(money_text(limits.cap_fen))
        self.used.setText(money_text(self._services.programmes.fund_used(year)))

    def build_draft(self) -> FundLimits:
        assert isinstance(self.total, MoneyEdit) and isinstance(self.cap, MoneyEdit)
        total, cap = self.total.fen(), self.cap.fen()
        errors = {}
        if total is None:
            errors["total_fen"] = InvalidValue(MSG_MONEY)
        if cap is None:
            errors["cap_fen"] = InvalidValue(MSG_MONEY)
        if errors or total is None or cap is None:
            raise DraftInvalid(errors)
        return FundLimits(self.year.value(), total, cap)

    def submit(self, draft: FundLimits) -> FundLimits:
        self._services.programmes.set_fund_limits(draft)
        return draft
