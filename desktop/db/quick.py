"""The first screen's rows, read with the standard library alone while SQLAlchemy still loads.

Importing SQLAlchemy and the models costs three times as long as painting the window, so the
roster a clerk sees first is read here with ``sqlite3`` (read-only, the same query and order as
``DeputyService.list``), shown, and replaced by the services' own rows once they are up
(tests/test_quick.py proves the two equal). Anything unexpected (an older schema, a locked or
damaged file) returns None and the window simply waits for the services.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from desktop.db.revision import HEAD
from desktop.domain.enums import DeputyStatus, Gender, RosterStatus
from desktop.domain.records import DeputyRow

_ROSTER = (
    "SELECT id, name, gender, ethnicity, is_county_level, is_township_level, constituency, "
    "phone, workplace, occupation, term, household_sign, status, roster_status, version, "
    "name_keys, owner_site_id, change_seq FROM deputies "
    "WHERE NOT deleted AND roster_status != 'mapped' ORDER BY name_sort, id LIMIT ?"
)
# The first screen: more rows than the tallest screen shows (the services bring the rest).
FIRST_SCREEN = 120
# As services/origins.site_names: the sites table over the enrolments.
_SITES = "SELECT site_id, name FROM site_enrolments UNION ALL SELECT id, name FROM sites"
_STATIONS = (
    "SELECT l.deputy_id, s.id, s.name FROM deputy_stations l "
    "JOIN stations s ON s.id = l.station_id WHERE NOT l.deleted ORDER BY s.code"
)
# Only the stations of the deputies read: a temporary table of their ids, joined.
_STATIONS_OF = (
    "SELECT l.deputy_id, s.id, s.name FROM deputy_stations l "
    "JOIN stations s ON s.id = l.station_id "
    "WHERE NOT l.deleted AND l.deputy_id IN (SELECT value FROM json_each(?)) ORDER BY s.code"
)


_SIGN_IN = "SELECT value FROM app_settings WHERE key = 'sign_in_required'"


def _connect(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(path.resolve().as_posix())}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=0.2)


def roster(path: Path, limit: int | None = None) -> list[DeputyRow] | None:
    """The listed deputies in surname stroke order, as the deputies tab first shows them: all
    of them, or the first ``limit`` (the window asks for FIRST_SCREEN: building two thousand
    rows would cost more than the paint)."""
    try:
        with closing(_connect(path)) as conn:
            if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD,)]:
                return None
            # Where the site requires sign-in, nothing is shown before someone has signed in.
            if conn.execute(_SIGN_IN).fetchall() == [("1",)]:
                return None
            deputies = conn.execute(_ROSTER, (-1 if limit is None else limit,)).fetchall()
            if limit is None:
                linked = conn.execute(_STATIONS)
            else:
                linked = conn.execute(_STATIONS_OF, (json.dumps([r[0] for r in deputies]),))
            stations: dict[str, list[tuple[uuid.UUID, str]]] = {}
            for deputy_id, station_id, name in linked:
                stations.setdefault(deputy_id, []).append((uuid.UUID(station_id), name))
            origins = {uuid.UUID(site_id): name for site_id, name in conn.execute(_SITES)}
            rows = []
            for r in deputies:
                links = stations.get(r[0], ())
                rows.append(
                    DeputyRow(
                        id=uuid.UUID(r[0]),
                        name=r[1],
                        gender=Gender(r[2]) if r[2] else None,
                        ethnicity=r[3],
                        is_county_level=bool(r[4]),
                        is_township_level=bool(r[5]),
                        constituency=r[6],
                        phone=r[7],
                        workplace=r[8],
                        occupation=r[9],
                        term=r[10],
                        household_sign=bool(r[11]),
                        status=DeputyStatus(r[12]),
                        roster_status=RosterStatus(r[13]),
                        station_ids=tuple(x[0] for x in links),
                        station_names=tuple(x[1] for x in links),
                        version=r[14],
                        name_keys=r[15],
                        owner_site_id=uuid.UUID(r[16]),
                        origin=origins.get(uuid.UUID(r[16]), ""),
                        change_seq=r[17],
                    )
                )
            return rows
    except (sqlite3.Error, ValueError, OSError):
        return None
