"""Figures, the machine description and the plain-text table the benchmark prints."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS = ("figure", "value", "baseline", "ratio", "target", "pass/fail")


@dataclass
class Figure:
    """One measured figure: a median in ms against a plain baseline measured the same way."""

    name: str
    value_ms: float | None
    baseline_ms: float | None
    max_ratio: float | None = None  # target as a multiple of the baseline
    max_ms: float | None = None  # target as an absolute time

    @property
    def ratio(self) -> float | None:
        if self.value_ms is None or not self.baseline_ms:
            return None
        return self.value_ms / self.baseline_ms

    @property
    def target(self) -> str:
        if self.max_ratio is not None:
            return f"<= {self.max_ratio:g}x"
        if self.max_ms is not None:
            return f"<= {self.max_ms:g} ms"
        return "-"

    @property
    def ok(self) -> bool | None:
        if self.max_ratio is not None:
            return None if self.ratio is None else self.ratio <= self.max_ratio
        if self.max_ms is not None:
            return None if self.value_ms is None else self.value_ms <= self.max_ms
        return None


def median_ms(samples_ns: Sequence[int | float]) -> float:
    return statistics.median(samples_ns) / 1e6


def _ms(value: float | None) -> str:
    if value is None:
        return "error"
    if value < 1:
        return f"{value:.2f} ms"
    return f"{value:.1f} ms" if value < 1000 else f"{value:,.0f} ms"


def _ok(value: bool | None) -> str:
    return {True: "pass", False: "FAIL", None: "-"}[value]


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    return [
        f"platform: {platform.platform()} ({cpu})",
        f"CPUs:     {os.cpu_count()}",
        f"Python:   {sys.version.split()[0]} ({platform.python_implementation()})",
        f"SQLite:   {sqlite3.sqlite_version}",
    ]


def _width(text: str) -> int:
    """Columns on a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(figures: Sequence[Figure]) -> str:
    rows = [COLUMNS] + [
        (
            f.name,
            _ms(f.value_ms),
            _ms(f.baseline_ms),
            "error" if f.ratio is None else f"{f.ratio:.2f}x",
            f.target,
            _ok(f.ok),
        )
        for f in figures
    ]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
    right = {1, 2, 3}  # numbers line up on the right

    def line(row: Sequence[str]) -> str:
        cells = [
            " " * (w - _width(c)) + c if i in right else c + " " * (w - _width(c))
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return " | ".join(cells).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(rows[0]), rule, *(line(r) for r in rows[1:])])
