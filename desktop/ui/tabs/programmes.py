"""The programmes tab (项目与专项): voted livelihood projects, the special fund, supervision
visits, draft laws, legislative contacts, training, legal-service liaison, stories and the
household signs, one section at a time, chosen in the list on the left."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop.domain.programme_specs import SPECS
from desktop.ui.layout_memory import remember_all
from desktop.ui.programme_values import kind_label

if TYPE_CHECKING:
    from desktop.services import Services

SIGNS = "household-signs"
# The sections in the order of the county's year: projects first, the sign last.
SECTIONS = (
    "projects",
    "fund-projects",
    "supervisions",
    "drafts",
    "legislative-contacts",
    "training",
    "legal-officers",
    "legal-events",
    "stories",
    SIGNS,
)


class _Room(QWidget):
    """The sections inside the scroll area, as large as it is, never below their minimum size.
    (Given the sections themselves, QScrollArea would ask their height for its width, as their
    tool row wraps, and take their preferred height as the least: a scroll bar at any size.)"""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self._inner = inner
        inner.setParent(self)

    def sizeHint(self) -> QSize:
        return self._inner.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._inner.minimumSizeHint().expandedTo(self._inner.minimumSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._inner.setGeometry(self.rect())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a section's minimum changed
            self.updateGeometry()
        return super().event(event)


class ProgrammesTab(QWidget):
    counts_changed = Signal(str)

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self.services: Services | None = None
        self._writable = False
        self._sections: dict[str, Any] = {}
        self._attached: set[str] = set()
        self._counts: dict[str, str] = {}
        self.chooser = QListWidget()
        for key in SECTIONS:
            if key == SIGNS:
                self.chooser.addItem(QCoreApplication.translate("ProgrammesTab", "Household signs"))
            else:
                self.chooser.addItem(kind_label(SPECS[key]))
        # As wide as its longest name in the language on screen: the sections take the rest.
        names = self.chooser.sizeHintForColumn(0) + 2 * self.chooser.frameWidth() + 8
        self.chooser.setFixedWidth(names)
        self.stack = QStackedWidget()
        for _key in SECTIONS:
            self.stack.addWidget(QWidget())  # built when first chosen
        # A section wider than the window (a laptop at 125%, in English) scrolls, never cut.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(_Room(self.stack))
        layout = QHBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(scroll, 1)
        self.chooser.currentRowChanged.connect(self._chosen)
        self.chooser.setCurrentRow(0)

    # --- sections ---------------------------------------------------------------------------

    def section(self, key: str) -> Any:
        """The section ``key``, built (and attached once the services are there) on first use."""
        if key not in self._sections:
            if key == SIGNS:
                from desktop.ui.tabs.programme_signs import HouseholdSignsSection

                widget: Any = HouseholdSignsSection()
            else:
                from desktop.ui.tabs.programme_kinds import section_for

                widget = section_for(key, self._today)
            widget.counts_changed.connect(lambda text, k=key: self._set_count(k, text))
            widget.setObjectName(key)  # its tables and splitters are kept under the kind
            remember_all(widget)
            index = SECTIONS.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._sections[key] = widget
        widget = self._sections[key]
        if self.services is not None and key not in self._attached:
            self._attached.add(key)
            widget.attach(self.services, self._writable)
        return widget

    def current_key(self) -> str:
        return SECTIONS[max(0, self.chooser.currentRow())]

    def current_section(self) -> Any:
        return self.section(self.current_key())

    def show_section(self, key: str) -> Any:
        self.chooser.setCurrentRow(SECTIONS.index(key))
        return self.section(key)

    def _chosen(self, row: int) -> None:
        if row < 0:
            return
        key = SECTIONS[row]
        widget = self.section(key)
        self.stack.setCurrentWidget(widget)
        self.counts_changed.emit(self._counts.get(key, ""))

    def _set_count(self, key: str, text: str) -> None:
        self._counts[key] = text
        if key == self.current_key():
            self.counts_changed.emit(text)

    # --- what the main window asks of a tab -------------------------------------------------

    def attach(self, services: Services, writable: bool = True) -> None:
        self.services = services
        self._writable = writable
        self._attached.clear()
        self.current_section()

    def reload(self) -> None:
        for key in list(self._attached):
            self._sections[key].reload()

    def show_fund_project(self, fund_project_id: uuid.UUID) -> bool:
        """Open a special-fund project (from a feedback case's chain): every filter cleared."""
        section = self.show_section("fund-projects")
        section.clear_filters()
        section.reload()
        return section.select_record(fund_project_id)
