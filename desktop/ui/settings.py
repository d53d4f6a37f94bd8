"""UI state kept between runs (geometry, last tab, language), in one INI file: the registry."""

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

    def header_state(self, name: str) -> QByteArray:
        return self._qs.value(f"headers/{name}", QByteArray())

    def set_header_state(self, name: str, state: QByteArray) -> None:
        self._qs.setValue(f"headers/{name}", state)

    def sync(self) -> None:
        self._qs.sync()
