"""The departments cases are referred to (承办单位): listed, added, changed and removed.

Any site may add one, a clerk too (a referral cannot wait for the station head); it travels
like every owned record: the county's to every station, a station's up to the county. Only the
site that added it may change or remove it, and only a role above the clerk; a department a
case was referred to stays (the case's history names it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import Department, Site, Township
from desktop.domain.enums import DepartmentLevel, SiteRole
from desktop.domain.errors import DraftInvalid, ServiceError
from desktop.domain.roles import Permission
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import MSG_TOO_LONG, InvalidValue, require_text
from desktop.services.access import Access
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.bundle_refs import CASES, cases_naming
from desktop.services.common import NO_SITE, NOT_FOUND, load_for_edit
from desktop.services.origins import site_names
from desktop.services.programmes import STILL_USED
from desktop.sync.tables import TABLE_LABELS

NAME_TAKEN = QT_TRANSLATE_NOOP(
    "Validation",
    "“{name}” is already in the list (same kind and township). Choose it there, or give this "
    "one another name.",
)
CODE_TAKEN = QT_TRANSLATE_NOOP(
    "Validation", "The code “{code}” is already used by “{name}”. Leave the code empty to have "
    "one made.",
)  # fmt: skip
TOWNSHIP_NEEDED = QT_TRANSLATE_NOOP(
    "Validation", "Choose the township this township government or office belongs to."
)
NAME_LENGTH, CODE_LENGTH = 100, 32
CODE_DIGITS = 3  # a made code: the site's code, a dash, a number (XQ-001, WJ-03-002)


@dataclass(frozen=True, slots=True)
class DepartmentDraft:
    name: str
    level: DepartmentLevel = DepartmentLevel.COUNTY
    township_id: uuid.UUID | None = None  # required for a township-level one
    code: str = ""  # empty: one is made


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    id: uuid.UUID
    code: str
    name: str
    level: DepartmentLevel
    township_id: uuid.UUID | None
    township_name: str
    owner_site_id: uuid.UUID
    origin: str  # the name of the site that added it ("" if not known here)
    own: bool  # added here: only this site may change or remove it
    version: int


class DepartmentService:
    def __init__(self, db: Database, access: Access, audit: AuditLog | None = None) -> None:
        self._db = db
        self._access = access
        self._audit = audit

    # --- reading ------------------------------------------------------------------------

    def list(self) -> list[DepartmentRow]:
        """County departments first, then the townships', each by code."""
        with self._db.read() as s:
            query = select(Department).where(~Department.deleted)
            found = s.scalars(query.order_by(Department.level, Department.code, Department.id))
            return self._rows(s, list(found))

    def get(self, department_id: uuid.UUID) -> DepartmentRow:
        with self._db.read() as s:
            department = s.get(Department, department_id)
            if department is None or department.deleted:
                raise ServiceError(NOT_FOUND)
            return self._rows(s, [department])[0]

    def may_change(self) -> bool:
        """Whether the person at the PC may change or remove this site's departments."""
        return self._access.may(Permission.KEEP_DEPARTMENTS)

    def cases_referred(self, department_id: uuid.UUID) -> int:
        with self._db.read() as s:
            return len(cases_naming(s, "departments", {department_id}, listed_too=True))

    # --- writing ------------------------------------------------------------------------

    def add(self, draft: DepartmentDraft) -> DepartmentRow:
        with self._db.write() as s:
            if s.info["site_id"] is None:
                raise ServiceError(NO_SITE)
            clean = _checked(s, draft, None)
            department = Department(id=uuid.uuid4(), code=clean.code or _new_code(s))
            _apply(department, clean)
            s.add(department)
            s.flush()
            return self._rows(s, [department])[0]

    def update(
        self, department_id: uuid.UUID, draft: DepartmentDraft, version: int | None = None
    ) -> DepartmentRow:
        self._access.require(Permission.KEEP_DEPARTMENTS)
        with self._db.write() as s:
            department = load_for_edit(s, Department, department_id, version)
            clean = _checked(s, draft, department_id)
            department.code = clean.code or department.code
            _apply(department, clean)
            s.flush()
            return self._rows(s, [department])[0]

    def remove(self, department_id: uuid.UUID, version: int | None = None) -> None:
        """Tombstoned (the removal travels); refused once a case was referred to it."""
        self._access.require(Permission.KEEP_DEPARTMENTS)
        with self._db.write() as s:
            department = load_for_edit(s, Department, department_id, version)
            cases = cases_naming(s, "departments", {department_id}, listed_too=True)
            if cases:
                what = ("BundlePlan", (TABLE_LABELS[CASES],))
                raise ServiceError(STILL_USED, count=str(len(cases)), listed={"what": what})
            department.deleted = True
            record_delete(self._audit, s, phrase("department {name}", name=department.name))

    # --- internals ----------------------------------------------------------------------

    def _rows(self, s: Session, departments: list[Department]) -> list[DepartmentRow]:
        if not departments:
            return []
        here = self._db.local_site_id(s)
        towns = {t for d in departments if (t := d.township_id) is not None}
        query = select(Township.id, Township.name).where(Township.id.in_(towns))
        names: dict[uuid.UUID, str] = dict(s.execute(query).all())
        origins = site_names(s)
        return [
            DepartmentRow(
                id=d.id,
                code=d.code,
                name=d.name,
                level=DepartmentLevel(d.level),
                township_id=d.township_id,
                township_name=names.get(d.township_id, "") if d.township_id else "",
                owner_site_id=d.owner_site_id,
                origin=origins.get(d.owner_site_id, ""),
                own=d.owner_site_id == here,
                version=d.version,
            )
            for d in departments
        ]


