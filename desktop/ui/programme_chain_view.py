"""The chain "a person's words -> a deputy's suggestion -> a funded project -> done ->
satisfaction" on screen: whole in a fund project's detail, and in short in a feedback case's
detail, with a button that opens each project in the programmes tab."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.i18n import date_text, joined, label
from desktop.ui.programme_values import money_text

if TYPE_CHECKING:
    from desktop.services.programme_chain import Chain, ChainCase, ChainProject

SHORT = 80  # characters of a case's content shown in the chain


def _e(text: Any) -> str:
    return html.escape(str(text))


class ChainView(QWidget):
    """The whole chain as steps, in a fund project's detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def show_chain(self, chain: Chain | None) -> None:
        if chain is None or chain.empty:
            self.text.setText("")
            return
        if chain.case is not None:
            parts = [self._case(chain.case)]
        else:
            parts = [_step(self.tr("A person's words"), _e(self.tr("none: from a suggestion")))]
        for project in chain.projects:
            parts.extend(self._project(project))
        self.text.setText("<br>↓<br>".join(parts))

    def plain_text(self) -> str:
        """The chain without markup (for tests and a tooltip)."""
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.text.text())
        return doc.toPlainText()

    def _case(self, case: ChainCase) -> str:
        content = case.content if len(case.content) <= SHORT else case.content[:SHORT] + "…"
        lines = [
            f"{_e(case.case_number)}  {_e(date_text(case.received_date))}  {_e(case.station_name)}",
            _e(content),
        ]
        if case.deputy_names:
            lines.append(self.tr("Taken up by: {0}").format(_e(joined(case.deputy_names))))
        state = label(case.state)
        if case.satisfaction is not None:
            state += " · " + self.tr("the person: {0}").format(label(case.satisfaction))
        lines.append(_e(state))
        return _step(self.tr("A person's words"), "<br>".join(lines))

    def _project(self, p: ChainProject) -> list[str]:
        if p.suggestion is not None:
            what = f"{_e(p.suggestion.title)}  {_e(date_text(p.suggestion.day))}"
        else:
            what = _e(self.tr("none filed as an activity"))
        steps = [_step(self.tr("A deputy's suggestion"), what)]
        money = self.tr("applied for {0} yuan, approved {1} yuan").format(
            money_text(p.requested_fen), money_text(p.approved_fen)
        )
        funded = f"{p.year}  {_e(p.title)}<br>{_e(label(p.stage))} · {_e(money)}"
        for visit in p.supervisions:
            names = joined(visit.deputy_names)
            visited = self.tr("Supervised {0}: {1}").format(date_text(visit.day), names)
            funded += "<br>" + _e(visited)
        steps.append(_step(self.tr("A funded project"), funded))
        if p.done:
            done = self.tr("accepted on {0}").format(date_text(p.accepted_on))
            if p.spent_fen:
                done += " · " + self.tr("paid {0} yuan").format(money_text(p.spent_fen))
        else:
            done = self.tr("not yet accepted")
        steps.append(_step(self.tr("Done"), _e(done)))
        satisfied = label(p.satisfaction) if p.satisfaction else self.tr("not yet asked")
        steps.append(_step(self.tr("Satisfaction"), _e(satisfied)))
        return steps


def _step(title: str, body: str) -> str:
    return f"<b>{_e(title)}</b><br>{body}"


class CaseFundProjects(QWidget):
    """A feedback case's special-fund projects, one short line each (stage, money, whether the
    people were satisfied) with a button that opens the project in the programmes tab."""

    fund_project_requested = Signal(object)  # a fund project's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self.lines: list[QLabel] = []
        self.open_buttons: list[QPushButton] = []

    def show_chain(self, chain: Chain | None) -> None:
        for widget in [*self.lines, *self.open_buttons]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.lines, self.open_buttons = [], []
        for i, p in enumerate(chain.projects if chain is not None else ()):
            facts = [
                label(p.stage),
                self.tr("approved {0} yuan").format(money_text(p.approved_fen)),
            ]
            if p.done:
                facts.append(self.tr("accepted on {0}").format(date_text(p.accepted_on)))
            if p.satisfaction is not None:
                facts.append(label(p.satisfaction))
            line = QLabel(f"{p.year}  {p.title}\n" + " · ".join(facts))
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setToolTip(line.text())
            button = QPushButton(self.tr("Open"))
            button.setToolTip(self.tr("Open it in Projects and programmes"))
            button.clicked.connect(lambda _c=False, i=p.id: self.fund_project_requested.emit(i))
            self._grid.addWidget(line, i, 0)
            self._grid.addWidget(button, i, 1, Qt.AlignmentFlag.AlignTop)
            self.lines.append(line)
            self.open_buttons.append(button)

    def plain_text(self) -> str:
        return "\n".join(line.text() for line in self.lines)
