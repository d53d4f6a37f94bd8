"""Performance points (履职积分): rule sets, credits and the annual register, in exact decimals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from desktop.domain.enums import Attendance, LabelledEnum, _labels
from desktop.domain.errors import Refusal
from desktop.domain.tr import QT_TRANSLATE_NOOP

ZERO = Decimal(0)
PRESENT = "present"

MSG_CODE_REQUIRED = QT_TRANSLATE_NOOP("Points", "Every item needs a code and a name.")
MSG_CAP_POSITIVE = QT_TRANSLATE_NOOP("Points", "The yearly cap of item {code} must be above zero.")
MSG_KIND_REQUIRED = QT_TRANSLATE_NOOP("Points", "Item {code} counts activities: choose which kind.")
MSG_ONLY_ACTIVITIES = QT_TRANSLATE_NOOP("Points", "Item {code} does not count activities.")
MSG_DUPLICATE_CODE = QT_TRANSLATE_NOOP("Points", "Two items have the code {code}.")
MSG_OVERLAP = QT_TRANSLATE_NOOP("Points", "Items {first} and {second} would count a record twice.")
MSG_SESSION_DATES = QT_TRANSLATE_NOOP("Points", "A session cannot end before it begins.")
MSG_REASON_REQUIRED = QT_TRANSLATE_NOOP("Points", "Give the reason for the adjustment.")
MSG_UNKNOWN_ITEM = QT_TRANSLATE_NOOP("Points", "The rule set has no item {code}.")


class PointsError(Refusal, ValueError):
    """The points arithmetic refuses (translation context "Points")."""

    context = "Points"


class Period(LabelledEnum):
    ANY = "any"
    SESSION = "session"  # 大会期间, by the county's session calendar
    RECESS = "recess"  # 闭会期间


_labels(Period, {"any": QT_TRANSLATE_NOOP("Period", "Any time"),
                 "session": QT_TRANSLATE_NOOP("Period", "During the congress session"),
                 "recess": QT_TRANSLATE_NOOP("Period", "Between sessions")})  # fmt: skip


class Scope(LabelledEnum):
    COUNTY = "county"
    TOWNSHIP = "township"


_labels(Scope, {"county": QT_TRANSLATE_NOOP("Scope", "County deputies"),
                "township": QT_TRANSLATE_NOOP("Scope", "Township deputies")})  # fmt: skip


class DisputeKind(LabelledEnum):
    """错、重、漏: what a deputy says is amiss with an item."""

    WRONG = "wrong"
    DUPLICATE = "duplicate"
    MISSING = "missing"


_labels(DisputeKind, {"wrong": QT_TRANSLATE_NOOP("DisputeKind", "Wrong"),
                      "duplicate": QT_TRANSLATE_NOOP("DisputeKind", "Counted twice"),
                      "missing": QT_TRANSLATE_NOOP("DisputeKind", "Missing")})  # fmt: skip


class CreditSource(StrEnum):
    """Registry keys of the records that feed items; the service layer implements each one."""

    DUTY_DAY = "duty_day"  # every deputy on duty that day
    CASE_TAKEN = "case_taken"  # the deputies who took a feedback case
    VISIT = "visit"  # the visitors
    ACTIVITY = "activity"  # each participant, by attendance and quantity


def _exact(*values: Decimal | None) -> None:
    # A float would turn 0.1 + 0.2 into a dispute: the register must add up exactly.
    for v in values:
        if v is not None and (not isinstance(v, Decimal) or not v.is_finite()):
            raise TypeError(f"points must be a finite Decimal, not {v!r}")


def format_points(value: Decimal) -> str:
    """Points as a clerk writes them: "3", "2.5", "-1" (no trailing zeros, no exponent)."""
    return "0" if value == 0 else format(value.normalize(), "f")  # "0" also for Decimal("-0")


@dataclass(frozen=True, slots=True)
class Credit:
    """One fact, held by a record the station already keeps, that may earn a deputy points."""

    deputy_id: str
    source: CreditSource
    record_id: str
    day: dt.date
    quantity: int = 1  # occurrences, or half days for session attendance
    activity_kind: str | None = None
    attendance: str = PRESENT
    description: str = ""

    def __post_init__(self) -> None:
        if self.quantity < 0:
            raise ValueError(f"negative quantity {self.quantity}")

    @property
    def sort_key(self) -> tuple:
        # A total order on the fields, so duplicates resolve alike whatever the input order.
        kind, a = self.activity_kind or "", self.attendance
        return (self.day, self.source, self.record_id, self.quantity, kind, a, self.description)


@dataclass(frozen=True, slots=True)
class RuleItem:
    code: str
    name: str  # data: the county's own wording, not interface text
    points: Decimal  # per occurrence, or per unit; negative for a deduction
    per_unit: bool  # multiply by the credit's quantity (e.g. half days)
    cap: Decimal | None  # yearly cap on the item's total; for a deduction, on its size
    period: Period
    source: CreditSource
    activity_kind: str | None = None  # activity-kind code, for source ACTIVITY only
    attendance: str = PRESENT  # "unexcused" for deductions, for source ACTIVITY only

    def __post_init__(self) -> None:
        _exact(self.points, self.cap)
        # The enum constructors refuse values outside the closed vocabularies.
        Period(self.period), CreditSource(self.source), Attendance(self.attendance)
        if not self.code.strip() or not self.name.strip():
            raise PointsError(MSG_CODE_REQUIRED)
        if self.cap is not None and self.cap <= 0:
            raise PointsError(MSG_CAP_POSITIVE, code=self.code)
        if self.source == CreditSource.ACTIVITY:
            if not self.activity_kind:
                raise PointsError(MSG_KIND_REQUIRED, code=self.code)
        elif self.activity_kind is not None or self.attendance != PRESENT:
            raise PointsError(MSG_ONLY_ACTIVITIES, code=self.code)

    @property
    def feed(self) -> tuple[str, str | None, str]:
        """Which credits this item takes, the period aside."""
        return (self.source, self.activity_kind, self.attendance)

    def in_period(self, in_session: bool) -> bool:
        return self.period == Period.ANY or (self.period == Period.SESSION) == in_session


def _feed(c: Credit) -> tuple[str, str | None, str]:
    return (c.source, c.activity_kind if c.source == CreditSource.ACTIVITY else None, c.attendance)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A year's rules for one scope; each year's register uses its own year's set."""

    id: str
    name: str  # data, e.g. the title of the county's 履职积分管理办法
    year: int
    scope: Scope
    items: tuple[RuleItem, ...]
    example: bool = False  # the shipped example, to be replaced by the county's own rules

    def __post_init__(self) -> None:
        Scope(self.scope)
        for n, item in enumerate(self.items):
            for other in self.items[:n]:
                if other.code == item.code:
                    raise PointsError(MSG_DUPLICATE_CODE, code=item.code)
                # Items fed by the same credits in overlapping periods would pay a fact twice.
                periods = {other.period, item.period}
                if other.feed == item.feed and (Period.ANY in periods or len(periods) == 1):
                    raise PointsError(MSG_OVERLAP, first=other.code, second=item.code)


