"""Enrollment: the county registers sites and hands out their keys; a site takes its file."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.base import utcnow
from desktop.db.engine import Database
from desktop.db.models import LocalKey, Site, SiteEnrolment, Township
from desktop.domain.checks import check_site
from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft, SiteRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.common import NO_SITE, ServiceError
from desktop.services.site import (
    EnrolledIds,
    SiteService,
    add_station_row,
    find_or_add_township,
    find_station,
    site_row,
)
from desktop.sync import crypto
from desktop.sync.crypto import PublicKeys, SiteKeys

COUNTY_ONLY = QT_TRANSLATE_NOOP(
    "Service", "Only the county office enrolls sites and keeps the county's keys."
)
ALREADY_ENROLLED = QT_TRANSLATE_NOOP(
    "Service",
    "{code} is already enrolled. To give it a new enrollment file, revoke its keys and "
    "re-enroll it.",
)
REVOKED_REENROLL = QT_TRANSLATE_NOOP(
    "Service", "The keys of {code} were revoked. Re-enroll it to give it new keys."
)
NOT_ENROLLED = QT_TRANSLATE_NOOP("Service", "No site with the code {code} is enrolled.")
REVOKE_FIRST = QT_TRANSLATE_NOOP(
    "Service", "{code} still has valid keys. Revoke its keys before re-enrolling it."
)
OTHER_TOWNSHIP = QT_TRANSLATE_NOOP(
    "Service", "The station {code} belongs to another township ({township})."
)
OTHER_SITE = QT_TRANSLATE_NOOP(
    "Service",
    "This database belongs to another site; the enrollment file is for {code} {name}. "
    "Choose the right file or database.",
)
OTHER_COUNTY = QT_TRANSLATE_NOOP(
    "Service", "This enrollment file comes from another county office. Nothing was changed."
)
NOT_NEWER = QT_TRANSLATE_NOOP(
    "Service",
    "This enrollment file is older than the keys this database already has. Ask the county "
    "office for the newest file.",
)
OTHER_ESCROW = QT_TRANSLATE_NOOP(
    "Service", "This key escrow file belongs to another county office. Nothing was changed."
)


@dataclass(frozen=True, slots=True)
class EnrolmentRow:
    """A site the county enrolled, for a list."""

    site_id: uuid.UUID
    code: str
    name: str
    role: SiteRole
    township: str
    key_generation: int
    revoked: bool
    fingerprint: str
    enrolled_at: dt.datetime


def _keys(row: LocalKey) -> SiteKeys:
    assert row.sign_private is not None and row.box_private is not None
    return SiteKeys(row.sign_private, row.sign_public, row.box_private, row.box_public)


def _store_keys(
    s: Session, site_id: uuid.UUID, keys: SiteKeys | PublicKeys, generation: int = 1
) -> None:
    """Put (or replace) a site's keys; only a SiteKeys brings private halves."""
    row = s.get(LocalKey, site_id) or LocalKey(site_id=site_id)
    row.sign_public, row.box_public = keys.sign_public, keys.box_public
    row.sign_private = keys.sign_private if isinstance(keys, SiteKeys) else None
    row.box_private = keys.box_private if isinstance(keys, SiteKeys) else None
    row.key_generation, row.stored_at = generation, utcnow()
    s.add(row)


def _row(e: SiteEnrolment) -> EnrolmentRow:
    fingerprint = PublicKeys(e.sign_public, e.box_public).fingerprint()
    return EnrolmentRow(
        e.site_id, e.code, e.name, SiteRole(e.role), e.township_name, e.key_generation,
        e.revoked, fingerprint, e.enrolled_at,
    )  # fmt: skip


