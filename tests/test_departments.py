"""The departments cases are referred to (承办单位): added at any site, changed and removed only
where they were added, travelling in bundles; the 管理 → 承办单位 dialog and the referral step."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from desktop.db.models import Department
from desktop.domain.enums import DepartmentLevel
from desktop.domain.errors import DraftInvalid, ServiceError
from desktop.domain.records import CaseDraft
from desktop.domain.roles import Permission, Role
from desktop.domain.workflow import CaseAction
from desktop.services import Services
from desktop.services.access import NOT_PERMITTED
from desktop.services.audit import phrase
from desktop.services.common import NOT_OWNER
from desktop.services.departments import (
    CODE_TAKEN,
    NAME_TAKEN,
    TOWNSHIP_NEEDED,
    DepartmentDraft,
)
from desktop.services.programmes import STILL_USED
from desktop.ui import prompts
from desktop.ui.dialogs.departments import DepartmentDialog, DepartmentsDialog, menu_path
from desktop.ui.dialogs.steps import StepDialog
from desktop.ui.i18n import install_translators, translated
from tests.bundle_fixtures import STATIONS, Network, rows

TODAY = dt.date(2026, 6, 15)
PASSWORD = "Lu-deng-bu-liang-42"
BUREAU = "县交通运输局"


def _case(services: Services) -> uuid.UUID:
    station = services.site.current().station_id
    draft = CaseDraft(station, TODAY, anonymous=True, content="村口路灯不亮")
    return services.feedback.register(draft).id


def _refused(act: Callable[[], object]) -> dict[str, str]:
    """The fields a refused draft names, each with its message's English source."""
    with pytest.raises(DraftInvalid) as refused:
        act()
    return {name: exc.message for name, exc in refused.value.errors.items()}


def _as(services: Services, role: Role) -> None:
    """Signs in a new user of ``role`` (added by the station head, as nobody is signed in)."""
    if services.access.user is not None:
        services.access.sign_out()
    login = f"u{len(services.access.users())}"
    services.access.add_user(login, "李文员", role, PASSWORD)
    services.access.sign_in(login, PASSWORD)


@pytest.fixture
def net(tmp_path: Path, new_db) -> Iterator[Network]:
    network = Network(tmp_path, ("WJ-03",), new_db("county"))
    yield network
    network.close()


# --- the service ------------------------------------------------------------------------------


@pytest.mark.backends
def test_a_department_is_added_with_a_made_code_and_offered_for_referral(services) -> None:
    departments = services.departments
    bureau = departments.add(DepartmentDraft(f"  {BUREAU} "))
    town = services.reference.townships()[0]
    government = departments.add(
        DepartmentDraft("黄姚镇人民政府", DepartmentLevel.TOWNSHIP, town.id)
    )
    typed = departments.add(DepartmentDraft("县水利局", code="SLJ"))
    assert (bureau.name, bureau.code, bureau.own) == (BUREAU, "S01-001", True)
    assert (government.code, government.township_name) == ("S01-002", "黄姚镇")
    assert typed.code == "SLJ"
    # The same name of another kind, or of another township, is another department.
    departments.add(DepartmentDraft(BUREAU, DepartmentLevel.TOWNSHIP, town.id))
    assert {d.name for d in services.reference.departments()} == {
        BUREAU, "黄姚镇人民政府", "县水利局"
    }  # fmt: skip
    # Written like every travelling record: stamped with this site and a change sequence.
    with services.db.read() as s:
        stored = s.get(Department, bureau.id)
        assert stored.owner_site_id == services.site.current().id and stored.change_seq > 0


@pytest.mark.backends
def test_refused_drafts_name_their_fields_and_write_nothing(services) -> None:
    departments = services.departments
    bureau = departments.add(DepartmentDraft(BUREAU, code="JTJ"))
    before = rows(services, "departments")
    add = departments.add
    assert _refused(lambda: add(DepartmentDraft("  "))) == {"name": "This field is required."}
    assert _refused(lambda: add(DepartmentDraft(BUREAU))) == {"name": NAME_TAKEN}
    assert _refused(lambda: add(DepartmentDraft("县水利局", code=" JTJ "))) == {"code": CODE_TAKEN}
    no_town = DepartmentDraft("镇农业农村办", DepartmentLevel.TOWNSHIP)
    assert _refused(lambda: add(no_town)) == {"township_id": TOWNSHIP_NEEDED}
    other = departments.add(DepartmentDraft("县水利局"))
    renamed = DepartmentDraft(BUREAU)
    assert _refused(lambda: departments.update(other.id, renamed)) == {"name": NAME_TAKEN}
    with pytest.raises(DraftInvalid) as refused:
        add(DepartmentDraft(BUREAU, code="JTJ"))
    assert str(refused.value.errors["name"]).startswith(f"“{BUREAU}”")
    assert str(refused.value.errors["code"]) == CODE_TAKEN.format(code="JTJ", name=BUREAU)
    after = rows(services, "departments")
    assert {i: r for i, r in after.items() if i != other.id} == before
    assert departments.get(bureau.id).name == BUREAU


