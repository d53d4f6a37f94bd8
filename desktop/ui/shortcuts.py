"""The keys shown in the menus, and the Records menu (记录): a new record, find and refresh,
for the table on screen.

Each key is the platform's standard one (QKeySequence.StandardKey: F5 refreshes on Windows),
set right after the window's first paint: the first QKeySequence makes PySide6 build about a
hundred Python enums (11 ms) that the painted frame does not need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from desktop.ui.menus import add_action

# Where a platform has no standard key (Windows has none to quit), the one shown instead.
FALLBACK = {"Quit": "Ctrl+Q"}


def set_keys_after_paint(window: Any, keys: Sequence[tuple[QAction, str]]) -> None:
    """Give each action its StandardKey (named) once ``window`` has painted."""

    def set_keys() -> None:
        from PySide6.QtGui import QKeySequence

        for action, name in keys:
            bindings = QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, name))
            action.setShortcuts(bindings or [QKeySequence(FALLBACK[name])])

    window.first_painted.connect(lambda: QTimer.singleShot(0, window, set_keys))


def current_page(window: Any) -> Any:
    """The register on screen: the tab's, or its inner page's (duty days or visits, the
    programmes' section)."""
    tab = window.tabs.currentWidget()
    for inner in ("current_table", "current_section"):
        if hasattr(tab, inner):
            return getattr(tab, inner)()
    return tab


class RecordActions(QObject):
    """The Records menu, acting on the register on screen; an item it cannot do there is
    greyed while the menu is open (and its key does nothing)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(self.tr("&Records"))
        self.new_action = add_action(window, self.menu, self.tr("&New record…"), self.new_record)
        self.find_action = add_action(window, self.menu, self.tr("&Find"), self.find)
        self.menu.addSeparator()
        self.refresh_action = add_action(window, self.menu, self.tr("&Refresh"), self.refresh)
        self.menu.aboutToShow.connect(self._enable)
        # Closed, every item is on: a key then asks the register itself (see _possible).
        self.menu.aboutToHide.connect(lambda: self._enable(everything=True))

    @property
    def keys(self) -> tuple[tuple[QAction, str], ...]:
        return (
            (self.new_action, "New"),
            (self.find_action, "Find"),
            (self.refresh_action, "Refresh"),
        )

    def _possible(self) -> tuple[bool, bool, bool]:
        page = current_page(self.window)
        add = getattr(page, "add_button", None)
        search = getattr(page, "search", None)
        attached = self.window.services is not None
        return (
            attached and add is not None and add.isEnabled(),
            attached and search is not None and search.isEnabled(),
            attached and hasattr(self.window.tabs.currentWidget(), "reload"),
        )

    def _enable(self, everything: bool = False) -> None:
        possible = (True, True, True) if everything else self._possible()
        for action, on in zip((a for a, _ in self.keys), possible, strict=True):
            action.setEnabled(on)

    def new_record(self) -> None:
        if self._possible()[0]:
            current_page(self.window).add()

    def find(self) -> None:
        if self._possible()[1]:
            search = current_page(self.window).search
            from PySide6.QtCore import Qt  # not at import: the Qt namespace costs the paint

            search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            search.selectAll()

    def refresh(self) -> None:
        if self._possible()[2]:
            self.window.tabs.currentWidget().reload()
