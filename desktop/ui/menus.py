"""A menu item that runs a slot: the one way the window's action groups add theirs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction


def add_action(parent: Any, menu: Any, text: str, slot: Callable[[], None]) -> QAction:
    """A new item ``text`` at the end of ``menu``, owned by ``parent``, calling ``slot()``
    (without the ``checked`` argument Qt passes to ``triggered``)."""
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action
