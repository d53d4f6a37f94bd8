"""The county office's figures for a year and a scope: what the dashboard shows, the annual report
prints and the JSON carries (plain data; services count, formats and the UI render)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.enums import LabelledEnum, _labels
from desktop.domain.records import Id, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP

SCOPE_KINDS = ("county", "township", "station")

# The annual report's file types and the format each asks for (window, command line, service).
REPORT_FORMATS = {".pdf": "pdf", ".xlsx": "xlsx", ".json": "json"}

# A figure's records are on one of these tabs, under a filter (see Drill).
REGISTERS = ("duty_days", "visits", "feedback", "activities", "points")

# Points bands of the distribution: lower bounds, each band up to the next one.
POINT_BANDS = (0, 5, 10, 15, 20, 25, 30)


# Labels of the charts' months, bands and unnamed category: the screen translates them, the
# annual report prints them in Chinese (a label function, as for the enums of records).
class Month(LabelledEnum):
    JAN, FEB, MAR, APR, MAY, JUN = "1", "2", "3", "4", "5", "6"
    JUL, AUG, SEP, OCT, NOV, DEC = "7", "8", "9", "10", "11", "12"


_labels(Month, {
    "1": QT_TRANSLATE_NOOP("Month", "Jan"), "2": QT_TRANSLATE_NOOP("Month", "Feb"),
    "3": QT_TRANSLATE_NOOP("Month", "Mar"), "4": QT_TRANSLATE_NOOP("Month", "Apr"),
    "5": QT_TRANSLATE_NOOP("Month", "May"), "6": QT_TRANSLATE_NOOP("Month", "Jun"),
    "7": QT_TRANSLATE_NOOP("Month", "Jul"), "8": QT_TRANSLATE_NOOP("Month", "Aug"),
    "9": QT_TRANSLATE_NOOP("Month", "Sep"), "10": QT_TRANSLATE_NOOP("Month", "Oct"),
    "11": QT_TRANSLATE_NOOP("Month", "Nov"), "12": QT_TRANSLATE_NOOP("Month", "Dec"),
})  # fmt: skip


class PointBand(LabelledEnum):
    """A band of POINT_BANDS, by its lower bound (short: a column chart's axis labels)."""

    FROM_0, FROM_5, FROM_10, FROM_15, FROM_20, FROM_25, FROM_30 = (
        "0",
        "5",
        "10",
        "15",
        "20",
        "25",
        "30",
    )


_labels(PointBand, {
    "0": QT_TRANSLATE_NOOP("PointBand", "0–5"),
    "5": QT_TRANSLATE_NOOP("PointBand", "5–10"),
    "10": QT_TRANSLATE_NOOP("PointBand", "10–15"),
    "15": QT_TRANSLATE_NOOP("PointBand", "15–20"),
    "20": QT_TRANSLATE_NOOP("PointBand", "20–25"),
    "25": QT_TRANSLATE_NOOP("PointBand", "25–30"),
    "30": QT_TRANSLATE_NOOP("PointBand", "30+"),
})  # fmt: skip
assert tuple(PointBand) == tuple(str(b) for b in POINT_BANDS)


class Unnamed(LabelledEnum):
    CATEGORY = "category"  # cases without a category


_labels(Unnamed, {"category": QT_TRANSLATE_NOOP("Unnamed", "Uncategorised")})

MONTH_STATES = ("on_time", "late", "missing", "not_due", "not_expected")
MONTH_STATE_LABELS = {
    "on_time": QT_TRANSLATE_NOOP("Completeness", "On time"),
    "late": QT_TRANSLATE_NOOP("Completeness", "Late"),
    "missing": QT_TRANSLATE_NOOP("Completeness", "Missing"),
    "not_due": QT_TRANSLATE_NOOP("Completeness", "Not yet due"),
    "not_expected": QT_TRANSLATE_NOOP("Completeness", "Not expected"),
}


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def year_until(year: int, as_of: dt.date) -> dt.date:
    """A year's last day counted: 31 December, or ``as_of`` within the year (数据截至)."""
    return min(dt.date(year, 12, 31), as_of)


@dataclass(frozen=True, slots=True)
class Scope:
    """County (everything here), one township's stations, or one station."""

    kind: str = "county"
    id: Id | None = None
    name: str = ""

    def list_filter(self, year: int, as_of: dt.date | None = None) -> ListFilter:
        """The scope's records of ``year`` (up to ``as_of`` within it)."""
        return ListFilter(
            date_from=dt.date(year, 1, 1),
            date_to=year_until(year, as_of) if as_of else dt.date(year, 12, 31),
            station_id=self.id if self.kind == "station" else None,
            township_id=self.id if self.kind == "township" else None,
        )


def point_band(total: Decimal) -> int:
    """The band of POINT_BANDS a year's total falls in, by its lower bound (a deduction below
    zero: the lowest)."""
    return max(b for b in POINT_BANDS if total >= b) if total >= 0 else POINT_BANDS[0]


@dataclass(frozen=True, slots=True)
class Drill:
    """Where a figure's records are listed: a register tab under a filter."""

    register: str  # one of REGISTERS
    filter: ListFilter
    points_band: str = ""  # the points register: only the deputies of this band (its key)


@dataclass(frozen=True, slots=True)
class Rate:
    """A share: ``part`` of ``whole``; no percentage while nothing counts."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return None if self.whole == 0 else 100.0 * self.part / self.whole

    def text(self) -> str:
        value = self.percent
        return "—" if value is None else f"{value:.1f}%"


@dataclass(frozen=True, slots=True)
class Count:
    """One labelled count (a state, a category, a month, a band) and the key that drills to it."""

    key: str  # the state, category id, outcome letter, month number, band's lower bound
    label: str
    value: int


@dataclass(frozen=True, slots=True)
class TownshipLine:
    """A township's (or a station's) activity in the year, for the per-township table and chart."""

    id: Id
    name: str
    duty_batches: int
    duty_deputy_times: int
    people_received: int
    visits: int
    cases: int
    cases_referred: int
    replied_on_time: Rate
    satisfied_first: Rate
    activities: int
    stations: int = 1


@dataclass(frozen=True, slots=True)
class TopDeputy:
    id: Id
    name: str
    township: str
    station: str  # the deputy's stations as paper lists them (王五、李四)
    points: str  # a decimal, as the points register prints it
    rank: int
    stations: tuple[str, ...] = ()  # the same, one by one (the screen joins them its own way)


@dataclass(frozen=True, slots=True)
class Figures:
    """Everything counted for one scope and year (``as_of``: the day overdue is judged on)."""

    year: int
    scope: Scope
    as_of: dt.date
    duty_batches: int  # duty days (进站履职活动批次)
    duty_deputy_times: int  # deputies on duty, person-times
    people_received: int
    written_opinions: int  # cases formed on a duty day
    visits: int
    deputies_visited: int  # person-times of deputies visited
    opinions_collected: int  # cases registered (merged duplicates not counted twice)
    opinions_passed_on: int  # cases referred to a department
    cases_by_state: tuple[Count, ...]
    cases_by_category: tuple[Count, ...]
    cases_per_month: tuple[Count, ...]  # twelve, January first
    outcomes: tuple[Count, ...]  # A, B, C, D
    replied_on_time: Rate  # replied by the deadline, of those replied or past their deadline
    satisfied_first: Rate  # satisfied or basically satisfied at the first answer back
    overdue: int  # referred, past the deadline, no reply, on ``as_of``
    activities: int  # deputy activity records
    activity_person_times: int
    points_bands: tuple[Count, ...]  # deputies per band of the year's points
    townships: tuple[TownshipLine, ...]  # the county: per township; a township: per station
    top_deputies: tuple[TopDeputy, ...] = ()
    # False while the points (every deputy's register: rules, caps, disputes) are still to be
    # counted: the dashboard shows the counted figures first, the bands and top deputies after.
    points_counted: bool = True


@dataclass(frozen=True, slots=True)
class MonthCell:
    """One station-month of the completeness matrix."""

    month: int
    state: str  # one of MONTH_STATES
    bundles: int  # bundles received that count for the month
    ledger_printed: bool  # a ledger of the month (or the year) printed at the station


@dataclass(frozen=True, slots=True)
class StationCompleteness:
    station_id: Id
    station: str
    township: str
    site_code: str  # the enrolled site's code; "" when the station is not enrolled
    months: tuple[MonthCell, ...]
    last_bundle: dt.date | None  # the county's day of the last bundle imported from it
    silent_days: int | None  # days since then (since enrolment when nothing came)
    expected: int
    received: int
    on_time: int
    ledgers_printed: int  # months with a ledger printed

    @property
    def reporting_rate(self) -> Rate:
        return Rate(self.received, self.expected)

    @property
    def on_time_rate(self) -> Rate:
        return Rate(self.on_time, self.expected)


@dataclass(frozen=True, slots=True)
class Completeness:
    """Bundles expected and received per station and month (DHIS2's reporting rate)."""

    year: int
    as_of: dt.date
    due_day: int  # a month's bundle is on time when it arrives by this day of the next month
    silent_after: int  # days
    stations: tuple[StationCompleteness, ...]

    @property
    def silent(self) -> tuple[StationCompleteness, ...]:
        return tuple(
            s
            for s in self.stations
            if s.silent_days is not None and s.silent_days > self.silent_after
        )


@dataclass(frozen=True, slots=True)
class AnnualReport:
    """The annual report: county totals, then each township and each station."""

    year: int
    county_name: str
    as_of: dt.date
    county: Figures
    townships: tuple[Figures, ...]
    stations: tuple[Figures, ...]
    completeness: Completeness
    extra: dict = field(default_factory=dict)
    programmes: ProgrammeSet | None = None  # 代表参与重点工作 (None: not counted)


# --- the programmes through deputies (代表参与重点工作) ----------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectFigures:
    """The year's voted livelihood projects (county-wide: a project has no station)."""

    candidates: int  # in the year's pool, whatever became of them
    chosen: int  # chosen by the vote (completed ones included)
    not_chosen: int
    done: int  # carried out and accepted
    budget_fen: int  # the chosen projects' budgets
    satisfaction_votes: int  # year-end satisfaction votes of the year
    satisfaction: float | None  # their average 满意率 (percent, one decimal); None without votes


@dataclass(frozen=True, slots=True)
class FundFigures:
    """The year's special-fund projects (of the scope's stations below the county)."""

    applied: int
    funded: int  # verified, being carried out or accepted
    accepted: int
    requested_fen: int  # every application's request
    approved_fen: int  # approved for the funded projects
    paid_fen: int  # spent on the accepted projects
    total_fen: int | None = None  # the year's fund: the county only
    remaining_fen: int | None = None  # the fund less every funded project's approval


@dataclass(frozen=True, slots=True)
class ProgrammeFigures:
    """The programmes' figures for one scope and year. Projects, drafts and the fund's total are
    county-wide (None below the county); the rest is counted for the scope's stations, and the
    county adds the records tied to no station."""

    year: int
    scope: Scope
    projects: ProjectFigures | None
    fund: FundFigures
    drafts: int | None  # drafts received in the year (county-wide)
    comments: int  # comments gathered in the year
    comments_reported: int
    comments_adopted: int
    contacts: tuple[Count, ...]  # the legislative network by ContactKind
    training_batches: tuple[Count, ...]  # by TrainingLevel
    training_person_times: int  # deputies present
    training_hours: int  # a batch's hours times its deputies present, summed
    legal_officers: tuple[Count, ...]  # officers linked to the scope's stations, by LegalBody
    legal_stations: int  # stations with a legal-service officer linked
    legal_events: tuple[Count, ...]  # by LegalEventKind
    legal_people: int  # people attending the events
    mediations_settled: int
    supervisions: int  # supervision visits to voted or fund projects
    supervision_deputy_times: int
    stories: int  # exemplary stories published in the year
    media_reports: int
    household_signs: int  # deputies (of the scope's stations) whose home carries the sign

    @property
    def training_total(self) -> int:
        return sum(c.value for c in self.training_batches)

    @property
    def legal_event_total(self) -> int:
        return sum(c.value for c in self.legal_events)


@dataclass(frozen=True, slots=True)
class ProgrammeSet:
    """The annual report's programmes: the county's, and each township's and station's."""

    county: ProgrammeFigures
    townships: tuple[ProgrammeFigures, ...]
    stations: tuple[ProgrammeFigures, ...]
