"""A database file on a network share is refused, in Chinese, before anything opens it: several
PCs writing to one SQLite file over the network damage it (the county office uses PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.db import location
from desktop.db.engine import Database
from desktop.domain.errors import DatabaseRefused
from desktop.ui.i18n import message

UNC = r"\\county-server\records\liaison-desk.sqlite"


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def on_nfs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every folder looks like an NFS mount (what /proc/self/mounts says of a real one)."""
    monkeypatch.setattr(location, "filesystem_type", lambda path: "nfs4")


def test_windows_share_names_are_network_shares() -> None:
    for name in (UNC, r"\\?\UNC\county-server\records\x.sqlite", "\\\\server\\share"):
        assert location.is_network_share(Path(name)), name
    assert not location.is_network_share(Path(r"\\?\C:\data\x.sqlite"))


def test_a_unc_path_is_refused_by_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["init", "--db", UNC, "--role", "county", "--code", "XQ", "--name", "县人大"],
        ["cases", "--db", UNC],
        ["check", "--db", UNC],
    ):
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1 and has_chinese(err)
        assert "county-server" in err
    assert not Path(UNC).exists()


def test_the_mount_table_names_the_filesystem(tmp_path: Path, monkeypatch) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "server:/export /mnt/office\\040share nfs4 rw,relatime 0 0\n"
        "//nas/clerks /mnt/nas cifs rw 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(location, "MOUNTS", mounts)
    assert location.filesystem_type(Path("/mnt/office share/county.sqlite")) == "nfs4"
    assert location.filesystem_type(Path("/mnt/nas/a/b.sqlite")) == "cifs"
    assert location.filesystem_type(Path("/mnt/nasty/b.sqlite")) == "ext4"
    assert location.is_network_share(Path("/mnt/nas/a/b.sqlite"))
    assert not location.is_network_share(Path("/home/clerk/b.sqlite"))


def test_this_machines_own_folders_are_not_shares(tmp_path: Path) -> None:
    assert not location.is_network_share(tmp_path / "station.sqlite")


def test_a_file_on_a_mounted_share_is_refused(tmp_path: Path, on_nfs) -> None:
    path = tmp_path / "station.sqlite"
    with pytest.raises(DatabaseRefused) as refused:
        Database(path)
    assert has_chinese(message(refused.value)) and str(path) in message(refused.value)
    assert not path.exists()


def test_the_command_line_refuses_it_in_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    path = tmp_path / "station.sqlite"
    args = ["--role", "station", "--code", "S01", "--name", "大田村联络站", "--township", "黄姚镇"]
    assert main(["init", "--db", str(path), *args]) == 0  # made on a local disk
    capsys.readouterr()
    monkeypatch.setattr(location, "filesystem_type", lambda path: "cifs")  # the folder is shared
    for argv in (["cases", "--db", str(path)], ["check", "--db", str(path)],
                 ["export-bundle", "--db", str(path), "--to", str(tmp_path)],
                 ["demo", "--db", str(tmp_path / "new.sqlite")]):  # fmt: skip
        assert main(argv) == 2, argv
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1 and has_chinese(err), err
    assert not (tmp_path / "new.sqlite").exists()


def test_the_window_says_why_it_cannot_open_it(qtbot, tmp_path: Path, on_nfs, monkeypatch) -> None:
    from desktop.app import _open_services
    from desktop.ui import prompts
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    shown: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda parent, title, text: shown.append(text))
    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    window._opener = _open_services
    assert not window.open_database(tmp_path / "station.sqlite")
    assert len(shown) == 1 and has_chinese(shown[0]) and "station.sqlite" in shown[0]
    assert not (tmp_path / "station.sqlite").exists()


def test_the_first_screen_reads_nothing_from_a_share(services, db_path: Path, monkeypatch) -> None:
    from desktop.app import _first_rows
    from desktop.domain.records import DeputyDraft

    services.deputies.create(DeputyDraft("张晓明"))
    assert _first_rows(db_path, "deputies_tab")  # read with sqlite3 alone, before the services
    monkeypatch.setattr(location, "filesystem_type", lambda path: "smb3")
    assert _first_rows(db_path, "deputies_tab") is None
