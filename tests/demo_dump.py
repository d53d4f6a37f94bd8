"""Looking inside a demo database for tests/test_demo.py: every row as text, and each case's
events in causal order as the workflow's facts."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from desktop.db.base import Base
from desktop.db.models import CaseEvent, DeputyStation
from desktop.domain.workflow import CaseAction, EventFact
from desktop.services import Services
from desktop.services.feedback import causal_order


def dump(services: Services) -> dict[str, list[str]]:
    """Every table's rows as sorted text, with the ids SiteService.initialise draws at random
    (uuid4: the site's, and at the station scale its station's and township's) replaced."""
    site = services.site.current()
    assert site is not None
    local = {"SITE": site.id, "TOWNSHIP": site.township_id, "STATION": site.station_id}
    if site.station_id:  # links to that station derive their ids from its random id
        with services.db.read() as s:
            query = select(DeputyStation).where(DeputyStation.station_id == site.station_id)
            local.update({f"LINK-{x.deputy_id.hex}": x.id for x in s.scalars(query)})
    out = {}
    with services.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = []
            for row in conn.exec_driver_sql(f"SELECT * FROM {table.name}"):
                text = repr(tuple(row))
                for token, value in local.items():
                    if value is not None:
                        text = text.replace(value.hex, token).replace(str(value), token)
                rows.append(text)
            out[table.name] = sorted(rows)
    return out


def chains(services: Services) -> dict[uuid.UUID, list[CaseEvent]]:
    with services.db.read() as s:
        events: dict[uuid.UUID, list[CaseEvent]] = {}
        for e in s.scalars(select(CaseEvent)):
            events.setdefault(e.case_id, []).append(e)
    return {case_id: causal_order(found) for case_id, found in events.items()}


def as_fact(e: CaseEvent) -> EventFact:
    previous = str(e.previous_id) if e.previous_id else None
    return EventFact(str(e.id), previous, CaseAction(e.kind), json.loads(e.payload), str(e.site_id))
