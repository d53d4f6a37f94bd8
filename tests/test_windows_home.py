"""At home on Windows: the data where Windows keeps per-user program data, and the icon."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from desktop import paths
from desktop.app import set_window_icon

LOCAL = "C:\\Users\\clerk\\AppData\\Local"
ROAMING = "C:\\Users\\clerk\\AppData\\Roaming"


@pytest.fixture
def on_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs' own Windows rules, with the shell's folders given by its documented
    override variables (what SHGetKnownFolderPath answers on a clerk's PC). Here a Windows
    path is one odd file name: the folders the code makes land in tmp_path."""
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL)
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", ROAMING)
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.chdir(tmp_path)


def windows(path: Path) -> str:
    return str(path).replace("/", "\\")


def test_data_settings_and_logs_live_in_localappdata(on_windows) -> None:
    home = LOCAL + "\\LiaisonDesk"
    assert windows(paths.data_dir()) == home
    assert windows(paths.default_database()) == home + "\\liaison-desk.sqlite"
    assert windows(paths.settings_file()) == home + "\\liaison-desk.ini"
    assert windows(paths.backup_dir_for(paths.default_database())) == home + "\\backups"
    assert windows(paths.log_dir()) == home + "\\Logs"


def test_every_window_carries_the_program_icon(qapp) -> None:
    set_window_icon(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    pixmap = icon.pixmap(32, 32)
    assert not pixmap.isNull() and pixmap.width() == 32
    ico = paths.resource_path("icons", "liaison-desk.ico")
    assert ico.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file for the .exe and Setup
