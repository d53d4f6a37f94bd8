"""``python -m benchmarks``: start-up, filter, search, count, points-register, ledger PDF, Excel,
bundle and county-dashboard timings against plain baselines measured in the same run."""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import (
    bundles,
    dashboard,
    dataset,
    filters,
    frozen,
    importing,
    ledger_pdf,
    points,
    programmes,
    search,
    startup,
    workbooks,
)
from benchmarks.report import Figure, machine, table

STARTUP_RUNS, FILTER_RUNS = 7, 20
QUICK_STARTUP_RUNS, QUICK_FILTER_RUNS, QUICK_CASES = 3, 5, 20_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer repeats")
    parser.add_argument("--cases", type=int, help="feedback cases to filter (default 1,000,000)")
    parser.add_argument(
        "--runs",
        type=int,
        help=f"repeats per figure (default {STARTUP_RUNS} start-up, {FILTER_RUNS} filters, search)",
    )
    parser.add_argument(
        "--cache-dir", type=Path, default=dataset.CACHE_DIR, help="where the big database is kept"
    )
    parser.add_argument(
        "--frozen",
        type=Path,
        default=frozen.DEFAULT_DIST,
        help="the folder build_installer.spec built (start-up is measured frozen too if present)",
    )
    args = parser.parse_args(argv)
    if args.cases is None:
        args.cases = QUICK_CASES if args.quick else 1_000_000
    if args.cases < 1000 or (args.runs is not None and args.runs < 1):
        parser.error("--cases must be at least 1000 and --runs at least 1")
    return args


def _progress(text: str) -> None:
    """Announce a section, and set aside what earlier sections left alive: the garbage
    collector would otherwise walk their objects during this section's timings (one process
    runs every section; the program measured runs one at a time)."""
    gc.collect()
    gc.freeze()
    print(f"[{text} ...]", file=sys.stderr, flush=True)


def _failed(section: str, exc: Exception) -> str:
    traceback.print_exc()
    first = (str(exc).splitlines() or [""])[0][:300]
    return f"{section} FAILED, no figures: {type(exc).__name__}: {first}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    startup_runs = args.runs or (QUICK_STARTUP_RUNS if args.quick else STARTUP_RUNS)
    filter_runs = args.runs or (QUICK_FILTER_RUNS if args.quick else FILTER_RUNS)
    points_runs = args.runs or (points.QUICK_RUNS if args.quick else points.RUNS)
    figures: list[Figure] = []
    notes: list[str] = []
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="liaison-desk-bench-") as tmp:
            folder = Path(tmp)
            demo = folder / "demo.sqlite"
            notes.append(startup.build_demo_database(demo))
            _progress(f"start-up: {startup_runs} runs of each process")
            result = startup.measure(demo, startup_runs, folder / "data-home")
            figures += result.figures
            notes += result.notes
            try:
                pair = frozen.commands(args.frozen, demo, args.cache_dir)
            except (OSError, subprocess.SubprocessError) as exc:
                pair = None
                notes.append(f"the frozen bare window could not be built: {exc}")
            if pair is None:
                notes.append(f"frozen start-up not measured: no build in {args.frozen}")
            else:
                _progress(f"start-up, frozen: {startup_runs} runs of each process")
                result = startup.measure(
                    demo, startup_runs, folder / "data-home", pair, " (frozen)"
                )
                figures += result.figures
                notes += result.notes
    except Exception as exc:  # reported, not raised: the filters may still be measured
        notes.append(_failed("start-up", exc))
    data = None
    try:
        _progress(f"database with {args.cases:,} cases")
        data = dataset.feedback_database(args.cases, args.cache_dir)
        built = f"built in {data.build_seconds:.1f} s" if data.build_seconds else "cached"
        notes.append(f"feedback database ({built}): {data.path}")
        notes += data.notes
    except Exception as exc:
        notes.append(_failed("feedback database", exc))
    if data is not None:
        try:
            _progress(f"filters: {filter_runs} runs each")
            result_f = filters.measure(data.path, filter_runs, dataset.AS_OF)
            figures += result_f.figures
            notes += result_f.notes
        except Exception as exc:  # reported, not raised: search may still be measured
            notes.append(_failed("filters", exc))
        try:
            _progress(f"search and state counts: {filter_runs} runs each")
            result_s = search.measure(data.path, filter_runs, dataset.AS_OF)
            figures += result_s.figures
            notes += result_s.notes
        except Exception as exc:
            notes.append(_failed("search and state counts", exc))
    try:
        _progress(f"points register: {points_runs} runs")
        result_p = points.measure(args.quick, args.cache_dir, points_runs)
        figures += result_p.figures
        notes += result_p.notes
    except Exception as exc:
        notes.append(_failed("points register", exc))
    paper_runs = args.runs or (1 if args.quick else 3)
    for section, module in (
        ("feedback ledger PDF", ledger_pdf),
        ("Excel export and read", workbooks),
        ("Excel import", importing),
    ):
        try:
            _progress(f"{section}: {paper_runs} runs")
            result_x = module.measure(args.quick, paper_runs)
            figures += result_x.figures
            notes += result_x.notes
        except Exception as exc:  # reported, not raised: the other sections still print
            notes.append(_failed(section, exc))
    bundle_runs = (args.runs, args.runs) if args.runs else bundles.default_runs(args.quick)
    try:
        _progress(f"bundles: import {bundle_runs[0]} runs, export {bundle_runs[1]} runs")
        result_b = bundles.measure(args.quick, args.cache_dir, args.runs)
        figures += result_b.figures
        notes += result_b.notes
    except Exception as exc:
        notes.append(_failed("bundles", exc))
    try:
        _progress("county dashboard")
        result_d = dashboard.measure(args.quick, args.cache_dir, args.runs)
        figures += result_d.figures
        notes += result_d.notes
    except Exception as exc:
        notes.append(_failed("county dashboard", exc))
    try:
        _progress("programme figures")
        result_g = programmes.measure(args.quick, args.cache_dir, args.runs)
        figures += result_g.figures
        notes += result_g.notes
    except Exception as exc:
        notes.append(_failed("programme figures", exc))
    print("\n".join(machine()))
    print(
        f"runs: start-up {startup_runs}, filters and search {filter_runs}, points {points_runs}, "
        f"ledgers and workbooks {paper_runs}, "
        f"bundle import {bundle_runs[0]} and export {bundle_runs[1]}; "
        f"cases: {args.cases:,}"
    )
    print()
    print(table(figures))
    print()
    print("ratio = value / baseline; values are medians.")
    for note in notes:
        print(f"- {note}")
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
