"""The 管理 menu: sign-in and sign-out, users and roles, retention, the audit log.
(Filled in by the privacy work of issue 9.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from desktop.services import Services


class AdminActions(QObject):
    def __init__(self, window: Any, menu: Any) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.services: Services | None = None

    def sign_in(self, services: Services) -> bool:
        """Before any record is shown: when the site requires sign-in, ask for a user.
        False when nobody signed in (the window then shows no records)."""
        self.services = services
        return True
