"""Faults a station PC meets: a full disk during a bundle import (row 3), a database held by
another program (row 10), and a USB stick or a held file while the ledgers and the annual report
are written (rows 9 and 10): a clear refusal, nothing half-written, the program still usable.

tests/test_workbooks.py covers a workbook import on a full disk and tests/test_sync_archive.py
the bundle files; the other outputs written through desktop/formats/files.py are covered here."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import event

from desktop.db import sqlite as db_sqlite
from desktop.db.engine import DISK_FULL, IN_USE
from desktop.domain.errors import DatabaseRefused
from desktop.domain.records import CaseDraft, DeputyDraft
from desktop.formats import files
from desktop.formats.report_json import write_report_json
from desktop.formats.report_pdf import render_report
from desktop.formats.report_xlsx import write_report_xlsx
from desktop.formats.xlsx_common import (
    MSG_WRITE_DISK_FULL,
    MSG_WRITE_FAILED,
    MSG_WRITE_IN_USE,
    WorkbookRefused,
)
from desktop.services import Services
from desktop.services.ledgers import LedgerRequest
from desktop.ui.i18n import message
from tests.bundle_fixtures import TODAY, Network, healthy, table_counts
from tests.crash_world import CODE, import_workbook, write_workbook
from tests.report_fixtures import annual_report, empty_report
from tests.workbook_fixtures import fill, open_station

# --- the database ---------------------------------------------------------------------------


def _shown(context: str, source: str, **args: object) -> str:
    """A refusal's sentence as the window shows it (in the installed language)."""
    return QCoreApplication.translate(context, source).format(**args)


def _pages(path: Path) -> int:
    with closing(sqlite3.connect(path)) as con:
        return con.execute("PRAGMA page_count").fetchone()[0]


def test_a_full_disk_refuses_a_bundle_clearly_writes_nothing_and_recovers(tmp_path: Path) -> None:
    network = Network(tmp_path, (CODE,))
    try:
        network.roster(CODE)
        import_workbook(network.stations[CODE], write_workbook(tmp_path / "cases.xlsx", 600))
        bundle = network.to_county(CODE).files[0]
        county, path = network.county, Path(network.path())
        before = table_counts(path)
        limit = _pages(path) + 2  # the disk fills up two pages into the import

        def small_disk(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {limit}")

        county.db.engine.dispose()
        event.listen(county.db.engine, "connect", small_disk)
        for attempt in (county.bundles.plan, county.bundles.apply):  # the preview, the import
            with pytest.raises(DatabaseRefused) as refused:
                attempt(bundle)
            assert refused.value.message == DISK_FULL
            assert refused.value.args_map == {"path": str(path)}
            # What the window shows: the refusal's own sentence, naming the database.
            assert message(refused.value) == _shown("Storage", DISK_FULL, path=path)
            assert table_counts(path) == before
            assert healthy(path)
        assert _pages(path) <= limit

        event.remove(county.db.engine, "connect", small_disk)
        county.db.engine.dispose()  # space freed: the next connections have no limit
        county.deputies.create(DeputyDraft("周末"))  # a small write
        plan = county.bundles.apply(bundle)
        assert sum(t.new for t in plan.merge.tables.values()) == 3 * 600 + 1
        assert healthy(path)
    finally:
        network.close()


def test_a_database_held_by_another_program_is_refused_as_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_sqlite, "BUSY_TIMEOUT_MS", 200)  # read when a connection opens
    path = tmp_path / "station.sqlite"
    services = open_station(path, TODAY)
    try:
        fill(services, TODAY)  # its roster has the deputy the workbook names
        workbook = write_workbook(tmp_path / "cases.xlsx", 50)
        plan = services.imports.plan("feedback", workbook)
        assert plan.count("new") == 50
        cases = services.feedback.count()
        station = services.site.current().station_id
        draft = CaseDraft(station, TODAY, person_name="孙丽", content="村口路灯不亮")
        before = table_counts(path)
        with closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN EXCLUSIVE")  # another program holds the file
            writes: tuple[Callable[[], Any], ...] = (
                lambda: services.feedback.register(draft),
                lambda: services.imports.apply(plan),
            )
            for write in writes:
                with pytest.raises(DatabaseRefused) as refused:
                    write()
                assert refused.value.message == IN_USE
                assert message(refused.value) == _shown("Storage", IN_USE, path=path)
            other.execute("ROLLBACK")
        assert table_counts(path) == before
        services.feedback.register(draft)  # released: the write goes through
        assert services.imports.apply(plan)["new"] == 50
        assert services.feedback.count() == cases + 51
    finally:
        services.close()


