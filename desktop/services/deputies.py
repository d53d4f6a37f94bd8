"""The deputy roster as a station or the county keeps it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import Deputy, DeputyStation, Station
from desktop.db.search import like_ci
from desktop.domain.checks import check_deputy
from desktop.domain.enums import DeputyStatus, Gender, RosterStatus, SiteRole
from desktop.domain.records import DeputyDraft, DeputyRow, ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services import collation
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.common import (
    NOT_FOUND,
    STALE,
    ServiceError,
    like_pattern,
    load_for_edit,
    sync_links,
)
from desktop.services.origins import site_names, station_conditions

COUNTY_ONLY = QT_TRANSLATE_NOOP("Service", "Only the county office keeps the deputy roster.")
NOT_PROVISIONAL = QT_TRANSLATE_NOOP("Service", "This deputy is already in the county roster.")
NOT_A_COUNTY_RECORD = QT_TRANSLATE_NOOP(
    "Service", "Choose a deputy who is already confirmed in the county roster."
)
SORT_STROKES = "strokes"
SORT_PINYIN = "pinyin"


class DeputyService:
    def __init__(self, db: Database, today: Callable[[], dt.date], role: Callable[[], SiteRole],
                 audit: AuditLog | None = None):  # fmt: skip
        self._db = db
        self._today = today
        self._role = role
        self._audit = audit

    def list(self, flt: ListFilter = ListFilter(), *, sort: str = SORT_STROKES) -> list[DeputyRow]:
        """The whole matching roster (a county has about 2,000), sorted as official lists are."""
        with self._db.read() as s:
            # A copy mapped onto a county record is that record: list the person once.
            query = select(Deputy).where(
                ~Deputy.deleted, Deputy.roster_status != RosterStatus.MAPPED.value
            )
            stations = station_conditions(DeputyStation.station_id, flt)
            if stations:
                linked = select(DeputyStation.deputy_id).where(*stations, ~DeputyStation.deleted)
                query = query.where(Deputy.id.in_(linked))
            if flt.kind:
                query = query.where(Deputy.status == flt.kind)
            text = flt.text.strip()
            if text:
                pattern = like_pattern(text.lower())
                query = query.where(
                    or_(
                        like_ci(Deputy.name, like_pattern(text)),
                        like_ci(Deputy.name_keys, pattern),
                    )
                )
            deputies = list(s.scalars(query.order_by(Deputy.name_sort, Deputy.id)))
            rows = self._rows(s, deputies)
        if sort == SORT_PINYIN:  # on request only: it loads pypinyin
            return sorted(rows, key=lambda r: collation.pinyin_sort_key(r.name))
        return rows

    def county_records(self) -> dict[uuid.UUID, uuid.UUID]:
        """Station copies the county mapped onto its own records: copy id -> county record id
        (older records still name the copy; the roster lists the county's record)."""
        with self._db.read() as s:
            query = select(Deputy.id, Deputy.county_record_id).where(
                Deputy.roster_status == RosterStatus.MAPPED.value,
                Deputy.county_record_id.is_not(None),
            )
            return dict(s.execute(query).all())

    def fill_sort_keys(self) -> int:
        """Deputies that arrived without a stored stroke key (older database, bulk import)."""
        with self._db.read() as s:  # nearly always none: no writer's lock at start
            if s.scalar(select(Deputy.id).where(Deputy.name_sort == "").limit(1)) is None:
                return 0
        with self._db.write() as s:
            missing = list(s.scalars(select(Deputy).where(Deputy.name_sort == "")))
            for deputy in missing:
                deputy.name_sort = collation.stroke_sort_text(deputy.name)
        return len(missing)

    def get(self, deputy_id: uuid.UUID) -> DeputyRow:
        with self._db.read() as s:
            deputy = s.get(Deputy, deputy_id)
            if deputy is None or deputy.deleted:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, [deputy])[0]

    def create(self, draft: DeputyDraft) -> DeputyRow:
        draft = check_deputy(draft, self._today())
        # The county owns the roster: anyone typed elsewhere waits for its confirmation.
        roster = (
            RosterStatus.CONFIRMED if self._role() is SiteRole.COUNTY else RosterStatus.PROVISIONAL
        )
        with self._db.write() as s:
            deputy = Deputy(id=uuid.uuid4(), roster_status=roster.value)
            self._apply(s, deputy, draft)
            s.add(deputy)
            s.flush()
            self._link(s, deputy.id, draft.station_ids)
            s.flush()
            return self._rows(s, [deputy])[0]

    def update(self, deputy_id: uuid.UUID, draft: DeputyDraft, version: int | None) -> DeputyRow:
        draft = check_deputy(draft, self._today())
        with self._db.write() as s:
            deputy = load_for_edit(s, Deputy, deputy_id, version)
            self._apply(s, deputy, draft)
            self._link(s, deputy.id, draft.station_ids)
            s.flush()
            return self._rows(s, [deputy])[0]

    def confirm(self, deputy_id: uuid.UUID, version: int | None = None) -> DeputyRow:
        """The county accepts a deputy typed at a station into its roster (and owns it now)."""
        with self._db.write() as s:
            deputy = self._provisional(s, deputy_id, version)
            deputy.roster_status = RosterStatus.CONFIRMED.value
            _take_over(s, deputy)
            s.flush()
            return self._rows(s, [deputy])[0]

    def map_to(
        self, deputy_id: uuid.UUID, county_record_id: uuid.UUID, version: int | None = None
    ) -> DeputyRow:
        """The station's copy is the same person as a county record: point it there, so one
        person never exists twice. Records linked to the copy keep their links."""
        with self._db.write() as s:
            deputy = self._provisional(s, deputy_id, version)
            target = s.get(Deputy, county_record_id)
            if (
                target is None
                or target.deleted
                or target.id == deputy.id
                or target.roster_status != RosterStatus.CONFIRMED.value
            ):
                raise ServiceError(NOT_A_COUNTY_RECORD)
            deputy.roster_status = RosterStatus.MAPPED.value
            deputy.county_record_id = target.id
            _take_over(s, deputy)
            s.flush()
            return self._rows(s, [deputy])[0]

    def _provisional(self, s: Session, deputy_id: uuid.UUID, version: int | None) -> Deputy:
        if self._role() is not SiteRole.COUNTY:
            raise ServiceError(COUNTY_ONLY)
        deputy = s.get(Deputy, deputy_id)
        if deputy is None or deputy.deleted:
            raise ServiceError(NOT_FOUND)
        if version is not None and deputy.version != version:
            raise ServiceError(STALE)
        if deputy.roster_status != RosterStatus.PROVISIONAL.value:
            raise ServiceError(NOT_PROVISIONAL)
        return deputy

    def delete(self, deputy_id: uuid.UUID, version: int | None = None) -> None:
        with self._db.write() as s:
            deputy = load_for_edit(s, Deputy, deputy_id, version)
            deputy.deleted = True
            self._link(s, deputy.id, ())
            record_delete(self._audit, s, phrase("deputy {name}", name=deputy.name))

    # --- internals -----------------------------------------------------------------------

    @staticmethod
    def _apply(s: Session, deputy: Deputy, d: DeputyDraft) -> None:
        deputy.name = d.name
        deputy.name_keys = collation.search_keys(d.name)
        deputy.name_sort = collation.stroke_sort_text(d.name)
        deputy.gender = d.gender.value if d.gender else None
        deputy.ethnicity = d.ethnicity.strip()
        deputy.is_county_level = d.is_county_level
        deputy.is_township_level = d.is_township_level
        deputy.constituency = d.constituency.strip()
        deputy.phone = d.phone
        deputy.workplace = d.workplace
        deputy.occupation = d.occupation.strip()
        deputy.term = d.term.strip()
        deputy.household_sign = d.household_sign
        deputy.status = d.status.value

    @staticmethod
    def _link(s: Session, deputy_id: uuid.UUID, station_ids: tuple[uuid.UUID, ...]) -> None:
        wanted: dict[uuid.UUID, dict] = {sid: {} for sid in station_ids}
        sync_links(s, DeputyStation, "deputy_id", deputy_id, "station_id", wanted)

    @staticmethod
    def _rows(s: Session, deputies: list[Deputy]) -> list[DeputyRow]:
        stations: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        if deputies:
            links = s.execute(
                select(DeputyStation.deputy_id, Station.id, Station.name)
                .join(Station, Station.id == DeputyStation.station_id)
                .where(~DeputyStation.deleted)
                .where(DeputyStation.deputy_id.in_([d.id for d in deputies]))
                .order_by(Station.code)
            )
            for did, sid, sname in links:
                stations.setdefault(did, []).append((sid, sname))
        origins = site_names(s) if deputies else {}
        return [
            DeputyRow(
                id=d.id,
                name=d.name,
                gender=Gender(d.gender) if d.gender else None,
                ethnicity=d.ethnicity,
                is_county_level=d.is_county_level,
                is_township_level=d.is_township_level,
                constituency=d.constituency,
                phone=d.phone,
                workplace=d.workplace,
                occupation=d.occupation,
                term=d.term,
                household_sign=d.household_sign,
                status=DeputyStatus(d.status),
                roster_status=RosterStatus(d.roster_status),
                station_ids=tuple(x[0] for x in stations.get(d.id, ())),
                station_names=tuple(x[1] for x in stations.get(d.id, ())),
                version=d.version,
                name_keys=d.name_keys,
                owner_site_id=d.owner_site_id,
                origin=origins.get(d.owner_site_id, ""),
                change_seq=d.change_seq,
            )
            for d in deputies
        ]


def _take_over(s: Session, deputy: Deputy) -> None:
    """The county owns the deputy from now on, and its station links with it: a change the
    county makes to them later must travel (only the owner's changes do)."""
    deputy.owner_site_id = s.info["site_id"]
    for link in s.scalars(select(DeputyStation).where(DeputyStation.deputy_id == deputy.id)):
        link.owner_site_id = s.info["site_id"]
