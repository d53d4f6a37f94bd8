"""Import matching where paper keys are not enough: twin records, namesakes, anonymous cases,
county-wide activities, numbers kept from workbooks, and what the bulk path stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from desktop.domain.enums import Channel, DutyKind
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ListFilter,
    ParticipantDraft,
)
from desktop.domain.tables import Cancelled
from desktop.formats.xlsx_write import write_workbook
from desktop.services.ledger_points import points_text
from desktop.ui.i18n import label
from tests.workbook_fixtures import open_station

TODAY = dt.date(2026, 6, 15)
DAY = dt.date(2026, 6, 1)


@pytest.fixture
def station(tmp_path: Path):
    services = open_station(tmp_path / "s.sqlite", TODAY)
    yield services
    services.close()


def export(services, kind: str, path: Path) -> Path:
    write_workbook(path, [services.registers.sheet(kind, ListFilter(), label, reveal=True)])
    return path


def deputy(services, name: str, station_id=None):
    own = services.site.current().station_id
    return services.deputies.create(DeputyDraft(name, station_ids=(station_id or own,)))


def test_two_receptions_on_one_day_reimport_unchanged_even_resorted(station, tmp_path) -> None:
    a, b = deputy(station, "王芳"), deputy(station, "丁一")
    own = station.site.current().station_id
    for who, n in ((a, 3), (b, 5)):  # morning and afternoon, same day and form
        station.duty_days.create(DutyDayDraft(own, DAY, DutyKind.RECEPTION, (who.id,), n))
    path = export(station, "duty-days", tmp_path / "d.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    for i, values in enumerate(reversed(rows), start=2):  # the clerk re-sorted the sheet
        for j, value in enumerate(values, start=1):
            sheet.cell(i, j, value)
    book.save(path)
    plan = station.imports.plan("duty-days", path, label)
    assert (plan.count("unchanged"), plan.writes, plan.count("rejected")) == (2, 0, 0)


def test_twins_without_ids_are_refused_not_overwritten(station, tmp_path) -> None:
    a, b = deputy(station, "王芳"), deputy(station, "丁一")
    own = station.site.current().station_id
    for who, n in ((a, 3), (b, 5)):
        station.duty_days.create(DutyDayDraft(own, DAY, DutyKind.RECEPTION, (who.id,), n))
    path = tmp_path / "old.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["接待日期", "进站代表", "接待群众人数"])
    book.active.append([DAY, "王芳", 9])  # like neither record
    book.save(path)
    plan = station.imports.plan("duty-days", path, label)
    assert plan.count("rejected") == 1 and plan.writes == 0


def test_namesakes_resolve_to_the_one_at_the_rows_station(station, tmp_path) -> None:
    other = station.reference.add_station("S09", "别处代表联络站", "黄姚镇")
    mine = deputy(station, "张伟")
    deputy(station, "张伟", other.id)
    own = station.site.current().station_id
    station.duty_days.create(DutyDayDraft(own, DAY, deputy_ids=(mine.id,), people_received=2))
    plan = station.imports.plan(
        "duty-days", export(station, "duty-days", tmp_path / "d.xlsx"), label
    )
    assert plan.count("unchanged") == 1 and plan.count("rejected") == 0


def test_an_anonymous_case_with_a_name_typed_is_not_imported_twice(station, tmp_path) -> None:
    path = tmp_path / "anon.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "匿名", "反映人", "反映内容"])
    book.active.append([DAY, "是", "不愿具名的人", "路灯不亮"])
    book.save(path)
    first = station.imports.apply(station.imports.plan("feedback", path, label))
    again = station.imports.plan("feedback", path, label)
    assert first["new"] == 1 and again.count("unchanged") == 1 and again.writes == 0
    assert station.feedback.count() == 1


def test_a_county_wide_activity_reimports_unchanged(station, tmp_path) -> None:
    who = deputy(station, "王芳")
    kind = next(k for k in station.reference.activity_kinds() if k.code == "inspection")
    station.activities.create(
        ActivityDraft(kind.id, DAY, None, "全县视察", participants=(ParticipantDraft(who.id),))
    )
    plan = station.imports.plan(
        "activities", export(station, "activities", tmp_path / "a.xlsx"), label
    )
    assert plan.count("unchanged") == 1 and plan.writes == 0


def test_a_station_named_twice_links_once(station, tmp_path) -> None:
    path = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "所属联络站"])
    book.active.append(["蒙小燕", "黄姚镇大田村代表联络站、S01"])
    book.save(path)
    assert station.imports.apply(station.imports.plan("deputies", path, label))["new"] == 1
    assert len(next(d for d in station.deputies.list() if d.name == "蒙小燕").station_ids) == 1


def test_numbers_kept_from_a_workbook_are_never_given_again(station, tmp_path) -> None:
    path = tmp_path / "numbered.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["编号", "受理日期", "反映人", "反映内容"])
    book.active.append(["S01-2026-0003", DAY, "周大海", "门前积水"])
    book.save(path)
    station.imports.apply(station.imports.plan("feedback", path, label))
    numbers = []
    for i in range(4):
        draft = CaseDraft(station.site.current().station_id, DAY, Channel.PHONE,
                          person_name=f"赵{i}", content=f"第{i}件")  # fmt: skip
        numbers.append(station.feedback.register(draft).case_number)
    assert len(set(numbers)) == 4 and "S01-2026-0003" not in numbers


def test_imported_rows_are_stored_as_the_services_store_them(station, tmp_path) -> None:
    path = tmp_path / "one.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "反映人", "反映内容"])
    book.active.append([DAY, "周大海", "门前积水"])
    book.save(path)
    station.imports.apply(station.imports.plan("feedback", path, label))
    own = station.site.current().station_id
    station.feedback.register(CaseDraft(own, DAY, person_name="赵山", content="路灯不亮"))
    with station.db.read() as s:
        stamps = s.execute(text("SELECT created_at, updated_at FROM feedback_cases")).all()
        events = s.execute(text("SELECT at FROM case_events")).scalars().all()
    shapes = {len(v) for row in stamps for v in row} | {len(v) for v in events}
    assert len(shapes) == 1 and not any("+" in v for row in stamps for v in row)
    assert [c.person_name for c in station.feedback.page(ListFilter(text="积水")).rows] == [
        "周大海"
    ]


def test_a_ledger_lists_one_days_cases_in_number_order(station) -> None:
    own = station.site.current().station_id
    for i in range(6):
        station.feedback.register(CaseDraft(own, DAY, person_name=f"赵{i}", content=f"第{i}件"))
    rows = list(station.registers.rows("feedback", ListFilter()))
    assert [r.case_number for r in rows] == sorted(r.case_number for r in rows)


def test_points_print_exactly_as_the_rules_give_them() -> None:
    from decimal import Decimal

    assert [points_text(Decimal(v)) for v in ("0.25", "2.5", "-0.05", "0")] == [
        "0.25", "2.5", "-0.05", "0"
    ]  # fmt: skip


def test_cancel_while_matching_stops_the_plan(station, tmp_path) -> None:
    path = tmp_path / "many.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "反映人", "反映内容"])
    for i in range(1200):
        book.active.append([DAY, f"赵{i}", f"第{i}件"])
    book.save(path)
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 3  # pressed while the rows are being matched

    with pytest.raises(Cancelled):
        station.imports.plan("feedback", path, label, is_cancelled=cancelled)


def test_cases_indexed_in_one_pass_search_and_update_like_the_others(station, tmp_path) -> None:
    from desktop.db.sqlite import BULK_FLAG
    from desktop.domain.records import CaseDraft as Draft

    path = tmp_path / "cases.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "反映人", "所在村（社区）", "反映内容"])
    for i, (village, words) in enumerate((("大田村", "路灯不亮"), ("小河村", "桥面塌方"))):
        book.active.append([DAY + dt.timedelta(days=i), f"赵{i}", village, f"{words}，请尽快处理"])
    book.save(path)
    station.imports.apply(station.imports.plan("feedback", path, label))

    def found(text_: str) -> list[str]:
        return sorted(c.person_name for c in station.feedback.page(ListFilter(text=text_)).rows)

    assert found("路灯") == ["赵0"] and found("塌方") == ["赵1"] and found("小河") == ["赵1"]
    with station.db.read() as s:
        flags = s.execute(
            text("SELECT count(*) FROM app_settings WHERE key = :k"), {"k": BULK_FLAG}
        )
        assert flags.scalar() == 0  # the trigger indexes ordinary registrations again
    own = station.site.current().station_id
    station.feedback.register(Draft(own, DAY, person_name="钱二", content="垃圾清运不及时"))
    assert found("垃圾") == ["钱二"]
    case = station.feedback.page(ListFilter(text="塌方")).rows[0]
    draft = Draft(own, case.received_date, person_name=case.person_name, village="小河村",
                  content="排水沟堵塞")  # fmt: skip
    station.feedback.update(case.id, draft, case.version)
    assert found("塌方") == [] and found("排水") == ["赵1"]  # the bulk terms were deleted exactly


def test_a_mistyped_year_is_refused_with_its_row(station, tmp_path) -> None:
    path = tmp_path / "old.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["受理日期", "反映人", "反映内容"])
    book.active.append([dt.date(1926, 6, 1), "周大海", "门前积水"])  # 2026 typed as 1926
    book.save(path)
    plan = station.imports.plan("feedback", path, label)
    assert plan.count("rejected") == 1
    assert plan.rows[0].problems[0].header == "受理日期"
