"""``liaison-desk --self-test``: does this copy of the program have everything it needs?

Run by the county's IT on a freshly built or installed folder (and by CI on the frozen build):
every step touches a part a build can leave behind — a data file (migrations, the font, the
translations, the stroke table), a hidden import (a SQLAlchemy dialect, a Qt plugin, reportlab's
fonts, cryptography's backend) — and names it when it is missing. Nothing outside a temporary
folder is read or written; the exit status is 0 only when every step passed.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import __version__, paths
from desktop.cli_db import Cli

PASSPHRASE = "self-test passphrase"
TODAY = dt.date(2026, 3, 5)
CONTENT = "村道路灯损坏"


class _World:
    """A county and one enrolled station in a temporary folder, built step by step."""

    def __init__(self, folder: Path, language: str) -> None:
        self.folder = folder
        self.language = language  # the run speaks it again after the translations' step
        self.county: Any = None
        self.station: Any = None
        self.ledger_pdf = b""

    def close(self) -> None:
        for services in (self.station, self.county):
            if services is not None:
                services.close()

    # --- the steps, in order; each raises on a fault ------------------------------------

    def database(self) -> str:
        from desktop.db.migrate import current_revision
        from desktop.db.revision import HEAD
        from desktop.domain.enums import SiteRole
        from desktop.domain.records import SiteDraft
        from desktop.services import open_services

        self.county = open_services(self.folder / "county.sqlite", today=lambda: TODAY)
        revision = current_revision(self.county.db)
        if revision != HEAD:
            raise RuntimeError(f"migrated to {revision}, expected {HEAD}")
        self.county.site.initialise(SiteDraft(SiteRole.COUNTY, "ST", "自检县人大常委会", ""))
        return Cli.tr("schema revision {0}").format(revision)

    def translations(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from desktop.ui.i18n import install_translators

        app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
        if not install_translators(app, "zh_CN"):
            raise RuntimeError(f"no liaison_desk_zh_CN.qm in {paths.translations_dir()}")
        source = "Liaison Desk: records and ledgers for deputy liaison stations."
        translated = QCoreApplication.translate("Cli", source)
        install_translators(app, self.language)
        if translated == source:
            raise RuntimeError("the Chinese translation is loaded but translates nothing")
        return str(paths.translations_dir())

    def enrolment(self) -> str:
        from desktop.domain.enums import SiteRole
        from desktop.domain.records import CaseDraft, DeputyDraft
        from desktop.services import open_services

        blob = self.county.enrolment.enroll_site(
            "ST01", "自检联络站", SiteRole.STATION, "自检镇", PASSPHRASE, TODAY
        )
        self.station = open_services(self.folder / "station.sqlite", today=lambda: TODAY)
        self.station.enrolment.accept(blob, PASSPHRASE)
        station_id = self.station.site.current().station_id
        self.station.deputies.create(DeputyDraft("黄志强", station_ids=(station_id,)))
        self.station.feedback.register(
            CaseDraft(station_id, TODAY, person_name="李芳", village="大田村", content=CONTENT)
        )
        return Cli.tr("1 station, 1 deputy, 1 case")

    def ledger(self) -> str:
        from desktop.services.ledgers import LedgerRequest
        from desktop.ui.i18n import paper_label

        request = LedgerRequest("feedback", TODAY.year)
        rendered = self.station.ledgers.pdf(request, paper_label)
        if rendered.pages != 1 or not rendered.pdf.startswith(b"%PDF"):
            raise RuntimeError(f"{rendered.pages} pages")
        if rendered.flagged_characters:
            raise RuntimeError(f"the font lacks {sorted(rendered.flagged_characters)}")
        self.ledger_pdf = rendered.pdf
        return Cli.tr("1 page, {0} KB").format(len(rendered.pdf) // 1024)

    def preview(self) -> str:
        import pypdfium2
        from PySide6.QtGui import QImage

        from desktop.ui.print_preview import render_page  # the preview's own drawing

        document = pypdfium2.PdfDocument(self.ledger_pdf)
        try:
            image = render_page(document, 0, 0.5)
        finally:
            document.close()
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
        data, line, width = bytes(gray.constBits()), gray.bytesPerLine(), gray.width()
        darkest = min(
            (min(data[y * line : y * line + width]) for y in range(gray.height())), default=255
        )
        if darkest > 128:  # no ink anywhere (rows read without their padding bytes)
            raise RuntimeError("the page rendered blank")
        return f"{image.width()}×{image.height()} px"

    def workbook(self) -> str:
        from desktop.domain.records import ListFilter
        from desktop.formats.xlsx_write import write_workbook
        from desktop.ui.i18n import paper_label

        path = self.folder / "deputies.xlsx"
        sheet = self.station.registers.sheet("deputies", ListFilter(), paper_label, reveal=True)
        write_workbook(path, [sheet])
        plan = self.station.imports.plan("deputies", path, paper_label)
        if plan.count("unchanged") != len(sheet.rows) or not sheet.rows:
            counts = {k: plan.count(k) for k in ("new", "updated", "unchanged", "rejected")}
            raise RuntimeError(f"read back {counts} of {len(sheet.rows)} rows")
        return Cli.tr("{0} rows written and read back").format(len(sheet.rows))

    def bundle(self) -> str:
        from desktop.domain.records import ListFilter

        county_id = self.station.bundles.recipients()[0].site_id
        files = self.station.bundles.export(county_id, self.folder).files
        for path in files:
            self.county.bundles.apply(path)
        got = self.county.feedback.page(ListFilter()).rows
        if [c.content for c in got] != [CONTENT]:
            raise RuntimeError(f"the county holds {len(got)} cases after the import")
        return Cli.tr("{0} signed and encrypted bundles taken in by the county").format(len(files))

    def window(self) -> str:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings import UiSettings

        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("no QApplication")
        window = MainWindow(UiSettings(self.folder / "ui.ini"), today=lambda: TODAY)
        services, self.county = self.county, None  # the window closes them with itself
        try:
            window.attach(services)
            # The county's overview: its figures are counted off the UI thread, its charts
            # are QtCharts (a Qt module of its own, loaded on first use).
            dash = window.dashboard_tab
            loop = QEventLoop()
            dash.figures_shown.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            window.tabs.setCurrentWidget(dash)
            loop.exec()
            if not dash.charts:
                raise RuntimeError("the overview's charts were not drawn within 30 s")
            image = window.grab().toImage()
            if image.isNull():
                raise RuntimeError("the window did not render")
            platform = app.platformName()
        finally:
            window.close()
            window.deleteLater()
        return Cli.tr("{0}×{1} px on the Qt platform “{2}”").format(
            image.width(), image.height(), platform
        )


def run(stream: Any = None, language: str = "zh_CN") -> int:
    """Every step in turn; one line each, in ``language``; 0 if all passed, 1 otherwise."""
    out = stream or sys.stdout
    if out is not None:
        return _run(out, language)
    # The windowed program on Windows has no standard output: the lines go to a file instead.
    with (paths.log_dir() / "self-test.txt").open("w", encoding="utf-8") as file:
        return _run(file, language)


def _run(out: Any, language: str) -> int:
    frozen = getattr(sys, "frozen", False)
    how = Cli.tr("the built program") if frozen else Cli.tr("from the source")
    print(Cli.tr("Liaison Desk {0} self-test ({1})").format(__version__, how), file=out)
    print(f"  {paths.bundle_root()}", file=out)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="liaison-desk-self-test-") as tmp:
        world = _World(Path(tmp), language)
        steps: list[tuple[str, Callable[[], str]]] = [
            (Cli.tr("open and migrate a database"), world.database),
            (Cli.tr("load the translations"), world.translations),
            (Cli.tr("enrol a station and record a case"), world.enrolment),
            (Cli.tr("render a one-page ledger PDF"), world.ledger),
            (Cli.tr("show the PDF in the print preview"), world.preview),
            (Cli.tr("write and re-read a workbook"), world.workbook),
            (Cli.tr("round-trip a signed and encrypted bundle"), world.bundle),
            (Cli.tr("draw the main window"), world.window),
        ]
        try:
            for name, step in steps:
                started = time.perf_counter()
                try:
                    detail = step()
                except Exception as exc:  # reported, and the remaining steps still run
                    failed += 1
                    print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=out)
                    traceback.print_exc(file=sys.stderr)
                    continue
                ms = (time.perf_counter() - started) * 1000
                print(f"ok   {name}: {detail} ({ms:.0f} ms)", file=out)
        finally:
            world.close()
    verdict = Cli.tr("all steps passed") if not failed else Cli.tr("{0} steps failed")
    print(verdict.format(failed), file=out)
    return 1 if failed else 0
