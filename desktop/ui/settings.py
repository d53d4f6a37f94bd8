"""UI state kept between runs (geometry, last tab, language, column widths), in one INI file:
the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings


class Setting(NamedTuple):  # not a dataclass: dataclasses costs 2 ms before the first paint
    key: str
    default: Any


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
LAST_TAB = Setting("window/last_tab", 0)
LANGUAGE = Setting("ui/language", "zh_CN")
LAST_DATABASE = Setting("ui/last_database", "")
DEPUTY_SORT = Setting("deputies/sort", "strokes")


class UiSettings:
    """Typed access to the INI file; anything that changes data lives in the database instead."""

    def __init__(self, path: Path) -> None:
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting) -> Any:
        value = self._qs.value(setting.key, setting.default)
        if isinstance(setting.default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(setting.default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return setting.default
        return value

    def set(self, setting: Setting, value: Any) -> None:
        self._qs.setValue(setting.key, value)

    # --- how the window's parts were laid out (desktop.ui.layout_memory) -------------------
    # Each is kept with the number of its parts (a table's columns, a splitter's panes): a
    # state saved by a version with other columns is not put on the columns of this one.

    def header_state(self, name: str, columns: int) -> QByteArray:
        """Table ``name``'s header as saved (widths, sort), or empty: none, or other columns."""
        return self._state("headers", name, columns)

    def set_header_state(self, name: str, state: QByteArray, columns: int) -> None:
        self._set_state("headers", name, state, columns)

    def splitter_state(self, name: str, panes: int) -> QByteArray:
        return self._state("splitters", name, panes)

    def set_splitter_state(self, name: str, state: QByteArray, panes: int) -> None:
        self._set_state("splitters", name, state, panes)

    def page(self, name: str) -> int:
        """The page last shown in the tab widget ``name`` (0 when none was saved)."""
        return self.get(Setting(f"pages/{name}", 0))

    def set_page(self, name: str, index: int) -> None:
        self._qs.setValue(f"pages/{name}", index)

    def _state(self, group: str, name: str, parts: int) -> QByteArray:
        saved = self.get(Setting(f"{group}/{name}/parts", -1))
        state = self._qs.value(f"{group}/{name}/state", QByteArray())
        return state if saved == parts and isinstance(state, QByteArray) else QByteArray()

    def _set_state(self, group: str, name: str, state: QByteArray, parts: int) -> None:
        self._qs.setValue(f"{group}/{name}/state", state)
        self._qs.setValue(f"{group}/{name}/parts", parts)

    def sync(self) -> None:
        self._qs.sync()
