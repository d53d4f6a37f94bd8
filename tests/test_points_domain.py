"""Tests for desktop.domain.points: rules, caps, deductions, quarters, disputes and ranking."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.enums import Attendance
from desktop.domain.points import (
    Adjustment,
    Credit,
    CreditSource,
    DisputeKind,
    Period,
    PointsError,
    Register,
    RuleItem,
    RuleSet,
    Scope,
    SessionCalendar,
    compute_register,
    example_rule_set,
    exemplary,
    format_points,
    rank,
)
from desktop.domain.refdata import ACTIVITY_KINDS

D = dt.date.fromisoformat
P = Decimal
A, DUTY, VISIT, CASE = (
    CreditSource.ACTIVITY,
    CreditSource.DUTY_DAY,
    CreditSource.VISIT,
    CreditSource.CASE_TAKEN,
)
RULES_2025 = example_rule_set(2025, Scope.COUNTY)
# The 2025 county congress sat from 8 to 11 January (both days included).
CALENDAR = SessionCalendar(((D("2025-01-08"), D("2025-01-11")),))


def act(
    rid: str, day: str, kind: str, qty: int = 1, att: str = "present", who: str = "d1"
) -> Credit:
    return Credit(who, A, rid, D(day), qty, kind, att)


def fact(source: CreditSource, rid: str, day: str, who: str = "d1") -> Credit:
    return Credit(who, source, rid, D(day))


def example_credits() -> list[Credit]:
    duty_months = range(2, 13)  # one duty day a month, February to December: 11 days
    return [
        act("s1", "2025-01-09", "suggestion", 2),  # two suggestions filed during the session
        act("s2", "2025-05-20", "suggestion"),
        act("i1", "2025-03-05", "inspection"),
        act("i2", "2025-07-10", "inspection"),
        act("l1", "2025-04-15", "law_enforcement_check"),
        act("l2", "2025-06-10", "law_enforcement_check"),
        act("l3", "2025-08-01", "law_enforcement_check"),
        act("l4", "2025-10-01", "law_enforcement_check"),
        *(fact(DUTY, f"duty{m}", f"2025-{m:02d}-15") for m in duty_months),
        fact(VISIT, "v1", "2025-03-20"),
        fact(VISIT, "v2", "2025-08-20"),
        fact(VISIT, "v3", "2025-09-20"),
        act("t1", "2025-02-20", "training"),
        act("t2", "2025-09-09", "training", att="excused"),  # excused: earns nothing
        act("sc1", "2025-06-25", "standing_committee"),
        fact(CASE, "c1", "2025-04-01"),
        fact(CASE, "c2", "2025-11-11"),
        act("cs0", "2025-01-08", "congress_session", 5),  # attended: no item pays for that
        act("cs1", "2025-01-10", "congress_session", 3, "unexcused"),  # 3 half days missed
        fact(DUTY, "old", "2024-12-20"),  # last year: ignored
        act("s9", "2026-01-05", "suggestion"),  # next year: ignored
        act("s3", "2025-05-21", "suggestion", who="d2"),  # someone else's
    ]


def test_hand_computed_register_with_caps_and_a_deduction() -> None:
    reg = compute_register(RULES_2025, "d1", example_credits(), CALENDAR)
    points = {line.item.code: line.points for line in reg.lines}
    # suggestion          3 x (2 + 1)              =  9   (cap 15)
    # inspection          3 x 2                    =  6
    # law enforcement     3 x 4 = 12, capped at 9  =  9
    # duty day            2 x 11 = 22, capped at 20 = 20
    # visit               1 x 3                    =  3
    # training            2 x 1 (excused ignored)  =  2
    # court hearing                                =  0
    # standing committee  1 x 1                    =  1
    # case taken          1 x 2                    =  2
    # session absence    -1 x 3 half days          = -3
    # total  9 + 6 + 9 + 20 + 3 + 2 + 0 + 1 + 2 - 3 = 49
    assert points == {
        "suggestion": P(9),
        "inspection": P(6),
        "law_enforcement_check": P(9),
        "duty_day": P(20),
        "visit": P(3),
        "training": P(2),
        "court_hearing": P(0),
        "standing_committee": P(1),
        "case_taken": P(2),
        "session_absence": P(-3),
    }
    assert reg.total == P(49)
    assert (reg.deputy_id, reg.year) == ("d1", 2025)
    duty = reg.line("duty_day")
    assert (duty.count, duty.units, duty.raw, duty.capped) == (11, 11, P(22), True)
    absence = reg.line("session_absence")
    assert (absence.count, absence.units, absence.raw, absence.capped) == (1, 3, P(-3), False)
    assert [c.record_id for c in reg.line("suggestion").credits] == ["s1", "s2"]
    assert reg.line("suggestion").units == 3
    # Q1: suggestion 6, inspection 3, duty Feb+Mar 4, visit 1, training 2, absence -3 = 13
    # Q2: suggestion 3, law enforcement 3+3, duty 6, case 1, standing committee 1     = 17
    # Q3: inspection 3, law enforcement 3 (reaches 9), duty 6, visits 2               = 14
    # Q4: law enforcement 0 (capped), duty Oct+Nov 4 (reaches 20, Dec 0), case 1      =  5
    assert reg.quarters == (P(13), P(17), P(14), P(5))
    assert reg.line("law_enforcement_check").quarters == (P(0), P(6), P(3), P(0))
    assert reg.line("duty_day").quarters == (P(4), P(6), P(6), P(4))


def test_every_point_drills_down_to_its_records() -> None:
    reg = compute_register(RULES_2025, "d1", example_credits(), CALENDAR)
    for line in reg.lines:
        assert all(c.deputy_id == "d1" and c.day.year == 2025 for c in line.credits)
        n = sum((c.quantity if line.item.per_unit else 1) for c in line.credits)
        assert line.raw == line.item.points * n
    used = {c.record_id for line in reg.lines for c in line.credits}
    assert {"old", "s9", "s3", "t2", "cs0"}.isdisjoint(used)


def test_the_example_rule_set_is_labelled_and_uses_shipped_activity_kinds() -> None:
    rules = example_rule_set(2026, Scope.TOWNSHIP)
    assert rules.example and "示例" in rules.name and "替换" in rules.name
    assert (rules.year, rules.scope) == (2026, Scope.TOWNSHIP)
    shipped = {k.code for k in ACTIVITY_KINDS}
    assert {i.activity_kind for i in rules.items if i.activity_kind} <= shipped
    assert rules.id != example_rule_set(2026, Scope.COUNTY).id


def test_credits_outside_the_year_are_ignored() -> None:
    credits = [fact(VISIT, "a", "2024-12-31"), fact(VISIT, "b", "2025-01-01")]
    credits += [fact(VISIT, "c", "2025-12-31"), fact(VISIT, "d", "2026-01-01")]
    reg = compute_register(RULES_2025, "d1", credits, CALENDAR)
    assert [c.record_id for c in reg.line("visit").credits] == ["b", "c"]
    assert reg.total == P(2)


def test_periods_follow_the_session_calendar() -> None:
    deliberation = "deliberation"
    rules = RuleSet(
        "r",
        "测试",
        2025,
        Scope.COUNTY,
        (
            RuleItem("speech_session", "大会审议发言", P(2), False, None, Period.SESSION, A,
                     deliberation),
            RuleItem("speech_recess", "闭会审议发言", P("0.5"), False, None, Period.RECESS, A,
                     deliberation),
        ),
    )  # fmt: skip
    credits = [
        act("a", "2025-01-07", deliberation),  # the day before: recess
        act("b", "2025-01-08", deliberation),  # first day: session
        act("c", "2025-01-11", deliberation),  # last day: session
        act("d", "2025-01-12", deliberation),  # recess again
    ]
    reg = compute_register(rules, "d1", credits, CALENDAR)
    assert [c.record_id for c in reg.line("speech_session").credits] == ["b", "c"]
    assert [c.record_id for c in reg.line("speech_recess").credits] == ["a", "d"]
    assert reg.total == P(2) * 2 + P("0.5") * 2
    assert format_points(reg.total) == "5"
    # An unexcused absence outside the session dates is not a session absence.
    outside = [act("x", "2025-03-01", "congress_session", 2, "unexcused")]
    assert compute_register(RULES_2025, "d1", outside, CALENDAR).total == 0
    assert compute_register(RULES_2025, "d1", outside, SessionCalendar()).total == 0


def test_a_cap_reached_in_q2_leaves_nothing_for_q3_and_q4() -> None:
    item = RuleItem("t", "参加培训", P(2), False, P(6), Period.ANY, A, "training")
    rules = RuleSet("r", "测试", 2025, Scope.TOWNSHIP, (item,))
    days = ["2025-01-10", "2025-02-10", "2025-04-10", "2025-05-10", "2025-08-10", "2025-11-10"]
    credits = [act(f"t{n}", day, "training") for n, day in enumerate(days)]
    line = compute_register(rules, "d1", reversed(credits), CALENDAR).line("t")
    # Running total 2, 4 | 6, 8 -> capped at 6 in May | nothing in August or November.
    assert (line.raw, line.points, line.capped, line.count) == (P(12), P(6), True, 6)
    assert line.quarters == (P(4), P(2), P(0), P(0))
    assert len(line.credits) == 6  # every record is still shown behind the line


def test_a_deduction_cap_limits_its_size() -> None:
    item = RuleItem(
        "absent", "无故缺席", P(-1), True, P("2.5"), Period.ANY, A, "training", "unexcused"
    )
    rules = RuleSet("r", "测试", 2025, Scope.COUNTY, (item,))
    credits = [act("a", "2025-02-01", "training", 2, "unexcused")]
    credits.append(act("b", "2025-05-01", "training", 3, "unexcused"))
    line = compute_register(rules, "d1", credits, CALENDAR).line("absent")
    assert (line.raw, line.points, line.capped) == (P(-5), P("-2.5"), True)
    assert line.quarters == (P(-2), P("-0.5"), P(0), P(0))


def test_a_record_counts_once_per_item() -> None:
    twice = [fact(VISIT, "v", "2025-03-01"), fact(VISIT, "v", "2025-03-01")]
    line = compute_register(RULES_2025, "d1", twice, CALENDAR).line("visit")
    assert (line.count, line.points) == (1, P(1))
    # A duplicate that disagrees resolves the same way whatever the order of the records.
    a = act("s", "2025-03-01", "suggestion", 1)
    b = act("s", "2025-03-01", "suggestion", 4)
    first = compute_register(RULES_2025, "d1", [a, b], CALENDAR)
    assert first == compute_register(RULES_2025, "d1", [b, a], CALENDAR)
    assert first.line("suggestion").credits == (a,)
    # The same id under two sources is two facts, each counted by its own item.
    both = [fact(VISIT, "x", "2025-03-01"), fact(CASE, "x", "2025-03-01")]
    reg = compute_register(RULES_2025, "d1", both, CALENDAR)
    assert (reg.line("visit").count, reg.line("case_taken").count) == (1, 1)


def test_a_rule_set_refuses_items_that_would_count_a_record_twice() -> None:
    def item(code: str, period: Period) -> RuleItem:
        return RuleItem(code, "审议", P(1), False, None, period, A, "deliberation")

    with pytest.raises(PointsError) as err:
        RuleSet("r", "测试", 2025, Scope.COUNTY, (item("a", Period.ANY), item("b", Period.SESSION)))
    assert err.value.message == "Items {first} and {second} would count a record twice."
    assert err.value.args_map == {"first": "a", "second": "b"}
    with pytest.raises(PointsError):
        RuleSet(
            "r", "测试", 2025, Scope.COUNTY, (item("a", Period.RECESS), item("a", Period.SESSION))
        )
    RuleSet("r", "测试", 2025, Scope.COUNTY, (item("a", Period.RECESS), item("b", Period.SESSION)))


def test_invalid_items_and_dates_are_refused() -> None:
    base = RULES_2025.items[0]
    for change in (
        {"cap": P(0)},
        {"activity_kind": None},
        {"source": VISIT},  # a visit item naming an activity kind
        {"code": " "},
    ):
        with pytest.raises(PointsError):
            dataclasses.replace(base, **change)
    with pytest.raises(TypeError):
        dataclasses.replace(base, points=0.5)  # never a float
    with pytest.raises(ValueError):
        dataclasses.replace(base, attendance="asleep")
    with pytest.raises(PointsError):
        SessionCalendar(((D("2025-01-11"), D("2025-01-08")),))
    with pytest.raises(PointsError):
        Adjustment("d1", 2025, "visit", P(1), DisputeKind.MISSING, "  ")


def test_adjustments_add_after_caps_and_keep_their_reasons() -> None:
    adjustments = [
        # The clerk confirmed a duty day the station never recorded: added although capped.
        Adjustment("d1", 2025, "duty_day", P(2), DisputeKind.MISSING, "7月接待日漏登", None),
        Adjustment("d1", 2025, "inspection", P(-3), DisputeKind.DUPLICATE, "与i1为同一次", "i2"),
        Adjustment("d1", 2024, "visit", P(5), DisputeKind.WRONG, "去年的", None),  # other year
        Adjustment("d2", 2025, "visit", P(5), DisputeKind.WRONG, "别人的", None),  # other deputy
    ]
    reg = compute_register(RULES_2025, "d1", example_credits(), CALENDAR, adjustments)
    duty, inspection = reg.line("duty_day"), reg.line("inspection")
    assert (duty.points, duty.adjustment, duty.subtotal) == (P(20), P(2), P(22))
    assert [a.reason for a in duty.adjustments] == ["7月接待日漏登"]
    assert (inspection.points, inspection.adjustment, inspection.subtotal) == (P(6), P(-3), P(3))
    assert reg.line("visit").adjustments == ()
    assert reg.total == P(49 + 2 - 3)
    # The duplicate lands in the quarter of the record it names (i2: July); an adjustment
    # naming no record of the deputy's lands in Q4, the year-end settlement.
    assert reg.quarters == (P(13), P(17), P(14 - 3), P(5 + 2))
    bad = Adjustment("d1", 2025, "no_such_item", P(1), DisputeKind.MISSING, "?", None)
    with pytest.raises(PointsError):
        compute_register(RULES_2025, "d1", [], CALENDAR, [bad])


def test_next_years_rules_leave_this_years_register_unchanged() -> None:
    credits = [*example_credits(), fact(DUTY, "n1", "2026-02-10"), fact(DUTY, "n2", "2026-03-10")]
    before = compute_register(RULES_2025, "d1", credits, CALENDAR)
    rules_2026 = example_rule_set(2026, Scope.COUNTY)
    changed = tuple(
        dataclasses.replace(i, points=P(3), cap=P(30)) if i.code == "duty_day" else i
        for i in rules_2026.items
    )
    rules_2026 = dataclasses.replace(rules_2026, items=changed, example=False)
    after = compute_register(RULES_2025, "d1", credits, CALENDAR)
    assert after == before and after.total == P(49)
    next_year = compute_register(rules_2026, "d1", credits, CALENDAR)
    assert next_year.line("duty_day").points == P(6)  # 3 x 2 under the new rule
    assert next_year.total == P(6 + 3)  # and the suggestion s9 filed in January 2026


def test_ranking_gives_ties_the_same_place() -> None:
    totals = {"a": P(10), "b": P(8), "c": P("8.0"), "d": P(5), "e": P(-1)}
    assert rank(totals) == {"a": 1, "b": 2, "c": 2, "d": 4, "e": 5}
    assert rank({}) == {}
    assert rank({"x": P(3), "y": P(3)}) == {"x": 1, "y": 1}


def _register(deputy: str, total: int, kinds: int) -> Register:
    rules = RuleSet(
        "r",
        "测试",
        2025,
        Scope.COUNTY,
        tuple(
            RuleItem(f"k{n}", f"项目{n}", P(1), False, None, Period.ANY, A, f"kind{n}")
            for n in range(3)
        ),
    )
    # Each kind earns 1 point; an adjustment makes up the rest of the total on the first item.
    credits = [act(f"{deputy}-{n}", "2025-03-01", f"kind{n}", who=deputy) for n in range(kinds)]
    extra = Adjustment(deputy, 2025, "k0", P(total - kinds), DisputeKind.MISSING, "补", None)
    return compute_register(rules, deputy, credits, CALENDAR, [extra])


def test_exemplary_candidates_need_enough_kinds_and_keep_ties_at_the_edge() -> None:
    registers = [
        _register("many_points_few_kinds", 30, 2),
        _register("top", 20, 3),
        _register("second", 15, 3),
        _register("tied_second", 15, 3),
        _register("fourth", 10, 3),
    ]
    assert registers[1].earning_items == 3 and registers[0].earning_items == 2
    chosen = exemplary(registers, top_n=2, min_kinds=3)
    assert [r.deputy_id for r in chosen] == ["top", "second", "tied_second"]
    assert [r.deputy_id for r in exemplary(registers, top_n=1, min_kinds=2)] == [
        "many_points_few_kinds"
    ]
    assert exemplary(registers, top_n=0, min_kinds=0) == []


def test_points_are_written_without_trailing_zeros() -> None:
    assert format_points(P(3)) == "3"
    assert format_points(P("2.50")) == "2.5"
    assert format_points(P(-1)) == "-1"
    assert format_points(P("-0")) == "0"
    assert format_points(P("1E+2")) == "100"


def test_every_enum_has_its_labels() -> None:
    for enum in (Period, Scope, DisputeKind):
        assert all(member.label for member in enum)
    assert Period.SESSION.label == "During the congress session"
    assert {m.value for m in Attendance} >= {"present", "unexcused"}


# --- properties -----------------------------------------------------------------------------

_kinds = [k.code for k in ACTIVITY_KINDS]
_credit = st.builds(
    Credit,
    deputy_id=st.sampled_from(["d1", "d1", "d2"]),
    source=st.sampled_from(list(CreditSource)),
    record_id=st.sampled_from([f"r{n}" for n in range(12)]),  # a small pool: duplicates
    day=st.dates(dt.date(2024, 12, 1), dt.date(2026, 1, 31)),
    quantity=st.integers(0, 4),
    activity_kind=st.sampled_from(_kinds),
    attendance=st.sampled_from([a.value for a in Attendance]),
)
_points = st.sampled_from([P(-2), P(-1), P("-0.5"), P(0), P("0.5"), P(1), P(3)])
_cap = st.none() | st.sampled_from([P("0.5"), P(1), P(2), P("4.5"), P(10)])


@st.composite
def _rules(draw: st.DrawFn) -> RuleSet:
    items = tuple(
        dataclasses.replace(i, points=draw(_points), cap=draw(_cap), per_unit=draw(st.booleans()))
        for i in RULES_2025.items
    )
    return dataclasses.replace(RULES_2025, items=items)


_adjustment = st.builds(
    Adjustment,
    deputy_id=st.just("d1"),
    year=st.just(2025),
    item_code=st.sampled_from([i.code for i in RULES_2025.items]),
    delta=_points,
    kind=st.sampled_from(list(DisputeKind)),
    reason=st.just("复核"),
    record_id=st.none() | st.sampled_from(["r1", "r2", "zz"]),
)


@settings(max_examples=150, deadline=None)
@given(_rules(), st.lists(_credit, max_size=40), st.lists(_adjustment, max_size=4))
def test_totals_add_up_and_caps_hold(
    rules: RuleSet, credits: list[Credit], adjustments: list[Adjustment]
) -> None:
    reg = compute_register(rules, "d1", credits, CALENDAR, adjustments)
    assert reg.total == sum((line.subtotal for line in reg.lines), P(0))
    assert sum(reg.quarters, P(0)) == reg.total
    for line in reg.lines:
        assert line.subtotal == line.points + line.adjustment
        assert sum(line.quarters, P(0)) == line.subtotal
        if line.item.cap is not None:
            assert abs(line.points) <= line.item.cap
        assert line.capped == (line.points != line.raw)
        keys = [(c.source, c.record_id) for c in line.credits]
        assert len(keys) == len(set(keys))


@settings(max_examples=100, deadline=None)
@given(_rules(), st.lists(_credit, max_size=30), st.lists(_adjustment, max_size=3), st.data())
def test_the_register_does_not_depend_on_the_order_of_credits(
    rules: RuleSet, credits: list[Credit], adjustments: list[Adjustment], data: st.DataObject
) -> None:
    expected = compute_register(rules, "d1", credits, CALENDAR, adjustments)
    shuffled = data.draw(st.permutations(credits))
    assert compute_register(rules, "d1", shuffled, CALENDAR, adjustments[::-1]) == expected
