"""What three stations record for tests/test_report_flow.py, and what the county's annual report
must therefore say, written out by hand.

Each station imports workbooks (duty days, visits, cases, activities), then a clerk takes its
cases through the window's steps (refer to a department, the department's reply, the answer back
to the person, closing) and registers one case from a duty day. Every case below carries its
verdict as a person reading the ledger would give it (state, reply class, referred, replied on
time, satisfied at the first answer back, overdue on the report's day): the expected figures are
sums of these verdicts and of the workbooks' rows, never what desktop/services/county_* counts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

from desktop.domain.records import CaseDraft, ListFilter
from desktop.domain.workflow import CaseAction
from tests.bundle_fixtures import TODAY
from tests.report_reading import STATES

YEAR = TODAY.year  # the report's day is TODAY (15 June): deadlines before it are past
ROADS, WATER, FARMS = "道路交通与基础设施", "饮水用电与通信", "农业农村与产业发展"
HEALTH, SCHOOLS, GREEN, OTHER = "医疗卫生", "教育", "生态环境", "其他"
UNCATEGORISED = "未分类"  # the report's name for cases without a category
BANDS = (0, 5, 10, 15, 20, 25, 30)  # the points bands' lower bounds (docs/report-json.md)


@dataclass(frozen=True)
class Case:
    """One case and its verdict. ``month`` 0: the case registered from a duty day (``day``);
    otherwise the workbook's case received in that month. Steps: ("refer", "MM-DD"),
    ("reply", "MM-DD", outcome), ("answer", "MM-DD", satisfaction), ("close",), ("spot",),
    ("refuse",). A referral's deadline is three months on: the dates keep well clear of it."""

    month: int
    category: str | None
    steps: tuple[tuple[str, ...], ...]
    state: str
    outcome: str = ""
    passed_on: bool = False  # referred to a department (and not taken back)
    on_time: bool | None = None  # replied by the deadline; None: no reply due yet
    satisfied: bool | None = None  # at the first answer back; None: never answered back
    overdue: bool = False  # referred, past the deadline, no reply on TODAY
    day: str = ""  # the duty day of a case registered from one


