"""The 概览 tab on a county demo: its tiles and bars show the service's figures and open exactly
their records; the completeness matrix; the dashboard's override on a register tab; the annual
report from the window; QtCharts only once the tab shows."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.enums import VisitKind
from desktop.domain.figures import (
    Completeness,
    MonthCell,
    Rate,
    StationCompleteness,
)
from desktop.domain.records import ListFilter
from desktop.domain.roles import AuditAction
from desktop.services import open_services
from desktop.services.county_figures import CountyFigures
from desktop.services.demo import fill_demo
from desktop.ui import prompts, tasks
from desktop.ui.dashboard_tiles import TILES
from desktop.ui.i18n import install_translators, label, paper_label
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from desktop.ui.tabs.completeness import LEADING, CompletenessModel
from desktop.ui.tabs.dashboard import DashboardTab

AS_OF = dt.date(2026, 6, 30)
YEAR = 2026


@pytest.fixture(scope="module")
def county_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dashboard") / "county.sqlite"
    services = open_services(path, today=lambda: AS_OF)
    fill_demo(services, scale="county", years=1, as_of=AS_OF)
    services.close()
    return path


@pytest.fixture
def window(qtbot, qapp, county_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    install_translators(qapp, "zh_CN")
    win = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: AS_OF)
    win.resize(1366, 768)
    win.show()
    win.attach(open_services(county_path, today=lambda: AS_OF))
    yield win
    # Closed here, not by qtbot: first nothing counting when the database closes, and the
    # tabs' counts (queued after their rows) delivered while the tabs still live.
    assert tasks.cancel_all()
    qtbot.wait(20)
    win.close()
    win.deleteLater()
    qtbot.wait(50)  # what its widgets queued as they went (a combo emptied...) runs now


def _dashboard(qtbot, window: MainWindow) -> DashboardTab:
    dash = window.dashboard_tab
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000):
        window.tabs.setCurrentWidget(dash)
    return dash


def _figures(window: MainWindow, scope=None):
    return window.services.county.figures(YEAR, scope, label=label)


def _shown_count(tab) -> int:
    """What the register tab on screen lists, counted by its own service."""
    return tab.total(tab.current_filter())


def test_the_tab_is_the_last_one_and_chinese(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    assert window.tabs.indexOf(dash) == window.tabs.count() - 1
    assert window.tabs.tabText(window.tabs.count() - 1) == "概览"
    assert dash.pages.tabText(1) == "报送完整性" and dash.report_button.text() == "年度报告…"
    assert dash.status.text().startswith("统计截至 2026-06-30")
    assert dash.scope.itemText(0).startswith("全县")


def test_tiles_show_the_services_figures(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    figures = _figures(window)
    assert figures.opinions_collected > 0 and figures.overdue > 0
    for figure, _caption in TILES:
        value = getattr(figures, figure)
        tile = dash.tiles.tiles[figure]
        if isinstance(value, Rate):
            assert tile.value_text() == value.text()
            assert tile.detail.text() == f"{value.part}/{value.whole}"
        else:
            assert tile.value_text().removeprefix("⚠ ") == f"{value:,}", figure
    assert dash.tiles.tiles["overdue"].value_text().startswith("⚠")  # not by colour alone
    assert dash.tiles.tiles["overdue"].caption.text() == "超期未答复"


def test_the_overdue_tile_lists_exactly_the_overdue_cases(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    overdue = dash.figures.overdue
    qtbot.mouseClick(dash.tiles.tiles["overdue"], Qt.MouseButton.LeftButton)
    feedback = window.feedback_tab
    assert window.tabs.currentWidget() is feedback
    flt = feedback.current_filter()
    assert flt.flag == "overdue" and flt.date_from == dt.date(YEAR, 1, 1)
    qtbot.waitUntil(feedback.count_buttons["overdue"].isChecked)  # the tab's own flag shows it
    assert _shown_count(feedback) == overdue == feedback.model.rowCount()
    assert all(row.deadline < AS_OF for row in feedback.model.rows())


def test_a_category_bar_lists_that_categorys_cases(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    chart = dash.charts["cases_by_category"]
    bar = dash.figures.cases_by_category[1]
    assert chart.categories[1] == bar.label
    chart.click(0, 1)  # emits the QBarSet's clicked(index) as a click on the bar would
    feedback = window.feedback_tab
    assert window.tabs.currentWidget() is feedback
    assert feedback.current_filter().category_id == uuid.UUID(hex=bar.key)
    assert _shown_count(feedback) == bar.value
    assert {row.category_name for row in feedback.model.rows()} == {bar.label}
    banner = feedback.override_banner
    assert banner.isVisible() and banner.text.text().startswith("来自概览：")
    assert bar.label in banner.text.text()


def test_a_township_bar_opens_its_duty_days(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    line = dash.figures.townships[3]
    dash.charts["townships"].click(0, 3)  # the duty-day batches of the fourth township
    page = window.duty_tab.duty_days
    assert window.tabs.currentWidget() is window.duty_tab
    assert window.duty_tab.inner.currentWidget() is page
    assert page.township_filter.currentData() == line.id  # a widget shows it: no banner
    assert not page.override_banner.isVisible()
    assert _shown_count(page) == line.duty_batches


def test_deputies_visited_opens_the_visits_page_with_its_kind(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    qtbot.mouseClick(dash.tiles.tiles["deputies_visited"], Qt.MouseButton.LeftButton)
    page = window.duty_tab.visits
    assert window.duty_tab.inner.currentWidget() is page
    assert page.kind_filter.currentData() == VisitKind.OFFICIAL_TO_DEPUTIES.value
    assert page.use_dates.isChecked() and not page.override_banner.isVisible()


def test_a_points_band_opens_the_points_register_of_the_year_on_that_band(
    qtbot, window: MainWindow
) -> None:
    window.points_tab.year.setValue(2020)
    dash = _dashboard(qtbot, window)
    bands = dash.figures.points_bands
    index = max(range(len(bands)), key=lambda i: (bands[i].value > 0, i))  # a band with deputies
    band = bands[index]
    low, high = int(band.key), (int(bands[index + 1].key) if index + 1 < len(bands) else None)
    dash.charts["points_bands"].click(0, index)
    points = window.points_tab
    assert window.tabs.currentWidget() is points and points.year.value() == YEAR
    shown = [points.model.row_at(i).register.total for i in range(points.model.rowCount())]
    assert len(shown) == band.value > 0  # the county: every deputy the bar counted, no other
    assert all(low <= total and (high is None or total < high) for total in shown)
    assert points.band_banner.isVisibleTo(points) and band.label in points.band_banner.text.text()
    qtbot.mouseClick(points.band_banner.clear_button, Qt.MouseButton.LeftButton)
    assert points.model.rowCount() == sum(b.value for b in bands)  # all of them again
    assert not points.band_banner.isVisibleTo(points)


def test_the_counts_show_while_the_points_are_still_counted(
    qtbot, window: MainWindow, county_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every deputy's register takes seconds on a prefecture; the tiles and charts do not wait."""
    other = open_services(county_path, today=lambda: AS_OF)  # the window's keeps no count yet
    expected = other.county.figures(YEAR, label=label)
    other.close()
    points = window.services.points
    counting, release = threading.Event(), threading.Event()
    registers = points.registers

    def held(*args, **kwargs):
        counting.set()
        assert release.wait(30)
        return registers(*args, **kwargs)

    monkeypatch.setattr(points, "registers", held)
    dash = window.dashboard_tab
    try:
        with qtbot.waitSignal(dash.counted_shown, timeout=30_000) as first:
            window.tabs.setCurrentWidget(dash)
        assert counting.wait(30)  # the registers are being computed right now
        assert not first.args[0].points_counted and first.args[0].points_bands == ()
        tile = dash.tiles.tiles["opinions_collected"].value_text()
        assert tile == f"{expected.opinions_collected:,}"
        panel = dash.chart_panel
        assert "统计中" in panel.charts["points_bands"].chart().title()
        assert "正在计算" in panel.top_empty.text() and panel.top_empty.isVisibleTo(panel)
        assert "正在计算" in dash.status.text()
    finally:
        release.set()
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000) as second:
        pass
    assert second.args[0].points_counted and second.args[0].points_bands == expected.points_bands
    assert panel.charts["points_bands"].chart().title() == "代表年度积分分布"
    assert panel.top_model.row_at(0) == expected.top_deputies[0]
    assert "截至" in dash.status.text()