_A, _ANY = CreditSource.ACTIVITY, Period.ANY
# code, name (data), points, per unit, yearly cap, period, source, activity kind, attendance.
# Modelled on published county rules; one suggestion record may file several (its quantity).
_EXAMPLE_ITEMS = (
    ("suggestion", "提出议案建议", 3, True, 15, _ANY, _A, "suggestion", PRESENT),
    ("inspection", "参加视察调研", 3, False, 15, _ANY, _A, "inspection", PRESENT),
    ("law_enforcement_check", "参加执法检查", 3, False, 9, _ANY, _A, "law_enforcement_check",
     PRESENT),
    ("duty_day", "进站接待选民", 2, False, 20, _ANY, CreditSource.DUTY_DAY, None, PRESENT),
    ("visit", "走访联系选民", 1, False, 10, _ANY, CreditSource.VISIT, None, PRESENT),
    ("training", "参加履职培训", 2, False, 8, _ANY, _A, "training", PRESENT),
    ("court_hearing", "旁听庭审", 2, False, 6, _ANY, _A, "court_hearing", PRESENT),
    ("standing_committee", "列席常委会会议", 1, False, 6, _ANY, _A, "standing_committee", PRESENT),
    ("case_taken", "领办群众意见建议", 1, False, 10, _ANY, CreditSource.CASE_TAKEN, None, PRESENT),
    ("session_absence", "无故缺席代表大会（每半天）", -1, True, None, Period.SESSION, _A,
     "congress_session", Attendance.UNEXCUSED.value),
)  # fmt: skip


