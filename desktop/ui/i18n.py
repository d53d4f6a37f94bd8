"""Loading translations and turning domain messages and labels into translated text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.domain.enums import LabelledEnum
from desktop.domain.errors import ServiceError
from desktop.paths import translations_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
PSEUDO = "pseudo"  # --lang pseudo: see desktop/ui/pseudo_locale.py
_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> bool:
    """Our own strings plus Qt's (dialog buttons, context menus); True if ours were found."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == PSEUDO:  # English stretched by 40%: a developer's check of the layouts
        from desktop.ui.pseudo_locale import PseudoTranslator

        install_translators(app, "en")
        pseudo = PseudoTranslator("en", app)
        app.installTranslator(pseudo)
        _installed.append(pseudo)
        return True
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    found = ours.load(f"liaison_desk_{language}", str(translations_dir()))
    if found:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return found


_paper: list[QTranslator] = []


def paper_label(member: LabelledEnum | None) -> str:
    """A label as ledgers and workbooks print it: Chinese, whatever language the menus speak
    (inspectors read the paper; the shipped translation is loaded once for it)."""
    if member is None:
        return ""
    if not _paper:
        zh = QTranslator()
        zh.load(f"liaison_desk_{DEFAULT_LANGUAGE}", str(translations_dir()))
        _paper.append(zh)
    return _paper[0].translate(member.context(), member.label) or member.label


def translated(context: str, text: str) -> str:
    """For text marked elsewhere (QT_TRANSLATE_NOOP); literal text calls translate() itself."""
    return QCoreApplication.translate(context, text)


def label(member: LabelledEnum | None) -> str:
    if member is None:
        return ""
    return QCoreApplication.translate(member.context(), member.label)


def message(exc: Exception) -> str:
    """A domain or service refusal in the user's language (they carry English source text)."""
    source = getattr(exc, "message", None)
    if source is None:
        # Not a refusal we wrote: never the library's English (or the data it was handling).
        if isinstance(exc, OSError):
            text = QCoreApplication.translate(
                "Errors", "A file could not be read or written ({0}). Nothing was changed."
            )
            return text.format(exc.filename or exc.strerror or type(exc).__name__)
        return QCoreApplication.translate(
            "Errors", "The work could not be finished and nothing was changed ({0})."
        ).format(type(exc).__name__)
    context = getattr(exc, "context", "Service" if isinstance(exc, ServiceError) else "Validation")
    text = QCoreApplication.translate(context, source)
    args = dict(getattr(exc, "args_map", None) or {})
    for key, (where, labels) in getattr(exc, "listed", {}).items():
        args[key] = joined(QCoreApplication.translate(where, x) for x in labels)
    return text.format(**args) if args else text


def date_text(day: dt.date | None) -> str:
    """Dates as the county's forms write them: 2025-03-05."""
    return day.isoformat() if day else ""


def long_date(day: dt.date) -> str:
    """A date in words, for a sentence: Mar 5, 2025 (2025年3月5日)."""
    text = QCoreApplication.translate("Dates", "{month} {day}, {year}")
    from desktop.domain.figures import Month  # not at import: the window loads this module
    # before it paints, and the figures' module would cost that 20 ms

    return text.format(month=label(Month(str(day.month))), day=day.day, year=day.year)


def joined(items: Iterable[str]) -> str:
    """Names in one line as the language lists them: Ann Lee, Bo Chen (张三、李四)."""
    return QCoreApplication.translate("Lists", ", ").join(items)
