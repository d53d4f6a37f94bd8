"""The programmes tab's sections that show more than their own records: a project's votes and
progress, a fund project's year and chain, a draft's comments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop.domain.errors import ServiceError
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import ProjectStage, VoteKind
from desktop.ui import prompts
from desktop.ui.dialogs.programme_limits import FundLimitsDialog
from desktop.ui.i18n import date_text, label, message
from desktop.ui.programme_chain_view import ChainView
from desktop.ui.programme_children import ChildPanel
from desktop.ui.programme_values import columns_for, money_text
from desktop.ui.table_model import Column, labels_of
from desktop.ui.tabs.programme_section import ProgrammeSection

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.programmes import ProgrammeRow


def _tally(row: ProgrammeRow) -> str:
    v = row.values
    if v.get("kind") == VoteKind.SELECTION.value:
        text = QCoreApplication.translate("ProjectsSection", "For {0}, against {1}, abstain {2}")
        return text.format(v["first"], v["second"], v["abstain"])
    text = QCoreApplication.translate(
        "ProjectsSection", "Satisfied {0}, basically {1}, not satisfied {2}, abstain {3}"
    )
    return text.format(v["first"], v["second"], v["third"], v["abstain"])


def _vote_columns() -> list[Column]:
    spec = SPECS["project-votes"]

    def number(key: str) -> Column:
        f = spec.field(key)
        return Column(
            QCoreApplication.translate("Programme", f.label),
            lambda r: r.values.get(key, 0),
            56,
            align_right=True,
        )

    kind = spec.field("kind")
    return [
        Column(QCoreApplication.translate("Programme", "Date"), lambda r: date_text(r["day"]), 86),
        Column(
            QCoreApplication.translate("Programme", kind.label),
            lambda r: label(VoteKind(r["kind"])),
            100,
            fits=labels_of(VoteKind),
        ),
        number("present"),
        number("issued"),
        number("valid"),
        number("invalid"),
        Column(QCoreApplication.translate("ProjectsSection", "Result"), _tally, 260),
    ]


class ProjectsSection(ProgrammeSection):
    """Voted livelihood projects: votes and progress below, and the way back to the pool."""

    def build_below(self) -> QWidget:
        self.votes = ChildPanel(
            "project-votes",
            self.tr("Votes and satisfaction"),
            self.tr("Record a vote…"),
            _vote_columns(),
            self._today,
        )
        self.milestones = ChildPanel(
            "project-milestones",
            self.tr("Progress"),
            self.tr("Record progress…"),
            columns_for(SPECS["project-milestones"], ("project_id",)),
            self._today,
        )
        for panel in (self.votes, self.milestones):
            panel.changed.connect(self._child_changed)
        split = QSplitter()
        split.addWidget(self.votes)
        split.addWidget(self.milestones)
        split.setSizes([560, 260])
        return split

    def extra_buttons(self) -> list[QPushButton]:
        self.pool_button = QPushButton(self.tr("Return to the pool"))
        self.pool_button.setToolTip(
            self.tr("A project not chosen goes back to the candidates of the next year.")
        )
        self.pool_button.clicked.connect(self.return_to_pool)
        return [self.pool_button]

    def attach_extras(self, services: Services) -> None:
        for panel in (self.votes, self.milestones):
            panel.attach(services, self._writable)

    def show_extras(self, row: ProgrammeRow | None) -> None:
        for panel in (self.votes, self.milestones):
            panel.set_parent_row(row)
        self.pool_button.setEnabled(
            row is not None
            and self.edit_button.isEnabled()
            and row.values.get("stage") == ProjectStage.NOT_CHOSEN.value
        )

    def _child_changed(self) -> None:
        """A vote moves the project's stage and figures: its row is read again."""
        row = self.selected_row()
        if row is None or self.services is None:
            return
        fresh = self.services.programmes.get(self.spec.kind, row.id)
        self.model.replace_row(fresh)
        self.detail.show_row(fresh, origin=self._county)
        self.show_extras_buttons_only(fresh)

    def show_extras_buttons_only(self, row: ProgrammeRow) -> None:
        self.pool_button.setEnabled(
            self.edit_button.isEnabled()
            and row.values.get("stage") == ProjectStage.NOT_CHOSEN.value
        )

    def return_to_pool(self) -> None:
        row = self.selected_row()
        if row is None or self.services is None or not self.pool_button.isEnabled():
            return
        try:
            saved = self.services.programmes.return_to_pool(row.id, row.version)
        except ServiceError as exc:
            prompts.error(self, self.pool_button.text(), message(exc))
            self.reload()
            return
        self.after_save(saved)


