"""The table view every list of records uses: whole rows, one at a time, one line each, the
columns as wide as their spec says (or as their heading and their fixed values need, in the
language on screen), or as the clerk left them (desktop.ui.layout_memory)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

from desktop.ui.layout_memory import remember


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def cell_width(view: QTableView | QTreeView, text: str) -> int:
    """How wide a cell of ``view`` must be to show ``text`` whole, as its style draws it."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    option.text = text
    size = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
    return size.width() + 1  # the grid line


def fitted_width(view: QTableView | QTreeView, section: int, column: Any) -> int:
    """``column``'s width from its spec, widened to show its heading and the longest of its
    fixed values (``column.fits``, an enum's labels) whole. Measured once, when the table is
    built: the texts of the language on screen, never the rows."""
    width = max(column.width, _header(view).sectionSizeFromContents(section).width())
    fits = getattr(column, "fits", None)
    if fits is not None:
        width = max([width, *(cell_width(view, text) for text in fits())])
    return width


def fit_columns(view: QTableView | QTreeView, columns: Sequence[Any]) -> None:
    """Each column of ``view`` as wide as fitted_width says (the model must be set)."""
    for i, column in enumerate(columns):
        view.setColumnWidth(i, fitted_width(view, i, column))


def widen_to_headings(view: QTableView | QTreeView) -> None:
    """Each column of ``view`` at least as wide as its heading in the language on screen (a
    translation may be longer than the width chosen for the Chinese one); a stretched column
    takes what is left anyway."""
    header = _header(view)
    for i in range(header.count()):
        if header.sectionResizeMode(i) is QHeaderView.ResizeMode.Stretch:
            continue
        need = header.sectionSizeFromContents(i).width()
        if header.sectionSize(i) < need:
            header.resizeSection(i, need)


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
    fit_columns(table, model.columns())
    remember(table, name)
    return table
