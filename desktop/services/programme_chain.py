"""The chain "a person's words -> a deputy's suggestion -> a funded project -> done ->
satisfaction", read from either end: a feedback case, or a special-fund project."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import Activity, CaseDeputy, Deputy, FeedbackCase, Station
from desktop.db.programmes import FundProject, Supervision, SupervisionDeputy
from desktop.domain.enums import CaseState
from desktop.domain.programmes import FundStage
from desktop.domain.programmes import Satisfaction as ProjectSatisfaction
from desktop.domain.workflow import Satisfaction as CaseSatisfaction
from desktop.services.common import NOT_FOUND, ServiceError


@dataclass(frozen=True, slots=True)
class ChainCase:
    """The person's words: the case, the deputies who took it and how the person judged it."""

    id: uuid.UUID
    case_number: str
    received_date: dt.date
    content: str
    deputy_names: tuple[str, ...]
    station_name: str
    state: CaseState
    satisfaction: CaseSatisfaction | None


@dataclass(frozen=True, slots=True)
class ChainSuggestion:
    """The suggestion a deputy filed (an activity of the kind 提出建议)."""

    id: uuid.UUID
    title: str
    day: dt.date


@dataclass(frozen=True, slots=True)
class ChainSupervision:
    id: uuid.UUID
    day: dt.date
    deputy_names: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class ChainProject:
    """A special-fund project of the chain, with its suggestion and supervision visits."""

    id: uuid.UUID
    year: int
    title: str
    stage: FundStage
    requested_fen: int
    approved_fen: int
    spent_fen: int
    accepted_on: dt.date | None
    satisfaction: ProjectSatisfaction | None
    suggestion: ChainSuggestion | None
    supervisions: tuple[ChainSupervision, ...]

    @property
    def done(self) -> bool:
        return self.stage is FundStage.ACCEPTED


@dataclass(frozen=True, slots=True)
class Chain:
    """The case (None when a project came from a suggestion alone) and its fund projects."""

    case: ChainCase | None
    projects: tuple[ChainProject, ...]

    @property
    def empty(self) -> bool:
        return self.case is None and not self.projects


class ProgrammeChain:
    def __init__(self, db: Database) -> None:
        self._db = db

    def for_case(self, case_id: uuid.UUID) -> Chain:
        """The case and every live fund project born of it (oldest year first)."""
        with self._db.read() as s:
            case = s.get(FeedbackCase, case_id)
            if case is None or case.deleted:
                raise ServiceError(NOT_FOUND)
            query = select(FundProject).where(~FundProject.deleted, FundProject.case_id == case_id)
            projects = s.scalars(query.order_by(FundProject.year, FundProject.title)).all()
            return Chain(_case(s, case), _projects(s, projects))

    def for_fund_project(self, fund_project_id: uuid.UUID) -> Chain:
        """The project with the case it came from (if any), its suggestion and its visits."""
        with self._db.read() as s:
            project = s.get(FundProject, fund_project_id)
            if project is None or project.deleted:
                raise ServiceError(NOT_FOUND)
            case = s.get(FeedbackCase, project.case_id) if project.case_id else None
            shown = _case(s, case) if case is not None and not case.deleted else None
            return Chain(shown, _projects(s, [project]))

    def has_projects(self, case_id: uuid.UUID) -> bool:
        with self._db.read() as s:
            query = select(FundProject.id).where(
                ~FundProject.deleted, FundProject.case_id == case_id
            )
            return s.scalars(query.limit(1)).first() is not None


def _case(s: Session, case: FeedbackCase) -> ChainCase:
    deputies = s.scalars(
        select(Deputy.name)
        .join(CaseDeputy, CaseDeputy.deputy_id == Deputy.id)
        .where(CaseDeputy.case_id == case.id, ~CaseDeputy.deleted)
        .order_by(Deputy.name_sort, Deputy.name)
    ).all()
    station = s.get(Station, case.station_id)
    return ChainCase(
        id=case.id,
        case_number=case.case_number,
        received_date=case.received_date,
        content=case.content,
        deputy_names=tuple(deputies),
        station_name=station.name if station else "",
        state=CaseState(case.state),
        satisfaction=CaseSatisfaction(case.satisfaction) if case.satisfaction else None,
    )


def _projects(s: Session, projects: Iterable[FundProject]) -> tuple[ChainProject, ...]:
    out = []
    for p in projects:
        suggestion = s.get(Activity, p.suggestion_id) if p.suggestion_id else None
        out.append(
            ChainProject(
                id=p.id,
                year=p.year,
                title=p.title,
                stage=FundStage(p.stage or FundStage.APPLIED.value),
                requested_fen=p.requested_fen or 0,
                approved_fen=p.approved_fen or 0,
                spent_fen=p.spent_fen or 0,
                accepted_on=p.accepted_on,
                satisfaction=ProjectSatisfaction(p.satisfaction) if p.satisfaction else None,
                suggestion=(
                    ChainSuggestion(suggestion.id, suggestion.title, suggestion.day)
                    if suggestion is not None and not suggestion.deleted
                    else None
                ),
                supervisions=_supervisions(s, p.id),
            )
        )
    return tuple(out)


def _supervisions(s: Session, fund_project_id: uuid.UUID) -> tuple[ChainSupervision, ...]:
    visits = s.scalars(
        select(Supervision)
        .where(~Supervision.deleted, Supervision.fund_project_id == fund_project_id)
        .order_by(Supervision.day, Supervision.id)
    ).all()
    out = []
    for visit in visits:
        names = s.scalars(
            select(Deputy.name)
            .join(SupervisionDeputy, SupervisionDeputy.deputy_id == Deputy.id)
            .where(SupervisionDeputy.supervision_id == visit.id, ~SupervisionDeputy.deleted)
            .order_by(SupervisionDeputy.created_at, Deputy.name)
        ).all()
        out.append(ChainSupervision(visit.id, visit.day, tuple(names), visit.summary))
    return tuple(out)
