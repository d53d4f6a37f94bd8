"""Every tab of the main window shows its words whole, in Chinese and in English (longer): at
1280×800 no label, button or drop-down is narrower than its text, no column heading narrower
than its words, and no column of a fixed set of values (a state, a kind, a gender) narrower
than its longest value. At 1092×550 (a 1366×768 laptop at 125%) a tab may need scrolling in its
tables, but nothing is cut either: the window keeps the size its tabs need.

The windows here are new (no column widths remembered: desktop.ui.layout_memory), so what is
checked are the widths the tabs give themselves. Set TAB_PNG_DIR to keep a picture of each."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

from desktop.services import open_services
from desktop.ui import tasks
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from desktop.ui.tab_specs import TAB_SPECS
from tests.conftest import DEMO_AS_OF

AS_OF = DEMO_AS_OF
WINDOW = QSize(1280, 800)
LAPTOP = QSize(1092, 550)  # 1366×768 at 125%, less the taskbar and the title bar
# A line edit draws its placeholder within its frame and text margins: 11 pixels in Fusion.
PLACEHOLDER = 12


@pytest.fixture
def demo_path(demo_county: Path) -> Path:
    return demo_county


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "zh_CN")  # later tests expect the shipped Chinese


def _settle(qtbot) -> None:
    qtbot.wait(40)
    for _ in range(3):
        QApplication.processEvents()


def _visible(root: QWidget, kinds: tuple[type, ...]) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(root.window()):
            yield widget


def _name(widget: QWidget) -> str:
    text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
    return f"{type(widget).__name__} {text[:40]!r}"


def _combo_text(combo: QComboBox) -> int:
    """How wide ``combo`` must be to show its current item whole (its size hint may follow a
    dozen characters only, for a long list of names)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    # As QComboBox measures its items (recomputeSizeHint), and as wide as the style's frame.
    text = QSize(combo.fontMetrics().boundingRect(combo.currentText()).width(), 14)
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo)
    return size.width()


def clipped_widgets(root: QWidget) -> list[str]:
    """Labels, buttons and drop-downs narrower than their text (wrapped labels: than their
    longest word; drop-downs: than their size hint and their current item), and empty search
    boxes narrower than their placeholder."""
    problems = []
    for widget in _visible(root, (QLabel, QAbstractButton, QComboBox)):
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.minimumSizeHint().width()
        else:
            need = widget.sizeHint().width()
        if isinstance(widget, QComboBox):
            need = max(need, _combo_text(widget))
        if widget.width() < need:
            problems.append(f"{_name(widget)} is {widget.width()} wide, needs {need}")
    for edit in _visible(root, (QLineEdit,)):
        if edit.placeholderText() and not edit.text():
            need = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + PLACEHOLDER
            if edit.width() < need:
                problems.append(
                    f"search {edit.placeholderText()!r} is {edit.width()}, needs {need}"
                )
    return problems


def _header(view: QWidget) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def clipped_columns(root: QWidget) -> list[str]:
    """Column headings narrower than their words (as test_dialog_fit measures them: the text
    and the style's header margin each side), and columns of a fixed set of values (the
    Column's ``fits``) narrower than the longest."""
    problems = []
    for view in _visible(root, (QTableView, QTreeView)):
        header, model = _header(view), view.model()
        if model is None or not header.isVisibleTo(root.window()):
            continue
        style, metrics = header.style(), header.fontMetrics()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        cells = view.fontMetrics()
        columns = model.columns() if hasattr(model, "columns") else []
        for i in range(header.count()):
            if header.isSectionHidden(i):
                continue
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(text) + margin
            if i < len(columns) and columns[i].fits is not None:
                widest = max((cells.horizontalAdvance(t) for t in columns[i].fits()), default=0)
                need = max(need, widest + margin)
            if header.sectionSize(i) < need:
                problems.append(f"column {text!r} is {header.sectionSize(i)} wide, needs {need}")
    return problems


def _pages(qtbot, window: MainWindow) -> Iterator[str]:
    """Each tab in turn, and each page inside it (the duty tab's two registers, each section
    of the programmes, the overview's two pages): yields its name while it is on screen."""
    for index, (attr, *_rest) in enumerate(TAB_SPECS):
        if attr == "dashboard_tab":
            dash = window.dashboard_tab
            with qtbot.waitSignal(dash.figures_shown, timeout=30_000):
                window.tabs.setCurrentWidget(dash)
            _settle(qtbot)
            yield "overview"
            with qtbot.waitSignal(dash.completeness_shown, timeout=30_000):
                dash.pages.setCurrentIndex(1)
            _settle(qtbot)
            yield "completeness"
            dash.pages.setCurrentIndex(0)
            continue
        window.tabs.setCurrentIndex(index)
        _settle(qtbot)
        tab = window.tabs.currentWidget()
        if attr == "duty_tab":
            for page in (tab.duty_days, tab.visits):
                tab.inner.setCurrentWidget(page)
                _settle(qtbot)
                yield f"{attr}.{page.objectName()}"
        elif attr == "programmes_tab":
            for i in range(tab.chooser.count()):
                tab.chooser.setCurrentRow(i)
                _settle(qtbot)
                yield f"{attr}.{tab.current_key()}"
        else:
            yield attr


def _keep_picture(window: MainWindow, name: str, language: str, size: QSize) -> None:
    folder = os.environ.get("TAB_PNG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.{language}.{size.width()}.png"))


def _walk(qtbot, demo_path: Path, tmp_path: Path, language: str, size: QSize) -> list[str]:
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: AS_OF)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    services = open_services(demo_path, today=lambda: AS_OF)
    problems: list[str] = []
    try:
        window.attach(services)
        for name in _pages(qtbot, window):
            _keep_picture(window, name, language, size)
            if window.size() != size:  # its minimum size is larger: it cannot be made smaller
                problems.append(f"{name}: the window grew to {window.width()}×{window.height()}")
            tab = window.tabs.currentWidget()
            found = clipped_widgets(tab) + clipped_columns(tab)
            problems.extend(f"{name}: {p}" for p in found)
    finally:
        assert tasks.cancel_all()
        window.close()
        services.close()
    return problems


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_each_tab_shows_its_words_whole(qtbot, demo_path, tmp_path, language: str) -> None:
    problems = _walk(qtbot, demo_path, tmp_path, language, WINDOW)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_each_tab_fits_a_laptop_at_125_percent(qtbot, demo_path, tmp_path, language: str) -> None:
    """1092×550: the tool rows put their buttons on a second line, a programme section wider
    than its room scrolls; the window never needs to be wider than the screen."""
    problems = _walk(qtbot, demo_path, tmp_path, language, LAPTOP)
    assert problems == [], "\n".join(problems)
