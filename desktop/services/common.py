"""What every service shares: errors, link tables with merge-safe ids, keyset paging."""

from __future__ import annotations

import contextlib
import gc
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop.db.base import Tracked
from desktop.db.models import Deputy
from desktop.db.search import like_ci
from desktop.domain.errors import ServiceError
from desktop.domain.tr import QT_TRANSLATE_NOOP

__all__ = ["ServiceError"]

PAGE_SIZE = 200
TrackedT = TypeVar("TrackedT", bound=Tracked)
LINK_NAMESPACE = uuid.UUID("0b6f4f4e-54a4-5e0b-8a55-6a8f6b7b1c2d")


NOT_FOUND = QT_TRANSLATE_NOOP("Service", "The record no longer exists; it may have been deleted.")
STALE = QT_TRANSLATE_NOOP(
    "Service", "Someone changed this record after you opened it. Reopen it and try again."
)
NOT_OWNER = QT_TRANSLATE_NOOP(
    "Service", "This record belongs to another site and can only be changed there."
)
NO_SITE = QT_TRANSLATE_NOOP("Service", "This database has not been set up for a site yet.")


def link_id(*parts: uuid.UUID | str) -> uuid.UUID:
    """The same link made at two sites gets the same id, so bundles merge instead of doubling."""
    return uuid.uuid5(LINK_NAMESPACE, "/".join(str(p) for p in parts))


def load_for_edit(
    session: Session, model: type[TrackedT], record_id: uuid.UUID, version: int | None
) -> TrackedT:
    obj = session.get(model, record_id)
    if obj is None or obj.deleted:
        raise ServiceError(NOT_FOUND)
    if obj.owner_site_id != session.info["site_id"]:
        raise ServiceError(NOT_OWNER)
    if version is not None and obj.version != version:
        raise ServiceError(STALE)
    return obj


def not_owned(db: Any, model: type[Tracked], ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Those of ``ids`` this site may not change (another site owns them)."""
    found: set[uuid.UUID] = set()
    with db.read() as s:
        site = db.local_site_id(s)
        for i in range(0, len(ids), 500):
            query = select(model.id).where(
                model.id.in_(ids[i : i + 500]), model.owner_site_id != site
            )
            found.update(s.scalars(query))
    return found


def new_link(
    parent_col: str,
    parent_id: uuid.UUID,
    child_col: str,
    child_id: uuid.UUID,
    extra: dict[str, Any],
    discriminator: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """The columns of a new link row, its id made from what it links (see link_id)."""
    parts: list[uuid.UUID | str] = [parent_id, child_id]
    values = {parent_col: parent_id, child_col: child_id, **extra}
    if discriminator:
        parts.append(discriminator[1])
        values[discriminator[0]] = discriminator[1]
    return {"id": link_id(*parts), **values}


def sync_links(
    session: Session,
    model: type[Tracked],
    parent_col: str,
    parent_id: uuid.UUID,
    child_col: str,
    wanted: dict[uuid.UUID, dict[str, Any]],
    *,
    discriminator: tuple[str, str] | None = None,
) -> None:
    """Make the live links of one parent exactly ``wanted`` (child id -> extra columns).

    Links are tombstoned and revived, never hard-deleted, so a removal travels in bundles.
    """
    query = select(model).where(getattr(model, parent_col) == parent_id)
    if discriminator:
        query = query.where(getattr(model, discriminator[0]) == discriminator[1])
    existing = {getattr(link, child_col): link for link in session.scalars(query)}
    for child_id, link in existing.items():
        if child_id not in wanted and not link.deleted:
            link.deleted = True
    for child_id, extra in wanted.items():
        link = existing.get(child_id)
        if link is None:
            values = new_link(parent_col, parent_id, child_col, child_id, extra, discriminator)
            session.add(model(**values))
            continue
        if link.deleted:
            link.deleted = False
        for key, value in extra.items():
            if getattr(link, key) != value:
                setattr(link, key, value)


def linked_deputies(
    session: Session,
    model: type[Tracked],
    parent_col: str,
    parent_ids: Sequence[uuid.UUID],
    *,
    where: Any = None,
) -> dict[uuid.UUID, list[tuple[uuid.UUID, str]]]:
    """Parent id -> [(deputy id, name)] for a page of parents, in one query."""
    if not parent_ids:
        return {}
    parent = getattr(model, parent_col)
    query = (
        select(parent, Deputy.id, Deputy.name)
        .join(Deputy, Deputy.id == model.deputy_id)  # type: ignore[attr-defined]
        .where(parent.in_(parent_ids), model.deleted.is_(False))
    )
    if where is not None:
        query = query.where(where)
    # The link's own unique index order, stated: PostgreSQL would otherwise join in any order.
    query = query.order_by(parent, model.deputy_id)  # type: ignore[attr-defined]
    out: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for pid, did, name in session.execute(query):
        out[pid].append((did, name))
    return out


def after_key(query: Select, date_col: Any, id_col: Any, after: tuple | None) -> Select:
    """Newest first, paged by (date, id) key rather than OFFSET, so deep pages stay fast."""
    if after is not None:
        # A row-value comparison lets SQLite seek straight to the key (an OR of the two
        # parts made it walk from the newest row: 86 ms for a page deep in a million cases).
        query = query.where(tuple_(date_col, id_col) < tuple_(*after))
    return query.order_by(date_col.desc(), id_col.desc())


def text_match(text: str, columns: Sequence[Any], link: tuple[Any, Any, Any] | None = None) -> Any:
    """Any text column contains ``text``, or (through ``link`` = (link model, its parent
    column, the record's id column)) a linked deputy's name or pinyin does: typing ``zxm``
    finds the duty days 张晓明 was on."""
    pattern = like_pattern(text)
    clauses = [like_ci(column, pattern) for column in columns]
    if link is not None:
        link_model, parent_col, record_id = link
        keys = like_pattern(text.lower())
        deputies = select(Deputy.id).where(
            or_(like_ci(Deputy.name, pattern), like_ci(Deputy.name_keys, keys))
        )
        clauses.append(
            record_id.in_(
                select(parent_col).where(link_model.deputy_id.in_(deputies), ~link_model.deleted)
            )
        )
    return or_(*clauses)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a count builds tens of thousands of objects
    (a prefecture's points registers): with a large heap kept, its passes took half the time.
    Reference counting still frees everything; the collector runs again after the last holder,
    from whichever thread (the count runs beside the window's thread)."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()
