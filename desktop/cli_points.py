"""``liaison-desk points``: a deputy's annual points register, or the year's ranking."""

from __future__ import annotations

import argparse
import json
import uuid

from PySide6.QtCore import QCoreApplication

from desktop.domain.points import Register, format_points


def register_record(register: Register, name: str) -> dict[str, object]:
    return {
        "deputy_id": register.deputy_id, "name": name, "year": register.year,
        "total": format_points(register.total),
        "quarters": [format_points(q) for q in register.quarters],
        "lines": [
            {
                "code": line.item.code, "item": line.item.name, "count": line.count,
                "units": line.units, "points": format_points(line.points),
                "capped": line.capped, "adjustment": format_points(line.adjustment),
                "subtotal": format_points(line.subtotal),
                "records": [{"id": c.record_id, "day": c.day.isoformat(),
                             "what": c.description} for c in line.credits],
                "reasons": [a.reason for a in line.adjustments],
            }
            for line in register.lines
        ],
    }  # fmt: skip


def run_stars(args: argparse.Namespace, services: object) -> int:
    """Candidates for 履职之星 per township: top N by points, active in K different items."""
    rows = []
    for town in services.reference.townships():  # type: ignore[attr-defined]
        for star in services.points.exemplary(  # type: ignore[attr-defined]
            args.year, top_n=args.top, min_kinds=args.min_kinds, township_id=town.id
        ):
            rows.append(
                {
                    "township": town.name,
                    "rank": star.rank,
                    "name": star.name,
                    "total": format_points(star.register.total),
                    "items": star.register.earning_items,
                }
            )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['township']}\t{row['name']}\t{row['total']}\t{row['items']}")
    return 0


def run_points(args: argparse.Namespace, services: object, error: type[Exception]) -> int:
    if args.stars:
        return run_stars(args, services)
    ranked = services.points.registers(args.year)  # type: ignore[attr-defined]
    if args.deputy:
        wanted = args.deputy.strip()
        chosen = [r for r in ranked if r.name == wanted or r.register.deputy_id == _uuid(wanted)]
        if len(chosen) != 1:
            if not chosen:
                message = QCoreApplication.translate("Cli", "No deputy called {0}.")
            else:
                message = QCoreApplication.translate("Cli", "{0} names several deputies.")
            raise error(message.format(wanted))
        detail = services.points.register(  # type: ignore[attr-defined]
            uuid.UUID(chosen[0].register.deputy_id), args.year
        )
        record = register_record(detail, chosen[0].name)
        if args.json:
            print(json.dumps(record, ensure_ascii=False, indent=2))
            return 0
        total = QCoreApplication.translate("Cli", "{0}: {1} points in {2}")
        print(total.format(record["name"], record["total"], args.year))
        for line in record["lines"]:
            cap = "*" if line["capped"] else ""
            print(f"  {line['item']}\t{line['count']}\t{line['points']}{cap}\t{line['subtotal']}")
        return 0
    rows = [
        {"rank": r.rank, "name": r.name, "township": r.township,
         "total": format_points(r.register.total),
         "quarters": [format_points(q) for q in r.register.quarters]}
        for r in ranked
    ]  # fmt: skip
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(
            f"{row['rank']}\t{row['name']}\t{row['township']}\t{row['total']}\t"
            + " ".join(row["quarters"])
        )
    return 0


def _uuid(text: str) -> str | None:
    try:
        return uuid.UUID(text).hex
    except ValueError:
        return None
