"""Export, import and templates through the services: round trips, idempotence, bad rows."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.records import ListFilter
from desktop.formats.xlsx_write import write_workbook
from desktop.services import import_write
from desktop.services.sheet_columns import KINDS, importable
from desktop.services.templates import write_template
from desktop.ui.i18n import label
from tests.workbook_fixtures import FULL_PHONE, ID_WITH_X, TRICKY, fill, open_station

TODAY = dt.date(2026, 6, 15)
# Import order: the other registers name deputies, so the roster comes first.
ORDER = ("deputies", "duty-days", "visits", "feedback", "activities")


@pytest.fixture
def source(tmp_path: Path):
    services = open_station(tmp_path / "source.sqlite", TODAY)
    fill(services, TODAY)
    yield services
    services.close()


@pytest.fixture
def target(tmp_path: Path):
    services = open_station(tmp_path / "target.sqlite", TODAY)
    yield services
    services.close()


def export(services, kind: str, path: Path, *, reveal: bool = True) -> Path:
    sheet = services.registers.sheet(kind, ListFilter(), label, reveal=reveal)
    write_workbook(path, [sheet])
    return path


def importable_cells(services, kind: str) -> list[tuple]:
    """What a clerk typed, as the export writes it: the columns an import reads back."""
    sheet = services.registers.sheet(kind, ListFilter(), label, reveal=True)
    keep = [  # the record's own id differs: another database gives new records new ids
        i
        for i, c in enumerate(sheet.columns)
        if not c.key.startswith("out_") and c.key != "record_id"
    ]
    return sorted((tuple(row[i] for i in keep) for row in sheet.rows), key=repr)


def test_export_then_import_gives_the_same_rows(source, target, tmp_path: Path) -> None:
    for kind in ORDER:
        path = export(source, kind, tmp_path / f"{kind}.xlsx")
        plan = target.imports.plan(kind, path, label)
        assert plan.count("rejected") == 0, [
            (r.row_number, p.header, str(p.error)) for r in plan.rows for p in r.problems
        ]
        target.imports.apply(plan)
        assert importable_cells(target, kind) == importable_cells(source, kind), kind
    cases = {c.case_number: c for c in target.feedback.page(ListFilter()).rows}
    first = next(c for c in cases.values() if c.phone == FULL_PHONE)
    assert first.id_number == ID_WITH_X
    assert any(c.content.startswith(TRICKY[0]) for c in cases.values())
    deputies = {d.name: d for d in target.deputies.list()}
    assert deputies["王芳"].workplace == TRICKY[1]
    assert deputies["王芳"].phone.startswith("0774-")


def test_importing_the_same_workbook_twice_changes_nothing(source, target, tmp_path) -> None:
    for kind in ORDER:
        path = export(source, kind, tmp_path / f"{kind}.xlsx")
        first = target.imports.apply(target.imports.plan(kind, path, label))
        assert first["new"] > 0
        before = importable_cells(target, kind)
        again = target.imports.plan(kind, path, label)
        assert again.count("new") == again.count("updated") == again.count("rejected") == 0
        assert again.count("unchanged") == first["new"]
        target.imports.apply(again)
        assert importable_cells(target, kind) == before


def test_a_masked_export_imports_back_unchanged_and_shows_no_numbers(source, tmp_path) -> None:
    path = export(source, "feedback", tmp_path / "masked.xlsx", reveal=False)
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
    assert FULL_PHONE not in xml and ID_WITH_X not in xml
    assert "138****8000" in xml
    plan = source.imports.plan("feedback", path, label)
    assert plan.count("unchanged") == 4 and plan.writes == 0
    assert plan.warnings, "the clerk is told the masked numbers were kept as stored"


def test_a_changed_cell_updates_only_that_record(source, tmp_path) -> None:
    path = export(source, "duty-days", tmp_path / "duty.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("接待群众人数") + 1, 99)
    book.save(path)
    plan = source.imports.plan("duty-days", path, label)
    assert (plan.count("updated"), plan.count("unchanged")) == (1, 2)
    source.imports.apply(plan)
    assert 99 in [d.people_received for d in source.duty_days.page(ListFilter()).rows]


def test_bad_rows_are_rejected_with_row_column_and_reason(source, tmp_path) -> None:
    path = tmp_path / "old.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2025年意见建议登记表"])  # a title line above the header
    sheet.append(["反映内容", "受理日期", "反映人", "联系电话", "接待代表", "备用"])
    sheet.append(["路灯不亮", dt.date(2026, 5, 1), "周大海", "13900139000", "张晓明", "x"])
    sheet.append(["门前积水", dt.date(2026, 5, 2), "吴小河", "12345", "张晓明", ""])
    sheet.append(["缺代表", dt.date(2026, 5, 3), "郑小溪", "", "查无此人", ""])
    sheet.append(["", dt.date(2026, 5, 4), "钱小江", "", "", ""])
    sheet.append(["未来的事", dt.date(2027, 1, 1), "孙小湖", "", "", ""])
    book.save(path)
    plan = source.imports.plan("feedback", path, label)
    assert plan.count("new") == 1
    problems = {(r.row_number, p.header) for r in plan.rows for p in r.problems}
    assert {(4, "联系电话"), (5, "接待代表"), (6, "反映内容"), (7, "受理日期")} <= problems
    assert "备用" in plan.ignored_headers
    before = source.feedback.count()
    source.imports.apply(plan)  # the clerk chose to skip the rejected rows
    assert source.feedback.count() == before + 1


def test_a_failure_while_writing_writes_nothing(source, target, tmp_path, monkeypatch) -> None:
    export(source, "deputies", tmp_path / "d.xlsx")
    target.imports.apply(target.imports.plan("deputies", tmp_path / "d.xlsx", label))
    path = export(source, "feedback", tmp_path / "f.xlsx")
    plan = target.imports.plan("feedback", path, label)
    calls = []
    original = import_write.APPLY["feedback"]

    def failing(record, draft):
        calls.append(1)
        if len(calls) == 3:  # after the first chunk of two went into the database
            raise OSError(28, "No space left on device")
        return original(record, draft)

    monkeypatch.setattr(import_write, "CHUNK", 2)
    monkeypatch.setitem(import_write.APPLY, "feedback", failing)
    with pytest.raises(OSError):
        target.imports.apply(plan)
    assert target.feedback.count() == 0
    assert target.feedback.state_counts() == {} or not any(target.feedback.state_counts().values())


@pytest.mark.parametrize("kind", KINDS)
def test_a_filled_in_template_imports(kind, source, tmp_path) -> None:
    path = tmp_path / f"{kind}-template.xlsx"
    write_template(kind, path)
    book = openpyxl.load_workbook(path)
    assert "填写说明" in book.sheetnames
    data = next(
        ws for ws in book.worksheets if ws.sheet_state == "visible" and ws.title != "填写说明"
    )
    headers = [c.value for c in data[1]]
    assert [h.rstrip("*") for h in headers] == [
        c.header for c in importable(kind) if c.key != "record_id"
    ]
    sample = {
        "deputies": {"姓名": "蒙小燕", "代表层级": "乡镇级", "联系电话": "13700137000"},
        "duty-days": {"接待日期": "2026-06-01", "进站代表": "张晓明、王芳", "接待群众人数": 4},
        "visits": {"走访日期": "2026年6月2日", "走访代表": "丁一", "走访对象": "留守老人 2 户"},
        "feedback": {"受理日期": "2026/6/3", "反映人": "韦小青", "反映内容": "危房改造补助"},
        "activities": {
            "活动日期": "2026.6.4",
            "活动类型": "视察调研",
            "参加代表": "覃海燕（请假）",
        },
    }[kind]
    row = [sample.get(h.rstrip("*")) for h in headers]
    data.append(row)
    book.save(path)
    plan = source.imports.plan(kind, path, label)
    assert plan.count("new") == 1, [str(p.error) for r in plan.rows for p in r.problems]
    source.imports.apply(plan)
    assert source.imports.plan(kind, path, label).count("unchanged") == 1


def test_a_template_of_another_kind_is_refused(source, tmp_path) -> None:
    from desktop.domain.errors import Refusal

    path = tmp_path / "visits.xlsx"
    write_template("visits", path)
    with pytest.raises(Refusal):
        source.imports.plan("deputies", path, label)


def test_a_change_to_another_sites_record_is_refused_row_by_row(source, tmp_path) -> None:
    import uuid

    from sqlalchemy import update

    from desktop.db.models import Deputy

    county = uuid.uuid4()
    wang = next(d for d in source.deputies.list() if d.name == "王芳")
    with source.db.write() as s:  # the county's confirmed record, as a bundle would bring it
        s.execute(update(Deputy).where(Deputy.id == wang.id).values(owner_site_id=county))
    path = export(source, "deputies", tmp_path / "roster.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        row[headers.index("职业")].value = "教师"
    book.save(path)
    plan = source.imports.plan("deputies", path, label)
    refused = [r for r in plan.rows if r.action == "rejected"]
    assert len(refused) == 1 and plan.count("updated") == 4
    from desktop.services.common import NOT_OWNER

    assert refused[0].problems[0].error.message == NOT_OWNER
    source.imports.apply(plan)
    assert {d.name: d.occupation for d in source.deputies.list()}["王芳"] != "教师"


def test_a_full_disk_imports_nothing_and_says_so(source, target, tmp_path) -> None:
    from sqlalchemy import event

    from desktop.db import sqlite
    from desktop.domain.errors import Refusal

    path = tmp_path / "many.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "反映人", "反映内容"])
    for i in range(600):  # enough to need new pages
        book.active.append([dt.date(2026, 5, 1 + i % 28), f"赵{i}", f"第{i}件：村道路灯坏了" * 5])
    book.save(path)
    plan = target.imports.plan("feedback", path, label)
    assert plan.count("new") == 600
    with target.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    def small_disk(dbapi_conn, _record) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    target.db.engine.dispose()
    event.listen(target.db.engine, "connect", small_disk)
    with pytest.raises(Refusal) as refused:
        target.imports.apply(plan)
    assert "disk is full" in str(refused.value)
    assert target.feedback.count() == 0
    assert sqlite.integrity_check(target.db.engine) == ["ok"]
