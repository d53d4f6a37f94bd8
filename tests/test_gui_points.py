"""The points tab: the ranking, every point's records behind it, disputes, a confirmed year."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QInputDialog

from desktop.domain.records import DeputyDraft, DutyDayDraft
from desktop.ui import prompts
from desktop.ui.i18n import install_translators
from desktop.ui.tabs.deputies import DeputiesTab
from desktop.ui.tabs.points import PointsTab

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def filled(services):
    station = services.site.current().station_id
    zhang = services.deputies.create(DeputyDraft("张晓明", station_ids=(station,)))
    wang = services.deputies.create(DeputyDraft("王芳", station_ids=(station,)))
    for day in (3, 10, 17):
        services.duty_days.create(
            DutyDayDraft(station, dt.date(2026, 3, day), deputy_ids=(zhang.id,))
        )
    services.duty_days.create(DutyDayDraft(station, dt.date(2026, 4, 1), deputy_ids=(wang.id,)))
    return services


def test_ranking_and_drill_down(qtbot, qapp, filled) -> None:
    install_translators(qapp, "zh_CN")
    tab = PointsTab(lambda: TODAY)
    qtbot.addWidget(tab)
    tab.attach(filled)
    assert [tab.model.row_at(i).name for i in range(2)] == ["张晓明", "王芳"]
    assert "本站记录" in tab.scope_note.text() and not tab.lock_button.isVisible()
    top = tab.register.topLevelItem(0)
    assert top.text(0) == "进站接待选民" and top.text(4) == "6"
    assert top.childCount() == 3 and "2026-03-03" in top.child(0).text(0)


def test_a_dispute_is_recorded_for_the_chosen_item(qtbot, qapp, filled, monkeypatch) -> None:
    tab = PointsTab(lambda: TODAY)
    qtbot.addWidget(tab)
    tab.attach(filled)
    tab.register.setCurrentItem(tab.register.topLevelItem(0).child(0))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][2], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("3月接待漏记一次", True))
    tab.record_dispute()
    from sqlalchemy import select

    from desktop.db.models import PointDispute

    with filled.db.read() as s:
        dispute = s.scalars(select(PointDispute)).one()
    assert (dispute.item_code, dispute.kind, dispute.status) == ("duty_day", "missing", "open")
    errors: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    tab.record_dispute()
    assert errors and "理由" in errors[0]


def test_deputies_tab_shows_points_and_rank(qtbot, qapp, filled) -> None:
    tab = DeputiesTab(today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.attach(filled)
    columns = [tab.model.headerData(c, _h()) for c in range(tab.model.columnCount())]
    points, rank = columns.index("本年积分"), columns.index("排名")
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, points)) != "")
    by_name = {
        tab.model.row_at(r).name: (
            tab.model.data(tab.model.index(r, points)),
            tab.model.data(tab.model.index(r, rank)),
        )
        for r in range(tab.model.rowCount())
    }
    assert by_name == {"张晓明": ("6", "1"), "王芳": ("2", "2")}


def _h():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


@pytest.fixture
def county(tmp_path):
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft
    from desktop.services import open_services

    svc = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "县人大常委会代表工委"))
    station = svc.reference.add_station("S01", "大田村站", "黄姚镇")
    zhang = svc.deputies.create(DeputyDraft("张晓明", station_ids=(station.id,)))
    svc.duty_days.create(DutyDayDraft(station.id, dt.date(2026, 3, 3), deputy_ids=(zhang.id,)))
    yield svc
    svc.close()


def test_the_county_edits_the_rules_and_a_station_only_reads_them(
    qtbot, qapp, county, services
) -> None:
    from desktop.domain.points import Scope
    from desktop.ui.dialogs.rules import RulesDialog

    install_translators(qapp, "zh_CN")
    rules = county.points.rule_set(2026, Scope.TOWNSHIP)
    dialog = RulesDialog(county, rules, editable=True)
    qtbot.addWidget(dialog)
    assert rules.example and any(
        "示例" in w.text() for w in dialog.findChildren(type(dialog.general_error))
    )
    row = [r.code for r in rules.items].index("duty_day")
    dialog.table.item(row, 2).setText("abc")
    dialog.save()
    assert dialog.saved_row is None and "数字" in dialog.field_error("items")
    dialog.table.item(row, 2).setText("3")
    dialog.save()
    saved = county.points.rule_set(2026, Scope.TOWNSHIP)
    assert not saved.example
    assert next(i for i in saved.items if i.code == "duty_day").points == 3
    assert str(county.points.registers(2026)[0].register.total) == "3"
    read_only = RulesDialog(services, services.points.rule_set(2026, Scope.TOWNSHIP), False)
    qtbot.addWidget(read_only)
    assert not read_only.buttons.button(read_only.buttons.StandardButton.Save).isVisibleTo(
        read_only
    )


def test_the_county_settles_a_dispute(qtbot, qapp, county, monkeypatch) -> None:
    from decimal import Decimal

    from desktop.domain.points import DisputeKind
    from desktop.ui.dialogs.disputes import DisputesDialog

    deputy = county.deputies.list()[0]
    county.points.dispute(deputy.id, 2026, "duty_day", DisputeKind.MISSING, "漏记一次接待")
    dialog = DisputesDialog(county, 2026)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    answers = iter([("2", True), ("核实后补记", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    dialog.settle(True)
    assert dialog.table.item(0, 5).text() == "2"
    register = county.points.register(deputy.id, 2026)
    assert register.total == Decimal(4) and register.line("duty_day").adjustment == Decimal(2)


def test_disputes_name_the_item_in_chinese(qtbot, county) -> None:
    from desktop.domain.points import DisputeKind
    from desktop.ui.dialogs.disputes import DisputesDialog

    deputy = county.deputies.list()[0]
    county.points.dispute(deputy.id, 2026, "duty_day", DisputeKind.WRONG, "日期记错")
    dialog = DisputesDialog(county, 2026)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "进站接待选民"
