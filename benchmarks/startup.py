"""Start-up: launch to first paint and to first rows, against a bare QMainWindow process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report import Figure, median_ms

BARE_WINDOW = Path(__file__).with_name("bare_window.py")
PROBE_ENV = "LIAISON_DESK_STARTUP_PROBE"
AS_OF = dt.date(2026, 6, 30)
TIMEOUT_S = 120


class ProbeError(RuntimeError):
    """A process did not print its milestones (crashed, hung or printed something else)."""


@dataclass(frozen=True)
class StartupResult:
    figures: list[Figure]
    notes: list[str]


def _env(data_home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env[PROBE_ENV] = "1"
    # The window keeps geometry and the last tab in the per-user data folder: use a private one
    # so that every run starts alike and the user's own settings are never touched.
    env["XDG_DATA_HOME"] = str(data_home)
    env["LIAISON_DESK_LOG_DIR"] = str(data_home / "log")
    # As installed: the program's bytecode cached (the warm-up run writes it), not compiled
    # again at every start because the shell running the benchmark said not to write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def build_demo_database(path: Path) -> str:
    """The demo county through the command line; a small database via the services if it fails."""
    cmd = [sys.executable, "-m", "desktop", "demo", "--db", str(path)]
    cmd += ["--scale", "county", "--as-of", AS_OF.isoformat()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        if done.returncode == 0 and path.is_file():
            return "demo database: python -m desktop demo --scale county --as-of " + str(AS_OF)
    except subprocess.TimeoutExpired:
        reason = "no exit within 600 s"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _fallback_database(path)
    return f"demo database: FALLBACK through the services API (demo failed: {reason[:120]})"


def _fallback_database(path: Path, cases: int = 600) -> None:
    from desktop.domain.enums import SiteRole
    from desktop.domain.records import CaseDraft, SiteDraft
    from desktop.services import open_services

    services = open_services(path, today=lambda: AS_OF)
    try:
        services.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "县人大常委会代表工委"))
        stations = [
            services.reference.add_station(f"S{i:02}", f"第{i}代表联络站", f"第{i % 4 + 1}镇")
            for i in range(1, 13)
        ]
        for i in range(cases):
            draft = CaseDraft(
                station_id=stations[i % len(stations)].id,
                received_date=AS_OF - dt.timedelta(days=i % 360),
                person_name="黄志强",
                village="大田村",
                content=f"第{i}条意见：村道路灯损坏，夜间出行不便，请求尽快维修。",
            )
            services.feedback.register(draft)
    finally:
        services.close()


def _run(cmd: list[str], env: dict[str, str], wanted: tuple[str, ...]) -> dict[str, int]:
    """Launch ``cmd``; return each wanted milestone's time in ns since just before the launch."""
    t0 = time.monotonic_ns()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise ProbeError(f"{Path(cmd[-1]).name}: no exit within {TIMEOUT_S} s") from None
    marks: dict[str, int] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in wanted and parts[1].isdigit():
            marks.setdefault(parts[0], int(parts[1]) - t0)
    missing = [w for w in wanted if w not in marks]
    if missing or proc.returncode != 0:
        last = (err.strip().splitlines() or ["(no stderr)"])[-1]
        raise ProbeError(f"exit {proc.returncode}, missing {missing or 'nothing'}: {last[:200]}")
    return marks


def source_commands(db_path: Path) -> tuple[list[str], list[str]]:
    """The program and the bare window, both run by this Python from the source checkout."""
    return [sys.executable, "-m", "desktop", "--db", str(db_path)], [
        sys.executable,
        str(BARE_WINDOW),
    ]


def measure(
    db_path: Path,
    runs: int,
    data_home: Path,
    commands: tuple[list[str], list[str]] | None = None,
    suffix: str = "",
) -> StartupResult:
    """Launch to painted and to first rows: ``commands`` is (program, bare window), from
    source by default; ``suffix`` names the pair in the table (" (frozen)")."""
    env = _env(data_home)
    app_cmd, bare_cmd = commands or source_commands(db_path)
    errors: dict[str, str] = {}
    bare: list[int] = []
    painted: list[int] = []
    rows: list[int] = []
    # Interleaved, so that drift affects both alike; the first run of each is a warm-up.
    for i in range(runs + 1):
        if "bare window" not in errors:
            try:
                mark = _run(bare_cmd, env, ("painted",))["painted"]
                bare += [mark] if i else []
            except (ProbeError, OSError) as exc:
                errors["bare window"] = str(exc)
        if "program" not in errors:
            try:
                marks = _run(app_cmd, env, ("painted", "rows"))
                painted += [marks["painted"]] if i else []
                rows += [marks["rows"]] if i else []
            except (ProbeError, OSError) as exc:
                errors["program"] = str(exc)
    notes = [f"start-up probe of the {who}{suffix} failed: {why}" for who, why in errors.items()]
    base = median_ms(bare) if "bare window" not in errors else None
    ok = "program" not in errors
    figures = [
        Figure(f"window painted{suffix}", median_ms(painted) if ok else None, base, max_ratio=1.5),
        Figure(
            f"first rows on screen{suffix}", median_ms(rows) if ok else None, base, max_ratio=3.0
        ),
    ]
    return StartupResult(figures, notes)
