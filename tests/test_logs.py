"""Issue 9 point 5: the log rotates in its folder and never holds a full phone or ID number."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import logs
from desktop.logs import LOG_NAME, MAX_BYTES, setup_logging, shutdown_logging

FULL = ("13812348000", "+86 138 1234 8000", "45033219900101123X")
FULL_DIGITS = ("13812348000", "138 1234 8000", "19900101")  # any trace of the hidden middle


@pytest.fixture(autouse=True)
def _own_log() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    shutdown_logging()
    root.setLevel(level)


def test_messages_and_exceptions_are_written_with_numbers_masked(tmp_path: Path) -> None:
    file = setup_logging(tmp_path / "log")
    assert file == tmp_path / "log" / LOG_NAME
    log = logging.getLogger("desktop.services.feedback")
    log.info("Registered a case from %s", FULL[0])
    log.warning("Caller gave %s and ID %s", FULL[1], FULL[2])
    try:
        raise ValueError(f"bad row: 电话 {FULL[0]} / {FULL[1]}, 身份证 {FULL[2]}")
    except ValueError:
        log.exception("Import stopped at the person %s", FULL[2])
    shutdown_logging()
    text = file.read_text(encoding="utf-8")
    for digits in FULL_DIGITS:
        assert digits not in text
    assert text.count("138****8000") == 4
    assert text.count("450332********123X") == 3
    assert "Traceback (most recent call last)" in text and "ValueError: bad row" in text
    first = text.splitlines()[0]  # time, level, logger, message
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO desktop\.services\.feedback: "
        r"Registered a case from 138\*\*\*\*8000",
        first,
    ), first


def test_the_log_rotates_at_about_a_megabyte_keeping_five_files(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    setup_logging(folder)
    log = logging.getLogger("desktop.test")
    line = "黄志强 " + "x" * 990
    for i in range(6 * MAX_BYTES // 1000):
        log.info("%06d %s", i, line)
    shutdown_logging()
    names = sorted(p.name for p in folder.iterdir())
    assert names == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, 5))]
    for path in folder.iterdir():
        assert path.stat().st_size <= MAX_BYTES
    assert (folder / f"{LOG_NAME}.4").stat().st_size > MAX_BYTES * 0.9  # full files, rotated
    newest = (folder / LOG_NAME).read_text(encoding="utf-8").splitlines()[-1]
    assert f"{6 * MAX_BYTES // 1000 - 1:06d}" in newest


def test_setting_up_twice_writes_each_record_once(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = len(root.handlers)
    first = setup_logging(tmp_path)
    again = setup_logging(tmp_path)
    assert first == again and len(root.handlers) == before + 1
    logging.getLogger("desktop.test").info("once")
    shutdown_logging()
    assert first is not None and first.read_text(encoding="utf-8").count("once") == 1
    assert len(root.handlers) == before and logs.log_file() is None


def test_a_folder_that_cannot_be_written_leaves_the_program_running(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert setup_logging(blocked / "log") is None
    logging.getLogger("desktop.test").error("still fine")  # no handler of ours, no exception
    assert logs.log_file() is None


def test_the_default_folder_is_the_per_user_log_folder(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    from desktop import paths

    monkeypatch.setattr(paths, "log_dir", lambda: tmp_path / "per-user")
    assert setup_logging() == tmp_path / "per-user" / LOG_NAME
    assert logs.log_file() == tmp_path / "per-user" / LOG_NAME


def test_the_folder_may_come_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    """So that tests and benchmarks that start the program leave the user's log alone."""
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "elsewhere"))
    assert setup_logging() == tmp_path / "elsewhere" / LOG_NAME


def test_records_before_the_file_opens_are_written_first(tmp_path: Path) -> None:
    """The window opens its log after the first paint; what came before is not lost."""
    logs.hold_records()
    logging.getLogger("desktop.app").info("started before the paint, phone 13812348000")
    file = setup_logging(tmp_path / "log")
    logging.getLogger("desktop.app").info("after the paint")
    for handler in logging.getLogger().handlers:
        handler.flush()
    lines = file.read_text(encoding="utf-8").splitlines()
    assert "started before the paint" in lines[0] and "after the paint" in lines[1]
    assert "13812348000" not in lines[0]  # masked like every other record
    assert not any(isinstance(h, logs._Held) for h in logging.getLogger().handlers)


def test_held_records_are_dropped_when_no_log_can_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    logs.hold_records()
    logging.getLogger("desktop").info("held")
    assert setup_logging(blocked / "log") is None
    assert not any(isinstance(h, logs._Held) for h in logging.getLogger().handlers)
