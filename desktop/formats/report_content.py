"""What the annual report says, shared by its PDF and its workbook: wording, figures, totals."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from desktop.domain.enums import CaseState
from desktop.domain.figures import (
    AnnualReport,
    Completeness,
    Count,
    Figures,
    ProgrammeFigures,
    Rate,
    StationCompleteness,
    TownshipLine,
)
from desktop.domain.money import yuan

# --- The printed wording, in Chinese: paper and workbooks for the standing committee, and the
# --- formats have no Qt translator. Kept in one place for a later translation pass.
TITLE = "{county}{year}年度人大代表联络站工作报告"
UNIT = "{county}人大常委会代表工委"
STANDING_COMMITTEE = "人大常委会"
AS_OF = "数据截至{date}"
SCOPE = "统计范围：全县{townships}个乡镇、{stations}个代表联络站"
TOTAL = "合计"
NO_DATA = "（本项暂无数据）"
NEVER = "从未报送"
ON_TIME_DETAIL = "按时答复{part}件／应答复{whole}件"
SATISFIED_DETAIL = "满意及基本满意{part}件／反馈{whole}件"

# The state a station-month is in, as the completeness matrix and workbook print it.
MONTH_STATE_TEXT = {
    "on_time": "按时",
    "late": "迟报",
    "missing": "缺报",
    "not_due": "未到期",
    "not_expected": "无需报送",
}

# The workflow's order, for the funnel of cases by state (unknown states go last).
STATE_ORDER = tuple(s.value for s in CaseState)


@dataclass(frozen=True, slots=True)
class Headline:
    """One figure of the county's headline grid."""

    label: str
    value: int | Rate
    unit: str = ""
    detail: str = ""  # what a rate is a share of, in words


def headlines(f: Figures) -> tuple[Headline, ...]:
    """The headline figures, in the order the report prints them."""
    return (
        Headline("进站履职活动批次", f.duty_batches, "批次"),
        Headline("参与代表人次", f.duty_deputy_times, "人次"),
        Headline("接待群众人次", f.people_received, "人次"),
        Headline("形成书面意见", f.written_opinions, "条"),
        Headline("走访次数", f.visits, "次"),
        Headline("走访代表人次", f.deputies_visited, "人次"),
        Headline("收集意见建议", f.opinions_collected, "件"),
        Headline("交办意见建议", f.opinions_passed_on, "件"),
        Headline(
            "按时答复率",
            f.replied_on_time,
            detail=ON_TIME_DETAIL.format(
                part=f.replied_on_time.part, whole=f.replied_on_time.whole
            ),
        ),
        Headline(
            "首次反馈满意率",
            f.satisfied_first,
            detail=SATISFIED_DETAIL.format(
                part=f.satisfied_first.part, whole=f.satisfied_first.whole
            ),
        ),
        Headline("逾期未答复", f.overdue, "件"),
        Headline("履职活动次数", f.activities, "次"),
        Headline("履职活动参与人次", f.activity_person_times, "人次"),
    )


@dataclass(frozen=True, slots=True)
class LineColumn:
    """A column of the per-township (or per-station) table."""

    header: str
    value: Callable[[TownshipLine], int | Rate]
    paper: str = ""  # the header on paper, broken where a narrow column reads best

    @property
    def paper_header(self) -> str:
        return self.paper or self.header


LINE_COLUMNS = (
    LineColumn("站点数", lambda t: t.stations),
    LineColumn("进站履职活动批次", lambda t: t.duty_batches, "进站履职\n活动批次"),
    LineColumn("参与代表人次", lambda t: t.duty_deputy_times, "参与代表\n人次"),
    LineColumn("接待群众人次", lambda t: t.people_received, "接待群众\n人次"),
    LineColumn("走访次数", lambda t: t.visits, "走访\n次数"),
    LineColumn("意见建议件数", lambda t: t.cases, "意见建议\n件数"),
    LineColumn("交办件数", lambda t: t.cases_referred, "交办\n件数"),
    LineColumn("按时答复率", lambda t: t.replied_on_time, "按时\n答复率"),
    LineColumn("首次反馈满意率", lambda t: t.satisfied_first, "首次反馈\n满意率"),
    LineColumn("履职活动次数", lambda t: t.activities, "履职活动\n次数"),
)
STATION_COLUMNS = LINE_COLUMNS[1:]  # a station is one station


def _sum_rate(rates: Iterable[Rate]) -> Rate:
    rates = list(rates)
    return Rate(sum(r.part for r in rates), sum(r.whole for r in rates))


