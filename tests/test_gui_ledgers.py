"""The Ledgers menu as a clerk uses it: print a ledger, export a table, import a workbook."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.db.models import LedgerPrint
from desktop.domain.records import ListFilter
from desktop.ui import prompts
from desktop.ui.dialogs.import_plan import ImportPlanDialog
from desktop.ui.dialogs.ledger import PDF, XLSX, LedgerDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.settings import UiSettings
from tests.workbook_fixtures import FULL_PHONE, fill, open_station

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def window(qtbot, tmp_path: Path):
    services = open_station(tmp_path / "station.sqlite", TODAY)
    fill(services, TODAY)
    win = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.attach(services)
    yield win
    win.close()


@pytest.fixture
def answers(monkeypatch):
    """What the clerk answers: set keys before triggering an action."""
    given: dict = {"infos": []}

    def run_dialog(dialog) -> bool:
        given.setdefault("dialogs", []).append(dialog)
        return given["run_dialog"](dialog)

    monkeypatch.setattr(prompts, "run_dialog", run_dialog)
    monkeypatch.setattr(prompts, "save_path", lambda *a, **k: given["save_path"])
    monkeypatch.setattr(prompts, "open_path", lambda *a, **k: given["open_path"])
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, items: given["choose"](items))
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: given.get("confirm", False))
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: given["infos"].append(text))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: pytest.fail(text))
    return given


def choose_ledger(kind: str, fmt: str, month: int = 0):
    def run(dialog: LedgerDialog) -> bool:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.year.setValue(TODAY.year)
        dialog.month.setCurrentIndex(dialog.month.findData(month))
        dialog.format = fmt
        return True

    return run


def shown_preview() -> PrintPreviewDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
    return next((w for w in found if w.isVisible()), None)


def logged(services) -> list[tuple]:
    """The log of ledgers printed: (kind, year, month, output, rows, station), sorted."""
    p = LedgerPrint
    query = select(p.kind, p.year, p.month, p.output, p.rows, p.station_id)
    with services.db.read() as s:
        return sorted(tuple(r) for r in s.execute(query))


def test_print_a_ledger_opens_the_preview(qtbot, window, answers, tmp_path) -> None:
    answers["run_dialog"] = choose_ledger("feedback", PDF)
    window.ledger_actions.print_action.trigger()

    def preview() -> PrintPreviewDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]
        return next((w for w in found if w.isVisible()), None)

    qtbot.waitUntil(lambda: preview() is not None, timeout=20_000)
    dialog = preview()
    assert dialog.page_count() >= 1
    target = tmp_path / "feedback.pdf"
    answers["save_path"] = target
    assert dialog.save_as() == target
    dialog.close()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "意见建议办理台账" in text and FULL_PHONE not in text


def test_a_ledger_saved_as_a_workbook(qtbot, window, answers, tmp_path) -> None:
    target = tmp_path / "points.xlsx"
    answers.update(run_dialog=choose_ledger("points", XLSX), save_path=target)
    window.ledger_actions.print_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:2] == ["积分汇总", "积分明细"]


def test_export_the_table_on_screen_masked(qtbot, window, answers, tmp_path) -> None:
    window.tabs.setCurrentWidget(window.feedback_tab)
    target = tmp_path / "cases.xlsx"
    answers.update(save_path=target, confirm=False)
    window.ledger_actions.export_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    with zipfile.ZipFile(target) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert "138****8000" in xml and FULL_PHONE not in xml


def test_import_a_workbook_through_its_preview(qtbot, window, answers, tmp_path) -> None:
    path = tmp_path / "旧台账.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["接待日期", "进站代表", "接待群众人数", "接待情况"])
    book.active.append([dt.date(2026, 4, 1), "王芳、丁一", 6, "解答政策咨询"])
    book.active.append([dt.date(2026, 4, 8), "查无此人", 2, ""])
    book.save(path)
    services = window.services
    before = services.duty_days.count()
    seen = {}

    def accept(dialog: ImportPlanDialog) -> bool:
        seen["enabled"] = dialog.import_button.isEnabled()
        seen["rows"] = dialog.table.rowCount()
        return seen["enabled"]  # the clerk can only press Import when it is enabled

    answers.update(choose=lambda items: items.index("进站接待"), open_path=path, run_dialog=accept)
    window.tabs.setCurrentWidget(window.duty_tab)
    window.ledger_actions.import_action.trigger()
    qtbot.waitUntil(lambda: "rows" in seen, timeout=20_000)
    assert not seen["enabled"] and seen["rows"] == 1  # a rejected row: nothing is written
    assert services.duty_days.count() == before
    sheet = openpyxl.load_workbook(path)
    sheet.active["B3"] = "覃海燕"  # the clerk corrects the workbook and imports it again
    sheet.save(path)
    window.ledger_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    assert seen["enabled"] and seen["rows"] == 0
    assert services.duty_days.count() == before + 2
    qtbot.waitUntil(lambda: window.duty_tab.duty_days.model.rowCount() == before + 2)
    days = [d.day for d in services.duty_days.page(ListFilter()).rows]
    assert dt.date(2026, 4, 1) in days


def test_save_an_import_template(qtbot, window, answers, tmp_path) -> None:
    target = tmp_path / "template.xlsx"
    answers.update(choose=lambda items: items.index("意见建议"), save_path=target)
    window.ledger_actions.template_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    assert "填写说明" in openpyxl.load_workbook(target).sheetnames


def test_the_month_chooser_asks_for_one_month(qtbot, window) -> None:
    dialog = LedgerDialog(window.services, TODAY, "duty-days", window)
    qtbot.addWidget(dialog)
    assert dialog.month.currentText() == "全年" and dialog.request().month is None
    assert [dialog.month.itemText(i) for i in (1, 3, 12)] == ["1月", "3月", "12月"]
    dialog.month.setCurrentIndex(dialog.month.findData(3))
    request = dialog.request()
    assert (request.kind, request.year, request.month) == ("duty-days", TODAY.year, 3)
    for annual in ("points", "sign-in"):  # a points register is annual; a sign-in sheet, a day
        dialog.kind.setCurrentIndex(dialog.kind.findData(annual))
        assert not dialog.month.isEnabled() and dialog.request().month is None
    dialog.kind.setCurrentIndex(dialog.kind.findData("visits"))
    assert dialog.month.isEnabled() and dialog.month.currentText() == "全年"


def test_a_ledger_is_logged_when_printed_or_saved_not_when_previewed(
    qtbot, window, answers, tmp_path, monkeypatch
) -> None:
    services = window.services
    answers["run_dialog"] = choose_ledger("duty-days", PDF, month=5)
    window.ledger_actions.print_action.trigger()
    qtbot.waitUntil(lambda: shown_preview() is not None, timeout=20_000)
    dialog = shown_preview()
    assert logged(services) == []  # looking is not printing
    monkeypatch.setattr(prompts, "choose_printer", lambda *_a: False)
    dialog.print_button.click()
    assert logged(services) == []  # the print dialog was cancelled

    def printer_accepted(_parent, printer: QPrinter, _pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "paper.pdf"))
        return True

    monkeypatch.setattr(prompts, "choose_printer", printer_accepted)
    dialog.print_button.click()
    assert (tmp_path / "paper.pdf").exists()
    answers["save_path"] = tmp_path / "may.pdf"
    assert dialog.save_as() == tmp_path / "may.pdf"
    dialog.close()
    station = services.site.current().station_id
    may = ("duty-days", TODAY.year, 5)
    assert logged(services) == [(*may, "pdf", 3, station), (*may, "print", 3, station)]


def test_a_monthly_workbook_ledger_is_logged(qtbot, window, answers, tmp_path) -> None:
    target = tmp_path / "may.xlsx"
    answers.update(run_dialog=choose_ledger("feedback", XLSX, month=5), save_path=target)
    window.ledger_actions.print_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    assert "2026年5月" in openpyxl.load_workbook(target).worksheets[0]["A1"].value
    station = window.services.site.current().station_id
    assert logged(window.services) == [("feedback", TODAY.year, 5, "xlsx", 4, station)]
