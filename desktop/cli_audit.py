"""``liaison-desk audit``: (filled in by issue 9's audit work)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """Register this module's sub-commands on ``sub``."""


def run(args: argparse.Namespace, open_db: Callable[[Any], Any], error: type) -> int:
    return EXIT_OK
