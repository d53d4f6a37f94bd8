"""The feedback tab (意见建议): cases as they were registered; the workflow comes next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import CaseState
from desktop.domain.records import CaseRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.ui.dialogs.case import CaseDialog
from desktop.ui.i18n import date_text, label
from desktop.ui.table_model import Column
from desktop.ui.tabs.base import RegisterTab


def _person(row: CaseRow) -> str:
    return (
        QCoreApplication.translate("FeedbackTab", "Anonymous") if row.anonymous else row.person_name
    )


class FeedbackTab(RegisterTab):
    all_kinds = QT_TRANSLATE_NOOP("RegisterTab", "All states")

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        self._today = today
        super().__init__(parent)

    def columns(self) -> list[Column]:
        return [
            Column(
                QT_TRANSLATE_NOOP("Columns", "Received"), lambda r: date_text(r.received_date), 95
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station_name, 180),
            Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda r: label(r.channel), 80),
            Column(QT_TRANSLATE_NOOP("Columns", "Person"), _person, 70),
            Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r.phone), 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Village"), lambda r: r.village, 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Category"), lambda r: r.category_name, 130),
            Column(QT_TRANSLATE_NOOP("Columns", "State"), lambda r: label(r.state), 80),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Deputies"),
                lambda r: "、".join(r.deputy_names),
                110,
                tooltip=True,
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Content"), lambda r: r.content, 320, tooltip=True),
        ]

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(s), s.value) for s in CaseState]

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        self.model.load(lambda after: self.services.feedback.page(flt, after))

    def total(self, flt: ListFilter) -> int:
        assert self.services is not None
        return self.services.feedback.count(flt)

    def open_dialog(self, row: CaseRow | None) -> Any:
        assert self.services is not None
        dialog = CaseDialog(self.services, self._today(), row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: CaseRow) -> None:
        assert self.services is not None
        self.services.feedback.delete(row.id, row.version)

    def describe(self, row: CaseRow) -> str:
        return f"{date_text(row.received_date)} {row.content[:30]}"
