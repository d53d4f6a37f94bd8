"""Reliability row 8: one window per database; a second start hands over its files and exits,
a hung first instance is reported, and a lock left by a killed one is recovered."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from desktop.ui import single_instance
from desktop.ui.single_instance import InstanceGuard, Outcome, claim, instance_key, server_name

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).with_name("single_instance_child.py")
WAIT_S = 20  # per step; each normally takes well under a second


class Child:
    """One start of the program (its single-instance part) in its own process."""

    def __init__(self, lock_dir: Path, db: Path, *files: Path, timeout_ms: int = 4000) -> None:
        self.socket_name = server_name(instance_key(db), lock_dir)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        env["SINGLE_INSTANCE_CHILD_TIMEOUT_MS"] = str(timeout_ms)
        cmd = [sys.executable, str(CHILD), str(lock_dir), str(db), *map(str, files)]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._pump_thread = threading.Thread(target=self._pump, daemon=True)
        self._pump_thread.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, prefix: str) -> str:
        """The next line printed, which must start with ``prefix``."""
        try:
            line = self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError(f"no {prefix!r} within {WAIT_S} s: {self._stderr()}") from None
        assert line.startswith(prefix), (line, self._stderr())
        return line

    def received(self) -> list[str]:
        return json.loads(self.expect("received ").removeprefix("received "))

    def nothing_printed(self) -> bool:
        return self.lines.empty()

    def finish(self) -> int:
        return self.proc.wait(timeout=WAIT_S)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=WAIT_S)
        self._pump_thread.join(timeout=WAIT_S)  # it reads stdout to its end first
        for pipe in (self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()
        QLocalServer.removeServer(self.socket_name)  # a killed one leaves its socket in /tmp

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        return (self.proc.stderr.read() if self.proc.stderr else "")[-800:]


@pytest.fixture
def start(tmp_path: Path) -> Iterator:
    """``start(db, *files)`` launches a child on the test's own lock folder; all are ended."""
    children: list[Child] = []
    lock_dir = tmp_path / "locks"

    def launch(db: Path, *files: Path, timeout_ms: int = 4000) -> Child:
        child = Child(lock_dir, db, *files, timeout_ms=timeout_ms)
        children.append(child)
        return child

    yield launch
    for child in children:
        if child.proc.poll() is None:
            os.kill(child.proc.pid, signal.SIGCONT)  # a stopped one cannot die until resumed
        child.kill()


def test_a_second_start_on_the_same_database_hands_over_its_files_and_exits_0(
    start, tmp_path: Path
) -> None:
    db = tmp_path / "station.sqlite"
    first = start(db)
    first.expect("listening")
    files = [tmp_path / "从县里来的.ldbundle", tmp_path / "b c.ldbundle"]
    second = start(db, *files)
    second.expect("handed over")
    assert second.finish() == 0
    assert first.received() == [str(f) for f in files]
    # Another spelling of the same file is the same database; no files just raises the window.
    third = start(tmp_path / "sub" / ".." / "station.sqlite")
    third.expect("handed over")
    assert third.finish() == 0
    assert first.received() == []
    assert first.proc.poll() is None  # the first one runs on


def test_a_second_start_on_another_database_runs_independently(start, tmp_path: Path) -> None:
    first = start(tmp_path / "station.sqlite")
    first.expect("listening")
    other = start(tmp_path / "county.sqlite")
    other.expect("listening")
    assert first.proc.poll() is None and other.proc.poll() is None
    bundle = tmp_path / "x.ldbundle"
    later = start(tmp_path / "county.sqlite", bundle)
    later.expect("handed over")
    assert later.finish() == 0
    assert other.received() == [str(bundle)]
    time.sleep(0.2)
    assert first.nothing_printed()  # the other database's window was not asked


def test_a_start_after_kill_9_recovers_the_stale_lock(start, tmp_path: Path) -> None:
    db = tmp_path / "station.sqlite"
    first = start(db)
    pid = int(first.expect("listening").split()[1])
    os.kill(pid, signal.SIGKILL)
    first.proc.wait(timeout=WAIT_S)
    lock = tmp_path / "locks" / f"{instance_key(db)}.lock"
    assert lock.is_file()  # the killed one could not remove its lock
    began = time.monotonic()
    again = start(db)
    again.expect("listening")
    assert time.monotonic() - began < 5  # recovered at once, not after a timeout
    later = start(db, tmp_path / "a.ldbundle")  # and it really owns the database now
    later.expect("handed over")
    assert again.received() == [str(tmp_path / "a.ldbundle")]


