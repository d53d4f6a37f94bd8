"""Where things live: the per-user data folder, bundled resources and translations."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop import APP_NAME

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def bundle_root() -> Path:
    """The folder holding resources/ and i18n/: the frozen build's, or the source checkout's."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else _SOURCE_ROOT


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return bundle_root() / "i18n"


def _user_dirs():
    """Per user and per machine, never roaming: on Windows ``%LOCALAPPDATA%\\LiaisonDesk``
    (a roaming profile would copy the database to the domain server at every sign-out)."""
    import platformdirs  # only here, and only when a default location is needed

    return platformdirs.PlatformDirs(APP_NAME, appauthor=False, roaming=False)


def data_dir() -> Path:
    """The database, its backups, the window's settings and the instance locks."""
    path = Path(_user_dirs().user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The per-user log folder (``%LOCALAPPDATA%\\LiaisonDesk\\Logs`` on Windows)."""
    path = Path(_user_dirs().user_log_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / "liaison-desk.sqlite"


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database they protect, so --db on a test folder stays there."""
    return db_path.parent / "backups"


def settings_file(db_path: Path | None = None) -> Path:
    base = data_dir() if db_path is None else db_path.parent
    return base / "liaison-desk.ini"
