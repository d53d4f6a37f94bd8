"""The programmes' figures (issue 8): ``ProgrammeReport.figures(year)`` for the county of the
prefecture-size demo (the dashboard's database: ten counties, 620 stations, five years) against
plain SQL aggregate queries that produce the same numbers, in the same run. The two are compared
figure by figure; a disagreement marks the row FAIL."""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.dashboard import AS_OF, YEAR, _median_ms, demo_database
from benchmarks.dataset import CACHE_DIR
from benchmarks.points import CheckedFigure
from benchmarks.report import Figure

TARGET_RATIO = 3.0
RUNS, QUICK_RUNS = 9, 3
FUNDED = "('verified', 'implementing', 'accepted')"
IN_YEAR = "NOT {t}.deleted AND {t}.{day} BETWEEN :first AND :last"
BASELINE = {
    "stages": "SELECT stage, count(*) FROM livelihood_projects p "
    "WHERE NOT p.deleted AND p.year = :year GROUP BY stage",
    "budget": "SELECT total(budget_fen) FROM livelihood_projects p WHERE NOT p.deleted "
    "AND p.year = :year AND p.stage IN ('chosen', 'done')",
    "satisfaction": "SELECT count(*), avg((v.first + v.second) * 100.0 / v.valid) "
    "FROM project_votes v JOIN livelihood_projects p ON p.id = v.project_id WHERE NOT v.deleted "
    "AND NOT p.deleted AND v.kind = 'satisfaction' AND v.year = :year AND v.valid > 0",
    "fund": f"SELECT count(*), total(stage IN {FUNDED}), total(stage = 'accepted'), "
    f"total(requested_fen), total(CASE WHEN stage IN {FUNDED} THEN approved_fen END), "
    "total(CASE WHEN stage = 'accepted' THEN spent_fen END) FROM fund_projects f "
    "WHERE NOT f.deleted AND f.year = :year",
    "committed": f"SELECT total(approved_fen) FROM fund_projects f WHERE NOT f.deleted "
    f"AND f.year = :year AND f.stage IN {FUNDED}",
    "limits": "SELECT value FROM app_settings WHERE key = 'fund_limits'",
    "drafts": "SELECT count(*) FROM law_drafts d WHERE " + IN_YEAR.format(t="d", day="received_on"),
    "comments": "SELECT count(*), total(c.reported), total(c.adopted) FROM draft_comments c "
    "JOIN law_drafts d ON d.id = c.draft_id WHERE NOT d.deleted AND "
    + IN_YEAR.format(t="c", day="received_on"),
    "contacts": "SELECT kind, count(*) FROM legislative_contacts k WHERE NOT k.deleted "
    "GROUP BY kind",
    "batches": "SELECT level, count(*) FROM training_batches b WHERE "
    + IN_YEAR.format(t="b", day="day")
    + " GROUP BY level",
    "attendance": "SELECT count(*), total(b.hours) FROM training_attendance a "
    "JOIN training_batches b ON b.id = a.batch_id WHERE NOT a.deleted "
    "AND a.attendance = 'present' AND " + IN_YEAR.format(t="b", day="day"),
    "officers": "SELECT body, count(*) FROM legal_officers o WHERE NOT o.deleted GROUP BY body",
    "linked": "SELECT count(DISTINCT l.station_id) FROM legal_officer_stations l "
    "JOIN legal_officers o ON o.id = l.officer_id WHERE NOT l.deleted AND NOT o.deleted",
    "events": "SELECT kind, count(*), total(people), total(kind = 'mediation' AND "
    "outcome = 'settled') FROM legal_events e WHERE "
    + IN_YEAR.format(t="e", day="day")
    + " GROUP BY kind",
    "supervisions": "SELECT count(*) FROM supervisions v WHERE " + IN_YEAR.format(t="v", day="day"),
    "supervisors": "SELECT count(*) FROM supervision_deputies x JOIN supervisions v "
    "ON v.id = x.supervision_id WHERE NOT x.deleted AND " + IN_YEAR.format(t="v", day="day"),
    "stories": "SELECT kind, count(*) FROM deputy_stories s WHERE "
    + IN_YEAR.format(t="s", day="published_on")
    + " GROUP BY kind",
    "signs": "SELECT count(*) FROM deputies d WHERE NOT d.deleted AND d.household_sign",
}


@dataclass(frozen=True)
class ProgrammesResult:
    figures: list[Figure]
    notes: list[str]