# --- files: ledgers and the annual report -----------------------------------------------------

OLD = b"the export of last month"
LEDGER = LedgerRequest("feedback", TODAY.year)
# The refusal each family of writers gives: (type, disk full, in use, folder gone, other).
FILE_MESSAGES = (files.FileRefused, files.DISK_FULL, files.IN_USE, files.NO_FOLDER, files.FAILED)
BOOK_MESSAGES = (WorkbookRefused, MSG_WRITE_DISK_FULL, MSG_WRITE_IN_USE, MSG_WRITE_FAILED,
                 MSG_WRITE_FAILED)  # fmt: skip


@dataclass(frozen=True)
class Output:
    export: Callable[[Services, Path], Any]  # writes the file at the path
    messages: tuple[Any, ...]
    suffix: str
    start: bytes  # how a complete file of its kind begins


OUTPUTS = {
    "ledger pdf": Output(
        lambda s, target: files.write_atomically(target, s.ledgers.pdf(LEDGER).pdf),
        FILE_MESSAGES, ".pdf", b"%PDF",
    ),
    "ledger workbook": Output(
        lambda s, target: s.ledgers.write_xlsx(LEDGER, target), BOOK_MESSAGES, ".xlsx", b"PK"
    ),
    "annual report pdf": Output(
        lambda _s, target: render_report(annual_report(), target), FILE_MESSAGES, ".pdf", b"%PDF"
    ),
    "annual report workbook": Output(
        lambda _s, target: write_report_xlsx(annual_report(), target), FILE_MESSAGES, ".xlsx",
        b"PK",
    ),
    "annual report json": Output(
        lambda _s, target: write_report_json(empty_report(), target), FILE_MESSAGES, ".json",
        b"{",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = open_station(tmp_path_factory.mktemp("faults") / "station.sqlite", TODAY)
    fill(services, TODAY)
    yield services
    services.close()


class _Failing:
    """The temporary file's writer on a stick that fills up (or is pulled) part-way."""

    def __init__(self, real: Any, error: OSError, after: int = 100) -> None:
        self._real, self._error, self._left = real, error, after

    def write(self, data: bytes) -> int:
        if len(data) > self._left:
            self._real.write(bytes(data[: self._left]))
            self._left = 0
            raise self._error
        self._left -= len(data)
        return self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _Failing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._real.close()


def _fail_write(error: OSError) -> Callable[[pytest.MonkeyPatch], None]:
    def install(m: pytest.MonkeyPatch) -> None:
        real = files.os.fdopen
        m.setattr(files.os, "fdopen", lambda fd, *a, **k: _Failing(real(fd, *a, **k), error))

    return install


def _fail(name: str, error: OSError) -> Callable[[pytest.MonkeyPatch], None]:
    def step(*_args: Any) -> None:
        raise error

    return lambda m: m.setattr(files.os, name, step)


# step: (make it fail, which message of the family: 1 disk full, 2 in use, 3 gone, 4 other)
STEPS: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], int]] = {
    "write: disk full": (_fail_write(OSError(errno.ENOSPC, "No space left on device")), 1),
    "write: stick pulled": (_fail_write(OSError(errno.EIO, "Input/output error")), 4),
    "flush: disk full": (_fail("fsync", OSError(errno.ENOSPC, "No space left on device")), 1),
    "flush: stick pulled": (_fail("fsync", OSError(errno.EIO, "Input/output error")), 4),
    "rename: held by another program": (_fail("replace", PermissionError(13, "in use")), 2),
    "rename: folder gone": (_fail("replace", FileNotFoundError(2, "No such file")), 3),
}