def _apply(department: Department, d: DepartmentDraft) -> None:
    department.name = d.name
    department.level = d.level.value
    department.township_id = d.township_id


def _checked(s: Session, d: DepartmentDraft, editing: uuid.UUID | None) -> DepartmentDraft:
    """The draft stripped, or DraftInvalid with every field's problem: a name given and not
    already listed for the same kind and township, a township for a township-level one, a
    code (when typed) not another department's. At the county, the stations' departments do
    not count: one a station added while the county had none must not keep the county from
    adding its own for every station (both are listed, each with who added it)."""
    errors: dict[str, Exception] = {}
    name = code = ""
    try:
        name = require_text(d.name, max_length=NAME_LENGTH)
    except InvalidValue as exc:
        errors["name"] = exc
    code = d.code.strip()
    if len(code) > CODE_LENGTH:
        errors["code"] = InvalidValue(MSG_TOO_LONG, {"max": str(CODE_LENGTH)})
    township = d.township_id if d.level is DepartmentLevel.TOWNSHIP else None
    if d.level is DepartmentLevel.TOWNSHIP:
        found = s.get(Township, township) if township is not None else None
        if found is None or found.deleted:
            errors["township_id"] = InvalidValue(TOWNSHIP_NEEDED)
    others = select(Department).where(~Department.deleted)
    site = s.get(Site, s.info["site_id"])
    if site is not None and site.role == SiteRole.COUNTY.value:
        others = others.where(Department.owner_site_id == site.id)
    if editing is not None:
        others = others.where(Department.id != editing)
    if name and "township_id" not in errors:
        same = others.where(
            Department.name == name,
            Department.level == d.level.value,
            Department.township_id.is_(None)
            if township is None
            else Department.township_id == township,
        )
        if s.scalars(same.limit(1)).first() is not None:
            errors["name"] = InvalidValue(NAME_TAKEN, {"name": name})
    if code and "code" not in errors:
        taken = s.scalars(others.where(Department.code == code).limit(1)).first()
        if taken is not None:
            errors["code"] = InvalidValue(CODE_TAKEN, {"code": code, "name": taken.name})
    if errors:
        raise DraftInvalid(errors)
    return DepartmentDraft(name, d.level, township, code)


def _new_code(s: Session) -> str:
    """The site's code and the first number no department here has used (tombstones too, so a
    removed department's code never comes back), e.g. XQ-001: codes made at two sites differ."""
    site = s.get(Site, s.info["site_id"])
    prefix = (site.code if site is not None else "D")[: CODE_LENGTH - CODE_DIGITS - 1] + "-"
    used = set(s.scalars(select(Department.code).where(Department.code.startswith(prefix))))
    n = 1
    while f"{prefix}{n:0{CODE_DIGITS}d}" in used:
        n += 1
    return f"{prefix}{n:0{CODE_DIGITS}d}"
