"""Every ledger from a station's records: its data, its PDF text and font, its workbook, the CLI."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.kinds import LEDGER_KINDS
from desktop.domain.records import DutyDayDraft
from desktop.services import collation
from desktop.services.ledgers import LedgerRequest
from desktop.ui.i18n import label
from tests.workbook_fixtures import FULL_PHONE, ID_WITH_X, NAMES, fill, open_station

TODAY = dt.date(2026, 6, 15)
YEAR = TODAY.year


@pytest.fixture
def station_db(tmp_path: Path) -> Path:
    path = tmp_path / "station.sqlite"
    services = open_station(path, TODAY)
    fill(services, TODAY)
    deputies = {d.name: d.id for d in services.deputies.list()}
    services.duty_days.create(  # the coming duty day the sign-in sheet is for
        DutyDayDraft(
            services.site.current().station_id,
            TODAY,
            deputy_ids=(deputies["覃海燕"], deputies["丁一"], deputies["王芳"]),
        )
    )
    services.close()
    return path


@pytest.fixture
def services(station_db: Path):
    svc = open_station(station_db, TODAY)
    yield svc
    svc.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


def test_every_ledger_prints_with_the_font_embedded_and_its_chinese_extractable(
    station_db: Path, tmp_path: Path
) -> None:
    for kind in LEDGER_KINDS:
        out = tmp_path / f"{kind}.pdf"
        day = ["--day", TODAY.isoformat()] if kind == "sign-in" else []  # the CLI's today is real
        code = main(["ledger", kind, "--db", str(station_db), "--year", str(YEAR),
                     "--out", str(out), *day])  # fmt: skip
        assert code == 0, kind
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
        line = next(x for x in fonts.splitlines() if "WenQuanYi" in x)
        assert re.search(r"\byes\s+yes\s+(yes|no)\b", line), line  # embedded, subset
        text = pdf_text(out)
        assert "黄姚镇大田村代表联络站" in text and re.search(r"第\s*1\s*页\s*共", text), kind
        assert "填表人" in text and "审核人" in text
        assert FULL_PHONE not in text and ID_WITH_X not in text, kind


def test_the_feedback_ledger_runs_from_registration_to_satisfaction(services) -> None:
    doc = services.ledgers.document(LedgerRequest("feedback", YEAR), label)
    headers = [c.header for c in doc.sections[0].columns]
    for header in ("受理日期", "反映人", "反映内容", "承办单位", "答复日期", "满意度"):
        assert header in headers
    assert doc.landscape and doc.title == "意见建议办理台账"
    phones = [r[headers.index("联系电话")] for r in doc.sections[0].rows]
    assert "138****8000" in phones
    dates = [r[headers.index("受理日期")] for r in doc.sections[0].rows]
    assert dates == sorted(dates), "a ledger reads oldest first"
    revealed = services.ledgers.document(LedgerRequest("feedback", YEAR, reveal=True), label)
    assert FULL_PHONE in [r[headers.index("联系电话")] for r in revealed.sections[0].rows]


def test_the_sign_in_sheet_lists_the_deputies_on_duty_in_stroke_order(services) -> None:
    doc = services.ledgers.document(LedgerRequest("sign-in", YEAR), label)
    names = [r[0] for r in doc.sections[0].rows if r[0]]
    assert names == sorted(["覃海燕", "丁一", "王芳"], key=collation.stroke_sort_key)
    assert names[0] == "丁一"  # 丁 has two strokes
    assert doc.sections[0].min_row_height > 20 and "2026年6月15日" in doc.period
    pinyin = services.ledgers.document(LedgerRequest("sign-in", YEAR, order="pinyin"), label)
    assert [r[0] for r in pinyin.sections[0].rows if r[0]] == ["丁一", "覃海燕", "王芳"]


def test_the_points_register_has_a_summary_and_a_page_per_deputy(services) -> None:
    doc = services.ledgers.document(LedgerRequest("points", YEAR), label)
    summary, *pages = doc.sections
    assert [r[0] for r in summary.rows] == sorted(NAMES, key=collation.stroke_sort_key)
    assert len(pages) == len(NAMES) and all(p.new_page and p.totals for p in pages)
    assert pages[0].heading.startswith("代表姓名：" + summary.rows[0][0])


def test_the_ledger_workbook_has_real_dates_and_text_numbers(station_db, tmp_path) -> None:
    out = tmp_path / "feedback.xlsx"
    assert main(["ledger", "feedback", "--db", str(station_db), "--year", str(YEAR),
                 "--out", str(out), "--reveal"]) == 0  # fmt: skip
    sheet = openpyxl.load_workbook(out).worksheets[0]
    values = [c for row in sheet.iter_rows() for c in row]
    assert any(isinstance(c.value, dt.datetime) for c in values)
    ids = [c for c in values if c.value == ID_WITH_X]
    assert ids and ids[0].data_type == "s"
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_ledger_format_must_match_the_file_name(station_db, tmp_path, capsys) -> None:
    args = ["ledger", "visits", "--db", str(station_db), "--year", str(YEAR)]
    assert main([*args, "--out", str(tmp_path / "v.pdf"), "--format", "xlsx"]) == 2
    assert main([*args, "--out", str(tmp_path / "v.doc")]) == 2
    assert not (tmp_path / "v.pdf").exists()
    assert main([*args, "--out", str(tmp_path / "v.xlsx"), "--format", "xlsx"]) == 0
    err = capsys.readouterr().err
    assert "pdf" in err and re.search(r"[\u4e00-\u9fff]", err)


def test_cli_template_and_import_twice(station_db, tmp_path, capsys) -> None:
    template = tmp_path / "visits.xlsx"
    assert main(["template", "visits", "--out", str(template)]) == 0
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    headers = [c.value.rstrip("*") for c in sheet[1]]
    row = dict.fromkeys(headers, None) | {"走访日期": "2026-06-01", "走访代表": "王芳",
                                          "走访对象": "低保户 2 户", "走访人数": 2}  # fmt: skip
    sheet.append([row[h] for h in headers])
    book.save(template)
    args = ["import-xlsx", "visits", str(template), "--db", str(station_db)]
    assert main([*args, "--dry-run"]) == 0
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "1" in out
    assert main(args) == 0  # the second time: unchanged
    services = open_station(station_db, TODAY)
    try:
        assert services.visits.count() == 2
    finally:
        services.close()


def test_cli_import_with_a_rejected_row_writes_nothing(station_db, tmp_path, capsys) -> None:
    path = tmp_path / "bad.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["接待日期", "进站代表", "接待群众人数"])
    book.active.append([dt.date(2026, 5, 1), "王芳", 3])
    book.active.append([dt.date(2026, 5, 2), "不存在的人", 3])
    book.save(path)
    args = ["import-xlsx", "duty-days", str(path), "--db", str(station_db)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "3" in err and "不存在的人" in err
    assert main([*args, "--skip-rejected"]) == 0
    services = open_station(station_db, TODAY)
    try:
        assert services.duty_days.count() == 5
    finally:
        services.close()


def test_cli_import_refuses_a_wps_file_in_chinese(station_db, tmp_path, capsys) -> None:
    path = tmp_path / "旧台账.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert main(["import-xlsx", "feedback", str(path), "--db", str(station_db)]) == 2
    assert "另存为 .xlsx" in capsys.readouterr().err


def test_paper_is_chinese_whatever_the_menus_speak(qapp, services) -> None:
    from desktop.ui.i18n import install_translators, paper_label

    install_translators(qapp, "en")
    try:
        doc = services.ledgers.document(LedgerRequest("duty-days", YEAR), paper_label)
    finally:
        install_translators(qapp, "zh_CN")
    kinds = {row[1] for row in doc.sections[0].rows}
    assert "日常接待" in kinds and "Regular reception" not in kinds


def test_a_monthly_ledger_holds_that_month_and_says_so(services) -> None:
    # The fixture's duty days are on 16, 23 and 30 May and 15 June; its cases on 16-19 May.
    may = services.ledgers.document(LedgerRequest("duty-days", YEAR, month=5), label)
    assert may.period == "2026年5月1日至2026年5月31日"
    assert [r[0] for r in may.sections[0].rows] == ["2026-05-16", "2026-05-23", "2026-05-30"]
    assert may.sections[0].notes == ("共 3 条。",)
    june = services.ledgers.document(LedgerRequest("duty-days", YEAR, month=6), label)
    assert june.period == "2026年6月1日至2026年6月30日"
    assert [r[0] for r in june.sections[0].rows] == ["2026-06-15"]
    february = services.ledgers.document(LedgerRequest("feedback", YEAR, month=2), label)
    assert february.period == "2026年2月1日至2026年2月28日" and not february.sections[0].rows
    year = services.ledgers.document(LedgerRequest("duty-days", YEAR), label)
    assert year.period == "2026年1月1日至2026年12月31日" and len(year.sections[0].rows) == 4
    (sheet,) = services.ledgers.sheets(LedgerRequest("feedback", YEAR, month=5), label)
    assert "2026年5月" in sheet.caption and "年度" not in sheet.caption and len(sheet.rows) == 4
    (sheet,) = services.ledgers.sheets(LedgerRequest("visits", YEAR, month=6), label)
    assert sheet.rows == []


def test_points_and_sign_in_sheets_refuse_a_month(services) -> None:
    from desktop.domain.errors import ServiceError
    from desktop.ui.i18n import message

    for request in (LedgerRequest("points", YEAR, month=3),
                    LedgerRequest("sign-in", YEAR, day=TODAY, month=6),
                    LedgerRequest("feedback", YEAR, month=13),
                    LedgerRequest("feedback", YEAR, month=0)):  # fmt: skip
        with pytest.raises(ServiceError) as refused:
            services.ledgers.document(request, label)
        assert re.search(r"[\u4e00-\u9fff]", message(refused.value)), request
        with pytest.raises(ServiceError):
            services.ledgers.sheets(request, label)


def test_cli_ledger_for_one_month_and_its_refusals(station_db, tmp_path, capsys) -> None:
    out = tmp_path / "may.pdf"
    assert main(["ledger", "duty-days", "--db", str(station_db), "--year", str(YEAR),
                 "--month", "5", "--out", str(out)]) == 0  # fmt: skip
    text = pdf_text(out)
    assert "2026年5月1日至2026年5月31日" in text and "共 3 条" in text
    book = tmp_path / "may.xlsx"
    assert main(["ledger", "feedback", "--db", str(station_db), "--year", str(YEAR),
                 "--month", "5", "--out", str(book)]) == 0  # fmt: skip
    assert "2026年5月" in openpyxl.load_workbook(book).worksheets[0]["A1"].value
    capsys.readouterr()
    refused = (
        ("feedback", "13", ()),
        ("visits", "0", ()),
        ("points", "5", ()),
        ("sign-in", "6", ("--day", "2026-06-15")),
    )
    for kind, month, extra in refused:
        target = tmp_path / f"refused-{kind}.pdf"
        code = main(["ledger", kind, "--db", str(station_db), "--year", str(YEAR),
                     "--month", month, "--out", str(target), *extra])  # fmt: skip
        err = capsys.readouterr().err
        assert code == 2 and not target.exists(), kind
        assert len(err.strip().splitlines()) == 1 and re.search(r"[\u4e00-\u9fff]", err), err
        assert "Traceback" not in err and "month" not in err.lower(), err
