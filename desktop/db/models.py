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
        Index("ix_feedback_cases_received", "received_date", "id"),
        Index("ix_feedback_cases_state_received", "state", "received_date", "id"),
        Index("ix_feedback_cases_station_received", "station_id", "received_date", "id"),
    )
    personal_fields = ("person_name", "person_keys", "phone", "id_number")
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stations.id"))
    received_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    person_name: Mapped[str] = mapped_column(String(50), default="")
    person_keys: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(String(18), default="")
    village: Mapped[str] = mapped_column(String(100), default="")
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback_categories.id"))
    content: Mapped[str] = mapped_column(Text, default="")
    duty_day_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("duty_days.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"), index=True)
    # Kept in step with case_events in the same transaction; the events are the truth.
    state: Mapped[str] = mapped_column(String(20), default="registered")
    last_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


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
