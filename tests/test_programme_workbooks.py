"""The programmes' workbooks: `template` -> filled in -> `import-xlsx`, for projects, fund
projects, drafts, training and legal-service events; twice changes nothing; bad rows write
nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.enums import SiteRole
from desktop.domain.kinds import PROGRAMME_KINDS
from desktop.domain.programmes import MSG_ISSUED
from desktop.domain.records import DeputyDraft, SiteDraft
from desktop.services import open_services
from desktop.ui.i18n import label
from tests.workbook_fixtures import open_station

TODAY = dt.date(2026, 6, 15)
YEAR = 2025  # every typed date lies in the past, whatever day the command line runs on
STATIONS = (("S01", "黄姚镇大田村代表联络站"), ("S02", "黄姚镇古镇社区代表联络站"))
DEPUTIES = ("张晓明", "王芳", "李建国", "覃海燕")


def open_county(path: Path):
    """A county office with two stations and four deputies."""
    services = open_services(path, today=lambda: TODAY)
    if services.site.current() is None:
        services.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", "新桥县人大常委会", ""))
        ids = [services.reference.add_station(c, n, "黄姚镇").id for c, n in STATIONS]
        for i, name in enumerate(DEPUTIES):
            services.deputies.create(DeputyDraft(name, station_ids=(ids[i % 2],)))
    return services


@pytest.fixture
def county_db(tmp_path: Path) -> Path:
    path = tmp_path / "county.sqlite"
    open_county(path).close()
    return path


def filled_template(kind: str, rows: list[dict], folder: Path) -> Path:
    """The program's own template, filled in as a clerk would (headers lose their *)."""
    path = folder / f"{kind}.xlsx"
    assert main(["template", kind, "--out", str(path)]) == 0
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    headers = [str(c.value).rstrip("*") for c in sheet[1]]
    for row in rows:
        assert set(row) <= set(headers), set(row) - set(headers)
        sheet.append([row.get(h) for h in headers])
    book.save(path)
    return path


TYPED = {
    "projects": [
        {"年度": YEAR, "项目名称": "村道路灯亮化工程", "提出单位": "黄姚镇人大主席团",
         "实施单位": "县交通运输局", "预算金额（元）": 1234567.5, "监督代表": "张晓明、王芳",
         "票决日期": f"{YEAR}-01-10", "出席代表": 60, "发出票数": 60, "有效票": 59,
         "无效票": 1, "赞成": 50, "反对": 5, "弃权": 4,
         "测评日期": f"{YEAR}-12-20", "测评出席代表": 58, "测评发出票数": 58,
         "测评有效票": 58, "测评无效票": 0, "满意": 40, "基本满意": 15, "不满意": 2,
         "测评弃权": 1},
        {"年度": YEAR, "项目名称": "饮水安全提升", "预算金额（元）": 800000, "项目状态": "候选"},
    ],
    "fund-projects": [
        {"年度": YEAR, "项目名称": "大田村排水沟修缮", "联络站": "黄姚镇大田村代表联络站",
         "实施单位": "黄姚镇人民政府", "办理阶段": "验收", "申请金额（元）": 150000,
         "核定金额（元）": 120000.25, "验收金额（元）": 118000, "申请日期": f"{YEAR}-02-01",
         "核实日期": f"{YEAR}-03-01", "验收日期": f"{YEAR}-09-30", "群众满意度": "满意"},
    ],
    "drafts": [
        {"草案名称": "某某市物业管理条例（草案）", "征求意见单位": "市人大常委会法工委",
         "收到日期": f"{YEAR}-03-01", "反馈截止日期": f"{YEAR}-04-01", "条款": "第十二条",
         "意见内容": "建议明确业主委员会备案时限", "提出人": "王芳",
         "联络站": "黄姚镇大田村代表联络站", "是否上报": "是", "是否采纳": "否"},
        {"草案名称": "某某市物业管理条例（草案）", "条款": "第二十条",
         "意见内容": "物业费调整应当公示", "是否上报": "是", "是否采纳": "是"},
        {"草案名称": "某某市养犬管理条例（草案）", "收到日期": f"{YEAR}-05-01"},
    ],
    "training": [
        {"培训日期": f"{YEAR}-04-02", "培训层级": "县级", "培训主题": "代表履职能力提升",
         "学时": 6, "主办单位": "县人大常委会", "参训代表": "张晓明、王芳、李建国",
         "请假代表": "覃海燕"},
    ],
    "legal-events": [
        {"活动日期": f"{YEAR}-05-06", "联络站": "黄姚镇大田村代表联络站", "活动类型": "法治讲座",
         "主题": "民法典进万家", "参加人数": 45, "结果": "已开展"},
        {"活动日期": f"{YEAR}-05-20", "联络站": "黄姚镇古镇社区代表联络站", "活动类型": "矛盾调解",
         "主题": "邻里宅基地纠纷", "参加人数": 6, "结果": "调解成功"},
    ],
}  # fmt: skip
STORED_KINDS = {
    "projects": ("projects", "project-votes"),
    "drafts": ("drafts", "draft-comments"),
}


