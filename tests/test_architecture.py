"""The house rules, checked by tools: import-linter's layer contracts and ruff."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is not installed (it comes with the test extra)"
    return found


def test_layers_are_respected() -> None:
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "desktop", "tests", "benchmarks", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_stay_small_and_say_what_they_are_for() -> None:
    for path in (ROOT / "desktop").rglob("*.py"):
        if "versions" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, f"{path} is over 400 lines"
        if text.strip():
            assert text.lstrip().startswith('"""'), f"{path} has no module docstring"


def test_the_window_modules_do_not_pull_in_sqlalchemy() -> None:
    """Paint first: importing the main window must not import SQLAlchemy, reportlab or openpyxl."""
    code = (
        "import sys; import desktop.app, desktop.ui.main_window; "
        "bad = [m for m in ('sqlalchemy', 'reportlab', 'openpyxl', 'alembic') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
