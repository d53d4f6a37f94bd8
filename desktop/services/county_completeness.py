"""Which stations report: bundles expected and received per station and month (DHIS2's
reporting rate, for USB bundles), silent stations, and the months whose ledgers were printed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop.db.bookkeeping import BundleReceived
from desktop.db.engine import Database
from desktop.db.models import SiteEnrolment, Station, Township
from desktop.domain.enums import SiteRole
from desktop.domain.figures import Completeness, MonthCell, StationCompleteness, month_end

DUE_DAY = 10  # a month's bundle is on time when the county has it by the 10th of the next month
SILENT_AFTER = 45  # days without a bundle before a station is listed as silent


def due_date(year: int, month: int, due_day: int) -> dt.date:
    return month_end(year, month) + dt.timedelta(days=due_day)


def bundle_month(written_at: str, imported: dt.date) -> tuple[int, int]:
    """The month a bundle reports: the station's day of writing it (its clock is only shown
    and compared with nothing else), else the county's day of importing it."""
    try:
        day = dt.date.fromisoformat(written_at[:10])
    except ValueError:
        day = imported
    return day.year, day.month


class CountyCompleteness:
    def __init__(self, db: Database, today: Callable[[], dt.date]) -> None:
        self._db = db
        self._today = today

    def completeness(
        self,
        year: int,
        *,
        as_of: dt.date | None = None,
        due_day: int = DUE_DAY,
        silent_after: int = SILENT_AFTER,
        township_id: uuid.UUID | None = None,
    ) -> Completeness:
        from desktop.services.ledger_log import printed_months

        as_of = as_of or self._today()
        with self._db.read() as s:
            enrolled = s.execute(
                select(
                    SiteEnrolment.site_id,
                    SiteEnrolment.code,
                    SiteEnrolment.station_id,
                    SiteEnrolment.enrolled_at,
                    Station.name.label("station"),
                    Township.name.label("township"),
                    Station.township_id,
                )
                .join(Station, Station.id == SiteEnrolment.station_id)
                .outerjoin(Township, Township.id == Station.township_id)
                .where(SiteEnrolment.role == SiteRole.STATION.value)
                .order_by(Township.code, Station.code)
            ).all()
            received: dict[uuid.UUID, list[tuple[str, dt.datetime]]] = defaultdict(list)
            for sender, written, imported in s.execute(
                select(
                    BundleReceived.sender_id, BundleReceived.written_at, BundleReceived.imported_at
                )
            ):
                received[sender].append((written, imported))
            printed = printed_months(s, year)
        stations = []
        for row in enrolled:
            if township_id is not None and row.township_id != township_id:
                continue
            arrived = [(w, i) for w, i in received.get(row.site_id, []) if i.date() <= as_of]
            months = printed.get(row.station_id, frozenset())
            stations.append(_station(year, as_of, due_day, row, arrived, months))
        return Completeness(year, as_of, due_day, silent_after, tuple(stations))


def _station(
    year: int,
    as_of: dt.date,
    due_day: int,
    row: Any,  # an enrolled station: site_id, code, station_id, enrolled_at, names
    bundles: list[tuple[str, dt.datetime]],
    printed: frozenset[int],
) -> StationCompleteness:
    enrolled = row.enrolled_at.date()
    first_in: dict[int, dt.date] = {}  # month -> the first day one of its bundles arrived
    counts: dict[int, int] = defaultdict(int)
    last = None
    for written, imported_at in bundles:
        imported = imported_at.date()
        last = imported if last is None or imported > last else last
        y, m = bundle_month(written, imported)
        if y == year:
            counts[m] += 1
            first_in[m] = min(first_in.get(m, imported), imported)
    months = []
    for m in range(1, 13):
        if month_end(year, m) < enrolled:
            state = "not_expected"
        elif m in first_in:
            state = "on_time" if first_in[m] <= due_date(year, m, due_day) else "late"
        elif as_of <= due_date(year, m, due_day):
            state = "not_due"
        else:
            state = "missing"
        months.append(MonthCell(m, state, counts.get(m, 0), m in printed))
    expected = sum(1 for c in months if c.state in ("on_time", "late", "missing"))
    since = last or enrolled
    return StationCompleteness(
        station_id=row.station_id,
        station=row.station,
        township=row.township or "",
        site_code=row.code,
        months=tuple(months),
        last_bundle=last,
        silent_days=max(0, (as_of - since).days),
        expected=expected,
        received=sum(1 for c in months if c.state in ("on_time", "late")),
        on_time=sum(1 for c in months if c.state == "on_time"),
        ledgers_printed=sum(1 for c in months if c.ledger_printed),
    )
