"""Writing a finished file safely: a temporary file beside the target, flushed, then renamed."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

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


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all; an old file there stays on failure."""
    temp = None
    try:
        fd, temp = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise refusal(target, exc) from exc
