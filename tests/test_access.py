"""Roles, sign-in and passwords (issue 9 point 6, reliability row 28's sign-in rows)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import SiteDraft
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.services import open_services
from desktop.services.access import (
    LAST_MANAGER,
    NO_MANAGER,
    NOT_PERMITTED,
    SHORT_PASSWORD,
    TRIES_BEFORE_WAIT,
    WAIT_BEFORE_TRYING,
    WAIT_SECONDS,
    WRONG_CURRENT,
    WRONG_PASSWORD,
    WRONG_ROLE,
)
from tests.conftest import TODAY

pytestmark = pytest.mark.backends

PASSWORD = "Lu-deng-bu-liang-42"
P = Permission
# What each role's duties need, as the issue names them: a clerk records and prints masked;
# a station head and an administrator do everything; a county officer reads people in full
# but neither exports lists of them nor manages the site.
EXPECTED = {
    Role.CLERK: set(),
    Role.STATION_HEAD: {
        P.REVEAL,
        P.PRINT_UNMASKED,
        P.EXPORT_PERSONAL,
        P.RESTORE,
        P.MANAGE,
        P.KEEP_DEPARTMENTS,
    },
    Role.OFFICER: {P.REVEAL, P.PRINT_UNMASKED, P.KEEP_DEPARTMENTS},
    Role.ADMIN: {
        P.REVEAL,
        P.PRINT_UNMASKED,
        P.EXPORT_PERSONAL,
        P.RESTORE,
        P.MANAGE,
        P.KEEP_DEPARTMENTS,
    },
}


def _county(new_db: Callable[..., Path | str]):
    svc = open_services(new_db("county"), today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    return svc


def _refused(act: Callable[[], object]) -> str:
    with pytest.raises(ServiceError) as caught:
        act()
    return caught.value.message


def test_each_signed_in_role_may_what_its_duties_need_and_no_more(services, new_db) -> None:
    county = _county(new_db)
    try:
        for svc, roles in ((services, (Role.CLERK, Role.STATION_HEAD)),
                           (county, (Role.OFFICER, Role.ADMIN))):  # fmt: skip
            for role in roles:
                svc.access.add_user(role.value, role.value, role, PASSWORD)
            svc.access.set_sign_in_required(True)
            for role in roles:
                svc.access.sign_in(role.value, PASSWORD)
                assert svc.access.role() is role
                for permission in Permission:
                    allowed = permission in EXPECTED[role]
                    assert svc.access.may(permission) is allowed, (role, permission)
                    if allowed:
                        svc.access.require(permission)
                    else:
                        refusal = _refused(lambda p=permission, a=svc.access: a.require(p))
                        assert refusal == NOT_PERMITTED[permission]
                svc.access.sign_out()
    finally:
        county.close()


def test_without_sign_in_the_person_at_the_pc_is_the_sites_senior_role(services, new_db) -> None:
    county = _county(new_db)
    try:
        assert not services.access.sign_in_required()
        assert services.access.role() is Role.STATION_HEAD
        assert county.access.role() is Role.ADMIN
        assert all(county.access.may(p) for p in Permission)
    finally:
        county.close()


def test_with_sign_in_on_nobody_signed_in_is_a_clerk(services) -> None:
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.set_sign_in_required(True)
    assert services.access.role() is Role.CLERK
    assert not any(services.access.may(p) for p in Permission)
    assert (
        _refused(lambda: services.access.add_user("x", "x", Role.CLERK, PASSWORD))
        == (NOT_PERMITTED[Permission.MANAGE])
    )


def test_a_password_is_never_stored_in_plain_text(tmp_path: Path) -> None:
    db_path = tmp_path / "station.sqlite"  # the bytes of a file: SQLite
    svc = open_services(db_path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    svc.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    svc.access.set_password("zhang", PASSWORD + "-new")
    svc.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    svc.access.sign_in("li", PASSWORD)
    svc.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        hashes = [h for (h,) in conn.execute("SELECT password_hash FROM users")]
    data = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert len(hashes) == 2 and all(h.startswith("scrypt$") for h in hashes)
    assert b"users" in data and "张站长".encode() in data  # the file was read, users and all
    for secret in (PASSWORD, PASSWORD + "-new"):
        assert secret.encode() not in data
        assert secret.encode("utf-16-le") not in data
    assert len(set(hashes)) == 2  # each hash has its own salt: one password, two hashes


def test_a_wrong_password_is_refused_and_audited(services) -> None:
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.set_sign_in_required(True)
    for login, password in (("zhang", "wrong-password"), ("nobody", PASSWORD)):
        assert _refused(lambda a=login, b=password: services.access.sign_in(a, b)) == (
            WRONG_PASSWORD
        )
    assert services.access.user is None and services.access.role() is Role.CLERK
    failed = services.audit.rows(action=AuditAction.SIGN_IN_FAILED.value, newest_first=False)
    assert [r.target for r in failed] == ["zhang", "nobody"]
    assert all("wrong-password" not in r.detail for r in failed)
    services.access.sign_in("zhang", PASSWORD)
    assert services.audit.count(AuditAction.SIGN_IN.value) == 1


def test_a_disabled_user_cannot_sign_in(services) -> None:
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    services.access.set_active("li", False)
    assert _refused(lambda: services.access.sign_in("li", PASSWORD)) == WRONG_PASSWORD
    services.access.set_active("li", True)
    assert services.access.sign_in("li", PASSWORD).role is Role.CLERK


def fake_clock(monkeypatch, *accesses) -> list[float]:
    """One clock (seconds since 1970) for the audit log's stamps and the sign-in wait of
    ``accesses``: a test moves time on by raising ``now[0]``."""
    from desktop.db import audit as chain

    now = [float(int(time.time()))]  # whole seconds: the stamps keep microseconds
    monkeypatch.setattr(chain, "utcnow", lambda: dt.datetime.fromtimestamp(now[0], dt.UTC))
    for access in accesses:
        access._clock = lambda: now[0]
    return now


def _five_wrong(access, login: str = "zhang") -> None:
    for _ in range(TRIES_BEFORE_WAIT):
        assert access.wait_left(login) == 0
        _refused(lambda: access.sign_in(login, "wrong-password"))


def test_five_wrong_tries_in_a_row_make_the_next_one_wait(services, monkeypatch) -> None:
    now = fake_clock(monkeypatch, services.access)
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    _five_wrong(services.access)
    assert services.access.wait_left("zhang") == WAIT_SECONDS
    assert services.access.wait_left() == WAIT_SECONDS  # the dialog, before anyone types
    assert services.access.wait_left("li") == 0  # each login its own row of tries
    # Even the right password waits, and the try during the wait is not counted.
    assert _refused(lambda: services.access.sign_in("zhang", PASSWORD)) == WAIT_BEFORE_TRYING
    assert services.audit.count(AuditAction.SIGN_IN_FAILED.value) == TRIES_BEFORE_WAIT
    now[0] += WAIT_SECONDS - 1
    assert services.access.wait_left("zhang") == 1
    now[0] += 1
    assert services.access.sign_in("zhang", PASSWORD).login == "zhang"
    assert services.access.wait_left("zhang") == 0  # a success ends the row
    assert services.access.wait_left() == 0


def test_the_wait_holds_when_the_program_is_opened_again(any_db_url, monkeypatch) -> None:
    """Closing the program, or running the command line again, does not start the count
    afresh: the wrong tries are read back from the audit log."""
    svc = open_services(any_db_url, today=lambda: TODAY)
    now = fake_clock(monkeypatch, svc.access)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    svc.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    _five_wrong(svc.access)
    svc.close()
    again = open_services(any_db_url, today=lambda: TODAY)
    try:
        again.access._clock = lambda: now[0]
        now[0] += 10
        assert again.access.wait_left("zhang") == WAIT_SECONDS - 10
        assert again.access.wait_left() == WAIT_SECONDS - 10
        assert _refused(lambda: again.access.sign_in("zhang", PASSWORD)) == WAIT_BEFORE_TRYING
        now[0] += WAIT_SECONDS
        _refused(lambda: again.access.sign_in("zhang", "wrong-again"))
        assert again.access.wait_left("zhang") == WAIT_SECONDS  # the sixth waits as well
        # A clock set back since the wrong tries does not shut the login out for years.
        now[0] -= 3600
        assert again.access.wait_left("zhang") == 0
    finally:
        again.close()


def test_a_read_only_database_counts_the_wrong_tries_itself(tmp_path: Path, monkeypatch) -> None:
    from desktop.db.engine import Database
    from desktop.services.access import Access

    path = tmp_path / "station.sqlite"
    svc = open_services(path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    svc.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    svc.close()
    db = Database(path, read_only=True)
    try:
        access = Access(db, lambda: False)
        now = fake_clock(monkeypatch, access)
        _five_wrong(access)
        assert access.wait_left("zhang") == WAIT_SECONDS and access.wait_left() == WAIT_SECONDS
        now[0] += WAIT_SECONDS
        assert access.sign_in("zhang", PASSWORD).login == "zhang"
        assert access.wait_left("zhang") == 0
    finally:
        db.dispose()


def test_the_last_manager_cannot_be_disabled_while_sign_in_is_on(services) -> None:
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    services.access.set_sign_in_required(True)
    services.access.sign_in("zhang", PASSWORD)
    assert _refused(lambda: services.access.set_active("zhang", False)) == LAST_MANAGER
    assert [u.active for u in services.access.users() if u.login == "zhang"] == [True]
    services.access.set_active("li", False)  # a clerk may go
    services.access.set_sign_in_required(False)
    services.access.set_active("zhang", False)  # with sign-in off, so may the head
    assert not any(u.active for u in services.access.users())


def test_sign_in_cannot_be_turned_on_without_an_active_manager(services) -> None:
    assert _refused(lambda: services.access.set_sign_in_required(True)) == NO_MANAGER
    services.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    assert _refused(lambda: services.access.set_sign_in_required(True)) == NO_MANAGER
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.set_active("zhang", False)
    assert _refused(lambda: services.access.set_sign_in_required(True)) == NO_MANAGER
    assert not services.access.sign_in_required()
    services.access.set_active("zhang", True)
    services.access.set_sign_in_required(True)
    assert services.access.sign_in_required()


def test_users_get_only_their_sites_roles_and_long_passwords(services, new_db) -> None:
    assert _refused(lambda: services.access.add_user("w", "w", Role.OFFICER, PASSWORD)) == (
        WRONG_ROLE
    )
    assert _refused(lambda: services.access.add_user("w", "w", Role.CLERK, "short")) == (
        SHORT_PASSWORD
    )
    county = _county(new_db)
    try:
        assert county.access.roles() == (Role.OFFICER, Role.ADMIN)
        assert _refused(lambda: county.access.add_user("w", "w", Role.CLERK, PASSWORD)) == (
            WRONG_ROLE
        )
    finally:
        county.close()
    assert services.access.users() == []


def test_changing_ones_own_password_needs_the_present_one(services) -> None:
    services.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    services.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    services.access.set_sign_in_required(True)
    services.access.sign_in("li", PASSWORD)
    assert _refused(lambda: services.access.change_own_password("guess", "new-pass-123")) == (
        WRONG_CURRENT
    )
    # A clerk may not set another user's password.
    assert (
        _refused(lambda: services.access.set_password("zhang", "new-pass-123"))
        == (NOT_PERMITTED[Permission.MANAGE])
    )
    services.access.change_own_password(PASSWORD, "new-pass-123")
    services.access.sign_out()
    assert _refused(lambda: services.access.sign_in("li", PASSWORD)) == WRONG_PASSWORD
    assert services.access.sign_in("li", "new-pass-123").login == "li"


def test_a_reveal_is_refused_to_a_clerk_and_recorded_for_a_head(services) -> None:
    """The rule and the record live in the service, whatever window asks."""
    from desktop.domain.errors import ServiceError
    from desktop.domain.roles import AuditAction, Role

    services.access.add_user("head", "覃站长", Role.STATION_HEAD, "password-1")
    services.access.add_user("clerk", "李文员", Role.CLERK, "password-2")
    services.access.set_sign_in_required(True)
    services.access.sign_in("clerk", "password-2")
    with pytest.raises(ServiceError):
        services.access.reveal("S01-2026-0001")
    assert services.audit.count(AuditAction.REVEAL.value) == 0
    services.access.sign_out()
    services.access.sign_in("head", "password-1")
    services.access.reveal("S01-2026-0001")
    assert [r.target for r in services.audit.rows(action=AuditAction.REVEAL.value)] == [
        "S01-2026-0001"
    ]
