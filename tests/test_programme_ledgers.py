"""The programmes' ledgers: each kind's PDF (title, a value, 合计, page numbers) and workbook
(the 合计 row's sums, money in yuan as 0.00 numbers), from records made through the service."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.kinds import PROGRAMME_KINDS
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import FundLimits
from desktop.services.ledgers import LedgerRequest
from desktop.ui.i18n import label
from tests.test_programme_workbooks import YEAR, open_county


def make_records(services) -> None:
    """A year of each programme, as a county clerk enters it."""
    p = services.programmes
    stations = {s.code: s.id for s in services.reference.stations()}
    deputies = {d.name: d.id for d in services.deputies.list()}
    lights = p.save("projects", {"year": YEAR, "title": "村道路灯亮化工程",
                                 "proposer": "黄姚镇人大主席团",
                                 "department": "县交通运输局", "budget_fen": 123456750,
                                 "supervisor_ids": (deputies["张晓明"],
                                                    deputies["王芳"])})  # fmt: skip
    p.save("projects", {"year": YEAR, "title": "饮水安全提升", "budget_fen": 80000000})
    p.save("project-votes", {"project_id": lights.id, "kind": "selection", "year": YEAR,
                             "day": dt.date(YEAR, 1, 10), "present": 60, "issued": 60,
                             "valid": 60, "first": 52, "second": 5, "abstain": 3})  # fmt: skip
    for month, percent, note in ((4, 40, "完成路灯基础施工"), (8, 100, "全部路灯安装通电")):
        p.save("project-milestones", {"project_id": lights.id, "day": dt.date(YEAR, month, 1),
                                      "percent": percent, "note": note})  # fmt: skip
    p.set_fund_limits(FundLimits(YEAR, 200_000_000, 20_000_000))
    p.save("fund-projects", {"year": YEAR, "title": "大田村排水沟修缮",
                             "station_id": stations["S01"],
                             "stage": "accepted", "requested_fen": 15000000,
                             "approved_fen": 12000025, "spent_fen": 11800000,
                             "applied_on": dt.date(YEAR, 2, 1), "verified_on": dt.date(YEAR, 3, 1),
                             "accepted_on": dt.date(YEAR, 9, 30),
                             "satisfaction": "satisfied"})  # fmt: skip
    p.save("fund-projects", {"year": YEAR, "title": "古镇社区健身路径",
                             "station_id": stations["S02"],
                             "requested_fen": 5000000,
                             "applied_on": dt.date(YEAR, 6, 1)})  # fmt: skip
    draft = p.save("drafts", {"title": "某某市物业管理条例（草案）",
                              "issuing_body": "市人大常委会法工委",
                              "received_on": dt.date(YEAR, 3, 1)})  # fmt: skip
    for article, content, reported, adopted in (
        ("第二十条", "物业费调整应当公示", True, True),
        ("第十二条", "建议明确业主委员会备案时限", True, False),
        ("第三条", "建议增加农村集中居住区参照执行的规定", False, False),
    ):
        p.save("draft-comments", {"draft_id": draft.id, "received_on": dt.date(YEAR, 3, 10),
                                  "station_id": stations["S01"], "article": article,
                                  "content": content, "reported": reported,
                                  "adopted": adopted})  # fmt: skip
    p.save("training", {"day": dt.date(YEAR, 4, 2), "level": "county", "topic": "代表履职能力提升",
                        "hours": 6, "organizer": "县人大常委会",
                        "attendee_ids": tuple(deputies.values())})  # fmt: skip
    p.save("training", {"day": dt.date(YEAR, 7, 8), "level": "township", "topic": "民生实事监督",
                        "hours": 3, "station_id": stations["S02"],
                        "attendee_ids": (deputies["王芳"],)})  # fmt: skip
    for code, day, kind, topic, people, outcome in (
        ("S01", dt.date(YEAR, 5, 6), "talk", "民法典进万家", 45, "held"),
        ("S02", dt.date(YEAR, 5, 20), "mediation", "邻里宅基地纠纷", 6, "settled"),
    ):
        p.save("legal-events", {"day": day, "station_id": stations[code], "kind": kind,
                                "topic": topic, "people": people,
                                "outcome": outcome})  # fmt: skip


@pytest.fixture(scope="module")
def county_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ledgers") / "county.sqlite"
    services = open_county(path)
    make_records(services)
    services.close()
    return path


# A value each ledger must print, and its 合计 figures (as paper prints them).
EXPECTED = {
    "projects": ("村道路灯亮化工程", ("2,034,567.50",), "全部路灯安装通电"),
    "fund-projects": ("大田村排水沟修缮", ("200,000.00", "120,000.25", "118,000.00"), "剩余"),
    "drafts": ("物业费调整应当公示", ("3", "2", "1"), "市人大常委会法工委"),
    "training": ("代表履职能力提升", ("9", "5"), "参训 5 人次"),
    "legal-events": ("邻里宅基地纠纷", ("51",), "调解成功"),
}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip


@pytest.mark.parametrize("kind", PROGRAMME_KINDS)
def test_each_programme_ledger_prints_its_title_records_and_totals(kind, county_db, tmp_path):
    out = tmp_path / f"{kind}.pdf"
    assert main(["ledger", kind, "--db", str(county_db), "--year", str(YEAR),
                 "--out", str(out)]) == 0  # fmt: skip
    text = pdf_text(out)
    value, totals, more = EXPECTED[kind]
    assert SPECS[kind].title in text and value in text and more in text, text
    line = next(x for x in text.splitlines() if x.strip().startswith("合计"))
    assert line.split()[1:] == list(totals), line
    assert "第1页" in text.replace(" ", "") and "新桥县人大常委会" in text


def total_row(sheet) -> dict[str, object]:
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[1]  # the caption (unit, year, title), then the header
    last = next(r for r in rows if r[0] == "合计")
    return {str(h).rstrip("*"): v for h, v in zip(header, last, strict=False)}


def test_the_workbooks_add_up_with_money_in_yuan(county_db, tmp_path) -> None:
    sums = {}
    for kind in PROGRAMME_KINDS:
        out = tmp_path / f"{kind}.xlsx"
        assert main(["ledger", kind, "--db", str(county_db), "--year", str(YEAR),
                     "--out", str(out)]) == 0  # fmt: skip
        sums[kind] = openpyxl.load_workbook(out)
    projects = sums["projects"].worksheets[0]
    assert total_row(projects)["预算金额（元）"] == pytest.approx(2034567.5)
    budget = next(c for row in projects.iter_rows() for c in row if c.value == 1234567.5)
    assert budget.number_format == "0.00"
    assert [s.title for s in sums["projects"].worksheets][:2] == ["民生实事项目", "项目实施进度"]
    fund = total_row(sums["fund-projects"].worksheets[0])
    assert fund["申请金额（元）"] == pytest.approx(200000)
    assert fund["核定金额（元）"] == pytest.approx(120000.25)
    assert fund["验收金额（元）"] == pytest.approx(118000)
    assert "剩余" in str(sums["fund-projects"].worksheets[0]["A1"].value)
    drafts = total_row(sums["drafts"].worksheets[0])
    assert (drafts["收集意见（条）"], drafts["上报意见（条）"], drafts["采纳意见（条）"]) == (
        3,
        2,
        1,
    )
    assert total_row(sums["training"].worksheets[0])["参训人数"] == 5
    assert total_row(sums["legal-events"].worksheets[0])["参加人数"] == 51


def test_a_station_prints_its_own_records_and_comments_in_article_order(county_db) -> None:
    from desktop.services import open_services

    services = open_services(county_db)
    try:
        ledgers = services.ledgers
        doc = ledgers.document(LedgerRequest("legal-events", YEAR, "S02"), label)
        (events,) = doc.sections
        assert [r[3] for r in events.rows] == ["邻里宅基地纠纷"] and events.totals[-3] == "6"
        assert "联络站" not in [c.header for c in events.columns]
        fund = ledgers.document(LedgerRequest("fund-projects", YEAR, "S01"), label).sections[0]
        assert [r[0] for r in fund.rows] == ["大田村排水沟修缮"]
        drafts = ledgers.document(LedgerRequest("drafts", YEAR), label)
        comments = drafts.sections[1]
        assert [r[0] for r in comments.rows] == ["第三条", "第十二条", "第二十条"]
        may = ledgers.document(LedgerRequest("legal-events", YEAR, month=5), label).sections[0]
        assert len(may.rows) == 2
        assert (
            not ledgers.document(LedgerRequest("training", YEAR, month=5), label).sections[0].rows
        )
        ledgers.record_output(LedgerRequest("training", YEAR), "pdf", 2)  # the log takes the kind
    finally:
        services.close()
