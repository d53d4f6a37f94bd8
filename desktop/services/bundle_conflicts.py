"""What a person needs to settle a conflict: which record it is, and how the two copies differ."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from desktop.sync import payload as pl

# The column that names a record best, per table, in order of preference.
_NAMING = ("case_number", "name", "title", "code", "day", "received_date", "year")
_MAX_SHOWN = 3
_MAX_TEXT = 40


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    if isinstance(value, uuid.UUID | bytes):
        return "…"
    text = str(value).replace("\n", " ")
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def describe_conflict(
    table: str, ours: Mapping[str, Any] | None, theirs: Mapping[str, Any]
) -> tuple[str, str, str]:
    """(the record's name, the differing values here, the differing values in their copy)."""
    row = ours or theirs
    summary = next((_text(row[c]) for c in _NAMING if row.get(c)), str(row["id"]))
    if ours is None:
        return summary, "", ""
    skip = pl.SHOWN_ONLY | (pl.CASE_PROJECTION if table == "feedback_cases" else frozenset())
    differing = [
        c for c in pl.CODECS[table].names if c not in skip and ours.get(c) != theirs.get(c)
    ][:_MAX_SHOWN]
    return (
        summary,
        "；".join(_text(ours.get(c)) for c in differing),
        "；".join(_text(theirs.get(c)) for c in differing),
    )