def example_rule_set(year: int, scope: Scope) -> RuleSet:
    """The shipped example, labelled as such; each county replaces it with its own rules."""
    items = tuple(
        RuleItem(code, name, Decimal(p), unit, None if cap is None else Decimal(cap), *rest)
        for code, name, p, unit, cap, *rest in _EXAMPLE_ITEMS
    )
    name = "示例积分规则（请按本县办法替换）"
    return RuleSet(f"example-{Scope(scope).value}-{year}", name, year, scope, items, example=True)


@dataclass(frozen=True, slots=True)
class SessionCalendar:
    """The county-owned dates of congress sessions (大会期间), first and last day included."""

    periods: tuple[tuple[dt.date, dt.date], ...] = ()

    def __post_init__(self) -> None:
        if any(last < first for first, last in self.periods):
            raise PointsError(MSG_SESSION_DATES)

    def in_session(self, day: dt.date) -> bool:
        return any(first <= day <= last for first, last in self.periods)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A resolved dispute: added to the item after its cap, since the county's word is final."""

    deputy_id: str
    year: int
    item_code: str
    delta: Decimal
    kind: DisputeKind
    reason: str  # shown on the register beside the adjusted figure
    record_id: str | None = None  # the record disputed, if there is one

    def __post_init__(self) -> None:
        _exact(self.delta)
        DisputeKind(self.kind)
        if not self.reason.strip():
            raise PointsError(MSG_REASON_REQUIRED)


@dataclass(frozen=True, slots=True)
class RegisterLine:
    item: RuleItem
    count: int  # credits counted, after de-duplication
    units: int  # what the points multiply: quantities for a per-unit item, else the count
    raw: Decimal  # before the cap
    capped: bool  # the cap cut the total
    points: Decimal  # after the cap
    adjustment: Decimal
    subtotal: Decimal  # points + adjustment
    credits: tuple[Credit, ...]  # the records behind the line, in date order: the drill-down
    adjustments: tuple[Adjustment, ...]
    quarters: tuple[Decimal, ...] = (ZERO,) * 4  # the subtotal by quarter (季度亮分)


@dataclass(frozen=True, slots=True)
class Register:
    """A deputy's annual points register (年度履职积分登记表): one line per rule item."""

    deputy_id: str
    year: int
    lines: tuple[RegisterLine, ...]
    total: Decimal
    quarters: tuple[Decimal, ...]  # four: the total by quarter (季度亮分)

    def line(self, code: str) -> RegisterLine:
        for line in self.lines:
            if line.item.code == code:
                return line
        raise PointsError(MSG_UNKNOWN_ITEM, code=code)

    @property
    def earning_items(self) -> int:
        """How many different items earn this deputy positive points."""
        return sum(1 for line in self.lines if line.subtotal > 0)


def _clamp(value: Decimal, cap: Decimal | None) -> Decimal:
    # A credit item only grows and a deduction only shrinks, so one symmetric clamp serves both.
    return value if cap is None else max(-cap, min(cap, value))


# An adjustment naming no record of the deputy's falls in Q4: the year-end settlement.
_YEAR_END = dt.date(1, 12, 31)


