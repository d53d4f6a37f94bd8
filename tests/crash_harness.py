"""Kill -9 at random moments: a forked child runs an import and reports, through a pipe, when its
write transaction began and when it committed; the parent kills it with SIGKILL after a delay
steered so that enough kills land inside the transaction (reliability row 1).

The child is forked from the prepared test process (no interpreter start-up, no Qt) and ends
with ``os._exit``; the markers come from SQLAlchemy events the test installs in the child, so
the product carries no test hooks."""

from __future__ import annotations

import math
import os
import random
import select
import signal
import sqlite3
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from desktop.db import sqlite as db_sqlite

# Every write transaction reports B when it begins; at its commit, the import's (the one that
# changes thousands of rows) reports c then C, any other (an audit row, a setting) s then S.
BEGUN, COMMITTING, COMMITTED, SMALL, SMALL_DONE, DONE = b"B", b"c", b"C", b"s", b"S", b"D"
BIG = 1000  # rows changed: only the import's own transaction comes near
BEFORE, INSIDE, AFTER = "before", "inside", "after"
Signal = Callable[[bytes], None]
ChildBody = Callable[[Signal], None]


def watch(engine: Engine, say: Signal) -> None:
    """In the child: report each write transaction's BEGIN IMMEDIATE (after it was sent: this
    listener runs after the one that sends it), its COMMIT about to be sent and the commit done.
    Read transactions (plain BEGIN) are not reported."""
    big = [False]

    def changes(conn: Any) -> int:
        return conn.connection.dbapi_connection.total_changes

    @event.listens_for(engine, "begin")
    def _begun(conn: Any) -> None:
        if conn.get_execution_options().get("immediate"):
            conn.info["changes_before"] = changes(conn)
            say(BEGUN)

    @event.listens_for(engine, "commit")
    def _committing(conn: Any) -> None:
        if conn.get_execution_options().get("immediate"):
            big[0] = changes(conn) - conn.info.pop("changes_before", 0) >= BIG
            say(COMMITTING if big[0] else SMALL)

    @event.listens_for(Session, "after_commit")
    def _committed(session: Session) -> None:
        if "remote" in session.info:  # set on write sessions only (Database.write)
            say(COMMITTED if big[0] else SMALL_DONE)


@dataclass
class Outcome:
    """One run: the delay asked for, what the child reported before it died, and when."""

    delay: float
    marks: list[tuple[bytes, float]] = field(default_factory=list)
    error: str = ""

    def times(self, mark: bytes) -> list[float]:
        return [at for m, at in self.marks if m == mark]

    @property
    def nth_write(self) -> int:
        """Which write transaction (1, 2, ...) is the import's: the one that committed big."""
        seen = [m for m, _ in self.marks]
        return seen[: seen.index(COMMITTING)].count(BEGUN) if COMMITTING in seen else 0

    def where(self, nth_write: int) -> str:
        """Where the kill landed against the import's transaction (the ``nth_write``-th)."""
        if self.times(COMMITTED):
            return AFTER
        return INSIDE if len(self.times(BEGUN)) >= nth_write else BEFORE

    @property
    def finished(self) -> bool:
        return bool(self.times(DONE))


