"""The 数据包 tab: bundles received and sent, those missing or set aside, conflicts to settle."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import Refusal
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.dialogs.bundle_plan import WARNING_STYLE, moment_text, table_label
from desktop.ui.i18n import joined, message, translated
from desktop.ui.record_table import record_table
from desktop.ui.table_model import Column, RowTableModel

log = logging.getLogger(__name__)
CONFIRMED = QT_TRANSLATE_NOOP("BundlesTab", "Confirmed")
NOT_CONFIRMED = QT_TRANSLATE_NOOP("BundlesTab", "Not yet")
SET_ASIDE_REASONS = {
    "fork": QT_TRANSLATE_NOOP("BundlesTab", "another bundle with this number was imported"),
    "chain": QT_TRANSLATE_NOOP("BundlesTab", "does not follow on from the bundles imported"),
}


def _total(figures: dict[str, dict[str, int]], what: str) -> int:
    return sum(f.get(what, 0) for f in figures.values())


def _figure(what: str) -> Callable[[Any], int]:
    return lambda r: _total(r.figures, what)


def _taken(r: Any) -> str:
    """The tables a received bundle changed, for the last column."""
    return joined(
        f"{table_label(name)} {f.get('new', 0) + f.get('updated', 0)}"
        for name, f in r.figures.items()
        if f.get("new", 0) + f.get("updated", 0)
    )


RECEIVED = [
    Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda r: r.sender_name, 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Bundle no."), lambda r: r.seq, 70, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Written (sender's clock)"),
        lambda r: moment_text(r.written_at),
        150,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Imported"), lambda r: moment_text(r.imported_at), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "New"), _figure("new"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Updated"), _figure("updated"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Unchanged"), _figure("unchanged"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Conflicts"), _figure("conflicts"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Rejected"), _figure("rejected"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Waiting"), _figure("waiting"), 70, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Records taken"), _taken, 200, tooltip=True),
]
CONFLICTS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Records"), lambda r: table_label(r.table), 130),
    Column(QT_TRANSLATE_NOOP("Columns", "Record"), lambda r: r.summary, 160, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Here"), lambda r: r.ours, 220, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "In their copy"), lambda r: r.theirs, 220, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Version"), lambda r: r.remote_version, 50),
    Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda r: r.sender_name, 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Found"), lambda r: moment_text(r.found_at), 130),
]
SET_ASIDE = [
    Column(QT_TRANSLATE_NOOP("Columns", "From"), lambda r: r.sender_name, 170),
    Column(QT_TRANSLATE_NOOP("Columns", "Bundle no."), lambda r: r.seq, 70, align_right=True),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Why"),
        lambda r: translated("BundlesTab", SET_ASIDE_REASONS.get(r.reason, r.reason)),
        320,
        tooltip=True,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda r: r.file_name, 280, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Set aside"), lambda r: moment_text(r.at), 130),
]


def _sent_columns(names: dict[Any, str]) -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("Columns", "To"), lambda r: names.get(r.recipient_id, "—"), 170),
        Column(QT_TRANSLATE_NOOP("Columns", "Bundle no."), lambda r: r.seq, 70, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Records"), lambda r: r.records, 60, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "Written"), lambda r: moment_text(r.written_at), 130),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Received there"),
            lambda r: translated("BundlesTab", CONFIRMED if r.acknowledged else NOT_CONFIRMED),
            110,
            fits=lambda: [translated("BundlesTab", t) for t in (CONFIRMED, NOT_CONFIRMED)],
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Copies"), lambda r: r.copies, 60, align_right=True),
        Column(QT_TRANSLATE_NOOP("Columns", "File"), lambda r: r.file_name, 280, tooltip=True),
    ]


def _table(model: RowTableModel, name: str) -> QTableView:
    return record_table(model, row_numbers=False, name=name)


def _selected(table: QTableView, model: RowTableModel) -> Any | None:
    return model.row_of(table.currentIndex())


class BundlesTab(QWidget):
    counts_changed = Signal(str)
    records_changed = Signal()  # a conflict settled with their copy: other tabs list again
    export_requested = Signal()
    import_requested = Signal()
    write_again_requested = Signal(object)  # the sent bundle (services.bundle_export.SentBundle)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Any = None
        self._writable = False
        self._names: dict[Any, str] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.import_button = QPushButton(self.tr("Import bundle…"))
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.import_button)
        self.problem = QLabel()  # why nothing can be listed (this site has no keys yet)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(WARNING_STYLE)
        self.gaps = QLabel()  # missing bundles: above everything, hard to overlook
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet(
            "QLabel { background: #fde2e1; color: #7a1212; border: 1px solid #e0a8a5; "
            "padding: 6px; }"
        )
        self.received = RowTableModel(RECEIVED, self)
        self.received_table = _table(self.received, "received")
        self.sent = RowTableModel(_sent_columns(self._names), self)
        self.sent_table = _table(self.sent, "sent")
        self.write_again_button = QPushButton(self.tr("Write again…"))
        self.conflicts = RowTableModel(CONFLICTS, self)
        self.conflicts_table = _table(self.conflicts, "conflicts")
        self.keep_button = QPushButton(self.tr("Keep ours"))
        self.take_button = QPushButton(self.tr("Take theirs"))
        self.conflict_note = QLabel()
        self.conflict_note.setWordWrap(True)
        self.set_aside = RowTableModel(SET_ASIDE, self)
        self.set_aside_table = _table(self.set_aside, "set-aside")
        self.inner = QTabWidget()
        self.inner.addTab(self.received_table, self.tr("Received"))
        self.inner.addTab(self._sent_page(), self.tr("Sent"))
        self.inner.addTab(self._conflicts_page(), self.tr("Conflicts"))
        self.inner.addTab(self._set_aside_page(), self.tr("Set aside"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.gaps)
        layout.addWidget(self.inner, 1)
        self.problem.hide()
        self.gaps.hide()
        self.export_button.clicked.connect(self.export_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.write_again_button.clicked.connect(self.write_again)
        self.keep_button.clicked.connect(lambda: self.resolve(take_theirs=False))
        self.take_button.clicked.connect(lambda: self.resolve(take_theirs=True))
        for table in (self.sent_table, self.conflicts_table):
            table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    def _sent_page(self) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        note = QLabel(
            self.tr(
                "A bundle is confirmed once the recipient's next bundle says it arrived. If a "
                "copy was lost, write it again: the same bundle, byte for byte."
            )
        )
        note.setWordWrap(True)
        bar.addWidget(note, 1)
        bar.addWidget(self.write_again_button)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.sent_table, 1)
        return page

    def _conflicts_page(self) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(self.conflict_note, 1)
        bar.addWidget(self.keep_button)
        bar.addWidget(self.take_button)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.conflicts_table, 1)
        return page

    def _set_aside_page(self) -> QWidget:
        page = QWidget()
        note = QLabel(
            self.tr(
                "Bundles that do not fit those already imported from the same site are set "
                "aside, not imported. Ask the sender which copy is right."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.set_aside_table, 1)
        return page

    # --- the tab protocol ----------------------------------------------------------------

    def attach(self, services: Any, writable: bool = True) -> None:
        self.services, self._writable = services, writable
        self.reload()

    def reload(self) -> None:
        if self.services is None:
            return
        bundles = self.services.bundles
        try:
            self._names.clear()
            self._names.update({r.site_id: r.name for r in bundles.recipients()})
            received, gaps = bundles.received(), bundles.gaps()
            sent, conflicts, set_aside = bundles.sent(), bundles.conflicts(), bundles.quarantined()
            case_conflicts, waiting = bundles.case_conflicts(), bundles.waiting()
        except Exception as exc:  # not enrolled yet (or a read-only county): say so, list nothing
            if not isinstance(exc, Refusal):
                log.error("the bundle lists could not be read", exc_info=exc)
            self.problem.setText(message(exc))
            self.problem.show()
            for model in (self.received, self.sent, self.conflicts, self.set_aside):
                model.set_rows([])
            self.gaps.hide()
            self.summary.clear()
            self._enable()
            self.counts_changed.emit("")
            return
        self.problem.hide()
        self.received.set_rows(received)
        self.sent.set_rows(sent)
        self.conflicts.set_rows(conflicts)
        self.set_aside.set_rows(set_aside)
        self._show_gaps(gaps)
        self.inner.setTabText(2, self.tr("Conflicts ({0})").format(len(conflicts)))
        self.inner.setTabText(3, self.tr("Set aside ({0})").format(len(set_aside)))
        self.conflict_note.setText(
            self.tr(
                "The same version of a record arrived with other contents: keep the copy here, "
                "or take the sender's. Cases whose steps crossed: {0} (settled in the Feedback "
                "tab). Records waiting for records not here yet: {1}."
            ).format(case_conflicts, waiting)
        )
        self.summary.setText(
            self.tr(
                "Received {0} bundles, sent {1}. Missing: {2}. Conflicts: {3}. Set aside: {4}."
            ).format(len(received), len(sent), len(gaps), len(conflicts), len(set_aside))
        )
        self._enable()
        self.counts_changed.emit(
            self.tr("Bundles received: {0}, missing: {1}").format(len(received), len(gaps))
        )

    def _show_gaps(self, gaps: list[Any]) -> None:
        lines = [
            self.tr("Bundle {0} from {1} is missing: ask {1} to write it again.").format(
                g.seq, g.sender_name
            )
            for g in gaps
        ]
        if len(lines) > 8:  # a long outage: the first ones and a count, not a wall of text
            lines = [*lines[:7], self.tr("… and {0} more.").format(len(lines) - 7)]
        self.gaps.setText("\n".join(lines))
        self.gaps.setVisible(bool(gaps))

    def _enable(self) -> None:
        writable = self._writable and self.services is not None
        has_sent = _selected(self.sent_table, self.sent) is not None
        has_conflict = _selected(self.conflicts_table, self.conflicts) is not None
        self.export_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.write_again_button.setEnabled(writable and has_sent)
        self.keep_button.setEnabled(writable and has_conflict)
        self.take_button.setEnabled(writable and has_conflict)

    # --- actions -------------------------------------------------------------------------

    def write_again(self) -> None:
        bundle = _selected(self.sent_table, self.sent)
        if bundle is not None and self.write_again_button.isEnabled():
            self.write_again_requested.emit(bundle)

    def resolve(self, *, take_theirs: bool) -> None:
        conflict = _selected(self.conflicts_table, self.conflicts)
        if conflict is None or self.services is None or not self._writable:
            return
        title = self.tr("Take theirs") if take_theirs else self.tr("Keep ours")
        if take_theirs and not prompts.confirm(
            self,
            title,
            self.tr("Replace the copy here of this record ({0}) with the copy from {1}?").format(
                f"{table_label(conflict.table)} {conflict.summary}", conflict.sender_name
            ),
        ):
            return
        try:
            self.services.bundles.resolve_conflict(conflict.conflict_id, take_theirs=take_theirs)
        except Refusal as exc:  # settled meanwhile (another window, a second click)
            prompts.error(self, title, message(exc))
            take_theirs = False
        self.reload()
        if take_theirs:
            self.records_changed.emit()
