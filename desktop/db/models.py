"""The tables: reference data, the three registers, feedback events and local bookkeeping."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base, Tracked, UtcDateTime, utcnow

# --- local bookkeeping (never travels) ------------------------------------------------------


class AppSetting(Base):
    """Settings that change data (the local site's id, the calendar...), kept in the database."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChangeCounter(Base):
    """One row; its value is bumped once per writing transaction (the local change sequence)."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class LocalKey(Base):
    """Keys this database holds, one row per site: the local site's own two pairs (the only
    place its private halves are kept; no change sequence, so no bundle ever carries them) and,
    at a station or township centre, the county office's public keys."""

    __tablename__ = "local_keys"
    site_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    sign_private: Mapped[bytes | None] = mapped_column(LargeBinary)
    box_private: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_generation: Mapped[int] = mapped_column(Integer, default=1)
    stored_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class SiteEnrolment(Base):
    """At the county: a station or township centre it enrolled, with its public keys."""

    __tablename__ = "site_enrolments"
    site_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    township_name: Mapped[str] = mapped_column(String(100))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"))
    township_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("townships.id"))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    key_generation: Mapped[int] = mapped_column(Integer, default=1)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


# --- reference data -----------------------------------------------------------------------


class Site(Tracked, Base):
    """A PC installation of the program: a station, a township centre or the county office."""

    __tablename__ = "sites"
    role: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    township_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("townships.id"))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"))


class Township(Tracked, Base):
    __tablename__ = "townships"
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))


class Station(Tracked, Base):
    __tablename__ = "stations"
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    township_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("townships.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")


class Department(Tracked, Base):
    """A body a case is referred to (承办单位): a county bureau or a township government."""

    __tablename__ = "departments"
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    township_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("townships.id"))


class FeedbackCategory(Tracked, Base):
    __tablename__ = "feedback_categories"
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))


class ActivityKind(Tracked, Base):
    """The county-owned list of deputy activity kinds (points rules later refer to these)."""

    __tablename__ = "activity_kinds"
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(16), default="time")


class Deputy(Tracked, Base):
    __tablename__ = "deputies"
    personal_fields = ("phone", "workplace")
    name: Mapped[str] = mapped_column(String(50))
    name_keys: Mapped[str] = mapped_column(String(200), default="")  # pinyin, for search
    # 按姓氏笔画: collation.stroke_sort_text(name), so the database orders the roster.
    name_sort: Mapped[str] = mapped_column(String(400), default="", index=True)
    gender: Mapped[str | None] = mapped_column(String(8))
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    is_county_level: Mapped[bool] = mapped_column(Boolean, default=False)
    is_township_level: Mapped[bool] = mapped_column(Boolean, default=False)
    constituency: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    workplace: Mapped[str] = mapped_column(String(100), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    term: Mapped[str] = mapped_column(String(40), default="")
    household_sign: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="serving")
    roster_status: Mapped[str] = mapped_column(String(16), default="provisional")
    # A station's provisional copy points to the county's own record once mapped.
    county_record_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("deputies.id"))


class DeputyStation(Tracked, Base):
    """Which stations a deputy is attached to; id = uuid5(deputy, station), so links merge."""

    __tablename__ = "deputy_stations"
    __table_args__ = (UniqueConstraint("deputy_id", "station_id"),)
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"), index=True)


# --- registers ----------------------------------------------------------------------------


class DutyDay(Tracked, Base):
    __tablename__ = "duty_days"
    __table_args__ = (Index("ix_duty_days_station_day", "station_id", "day", "id"),)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    people_received: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")


class DutyDayDeputy(Tracked, Base):
    __tablename__ = "duty_day_deputies"
    __table_args__ = (UniqueConstraint("duty_day_id", "deputy_id"),)
    duty_day_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("duty_days.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"), index=True)


class Visit(Tracked, Base):
    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_station_day", "station_id", "day", "id"),)
    personal_fields = ("visited_people",)
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    # Visitors who are not deputies: standing-committee members, township congress staff.
    other_visitors: Mapped[str] = mapped_column(String(200), default="")
    visited_people: Mapped[str] = mapped_column(Text, default="")
    people_count: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[str] = mapped_column(Text, default="")


class VisitPerson(Tracked, Base):
    """A deputy on a visit, as a visitor or as the one visited."""

    __tablename__ = "visit_people"
    __table_args__ = (UniqueConstraint("visit_id", "deputy_id", "role"),)
    visit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("visits.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"), index=True)
    role: Mapped[str] = mapped_column(String(12))  # "visitor" | "visited"


