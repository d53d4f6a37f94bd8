"""Writing a finished file safely: a temporary file beside the target, flushed, then renamed."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.db.durable import sync_folder
from desktop.domain.errors import Refusal
from desktop.domain.tr import QT_TRANSLATE_NOOP

DISK_FULL = QT_TRANSLATE_NOOP(
    "Files", "The disk is full: {file} was not written. Free some space and try again."
)
IN_USE = QT_TRANSLATE_NOOP(
    "Files",
    "{file} could not be written: it may be open in another program (close it there), or the "
    "folder is read-only.",
)
NO_FOLDER = QT_TRANSLATE_NOOP(
    "Files", "{file} could not be written: its folder is not there (was a USB stick removed?)."
)
FAILED = QT_TRANSLATE_NOOP(
    "Files", "{file} could not be written. Choose another folder on this computer and try again."
)


class FileRefused(Refusal):
    context = "Files"


def refusal(target: Path, exc: OSError) -> FileRefused:
    """An OSError as a sentence a clerk can act on (the file, and what to do)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FileRefused(DISK_FULL, file=str(target))
    if isinstance(exc, PermissionError):
        return FileRefused(IN_USE, file=str(target))
    if isinstance(exc, FileNotFoundError):
        return FileRefused(NO_FOLDER, file=str(target))
    return FileRefused(FAILED, file=str(target))  # the system's own words would be English


# An antivirus scanner (or a preview pane) may hold the target for a moment on Windows: six
# attempts with waits of 0.1, 0.2, 0.4, 0.8, 1.6 s, as for bundles (sync/archive.py), before
# "in use" is said (three attempts gave up after 0.4 s: a rename held three times in a row
# then let go failed the export, reliability row 10).
RENAME_ATTEMPTS = 6


def _replace(temp: Path, target: Path) -> None:
    wait = 0.1
    for attempt in range(RENAME_ATTEMPTS):
        try:
            os.replace(temp, target)
            break
        except PermissionError:
            if attempt == RENAME_ATTEMPTS - 1:
                raise
            time.sleep(wait)
            wait *= 2
    sync_folder(target.parent)


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[BinaryIO]:
    """A file to write ``target`` through: a temporary file beside it, flushed and synced, then
    renamed over it (retried while an antivirus holds the target). On any error, Cancel
    included, the temporary file goes and an old file at ``target`` stays; an OSError is
    raised as it is, for the caller to say in its own words."""
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all; an old file there stays on failure."""
    try:
        with replacing(target) as out:
            out.write(data)
    except OSError as exc:
        raise refusal(target, exc) from exc
