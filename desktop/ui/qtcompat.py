"""Work-arounds for bugs in the Qt bindings we ship, applied once at start.

PySide6 6.12.0 on Python 3.11: every call of ``QCoreApplication.processEvents()`` from Python
drops one reference to ``None``; a few thousand calls in one process and Python aborts with
"Fatal Python error: none_dealloc". ``QEventLoop().processEvents()`` does the same work without
the leak, so the static method is routed through it (pytest-qt calls it around every test).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop


def _process_events(*args: Any) -> None:
    QEventLoop().processEvents(*args)


def install() -> None:
    QCoreApplication.processEvents = staticmethod(_process_events)  # type: ignore[method-assign]
