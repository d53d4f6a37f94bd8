"""The programmes tab (项目与专项) as a clerk uses it: sections listing what the service holds, the
record form, a vote that does not add up, what a station may add, and the chain of a case."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import SiteRole
from desktop.domain.records import CaseDraft, DeputyDraft, SiteDraft
from desktop.ui.case_detail import CaseDetail
from desktop.ui.dialogs.programme import ProgrammeDialog
from desktop.ui.i18n import install_translators
from desktop.ui.programme_values import parse_yuan
from desktop.ui.tabs.programmes import ProgrammesTab
from tests.gui_helpers import when_modal

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def county(tmp_path):
    from desktop.services import open_services

    svc = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    station = svc.reference.add_station("S01", "黄姚镇大田村代表联络站", "黄姚镇").id
    svc.deputies.create(DeputyDraft("张晓明", station_ids=(station,), household_sign=True))
    svc.deputies.create(DeputyDraft("李秀兰", station_ids=(station,)))
    yield svc
    svc.close()


def _station(svc):
    return svc.reference.stations()[0].id


def _tab(qtbot, qapp, svc) -> ProgrammesTab:
    install_translators(qapp, "zh_CN")
    tab = ProgrammesTab(lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.attach(svc)
    return tab


def _cells(section, row: int = 0) -> list[str]:
    model = section.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _project(svc, **values):
    base = {"year": 2026, "title": "大田村饮水工程", "budget_fen": 123_456_789}
    return svc.programmes.save("projects", base | values)


def test_sections_list_what_the_service_holds(qtbot, qapp, county) -> None:
    _project(county)
    _project(county, year=2025, title="旧年度道路硬化", budget_fen=5_000_000)
    county.programmes.save(
        "legal-events",
        {"day": dt.date(2026, 5, 20), "station_id": _station(county), "kind": "mediation",
         "topic": "宅基地纠纷调解", "people": 12, "outcome": "settled"},
    )  # fmt: skip
    tab = _tab(qtbot, qapp, county)
    projects = tab.show_section("projects")
    assert projects.model.rowCount() == 2
    first = _cells(projects, 0)
    assert "大田村饮水工程" in first and "1,234,567.89" in first  # fen shown as yuan
    assert "Candidate" in first or "候选" in first  # the stage's label, never its code
    assert [projects.year_filter.itemData(i) for i in range(projects.year_filter.count())] == [
        None, 2026, 2025,
    ]  # fmt: skip
    projects.year_filter.setCurrentIndex(2)
    assert projects.model.rowCount() == 1 and "旧年度道路硬化" in _cells(projects)
    assert projects.selected_row()["year"] == 2025
    assert projects.detail.title.text() == "旧年度道路硬化"
    events = tab.show_section("legal-events")
    assert events.model.rowCount() == 1
    cells = _cells(events)
    assert "2026-05-20" in cells and "黄姚镇大田村代表联络站" in cells and "宅基地纠纷调解" in cells
    signs = tab.show_section("household-signs")
    assert [r.name for r in signs.model.rows()] == ["张晓明"]
    assert "1" in signs.count_text()


def test_adding_a_project_through_the_form(qtbot, qapp, county) -> None:
    tab = _tab(qtbot, qapp, county)
    section = tab.show_section("projects")
    assert section.add_button.isEnabled()

    def fill(d: ProgrammeDialog) -> None:
        d.save()  # no title yet: refused beside the field, nothing written
        assert d.field_error("title") and d.isVisible()
        assert county.programmes.rows("projects") == []
        d.editors["title"].setText("小学门口减速带")
        d.editors["budget_fen"].setText("12,345.67")
        d.editors["supervisor_ids"].set_checked(county.deputies.list()[0].id)
        d.save()

    done = when_modal(ProgrammeDialog, fill)
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    assert done
    saved = county.programmes.rows("projects")
    assert [r["title"] for r in saved] == ["小学门口减速带"]
    assert saved[0]["budget_fen"] == 1_234_567 and saved[0]["year"] == TODAY.year
    assert saved[0]["supervisor_ids"] == (county.deputies.list()[0].id,)
    assert section.selected_row().id == saved[0].id  # the new record is selected


def test_yuan_are_parsed_exactly() -> None:
    assert parse_yuan("0.29") == 29 and parse_yuan("1,234.5") == 123_450
    assert parse_yuan("") == 0 and parse_yuan("1.234") is None and parse_yuan("abc") is None


def test_a_vote_that_does_not_add_up_stays_in_the_form(qtbot, qapp, county) -> None:
    _project(county)
    tab = _tab(qtbot, qapp, county)
    section = tab.show_section("projects")
    votes = section.votes
    assert votes.add_button.isEnabled()
    seen: dict[str, str] = {}

    def fill(d: ProgrammeDialog) -> None:
        numbers = {"present": 10, "issued": 10, "valid": 9, "invalid": 0, "first": 5,
                   "second": 3, "abstain": 1}  # fmt: skip
        for key, value in numbers.items():
            d.editors[key].setValue(value)
        d.save()
        seen["issued"] = d.field_error("issued")
        seen["visible"] = str(d.isVisible())

    done = when_modal(ProgrammeDialog, fill)
    qtbot.mouseClick(votes.add_button, Qt.MouseButton.LeftButton)
    assert done
    assert "10" in seen["issued"] and "9" in seen["issued"]  # beside 发出票数
    assert seen["visible"] == "True"
    assert county.programmes.rows("project-votes") == []


def test_a_project_voted_down_returns_to_the_pool(qtbot, qapp, county) -> None:
    project = _project(county)
    county.programmes.save(
        "project-votes",
        {"project_id": project.id, "kind": "selection", "year": 2026, "day": TODAY,
         "present": 10, "issued": 10, "valid": 10, "first": 4, "second": 5, "abstain": 1},
    )  # fmt: skip
    tab = _tab(qtbot, qapp, county)
    section = tab.show_section("projects")
    assert section.votes.model.rowCount() == 1
    assert section.pool_button.isEnabled()
    qtbot.mouseClick(section.pool_button, Qt.MouseButton.LeftButton)
    again = county.programmes.get("projects", project.id)
    assert again["year"] == 2027 and again["stage"] == "proposed"


def test_a_station_adds_legal_events_but_not_projects(qtbot, qapp, services) -> None:
    tab = _tab(qtbot, qapp, services)
    projects = tab.show_section("projects")
    assert not projects.add_button.isEnabled() and projects.add_button.toolTip()
    events = tab.show_section("legal-events")
    assert events.add_button.isEnabled()

    def fill(d: ProgrammeDialog) -> None:
        assert not d.editors["station_id"].isEnabled()  # its own station, fixed
        d.editors["topic"].setText("法律进村讲座")
        d.editors["people"].setValue(30)
        d.save()

    done = when_modal(ProgrammeDialog, fill)
    qtbot.mouseClick(events.add_button, Qt.MouseButton.LeftButton)
    assert done
    rows = services.programmes.rows("legal-events")
    assert [r["topic"] for r in rows] == ["法律进村讲座"]
    assert rows[0]["station_id"] == services.site.current().station_id
    assert events.model.rowCount() == 1 and events.edit_button.isEnabled()


def test_the_chain_shows_from_the_case_and_from_the_project(qtbot, qapp, county) -> None:
    install_translators(qapp, "zh_CN")
    station = _station(county)
    zhang = county.deputies.list()[0].id
    case = county.feedback.register(
        CaseDraft(station, TODAY, person_name="赵大山", content="村口路灯不亮", deputy_ids=(zhang,))
    )
    project = county.programmes.save(
        "fund-projects",
        {"year": 2026, "title": "大田村路灯修复", "station_id": station, "case_id": case.id,
         "stage": "verified", "requested_fen": 5_000_000, "approved_fen": 4_000_000,
         "applied_on": dt.date(2026, 3, 1), "verified_on": dt.date(2026, 4, 1)},
    )  # fmt: skip
    detail = CaseDetail(lambda: TODAY)
    qtbot.addWidget(detail)
    detail.attach_services(county)
    detail.show()
    detail.show_case(county.feedback.get(case.id))
    assert detail.chain_box.isVisible()
    assert "大田村路灯修复" in detail.chain.plain_text()
    assert "40,000.00" in detail.chain.plain_text()
    with qtbot.waitSignal(detail.fund_project_requested) as blocker:
        qtbot.mouseClick(detail.chain.open_buttons[0], Qt.MouseButton.LeftButton)
    assert blocker.args == [project.id]
    # The programmes tab opens it (the main window's link), the chain in its detail.
    tab = _tab(qtbot, qapp, county)
    assert tab.show_fund_project(project.id)
    section = tab.current_section()
    assert section.selected_row().id == project.id
    assert case.case_number in section.chain.plain_text()
    # A case with no fund project shows no such section.
    other = county.feedback.register(CaseDraft(station, TODAY, person_name="钱二", content="修渠"))
    detail.show_case(county.feedback.get(other.id))
    assert not detail.chain_box.isVisible()
