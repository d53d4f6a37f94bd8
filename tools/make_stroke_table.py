"""Generate resources/unihan/total_strokes.txt from the Unihan kTotalStrokes field."""

from __future__ import annotations

import argparse
import bz2
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
UNIHAN_DIR = Path("/tmp/ud/usr/share/unicode")
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "unihan" / "total_strokes.txt"
FIELD = "kTotalStrokes"


def _read_lines(path: Path) -> Iterator[str]:
    """Yield the text lines of a Unihan file, bz2-compressed or plain."""
    opener = bz2.open if path.suffix == ".bz2" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def _candidate_files(source: Path) -> list[Path]:
    """Return the Unihan files to scan: the given file, or every Unihan_* file in a folder."""
    if source.is_file():
        return [source]
    preferred = source / "Unihan_IRGSources.txt.bz2"
    others = sorted(p for p in source.glob("Unihan_*.txt*") if p != preferred)
    return ([preferred] if preferred.exists() else []) + others


def parse_total_strokes(lines: Iterable[str]) -> tuple[dict[int, int], str | None]:
    """Map code point -> stroke count (first value, i.e. zh-Hans) and return the Unicode version."""
    strokes: dict[int, int] = {}
    version: str | None = None
    for line in lines:
        if line.startswith("#"):
            match = re.match(r"#\s*Unicode version:\s*(\S+)", line)
            version = version or (match.group(1) if match else None)
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3 and parts[1] == FIELD:
            strokes[int(parts[0].removeprefix("U+"), 16)] = int(parts[2].split()[0])
    return strokes, version


def render_table(strokes: dict[int, int], version: str | None) -> str:
    """Render one line per stroke count: N, a tab, then the characters in code point order."""
    by_count: dict[int, list[int]] = defaultdict(list)
    for code_point in sorted(strokes):
        by_count[strokes[code_point]].append(code_point)
    header = [
        f"# Unihan {FIELD} (first value = zh-Hans), Unicode {version or 'unknown'}.",
        "# Modified: reformatted from Unihan by tools/make_stroke_table.py; do not edit by hand.",
        "# Copyright (c) Unicode, Inc. See LICENSE-Unicode.txt. Format: N<TAB>characters.",
    ]
    body = [f"{n}\t{''.join(map(chr, by_count[n]))}" for n in sorted(by_count)]
    return "\n".join(header + body) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the table and write it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=UNIHAN_DIR,
        help="a Unihan_*.txt[.bz2] file or a folder holding them (default: %(default)s)",
    )
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    for path in _candidate_files(args.source):
        strokes, version = parse_total_strokes(_read_lines(path))
        if strokes:
            break
    else:
        print(f"no {FIELD} entries found under {args.source}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render_table(strokes, version), encoding="utf-8", newline="\n")
    print(f"{path.name}: {len(strokes)} characters -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