class FundSection(ProgrammeSection):
    """Special-fund projects: the year's money in the detail, and the chain they close."""

    def extra_buttons(self) -> list[QPushButton]:
        self.limits_button = QPushButton(self.tr("Fund limits…"))
        self.limits_button.clicked.connect(self.edit_limits)
        return [self.limits_button]

    def attach_extras(self, services: Services) -> None:
        self.limits_button.setVisible(self._county)
        self.limits_button.setEnabled(self._writable and self.add_button.isEnabled())
        if not hasattr(self, "money"):
            self.money = QLabel()
            self.money.setWordWrap(True)
            self.chain = ChainView()
            box = QGroupBox(self.tr("From a person's words to satisfaction"))
            QVBoxLayout(box).addWidget(self.chain)
            self.detail.extras.addWidget(self.money)
            self.detail.extras.addWidget(box)
            self.chain_box = box

    def show_extras(self, row: ProgrammeRow | None) -> None:
        if not hasattr(self, "money") or self.services is None:
            return
        self.chain_box.setVisible(row is not None)
        if row is None:
            self.money.setText("")
            self.chain.show_chain(None)
            return
        year = row.values["year"]
        limits = self.services.programmes.fund_limits(year)
        used = self.services.programmes.fund_used(year)
        text = self.tr(
            "Fund {0}: {1} yuan, approved {2} yuan, left {3} yuan; at most {4} yuan for one "
            "project."
        )
        self.money.setText(
            text.format(
                year,
                money_text(limits.total_fen),
                money_text(used),
                money_text(limits.total_fen - used),
                money_text(limits.cap_fen),
            )
        )
        self.chain.show_chain(self.services.programme_chain.for_fund_project(row.id))

    def edit_limits(self) -> None:
        if self.services is None:
            return
        row = self.selected_row()
        year = self.year_filter.currentData() or (row.values["year"] if row else None)
        dialog = FundLimitsDialog(self.services, year or self._today().year, self._today(), self)
        if dialog.exec():
            self._selected()


class DraftsSection(ProgrammeSection):
    """Draft laws with the comments gathered on the selected one below."""

    def build_below(self) -> QWidget:
        self.comments = ChildPanel(
            "draft-comments",
            self.tr("Comments on this draft"),
            self.tr("Add a comment…"),
            columns_for(SPECS["draft-comments"], ("draft_id",)),
            self._today,
        )
        self.comments.changed.connect(self._child_changed)
        return self.comments

    def attach_extras(self, services: Services) -> None:
        self.comments.attach(services, self._writable)

    def show_extras(self, row: ProgrammeRow | None) -> None:
        self.comments.set_parent_row(row)

    def _child_changed(self) -> None:
        row = self.selected_row()
        if row is not None and self.services is not None:
            fresh = self.services.programmes.get(self.spec.kind, row.id)
            self.model.replace_row(fresh)
            self.detail.show_row(fresh, origin=self._county)


SECTION_CLASSES: dict[str, Callable[..., ProgrammeSection]] = {
    "projects": ProjectsSection,
    "fund-projects": FundSection,
    "drafts": DraftsSection,
}


def section_for(kind: str, today: Callable[[], dt.date]) -> Any:
    return SECTION_CLASSES.get(kind, ProgrammeSection)(kind, today)
