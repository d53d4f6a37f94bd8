"""Start-up checks of a database file: read-only files and folders open read-only (reliability
row 4), a damaged file is set aside with its -wal and -shm and the newest sound backup named
(row 5), a network share is refused (row 7)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.db import backups, sqlite
from desktop.db import startup as st
from desktop.db.engine import Database
from desktop.db.migrate import HEAD, alembic_config
from desktop.domain.errors import DatabaseDamaged, DatabaseRefused
from desktop.domain.records import DeputyDraft
from desktop.services import open_services
from desktop.services.demo import fill_demo

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station's demo database (a year of records), made once; tests use copies of it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    services = open_services(path, today=lambda: TODAY)
    fill_demo(services, scale="station", years=1, as_of=TODAY)
    services.close()
    return path


def copy_of(demo: Path, folder: Path, name: str = "station.sqlite") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(demo, target)
    return target


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flip_page(path: Path, table: str = "feedback_cases", layout: Path | None = None) -> None:
    """Flip the first 64 bytes of ``table``'s root page: its b-tree header is garbage now.
    ``layout``: a copy to find the page in (opening ``path`` itself would checkpoint it)."""
    with contextlib.closing(sqlite3.connect(layout or path)) as con:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        page = root.fetchone()[0]
        size = con.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        data = f.read(64)
        f.seek((page - 1) * size)
        f.write(bytes(b ^ 0xFF for b in data))


@contextlib.contextmanager
def read_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``path`` chmod 0444 in a folder chmod 0555. Root writes through mode bits, so there
    ``os.access`` answers as the system answers any other user (from the bits)."""
    folder = path.parent
    path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real = os.access

        def by_mode_bits(p, mode, *args, **kwargs):  # type: ignore[no-untyped-def]
            if mode & os.W_OK and Path(p) in (path, folder):
                return bool(os.stat(p).st_mode & 0o222)
            return real(p, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", by_mode_bits)
    try:
        yield
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


# --- row 4: read-only ----------------------------------------------------------------------


def test_a_read_only_file_in_a_read_only_folder_opens_read_only(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_of(demo, tmp_path / "ro")
    before = sha(path)
    with read_only(path, monkeypatch):
        services = open_services(path, backup_dir=tmp_path / "backups", today=lambda: TODAY)
        try:
            assert services.db.read_only
            assert len(services.deputies.list()) == 24  # readable
            with pytest.raises(Exception, match="readonly"):
                services.deputies.create(DeputyDraft("新代表"))
            assert services.backups.take("daily") is None
        finally:
            services.close()
    assert sha(path) == before  # not migrated, not changed
    assert not (tmp_path / "backups").exists()  # no daily backup of a read-only database


def test_a_write_protected_disk_is_found_by_trying_to_write(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only medium passes os.access and says so only when opened for writing."""
    path = copy_of(demo, tmp_path / "stick")
    real_open = os.open

    def refuse_writes(p, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(p) == path and flags & (os.O_RDWR | os.O_WRONLY):
            raise OSError(30, "Read-only file system", str(p))  # EROFS
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_writes)
    assert st.writable(path) is False
    monkeypatch.setattr(os, "open", real_open)
    assert st.writable(path) is True


def _open_as_an_ordinary_user(path: Path) -> dict[str, object]:
    """Open ``path`` with the rights of an ordinary user: in a child process that drops
    root's (everything it needs is imported before), or here when not root at all."""
    root = os.geteuid() == 0
    read, write = os.pipe()
    pid = os.fork() if root else 0
    if pid == 0:
        result: dict[str, object] = {}
        try:
            if root:
                os.setgid(65534)  # nobody
                os.setuid(65534)
            try:
                with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as plain:
                    result["plain_mode_ro"] = plain.execute("SELECT 1 FROM deputies").fetchall()
            except sqlite3.Error as exc:
                result["plain_mode_ro"] = str(exc)
            services = open_services(path, today=lambda: TODAY)
            result["read_only"] = services.db.read_only
            result["deputies"] = len(services.deputies.list())
            services.close()
        except BaseException as exc:  # reported to the test, never raised in the child
            result["error"] = repr(exc)
        os.write(write, json.dumps(result).encode())
        if root:
            os._exit(0)
    else:
        os.waitpid(pid, 0)
    os.close(write)
    with os.fdopen(read) as pipe:
        return json.loads(pipe.read())


def test_a_read_only_folder_opens_for_a_user_without_root_powers(demo: Path) -> None:
    """For real: a WAL database in a folder nobody may write cannot even be read through
    mode=ro (SQLite must create its -shm there), so it is opened immutable."""
    folder = Path(tempfile.mkdtemp(prefix="liaison-ro-"))  # outside root's private tmp_path
    try:
        folder.chmod(0o755)
        path = copy_of(demo, folder)
        path.chmod(0o444)
        folder.chmod(0o555)
        warm = open_services(demo, today=lambda: TODAY)  # the child imports nothing itself
        warm.deputies.list()
        warm.close()
        result = _open_as_an_ordinary_user(path)
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
    assert "error" not in result, result
    assert result["read_only"] is True and result["deputies"] == 24
    # What SQLite alone does there: the reason the file is opened immutable.
    assert result["plain_mode_ro"] == "attempt to write a readonly database"


def test_a_read_only_database_older_than_the_program_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    path = tmp_path / "old" / "station.sqlite"
    path.parent.mkdir()
    db = Database(path)
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    db.dispose()
    assert HEAD != "0009"
    before = sha(path)
    with read_only(path, monkeypatch), pytest.raises(DatabaseRefused) as refused:
        open_services(path, backup_dir=tmp_path / "backups", today=lambda: TODAY)
    assert refused.value.message == st.READ_ONLY_OLD
    assert sha(path) == before and not (tmp_path / "backups").exists()


# --- row 5: a damaged file ------------------------------------------------------------------


def crashed_copy(demo: Path, folder: Path) -> tuple[Path, dict[str, bytes]]:
    """A copy as a power cut leaves it: the file, a -wal holding a committed write, and the
    -shm (copied while the writer still had them open); then a page of the file damaged."""
    path = copy_of(demo, folder)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("INSERT INTO app_settings(key, value) VALUES ('crash', 'after')")
    con.commit()
    crashed = folder / "crashed"
    crashed.mkdir()
    for side in ("", "-wal", "-shm"):
        shutil.copy(f"{path}{side}", crashed / f"station.sqlite{side}")
    con.close()
    target = crashed / "station.sqlite"
    flip_page(target, layout=demo)
    files = {side: Path(f"{target}{side}").read_bytes() for side in ("", "-wal", "-shm")}
    assert files["-wal"] and files["-shm"]
    return target, files


def test_a_damaged_database_is_set_aside_and_the_newest_sound_backup_offered(
    demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    source = copy_of(demo, tmp_path / "earlier")  # the same database, a day or two before
    older = backups.take(source, folder, "daily", dt.datetime(2026, 6, 13, 8, 0))
    newer = backups.take(source, folder, "daily", dt.datetime(2026, 6, 14, 8, 0))
    flip_page(newer)  # the newest backup is damaged too: the one before it is offered
    path, files = crashed_copy(demo, tmp_path / "pc")
    with pytest.raises(DatabaseDamaged) as caught:
        open_services(path, backup_dir=folder, today=lambda: TODAY)
    exc = caught.value
    assert exc.message == st.DAMAGED
    assert exc.backup == older
    moved = exc.moved
    assert moved.parent == path.parent and moved.name.startswith("station-damaged-")
    for side, data in files.items():  # all three moved; file and log byte for byte
        assert not Path(f"{path}{side}").exists()
        assert Path(f"{moved}{side}").exists()
        if side != "-shm":  # a reader writes its marks into the -shm: only that may differ
            assert Path(f"{moved}{side}").read_bytes() == data
    assert exc.args_map["aside"] == str(moved)


def test_the_command_line_says_so_in_one_line_and_sets_it_aside(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main

    path, _files = crashed_copy(demo, tmp_path / "pc")
    assert main(["cases", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not path.exists() and any(path.parent.glob("station-damaged-*.sqlite"))


def test_damage_found_only_by_the_first_reads_is_handled_the_same(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page quick_check does not read (an index's) fails later: still set aside."""
    path = copy_of(demo, tmp_path / "pc")
    monkeypatch.setattr(sqlite, "check_file", lambda p, quick=False: ["ok"])
    flip_page(path, "alembic_version")
    with pytest.raises(DatabaseDamaged) as caught:
        open_services(path, today=lambda: TODAY)
    assert caught.value.moved is not None and caught.value.moved.exists()
    assert caught.value.backup is None and not path.exists()


def test_a_file_without_the_database_header_is_damaged_only_if_it_was_ours(
    demo: Path, tmp_path: Path
) -> None:
    stranger = tmp_path / "letters" / "notes.sqlite"
    stranger.parent.mkdir()
    stranger.write_bytes("给代表的信".encode() * 500)
    with pytest.raises(DatabaseRefused) as refused:
        open_services(stranger, today=lambda: TODAY)
    assert refused.value.message == st.NOT_A_DATABASE and not isinstance(
        refused.value, DatabaseDamaged
    )
    assert stranger.exists()  # the wrong file chosen: left alone
    ours = copy_of(demo, tmp_path / "pc")
    backups.take(ours, tmp_path / "pc" / "backups", "daily", dt.datetime(2026, 6, 14, 8, 0))
    with ours.open("r+b") as f:
        f.write(b"\0" * 100)  # the header page zeroed
    with pytest.raises(DatabaseDamaged) as caught:
        open_services(ours, backup_dir=tmp_path / "pc" / "backups", today=lambda: TODAY)
    assert caught.value.backup is not None and not ours.exists()


def test_a_sound_database_passes_and_reports_the_check_time(demo: Path, tmp_path: Path) -> None:
    path = copy_of(demo, tmp_path / "pc")
    opening = st.check_file(path, tmp_path / "backups", dt.datetime(2026, 6, 15, 8, 0))
    assert opening == st.Opening(read_only=False, new=False, quick_check_ms=opening.quick_check_ms)
    assert 0 < opening.quick_check_ms < 5000
    assert st.check_file(tmp_path / "new.sqlite", tmp_path, dt.datetime(2026, 6, 15)).new


def test_a_database_on_a_network_share_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.db import location

    monkeypatch.setattr(location, "is_network_share", lambda p: True)
    with pytest.raises(DatabaseRefused) as refused:
        open_services(tmp_path / "x.sqlite", today=lambda: TODAY)
    assert refused.value.message == sqlite.NETWORK_SHARE
    assert not (tmp_path / "x.sqlite").exists()
