"""A station's first run takes the county's enrollment file: the site is set up as enrolled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft
from desktop.services import open_services
from desktop.ui import prompts
from desktop.ui.setup_dialog import SetupDialog

TODAY = dt.date(2026, 6, 15)
SECRET = "大田村联络站 2026"


@pytest.fixture
def enrollment_file(tmp_path: Path) -> Path:
    county = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    try:
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
        station = SiteRole.STATION
        blob = county.enrolment.enroll_site(
            "S07", "黄姚镇大田村代表联络站", station, "黄姚镇", SECRET, TODAY
        )
    finally:
        county.close()
    path = tmp_path / "S07.ldenrol"
    path.write_bytes(blob)
    return path


def test_the_setup_dialog_takes_the_enrollment_file(qtbot, tmp_path, enrollment_file, monkeypatch):
    station = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    errors: list[str] = []
    monkeypatch.setattr(prompts, "open_path", lambda *a, **k: enrollment_file)
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    try:
        dialog = SetupDialog(station)
        qtbot.addWidget(dialog)
        monkeypatch.setattr(prompts, "passphrase", lambda *a, **k: "不对的口令12345")
        assert not dialog.use_enrollment_file()
        assert errors and "口令" in errors[0] and station.site.current() is None
        monkeypatch.setattr(prompts, "passphrase", lambda *a, **k: SECRET)
        assert dialog.use_enrollment_file()
        site = station.site.current()
        assert site.code == "S07" and site.name == "黄姚镇大田村代表联络站"
        assert station.enrolment.county_site().code == "ZP"
    finally:
        station.close()
