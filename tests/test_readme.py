"""README's two commands are real: CI runs the test one verbatim, and the run one works."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_opens_with_the_two_commands() -> None:
    run, test = _commands()[:2]
    assert run.endswith("liaison-desk --demo")
    assert test.endswith("python -m pytest") and '".[test]"' in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test = _commands()[1]
    assert test in ci.splitlines()


def test_constraints_pin_every_dependency_exactly() -> None:
    pins = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    for needed in (
        "pyside6-essentials",
        "sqlalchemy",
        "alembic",
        "reportlab",
        "openpyxl",
        "platformdirs",
        "pypinyin",
        "pytest",
        "pytest-qt",
        "pytest-timeout",
        "hypothesis",
        "import-linter",
        "ruff",
    ):
        assert needed in pins, needed