def test_a_hung_first_instance_is_reported_and_the_second_exits_1(start, tmp_path: Path) -> None:
    db = tmp_path / "station.sqlite"
    first = start(db)
    pid = int(first.expect("listening").split()[1])
    os.kill(pid, signal.SIGSTOP)  # alive, holding the lock, answering nothing
    began = time.monotonic()
    second = start(db, timeout_ms=1500)
    second.expect("not responding")
    assert second.finish() == 1
    assert time.monotonic() - began < 10
    os.kill(pid, signal.SIGCONT)
    third = start(db)  # once it answers again, hand-over works as before
    third.expect("handed over")


def _unserved_lock(tmp_path: Path, db: Path, age_s: float) -> Path:
    """A lock file left empty by a power cut: Qt cannot tell whose it is."""
    lock_dir = tmp_path / "locks"
    lock_dir.mkdir(exist_ok=True)
    lock = lock_dir / f"{instance_key(db)}.lock"
    lock.write_bytes(b"")
    then = time.time() - age_s
    os.utime(lock, (then, then))
    return lock_dir


def test_an_old_lock_nobody_answers_for_is_taken(qapp, tmp_path: Path) -> None:
    db = tmp_path / "station.sqlite"
    lock_dir = _unserved_lock(tmp_path, db, age_s=single_instance.UNSERVED_LOCK_S + 3600)
    outcome, guard = claim(db, [], lock_dir=lock_dir, timeout_ms=300)
    try:
        assert outcome is Outcome.FIRST
        assert (lock_dir / f"{instance_key(db)}.lock").stat().st_size > 0  # ours now
    finally:
        guard.release()


def test_a_start_waits_for_a_first_instance_that_is_still_starting(qtbot, tmp_path: Path) -> None:
    """A young lock nobody listens for yet (its holder listens once painted) is waited for,
    beyond the answer timeout, and never taken: two windows must not open."""
    db = tmp_path / "station.sqlite"
    lock_dir = tmp_path / "locks"
    outcome, first = claim(db, [], lock_dir=lock_dir)
    assert outcome is Outcome.FIRST
    received: list[list[Path]] = []
    first.files_received.connect(received.append)
    bundle = tmp_path / "a.ldbundle"
    second = Child(lock_dir, db, bundle, timeout_ms=300)
    try:
        qtbot.wait(1500)  # five times the second's answer timeout
        assert second.proc.poll() is None  # still waiting, neither refused nor running
        assert first.listen()
        qtbot.waitUntil(lambda: received == [[bundle]], timeout=WAIT_S * 1000)
        assert second.finish() == 0
        second.expect("handed over")
    finally:
        first.release()
        second.kill()


def test_the_lock_folder_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(single_instance.LOCK_DIR_ENV, str(tmp_path / "elsewhere"))
    guard = InstanceGuard(tmp_path / "station.sqlite")
    assert guard.lock_path.parent == tmp_path / "elsewhere"
    assert guard.server_name != InstanceGuard(tmp_path / "station.sqlite", tmp_path).server_name


def test_a_server_url_is_keyed_without_its_password() -> None:
    a = instance_key("postgresql+psycopg://liaison:secret@db.county/liaison")
    b = instance_key("postgresql+psycopg://liaison:changed@db.county/liaison")
    c = instance_key("postgresql+psycopg://liaison:secret@db.county/other")
    assert a == b != c


def test_the_window_comes_forward_and_opens_the_handed_files(qtbot, tmp_path: Path) -> None:
    """In-process: the first instance's guard wired into a real MainWindow by app.py; the
    files arrive once the database is attached (not dropped while it is still opening)."""
    from desktop.app import accept_files
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    db = tmp_path / "station.sqlite"
    outcome, guard = claim(db, [], lock_dir=tmp_path / "locks")
    assert outcome is Outcome.FIRST
    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    opened: list[list[Path]] = []
    window.open_files = opened.append  # the bundle import itself is test_gui_bundles' matter
    accept_files(window, guard)
    children: list[Child] = []
    try:
        window.show()
        qtbot.waitUntil(lambda: guard._server is not None, timeout=5000)  # listening once painted
        window.showMinimized()
        assert window.isMinimized()
        bundle = tmp_path / "县里.ldbundle"
        second = Child(tmp_path / "locks", db, bundle)
        children.append(second)
        qtbot.waitUntil(lambda: second.proc.poll() is not None, timeout=WAIT_S * 1000)
        assert second.proc.returncode == 0
        assert not window.isMinimized()  # brought forward at once
        assert opened == []  # no database attached yet: kept until it is
        window.database_attached.emit()
        assert opened == [[bundle]]
        window.database_attached.emit()  # handed over once, not at every later attach
        assert opened == [[bundle]]
    finally:
        guard.release()
        for child in children:
            child.kill()


