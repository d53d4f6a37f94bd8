"""The issue's end-to-end check: three stations filled from workbooks, their bundles carried to
the county office by the command line only, and the county's annual report (JSON, PDF,
workbook) equal to the sums of what the stations recorded."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.figures import Scope
from desktop.domain.records import DeputyDraft
from desktop.formats.report_json import figures_object
from desktop.ui.i18n import paper_label
from tests.bundle_fixtures import COUNTY, STATIONS, TODAY
from tests.test_bundle_cli import Run, enrolled_by_command_line, opened

pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL

YEAR = TODAY.year
CODES = tuple(STATIONS)
DEPUTY_NAMES = {
    "WJ-03": ("张晓明", "刘海"),
    "WJ-04": ("李春燕", "陈静"),
    "XS-01": ("王建国", "黄丽"),
}


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
    blank 联络站)."""
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
    cases = [
        {"受理日期": f"{YEAR}-0{m}-0{i + 5}", "反映人": f"群众{i}{m}",
         "反映内容": f"第{m}件：路灯不亮", "接待代表": first}
        for m in range(1, 4 + i)
    ]  # fmt: skip
    activities = [
        {"活动日期": f"{YEAR}-03-1{i}", "活动类型": "视察调研", "参加代表": f"{first}、{second}",
         "联络站": station},
        {"活动日期": f"{YEAR}-05-1{i}", "活动类型": "视察调研", "参加代表": second},
    ]  # fmt: skip
    return {
        "duty-days": _book(run, "duty-days", folder / f"duty-{i}.xlsx", duty),
        "visits": _book(run, "visits", folder / f"visits-{i}.xlsx", visits),
        "feedback": _book(run, "feedback", folder / f"feedback-{i}.xlsx", cases),
        "activities": _book(run, "activities", folder / f"activities-{i}.xlsx", activities),
    }


def _bundles(usb: Path, sender: str) -> list[Path]:
    return sorted(p for p in usb.iterdir() if p.name.startswith(f"{sender}-"))


def test_the_report_adds_up_what_the_stations_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db: Callable[..., Path | str]
) -> None:
    run = Run(capsys)
    county = new_db("county")
    usb, station = enrolled_by_command_line(run, tmp_path, county)
    with opened(county) as services:  # the county keeps the roster
        for code in CODES:
            with opened(station[code]) as there:
                station_id = there.site.current().station_id
            for name in DEPUTY_NAMES[code]:
                services.deputies.create(DeputyDraft(name, station_ids=(station_id,)))
    assert run("export-bundle", "--db", county, "--to", usb)[0] == 0
    for code in CODES:
        (roster,) = _bundles(usb, COUNTY[0] + "-" + code)
        assert run("import-bundle", "--db", station[code], roster)[0] == 0

    recorded = {}
    for i, code in enumerate(CODES, start=1):
        books = _workbooks(run, tmp_path, i, DEPUTY_NAMES[code], STATIONS[code][0])
        for kind, path in books.items():
            code_, _out, err = run("import-xlsx", kind, path, "--db", station[code])
            assert (code_, err) == (0, [])
        with opened(station[code]) as services:
            own = services.site.current().station_id
            recorded[own] = services.county.figures(  # labelled as the report prints them
                YEAR, Scope("station", own), as_of=TODAY, label=paper_label
            )
        assert run("export-bundle", "--db", station[code], "--to", usb)[0] == 0
        assert recorded[own].duty_batches == 5 and recorded[own].opinions_collected == 3 + i

    files = [p for code in CODES for p in _bundles(usb, code)]
    assert len(files) == 3
    code_, _out, err = run("import-bundle", "--db", county, *files)
    assert (code_, err) == (0, [])

    out = tmp_path / "report.json"
    assert run("report", "--db", county, "--year", YEAR, "--out", out,
               "--as-of", TODAY.isoformat())[0] == 0  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["year"] == YEAR and report["county"] == COUNTY[1]

    # Each station's line is what the station itself counts; the totals are their sums.
    by_id = {s["id"]: s for s in report["stations"]}
    for station_id, figures in recorded.items():
        mine = figures_object(figures)
        theirs = {k: v for k, v in by_id[str(station_id)].items() if k in mine}
        assert theirs == mine
    summed = ("duty_batches", "duty_deputy_times", "people_received", "written_opinions",
              "visits", "deputies_visited", "opinions_collected", "opinions_passed_on",
              "overdue")  # fmt: skip
    for key in summed:
        assert report["totals"][key] == sum(getattr(f, key) for f in recorded.values()), key
    # Activities: the stations' own, plus the county-wide one each station recorded.
    assert report["totals"]["activities"] == sum(f.activities for f in recorded.values()) + 3
    assert report["totals"]["activity_person_times"] == 3 * 2 + 3
    # ... and what the workbooks held: 15 duty days, 4 + 5 + 6 cases.
    assert report["totals"]["duty_batches"] == 15
    assert report["totals"]["people_received"] == sum(
        3 + m + i for i in (1, 2, 3) for m in range(1, 6)
    )
    assert report["totals"]["duty_deputy_times"] == 3 * (3 * 2 + 2)
    assert report["totals"]["opinions_collected"] == 4 + 5 + 6
    assert report["totals"]["cases_per_month"][:7] == [3, 3, 3, 3, 2, 1, 0]
    assert report["totals"]["deputies_visited"] == 6 and report["totals"]["visits"] == 6
    townships = {t["name"]: t for t in report["townships"]}
    assert townships["望江镇"]["opinions_collected"] == 4 + 5
    assert townships["西山镇"]["stations"] == 1
    # Bundles were written and imported by the real clock: this year's report counts them.
    this_year = tmp_path / "this-year.json"
    assert run("report", "--db", county, "--year", dt.date.today().year, "--out", this_year)[0] == 0
    now = json.loads(this_year.read_text(encoding="utf-8"))
    assert now["completeness"]["received"] == 3  # each station's one bundle, on time
    for line in now["stations"]:
        (month,) = [m for m in line["completeness"]["months"] if m["bundles"]]
        assert (month["bundles"], month["state"]) == (1, "on_time")

    for suffix in ("pdf", "xlsx"):
        path = tmp_path / f"report.{suffix}"
        code_, lines, err = run("report", "--db", county, "--year", YEAR, "--out", path)
        assert (code_, err) == (0, []) and path.stat().st_size > 1000
        assert str(path) in lines[0]


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
