"""The Ledgers menu as a clerk uses it: print a ledger, export a table, import a workbook."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

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


def choose_ledger(kind: str, fmt: str):
    def run(dialog: LedgerDialog) -> bool:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.year.setValue(TODAY.year)
        dialog.format = fmt
        return True

    return run


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
