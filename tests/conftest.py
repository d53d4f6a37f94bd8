"""Test set-up: Qt offscreen, hypothesis profiles, and fresh file databases (never :memory:)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIAISON_DESK_LANG", "zh_CN")

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase files with scrypt at milliseconds: tests only (test_sync_crypto checks the
    real default and sets it where it needs it)."""
    from desktop.sync import crypto

    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", (4, 1, 1))


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.sqlite"


@pytest.fixture
def services(db_path: Path) -> Iterator:
    """A migrated station database with its site set up; closed after the test."""
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft
    from desktop.services import open_services

    svc = open_services(db_path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    yield svc
    svc.close()


@pytest.fixture
def blank_services(db_path: Path) -> Iterator:
    from desktop.services import open_services

    svc = open_services(db_path, today=lambda: TODAY)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["liaison-desk-tests"]


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """Create the QApplication first: a command run in-process would otherwise create a bare
    QCoreApplication, and every widget after it would abort the test run.

    The shipped translation is installed, as the program does at start: labels written to
    workbooks and read back from them are Chinese, whichever test runs first."""
    from desktop.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    return qapp
