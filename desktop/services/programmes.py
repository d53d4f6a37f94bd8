"""The programmes' records (projects, the special fund, drafts, training, legal liaison,
stories): one service over every kind in programme_specs.SPECS, checked by the same rules
whether a form, a workbook or the command line brings them."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import AppSetting, Site
from desktop.db.programmes import FundProject, LivelihoodProject
from desktop.domain.enums import SiteRole
from desktop.domain.errors import DraftInvalid
from desktop.domain.programme_checks import check_values
from desktop.domain.programme_fields import FieldType, KindSpec
from desktop.domain.programme_specs import SPECS
from desktop.domain.programmes import (  # the rows and savings: here as ever for the callers
    FUNDED_STAGES,
    FundLimits,
    FundStage,
    ProgrammeRow,
    ProjectStage,
    Saving,
    check_fund,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services import programme_refs as refs
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.common import (
    NOT_FOUND,
    ServiceError,
    load_for_edit,
    sync_links,
    text_match,
)
from desktop.services.origins import site_names
from desktop.services.programme_figures import derived
from desktop.services.programme_votes import vote_decides
from desktop.services.sheet_columns import LIST_SEPARATOR

COUNTY_ONLY = QT_TRANSLATE_NOOP(
    "Service", "Only the county office records {what}; they reach the stations in its bundles."
)
STILL_USED = QT_TRANSLATE_NOOP(
    "Service", "This record cannot be deleted: {count} other records refer to it ({what})."
)
NOT_IN_POOL = QT_TRANSLATE_NOOP(
    "Service", "Only a project that was not chosen can return to the next year's pool."
)
FUND_LIMITS_KEY = "fund_limits"
# What each kind's records are, as a REF field's target (records other kinds point to).
TARGET_OF = {"projects": "project", "fund-projects": "fund_project", "drafts": "draft",
             "legislative-contacts": "contact", "legal-officers": "officer"}  # fmt: skip


class ProgrammeService:
    def __init__(self, db: Database, today: Callable[[], dt.date], audit: AuditLog | None = None):
        self._db, self._today, self._audit = db, today, audit

    # --- reading ----------------------------------------------------------------------------

    def rows(
        self,
        kind: str,
        *,
        year: int | None = None,
        station_id: uuid.UUID | None = None,
        parent_id: uuid.UUID | None = None,
        text: str = "",
    ) -> list[ProgrammeRow]:
        spec = SPECS[kind]
        model = refs.model_of(spec.table)
        query = select(model).where(~model.deleted)
        if year is not None and spec.year_key:
            query = query.where(*_in_year(spec, model, year))
        if station_id is not None and hasattr(model, "station_id"):
            query = query.where(model.station_id == station_id)
        if parent_id is not None and spec.parent:
            query = query.where(getattr(model, spec.parent) == parent_id)
        if text.strip():
            words = [getattr(model, f.key) for f in spec.fields
                     if f.type in (FieldType.TEXT, FieldType.LONG_TEXT)]  # fmt: skip
            query = query.where(text_match(text.strip(), words))
        first, *rest = spec.sort or ("created_at",)
        order = [getattr(model, first).desc(), *(getattr(model, k) for k in rest), model.id]
        with self._db.read() as s:
            return self._rows(s, spec, list(s.scalars(query.order_by(*order))))

    def get(self, kind: str, record_id: uuid.UUID) -> ProgrammeRow:
        spec = SPECS[kind]
        with self._db.read() as s:
            record = s.get(refs.model_of(spec.table), record_id)
            if record is None or record.deleted:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, spec, [record])[0]

    def years(self, kind: str) -> list[int]:
        """The years a kind has records in, newest first."""
        spec = SPECS[kind]
        if not spec.year_key:
            return []
        model = refs.model_of(spec.table)
        column = getattr(model, spec.year_key)
        if spec.field(spec.year_key).type is FieldType.DATE:
            column = func.extract("year", column)
        with self._db.read() as s:
            found = s.scalars(select(column).where(~model.deleted).distinct())
            return sorted({int(y) for y in found if y is not None}, reverse=True)

    def choices(
        self, target: str, station_id: uuid.UUID | None = None
    ) -> list[tuple[uuid.UUID, str]]:
        with self._db.read() as s:
            return refs.choices(s, target, station_id)

    def lookup(self, target: str, name: str) -> list[uuid.UUID]:
        with self._db.read() as s:
            return refs.lookup(s, target, name)

    def may_create(self, kind: str) -> bool:
        return _may(SPECS[kind], self._site())

    # --- writing ----------------------------------------------------------------------------

    def save(
        self,
        kind: str,
        values: Mapping[str, Any],
        record_id: uuid.UUID | None = None,
        version: int | None = None,
    ) -> ProgrammeRow:
        """Create (``record_id`` None) or change a record; DraftInvalid names each bad field."""
        (saved,) = self.save_many([Saving(kind, values, record_id, version)])
        return self.get(kind, saved)

    def save_many(self, items: Sequence[Saving]) -> list[uuid.UUID]:
        """Write several records in one transaction, in order, all or none (an import): each
        checked as ``save`` checks one. A new record takes ``new_id`` when given, so that a
        later item may point to it."""
        site = self._site()
        own = site.station_id if site is not None else None
        checked = []
        for item in items:
            spec = SPECS[item.kind]
            self._allowed(spec, site)
            values = dict(item.values)
            if own and any(f.key == "station_id" for f in spec.fields):
                values["station_id"] = own  # a station records for itself only
            checked.append((spec, item, check_values(spec, values, self._today())))
        saved = []
        with self._db.write() as s:
            for spec, item, clean in checked:
                saved.append(self._write(s, spec, clean, item))
        return saved

    def _write(self, s: Session, spec: KindSpec, clean: dict[str, Any], item: Saving) -> uuid.UUID:
        model = refs.model_of(spec.table)
        if item.record_id is None:
            record = model(id=item.new_id or uuid.uuid4())
            if spec.kind == "projects":
                record.first_year = clean["year"]
        else:
            record = load_for_edit(s, model, item.record_id, item.version)
        if spec.kind == "fund-projects":
            self._check_fund(s, clean, record.id)
        for f in spec.editable:
            if f.type is not FieldType.REFS:
                setattr(record, f.key, clean[f.key])
        s.add(record)
        s.flush()
        self._link(s, spec, record.id, clean)
        if spec.kind == "project-votes":
            vote_decides(s, clean)
        return record.id

    def delete(self, kind: str, record_id: uuid.UUID, version: int | None = None) -> None:
        """Tombstone the record, its own votes and progress notes and its links; refused while
        another record (a comment, a supervision visit, an event) still points to it."""
        spec = SPECS[kind]
        self._allowed(spec)
        with self._db.write() as s:
            record = load_for_edit(s, refs.model_of(spec.table), record_id, version)
            users = self._users(s, kind, record_id)
            if users:
                what = ("Programme", tuple(sorted(users)))  # kinds' labels, listed translated
                raise ServiceError(
                    STILL_USED, count=str(sum(users.values())), listed={"what": what}
                )
            for child in SPECS.values():
                if _owned_child(child, kind):
                    model = refs.model_of(child.table)
                    parent = getattr(model, child.parent)
                    for row in s.scalars(select(model).where(parent == record_id)):
                        row.deleted = True
            record.deleted = True
            self._link(s, spec, record_id, None)
            names = [getattr(record, f.key) for f in spec.fields if f.type is FieldType.TEXT]
            name = next(iter(names), "") or str(record_id)
            record_delete(self._audit, s, phrase("{programme}: {name}", programme=kind, name=name))

    def return_to_pool(self, project_id: uuid.UUID, version: int | None = None) -> ProgrammeRow:
        """A project not chosen goes back to the candidate pool of the year after its vote."""
        self._allowed(SPECS["projects"])
        with self._db.write() as s:
            project = load_for_edit(s, LivelihoodProject, project_id, version)
            if project.stage != ProjectStage.NOT_CHOSEN:
                raise ServiceError(NOT_IN_POOL)
            project.stage = ProjectStage.PROPOSED.value
            project.year += 1
        return self.get("projects", project_id)

    # --- the special fund's limits ------------------------------------------------------------

    def fund_limits(self, year: int) -> FundLimits:
        with self._db.read() as s:
            return fund_limits_in(s, year)

    def set_fund_limits(self, limits: FundLimits) -> None:
        self._allowed(SPECS["fund-projects"])
        if limits.total_fen < 0 or limits.cap_fen < 0 or limits.cap_fen > limits.total_fen:
            raise ServiceError(BAD_LIMITS)
        with self._db.write() as s:
            setting = s.get(AppSetting, FUND_LIMITS_KEY)
            stored = json.loads(setting.value) if setting else {}
            stored[str(limits.year)] = [limits.total_fen, limits.cap_fen]
            if setting is None:
                s.add(AppSetting(key=FUND_LIMITS_KEY, value=json.dumps(stored)))
            else:
                setting.value = json.dumps(stored)

    def fund_used(self, year: int, *, leaving_out: uuid.UUID | None = None) -> int:
        """Fen committed to the year's funded projects."""
        with self._db.read() as s:
            return committed_fen(s, year, leaving_out)

    # --- internals --------------------------------------------------------------------------

    def _site(self) -> Site | None:
        with self._db.read() as s:
            site_id = self._db.local_site_id(s)
            site = s.get(Site, site_id) if site_id else None
            if site is not None:
                s.expunge(site)
            return site

    def _allowed(self, spec: KindSpec, site: Site | None = None) -> None:
        if not _may(spec, site or self._site()):
            raise ServiceError(COUNTY_ONLY, what=spec.label)

    def _check_fund(self, s: Session, clean: dict[str, Any], record_id: uuid.UUID) -> None:
        if FundStage(clean["stage"]) not in FUNDED_STAGES:
            return
        limits = fund_limits_in(s, clean["year"])
        others = committed_fen(s, clean["year"], record_id)
        errors = check_fund(limits, clean["requested_fen"], clean["approved_fen"], others)
        if errors:
            raise DraftInvalid(errors)

    @staticmethod
    def _link(s: Session, spec: KindSpec, record_id: uuid.UUID, clean: dict | None) -> None:
        """Make each link table's live rows exactly what the REFS fields say (None: none)."""
        wanted: dict[str, dict[uuid.UUID, dict[str, Any]]] = {}
        for f in spec.fields:
            if f.type is not FieldType.REFS:
                continue
            per_link = wanted.setdefault(f.link, {})
            for target_id in () if clean is None else clean[f.key]:
                extra = dict([f.link_value]) if f.link_value else {}
                per_link.setdefault(target_id, extra)  # the first field naming one wins
        for table, targets in wanted.items():
            link = refs.LINKS[table]
            sync_links(s, link.model, link.parent, record_id, link.child, targets)

    def _users(self, s: Session, kind: str, record_id: uuid.UUID) -> dict[str, int]:
        """Live records of other kinds pointing to this one: kind label -> count."""
        target = TARGET_OF.get(kind)
        found: dict[str, int] = {}
        for other in SPECS.values():
            for f in other.fields:
                cascades = f.key == other.parent and _owned_child(other, kind)
                if f.type is FieldType.REF and f.target == target and not cascades:
                    model = refs.model_of(other.table)
                    query = select(func.count()).select_from(model)
                    n = s.scalar(query.where(~model.deleted, getattr(model, f.key) == record_id))
                    if n:
                        found[other.label] = found.get(other.label, 0) + n
        return found

    def _rows(self, s: Session, spec: KindSpec, records: list[Any]) -> list[ProgrammeRow]:
        if not records:
            return []
        ids = [r.id for r in records]
        linked = {f.key: refs.links_of(s, f, ids) for f in spec.fields if f.type is FieldType.REFS}
        names: dict[str, dict[uuid.UUID, str]] = {}
        for f in spec.fields:
            if f.type is FieldType.REF:
                names[f.key] = refs.names_of(s, f.target, (getattr(r, f.key) for r in records))
            elif f.type is FieldType.REFS:
                every = {i for ids_ in linked[f.key].values() for i in ids_}
                names[f.key] = refs.names_of(s, f.target, every)
        figures = derived(s, spec.kind, ids)
        local = self._db.local_site_id(s)
        origins = site_names(s)
        out = []
        for r in records:
            values: dict[str, Any] = {}
            shown: dict[str, str] = {}
            lists: dict[str, tuple[str, ...]] = {}
            for f in spec.fields:
                if f.type is FieldType.REFS:
                    values[f.key] = linked[f.key].get(r.id, ())
                    lists[f.key] = tuple(names[f.key].get(i, "") for i in values[f.key])
                    shown[f.key] = LIST_SEPARATOR.join(lists[f.key])
                elif f.editable:
                    values[f.key] = getattr(r, f.key)
                    if f.type is FieldType.REF:
                        shown[f.key] = names[f.key].get(values[f.key], "")
            values.update(figures.get(r.id, {}))
            out.append(ProgrammeRow(spec.kind, r.id, r.version, r.owner_site_id,
                                    r.owner_site_id == local, origins.get(r.owner_site_id, ""),
                                    values, shown, lists))  # fmt: skip
        return out


