"""The log of ledgers printed (台账打印记录): each print or save noted, and the county's question
"which months has each station printed its monthly ledgers for?"."""

from __future__ import annotations

import datetime as dt
import uuid
from calendar import monthrange
from collections import defaultdict

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import LedgerPrint, Site
from desktop.domain.kinds import LEDGER_KINDS, MONTHLY_LEDGER_KINDS

OUTPUTS = ("print", "pdf", "xlsx")  # to paper, saved as PDF, saved as a workbook


def record_print(
    db: Database,
    station_id: uuid.UUID | None,
    kind: str,
    year: int,
    month: int,
    printed_on: dt.date,
    output: str,
    rows: int,
) -> None:
    """One print noted (``month`` 0: the whole year; ``station_id`` None: every station's).

    Nothing is noted in a database opened read-only, or not yet set up for a site: the paper
    is out all the same, and such a database sends no bundles.
    """
    if kind not in LEDGER_KINDS or output not in OUTPUTS or not 0 <= month <= 12:
        raise ValueError((kind, output, month))  # a caller's mistake, never a clerk's
    if db.read_only or db.local_site_id() is None:
        return
    with db.write() as s:
        s.add(
            LedgerPrint(
                id=uuid.uuid4(),  # drawn here, not by the column default (tests seed uuid4)
                station_id=station_id,
                kind=kind,
                year=year,
                month=month,
                printed_on=printed_on,
                output=output,
                rows=rows,
            )
        )


def months_ended(year: int, day: dt.date) -> range:
    """The months of ``year`` that had ended by ``day`` (a month ends with its last day)."""
    if day.year != year:
        return range(1, 13) if day.year > year else range(0)
    last = day.month if day.day == monthrange(day.year, day.month)[1] else day.month - 1
    return range(1, last + 1)


def printed_months(session: Session, year: int) -> dict[uuid.UUID, frozenset[int]]:
    """Station id -> the months (1-12) of ``year`` its monthly ledgers were printed for, at the
    station itself (by the site of that station, not by the county for it), counting the
    duty-day, visit, feedback and activity ledgers. A month's ledger covers its month; a whole
    year's covers every month that had ended on the day it was printed (all twelve when printed
    in a later year). Stations with no month covered are left out.
    """
    made_there = and_(
        Site.id == LedgerPrint.created_site_id, Site.station_id == LedgerPrint.station_id
    )
    # Per station and month, the latest day printed: for a whole-year ledger (month 0), the
    # latest print covers the most months; for a month's, one print is enough.
    query = (
        select(LedgerPrint.station_id, LedgerPrint.month, func.max(LedgerPrint.printed_on))
        .join(Site, made_there)
        .where(
            LedgerPrint.year == year,
            LedgerPrint.kind.in_(MONTHLY_LEDGER_KINDS),
            ~LedgerPrint.deleted,
        )
        .group_by(LedgerPrint.station_id, LedgerPrint.month)
    )
    months: defaultdict[uuid.UUID, set[int]] = defaultdict(set)
    for station_id, month, latest in session.execute(query):
        if month == 0:
            months[station_id].update(months_ended(year, latest))
        elif 1 <= month <= 12:
            months[station_id].add(month)
    return {station: frozenset(found) for station, found in months.items() if found}
