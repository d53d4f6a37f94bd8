"""Setting a database up for one site, and the reference data a site keeps."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import LOCAL_SITE_KEY, Database
from desktop.db.models import (
    ActivityKind,
    AppSetting,
    Department,
    FeedbackCategory,
    Site,
    Station,
    Township,
)
from desktop.domain import refdata
from desktop.domain.checks import check_site
from desktop.domain.enums import SiteRole
from desktop.domain.records import RefRow, SiteDraft, SiteRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import require_text
from desktop.services.calendar import seed_calendar
from desktop.services.common import ServiceError

# The owner of everything the program itself ships, until the county takes it over.
PROGRAM_SITE_ID = refdata.shipped_id("site", "program")

ALREADY_SET_UP = QT_TRANSLATE_NOOP("Service", "This database already belongs to a site.")


def site_row(site: Site) -> SiteRow:
    return SiteRow(
        site.id, SiteRole(site.role), site.code, site.name, site.township_id, site.station_id
    )


@dataclass(frozen=True)
class EnrolledIds:
    """The ids the county enrolled a site under, and the county that owns its reference rows."""

    site_id: uuid.UUID
    station_id: uuid.UUID | None
    township_id: uuid.UUID | None
    county_site_id: uuid.UUID


def find_or_add_township(
    session: Session,
    name: str,
    code: str = "",
    *,
    township_id: uuid.UUID | None = None,
    owner: uuid.UUID | None = None,
) -> Township:
    """The township by id when one is given (an enrolled site's), else by name; added if absent."""
    if township_id is not None:
        township = session.get(Township, township_id)
    else:
        township = session.scalar(select(Township).where(Township.name == name, ~Township.deleted))
    if township is None:
        township = Township(id=township_id or uuid.uuid4(), code=code or name, name=name)
        township.created_site_id = township.owner_site_id = owner  # None: the writing site
        session.add(township)
        session.flush()  # no ORM relationships: the insert order is ours to keep
    return township


def find_station(session: Session, code: str) -> Station | None:
    return session.scalar(select(Station).where(Station.code == code, ~Station.deleted))


def add_station_row(
    session: Session,
    code: str,
    name: str,
    township_id: uuid.UUID | None,
    *,
    station_id: uuid.UUID | None = None,
    owner: uuid.UUID | None = None,
) -> Station:
    """A new Station reference row (flushed, so that rows pointing at it may follow)."""
    station = Station(id=station_id or uuid.uuid4(), code=code, name=name, township_id=township_id)
    station.created_site_id = station.owner_site_id = owner  # None: the writing site
    session.add(station)
    session.flush()
    return station


class SiteService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def current(self) -> SiteRow | None:
        with self._db.read() as s:
            site_id = self._db.local_site_id(s)
            site = s.get(Site, site_id) if site_id else None
            return site_row(site) if site else None

    def initialise(self, draft: SiteDraft) -> SiteRow:
        """Create the local site (and its township and station) and the shipped reference data."""
        return self._create(check_site(draft), uuid.uuid4())

    def initialise_enrolled(
        self, draft: SiteDraft, ids: EnrolledIds, also: Callable[[Session], None]
    ) -> SiteRow:
        """As ``initialise``, with the ids the county enrolled the site under (its station and
        township rows owned by the county); ``also`` writes in the same transaction (the keys)."""
        return self._create(check_site(draft), ids.site_id, ids, also)

    def _create(
        self,
        draft: SiteDraft,
        site_id: uuid.UUID,
        ids: EnrolledIds | None = None,
        also: Callable[[Session], None] | None = None,
    ) -> SiteRow:
        if self.current() is not None:
            raise ServiceError(ALREADY_SET_UP)
        owner = ids.county_site_id if ids else None
        with self._db.write() as s:
            s.info["site_id"] = site_id
            township = None
            if draft.township_name.strip():
                township = find_or_add_township(
                    s,
                    draft.township_name.strip(),
                    township_id=ids.township_id if ids else None,
                    owner=owner,
                )
            station = None
            if draft.role is SiteRole.STATION:
                station = add_station_row(
                    s,
                    draft.code,
                    draft.name,
                    township.id if township else None,
                    station_id=ids.station_id if ids else None,
                    owner=owner,
                )
            site = Site(
                id=site_id,
                role=draft.role.value,
                code=draft.code,
                name=draft.name,
                township_id=township.id if township else None,
                station_id=station.id if station else None,
            )
            s.add(site)
            seed_shipped(s)
            seed_calendar(s, PROGRAM_SITE_ID)
            if also is not None:
                also(s)
            s.add(AppSetting(key=LOCAL_SITE_KEY, value=str(site_id)))
        self._db.forget_site()
        return site_row(site)


def seed_shipped(session: Session) -> None:
    """Categories and activity kinds with fixed ids (uuid5 of their code), owned by the program."""
    for model, kind, items in (
        (FeedbackCategory, refdata.CATEGORY, refdata.FEEDBACK_CATEGORIES),
        (ActivityKind, refdata.ACTIVITY_KIND, refdata.ACTIVITY_KINDS),
    ):
        for item in items:
            rid = refdata.shipped_id(kind, item.code)
            if session.get(model, rid) is None:
                extra = {"unit": item.unit} if model is ActivityKind else {}
                session.add(
                    model(
                        id=rid,
                        code=item.code,
                        name=item.name,
                        created_site_id=PROGRAM_SITE_ID,
                        owner_site_id=PROGRAM_SITE_ID,
                        **extra,
                    )
                )


class ReferenceService:
    """Pick lists: townships, stations, departments, categories, activity kinds."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _list(self, model: type, parent: str | None = None) -> list[RefRow]:
        with self._db.read() as s:
            items = s.scalars(select(model).where(~model.deleted).order_by(model.code))
            return [
                RefRow(i.id, i.code, i.name, getattr(i, parent) if parent else None) for i in items
            ]

    def townships(self) -> list[RefRow]:
        return self._list(Township)

    def stations(self) -> list[RefRow]:
        return self._list(Station, "township_id")

    def departments(self) -> list[RefRow]:
        return self._list(Department, "township_id")

    def categories(self) -> list[RefRow]:
        return self._list(FeedbackCategory)

    def activity_kinds(self) -> list[RefRow]:
        return self._list(ActivityKind)

    def add_station(self, code: str, name: str, township_name: str = "") -> RefRow:
        code = require_text(code, max_length=32)
        name = require_text(name, max_length=100)
        with self._db.write() as s:
            township = find_or_add_township(s, township_name) if township_name.strip() else None
            station = add_station_row(s, code, name, township.id if township else None)
        return RefRow(station.id, code, name, station.township_id)
