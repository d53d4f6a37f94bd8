"""备份到U盘: where the encrypted backup goes, and its passphrase typed twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import fit_on_screen

MIN_PASSPHRASE = 8  # as desktop.sync.crypto.MIN_PASSPHRASE (which refuses shorter ones too)


class BackupToUsbDialog(QDialog):
    """Folder and passphrase; accepted only with an existing folder and two equal passphrases
    long enough. ``choose_folder(parent)`` asks for a folder (a USB stick found first)."""

    def __init__(
        self,
        suggested: Path | None,
        choose_folder: Callable[[QWidget], Path | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back up to a USB stick"))
        self._choose_folder = choose_folder
        intro = QLabel(
            self.tr(
                "A complete copy of the database is written to the stick, encrypted with a "
                "passphrase: without the passphrase nobody can read it, not even the county "
                "office. Keep the passphrase apart from the stick (written down and locked "
                "away at the station), never on it or in the same bag."
            )
        )
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(str(suggested) if suggested else "")
        self.folder_edit.setPlaceholderText(self.tr("The USB stick or folder to write to"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder_edit, 1)
        where.addWidget(browse)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("at least 8 characters"))
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Write to"), where)
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        form.addRow(self.tr("Passphrase again"), self.again_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Back up"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_on_screen(self, QSize(560, self.sizeHint().height()))

    def _browse(self) -> None:
        chosen = self._choose_folder(self)
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def problem(self) -> str:
        """Why the form cannot be accepted yet ("" when it can)."""
        text = self.folder_edit.text().strip()
        if not text or not self.folder().is_dir():
            return self.tr("Choose the USB stick or folder to write to.")
        if len(self.passphrase().strip()) < MIN_PASSPHRASE:
            return self.tr("The passphrase needs at least 8 characters.")
        if self.passphrase() != self.again_edit.text():
            return self.tr("The two passphrases differ. Type the same passphrase twice.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        if not problem:
            super().accept()
