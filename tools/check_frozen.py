"""Check a folder built by build_installer.spec: what it must hold, what it must not, and the
frozen program's own --self-test (run in a private home, offscreen). Prints the folder's size.

    .venv/bin/python tools/check_frozen.py dist/LiaisonDesk
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXE = ".exe" if sys.platform == "win32" else ""
# Inside the folder's _internal/: the data files the program reads by path.
MUST_HOLD = (
    "i18n/liaison_desk_zh_CN.qm",
    "resources/fonts/wqy-microhei.ttc",
    "resources/unihan/total_strokes.txt",
    "resources/icons/liaison-desk.png",
    "desktop/db/migrations/env.py",
    "desktop/db/migrations/versions",
)
# Qt modules the program does not use (issue: QML, Quick, WebEngine, 3D, Multimedia).
MUST_NOT_HOLD = ("qt6qml", "qt6quick", "qt6webengine", "qt63d", "qt6multimedia", "qt6pdf")


def size_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def check_layout(folder: Path) -> list[str]:
    problems = []
    for name in (f"LiaisonDesk{EXE}", f"liaison-desk{EXE}"):
        if not (folder / name).is_file():
            problems.append(f"missing executable {name}")
    inner = folder / "_internal"
    for relative in MUST_HOLD:
        if not (inner / relative).exists():
            problems.append(f"missing {relative}")
    migrations = list((inner / "desktop/db/migrations/versions").glob("*.py"))
    from desktop.db.revision import HEAD

    if not any(p.name.startswith(HEAD) for p in migrations):
        problems.append(f"no migration script for the head revision {HEAD}")
    for path in inner.rglob("*"):
        if any(part in path.name.lower() for part in MUST_NOT_HOLD):
            problems.append(f"unused Qt module shipped: {path.relative_to(folder)}")
    return problems


def check_version_resource() -> list[str]:
    """The spec's version resource is built on Windows only; build it here as well (PyInstaller's
    module wants a Windows API it does not use for this) so a mistake shows in CI."""
    import PyInstaller.compat as compat

    from desktop import __version__
    from tools.windows_version import version_info

    if not hasattr(compat, "win32api"):
        compat.win32api = None  # type: ignore[attr-defined]
    raw = version_info(__version__, "LiaisonDesk", "联络站工作台").toRaw()
    wanted = ("ProductVersion", __version__, "联络站工作台")
    return [f"version resource lacks {w!r}" for w in wanted if w.encode("utf-16-le") not in raw]


def self_test(folder: Path) -> tuple[int, str]:
    with tempfile.TemporaryDirectory(prefix="liaison-desk-frozen-") as home:
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data")
        env.update(LIAISON_DESK_LOG_DIR=f"{home}/log", QT_QPA_PLATFORM="offscreen")
        env.pop("PYTHONPATH", None)  # the frozen program must not lean on the checkout
        done = subprocess.run(
            [str(folder / f"liaison-desk{EXE}"), "--self-test"],
            cwd=home,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    return done.returncode, done.stdout + done.stderr


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "LiaisonDesk").resolve()
    problems = check_layout(folder) + check_version_resource()
    code, output = self_test(folder)
    print(output.rstrip())
    if code != 0:
        problems.append(f"the frozen self-test exited {code}")
    mb, count = size_mb(folder)
    print(f"frozen folder {folder}: {mb:.0f} MB in {count} files")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
