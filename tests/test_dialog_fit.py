"""Every dialog fits a 1366×768 laptop screen at 125% scaling, in Chinese, in English and in a
pseudo-locale 40% wider; nothing in it is clipped; and in English it shows no Chinese.

The screen: 1366×768 pixels at 125% are 1092×614 device-independent pixels. The Windows taskbar
takes 40 pixels at 100%, 32 here, which leaves an available area of 1092×582; a dialog's title
bar and frame take about 31 more above its client area. So a dialog's client area may be at most
``FIT`` = 1092×550: its size as it opens, and its minimum size (what the user cannot shrink it
below). Qt's show() and adjustSize() keep a window without a size of its own under 2/3 of the
screen anyway, so the size a dialog gives itself and its layout's minimum are what count.

The offscreen test screen is 800×800, so the screen a dialog sizes itself by (availableGeometry)
is replaced here by that 1092×582 area. Set DIALOG_PNG_DIR to keep a picture of each dialog.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop.ui.forms import RecordDialog
from desktop.ui.i18n import install_translators
from desktop.ui.pseudo_locale import CLOSE, OPEN, install_pseudo
from tests import dialog_catalogue as catalogue

FIT = QSize(1092, 550)  # the client area a dialog may take (see the module's docstring)
AVAILABLE = QRect(0, 0, 1092, 614 - 32)  # the screen less the taskbar
SCREEN = QRect(0, 0, 1092, 614)
CJK = catalogue.CJK
NAMES = list(catalogue.ENTRIES)


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[dict[str, catalogue.World]]:
    """The Chinese database and the Latin one, each built once for the module."""
    from desktop.sync import crypto

    made: dict[str, catalogue.World] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(crypto, "DEFAULT_SCRYPT", (4, 1, 1))
        for name in ("chinese", "latin"):
            folder = tmp_path_factory.mktemp(name)
            made[name] = catalogue.make_world(folder, latin=name == "latin")
    yield made
    for world in made.values():
        world.close()


@pytest.fixture(autouse=True)
def small_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dialogs that size themselves by their screen see the 1366×768 laptop's."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(AVAILABLE))
    monkeypatch.setattr(QScreen, "geometry", lambda _self: QRect(SCREEN))


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """Installs "zh_CN", "en" or "pseudo" (English 40% wider); zh_CN again afterwards."""
    chosen = request.param
    pseudo = install_pseudo(qapp, "en") if chosen == "pseudo" else None
    if pseudo is None:
        install_translators(qapp, chosen)
    yield chosen
    if pseudo is not None:
        qapp.removeTranslator(pseudo)
    install_translators(qapp, "zh_CN")


def shown(qtbot, world: catalogue.World, name: str) -> QDialog:
    dialog = catalogue.build(name, world)
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):  # let layouts, word wraps and message boxes settle
        QApplication.processEvents()
    return dialog


def keep_picture(dialog: QDialog, name: str, language: str) -> None:
    folder = os.environ.get("DIALOG_PNG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(folder) / f"{name}.{language}.png"))


def fits(dialog: QDialog) -> list[str]:
    """What of the dialog is larger than the screen has room for."""
    problems = []
    for what, size in (
        ("opens at", dialog.size()),
        ("minimum size hint", dialog.minimumSizeHint()),
        ("minimum size", dialog.minimumSize()),
    ):
        if size.width() > FIT.width() or size.height() > FIT.height():
            problems.append(f"{what} {size.width()}×{size.height()}")
    return problems


def _visible(dialog: QDialog, kinds: tuple[type, ...]) -> Iterator[QWidget]:
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(dialog):
            yield widget


def _name(widget: QWidget) -> str:
    text = widget.title() if isinstance(widget, QGroupBox) else getattr(widget, "text", str)()
    return f"{type(widget).__name__} {text[:50]!r}"


def clipped(dialog: QDialog) -> list[str]:
    """Labels, buttons and group boxes narrower than their text (or, wrapped, shorter)."""
    problems = []
    for widget in _visible(dialog, (QLabel, QAbstractButton, QGroupBox)):
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = QSize(widget.minimumSizeHint().width(), widget.heightForWidth(size.width()))
        elif isinstance(widget, QGroupBox):
            need = widget.minimumSizeHint()
        else:
            need = widget.sizeHint()
        if size.width() < need.width() or size.height() < need.height():
            problems.append(f"{_name(widget)} is {size.width()}×{size.height()}, needs "
                            f"{need.width()}×{need.height()}")  # fmt: skip
    return problems + clipped_headings(dialog)


def clipped_headings(dialog: QDialog) -> list[str]:
    """Column headings of tables and trees narrower than their text."""
    problems = []
    for header in _visible(dialog, (QHeaderView,)):
        if header.orientation() != _across() or header.model() is None:
            continue
        style, metrics = header.style(), header.fontMetrics()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for i in range(header.count()):
            text = str(header.model().headerData(i, _across()) or "")
            need = metrics.horizontalAdvance(text) + margin
            if not header.isSectionHidden(i) and header.sectionSize(i) < need:
                problems.append(f"heading {text!r} is {header.sectionSize(i)} wide, needs {need}")
    return problems


def with_errors(dialog: QDialog) -> bool:
    """A record form with a refusal beside every field and one below them all (the longest
    message a field may get); False for a dialog that is not a record form."""
    if not isinstance(dialog, RecordDialog):
        return False
    from desktop.domain.validation import MSG_PHONE_CHARS, InvalidValue

    refusals: dict[str, Exception] = {n: InvalidValue(MSG_PHONE_CHARS) for n in dialog._errors}
    refusals["_general"] = InvalidValue(MSG_PHONE_CHARS)
    dialog.show_errors(refusals)
    for _ in range(3):
        QApplication.processEvents()
    return True


def interface_texts(dialog: QDialog) -> list[str]:
    """The words the program puts on screen (records' cells are data, not counted)."""
    texts = [dialog.windowTitle()]
    for widget in _visible(dialog, (QWidget,)):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            texts.extend(str(model.headerData(c, _across()) or "")
                         for c in range(model.columnCount(QModelIndex())))  # fmt: skip
    return texts


def _across():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# --- the tests -----------------------------------------------------------------------------


def test_the_catalogue_has_every_dialog_of_the_program() -> None:
    """A new dialog class must be added to tests/dialog_catalogue.py (RecordDialog is the form
    every record dialog is built on, never shown by itself)."""
    built = {entry.cls for entry in catalogue.ENTRIES.values()}
    missing = catalogue.dialog_classes() - built - {RecordDialog}
    assert not missing, f"not in tests/dialog_catalogue.py: {sorted(c.__name__ for c in missing)}"


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
@pytest.mark.parametrize("name", NAMES)
def test_each_dialog_fits_the_screen(qtbot, worlds, language: str, name: str) -> None:
    world = worlds["latin" if language == "en" else "chinese"]
    dialog = shown(qtbot, world, name)
    keep_picture(dialog, name, language)
    assert fits(dialog) == [], name
    assert clipped(dialog) == [], name
    if with_errors(dialog):
        keep_picture(dialog, name + "-errors", language)
        assert clipped(dialog) == [], f"{name} with a refusal beside each field"
        assert fits(dialog) == [], f"{name} with a refusal beside each field"
    dialog.adjustSize()
    assert fits(dialog) == [], f"{name} after adjustSize()"


@pytest.mark.parametrize("language", ["pseudo"], indirect=True)
@pytest.mark.parametrize("name", NAMES)
def test_each_dialog_takes_text_40_percent_longer(qtbot, worlds, language: str, name: str) -> None:
    dialog = shown(qtbot, worlds["latin"], name)
    keep_picture(dialog, name, language)
    assert OPEN in dialog.windowTitle() + "".join(interface_texts(dialog))  # really stretched
    assert clipped(dialog) == [], name
    assert fits(dialog) == [], name
    if with_errors(dialog):
        keep_picture(dialog, name + "-errors", language)
        assert clipped(dialog) == [], f"{name} with a refusal beside each field"
        assert fits(dialog) == [], f"{name} with a refusal beside each field"


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
@pytest.mark.parametrize("name", ["print_preview", "audit_log", "enrolled_sites", "restore"])
def test_wide_dialogs_open_within_the_screen_and_can_be_resized(
    qtbot, worlds, language: str, name: str
) -> None:
    """Long rows and pages: they open as large as the laptop allows, and the user may make
    them larger (on a larger screen) or smaller."""
    dialog = shown(qtbot, worlds["chinese"], name)
    assert dialog.width() <= FIT.width() and dialog.height() <= FIT.height()
    assert dialog.width() >= 900  # wide content gets the room there is
    assert dialog.maximumWidth() > FIT.width() and dialog.maximumHeight() > FIT.height()
    assert dialog.minimumWidth() < dialog.width() and dialog.minimumHeight() < dialog.height()


@pytest.mark.parametrize("language", ["en"], indirect=True)
@pytest.mark.parametrize("name", NAMES)
def test_english_dialogs_show_no_chinese(qtbot, worlds, language: str, name: str) -> None:
    dialog = shown(qtbot, worlds["latin"], name)
    chinese = [t for t in interface_texts(dialog) if CJK.search(t or "")]
    assert chinese == [], name


def test_the_pseudo_locale_keeps_placeholders_and_mnemonics() -> None:
    from desktop.ui.pseudo_locale import stretch

    text = stretch("&Save {0} of %n to {name} <b>now</b>")
    assert text.startswith(OPEN + "&Save") and text.endswith(CLOSE)
    assert all(part in text for part in ("{0}", "%n", "{name}", "<b>", "</b>"))
    assert len(text) >= 1.4 * len("Save of to now")
    assert stretch("Excel workbook (*.xlsx)") == "Excel workbook (*.xlsx)"  # Qt parses filters
