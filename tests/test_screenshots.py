"""Every tab rendered with the demo county; saved as PNG files when SCREENSHOT_DIR is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.services import open_services
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from tests.conftest import DEMO_AS_OF

AS_OF = DEMO_AS_OF


@pytest.fixture
def demo_path(demo_county: Path) -> Path:
    return demo_county


def test_each_tab_renders_with_the_demo_county(
    qtbot, qapp, demo_path: Path, tmp_path: Path
) -> None:
    install_translators(qapp, "zh_CN")
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: AS_OF)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.attach(open_services(demo_path, today=lambda: AS_OF))
    out = os.environ.get("SCREENSHOT_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
    shots = {
        "deputies": (window.deputies_tab, window.deputies_tab.model),
        "duty_days": (window.duty_tab, window.duty_tab.duty_days.model),
        "visits": (window.duty_tab, window.duty_tab.visits.model),
        "feedback": (window.feedback_tab, window.feedback_tab.model),
        "activities": (window.activities_tab, window.activities_tab.model),
        "points": (window.points_tab, window.points_tab.model),
    }
    for name, (tab, model) in shots.items():
        window.tabs.setCurrentWidget(tab)
        if name == "visits":
            window.duty_tab.inner.setCurrentWidget(window.duty_tab.visits)
        qtbot.wait(60)  # counts arrive after the rows; let the layout settle
        assert model.rowCount() > 0, name
        assert window.count_label.text(), name
        image = window.grab().toImage()
        assert not image.isNull() and image.width() >= 1280
        if out:
            assert image.save(str(Path(out) / f"{name}.png"))
    # The overview counts off the UI thread: its figures, then its completeness page.
    dash = window.dashboard_tab
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000):
        window.tabs.setCurrentWidget(dash)
    with qtbot.waitSignal(dash.completeness_shown, timeout=30_000):
        dash.pages.setCurrentIndex(1)
    assert dash.completeness.model.rowCount() > 0
    for name, page in (("overview", 0), ("completeness", 1)):
        dash.pages.setCurrentIndex(page)
        qtbot.wait(60)
        assert window.count_label.text(), name
        image = window.grab().toImage()
        if out:
            assert image.save(str(Path(out) / f"{name}.png"))
    window.close()