def _line(item: RuleItem, found: Mapping, adjusted: list, days: Mapping) -> RegisterLine:
    """Quarterly split: credits are taken in date order and each quarter gets what its credits
    add to the capped running total, so a cap reached in Q2 leaves nothing for Q3 and Q4, and
    the quarters always add up to the year. An adjustment sits in the quarter of its record."""
    credits, adjs, quarters = tuple(found.values()), tuple(adjusted), [ZERO] * 4
    units, running = 0, ZERO
    for c in credits:
        n = c.quantity if item.per_unit else 1
        before = _clamp(running, item.cap)
        running += item.points * n
        quarters[(c.day.month - 1) // 3] += _clamp(running, item.cap) - before
        units += n
    points = _clamp(running, item.cap)
    for a in adjs:
        quarters[(days.get(a.record_id, _YEAR_END).month - 1) // 3] += a.delta
    adj, q = sum((a.delta for a in adjs), ZERO), tuple(quarters)
    return RegisterLine(item, len(credits), units, running, points != running, points, adj,
                        points + adj, credits, adjs, q)  # fmt: skip


def compute_register(rules: RuleSet, deputy_id: str, credits: Iterable[Credit],
                     calendar: SessionCalendar, adjustments: Iterable[Adjustment] = ()
                     ) -> Register:  # fmt: skip
    """The deputy's register for the rule set's year, from the deputy's credits dated in it. An
    item takes the credits of its source, activity kind, attendance and period, each record
    once (duplicates by (source, record_id) are dropped)."""
    mine = [c for c in credits if c.deputy_id == deputy_id and c.day.year == rules.year]
    mine.sort(key=lambda c: c.sort_key)
    feeds: dict[tuple, list[RuleItem]] = {}
    for item in rules.items:
        feeds.setdefault(item.feed, []).append(item)
    matched: dict[str, dict[tuple[str, str], Credit]] = {i.code: {} for i in rules.items}
    days: dict[str | None, dt.date] = {}
    for c in mine:
        days.setdefault(c.record_id, c.day)  # sorted by day: the earliest
        in_session = calendar.in_session(c.day)
        for item in feeds.get(_feed(c), ()):
            if item.in_period(in_session):
                # The first in sorted order stays: the same one whatever the input order.
                matched[item.code].setdefault((c.source, c.record_id), c)
    adjusted: dict[str, list[Adjustment]] = {i.code: [] for i in rules.items}
    for a in sorted(adjustments, key=lambda a: (a.kind, a.record_id or "", a.reason, a.delta)):
        if a.deputy_id == deputy_id and a.year == rules.year:
            if a.item_code not in adjusted:
                raise PointsError(MSG_UNKNOWN_ITEM, code=a.item_code)
            adjusted[a.item_code].append(a)
    lines = tuple(_line(i, matched[i.code], adjusted[i.code], days) for i in rules.items)
    q = tuple(sum((line.quarters[i] for line in lines), ZERO) for i in range(4))
    return Register(deputy_id, rules.year, lines, sum((x.subtotal for x in lines), ZERO), q)


def rank(totals: Mapping[str, Decimal]) -> dict[str, int]:
    """Competition ranking, highest total first: 1, 2, 2, 4 (ties listed in id order)."""
    first: dict[Decimal, int] = {}  # each total's place is where it first appears
    for position, total in enumerate(sorted(totals.values(), reverse=True), start=1):
        first.setdefault(total, position)
    return {k: first[t] for k, t in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))}


def exemplary(registers: Iterable[Register], *, top_n: int, min_kinds: int) -> list[Register]:
    """Candidates for 履职之星: positive points in at least ``min_kinds`` items, placed within the
    top ``top_n`` by total. Ties at the edge all stay in: the county chooses between equals."""
    eligible = [r for r in registers if r.earning_items >= min_kinds]
    eligible.sort(key=lambda r: (-r.total, r.deputy_id))
    places = rank({str(n): r.total for n, r in enumerate(eligible)})
    return [r for n, r in enumerate(eligible) if places[str(n)] <= top_n]
