"""The feedback tab (意见建议): state counts, the cases, and the detail pane with the next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QToolButton

from desktop.domain.enums import CaseState
from desktop.domain.records import CASE_FLAGS, CaseRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.ui.case_detail import CaseDetail
from desktop.ui.dialogs.case import CaseDialog
from desktop.ui.i18n import date_text, label, paper_label, translated
from desktop.ui.layout_memory import remember
from desktop.ui.table_model import Column, labels_of
from desktop.ui.tabs.bar import WrapBar
from desktop.ui.tabs.base import RegisterTab

FLAG_LABELS = {
    "overdue": QT_TRANSLATE_NOOP("FeedbackTab", "Overdue"),
    "due_soon": QT_TRANSLATE_NOOP("FeedbackTab", "Due soon"),
    "follow_up": QT_TRANSLATE_NOOP("FeedbackTab", "Follow-up"),
    "conflict": QT_TRANSLATE_NOOP("FeedbackTab", "Conflicts"),
    "escalated": QT_TRANSLATE_NOOP("FeedbackTab", "Escalated"),
}


def _person(row: CaseRow) -> str:
    return (
        QCoreApplication.translate("FeedbackTab", "Anonymous") if row.anonymous else row.person_name
    )


class FeedbackTab(RegisterTab):
    record_kind = "feedback"  # the workbook kind its table exports as
    all_kinds = QT_TRANSLATE_NOOP("RegisterTab", "All states")

    def __init__(self, today: Callable[[], dt.date], parent: Any = None) -> None:
        self._today = today
        self._flag: str | None = None
        super().__init__(parent)
        self.detail = CaseDetail(today)
        self.detail.case_changed.connect(self._case_changed)
        self.detail.print_requested.connect(self.print_slip)
        # Counts by state across the top; each one is a filter.
        # The flags follow the states, or go under them in a narrow window.
        self.count_buttons: dict[Any, QToolButton] = {}
        counts = WrapBar(tail_right=False)
        for state in CaseState:
            self._count_button(counts.lead, state, state.value)
        counts.lead.addSpacing(10)
        counts.lead.addStretch()  # the states keep together when the flags go below
        for flag in CASE_FLAGS:
            self._count_button(counts.tail, flag, flag)
        layout = self.layout()
        layout.insertLayout(0, counts)
        layout.removeWidget(self.table)
        split = remember(QSplitter(Qt.Orientation.Horizontal), "split")
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

    def _count_button(self, bar: QHBoxLayout, key: Any, value: str) -> None:
        button = QToolButton()
        button.setCheckable(True)
        button.setAutoRaise(True)  # reads as a figure until pointed at
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda checked, v=value: self._choose(v, checked))
        bar.addWidget(button)
        self.count_buttons[key] = button

    def columns(self) -> list[Column]:
        return [
            Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.case_number, 120),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Received"), lambda r: date_text(r.received_date), 95
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "State"),
                lambda r: label(r.state),
                80,
                fits=labels_of(CaseState),
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Reply due"), self._due_text, 110, marker=self._marker
            ),
            self.sent_column(),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Person"),
                _person,
                70,
                fits=lambda: [translated("FeedbackTab", "Anonymous")],
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Phone"), lambda r: mask_phone(r.phone), 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Village"), lambda r: r.village, 100),
            Column(QT_TRANSLATE_NOOP("Columns", "Category"), lambda r: r.category_name, 120),
            Column(QT_TRANSLATE_NOOP("Columns", "Department"), lambda r: r.department_name, 110),
            Column(QT_TRANSLATE_NOOP("Columns", "Station"), lambda r: r.station_name, 160),
            self.origin_column(),
            Column(QT_TRANSLATE_NOOP("Columns", "Content"), lambda r: r.content, 320, tooltip=True),
        ]

    def _marker(self, row: CaseRow) -> str | None:
        if row.conflict:
            return "conflict"
        if row.state is not CaseState.REFERRED or row.deadline is None:
            return None
        if row.deadline < self._today():
            return "overdue"
        return "due_soon" if row.deadline <= self._due_soon_until else None

    def _due_text(self, row: CaseRow) -> str:
        if row.deadline is None or row.state is not CaseState.REFERRED:
            return ""
        return date_text(row.deadline) + ("" if row.deadline_exact else " *")

    def kind_choices(self) -> list[tuple[str, Any]]:
        return [(label(s), s.value) for s in CaseState]

    # --- filters and counts --------------------------------------------------------------

    def _choose(self, value: str, checked: bool) -> None:
        # The counts on the buttons include the overview's conditions: a click narrows within.
        self._applying = True
        try:
            if value in CASE_FLAGS:
                self._flag = value if checked else None
                if self._override.pop("flag", None) is not None:  # one flag at a time
                    self.override_banner.show_override(self._override, self)
            else:
                self.kind_filter.setCurrentIndex(
                    max(0, self.kind_filter.findData(value)) if checked else 0
                )
        finally:
            self._applying = False
        self.reload()

    def widget_filter(self) -> ListFilter:
        return replace(super().widget_filter(), flag=self._flag)

    def set_flag(self, flag: str | None) -> None:
        self._flag = flag if flag in CASE_FLAGS else None  # the overview's own flags: override

    def attach(self, services: Any, writable: bool = True) -> None:
        self.detail.attach_services(services)
        super().attach(services, writable)

    def load(self, flt: ListFilter) -> None:
        assert self.services is not None
        clock = self.services.feedback.clock()
        self._due_soon_until = clock.due_soon_until()
        self.model.load(lambda after: self.services.feedback.page(flt, after))
        if self.model.rowCount():
            self.table.selectRow(0)  # the detail pane is never empty when there is a case
        else:
            self.detail.show_case(None)
        QTimer.singleShot(0, self, lambda: self._refresh_counts(flt))

    def _refresh_counts(self, flt: ListFilter) -> None:
        if self.services is None or flt != self.current_filter():
            return
        states = self.services.feedback.state_counts(flt)
        for state in CaseState:
            button = self.count_buttons[state]
            button.setText(f"{label(state)} {states.get(state, 0)}")
            button.setChecked(flt.kind == state.value)
        flags = self.services.feedback.flag_counts(replace(flt, kind=None, flag=None))
        for flag in CASE_FLAGS:
            button = self.count_buttons[flag]
            prefix = "⚠ " if flag in ("overdue", "conflict") and flags[flag] else ""
            button.setText(f"{prefix}{translated('FeedbackTab', FLAG_LABELS[flag])} {flags[flag]}")
            button.setChecked(self._flag == flag)

    def count_text(self, flt: ListFilter) -> str:
        assert self.services is not None
        flags = self.services.feedback.flag_counts(
            ListFilter(station_id=flt.station_id, township_id=flt.township_id)
        )
        base = super().count_text(flt)
        return self.tr("{0}; overdue {1}, due soon {2}").format(
            base, flags["overdue"], flags["due_soon"]
        )

    def total(self, flt: ListFilter) -> int:
        assert self.services is not None
        return self.services.feedback.count(flt)

    # --- rows and the detail pane ---------------------------------------------------------

    def _show_selected(self) -> None:
        self.detail.show_case(self.selected_row())

    def _case_changed(self, row: CaseRow) -> None:
        index = self.model.replace_row(row)
        self.detail.show_case(row)
        if index >= 0:
            self.table.selectRow(index)
        QTimer.singleShot(0, self, lambda: self._refresh_counts(self.current_filter()))

    def open_dialog(self, row: CaseRow | None) -> Any:
        assert self.services is not None
        dialog = CaseDialog(self.services, self._today(), row, self)
        return dialog.saved_row if dialog.exec() else None

    def delete_row(self, row: CaseRow) -> None:
        assert self.services is not None
        self.services.feedback.delete(row.id, row.version)

    def describe(self, row: CaseRow) -> str:
        return f"{row.case_number} {row.content[:30]}"

    def print_slip(self, case: CaseRow, kind: str) -> Any:
        """Render the slip off the UI thread, then show it in the print preview (Print, Save as
        PDF); a refusal (not referred yet...) arrives as a message in Chinese."""
        from desktop.ui.print_preview import show_pdf_preview  # pypdfium2 loads on demand

        assert self.services is not None
        slips = self.services.slips
        render = slips.referral_pdf if kind == "referral" else slips.reply_pdf
        title = self.tr("referral slip") if kind == "referral" else self.tr("reply slip")
        name = f"{case.case_number}-{title}.pdf"
        return show_pdf_preview(
            self,
            title,
            lambda _p, _c: render(case.id, paper_label),
            name,
            on_output=lambda output, _pdf: slips.record_output(case.id, kind, output),
        )