def _target(tmp_path: Path, output: str, old: bytes | None) -> Path:
    target = tmp_path / "stick" / f"out{OUTPUTS[output].suffix}"
    target.parent.mkdir()
    if old is not None:
        target.write_bytes(old)
    return target


def _exported(output: str, station: Services, target: Path) -> None:
    OUTPUTS[output].export(station, target)
    assert target.read_bytes().startswith(OUTPUTS[output].start)
    assert list(target.parent.iterdir()) == [target]  # no temporary file beside it


@pytest.mark.parametrize("had_old", [True, False], ids=["over an old file", "new file"])
@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_failing_step_leaves_the_old_file_and_says_why(
    station: Services, tmp_path: Path, output: str, step: str, had_old: bool
) -> None:
    export, messages = OUTPUTS[output].export, OUTPUTS[output].messages
    target = _target(tmp_path, output, OLD if had_old else None)
    make_fail, which = STEPS[step]
    with pytest.MonkeyPatch.context() as m:
        make_fail(m)
        m.setattr(files.time, "sleep", lambda _s: None)
        with pytest.raises(messages[0]) as refused:
            export(station, target)
    assert refused.value.message == messages[which]
    assert target.name in str(refused.value)
    assert list(target.parent.iterdir()) == ([target] if had_old else [])
    if had_old:
        assert target.read_bytes() == OLD
    _exported(output, station, target)  # the program is still usable: the next export works


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_vanished_folder_is_named(station: Services, tmp_path: Path, output: str) -> None:
    export, messages = OUTPUTS[output].export, OUTPUTS[output].messages
    target = tmp_path / "pulled-stick" / f"out{OUTPUTS[output].suffix}"
    with pytest.raises(messages[0]) as refused:
        export(station, target)
    assert refused.value.message == messages[3]
    assert not target.parent.exists()
    target.parent.mkdir()  # the stick is back
    _exported(output, station, target)


def _held(times: int, attempts: list[Path]) -> Callable[[Path, Path], None]:
    real = files.os.replace

    def replace(source: Path, target: Path) -> None:
        attempts.append(Path(source))
        if len(attempts) <= times:
            raise PermissionError(13, "The process cannot access the file")
        real(source, target)

    return replace


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_rename_held_three_times_is_retried(
    station: Services, tmp_path: Path, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _target(tmp_path, output, OLD)
    attempts: list[Path] = []
    sleeps: list[float] = []
    monkeypatch.setattr(files.os, "replace", _held(3, attempts))
    monkeypatch.setattr(files.time, "sleep", sleeps.append)
    _exported(output, station, target)
    assert len(attempts) == 4 and len(sleeps) == 3 and 0 < sum(sleeps) < 5


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_a_rename_held_ten_times_says_the_file_is_in_use(
    station: Services, tmp_path: Path, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    export, messages = OUTPUTS[output].export, OUTPUTS[output].messages
    target = _target(tmp_path, output, OLD)
    attempts: list[Path] = []
    sleeps: list[float] = []
    monkeypatch.setattr(files.os, "replace", _held(10, attempts))
    monkeypatch.setattr(files.time, "sleep", sleeps.append)
    with pytest.raises(messages[0]) as refused:
        export(station, target)
    assert refused.value.message == messages[2]
    assert len(attempts) == files.RENAME_ATTEMPTS < 10
    assert 1 < sum(sleeps) < 10  # waited for the other program, then gave up
    assert target.read_bytes() == OLD and list(target.parent.iterdir()) == [target]
    monkeypatch.undo()  # the other program let go
    _exported(output, station, target)
