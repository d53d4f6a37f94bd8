"""A PC clock far off (reliability row 17): a warning in the window, and no remote or wrong
date ever becomes this PC's idea of "now"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop import BUILT_AFTER
from desktop.db.models import AppSetting
from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft
from desktop.services import open_services
from desktop.services.clock_check import LAST_SEEN_KEY, ClockCheck
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings

USED_ON = dt.date(2026, 6, 15)


def test_a_clock_in_2008_is_behind_the_program(services) -> None:
    warning = ClockCheck(services.db, lambda: dt.date(2008, 1, 1)).check()
    assert warning is not None and warning.kind == "behind"
    assert warning.evidence == BUILT_AFTER


def test_a_clock_in_2030_is_ahead_of_the_last_use_and_is_not_remembered(services) -> None:
    assert ClockCheck(services.db, lambda: USED_ON).check() is None  # remembered
    warning = ClockCheck(services.db, lambda: dt.date(2030, 3, 1)).check()
    assert warning is not None and warning.kind == "ahead" and warning.evidence == USED_ON
    # The clock corrected the next day: no warning, because 2030 was never taken as "seen".
    assert ClockCheck(services.db, lambda: USED_ON + dt.timedelta(days=1)).check() is None


def test_a_day_before_the_last_use_is_behind(services) -> None:
    assert ClockCheck(services.db, lambda: USED_ON).check() is None
    warning = ClockCheck(services.db, lambda: USED_ON - dt.timedelta(days=3)).check()
    assert warning is not None and warning.kind == "behind" and warning.evidence == USED_ON


def test_a_record_stamped_in_the_future_by_another_pc_moves_nothing(services) -> None:
    """A bundle written on a PC set to 2030 brings records stamped 2030: they are not evidence
    of today's date, so no "behind" warning follows from them."""
    from sqlalchemy import update

    from desktop.db.models import Station

    assert ClockCheck(services.db, lambda: USED_ON).check() is None
    future = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    with services.db.write(remote=True) as s:
        s.execute(update(Station).values(created_at=future, updated_at=future))
    later = USED_ON + dt.timedelta(days=2)
    assert ClockCheck(services.db, lambda: later).check() is None
    with services.db.read() as s:
        assert s.get(AppSetting, LAST_SEEN_KEY).value == later.isoformat()


@pytest.mark.parametrize("wrong", [dt.date(2008, 1, 1), dt.date(2030, 3, 1)])
def test_the_window_warns_in_chinese(qtbot, qapp, tmp_path: Path, wrong: dt.date) -> None:
    path = tmp_path / "station.sqlite"
    svc = open_services(path, today=lambda: USED_ON)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    assert ClockCheck(svc.db, lambda: USED_ON).check() is None
    svc.close()
    install_translators(qapp, "zh_CN")
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: wrong)
    qtbot.addWidget(window)
    window._opener = lambda p: open_services(p, today=lambda: wrong)
    window.show()
    assert window.open_database(path)
    assert window.clock_banner.isVisible()
    text = window.clock_banner.text()
    assert f"{wrong.year}年{wrong.month}月{wrong.day}日" in text
    assert "日期" in text and "computer" not in text
