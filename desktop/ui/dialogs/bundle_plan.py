"""The plan of a bundle import (数据包): what each bundle would add, change or refuse."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import fit_on_screen
from desktop.ui.i18n import date_text, message
from desktop.ui.record_table import widen_to_headings

log = logging.getLogger(__name__)
FIGURES = ("new", "updated", "unchanged", "conflicts", "rejected", "waiting")
MAX_REJECTED = 500  # rows listed; the figures count them all
WARNING_STYLE = "color: #9b1c1c;"
NOTE_STYLE = "color: #8a5a00;"


def table_label(name: str) -> str:
    """A travelling table as a clerk calls it (the labels live with the payload format)."""
    from desktop.sync.payload import TABLE_LABELS  # loads SQLAlchemy: only once bundles are used

    return QCoreApplication.translate("BundlePlan", TABLE_LABELS.get(name, name))


def moment_text(value: dt.datetime | str | None) -> str:
    """A moment in this computer's local time: 2025-03-05 14:30 (shown, never compared)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{date_text(value.date())} {value:%H:%M}"


@dataclass(frozen=True)
class PlanOutcome:
    """One chosen file: its plan (or result), or why it was refused."""

    path: Path
    plan: Any | None = None  # services.bundle_import.ImportPlan
    error: Exception | None = None

    @property
    def importable(self) -> bool:
        return self.plan is not None and not self.plan.already


def refusal_text(outcome: PlanOutcome) -> str:
    """The refusal in the interface language, naming the file when the message does not."""
    exc = outcome.error
    assert exc is not None
    if not hasattr(exc, "message"):  # not a refusal we wrote: keep the trace for the log
        log.error("bundle %s failed", outcome.path.name, exc_info=exc)
    text = message(exc)
    name = outcome.path.name
    return (
        text
        if name in text
        else QCoreApplication.translate("BundlePlan", "“{0}”: {1}").format(name, text)
    )


def heading(plan: Any) -> str:
    return QCoreApplication.translate("BundlePlan", "Bundle {0} from {1}").format(
        plan.seq, plan.sender_name
    )


def already_text(plan: Any) -> str:
    return QCoreApplication.translate(
        "BundlePlan", "“{0}” (bundle {1} from {2}) was already imported: nothing changes."
    ).format(plan.file_name, plan.seq, plan.sender_name)


def missing_lines(outcomes: Sequence[PlanOutcome]) -> list[str]:
    """Bundles still missing from each sender, leaving out those among the files chosen."""
    chosen = {(o.plan.sender_code, o.plan.seq) for o in outcomes if o.plan is not None}
    missing: dict[str, tuple[str, set[int]]] = {}
    for o in outcomes:
        if o.importable:
            _name, seqs = missing.setdefault(o.plan.sender_code, (o.plan.sender_name, set()))
            seqs.update(n for n in o.plan.missing if (o.plan.sender_code, n) not in chosen)
    return [
        QCoreApplication.translate(
            "BundlePlan", "Bundle {0} from {1} is missing: ask {1} to write it again."
        ).format(n, name)
        for name, seqs in missing.values()
        for n in sorted(seqs)
    ]


def figures_text(plan: Any) -> str:
    m = plan.merge
    return QCoreApplication.translate(
        "BundlePlan",
        "{0} new, {1} updated, {2} unchanged, {3} conflicts, {4} rejected, {5} waiting",
    ).format(*(m.total(f) for f in FIGURES))


def result_lines(outcomes: Sequence[PlanOutcome]) -> list[str]:
    """What an import did, in lines a clerk can read (the message box after Import)."""
    lines: list[str] = []
    for o in outcomes:
        if o.error is not None:
            lines.append(refusal_text(o))
        elif o.plan.already:
            lines.append(already_text(o.plan))
        else:
            lines.append(
                QCoreApplication.translate("BundlePlan", "{0}: {1}.").format(
                    heading(o.plan), figures_text(o.plan)
                )
            )
            if o.plan.acknowledged:
                lines.append(
                    QCoreApplication.translate(
                        "BundlePlan", "{0} of our bundles confirmed as received."
                    ).format(o.plan.acknowledged)
                )
    lines.extend(missing_lines(outcomes))
    if any(o.importable and o.plan.merge.total("conflicts") for o in outcomes):
        lines.append(
            QCoreApplication.translate(
                "BundlePlan", "Records in conflict wait for your decision in the Bundles tab."
            )
        )
    return lines