def baseline(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    params = {"year": YEAR, "first": f"{YEAR}-01-01", "last": f"{YEAR}-12-31"}
    return {name: conn.execute(sql, params).fetchall() for name, sql in BASELINE.items()}


def _plain(rows: dict[str, list[tuple]]) -> dict[str, Any]:
    """The baseline's rows as the figures the service reports for the county."""
    stages = dict(rows["stages"])
    votes, average = rows["satisfaction"][0]
    fund = [int(x or 0) for x in rows["fund"][0]]
    limits = json.loads(rows["limits"][0][0]) if rows["limits"] else {}
    total = int(limits[str(YEAR)][0]) if str(YEAR) in limits else 200_000_000
    comments = [int(x or 0) for x in rows["comments"][0]]
    people, hours = rows["attendance"][0]
    events = {k: n for k, n, *_ in rows["events"]}
    return {
        "projects": (sum(stages.values()), stages.get("chosen", 0) + stages.get("done", 0),
                     stages.get("not_chosen", 0), stages.get("done", 0),
                     int(rows["budget"][0][0]), votes,
                     None if average is None else round(average, 1)),
        "fund": (*fund, total, total - int(rows["committed"][0][0])),
        "drafts": (rows["drafts"][0][0], *comments),
        "contacts": dict(rows["contacts"]),
        "training": (dict(rows["batches"]), people, int(hours or 0)),
        "legal": (dict(rows["officers"]), rows["linked"][0][0], events,
                  int(sum(r[2] for r in rows["events"])),
                  int(sum(r[3] for r in rows["events"]))),
        "supervision": (rows["supervisions"][0][0], rows["supervisors"][0][0]),
        "stories": dict(rows["stories"]),
        "signs": rows["signs"][0][0],
    }  # fmt: skip


def _service(f: Any) -> dict[str, Any]:
    def counts(found: Any) -> dict[str, int]:
        return {c.key: c.value for c in found if c.value}

    p, u = f.projects, f.fund
    return {
        "projects": (p.candidates, p.chosen, p.not_chosen, p.done, p.budget_fen,
                     p.satisfaction_votes, p.satisfaction),
        "fund": (u.applied, u.funded, u.accepted, u.requested_fen, u.approved_fen, u.paid_fen,
                 u.total_fen, u.remaining_fen),
        "drafts": (f.drafts, f.comments, f.comments_reported, f.comments_adopted),
        "contacts": counts(f.contacts),
        "training": (counts(f.training_batches), f.training_person_times, f.training_hours),
        "legal": (counts(f.legal_officers), f.legal_stations, counts(f.legal_events),
                  f.legal_people, f.mediations_settled),
        "supervision": (f.supervisions, f.supervision_deputy_times),
        "stories": {k: v for k, v in (("story", f.stories), ("media", f.media_reports)) if v},
        "signs": f.household_signs,
    }  # fmt: skip


def measure(quick: bool, cache_dir: Path = CACHE_DIR, runs: int | None = None) -> ProgrammesResult:
    from desktop.services import open_services

    runs = runs or (QUICK_RUNS if quick else RUNS)
    path, built = demo_database(quick, cache_dir)
    how = f"built in {built:.0f} s" if built else "cached"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    services = open_services(path, today=lambda: AS_OF)
    try:
        report = services.programme_report
        baseline(conn)  # both warm: the pages in the OS cache, SQLAlchemy's statement cache
        report.figures(YEAR, as_of=AS_OF)
        plain_ms, plain = _median_ms(lambda: baseline(conn), runs)
        mine_ms, mine = _median_ms(lambda: report.figures(YEAR, as_of=AS_OF), runs)
        scopes = services.county.scopes()
        every_ms, _ = _median_ms(
            lambda: report.programme_set(YEAR, scopes, as_of=AS_OF), max(1, runs // 2)
        )
    finally:
        services.close()
        conn.close()
    ours, theirs = _service(mine), _plain(plain)
    agrees = ours == theirs
    notes = [f"programmes database ({how}): {path}"]
    if not agrees:
        wrong = sorted(k for k in ours if ours[k] != theirs.get(k))
        notes.append(f"programme figures DIFFER from the plain SQL's: {', '.join(wrong)}")
    scale = "county" if quick else "prefecture"
    notes.append(
        f"programmes: the annual report's county, {len(scopes) - 1} townships and stations "
        f"from one count: {every_ms:,.1f} ms; {mine.projects.candidates} projects, "
        f"{mine.fund.applied} fund projects, {mine.training_person_times:,} training "
        f"person-times in {YEAR}; counts {'equal' if agrees else 'UNEQUAL'} to the plain SQL's"
    )
    return ProgrammesResult(
        figures=[
            CheckedFigure(
                f"programme figures, a year of the {scale}",
                mine_ms,
                plain_ms,
                max_ratio=TARGET_RATIO,
                agrees=agrees,
            )
        ],
        notes=notes,
    )


if __name__ == "__main__":
    from benchmarks.report import table

    result = measure("--quick" in sys.argv)
    print(table(result.figures))
    print("\n".join(result.notes))
