"""What a travelling record points to: its foreign keys, the case columns that only project its
steps, and the records a step names in its payload (a merge waits for the first kind only); and
which of a bundle's rows a merge takes (the newest copy of each, none hanging off another
station's record)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from desktop.domain.workflow import CaseAction
from desktop.services.bundle_scope import CHILDREN
from desktop.sync import payload as pl

EVENTS, CASES = pl.EVENT_TABLE, "feedback_cases"


def foreign_keys(table: Table) -> list[tuple[str, str]]:
    """(column, table it points to) of ``table``'s foreign keys."""
    return [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys]


# A case's projected columns that point to other records. The refold fills them, and leaves
# them empty while what they point to is not here (a department still on its way; at a station,
# another station's case its own was merged into, which never comes): a case never waits for
# its projection, and an arriving bundle never breaks a foreign key.
PROJECTED_KEYS = frozenset(
    column for column, _ in foreign_keys(pl.table(CASES)) if column in pl.CASE_PROJECTION
)
# The steps that name such a record in their payload: (event kind, payload key) per table.
NAMED_BY = {
    "departments": (CaseAction.REFER.value, "department_id"),
    CASES: (CaseAction.MERGE.value, "into_case_id"),
}


def waits_for(name: str) -> list[tuple[str, str]]:
    """The foreign keys a row of ``name`` waits for (a case's projection never waits)."""
    keys = foreign_keys(pl.table(name))
    if name == CASES:
        keys = [(column, target) for column, target in keys if column not in PROJECTED_KEYS]
    return keys


# The same steps' lists that name such records beside the one above (a referral's co-handlers).
LISTED_BY = {"departments": "co_department_ids"}


def cases_naming(
    session: Session, name: str, ids: set[uuid.UUID], *, listed_too: bool = False
) -> set[uuid.UUID]:
    """Cases with a step naming one of ``ids``, records of ``name`` (that just arrived: their
    projection is folded again now that what it points to is here). ``listed_too``: named in
    the step's list as well (a department a case went to as a co-handler: it must stay)."""
    if name not in NAMED_BY or not ids:
        return set()
    kind, key = NAMED_BY[name]
    wanted = {str(i) for i in ids}
    events = pl.table(EVENTS)
    query = select(events.c.case_id, events.c.payload).where(events.c.kind == kind)
    also = LISTED_BY.get(name, "") if listed_too else ""
    return {case_id for case_id, text in session.execute(query) if _named(text, key, also) & wanted}


def _named(text: str | None, key: str, listed: str = "") -> set[str]:
    """The ids a step's payload names under ``key`` (and in its list ``listed``)."""
    try:
        payload = json.loads(text or "{}")
    except ValueError:
        return set()
    if not isinstance(payload, dict):
        return set()
    values = [payload.get(key)]
    if listed and isinstance(payload.get(listed), list):
        values += payload[listed]
    return {v for v in values if isinstance(v, str)}


def outside_stations(
    session: Session, name: str, rows: list[pl.Row], allowed: set[uuid.UUID | None]
) -> set[uuid.UUID]:
    """Ids of ``rows`` (of a table in CHILDREN) whose parent is not of an ``allowed`` station."""
    column, parent_name = CHILDREN[name]
    parent = pl.table(parent_name)
    ids = list({r[column] for r in rows})
    station_of: dict[uuid.UUID, Any] = {}
    for start in range(0, len(ids), 500):
        query = select(parent.c.id, parent.c.station_id).where(
            parent.c.id.in_(ids[start : start + 500])
        )
        station_of.update(session.execute(query).all())
    return {r["id"] for r in rows if station_of.get(r[column]) not in allowed}


def newest_per_id(rows: list[pl.Row]) -> list[pl.Row]:
    """One row per record: the highest version a bundle carries."""
    newest: dict[uuid.UUID, pl.Row] = {}
    for row in rows:
        known = newest.get(row["id"])
        if known is None or row["version"] > known["version"]:
            newest[row["id"]] = row
    return list(newest.values())


def parents_first(name: str, rows: list[pl.Row], keys: list[tuple[str, str]]) -> list[pl.Row]:
    """Rows ordered so that one pointing to another of the same table comes after it."""
    inner = [col for col, target in keys if target == name]
    if not inner:
        return rows
    ids = {r["id"] for r in rows}
    placed: set[uuid.UUID] = set()
    out: list[pl.Row] = []
    pending = rows
    while pending:
        later = []
        for row in pending:
            if all(row[c] is None or row[c] not in ids or row[c] in placed for c in inner):
                out.append(row)
                placed.add(row["id"])
            else:
                later.append(row)
        if len(later) == len(pending):  # a cycle cannot come from one owner's edits
            out.extend(later)
            break
        pending = later
    return out


def existing(
    session: Session, name: str, ids: Sequence[uuid.UUID], cols: Sequence[str]
) -> dict[uuid.UUID, Any]:
    """The rows of ``name`` here among ``ids`` (id -> the ``cols`` asked for)."""
    table = pl.table(name)
    found: dict[uuid.UUID, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(*(table.c[c] for c in cols)).where(table.c.id.in_(chunk))
        for row in session.execute(query).mappings():
            found[row["id"]] = row
    return found


def field_of(name: str, plain: str, column: str) -> Any:
    """One column of a row kept as ``plain_row`` text."""
    return json.loads(plain)[pl.CODECS[name].names.index(column)]


def guessed_id(name: str, values: Any) -> str:
    """The record id of a row that failed its checks, if it can be read (for the plan)."""
    at = pl.CODECS[name].names.index("id")
    if isinstance(values, list) and len(values) > at and isinstance(values[at], str):
        return values[at][:36]
    return ""


def take_over_links(s: Session, here: uuid.UUID, name: str, fresh: list[pl.Row]) -> None:
    """A station's link of a deputy the county has taken over (confirmed or mapped: see
    DeputyService._take_over), arriving only now, is the county's too, one version on: else
    a later change the county makes to it would never travel (only the owner's do)."""
    if name != "deputy_stations" or not fresh:
        return
    deputies = pl.table("deputies")
    ids = list({r["deputy_id"] for r in fresh})
    taken = {
        (deputy_id, made_by)
        for deputy_id, made_by in s.execute(
            select(deputies.c.id, deputies.c.created_site_id).where(
                deputies.c.id.in_(ids), deputies.c.owner_site_id == here
            )
        )
    }
    for row in fresh:
        if (row["deputy_id"], row["owner_site_id"]) in taken:
            row["owner_site_id"], row["version"] = here, row["version"] + 1