def test_a_top_deputy_opens_the_points_register_on_that_deputy(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    top = dash.figures.top_deputies[0]
    panel = dash.chart_panel
    assert panel.top_model.row_at(0) == top and panel.top_table.isVisibleTo(panel)
    panel.top_table.clicked.emit(panel.top_model.index(0, 1))
    points = window.points_tab
    assert window.tabs.currentWidget() is points and points.year.value() == YEAR
    selected = points.model.row_at(points.table.currentIndex().row())
    assert selected.register.deputy_id == top.id.hex


def test_a_township_scope_changes_the_figures(qtbot, window: MainWindow) -> None:
    dash = _dashboard(qtbot, window)
    county = dash.figures
    township = next(s for s in dash._scopes if s.kind == "township")
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000) as shown:
        dash.choose_scope(township.id)
    figures = shown.args[0]
    assert figures.scope == township == dash.chosen_scope()
    expected = _figures(window, township)
    assert figures.opinions_collected == expected.opinions_collected < county.opinions_collected
    tile = dash.tiles.tiles["opinions_collected"].value_text()
    assert tile == f"{expected.opinions_collected:,}"
    assert dash.charts["townships"].chart().title() == "各联络站履职情况"  # a bar per station
    qtbot.mouseClick(dash.tiles.tiles["opinions_collected"], Qt.MouseButton.LeftButton)
    feedback = window.feedback_tab
    assert feedback.township_filter.currentData() == township.id
    assert _shown_count(feedback) == expected.opinions_collected
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000):
        dash.reload()  # after an import: the lists again, the township still chosen
    assert dash.chosen_scope() == township