class FeedbackCase(Tracked, Base):
    __tablename__ = "feedback_cases"
    __table_args__ = (
        # Keyset paging newest first, with and without the usual filters.
        # ``deleted`` leads so that counts and pages never visit the table to skip tombstones.
        Index("ix_feedback_cases_received", "deleted", "received_date", "id"),
        Index("ix_feedback_cases_state_received", "deleted", "state", "received_date", "id"),
        Index("ix_feedback_cases_station_received", "deleted", "station_id", "received_date", "id"),
        Index("ix_feedback_cases_state_deadline", "state", "deadline"),
        Index("ix_feedback_cases_person_name", "person_name"),
        # The follow-up, conflict and escalated counts otherwise read the whole table.
        Index("ix_feedback_cases_follow_up", "deleted", "follow_up"),
        Index("ix_feedback_cases_conflict", "deleted", "conflict"),
        Index("ix_feedback_cases_escalated", "deleted", "escalated"),
        Index("ix_feedback_cases_person_initials", "person_initials"),
    )
    personal_fields = ("person_name", "person_keys", "person_initials", "phone", "id_number")
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    received_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    person_name: Mapped[str] = mapped_column(String(50), default="")
    person_keys: Mapped[str] = mapped_column(String(200), default="")
    person_initials: Mapped[str] = mapped_column(String(20), default="")  # exact-match search
    phone: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback_categories.id"))
    content: Mapped[str] = mapped_column(Text, default="")
    duty_day_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("duty_days.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"), index=True)
    case_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    # The columns below project the case's events, kept in step with them in the same
    # transaction (the events are the truth; these make lists and filters fast).
    state: Mapped[str] = mapped_column(String(20), default="registered")
    last_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    co_department_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of ids
    referred_on: Mapped[dt.date | None] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    deadline_exact: Mapped[bool] = mapped_column(Boolean, default=True)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(1), default="")
    reply_text: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    satisfaction: Mapped[str] = mapped_column(String(24), default="")
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback_cases.id"))
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseDeputy(Tracked, Base):
    """A deputy who took a case."""

    __tablename__ = "case_deputies"
    __table_args__ = (UniqueConstraint("case_id", "deputy_id"),)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_cases.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"), index=True)


class CaseEvent(Base):
    """One step in a case's life, append-only; ``previous_id`` names the event it follows."""

    __tablename__ = "case_events"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_cases.id"), index=True)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_events.id"))
    kind: Mapped[str] = mapped_column(String(24))
    state_after: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(50), default="")
    site_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the step's own fields
    change_seq: Mapped[int] = mapped_column(BigInteger, index=True, default=0)


class CaseAttachment(Tracked, Base):
    """A scanned form, a photo or a reply letter, stored with its hash (carried in bundles)."""

    __tablename__ = "case_attachments"
    personal_fields = ("file_name",)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feedback_cases.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(60))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    def clear_personal(self) -> None:
        super().clear_personal()
        self.content = b""  # a deleted photo of a person's letter must not stay on disk


class CalendarDay(Tracked, Base):
    """A public holiday, or a weekend day that is worked (调休): county-owned data."""

    __tablename__ = "calendar_days"
    __table_args__ = (UniqueConstraint("day"),)
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # "holiday" | "workday"


class CalendarYear(Tracked, Base):
    """A year whose holidays have been entered; deadlines past it count weekends only."""

    __tablename__ = "calendar_years"
    __table_args__ = (UniqueConstraint("year"),)
    year: Mapped[int] = mapped_column(Integer)


class Activity(Tracked, Base):
    """One deputy activity (an inspection with fifteen deputies is one record)."""

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_day", "day", "id"),)
    kind_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity_kinds.id"), index=True)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stations.id"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class ActivityParticipant(Tracked, Base):
    __tablename__ = "activity_participants"
    __table_args__ = (UniqueConstraint("activity_id", "deputy_id"),)
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activities.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"), index=True)
    attendance: Mapped[str] = mapped_column(String(12), default="present")
    quantity: Mapped[int] = mapped_column(Integer, default=1)


# --- performance points (履职积分) ------------------------------------------------------------


class PointRuleSet(Tracked, Base):
    """A year's points rules for county or township deputies; items as JSON so that the whole
    rule set travels and versions as one record (the county owns it)."""

    __tablename__ = "point_rule_sets"
    __table_args__ = (UniqueConstraint("year", "scope"),)
    year: Mapped[int] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100))
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    items: Mapped[str] = mapped_column(Text, default="[]")


class SessionPeriod(Tracked, Base):
    """The dates of a congress session (大会期间), county-owned: session items count inside."""

    __tablename__ = "session_periods"
    name: Mapped[str] = mapped_column(String(100))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)


class PointDispute(Tracked, Base):
    """A deputy's dispute of an item (错、重、漏) and how it was settled."""

    __tablename__ = "point_disputes"
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("deputies.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    item_code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))  # wrong | duplicate | missing
    reason: Mapped[str] = mapped_column(Text, default="")
    record_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | accepted | rejected
    delta: Mapped[str] = mapped_column(String(16), default="0")  # decimal points, when accepted
    resolution: Mapped[str] = mapped_column(Text, default="")


class PointPeriodEvent(Tracked, Base):
    """A year confirmed (locked) by the county, or reopened: the last event decides."""

    __tablename__ = "point_period_events"
    year: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(8))  # lock | reopen
    note: Mapped[str] = mapped_column(Text, default="")


# Bundle bookkeeping and the ledger print log live in modules of their own; importing them here
# registers their tables with every reader of this one (migrations, the schema tests).
from desktop.db import programmes as _programmes  # noqa: E402, F401
from desktop.db.bookkeeping import (  # noqa: E402, F401
    BundleQuarantined,
    BundleReceived,
    BundleSent,
    SyncConflict,
    SyncWaiting,
)
from desktop.db.ledger_prints import LedgerPrint  # noqa: E402, F401
from desktop.db.security import AuditEntry, User  # noqa: E402, F401
