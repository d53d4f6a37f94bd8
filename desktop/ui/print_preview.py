"""Print preview for PDF bytes: pages drawn by pypdfium2 on the main thread, printed or saved."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.formats.files import FileRefused, write_atomically
from desktop.formats.fonts import marker
from desktop.ui import prompts, tasks
from desktop.ui.forms import room_on_screen
from desktop.ui.i18n import joined, message

if TYPE_CHECKING:
    from desktop.formats.slips import RenderedPdf

GAP = 16  # pixels of grey desk around and between pages
ZOOMS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PRINT_DPI_CAP = 300  # more only makes print jobs slower and larger, not sharper forms
_CACHED_PAGES = 8
A4 = (595.28, 841.89)  # points
_RGBX = QImage.Format.Format_RGBX8888
NOTICE_STYLE = "background: #fff3bf; color: #5c4400; border: 1px solid #e0c15a; padding: 6px;"


def render_page(document: Any, index: int, scale: float, rotation: int = 0) -> QImage:
    """One page as a QImage at ``scale`` pixels per PDF point (pdfium: main thread only)."""
    page = document[index]
    try:
        # RGBx: QImage reads pdfium's buffer as it is, no numpy or PIL needed.
        bitmap = page.render(scale=scale, rotation=rotation, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, _RGBX)
        return image.copy()  # own the pixels: the bitmap's buffer is freed with it
    finally:
        page.close()


class PageCanvas(QWidget):
    """The pages stacked down a grey desk; paints only the exposed pages, from a small cache."""

    def __init__(self, document: Any, sizes: list[tuple[float, float]], parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self.sizes = sizes  # in PDF points
        self.scale = 0.0  # device-independent pixels per point
        self._tops: list[int] = [GAP]
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.renders = 0  # pages rasterised so far (tests check the laziness)

    def set_scale(self, scale: float, min_width: int) -> None:
        if scale != self.scale:
            self._cache.clear()
        self.scale = scale
        heights = (round(h * scale) + GAP for _w, h in self.sizes)
        self._tops = list(accumulate(heights, initial=GAP))
        widest = round(max((w for w, _h in self.sizes), default=0) * scale)
        self.resize(max(min_width, widest + 2 * GAP), self._tops[-1])
        self.update()

    def page_rect(self, index: int) -> QRect:
        width, height = (round(v * self.scale) for v in self.sizes[index])
        return QRect((self.width() - width) // 2, self._tops[index], width, height)

    def page_at(self, y: int) -> int:
        """The page at height y, or the nearest one (from 0)."""
        return min(max(bisect_right(self._tops, y) - 1, 0), max(len(self.sizes) - 1, 0))

    def image(self, index: int) -> QImage:
        """The page as painted at the current zoom, rendered once and kept while it stays near."""
        ratio = self.devicePixelRatioF()
        key = (index, round(self.sizes[index][0] * self.scale * ratio))
        image = self._cache.get(key)
        if image is None:
            image = render_page(self._document, index, self.scale * ratio)
            image.setDevicePixelRatio(ratio)
            self.renders += 1
            self._cache[key] = image
            while len(self._cache) > _CACHED_PAGES:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        exposed = event.rect()
        painter.fillRect(exposed, QColor(0x80, 0x80, 0x80))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        last = self.page_at(exposed.bottom()) if self.sizes else -1
        for index in range(self.page_at(exposed.top() - GAP), last + 1):
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 90))  # a shadow
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawImage(QRectF(rect), self.image(index))
        painter.end()


class PrintPreviewDialog(QDialog):
    """A PDF on screen before it goes to paper: zoom, page count, print, save as PDF."""

    printed = Signal(int)  # pages sent to a printer the clerk chose in the print dialog
    saved = Signal(object)  # the Path the PDF was saved to

    def __init__(
        self,
        pdf: bytes,
        title: str = "",
        *,
        suggested_name: str = "document.pdf",
        flagged_characters: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        import pypdfium2  # about 60 ms; only when a preview is opened

        self.pdf = pdf
        self.suggested_name = suggested_name
        self.document = pypdfium2.PdfDocument(pdf)
        sizes = [self.document.get_page_size(i) for i in range(len(self.document))]
        self.setWindowTitle(self.tr("Print preview — {0}").format(title) if title else "")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.fit = "width"  # "width" | "page" | "" (a chosen zoom)
        self.scroll = QScrollArea()
        # Always on: a bar that came and went would change the width that "fit width" fits.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; border: none; }")
        self.canvas = PageCanvas(self.document, sizes, self.scroll)
        self.scroll.setWidget(self.canvas)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._show_page_number)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        # The marker as the paper prints it (〔U+20BB7〕), and the character the font lacks.
        flagged = joined(f"{marker(ch)} {ch}" for ch in sorted(set(flagged_characters)))
        self.notice.setText(
            self.tr(
                "Some characters are not in the printing font and are printed as codes: {0}. "
                "Fill them in by hand on the paper."
            ).format(flagged)
        )
        self.notice.setVisible(bool(flagged))
        self.page_label = QLabel()
        self.zoom_label = QLabel()
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = _button(QToolButton(), "−", self.zoom_out)
        self.zoom_in_button = _button(QToolButton(), "+", self.zoom_in)
        self.fit_width_button = _button(QToolButton(), self.tr("Fit width"), self.set_fit, "width")
        self.fit_page_button = _button(QToolButton(), self.tr("Fit page"), self.set_fit, "page")
        self.print_button = _button(QPushButton(), self.tr("Print…"), self.print_document)
        self.save_button = _button(QPushButton(), self.tr("Save as PDF…"), self.save_as)
        self.close_button = _button(QPushButton(), self.tr("Close"), self.reject)
        self.fit_width_button.setCheckable(True)
        self.fit_page_button.setCheckable(True)
        self.print_button.setDefault(True)
        bar = QHBoxLayout()
        for item in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, 8,
                     self.fit_width_button, self.fit_page_button, 16, self.page_label, 0,
                     self.print_button, self.save_button, self.close_button):  # fmt: skip
            if isinstance(item, QWidget):
                bar.addWidget(item)
            else:
                bar.addSpacing(item) if item else bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        self.destroyed.connect(self.document.close)  # here, on the main thread, not in some GC
        room = room_on_screen(self)  # not self.screen(): see forms.room_on_screen
        self.resize(min(980, room.width()), int(room.height() * 0.95))
        self._apply_zoom()

    def page_count(self) -> int:
        return len(self.canvas.sizes)

    def current_page(self) -> int:
        """The page in the middle of the view, from 1."""
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        return self.canvas.page_at(middle) + 1

    def zoom(self) -> float:
        """1.0 is the page at its real size on this screen."""
        return self.canvas.scale / (self.logicalDpiX() / 72)

    def set_fit(self, fit: str) -> None:
        """Fit "width" (the default) or "page": the zoom then follows the window's size."""
        self.fit = fit
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOMS if z > self.zoom() * 1.01), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom() * 0.99), ZOOMS[0]))

    def set_zoom(self, zoom: float) -> None:
        self.fit = ""
        self._apply_zoom(zoom * self.logicalDpiX() / 72)

    def _apply_zoom(self, scale: float | None = None) -> None:
        viewport = self.scroll.viewport().size()
        widest, tallest = (max(side) for side in zip(*self.canvas.sizes or [A4], strict=True))
        if self.fit:
            scale = (viewport.width() - 2 * GAP) / widest
            if self.fit == "page":
                scale = min(scale, (viewport.height() - 2 * GAP) / tallest)
        scale = max(scale or self.canvas.scale, 0.05)
        bar = self.scroll.verticalScrollBar()
        middle = (bar.value() + bar.pageStep() / 2) / max(self.canvas.height(), 1)
        first_time = not self.canvas.scale
        self.canvas.set_scale(scale, viewport.width())
        if not first_time:  # what was in the middle of the view stays there
            bar.setValue(round(middle * self.canvas.height() - bar.pageStep() / 2))
        across = self.scroll.horizontalScrollBar()
        across.setValue(across.maximum() // 2)  # the pages are centred
        self.fit_width_button.setChecked(self.fit == "width")
        self.fit_page_button.setChecked(self.fit == "page")
        self.zoom_label.setText(f"{round(self.zoom() * 100)}%")
        self._show_page_number()

    def _show_page_number(self) -> None:
        text = self.tr("Page {0} of {1}")
        self.page_label.setText(text.format(self.current_page(), self.page_count()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # on the viewport
        ctrl = Qt.KeyboardModifier.ControlModifier
        if event.type() == QEvent.Type.Resize:
            self._apply_zoom()
        elif isinstance(event, QWheelEvent) and event.modifiers() & ctrl:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            return True
        return super().eventFilter(watched, event)

    def new_printer(self) -> QPrinter:
        """A high-resolution A4 printer set to the orientation of the first page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        w, h = self.canvas.sizes[0] if self.canvas.sizes else A4
        orientation = QPageLayout.Orientation
        printer.setPageOrientation(orientation.Landscape if w > h else orientation.Portrait)
        printer.setDocName(self.suggested_name)
        return printer

    def print_document(self) -> None:
        printer = self.new_printer()
        if not prompts.choose_printer(self, printer, self.page_count()):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = self.print_to(printer)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if printed < 0:
            prompts.error(self, self.tr("Print"), self.tr("The printer could not be started."))
        elif printed:
            self.printed.emit(printed)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The pages (from 0) the print dialog asked for, in the order they go to paper."""
        count = self.page_count()
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            pages = [self.current_page() - 1]
        elif not printer.pageRanges().isEmpty():
            ranges = printer.pageRanges()
            pages = [i for i in range(count) if ranges.contains(i + 1)]
        else:
            pages = list(range(count))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            pages.reverse()
        # Most drivers make the copies themselves; for the others, send them (collated).
        return pages if printer.supportsMultipleCopies() else pages * printer.copyCount()

    def print_to(self, printer: QPrinter) -> int:
        """Draw the chosen pages on ``printer``: the number printed, -1 if it would not start.

        Each is rendered at the printer's resolution (at most 300 dpi), fitted to the paper.
        """
        pages = self.pages_to_print(printer)
        if not pages:
            return 0
        printer.setFullPage(True)  # the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            return -1
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)  # full page: starts at 0, 0
            dots_per_point = printer.resolution() / 72
            render_scale = min(printer.resolution(), PRINT_DPI_CAP) / 72
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                w, h = (side * dots_per_point for side in self.canvas.sizes[index])  # in dots
                turn = (w > h) != (paper.width() > paper.height())
                w, h = (h, w) if turn else (w, h)
                fit = min(paper.width() / w, paper.height() / h)
                target = QRectF(0, 0, w * fit, h * fit)
                target.moveCenter(paper.center())
                image = render_page(self.document, index, render_scale * fit, 90 if turn else 0)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return len(pages)

    def save_as(self) -> Path | None:
        """Write the PDF where the user says: all of it or none (temporary file, then rename)."""
        title = self.tr("Save as PDF")
        path = prompts.save_path(self, title, self.suggested_name, self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        path = path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self.pdf)
        except FileRefused as exc:  # disk full, file open elsewhere: said in Chinese
            prompts.error(self, title, message(exc))
            return None
        self.saved.emit(path)
        return path


def _button(button: QAbstractButton, text: str, slot: Callable[..., Any], *args: Any) -> Any:
    button.setText(text)
    button.clicked.connect(lambda _checked=False: slot(*args))
    return button


def show_pdf_preview(
    parent: QWidget,
    title: str,
    make: Callable[[ProgressFn, CancelledFn], RenderedPdf],
    suggested_name: str,
    on_output: Callable[[str, RenderedPdf], None] | None = None,
) -> tasks.TaskHandle[RenderedPdf]:
    """Render with a progress dialog (Cancel works), then open the preview beside the window.

    Not modal: a clerk can keep a slip open while checking the case, and nothing waits in exec().
    ``on_output("print" | "pdf", rendered)`` is called each time the clerk prints it or saves it.
    """

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> RenderedPdf:  # worker thread
        rendered = make(progress, is_cancelled)
        if is_cancelled():  # reportlab cannot stop midway; Cancel still means "no preview"
            raise Cancelled
        return rendered

    def opened(rendered: RenderedPdf) -> None:
        dialog = PrintPreviewDialog(
            rendered.pdf,
            title,
            suggested_name=suggested_name,
            flagged_characters=rendered.flagged_characters,
            parent=parent.window(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if on_output is not None:
            dialog.printed.connect(lambda _pages: on_output("print", rendered))
            dialog.saved.connect(lambda _path: on_output("pdf", rendered))
        dialog.show()

    return tasks.run_task(parent, title, work, opened)
