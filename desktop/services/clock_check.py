"""Whether this PC's calendar can be right (reliability row 17): a warning, never a correction.

A station PC with a flat CMOS battery wakes up in 2008; one set by hand may say 2030. Nothing
in the data trusts a clock across machines (bundles merge by version and sequence), but a
wrong date still lands in what the clerk types ("received today") and in deadlines. Two
pieces of evidence, both local: the program cannot run before it was built, and the day
this database was last used cannot lie in the future. A remote timestamp (a bundle written
on a PC set to 2030) is never evidence: it would drag this PC's idea of "now" forward.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop import BUILT_AFTER
from desktop.db.engine import Database
from desktop.db.models import AppSetting

LAST_SEEN_KEY = "clock_last_seen_day"
AHEAD_DAYS = 366  # a year without using the program is odd; more, and the clock is suspect


@dataclass(frozen=True)
class ClockWarning:
    kind: str  # "behind" | "ahead"
    today: dt.date  # what the PC says
    evidence: dt.date  # BUILT_AFTER, or the day the database was last used


class ClockCheck:
    def __init__(self, db: Database, today: Callable[[], dt.date]) -> None:
        self.db = db
        self._today = today

    def check(self) -> ClockWarning | None:
        """A warning when today's date cannot be right; otherwise remember today as the day
        the database was last used (only a believable day is remembered, so a PC set to 2030
        once does not make every correct day after it look "behind")."""
        today = self._today()
        with self.db.read() as s:
            setting = s.get(AppSetting, LAST_SEEN_KEY)
        last_seen = dt.date.fromisoformat(setting.value) if setting else None
        if today < BUILT_AFTER:
            return ClockWarning("behind", today, BUILT_AFTER)
        if last_seen is not None and today < last_seen:
            return ClockWarning("behind", today, last_seen)
        if last_seen is not None and (today - last_seen).days > AHEAD_DAYS:
            return ClockWarning("ahead", today, last_seen)
        if last_seen != today and not self.db.read_only:
            with self.db.write() as s:
                s.merge(AppSetting(key=LAST_SEEN_KEY, value=today.isoformat()))
        return None
