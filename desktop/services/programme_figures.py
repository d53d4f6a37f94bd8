"""The figures a programme record's list shows beside it (its ``out_`` fields): a project's
vote, progress and satisfaction, a draft's comments, a batch's attendance, a fund project's
supervision visits. One grouped query per figure for a whole list."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.db.programmes import (
    DraftComment,
    ProjectMilestone,
    ProjectVote,
    Supervision,
    TrainingAttendance,
)
from desktop.domain.programmes import VoteKind

Figures = dict[uuid.UUID, dict[str, Any]]


def derived(s: Session, kind: str, ids: list[uuid.UUID]) -> Figures:
    out: Figures = defaultdict(dict)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for fn in _BY_KIND.get(kind, ()):
            fn(s, chunk, out)
    return out


def _latest_votes(s: Session, ids: list[uuid.UUID], kind: VoteKind) -> dict[uuid.UUID, Any]:
    query = (
        select(ProjectVote)
        .where(ProjectVote.project_id.in_(ids), ~ProjectVote.deleted, ProjectVote.kind == kind)
        .order_by(ProjectVote.day, ProjectVote.created_at)
    )
    return {v.project_id: v for v in s.scalars(query)}  # the last one wins


def satisfaction_percent(first: int, second: int, valid: int) -> int | None:
    """满意率: satisfied and basically satisfied, as a whole percentage of the valid ballots."""
    return None if not valid else round((first + second) * 100 / valid)


def _projects(s: Session, ids: list[uuid.UUID], out: Figures) -> None:
    for pid in ids:
        out[pid].update(out_selection="", out_progress=0, out_satisfaction=None)
    for pid, v in _latest_votes(s, ids, VoteKind.SELECTION).items():
        out[pid]["out_selection"] = f"{v.first}/{v.second}/{v.abstain}"
    for pid, v in _latest_votes(s, ids, VoteKind.SATISFACTION).items():
        out[pid]["out_satisfaction"] = satisfaction_percent(v.first, v.second, v.valid)
    query = (
        select(ProjectMilestone.project_id, ProjectMilestone.percent)
        .where(ProjectMilestone.project_id.in_(ids), ~ProjectMilestone.deleted)
        .order_by(ProjectMilestone.day, ProjectMilestone.created_at)
    )
    for pid, percent in s.execute(query):
        out[pid]["out_progress"] = percent


def _counted(column: Any, model: Any, out_key: str):
    def fill(s: Session, ids: list[uuid.UUID], out: Figures) -> None:
        for i in ids:
            out[i][out_key] = 0
        query = select(column, func.count()).where(column.in_(ids), ~model.deleted).group_by(column)
        for record_id, n in s.execute(query):
            out[record_id][out_key] = n

    return fill


def _drafts(s: Session, ids: list[uuid.UUID], out: Figures) -> None:
    c = DraftComment
    query = (
        select(
            c.draft_id,
            func.count(),
            func.sum(case((c.reported, 1), else_=0)),
            func.sum(case((c.adopted, 1), else_=0)),
        )
        .where(c.draft_id.in_(ids), ~c.deleted)
        .group_by(c.draft_id)
    )
    for i in ids:
        out[i].update(out_comments=0, out_reported=0, out_adopted=0)
    for draft_id, n, reported, adopted in s.execute(query):
        out[draft_id].update(
            out_comments=n, out_reported=int(reported or 0), out_adopted=int(adopted or 0)
        )


def _attendance(s: Session, ids: list[uuid.UUID], out: Figures) -> None:
    a = TrainingAttendance
    query = (
        select(a.batch_id, func.count())
        .where(a.batch_id.in_(ids), ~a.deleted, a.attendance == "present")
        .group_by(a.batch_id)
    )
    for i in ids:
        out[i]["out_attendance"] = 0
    for batch_id, n in s.execute(query):
        out[batch_id]["out_attendance"] = n


_BY_KIND = {
    "projects": (_projects,),
    "fund-projects": (_counted(Supervision.fund_project_id, Supervision, "out_supervisions"),),
    "drafts": (_drafts,),
    "training": (_attendance,),
}
