"""docs/report-json.md against a real `liaison-desk report --format json`: at every level (the
top, a figures object, a township's and a station's object, the completeness, the programmes
object, the top deputies) the keys the document's tables name are exactly the keys written.

A table's first column names keys; a meaning names the keys of what its key holds: braces
(`{part, whole, percent}`), or the backquoted words outside parentheses, a parenthesis with an
arrow naming the keys of the word before it (`batches` (`province`, `city` → batches)).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.conftest import DEMO_AS_OF as AS_OF

DOC = Path(__file__).resolve().parent.parent / "docs" / "report-json.md"
Tree = dict[str, "Tree"]  # a key -> the keys of what it holds ({} for a plain value)
NOT_KEYS = {"null"}  # JSON values the meanings quote
# Lists of objects the real report must hold at least one of, so that no level goes unchecked.
LISTS = ("townships[]", "stations[]", "top_deputies[]", "totals.cases_by_category[]",
         "totals.points_bands[]", "stations[].completeness.months[]")  # fmt: skip


def tables(text: str) -> dict[str, dict[str, str]]:
    """Each section's table: its title (after "## ") -> {key: meaning}; a row naming several
    keys (`expected`, `received`, `on_time`) gives each the meaning."""
    found: dict[str, dict[str, str]] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif line.startswith("|") and not line.startswith(("| key ", "|---")):
            first, meaning = line.strip().strip("|").split("|", 1)
            for key in re.findall(r"`([^`]+)`", first):
                found.setdefault(section, {})[key] = meaning.strip()
    return found


def _closing(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    raise AssertionError(f"unbalanced parenthesis in {text!r}")


def named(meaning: str) -> Tree:
    """The keys a meaning names (see the module's docstring)."""
    braces = re.search(r"`\[?\{([^}]*)\}\]?`", meaning)
    if braces:
        return {key.strip(): {} for key in braces[1].split(",")}
    out: Tree = {}
    last, last_end, i = None, 0, 0
    while i < len(meaning):
        if meaning[i] == "(":
            end = _closing(meaning, i)
            inner = meaning[i + 1 : end]
            if last is not None and not meaning[last_end:i].strip() and "→" in inner:
                out[last] = named(inner.split("→", 1)[0])
            i = end + 1
        elif meaning[i] == "`":
            end = meaning.index("`", i + 1)
            word = meaning[i + 1 : end]
            if word not in NOT_KEYS:
                out.setdefault(word, {})
                last, last_end = word, end + 1
            i = end + 1
        else:
            i += 1
    return out


def _object(table: dict[str, str]) -> Tree:
    return {key: named(meaning) for key, meaning in table.items()}


def county_only(table: dict[str, str]) -> dict[str, set[str]]:
    """The programmes object's county-only keys: key -> its county-only keys ("" the key
    itself): "(county only)" before a meaning or inside a key's parenthesis, and the keys after
    "the county's also"."""
    out: dict[str, set[str]] = {}
    for key, meaning in table.items():
        if meaning.startswith("(county only)"):
            out.setdefault(key, set()).add("")
        for word in re.findall(r"`(\w+)` \(county only", meaning):
            out.setdefault(key, set()).add(word)
        _, also, rest = meaning.partition("the county's also")
        if also:
            out.setdefault(key, set()).update(re.findall(r"`(\w+)`", rest.split(";")[0]))
    return out


def _section(found: dict[str, dict[str, str]], title: str) -> dict[str, str]:
    (table,) = [t for s, t in found.items() if s.startswith(title)]
    return table


def documented(text: str) -> Tree:
    """The whole report's keys as the document describes them."""
    found = tables(text)
    top, figures = found["Top level"], _object(found["A figures object"])
    completeness = _object(_section(found, "A station's"))
    programmes = _object(_section(found, "A programmes object"))
    below = {k: dict(v) for k, v in programmes.items()}  # a township's or a station's
    for key, words in county_only(_section(found, "A programmes object")).items():
        for word in words - {""}:
            del below[key][word]
        if "" in words:
            del below[key]
    assert "figures object" in top["totals"] and "programmes object" in top["programmes"]
    for row in ("townships", "stations"):  # "..., a figures object's keys, ... `programmes`"
        assert "a figures object's keys" in top[row]
    tree = _object(top)
    tree["totals"] = figures
    tree["townships"] = {**named(top["townships"]), **figures, "programmes": below}
    tree["stations"] = {**named(top["stations"]), **figures, "programmes": below,
                        "completeness": completeness}  # fmt: skip
    tree["programmes"] = programmes
    return tree


def compare(value: Any, keys: Tree, path: str, seen: set[str]) -> list[str]:
    """Where ``value`` (an object, or a list of objects) has keys other than ``keys``."""
    if isinstance(value, list):
        items = [v for v in value if isinstance(v, dict)]
        if items:
            seen.add(path + "[]")
        return [e for item in items for e in compare(item, keys, path + "[]", seen)]
    if not isinstance(value, dict):
        return []
    wrong = []
    if set(value) != set(keys):
        undocumented, missing = sorted(set(value) - set(keys)), sorted(set(keys) - set(value))
        wrong.append(f"{path or 'top'}: not documented {undocumented}, not written {missing}")
    for key in set(value) & set(keys):
        wrong += compare(value[key], keys[key], f"{path}.{key}".lstrip("."), seen)
    return wrong


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A demo county's annual report as the command line writes it (a database of its own:
    writing a report adds a row to the audit log)."""
    folder = tmp_path_factory.mktemp("report-json")
    db, out = folder / "county.sqlite", folder / "report.json"
    for argv in (
        ["demo", "--db", db, "--scale", "county", "--years", 1, "--as-of", AS_OF],
        ["report", "--db", db, "--year", AS_OF.year, "--format", "json", "--as-of", AS_OF,
         "--out", out],
    ):  # fmt: skip
        assert main([str(a) for a in argv]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_key_written_is_documented_and_every_key_documented_is_written(
    report: dict[str, Any],
) -> None:
    seen: set[str] = set()
    assert compare(report, documented(DOC.read_text(encoding="utf-8")), "", seen) == []
    assert set(LISTS) <= seen  # every level was there to compare
    assert all(s["completeness"] and s["programmes"] for s in report["stations"])
    assert all(t["programmes"] for t in report["townships"]) and report["programmes"]


def test_the_documented_values_are_the_values_written(report: dict[str, Any]) -> None:
    top = tables(DOC.read_text(encoding="utf-8"))["Top level"]
    assert f'`"{report["format"]}"`' in top["format"] and f"`{report['version']}`" in top["version"]
    months = _section(tables(DOC.read_text(encoding="utf-8")), "A station's")["months"]
    states = set(re.findall(r"`(\w+)`", months.split("`state` is", 1)[1]))
    written = {m["state"] for s in report["stations"] for m in s["completeness"]["months"]}
    assert written <= states and len(written) > 1


def test_the_parser_reads_what_the_document_means() -> None:
    """The reading rules on the document's own phrasings."""
    assert named("`{part, whole, percent}`: replied (`percent` is `null` when `whole` is 0)") == {
        "part": {},
        "whole": {},
        "percent": {},
    }
    assert named("`batches` (`province`, `city` → batches), `hours` (each `x`)") == {
        "batches": {"province": {}, "city": {}},
        "hours": {},
    }
    assert named("state → cases: `registered`, `closed`") == {"registered": {}, "closed": {}}
    table = {"projects": "(county only) the year's: `chosen`", "drafts": "`received` (county "
             "only: drafts), `comments`", "fund": "`applied`; the county's also `total_fen` "
             "(the fund) and `remaining_fen` (the rest)"}  # fmt: skip
    assert county_only(table) == {
        "projects": {""},
        "drafts": {"received"},
        "fund": {"total_fen", "remaining_fen"},
    }
    keys: Tree = {"a": {}, "b": {"c": {}}}
    seen: set[str] = set()
    assert compare({"a": 1, "b": [{"c": 2}]}, keys, "", seen) == [] and seen == {"b[]"}
    assert compare({"a": 1, "b": [{"c": 2, "d": 3}]}, keys, "", seen) == [
        "b[]: not documented ['d'], not written []"
    ]
    assert compare({"b": {"c": 1}}, keys, "", seen) == ["top: not documented [], not written ['a']"]
