"""The workbook layer: write -> read round trips; every malformed workbook refused or located."""

from __future__ import annotations

import datetime as dt
import errno
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.domain.tables import Cancelled, CellKind, Column, SheetData
from desktop.formats import files, xlsx_read, xlsx_rows, xlsx_write
from desktop.formats.xlsx_cells import MSG_LONG_NUMBER
from desktop.formats.xlsx_common import (
    INSTRUCTIONS_SHEET,
    MSG_CANNOT_OPEN,
    MSG_DAMAGED,
    MSG_NOT_A_WORKBOOK_TYPE,
    MSG_PASSWORD,
    MSG_WRITE_DISK_FULL,
    MSG_WRITE_IN_USE,
    TEMPLATE_SHEET,
)
from desktop.formats.xlsx_read import CellProblem, WorkbookRefused, read_table
from desktop.formats.xlsx_write import write_workbook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
K = CellKind
COLUMNS = (
    Column("name", "姓名", K.TEXT, 6, ("代表姓名",), required=True),
    Column("phone", "联系电话", K.IDENTIFIER, 12, ("电话", "手机")),
    Column("id_number", "身份证号", K.IDENTIFIER, 16),
    Column("day", "日期", K.DATE, 8, ("出生日期",)),
    Column("people", "人数", K.INTEGER, 6),
    Column("points", "积分", K.DECIMAL, 6),
    Column("fee", "金额", K.MONEY, 8),
    Column("content", "反映内容", K.LONG_TEXT, 30, note="写清楚时间、地点"),
)
TRICKY_TEXT = ['=HYPERLINK("http://evil.invalid","点我")', "+1", "-1", "@SUM(1)", "=1+2", "#N/A"]
ROWS = [
    (
        "张三",
        "13800138000",
        "11010519491231002X",
        dt.date(2025, 3, 5),
        3,
        2.5,
        1250,
        "路灯坏了\n很久",
    ),
    ("=1+2", "0571-88001234", "110105194912310021", dt.date(2024, 12, 31), 0, 0.0, 1, "+1"),
    ("@SUM(1)", "057188001234", "440524188001010014", dt.date(1999, 1, 1), 12, 10.5, 0, "-1"),
    ("#N/A", "+8613800138000", "000000000000000000", None, None, None, -250, '=HYPERLINK("x")'),
    ("李四", None, None, dt.date(2025, 1, 1), 7, 1.0, 123456789, "普通的一段文字。" * 40),
]


def _problems(table: xlsx_read.ReadTable) -> list[CellProblem]:
    return [p for row in table.rows for p in row.problems]


def _write(path: Path, rows: list, columns: tuple = COLUMNS, **kwargs) -> Path:
    write_workbook(path, [SheetData("名册", columns, rows, **kwargs)])
    return path


def _book(path: Path, rows: list[list], title: str = "Sheet1") -> Path:
    """A hand-made workbook (openpyxl normal mode), as a clerk's Excel would save it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _refusal(path: Path, columns: tuple = COLUMNS, **kwargs) -> WorkbookRefused:
    with pytest.raises(WorkbookRefused) as caught:
        read_table(path, columns, **kwargs)
    assert caught.value.context == "Workbook"
    return caught.value


def _with_cached_results(path: Path) -> None:
    """Give openpyxl's first formula a stored result, as Excel saves it (openpyxl writes none)."""
    with zipfile.ZipFile(path) as zin:
        parts = {i.filename: zin.read(i) for i in zin.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r"(<f>[^<]*</f>)<v\s*/>", r"\1<v>3</v>", sheet, count=1
    ).encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


# --- round trips ----------------------------------------------------------------------------


