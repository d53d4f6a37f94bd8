"""Synthetic but realistic annual reports (AnnualReport) for the report renderers' tests.

Every figure is derived from the stations' own lines, so that a township is the sum of its
stations and the county the sum of its townships, as the service fills them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import replace

from desktop.domain.figures import (
    AnnualReport,
    Completeness,
    Count,
    Figures,
    MonthCell,
    Rate,
    Scope,
    StationCompleteness,
    TopDeputy,
    TownshipLine,
)
from desktop.formats.report_content import total_line

YEAR = 2026
AS_OF = dt.date(2026, 6, 30)
COUNTY = "昭平县"
SMALL = (
    ("黄姚镇", ("黄姚村代表联络站", "龙门村代表联络站")),
    ("走马镇", ("走马社区代表联络站",)),
)
TOP_DEPUTIES = (
    ("莫秀梅", "96.5"),
    ("黎志强", "91"),
    ("覃永福", "88.5"),
    ("陈丽华", "84"),
    ("梁国栋", "79.5"),
)
CATEGORIES = (
    ("roads", "道路交通"),
    ("water", "农田水利"),
    ("schools", "教育医疗"),
    ("welfare", "社会保障"),
    ("environment", "生态环境"),
    ("industry", "产业发展"),
    ("other", "其他"),
)
STATES = (  # cases by state, as the service labels them (shuffled: the renderer orders them)
    ("closed", "已办结"),
    ("registered", "已登记"),
    ("referred", "已交办"),
    ("answered_on_spot", "当场答复"),
    ("replied", "已答复"),
    ("answered_back", "已反馈"),
    ("not_accepted", "不予受理"),
)
OUTCOMES = (  # as the service labels them: the renderers put the letter first
    ("A", "已解决或采纳"),
    ("B", "正在解决"),
    ("C", "列入计划"),
    ("D", "留作参考/说明"),
)
BAND_LABELS = ("0–20分", "20–40分", "40–60分", "60–80分", "80–100分", "100分以上")
MONTH_WEIGHTS = (3, 2, 4, 5, 4, 2, 0, 0, 0, 0, 0, 0)  # nothing after the as-of month


def _id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(map(str, parts)))


def _spread(total: int, weights: Sequence[int]) -> list[int]:
    """total split by weights, whole numbers that add up to total."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: -weights[i])[: total - sum(parts)]:
        parts[i] += 1
    return parts


def station_line(n: int, name: str) -> TownshipLine:
    """The n-th station's year: varied, plausible numbers (a batch has 2 to 4 deputies)."""
    batches = 9 + (n * 7) % 13
    cases = 14 + (n * 11) % 23
    referred = cases - 3 - n % 4
    replied = referred - 1 - n % 3
    return TownshipLine(
        id=_id("station", name),
        name=name,
        duty_batches=batches,
        duty_deputy_times=batches * (2 + n % 3),
        people_received=batches * (9 + n % 7),
        visits=5 + (n * 5) % 9,
        cases=cases,
        cases_referred=referred,
        replied_on_time=Rate(replied - n % 2, replied),
        satisfied_first=Rate(replied - 1 - n % 3, replied),
        activities=20 + (n * 13) % 31,
    )


def _figures(scope: Scope, lines: Sequence[TownshipLine], top: Sequence[TopDeputy] = ()) -> Figures:
    t = total_line(lines)
    cases, referred, replied = t.cases, t.cases_referred, t.replied_on_time.whole
    open_states = _spread(cases - replied - (cases - referred), (2, 3, 4))
    by_state = dict(
        closed=replied * 3 // 4,
        answered_back=replied - replied * 3 // 4,
        registered=open_states[0],
        referred=open_states[1] + open_states[2],
        answered_on_spot=cases - referred - 1,
        not_accepted=1,
        replied=0,
    )
    deputies = t.duty_deputy_times // 3
    return Figures(
        year=YEAR,
        scope=scope,
        as_of=AS_OF,
        duty_batches=t.duty_batches,
        duty_deputy_times=t.duty_deputy_times,
        people_received=t.people_received,
        written_opinions=t.duty_batches // 2,
        visits=t.visits,
        deputies_visited=t.visits * 3,
        opinions_collected=cases,
        opinions_passed_on=referred,
        cases_by_state=tuple(Count(k, label, by_state[k]) for k, label in STATES),
        cases_by_category=tuple(
            Count(k, label, v)
            for (k, label), v in zip(CATEGORIES, _spread(cases, (9, 6, 5, 4, 3, 2, 1)), strict=True)
        ),
        cases_per_month=tuple(
            Count(str(m), f"{m}月", v) for m, v in enumerate(_spread(cases, MONTH_WEIGHTS), start=1)
        ),
        outcomes=tuple(
            Count(k, label, v)
            for (k, label), v in zip(OUTCOMES, _spread(replied, (6, 2, 1, 1)), strict=True)
        ),
        replied_on_time=t.replied_on_time,
        satisfied_first=t.satisfied_first,
        overdue=open_states[2],
        activities=t.activities,
        activity_person_times=t.activities * 3,
        points_bands=tuple(
            Count(str(low), label, v)
            for low, label, v in zip(
                (0, 20, 40, 60, 80, 100),
                BAND_LABELS,
                _spread(deputies, (1, 3, 6, 8, 4, 1)),
                strict=True,
            )
        ),
        townships=tuple(lines),
        top_deputies=tuple(top),
    )


