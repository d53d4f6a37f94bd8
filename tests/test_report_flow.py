"""The issue's end-to-end check: three stations filled from workbooks and their cases taken
through the workflow, their bundles carried to the county office by the command line only, and
the county's annual report (JSON, PDF, workbook) equal to the sums of what the stations
recorded, as written out by hand (tests/report_flow_cases.py), never as the service counts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import openpyxl
import pytest

from desktop.domain.figures import Scope
from desktop.domain.records import DeputyDraft
from desktop.formats.report_json import figures_object
from desktop.ui.i18n import paper_label
from tests.bundle_fixtures import COUNTY, STATIONS, TODAY, add_department
from tests.report_flow_cases import (
    add_up,
    by_category,
    case_rows,
    station_figures,
    work_the_cases,
)
from tests.report_reading import check_pdf, check_workbook
from tests.test_bundle_cli import Run, enrolled_by_command_line, opened

pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL

YEAR = TODAY.year
CODES = tuple(STATIONS)
DEPUTY_NAMES = {
    "WJ-03": ("张晓明", "刘海"),
    "WJ-04": ("李春燕", "陈静"),
    "XS-01": ("王建国", "黄丽"),
}
# Each deputy's points for the year under the shipped example rules (the county set none): 2 a
# duty day, 1 a visit made, 3 an inspection, 1 a case taken (接待代表). Station i's first deputy:
# 5 duty days, 1 visit, 1 inspection, 3 + i cases from the workbook and 1 from a duty day, so
# 18 + i; its second: 3 duty days (odd months), the official visit, 2 inspections: 13.
POINTS = {"张晓明": 19, "刘海": 13, "李春燕": 20, "陈静": 13, "王建国": 21, "黄丽": 13}
# The top deputies: rank (ties share one), name, station, points.
TOP = [
    (1, "王建国", "XS-01", "21"), (2, "李春燕", "WJ-04", "20"), (3, "张晓明", "WJ-03", "19"),
    (4, "刘海", "WJ-03", "13"), (4, "陈静", "WJ-04", "13"), (4, "黄丽", "XS-01", "13"),
]  # fmt: skip
FIGURE_KEYS = (
    "duty_batches", "duty_deputy_times", "people_received", "written_opinions", "visits",
    "deputies_visited", "opinions_collected", "opinions_passed_on", "cases_by_state",
    "cases_by_category", "cases_per_month", "outcomes", "replied_on_time", "satisfied_first",
    "overdue", "activities", "activity_person_times", "points_bands",
)  # fmt: skip


class Expected(NamedTuple):
    stations: dict[str, dict[str, Any]]  # by station code
    townships: dict[str, dict[str, Any]]  # by name
    county: dict[str, Any]


def _book(run: Run, kind: str, path: Path, rows: list[dict[str, object]]) -> Path:
    """The program's own template for ``kind``, filled in as a clerk would."""
    assert run("template", kind, "--out", path)[0] == 0
    book = openpyxl.load_workbook(path)
    sheet = next(ws for ws in book.worksheets if ws.title != "填写说明")
    headers = [str(c.value).rstrip("*") for c in sheet[1]]
    for row in rows:
        assert set(row) <= set(headers), set(row) - set(headers)
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


def _workbooks(
    run: Run, folder: Path, i: int, names: tuple[str, str], station: str
) -> dict[str, Path]:
    """Each station's half-year, different per station (``i``); one activity county-wide (a
    blank 联络站). The cases are tests/report_flow_cases.py's."""
    first, second = names
    duty = [
        {"接待日期": f"{YEAR}-0{m}-1{i}", "进站代表": f"{first}、{second}" if m % 2 else first,
         "接待群众人数": 3 + m + i}
        for m in range(1, 6)
    ]  # fmt: skip
    visits = [
        {"走访日期": f"{YEAR}-02-0{i + 3}", "走访代表": first, "走访对象": "留守老人 2 户",
         "走访人数": 2},
        {"走访日期": f"{YEAR}-04-0{i + 3}", "走访类型": "人大干部走访代表", "走访代表": second,
         "被走访代表": f"{first}、{second}"},
    ]  # fmt: skip
    activities = [
        {"活动日期": f"{YEAR}-03-1{i}", "活动类型": "视察调研", "参加代表": f"{first}、{second}",
         "联络站": station},
        {"活动日期": f"{YEAR}-05-1{i}", "活动类型": "视察调研", "参加代表": second},
    ]  # fmt: skip
    return {
        "duty-days": _book(run, "duty-days", folder / f"duty-{i}.xlsx", duty),
        "visits": _book(run, "visits", folder / f"visits-{i}.xlsx", visits),
        "feedback": _book(run, "feedback", folder / f"feedback-{i}.xlsx", case_rows(i, first)),
        "activities": _book(run, "activities", folder / f"activities-{i}.xlsx", activities),
    }