def test_only_the_last_choice_is_shown(qtbot, window: MainWindow, monkeypatch) -> None:
    """Choices made while counting: an older count arriving late is not shown."""
    dash = _dashboard(qtbot, window)
    first, second = [s for s in dash._scopes if s.kind == "township"][:2]
    count = CountyFigures.figures

    def slow_for_the_first(self, year, scope=None, **options):
        if scope == first:
            time.sleep(0.5)  # the first choice's count arrives after the second's
        return count(self, year, scope, **options)

    monkeypatch.setattr(CountyFigures, "figures", slow_for_the_first)
    dash.choose_scope(first.id)
    dash.choose_scope(second.id)
    assert dash.status.text() == "正在统计…"
    qtbot.waitUntil(lambda: dash.figures.scope == second, timeout=30_000)
    assert tasks.cancel_all()  # the first count has finished too, by now
    qtbot.wait(20)
    assert dash.figures.scope == second and dash.tiles.tiles["visits"].value_text() == (
        f"{_figures(window, second).visits:,}"
    )


def test_the_completeness_page_shows_the_matrix_and_silent_stations(
    qtbot, window: MainWindow
) -> None:
    dash = _dashboard(qtbot, window)
    with qtbot.waitSignal(dash.completeness_shown, timeout=30_000) as shown:
        dash.pages.setCurrentIndex(1)
    completeness = shown.args[0]
    page = dash.completeness
    assert page.model.rowCount() == len(completeness.stations) > 0
    assert page.model.headerData(len(LEADING), Qt.Orientation.Horizontal) == "1月"
    page.silent_after.setValue(10_000)
    assert page.silent_model.rowCount() == 0 and page.silent_title.text() == "沉默的联络站：0 个"
    page.silent_after.setValue(1)
    silent = [s for s in completeness.stations if (s.silent_days or 0) > 1]
    assert page.silent_model.rowCount() == len(silent)


