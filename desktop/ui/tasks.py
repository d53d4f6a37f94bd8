"""The task runner: long work on a worker thread, a progress dialog with Cancel, results back on
the main thread, and one writer at a time."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.ui import prompts
from desktop.ui.i18n import message

T = TypeVar("T")
log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300  # quicker tasks finish without a dialog flashing up
_REPORT_EVERY_S = 0.05  # progress from a tight loop is thinned out before it crosses threads

_running: set[TaskHandle[Any]] = set()  # kept alive here until their results have arrived


class TaskHandle(QObject, Generic[T]):
    """One piece of work started by run_task: watch it, cancel it, or wait for it (tests)."""

    progress_reported = Signal(int, int, str)  # done, total, text (thinned out)
    finished = Signal()  # after on_done / on_failed ran, or at once when refused or cancelled

    # From the worker thread to this object, which lives in the main thread: queued.
    _reported = Signal(int, int, str)
    _returned = Signal(object)
    _raised = Signal(object)

    def __init__(self, title: str, writes: bool) -> None:
        super().__init__()
        self.title = title
        self.writes = writes
        self.result: T | None = None
        self.error: BaseException | None = None
        self.refused = False  # a second writer, not started
        self._cancel = threading.Event()
        self._done = False
        self._last_report = (0.0, "")
        self._reported.connect(self._on_reported)
        self._returned.connect(self._on_returned)
        self._raised.connect(self._on_raised)
        self.on_done: Callable[[T], None] = lambda _result: None
        self.on_failed: Callable[[BaseException], None] = lambda _exc: None
        self.dialog: _ProgressDialog | None = None

    # --- asked from anywhere -------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the work to stop: is_cancelled() returns True from now on."""
        self._cancel.set()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setLabelText(self.tr("Cancelling…"))
            for button in self.dialog.findChildren(QPushButton):
                button.setEnabled(False)  # pressed once is enough (not deleted: it is the sender)

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return not self._done

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until the results have been delivered; False on timeout."""
        if self._done:
            return True
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        self.finished.connect(loop.quit)
        timer.start(timeout_ms)
        loop.exec()
        timer.stop()
        self.finished.disconnect(loop.quit)
        return self._done

    # --- called on the worker thread -----------------------------------------------------

    def _progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        last, last_text = self._last_report
        if now - last >= _REPORT_EVERY_S or text != last_text or (total > 0 and done >= total):
            self._last_report = (now, text)
            self._reported.emit(done, total, text)

    def _run(self, work: Callable[[ProgressFn, CancelledFn], T]) -> None:
        try:
            result = work(self._progress, self.is_cancelled)
        except BaseException as exc:  # everything reaches the main thread, nothing dies here
            self._raised.emit(exc)
        else:
            self._returned.emit(result)

    # --- slots in the main thread ---------------------------------------------------------

    def _on_reported(self, done: int, total: int, text: str) -> None:
        self.progress_reported.emit(done, total, text)
        dialog = self.dialog
        if dialog is None or not shiboken6.isValid(dialog) or self.is_cancelled():
            return
        if text:
            dialog.setLabelText(text)
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        else:
            dialog.setRange(0, 0)  # busy: no end known

    def _on_returned(self, result: T) -> None:
        self.result = result
        self._finish(lambda: self.on_done(result))

    def _on_raised(self, exc: BaseException) -> None:
        self.error = exc
        if isinstance(exc, Cancelled):
            self._finish(lambda: None)  # the user asked for it: nothing to say
        else:
            self._finish(lambda: self.on_failed(exc))

    def _finish(self, deliver: Callable[[], None]) -> None:
        self._close_dialog()
        self._done = True
        try:
            deliver()
        finally:
            _running.discard(self)
            self.finished.emit()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.reset()  # stops its show timer, so it cannot pop up after the fact
            dialog.hide()
            dialog.deleteLater()


class _ProgressDialog(QProgressDialog):
    """Cancel, Escape and the close box all ask the work to stop; the dialog stays up
    ("Cancelling…", the window still blocked) until the work really has."""

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


class _Worker(QRunnable):
    def __init__(self, handle: TaskHandle[Any], work: Callable[[ProgressFn, CancelledFn], Any]):
        super().__init__()
        self._handle = handle
        self._work = work

    def run(self) -> None:
        self._handle._run(self._work)


def active_writer() -> TaskHandle[Any] | None:
    return next((h for h in _running if h.writes), None)


def running_tasks() -> list[TaskHandle[Any]]:
    """What is still running: the window asks before it closes."""
    return list(_running)


def cancel_all(timeout_ms: int = 10_000) -> bool:
    """Ask every task to stop and wait for them (the window closing); False if some did not."""
    for handle in running_tasks():
        handle.cancel()
    return all(handle.wait(timeout_ms) for handle in running_tasks())


def run_task(
    parent: QWidget,
    title: str,
    work: Callable[[ProgressFn, CancelledFn], T],
    on_done: Callable[[T], None],
    *,
    on_failed: Callable[[BaseException], None] | None = None,
    writes: bool = False,
    quiet: bool = False,
) -> TaskHandle[T]:
    """Run ``work(progress, is_cancelled)`` on a worker thread; ``on_done(result)`` on this one.

    A failure goes to ``on_failed`` (default: an error box); ``Cancelled`` goes nowhere. Work that
    returns a result after Cancel was pressed still delivers it: it did the work (a writer may
    have committed), so it is the work's job to raise ``Cancelled`` when it stops early.
    ``quiet``: no progress dialog, the window stays usable (the caller shows that work is
    under way, as the dashboard's "counting…" does).
    """
    handle: TaskHandle[T] = TaskHandle(title, writes)
    if writes and active_writer() is not None:
        handle.refused = True
        handle._done = True
        prompts.info(
            parent,
            title,
            QCoreApplication.translate(
                "TaskHandle",
                "Another task is changing the data. Wait until it has finished, then try again.",
            ),
        )
        return handle
    handle.on_done = _while_alive(parent, on_done)
    handle.on_failed = _while_alive(parent, on_failed or _error_box(parent, title))
    handle.dialog = None if quiet else _progress_dialog(parent, title, handle)
    _running.add(handle)
    QThreadPool.globalInstance().start(_Worker(handle, work))
    return handle


def _progress_dialog(parent: QWidget, title: str, handle: TaskHandle[Any]) -> _ProgressDialog:
    from PySide6.QtCore import Qt  # here, not at import: the window imports this before it paints

    cancel = QCoreApplication.translate("TaskHandle", "Cancel")
    dialog = _ProgressDialog(title, cancel, 0, 0, parent.window())
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)  # a task at 100% may still be writing
    dialog.setAutoClose(False)
    dialog.setMinimumWidth(360)
    dialog.canceled.disconnect(dialog.cancel)  # Qt's own would hide the dialog at once
    dialog.canceled.connect(handle.cancel)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)  # starts Qt's timer: the dialog shows itself then, if still running
    return dialog


def _error_box(parent: QWidget, title: str) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        if not hasattr(exc, "message"):  # not a refusal the user can act on: keep the trace
            log.error("task %r failed", title, exc_info=exc)
        text = message(exc) if isinstance(exc, Exception) else repr(exc)
        prompts.error(parent, title, text or type(exc).__name__)

    return show


def _while_alive(parent: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """A window closed while its task ran does not want the result any more."""

    def deliver(value: Any) -> None:
        if shiboken6.isValid(parent):
            callback(value)

    return deliver
