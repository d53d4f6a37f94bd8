"""Reading the annual report's PDF (its text, as pypdfium2 extracts it) and workbook (its cells,
as openpyxl reads them) back into figures, to compare with figures objects a test expects
(docs/report-json.md's keys). The printed wording is written out here by hand: it is what the
standing committee reads."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The headline grid: label -> figures key (counts), then the two rates and their wording.
HEADLINES = (
    ("进站履职活动批次", "duty_batches"),
    ("参与代表人次", "duty_deputy_times"),
    ("接待群众人次", "people_received"),
    ("形成书面意见", "written_opinions"),
    ("走访次数", "visits"),
    ("走访代表人次", "deputies_visited"),
    ("收集意见建议", "opinions_collected"),
    ("交办意见建议", "opinions_passed_on"),
    ("逾期未答复", "overdue"),
    ("履职活动次数", "activities"),  # the PDF prints these two as one: 166／2900
    ("履职活动参与人次", "activity_person_times"),
)
RATES = (
    ("按时答复率", "replied_on_time", "按时答复{part}件／应答复{whole}件"),
    ("首次反馈满意率", "satisfied_first", "满意及基本满意{part}件／反馈{whole}件"),
)
# The per-township and per-station tables: column -> figures key (a rate: its share).
LINE = (
    ("站点数", "stations"),
    ("进站履职活动批次", "duty_batches"),
    ("参与代表人次", "duty_deputy_times"),
    ("接待群众人次", "people_received"),
    ("走访次数", "visits"),
    ("意见建议件数", "opinions_collected"),
    ("交办件数", "opinions_passed_on"),
    ("按时答复率", "replied_on_time"),
    ("首次反馈满意率", "satisfied_first"),
    ("履职活动次数", "activities"),
)
PARTS = (  # the workbook's extra columns: each rate's part and whole
    ("按时答复件数", "replied_on_time", "part"),
    ("应答复件数", "replied_on_time", "whole"),
    ("首次反馈满意件数", "satisfied_first", "part"),
    ("首次反馈件数", "satisfied_first", "whole"),
)
TOTAL = "合计"
OUTCOMES = "ABCD"
STATES = ("registered", "answered_on_spot", "not_accepted", "referred", "replied",
          "answered_back", "closed")  # fmt: skip  # the workflow's order, as printed

Figures = dict[str, Any]
Line = tuple[str, Figures]  # a row's name and its figures (a township's with "stations")
Station = tuple[str, str, Figures]  # township, station, figures


def percent(rate: Figures) -> str:
    """A rate as printed: one decimal, or a dash while nothing counts."""
    return "—" if rate["whole"] == 0 else f"{100 * rate['part'] / rate['whole']:.1f}%"


def total(lines: Sequence[Line]) -> Figures:
    """The 合计 row of a table: counts added, each rate from the added parts and wholes."""
    out: Figures = {}
    for _, key in LINE:
        values = [f.get(key, 1) for _, f in lines]  # a station line is one station
        if isinstance(values[0], dict):
            out[key] = {p: sum(v[p] for v in values) for p in ("part", "whole")}
        else:
            out[key] = sum(values)
    return out


# --- the PDF ----------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return "\n".join(pages).replace("\r\n", "\n")


def _row(name: str, figures: Figures, columns: Sequence[tuple[str, str]]) -> str:
    cells = [name]
    for _, key in columns:
        value = figures.get(key, 1)
        cells.append(percent(value) if isinstance(value, dict) else str(value))
    return " ".join(cells)


def check_pdf(path: Path, county: Figures, townships: list[Line], stations: list[Station]) -> None:
    """The PDF's text holds the headline grid, the outcomes, the per-township table with its
    合计, and each station's row, as the expected figures make them."""
    text = pdf_text(path)
    found = [f"{county[key]}\n{label}" for label, key in HEADLINES[:-2]]
    found.append(
        f"{county['activities']}／{county['activity_person_times']}\n履职活动次数／参与人次"
    )
    for label, key, detail in RATES:
        found.append(f"{percent(county[key])}\n{label}\n{detail.format(**county[key])}")
    found += [_row(name, f, LINE) for name, f in townships]
    found.append(_row(TOTAL, total(townships), LINE))
    found += [_row(name, f, LINE[1:]) for _, name, f in stations]
    for town in dict.fromkeys(t for t, _, _ in stations):
        found.append(_row(TOTAL, total([(n, f) for t, n, f in stations if t == town]), LINE[1:]))
    missing = [f for f in found if f not in text]
    assert not missing, missing
    whole = sum(county["outcomes"].values())
    for letter, line in zip(OUTCOMES, outcome_lines(text), strict=True):
        n = county["outcomes"][letter]
        assert line.endswith(f"　{n}件（{percent({'part': n, 'whole': whole})}）"), line