def _station(months: list[MonthCell]) -> StationCompleteness:
    return StationCompleteness(
        station_id=uuid.uuid4(), station="望江镇第一联络站", township="望江镇", site_code="S01",
        months=tuple(months), last_bundle=dt.date(2026, 3, 8), silent_days=114, expected=5,
        received=3, on_time=2, ledgers_printed=2,
    )  # fmt: skip


def test_the_completeness_model_passes_the_model_tester(qtbot, qtmodeltester) -> None:
    states = ("on_time", "late", "missing", "on_time", "missing", "not_due")
    months = [MonthCell(m, state, int(state in ("on_time", "late")), state == "on_time")
              for m, state in enumerate(states, start=1)]  # fmt: skip
    months += [MonthCell(m, "not_due", 0, False) for m in range(7, 13)]
    model = CompletenessModel()
    model.set_stations((_station(months),))
    qtmodeltester.check(model, force_py=True)
    cell = model.index(0, len(LEADING) + 2)  # March
    assert model.data(cell) == "缺报"
    assert model.data(model.index(0, len(LEADING))) == "按时\n✓台账"
    assert model.data(model.index(0, len(LEADING) + 1)) == "迟报"
    assert model.data(model.index(0, len(LEADING) + 6)) == "未到期"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d3d0"
    assert model.data(model.index(0, len(LEADING) + 12)) == "60.0%"  # 3 of 5 received
    assert model.data(model.index(0, 1)) == "望江镇第一联络站"
    assert model.rowCount(model.index(0, 0)) == 0 and not model.data(QModelIndex())


def test_the_completeness_page_keeps_the_scopes_station(qtbot) -> None:
    from desktop.ui.tabs.completeness import CompletenessPage

    page = CompletenessPage()
    qtbot.addWidget(page)
    one, two = _station([MonthCell(m, "missing", 0, False) for m in range(1, 13)]), None
    two = replace(one, station_id=uuid.uuid4(), station="望江镇第二联络站")
    completeness = Completeness(YEAR, AS_OF, 10, 45, (one, two))
    page.show_completeness(completeness, two.station_id)
    assert page.model.rowCount() == 1 and page.model.row_at(0).station == "望江镇第二联络站"
    assert page.silent_model.rowCount() == 1  # 114 days > 45


def test_apply_filter_keeps_what_no_widget_shows_until_cleared(qtbot, window: MainWindow) -> None:
    feedback = window.tab("feedback_tab")
    window.tabs.setCurrentWidget(feedback)
    category = window.services.reference.categories()[0]
    wanted = ListFilter(
        date_from=dt.date(YEAR, 1, 1), date_to=dt.date(YEAR, 12, 31), category_id=category.id,
        flag="passed_on", main_only=True,
    )  # fmt: skip
    feedback.apply_filter(wanted)
    assert feedback.use_dates.isChecked() and feedback.date_to.date().year() == YEAR
    assert feedback.current_filter() == wanted
    assert feedback.widget_filter().flag is None  # a figure's flag is not in the flag buttons
    text = feedback.override_banner.text.text()
    assert feedback.override_banner.isVisible() and category.name in text and "已转交" in text
    narrowed = _shown_count(feedback)
    qtbot.mouseClick(feedback.override_banner.clear_button, Qt.MouseButton.LeftButton)
    assert not feedback.override_banner.isVisible()
    cleared = feedback.current_filter()
    assert cleared.category_id is None and cleared.flag is None and not cleared.main_only
    assert cleared.date_from == dt.date(YEAR, 1, 1)  # the widgets keep what they showed
    assert _shown_count(feedback) > narrowed
    # A filter widget changed by the user drops the override as well.
    feedback.apply_filter(wanted)
    assert feedback.current_filter().category_id == category.id
    feedback.station_filter.setCurrentIndex(1)
    assert feedback.current_filter().category_id is None
    assert not feedback.override_banner.isVisible()


