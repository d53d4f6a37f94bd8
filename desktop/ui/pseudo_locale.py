"""A pseudo-locale for checking layouts: every translated string comes out about 40% wider,
between visible brackets, so that clipped labels, buttons too narrow for longer words and text
that never went through translation (no brackets) show up on screen before a real translation
does.

    from desktop.ui.pseudo_locale import install_pseudo
    install_pseudo(app)            # English stretched; install_pseudo(app, "zh_CN"): Chinese

Placeholders ({0}, {name}, %1, %n), mnemonics (&Save), HTML tags and entities and file-dialog
filters ("Excel workbook (*.xlsx)") stay intact, so the program works as usual.
"""

from __future__ import annotations

import math
import re
import unicodedata

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop.paths import translations_dir

STRETCH = 0.4  # every string at least this much wider than its base text
OPEN, CLOSE = "［", "］"  # fullwidth brackets: the start and end of a translated string
LATIN_PAD = "·"  # appended to each word: a longer word, as German or Russian would have
CJK_PAD = "・"  # slipped between ideographs (a line may still break after it)

# Tokens left as they are: placeholders, HTML tags, entities, runs of white space.
_TOKEN = re.compile(
    r"(?P<keep>\{[^{}]*\}|%L?\d+|%n|<[^>]*>|&#?\w+;|\s+)"
    r"|(?P<cjk>[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003134f])"
    r"|(?P<word>[^\s{}<%\u2e80-\u9fff\uf900-\ufaff]+|[{}<%])"
)
_FILTER = re.compile(r"\(\*")  # a file dialog's "Name (*.ext)": parsed by Qt, left alone


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def stretch(text: str) -> str:
    """``text`` about 40% wider (each line), between［brackets］; placeholders kept."""
    if not text or _FILTER.search(text):
        return text
    return OPEN + "\n".join(_stretch_line(line) for line in text.split("\n")) + CLOSE


def _stretch_line(line: str) -> str:
    out: list[str] = []
    owed = 0.0  # ideographs' padding not yet inserted, in ideograph widths
    for match in _TOKEN.finditer(line):
        token = match.group(0)
        if match.group("keep") is not None:
            out.append(token)
        elif match.group("cjk") is not None:
            out.append(token)
            owed += STRETCH
            if owed >= 1:
                out.append(CJK_PAD)
                owed -= 1
        else:
            out.append(token)
            letters = len(token.replace("&", "")) + sum(_wide(ch) for ch in token)
            if letters and any(ch.isalnum() for ch in token):
                out.append(LATIN_PAD * math.ceil(letters * STRETCH))
    if owed > 0:
        out.append(CJK_PAD)
    return "".join(out)


class PseudoTranslator(QTranslator):
    """Every string stretched: the English source (``base="en"``) or its Chinese translation
    (``base="zh_CN"``: the program's own and Qt's, as install_translators loads them)."""

    def __init__(self, base: str = "en", parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self.base = base
        self._bases: list[QTranslator] = []
        if base != "en":
            ours = QTranslator(self)
            if ours.load(f"liaison_desk_{base}", str(translations_dir())):
                self._bases.append(ours)
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{base}", qt_dir):
                self._bases.append(qt)

    def isEmpty(self) -> bool:
        return False

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        text = ""
        for translator in self._bases:
            text = translator.translate(context, source_text, disambiguation, n)
            if text:
                break
        return stretch(text or source_text)


def install_pseudo(app: QCoreApplication, base: str = "en") -> PseudoTranslator:
    """The pseudo-locale over ``base`` (English or zh_CN), in front of every other translator;
    ``app.removeTranslator(returned)`` takes it away again."""
    from desktop.ui.i18n import install_translators

    install_translators(app, base)
    pseudo = PseudoTranslator(base, app)
    app.installTranslator(pseudo)
    return pseudo
