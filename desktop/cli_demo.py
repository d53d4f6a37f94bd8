"""``liaison-desk demo``: a new database filled with a demo station, county or prefecture."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli_db import EXIT_OK, Cli, InputError, shown
from desktop.cli_db import require_new as _require_new

if TYPE_CHECKING:
    from desktop.services.demo import DemoSummary


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import open_services
    from desktop.services.demo import fill_demo

    path = _require_new(args.db)
    if args.years < 1 or args.years > 20:
        raise InputError(Cli.tr("--years must be between 1 and 20."))
    services = open_services(path)
    try:
        summary = fill_demo(
            services, scale=args.scale, years=args.years, seed=args.seed, as_of=args.as_of
        )
    finally:
        services.close()
    print(Cli.tr("Demo database written: {0}").format(shown(path)))
    print(_demo_counts(summary))
    return EXIT_OK


def _demo_counts(summary: DemoSummary) -> str:
    """What the demo holds, one line in the interface language (not the dataclass's repr)."""
    from desktop.ui.i18n import joined

    counts = (
        (Cli.tr("townships {0}"), summary.townships),
        (Cli.tr("stations {0}"), summary.stations),
        (Cli.tr("deputies {0}"), summary.deputies),
        (Cli.tr("duty days {0}"), summary.duty_days),
        (Cli.tr("visits {0}"), summary.visits),
        (Cli.tr("feedback cases {0}"), summary.feedback_cases),
        (Cli.tr("activities {0}"), summary.activities),
    )
    return joined(text.format(f"{n:,}") for text, n in counts)
