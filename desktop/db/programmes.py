"""The programmes' tables: voted livelihood projects, the special fund, draft-law consultations,
training, legal-service liaison and deputies' stories. All travel in bundles. The county owns
projects, fund projects, drafts, the legislative contacts and the legal officers; whoever
records them owns supervision visits, comments, training batches, legal events and stories
(stations theirs, tied to their station)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy import UniqueConstraint as Unique
from sqlalchemy.orm import Mapped, mapped_column

from desktop.db.base import Base, Tracked

_DEPUTY = "deputies.id"
_STATION = "stations.id"

# --- voted livelihood projects (民生实事项目代表票决制) --------------------------------------


class LivelihoodProject(Tracked, Base):
    __tablename__ = "livelihood_projects"
    year: Mapped[int] = mapped_column(Integer, index=True)  # the year of the pool it is in
    title: Mapped[str] = mapped_column(String(200))
    proposer: Mapped[str] = mapped_column(String(200), default="")  # who put it forward
    department: Mapped[str] = mapped_column(String(200), default="")  # who carries it out
    budget_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    stage: Mapped[str] = mapped_column(String(16), default="proposed")
    summary: Mapped[str] = mapped_column(Text, default="")
    first_year: Mapped[int] = mapped_column(Integer, default=0)  # the pool it first entered


class ProjectVote(Tracked, Base):
    """A vote on a project at the congress: its selection, or the year-end satisfaction."""

    __tablename__ = "project_votes"
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("livelihood_projects.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # VoteKind
    year: Mapped[int] = mapped_column(Integer)
    day: Mapped[dt.date] = mapped_column(Date)
    present: Mapped[int] = mapped_column(Integer, default=0)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    valid: Mapped[int] = mapped_column(Integer, default=0)
    invalid: Mapped[int] = mapped_column(Integer, default=0)
    first: Mapped[int] = mapped_column(Integer, default=0)
    second: Mapped[int] = mapped_column(Integer, default=0)
    third: Mapped[int] = mapped_column(Integer, default=0)
    abstain: Mapped[int] = mapped_column(Integer, default=0)


class ProjectMilestone(Tracked, Base):
    __tablename__ = "project_milestones"
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("livelihood_projects.id"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    percent: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class ProjectSupervisor(Tracked, Base):
    """A deputy of a project's supervising group; id = link_id(project, deputy)."""

    __tablename__ = "project_supervisors"
    __table_args__ = (Unique("project_id", "deputy_id"),)
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("livelihood_projects.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_DEPUTY), index=True)


# --- the special fund for deputies' suggestions (代表建议办理专项资金) ------------------------


class FundProject(Tracked, Base):
    """A small urgent project paid from the year's fund, born of a deputy's suggestion: a
    feedback case taken up (``case_id``) or a suggestion filed (an activity, ``suggestion_id``)."""

    __tablename__ = "fund_projects"
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(200))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION), index=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("feedback_cases.id"), index=True)
    suggestion_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activities.id"))
    department: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[str] = mapped_column(String(16), default="applied")
    requested_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    approved_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    spent_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    verified_on: Mapped[dt.date | None] = mapped_column(Date)
    accepted_on: Mapped[dt.date | None] = mapped_column(Date)
    satisfaction: Mapped[str] = mapped_column(String(24), default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class Supervision(Tracked, Base):
    """Deputies' supervision visit to a voted project or a fund project (one of the two)."""

    __tablename__ = "supervisions"
    project_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("livelihood_projects.id"), index=True
    )
    fund_project_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("fund_projects.id"), index=True
    )
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")


class SupervisionDeputy(Tracked, Base):
    __tablename__ = "supervision_deputies"
    __table_args__ = (Unique("supervision_id", "deputy_id"),)
    supervision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supervisions.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_DEPUTY), index=True)


# --- draft-law consultations (基层立法联系点) ------------------------------------------------


class LawDraft(Tracked, Base):
    __tablename__ = "law_drafts"
    title: Mapped[str] = mapped_column(String(200))
    issuing_body: Mapped[str] = mapped_column(String(200), default="")
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")


class LegislativeContact(Tracked, Base):
    """A contact point, liaison officer or informant of the legislative network."""

    __tablename__ = "legislative_contacts"
    personal_fields = ("phone",)
    kind: Mapped[str] = mapped_column(String(12))  # ContactKind
    name: Mapped[str] = mapped_column(String(100))
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION))
    phone: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class DraftComment(Tracked, Base):
    """A comment gathered on one article of a draft; whether it was reported upward and
    adopted is kept by whoever gathered it."""

    __tablename__ = "draft_comments"
    personal_fields = ("commenter",)
    draft_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("law_drafts.id"), index=True)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legislative_contacts.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    article: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    commenter: Mapped[str] = mapped_column(String(100), default="")
    reported: Mapped[bool] = mapped_column(Boolean, default=False)
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)


# --- training (培训) ------------------------------------------------------------------------


class TrainingBatch(Tracked, Base):
    __tablename__ = "training_batches"
    __table_args__ = (Index("ix_training_batches_day", "day", "id"),)
    level: Mapped[str] = mapped_column(String(12))  # TrainingLevel
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    topic: Mapped[str] = mapped_column(String(200))
    hours: Mapped[int] = mapped_column(Integer, default=0)  # 学时
    organizer: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")


class TrainingAttendance(Tracked, Base):
    """A deputy's attendance of a batch; present attendance earns the rules' training item."""

    __tablename__ = "training_attendance"
    __table_args__ = (Unique("batch_id", "deputy_id"),)
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("training_batches.id"))
    deputy_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_DEPUTY), index=True)
    attendance: Mapped[str] = mapped_column(String(12), default="present")


# --- legal-service liaison ("三官"联系站点) ------------------------------------------------


class LegalOfficer(Tracked, Base):
    __tablename__ = "legal_officers"
    personal_fields = ("phone",)
    name: Mapped[str] = mapped_column(String(50))
    body: Mapped[str] = mapped_column(String(16))  # LegalBody
    unit: Mapped[str] = mapped_column(String(200), default="")
    post: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")


class LegalOfficerStation(Tracked, Base):
    __tablename__ = "legal_officer_stations"
    __table_args__ = (Unique("officer_id", "station_id"),)
    officer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("legal_officers.id"))
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_STATION), index=True)


class LegalEvent(Tracked, Base):
    __tablename__ = "legal_events"
    station_id: Mapped[uuid.UUID] = mapped_column(ForeignKey(_STATION), index=True)
    officer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legal_officers.id"))
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # LegalEventKind
    topic: Mapped[str] = mapped_column(String(200), default="")
    people: Mapped[int] = mapped_column(Integer, default=0)  # attendance
    outcome: Mapped[str] = mapped_column(String(16), default="held")  # LegalOutcome
    summary: Mapped[str] = mapped_column(Text, default="")


# --- deputies' stories and media reports ----------------------------------------------------


class DeputyStory(Tracked, Base):
    __tablename__ = "deputy_stories"
    deputy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_DEPUTY), index=True)
    station_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey(_STATION))
    kind: Mapped[str] = mapped_column(String(8))  # StoryKind
    title: Mapped[str] = mapped_column(String(200))
    outlet: Mapped[str] = mapped_column(String(200), default="")
    published_on: Mapped[dt.date] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
