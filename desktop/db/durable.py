"""Making a finished rename survive a power cut: fsync the folder that holds it (POSIX).

One helper for every file the program writes whole (ledgers, workbooks, bundles, backups):
Windows cannot open a folder for this (NTFS journals the rename itself), and a FAT-formatted
USB stick may not support it; neither is a failure."""

from __future__ import annotations

import errno
import os
from pathlib import Path

_UNSUPPORTED = (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES)


def sync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries to disk; an OSError other than "unsupported here" (the
    stick went away after the rename) is raised."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _UNSUPPORTED:
            raise
    finally:
        os.close(fd)
