"""The table view every list of records uses: whole rows, one at a time, one line each, the
columns as wide as their spec says."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableView


def record_table(model: Any, *, row_numbers: bool = True, row_height: int = 26) -> QTableView:
    """A view over ``model`` (a RowTableModel or one like it, whose ``columns()`` carry a
    width); ``row_numbers=False`` hides the numbered row header."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(row_numbers)
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(model.columns()):
        table.setColumnWidth(i, column.width)
    return table