def test_every_kind_round_trips_unchanged(tmp_path: Path) -> None:
    path = _write(tmp_path / "out.xlsx", ROWS)
    table = read_table(path, COLUMNS)
    assert (table.sheet_name, table.header_row, table.template) == ("名册", 1, None)
    assert table.headers_found == {c.key: c.header for c in COLUMNS}
    assert table.ignored_headers == () and table.warnings == [] and _problems(table) == []
    assert [r.row_number for r in table.rows] == [2, 3, 4, 5, 6]
    keys = [c.key for c in COLUMNS]
    assert [tuple(r.values[k] for k in keys) for r in table.rows] == ROWS
    assert all(type(r.values["fee"]) is int for r in table.rows)  # fen, not yuan floats


def test_text_is_stored_as_text_and_no_cell_is_a_formula(tmp_path: Path) -> None:
    rows = [(t, t, t, None, None, None, None, t) for t in TRICKY_TEXT]
    path = _write(tmp_path / "out.xlsx", rows)
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(r"<f[ >/]", s) for s in sheets)
    assert "<t>=HYPERLINK(" in sheets[0] and 't="e"' not in sheets[0]
    ws = openpyxl.load_workbook(path)["名册"]
    for row in ws.iter_rows(min_row=2):
        assert {c.data_type for c in row if c.value is not None} == {"s"}
    values = [r.values for r in read_table(path, COLUMNS).rows]
    assert [v["name"] for v in values] == [v["phone"] for v in values] == TRICKY_TEXT


def test_numbers_and_dates_are_typed_cells_with_formats(tmp_path: Path) -> None:
    path = _write(tmp_path / "out.xlsx", ROWS, caption="红旗镇 2025年")
    ws = openpyxl.load_workbook(path)["名册"]
    assert ws["A1"].value == "红旗镇 2025年" and ws["A1"].font.b
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:H7"
    assert [c.value for c in ws[2]] == [c.header for c in COLUMNS]
    assert all(
        c.font.b and c.fill.fgColor.rgb.endswith("DDEBF7") and c.border.top.style for c in ws[2]
    )
    d, people, points, fee, content = ws["D3"], ws["E3"], ws["F3"], ws["G3"], ws["H3"]
    assert d.value == dt.datetime(2025, 3, 5) and d.number_format == "yyyy-mm-dd"
    assert people.value == 3 and people.data_type == "n"
    assert points.value == 2.5 and points.number_format == "0.0"
    assert fee.value == 12.5 and fee.number_format == "0.00" and ws["G7"].value == 1234567.89
    assert content.alignment.wrap_text
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["C"] >= 20 and widths["H"] == 30 and max(widths.values()) <= 60  # an ID fits
    assert ws.column_dimensions["C"].number_format == "@"  # typed-in IDs stay text
    with zipfile.ZipFile(path) as z:
        assert "<v>12.5</v>" in z.read("xl/worksheets/sheet1.xml").decode()  # exact, not 12.49..