def total_line(lines: Sequence[TownshipLine], name: str = TOTAL) -> TownshipLine:
    """The 合计 row: counts added up, and each rate from the added parts and wholes."""
    return TownshipLine(
        id=uuid.UUID(int=0),
        name=name,
        duty_batches=sum(t.duty_batches for t in lines),
        duty_deputy_times=sum(t.duty_deputy_times for t in lines),
        people_received=sum(t.people_received for t in lines),
        visits=sum(t.visits for t in lines),
        cases=sum(t.cases for t in lines),
        cases_referred=sum(t.cases_referred for t in lines),
        replied_on_time=_sum_rate(t.replied_on_time for t in lines),
        satisfied_first=_sum_rate(t.satisfied_first for t in lines),
        activities=sum(t.activities for t in lines),
        stations=sum(t.stations for t in lines),
    )


def station_lines(report: AnnualReport) -> list[tuple[str, tuple[TownshipLine, ...]]]:
    """Each township's name and its stations' lines (the township figures' own lines)."""
    return [(t.scope.name, t.townships) for t in report.townships]


def station_count(report: AnnualReport) -> int:
    counted = sum(len(lines) for _, lines in station_lines(report))
    return counted or len(report.stations) or sum(t.stations for t in report.county.townships)


def by_workflow(counts: Sequence[Count]) -> list[Count]:
    """Cases by state in the workflow's order, whatever order they came in."""
    rank = {state: i for i, state in enumerate(STATE_ORDER)}
    return sorted(counts, key=lambda c: rank.get(c.key, len(rank)))


def outcome_label(c: Count) -> str:
    """An outcome with its letter first ("A 已解决"), whether the label came with it or not."""
    return c.label if c.label.startswith(c.key) else f"{c.key} {c.label}"


@dataclass(frozen=True, slots=True)
class TownshipCompleteness:
    """One township's bundles: stations, station-months expected, received, on time."""

    township: str
    stations: int
    expected: int
    received: int
    on_time: int
    silent: int

    @property
    def reporting_rate(self) -> Rate:
        return Rate(self.received, self.expected)

    @property
    def on_time_rate(self) -> Rate:
        return Rate(self.on_time, self.expected)


def completeness_by_township(
    completeness: Completeness, order: Sequence[str] = ()
) -> list[TownshipCompleteness]:
    """The stations' completeness added up per township, townships in the given order first."""
    groups: dict[str, list[StationCompleteness]] = {name: [] for name in order}
    for s in completeness.stations:
        groups.setdefault(s.township, []).append(s)
    silent = {s.station_id for s in completeness.silent}
    return [
        TownshipCompleteness(
            township=name,
            stations=len(items),
            expected=sum(s.expected for s in items),
            received=sum(s.received for s in items),
            on_time=sum(s.on_time for s in items),
            silent=sum(s.station_id in silent for s in items),
        )
        for name, items in groups.items()
        if items
    ]


def completeness_total(lines: Sequence[TownshipCompleteness]) -> TownshipCompleteness:
    return TownshipCompleteness(
        TOTAL,
        sum(t.stations for t in lines),
        sum(t.expected for t in lines),
        sum(t.received for t in lines),
        sum(t.on_time for t in lines),
        sum(t.silent for t in lines),
    )


def county_and_office(name: str) -> tuple[str, str]:
    """The county's name and the office's, from AnnualReport.county_name: the county site's name,
    which may be the county ("昭平县") or its office ("昭平县人大常委会代表工委")."""
    name = name.strip()
    county, found, _ = name.partition(STANDING_COMMITTEE)
    if found and county:
        return county, name
    return name, UNIT.format(county=name) if name else ""


def township_lines(report: AnnualReport) -> list[TownshipLine]:
    """The county's line per township, townships in the order of report.townships."""
    rank = {t.scope.id: i for i, t in enumerate(report.townships)}
    return sorted(report.county.townships, key=lambda t: rank.get(t.id, len(rank)))


def period_end(report: AnnualReport) -> dt.date:
    """The last day the figures cover: the as-of day, or the year's end when that came first."""
    return min(report.as_of, dt.date(report.year, 12, 31))


def silent_stations(
    completeness: Completeness, order: Sequence[str] = ()
) -> list[StationCompleteness]:
    """The silent stations, longest silent first, then townships in the given order."""
    rank = {name: i for i, name in enumerate(order)}
    return sorted(
        completeness.silent,
        key=lambda s: (-(s.silent_days or 0), rank.get(s.township, len(rank)), s.township),
    )


# --- the programmes (代表参与重点工作): one list of lines for the PDF and the workbook -----------

