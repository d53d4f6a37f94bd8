"""The annual report (年度报告) from the window: the year, a file (PDF, Excel workbook or JSON by
its type), then the report written off the UI thread with a progress bar and Cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.domain.figures import REPORT_FORMATS as FORMATS
from desktop.domain.tables import CancelledFn, ProgressFn
from desktop.ui import prompts
from desktop.ui.i18n import paper_label

if TYPE_CHECKING:
    from desktop.services import Services


def report_format(path: Path) -> tuple[Path, str]:
    """The format a file's type asks for; a name without a known type becomes a PDF."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        return path.with_name(path.name + ".pdf"), "pdf"
    return path, fmt


def write_annual_report(parent: QWidget, services: Services, year: int | None = None) -> None:
    """Ask for the year (``year`` chosen first) and the file, then write the report."""
    years = services.county.years()
    if year is not None and year not in years:
        years = sorted({*years, year}, reverse=True)
    title = QCoreApplication.translate("ReportActions", "Annual report")
    chosen = prompts.choose_year(
        parent,
        title,
        QCoreApplication.translate("ReportActions", "The report of the year"),
        years,
        year if year is not None else years[0],
    )
    if chosen is None:
        return
    name = QCoreApplication.translate("ReportActions", "Annual report {0}").format(chosen)
    target = prompts.save_path(
        parent,
        QCoreApplication.translate("ReportActions", "Save the annual report as"),
        f"{name}.pdf",
        QCoreApplication.translate(
            "ReportActions", "PDF document (*.pdf);;Excel workbook (*.xlsx);;JSON data (*.json)"
        ),
    )
    if target is None:
        return
    target, fmt = report_format(target)
    from desktop.ui import tasks

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> int:
        return services.county.write_report(
            chosen, target, fmt, label=paper_label, progress=progress, is_cancelled=is_cancelled
        )  # and records it in the audit log

    def done(count: int) -> None:
        if fmt == "pdf":
            text = QCoreApplication.translate(
                "ReportActions", "Saved the annual report ({0} pages) to {1}"
            )
        else:
            text = QCoreApplication.translate(
                "ReportActions", "Saved the annual report ({0} stations) to {1}"
            )
        prompts.info(parent, title, text.format(count, target))

    tasks.run_task(parent, name, work, done)
