"""Answering modal dialogs from tests: a modal exec() would otherwise wait forever."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(cls: type, act: Callable[[Any], None], *, tries: int = 200) -> list[Any]:
    """Once a modal dialog of ``cls`` is up, call ``act(dialog)``; returns [dialog] after."""
    seen: list[Any] = []

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls):
            seen.append(dialog)
            try:
                act(dialog)
            finally:  # a failed step must not leave a modal loop running forever
                if dialog.isVisible():
                    dialog.reject()
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return seen
