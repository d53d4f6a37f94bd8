"""The PySide6 processEvents() work-around holds: calling it leaks no reference to None."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication


def test_process_events_keeps_none_alive(qapp) -> None:
    before = sys.getrefcount(None)
    for _ in range(2000):
        qapp.processEvents()
        QCoreApplication.processEvents()
    # Unpatched, 6.12.0 drops 4,000 references here (and aborts Python after a few thousand more).
    assert sys.getrefcount(None) >= before - 50
