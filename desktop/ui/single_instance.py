"""One window per database: a lock file and a local socket; a second start on the same database
hands the files it was given to the first window and exits (reliability row 8)."""

from __future__ import annotations

import contextlib
import enum
import getpass
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QCryptographicHash, QLockFile, QObject, QTimer, Signal

from desktop.db.location import Location, shown

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QMessageBox, QWidget

LOCK_DIR_ENV = "LIAISON_DESK_LOCK_DIR"  # tests (and a site's IT) may put the locks elsewhere
ANSWER_TIMEOUT_MS = 4000
# A lock this old with nobody listening for it is not a Liaison Desk on this database: a lock
# file left empty by a power cut (Qt then cannot tell whose it is), or a crashed instance's PID
# reused by another program of the same name. Younger than this, its holder may still be
# starting (it listens once its window is painted), and a later start waits for it.
UNSERVED_LOCK_S = 30
MAX_MESSAGE = 1 << 20
ACK = b"ok\n"

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    FIRST = "first"  # this process holds the lock: open the window
    HANDED_OVER = "handed over"  # the window already open took the files: exit 0
    NOT_RESPONDING = "not responding"  # open, but it did not answer: say so, exit 1


def instance_key(target: Location) -> str:
    """The same for every spelling of one database: its resolved path, or its server URL
    (without the password, which may change while the database stays the same)."""
    if isinstance(target, Path):
        resolved = str(target.resolve())
        if sys.platform == "win32":  # C:\Data and c:\data are one file there
            resolved = os.path.normcase(resolved)
        ident = "file:" + resolved
    else:
        ident = "url:" + shown(target)
    return _sha256(ident)[:32]


def default_lock_dir() -> Path:
    override = os.environ.get(LOCK_DIR_ENV)
    if override:
        return Path(override)
    from desktop import paths

    return paths.data_dir() / "instances"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no name in the environment nor the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(key: str, lock_dir: Path) -> str:
    """Local server names are shared by every user of the PC (a socket in the temporary
    folder, a named pipe on Windows): the user and the lock folder are part of the name."""
    scope = f"{_user()}\0{lock_dir.absolute()}\0{key}"
    return "LiaisonDesk-" + _sha256(scope)[:24]


def _sha256(text: str) -> str:
    """Qt's SHA-256 (already loaded; hashlib's OpenSSL would cost the first paint 2.5 ms)."""
    digest = QCryptographicHash.hash(text.encode("utf-8"), QCryptographicHash.Algorithm.Sha256)
    return bytes(digest.toHex()).decode("ascii")


