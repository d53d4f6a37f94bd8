"""The window as it was left: column widths, splitters, the inner tab and the window's size come
back on the next start; the menus show their keys, and no key is taken twice."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from desktop.services import open_services
from desktop.services.demo import fill_demo
from desktop.ui.dialogs.deputy import DeputyDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import WINDOW_GEOMETRY, UiSettings
from desktop.ui.tab_specs import TAB_SPECS
from tests.gui_helpers import when_modal

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "station.sqlite"
    services = open_services(path, today=lambda: AS_OF)
    try:
        fill_demo(services, scale="station", years=1, seed=7, as_of=AS_OF)
    finally:
        services.close()
    return path


def _window(qtbot, ini: Path, demo_path: Path, *, maximized: bool = False) -> MainWindow:
    """A window painted, then on the demo station's database (as at start-up)."""
    window = MainWindow(UiSettings(ini), today=lambda: AS_OF)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.showMaximized() if maximized else window.show()
    qtbot.wait(20)  # the visible tab is built right after the first paint
    window.attach(open_services(demo_path, today=lambda: AS_OF))
    return window


def _split(tab: QWidget) -> QSplitter:
    split = tab.findChild(QSplitter, "split")
    assert split is not None
    return split


def test_widths_splitters_and_the_inner_tab_come_back(qtbot, qapp, demo_path, tmp_path) -> None:
    ini = tmp_path / "ui.ini"
    first = _window(qtbot, ini, demo_path)
    first.tabs.setCurrentWidget(first.feedback_tab)
    qtbot.wait(50)  # laid out in the window
    feedback = first.feedback_tab
    feedback.table.setColumnWidth(0, 171)  # as a drag on the header does
    feedback.table.setColumnWidth(8, 57)
    _split(feedback).setSizes([420, 700])
    feedback_split = _split(feedback).sizes()
    first.tabs.setCurrentWidget(first.duty_tab)
    first.duty_tab.inner.setCurrentWidget(first.duty_tab.visits)
    first.duty_tab.visits.table.setColumnWidth(1, 233)
    first.tabs.setCurrentWidget(first.programmes_tab)
    section = first.programmes_tab.show_section("supervisions")
    qtbot.wait(50)
    section.table.setColumnWidth(0, 144)
    _split(section).setSizes([500, 600])
    section_split = _split(section).sizes()
    first.tabs.setCurrentWidget(first.points_tab)  # the tab it opens on next time
    first.points_tab.table.setColumnWidth(1, 133)
    register = first.points_tab.register
    register.setColumnWidth(0, 310)
    qtbot.wait(10)
    first.close()
    # The offscreen screen (800 pixels) is smaller than the window: a geometry put back there
    # is fitted to it. Both windows the same size here, for splitters of the same length.
    settings = UiSettings(ini)
    settings.set(WINDOW_GEOMETRY, QByteArray())
    settings.sync()

    second = _window(qtbot, ini, demo_path)
    # Restored when first shown, before the rows arrived: the rows (a model reset) keep them.
    assert second.tabs.currentWidget() is second.points_tab
    assert second.points_tab.model.rowCount() > 0
    assert second.points_tab.table.columnWidth(1) == 133
    assert second.points_tab.register.columnWidth(0) == 310
    second.tabs.setCurrentWidget(second.feedback_tab)
    qtbot.wait(10)
    feedback = second.feedback_tab
    assert (feedback.table.columnWidth(0), feedback.table.columnWidth(8)) == (171, 57)
    assert feedback.table.columnWidth(1) == 95  # the others as the code has them
    qtbot.waitUntil(lambda: _split(second.feedback_tab).sizes() == feedback_split)
    feedback.reload()  # a model reset, once the window is up
    assert feedback.table.columnWidth(0) == 171
    second.tabs.setCurrentWidget(second.duty_tab)
    assert second.duty_tab.inner.currentWidget() is second.duty_tab.visits
    assert second.duty_tab.visits.table.columnWidth(1) == 233
    assert second.duty_tab.duty_days.table.columnWidth(1) == 200
    second.tabs.setCurrentWidget(second.programmes_tab)
    section = second.programmes_tab.show_section("supervisions")
    qtbot.wait(10)
    assert section.table.columnWidth(0) == 144
    qtbot.waitUntil(lambda: _split(section).sizes() == section_split)
    second.close()


def test_the_site_still_says_which_columns_show(qtbot, qapp, demo_path, tmp_path) -> None:
    """A state saved with the Origin column showing (the county's) leaves it hidden at a
    station; widths saved for other columns (an older version's) are not put on these."""
    ini = tmp_path / "ui.ini"
    first = _window(qtbot, ini, demo_path)
    first.tabs.setCurrentWidget(first.duty_tab)
    first.duty_tab.inner.setCurrentWidget(first.duty_tab.visits)
    visits = first.duty_tab.visits
    origin = visits._column_index("Origin")
    assert visits.table.isColumnHidden(origin)  # a station
    visits.table.setColumnHidden(origin, False)
    visits.table.setColumnWidth(0, 150)
    first.duty_tab.inner.setCurrentWidget(first.duty_tab.duty_days)  # visits shown later
    first.close()
    # Another version's activities table: five columns, the first 300 pixels wide.
    other = QTableView()
    other.setModel(QStandardItemModel(0, 5))
    other.setColumnWidth(0, 300)
    settings = UiSettings(ini)
    settings.set_header_state("activities_tab/table", other.horizontalHeader().saveState(), 5)
    settings.sync()

    second = _window(qtbot, ini, demo_path)
    second.tabs.setCurrentWidget(second.duty_tab)
    visits = second.duty_tab.visits
    assert visits.services is not None  # attached before it is first shown
    second.duty_tab.inner.setCurrentWidget(visits)
    assert visits.table.columnWidth(0) == 150
    assert visits.table.isColumnHidden(origin)
    second.tabs.setCurrentWidget(second.activities_tab)
    table = second.activities_tab.table
    assert table.columnWidth(0) == second.activities_tab.model.columns()[0].width != 300
    second.close()


