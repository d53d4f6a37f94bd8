"""Draw the program's icon: a red seal with 联 in white, from the bundled font.

Writes resources/icons/liaison-desk.png (256 px, the window icon) and liaison-desk.ico
(16-256 px, for the Windows executables and the installer). Run after changing the design:
    .venv/bin/python tools/make_icon.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
RED = QColor(196, 30, 58)


def draw(size: int, family: str) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(RED)
    p.drawRoundedRect(box, size * 0.18, size * 0.18)
    if size >= 32:  # the seal's inner line; too fine to read below 32 px
        p.setPen(QPen(QColor(255, 255, 255, 200), max(1.0, size / 40)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        inner = box.adjusted(size * 0.08, size * 0.08, -size * 0.08, -size * 0.08)
        p.drawRoundedRect(inner, size * 0.12, size * 0.12)
    font = QFont(family)
    font.setPixelSize(round(size * (0.62 if size >= 32 else 0.78)))
    font.setBold(True)
    p.setFont(font)
    p.setPen(Qt.GlobalColor.white)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "联")
    p.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/wqy-microhei.ttc"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: to_pil(draw(size, family)) for size in SIZES}
    images[256].save(OUT / "liaison-desk.png", optimize=True)
    images[256].save(
        OUT / "liaison-desk.ico",
        sizes=[(s, s) for s in SIZES],
        append_images=[images[s] for s in SIZES if s != 256],
    )
    print(f"wrote {OUT / 'liaison-desk.png'} and {OUT / 'liaison-desk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
