"""The dashboard's figure tiles: a big number (or a rate with part/whole beneath) over its caption;
a tile is a button that opens the records behind its figure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.figures import Figures, Rate
from desktop.domain.tr import QT_TRANSLATE_NOOP

# (figure, caption), in the order the county's annual report lists them.
TILES = (
    ("duty_batches", QT_TRANSLATE_NOOP("Dashboard", "Duty-day batches")),
    ("duty_deputy_times", QT_TRANSLATE_NOOP("Dashboard", "Deputies on duty (person-times)")),
    ("people_received", QT_TRANSLATE_NOOP("Dashboard", "People received")),
    ("written_opinions", QT_TRANSLATE_NOOP("Dashboard", "Written opinions formed")),
    ("visits", QT_TRANSLATE_NOOP("Dashboard", "Visits")),
    ("deputies_visited", QT_TRANSLATE_NOOP("Dashboard", "Deputies visited (person-times)")),
    ("activities", QT_TRANSLATE_NOOP("Dashboard", "Deputy activities")),
    ("opinions_collected", QT_TRANSLATE_NOOP("Dashboard", "Opinions collected")),
    ("opinions_passed_on", QT_TRANSLATE_NOOP("Dashboard", "Passed on to departments")),
    ("replied_on_time", QT_TRANSLATE_NOOP("Dashboard", "Replied on time")),
    ("satisfied_first", QT_TRANSLATE_NOOP("Dashboard", "Satisfied at the first answer")),
    ("overdue", QT_TRANSLATE_NOOP("Dashboard", "Overdue without a reply")),
    (
        "activity_person_times",
        QT_TRANSLATE_NOOP("Dashboard", "Deputies in activities (person-times)"),
    ),
)
COLUMNS = 7
TILE_STYLE = """
QPushButton#figureTile { background: #ffffff; border: 1px solid #cfd8e3; border-radius: 6px; }
QPushButton#figureTile:hover { background: #f2f7fd; border-color: #4a90d9; }
QPushButton#figureTile:focus { border: 2px solid #4a90d9; }
QPushButton#figureTile[warn="true"] { background: #fdecea; border-color: #d9534f; }
"""


class FigureTile(QPushButton):
    """One figure: value, part/whole of a rate, caption; clicked opens its records."""

    def __init__(self, figure: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("figureTile")
        self.value = QLabel("—")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #5f6b7a;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(1)
        for widget in (self.value, self.detail, self.caption):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(widget)
        layout.addStretch()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(130)
        # Every tile alike: the value, a line for a rate's part/whole, two lines of caption.
        small = self.caption.fontMetrics().lineSpacing()
        self.setFixedHeight(self.value.fontMetrics().lineSpacing() + 3 * small + 22)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(QCoreApplication.translate("Dashboard", "Show these records"))

    def set_value(self, value: int | Rate, warn: bool = False) -> None:
        if isinstance(value, Rate):
            self.value.setText(value.text())
            self.detail.setText(f"{value.part}/{value.whole}")
        else:
            self.value.setText(f"{value:,}")
            self.detail.setText("")
        self.value.setText(("⚠ " if warn else "") + self.value.text())
        self.setProperty("warn", warn)
        self.style().unpolish(self)
        self.style().polish(self)

    def value_text(self) -> str:
        return self.value.text()


class TileGrid(QWidget):
    """Every figure of the issue's list as a tile, in rows of seven."""

    figure_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TILE_STYLE)
        self.tiles: dict[str, FigureTile] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, (figure, caption) in enumerate(TILES):
            tile = FigureTile(figure, QCoreApplication.translate("Dashboard", caption))
            tile.clicked.connect(_emitter(self.figure_clicked.emit, figure))
            grid.addWidget(tile, i // COLUMNS, i % COLUMNS)
            self.tiles[figure] = tile

    def show_figures(self, figures: Figures) -> None:
        for figure, tile in self.tiles.items():
            value = getattr(figures, figure)
            tile.set_value(value, warn=figure == "overdue" and value > 0)


def _emitter(emit: Callable[[str], None], figure: str) -> Callable[[], None]:
    return lambda: emit(figure)