def test_a_maximized_window_opens_maximized(qtbot, qapp, demo_path, tmp_path) -> None:
    ini = tmp_path / "ui.ini"
    first = _window(qtbot, ini, demo_path, maximized=True)
    assert first.isMaximized()
    first.close()
    second = _window(qtbot, ini, demo_path)  # shown, not asked to maximize
    assert second.isMaximized()
    second.close()


# --- keys ---------------------------------------------------------------------------------


def _scope(entry: QAction | QShortcut, window: MainWindow) -> tuple[QWidget, bool]:
    """Where a key works: a widget, and whether its children too."""
    if isinstance(entry, QShortcut):
        context, owner = entry.context(), entry.parent()
    else:
        context, owner = entry.shortcutContext(), window
    if context == Qt.ShortcutContext.WidgetShortcut:
        return owner, False
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return owner, True
    return owner.window(), True  # a dialog's keys are its own


def _covers(scope: tuple[QWidget, bool], widget: QWidget) -> bool:
    owner, children = scope
    return owner is widget or (children and owner.isAncestorOf(widget))


def _clashes(window: MainWindow) -> list[str]:
    """Keys two actions or shortcuts answer to where both work: Qt then runs neither."""
    entries = []
    for entry in [*window.findChildren(QAction), *window.findChildren(QShortcut)]:
        keys = entry.shortcuts() if isinstance(entry, QAction) else entry.keys()
        for key in keys:
            entries.append((key.toString(), entry, _scope(entry, window)))
    clashes = []
    for i, (key, entry, scope) in enumerate(entries):
        for other_key, other, other_scope in entries[i + 1 :]:
            if key != other_key or other is entry:
                continue
            if _covers(scope, other_scope[0]) or _covers(other_scope, scope[0]):
                clashes.append(key)
    return clashes


def test_the_menus_show_each_key_once(qtbot, qapp, demo_path, tmp_path) -> None:
    window = _window(qtbot, tmp_path / "ui.ini", demo_path)
    for attr, *_ in TAB_SPECS:
        window.tab(attr)  # every tab's own keys (Delete, Enter on a table)
    records = window.record_actions
    listed = {
        window.open_action: QKeySequence.StandardKey.Open,
        window.quit_action: QKeySequence.StandardKey.Quit,
        window.ledger_actions.print_action: QKeySequence.StandardKey.Print,
        records.new_action: QKeySequence.StandardKey.New,
        records.find_action: QKeySequence.StandardKey.Find,
        records.refresh_action: QKeySequence.StandardKey.Refresh,
    }
    qtbot.waitUntil(lambda: not window.open_action.shortcut().isEmpty(), timeout=5000)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    for action, standard in listed.items():
        assert not action.shortcut().isEmpty(), action.text()
        bindings = QKeySequence.keyBindings(standard)
        assert not bindings or action.shortcut() == bindings[0], action.text()
        assert any(action in menu.actions() for menu in menus), action.text()
    keyed = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert all(any(a in menu.actions() for menu in menus) for a in keyed)  # each one shown
    # Ctrl+N was the register tabs' own before it was the menu's; each table's Delete and
    # Enter were the whole window's (a context PySide6 dropped): one key, one thing to do.
    assert _clashes(window) == []
    taken = Counter(key.toString() for action in keyed for key in action.shortcuts())
    assert [key for key, n in taken.items() if n > 1] == []
    window.close()


def test_the_records_menu_acts_on_the_register_on_screen(qtbot, qapp, demo_path, tmp_path):
    window = _window(qtbot, tmp_path / "ui.ini", demo_path)
    for attr, *_ in TAB_SPECS:
        window.tab(attr)  # the keys of every tab in place: each still works where it belongs
    window.tabs.setCurrentWidget(window.duty_tab)
    window.duty_tab.inner.setCurrentWidget(window.duty_tab.visits)
    visits = window.duty_tab.visits
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.waitUntil(lambda: not window.record_actions.find_action.shortcut().isEmpty())
    visits.search.setText("something")
    visits.table.setFocus()
    qtbot.keySequence(visits.table, QKeySequence.StandardKey.Find)  # Ctrl+F
    assert visits.search.hasFocus() and visits.search.selectedText() == "something"
    window.tabs.setCurrentWidget(window.deputies_tab)
    window.deputies_tab.table.setFocus()
    seen = when_modal(DeputyDialog, lambda dialog: dialog.reject())
    qtbot.keySequence(window.deputies_tab.table, QKeySequence.StandardKey.New)  # Ctrl+N
    assert len(seen) == 1
    window.deputies_tab.table.selectRow(0)
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.deputies_tab.table.setFocus()
    asked = when_modal(QMessageBox, lambda box: box.reject())
    qtbot.keyClick(window.deputies_tab.table, Qt.Key.Key_Delete)  # the table's own key
    assert len(asked) == 1 and window.deputies_tab.model.rowCount() > 0
    # Nothing to add in the points tab: the menu greys the item while open.
    window.tabs.setCurrentWidget(window.points_tab)
    window.record_actions.menu.aboutToShow.emit()
    assert not window.record_actions.new_action.isEnabled()
    assert window.record_actions.refresh_action.isEnabled()
    window.record_actions.menu.aboutToHide.emit()
    window.close()