class BundlePlanDialog(QDialog):
    """Accepted means: import the bundles that can be imported, now."""

    def __init__(self, outcomes: Sequence[PlanOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import bundles"))
        fit_on_screen(self, QSize(900, 560))
        self.outcomes = list(outcomes)
        importable = [o for o in outcomes if o.importable]
        already = [o for o in outcomes if o.plan is not None and o.plan.already]
        refused = [o for o in outcomes if o.error is not None]
        layout = QVBoxLayout(self)
        self.summary = QLabel(self._summary(importable, already, refused))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.messages: list[str] = []  # refusals, bundles already here, bundles missing
        for o in refused:
            self._note(layout, refusal_text(o), WARNING_STYLE)
        for o in already:
            self._note(layout, already_text(o.plan), "")
        self.tree = self._figures(importable)
        self.rejected = self._rejected(importable)
        if importable:
            layout.addWidget(self.tree, 2)
        else:
            self.tree.hide()
        if self.rejected.rowCount():
            layout.addWidget(QLabel(self.tr("Records that will not be taken, and why:")))
            layout.addWidget(self.rejected, 1)
        else:
            self.rejected.hide()
        for line in missing_lines(outcomes):
            self._note(layout, line, WARNING_STYLE)
        self._hints(layout, importable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(importable))
        if not importable:
            self.import_button.hide()
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary(self, importable: list, already: list, refused: list) -> str:
        if len(importable) == 1 and not already and not refused:
            plan = importable[0].plan
            return self.tr(
                "“{0}”: bundle {1} from {2}, written {3} (the sender's clock). Nothing has been "
                "written yet: check the figures, then press Import."
            ).format(plan.file_name, plan.seq, plan.sender_name, moment_text(plan.written_at))
        return self.tr(
            "{0} bundles checked: {1} can be imported, {2} already imported, {3} refused. "
            "Nothing has been written yet."
        ).format(len(importable) + len(already) + len(refused), len(importable), len(already),
                 len(refused))  # fmt: skip

    def _note(self, layout: QVBoxLayout, text: str, style: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if style:
            label.setStyleSheet(style)
        layout.addWidget(label)
        self.messages.append(text)

    def _figures(self, importable: list[PlanOutcome]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(1 + len(FIGURES))
        tree.setHeaderLabels(
            [
                self.tr("Records"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Unchanged"),
                self.tr("Conflicts"),
                self.tr("Rejected"),
                self.tr("Waiting"),
            ]
        )
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for o in importable:
            plan = o.plan
            top = QTreeWidgetItem([heading(plan), *(str(plan.merge.total(f)) for f in FIGURES)])
            top.setToolTip(0, plan.file_name)
            font = top.font(0)
            font.setBold(True)
            for column in range(tree.columnCount()):
                top.setFont(column, font)
            for name, figures in plan.merge.tables.items():
                values = figures.as_dict()
                QTreeWidgetItem(top, [table_label(name), *(str(values[f]) for f in FIGURES)])
            if not plan.merge.tables:
                QTreeWidgetItem(top, [self.tr("No records: only which of our bundles arrived")])
            tree.addTopLevelItem(top)
            top.setExpanded(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, tree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 84)
        for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount())):
            for column in range(1, tree.columnCount()):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                for child in (item.child(j) for j in range(item.childCount())):
                    child.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        widen_to_headings(tree)
        return tree

    def _rejected(self, importable: list[PlanOutcome]) -> QTableWidget:
        rows = [(o.plan, r) for o in importable for r in o.plan.merge.rejected][:MAX_REJECTED]
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Bundle"), self.tr("Records"), self.tr("Record"), self.tr("Reason")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for line, (plan, row) in enumerate(rows):
            texts = (
                heading(plan),
                table_label(row.table),
                row.record_id,
                QCoreApplication.translate("BundlePlan", row.reason),
            )
            for column, text in enumerate(texts):
                table.setItem(line, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _hints(self, layout: QVBoxLayout, importable: list[PlanOutcome]) -> None:
        conflicts = sum(o.plan.merge.total("conflicts") for o in importable)
        waiting = sum(o.plan.merge.total("waiting") for o in importable)
        acknowledged = sum(o.plan.acknowledged for o in importable)
        if conflicts:
            self._note(
                layout,
                self.tr(
                    "{0} records differ from the copy here at the same version: they are listed "
                    "in the Bundles tab, where you keep ours or take theirs."
                ).format(conflicts),
                NOTE_STYLE,
            )
        if waiting:
            self._note(
                layout,
                self.tr(
                    "{0} records point to records not here yet: they wait, and are taken in as "
                    "soon as the bundle carrying those arrives."
                ).format(waiting),
                NOTE_STYLE,
            )
        if acknowledged:
            self._note(
                layout,
                self.tr("{0} of our bundles are confirmed as received.").format(acknowledged),
                "",
            )
