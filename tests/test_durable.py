"""A finished rename is made durable by syncing its folder; a stick whose filesystem cannot
sync a folder (FAT) is not a failure, a stick pulled after the rename is."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from desktop.db import durable
from desktop.formats.files import FileRefused, write_atomically


def _folder_fsync_fails(monkeypatch: pytest.MonkeyPatch, code: int) -> list[int]:
    failed: list[int] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            failed.append(fd)
            raise OSError(code, os.strerror(code))
        real(fd)

    monkeypatch.setattr(durable.os, "fsync", fsync)
    return failed


def test_a_folder_that_cannot_be_synced_does_not_fail_a_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = _folder_fsync_fails(monkeypatch, errno.EINVAL)  # what vfat answers
    target = tmp_path / "台账.pdf"
    write_atomically(target, b"%PDF-1.7 whole")
    assert failed and target.read_bytes() == b"%PDF-1.7 whole"


def test_a_stick_gone_after_the_rename_is_still_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder_fsync_fails(monkeypatch, errno.EIO)
    with pytest.raises(OSError):
        durable.sync_folder(tmp_path)
    with pytest.raises(FileRefused):
        write_atomically(tmp_path / "x.xlsx", b"data")