def _months(n: int, silent: bool) -> tuple[MonthCell, ...]:
    cells = []
    for month in range(1, 13):
        if month >= AS_OF.month:  # June's bundle is due on 10 July
            state = "not_due"
        elif n % 5 == 1 and month == 1:  # enrolled in February
            state = "not_expected"
        elif silent and month >= 3:
            state = "missing"
        elif n % 2 and month == 3:
            state = "late"
        elif n % 3 == 1 and month == 5:
            state = "missing"
        else:
            state = "on_time"
        bundles = 0 if state in ("missing", "not_due") else 1
        cells.append(MonthCell(month, state, bundles, state == "on_time"))
    return tuple(cells)


def _completeness(stations: Sequence[tuple[str, TownshipLine]]) -> Completeness:
    out = []
    for n, (township, line) in enumerate(stations):
        silent = n % 7 == 2
        months = _months(n, silent)
        due = [c for c in months if c.state not in ("not_due", "not_expected")]
        last = dt.date(2026, 3, 8) if silent else dt.date(2026, 6, 9 - n % 5)
        out.append(
            StationCompleteness(
                station_id=line.id,
                station=line.name,
                township=township,
                site_code=f"ZP{n + 1:03}",
                months=months,
                last_bundle=last,
                silent_days=(AS_OF - last).days,
                expected=len(due),
                received=sum(c.bundles for c in due),
                on_time=sum(c.state == "on_time" for c in due),
                ledgers_printed=sum(c.ledger_printed for c in months),
            )
        )
    return Completeness(YEAR, AS_OF, due_day=10, silent_after=45, stations=tuple(out))


def annual_report(
    layout: Sequence[tuple[str, Sequence[str]]] = SMALL, county: str = COUNTY
) -> AnnualReport:
    """A report over the given townships and their stations, every field filled."""
    n = 0
    township_figures, station_figures, stations, township_lines = [], [], [], []
    for township, names in layout:
        lines = []
        for name in names:
            line = station_line(n, name)
            lines.append(line)
            stations.append((township, line))
            station_figures.append(_figures(Scope("station", line.id, name), [line]))
            n += 1
        tid = _id("township", township)
        township_figures.append(_figures(Scope("township", tid, township), lines))
        township_lines.append(replace(total_line(lines, township), id=tid, stations=len(lines)))
    top = []
    for rank, (name, points) in enumerate(TOP_DEPUTIES, start=1):
        township, line = stations[(rank * 2) % len(stations)]
        top.append(TopDeputy(_id("deputy", name), name, township, line.name, points, rank))
    return AnnualReport(
        year=YEAR,
        county_name=county,
        as_of=AS_OF,
        county=_figures(Scope("county", None, county), township_lines, top),
        townships=tuple(township_figures),
        stations=tuple(station_figures),
        completeness=_completeness(stations),
    )


TOWNSHIPS_OF_THE_COUNTY = (
    "昭平镇", "文竹镇", "黄姚镇", "富罗镇", "北陀镇", "马江镇",
    "五将镇", "走马镇", "樟木林镇", "仙回瑶族乡", "凤凰乡", "木格乡",
)  # fmt: skip
_VILLAGE_FIRST = "龙白石新大上下东西南北古桂竹松"
_VILLAGE_SECOND = "江岭塘坪山寨洞冲湾头"


def county_layout(stations: int = 62) -> list[tuple[str, list[str]]]:
    """The whole county: 12 townships sharing 62 stations, one with a long official name."""
    per = _spread(stations, [1] * len(TOWNSHIPS_OF_THE_COUNTY))
    layout, n = [], 0
    for township, count in zip(TOWNSHIPS_OF_THE_COUNTY, per, strict=True):
        names = [f"{township}人大代表履职活动中心代表联络站"]
        for _ in range(count - 1):
            first = _VILLAGE_FIRST[n % len(_VILLAGE_FIRST)]
            second = _VILLAGE_SECOND[(n // len(_VILLAGE_FIRST)) % len(_VILLAGE_SECOND)]
            names.append(f"{first}{second}村代表联络站")
            n += 1
        layout.append((township, names))
    return layout


def empty_report(county: str = "新桥县") -> AnnualReport:
    """A county with nothing recorded yet: no townships, no stations, every count zero."""
    zeros = _figures(Scope("county", None, county), [])
    nothing = replace(
        zeros,
        cases_by_state=tuple(replace(c, value=0) for c in zeros.cases_by_state),
        cases_by_category=(),
        cases_per_month=tuple(replace(c, value=0) for c in zeros.cases_per_month),
        outcomes=tuple(replace(c, value=0) for c in zeros.outcomes),
        points_bands=tuple(replace(c, value=0) for c in zeros.points_bands),
        overdue=0,
    )
    return AnnualReport(
        year=YEAR,
        county_name=county,
        as_of=AS_OF,
        county=nothing,
        townships=(),
        stations=(),
        completeness=Completeness(YEAR, AS_OF, due_day=10, silent_after=45, stations=()),
    )
