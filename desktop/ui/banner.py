"""The band above the tabs that says why nothing can be changed (a read-only database)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class ReadOnlyBanner(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("read_only_banner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fff4ce; color: #5c4400; padding: 6px; border-bottom: 1px solid #e0c060;"
        )
        self.hide()

    def show_for(self, read_only: bool) -> None:
        self.setText(
            self.tr(
                "This database is open read-only (the file or its folder cannot be written, "
                "or it is a copy on a read-only disk): records can be looked at and printed, "
                "not changed. To work in it, copy it to a folder of your own and open the copy."
            )
        )
        self.setVisible(read_only)
