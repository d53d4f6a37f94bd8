"""The dialog for an unexpected error: what happened, what to do, where the log is; the
traceback only behind "Details". Shown by the error hooks that run_gui installs (desktop.app)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.forms import open_width, refit


def open_url(url: QUrl) -> bool:
    """The system's file manager (tests replace this)."""
    return QDesktopServices.openUrl(url)


class ErrorDialog(QDialog):
    """What happened, what to do, where the log is; the traceback only behind "Details"."""

    def __init__(
        self, type_name: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Liaison Desk — unexpected error"))
        self.details = details
        self.log_folder = log_file.parent if log_file is not None else None
        self._more = 0
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(self.tr("An unexpected error stopped this piece of work."))
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.what_happened = self._paragraph(
            self.tr(
                "What was already saved stays saved. The change you were making when it "
                "happened was not half-written: every change is saved whole or not at all."
            )
        )
        self.what_to_do = self._paragraph(
            self.tr(
                "What to do: try again. If it happens again, send the log file to the county "
                "office's IT contact, with a note of what you were doing."
            )
        )
        if log_file is not None:
            where = self.tr("The log file ({0}) is in this folder:\n{1}").format(
                log_file.name, log_file.parent
            )
        else:
            where = self.tr(
                "No log file could be written on this computer: use “Copy the details” and "
                "send them instead."
            )
        self.where = self._paragraph(where)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more = self._paragraph("")
        self.more.hide()

        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Details"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._show_details)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # as in the log
        self.details_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_view.setMinimumHeight(180)
        self.details_view.hide()

        buttons = QDialogButtonBox()
        self.open_folder_button = QPushButton(self.tr("Open the log folder"))
        self.open_folder_button.setEnabled(log_file is not None)
        self.open_folder_button.clicked.connect(self.open_log_folder)
        self.copy_button = QPushButton(self.tr("Copy the details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.setSpacing(10)
        for widget in (self.headline, self.what_happened, self.what_to_do, self.where, self.more):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        open_width(self, 520)

    @staticmethod
    def _paragraph(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _show_details(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_view.setVisible(shown)
        refit(self)

    def open_log_folder(self) -> None:
        if self.log_folder is not None:
            open_url(QUrl.fromLocalFile(str(self.log_folder)))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)

    def add_another(self) -> None:
        """Another error while this one is shown: counted here, its details in the log."""
        self._more += 1
        self.more.setText(
            self.tr(
                "%n more error(s) happened while this message was open; see the log.",
                "",
                self._more,
            )
        )
        self.more.show()