def test_the_program_itself_hands_over_and_recovers_after_kill_9(tmp_path: Path) -> None:
    """The same through run_gui: ``liaison-desk --db`` twice, then after the first is killed."""
    db = tmp_path / "station.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env |= {"XDG_DATA_HOME": str(tmp_path / "data"), "LIAISON_DESK_LOG_DIR": str(tmp_path / "log")}
    env[single_instance.LOCK_DIR_ENV] = str(tmp_path / "locks")
    program = [sys.executable, "-m", "desktop"]
    init = [*program, "init", "--db", str(db), "--role", "station", "--code", "S01"]
    made = subprocess.run(
        [*init, "--name", "大田村联络站", "--township", "黄姚镇"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    lock = tmp_path / "locks" / f"{instance_key(db)}.lock"
    first = subprocess.Popen([*program, "--db", str(db)], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + WAIT_S
        while not lock.is_file() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run(
            [*program, "--db", str(db), str(tmp_path / "a.ldbundle")],
            capture_output=True,
            text=True,
            env=env,
            timeout=WAIT_S + 60,
        )
        assert second.returncode == 0, second.stderr
        assert first.poll() is None
        log = (tmp_path / "log" / "liaison-desk.log").read_text(encoding="utf-8")
        assert log.count("started") == 1 and "Already open on this database: handed over" in log
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=WAIT_S)
        assert lock.is_file()
        again = subprocess.run(
            [*program, "--db", str(db)],
            capture_output=True,
            text=True,
            env=env | {"LIAISON_DESK_STARTUP_PROBE": "1"},  # quits once the database is open
            timeout=WAIT_S + 60,
        )
        assert again.returncode == 0, again.stderr
        assert "painted" in again.stdout
    finally:
        if first.poll() is None:
            first.kill()
        first.wait(timeout=WAIT_S)
        QLocalServer.removeServer(server_name(instance_key(db), tmp_path / "locks"))


def test_files_handed_over_during_a_modal_dialog_wait_for_it_to_close(
    qtbot, tmp_path: Path
) -> None:
    """A hand-over arrives inside a modal dialog's event loop (a bundle's import plan, say):
    the next import starts only once that dialog is closed, not in the middle of it."""
    from PySide6.QtWidgets import QDialog

    from desktop.app import bring_forward
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    opened: list[list[Path]] = []
    window.open_files = opened.append
    window.services = object()  # attached, as far as the hand-over can tell
    plan = QDialog(window)
    plan.setModal(True)
    plan.show()
    try:
        bring_forward(window, [tmp_path / "b.ldbundle"])
        qtbot.wait(700)
        assert opened == []
        plan.accept()
        qtbot.waitUntil(lambda: opened == [[tmp_path / "b.ldbundle"]], timeout=5000)
    finally:
        window.services = None


def test_a_message_that_is_not_ours_is_dropped_and_the_next_start_served(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtNetwork import QLocalSocket

    db = tmp_path / "station.sqlite"
    outcome, first = claim(db, [], lock_dir=tmp_path / "locks")
    assert outcome is Outcome.FIRST and first.listen()
    received: list[list[Path]] = []
    first.files_received.connect(received.append)
    stranger = QLocalSocket()
    stranger.connectToServer(first.server_name)
    try:
        qtbot.waitUntil(lambda: stranger.state() == QLocalSocket.LocalSocketState.ConnectedState)
        stranger.write(b'{"files": 3}\n')
        qtbot.waitUntil(lambda: stranger.state() == QLocalSocket.LocalSocketState.UnconnectedState)
        assert stranger.readAll().data() == b""  # no answer for a stranger
        later = Child(tmp_path / "locks", db, tmp_path / "c.ldbundle")
        qtbot.waitUntil(lambda: later.proc.poll() is not None, timeout=WAIT_S * 1000)
        assert later.proc.returncode == 0
        qtbot.waitUntil(lambda: received == [[tmp_path / "c.ldbundle"]])
        later.kill()
    finally:
        first.release()


def test_a_maximized_window_comes_back_maximized(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop.app import bring_forward
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import UiSettings

    window = MainWindow(UiSettings(tmp_path / "ui.ini"))
    qtbot.addWidget(window)
    window.showMaximized()
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    assert window.isMinimized()
    bring_forward(window, [])
    assert not window.isMinimized() and window.isMaximized()
