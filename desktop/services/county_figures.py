"""The county office's figures: a year's tallies summed for a scope, the drill-down to the
records behind each figure, and the annual report (county, every township, every station)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.db.engine import Database
from desktop.db.models import (
    ChangeCounter,
    DeputyStation,
    DutyDay,
    FeedbackCase,
    FeedbackCategory,
    Station,
    Township,
)
from desktop.domain.enums import VisitKind
from desktop.domain.figures import (
    REPORT_FORMATS,
    AnnualReport,
    Drill,
    Figures,
    Scope,
    month_end,
)
from desktop.domain.records import ListFilter
from desktop.domain.tables import (
    Cancelled,
    CancelledFn,
    ProgressFn,
    never_cancelled,
    no_progress,
)
from desktop.services.common import collector_paused
from desktop.services.county_sums import DeputyPoints, Places, build_figures
from desktop.services.county_tally import count_year
from desktop.services.register_sheets import Label, english


class CountyFigures:
    """Built on first use by Services.county."""

    def __init__(self, services: Any, today: Callable[[], dt.date]) -> None:
        self._s = services
        self._db: Database = services.db
        self._today = today
        self._kept: tuple | None = None  # (key, tallies, places, category names, points)

    # --- what can be asked ------------------------------------------------------------------

    def years(self) -> list[int]:
        """Years with duty days or cases, newest first (this year when there are none)."""
        with self._db.read() as s:
            found = set()
            for column in (DutyDay.day, FeedbackCase.received_date):
                low, high = s.execute(select(func.min(column), func.max(column))).one()
                if low and high:
                    found.update(range(low.year, high.year + 1))
        return sorted(found or {self._today().year}, reverse=True)

    def scopes(self) -> list[Scope]:
        """The county, then each township, then each station (by township, by code)."""
        with self._db.read() as s:
            towns = s.execute(
                select(Township.id, Township.name).where(~Township.deleted).order_by(Township.code)
            ).all()
            stations = s.execute(
                select(Station.id, Station.name)
                .outerjoin(Township, Township.id == Station.township_id)
                .where(~Station.deleted)
                .order_by(Township.code, Station.code)
            ).all()
        site = self._s.site.current()
        county = Scope("county", None, site.name if site else "")
        return [
            county,
            *(Scope("township", tid, name) for tid, name in towns),
            *(Scope("station", sid, name) for sid, name in stations),
        ]

    # --- figures ----------------------------------------------------------------------------

    def figures(
        self,
        year: int,
        scope: Scope | None = None,
        *,
        as_of: dt.date | None = None,
        label: Label = english,
        with_points: bool = True,
        use_cache: bool = True,
    ) -> Figures:
        """A scope's figures. The year's count is kept until any record changes, so choosing
        another township or station sums the same count again (a prefecture's year: ~1 s)."""
        as_of = as_of or self._today()
        with collector_paused():
            counted = self._counted(year, as_of, with_points, use_cache)
            return build_figures(year, scope or Scope(), as_of, *counted, label)

    def _counted(self, year: int, as_of: dt.date, with_points: bool, use_cache: bool) -> tuple:
        with self._db.read() as s:
            key = (year, as_of, s.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)))
            kept = self._kept if use_cache and self._kept and self._kept[0] == key else None
            if kept is None:
                tallies = count_year(s, year, as_of)
                places = Places.read(s)
                names = dict(s.execute(select(FeedbackCategory.id, FeedbackCategory.name)).all())
                kept = (key, tallies, places, names, None)
        if with_points and kept[4] is None:
            kept = (*kept[:4], self._points(year, kept[2]))
        self._kept = kept  # one year at a time: replaced, never grown
        return (*kept[1:4], kept[4] if with_points else None)

    def annual_report(
        self, year: int, *, as_of: dt.date | None = None, label: Label = english, **options: Any
    ) -> AnnualReport:
        """The county, every township and every station, from one count of the year (and the
        programmes' figures, 代表参与重点工作, from one count of theirs)."""
        as_of = as_of or self._today()
        counted = self._counted(year, as_of, True, True)
        scopes = self.scopes()

        def build(scope: Scope) -> Figures:
            return build_figures(year, scope, as_of, *counted, label)

        county = build(scopes[0])
        completeness = self._s.county_completeness.completeness(year, as_of=as_of, **options)
        return AnnualReport(
            year=year,
            county_name=county.scope.name,
            as_of=as_of,
            county=county,
            townships=tuple(build(x) for x in scopes if x.kind == "township"),
            stations=tuple(build(x) for x in scopes if x.kind == "station"),
            completeness=completeness,
            programmes=self._s.programme_report.programme_set(
                year, scopes, as_of=as_of, label=label
            ),
        )

    def write_report(
        self,
        year: int,
        target: Path,
        fmt: str,
        label: Label = english,
        *,
        as_of: dt.date | None = None,
        progress: ProgressFn = no_progress,
        is_cancelled: CancelledFn = never_cancelled,
    ) -> int:
        """The annual report as ``fmt`` (json, pdf or xlsx) in ``target``: for a PDF its pages,
        for a workbook or JSON its stations, recorded in the audit log once the file is there.
        reportlab and openpyxl load only now."""
        if fmt not in REPORT_FORMATS.values():
            raise ValueError(fmt)
        progress(0, 2, "")
        report = self.annual_report(year, as_of=as_of, label=label)
        if is_cancelled():
            raise Cancelled()
        progress(1, 2, "")
        if fmt == "json":
            from desktop.formats.report_json import write_report_json

            done = write_report_json(report, target)
        elif fmt == "pdf":
            from desktop.formats.report_pdf import render_report

            done = _pages(render_report(report, target))
        else:
            from desktop.formats.report_xlsx import write_report_xlsx

            write_report_xlsx(report, target)
            done = len(report.stations)
        from desktop.services.audit import record_report

        record_report(self._s.audit, year, target, fmt, done)
        progress(2, 2, "")
        return done

    def _points(self, year: int, places: Places) -> DeputyPoints:
        """Every deputy's register for the year with the stations the deputy belongs to."""
        ranked = self._s.points.registers(year)
        with self._db.read() as s:
            links: dict[uuid.UUID, set[uuid.UUID]] = {}
            for deputy, station in s.execute(
                select(DeputyStation.deputy_id, DeputyStation.station_id).where(
                    ~DeputyStation.deleted
                )
            ):
                links.setdefault(deputy, set()).add(station)
        return DeputyPoints(
            [(r, links.get(uuid.UUID(hex=r.register.deputy_id), set())) for r in ranked]
        )

    # --- the records behind a figure ----------------------------------------------------------

    def drill(
        self, year: int, scope: Scope, figure: str, key: str = "", as_of: dt.date | None = None
    ) -> Drill:
        """The register and filter that list a figure's records (``key``: a bar's key)."""
        flt = scope.list_filter(year, as_of or self._today())
        if figure in ("duty_batches", "duty_deputy_times", "people_received"):
            return Drill("duty_days", flt)
        if figure == "visits":
            return Drill("visits", flt)
        if figure == "deputies_visited":
            return Drill("visits", replace(flt, kind=VisitKind.OFFICIAL_TO_DEPUTIES.value))
        if figure in ("activities", "activity_person_times"):
            return Drill("activities", flt)
        if figure == "points_bands":
            return Drill("points", flt, points_band=key)
        if figure == "top_deputies":
            return Drill("points", flt)
        cases = replace(flt, main_only=True)  # as counted: a merged duplicate is its main case
        return Drill("feedback", _case_filter(cases, figure, key, year))


def _case_filter(flt: ListFilter, figure: str, key: str, year: int) -> ListFilter:
    if figure == "cases_by_state":
        return replace(flt, kind=key)
    if figure == "cases_by_category":
        return replace(flt, category_id=uuid.UUID(hex=key) if key else None, category_none=not key)
    if figure == "cases_per_month":
        month = int(key)
        last = month_end(year, month)
        return replace(flt, date_from=dt.date(year, month, 1), date_to=min(last, flt.date_to))
    if figure == "outcomes":
        return replace(flt, outcome=key)
    flags = {
        "written_opinions": "written_opinion",
        "opinions_passed_on": "passed_on",
        "replied_on_time": "replied_on_time",
        "satisfied_first": "satisfied_first",
        "overdue": "overdue",
    }
    return replace(flt, flag=flags.get(figure))


def _pages(pdf: bytes) -> int:
    """The pages of the PDF just written, as a reader counts them."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()
