"""A programme record's detail pane: every field (the unlisted ones too), where it came from,
and room below for what a kind adds (the fund's year, the chain)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.programme_fields import KindSpec
from desktop.ui.programme_values import field_label, value_text


class ProgrammeDetail(QScrollArea):
    def __init__(self, spec: KindSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setWidgetResizable(True)
        self.setMinimumWidth(300)
        inner = QWidget()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.title.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.extras = QVBoxLayout()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addLayout(self.extras)
        layout.addStretch()
        self.setWidget(inner)
        self.show_row(None)

    def show_row(self, row: Any | None, *, origin: bool = False) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        if row is None:
            self.title.setText(self.tr("Choose a record in the list to see it here."))
            return
        named = [f for f in self.spec.fields if f.key in ("title", "name", "topic")]
        shown = named[:1] or [f for f in self.spec.fields if f.listed][:2]
        self.title.setText("  ".join(t for t in (value_text(f, row) for f in shown) if t))
        for f in self.spec.fields:
            text = value_text(f, row)
            value = QLabel(text)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(field_label(f), value)
        if origin and row.origin:
            self.form.addRow(self.tr("Recorded by"), QLabel(row.origin))

    def value_of(self, caption: str) -> str:
        """The text shown beside ``caption`` (for tests)."""
        for i in range(self.form.rowCount()):
            label = self.form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(i, QFormLayout.ItemRole.FieldRole)
            if label and field and label.widget().text() == caption:
                return field.widget().text()
        return ""
