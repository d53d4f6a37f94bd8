"""Every table model through pytest-qt's qtmodeltester, paged loading included."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.records import CaseDraft, DeputyDraft, DutyDayDraft, ListFilter
from desktop.ui.tabs.activities import ActivitiesTab
from desktop.ui.tabs.deputies import DeputiesTab
from desktop.ui.tabs.duty import DutyDaysTab, VisitsTab
from desktop.ui.tabs.feedback import FeedbackTab


@pytest.fixture
def filled(services, today):
    station = services.site.current().station_id
    deputy = services.deputies.create(
        DeputyDraft("张晓明", phone="13812348000", station_ids=(station,))
    )
    for i in range(45):
        day = today - dt.timedelta(days=i)
        services.duty_days.create(DutyDayDraft(station, day, deputy_ids=(deputy.id,)))
        services.feedback.register(
            CaseDraft(station, day, person_name="赵大山", phone="13912345678", content=f"路灯{i}")
        )
    return services


@pytest.mark.parametrize(
    "tab_class", [DeputiesTab, DutyDaysTab, VisitsTab, FeedbackTab, ActivitiesTab]
)
def test_register_models_pass_the_model_tester(
    qtbot, qtmodeltester, filled, today, tab_class
) -> None:
    tab = tab_class() if tab_class is DeputiesTab else tab_class(lambda: today)
    qtbot.addWidget(tab)
    tab.attach(filled)
    qtmodeltester.check(tab.model, force_py=True)


def test_paged_model_fetches_more_with_correct_row_numbers(qtbot, qtmodeltester, filled) -> None:
    tab = FeedbackTab(lambda: dt.date(2026, 6, 15))
    qtbot.addWidget(tab)
    tab.services = filled
    tab.model.load(lambda after: filled.feedback.page(ListFilter(), after, limit=20))
    model = tab.model
    assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert inserted == [(20, 39), (40, 44)]
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_phones_are_masked_in_tables(qtbot, filled) -> None:
    tab = FeedbackTab(lambda: dt.date(2026, 6, 15))
    qtbot.addWidget(tab)
    tab.attach(filled)
    shown = {
        tab.model.data(tab.model.index(r, c), Qt.ItemDataRole.DisplayRole)
        for r in range(tab.model.rowCount())
        for c in range(tab.model.columnCount())
    }
    assert "139****5678" in shown and "13912345678" not in shown