def stored(db: Path, kind: str) -> dict[str, list]:
    """Each kind's records as (values, names, version), sorted: what a second import must keep."""
    services = open_county(db)
    try:
        out = {}
        for k in STORED_KINDS.get(kind, (kind,)):
            rows = services.programmes.rows(k)
            out[k] = sorted(((dict(r.values), dict(r.names), r.version) for r in rows), key=repr)
        return out
    finally:
        services.close()


def by(rows: list, key: str, value) -> tuple[dict, dict]:
    values, names, _ = next(r for r in rows if r[0][key] == value)
    return values, names


def check_typed(kind: str, records: dict[str, list]) -> None:
    """What was typed is what is recorded."""
    if kind == "projects":
        lights, names = by(records["projects"], "title", "村道路灯亮化工程")
        assert lights["budget_fen"] == 123456750 and lights["department"] == "县交通运输局"
        assert set(names["supervisor_ids"].split("、")) == {"张晓明", "王芳"}
        assert lights["stage"] == "chosen"  # 50 of 60 present voted for it
        assert lights["out_selection"] == "50/5/4" and lights["out_satisfaction"] == 95
        water, _ = by(records["projects"], "title", "饮水安全提升")
        assert water["stage"] == "proposed" and water["budget_fen"] == 80000000
        votes = {v[0]["kind"]: v[0] for v in records["project-votes"]}
        assert votes["selection"]["issued"] == 60 and votes["selection"]["invalid"] == 1
        assert votes["satisfaction"]["third"] == 2 and votes["satisfaction"]["year"] == YEAR
    elif kind == "fund-projects":
        (values, names, _), = records[kind]  # fmt: skip
        assert values["stage"] == "accepted" and values["satisfaction"] == "satisfied"
        assert (values["requested_fen"], values["approved_fen"], values["spent_fen"]) == (
            15000000, 12000025, 11800000)  # fmt: skip
        assert values["accepted_on"] == dt.date(YEAR, 9, 30)
        assert names["station_id"] == "黄姚镇大田村代表联络站"
    elif kind == "drafts":
        assert len(records["drafts"]) == 2
        estate, _ = by(records["drafts"], "title", "某某市物业管理条例（草案）")
        assert estate["issuing_body"] == "市人大常委会法工委"
        assert (estate["out_comments"], estate["out_reported"], estate["out_adopted"]) == (2, 2, 1)
        first, names = by(records["draft-comments"], "article", "第十二条")
        assert first["commenter"] == "王芳" and first["reported"] and not first["adopted"]
        assert first["received_on"] == dt.date(YEAR, 3, 1)  # blank: the draft's day
        assert names["station_id"] == "黄姚镇大田村代表联络站"
    elif kind == "training":
        (values, names, _), = records[kind]  # fmt: skip
        assert values["level"] == "county" and values["hours"] == 6
        assert set(names["attendee_ids"].split("、")) == {"张晓明", "王芳", "李建国"}
        assert names["excused_ids"] == "覃海燕" and values["out_attendance"] == 3
    else:
        talk, names = by(records[kind], "topic", "民法典进万家")
        assert talk["kind"] == "talk" and talk["people"] == 45 and talk["outcome"] == "held"
        assert names["station_id"] == "黄姚镇大田村代表联络站"
        mediation, _ = by(records[kind], "topic", "邻里宅基地纠纷")
        assert mediation["kind"] == "mediation" and mediation["outcome"] == "settled"


