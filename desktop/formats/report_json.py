"""The annual report as JSON: stable keys, documented in docs/report-json.md (format version 1;
the programmes' keys were added compatibly, as the document allows)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from desktop.domain.figures import (
    AnnualReport,
    Completeness,
    Count,
    Figures,
    ProgrammeFigures,
    Rate,
    StationCompleteness,
    year_until,
)
from desktop.formats.files import write_atomically

FORMAT = "liaison-desk-annual-report"
VERSION = 1


def _rate(rate: Rate) -> dict[str, Any]:
    percent = rate.percent
    return {
        "part": rate.part,
        "whole": rate.whole,
        "percent": None if percent is None else round(percent, 1),
    }


def _counts(counts: tuple[Count, ...]) -> dict[str, int]:
    return {c.key: c.value for c in counts}


def figures_object(f: Figures) -> dict[str, Any]:
    """One scope's figures (the same keys for the county, a township and a station)."""
    bands = [int(c.key) for c in f.points_bands]
    return {
        "duty_batches": f.duty_batches,
        "duty_deputy_times": f.duty_deputy_times,
        "people_received": f.people_received,
        "written_opinions": f.written_opinions,
        "visits": f.visits,
        "deputies_visited": f.deputies_visited,
        "opinions_collected": f.opinions_collected,
        "opinions_passed_on": f.opinions_passed_on,
        "cases_by_state": _counts(f.cases_by_state),
        "cases_by_category": [
            {"id": str(uuid.UUID(hex=c.key)) if c.key else None, "name": c.label, "cases": c.value}
            for c in f.cases_by_category
        ],
        "cases_per_month": [c.value for c in f.cases_per_month],
        "outcomes": _counts(f.outcomes),
        "replied_on_time": _rate(f.replied_on_time),
        "satisfied_first": _rate(f.satisfied_first),
        "overdue": f.overdue,
        "activities": f.activities,
        "activity_person_times": f.activity_person_times,
        "points_bands": [
            {"from": low, "to": high, "deputies": c.value}
            for low, high, c in zip(bands, [*bands[1:], None], f.points_bands, strict=True)
        ],
    }


def programmes_object(p: ProgrammeFigures) -> dict[str, Any]:
    """The programmes' figures (代表参与重点工作): money in fen (integers). The county-wide ones
    (voted projects, drafts received, the fund's total and what is left) only for the county."""
    f = p.fund
    fund: dict[str, Any] = {
        "applied": f.applied,
        "funded": f.funded,
        "accepted": f.accepted,
        "requested_fen": f.requested_fen,
        "approved_fen": f.approved_fen,
        "paid_fen": f.paid_fen,
    }
    drafts: dict[str, Any] = {}
    out: dict[str, Any] = {}
    if p.projects is not None:
        v = p.projects
        out["projects"] = {
            "candidates": v.candidates,
            "chosen": v.chosen,
            "not_chosen": v.not_chosen,
            "done": v.done,
            "budget_fen": v.budget_fen,
            "satisfaction_votes": v.satisfaction_votes,
            "satisfaction_percent": v.satisfaction,
        }
    if f.total_fen is not None:
        fund |= {"total_fen": f.total_fen, "remaining_fen": f.remaining_fen}
    if p.drafts is not None:
        drafts["received"] = p.drafts
    drafts |= {"comments": p.comments, "reported": p.comments_reported,
               "adopted": p.comments_adopted}  # fmt: skip
    return {
        **out,
        "fund": fund,
        "drafts": drafts,
        "legislative_contacts": _counts(p.contacts),
        "training": {
            "batches": _counts(p.training_batches),
            "person_times": p.training_person_times,
            "hours": p.training_hours,
        },
        "legal_service": {
            "officers": _counts(p.legal_officers),
            "stations_linked": p.legal_stations,
            "events": _counts(p.legal_events),
            "people": p.legal_people,
            "mediations_settled": p.mediations_settled,
        },
        "supervision": {"visits": p.supervisions, "deputy_times": p.supervision_deputy_times},
        "stories": {"stories": p.stories, "media_reports": p.media_reports},
        "household_signs": p.household_signs,
    }


def _programmes_of(report: AnnualReport) -> dict[Any, dict[str, Any]]:
    """Scope id -> its programmes object (townships and stations); empty when not counted."""
    found = report.programmes
    if found is None:
        return {}
    return {p.scope.id: programmes_object(p) for p in (*found.townships, *found.stations)}


def _station_completeness(s: StationCompleteness) -> dict[str, Any]:
    return {
        "site_code": s.site_code,
        "expected": s.expected,
        "received": s.received,
        "on_time": s.on_time,
        "ledgers_printed": s.ledgers_printed,
        "last_bundle": s.last_bundle.isoformat() if s.last_bundle else None,
        "silent_days": s.silent_days,
        "months": [
            {"month": c.month, "state": c.state, "bundles": c.bundles, "ledger": c.ledger_printed}
            for c in s.months
        ],
    }


def _completeness(c: Completeness) -> dict[str, Any]:
    return {
        "due_day": c.due_day,
        "silent_after_days": c.silent_after,
        "expected": sum(s.expected for s in c.stations),
        "received": sum(s.received for s in c.stations),
        "on_time": sum(s.on_time for s in c.stations),
        "silent_stations": [str(s.station_id) for s in c.silent],
    }


def report_object(report: AnnualReport) -> dict[str, Any]:
    township_of = {
        line.id: t.scope for t in report.townships for line in t.townships
    }  # station id -> its township's scope
    completeness = {s.station_id: s for s in report.completeness.stations}
    programmes = _programmes_of(report)
    return {
        "format": FORMAT,
        "version": VERSION,
        "year": report.year,
        "county": report.county_name,
        "as_of": report.as_of.isoformat(),
        "until": year_until(report.year, report.as_of).isoformat(),
        "totals": figures_object(report.county),
        "townships": [
            {
                "id": str(t.scope.id),
                "name": t.scope.name,
                "stations": len(t.townships),
                **figures_object(t),
                "programmes": programmes.get(t.scope.id),
            }
            for t in report.townships
        ],
        "stations": [
            {
                "id": str(s.scope.id),
                "name": s.scope.name,
                "township_id": str(township_of[s.scope.id].id)
                if s.scope.id in township_of
                else None,
                "township": township_of[s.scope.id].name if s.scope.id in township_of else "",
                **figures_object(s),
                "programmes": programmes.get(s.scope.id),
                "completeness": _station_completeness(completeness[s.scope.id])
                if s.scope.id in completeness
                else None,
            }
            for s in report.stations
        ],
        "completeness": _completeness(report.completeness),
        "programmes": programmes_object(report.programmes.county) if report.programmes else None,
        "top_deputies": [
            {
                "rank": d.rank,
                "id": str(d.id),
                "name": d.name,
                "township": d.township,
                "station": d.station,
                "points": d.points,
            }
            for d in report.county.top_deputies
        ],
    }


def write_report_json(report: AnnualReport, target: Path) -> int:
    """Write the report; returns the number of stations in it."""
    data = json.dumps(report_object(report), ensure_ascii=False, indent=2)
    write_atomically(target, (data + "\n").encode("utf-8"))
    return len(report.stations)
