"""The CJK font embedded in our PDFs: registered once, what it cannot draw, and text set in it."""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from desktop.paths import resource_path

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

# Line breaks and tabs are layout, not glyphs: the renderers turn them into breaks and spaces.
_LAYOUT_CHARACTERS = frozenset("\n\r\t")
# Variation selectors (standard and ideographic) only refine the character before them.
_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))

_register_lock = threading.Lock()


def font_path() -> Path:
    return resource_path(*FONT_FILE)


@functools.cache
def _font() -> Any:  # reportlab.pdfbase.ttfonts.TTFont
    # Imported here: reportlab costs about 100 ms and the window's start path never needs it.
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(FONT_NAME, str(font_path()), subfontIndex=0)


@functools.cache
def _covered_code_points() -> frozenset[int]:
    return frozenset(_font().face.charToGlyph)


def register_font() -> str:
    """Register the font with reportlab (once per process) and return its name for styles."""
    from reportlab.pdfbase import pdfmetrics

    with _register_lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_font())
    return FONT_NAME


def is_ignorable(ch: str) -> bool:
    """True for invisible format characters (zero-width joiners, BOM, variation selectors).

    They have no shape of their own, so dropping them loses nothing a reader could see; flagging
    them would litter a slip with markers for text that looks fine on screen.
    """
    cp = ord(ch)
    return unicodedata.category(ch) == "Cf" or any(cp in r for r in _VARIATION_SELECTORS)


def missing_glyphs(text: str) -> set[str]:
    """The characters of text the embedded font cannot draw (they would print as empty boxes).

    Line breaks, tabs and invisible format characters are not counted: the renderers handle them.
    """
    covered = _covered_code_points()
    return {
        ch
        for ch in set(text)
        if ord(ch) not in covered and ch not in _LAYOUT_CHARACTERS and not is_ignorable(ch)
    }


def marker(ch: str) -> str:
    """What a slip prints in place of a character the font lacks: its code point, visibly."""
    return f"〔U+{ord(ch):04X}〕"


def printable(text: str) -> tuple[str, frozenset[str]]:
    """Text made safe for the font, and the characters replaced by markers.

    Characters the font lacks become markers (never a silent box); invisible format characters
    are dropped; line breaks and tabs are kept for the renderer to lay out.
    """
    missing = missing_glyphs(text)
    if not missing and text.isprintable():
        return text, frozenset()
    out = []
    for ch in text:
        if ch in missing:
            out.append(marker(ch))
        elif ch in _LAYOUT_CHARACTERS or not is_ignorable(ch):
            out.append(ch)
    return "".join(out), frozenset(missing)


def paragraph_style(name: str, size: float, **kwargs: Any) -> Any:  # -> ParagraphStyle
    """A paragraph style in the embedded font that may wrap Chinese between any two characters."""
    from reportlab.lib.styles import ParagraphStyle

    kwargs.setdefault("leading", size * 1.5)
    return ParagraphStyle(name, fontName=register_font(), fontSize=size, wordWrap="CJK", **kwargs)


@dataclass
class TextSetter:
    """Sets plain text in the embedded font, remembering every character it had to flag."""

    flagged: set[str] = field(default_factory=set)

    def clean(self, text: str) -> str:
        text, missing = printable(text)
        self.flagged |= missing
        return text

    def paragraph(self, text: str, style: Any) -> Any:  # -> Paragraph
        """Plain text (not markup) as a paragraph: line breaks and ideographic spaces kept."""
        from reportlab.platypus import Paragraph

        markup = escape(self.clean(text)).replace("\r\n", "\n").replace("\r", "\n")
        markup = markup.replace("\t", " ").replace("\n", "<br/>")
        # Paragraphs collapse ideographic spaces like ordinary ones, yet forms leave them as blanks
        # to write in and Chinese text indents with them: four no-break spaces are about as wide.
        return Paragraph(markup.replace("\u3000", "\u00a0" * 4), style)


@functools.cache
def _drawn_line_class() -> type:
    from reportlab.platypus import Flowable

    class DrawnLine(Flowable):
        """A line of the page drawn by a function of (canvas, available width)."""

        def __init__(self, height: float, draw: Callable[[Any, float], None], after: float) -> None:
            super().__init__()
            self.line_height, self.draw_on, self.spaceAfter = height, draw, after

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            return avail_width, self.line_height

        def draw(self) -> None:
            self.draw_on(self.canv, self.width)

    return DrawnLine


def drawn_line(height: float, draw: Callable[[Any, float], None], space_after: float = 0) -> Any:
    """A flowable of the given height that calls draw(canvas, width) to paint itself."""
    return _drawn_line_class()(height, draw, space_after)


def bold_line(setter: TextSetter, text: str, style: Any) -> Any:
    """A centred line drawn filled and stroked: a bold look from a font that has no bold face."""
    text = setter.clean(text)
    font, size = style.fontName, style.fontSize

    def draw(c: Any, width: float) -> None:
        c.saveState()
        c.setLineWidth(size / 30)
        t = c.beginText((width - c.stringWidth(text, font, size)) / 2, style.leading - size)
        t.setTextRenderMode(2)  # fill, then stroke the outline: thickens every stroke
        t.setFont(font, size)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()

    return drawn_line(style.leading, draw, style.spaceAfter)