@pytest.mark.backends
def test_only_a_role_above_the_clerk_changes_or_removes_but_a_clerk_adds(services) -> None:
    departments = services.departments
    bureau = departments.add(DepartmentDraft(BUREAU))
    _as(services, Role.CLERK)
    added = departments.add(DepartmentDraft("县水利局"))  # a referral cannot wait
    for act in (
        lambda: departments.update(bureau.id, DepartmentDraft("县交通局")),
        lambda: departments.remove(added.id),
    ):
        with pytest.raises(ServiceError) as refused:
            act()
        assert refused.value.message == NOT_PERMITTED[Permission.KEEP_DEPARTMENTS]
    assert {d.name for d in departments.list()} == {BUREAU, "县水利局"}
    _as(services, Role.STATION_HEAD)
    changed = departments.update(bureau.id, DepartmentDraft("县交通局"), bureau.version)
    assert (changed.name, changed.code, changed.version) == ("县交通局", bureau.code, 2)
    departments.remove(added.id, added.version)
    assert [d.name for d in services.reference.departments()] == ["县交通局"]


@pytest.mark.backends
def test_a_department_a_case_was_referred_to_stays(services) -> None:
    departments = services.departments
    lead = departments.add(DepartmentDraft(BUREAU))
    helper = departments.add(DepartmentDraft("县水利局"))
    spare = departments.add(DepartmentDraft("县林业局"))
    services.casework.refer(_case(services), lead.id, (helper.id,), TODAY)
    before = rows(services, "departments")
    for department in (lead, helper):
        with pytest.raises(ServiceError) as refused:
            departments.remove(department.id)
        assert refused.value.message == STILL_USED and refused.value.args_map["count"] == "1"
    assert rows(services, "departments") == before
    departments.remove(spare.id)
    assert {d.name for d in departments.list()} == {BUREAU, "县水利局"}
    assert services.audit.rows(limit=1)[0].target == phrase("department {name}", name="县林业局")


@pytest.mark.backends
def test_a_county_department_reaches_the_station_and_takes_its_referrals(net) -> None:
    county, station = net.county, net.stations["WJ-03"]
    bureau = county.departments.add(DepartmentDraft(BUREAU))
    net.roster("WJ-03")
    there = {d.id: d for d in station.departments.list()}[bureau.id]
    assert (there.name, there.own, there.origin) == (BUREAU, False, county.site.current().name)
    for act in (
        lambda: station.departments.update(bureau.id, DepartmentDraft("县交通局")),
        lambda: station.departments.remove(bureau.id),
    ):
        with pytest.raises(ServiceError) as refused:
            act()
        assert refused.value.message == NOT_OWNER
    case = _case(station)
    station.casework.refer(case, bureau.id, referred_on=TODAY)
    county.departments.update(bureau.id, DepartmentDraft("县交通局"))
    net.roster("WJ-03")
    assert station.feedback.get(case).department_name == "县交通局"
    for path in net.to_county("WJ-03").files:
        county.bundles.apply(path)
    assert county.feedback.get(case).department_id == bureau.id
    with pytest.raises(ServiceError) as refused:  # the station's referral arrived
        county.departments.remove(bureau.id)
    assert refused.value.message == STILL_USED


@pytest.mark.backends
def test_a_station_department_reaches_the_county(net) -> None:
    county, station = net.county, net.stations["WJ-03"]
    town = {t.name: t.id for t in station.reference.townships()}[STATIONS["WJ-03"][1]]
    office = station.departments.add(
        DepartmentDraft("望江镇农业农村办", DepartmentLevel.TOWNSHIP, town)
    )
    for path in net.to_county("WJ-03").files:
        county.bundles.apply(path)
    there = {d.id: d for d in county.departments.list()}[office.id]
    assert (there.name, there.township_name, there.own) == ("望江镇农业农村办", "望江镇", False)
    assert there.origin == STATIONS["WJ-03"][0]
    with pytest.raises(ServiceError) as refused:
        county.departments.update(office.id, DepartmentDraft("望江镇农业办"))
    assert refused.value.message == NOT_OWNER
    # The county adds its own for every station; a station then uses the county's.
    bureau = DepartmentDraft(BUREAU)
    station.departments.add(bureau)
    for path in net.to_county("WJ-03").files:
        county.bundles.apply(path)
    county.departments.add(bureau)
    net.roster("WJ-03")
    assert _refused(lambda: station.departments.add(DepartmentDraft(BUREAU, code="X"))) == {
        "name": NAME_TAKEN
    }


# --- the window -------------------------------------------------------------------------------


def _fill(name: str, level: DepartmentLevel | None = None, code: str = "") -> Callable:
    """Stands for prompts.run_dialog: types into the department form and saves it."""
    seen: list[DepartmentDialog] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, DepartmentDialog)
        seen.append(dialog)
        dialog.name.setText(name)
        if level is not None:
            dialog.level.setCurrentIndex(list(DepartmentLevel).index(level))
        dialog.code.setText(code)
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    run.seen = seen  # type: ignore[attr-defined]
    return run


