"""One small dialog per workflow step, with only the fields that step needs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.domain.checks import DraftInvalid
from desktop.domain.records import CaseRow, ListFilter
from desktop.domain.validation import MSG_REQUIRED, InvalidValue
from desktop.domain.workflow import (
    AnswerMethod,
    CaseAction,
    IllegalTransition,
    Outcome,
    Satisfaction,
)
from desktop.ui import prompts
from desktop.ui.dialogs.common import ref_combo, select_data
from desktop.ui.dialogs.departments import DepartmentDialog, menu_path
from desktop.ui.forms import MultiLineEdit, RecordDialog, date_edit, date_of, enum_combo
from desktop.ui.i18n import date_text, label

if TYPE_CHECKING:
    from desktop.services import Services

A = CaseAction


class StepDialog(RecordDialog):
    """Collects a step's payload; the workflow's refusal lands beside the field at fault."""

    def __init__(
        self,
        services: Services,
        case: CaseRow,
        action: CaseAction,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"{label(action)} — {case.case_number}", parent)
        self._services, self._case, self._action, self._today = services, case, action, today
        self.note = None
        builder = getattr(self, f"_build_{action.name.lower()}", None)
        if builder is not None:
            builder()
        self.note = self.add_field("note", self.tr("Note"), QLineEdit())
        self.open_size(520)

    # --- fields per step ----------------------------------------------------------------

    def _date(self, name: str, caption: str) -> None:
        earliest = self._case.referred_on or self._case.received_date
        edit = date_edit(self._today, latest=self._today)
        edit.setMinimumDate(edit.minimumDate().fromString(earliest.isoformat(), "yyyy-MM-dd"))
        setattr(self, name, self.add_field(name, caption, edit))

    def _text(self, name: str, caption: str) -> None:
        setattr(self, name, self.add_field(name, caption, MultiLineEdit()))

    def _build_refer(self) -> None:
        departments = self._services.reference.departments()
        self.department = ref_combo(departments, None, blank=self.tr("(choose)"))
        # Referral cannot wait for the list: a department not listed yet is added right here.
        self.add_department = QPushButton(self.tr("Add a department…"))
        self.add_department.clicked.connect(self._add_department)
        lead = QWidget()
        row = QHBoxLayout(lead)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.department, 1)
        row.addWidget(self.add_department)
        lead.setFocusProxy(self.department)
        self.add_field("department_id", self.tr("Lead department"), lead)
        self.no_departments = QLabel(
            self.tr("No department has been added yet: add one here, or under “{0}”.").format(
                menu_path()
            )
        )
        self.no_departments.setWordWrap(True)
        self.no_departments.setVisible(not departments)
        self.form.addRow(self.no_departments)
        self.co_departments = QListWidget()
        self.co_departments.setMaximumHeight(110)
        for dept in departments:
            self._add_co_department(dept.id, dept.name)
        self.add_field("co_department_ids", self.tr("Co-handling departments"), self.co_departments)
        self._date("referred_on", self.tr("Referred on"))
        self.deadline_label = QLabel()
        self.add_field("deadline", self.tr("Reply due"), self.deadline_label)
        self.referred_on.dateChanged.connect(lambda *_: self._show_deadline())
        self._show_deadline()

    def _add_co_department(self, department_id: Any, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, department_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.co_departments.addItem(item)

    def _add_department(self) -> None:
        """The department form; the new department is then listed here and chosen as the lead."""
        dialog = DepartmentDialog(self._services, parent=self)
        if not prompts.run_dialog(dialog):
            return
        added = dialog.saved_row
        self.department.addItem(added.name, added.id)
        select_data(self.department, added.id)
        self._add_co_department(added.id, added.name)
        self.no_departments.hide()

    def _show_deadline(self) -> None:
        day, exact = self._services.casework.reply_deadline(date_of(self.referred_on))
        text = date_text(day)
        if not exact:
            text += self.tr(" (holidays of that year not entered yet: weekends only)")
        self.deadline_label.setText(text)

    def _build_reply(self) -> None:
        self._date("replied_on", self.tr("Replied on"))
        self.outcome = self.add_field("outcome", self.tr("Outcome"), enum_combo(list(Outcome)))
        self._text("text", self.tr("The department's reply"))

    _build_follow_up_reply = _build_reply

    def _build_answer_back(self) -> None:
        self._date("answered_on", self.tr("Answered back on"))
        self.method = self.add_field("method", self.tr("How"), enum_combo(list(AnswerMethod)))
        self.satisfaction = self.add_field(
            "satisfaction", self.tr("The person's satisfaction"), enum_combo(list(Satisfaction))
        )

    def _build_answer_on_spot(self) -> None:
        self._text("text", self.tr("The answer given"))

    def _build_not_accept(self) -> None:
        self._text("reason", self.tr("Why it is not accepted"))
        self.where_to_go = self.add_field(
            "where_to_go", self.tr("Where the person should go"), QLineEdit()
        )
        self.where_to_go.setPlaceholderText(self.tr("e.g. the court, administrative review"))

    def _build_return(self) -> None:
        self._date("returned_on", self.tr("Returned on"))
        self._text("reason", self.tr("Why the department returns it"))

    def _build_escalate(self) -> None:
        self._text("note_text", self.tr("Why it goes to the county office"))

    def _build_merge(self) -> None:
        others = [
            c
            for c in self._services.feedback.page(ListFilter(), limit=200).rows
            if c.id != self._case.id and c.merged_into_id is None
        ]
        self.into = QComboBox()
        self.into.addItem(self.tr("(choose)"), None)
        for other in others:
            self.into.addItem(f"{other.case_number} {other.content[:24]}", other.id)
        self.add_field("into_case_id", self.tr("Same matter as case"), self.into)

    # --- saving -------------------------------------------------------------------------

    def build_draft(self) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for name in ("referred_on", "replied_on", "answered_on", "returned_on"):
            if hasattr(self, name):
                fields[name] = date_of(getattr(self, name)).isoformat()
        for name in ("text", "reason"):
            if hasattr(self, name):
                fields[name] = getattr(self, name).text()
        for name in ("outcome", "method", "satisfaction"):
            if hasattr(self, name):
                fields[name] = getattr(self, name).currentData().value
        if hasattr(self, "where_to_go"):
            fields["where_to_go"] = self.where_to_go.text()
        if hasattr(self, "note_text"):
            fields["note"] = self.note_text.text()
        return fields

    def submit(self, draft: dict[str, Any]) -> CaseRow:
        casework, case = self._services.casework, self._case
        note = self.note.text() if self.note is not None else ""
        try:
            if self._action is A.REFER:
                department = self.department.currentData()
                if department is None:
                    raise DraftInvalid({"department_id": InvalidValue(MSG_REQUIRED)})
                co = tuple(
                    self.co_departments.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.co_departments.count())
                    if self.co_departments.item(i).checkState() == Qt.CheckState.Checked
                )
                referred_on = dt.date.fromisoformat(draft["referred_on"])
                return casework.refer(case.id, department, co, referred_on, note=note)
            if self._action is A.MERGE:
                if self.into.currentData() is None:
                    raise DraftInvalid({"into_case_id": InvalidValue(MSG_REQUIRED)})
                return casework.merge(case.id, self.into.currentData(), note=note)
            return casework.act(case.id, self._action, draft, note=note)
        except IllegalTransition as exc:
            name = exc.field if exc.field in self._fields_shown() else "_step"
            raise DraftInvalid({name: exc}) from exc

    def _fields_shown(self) -> set[str]:
        return set(self._errors)