def outcome_lines(text: str) -> list[str]:
    """The outcomes as printed ("A 已解决　4件（50.0%）"), letter by letter."""
    return [
        next(line for line in text.splitlines() if line.startswith(f"{letter} "))
        for letter in OUTCOMES
    ]


# --- the workbook -----------------------------------------------------------------------------


def workbook_sheets(path: Path) -> dict[str, list[list[Any]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}
    finally:
        book.close()


def headline_cells(rows: list[list[Any]]) -> dict[str, tuple[Any, Any]]:
    """The county sheet's figures: label -> (value, 说明)."""
    start = next(i for i, r in enumerate(rows) if r[:2] == ["项目", "数值"])
    out = {}
    for r in rows[start + 1 :]:
        if not r or r[0] is None:
            break
        out[r[0]] = (r[1], r[2])
    return out


def blocks(rows: list[list[Any]]) -> dict[str, list[tuple[str, Any]]]:
    """The county sheet's blocks of counts under the figures: title -> [(label, value)]."""
    out: dict[str, list[tuple[str, Any]]] = {}
    current: list[tuple[str, Any]] | None = None
    for r in rows:
        if not r or r[0] is None:
            current = None
        elif current is None and r[1] in ("件数", "人数"):
            current = out.setdefault(r[0], [])
        elif current is not None:
            current.append((r[0], r[1]))
    return out


def table(rows: list[list[Any]], names: int) -> dict[tuple, dict[str, Any]]:
    """A sheet's table: the first ``names`` cells of a row -> {header: value}."""
    header = rows[0]
    return {tuple(r[:names]): dict(zip(header, r, strict=False)) for r in rows[1:] if r[0]}


def check_workbook(
    path: Path, county: Figures, townships: list[Line], stations: list[Station]
) -> None:
    """The workbook's county sheet (figures and blocks of counts), its per-township table with
    its 合计, and its per-station table hold the expected figures."""
    sheets = workbook_sheets(path)
    county_sheet, by_township, by_station = (sheets[n] for n in ("县汇总", "分乡镇", "分站点"))
    cells = headline_cells(county_sheet)
    assert {label: cells[label][0] for label, _ in HEADLINES} == {
        label: county[key] for label, key in HEADLINES
    }
    for label, key, detail in RATES:
        rate = county[key]
        assert cells[label] == (rate["part"] / rate["whole"], detail.format(**rate)), label
    counts = {title: dict(found) for title, found in blocks(county_sheet).items()}
    assert list(counts["各月收集意见建议"].values()) == county["cases_per_month"]
    assert counts["意见建议分类"] == {c["name"]: c["cases"] for c in county["cases_by_category"]}
    assert list(counts["意见建议办理状态（按办理流程）"].values()) == [
        county["cases_by_state"][s] for s in STATES
    ]
    outcomes = counts["答复办理结果"]
    assert [label[0] for label in outcomes] == list(OUTCOMES)
    assert list(outcomes.values()) == [county["outcomes"][o] for o in OUTCOMES]
    bands = counts["代表年度履职积分分布"]
    assert list(bands.values()) == [b["deputies"] for b in county["points_bands"]]
    expected = {(name,): line_cells(f, LINE) for name, f in townships}
    expected[(TOTAL,)] = line_cells(total(townships), LINE)
    assert _cells(table(by_township, 1), LINE) == expected
    expected = {(town, name): line_cells(f, LINE[1:]) for town, name, f in stations}
    assert _cells(table(by_station, 2), LINE[1:]) == expected


def _cells(rows: dict[tuple, dict[str, Any]], columns: Sequence[tuple[str, str]]) -> dict:
    headers = [h for h, _ in columns] + [h for h, _, _ in PARTS]
    return {k: {h: v.get(h) for h in headers} for k, v in rows.items()}


def line_cells(figures: Figures, columns: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A township's or station's row as the workbook should hold it: counts as numbers, a rate
    as its fraction (a dash while nothing counts), then the rates' parts and wholes."""
    out: dict[str, Any] = {}
    for header, key in columns:
        value = figures.get(key, 1)
        if isinstance(value, dict):
            out[header] = value["part"] / value["whole"] if value["whole"] else "—"
        else:
            out[header] = value
    for header, key, part in PARTS:
        out[header] = figures[key][part]
    return out
