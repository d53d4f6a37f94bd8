"""The county's annual report rendered: the PDF read back as a viewer would (poppler-utils), and
the workbook read back with openpyxl."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.figures import AnnualReport, Rate
from desktop.formats.report_content import county_and_office, headlines, total_line
from desktop.formats.report_pdf import render_report
from desktop.formats.report_xlsx import SHEETS, write_report_xlsx
from desktop.formats.slips import FLAGGED_NOTE
from tests.report_fixtures import (
    TOP_DEPUTIES,
    annual_report,
    county_layout,
    empty_report,
)

# poppler-utils (pdftotext, pdffonts) is installed by .ci/run and the README: never skipped.


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _pdf(report: AnnualReport, tmp_path: Path, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    render_report(report, path)
    return path


def _pages(path: Path, layout: bool = False) -> list[str]:
    out = _run("pdftotext", *(["-layout"] if layout else []), str(path), "-")
    return out.split("\f")[:-1]  # pdftotext ends every page with a form feed


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def report() -> AnnualReport:
    return annual_report()


@pytest.fixture(scope="module")
def pdf_pages(report: AnnualReport, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return _pages(_pdf(report, tmp_path_factory.mktemp("pdf")))


def test_page_one_shows_the_headline_figures_under_their_labels(
    report: AnnualReport, pdf_pages: list[str]
) -> None:
    first = pdf_pages[0]
    assert "昭平县2026年度人大代表联络站工作报告" in first
    assert "数据截至2026年6月30日" in first
    f = report.county
    *single, activities, person_times = headlines(f)
    values = [h.value.text() if isinstance(h.value, Rate) else str(h.value) for h in single]
    values.append(f"{activities.value}／{person_times.value}")
    assert values[:3] == ["35", "106", "351"]  # the fixture's county, as summed from stations
    assert (
        values[8:10] == [f.replied_on_time.text(), f.satisfied_first.text()] == ["98.2%", "89.5%"]
    )
    tokens = first.split()
    # The tiles read row by row: four values, then their four labels, in the fixture's order.
    shown = [t for t in tokens if re.fullmatch(r"[\d.%／]+", t)]
    assert shown[: len(values)] == values
    labels = [h.label for h in single] + ["履职活动次数／参与人次"]
    assert [t for t in tokens if t in labels] == labels
    summary = _flat(first)
    assert "共组织代表进站履职活动35批次，参与代表106人次，接待群众351人次" in summary
    assert f"逾期未答复{f.overdue}件" in summary


def test_every_page_is_numbered_and_the_names_are_on_paper(
    report: AnnualReport, pdf_pages: list[str], tmp_path: Path
) -> None:
    n = len(pdf_pages)
    assert n >= 3
    for number, page in enumerate(pdf_pages, start=1):
        assert f"第{number}页共{n}页" in _flat(page)  # 第 N 页 共 M 页 (spaces as drawn vary)
    text = _flat("".join(pdf_pages))
    for township in report.townships:
        assert township.scope.name in text
        for station in township.townships:
            assert station.name in text
    top_name = TOP_DEPUTIES[0][0]
    assert top_name in text and report.county.top_deputies[0].name == top_name
    for heading in ("二、意见建议收集办理情况", "三、各乡镇工作情况", "四、数据报送完整性"):
        assert heading in text
    for label in ("A已解决或采纳", "已办结", "道路交通", "走访次数", "100分以上"):
        assert label in text  # chart labels and legends, in Chinese
    assert not re.search(r"[A-Za-z]{3,}", text)  # no English word on paper


def test_the_township_table_adds_up_to_its_total_row(report: AnnualReport, tmp_path: Path) -> None:
    lines = _pages(_pdf(report, tmp_path), layout=True)
    total = total_line(report.county.townships)
    expected = [
        "合计", str(total.stations), str(total.duty_batches), str(total.duty_deputy_times),
        str(total.people_received), str(total.visits), str(total.cases),
        str(total.cases_referred), total.replied_on_time.text(), total.satisfied_first.text(),
        str(total.activities),
    ]  # fmt: skip
    rows = [line.split() for page in lines for line in page.splitlines()]
    assert expected in rows
    silent = next(r for r in rows if "走马社区代表联络站" in r and "ZP003" in r)
    assert silent[-1] == "114"  # the silent station and its days without a bundle


def test_only_the_embedded_font_is_used(report: AnnualReport, tmp_path: Path) -> None:
    out = _run("pdffonts", str(_pdf(report, tmp_path)))
    fonts = [line.split() for line in out.splitlines()[2:]]
    assert fonts, out
    for parts in fonts:
        assert "WenQuanYi" in parts[0], f"an unexpected font (charts default to Helvetica): {parts}"
        assert (parts[-5], parts[-4], parts[-3]) == ("yes", "yes", "yes"), parts


def test_the_same_report_gives_the_same_bytes(report: AnnualReport, tmp_path: Path) -> None:
    first = render_report(report)
    assert first.startswith(b"%PDF") and render_report(report) == first
    target = tmp_path / "out.pdf"
    assert render_report(report, target) == first
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]  # no temporary file left


def test_the_whole_county_splits_its_long_tables_with_their_headers(tmp_path: Path) -> None:
    report = annual_report(county_layout())
    pages = [_flat(p) for p in _pages(_pdf(report, tmp_path))]
    text = "".join(pages)
    for township in report.townships:
        for station in township.townships:
            assert station.name in text  # long names wrap in their cells, never cut
    header = "".join(f"{m}月" for m in range(1, 13)) + "报送率按时率"
    assert sum(header in page for page in pages) >= 2  # 62 stations: the matrix goes on
    assert "仙回瑶族乡人大代表履职活动中心代表联络站" in text


def test_an_empty_year_is_a_report_of_zeros(tmp_path: Path) -> None:
    report = empty_report()
    text = _flat("".join(_pages(_pdf(report, tmp_path))))
    assert "新桥县2026年度人大代表联络站工作报告" in text
    assert "（本项暂无数据）" in text and "无超过45天未报送数据包的代表联络站。" in text
    assert "按时答复率" in text and "0.0%" not in text  # no share of nothing: "—"
    write_report_xlsx(report, tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert wb.sheetnames == list(SHEETS)
    assert _rows(wb["分乡镇"])[-1][:3] == ["合计", 0, 0]


def test_a_character_the_font_lacks_is_flagged_not_boxed(tmp_path: Path) -> None:
    report = annual_report((("黄姚镇", ("𠮷村代表联络站",)),))
    text = _flat("".join(_pages(_pdf(report, tmp_path))))
    assert "〔U+20BB7〕村代表联络站" in text
    assert _flat(FLAGGED_NOTE.format(markers="〔U+20BB7〕")) in text


def test_the_office_name_is_not_taken_for_the_county() -> None:
    assert county_and_office("昭平县人大常委会代表工委") == ("昭平县", "昭平县人大常委会代表工委")
    assert county_and_office("新桥县") == ("新桥县", "新桥县人大常委会代表工委")
    report = annual_report(county="昭平县人大常委会代表工委")
    text = _run_text(report)
    assert "昭平县2026年度人大代表联络站工作报告" in text
    assert "代表工委人大常委会" not in text


def _run_text(report: AnnualReport) -> str:
    out = subprocess.run(
        ["pdftotext", "-", "-"], input=render_report(report), capture_output=True, check=True
    )
    return _flat(out.stdout.decode("utf-8"))


# --- the workbook --------------------------------------------------------------------------


def _rows(ws: object) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def workbook(report: AnnualReport, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_report_xlsx(report, path)
    assert [p.name for p in path.parent.iterdir()] == ["report.xlsx"]
    return openpyxl.load_workbook(path)


def test_the_county_sheet_has_numbers_and_percentages(
    report: AnnualReport, workbook: openpyxl.Workbook
) -> None:
    assert workbook.sheetnames == ["县汇总", "分乡镇", "分站点", "报送完整性", "积分前列"]
    ws = workbook["县汇总"]
    assert ws["A1"].value == "昭平县2026年度人大代表联络站工作报告"
    by_label = {row[0].value: row for row in ws.iter_rows() if row[0].value}
    f = report.county
    assert by_label["进站履职活动批次"][1].value == f.duty_batches == 35
    assert by_label["履职活动参与人次"][1].value == f.activity_person_times
    rate = by_label["按时答复率"][1]
    assert rate.data_type == "n" and rate.number_format == "0.0%"
    assert rate.value == pytest.approx(f.replied_on_time.part / f.replied_on_time.whole)
    assert by_label["按时答复率"][2].value == "按时答复56件／应答复57件"
    assert by_label["A 已解决或采纳"][1].value == f.outcomes[0].value
    assert by_label["A 已解决或采纳"][2].number_format == "0.0%"
    states = [r[0] for r in _rows(ws) if r[0] in {c.label for c in f.cases_by_state}]
    assert states == ["已登记", "当场答复", "不予受理", "已交办", "已答复", "已反馈", "已办结"]
    assert by_label["12月"][1].value == 0


def test_the_township_rows_add_up_to_the_total_row(
    report: AnnualReport, workbook: openpyxl.Workbook
) -> None:
    ws = workbook["分乡镇"]
    header, *towns, total = _rows(ws)
    assert [t[0] for t in towns] == ["黄姚镇", "走马镇"] and total[0] == "合计"
    for col, name in enumerate(header[1:], start=1):
        values = [t[col] for t in towns]
        if name.endswith("率"):  # a rate of the total is the total's parts, never an average
            assert all(isinstance(v, int | float) and 0 <= v <= 1 for v in values)  # 100% is 1
            assert ws.cell(row=2, column=col + 1).number_format == "0.0%"
        else:
            assert sum(values) == total[col], name
    i = header.index
    assert total[i("按时答复率")] == pytest.approx(
        total[i("按时答复件数")] / total[i("应答复件数")]
    )
    assert total[i("站点数")] == 3


def test_the_station_rows_add_up_to_their_townships(
    report: AnnualReport, workbook: openpyxl.Workbook
) -> None:
    header, *stations = _rows(workbook["分站点"])
    assert [s[:2] for s in stations] == [
        ["黄姚镇", "黄姚村代表联络站"],
        ["黄姚镇", "龙门村代表联络站"],
        ["走马镇", "走马社区代表联络站"],
    ]
    t_header, *towns = _rows(workbook["分乡镇"])
    for town in towns[:-1]:
        mine = [s for s in stations if s[0] == town[0]]
        for name in ("进站履职活动批次", "意见建议件数", "应答复件数", "履职活动次数"):
            assert sum(s[header.index(name)] for s in mine) == town[t_header.index(name)]


def test_completeness_and_top_deputies_sheets(workbook: openpyxl.Workbook) -> None:
    header, *rows = _rows(workbook["报送完整性"])
    second = rows[1]
    assert second[1] == "龙门村代表联络站"
    months = second[header.index("1月") : header.index("12月") + 1]
    assert months[:6] == ["无需报送", "按时", "迟报", "按时", "缺报", "未到期"]
    assert second[header.index("报送率")] == pytest.approx(0.75)
    silent = rows[2]
    assert (silent[header.index("未报送天数")], silent[header.index("长期未报送")]) == (114, "是")
    header, *top = _rows(workbook["积分前列"])
    assert header == ["名次", "姓名", "乡镇", "代表联络站", "年度积分"]
    assert top[0][:2] == [1, "莫秀梅"] and top[0][4] == pytest.approx(96.5)
    assert len(top) == len(TOP_DEPUTIES)


def test_names_are_typed_text_never_formulas(tmp_path: Path) -> None:
    report = annual_report((("=HYPERLINK(1)", ("=SUM(A1)", "#N/A")),))
    path = tmp_path / "report.xlsx"
    write_report_xlsx(report, path)
    ws = openpyxl.load_workbook(path)["分站点"]
    cells = [(c.value, c.data_type) for row in ws.iter_rows(min_row=2) for c in row[:2]]
    assert cells == [
        ("=HYPERLINK(1)", "s"),
        ("=SUM(A1)", "s"),
        ("=HYPERLINK(1)", "s"),
        ("#N/A", "s"),
    ]
