"""Test set-up: Qt offscreen, hypothesis profiles, and fresh databases: files (never :memory:)
and, for modules marked ``backends``, PostgreSQL server databases as well."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIAISON_DESK_LANG", "zh_CN")
# The program's log goes to a folder of the test run's own, not the user's log folder.
os.environ.setdefault("LIAISON_DESK_LOG_DIR", tempfile.mkdtemp(prefix="liaison-log-"))

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

TODAY = dt.date(2026, 6, 15)
DEMO_AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="session")
def demo_county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo county (62 stations, a year to DEMO_AS_OF), built once for the tests that only
    look at it (screenshots, tabs that fit): they must not change it."""
    from desktop.services import open_services
    from desktop.services.demo import fill_demo

    path = tmp_path_factory.mktemp("demo-county") / "county.sqlite"
    services = open_services(path, today=lambda: DEMO_AS_OF)
    try:
        fill_demo(services, scale="county", as_of=DEMO_AS_OF)
    finally:
        services.close()
    return path


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
def services(any_db_url: Path | str) -> Iterator:
    """A migrated station database with its site set up; closed after the test (on both
    databases in a module marked ``backends``: see ``backend`` below)."""
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import SiteDraft
    from desktop.services import open_services

    svc = open_services(any_db_url, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.STATION, "S01", "黄姚镇大田村代表联络站", "黄姚镇"))
    yield svc
    svc.close()


@pytest.fixture
def blank_services(any_db_url: Path | str) -> Iterator:
    from desktop.services import open_services

    svc = open_services(any_db_url, today=lambda: TODAY)
    yield svc
    svc.close()


# --- PostgreSQL: the county office's server ----------------------------------------------------
#
# A test module runs its database tests on SQLite and on PostgreSQL with
#
#     pytestmark = pytest.mark.backends
#
# Every test in it that uses ``services``, ``blank_services``, ``any_db_url``, ``new_db`` or
# ``backend`` then runs twice, as ``test_x[sqlite]`` and ``test_x[postgresql]``; elsewhere
# (the GUI tests, for one) they are SQLite only. A test that needs more than one database asks
# ``new_db("county")`` for each: a file under tmp_path, or a fresh server database.
# ``db_path`` stays the SQLite file (``any_db_url`` is the test's database on either).
# ``@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)`` runs a test on the
# server only (tests/test_postgres.py).
#
# The server comes from LIAISON_TEST_PG_URL, a URL whose role may CREATE DATABASE, e.g.
# postgresql://liaison:secret@127.0.0.1:5432/postgres (.ci/run starts one). Unset, the
# PostgreSQL half fails under CI (CI set: PostgreSQL must not go missing unnoticed) and is
# skipped on a developer's machine.

PG_URL = "LIAISON_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "backends: run the module's database tests on SQLite and on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        for mark in metafunc.definition.iter_markers("parametrize"):
            names = mark.args[0]
            if "backend" in (
                names.replace(" ", "").split(",") if isinstance(names, str) else names
            ):
                return  # the test chose its backend itself
        metafunc.parametrize("backend", BACKENDS, indirect=True)


class PgDatabases:
    """Fresh databases on the test server: each a copy of one template migrated once per
    session (CREATE DATABASE ... TEMPLATE), dropped after its test."""

    def __init__(self, url: str) -> None:
        import itertools
        import uuid

        from sqlalchemy import create_engine, make_url
        from sqlalchemy.pool import NullPool

        from desktop.db.engine import Database
        from desktop.db.location import server_url
        from desktop.db.migrate import migrate

        self._url = make_url(server_url(url) or url)
        self._admin = create_engine(self._url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._prefix = f"liaison_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._numbers = itertools.count(1)
        self._template = f"{self._prefix}_template"
        self._create(self._template, "template0")
        db = Database(self.url(self._template))
        try:
            migrate(db)
        finally:
            db.dispose()

    def url(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str) -> None:
        # UTF-8 and the C locale, as README asks of a county office's database: strings sort
        # by code point, as on SQLite.
        fixed = " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" if template == "template0" else ""
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{fixed}')

    def fresh(self, *, blank: bool = False) -> str:
        """A new database: migrated (a copy of the template), or ``blank`` (no tables)."""
        name = f"{self._prefix}_{next(self._numbers)}"
        self._create(name, "template0" if blank else self._template)
        return self.url(name)

    def drop(self, url: str) -> None:
        from sqlalchemy import exc, make_url

        name = make_url(url).database
        # Not WITH (FORCE): that also has to terminate an autovacuum worker busy in the
        # database, which only a superuser or pg_signal_backend may do (a CI run failed on it).
        # A plain DROP cancels autovacuum itself; the tests' own stray sessions are ended
        # first, and a session still ending is waited for.
        with self._admin.connect() as conn:
            for attempt in range(50):
                conn.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = %(name)s AND usename = current_user"
                    " AND pid <> pg_backend_pid()",
                    {"name": name},
                )
                try:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
                    return
                except exc.OperationalError:
                    if attempt == 49:
                        raise
                    time.sleep(0.1)

    def close(self) -> None:
        self.drop(self.url(self._template))
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases | None]:
    """The PostgreSQL test server's databases, or None when LIAISON_TEST_PG_URL is unset."""
    url = os.environ.get(PG_URL)
    if not url:
        yield None
        return
    databases = PgDatabases(url)
    try:
        yield databases
    finally:
        databases.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest, pg_databases: PgDatabases | None) -> str:
    """ "sqlite" or "postgresql": parametrised in modules marked ``backends``, else "sqlite"."""
    name = getattr(request, "param", "sqlite")
    if name == "postgresql" and pg_databases is None:
        reason = (
            f"PostgreSQL is missing: set {PG_URL} to a server URL whose role may CREATE DATABASE"
        )
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return name


@pytest.fixture
def new_db(
    backend: str, tmp_path: Path, pg_databases: PgDatabases | None
) -> Iterator[Callable[..., Path | str]]:
    """``new_db(name="station", blank=False)``: a new database on the test's backend: the file
    tmp_path/NAME.sqlite (not yet created), or the URL of a fresh server database (migrated,
    no site yet; ``blank``: not even migrated). Server databases are dropped after the test."""
    made: list[str] = []

    def make(name: str = "station", *, blank: bool = False) -> Path | str:
        if backend == "sqlite":
            return tmp_path / f"{name}.sqlite"
        assert pg_databases is not None
        made.append(pg_databases.fresh(blank=blank))
        return made[-1]

    yield make
    for url in made:
        assert pg_databases is not None
        pg_databases.drop(url)


@pytest.fixture
def any_db_url(backend: str, db_path: Path, new_db: Callable[..., Path | str]) -> Path | str:
    """The test's database: ``db_path`` on SQLite, a fresh server database's URL on PostgreSQL
    (what ``services`` and ``blank_services`` open; a report test opens it the same way)."""
    return db_path if backend == "sqlite" else new_db()


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
