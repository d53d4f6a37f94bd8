"""Backup rotation (reliability row 6): 7 daily, 4 weekly, 12 monthly, the copies kept before a
migration, an import or by hand, never what a clock set back cannot place; pruning by age."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.db import backups
from desktop.services import open_services
from tests.test_backups import TODAY, integrity

# A year of one backup a day, 2025-07-01 to 2026-06-30 (a Tuesday): the days rotation keeps.
YEAR = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
D = dt.date
LAST_7_DAYS = [D(2026, 6, d) for d in range(24, 31)]
NEWEST_OF_WEEKS = [D(2026, 6, 14), D(2026, 6, 21)]  # Sundays; 28 and 30 are above
NEWEST_OF_MONTHS = [D(2025, m, 31) for m in (7, 8, 10, 12)] + [D(2025, 9, 30), D(2025, 11, 30),
    D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31)]  # fmt: skip
ROTATED = sorted(LAST_7_DAYS + NEWEST_OF_WEEKS + NEWEST_OF_MONTHS)


def test_rotation_keeps_7_daily_4_weekly_12_monthly_over_a_year(tmp_path: Path) -> None:
    day = [YEAR[0]]
    services = open_services(tmp_path / "station.sqlite", today=lambda: day[0])
    try:
        while day[0] <= YEAR[1]:
            services.backups.take("daily")
            day[0] += dt.timedelta(days=1)
    finally:
        services.close()
    kept = sorted(b.taken.date() for b in backups.listed(tmp_path / "backups", "station"))
    assert kept == ROTATED
    assert len(kept) == 20


def test_a_day_s_backups_before_a_migration_or_an_import_or_by_hand_all_stay(
    tmp_path: Path,
) -> None:
    source, folder = tmp_path / "station.sqlite", tmp_path / "backups"
    open_services(source, today=lambda: TODAY).close()
    day = dt.datetime.combine(TODAY, dt.time())

    def take(reason: str, hour: int, days: int = 0) -> Path:
        when = day + dt.timedelta(days=days, hours=hour)
        path = backups.take(source, folder, reason, when)
        backups.rotate(folder, "station", when.date())  # as every caller does
        return path

    take("daily", 8)  # the day's start
    kept = [take("migration", 9), take("import", 10), take("import", 10), take("import", 15)]
    kept.append(take("manual", 17))
    take("daily", 8, days=1)  # the next day's start
    assert set(kept) <= {b.path for b in backups.listed(folder, "station")}
    assert len(set(kept)) == 5 and all(integrity(path) == ["ok"] for path in kept)
    # Pruning by age (the retention period) still deletes them with the rest of their day.
    assert set(kept) <= set(backups.prune_older_than(folder, TODAY + dt.timedelta(days=1)))


def test_the_backups_kept_for_a_migration_or_an_import_stay_bounded_over_a_year(
    tmp_path: Path,
) -> None:
    """A simulated year (rotation only: no files written): a start every day, an update on the
    1st of every month, three imports on weekdays, and 30 more on 2026-06-29."""
    every: list[backups.Backup] = []
    present: list[backups.Backup] = []
    most, day = 0, YEAR[0]
    while day <= YEAR[1]:
        taken = [("migration", 7)] * (day.day == 1) + [("daily", 8)]
        taken += [("import", h) for h in (10, 11, 15)] * (day.weekday() < 5)
        taken += [("import", 16)] * 30 * (day == dt.date(2026, 6, 29))
        for n, (reason, hour) in enumerate(taken):
            when = dt.datetime.combine(day, dt.time(hour, n))
            every.append(backups.Backup(tmp_path / f"{when:%Y%m%d-%H%M}.sqlite", when, reason))
            kept = backups.kept([*present, every[-1]], day)
            present = [b for b in (*present, every[-1]) if b.path in kept]
            most = max(most, len(present))
        day += dt.timedelta(days=1)
    newest_of_day = {b.taken.date(): b for b in every}  # taken in order: the last one wins
    migrations = [b for b in every if b.reason == "migration"]
    week = [b for b in every if b.reason == "import" and b.taken.date() >= LAST_7_DAYS[0]]
    assert len(week) == 45 and [b.taken.date() for b in migrations[-2:]] == [
        dt.date(2026, 5, 1), dt.date(2026, 6, 1)]  # fmt: skip
    assert set(present) == {*(newest_of_day[d] for d in ROTATED), *migrations[-2:], *week[-20:]}
    # Never more than the 7/4/12 rotation's own, the last 2 updates' and 20 imports.
    limits = (backups.KEEP_DAYS, backups.KEEP_WEEKS, backups.KEEP_MONTHS)
    assert (
        most <= sum(limits) + backups.KEEP_MIGRATIONS + backups.KEEP_MANUAL + backups.KEEP_IMPORTS
    )


def test_rotation_never_deletes_backups_a_clock_set_back_cannot_place(tmp_path: Path) -> None:
    future = [backups.Backup(tmp_path / f"s-{n}.sqlite", dt.datetime(2030, 1, n), "daily")
              for n in range(1, 4)]  # fmt: skip
    old = backups.Backup(tmp_path / "s-old.sqlite", dt.datetime(2008, 1, 1), "daily")
    assert backups.kept([*future, old], dt.date(2008, 1, 1)) == {b.path for b in [*future, old]}
    assert backups.kept([old], dt.date(2026, 1, 1)) == {old.path}  # the newest always stays


def test_prune_older_than_deletes_the_backups_before_the_cutoff(tmp_path: Path) -> None:
    source = tmp_path / "station.sqlite"
    open_services(source, today=lambda: TODAY).close()
    folder = tmp_path / "backups"
    made = {day: backups.take(source, folder, "daily", dt.datetime(2026, 6, day, 8))
            for day in (1, 9, 10, 11)}  # fmt: skip
    other = folder / "notes.ldbackup"
    other.write_bytes(b"not a backup of ours")
    deleted = backups.prune_older_than(folder, dt.date(2026, 6, 10))
    assert sorted(deleted) == sorted([made[1], made[9]])
    assert sorted(folder.iterdir()) == sorted([made[10], made[11], other])
