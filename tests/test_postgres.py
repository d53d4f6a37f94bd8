"""The county office on a PostgreSQL server: the same search results as SQLite, writers that
wait for each other, and the command line with ``--db postgresql://...``.

Every test here needs the server (LIAISON_TEST_PG_URL; tests/conftest.py): skipped without it
on a developer's machine, failed under CI.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, make_url, select

from desktop.cli import main
from desktop.db.location import server_url, shown
from desktop.db.models import Department, FeedbackCase
from desktop.db.postgres import tsquery, tsvector_literal
from desktop.domain.enums import DepartmentLevel, SiteRole
from desktop.domain.records import CaseDraft, DeputyDraft, DutyDayDraft, ListFilter, SiteDraft
from desktop.domain.textsearch import match_expression
from desktop.domain.workflow import CaseAction
from desktop.services import Services, open_services
from tests.conftest import TODAY

SERVER = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)

# (days before today, person, village, content): the search tests' words, and some more.
CASES = [
    (0, "赵大山", "大田村", "村口路灯不亮"),
    (0, "钱小红", "", "饮水困难"),
    (1, "孙立", "大田村", "第3处路灯WiFi信号差"),
    (2, "李四", "水口村", "河道垃圾堆积"),
    (3, "周五", "", "危房改造补助"),
    (3, "吴六", "", "Café opening hours, naïve question"),
    (5, "郑七", "龙门村", "路灯坏了三个月，路灯杆也歪了"),
    (8, "王八", "", "灯不亮，路不平"),
    (13, "冯九", "大田村", "饮水工程验收"),
    (40, "陈十", "", "路灯维修进度"),
    *((d % 9, f"人{d}", "", f"第{d}处路灯不亮") for d in range(12)),
]
QUERIES = (
    *("路灯", "大田", "zds", "赵大山", "路灯不亮", "灯", "河道", "人3", "危房", "维修"),
    *("钱小红", "qxh", "小红", "WiFi", "wifi", "3", "第3处", "café", "CAFE", "naive"),
    *("路灯 大田", "灯不", "不亮路", "水", "张晓明", "zxm", "！？", "没有这个词"),
)


def _fill(services: Services, deputy: uuid.UUID) -> None:
    station = services.site.current().station_id
    with services.db.write() as s:
        department = Department(
            id=uuid.uuid4(), code="ZJJ", name="镇建设办", level=DepartmentLevel.TOWNSHIP.value
        )
        s.add(department)
    for i, (ago, person, village, content) in enumerate(CASES):
        day = TODAY - dt.timedelta(days=ago)
        taken = (deputy,) if i % 4 == 0 else ()
        case = services.feedback.register(
            CaseDraft(station, day, person_name=person, village=village, content=content,
                      deputy_ids=taken)
        )  # fmt: skip
        if i % 3 == 0:
            services.casework.refer(case.id, department.id, referred_on=TODAY)
        if i % 6 == 0:
            payload = {"text": "已安排维修", "replied_on": TODAY.isoformat(), "outcome": "A"}
            services.casework.act(case.id, CaseAction.REPLY, payload)
    services.duty_days.create(
        DutyDayDraft(station, TODAY, deputy_ids=(deputy,), summary="村委会WiFi故障，已报修")
    )
    doomed = services.feedback.register(CaseDraft(station, TODAY, person_name="甲", content="河道"))
    services.feedback.delete(doomed.id, doomed.version)


def _results(services: Services) -> dict:
    found = {}
    for text in QUERIES:
        for extra in (
            {},
            {"date_from": TODAY - dt.timedelta(days=3)},
            {"date_to": TODAY - dt.timedelta(days=2)},
            {"kind": "referred"},
        ):
            flt = ListFilter(text=text, **extra)
            rows, after = [], None
            while True:  # every page, three at a time
                page = services.feedback.page(flt, after, limit=3)
                rows += [(r.received_date, r.person_name, r.content) for r in page.rows]
                if page.next_key is None:
                    break
                after = page.next_key
            found[text, tuple(extra)] = (rows, services.feedback.count(flt))
        found[text, "duty days"] = services.duty_days.count(ListFilter(text=text))
    return found


def _station(location: Path | str) -> Services:
    services = open_services(location, today=lambda: TODAY)
    services.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    return services


@SERVER
def test_the_same_searches_find_the_same_cases_on_both(tmp_path: Path, new_db) -> None:
    results = []
    for location in (tmp_path / "same.sqlite", new_db()):
        services = _station(location)
        try:
            deputy = services.deputies.create(DeputyDraft("张晓明")).id
            _fill(services, deputy)
            results.append(_results(services))
        finally:
            services.close()
    on_sqlite, on_server = results
    assert on_server == on_sqlite
    assert on_sqlite["路灯", ()][1] == 16 and on_sqlite["café", ()][1] == 1
    assert on_sqlite["CAFE", ()] == on_sqlite["café", ()]  # FTS5 folds the accent; so do we
    assert on_sqlite["河道", ()][1] == 1  # the deleted case is not found
    assert on_sqlite["wifi", "duty days"] == on_sqlite["WiFi", "duty days"] == 1  # LIKE, ASCII


def test_terms_and_queries_are_written_literally() -> None:
    assert tsvector_literal("路灯不亮", "大田村") == (
        "'路灯':1 '灯不':2 '不亮':3 '大田':4 '田村':5 '路' '灯' '不' '亮' '大' '田' '村'"
    )
    assert tsvector_literal("it's a\\b") == "'it':1 's':2 'a':3 'b':4"
    assert tsquery(match_expression("路灯不亮 wifi")) == "('路灯' <-> '灯不' <-> '不亮') & ('wifi')"
    assert tsquery(match_expression("Naïve")) == "('naive')"


@SERVER
def test_two_officers_writing_at_once_wait_for_each_other(new_db) -> None:
    """Two PCs registering cases at the same moment: distinct case numbers, one change
    number per transaction, in commit order (the counter's row lock from the first
    statement: a case number is read before anything is written)."""
    url = new_db()
    first, second = _station(url), open_services(url, today=lambda: TODAY)
    station = first.site.current().station_id
    errors: list[BaseException] = []

    def register(services: Services, who: str) -> None:
        try:
            for i in range(12):
                services.feedback.register(
                    CaseDraft(station, TODAY, person_name=who, content=f"第{i}件")
                )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    pcs = ((first, "甲"), (second, "乙"))
    threads = [threading.Thread(target=register, args=pc) for pc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert errors == []
        with first.db.read() as s:
            numbers = s.scalars(select(FeedbackCase.case_number)).all()
            seqs = s.execute(
                select(FeedbackCase.change_seq, func.count()).group_by(FeedbackCase.change_seq)
            ).all()
        assert len(numbers) == len(set(numbers)) == 24
        assert all(n == 1 for _, n in seqs)  # one registration, one change number

        # A writer holds the lock until it commits; the other waits, then sees its work.
        done = threading.Event()
        with first.db.write() as s:
            s.get(FeedbackCase, uuid.uuid4())  # the transaction has begun: the lock is held
            waiting = threading.Thread(
                target=lambda: (register(second, "丙"), done.set()), daemon=True
            )
            waiting.start()
            time.sleep(0.5)
            assert not done.is_set()
        waiting.join(60)
        assert done.is_set() and errors == []
    finally:
        first.close()
        second.close()


@SERVER
def test_the_command_line_on_a_server_database(new_db, capsys) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    blank, url = new_db(blank=True), new_db()
    assert run("cases", "--db", blank)[0] == 2  # an empty database is not Liaison Desk's
    code, out, _ = run("check", "--db", blank)
    assert code == 1 and "-" in out  # no schema yet
    password = make_url(blank).password
    made = run("init", "--db", blank, "--role", "county", "--code", "XQ", "--name", "新桥县人大")
    assert made[0] == 0 and (not password or f":{password}@" not in made[1])
    assert (
        run("init", "--db", blank, "--role", "county", "--code", "XQ", "--name", "又一个")[0] == 2
    )
    assert run("check", "--db", blank)[:3:2] == (0, "")
    assert run("demo", "--db", url, "--scale", "station", "--as-of", "2026-06-30")[0] == 0
    code, out, _ = run("cases", "--db", url, "--json")
    assert code == 0 and out.count('"id"') > 10
    assert run("check", "--db", url)[0] == 0
    wrong = make_url(url).set(password="wrong-password").render_as_string(hide_password=False)
    code, out, err = run("check", "--db", wrong)
    assert code == 2 and "wrong-password" not in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err) and err.count("\n") == 1


def test_a_url_never_shows_its_password() -> None:
    assert shown("postgresql://clerk:s3cret@10.0.0.5:5432/county") == (
        "postgresql+psycopg://clerk:***@10.0.0.5:5432/county"
    )
    assert shown(Path("/data/x.sqlite")) == "/data/x.sqlite"
    assert server_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert server_url("station.sqlite") is None
