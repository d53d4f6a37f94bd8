"""argparse's own words in the interface language: "usage:", "options", its help line and its
error messages ("argument --db: expected one argument").

argparse translates through gettext: at every call it looks its hooks ``_`` and ``ngettext``
up in its own module. Handing it ours (Qt's translator, context "argparse") is all it takes;
the words it uses are listed below so that lupdate puts them in the .ts file. A word missing
from the list stays English, which tests/test_cli.py would show.

Values argparse cannot read are refused by their own words too (``whole_number``, ``iso_date``),
not by "invalid int value".
"""

from __future__ import annotations

import argparse
import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop.domain.tr import QT_TRANSLATE_NOOP

CONTEXT = "argparse"
WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
)


def _word(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else text


def _words(one: str, many: str, n: int) -> str:
    return _word(one if n == 1 else many)


def speak() -> None:
    """From now on argparse says its words in the installed translation's language."""
    argparse._ = _word  # type: ignore[attr-defined]
    argparse.ngettext = _words  # type: ignore[attr-defined]


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        message = QCoreApplication.translate("Cli", "not a whole number: {0}")
        raise argparse.ArgumentTypeError(message.format(text)) from None


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        message = QCoreApplication.translate("Cli", "not a date written YYYY-MM-DD: {0}")
        raise argparse.ArgumentTypeError(message.format(text)) from None
