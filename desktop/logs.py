"""The log file: one rotating UTF-8 file per user, with every phone and ID number masked."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop.domain.scrub import scrub

LOG_DIR_ENV = "LIAISON_DESK_LOG_DIR"  # tests and benchmarks keep the user's log untouched
LOG_NAME = "liaison-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4  # with the current file, five files: a few weeks of a station's work
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None
HELD_AT_MOST = 1000  # records kept before the file opens (a window's first second: a few)


class _Held(logging.Handler):
    """Records logged before the file is opened: the window opens it after its first paint
    (logging.handlers alone would cost the paint 7 ms) and then writes these first."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HELD_AT_MOST:
            self.records.append(record)


_held: _Held | None = None


def hold_records() -> None:
    """Keep INFO and above in memory until setup_logging() opens the file."""
    global _held
    if _held is None and _handler is None:
        _held = _Held()
        root = logging.getLogger()
        root.addHandler(_held)
        root.setLevel(logging.INFO)


def _release_held(into: logging.Handler | None) -> None:
    global _held
    if _held is None:
        return
    logging.getLogger().removeHandler(_held)
    records, _held = _held.records, None
    for record in records if into is not None else ():
        into.handle(record)


class ScrubbingFormatter(logging.Formatter):
    """Masks phones and ID numbers in the whole formatted record: the message, its arguments,
    the traceback and the exception's own text (which may quote a field's value)."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log ``level`` and above to ``folder`` (when None: $LIAISON_DESK_LOG_DIR if set, else
    the per-user log folder); the window and the command line both call it, and a second
    call with the same folder changes nothing. Returns the log file, or None if it cannot be
    written there: the program then runs without a log rather than not at all."""
    global _handler
    try:
        if folder is None and os.environ.get(LOG_DIR_ENV):
            folder = Path(os.environ[LOG_DIR_ENV])
        if folder is None:
            from desktop import paths

            folder = paths.log_dir()
        folder = Path(folder)
        file = folder / LOG_NAME
        if _handler is not None and Path(_handler.baseFilename) == file.absolute():
            return file
        folder.mkdir(parents=True, exist_ok=True)
        from logging.handlers import RotatingFileHandler

        handler = RotatingFileHandler(
            file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        _release_held(None)  # no file to write them to: not kept in memory for ever
        return None
    handler.setFormatter(ScrubbingFormatter(LOG_FORMAT))
    shutdown_logging()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)  # a library's warnings belong in the log too
    _handler = handler
    _release_held(handler)
    return file


def log_file() -> Path | None:
    """The file being written, if logging was set up."""
    return Path(_handler.baseFilename) if _handler is not None else None


def shutdown_logging() -> None:
    """Close the log file (tests, and before setting up another folder)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
        logging.captureWarnings(False)
