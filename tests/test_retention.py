"""Retention: the personal details of long-closed cases go; the record and every figure stay
(issue 9 point 6; reliability row 29 for the purged bytes)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.db import backups
from desktop.db.models import CaseAttachment, CaseEvent, FeedbackCase
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft, SiteDraft
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.domain.tables import Cancelled
from desktop.domain.workflow import CaseAction
from desktop.services import open_services
from desktop.services.access import NOT_PERMITTED
from desktop.services.demo import fill_demo
from desktop.services.retention import (
    BAD_YEARS,
    RETENTION_OFF,
    RetentionService,
    cutoff,
    forget_in_steps,
    forgotten_names,
)
from tests.bundle_fixtures import Network, answer_back
from tests.conftest import TODAY

pytestmark = pytest.mark.backends

NAME, PHONE, ID_NUMBER = "欧阳铁柱", "13907745566", "451121198003151233"
LONG_AGO = dt.datetime(2019, 3, 5, 2, 0, tzinfo=dt.UTC)
PDF = b"%PDF-1.4\n% a scanned letter signed " + NAME.encode() + b"\n%%EOF\n"


def _retention(services) -> RetentionService:
    return RetentionService(services.db, services.access, services.audit)


def _case(services, *, close: bool = True, name: str = NAME, phone: str = PHONE,
          on_the_spot: bool = True) -> uuid.UUID:  # fmt: skip
    """A case whose person also appears inside its texts, with a letter; answered on the spot
    (or left registered), and closed."""
    station = services.site.current().station_id
    case = services.feedback.register(
        CaseDraft(station, dt.date(2019, 3, 1), person_name=name, phone=phone,
                  id_number=ID_NUMBER, village="大田村",
                  content=f"{name}反映村口路灯不亮，回电 {phone}")
    )  # fmt: skip
    services.attachments.attach(case.id, f"{name}的来信.pdf", PDF)
    if not on_the_spot:
        return case.id
    text = f"已当面答复{name}，路灯已报修"
    services.casework.act(case.id, CaseAction.ANSWER_ON_SPOT, {"text": text},
                          note=f"{name}留电话{phone}")  # fmt: skip
    if close:
        services.casework.act(case.id, CaseAction.CLOSE, {})
    return case.id


def _age(services, case_id: uuid.UUID, when: dt.datetime = LONG_AGO) -> None:
    """As if every step of the case had been taken on ``when``."""
    with services.db.write() as s:
        s.execute(update(CaseEvent).where(CaseEvent.case_id == case_id).values(at=when))


def _stored(services, case_id: uuid.UUID) -> tuple[FeedbackCase, list[CaseEvent], list]:
    with services.db.read() as s:
        case = s.get(FeedbackCase, case_id)
        events = list(s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)))
        files = list(s.execute(
            select(CaseAttachment.deleted, CaseAttachment.file_name, CaseAttachment.content)
            .where(CaseAttachment.case_id == case_id)
        ))  # fmt: skip
    return case, events, files


def _everything(case: FeedbackCase, events: list[CaseEvent], files: list) -> str:
    texts = [getattr(case, c.key) for c in FeedbackCase.__table__.columns]
    texts += [f"{e.note} {e.payload}" for e in events]
    texts += [f"{name} {content!r}" for _, name, content in files]
    return " ".join(str(t) for t in texts)


def test_retention_is_off_by_default_and_takes_1_to_30_years(services) -> None:
    retention = _retention(services)
    case_id = _case(services)
    _age(services, case_id)
    assert retention.years() is None and retention.due(TODAY) == 0
    with pytest.raises(ServiceError) as caught:
        retention.purge(TODAY)
    assert caught.value.message == RETENTION_OFF
    for wrong in (0, 31):
        with pytest.raises(ServiceError) as caught:
            retention.set_years(wrong)
        assert caught.value.message == BAD_YEARS
    retention.set_years(5)
    assert retention.years() == 5 and retention.due(TODAY) == 1
    retention.set_years(None)
    assert retention.years() is None and retention.due(TODAY) == 0
    assert _stored(services, case_id)[0].person_name == NAME


def test_a_purge_clears_the_person_everywhere_and_keeps_the_case(services) -> None:
    retention = _retention(services)
    old = _case(services)
    open_ = _case(services, close=False, name="钱小红", phone="13900002222")  # never closed
    recent = _case(services, name="孙志刚", phone="13500006666")  # closed, but lately
    for case_id in (old, open_):
        _age(services, case_id)
    _age(services, recent, dt.datetime.combine(cutoff(TODAY, 5), dt.time(12)).astimezone())
    untouched = {i: _everything(*_stored(services, i)) for i in (open_, recent)}
    version = _stored(services, old)[0].version
    retention.set_years(5)
    assert retention.due(TODAY) == 1

    assert retention.purge(TODAY) == 1

    case, events, files = _stored(services, old)
    everything = _everything(case, events, files)
    for secret in (NAME, PHONE, ID_NUMBER, "7745566", NAME[2:]):
        assert secret not in everything
    assert all(getattr(case, f) == "" for f in FeedbackCase.personal_fields)
    assert files == [(True, "", b"")]  # the letter is a tombstone without its bytes
    # The anonymous record stays: what was asked and answered, where, in which state.
    assert not case.deleted and case.state == "closed" and case.village == "大田村"
    assert "反映村口路灯不亮" in case.content
    assert [e.kind for e in events].count("closed") == 1
    assert any("路灯已报修" in e.payload for e in events)
    assert case.version == version + 1  # an owner's new version: the next bundle takes it
    for case_id, before in untouched.items():
        assert _everything(*_stored(services, case_id)) == before
    assert retention.due(TODAY) == 0 and retention.purge(TODAY) == 0
    purges = services.audit.rows(action=AuditAction.PURGE.value, newest_first=False)
    assert [r.target for r in purges] == ["1 cases", "0 cases"]  # stored as phrases
    assert "2021-06-15" in purges[0].detail


def test_a_purge_keeps_every_figure_of_the_years_it_touches(blank_services) -> None:
    svc = blank_services
    fill_demo(svc, scale="station", years=4, as_of=TODAY)
    before_cut = cutoff(TODAY, 2)
    since = dt.datetime.combine(before_cut, dt.time()).astimezone(dt.UTC)
    with svc.db.read() as s:
        last = dict(s.execute(select(CaseEvent.case_id, CaseEvent.at)
                              .order_by(CaseEvent.at)).all())  # fmt: skip
        cases = {c.id: (c.state, c.person_name, c.phone, c.id_number)
                 for c in s.scalars(select(FeedbackCase))}  # fmt: skip
    due = {i for i, (state, *person) in cases.items()
           if state == "closed" and last[i] < since and any(person)}  # fmt: skip
    # Some cases stay (recent, open, or nothing personal left): the test can tell.
    assert due and len(due) < len(cases)
    assert any(state != "closed" and last[i] < since for i, (state, *_) in cases.items())
    years = svc.county.years()
    figures = {y: svc.county.figures(y, use_cache=False) for y in years}
    states = svc.feedback.state_counts()
    retention = _retention(svc)
    retention.set_years(2)

    assert retention.purge(TODAY) == len(due)

    assert {y: svc.county.figures(y, use_cache=False) for y in years} == figures
    assert svc.feedback.state_counts() == states
    with svc.db.read() as s:
        after = {c.id: (c.state, c.person_name, c.phone, c.id_number)
                 for c in s.scalars(select(FeedbackCase))}  # fmt: skip
    for case_id, stored in after.items():
        assert stored == (("closed", "", "", "") if case_id in due else cases[case_id])


def test_a_cancelled_purge_changes_nothing(services) -> None:
    retention = _retention(services)
    ids = [_case(services, name=f"赵{n}柱", phone=f"1390774{n:04d}") for n in range(3)]
    for case_id in ids:
        _age(services, case_id)
    retention.set_years(5)
    before = [_everything(*_stored(services, i)) for i in ids]
    with pytest.raises(Cancelled):
        retention.purge(TODAY, cancelled=lambda: True)  # after the first chunk: rolled back
    assert [_everything(*_stored(services, i)) for i in ids] == before
    assert services.audit.count(AuditAction.PURGE.value) == 0 and retention.due(TODAY) == 3


def test_only_a_role_that_manages_may_set_retention_or_purge(services) -> None:
    retention = _retention(services)
    _age(services, _case(services))
    retention.set_years(5)
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, "station-head-1")
    services.access.add_user("li", "李文员", Role.CLERK, "clerk-password-1")
    services.access.set_sign_in_required(True)
    services.access.sign_in("li", "clerk-password-1")
    for act in (lambda: retention.purge(TODAY), lambda: retention.set_years(3)):
        with pytest.raises(ServiceError) as caught:
            act()
        assert caught.value.message == NOT_PERMITTED[Permission.MANAGE]
    assert retention.due(TODAY) == 1 and retention.years() == 5
    services.access.sign_out()
    services.access.sign_in("zhang", "station-head-1")
    assert retention.purge(TODAY) == 1
    assert services.audit.rows(action=AuditAction.PURGE.value)[0].actor.startswith("zhang")


def test_backups_older_than_the_period_are_pruned_with_it(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    folder = tmp_path / "backups"
    old = backups.take(svc.db.path, folder, "manual", dt.datetime(2020, 5, 1, 9, 0))
    kept = backups.take(svc.db.path, folder, "manual", dt.datetime(2022, 5, 1, 9, 0))
    retention = _retention(svc)
    assert retention.prune_backups(folder, TODAY) == []  # off: nothing goes
    retention.set_years(5)
    assert retention.prune_backups(folder, TODAY) == [old]
    assert not old.exists() and kept.exists()
    assert services_audit_targets(svc) == ["backups taken before 2021-06-15"]
    detail = svc.audit.rows(action="purge")[0].detail
    assert detail == f"file {old.name}"  # each file named; shown translated in the viewer
    svc.close()


def services_audit_targets(svc) -> list[str]:
    return [r.target for r in svc.audit.rows(action=AuditAction.PURGE.value)]


def test_a_purged_person_is_gone_from_the_database_file(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    svc = open_services(path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    case_id = _case(svc)
    _age(svc, case_id)

    def file_bytes() -> bytes:
        svc.db.dispose()  # no connection holds the WAL open
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return b"".join(p.read_bytes() for p in tmp_path.glob("station.sqlite*"))

    before = file_bytes()
    secrets = [NAME.encode(), PHONE.encode(), ID_NUMBER.encode(), b"7745566"]
    assert all(secret in before for secret in secrets)  # the file does hold them first
    retention = _retention(svc)
    retention.set_years(5)
    assert retention.purge(TODAY) == 1
    after = file_bytes()
    assert "反映村口路灯不亮".encode() in after  # the case is still there
    for secret in secrets:
        assert secret not in after, secret
        assert secret.decode().encode("gbk") not in after
    svc.close()


def test_a_backup_from_before_a_purge_is_purged_again_when_restored(tmp_path: Path) -> None:
    from desktop.services import backups as svc_backups

    path = tmp_path / "station.sqlite"
    svc = open_services(path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    case_id = _case(svc)
    _age(svc, case_id)
    backup = svc.backups.take("manual")  # the person is in it
    figures, states = svc.county.figures(2019, use_cache=False), svc.feedback.state_counts()
    _retention(svc).set_years(5)
    assert _retention(svc).purge(TODAY) == 1
    restored = svc.backups.restore(svc_backups.choice_of(backup))  # closes the services
    assert restored.purged == 1  # the clerk is told
    svc = open_services(path, today=lambda: TODAY)
    try:
        everything = _everything(*_stored(svc, case_id))
        assert NAME not in everything and PHONE not in everything
        assert "反映村口路灯不亮" in everything  # the case came back, without the person
        assert svc.county.figures(2019, use_cache=False) == figures
        assert svc.feedback.state_counts() == states
        assert _retention(svc).years() == 5  # the period stays in force
        rows = svc.audit.rows(limit=3)  # newest first, all from the one restore
        assert [r.action for r in rows] == ["purge", "settings", "restore"]
        assert rows[0].target == "1 cases" and "2021-06-15" in rows[0].detail
    finally:
        svc.close()


def _closed_by_way_of_a_department(net: Network, name: str, phone: str) -> uuid.UUID:
    station = net.stations["WJ-03"]
    case_id = _case(station, close=False, name=name, phone=phone, on_the_spot=False)
    station.casework.refer(case_id, net.department, referred_on=dt.date(2019, 3, 2))
    station.casework.act(
        case_id,
        CaseAction.REPLY,
        {"text": f"{name}同志：路灯已修复", "replied_on": "2019-03-20", "outcome": "A"},
    )
    answer_back(station, case_id, dt.date(2019, 3, 25))
    station.casework.act(case_id, CaseAction.CLOSE, {})
    return case_id


def test_a_purge_travels_from_the_owner_and_stays_home_elsewhere(tmp_path: Path) -> None:
    net = Network(tmp_path)
    try:
        net.roster("WJ-03")
        station, county = net.stations["WJ-03"], net.county
        ours = _closed_by_way_of_a_department(net, NAME, PHONE)  # the station purges it
        theirs = _closed_by_way_of_a_department(net, "钱小红", "13900002222")  # the county does
        _age(station, ours)

        def send() -> None:
            for path in net.to_county("WJ-03").files:
                county.bundles.apply(path)

        send()
        assert _stored(county, ours)[0].phone == PHONE
        figures = county.county.figures(2019, use_cache=False)
        for site in (station, county):
            _retention(site).set_years(5)
        assert _retention(station).purge(TODAY) == 1  # ``theirs`` is recent here
        send()
        # The station owns the case: its purge is a new version, and the county's copy takes it.
        copy, _, files = _stored(county, ours)
        assert all(getattr(copy, f) == "" for f in FeedbackCase.personal_fields)
        assert NAME not in copy.content and PHONE not in copy.content
        assert copy.state == "closed" and files == [(True, "", b"")]
        assert not any(NAME in f"{e.note}{e.payload}" for e in _stored(county, ours)[1])
        assert NAME not in copy.reply_text
        assert county.county.figures(2019, use_cache=False) == figures
        # The county owns nothing of the station's: its purge clears its own copy only.
        _age(county, theirs)
        version = _stored(county, theirs)[0].version
        assert _retention(county).purge(TODAY) == 1
        assert _stored(county, theirs)[0].person_name == ""
        assert _stored(county, theirs)[0].version == version
        for path in net.to_station("WJ-03").files:
            station.bundles.apply(path)
        assert _stored(station, theirs)[0].person_name == "钱小红"
    finally:
        net.close()


def test_a_case_is_due_by_when_it_closed_not_when_it_came_in(services) -> None:
    case_id = _case(services)  # received in 2019, every step taken today
    retention = _retention(services)
    retention.set_years(5)
    assert retention.due(TODAY) == 0
    _age(services, case_id)
    assert retention.due(TODAY) == 1
    with services.db.write() as s:  # closed only last year, after years answered
        s.execute(
            update(CaseEvent)
            .where(CaseEvent.case_id == case_id, CaseEvent.kind == "closed")
            .values(at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC))
        )
    assert retention.due(TODAY) == 0
    assert retention.due(dt.date(2030, 6, 2)) == 1


def test_a_site_taking_a_purged_version_can_forget_the_name_in_its_steps(services) -> None:
    """What bundle_merge calls when another site's purged version replaces a copy here."""
    purged = _case(services)
    edited = _case(services, name="钱小红", phone="13900002222")
    blank = dict.fromkeys(FeedbackCase.personal_fields, "")
    with services.db.write() as s:
        names = forgotten_names(s, [{"id": purged, **blank}, {"id": edited, "phone": "1"}])
        assert names == {purged: [NAME]}
        forget_in_steps(s, names)
    steps = " ".join(f"{e.note}{e.payload}" for e in _stored(services, purged)[1])
    assert NAME not in steps and PHONE not in steps and "路灯已报修" in steps
    assert "钱小红" in " ".join(f"{e.note}{e.payload}" for e in _stored(services, edited)[1])
