"""A clerk's first day through the window, driven by qtbot, then the database reopened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from desktop.domain.enums import SiteRole
from desktop.services import open_services
from desktop.ui.dialogs.activity import ActivityDialog
from desktop.ui.dialogs.case import CaseDialog
from desktop.ui.dialogs.deputy import DeputyDialog
from desktop.ui.dialogs.duty import DutyDayDialog
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from desktop.ui.setup_dialog import SetupDialog
from tests.gui_helpers import when_modal

TODAY = dt.date(2026, 6, 15)


def _open(path: Path):
    return open_services(path, today=lambda: TODAY)


@pytest.fixture
def window(qtbot, qapp, tmp_path: Path):
    install_translators(qapp, "zh_CN")
    win = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    win._opener = _open
    qtbot.addWidget(win)
    win.show()
    return win


def _choose(combo, member) -> None:
    combo.setCurrentIndex(combo.findData(member.value))


def _fill_setup(dialog: SetupDialog) -> None:
    _choose(dialog.role, SiteRole.STATION)
    dialog.name.setText("黄姚镇大田村代表联络站")
    dialog.code.setText("S07")
    dialog.township.setText("黄姚镇")
    dialog.save()


def _fill_deputy(qtbot, dialog: DeputyDialog) -> None:
    dialog.name.setText("张晓明")
    dialog.phone.setText("138 1234 8000")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Enter in a one-line field saves


def _fill_duty_day(qtbot, dialog: DutyDayDialog) -> None:
    qtbot.keyClicks(dialog.deputies.search, "zxm")
    qtbot.keyClick(dialog.deputies.search, Qt.Key.Key_Return)  # ticks the one match
    assert dialog.isVisible(), "Enter in the picker's search must not save the form"
    dialog.people.setValue(9)
    dialog.summary.setFocus()
    dialog.summary.insertPlainText("接待群众九人")  # QTest can only type ASCII keys
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _fill_case(qtbot, dialog: CaseDialog) -> None:
    dialog.person.setText("赵大山")
    dialog.phone.setText("13912345678")
    dialog.village.setText("大田村")
    dialog.content.setPlainText("村口路灯不亮，晚上出行不便")
    dialog.deputies.set_checked(dialog.deputies.list.item(0).data(Qt.ItemDataRole.UserRole))
    dialog.save()


def _fill_activity(qtbot, dialog: ActivityDialog) -> None:
    dialog.title_edit.setText("视察农村饮水安全工程")
    qtbot.keyClicks(dialog.picker.search, "zhangxiao")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1
    dialog.save()


def test_a_clerks_first_day(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    done = when_modal(SetupDialog, _fill_setup)
    assert window.open_database(path)
    assert done and window.services.site.current().code == "S07"

    window.tabs.setCurrentWidget(window.deputies_tab)
    done = when_modal(DeputyDialog, lambda d: _fill_deputy(qtbot, d))
    qtbot.mouseClick(window.deputies_tab.add_button, Qt.MouseButton.LeftButton)
    assert done and window.deputies_tab.model.rowCount() == 1
    qtbot.waitUntil(lambda: "1" in window.count_label.text())  # the count follows the rows

    window.tabs.setCurrentWidget(window.duty_tab)
    done = when_modal(DutyDayDialog, lambda d: _fill_duty_day(qtbot, d))
    window.duty_tab.duty_days.add()
    assert done and window.duty_tab.duty_days.model.rowCount() == 1

    window.tabs.setCurrentWidget(window.feedback_tab)
    done = when_modal(CaseDialog, lambda d: _fill_case(qtbot, d))
    window.feedback_tab.add()
    assert done and window.feedback_tab.model.rowCount() == 1

    window.tabs.setCurrentWidget(window.activities_tab)
    done = when_modal(ActivityDialog, lambda d: _fill_activity(qtbot, d))
    window.activities_tab.add()
    assert done and window.activities_tab.model.rowCount() == 1
    window.close()

    reopened = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    reopened._opener = _open
    qtbot.addWidget(reopened)
    assert reopened.open_database(path)
    for index in range(reopened.tabs.count()):  # each tab loads when first shown
        reopened.tabs.setCurrentIndex(index)
    deputy = reopened.deputies_tab.model.row_at(0)
    assert (deputy.name, deputy.phone) == ("张晓明", "13812348000")
    day = reopened.duty_tab.duty_days.model.row_at(0)
    assert (day.deputy_names, day.people_received, day.summary) == (("张晓明",), 9, "接待群众九人")
    case = reopened.feedback_tab.model.row_at(0)
    assert (case.person_name, case.village, case.deputy_names) == ("赵大山", "大田村", ("张晓明",))
    activity = reopened.activities_tab.model.row_at(0)
    assert [p.deputy_name for p in activity.participants] == ["张晓明"]
    reopened.close()


def test_a_bad_field_is_explained_beside_it_in_chinese(qtbot, qapp, services) -> None:
    install_translators(qapp, "zh_CN")
    dialog = DeputyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.phone.setText("12345")
    dialog.save()
    assert dialog.isVisible() and dialog.saved_row is None
    for field in ("name", "phone"):
        text = dialog.field_error(field)
        assert text and any("\u4e00" <= ch <= "\u9fff" for ch in text), (field, text)
    assert services.deputies.list() == []


def test_an_ime_commit_never_submits_the_form(qtbot, services) -> None:
    dialog = DeputyDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setFocus()
    # What an input method sends when Enter confirms a candidate: a commit, not a key press.
    event = QInputMethodEvent("", [])
    event.setCommitString("张晓明")
    qapp_send = dialog.name.inputMethodEvent
    qapp_send(event)
    assert dialog.name.text() == "张晓明"
    assert dialog.isVisible() and dialog.saved_row is None
    assert services.deputies.list() == []


def test_delete_asks_first_and_then_tombstones(
    qtbot, window: MainWindow, services, monkeypatch
) -> None:
    from desktop.domain.records import DeputyDraft
    from desktop.ui import prompts

    services.deputies.create(DeputyDraft("王芳"))
    window.attach(services)
    window.deputies_tab.table.selectRow(0)
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    window.deputies_tab.delete_current()
    assert window.deputies_tab.model.rowCount() == 1
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    window.deputies_tab.delete_current()
    assert window.deputies_tab.model.rowCount() == 0


def test_edit_dialogs_open_on_the_records_own_choices(qtbot, services) -> None:
    from desktop.domain.records import ActivityDraft, CaseDraft, DeputyDraft, ParticipantDraft

    station = services.site.current().station_id
    deputy = services.deputies.create(DeputyDraft("王芳", station_ids=(station,)))
    kind = services.reference.activity_kinds()[-1]
    category = services.reference.categories()[-1]
    activity = services.activities.create(
        ActivityDraft(
            kind.id, TODAY, station, title="旁听", participants=(ParticipantDraft(deputy.id),)
        )
    )
    case = services.feedback.register(
        CaseDraft(station, TODAY, person_name="赵大山", content="路灯", category_id=category.id)
    )
    a_dialog = ActivityDialog(services, TODAY, activity)
    c_dialog = CaseDialog(services, TODAY, case)
    for dialog in (a_dialog, c_dialog):
        qtbot.addWidget(dialog)
    assert a_dialog.kind.currentData() == kind.id
    assert a_dialog.picker.chosen_ids() == (deputy.id,)
    assert c_dialog.category.currentData() == category.id
    assert c_dialog.station.currentData() == station


def test_the_county_confirms_a_stations_deputy_from_the_tab(qtbot, tmp_path: Path) -> None:
    import uuid

    from desktop.db.models import Deputy
    from desktop.domain.enums import RosterStatus
    from desktop.domain.records import SiteDraft
    from desktop.ui.tabs.deputies import DeputiesTab

    county = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    county.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "县人大常委会代表工委"))
    with county.db.write(remote=True) as s:
        other = uuid.uuid4()
        s.add(
            Deputy(
                id=uuid.uuid4(),
                name="李建国",
                roster_status="provisional",
                created_site_id=other,
                owner_site_id=other,
                is_township_level=True,
            )
        )
    tab = DeputiesTab()
    qtbot.addWidget(tab)
    tab.attach(county)
    tab.show()
    assert tab.confirm_button.isVisible() and not tab.confirm_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.confirm_button.isEnabled()
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert tab.model.row_at(0).roster_status is RosterStatus.CONFIRMED
    county.close()


def test_a_database_from_a_newer_program_is_refused_with_a_clear_message(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from sqlalchemy import text

    from desktop.ui import prompts

    path = tmp_path / "future.sqlite"
    services = open_services(path)
    with services.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    services.close()
    shown: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _title, text: shown.append(text))
    assert not window.open_database(path)
    assert len(shown) == 1 and "更高版本" in shown[0]
    assert window.services is None
