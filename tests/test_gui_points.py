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