def test_a_template_carries_its_marker_and_instructions(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    lines = ["本模板用于导入代表名册。", "第一行为列名。"]
    write_workbook(
        path, [SheetData("代表名册", COLUMNS, [])], template=("deputies", 2), instructions=lines
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["代表名册", INSTRUCTIONS_SHEET, TEMPLATE_SHEET]
    assert wb[TEMPLATE_SHEET].sheet_state == "veryHidden"
    assert wb[INSTRUCTIONS_SHEET].sheet_state == "visible"
    assert wb["代表名册"]["A1"].value == "姓名*"  # required columns are marked
    notes = [[c.value for c in row if c.value] for row in wb[INSTRUCTIONS_SHEET].iter_rows()]
    assert notes[:2] == [[lines[0]], [lines[1]]]
    assert ["姓名", "是", "文字"] in notes
    assert ["反映内容", "否", "文字，可以多行；写清楚时间、地点"] in notes
    filled = wb["代表名册"]
    filled.append(["王五", "13800138000"])
    wb.save(path)
    table = read_table(path, COLUMNS, expect_template="deputies")
    assert table.template == ("deputies", 2) and table.headers_found["name"] == "姓名*"
    assert [r.values["name"] for r in table.rows] == ["王五"]


def _normalised(text: str) -> str | None:
    """What a text cell reads back as: XML-illegal characters dropped, line ends as XML reads
    them (CR LF and CR become LF), and outer spaces stripped by the reader."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip() or None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=12))
@example(["_x0041_", "a\x00b", "\x1f", "𠮷\u3000", "=A1", "\r\n x \r"])
def test_any_text_round_trips_as_defined(tmp_path: Path, texts: list[str]) -> None:
    columns = (Column("name", "姓名", K.TEXT), Column("content", "内容", K.LONG_TEXT))
    path = tmp_path / "text.xlsx"
    write_workbook(path, [SheetData("s", columns, [("占位", t) for t in texts])])
    table = read_table(path, columns)
    read = {r.row_number: r.values["content"] for r in table.rows}
    assert [read.get(n + 2) for n in range(len(texts))] == [_normalised(t) for t in texts]
    assert _problems(table) == []


# --- atomic writing -------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "out.xlsx")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")

    def disk_full(fd) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(WorkbookRefused) as caught:
        _write(target, ROWS)
    assert (
        caught.value.message == MSG_WRITE_DISK_FULL and caught.value.args_map["file"] == "out.xlsx"
    )
    assert target.read_bytes() == b"the previous export" and _leftovers(tmp_path) == []


def test_a_failure_in_the_middle_of_the_rows_is_refused_the_same_way(tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    calls = iter(range(10**6))
    real = xlsx_write.RowCells.convert

    def failing(self, row):
        if next(calls) == 1500:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, row)

    monkeypatch.setattr(xlsx_write.RowCells, "convert", failing)
    with pytest.raises(WorkbookRefused):
        _write(target, ROWS * 600)
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_a_file_open_in_excel_is_refused_after_retries(tmp_path, monkeypatch) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    attempts = []

    def locked(src, dst) -> None:
        attempts.append(dst)
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(files.os, "replace", locked)
    monkeypatch.setattr(files.time, "sleep", lambda s: None)
    with pytest.raises(WorkbookRefused) as caught:
        _write(target, ROWS)
    assert caught.value.message == MSG_WRITE_IN_USE and len(attempts) == files.RENAME_ATTEMPTS
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_cancel_leaves_nothing_and_progress_is_reported(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "out.xlsx"
    spool = Path(tempfile.gettempdir())  # where openpyxl streams a write-only sheet's rows
    before = set(spool.glob("openpyxl.*"))
    with pytest.raises(Cancelled):
        write_workbook(
            target,
            [SheetData("s", COLUMNS, ROWS * 600)],
            progress=lambda done, total, text: seen.append((done, total)),
            is_cancelled=lambda: len(seen) >= 1,
        )
    assert list(tmp_path.iterdir()) == [] and seen == [(1000, 3000)]
    assert set(spool.glob("openpyxl.*")) <= before  # its spool files are gone too
    seen.clear()
    assert (
        write_workbook(
            target,
            [SheetData("s", COLUMNS, ROWS * 500)],
            progress=lambda d, t, x: seen.append((d, t)),
        )
        == 2500
    )
    assert seen == [(1000, 2500), (2000, 2500), (2500, 2500)]
    with pytest.raises(Cancelled):
        read_table(target, COLUMNS, is_cancelled=lambda: True)


# --- reading: headers -----------------------------------------------------------------------


def test_headers_are_matched_tolerantly_under_a_title(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "hand.xlsx",
        [
            ["红旗镇代表名册（2025年）"],
            [],
            ["序号", "联系电话（手机）", " 代表 姓名 *", "ＩＤ", "金额(元)", "备注"],
            [1, "13800138000", "张三", "x", "12.50", "无"],
        ],
    )
    columns = (COLUMNS[0], COLUMNS[1], COLUMNS[6], Column("x", "Id", K.TEXT))
    table = read_table(path, columns)
    assert table.header_row == 3 and table.ignored_headers == ("序号", "备注")
    assert table.headers_found == {
        "phone": "联系电话（手机）",
        "name": "代表 姓名 *",
        "x": "ＩＤ",
        "fee": "金额(元)",
    }
    assert table.rows[0].values == {"phone": "13800138000", "name": "张三", "x": "x", "fee": 1250}


def test_a_two_row_header_with_merged_cells_is_read(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "联系方式", None])
    ws.append([None, "电话", "地址"])
    ws.append(["张三", "13800138000", "红旗村"])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:C1")
    wb.save(tmp_path / "two.xlsx")
    columns = (COLUMNS[0], COLUMNS[1], Column("address", "地址", K.TEXT))
    table = read_table(tmp_path / "two.xlsx", columns)
    assert table.header_row == 2 and _problems(table) == []
    assert table.rows[0].values == {"name": "张三", "phone": "13800138000", "address": "红旗村"}


def test_a_header_twice_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path / "twice.xlsx", [["姓名", "电话", "姓名（必填）"], ["张三", "1", "李四"]])
    refusal = _refusal(path)
    assert refusal.args_map == {"sheet": "Sheet1", "column": "姓名", "first": "A1", "second": "C1"}


def test_a_missing_required_column_is_refused_by_name(tmp_path: Path) -> None:
    path = _book(tmp_path / "missing.xlsx", [["电话", "日期", "人数"], ["1", "2025-01-01", 3]])
    refusal = _refusal(path)
    assert refusal.args_map["columns"] == "「姓名」" and "姓名" in str(refusal)


def test_no_matching_header_and_an_empty_workbook_are_refused(tmp_path: Path) -> None:
    other = _refusal(_book(tmp_path / "other.xlsx", [["品名", "数量"], ["苹果", 3]]))
    assert other.message == xlsx_read.MSG_NO_HEADER and "「姓名」" in other.args_map["headers"]
    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    assert _refusal(tmp_path / "empty.xlsx").message == xlsx_read.MSG_EMPTY_WORKBOOK


def test_hidden_sheets_are_not_read(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "封面"
    hidden = wb.create_sheet("数据")
    hidden.append(["姓名", "电话"])
    hidden.append(["张三", "13800138000"])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "hidden.xlsx")
    refusal = _refusal(tmp_path / "hidden.xlsx")
    assert refusal.message == xlsx_read.MSG_ONLY_HIDDEN and refusal.args_map["sheet"] == "数据"
    wb.active.append(["姓名", "电话"])
    wb.active.append(["李四", "13800138001"])
    wb.save(tmp_path / "hidden.xlsx")
    table = read_table(tmp_path / "hidden.xlsx", COLUMNS)
    assert [r.values["name"] for r in table.rows] == ["李四"]
    assert [(w.message, dict(w.args_map)) for w in table.warnings] == [
        (xlsx_read.MSG_HIDDEN_SHEET, {"sheet": "数据"})
    ]


def test_templates_of_another_kind_are_refused_and_hand_made_books_accepted(tmp_path) -> None:
    path = tmp_path / "visits.xlsx"
    write_workbook(path, [SheetData("走访登记", COLUMNS, ROWS)], template=("visits", 1))
    refusal = _refusal(path, expect_template="deputies")
    assert refusal.message == xlsx_read.MSG_WRONG_TEMPLATE
    assert refusal.args_map == {"found": "走访登记", "found_kind": "visits", "expected": "deputies"}
    plain = _write(tmp_path / "plain.xlsx", ROWS)
    assert read_table(plain, COLUMNS, expect_template="deputies").template is None


# --- reading: cells -------------------------------------------------------------------------


def test_values_are_converted_by_kind_and_bad_ones_located(tmp_path: Path) -> None:
    columns = (COLUMNS[0], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6], COLUMNS[1])
    good = [
        ["a", dt.date(2025, 3, 5), 3, 2.5, "12.50", 13800138000],
        ["b", "2025-03-05", 3.0, "2.5", 12.5, "  0571-88001234 "],
        ["c", "2025/3/5", "3", 2, "¥1,234.5", 123.0],
        ["d", "2025.3.5", "３", "0.1", 0, "0"],
        ["e", "2025年3月5日", None, None, None, None],
        ["f", 45721, None, None, None, None],
        ["g", 20250305, None, None, None, None],
        ["h", dt.datetime(2025, 3, 5, 10, 30), None, None, None, None],
    ]
    bad = [
        ["x", "2025-02-30", 3.5, 2.25, 12.345, 110105194912310021],
        ["y", "明天", "三", "多", "一元", None],
    ]
    path = _book(
        tmp_path / "kinds.xlsx", [["姓名", "日期", "人数", "积分", "金额", "电话"], *good, *bad]
    )
    table = read_table(path, columns)
    day = dt.date(2025, 3, 5)
    assert {r.values["day"] for r in table.rows[:8]} == {day}
    assert [r.values["people"] for r in table.rows[:4]] == [3, 3, 3, 3]
    assert [r.values["points"] for r in table.rows[:4]] == [2.5, 2.5, 2.0, 0.1]
    assert [r.values["fee"] for r in table.rows[:4]] == [1250, 1250, 123450, 0]
    assert [r.values["phone"] for r in table.rows[:4]] == [
        "13800138000",
        "0571-88001234",
        "123",
        "0",
    ]
    assert all(not r.problems for r in table.rows[:8])
    x, y = table.rows[8], table.rows[9]
    assert [(p.column_key, p.cell_ref) for p in x.problems] == [
        ("day", "B10"),
        ("people", "C10"),
        ("points", "D10"),
        ("fee", "E10"),
        ("phone", "F10"),
    ]
    assert x.problems[-1].message == MSG_LONG_NUMBER
    assert "Text" in str(x.problems[-1]) and x.problems[-1].args_map["row"] == "10"
    assert x.problems[0].args_map == {
        "row": "10",
        "column": "日期",
        "cell": "B10",
        "value": "2025-02-30",
    }
    assert len(y.problems) == 4 and all(p.context == "Workbook" for p in y.problems)
    assert x.values["day"] is None and x.values["name"] == "x"


def test_formula_cells_are_problems_unless_their_result_is_empty(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "formulas.xlsx",
        [
            ["姓名", "人数", "联系电话"],
            ["张三", "=1+2", "13800138000"],
            [None, '=IF(A4="","",1)', None],
        ],
    )
    _with_cached_results(path)
    with zipfile.ZipFile(path) as z:
        assert "<f>1+2</f><v>3</v>" in z.read("xl/worksheets/sheet1.xml").decode()
    table = read_table(path, COLUMNS)
    assert len(table.rows) == 1  # the prefilled formula with an empty result is an empty row
    (problem,) = table.rows[0].problems
    assert (problem.column_key, problem.cell_ref, problem.message) == (
        "people",
        "B2",
        xlsx_rows.MSG_FORMULA,
    )
    assert table.rows[0].values == {"name": "张三", "people": None, "phone": "13800138000"}


def test_merged_cells_in_the_data_are_problems_on_each_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["红旗镇代表名册"])
    ws.append(["姓名", "联系电话", "反映内容"])
    ws.append(["张三", "13800138000", "路灯"])
    ws.append(["李四", "13800138001", None])
    ws.append(["王五", "13800138002", "道路"])
    ws.merge_cells("A1:C1")  # a title: fine
    ws.merge_cells("C3:C4")
    wb.save(tmp_path / "merged.xlsx")
    table = read_table(tmp_path / "merged.xlsx", COLUMNS)
    assert table.header_row == 2
    located = [(p.cell_ref, p.args_map["range"]) for p in _problems(table)]
    assert located == [("C3", "C3:C4"), ("C4", "C3:C4")]
    assert not table.rows[2].problems


def test_numeric_ids_and_long_cells_are_problems(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "ids.xlsx",
        [
            ["姓名", "身份证号", "反映内容"],
            ["张三", 110105194912310021, "x" * 10_001],
            ["李四", 123456789012345, "y"],
        ],
    )
    table = read_table(path, COLUMNS)
    first, second = table.rows
    assert [(p.column_key, p.cell_ref) for p in first.problems] == [
        ("id_number", "B2"),
        ("content", "C2"),
    ]
    assert first.problems[1].args_map["length"] == "10,001"
    assert second.values["id_number"] == "123456789012345" and not second.problems


def test_blank_rows_are_skipped_and_required_blanks_are_problems(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "blanks.xlsx",
        [
            ["姓名", "电话", "备注"],
            ["张三", "1", None],
            [None, None, None],
            [None, None, "合计"],
            [None, "2", None],
        ],
    )
    table = read_table(path, COLUMNS)
    assert [r.row_number for r in table.rows] == [2, 5]
    assert [(p.cell_ref, p.message) for p in table.rows[1].problems] == [
        ("A5", xlsx_rows.MSG_REQUIRED_EMPTY)
    ]
    assert [(w.message, w.args_map["row"]) for w in table.warnings] == [
        (xlsx_rows.MSG_SKIPPED_ROWS, "4")
    ]


def test_hidden_rows_are_read_and_named_in_a_warning(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["姓名"], ["张三"], ["李四"], ["王五"]):
        ws.append(row)
    ws.row_dimensions[3].hidden = True
    wb.save(tmp_path / "filtered.xlsx")
    table = read_table(tmp_path / "filtered.xlsx", COLUMNS[:2])
    assert len(table.rows) == 3
    assert [(w.message, w.args_map["count"], w.args_map["row"]) for w in table.warnings] == [
        (xlsx_rows.MSG_HIDDEN_ROWS, "1", "3")
    ]


# --- reading: files that are not what they claim, or too big --------------------------------


@pytest.mark.parametrize(
    "name", ["roster.et", "roster.wps", "roster.numbers", "roster.csv", "roster.ods"]
)
def test_other_formats_are_refused_with_save_as_advice(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    refusal = _refusal(path)
    assert refusal.message == MSG_NOT_A_WORKBOOK_TYPE and ".xlsx" in str(refusal)


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.9, -22])
def test_damaged_and_random_files_are_refused(tmp_path: Path, cut: float) -> None:
    good = _write(tmp_path / "good.xlsx", ROWS).read_bytes()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good[: int(len(good) * cut)] if cut > 0 else good[:cut])
    assert _refusal(bad).message == MSG_DAMAGED
    bad.write_bytes(os.urandom(5000))
    assert _refusal(bad).message == MSG_DAMAGED


def test_password_protected_and_missing_files_are_refused(tmp_path: Path) -> None:
    assert _refusal(FIXTURES / "encrypted.xlsx").message == MSG_PASSWORD
    assert _refusal(tmp_path / "gone.xlsx").message == MSG_CANNOT_OPEN


def test_size_limits_are_refused(tmp_path: Path, monkeypatch) -> None:
    rows = [(f"代表{i}", None, None, None, None, None, None, None) for i in range(100)]
    path = _write(tmp_path / "rows.xlsx", rows)
    monkeypatch.setattr(xlsx_read, "MAX_DATA_ROWS", 95)  # counted while reading
    assert _refusal(path).message == xlsx_rows.MSG_TOO_MANY_ROWS
    monkeypatch.setattr(xlsx_read, "MAX_DATA_ROWS", 50)  # seen in the sheet XML, before loading
    assert _refusal(path).args_map == {"sheet": "名册", "max": "50"}
    monkeypatch.setattr(xlsx_read, "MAX_FILE_BYTES", 1000)
    assert _refusal(path).message == xlsx_read.MSG_FILE_TOO_BIG


def test_a_stray_cell_in_xfd1048576_is_refused_without_loading_the_sheet(tmp_path: Path) -> None:
    # Loaded by calamine, this sheet would ask for ~550 GB and abort the process: run it apart.
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active["XFD1048576"] = "x"
    wb.save(tmp_path / "far.xlsx")
    code = (
        "import sys; from pathlib import Path; from tests.test_xlsx_formats import COLUMNS;"
        "from desktop.formats.xlsx_read import read_table, WorkbookRefused\n"
        "try: read_table(Path(sys.argv[1]), COLUMNS)\n"
        "except WorkbookRefused as e: print(e.args_map['last'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "far.xlsx")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout.strip() == "XFD", done.stderr[-2000:]


# --- old .xls files -------------------------------------------------------------------------


def test_an_old_xls_roster_is_read(tmp_path: Path) -> None:
    table = read_table(FIXTURES / "old_deputies.xls", COLUMNS)
    assert (table.sheet_name, table.header_row, table.ignored_headers) == (
        "代表名册",
        2,
        ("序号", "性别"),
    )
    assert [
        (r.values["name"], r.values["phone"], r.values["id_number"], r.values["day"])
        for r in table.rows
    ] == [
        ("张三", "13800138000", "11010519491231002X", dt.date(1949, 12, 31)),
        ("李四", "0571-88001234", "110105198005060027", dt.date(1980, 5, 6)),
        ("王五", "13912345678", "440524188001010014", dt.date(1980, 5, 6)),
    ]
    renamed = tmp_path / "roster.xlsx"  # an .xls saved under the wrong name is read by content
    renamed.write_bytes((FIXTURES / "old_deputies.xls").read_bytes())
    assert len(read_table(renamed, COLUMNS).rows) == 3


def test_xls_formulas_and_far_cells_are_caught(tmp_path: Path) -> None:
    table = read_table(FIXTURES / "formula.xls", COLUMNS)
    assert [(p.cell_ref, p.message) for p in _problems(table)] == [("B2", xlsx_rows.MSG_FORMULA)]
    refusal = _refusal(FIXTURES / "far_cell.xls")
    assert refusal.args_map["last"] == "IV"


# --- damaged files in bulk ------------------------------------------------------------------


def mutate_and_read(count: int, folder: str, seed: int = 20260705) -> None:
    """Read ``count`` randomly damaged copies of an exported .xlsx and the .xls fixture; print
    every exception other than WorkbookRefused (run in a child process: see below)."""
    rng = random.Random(seed)
    base = Path(folder)
    sources = [
        (_write(base / "source.xlsx", ROWS * 3).read_bytes(), ".xlsx"),
        ((FIXTURES / "old_deputies.xls").read_bytes(), ".xls"),
    ]
    for n in range(count):
        data, suffix = rng.choice(sources)
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            at, what = rng.randrange(len(damaged)), rng.random()
            if what < 0.6:
                damaged[at] = rng.randrange(256)
            elif what < 0.8:
                del damaged[at : at + rng.randint(1, 50)]
            else:
                damaged[at:at] = rng.randbytes(rng.randint(1, 20))
        path = base / f"damaged{suffix}"
        path.write_bytes(bytes(damaged))
        try:
            read_table(path, COLUMNS)
        except WorkbookRefused:
            pass
        except BaseException as exc:  # a Rust panic is a BaseException
            print(f"escaped {n}: {type(exc).__name__}: {exc}")


def test_damaged_files_are_refused_and_nothing_else_escapes(tmp_path: Path) -> None:
    # In a child process: a calamine allocation failure aborts the process, not the test.
    code = (
        "import sys; from tests.test_xlsx_formats import mutate_and_read as m; m(1500, sys.argv[1])"
    )
    env = dict(os.environ, RUST_BACKTRACE="0")
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == ""