@pytest.fixture
def station(qapp, services) -> Services:
    install_translators(qapp, "zh_CN")
    return services


def test_the_dialog_adds_one_and_the_referral_step_lists_it(qtbot, station, monkeypatch) -> None:
    dialog = DepartmentsDialog(station)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
    fill = _fill("黄姚镇人民政府", DepartmentLevel.TOWNSHIP)
    monkeypatch.setattr(prompts, "run_dialog", fill)
    dialog.add_button.click()
    assert fill.seen[0].township.isEnabled()  # a township government's township: this one's
    added = dialog.selected()
    assert (added.name, added.township_name, added.code) == ("黄姚镇人民政府", "黄姚镇", "S01-001")
    assert dialog.changed and not dialog.empty.isVisibleTo(dialog)
    assert dialog.edit_button.isEnabled() and dialog.remove_button.isEnabled()
    case = station.feedback.get(_case(station))
    step = StepDialog(station, case, CaseAction.REFER, TODAY)
    qtbot.addWidget(step)
    assert step.department.findText("黄姚镇人民政府") > 0
    assert not step.no_departments.isVisibleTo(step)


def test_a_refused_form_keeps_what_was_typed(qtbot, station, monkeypatch) -> None:
    station.departments.add(DepartmentDraft(BUREAU))
    dialog = DepartmentsDialog(station)
    qtbot.addWidget(dialog)
    fill = _fill(BUREAU, code="JTJ")
    monkeypatch.setattr(prompts, "run_dialog", fill)
    dialog.add_button.click()
    form = fill.seen[0]
    assert form.result() != QDialog.DialogCode.Accepted
    assert BUREAU in form.field_error("name")
    assert (form.name.text(), form.code.text()) == (BUREAU, "JTJ")
    assert dialog.model.rowCount() == 1 and not dialog.changed


def test_buttons_follow_who_added_the_department_and_who_is_signed_in(
    qtbot, qapp, net, monkeypatch
) -> None:
    install_translators(qapp, "zh_CN")
    county, station = net.county, net.stations["WJ-03"]
    net.roster("WJ-03")  # the county's 镇建设办 (tests/bundle_fixtures.py)
    own = station.departments.add(DepartmentDraft(BUREAU))
    dialog = DepartmentsDialog(station)
    qtbot.addWidget(dialog)
    names = [dialog.model.row_at(i).name for i in range(dialog.model.rowCount())]
    dialog.table.selectRow(names.index("镇建设办"))
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()
    assert dialog.edit_button.toolTip() == translated("Service", NOT_OWNER)
    assert dialog.add_button.isEnabled()
    dialog.table.selectRow(names.index(BUREAU))
    assert dialog.edit_button.isEnabled() and dialog.remove_button.isEnabled()
    station.casework.refer(_case(station), own.id, referred_on=TODAY)
    monkeypatch.setattr(prompts, "confirm", lambda *_a: True)
    dialog.remove_button.click()
    assert "1" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert dialog.model.rowCount() == 2 and not dialog.changed
    _as(station, Role.CLERK)
    dialog._enable()
    assert not dialog.edit_button.isEnabled() and dialog.add_button.isEnabled()
    assert dialog.edit_button.toolTip() == translated(
        "Service", NOT_PERMITTED[Permission.KEEP_DEPARTMENTS]
    )
    assert county.departments.list()[0].own  # the county's own, at the county


def test_the_referral_step_says_where_departments_are_added_and_adds_one(
    qtbot, station, monkeypatch
) -> None:
    case = station.feedback.get(_case(station))
    step = StepDialog(station, case, CaseAction.REFER, TODAY)
    qtbot.addWidget(step)
    assert step.no_departments.isVisibleTo(step) and step.department.count() == 1
    manage = translated("MainWindow", "&Manage").replace("(&M)", "")
    assert menu_path().startswith(f"{manage} → ") and menu_path() in step.no_departments.text()
    monkeypatch.setattr(prompts, "run_dialog", _fill(BUREAU))
    step.add_department.click()
    assert step.department.currentText() == BUREAU and not step.no_departments.isVisibleTo(step)
    assert step.co_departments.count() == 1
    step.save()
    referred = station.feedback.get(case.id)
    assert referred.department_name == BUREAU


def test_the_manage_menu_opens_the_departments_at_any_site(qtbot, qapp, tmp_path) -> None:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    net = Network(tmp_path / "net", ("WJ-03",))
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    shown: list[DepartmentsDialog] = []
    try:
        for services in (net.county, net.stations["WJ-03"]):
            window.attach(services)
            action = window.admin_actions.departments_action
            assert action.isEnabled() and action in window.admin_actions.menu.actions()
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(prompts, "run_dialog", lambda d: shown.append(d) or False)
                action.trigger()
    finally:
        window.services = None
        net.close()
    assert [type(d) for d in shown] == [DepartmentsDialog, DepartmentsDialog]
    assert shown[0].model.row_at(0).name == "镇建设办" and shown[0].model.row_at(0).own
