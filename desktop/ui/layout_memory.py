"""The window as it was left: every table's column widths (and sort), the splitters' panes and
the inner tabs, saved when the window closes and put back the first time each is shown.

Each remembered widget carries a name (its objectName); its key in the INI file is the path of
names from the window down, e.g. ``duty_tab/inner/visits/table``. Putting back happens on the
widget's first show event: the tabs are built after the window's first paint, so none of it
costs start-up time, and a table's widths, set once, outlive every model reset."""

from __future__ import annotations

from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplitter, QTableView, QTabWidget, QTreeView, QWidget

from desktop.ui.settings import UiSettings

# What remember_all finds in a tab, and the names it gives those its code did not name.
FOUND = ((QTableView, "table"), (QTreeView, "tree"), (QSplitter, "splitter"))
W = TypeVar("W", bound=QWidget)


class _Watcher(QObject):
    """Puts a watched widget back as it was the first time it is shown, through the memory of
    its window (a dialog has none: its tables keep their widths from the code)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            memory = getattr(watched.window(), "layout_memory", None)
            if isinstance(memory, LayoutMemory):
                memory.restore(watched)
        return False


_watcher: list[_Watcher] = []  # one for the whole program, made with the first table


def remember(widget: W, name: str = "") -> W:
    """Keep ``widget`` (a table or tree, a splitter, a tab widget) as it is left, under
    ``name`` (or the objectName it has, or is given by remember_all)."""
    if name:
        widget.setObjectName(name)
    if not _watcher:
        _watcher.append(_Watcher())
    widget.installEventFilter(_watcher[0])
    return widget


def remember_all(root: QWidget) -> None:
    """Every table, tree and splitter inside ``root`` (a tab, a section built later), those
    without a name named by their order: ``table0``, ``splitter1``..."""
    for kind, stem in FOUND:
        unnamed = 0
        for widget in root.findChildren(kind):
            if widget.objectName().startswith("qt_"):  # a part of a Qt widget (a calendar's)
                continue
            if not widget.objectName():
                widget.setObjectName(f"{stem}{unnamed}")
                unnamed += 1
            remember(widget)


def key_of(widget: QWidget) -> str:
    """The path of names from the window down to ``widget``; empty if ``widget`` has none."""
    if not widget.objectName():
        return ""
    names = []
    top = widget.window()
    current: QWidget | None = widget
    while current is not None and current is not top:
        name = current.objectName()
        if name and not name.startswith("qt_"):  # Qt's own parts: a tab widget's stack
            names.append(name)
        current = current.parentWidget()
    return "/".join(reversed(names))


class LayoutMemory:
    """The window's: puts back what ``settings`` has for each widget shown, saves on close."""

    def __init__(self, settings: UiSettings) -> None:
        self._settings = settings
        self._shown: dict[str, QWidget] = {}

    def restore(self, widget: QWidget) -> None:
        key = key_of(widget)
        if not key:
            return
        self._shown[key] = widget
        if isinstance(widget, (QTableView, QTreeView)):
            self._restore_header(widget, key)
        elif isinstance(widget, QSplitter):
            state = self._settings.splitter_state(key, widget.count())
            if not state.isEmpty():
                widget.restoreState(state)
        elif isinstance(widget, QTabWidget):
            page = self._settings.page(key)
            if 0 < page < widget.count() and widget.isTabVisible(page):
                widget.setCurrentIndex(page)

    def _restore_header(self, view: Any, key: str) -> None:
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        columns = header.count()
        model = view.model()
        if not columns and model is not None:  # the columns come with the first rows
            signals = (model.modelReset, model.columnsInserted, model.layoutChanged)

            def once(*_args: Any) -> None:
                if header.count():
                    for signal in signals:
                        signal.disconnect(once)
                    self._restore_header(view, key)

            for signal in signals:
                signal.connect(once)
            return
        state = self._settings.header_state(key, columns)
        if state.isEmpty():
            return
        # Which columns show is the tab's to say (the county sees Origin, a station not).
        hidden = [header.isSectionHidden(i) for i in range(columns)]
        header.restoreState(state)
        for i, was_hidden in enumerate(hidden):
            header.setSectionHidden(i, was_hidden)

    def save(self) -> None:
        """Every widget shown in this run, as it is now (those never shown keep their state)."""
        for key, widget in self._shown.items():
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, (QTableView, QTreeView)):
                header = (
                    widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
                )
                if header.count():
                    self._settings.set_header_state(key, header.saveState(), header.count())
            elif isinstance(widget, QSplitter):
                self._settings.set_splitter_state(key, widget.saveState(), widget.count())
            elif isinstance(widget, QTabWidget):
                self._settings.set_page(key, widget.currentIndex())