class InstanceGuard(QObject):
    """The lock and the listening socket of the instance that owns a database."""

    files_received = Signal(list)  # list[Path]: what a second start was asked to open

    def __init__(
        self, target: Location, lock_dir: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.key = instance_key(target)
        self.lock_dir = lock_dir or default_lock_dir()
        self.lock_path = self.lock_dir / f"{self.key}.lock"
        self.server_name = server_name(self.key, self.lock_dir)
        self._lock = QLockFile(str(self.lock_path))
        # Held for as long as the window is open: never stale by age, only when its process
        # (PID, host and program name, which QLockFile checks) is gone.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    # --- the first instance ------------------------------------------------------------

    def try_lock(self) -> bool:
        """Take the lock; a lock left by a crashed instance is recovered here."""
        return self._lock.tryLock(0)

    def lock_unusable(self) -> bool:
        """The lock folder cannot be written: run unprotected rather than not at all."""
        return self._lock.error() in (
            QLockFile.LockError.PermissionError,
            QLockFile.LockError.UnknownError,
        )

    def listen(self) -> bool:
        """Answer later starts on this database. Called once the window is painted: the
        network module costs about 5 ms, and a later start waits for it meanwhile."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A socket file left by a killed instance (Qt replaces it anyway when it sets the
        # user-only permissions, but not with every option or version).
        QLocalServer.removeServer(self.server_name)
        if not server.listen(self.server_name):
            log.warning("Cannot listen for later starts: %s", server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, b=received: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket, received: bytearray) -> None:
        received += socket.readAll().data()
        if len(received) > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in received:
            return
        line = bytes(received).split(b"\n", 1)[0]
        try:
            import json

            files = [Path(f) for f in json.loads(line.decode("utf-8"))["files"]]
        except (ValueError, KeyError, TypeError):
            log.warning("A later start sent a message that is not ours; ignored")
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        # After the answer: opening files may show a modal dialog, and the second start
        # should not wait for the clerk to close it.
        QTimer.singleShot(0, self, lambda: self.files_received.emit(files))

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    # --- a later start -----------------------------------------------------------------

    def hand_over(self, files: list[Path], timeout_ms: int = ANSWER_TIMEOUT_MS) -> Outcome:
        """Send ``files`` to the instance holding the lock and wait for its answer."""
        from PySide6.QtNetwork import QLocalSocket

        if sys.platform == "win32":  # let the first window come to the front (ASFW_ANY)
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)
        import json

        payload = json.dumps({"files": [str(f.absolute()) for f in files]}).encode() + b"\n"
        timeout_s = timeout_ms / 1000
        began = time.monotonic()
        nobody = (
            QLocalSocket.LocalSocketError.ServerNotFoundError,
            QLocalSocket.LocalSocketError.ConnectionRefusedError,
        )
        unserved = True  # no socket to connect to, at every try so far
        while True:
            waited = time.monotonic() - began
            # A young lock with no socket yet: its holder is starting (it listens once its
            # window is painted), so wait for it rather than call it hung.
            starting = unserved and self._lock_young() and waited < UNSERVED_LOCK_S
            if waited >= timeout_s and not starting:
                break
            socket = QLocalSocket()
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(1000):
                return self._send(socket, payload, time.monotonic() + timeout_s)
            unserved = unserved and socket.error() in nobody
            if self.try_lock():  # the first one has just closed
                return Outcome.FIRST
            time.sleep(0.05)
        if unserved and not self._lock_young():
            log.warning("Removing a lock nobody answers for: %s", self.lock_path)
            self._lock.removeStaleLockFile()
            if self.try_lock():
                return Outcome.FIRST
        return Outcome.NOT_RESPONDING

    def _send(self, socket: QLocalSocket, payload: bytes, deadline: float) -> Outcome:
        socket.write(payload)
        answer = b""
        while len(answer) < len(ACK):
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0 or not socket.waitForReadyRead(left):
                break  # connected but silent: the first instance hangs
            answer += socket.readAll().data()
        socket.abort()
        return Outcome.HANDED_OVER if answer.startswith(ACK) else Outcome.NOT_RESPONDING

    def _lock_young(self) -> bool:
        try:
            age = time.time() - self.lock_path.stat().st_mtime
        except OSError:  # gone meanwhile: the next try_lock takes it
            return True
        return 0 <= age < UNSERVED_LOCK_S


def claim(
    target: Location,
    files: list[Path],
    lock_dir: Path | None = None,
    timeout_ms: int = ANSWER_TIMEOUT_MS,
) -> tuple[Outcome, InstanceGuard]:
    """Take ``target`` for this process, or hand ``files`` to the process that has it."""
    folder = lock_dir or default_lock_dir()
    # If it cannot be made, the lock below fails as unusable and the window opens unprotected.
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    guard = InstanceGuard(target, folder)
    if guard.try_lock():
        return Outcome.FIRST, guard
    if guard.lock_unusable():
        log.warning("Cannot lock %s: two windows may open on this database", guard.lock_path)
        return Outcome.FIRST, guard
    outcome = guard.hand_over(files, timeout_ms)
    log.info("Already open on this database: %s", outcome.value)
    return outcome, guard


def already_open_box(target: Location, parent: QWidget | None = None) -> QMessageBox:
    """Told when the window already open on ``target`` does not answer (it hangs)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SingleInstance", "Liaison Desk is already open"),
        QCoreApplication.translate(
            "SingleInstance",
            "Liaison Desk is already open on this database:\n{0}\n\n"
            "That window did not answer when asked to come to the front. Switch to it; if it "
            "does not respond, end Liaison Desk in the Task Manager and start it again.",
        ).format(shown(target)),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    return box
