"""The programmes' figures for a year and a scope (county, township, station): the annual report's
代表参与重点工作 and the programmes tab's. The station-tied records are counted per station in a
few grouped queries (programme_tally.py) and summed per scope, so a report of every township and
station counts once; the county adds the records tied to no station."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.programmes import LawDraft, LivelihoodProject, ProjectVote
from desktop.domain.enums import LabelledEnum
from desktop.domain.figures import (
    Count,
    FundFigures,
    ProgrammeFigures,
    ProgrammeSet,
    ProjectFigures,
    Scope,
    year_until,
)
from desktop.domain.programmes import (
    ContactKind,
    LegalBody,
    LegalEventKind,
    ProjectStage,
    TrainingLevel,
    VoteKind,
)
from desktop.services.county_sums import Places
from desktop.services.programme_tally import (
    By,
    StationTally,
    count_stations,
    household_signs,
    officers_by_body,
    signs_in,
)

# The fund's limits and commitments as the service that checks them reads them.
from desktop.services.programmes import committed_fen, fund_limits_in

Label = Callable[[LabelledEnum], str]
CHOSEN = (ProjectStage.CHOSEN.value, ProjectStage.DONE.value)


def _english(member: LabelledEnum) -> str:
    return member.label


class ProgrammeReport:
    """Built on first use by Services.programme_report."""

    def __init__(self, db: Database, today: Callable[[], dt.date]) -> None:
        self._db = db
        self._today = today

    def figures(
        self,
        year: int,
        scope: Scope | None = None,
        *,
        as_of: dt.date | None = None,
        label: Label = _english,
    ) -> ProgrammeFigures:
        """One scope's figures (records dated up to ``as_of`` within the year), counted for its
        stations alone (the county: every record) rather than per station."""
        scope = scope or Scope()
        until = year_until(year, as_of or self._today())
        with self._db.read() as s:
            stations = None if scope.kind == "county" else Places.read(s).stations_in(scope)
            t = count_stations(s, year, until, By(stations, grouped=False)).get(None)
            county = _county_wide(s, year, until)
            signs = signs_in(s, stations)
        t = t or StationTally()
        officers = county["officers"] if stations is None else t.bodies
        return _figures(year, scope, t, county, officers, signs, label)

    def programme_set(
        self,
        year: int,
        scopes: Iterable[Scope],
        *,
        as_of: dt.date | None = None,
        label: Label = _english,
    ) -> ProgrammeSet:
        """The county (the first county scope), every township and every station given, from
        one count of the year."""
        until = year_until(year, as_of or self._today())
        with self._db.read() as s:
            places = Places.read(s)
            tallies = count_stations(s, year, until)
            county = _county_wide(s, year, until)
            signs = household_signs(s)
        scopes = list(scopes)

        def build(scope: Scope) -> ProgrammeFigures:
            return _build(year, scope, places, tallies, county, signs, label)

        return ProgrammeSet(
            county=build(next((x for x in scopes if x.kind == "county"), Scope())),
            townships=tuple(build(x) for x in scopes if x.kind == "township"),
            stations=tuple(build(x) for x in scopes if x.kind == "station"),
        )


def _county_wide(s: Session, year: int, until: dt.date) -> dict[str, Any]:
    """What has no station: the voted projects, the drafts, the fund's total and what is left."""
    p = LivelihoodProject
    stages = dict(
        s.execute(
            select(p.stage, func.count()).where(~p.deleted, p.year == year).group_by(p.stage)
        ).all()
    )
    budget = s.scalar(
        select(func.coalesce(func.sum(p.budget_fen), 0)).where(
            ~p.deleted, p.year == year, p.stage.in_(CHOSEN)
        )
    )
    v = ProjectVote
    rate = (v.first + v.second) * 100.0 / v.valid
    votes, average = s.execute(
        select(func.count(), func.avg(rate))
        .join(p, p.id == v.project_id)
        .where(
            ~v.deleted,
            ~p.deleted,
            v.kind == VoteKind.SATISFACTION.value,
            v.year == year,
            v.valid > 0,
        )
    ).one()
    drafts = s.scalar(
        select(func.count()).where(
            ~LawDraft.deleted,
            LawDraft.received_on >= dt.date(year, 1, 1),
            LawDraft.received_on <= until,
        )
    )
    limits = fund_limits_in(s, year)
    return {
        "projects": ProjectFigures(
            candidates=sum(stages.values()),
            chosen=sum(stages.get(x, 0) for x in CHOSEN),
            not_chosen=stages.get(ProjectStage.NOT_CHOSEN.value, 0),
            done=stages.get(ProjectStage.DONE.value, 0),
            budget_fen=int(budget or 0),
            satisfaction_votes=int(votes or 0),
            satisfaction=None if average is None else round(float(average), 1),
        ),
        "drafts": int(drafts or 0),
        "fund_total": limits.total_fen,
        "fund_remaining": limits.total_fen - committed_fen(s, year, None),
        "officers": officers_by_body(s),
    }