def _bundles(usb: Path, sender: str) -> list[Path]:
    return sorted(p for p in usb.iterdir() if p.name.startswith(f"{sender}-"))


def _stations_at_work(
    run: Run, tmp_path: Path, county: Path | str
) -> tuple[dict[str, Path], dict[str, uuid.UUID]]:
    """The county and its three stations, enrolled and given the roster (deputies and a
    department) by the command line; each station's workbooks imported by the command line
    and its cases taken through the workflow; every station's bundle at the county. The
    station files, and the county's category ids by name."""
    usb, station = enrolled_by_command_line(run, tmp_path, county)
    with opened(county) as services:  # the county keeps the roster
        add_department(services, "ZJJ", "县住房和城乡建设局")
        for code in CODES:
            with opened(station[code]) as there:
                station_id = there.site.current().station_id
            for name in DEPUTY_NAMES[code]:
                services.deputies.create(DeputyDraft(name, station_ids=(station_id,)))
        category_ids = {c.name: c.id for c in services.reference.categories()}
    assert run("export-bundle", "--db", county, "--to", usb)[0] == 0
    for code in CODES:
        (roster,) = _bundles(usb, COUNTY[0] + "-" + code)
        assert run("import-bundle", "--db", station[code], roster)[0] == 0
    for i, code in enumerate(CODES, start=1):
        books = _workbooks(run, tmp_path, i, DEPUTY_NAMES[code], STATIONS[code][0])
        for kind, path in books.items():
            code_, _out, err = run("import-xlsx", kind, path, "--db", station[code])
            assert (code_, err) == (0, [])
        with opened(station[code]) as services:
            first = next(d for d in services.deputies.list() if d.name == DEPUTY_NAMES[code][0])
            work_the_cases(services, i, first.id)
        assert run("export-bundle", "--db", station[code], "--to", usb)[0] == 0
    files = [p for code in CODES for p in _bundles(usb, code)]
    assert len(files) == 3
    code_, _out, err = run("import-bundle", "--db", county, *files)
    assert (code_, err) == (0, [])
    return station, category_ids


def _expected(category_ids: dict[str, uuid.UUID]) -> Expected:
    """The report's figures objects, from what the stations were given (report_flow_cases)."""
    stations = {
        code: station_figures(i, category_ids, [POINTS[n] for n in DEPUTY_NAMES[code]])
        for i, code in enumerate(CODES, start=1)
    }
    townships = {
        name: add_up([stations[c] for c in CODES if STATIONS[c][1] == name])
        for name in dict.fromkeys(t for _, t in STATIONS.values())
    }
    # The county adds the three county-wide inspections (one deputy each).
    county = add_up(list(townships.values()), activities=3, activity_person_times=3)
    return Expected(stations, townships, county)


