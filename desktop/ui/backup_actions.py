"""The File menu's backup items (备份到U盘, 从备份恢复) and the offer of a sound backup when the
database is found damaged at start. (Filled in by the backups work of issue 9.)"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop.services import Services


class BackupActions(QObject):
    def __init__(self, window: Any, menu: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.services: Services | None = None
        self.writable = False

    def set_services(self, services: Services, writable: bool) -> None:
        self.services, self.writable = services, writable

    def recover(self, path: Path, exc: Exception) -> bool:
        """``exc`` raised while opening ``path``: offer what can be done (a sound backup of a
        damaged database). True when a database was opened instead."""
        return False