PROGRAMMES = "代表参与重点工作"
COUNTY_ROW = "全县"
NONE_YET = "—"


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in fen, printed as yuan with two decimals."""

    fen: int

    def text(self) -> str:
        return yuan(self.fen)


@dataclass(frozen=True, slots=True)
class ProgrammeLine:
    """One figure of the programmes' table: its programme (printed once per group), label,
    value (a count, an amount, a percentage or None for none yet) and unit."""

    group: str
    label: str
    value: int | Money | float | None
    unit: str = ""

    def text(self) -> str:
        v = self.value
        if v is None:
            return NONE_YET
        if isinstance(v, Money):
            return v.text()
        return f"{v:.1f}%" if isinstance(v, float) else str(v)


_LEVELS = {
    "province": "省级培训",
    "city": "市级培训",
    "county": "县级培训",
    "township": "乡镇级培训",
}
_CONTACTS = {"point": ("基层立法联系点", "个"), "officer": ("立法联络员", "名"),
             "informant": ("立法信息员", "名")}  # fmt: skip
_BODIES = {"court": "联系法官", "procuratorate": "联系检察官", "police": "联系警官"}
_EVENTS = {"talk": "法治讲座", "consultation": "法律咨询", "mediation": "矛盾纠纷调解"}


def programme_lines(p: ProgrammeFigures) -> list[ProgrammeLine]:
    """The county's programme figures in the order the report prints them (a township's or a
    station's leave out the county-wide ones)."""
    ln, out = ProgrammeLine, []
    if p.projects is not None:
        v, g = p.projects, "民生实事项目代表票决"
        out += [ln(g, "候选项目", v.candidates, "个"), ln(g, "票决产生项目", v.chosen, "个"),
                ln(g, "未获票决通过", v.not_chosen, "个"), ln(g, "已完成验收", v.done, "个"),
                ln(g, "票决项目预算", Money(v.budget_fen), "元"),
                ln(g, "年终满意度测评平均满意率", v.satisfaction),
                ln(g, "满意度测评", v.satisfaction_votes, "次")]  # fmt: skip
    f, g = p.fund, "代表建议办理专项资金"
    out += [ln(g, "申请项目", f.applied, "个"), ln(g, "立项实施项目", f.funded, "个"),
            ln(g, "验收项目", f.accepted, "个"), ln(g, "申请金额", Money(f.requested_fen), "元"),
            ln(g, "核定金额", Money(f.approved_fen), "元"),
            ln(g, "验收拨付", Money(f.paid_fen), "元")]  # fmt: skip
    if f.total_fen is not None and f.remaining_fen is not None:
        out += [ln(g, "年度专项资金", Money(f.total_fen), "元"),
                ln(g, "尚未安排资金", Money(f.remaining_fen), "元")]  # fmt: skip
    g = "立法意见征集"
    if p.drafts is not None:
        out.append(ln(g, "征求意见草案", p.drafts, "件"))
    out += [ln(g, "收集意见建议", p.comments, "条"),
            ln(g, "上报意见建议", p.comments_reported, "条"),
            ln(g, "被采纳意见建议", p.comments_adopted, "条")]  # fmt: skip
    for c in p.contacts:
        label, unit = _CONTACTS.get(c.key, (c.label, ""))
        out.append(ln(g, label, c.value, unit))
    g = "代表培训"
    out += [ln(g, _LEVELS.get(c.key, c.label), c.value, "期") for c in p.training_batches]
    out += [ln(g, "参训代表", p.training_person_times, "人次"),
            ln(g, "培训学时（学时×人次）", p.training_hours, "学时")]  # fmt: skip
    g = "“三官”联系站点"
    out += [ln(g, _BODIES.get(c.key, c.label), c.value, "名") for c in p.legal_officers]
    out.append(ln(g, "联系代表联络站", p.legal_stations, "个"))
    out += [ln(g, _EVENTS.get(c.key, c.label), c.value, "次") for c in p.legal_events]
    out += [
        ln(g, "参加群众", p.legal_people, "人次"),
        ln(g, "调解成功", p.mediations_settled, "件"),
    ]
    g = "代表监督与宣传"
    out += [ln(g, "监督视察项目", p.supervisions, "次"),
            ln(g, "参加监督代表", p.supervision_deputy_times, "人次"),
            ln(g, "先进事迹", p.stories, "篇"), ln(g, "媒体报道", p.media_reports, "篇"),
            ln(g, "人大代表户", p.household_signs, "户")]  # fmt: skip
    return out


@dataclass(frozen=True, slots=True)
class ProgrammeColumn:
    """A column of the per-township (per-station) programmes table."""

    header: str
    value: Callable[[ProgrammeFigures], int | Money]
    paper: str = ""


PROGRAMME_COLUMNS = (
    ProgrammeColumn("专项资金项目", lambda p: p.fund.applied, "专项资金\n项目"),
    ProgrammeColumn("核定金额（元）", lambda p: Money(p.fund.approved_fen), "核定金额\n（元）"),
    ProgrammeColumn("立法意见", lambda p: p.comments, "立法\n意见"),
    ProgrammeColumn("培训人次", lambda p: p.training_person_times, "培训\n人次"),
    ProgrammeColumn("法律服务活动", lambda p: p.legal_event_total, "法律服务\n活动"),
    ProgrammeColumn("调解成功", lambda p: p.mediations_settled, "调解\n成功"),
    ProgrammeColumn("监督视察", lambda p: p.supervisions, "监督\n视察"),
    ProgrammeColumn("人大代表户", lambda p: p.household_signs, "代表户"),
)
