"""The audit log (reliability row 28): every print, export, import and delete leaves exactly one
row, a refused act leaves none, a changed row breaks verification, the database refuses UPDATE
and DELETE of a row, and phones or ID numbers in a row are masked."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.cli import main
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ListFilter,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.services import open_services
from desktop.services.access import NOT_PERMITTED
from desktop.services.audit import AuditReview
from desktop.services.feedback import ONLY_NEW_CASES_DELETED
from desktop.services.ledgers import LedgerRequest
from desktop.services.programmes import STILL_USED
from tests.workbook_fixtures import FULL_PHONE, ID_WITH_X, fill, open_station

TODAY = dt.date(2026, 6, 15)
PASSWORDS = {"head": "station-head-1", "clerk": "clerk-password"}


def actions(services) -> list[tuple[str, str, str]]:
    """(action, target, detail) of every row, oldest first."""
    return [(r.action, r.target, r.detail) for r in services.audit.rows(newest_first=False)]


def new_rows(services, before: int) -> list[tuple[str, str, str]]:
    return actions(services)[before:]


@pytest.fixture
def station(tmp_path: Path):
    services = open_station(tmp_path / "station.sqlite", TODAY)
    fill(services, TODAY)
    yield services
    services.close()


def sign_in_clerk(services) -> None:
    access = services.access
    access.add_user("head", "站长", Role.STATION_HEAD, PASSWORDS["head"])
    access.add_user("clerk", "办事员", Role.CLERK, PASSWORDS["clerk"])
    access.set_sign_in_required(True)
    access.sign_in("clerk", PASSWORDS["clerk"])


# --- prints and exports -------------------------------------------------------------------------


def test_printing_a_ledger_pdf_leaves_one_print_row(station) -> None:
    before = station.audit.count()
    request = LedgerRequest("feedback", TODAY.year, month=5)
    rendered = station.ledgers.pdf(request)
    assert station.audit.count() == before  # a rendering (the preview) is no print yet
    station.ledgers.record_output(request, "pdf", rendered.rows)
    ((action, target, detail),) = new_rows(station, before)
    assert action == AuditAction.PRINT
    assert target == "意见建议办理台账 2026年5月"
    assert detail == f"saved as PDF; {rendered.rows} rows; phone and ID numbers masked"


def test_exporting_a_ledger_workbook_leaves_one_export_row(station, tmp_path: Path) -> None:
    before = station.audit.count()
    request = LedgerRequest("feedback", TODAY.year)
    rows = station.ledgers.write_xlsx(request, tmp_path / "台账.xlsx")
    station.ledgers.record_output(request, "xlsx", rows)  # the county's log, not a second row
    ((action, target, detail),) = new_rows(station, before)
    assert (action, target) == (AuditAction.EXPORT, "意见建议办理台账 2026年度")
    assert detail == f"file 台账.xlsx; {rows} rows; phone and ID numbers masked"


def test_exporting_a_register_leaves_one_export_row_saying_numbers_were_in_full(
    station, tmp_path: Path
) -> None:
    before = station.audit.count()
    station.registers.write_xlsx("feedback", ListFilter(), tmp_path / "cases.xlsx", reveal=True)
    ((action, target, detail),) = new_rows(station, before)
    assert (action, target) == (AuditAction.EXPORT, "意见建议登记")
    assert detail == "file cases.xlsx; 4 rows; phone and ID numbers in full"


def test_a_slip_printed_leaves_one_print_row(station) -> None:
    case = station.feedback.page(ListFilter()).rows[0]
    before = station.audit.count()
    station.slips.record_output(case.id, "reply", "print")
    assert new_rows(station, before) == [
        (AuditAction.PRINT, f"reply slip of case {case.case_number}", "to paper")
    ]


def test_the_annual_report_written_leaves_one_export_row(tmp_path: Path, capsys) -> None:
    db = tmp_path / "county.sqlite"
    assert (
        main(["init", "--db", str(db), "--role", "county", "--code", "XQ", "--name", "新桥县"]) == 0
    )
    out = tmp_path / "report.json"
    assert main(["report", "--db", str(db), "--year", "2026", "--out", str(out)]) == 0
    services = open_services(db)
    try:
        assert actions(services) == [(AuditAction.EXPORT, "annual report 2026",
                                      "file report.json; 0 stations")]  # fmt: skip
    finally:
        services.close()


# --- the permission to print in full, checked before anything is written ---------------------


def test_a_clerk_may_not_print_or_export_numbers_in_full_and_nothing_is_written(
    station, tmp_path: Path
) -> None:
    sign_in_clerk(station)
    before = station.audit.count()
    target = tmp_path / "full.xlsx"
    request = LedgerRequest("feedback", TODAY.year, reveal=True)
    for act in (
        lambda: station.ledgers.pdf(request),
        lambda: station.ledgers.write_xlsx(request, target),
        lambda: station.registers.write_xlsx("visits", ListFilter(), target, reveal=True),
    ):
        with pytest.raises(ServiceError) as refused:
            act()
        assert refused.value.message == NOT_PERMITTED[Permission.PRINT_UNMASKED]
    with pytest.raises(ServiceError) as refused:  # a list of people, even masked
        station.registers.write_xlsx("feedback", ListFilter(), target)
    assert refused.value.message == NOT_PERMITTED[Permission.EXPORT_PERSONAL]
    assert not target.exists() and list(tmp_path.glob("*.tmp")) == []
    assert station.audit.count() == before
    # Masked, the clerk prints as before (and it is recorded as the clerk's).
    station.ledgers.write_xlsx(LedgerRequest("feedback", TODAY.year), target)
    assert target.exists()
    assert station.audit.rows(limit=1)[0].actor.startswith("clerk ")


# --- imports ------------------------------------------------------------------------------------


def test_importing_a_workbook_leaves_one_import_row_and_a_plan_none(
    station, tmp_path: Path
) -> None:
    workbook = tmp_path / "roster.xlsx"
    station.registers.write_xlsx("deputies", ListFilter(), workbook)
    other = open_station(tmp_path / "other.sqlite", TODAY)
    try:
        plan = other.imports.plan("deputies", workbook)
        assert other.audit.count() == 0
        counts = other.imports.apply(plan)
        assert counts["new"] == 5
        detail = "代表名册; 5 new; 0 updated; 0 unchanged; 0 rejected"
        assert actions(other) == [(AuditAction.IMPORT, "workbook roster.xlsx", detail)]
    finally:
        other.close()


def test_importing_a_programme_workbook_leaves_one_import_row(tmp_path: Path) -> None:
    from tests.test_programme_workbooks import TYPED, filled_template

    own = {k: v for k, v in TYPED["legal-events"][0].items() if k != "联络站"}
    workbook = filled_template("legal-events", [own], tmp_path)
    station = open_station(tmp_path / "station.sqlite", TODAY)
    try:
        for new in (1, 0):  # the second time, nothing changes: still on record
            station.imports.apply(station.imports.plan("legal-events", workbook))
            assert len(station.programmes.rows("legal-events")) == 1
            (action, target, detail) = actions(station)[-1]
            assert (action, target) == (AuditAction.IMPORT, "workbook legal-events.xlsx")
            assert detail.startswith(f"“三官”进站活动台账; {new} new; 0 updated; ")
        assert station.audit.count() == 2
    finally:
        station.close()


def test_a_cancelled_workbook_import_leaves_no_row(station, tmp_path: Path) -> None:
    from desktop.domain.tables import Cancelled

    workbook = tmp_path / "roster.xlsx"
    station.registers.write_xlsx("deputies", ListFilter(), workbook)
    other = open_station(tmp_path / "other.sqlite", TODAY)
    try:
        plan = other.imports.plan("deputies", workbook)
        with pytest.raises(Cancelled):
            other.imports.apply(plan, is_cancelled=lambda: True)
        assert other.audit.count() == 0 and other.deputies.list() == []
    finally:
        other.close()


def test_exporting_and_importing_a_bundle_leave_one_row_each(tmp_path: Path) -> None:
    from tests.bundle_fixtures import PEOPLE, Network
    from tests.bundle_fixtures import fill as fill_station

    net = Network(tmp_path)
    try:
        station, county = net.stations["WJ-03"], net.county
        net.roster("WJ-03")
        fill_station(station, net.deputies["WJ-03"], PEOPLE["WJ-03"])
        sent, received = station.audit.count(), county.audit.count()
        (path,) = net.to_county("WJ-03").files
        ((action, target, detail),) = new_rows(station, sent)
        assert (action, target) == (AuditAction.EXPORT, "bundle 1 to 新桥县人大常委会")
        assert detail.startswith(f"file {path.name}; ") and detail.endswith(" records")
        county.bundles.plan(path)
        assert county.audit.count() == received  # a plan writes nothing
        county.bundles.apply(path)
        ((action, target, detail),) = new_rows(county, received)
        assert (action, target) == (AuditAction.IMPORT, "bundle 1 from 望江镇第三联络站")
        assert detail.startswith(f"file {path.name}; ") and "0 rejected" in detail
        assert county.bundles.apply(path).already
        assert county.audit.count() == received + 1  # imported twice: changed nothing
    finally:
        net.close()


# --- deletes ------------------------------------------------------------------------------------


@pytest.mark.backends
def test_each_delete_leaves_one_row(services, today) -> None:
    station = services.site.current().station_id
    deputy = services.deputies.create(DeputyDraft("张晓明", phone=FULL_PHONE,
                                                  station_ids=(station,)))  # fmt: skip
    case = services.feedback.register(
        CaseDraft(station, today, person_name="赵大山", phone=FULL_PHONE, content="路灯不亮")
    )
    kind = services.reference.activity_kinds()[0].id
    present = (ParticipantDraft(deputy.id),)
    activity = services.activities.create(
        ActivityDraft(kind, today, station, title="集中视察", participants=present)
    )
    training = services.programmes.save(
        "training", {"day": today, "level": "township", "topic": "履职培训", "hours": 2,
                     "station_id": station, "attendee_ids": (deputy.id,)},
    )  # fmt: skip
    duty = services.duty_days.create(DutyDayDraft(station, today, deputy_ids=(deputy.id,)))
    visit = services.visits.create(
        VisitDraft(station, today, visitor_ids=(deputy.id,), visited_people="赵大山一家")
    )
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    scan = services.attachments.attach(case.id, "赵大山的来信.png", png)
    before = services.audit.count()
    services.attachments.delete(scan.id)
    services.feedback.delete(case.id)
    services.duty_days.delete(duty.id)
    services.visits.delete(visit.id)
    services.activities.delete(activity.id)
    services.programmes.delete("training", training.id)
    services.deputies.delete(deputy.id)
    deleted = new_rows(services, before)
    where = "黄姚镇大田村代表联络站"
    assert deleted == [
        (AuditAction.DELETE, f"attachment of case {case.case_number}", ""),  # not its file name
        (AuditAction.DELETE, f"case {case.case_number}", ""),
        (AuditAction.DELETE, f"duty day {today} at {where}", ""),
        (AuditAction.DELETE, f"visit {today} at {where}", ""),
        (AuditAction.DELETE, f"activity {today}: 集中视察", ""),
        (AuditAction.DELETE, "training: 履职培训", ""),  # its kind's word: shown translated
        (AuditAction.DELETE, "deputy 张晓明", ""),
    ]


@pytest.mark.backends
def test_a_refused_delete_leaves_no_row(services, new_db, today) -> None:
    from tests.bundle_fixtures import add_department

    station = services.site.current().station_id
    case = services.feedback.register(CaseDraft(station, today, person_name="赵大山",
                                                 content="路灯不亮"))  # fmt: skip
    services.casework.refer(case.id, add_department(services), referred_on=today)
    before = services.audit.count()
    with pytest.raises(ServiceError) as refused:  # acted on: its history is the record
        services.feedback.delete(case.id)
    assert refused.value.message == ONLY_NEW_CASES_DELETED
    assert services.audit.count() == before
    county = open_services(new_db("county"), today=lambda: today)
    try:
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", "新桥县人大常委会", ""))
        draft = county.programmes.save("drafts", {"title": "物业管理条例（草案）",
                                                  "received_on": today})  # fmt: skip
        county.programmes.save("draft-comments", {"draft_id": draft.id, "received_on": today,
                                                  "content": "建议明确业主委员会职责"})  # fmt: skip
        before = county.audit.count()
        with pytest.raises(ServiceError) as refused:  # a comment still points to it
            county.programmes.delete("drafts", draft.id)
        assert refused.value.message == STILL_USED
        assert county.audit.count() == before
    finally:
        county.close()


# --- the log itself -----------------------------------------------------------------------------


@pytest.mark.backends
def test_the_database_refuses_to_change_or_remove_a_row(services) -> None:
    services.audit.record(AuditAction.EXPORT, "workbook a.xlsx", "3 rows")
    for statement in ("UPDATE audit_log SET detail = 'nothing'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), services.db.engine.begin() as conn:
            conn.execute(text(statement))
    assert [r.detail for r in services.audit.rows()] == ["3 rows"]
    assert services.audit.verify().ok


def test_a_full_phone_or_id_number_is_stored_masked(services) -> None:
    services.audit.record(AuditAction.EXPORT, f"call {FULL_PHONE}", f"{ID_WITH_X} and {FULL_PHONE}")
    (row,) = services.audit.rows()
    assert FULL_PHONE not in row.target + row.detail and ID_WITH_X not in row.detail
    assert row.target == "call 138****8000" and row.detail.endswith("and 138****8000")


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_editing_a_row_breaks_verification_naming_that_row(station, db_path: Path,
                                                          capsys) -> None:  # fmt: skip
    for n in range(5):
        station.audit.record(AuditAction.PRINT, f"ledger {n}", f"{n} rows")
    total, head = station.audit.count(), station.audit.verify().last_hash
    station.close()
    path = db_path  # the station fixture's file
    code, out, _ = _run(capsys, "audit", "--db", str(path), "--verify")
    assert code == 0 and f"{total}" in out and head in out
    with closing(sqlite3.connect(path)) as conn, conn:
        victim = conn.execute("SELECT id FROM audit_log WHERE target = 'ledger 2'").fetchone()[0]
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET detail = '0 rows' WHERE id = ?", (victim,))
    code, _, err = _run(capsys, "audit", "--db", str(path), "--verify")
    assert code == 1
    assert f" {victim} " in err.replace("（", " ").replace("(", " ")


def test_the_export_holds_exactly_the_rows(services, tmp_path: Path) -> None:
    services.audit.record(AuditAction.PRINT, '=HYPERLINK("http://x","点我")', "1 rows")
    services.audit.record(AuditAction.DELETE, "case S01-2026-0001")
    services.audit.record(AuditAction.PRINT, "ledger", "2 rows")
    every = services.audit.rows(newest_first=False)
    review = AuditReview(services.access)
    assert review.export(tmp_path / "log.xlsx") == 3
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx").active
    got = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(g[0], g[5], g[7]) for g in got] == [(r.id, r.target, r.row_hash) for r in every]
    cell = sheet.cell(row=2, column=6)
    assert cell.data_type == "s" and cell.value.startswith("=")  # text, not a formula
    assert review.export(tmp_path / "deletes.csv", AuditAction.DELETE) == 1
    with open(tmp_path / "deletes.csv", encoding="utf-8-sig", newline="") as f:
        (_, line) = list(csv.reader(f))
    assert line[0] == str(every[1].id) and line[5] == "case S01-2026-0001"
    last = services.audit.rows(limit=1)[0]  # each export is a row of its own, after the file
    assert (last.action, last.target) == (AuditAction.EXPORT, "the audit log")
    assert last.detail == "file deletes.csv; 1 rows; only delete"


def test_listing_and_exporting_need_manage_verifying_does_not(station, tmp_path: Path) -> None:
    sign_in_clerk(station)
    review = AuditReview(station.access)
    for act in (lambda: review.page(), lambda: review.export(tmp_path / "log.xlsx")):
        with pytest.raises(ServiceError) as refused:
            act()
        assert refused.value.message == NOT_PERMITTED[Permission.MANAGE]
    assert not (tmp_path / "log.xlsx").exists()
    assert review.verify().ok


def test_the_command_line_lists_and_exports(station, db_path: Path, tmp_path: Path,
                                            capsys) -> None:  # fmt: skip
    station.audit.record(AuditAction.DELETE, "case S01-2026-0009")
    station.audit.record(AuditAction.PRINT, "意见建议办理台账 2026年度", "to paper; 4 rows")
    station.close()
    path = str(db_path)
    code, out, _ = _run(capsys, "audit", "--db", path, "--list", "--limit", "1")
    assert code == 0 and out.count("\n") == 1 and "意见建议办理台账 2026年度" in out
    code, out, _ = _run(capsys, "audit", "--db", path, "--list", "--action", "delete")
    assert code == 0 and "S01-2026-0009" in out and "意见建议办理台账" not in out
    target = tmp_path / "log.csv"
    code, out, _ = _run(capsys, "audit", "--db", path, "--export", str(target))
    assert code == 0 and target.exists()
    with open(target, encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + 2


def test_roles_and_actions_stored_as_code_words_are_shown_by_their_labels() -> None:
    from desktop.services.audit import describe, phrase

    assert describe(phrase("user added: {role}", role="station_head")) == "user added: Station head"
    assert describe(phrase("only {action}", action="sign_in")) == "only Signed in"
    assert describe("deputy 覃大山") == "deputy 覃大山"  # a name is never taken for a code word


def test_every_detail_the_program_stores_is_shown_in_the_readers_language(station) -> None:
    """A restore, a USB backup, retention and a purge store phrases, not English sentences:
    each part of what they wrote is a known phrase, so the viewer can translate it."""
    from desktop.services.audit import PHRASES, SEPARATOR
    from desktop.services.retention import RetentionService

    retention = RetentionService(station.db, station.access, station.audit)
    retention.set_years(5)
    retention.purge(dt.date(2026, 6, 15))
    retention.set_years(None)
    patterns = [re.compile(re.sub(r"\\\{(\w+)\\\}", ".+", re.escape(p))) for p in PHRASES]
    for row in station.audit.rows():
        for part in filter(None, [*row.detail.split(SEPARATOR), row.target]):
            assert any(p.fullmatch(part) for p in patterns), (row.action, part)
