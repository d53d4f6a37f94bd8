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


@functools.cache
def _keys(item: RuleItem) -> tuple[tuple[Feed, bool], ...]:
    """The totals an item counts: its feed, in and/or out of the session."""
    return tuple((item.feed, flag) for flag in (False, True) if item.in_period(flag))


def _line(item: RuleItem, totals: Totals, adjs: list[Adjustment],
          record_days: Mapping[str, dt.date]) -> RegisterLine:  # fmt: skip
    cells = [totals[key] for key in _keys(item) if key in totals]
    if not cells and not adjs:
        return RegisterLine(item, 0, 0, ZERO, False, ZERO, ZERO, ZERO, (), ())  # most lines
    quarters, running, count, units = [ZERO] * 4, ZERO, 0, 0
    for q in range(4):
        records = sum(cell[q][0] for cell in cells)
        n = sum(cell[q][1] for cell in cells) if item.per_unit else records
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
) -> Register:
    """``compute_register`` over quarterly totals; ``record_days`` places an adjustment that
    names a record in that record's quarter."""  # fmt: skip
    adjusted: dict[str, list[Adjustment]] = {i.code: [] for i in rules.items}
    for a in sorted(adjustments, key=lambda a: (a.kind, a.record_id or "", a.reason, a.delta)):
        if a.deputy_id == deputy_id and a.year == rules.year:
            if a.item_code not in adjusted:
                raise PointsError(MSG_UNKNOWN_ITEM, code=a.item_code)
            adjusted[a.item_code].append(a)
    days = record_days or {}
    lines = tuple(_line(i, totals, adjusted[i.code], days) for i in rules.items)
    q = tuple(sum((line.quarters[i] for line in lines), ZERO) for i in range(4))
    return Register(deputy_id, rules.year, lines, sum((x.subtotal for x in lines), ZERO), q)