def _closed(*steps: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return (*steps, ("close",))


# Per station (1, 2, 3 as in the workbooks): received on day 5 + i of each month.
CASES: dict[int, tuple[Case, ...]] = {
    1: (
        Case(1, ROADS, _closed(("refer", "01-06"), ("reply", "02-10", "A"),
             ("answer", "02-15", "satisfied")), "closed", "A", True, True, True),
        Case(2, WATER, (("refer", "02-06"), ("reply", "06-10", "B"),  # due in early May
             ("answer", "06-12", "unsatisfied")), "answered_back", "B", True, False, False),
        Case(3, None, (("refer", "03-06"),), "referred", "", True, False, None, True),
        Case(4, ROADS, (("spot",),), "answered_on_spot"),
        Case(0, SCHOOLS, (), "registered", day="02-11"),
    ),
    2: (
        Case(1, FARMS, _closed(("refer", "01-07"), ("reply", "03-02", "D"),
             ("answer", "03-05", "basically_satisfied")), "closed", "D", True, True, True),
        Case(2, ROADS, (("refer", "02-07"), ("reply", "03-20", "C")), "replied", "C", True, True),
        Case(3, FARMS, (("refer", "03-02"),), "referred", "", True, False, None, True),
        Case(4, None, (("refuse",),), "not_accepted"),
        Case(5, HEALTH, (("refer", "05-07"),), "referred", "", True),  # due in August
        Case(0, SCHOOLS, _closed(("spot",)), "closed", day="04-12"),
    ),
    3: (
        Case(1, ROADS, (("refer", "01-08"), ("reply", "01-20", "A"),
             ("answer", "01-25", "satisfied")), "answered_back", "A", True, True, True),
        # Not satisfied at first: referred again, replied in time, then satisfied and closed.
        Case(2, GREEN, _closed(("refer", "02-08"), ("reply", "02-28", "B"),
             ("answer", "03-02", "unsatisfied"), ("refer", "03-05"), ("reply", "03-30", "A"),
             ("answer", "04-02", "satisfied")), "closed", "A", True, True, False),
        Case(3, GREEN, (("refer", "03-02"), ("reply", "06-12", "A")),  # due in early June
             "replied", "A", True, False),
        Case(4, None, (), "registered"),
        Case(5, OTHER, (("refuse",),), "not_accepted"),
        Case(6, ROADS, (("refer", "06-08"),), "referred", "", True),
        Case(0, None, _closed(("refer", "01-13"), ("reply", "02-20", "B"),
             ("answer", "02-25", "satisfied")), "closed", "B", True, True, True, day="01-13"),
    ),
}  # fmt: skip


def received(i: int, case: Case) -> str:
    return f"{YEAR}-{case.day}" if case.day else f"{YEAR}-{case.month:02}-{i + 5:02}"


def case_rows(i: int, deputy: str) -> list[dict[str, object]]:
    """The feedback workbook's rows: the station's cases but the one from a duty day."""
    return [
        {"受理日期": received(i, c), "反映人": f"群众{i}{c.month}",
         "反映内容": f"第{c.month}件：路灯不亮", "接待代表": deputy, "问题类别": c.category}
        for c in CASES[i] if c.month
    ]  # fmt: skip


def _day(text: str) -> str:
    return f"{YEAR}-{text}"


def take(services: Any, case_id: uuid.UUID, steps: tuple[tuple[str, ...], ...]) -> None:
    """The steps as the clerk takes them in the case's detail pane."""
    casework = services.casework
    department = services.reference.departments()[0].id  # the county's, by the roster bundle
    for step, *args in steps:
        if step == "refer":
            casework.refer(case_id, department, referred_on=dt.date.fromisoformat(_day(args[0])))
        elif step == "reply":
            payload = {"text": "已办理", "replied_on": _day(args[0]), "outcome": args[1]}
            casework.act(case_id, CaseAction.REPLY, payload)
        elif step == "answer":
            payload = {"answered_on": _day(args[0]), "method": "phone", "satisfaction": args[1]}
            casework.act(case_id, CaseAction.ANSWER_BACK, payload)
        elif step == "close":
            casework.act(case_id, CaseAction.CLOSE, {})
        elif step == "spot":
            casework.act(case_id, CaseAction.ANSWER_ON_SPOT, {"text": "已当场解释"})
        else:
            refusal = {"reason": "不属受理范围", "where_to_go": "县信访局"}
            casework.act(case_id, CaseAction.NOT_ACCEPT, refusal)


def work_the_cases(services: Any, i: int, deputy_id: uuid.UUID) -> None:
    """At station ``i`` after its workbooks: register the duty-day case, then every step."""
    station = services.site.current().station_id
    category = {c.name: c.id for c in services.reference.categories()}
    imported = {c.received_date: c.id for c in services.feedback.page(ListFilter()).rows}
    for case in CASES[i]:
        day = dt.date.fromisoformat(received(i, case))
        if case.day:
            (duty,) = [d for d in services.duty_days.page(ListFilter()).rows if d.day == day]
            draft = CaseDraft(station, day, person_name=f"群众{i}0", content="村道需要硬化",
                              category_id=category.get(case.category), deputy_ids=(deputy_id,),
                              duty_day_id=duty.id)  # fmt: skip
            imported[day] = services.feedback.register(draft).id
        take(services, imported[day], case.steps)


# --- the figures these make ---------------------------------------------------------------------


def _rate(part: int, whole: int) -> dict[str, Any]:
    return {"part": part, "whole": whole,
            "percent": None if whole == 0 else round(100 * part / whole, 1)}  # fmt: skip


def station_figures(
    i: int, category_ids: dict[str, uuid.UUID], points: list[int]
) -> dict[str, Any]:
    """Station ``i``'s figures object, from the workbooks (tests/test_report_flow.py) and CASES;
    ``points``: its deputies' year totals."""
    cases = CASES[i]
    months = Counter(int(received(i, c)[5:7]) for c in cases)
    categories = Counter(c.category for c in cases)
    return {
        # five duty days, two deputies in odd months and one in even ones, 3 + m + i people
        "duty_batches": 5,
        "duty_deputy_times": 3 * 2 + 2 * 1,
        "people_received": sum(3 + m + i for m in range(1, 6)),
        "written_opinions": sum(bool(c.day) for c in cases),
        # a visit to people, and an official visit to the station's two deputies
        "visits": 2,
        "deputies_visited": 2,
        "opinions_collected": len(cases),
        "opinions_passed_on": sum(c.passed_on for c in cases),
        "cases_by_state": {s: sum(c.state == s for c in cases) for s in STATES},
        "cases_by_category": [
            {
                "id": str(category_ids[name]) if name else None,
                "name": name or UNCATEGORISED,
                "cases": n,
            }
            for name, n in categories.items()
        ],
        "cases_per_month": [months[m] for m in range(1, 13)],
        "outcomes": {o: sum(c.outcome == o for c in cases) for o in "ABCD"},
        "replied_on_time": _rate(
            sum(c.on_time is True for c in cases), sum(c.on_time is not None for c in cases)
        ),
        "satisfied_first": _rate(
            sum(c.satisfied is True for c in cases), sum(c.satisfied is not None for c in cases)
        ),
        "overdue": sum(c.overdue for c in cases),
        # the station's own inspection with both its deputies (the other one is county-wide)
        "activities": 1,
        "activity_person_times": 2,
        "points_bands": _bands(points),
    }


def _bands(points: list[int]) -> list[dict[str, Any]]:
    tops = [*BANDS[1:], None]
    return [
        {"from": low, "to": high, "deputies": sum(low <= p and (high is None or p < high)
                                                  for p in points)}
        for low, high in zip(BANDS, tops, strict=True)
    ]  # fmt: skip


def add_up(objects: list[dict[str, Any]], **extra: int) -> dict[str, Any]:
    """Figures objects summed (a township of its stations, the county of its townships), plus
    ``extra`` counts (the county-wide activities)."""
    out: dict[str, Any] = {}
    for key, first in objects[0].items():
        values = [o[key] for o in objects]
        if isinstance(first, int):
            out[key] = sum(values) + extra.get(key, 0)
        elif key == "cases_per_month":
            out[key] = [sum(month) for month in zip(*values, strict=True)]
        elif key in ("replied_on_time", "satisfied_first"):
            out[key] = _rate(sum(v["part"] for v in values), sum(v["whole"] for v in values))
        elif key == "cases_by_category":
            found: Counter = Counter()
            for v in values:
                found.update({(c["id"], c["name"]): c["cases"] for c in v})
            out[key] = [{"id": k[0], "name": k[1], "cases": n} for k, n in found.items()]
        elif key == "points_bands":  # every deputy belongs to one station here
            out[key] = [{**b, "deputies": sum(v[n]["deputies"] for v in values)}
                        for n, b in enumerate(first)]  # fmt: skip
        else:  # counts by state or outcome
            out[key] = {k: sum(v[k] for v in values) for k in first}
    return out


def by_category(categories: list[dict[str, Any]]) -> list[tuple[Any, Any, int]]:
    """A cases_by_category list in a comparable order (ties have no documented order)."""
    return sorted((c["id"] or "", c["name"] or "", c["cases"]) for c in categories)
