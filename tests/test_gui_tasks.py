"""The task runner: work on a worker thread, progress and Cancel, results on the main thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from desktop.domain.errors import ServiceError
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.ui import prompts, tasks
from desktop.ui.tasks import TaskHandle, run_task

MAIN = threading.main_thread()


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    return widget


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a worker until the test opens it; always opened, so no thread outlives a test."""
    event = threading.Event()
    yield event
    event.set()


@pytest.fixture(autouse=True)
def _no_task_outlives_its_test() -> Iterator[None]:
    yield
    assert tasks.cancel_all(), "a task did not stop when cancelled"


def _finish(qtbot, handle: TaskHandle) -> None:
    if handle.is_running():
        with qtbot.waitSignal(handle.finished, timeout=10_000):
            pass


def test_progress_is_reported_and_the_result_arrives_on_the_main_thread(qtbot, window) -> None:
    reported: list[tuple[int, int, str]] = []
    delivered: list[tuple[object, threading.Thread]] = []

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> threading.Thread:
        for done in range(1, 4):
            time.sleep(0.06)  # longer than the thinning interval: every step crosses over
            progress(done, 3, f"step {done}")
        return threading.current_thread()

    handle = run_task(
        window, "Count", work, lambda r: delivered.append((r, threading.current_thread()))
    )
    handle.progress_reported.connect(lambda *args: reported.append(args))
    _finish(qtbot, handle)
    assert len(delivered) == 1
    worker, receiver = delivered[0]
    assert worker is not MAIN and receiver is MAIN
    assert handle.result is worker and handle.error is None
    assert reported[-1] == (3, 3, "step 3")
    assert [done for done, _total, _text in reported] == sorted(d for d, _t, _x in reported)
    assert handle.dialog is None and not tasks.running_tasks()


def test_a_long_task_shows_a_determinate_dialog_and_cancel_stops_it(
    qtbot, window, gate: threading.Event
) -> None:
    stopped = threading.Event()
    calls: list[str] = []

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> int:
        progress(2, 10, "Reading rows")
        while not is_cancelled():
            time.sleep(0.01)
        stopped.set()
        raise Cancelled

    handle = run_task(
        window,
        "Import",
        work,
        lambda _r: calls.append("done"),
        on_failed=lambda _e: calls.append("failed"),
    )
    dialog = handle.dialog
    assert isinstance(dialog, QProgressDialog)
    assert not dialog.isVisible()  # not before SHOW_AFTER_MS: quick tasks do not flash
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert dialog.windowModality() is Qt.WindowModality.WindowModal
    assert (dialog.maximum(), dialog.value(), dialog.labelText()) == (10, 2, "Reading rows")
    cancel = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert handle.is_cancelled() and dialog.isVisible()  # up until the work has stopped
    _finish(qtbot, handle)
    assert stopped.is_set()
    assert calls == []  # neither on_done nor on_failed: the user asked for it
    assert isinstance(handle.error, Cancelled)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_escape_and_the_close_box_cancel_too(qtbot, window, gate: threading.Event) -> None:
    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        while not gate.is_set():
            if is_cancelled():
                gate.wait(0.3)  # winding down takes a moment: the dialog stays up meanwhile
                raise Cancelled
            time.sleep(0.01)

    for close in ("escape", "close box"):
        handle = run_task(window, "Export", work, lambda _r: pytest.fail("delivered"))
        dialog = handle.dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        if close == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            dialog.close()
        assert handle.is_cancelled() and dialog.isVisible(), close
        _finish(qtbot, handle)
        assert isinstance(handle.error, Cancelled)


def test_an_unknown_total_shows_a_busy_bar(qtbot, window, gate: threading.Event) -> None:
    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        progress(0, 0, "Waiting for the disk")
        gate.wait(10)

    handle = run_task(window, "Backup", work, lambda _r: None)
    dialog = handle.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.labelText() == "Waiting for the disk", timeout=3000)
    assert (dialog.minimum(), dialog.maximum()) == (0, 0)
    gate.set()
    _finish(qtbot, handle)


def test_an_exception_reaches_on_failed_on_the_main_thread(qtbot, window) -> None:
    failures: list[tuple[BaseException, threading.Thread]] = []

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        raise ValueError("column 3 is not a date")

    handle = run_task(
        window,
        "Import",
        work,
        lambda _r: pytest.fail("on_done after a failure"),
        on_failed=lambda e: failures.append((e, threading.current_thread())),
    )
    _finish(qtbot, handle)
    [(exc, thread)] = failures
    assert isinstance(exc, ValueError) and str(exc) == "column 3 is not a date"
    assert thread is MAIN and handle.error is exc


def test_by_default_a_failure_is_shown_as_an_error_box(qtbot, window, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(prompts, "error", lambda _p, title, text: shown.append((title, text)))

    def work(progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        raise ServiceError("The case has not been referred to a department.")

    _finish(qtbot, run_task(window, "Print", work, lambda _r: None))
    assert len(shown) == 1 and shown[0][0] == "Print"
    assert shown[0][1]  # the refusal's text (translated once the lead ships zh_CN)

    def cancelled(progress: ProgressFn, is_cancelled: CancelledFn) -> None:
        raise Cancelled

    _finish(qtbot, run_task(window, "Print", cancelled, lambda _r: None))
    assert len(shown) == 1  # Cancelled says nothing


def test_a_second_writer_is_refused_while_one_runs(
    qtbot, window, monkeypatch, gate: threading.Event
) -> None:
    said: list[str] = []
    monkeypatch.setattr(prompts, "info", lambda _p, _title, text: said.append(text))
    ran: list[str] = []

    def first(progress: ProgressFn, is_cancelled: CancelledFn) -> str:
        gate.wait(10)
        return "first"

    def second(progress: ProgressFn, is_cancelled: CancelledFn) -> str:
        ran.append("second")
        return "second"

    writer = run_task(window, "Import", first, ran.append, writes=True)
    refused = run_task(window, "Merge", second, ran.append, writes=True)
    assert refused.refused and not refused.is_running() and refused.wait()
    assert len(said) == 1 and said[0]
    reader = run_task(window, "Export", second, ran.append)  # readers may run beside a writer
    _finish(qtbot, reader)
    assert ran == ["second", "second"] and writer.is_running()
    gate.set()
    _finish(qtbot, writer)
    assert ran[-1] == "first"
    again = run_task(window, "Merge", second, ran.append, writes=True)  # the writer is done
    assert not again.refused
    assert again.wait()
    assert ran[-1] == "second" and len(said) == 1


def test_no_dialog_is_left_behind(qtbot, window) -> None:
    handle = run_task(window, "Quick", lambda _p, _c: 42, lambda _r: None)
    assert handle.wait() and handle.result == 42
    qtbot.wait(tasks.SHOW_AFTER_MS + 100)  # past the time it would have shown itself
    visible = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert not any(w.isVisible() for w in visible)
