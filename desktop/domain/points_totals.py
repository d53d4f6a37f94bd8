"""The points register from quarterly totals: the same arithmetic for a whole county's ranking.

A ranking of thousands of deputies adds its facts up in SQL (per deputy, quarter, feed and
session flag) instead of reading every record; the caps and the quarterly split then come out
exactly as ``compute_register`` gives them, since a cap reached inside a quarter leaves that
quarter the remainder either way. Lines carry no records: the drill-down asks for one deputy.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.points import (
    MSG_UNKNOWN_ITEM,
    ZERO,
    Adjustment,
    PointsError,
    Register,
    RegisterLine,
    RuleItem,
    RuleSet,
    _clamp,
)

Feed = tuple[str, str | None, str]  # source, activity kind, attendance (RuleItem.feed)
# (feed, in session) -> four quarters of (records, units)
Totals = Mapping[tuple[Feed, bool], Sequence[tuple[int, int]]]
_NONE = ((0, 0),) * 4
_YEAR_END = dt.date(1, 12, 31)
_NO_ADJUSTMENTS: list[Adjustment] = []  # read only


@functools.cache
def _keys(item: RuleItem) -> tuple[tuple[Feed, bool], ...]:
    """The totals an item counts: its feed, in and/or out of the session."""
    return tuple((item.feed, flag) for flag in (False, True) if item.in_period(flag))


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """An item with the totals it counts and its line when it counts nothing (shared)."""

    item: RuleItem
    keys: tuple[tuple[Feed, bool], ...]
    empty: RegisterLine


def plan(rules: RuleSet) -> tuple[PlannedItem, ...]:
    """``rules``' items worked out once for a whole ranking (not once per deputy)."""
    return tuple(
        PlannedItem(i, _keys(i), RegisterLine(i, 0, 0, ZERO, False, ZERO, ZERO, ZERO, (), ()))
        for i in rules.items
    )


def _line(planned: PlannedItem, totals: Totals, adjs: list[Adjustment],
          record_days: Mapping[str, dt.date]) -> RegisterLine:  # fmt: skip
    item = planned.item
    cells = [totals[key] for key in planned.keys if key in totals]
    if not cells and not adjs:
        return planned.empty  # most lines
    if len(cells) == 1:
        merged = cells[0]
    else:
        merged = [(sum(c[q][0] for c in cells), sum(c[q][1] for c in cells)) for q in range(4)]
    quarters, running, count, units = [ZERO] * 4, ZERO, 0, 0
    for q, (records, quantity) in enumerate(merged):
        n = quantity if item.per_unit else records
        if n:
            before = _clamp(running, item.cap)
            running += item.points * n
            quarters[q] += _clamp(running, item.cap) - before
        count, units = count + records, units + n
    points = _clamp(running, item.cap)
    for a in adjs:
        quarters[(record_days.get(a.record_id or "", _YEAR_END).month - 1) // 3] += a.delta
    adjustment = sum((a.delta for a in adjs), ZERO)
    return RegisterLine(item, count, units, running, points != running, points, adjustment,
                        points + adjustment, (), tuple(adjs), tuple(quarters))  # fmt: skip


def register_from_totals(
    rules: RuleSet,
    deputy_id: str,
    totals: Totals,
    adjustments: Iterable[Adjustment] = (),
    record_days: Mapping[str, dt.date] | None = None,
    planned: Sequence[PlannedItem] | None = None,
) -> Register:
    """``compute_register`` over quarterly totals; ``record_days`` places an adjustment that
    names a record in that record's quarter; ``planned``: ``plan(rules)``, for a ranking."""
    planned = planned if planned is not None else plan(rules)
    adjusted: dict[str, list[Adjustment]] = {}
    for a in sorted(adjustments, key=lambda a: (a.kind, a.record_id or "", a.reason, a.delta)):
        if a.deputy_id == deputy_id and a.year == rules.year:
            if not any(p.item.code == a.item_code for p in planned):
                raise PointsError(MSG_UNKNOWN_ITEM, code=a.item_code)
            adjusted.setdefault(a.item_code, []).append(a)
    days = record_days or {}
    lines = tuple(_line(p, totals, adjusted.get(p.item.code, _NO_ADJUSTMENTS), days)
                  for p in planned)  # fmt: skip
    counted = [line for line, p in zip(lines, planned, strict=True) if line is not p.empty]
    q = tuple(sum((line.quarters[i] for line in counted), ZERO) for i in range(4))
    return Register(deputy_id, rules.year, lines, sum((x.subtotal for x in counted), ZERO), q)
