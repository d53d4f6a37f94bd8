"""The first screen read without SQLAlchemy equals what the services list, or is not used."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from desktop.db import quick
from desktop.domain.records import DeputyRow
from desktop.services import open_services
from desktop.services.demo import fill_demo


def build_demo(path: Path) -> None:
    services = open_services(path)
    try:
        fill_demo(services, scale="station", years=1, seed=7, as_of=dt.date(2026, 6, 30))
    finally:
        services.close()


def test_the_quick_roster_is_the_services_roster(tmp_path: Path) -> None:
    path = tmp_path / "county.sqlite"
    build_demo(path)
    services = open_services(path)
    try:
        expected = services.deputies.list()
    finally:
        services.close()
    rows = quick.roster(path)
    assert rows is not None and len(rows) == len(expected) > 10
    assert rows == expected  # same rows, same order, every field
    assert all(isinstance(r, DeputyRow) for r in rows)
    # The window's first screen: the same rows, only the first of them.
    assert quick.roster(path, limit=7) == expected[:7]


def test_an_older_schema_or_a_stranger_file_gives_nothing(tmp_path: Path, services) -> None:
    path = services.db.path
    services.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert quick.roster(path) is None
    stranger = tmp_path / "notes.sqlite"
    stranger.write_bytes(b"not a database at all" * 100)
    assert quick.roster(stranger) is None
    assert quick.roster(tmp_path / "missing.sqlite") is None


def test_nothing_is_shown_before_sign_in_where_the_site_requires_it(services) -> None:
    from desktop.domain.roles import Role

    path = services.db.path
    assert quick.roster(path) is not None  # sign-in off: the roster comes first
    services.access.add_user("head", "覃站长", Role.STATION_HEAD, "password-1")
    services.access.set_sign_in_required(True)
    assert quick.roster(path) is None
    services.access.sign_in("head", "password-1")
    services.access.set_sign_in_required(False)
    assert quick.roster(path) is not None


def test_the_window_shows_the_roster_before_the_services_open(qtbot, tmp_path) -> None:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    path = tmp_path / "station.sqlite"
    build_demo(path)
    opened: list[Path] = []
    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    shown = []
    window.rows_shown.connect(lambda: shown.append(window.deputies_tab.model.rowCount()))

    def opener(p: Path):
        opened.append(p)
        assert shown and shown[0] > 10, "the rows were on screen before the services opened"
        return open_services(p)

    window.open_later(
        opener, path, lambda tab: quick.roster(path) if tab == "deputies_tab" else None
    )
    window.show()
    qtbot.waitUntil(lambda: window.services is not None, timeout=20_000)
    assert opened == [path] and window.deputies_tab.model.rowCount() == shown[0]
    window.close()
