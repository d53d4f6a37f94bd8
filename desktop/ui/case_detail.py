"""The feedback tab's detail pane: the case, its timeline, attachments and the next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import CaseState
from desktop.domain.errors import Refusal, ServiceError
from desktop.domain.records import CaseRow
from desktop.domain.roles import Permission
from desktop.domain.validation import mask_id_number, mask_phone
from desktop.domain.workflow import CaseAction, Outcome, Satisfaction
from desktop.ui import prompts
from desktop.ui.dialogs.resolve import ResolveDialog
from desktop.ui.dialogs.steps import StepDialog
from desktop.ui.i18n import date_text, joined, label, message, translated

if TYPE_CHECKING:
    from desktop.services import Services

A = CaseAction
# The buttons in the order a clerk meets them along the flow.
STEP_BUTTONS = (A.REFER, A.REPLY, A.ANSWER_BACK, A.CLOSE, A.RETURN, A.ESCALATE, A.MERGE,
                A.ANSWER_ON_SPOT, A.NOT_ACCEPT, A.FOLLOW_UP_REPLY)  # fmt: skip


class CaseDetail(QWidget):
    """Shows one case; every change goes through a step dialog and is announced by a signal."""

    case_changed = Signal(object)
    print_requested = Signal(object, str)  # the case, "referral" | "reply"
    fund_project_requested = Signal(object)  # a special-fund project's id (its chain)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.services: Services | None = None
        self.case: CaseRow | None = None
        self._revealed = False
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.title.setWordWrap(True)
        self.facts = QFormLayout()
        facts_box = QGroupBox(self.tr("The case"))
        facts_box.setLayout(self.facts)
        self.reveal_button = QPushButton(self.tr("Show full phone and ID number"))
        self.reveal_button.clicked.connect(self.reveal)
        from desktop.ui.programme_chain_view import CaseFundProjects

        self.chain = CaseFundProjects()
        self.chain.fund_project_requested.connect(self.fund_project_requested)
        self.chain_box = QGroupBox(self.tr("Special-fund projects"))
        QVBoxLayout(self.chain_box).addWidget(self.chain)
        self.chain_box.hide()
        self.buttons: dict[CaseAction, QPushButton] = {}
        grid = QGridLayout()
        for i, action in enumerate(STEP_BUTTONS):
            button = QPushButton(label(action))
            button.clicked.connect(lambda _c=False, a=action: self.run_step(a))
            grid.addWidget(button, i // 4, i % 4)
            self.buttons[action] = button
        self.resolve_button = QPushButton(self.tr("Settle the conflict…"))
        self.resolve_button.clicked.connect(self.resolve)
        grid.addWidget(self.resolve_button, len(STEP_BUTTONS) // 4 + 1, 0, 1, 4)
        steps_box = QGroupBox(self.tr("Next steps"))
        steps_box.setLayout(grid)
        self.timeline = QListWidget()
        self.timeline.setMinimumHeight(140)
        timeline_box = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        self.attachments = QListWidget()
        self.attachments.setMaximumHeight(90)
        self.attach_button = QPushButton(self.tr("Attach a file…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.attach_button.clicked.connect(self.attach_file)
        self.open_button.clicked.connect(self.open_attachment)
        self.attachments.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        files_box = QGroupBox(self.tr("Attachments"))
        files = QVBoxLayout(files_box)
        files.addWidget(self.attachments)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.open_button)
        files.addLayout(row)
        self.print_referral = QPushButton(self.tr("Print referral slip"))
        self.print_reply = QPushButton(self.tr("Print reply slip"))
        self.print_referral.clicked.connect(lambda: self._print("referral"))
        self.print_reply.clicked.connect(lambda: self._print("reply"))
        prints = QHBoxLayout()
        prints.addWidget(self.print_referral)
        prints.addWidget(self.print_reply)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for widget in (
            self.title,
            facts_box,
            self.reveal_button,
            self.chain_box,
            steps_box,
            timeline_box,
            files_box,
        ):
            layout.addWidget(widget)
        layout.addLayout(prints)
        layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        self.show_case(None)

    # --- showing ------------------------------------------------------------------------

    def show_case(self, case: CaseRow | None) -> None:
        if case is None or self.case is None or case.id != self.case.id:
            self._revealed = False  # a reveal is for one case, once
        self.case = case
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self._fact_labels: list[QLabel] = []
        self.timeline.clear()
        self.attachments.clear()
        enabled = case is not None and self.services is not None
        for widget in (
            self.reveal_button,
            self.attach_button,
            self.open_button,
            self.print_referral,
            self.print_reply,
        ):
            widget.setEnabled(enabled)
        self._show_chain(case if enabled else None)
        if not enabled:
            self.title.setText(self.tr("Choose a case in the list to see it here."))
            for button in self.buttons.values():
                button.setEnabled(False)
            self.resolve_button.hide()
            return
        assert case is not None and self.services is not None
        self.title.setText(f"{case.case_number}  {label(case.state)}")
        self._facts(case)
        self._offer_reveal(case)
        result, allowed = self.services.casework.status(case.id)
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed and not self.services.db.read_only)
        self.print_reply.setEnabled(bool(case.replied_on))
        self.print_referral.setEnabled(case.department_id is not None)
        for event in self.services.feedback.events(case.id):
            when = event.at.astimezone().strftime("%Y-%m-%d %H:%M")
            what = label(CaseAction(event.kind))
            note = f" — {event.note}" if event.note else ""
            self.timeline.addItem(f"{when}  {what}  {event.actor}{note}".rstrip())
        self._result = result
        self.resolve_button.setVisible(bool(result.conflict))
        self.resolve_button.setEnabled(not self.services.db.read_only)
        if result.conflict:
            self.timeline.addItem(self.tr("Conflict: two sites acted at once; settle it first."))
        for attachment in self.services.attachments.list(case.id):
            item_text = f"{attachment.file_name} ({attachment.size // 1024 + 1} KB)"
            self.attachments.addItem(item_text)
            self.attachments.item(self.attachments.count() - 1).setData(256, attachment.id)

    def _show_chain(self, case: CaseRow | None) -> None:
        """The special-fund projects born of the case, when there are any."""
        chain = None
        if case is not None and self.services is not None:
            try:
                chain = self.services.programme_chain.for_case(case.id)
            except ServiceError:
                chain = None
        shown = chain is not None and bool(chain.projects)
        self.chain.show_chain(chain if shown else None)
        self.chain_box.setVisible(shown)

    def _facts(self, case: CaseRow) -> None:
        phone = case.phone if self._revealed else mask_phone(case.phone)
        id_number = case.id_number if self._revealed else mask_id_number(case.id_number)
        person = self.tr("Anonymous") if case.anonymous else case.person_name
        rows = [
            (self.tr("Received"), date_text(case.received_date)),
            (self.tr("Person"), person),
            (self.tr("Phone"), phone),
            (self.tr("ID number"), id_number),
            (self.tr("Village"), case.village),
            (self.tr("Category"), case.category_name),
            (self.tr("Content"), case.content),
            (self.tr("Receiving deputies"), joined(case.deputy_names)),
            (self.tr("Department"), case.department_name),
            (self.tr("Reply due"), self._deadline_text(case)),
            (self.tr("Reply"), self._reply_text(case)),
            (
                self.tr("Satisfaction"),
                label(Satisfaction(case.satisfaction)) if case.satisfaction else "",
            ),
        ]
        for caption, value in rows:
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                self.facts.addRow(caption, text)
                self._fact_labels.append(text)

    def facts_shown(self) -> list[str]:
        """The values in the facts box as the clerk reads them (captions left out)."""
        return [shown.text() for shown in self._fact_labels]

    def _offer_reveal(self, case: CaseRow) -> None:
        """Only a role that may see full numbers gets the button; others are told who may."""
        assert self.services is not None
        from desktop.services.access import NOT_PERMITTED

        permitted = self.services.access.may(Permission.REVEAL)
        hidden = bool(case.phone or case.id_number) and not self._revealed
        self.reveal_button.setEnabled(permitted and hidden)
        why = "" if permitted else translated("Service", NOT_PERMITTED[Permission.REVEAL])
        self.reveal_button.setToolTip(why)

    def _deadline_text(self, case: CaseRow) -> str:
        if case.deadline is None or case.state is not CaseState.REFERRED:
            return date_text(case.deadline) if case.deadline else ""
        text = date_text(case.deadline)
        if case.deadline < self._today():
            text = "⚠ " + text + " " + self.tr("(overdue)")
        if not case.deadline_exact:
            text += " " + self.tr("(holidays not entered: weekends only)")
        return text

    @staticmethod
    def _reply_text(case: CaseRow) -> str:
        if not case.replied_on:
            return ""
        outcome = label(Outcome(case.outcome)) if case.outcome else ""
        return f"{date_text(case.replied_on)} {outcome}\n{case.reply_text}".strip()

    # --- acting -------------------------------------------------------------------------

    def reveal(self) -> None:
        """Showing a person's full phone and ID number is an explicit, audited act of a role
        that may (reliability row 28)."""
        if self.case is None or self.services is None:
            return
        try:
            self.services.access.reveal(self.case.case_number)
        except Refusal as exc:  # not permitted, or the audit row could not be written
            prompts.error(self, self.tr("Show full phone and ID number"), message(exc))
            return
        self._revealed = True
        self.show_case(self.case)

    def run_step(self, action: CaseAction) -> None:
        if self.case is None or self.services is None:
            return
        dialog = StepDialog(self.services, self.case, action, self._today(), self)
        if dialog.exec() and dialog.saved_row is not None:
            self.case_changed.emit(dialog.saved_row)

    def resolve(self) -> None:
        if self.case is None or self.services is None or not self._result.conflict:
            return
        dialog = ResolveDialog(self.services, self.case, self._result, self)
        if dialog.exec() and dialog.saved_row is not None:
            self.case_changed.emit(dialog.saved_row)

    def attach_file(self) -> None:
        if self.case is None or self.services is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a file"),
            "",
            self.tr("Pictures and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.pdf)"),
        )
        if path:
            self.attach_path(Path(path))

    def attach_path(self, path: Path) -> None:
        assert self.case is not None and self.services is not None
        try:
            self.services.attachments.attach_file(self.case.id, path)
        except ServiceError as exc:
            prompts.error(self, self.tr("Attach a file"), message(exc))
            return
        self.show_case(self.case)

    def open_attachment(self) -> None:
        item = self.attachments.currentItem()
        if item is None or self.services is None:
            return
        import tempfile

        data = self.services.attachments.content(item.data(256))
        folder = Path(tempfile.mkdtemp(prefix="liaison-desk-"))
        target = folder / Path(item.text().rsplit(" (", 1)[0]).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _print(self, kind: str) -> None:
        if self.case is not None:
            self.print_requested.emit(self.case, kind)

    def attach_services(self, services: Any) -> None:
        self.services = services
        self.show_case(None)