def _same(found: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    """Every figure of a figures object as expected (categories in any order of ties)."""
    assert set(FIGURE_KEYS) <= set(found), where
    for key in FIGURE_KEYS:
        mine, theirs = found[key], expected[key]
        if key == "cases_by_category":
            counts = [c["cases"] for c in mine]
            assert counts == sorted(counts, reverse=True), (where, key)  # most first
            mine, theirs = by_category(mine), by_category(theirs)
        assert mine == theirs, (where, key)


def test_the_report_adds_up_what_the_stations_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db: Callable[..., Path | str]
) -> None:
    run = Run(capsys)
    county = new_db("county")
    station, category_ids = _stations_at_work(run, tmp_path, county)
    expected = _expected(category_ids)
    # Not a vacuous sum: every state, outcome and rate has something in it.
    assert all(expected.county["cases_by_state"].values())
    assert all(expected.county["outcomes"].values()) and expected.county["overdue"] == 2
    for rate in (expected.county["replied_on_time"], expected.county["satisfied_first"]):
        assert 0 < rate["part"] < rate["whole"]

    # Each station counts for itself what the report will say of it.
    for code in CODES:
        with opened(station[code]) as services:
            own = services.site.current().station_id
            counted = services.county.figures(
                YEAR, Scope("station", own), as_of=TODAY, label=paper_label
            )
        _same(figures_object(counted), expected.stations[code], f"{code} at the station")

    out = tmp_path / "report.json"
    assert run("report", "--db", county, "--year", YEAR, "--out", out,
               "--as-of", TODAY.isoformat())[0] == 0  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["year"] == YEAR and report["county"] == COUNTY[1]
    _same(report["totals"], expected.county, "county")
    townships = {t["name"]: t for t in report["townships"]}
    assert set(townships) == set(expected.townships)
    for name, figures in expected.townships.items():
        _same(townships[name], figures, name)
        assert townships[name]["stations"] == sum(t == name for _, t in STATIONS.values())
    stations = {s["name"]: s for s in report["stations"]}
    assert set(stations) == {STATIONS[c][0] for c in CODES}
    for code, figures in expected.stations.items():
        line = stations[STATIONS[code][0]]
        _same(line, figures, code)
        assert line["township"] == STATIONS[code][1]
        assert line["township_id"] == townships[STATIONS[code][1]]["id"]
    top = [(d["rank"], d["name"], d["township"], d["station"], d["points"])
           for d in report["top_deputies"]]  # fmt: skip
    assert sorted(top) == sorted((r, n, *STATIONS[c][::-1], p) for r, n, c, p in TOP)
    assert [d[0] for d in top] == sorted(d[0] for d in top)  # ties share a rank
    # Bundles were written and imported by the real clock: this year's report counts them.
    this_year = tmp_path / "this-year.json"
    assert run("report", "--db", county, "--year", dt.date.today().year, "--out", this_year)[0] == 0
    now = json.loads(this_year.read_text(encoding="utf-8"))
    assert now["completeness"]["received"] == 3  # each station's one bundle, on time
    for line in now["stations"]:
        (month,) = [m for m in line["completeness"]["months"] if m["bundles"]]
        assert (month["bundles"], month["state"]) == (1, "on_time")

    # The PDF and the workbook print the same figures.
    towns = [(name, {**f, "stations": townships[name]["stations"]})
             for name, f in expected.townships.items()]  # fmt: skip
    lines = [(STATIONS[c][1], STATIONS[c][0], expected.stations[c]) for c in CODES]
    for suffix, check in (("pdf", check_pdf), ("xlsx", check_workbook)):
        path = tmp_path / f"report.{suffix}"
        code_, out_, err = run("report", "--db", county, "--year", YEAR, "--out", path,
                               "--as-of", TODAY.isoformat())  # fmt: skip
        assert (code_, err) == (0, []) and str(path) in out_[0]
        check(path, expected.county, towns, lines)


def test_report_refuses_bad_arguments_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db: Callable[..., Path | str]
) -> None:
    run = Run(capsys)
    db = new_db("county")
    assert run("init", "--db", db, "--role", "county", "--code", "XQ", "--name", "新桥县")[0] == 0
    for argv in (
        ("--year", YEAR, "--out", tmp_path / "r.txt"),
        ("--year", YEAR, "--out", tmp_path / "r.pdf", "--format", "json"),
        ("--year", YEAR, "--out", tmp_path / "no" / "r.json"),
        ("--year", 1900, "--out", tmp_path / "r.json"),
    ):
        code, out, err = run("report", "--db", db, *argv)
        assert (code, out, len(err)) == (2, [], 1), argv
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err[0]), err  # said in Chinese
    assert not list(tmp_path.glob("r.*"))


def test_an_empty_year_reports_zeros_not_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db: Callable[..., Path | str]
) -> None:
    run = Run(capsys)
    db = new_db("county")
    assert run("init", "--db", db, "--role", "county", "--code", "XQ", "--name", "新桥县")[0] == 0
    out = tmp_path / "r.json"
    assert run("report", "--db", db, "--year", 2024, "--out", out)[0] == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["totals"]["opinions_collected"] == 0
    assert report["totals"]["replied_on_time"] == {"part": 0, "whole": 0, "percent": None}
    assert report["stations"] == [] and report["top_deputies"] == []
    assert dt.date.fromisoformat(report["as_of"])
