"""The sites this one exchanges bundles with, their keys, and this site's own keys."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import LocalKey, Site, SiteEnrolment, Station
from desktop.domain.enums import SiteRole
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.common import NO_SITE, ServiceError
from desktop.sync.crypto import PublicKeys, SiteKeys

NOT_ENROLLED_HERE = QT_TRANSLATE_NOOP(
    "Service",
    "This site has no keys for bundles yet: a station takes its enrollment file from the county "
    "office first (the Bundles menu).",
)
NO_SUCH_PEER = QT_TRANSLATE_NOOP("Service", "No enrolled site has the code {code}.")
STATION_TO_COUNTY = QT_TRANSLATE_NOOP(
    "Service", "A station or township centre sends its bundles to the county office only."
)


@dataclass(frozen=True)
class Peer:
    """A site bundles go to or come from, as this database knows it."""

    site_id: uuid.UUID
    code: str
    name: str
    role: SiteRole
    public: PublicKeys
    revoked: bool
    # The stations whose records the peer may see and write (None: all, the county office).
    stations: frozenset[uuid.UUID] | None


@dataclass(frozen=True)
class Local:
    site_id: uuid.UUID
    code: str
    name: str
    role: SiteRole
    keys: SiteKeys


def local_site(session: Session, site_id: uuid.UUID | None) -> Local:
    site = session.get(Site, site_id) if site_id else None
    if site is None:
        raise ServiceError(NO_SITE)
    row = session.get(LocalKey, site.id)
    if row is None or row.sign_private is None or row.box_private is None:
        raise ServiceError(NOT_ENROLLED_HERE)
    keys = SiteKeys(row.sign_private, row.sign_public, row.box_private, row.box_public)
    return Local(site.id, site.code, site.name, SiteRole(site.role), keys)


def stations_of(session: Session, e: SiteEnrolment) -> frozenset[uuid.UUID]:
    if e.station_id is not None:
        return frozenset({e.station_id})
    if e.township_id is None:
        return frozenset()
    query = select(Station.id).where(Station.township_id == e.township_id)
    return frozenset(session.scalars(query))


def peers(session: Session, local: Local) -> list[Peer]:
    """At the county, the enrolled sites; elsewhere, the county office."""
    if local.role is SiteRole.COUNTY:
        enrolled = session.scalars(select(SiteEnrolment).order_by(SiteEnrolment.code))
        return [
            Peer(e.site_id, e.code, e.name, SiteRole(e.role),
                 PublicKeys(e.sign_public, e.box_public), e.revoked, stations_of(session, e))
            for e in enrolled
        ]  # fmt: skip
    county = session.scalar(select(Site).where(Site.role == SiteRole.COUNTY.value))
    keys = session.get(LocalKey, county.id) if county else None
    if county is None or keys is None:
        return []
    public = PublicKeys(keys.sign_public, keys.box_public)
    return [Peer(county.id, county.code, county.name, SiteRole.COUNTY, public, False, None)]


def peer(session: Session, local: Local, site_id: uuid.UUID) -> Peer | None:
    return next((p for p in peers(session, local) if p.site_id == site_id), None)


def peer_by_code(session: Session, local: Local, code: str) -> Peer:
    found = next((p for p in peers(session, local) if p.code == code.strip()), None)
    if found is None:
        raise ServiceError(NO_SUCH_PEER, code=code.strip())
    return found
