"""Which records a bundle to one recipient carries: this site's own, changed since the last one.

A station sends the county everything it owns (and the case steps it wrote). The county sends
a station the county's reference data, roster and rules, and of its records tied to a station
(cases and their steps, duty days, visits, activities) only those of the recipient's station:
a station never receives another station's people. The log of ledgers printed goes up only:
the county reads the stations' logs, and a station has no use for the county's.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import Table, false, or_, select
from sqlalchemy.orm import Session

from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.sync import payload as pl

OTHER_STATION = QT_TRANSLATE_NOOP("BundlePlan", "the record is another station's")
COUNTY_ONLY = QT_TRANSLATE_NOOP("BundlePlan", "only the county office keeps such records")

# Tables whose rows hang off a parent tied to a station: (parent column, parent table).
CHILDREN = {
    "duty_day_deputies": ("duty_day_id", "duty_days"),
    "visit_people": ("visit_id", "visits"),
    "case_deputies": ("case_id", "feedback_cases"),
    "case_events": ("case_id", "feedback_cases"),
    "case_attachments": ("case_id", "feedback_cases"),
    "activity_participants": ("activity_id", "activities"),
    "supervision_deputies": ("supervision_id", "supervisions"),
    "training_attendance": ("batch_id", "training_batches"),
}
# Records of no station (a county-wide activity or training) go to every station.
_OPEN_WHEN_NULL = frozenset({
    "activities", "supervisions", "training_batches", "fund_projects", "legislative_contacts",
    "deputy_stories",
})  # fmt: skip
# Tables only the county office writes: the programmes it runs and the people it appoints.
COUNTY_WRITES = frozenset({
    "livelihood_projects", "project_votes", "project_milestones", "project_supervisors",
    "fund_projects", "law_drafts", "legislative_contacts", "legal_officers",
    "legal_officer_stations",
})  # fmt: skip
# Tables the county sends to nobody (its own prints, even of a station's ledger, stay there).
_COUNTY_KEEPS = frozenset({"ledger_prints"})


def _station_clause(table: Table, name: str, stations: Collection[uuid.UUID]) -> Any:
    clause = table.c.station_id.in_(list(stations))
    if name in _OPEN_WHEN_NULL:
        clause = or_(clause, table.c.station_id.is_(None))
    return clause


def scope_clause(name: str, stations: Collection[uuid.UUID] | None) -> Any | None:
    """The recipient's limit on ``name`` (None: every row of the table)."""
    if stations is None:
        return None
    if name in _COUNTY_KEEPS:
        return false()
    table = pl.table(name)
    if "station_id" in table.c and name not in ("sites", "deputy_stations"):
        return _station_clause(table, name, stations)
    if name in CHILDREN:
        column, parent_name = CHILDREN[name]
        parent = pl.table(parent_name)
        parents = select(parent.c.id).where(_station_clause(parent, parent_name, stations))
        return table.c[column].in_(parents)
    return None


def changed_rows(
    session: Session,
    name: str,
    local: uuid.UUID,
    after: int,
    through: int,
    stations: Collection[uuid.UUID] | None,
) -> list[Any]:
    """This site's rows of ``name`` changed in (after, through] that the recipient may see."""
    table = pl.table(name)
    mine = table.c.site_id if name == pl.EVENT_TABLE else table.c.owner_site_id
    query = select(*(table.c[c] for c in pl.CODECS[name].names)).where(
        table.c.change_seq > after, table.c.change_seq <= through, mine == local
    )
    limit = scope_clause(name, stations)
    if limit is not None:
        query = query.where(limit)
    return list(session.execute(query).mappings())


def station_refusal(name: str, row: dict[str, Any], allowed: set[uuid.UUID | None]) -> str:
    """Why a station's bundle may not bring this row ("" if it may): a record of another
    station, or one only the county keeps."""
    if name in COUNTY_WRITES:
        return COUNTY_ONLY
    if "station_id" in row and row["station_id"] not in allowed:
        return OTHER_STATION
    return ""