class EnrolmentService:
    def __init__(self, db: Database, site: SiteService) -> None:
        self._db = db
        self._site = site

    # --- the county office ------------------------------------------------------------------

    def _county(self) -> SiteRow:
        current = self._site.current()
        if current is None:
            raise ServiceError(NO_SITE)
        if current.role is not SiteRole.COUNTY:
            raise ServiceError(COUNTY_ONLY)
        return current

    def _county_keys(self, s: Session, county_id: uuid.UUID) -> SiteKeys:
        row = s.get(LocalKey, county_id)
        if row is None:  # generated on first use: a county set up before enrollment existed
            keys = SiteKeys.generate()
            _store_keys(s, county_id, keys)
            return keys
        return _keys(row)

    def county_keys(self) -> SiteKeys:
        """The county office's own key pairs (generated and stored on first use)."""
        county = self._county()
        with self._db.write() as s:
            return self._county_keys(s, county.id)

    def _enrollment_file(
        self,
        s: Session,
        county: SiteRow,
        e: SiteEnrolment,
        keys: SiteKeys,
        passphrase: str,
        today: dt.date,
    ) -> bytes:
        enrollment = crypto.Enrollment(
            site_id=e.site_id, code=e.code, name=e.name, role=SiteRole(e.role),
            township_name=e.township_name, county_site_id=county.id, county_code=county.code,
            county_name=county.name, county_public=self._county_keys(s, county.id).public(),
            site_keys=keys, issued_on=today, key_generation=e.key_generation,
            station_id=e.station_id, township_id=e.township_id,
        )  # fmt: skip
        # Inside the caller's transaction: a weak passphrase leaves nothing enrolled.
        return crypto.enrollment_file(enrollment, passphrase)

    def _enrolment(self, s: Session, code: str) -> SiteEnrolment:
        found = s.scalar(select(SiteEnrolment).where(SiteEnrolment.code == code.strip()))
        if found is None:
            raise ServiceError(NOT_ENROLLED, code=code.strip())
        return found

    def enroll_site(
        self,
        code: str,
        name: str,
        role: SiteRole,
        township_name: str,
        passphrase: str,
        today: dt.date,
    ) -> bytes:
        """Register a station or township centre and return its enrollment file."""
        county = self._county()
        if role not in (SiteRole.STATION, SiteRole.TOWNSHIP):
            raise ValueError(f"only a station or a township centre is enrolled, not {role!r}")
        draft = check_site(SiteDraft(role, code.strip(), name.strip(), township_name.strip()))
        with self._db.write() as s:
            known = s.scalar(select(SiteEnrolment).where(SiteEnrolment.code == draft.code))
            if known is not None:
                refusal = REVOKED_REENROLL if known.revoked else ALREADY_ENROLLED
                raise ServiceError(refusal, code=draft.code)
            township = find_or_add_township(s, draft.township_name)
            station_id, site_name = None, draft.name
            if role is SiteRole.STATION:
                # The county's reference row is the truth: an existing station keeps its name.
                station = find_station(s, draft.code) or add_station_row(
                    s, draft.code, draft.name, township.id
                )
                if station.township_id is None:
                    station.township_id = township.id
                elif station.township_id != township.id:
                    other = s.get(Township, station.township_id)
                    where = other.name if other else ""
                    raise ServiceError(OTHER_TOWNSHIP, code=draft.code, township=where)
                station_id, site_name = station.id, station.name
            keys = SiteKeys.generate()
            enrolment = SiteEnrolment(
                site_id=uuid.uuid4(), role=role.value, code=draft.code, name=site_name,
                township_name=township.name, station_id=station_id, township_id=township.id,
                sign_public=keys.sign_public, box_public=keys.box_public, key_generation=1,
                revoked=False, enrolled_at=utcnow(),
            )  # fmt: skip
            s.add(enrolment)
            return self._enrollment_file(s, county, enrolment, keys, passphrase, today)

    def revoke(self, code: str) -> None:
        """The site's keys are no longer trusted (its bundles will be refused) until re-enrolled."""
        self._county()
        with self._db.write() as s:
            self._enrolment(s, code).revoked = True

    def reenroll(self, code: str, passphrase: str, today: dt.date) -> bytes:
        """A revoked site's new enrollment file: same ids, new keys, the next key generation."""
        county = self._county()
        with self._db.write() as s:
            enrolment = self._enrolment(s, code)
            if not enrolment.revoked:
                raise ServiceError(REVOKE_FIRST, code=enrolment.code)
            keys = SiteKeys.generate()
            enrolment.sign_public, enrolment.box_public = keys.sign_public, keys.box_public
            enrolment.key_generation += 1
            enrolment.revoked, enrolment.enrolled_at = False, utcnow()
            return self._enrollment_file(s, county, enrolment, keys, passphrase, today)

    def enrolled(self) -> list[EnrolmentRow]:
        self._county()
        with self._db.read() as s:
            return [_row(e) for e in s.scalars(select(SiteEnrolment).order_by(SiteEnrolment.code))]

    def export_escrow(self, passphrase: str) -> bytes:
        """The county's private keys, locked with ``passphrase``, for the safe."""
        county = self._county()
        with self._db.write() as s:
            return crypto.escrow_file(self._county_keys(s, county.id), county.id, passphrase)

    def restore_escrow(self, blob: bytes, passphrase: str) -> PublicKeys:
        """Put back the county's keys from an escrow file of this county office."""
        county = self._county()
        county_id, keys = crypto.read_escrow(blob, passphrase)
        if county_id != county.id:
            raise ServiceError(OTHER_ESCROW)
        with self._db.write() as s:
            _store_keys(s, county_id, keys)
        return keys.public()

    # --- a station or township centre ----------------------------------------------------------

    def accept(self, blob: bytes, passphrase: str) -> SiteRow:
        """Set a new database up from its enrollment file, or take a re-enrollment's new keys."""
        e = crypto.read_enrollment(blob, passphrase)
        current = self._site.current()
        if current is None:
            draft = SiteDraft(e.role, e.code, e.name, e.township_name)
            ids = EnrolledIds(e.site_id, e.station_id, e.township_id, e.county_site_id)
            return self._site.initialise_enrolled(draft, ids, lambda s: self._store(s, e))
        if current.id != e.site_id:
            raise ServiceError(OTHER_SITE, code=e.code, name=e.name)
        with self._db.write() as s:
            county = s.scalar(select(Site.id).where(Site.role == SiteRole.COUNTY.value))
            if county != e.county_site_id:
                raise ServiceError(OTHER_COUNTY)
            own = s.get(LocalKey, e.site_id)
            if own is not None and own.key_generation >= e.key_generation:
                if _keys(own) == e.site_keys:
                    return current  # the same file again: nothing to do
                raise ServiceError(NOT_NEWER)
            self._store(s, e)
        return current

    def _store(self, s: Session, e: crypto.Enrollment) -> None:
        """The site's keys, the county's public keys, and the county as a known site."""
        _store_keys(s, e.site_id, e.site_keys, e.key_generation)
        _store_keys(s, e.county_site_id, e.county_public)
        if s.get(Site, e.county_site_id) is None:
            county = Site(
                id=e.county_site_id, role=SiteRole.COUNTY.value, code=e.county_code,
                name=e.county_name, created_site_id=e.county_site_id,
                owner_site_id=e.county_site_id,
            )  # fmt: skip
            s.add(county)

    def county_site(self) -> SiteRow | None:
        """The county office as this database knows it (itself, at the county)."""
        current = self._site.current()
        if current is None or current.role is SiteRole.COUNTY:
            return current
        with self._db.read() as s:
            county = s.scalar(select(Site).where(Site.role == SiteRole.COUNTY.value, ~Site.deleted))
            return site_row(county) if county else None

    def county_public(self) -> PublicKeys | None:
        """The county office's public keys as this database knows them (None before enrollment)."""
        county = self.county_site()
        if county is None:
            return None
        if county.id == self._db.local_site_id():
            return self.county_keys().public()
        with self._db.read() as s:
            row = s.get(LocalKey, county.id)
            return PublicKeys(row.sign_public, row.box_public) if row else None

    def own_public(self) -> PublicKeys | None:
        """This site's public keys (None if it holds none yet)."""
        current = self._site.current()
        if current is None:
            return None
        if current.role is SiteRole.COUNTY:
            return self.county_keys().public()
        with self._db.read() as s:
            row = s.get(LocalKey, current.id)
            return PublicKeys(row.sign_public, row.box_public) if row else None
