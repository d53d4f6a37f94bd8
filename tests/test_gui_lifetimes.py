"""Work a window schedules for "in a moment" dies with the window: a register's count, the
feedback counts, the first database opening, a hand-over. (A timer without its object ran
after the window was gone and touched deleted widgets, failing whatever came next.)"""

from __future__ import annotations

from pathlib import Path

import shiboken6

from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft
from desktop.services import open_services
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings


def test_a_closed_window_leaves_no_work_behind(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "station.sqlite"
    services = open_services(db)
    services.site.initialise(SiteDraft(SiteRole.STATION, "S01", "大田村代表联络站", "黄姚镇"))
    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    window.attach(services)
    for attr in ("deputies_tab", "duty_tab", "feedback_tab", "activities_tab"):
        tab = getattr(window, attr)
        window.tabs.setCurrentWidget(tab)
        inner = tab.current_table() if hasattr(tab, "current_table") else tab
        inner.reload()  # each schedules its count for the next turn of the event loop
    window.open_later(lambda _path: open_services(db), db)
    window.first_painted.emit()  # the opening is scheduled too
    window.close()
    shiboken6.delete(window)  # gone before any of it ran
    qtbot.wait(100)  # pytest-qt fails the test on any exception raised in the event loop
    assert not shiboken6.isValid(window)
