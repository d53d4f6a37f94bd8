"""Simplified Chinese is complete, compiled, current, and what a clerk actually sees."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from tools import update_translations as ut

TS = ut.ts_file("zh_CN")
PLACEHOLDER = re.compile(r"\{[a-z0-9_]*\}|%\d")
# Latin words allowed on screen: pinyin examples, codes and file patterns.
# Product and file-format names Chinese clerks use as they are (Excel, WPS, PDF, .xlsx).
ALLOWED = re.compile(r"^(zxm|S\d+|sqlite|db|YYYY|MM|DD|Excel|WPS|PDF|xlsx|xls)$")


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 200
    for context, source, translation in messages:
        assert translation.get("type") is None, f"unfinished: {context}: {source}"
        assert translation.text, f"empty: {context}: {source}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text))


def test_translation_file_covers_every_source_string(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing new: no string slipped past translation."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    import subprocess

    subprocess.run(
        [
            ut._tool("pyside6-lupdate"),
            *ut.sources(),
            "-tr-function-alias",
            ut.ALIASES,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        cwd=ut.ROOT,
        check=True,
        capture_output=True,
    )
    root = ET.parse(fresh).getroot()
    unfinished = [
        (ctx.findtext("name"), m.findtext("source"))
        for ctx in root.iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    built = ut.release("zh_CN", tmp_path / "check.qm")
    assert built.read_bytes() == ut.qm_file("zh_CN").read_bytes(), (
        "i18n/*.qm is stale: run python tools/update_translations.py --release-only"
    )


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel | QAbstractButton | QGroupBox):
            texts.append(w.text() if not isinstance(w, QGroupBox) else w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts.extend(str(model.headerData(c, _h(), 0)) for c in range(model.columnCount()))
    return texts


def _h():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def english_words(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        text = re.sub(r"\S*[/\\]\S*", "", text or "")  # file paths are the user's, not ours
        text = re.sub(r"U\+[0-9A-F]{4,6}", "", text)  # code points of characters the font lacks
        for word in re.findall(r"[A-Za-z]{2,}", text):
            if not ALLOWED.match(word):
                found.append(f"{word!r} in {text!r}")
    return found


@pytest.fixture
def zh(qapp):
    from desktop.ui.i18n import install_translators

    assert install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "zh_CN")


def _plan_with_problems(services, tmp_path: Path):
    """An import plan with a rejected row and a note, as the preview shows them."""
    import openpyxl

    path = tmp_path / "名册.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "代表"
    book.active.append(["姓名", "联系电话", "代表层级", "所属联络站"])
    book.active.append(["韦小青", "123", "乡镇级", "不存在的站"])
    book.active.append(["蒙小燕", "137****0000", "乡镇级", ""])
    book.save(path)
    return services.imports.plan("deputies", path, _label())


def _label():
    from desktop.ui.i18n import label

    return label


def _pdf() -> bytes:
    from desktop.formats.slips import ReferralSlipData, render_referral_slip

    return render_referral_slip(
        ReferralSlipData(
            unit_name="黄姚镇大田村代表联络站", case_number="S01-2026-0001",
            received_on=dt.date(2026, 6, 1), channel_label="来站反映", person_label="赵**",
            phone_masked="138****8000", village="大田村", category="道路交通", content="路灯不亮",
            deputies=["王芳"], department="县住建局", co_departments=[],
            referred_on=dt.date(2026, 6, 2), deadline=dt.date(2026, 6, 30), deadline_exact=True,
        )
    ).pdf  # fmt: skip


def test_no_english_in_the_window_or_any_dialog(qtbot, zh, services, tmp_path: Path) -> None:
    from desktop.domain.records import DeputyDraft
    from desktop.ui.dialogs.activity import ActivityDialog
    from desktop.ui.dialogs.case import CaseDialog
    from desktop.ui.dialogs.deputy import DeputyDialog
    from desktop.ui.dialogs.duty import DutyDayDialog, VisitDialog
    from desktop.ui.dialogs.import_plan import ImportPlanDialog
    from desktop.ui.dialogs.ledger import LedgerDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.print_preview import PrintPreviewDialog
    from desktop.ui.settings import UiSettings
    from desktop.ui.setup_dialog import SetupDialog

    services.deputies.create(
        DeputyDraft("张晓明", station_ids=(services.site.current().station_id,))
    )
    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    window.show()
    window.attach(services)
    texts = visible_texts(window)
    for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu())):
        texts.extend(a.text() for a in menu.actions())
    texts.extend(a.text() for a in window.menuBar().actions())
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        texts.extend(visible_texts(window))
    today = services.feedback._today()
    plan = _plan_with_problems(services, tmp_path)
    dialogs = [
        LedgerDialog(services, today),
        ImportPlanDialog(plan, "代表名册"),
        PrintPreviewDialog(_pdf(), "台账", flagged_characters="𠮷"),
        DeputyDialog(services),
        DutyDayDialog(services, today),
        VisitDialog(services, today),
        CaseDialog(services, today),
        ActivityDialog(services, today),
        SetupDialog(services),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        if hasattr(dialog, "build_draft"):
            dialog.save()  # empty or default forms: their error messages must be Chinese too
        texts.extend(visible_texts(dialog))
        dialog.reject()
    assert english_words(texts) == []
    assert any("代表" in t for t in texts)


def test_english_can_be_chosen(qtbot, qapp, services, tmp_path: Path) -> None:
    from desktop.ui.i18n import install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    install_translators(qapp, "en")
    try:
        window = MainWindow(UiSettings(tmp_path / "ui.ini"))
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "Deputies"
    finally:
        install_translators(qapp, "zh_CN")