@pytest.mark.parametrize("kind", PROGRAMME_KINDS)
def test_template_filled_in_imports_what_was_typed_and_twice_changes_nothing(
    kind: str, county_db: Path, tmp_path: Path, capsys
) -> None:
    path = filled_template(kind, TYPED[kind], tmp_path)
    args = ["import-xlsx", kind, str(path), "--db", str(county_db)]
    assert main([*args, "--dry-run"]) == 0
    assert all(not rows for rows in stored(county_db, kind).values())
    assert main(args) == 0, capsys.readouterr().err
    first = stored(county_db, kind)
    check_typed(kind, first)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert stored(county_db, kind) == first  # not one value or version changed
    assert "：新增 0 条，更新 0 条" in out.splitlines()[-2], out


def test_a_vote_whose_ballots_do_not_reconcile_rejects_the_row_and_writes_nothing(
    county_db: Path, tmp_path: Path, capsys
) -> None:
    good, bad = TYPED["projects"][1], dict(TYPED["projects"][0])
    bad.update({"发出票数": 60, "有效票": 59, "无效票": 0})  # 60 != 59 + 0
    path = filled_template("projects", [good, bad], tmp_path)
    assert main(["import-xlsx", "projects", str(path), "--db", str(county_db)]) == 2
    err = capsys.readouterr().err
    assert "「发出票数」" in err and "60" in err and "59" in err, err
    assert not stored(county_db, "projects")["projects"]  # the good row is not written either
    services = open_county(county_db)
    try:
        plan = services.imports.plan("projects", path, label)
        problems = [p for r in plan.rows for p in r.problems]
        assert [p.error.message for p in problems] == [MSG_ISSUED]
        assert [r.action for r in plan.rows] == ["new", "rejected"]
    finally:
        services.close()


def test_a_station_cannot_bring_in_a_draft_nor_the_countys_projects(tmp_path: Path, capsys):
    db = tmp_path / "station.sqlite"
    services = open_station(db, TODAY)
    services.deputies.create(DeputyDraft("王芳", station_ids=(services.site.current().station_id,)))
    services.close()
    path = filled_template("drafts", TYPED["drafts"][:1], tmp_path)
    assert main(["import-xlsx", "drafts", str(path), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "「草案名称" in err and "某某市物业管理条例（草案）" in err, err
    services = open_station(db, TODAY)
    try:
        assert services.programmes.rows("drafts") == []
        assert services.programmes.rows("draft-comments") == []
        plan = services.imports.plan("drafts", path, label)
        assert plan.count("rejected") == 1
    finally:
        services.close()
    projects = filled_template("projects", TYPED["projects"][1:], tmp_path)
    assert main(["import-xlsx", "projects", str(projects), "--db", str(db)]) == 2
    assert capsys.readouterr().err.strip()  # one line saying why
    services = open_station(db, TODAY)
    try:
        with pytest.raises(Exception) as refused:
            services.imports.plan("projects", projects, label)
        assert "county office" in str(refused.value)
        assert services.programmes.rows("projects") == []
    finally:
        services.close()


def test_a_station_imports_its_own_events_and_may_not_name_another_station(
    tmp_path: Path, capsys
) -> None:
    db = tmp_path / "station.sqlite"
    open_station(db, TODAY).close()
    own = {k: v for k, v in TYPED["legal-events"][0].items() if k != "联络站"}
    path = filled_template("legal-events", [own], tmp_path)
    args = ["import-xlsx", "legal-events", str(path), "--db", str(db)]
    assert main(args) == 0 and main(args) == 0
    services = open_station(db, TODAY)
    try:
        (event,) = services.programmes.rows("legal-events")
        assert event["station_id"] == services.site.current().station_id
        assert isinstance(event.id, uuid.UUID)
    finally:
        services.close()
    other = filled_template("legal-events", TYPED["legal-events"][1:], tmp_path)
    assert main(["import-xlsx", "legal-events", str(other), "--db", str(db)]) == 2
