"""The benchmark runs end to end on small sizes and prints every figure (no timing asserted), and
the figures it checks against plain SQL agree with it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = (
    "window painted",
    "first rows on screen",
    "first screen: no filter",
    "first screen: state=referred",
    "first screen: one station",
    "first screen: one month",
    "first screen: state + month",
    "first screen: deep page",
    "count for status bar: no filter",
    "count for status bar: state=referred",
    "count for status bar: one station",
    "count for status bar: one month",
    "count for status bar: state + month",
    "search first page: rare",
    "search first page: common",
    "search first page: most",
    "state counts: no filter",
    "state counts: one month",
    "points register",
    "feedback ledger PDF 1,000 rows",
    "export 5,000 rows",
    "import 1,000 feedback rows",
    "import bundle 2,000 records",
    "export 100 changes from 5,000 records",
    "dashboard counts, a year of the county (5 kept)",
    "dashboard with points bands, a year of the county",
    "dashboard, one township of the county",
    "programme figures, a year of the county",
)
SEARCH = re.compile(r"^search first page: (rare|common|most) \S+ \((\d[\d,]*) matches\)$")
MS = r"[\d,]+(?:\.\d+)? ms"
ROW = re.compile(
    rf"^(?P<figure>[^|]+?)\s*\|\s*(?P<value>{MS})\s*\|\s*(?P<baseline>{MS})\s*\|"
    rf"\s*(?P<ratio>\d+(?:\.\d+)?)x\s*\|\s*(?P<target><= [\d.]+(?:x| ms))\s*\|\s*(?P<ok>pass|FAIL)$"
)


def test_quick_benchmark_prints_every_figure(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "benchmarks", "--quick", "--cases", "20000", "--runs", "2"]
    cmd += ["--cache-dir", str(tmp_path / "cache"), "--frozen", str(tmp_path / "no-build")]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    for header in ("platform:", "CPUs:", "Python:", "SQLite:"):
        assert header in out
    rows = {}
    for line in out.splitlines():
        match = ROW.match(line.strip())
        if match:
            rows[match["figure"]] = match
    for figure in FIGURES:
        found = [name for name in rows if name.startswith(figure)]
        assert found, f"no numeric row for {figure!r} in:\n{out}"
    matches = {}
    for name in rows:
        found = SEARCH.match(name)
        if found:
            matches[found[1]] = int(found[2].replace(",", ""))
    assert sorted(matches) == ["common", "most", "rare"], f"search rows name no match count:\n{out}"
    assert 0 < matches["rare"] <= 20 and matches["common"] >= 200 and matches["most"] > 10000
    assert "cases: 20,000" in out
    assert f"frozen start-up not measured: no build in {tmp_path / 'no-build'}" in out
    assert "points register 2025: 200 deputies x 20 " in out
    # Every figure checked against plain SQL (the dashboard's, the points register's, the
    # programmes') agrees with it: measured again here, over the databases the run cached.
    from benchmarks import dashboard, points, programmes
    from benchmarks.points import CheckedFigure

    for section in (dashboard, points, programmes):
        result = section.measure(True, tmp_path / "cache", 1)
        checked = [f for f in result.figures if isinstance(f, CheckedFigure)]
        assert checked, section.__name__
        assert [f.name for f in checked if not f.agrees] == [], result.notes
