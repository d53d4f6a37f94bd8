"""Settling a conflict: two sites acted on one case at once; a person keeps one branch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop.domain.records import CaseEventRow, CaseRow
from desktop.domain.workflow import CaseAction, FoldResult
from desktop.ui.forms import RecordDialog
from desktop.ui.i18n import label

if TYPE_CHECKING:
    from desktop.services import Services


class ResolveDialog(RecordDialog):
    def __init__(
        self, services: Services, case: CaseRow, result: FoldResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Settle a conflict — {0}").format(case.case_number), parent)
        self._services, self._case, self._branches = services, case, result.branches
        events = {str(e.id): e for e in services.feedback.events(case.id)}
        intro = QLabel(
            self.tr(
                "Two sites recorded different steps for this case at the same time. Keep the one "
                "that really happened; the other stays in the history, set aside."
            )
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        box = QWidget()
        column = QVBoxLayout(box)
        self.choice = QButtonGroup(self)
        for index, branch in enumerate(result.branches):
            steps = self.tr("; ").join(self._describe(events.get(i)) for i in branch)
            button = QRadioButton(steps)
            self.choice.addButton(button, index)
            column.addWidget(button)
        self.add_field("branch", self.tr("Keep"), box)
        self.open_size(560)

    @staticmethod
    def _describe(event: CaseEventRow | None) -> str:
        if event is None:
            return "?"
        when = event.at.astimezone().strftime("%Y-%m-%d")
        return f"{when} {label(CaseAction(event.kind))} {event.actor}".strip()

    def build_draft(self) -> int:
        return self.choice.checkedId()

    def submit(self, chosen: int) -> CaseRow:
        from desktop.domain.checks import DraftInvalid
        from desktop.domain.validation import MSG_REQUIRED, InvalidValue

        if chosen < 0:
            raise DraftInvalid({"branch": InvalidValue(MSG_REQUIRED)})
        keep = self._branches[chosen]
        discarded = [i for n, b in enumerate(self._branches) if n != chosen for i in b]
        return self._services.casework.resolve(self._case.id, keep[-1], discarded)
