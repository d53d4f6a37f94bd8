"""Sign-in, roles and retention through the window (issue 9 point 6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import SiteRole
from desktop.domain.records import CaseDraft, SiteDraft
from desktop.domain.roles import AuditAction, Permission, Role
from desktop.domain.validation import mask_id_number, mask_phone
from desktop.domain.workflow import CaseAction
from desktop.services import open_services
from desktop.services.access import NO_MANAGER, NOT_PERMITTED, WRONG_PASSWORD
from desktop.ui.dialogs.ledger import LedgerDialog
from desktop.ui.dialogs.retention import RetentionDialog
from desktop.ui.dialogs.sign_in import SignInDialog
from desktop.ui.dialogs.users import UsersDialog
from desktop.ui.i18n import translated
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from tests.gui_helpers import when_modal
from tests.test_access import fake_clock

TODAY = dt.date(2026, 6, 15)
PASSWORD = "Lu-deng-bu-liang-42"
PHONE, ID_NUMBER = "13907745566", "451121198003151233"


def _open(path: Path):
    return open_services(path, today=lambda: TODAY)


def _station(path: Path, *, sign_in: bool = True) -> str:
    """A station with a head, a clerk and one case; the case's number."""
    svc = _open(path)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    case = svc.feedback.register(
        CaseDraft(svc.site.current().station_id, TODAY, person_name="欧阳铁柱", phone=PHONE,
                  id_number=ID_NUMBER, content="村口路灯不亮")
    )  # fmt: skip
    svc.access.add_user("zhang", "张站长", Role.STATION_HEAD, PASSWORD)
    svc.access.add_user("li", "李文员", Role.CLERK, PASSWORD)
    if sign_in:
        svc.access.set_sign_in_required(True)
    svc.close()
    return case.case_number


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    win = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    win._opener = _open
    qtbot.addWidget(win)
    win.show()
    return win


def _as(login: str):
    def sign_in(dialog: SignInDialog) -> None:
        dialog.login.setText(login)
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()

    return sign_in


def _shown_case(window: MainWindow):
    window.tabs.setCurrentWidget(window.feedback_tab)
    detail = window.feedback_tab.detail
    assert detail.case is not None  # the first case is shown
    return detail


