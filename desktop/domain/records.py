"""Drafts (what a form or import hands to a service) and rows (what a service hands back)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from desktop.domain.enums import (
    Attendance,
    CaseState,
    Channel,
    DeputyStatus,
    DutyKind,
    Gender,
    RosterStatus,
    SiteRole,
    VisitKind,
)

Id = uuid.UUID
RowT = TypeVar("RowT")


# --- drafts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SiteDraft:
    role: SiteRole
    code: str
    name: str
    township_name: str = ""


@dataclass(frozen=True, slots=True)
class DeputyDraft:
    name: str
    gender: Gender | None = None
    ethnicity: str = "汉族"
    is_county_level: bool = False
    is_township_level: bool = True
    constituency: str = ""
    phone: str = ""
    workplace: str = ""
    occupation: str = ""
    term: str = ""
    household_sign: bool = False
    status: DeputyStatus = DeputyStatus.SERVING
    station_ids: tuple[Id, ...] = ()


@dataclass(frozen=True, slots=True)
class DutyDayDraft:
    station_id: Id | None
    day: dt.date | None
    kind: DutyKind = DutyKind.RECEPTION
    deputy_ids: tuple[Id, ...] = ()
    people_received: int = 0
    summary: str = ""


@dataclass(frozen=True, slots=True)
class VisitDraft:
    station_id: Id | None
    day: dt.date | None
    kind: VisitKind = VisitKind.DEPUTY_TO_CONSTITUENTS
    visitor_ids: tuple[Id, ...] = ()
    other_visitors: str = ""  # officials who are not deputies
    visited_deputy_ids: tuple[Id, ...] = ()
    visited_people: str = ""  # constituents visited, as the clerk describes them
    people_count: int = 0
    summary: str = ""


@dataclass(frozen=True, slots=True)
class CaseDraft:
    station_id: Id | None
    received_date: dt.date | None
    channel: Channel = Channel.IN_PERSON
    anonymous: bool = False
    person_name: str = ""
    phone: str = ""
    id_number: str = ""
    village: str = ""
    category_id: Id | None = None
    content: str = ""
    deputy_ids: tuple[Id, ...] = ()
    duty_day_id: Id | None = None
    visit_id: Id | None = None


@dataclass(frozen=True, slots=True)
class ParticipantDraft:
    deputy_id: Id
    attendance: Attendance = Attendance.PRESENT
    quantity: int = 1  # occurrences, or half days for session attendance


@dataclass(frozen=True, slots=True)
class ActivityDraft:
    kind_id: Id | None
    day: dt.date | None
    station_id: Id | None = None
    title: str = ""
    location: str = ""
    summary: str = ""
    participants: tuple[ParticipantDraft, ...] = ()


# --- rows ---------------------------------------------------------------------------------

# A travelling record's row ends with where it stands between the sites: ``owner_site_id``
# (the site that owns it), ``origin`` (that site's name: the station's, or the county office's)
# and ``change_seq`` (its local change sequence: whether it has gone to the county yet).


@dataclass(frozen=True, slots=True)
class SiteRow:
    id: Id
    role: SiteRole
    code: str
    name: str
    township_id: Id | None
    station_id: Id | None


@dataclass(frozen=True, slots=True)
class RefRow:
    """A township, station, department, category or activity kind, as a pick list needs it."""

    id: Id
    code: str
    name: str
    parent_id: Id | None = None  # a station's township, a department's township


@dataclass(frozen=True, slots=True)
class DeputyRow:
    id: Id
    name: str
    gender: Gender | None
    ethnicity: str
    is_county_level: bool
    is_township_level: bool
    constituency: str
    phone: str
    workplace: str
    occupation: str
    term: str
    household_sign: bool
    status: DeputyStatus
    roster_status: RosterStatus
    station_ids: tuple[Id, ...]
    station_names: tuple[str, ...]
    version: int
    name_keys: str = ""  # pinyin initials and syllables, for typing "zxm" to find 张晓明
    owner_site_id: Id | None = None
    origin: str = ""
    change_seq: int = 0


@dataclass(frozen=True, slots=True)
class DutyDayRow:
    id: Id
    station_id: Id
    station_name: str
    day: dt.date
    kind: DutyKind
    deputy_ids: tuple[Id, ...]
    deputy_names: tuple[str, ...]
    people_received: int
    opinions_formed: int
    summary: str
    version: int
    owner_site_id: Id | None = None
    origin: str = ""
    change_seq: int = 0


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: Id
    station_id: Id
    station_name: str
    day: dt.date
    kind: VisitKind
    visitor_ids: tuple[Id, ...]
    visitor_names: tuple[str, ...]
    other_visitors: str
    visited_deputy_ids: tuple[Id, ...]
    visited_deputy_names: tuple[str, ...]
    visited_people: str
    people_count: int
    opinions_collected: int
    summary: str
    version: int
    owner_site_id: Id | None = None
    origin: str = ""
    change_seq: int = 0


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: Id
    station_id: Id
    station_name: str
    received_date: dt.date
    channel: Channel
    anonymous: bool
    person_name: str
    phone: str
    id_number: str
    village: str
    category_id: Id | None
    category_name: str
    content: str
    deputy_ids: tuple[Id, ...]
    deputy_names: tuple[str, ...]
    duty_day_id: Id | None
    visit_id: Id | None
    state: CaseState
    version: int
    case_number: str = ""
    department_id: Id | None = None
    department_name: str = ""
    referred_on: dt.date | None = None
    deadline: dt.date | None = None
    deadline_exact: bool = True
    replied_on: dt.date | None = None
    outcome: str = ""
    reply_text: str = ""
    answered_on: dt.date | None = None
    satisfaction: str = ""
    follow_up: bool = False
    escalated: bool = False
    merged_into_id: Id | None = None
    conflict: bool = False
    attachments: int = 0
    owner_site_id: Id | None = None
    origin: str = ""
    change_seq: int = 0


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: Id
    case_id: Id
    file_name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class CaseEventRow:
    id: Id
    case_id: Id
    kind: str
    state_after: CaseState
    actor: str
    site_id: Id
    at: dt.datetime
    note: str
    previous_id: Id | None
    payload: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    deputy_id: Id
    deputy_name: str
    attendance: Attendance
    quantity: int


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: Id
    kind_id: Id
    kind_name: str
    station_id: Id | None
    station_name: str
    day: dt.date
    title: str
    location: str
    summary: str
    participants: tuple[ParticipantRow, ...]
    version: int
    owner_site_id: Id | None = None
    origin: str = ""
    change_seq: int = 0


# --- lists --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListFilter:
    """What a register tab asks for; every field is optional."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    station_id: Id | None = None
    kind: str | None = None  # a DutyKind, VisitKind, CaseState or activity-kind id, per register
    text: str = ""
    flag: str | None = None  # feedback only: one of CASE_FLAGS
    township_id: Id | None = None  # every station of the township (the county office's view)
    # Feedback only, from the county's dashboard (概览): a figure's or a bar's cases.
    category_id: Id | None = None
    category_none: bool = False  # cases without a category
    outcome: str | None = None  # an Outcome letter
    main_only: bool = False  # leave out duplicates merged into another case (counted there)


CASE_FLAGS = ("overdue", "due_soon", "follow_up", "conflict", "escalated")
# Flags only the dashboard sets (the feedback tab's flag list does not offer them).
FIGURE_FLAGS = ("written_opinion", "passed_on", "replied_on_time", "satisfied_first")


@dataclass(frozen=True, slots=True)
class Page(Generic[RowT]):
    rows: tuple[RowT, ...]
    next_key: tuple | None = None  # pass back to get the next page; None: this was the last
    extra: dict = field(default_factory=dict)
