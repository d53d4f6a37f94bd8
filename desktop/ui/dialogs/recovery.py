"""The database was found damaged at start: what happened, what was done, and what to do now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.restore import counts_text, taken_text
from desktop.ui.forms import open_width


class RecoveryDialog(QDialog):
    """Three ways on: restore the newest sound backup, choose another, or close (and call the
    county office). ``action`` says which once the dialog is done (CLOSE when rejected)."""

    RESTORE, CHOOSE, CLOSE = "restore", "choose", "close"

    def __init__(
        self,
        path: Path,
        moved: Path | None,
        backup: Any | None,  # a services.backups.Choice, the newest sound backup
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = self.CLOSE
        self.setWindowTitle(self.tr("The database is damaged"))
        heading = QLabel(self.tr("The database could not be opened: the file is damaged."))
        heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        happened = self.tr(
            "The database file {0} is damaged, probably by a power cut or a failing disk. "
            "Working in it could lose more records, so it was not opened."
        ).format(path)
        if moved is not None:
            done = self.tr(
                "It was set aside as {0}, with its working files. Nothing was deleted: the "
                "county office can look at it later."
            ).format(moved)
        else:
            done = self.tr(
                "It is on a disk that cannot be written, so it was left as it is. Nothing was "
                "deleted."
            )
        if moved is None:
            todo = self.tr(
                "A backup can only be put back where the damaged file could be moved away. "
                "Close the program and call the county office."
            )
        elif backup is not None:
            todo = self.tr(
                "The newest sound backup on this computer is of {0}: {1}. Restore it to go on "
                "working. Records entered after {0} are not in it: type them in again, or they "
                "come back with the county office's bundles."
            ).format(taken_text(backup), counts_text(backup.summary))
        else:
            todo = self.tr(
                "This computer has no sound backup of this database. Restore one from a USB "
                "stick (Choose another backup), or close and call the county office."
            )
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        for title, text, name in (
            (self.tr("What happened"), happened, "happened"),
            (self.tr("What was done"), done, "done"),
            (self.tr("What to do now"), todo, "todo"),
        ):
            caption = QLabel(title)
            caption.setStyleSheet("font-weight: bold; margin-top: 6px;")
            body = QLabel(text)
            body.setObjectName(name)
            body.setWordWrap(True)
            layout.addWidget(caption)
            layout.addWidget(body)
        unsure = QLabel(
            self.tr("If you are unsure, close and call the county office before you do anything.")
        )
        unsure.setWordWrap(True)
        layout.addWidget(unsure)
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.choose_button = QPushButton(self.tr("Choose another backup…"))
        close = QPushButton(self.tr("Close"))
        # Restoring puts a file where the damaged one was: impossible where it could not move.
        self.restore_button.setEnabled(backup is not None and moved is not None)
        self.choose_button.setEnabled(moved is not None)
        self.restore_button.setDefault(self.restore_button.isEnabled())
        self.restore_button.clicked.connect(lambda: self._finish(self.RESTORE))
        self.choose_button.clicked.connect(lambda: self._finish(self.CHOOSE))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(close)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        open_width(self, 680)

    def _finish(self, action: str) -> None:
        self.action = action
        self.accept()
