"""The table view every list of records uses: whole rows, one at a time, one line each, the
columns as wide as their spec says, or as the clerk left them (desktop.ui.layout_memory)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.ui.layout_memory import remember


def record_table(
    model: Any, *, row_numbers: bool = True, row_height: int = 26, name: str = ""
) -> QTableView:
    """A view over ``model`` (a RowTableModel or one like it, whose ``columns()`` carry a
    width); ``row_numbers=False`` hides the numbered row header. In the main window its
    widths are remembered between runs, under ``name`` (unique within its tab or section;
    an unnamed table is named by its order there)."""
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
    remember(table, name)
    return table
