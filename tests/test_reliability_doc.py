"""docs/reliability.md names a test for every row of the reliability promises, and every test
it names exists (so the list cannot rot as tests are renamed)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"
ROWS = 31


def _tests_in(path: Path) -> set[str]:
    """The tests pytest collects from ``path``: its top-level ``test_`` functions (a helper
    nested in a function, or a function pytest skips by its name, proves nothing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    return {n.name for n in tree.body if isinstance(n, functions) and n.name.startswith("test")}


def _references(cell: str) -> list[tuple[str, str | None]]:
    """``file.py::test`` and ``::test`` (the last file named) and bare ``file.py``."""
    refs, current = [], None
    for m in re.finditer(r"`(test_\w+\.py)?(?:::(\w+))?`", cell):
        current = m.group(1) or current
        if current is not None:
            refs.append((current, m.group(2)))
    return refs


def test_every_row_names_tests_that_exist() -> None:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*(\d+)\s*\|(.*)\|\s*$", line)
        if m:
            rows[int(m.group(1))] = m.group(2).split("|")[-1]
    assert sorted(rows) == list(range(1, ROWS + 1))
    for number, cell in rows.items():
        refs = _references(cell)
        assert refs, f"row {number} names no test"
        for file, name in refs:
            path = ROOT / "tests" / file
            assert path.is_file(), f"row {number}: {file}"
            if name is not None:
                assert name in _tests_in(path), f"row {number}: {file}::{name}"


def test_only_a_top_level_test_function_counts(tmp_path: Path) -> None:
    source = tmp_path / "test_sample.py"
    source.write_text(
        "def test_real():\n"
        "    def test_nested():\n"
        "        pass\n"
        "\n"
        "def helper_named_in_the_doc():\n"
        "    pass\n"
        "\n"
        "class Holder:\n"
        "    def test_method(self):\n"
        "        pass\n",
        encoding="utf-8",
    )
    assert _tests_in(source) == {"test_real"}
