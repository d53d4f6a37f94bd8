"""The bands above the tabs: why nothing can be changed (a read-only database), and a PC
clock that cannot be right."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.ui.i18n import long_date


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


class ClockBanner(QLabel):
    """Says the PC's date looks wrong and what to do; stays until the database is reopened."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("clock_banner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fde7e9; color: #7a1020; padding: 6px; border-bottom: 1px solid #e8a0a8;"
        )
        self.hide()

    def show_warning(self, warning: Any) -> None:
        """``warning``: a services.clock_check.ClockWarning, or None (hidden)."""
        if warning is None:
            self.hide()
            return
        today, evidence = long_date(warning.today), long_date(warning.evidence)
        if warning.kind == "behind":
            text = self.tr(
                "This computer's date is {0}, earlier than {1} (this program was built, or this "
                "database was last used, after it). The computer's clock is probably wrong: "
                "correct the date and time in Windows before you record anything, or dates "
                "and deadlines will be wrong."
            )
        else:
            text = self.tr(
                "This computer's date is {0}, more than a year after this database was last "
                "used ({1}). If that is not right, correct the date and time in Windows before "
                "you record anything, or dates and deadlines will be wrong."
            )
        self.setText(text.format(today, evidence))
        self.show()
