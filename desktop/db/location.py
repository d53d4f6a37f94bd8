"""Where a database lives: a SQLite file (on this PC's own disk, or on a network share, which
sqlite.refuse_network_share refuses), or a PostgreSQL server's URL (the county office).

Standard library only: the command line reads ``--db``, and the window its first rows, before
SQLAlchemy is loaded.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# Every spelling libpq and SQLAlchemy accept, all driven through psycopg 3.
_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
DRIVER_SCHEME = "postgresql+psycopg://"

Location = Path | str  # a file path, or a server URL (a str, always normalised)


def server_url(value: str | Path) -> str | None:
    """``value`` as a psycopg 3 URL when it names a PostgreSQL server, else None."""
    if isinstance(value, Path):
        return None
    text = value.strip()
    for scheme in _SCHEMES:
        if text[: len(scheme)].lower() == scheme:
            return DRIVER_SCHEME + text[len(scheme) :]
    return None


def location(value: str | Path) -> Location:
    """A ``--db`` argument: the normalised server URL, or the path of a file."""
    url = server_url(value)
    return url if url is not None else Path(value)


def shown(value: Location) -> str:
    """For messages and the window's title bar: a URL never shows its password."""
    url = server_url(value)
    if url is None:
        return str(value)
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")
    user = netloc[0].partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[2]}"))


# --- network shares ------------------------------------------------------------------------

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "afs", "ncpfs", "davfs",
     "fuse.davfs2", "ceph", "glusterfs", "fuse.glusterfs", "fuse.smbnetfs", "fuse.rclone"}
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
MOUNTS = Path("/proc/self/mounts")  # Linux: what is mounted where, and as which filesystem


def _is_unc(text: str) -> bool:
    r"""``\\server\share\...``, also in its long form ``\\?\UNC\server\...``."""
    if text[:8].upper() in ("\\\\?\\UNC\\", "\\\\.\\UNC\\"):
        return True
    return text.startswith("\\\\") and text[2:3] not in ("?", ".")


def _unescape(field: str) -> str:
    """/proc/self/mounts writes a space in a mount point as \\040 (octal)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def filesystem_type(path: Path) -> str | None:
    """The type of the filesystem holding ``path`` (Linux: the innermost mount point in
    /proc/self/mounts that contains it); None where there is no such table."""
    try:
        mounts = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = os.path.realpath(path)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):  # the later of two stacked mounts is the one seen
            best, kind = point, fields[2]
    return kind


def _drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = path.drive
    if not drive or drive.startswith("\\\\"):
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def is_network_share(path: Path) -> bool:
    """Whether ``path`` (an existing file or one to create) lies on a network share."""
    if _is_unc(str(path)):
        return True
    resolved = Path(os.path.realpath(path))  # a link or a mapped drive may lead to a share
    if sys.platform == "win32":
        return _is_unc(str(resolved)) or _drive_is_remote(resolved)
    return filesystem_type(resolved) in NETWORK_FILESYSTEMS