def run_child(body: ChildBody, delay: float | None, error_file: Path) -> Outcome:
    """Fork, run ``body`` in the child, SIGKILL it after ``delay`` seconds (None: let it
    finish, within a minute). Returns what the child reported, with arrival times."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            body(lambda mark: os.write(write_end, mark) and None)
            os.write(write_end, DONE)
        except BaseException:  # reported to the parent through the file
            error_file.write_text(traceback.format_exc(), encoding="utf-8")
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    started = time.monotonic()
    outcome = Outcome(delay if delay is not None else math.inf)
    deadline = started + (delay if delay is not None else 60.0)
    open_pipe = True
    try:
        while open_pipe and (left := deadline - time.monotonic()) > 0:
            if select.select([read_end], [], [], left)[0]:
                open_pipe = _take(read_end, outcome, started)
    finally:
        os.kill(pid, signal.SIGKILL)  # a zombie already done takes the signal harmlessly
        _, status = os.waitpid(pid, 0)
        while open_pipe:  # what the child wrote just before it died
            open_pipe = _take(read_end, outcome, started)
        os.close(read_end)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0:
        outcome.error = error_file.read_text(encoding="utf-8")
    return outcome


def _take(fd: int, outcome: Outcome, started: float) -> bool:
    data = os.read(fd, 64)
    now = time.monotonic() - started
    outcome.marks += [(bytes([mark]), now) for mark in data]
    return bool(data)


@dataclass
class Window:
    """When the import's write transaction runs, in seconds after the fork (refined run by
    run), and which of the child's write transactions it is."""

    nth_write: int
    begun: list[float] = field(default_factory=list)
    committed: list[float] = field(default_factory=list)
    done: list[float] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        begun = outcome.times(BEGUN)
        if len(begun) >= self.nth_write:
            self.begun.append(begun[self.nth_write - 1])
        self.committed += outcome.times(COMMITTED)
        self.done += outcome.times(DONE)

    @staticmethod
    def _mid(times: list[float]) -> float:
        return sorted(times)[len(times) // 2]

    def inside(self, rng: random.Random) -> float:
        return rng.uniform(self._mid(self.begun), self._mid(self.committed))

    def anywhere(self, rng: random.Random) -> float:
        return rng.uniform(0.0, self._mid(self.done) * 1.1)


@dataclass
class Campaign:
    """``kills`` runs of ``prepare`` (a fresh copy of the database) then ``body`` in a child,
    each checked by ``check``; half the delays aim inside the window, or more while too few
    have landed there."""

    prepare: Callable[[int], Path]
    body: Callable[[Path], ChildBody]
    check: Callable[[Path, str], str]  # (database, where the kill landed) -> "all" / "none"
    folder: Path
    seed: int = 20260615
    tally: Counter = field(default_factory=Counter)
    results: Counter = field(default_factory=Counter)
    during_commit: int = 0  # of the kills inside: between COMMIT sent and its return

    def calibrate(self, runs: int = 2) -> Window:
        """Runs left to finish: the window's times, and each result checked as complete."""
        outcomes = []
        for i in range(runs):
            db = self.prepare(-1 - i)
            outcome = run_child(self.body(db), None, self.folder / "child-error.txt")
            assert not outcome.error, outcome.error
            assert outcome.finished and outcome.nth_write > 0, outcome.marks
            assert self.check(db, AFTER) == "all"
            outcomes.append(outcome)
        assert len({o.nth_write for o in outcomes}) == 1, [o.marks for o in outcomes]
        window = Window(outcomes[0].nth_write)
        for outcome in outcomes:
            window.add(outcome)
        return window

    def run(self, kills: int, window: Window) -> None:
        rng = random.Random(self.seed)
        for i in range(kills):
            aim_inside = i % 2 == 0 or self.tally[INSIDE] * 2 < i  # behind: aim inside again
            delay = window.inside(rng) if aim_inside else window.anywhere(rng)
            db = self.prepare(i)
            outcome = run_child(self.body(db), delay, self.folder / "child-error.txt")
            assert not outcome.error, outcome.error
            window.add(outcome)
            where = outcome.where(window.nth_write)
            self.tally[where] += 1
            self.during_commit += where == INSIDE and bool(outcome.times(COMMITTING))
            self.results[(where, self.check(db, where))] += 1


def sound(path: Path) -> None:
    """What the program finds on restart: integrity_check ok, no dangling foreign key, the
    full-text index and the per-state totals consistent with the cases."""
    with closing(sqlite3.connect(path)) as con:  # read-write: recovers a hot WAL as the app would
        db_sqlite.register_functions(con)
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute(f"INSERT INTO {db_sqlite.FTS_TABLE}({db_sqlite.FTS_TABLE}) "
                    "VALUES('integrity-check')")  # fmt: skip
        totals = con.execute(
            f"SELECT received_date, state, n FROM {db_sqlite.STATE_TOTALS} WHERE n != 0 "
            "ORDER BY 1, 2"
        ).fetchall()
        cases = con.execute(
            "SELECT received_date, state, count(*) FROM feedback_cases WHERE NOT deleted "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
        assert totals == cases
        flag = "SELECT count(*) FROM app_settings WHERE key = ?"
        assert con.execute(flag, (db_sqlite.BULK_FLAG,)).fetchone() == (0,)
