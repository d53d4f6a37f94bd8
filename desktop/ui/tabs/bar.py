"""The tabs' tool rows, sized by what they show: filters on the left, buttons on the right, and
the buttons on a line of their own when the window is too narrow for both (English words are
longer than Chinese ones; a 1366×768 laptop at 125% leaves 1092 pixels), never squeezed."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
)

# What a search box needs beside its placeholder: its frame and text margins (11 pixels in
# Fusion; the clear button shows only once something is typed, over the placeholder's room).
SEARCH_PADDING = 16


class WrapBar(QLayout):
    """Two parts on one line, ``lead`` (left; a stretch there takes the room left over) and
    ``tail`` (at the right end, or right after ``lead`` if not ``tail_right``); ``tail`` moves
    under ``lead`` when the line is narrower than both need. Each part is a QHBoxLayout: add
    widgets to them, not to the bar."""

    def __init__(self, tail_right: bool = True) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.lead = QHBoxLayout()
        self.tail = QHBoxLayout()
        self._tail_right = tail_right
        self._parts: list[QHBoxLayout] = [self.lead, self.tail]
        for part in self._parts:
            part.setContentsMargins(0, 0, 0, 0)
            self.addChildLayout(part)

    # --- QLayout ------------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        raise TypeError("add to WrapBar.lead or WrapBar.tail")

    def count(self) -> int:
        return len(self._parts)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._parts[index] if 0 <= index < len(self._parts) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return None  # the two parts stay for the bar's life

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        return self._height(inner) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        lead, tail = self.lead.sizeHint(), self.tail.sizeHint()
        width = lead.width() + (0 if self.tail.isEmpty() else self._gap() + tail.width())
        return self._plus_margins(QSize(width, max(lead.height(), tail.height())))

    def minimumSize(self) -> QSize:
        lead, tail = self.lead.minimumSize(), self.tail.sizeHint()
        size = QSize(max(lead.width(), tail.width()), max(lead.height(), tail.height()))
        return self._plus_margins(size)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        area = rect.marginsRemoved(self.contentsMargins())
        if self.tail.isEmpty():
            self.lead.setGeometry(area)
            return
        gap = self._gap()
        tail_width = min(self.tail.sizeHint().width(), area.width())
        if not self.wraps(area.width()):
            lead_width = area.width() - gap - tail_width
            if not self._tail_right:
                lead_width = min(lead_width, self.lead.sizeHint().width())
            self.lead.setGeometry(QRect(area.x(), area.y(), lead_width, area.height()))
            tail_x = area.x() + lead_width + gap
            self.tail.setGeometry(QRect(tail_x, area.y(), tail_width, area.height()))
            return
        lead_height = self.lead.sizeHint().height()
        self.lead.setGeometry(QRect(area.x(), area.y(), area.width(), lead_height))
        tail_x = area.x() + area.width() - tail_width if self._tail_right else area.x()
        tail_y = area.y() + lead_height + self._gap(vertical=True)
        self.tail.setGeometry(QRect(tail_x, tail_y, tail_width, self.tail.sizeHint().height()))

    # --- ours ---------------------------------------------------------------------------------

    def wraps(self, width: int) -> bool:
        """Whether ``tail`` goes under ``lead`` in a bar ``width`` wide (less its margins)."""
        if self.tail.isEmpty():
            return False
        return width < self.lead.minimumSize().width() + self._gap() + self.tail.sizeHint().width()

    def _height(self, width: int) -> int:
        lead, tail = self.lead.sizeHint().height(), self.tail.sizeHint().height()
        if self.wraps(width):
            return lead + self._gap(vertical=True) + tail
        return max(lead, tail)

    def _gap(self, vertical: bool = False) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        metric = (
            QStyle.PixelMetric.PM_LayoutVerticalSpacing
            if vertical
            else QStyle.PixelMetric.PM_LayoutHorizontalSpacing
        )
        widget = self.parentWidget()
        style = widget.style() if widget is not None else None
        return max(0, style.pixelMetric(metric, None, widget)) if style is not None else 6

    def _plus_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size.grownBy(margins)


def fit_placeholder(search: QLineEdit, least: int = 0) -> None:
    """A search box at least wide enough to show its placeholder (its hint to the user) whole."""
    text = search.fontMetrics().horizontalAdvance(search.placeholderText())
    search.setMinimumWidth(max(least, text + SEARCH_PADDING))


def follow_items(*combos: QComboBox) -> None:
    """Drop-downs as wide as their longest item, whenever their items change (filled when a
    database is attached: Qt's default measures them once, on first show)."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)


class ManyChoices(QComboBox):
    """A drop-down of a long list of names (the county's stations): a dozen characters wide,
    or as wide as its first item ("All stations") if that is wider, so that a long name does
    not widen the whole row; the list opens as wide as its longest name."""

    def __init__(self, least_chars: int = 12) -> None:
        super().__init__()
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(least_chars)
        for signal in (self.model().rowsInserted, self.model().rowsRemoved):
            signal.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self._first_item())

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(self._first_item())

    def _first_item(self) -> QSize:
        if not self.count():
            return QSize()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        # As QComboBox measures an item for its size hint (the text's bounding box).
        text = QSize(self.fontMetrics().boundingRect(self.itemText(0)).width(), 14)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, self)