BAD_LIMITS = QT_TRANSLATE_NOOP(
    "Service", "The cap for one project must be at least 0 and no more than the year's total."
)


def _owned_child(child: KindSpec, kind: str) -> bool:
    """A kind whose records belong to one of ``kind``'s and go with it (a project's votes and
    progress notes, kept by the same county office); a station's comments on a draft do not."""
    return (
        bool(child.parent)
        and child.county_only
        and (child.field(child.parent).target == TARGET_OF.get(kind))
    )


def _may(spec: KindSpec, site: Site | None) -> bool:
    return not spec.county_only or (site is not None and site.role == SiteRole.COUNTY)


def _in_year(spec: KindSpec, model: Any, year: int) -> list[Any]:
    column = getattr(model, spec.year_key)
    if spec.field(spec.year_key).type is FieldType.YEAR:
        return [column == year]
    return [column >= dt.date(year, 1, 1), column <= dt.date(year, 12, 31)]


def fund_limits_in(s: Session, year: int) -> FundLimits:
    """The year's fund as the county set it, else the county's usual 2,000,000 yuan."""
    setting = s.get(AppSetting, FUND_LIMITS_KEY)
    stored = json.loads(setting.value) if setting else {}
    if str(year) in stored:
        total, cap = stored[str(year)]
        return FundLimits(year, int(total), int(cap))
    return FundLimits(year)


def committed_fen(s: Session, year: int, leaving_out: uuid.UUID | None) -> int:
    """Fen approved for the year's funded projects (but ``leaving_out``)."""
    query = select(func.coalesce(func.sum(FundProject.approved_fen), 0)).where(
        ~FundProject.deleted,
        FundProject.year == year,
        FundProject.stage.in_([st.value for st in FUNDED_STAGES]),
    )
    if leaving_out is not None:
        query = query.where(FundProject.id != leaving_out)
    return int(s.scalar(query) or 0)