def test_the_search_box_narrows_within_the_override(qtbot, window: MainWindow) -> None:
    feedback = window.tab("feedback_tab")
    window.tabs.setCurrentWidget(feedback)
    feedback.apply_filter(ListFilter(outcome="A", main_only=True))
    feedback.search.setText("路灯")
    assert feedback.current_filter().outcome == "A" and feedback.current_filter().text == "路灯"
    assert "A 已解决" in feedback.override_banner.text.text()


def test_the_annual_report_from_the_dashboard_and_the_menu(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    calls: list[tuple] = []

    def write_report(self, year, target, fmt, label, progress, is_cancelled):
        calls.append((year, target, fmt, label))
        progress(1, 2, "")
        assert not is_cancelled()
        return 7

    monkeypatch.setattr(CountyFigures, "write_report", write_report, raising=False)
    asked: list[int] = []
    monkeypatch.setattr(
        prompts, "choose_year", lambda _p, _t, _l, years, current: asked.append(current) or 2025
    )
    monkeypatch.setattr(prompts, "save_path", lambda *a: tmp_path / "报告.xlsx")
    infos: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: infos.append(text))
    dash = _dashboard(qtbot, window)
    assert window.report_action.isEnabled() and window.report_action.text() == "年度报告(&A)…"
    qtbot.mouseClick(dash.report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(infos) == 1, timeout=10_000)
    assert asked == [YEAR]  # the dashboard's year comes first
    assert calls == [(2025, tmp_path / "报告.xlsx", "xlsx", paper_label)]
    assert "7" in infos[0] and "报告.xlsx" in infos[0]
    monkeypatch.setattr(prompts, "save_path", lambda *a: tmp_path / "年度报告")
    window.report_action.trigger()
    qtbot.waitUntil(lambda: len(infos) == 2, timeout=10_000)
    assert calls[-1][1:3] == (tmp_path / "年度报告.pdf", "pdf")  # no type given: a PDF
    assert "共 7 页" in infos[1]


def test_the_annual_report_written_from_the_window_is_in_the_audit_log(
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "年度报告.json"
    monkeypatch.setattr(prompts, "choose_year", lambda *_a: 2025)
    monkeypatch.setattr(prompts, "save_path", lambda *a: target)
    infos: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: infos.append(text))
    audit = window.services.audit
    before = audit.count()
    window.report_action.trigger()
    qtbot.waitUntil(lambda: len(infos) == 1, timeout=30_000)
    assert target.is_file()
    (row,) = audit.rows(offset=0, limit=audit.count() - before)  # newest first
    assert (row.action, row.target) == (AuditAction.EXPORT, "annual report 2025")
    assert "年度报告.json" in row.detail


def test_a_station_sees_only_its_own_station(qtbot, qapp, services) -> None:
    install_translators(qapp, "zh_CN")
    dash = DashboardTab(lambda: AS_OF)
    qtbot.addWidget(dash)
    dash.show()
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000) as shown:
        dash.attach(services)
    station = services.site.current().station_id
    assert dash.scope.count() == 1 and dash.chosen_scope().id == station
    assert shown.args[0].scope.kind == "station"
    assert not dash.pages.isTabVisible(1) and not dash.report_button.isVisible()


def test_qtcharts_loads_only_when_the_tab_shows(tmp_path: Path) -> None:
    """Start-up is benchmarked: the window, its first tab and the dashboard module itself do
    not import QtCharts; the charts load with the first figures."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop.ui.main_window import MainWindow\n"
        "from desktop.ui.settings import UiSettings\n"
        f"w = MainWindow(UiSettings(Path({str(tmp_path / 'ui.ini')!r})))\n"
        "w.show()\n"
        "for _ in range(20): app.processEvents()\n"
        "import desktop.ui.tabs.dashboard\n"
        "w.tab('dashboard_tab')\n"
        "print('PySide6.QtCharts' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
