"""The frozen program (PyInstaller's folder from build_installer.spec) and a frozen bare window
built the same way, so that start-up is also measured as the clerk's PC runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.startup import BARE_WINDOW

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIST = ROOT / "dist" / "LiaisonDesk"
EXE = ".exe" if sys.platform == "win32" else ""


def program(dist: Path) -> Path | None:
    """The console executable in a built folder (it has standard output for the probe)."""
    exe = dist / f"liaison-desk{EXE}"
    return exe if exe.is_file() else None


def bare_window(cache_dir: Path) -> Path:
    """benchmarks/bare_window.py frozen as a one-folder program (built once, kept in the cache
    until the script changes): the baseline carries the same bootloader and unpacking."""
    dist = cache_dir / "frozen-bare"
    exe = dist / "bare_window" / f"bare_window{EXE}"
    if exe.is_file() and exe.stat().st_mtime > BARE_WINDOW.stat().st_mtime:
        return exe
    work = cache_dir / "frozen-bare-work"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--onedir", "--console", "--distpath", str(dist), "--workpath", str(work)]
    cmd += ["--specpath", str(work), str(BARE_WINDOW)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    return exe


def commands(dist: Path, db_path: Path, cache_dir: Path) -> tuple[list[str], list[str]] | None:
    """(program, bare window) frozen, or None when the folder has not been built."""
    exe = program(dist)
    if exe is None:
        return None
    return [str(exe), "--db", str(db_path)], [str(bare_window(cache_dir))]
