"""The print preview: pages drawn lazily, zoom, save as PDF, printing, and the flagged notice."""

from __future__ import annotations

import io
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from desktop.domain.tables import CancelledFn, ProgressFn
from desktop.formats.slips import RenderedPdf
from desktop.ui import prompts, tasks
from desktop.ui.print_preview import PrintPreviewDialog, render_page, show_pdf_preview

RARE = "𠮷"  # U+20BB7: not in the embedded font


def make_pdf(pages: int, *, landscape_first: bool = False) -> bytes:
    """Pages with a big black block near the top left, and their number."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        size = landscape(A4) if landscape_first and n == 1 else A4
        c.setPageSize(size)
        c.rect(50, size[1] - 250, 200, 200, stroke=0, fill=1)  # 50..250 pt from the left and top
        c.setFont("Helvetica", 40)
        c.drawString(50, 100, f"Page {n}")
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot) -> Iterator[PrintPreviewDialog]:
    dialog = PrintPreviewDialog(make_pdf(12), "test", suggested_name="slip.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(800, 900)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog


def _dark(image: QImage, x: float, y: float) -> bool:
    """Is the pixel at (x, y), as fractions of the image, dark?"""
    colour = QColor(image.pixel(int(x * image.width()), int(y * image.height())))
    return colour.lightness() < 60


def test_page_count_indicator_and_lazy_rendering(qtbot, preview: PrintPreviewDialog) -> None:
    assert preview.page_count() == 12 and preview.current_page() == 1
    first = preview.page_label.text()
    assert "1" in first and "12" in first
    assert 1 <= preview.canvas.renders <= 2  # only the pages in view, not all twelve
    preview.scroll.verticalScrollBar().setValue(preview.canvas.page_rect(10).top())
    qtbot.waitUntil(lambda: preview.current_page() in (11, 12))
    assert preview.page_label.text() != first
    assert preview.canvas.renders <= 5


def test_a_visible_page_is_drawn(qtbot, preview: PrintPreviewDialog) -> None:
    image = preview.canvas.image(0)
    rect = preview.canvas.page_rect(0)
    assert image.width() == round(rect.width() * image.devicePixelRatio())
    block = (150 / 595.28, 150 / 841.89)  # the middle of the black block
    assert _dark(image, *block) and not _dark(image, 0.9, 0.5)
    grabbed = preview.grab().toImage()  # what the screen shows: the page lies on grey
    desk = preview.canvas.mapTo(preview, QPoint(rect.left() // 2, rect.top() + 100))
    assert grabbed.pixelColor(desk) == QColor(0x80, 0x80, 0x80)
    inside = preview.canvas.mapTo(preview, rect.topLeft() + QPoint(150, 150) * preview.canvas.scale)
    assert grabbed.pixelColor(inside).lightness() < 60  # the block, as painted
    assert QColor(image.pixel(image.width() - 5, image.height() // 2)) == QColor("white")


def test_zoom_changes_the_rendered_width(qtbot, preview: PrintPreviewDialog) -> None:
    fit_width = preview.canvas.page_rect(0).width()
    viewport = preview.scroll.viewport().width()
    assert viewport - 40 <= fit_width <= viewport  # fit width is the default
    preview.zoom_in()
    wider = preview.canvas.image(0).width()
    assert preview.canvas.page_rect(0).width() > fit_width and preview.fit == ""
    preview.set_zoom(0.5)
    assert preview.canvas.image(0).width() < wider
    assert preview.zoom_label.text() == "50%"
    preview.set_fit("page")
    assert preview.canvas.page_rect(0).height() <= preview.scroll.viewport().height()
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()
    before = preview.zoom()
    preview.zoom_out()
    assert preview.zoom() < before and not preview.fit_page_button.isChecked()


def test_render_page_turns_pdfium_bitmaps_into_images() -> None:
    document = pypdfium2.PdfDocument(make_pdf(1))
    upright = render_page(document, 0, 0.5)
    turned = render_page(document, 0, 0.5, 90)
    assert (upright.width(), upright.height()) == (turned.height(), turned.width())
    assert abs(upright.width() - 595.28 * 0.5) <= 1
    document.close()


def test_save_as_writes_the_same_bytes(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, suggested: str, _filter: str) -> Path:
        asked.append(suggested)
        return tmp_path / "交办单"  # no suffix: .pdf is added

    monkeypatch.setattr(prompts, "save_path", answer)
    saved = preview.save_as()
    assert asked == ["slip.pdf"]
    assert saved == tmp_path / "交办单.pdf" and saved.read_bytes() == preview.pdf
    assert [p.name for p in tmp_path.iterdir()] == ["交办单.pdf"]  # no temporary file left


def test_save_as_reports_a_folder_that_is_not_there(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path, monkeypatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(prompts, "save_path", lambda *_a: tmp_path / "gone" / "x.pdf")
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    assert preview.save_as() is None
    assert len(errors) == 1 and errors[0]
    monkeypatch.setattr(prompts, "save_path", lambda *_a: None)  # cancelled: nothing happens
    assert preview.save_as() is None and len(errors) == 1


def _pdf_printer(dialog: PrintPreviewDialog, path: Path) -> QPrinter:
    printer = dialog.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_printing_to_a_pdf_gives_every_page(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(preview, out)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Portrait
    assert preview.print_to(printer) == 12
    info = _pdfinfo(out)
    assert re.search(r"^Pages:\s+12$", info, re.M)
    assert re.search(r"^Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info, re.M)
    printed = pypdfium2.PdfDocument(out.read_bytes())
    image = render_page(printed, 0, 0.5)  # the block is where it was: drawn at actual size
    assert _dark(image, 150 / 595.28, 150 / 841.89) and not _dark(image, 0.9, 0.5)
    printed.close()


def test_printing_honours_the_chosen_range(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "range.pdf"

    def choose(_parent: QWidget, printer: QPrinter, pages: int) -> bool:
        assert pages == 12
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(3, 5)
        return True

    monkeypatch.setattr(prompts, "choose_printer", choose)
    preview.print_button.click()
    assert re.search(r"^Pages:\s+3$", _pdfinfo(out), re.M)


def test_a_landscape_document_prints_landscape(qtbot, tmp_path: Path) -> None:
    dialog = PrintPreviewDialog(make_pdf(2, landscape_first=True), "wide")
    qtbot.addWidget(dialog)
    out = tmp_path / "wide.pdf"
    printer = _pdf_printer(dialog, out)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Landscape
    assert dialog.print_to(printer) == 2  # the portrait second page is turned to fit
    info = _pdfinfo(out)
    assert re.search(r"^Pages:\s+2$", info, re.M)
    assert re.search(r"^Page size:\s+84[12](\.\d+)? x 595(\.\d+)? pts \(A4\)", info, re.M)


def test_the_notice_appears_only_when_characters_were_flagged(qtbot) -> None:
    pdf = make_pdf(1)
    plain = PrintPreviewDialog(pdf, "plain")
    flagged = PrintPreviewDialog(pdf, "flagged", flagged_characters=frozenset({RARE}))
    for dialog in (plain, flagged):
        qtbot.addWidget(dialog)
        dialog.show()
    assert not plain.notice.isVisible()
    assert flagged.notice.isVisible() and "〔U+20BB7〕" in flagged.notice.text()


def test_show_pdf_preview_renders_in_the_background_then_opens(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    threads: list[threading.Thread] = []

    def make(progress: ProgressFn, is_cancelled: CancelledFn) -> RenderedPdf:
        threads.append(threading.current_thread())
        progress(1, 1, "")
        return RenderedPdf(make_pdf(3), frozenset({RARE}), 3)

    handle = show_pdf_preview(window, "交办单", make, "CG-2025-0042-交办单.pdf")
    assert handle.wait()
    dialog = window.findChild(PrintPreviewDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert threads[0] is not threading.main_thread()
    assert dialog.page_count() == 3 and dialog.suggested_name == "CG-2025-0042-交办单.pdf"
    assert "交办单" in dialog.windowTitle() and dialog.notice.isVisible()
    dialog.close()


def test_cancel_means_no_preview(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    started = threading.Event()

    def make(progress: ProgressFn, is_cancelled: CancelledFn) -> RenderedPdf:
        started.set()
        while not is_cancelled():  # reportlab would not look: the runner's check still holds
            threading.Event().wait(0.01)
        return RenderedPdf(make_pdf(1), frozenset(), 1)

    handle = show_pdf_preview(window, "交办单", make, "x.pdf")
    assert started.wait(5)
    handle.cancel()
    assert handle.wait()
    assert window.findChild(PrintPreviewDialog) is None and handle.result is None
    assert tasks.running_tasks() == []


def test_copies_are_sent_when_the_printer_cannot_make_them(
    qtbot, preview: PrintPreviewDialog, tmp_path: Path
) -> None:
    out = tmp_path / "copies.pdf"
    printer = _pdf_printer(preview, out)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    assert not printer.supportsMultipleCopies()  # Qt's PDF writer makes one copy only
    assert preview.pages_to_print(printer) == [1, 2, 1, 2]  # collated
    assert preview.print_to(printer) == 4
    assert re.search(r"^Pages:\s+4$", _pdfinfo(out), re.M)


def test_the_file_prompts_return_paths(monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked: list[tuple] = []

    def save(*args):
        asked.append(args)
        return str(tmp_path / "a.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: ("", ""))
    assert prompts.save_path(None, "Save", "slip.pdf", "PDF (*.pdf)") == tmp_path / "a.pdf"
    assert Path(asked[0][2]).name == "slip.pdf" and asked[0][3] == "PDF (*.pdf)"
    assert prompts.open_path(None, "Open", "PDF (*.pdf)") is None  # cancelled