def _counts(enum: type[LabelledEnum], counter: Counter, label: Label) -> tuple[Count, ...]:
    return tuple(Count(m.value, label(m), counter.get(m.value, 0)) for m in enum)


def _build(
    year: int,
    scope: Scope,
    places: Places,
    tallies: dict[uuid.UUID | None, StationTally],
    county: dict[str, Any],
    signs: dict[str, Any],
    label: Label,
) -> ProgrammeFigures:
    """A scope's figures summed from the per-station tallies."""
    keys: list[uuid.UUID | None] = list(places.stations_in(scope))
    at_county = scope.kind == "county"
    if at_county:  # records of no station, or of a station not on the roster (yet)
        keys += [k for k in tallies if k not in places.township_of]
    t = StationTally()
    for k in keys:
        if k in tallies:
            t.add(tallies[k])
    officers = county["officers"] if at_county else Counter(body for _, body in t.officers)
    return _figures(year, scope, t, county, officers, _signs(scope, keys, signs), label)


def _figures(
    year: int,
    scope: Scope,
    t: StationTally,
    county: dict[str, Any],
    officers: Counter,
    signs: int,
    label: Label,
) -> ProgrammeFigures:
    at_county = scope.kind == "county"
    return ProgrammeFigures(
        year=year,
        scope=scope,
        projects=county["projects"] if at_county else None,
        fund=FundFigures(
            applied=t.fund_applied,
            funded=t.fund_funded,
            accepted=t.fund_accepted,
            requested_fen=t.fund_requested,
            approved_fen=t.fund_approved,
            paid_fen=t.fund_paid,
            total_fen=county["fund_total"] if at_county else None,
            remaining_fen=county["fund_remaining"] if at_county else None,
        ),
        drafts=county["drafts"] if at_county else None,
        comments=t.comments,
        comments_reported=t.reported,
        comments_adopted=t.adopted,
        contacts=_counts(ContactKind, t.contacts, label),
        training_batches=_counts(TrainingLevel, t.training, label),
        training_person_times=t.training_people,
        training_hours=t.training_hours,
        legal_officers=_counts(LegalBody, officers, label),
        legal_stations=t.linked_stations,
        legal_events=_counts(LegalEventKind, t.events, label),
        legal_people=t.legal_people,
        mediations_settled=t.settled,
        supervisions=t.supervisions,
        supervision_deputy_times=t.supervision_deputies,
        stories=t.stories,
        media_reports=t.media,
        household_signs=signs,
    )


def _signs(scope: Scope, stations: list[uuid.UUID | None], signs: dict[str, Any]) -> int:
    if scope.kind == "county":
        return int(signs["county"])
    if scope.kind == "township":
        return int(signs["township"].get(scope.id, 0))
    return sum(int(signs["station"].get(k, 0)) for k in stations)
