"""What a project's selection vote does to the project: chosen, or back among the not chosen."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop.db.programmes import LivelihoodProject
from desktop.domain.programme_checks import tally_of
from desktop.domain.programmes import ProjectStage, VoteKind

POOL = (ProjectStage.PROPOSED, ProjectStage.SHORTLISTED, ProjectStage.CHOSEN,
        ProjectStage.NOT_CHOSEN)  # fmt: skip


def decided_stage(stage: str, passed: bool) -> str:
    """The stage a selection vote leaves a project at: a finished project stays finished."""
    if stage and ProjectStage(stage) not in POOL:
        return stage
    return (ProjectStage.CHOSEN if passed else ProjectStage.NOT_CHOSEN).value


def vote_decides(s: Session, clean: dict[str, Any]) -> None:
    """A selection vote moves a project from the pool: chosen when more than half the deputies
    present voted for it, not chosen otherwise (a later vote decides again)."""
    tally = tally_of(clean)
    project = s.get(LivelihoodProject, clean["project_id"])
    if tally.kind is not VoteKind.SELECTION or project is None or project.deleted:
        return
    project.stage = decided_stage(project.stage, tally.passed())
