"""The Ledgers menu: print or export a ledger, export the table on screen, import workbooks.

The menu is built before the window paints; its dialogs and the task runner load when first
used. Every long step (building a PDF, writing or reading a workbook, writing an import) runs
through `tasks.run_task`, off the UI thread, with a progress bar and Cancel.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from desktop.domain.kinds import IMPORT_KINDS
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.i18n import message, paper_label, translated
from desktop.ui.menus import add_action

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.ledgers import LedgerRequest

log = logging.getLogger(__name__)

RECORD_NAMES = {
    "deputies": QT_TRANSLATE_NOOP("LedgerActions", "Deputies"),
    "duty-days": QT_TRANSLATE_NOOP("LedgerActions", "Duty days"),
    "visits": QT_TRANSLATE_NOOP("LedgerActions", "Visits"),
    "feedback": QT_TRANSLATE_NOOP("LedgerActions", "Feedback cases"),
    "activities": QT_TRANSLATE_NOOP("LedgerActions", "Deputy activities"),
    "projects": QT_TRANSLATE_NOOP("LedgerActions", "Voted livelihood projects (with their votes)"),
    "fund-projects": QT_TRANSLATE_NOOP("LedgerActions", "Special-fund projects"),
    "drafts": QT_TRANSLATE_NOOP("LedgerActions", "Draft laws and the comments on them"),
    "training": QT_TRANSLATE_NOOP("LedgerActions", "Deputy training"),
    "legal-events": QT_TRANSLATE_NOOP("LedgerActions", "Legal-service events"),
}
XLSX_FILTER = QT_TRANSLATE_NOOP("LedgerActions", "Excel workbook (*.xlsx)")
IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "LedgerActions", "Workbooks (*.xlsx *.xlsm *.xls *.ods *.et);;All files (*)"
)


def record_name(kind: str) -> str:
    return translated("LedgerActions", RECORD_NAMES[kind])


class LedgerActions(QObject):
    """Owns the menu's actions; the window tells it which services and tab are current."""

    records_imported = Signal(str)  # the record kind

    def __init__(
        self, window: QMainWindow, current_table: Callable[[], tuple[str, Any] | None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services: Services | None = None
        self.writable = False
        self._current_table = current_table
        menu = window.menuBar().addMenu(self.tr("&Ledgers"))
        self.print_action = self._add(menu, self.tr("&Print or export a ledger…"), self.ledger)
        self.export_action = self._add(
            menu, self.tr("&Export this table to Excel…"), self.export_table
        )
        menu.addSeparator()
        self.import_action = self._add(menu, self.tr("&Import from Excel…"), self.import_xlsx)
        self.template_action = self._add(
            menu, self.tr("Save an import &template…"), self.save_template
        )
        self.set_services(None, False)

    def _add(self, menu: Any, text: str, slot: Callable[[], None]) -> QAction:
        return add_action(self.window, menu, text, slot)

    def set_services(self, services: Services | None, writable: bool) -> None:
        self.services, self.writable = services, writable
        for action in (self.print_action, self.export_action, self.template_action):
            action.setEnabled(services is not None)
        self.import_action.setEnabled(services is not None and writable)

    # --- ledgers ------------------------------------------------------------------------

    def ledger(self, kind: str = "feedback") -> None:
        from desktop.ui.dialogs.ledger import XLSX, LedgerDialog, ledger_name

        if self.services is None:
            return
        dialog = LedgerDialog(self.services, dt.date.today(), kind, self.window)
        if not prompts.run_dialog(dialog):
            return
        request, services = dialog.request(), self.services
        name = ledger_name(request.kind)
        title = f"{name} {request.year}" + (f"-{request.month:02d}" if request.month else "")
        if dialog.format == XLSX:
            target = prompts.save_path(
                self.window,
                self.tr("Save the ledger as"),
                f"{title}.xlsx",
                translated("LedgerActions", XLSX_FILTER),
            )
            if target is not None:
                self._write(
                    title,
                    lambda p, c: services.ledgers.write_xlsx(
                        request, target, paper_label, progress=p, is_cancelled=c
                    ),
                    target,
                    saved=lambda rows: self._record(services, request, "xlsx", rows),
                )
            return
        from desktop.ui.print_preview import show_pdf_preview  # pypdfium2 loads on demand

        show_pdf_preview(
            self.window,
            title,
            lambda p, c: services.ledgers.pdf(request, paper_label, progress=p, is_cancelled=c),
            f"{title}.pdf",
            on_output=lambda output, pdf: self._record(services, request, output, pdf.rows),
        )

    def _record(self, services: Services, request: LedgerRequest, output: str, rows: int) -> None:
        """Note a print or save in the log the county reads (a preview alone is not one)."""
        try:
            services.ledgers.record_output(request, output, rows)
        except Exception as exc:  # the ledger is out already: say so, do not undo it
            log.warning("ledger print not logged", exc_info=True)
            prompts.error(
                self.window,
                self.tr("Log of ledgers printed"),
                self.tr("The ledger is out, but it could not be noted in the log: {0}").format(
                    message(exc)
                ),
            )

    def export_table(self) -> None:
        current = self._current_table()
        if self.services is None:
            return
        if current is None:  # the points tab: its export is the points register
            self.ledger("points")
            return
        kind, flt = current
        reveal = prompts.confirm(
            self.window,
            self.tr("Export to Excel"),
            self.tr(
                "Include phone and ID numbers in full? Choose No to mask them "
                "(138****8000), as a workbook may leave the station."
            ),
        )
        name = f"{record_name(kind)} {dt.date.today().isoformat()}"
        target = prompts.save_path(
            self.window,
            self.tr("Export to Excel"),
            f"{name}.xlsx",
            translated("LedgerActions", XLSX_FILTER),
        )
        if target is None:
            return
        services = self.services

        def work(progress: Any, is_cancelled: Any) -> int:
            return services.registers.write_xlsx(
                kind, flt, target, paper_label, reveal=reveal, progress=progress,
                is_cancelled=is_cancelled,
            )  # fmt: skip

        self._write(name, work, target)

    def _write(
        self,
        title: str,
        work: Callable[[Any, Any], int],
        target: Path,
        saved: Callable[[int], None] = lambda _rows: None,
    ) -> None:
        from desktop.ui import tasks

        def done(rows: int) -> None:
            saved(rows)
            prompts.info(
                self.window,
                title,
                self.tr("Saved {0} rows to {1}").format(rows, target),
            )

        tasks.run_task(self.window, title, work, done)

    # --- import -------------------------------------------------------------------------

    def _choose_kind(self, title: str) -> str | None:
        names = [record_name(k) for k in IMPORT_KINDS]
        index = prompts.choose(self.window, title, self.tr("What does the workbook hold?"), names)
        return None if index is None else IMPORT_KINDS[index]

    def save_template(self) -> None:
        kind = self._choose_kind(self.tr("Save an import template"))
        if kind is None:
            return
        target = prompts.save_path(
            self.window,
            self.tr("Save the template as"),
            self.tr("Import template - {0}.xlsx").format(record_name(kind)),
            translated("LedgerActions", XLSX_FILTER),
        )
        if target is None:
            return
        from desktop.services.templates import write_template
        from desktop.ui import tasks

        tasks.run_task(
            self.window,
            self.tr("Save an import template"),
            lambda _p, _c: write_template(kind, target),
            lambda _r: prompts.info(
                self.window, self.tr("Import template"), self.tr("Saved {0}").format(target)
            ),
        )

    def import_xlsx(self) -> None:
        if self.services is None or not self.writable:
            return
        kind = self._choose_kind(self.tr("Import from Excel"))
        if kind is None:
            return
        path = prompts.open_path(
            self.window,
            self.tr("Choose the workbook to import"),
            translated("LedgerActions", IMPORT_FILTER),
        )
        if path is None:
            return
        from desktop.ui import tasks

        services, title = self.services, record_name(kind)
        tasks.run_task(
            self.window,
            self.tr("Checking the workbook"),
            lambda p, c: services.imports.plan(kind, path, paper_label, progress=p, is_cancelled=c),
            lambda plan: self._confirm_import(plan, title),
        )

    def _confirm_import(self, plan: Any, title: str) -> None:
        from desktop.ui import tasks
        from desktop.ui.dialogs.import_plan import ImportPlanDialog

        if not prompts.run_dialog(ImportPlanDialog(plan, title, self.window)):
            return
        services = self.services
        assert services is not None

        def done(counts: dict[str, int]) -> None:
            self.records_imported.emit(plan.kind)
            prompts.info(
                self.window,
                self.tr("Import from Excel"),
                self.tr("Imported: {0} new, {1} updated, {2} unchanged.").format(
                    counts["new"], counts["updated"], counts["unchanged"]
                ),
            )

        tasks.run_task(
            self.window,
            self.tr("Importing"),
            lambda p, c: services.imports.apply(plan, actor="", progress=p, is_cancelled=c),
            done,
            writes=True,
        )