def test_sign_in_comes_before_any_record_and_cancel_shows_none(window, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    _station(path)
    asked = when_modal(SignInDialog, lambda d: d.reject())
    window.open_database(path)
    assert asked, "the sign-in dialog was not shown"
    admin = window.admin_actions
    assert window.services is None and not window.tabs.isVisible() and admin.cover.isVisible()
    assert not window.ledger_actions.print_action.isEnabled()
    assert not admin.users_action.isEnabled() and admin.sign_in_action.isEnabled()

    asked = when_modal(SignInDialog, _as("li"))
    admin.cover.button.click()
    assert asked and window.services is not None and window.tabs.isVisible()
    assert window.services.access.user.login == "li"
    _shown_case(window)
    assert window.feedback_tab.model.rowCount() == 1
    assert "李文员" in admin.who_label.text()


def test_a_wrong_password_is_told_beside_the_field_and_five_make_it_wait(
    qtbot, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "desk.sqlite"
    _station(path)
    svc = _open(path)
    now = fake_clock(monkeypatch, svc.access)
    dialog = SignInDialog(svc.access, "黄姚镇大田村代表联络站")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.login.setText("zhang")
    for _ in range(5):
        dialog.password.setText("not-the-password")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.result() == 0  # the dialog stays
    assert svc.audit.count(AuditAction.SIGN_IN_FAILED.value) == 5
    assert not dialog.sign_in_button.isEnabled() and "30" in dialog.error.text()
    now[0] += 30
    dialog.tick()
    assert dialog.sign_in_button.isEnabled()
    dialog.password.setText("wrong-again")
    dialog.sign_in_button.click()
    assert not dialog.sign_in_button.isEnabled()  # from the fifth on, each miss waits
    now[0] += 30
    dialog.tick()
    dialog.password.setText(PASSWORD)
    dialog.sign_in_button.click()
    assert dialog.result() == 1 and svc.access.user.login == "zhang"
    svc.close()


def test_the_first_wrong_password_says_so(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    _station(path)
    svc = _open(path)
    dialog = SignInDialog(svc.access, "")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.login.setText("zhang")
    dialog.password.setText("nearly")
    dialog.sign_in_button.click()
    assert dialog.error.isVisible()
    assert dialog.error.text() == translated("Service", WRONG_PASSWORD)
    assert dialog.password.text() == ""
    svc.close()


def test_a_clerk_can_neither_reveal_nor_print_in_full(window, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    _station(path)
    when_modal(SignInDialog, _as("li"))
    window.open_database(path)
    detail = _shown_case(window)
    assert not detail.reveal_button.isEnabled()
    assert detail.reveal_button.toolTip() == translated("Service", NOT_PERMITTED[Permission.REVEAL])
    shown = detail.facts_shown()
    assert not any(PHONE in text for text in shown if isinstance(text, str))
    ledger = LedgerDialog(window.services, TODAY)
    why = translated("Service", NOT_PERMITTED[Permission.PRINT_UNMASKED])
    assert not ledger.reveal.isEnabled() and ledger.reveal.toolTip() == why
    assert ledger.reveal_refused.text() == why
    ledger.reveal.setChecked(True)  # even ticked from code, the request stays masked
    assert ledger.request().reveal is False
    admin = window.admin_actions
    for action in (admin.users_action, admin.retention_action, admin.audit_action):
        assert not action.isEnabled()
        assert action.toolTip() == translated("Service", NOT_PERMITTED[Permission.MANAGE])


def test_a_clerk_editing_a_case_sees_the_numbers_masked_and_keeps_them(window, tmp_path) -> None:
    from desktop.ui.dialogs.case import CaseDialog

    path = tmp_path / "desk.sqlite"
    _station(path)
    when_modal(SignInDialog, _as("li"))
    window.open_database(path)
    services = window.services
    row = _shown_case(window).case
    dialog = CaseDialog(services, TODAY, row)
    assert dialog.phone.text() == "" and dialog.id_number.text() == ""
    assert dialog.phone.placeholderText() == mask_phone(PHONE)
    assert dialog.id_number.placeholderText() == mask_id_number(ID_NUMBER)
    dialog.village.setText("大田村二组")
    saved = dialog.submit(dialog.build_draft())
    assert (saved.phone, saved.id_number, saved.village) == (PHONE, ID_NUMBER, "大田村二组")


def test_a_station_heads_reveal_is_audited_with_the_case_number(window, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    number = _station(path)
    when_modal(SignInDialog, _as("zhang"))
    window.open_database(path)
    detail = _shown_case(window)
    assert detail.reveal_button.isEnabled()
    assert LedgerDialog(window.services, TODAY).reveal.isEnabled()
    detail.reveal_button.click()
    shown = detail.facts_shown()
    assert PHONE in shown and ID_NUMBER in shown
    rows = window.services.audit.rows(action=AuditAction.REVEAL.value)
    assert [(r.target, r.actor.split()[0], r.role) for r in rows] == [
        (number, "zhang", Role.STATION_HEAD.value)
    ]


def test_sign_out_asks_again_and_cancel_hides_the_records(window, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    _station(path)
    when_modal(SignInDialog, _as("zhang"))
    window.open_database(path)
    services = window.services
    _shown_case(window)
    assert window.feedback_tab.model.rowCount() == 1
    asked = when_modal(SignInDialog, lambda d: d.reject())
    window.admin_actions.sign_out_action.trigger()
    assert asked and window.services is None and not window.tabs.isVisible()
    assert services.access.user is None
    assert services.audit.count(AuditAction.SIGN_OUT.value) == 1
    when_modal(SignInDialog, _as("li"))
    window.admin_actions.sign_in_action.trigger()
    assert window.services is services and services.access.user.login == "li"
    assert window.tabs.isVisible() and not _shown_case(window).reveal_button.isEnabled()


def test_without_sign_in_the_head_manages_and_sign_in_needs_a_head(window, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    svc = _open(path)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    svc.close()
    window.open_database(path)  # no sign-in: no dialog, the senior role
    admin = window.admin_actions
    assert window.services is not None and admin.users_action.isEnabled()
    assert admin.who_label.text() == "" and not admin.sign_out_action.isEnabled()
    users = UsersDialog(window.services.access)
    users.required.setChecked(True)
    assert not users.required.isChecked()  # refused: nobody could turn it off again
    assert users.error.text() == translated("Service", NO_MANAGER)
    assert not window.services.access.sign_in_required()


def test_the_retention_dialog_counts_and_purges(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.ui import prompts

    path = tmp_path / "desk.sqlite"
    number = _station(path, sign_in=False)
    svc = _open(path)
    case = svc.feedback.by_numbers([number])[0]
    svc.casework.act(case.id, CaseAction.ANSWER_ON_SPOT, {"text": "已答复"})
    svc.casework.act(case.id, CaseAction.CLOSE, {})
    # Today's steps are due once five years have passed: the dialog is asked in 2032.
    dialog = RetentionDialog(svc, dt.date(2032, 1, 1), tmp_path / "backups")
    qtbot.addWidget(dialog)
    assert not dialog.enabled.isChecked() and not dialog.purge_button.isEnabled()
    dialog.enabled.setChecked(True)
    assert dialog.years.value() == 5 and dialog.due == 1 and dialog.purge_button.isEnabled()
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    told: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: told.append(text))
    dialog.purge_button.click()
    assert dialog.handle.wait()
    qtbot.waitUntil(lambda: bool(told))
    assert svc.feedback.get(case.id).person_name == "" and dialog.due == 0
    assert svc.audit.count(AuditAction.PURGE.value) == 1
    svc.close()


def test_the_purge_from_the_window_deletes_the_backups_older_than_the_period(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    """Even with no case due: the backups hold the people an earlier purge removed."""
    from desktop.db import backups
    from desktop.ui import prompts

    path = tmp_path / "desk.sqlite"
    _station(path, sign_in=False)  # its one case is open: nothing is due
    folder = backups.folder_for(path)
    old = backups.take(path, folder, "manual", dt.datetime(2020, 5, 1, 9, 0))
    recent = backups.take(path, folder, "manual", dt.datetime(2022, 5, 1, 9, 0))
    window.open_database(path)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    told: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: told.append(text))
    seen: list[tuple[int, int, bool]] = []

    def purge(dialog: RetentionDialog) -> None:
        dialog.enabled.setChecked(True)  # five years: the backups taken before 2021-06-15
        seen.append((dialog.due, dialog.old, dialog.purge_button.isEnabled()))
        dialog.purge_button.click()
        assert dialog.handle.wait()
        qtbot.waitUntil(lambda: bool(told))
        seen.append((dialog.due, dialog.old, dialog.purge_button.isEnabled()))
        dialog.accept()

    shown = when_modal(RetentionDialog, purge)
    window.admin_actions.retention_action.trigger()
    assert shown and seen == [(0, 1, True), (0, 0, False)]
    assert not old.exists() and recent.exists()
    purges = window.services.audit.rows(action=AuditAction.PURGE.value, newest_first=False)
    assert [r.target for r in purges] == ["0 cases", "backups taken before 2021-06-15"]


def test_a_role_s_powers_are_listed_in_the_table_s_order_as_chinese_lists_them(qapp) -> None:
    from desktop.domain.roles import PERMISSION_LABELS, PERMISSIONS
    from desktop.ui.dialogs.users import role_summary
    from desktop.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    shown = role_summary(Role.STATION_HEAD)
    labels = [translated("Roles", PERMISSION_LABELS[p]) for p in Permission]
    assert all(p in PERMISSIONS[Role.STATION_HEAD] for p in Permission)
    assert shown == f"还可以：{'、'.join(labels)}。"  # the same words, every time, no ";"
