"""The programmes' figures (代表参与重点工作) add up the records made through the programmes'
service: for the county, a township and a station; in the annual report's JSON, workbook and
PDF; a deleted record, or one of another year, does not count."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.enums import SiteRole
from desktop.domain.figures import Count, ProgrammeFigures, Scope
from desktop.domain.records import DeputyDraft, SiteDraft

pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL (conftest)

YEAR = 2026
D = dt.date
FUND_DAYS = {"applied_on": D(2026, 2, 1), "verified_on": D(2026, 2, 20),
             "accepted_on": D(2026, 6, 1)}  # fmt: skip


@dataclass
class World:
    services: object
    stations: dict[str, uuid.UUID]  # code -> id
    deputies: list[uuid.UUID]

    def save(self, what: str, **values: object) -> uuid.UUID:
        return self.services.programmes.save(what, values).id  # type: ignore[attr-defined]


@pytest.fixture
def world(blank_services) -> Iterator[World]:
    svc = blank_services
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "ZP", "昭平县人大常委会代表工委"))
    stations = {
        code: svc.reference.add_station(code, name, town).id
        for code, name, town in (
            ("S01", "黄姚镇黄姚村代表联络站", "黄姚镇"),
            ("S02", "黄姚镇龙门村代表联络站", "黄姚镇"),
            ("S03", "走马镇走马社区代表联络站", "走马镇"),
        )
    }
    deputies = []
    roster = (("莫秀梅", "S01", True), ("黎志强", "S01", False), ("覃永福", "S02", True),
              ("陈丽华", "S03", False), ("梁国栋", "S03", True))  # fmt: skip
    for i, (name, code, sign) in enumerate(roster):
        draft = DeputyDraft(name, phone=f"1380000000{i}", household_sign=sign,
                            station_ids=(stations[code],))  # fmt: skip
        deputies.append(svc.deputies.create(draft).id)
    w = World(svc, stations, deputies)
    _records(w)
    yield w


def _records(w: World) -> None:
    s1, s2, s3 = (w.stations[c] for c in ("S01", "S02", "S03"))
    d = w.deputies
    # Voted projects: one chosen, one not, one still a candidate, one done; another year's and a
    # deleted one do not count.
    chosen = w.save("projects", year=YEAR, title="城乡供水一体化", budget_fen=3_600_000_000)
    lost = w.save("projects", year=YEAR, title="乡镇农贸市场改造", budget_fen=900_000_000)
    w.save("projects", year=YEAR, title="村级文化广场", budget_fen=100_000_000)
    done = w.save("projects", year=YEAR, title="农村公路安防", budget_fen=1_200_050_000,
                  stage="done")  # fmt: skip
    w.save("projects", year=YEAR - 1, title="去年的项目", budget_fen=5_000_000_000, stage="done")
    gone = w.save("projects", year=YEAR, title="删除的项目", budget_fen=7_000_000_000)
    vote = dict(kind="selection", year=YEAR, day=D(YEAR, 1, 8), present=180, issued=178,
                valid=177, invalid=1)  # fmt: skip
    w.save("project-votes", project_id=chosen, first=170, second=4, abstain=3, **vote)
    w.save("project-votes", project_id=lost, first=60, second=100, abstain=17, **vote)
    w.save("project-votes", project_id=gone, first=170, second=4, abstain=3, **vote)
    sat = dict(kind="satisfaction", year=YEAR, day=D(YEAR, 6, 1), present=100, issued=100,
               valid=100, invalid=0)  # fmt: skip
    w.save("project-votes", project_id=done, first=80, second=15, third=5, abstain=0, **sat)
    w.save("project-votes", project_id=chosen, first=70, second=10, third=20, abstain=0, **sat)
    w.services.programmes.delete("projects", gone)  # type: ignore[attr-defined]
    # The special fund: (station, stage, requested, approved, spent), in yuan.
    for station, stage, req, appr, spent in (
        (s1, "accepted", 80_000, 75_000, 74_800.5),
        (s1, "applied", 30_000, 0, 0),
        (s2, "implementing", 120_000, 100_000, 40_000),
        (s3, "verified", 50_000, 50_000, 0),
        (s3, "rejected", 60_000, 0, 0),
        (None, "accepted", 90_000, 90_000, 89_000),
    ):
        w.save("fund-projects", year=YEAR, title=f"专项资金项目{stage}{req}", station_id=station,
               stage=stage, requested_fen=round(req * 100), approved_fen=round(appr * 100),
               spent_fen=round(spent * 100), **FUND_DAYS)  # fmt: skip
    w.save("fund-projects", year=YEAR - 1, title="去年的", station_id=s1, stage="accepted",
           requested_fen=10_000, approved_fen=10_000, spent_fen=10_000, **FUND_DAYS)  # fmt: skip
    # Drafts and comments: comments count by the day they were gathered.
    draft = w.save("drafts", title="某省乡村振兴促进条例（草案）", received_on=D(YEAR, 3, 1))
    w.save("drafts", title="某省河道管理条例（草案）", received_on=D(YEAR, 5, 1))
    old = w.save("drafts", title="旧草案", received_on=D(YEAR - 1, 11, 1))
    for station, reported, adopted, day in (
        (s1, True, True, D(YEAR, 3, 5)),
        (s1, True, False, D(YEAR, 3, 6)),
        (s2, False, False, D(YEAR, 3, 7)),
        (s3, True, True, D(YEAR, 5, 9)),
        (None, True, False, D(YEAR, 5, 10)),
    ):
        w.save("draft-comments", draft_id=draft, received_on=day, station_id=station,
               content="建议明确村级组织职责", reported=reported, adopted=adopted)  # fmt: skip
    w.save("draft-comments", draft_id=old, received_on=D(YEAR - 1, 11, 20), station_id=s1,
           content="去年的意见", reported=True, adopted=True)  # fmt: skip
    deleted = w.save("draft-comments", draft_id=draft, received_on=D(YEAR, 3, 8), station_id=s2,
                     content="删除的意见", reported=True, adopted=True)  # fmt: skip
    w.services.programmes.delete("draft-comments", deleted)  # type: ignore[attr-defined]
    contacts = (("point", "黄姚镇基层立法联系点", s1), ("officer", "联络员甲", s2),
                ("informant", "信息员乙", None))  # fmt: skip
    for kind, name, station in contacts:
        w.save("legislative-contacts", kind=kind, name=name, station_id=station)
    # Training: a county batch (no station) and two township batches.
    w.save("training", day=D(YEAR, 4, 2), level="county", topic="履职能力培训", hours=6,
           attendee_ids=(d[0], d[1], d[2]), excused_ids=(d[3],))  # fmt: skip
    w.save("training", day=D(YEAR, 4, 9), level="township", topic="乡镇代表培训", hours=3,
           station_id=s1, attendee_ids=(d[0], d[1]))  # fmt: skip
    w.save("training", day=D(YEAR, 5, 9), level="township", topic="走马镇代表培训", hours=2,
           station_id=s3, attendee_ids=(d[3],), excused_ids=(d[4],))  # fmt: skip
    w.save("training", day=D(YEAR - 1, 5, 9), level="county", topic="去年", hours=8,
           attendee_ids=(d[0],))  # fmt: skip
    # Legal-service liaison.
    judge = w.save("legal-officers", name="韦法官", body="court", station_ids=(s1, s2))
    w.save("legal-officers", name="黄警官", body="police", station_ids=(s3,))
    w.save("legal-officers", name="李检察官", body="procuratorate")
    for station, kind, people, outcome in (
        (s1, "mediation", 4, "settled"),
        (s1, "mediation", 2, "not_settled"),
        (s2, "talk", 35, "held"),
        (s3, "consultation", 6, "held"),
    ):
        w.save("legal-events", day=D(YEAR, 4, 20), station_id=station, officer_id=judge,
               kind=kind, people=people, outcome=outcome)  # fmt: skip
    gone_event = w.save("legal-events", day=D(YEAR, 4, 21), station_id=s3, kind="talk", people=99)
    w.services.programmes.delete("legal-events", gone_event)  # type: ignore[attr-defined]
    # Supervision visits and stories.
    w.save("supervisions", day=D(YEAR, 5, 3), project_id=chosen, station_id=s1,
           deputy_ids=(d[0], d[1]))  # fmt: skip
    w.save("supervisions", day=D(YEAR, 5, 4), project_id=done, deputy_ids=(d[2], d[3], d[4]))
    w.save("stories", published_on=D(YEAR, 2, 1), kind="story", title="莫秀梅：为民修路",
           deputy_id=d[0], station_id=s1)  # fmt: skip
    w.save("stories", published_on=D(YEAR, 2, 3), kind="media", title="联络站里的调解",
           station_id=s3)  # fmt: skip
    w.save("stories", published_on=D(YEAR - 1, 2, 3), kind="media", title="去年的报道")


def _values(counts: tuple[Count, ...]) -> dict[str, int]:
    return {c.key: c.value for c in counts}


def _scope(w: World, kind: str, name: str) -> Scope:
    return next(x for x in w.services.county.scopes() if x.kind == kind and x.name == name)  # type: ignore[attr-defined]


def test_the_county_figures_are_the_sums_of_the_records(world: World) -> None:
    f = world.services.programme_report.figures(YEAR)  # type: ignore[attr-defined]
    p = f.projects
    assert (p.candidates, p.chosen, p.not_chosen, p.done) == (4, 2, 1, 1)
    assert p.budget_fen == 3_600_000_000 + 1_200_050_000
    assert (p.satisfaction_votes, p.satisfaction) == (2, 87.5)  # (95% + 80%) / 2
    fund = f.fund
    assert (fund.applied, fund.funded, fund.accepted) == (6, 4, 2)
    assert fund.requested_fen == 43_000_000
    assert fund.approved_fen == 31_500_000
    assert fund.paid_fen == 7_480_050 + 8_900_000
    assert (fund.total_fen, fund.remaining_fen) == (200_000_000, 200_000_000 - 31_500_000)
    assert (f.drafts, f.comments, f.comments_reported, f.comments_adopted) == (2, 5, 4, 2)
    assert _values(f.contacts) == {"point": 1, "officer": 1, "informant": 1}
    assert _values(f.training_batches) == {"province": 0, "city": 0, "county": 1, "township": 2}
    assert (f.training_person_times, f.training_hours) == (6, 3 * 6 + 2 * 3 + 1 * 2)
    assert _values(f.legal_officers) == {"court": 1, "procuratorate": 1, "police": 1}
    assert f.legal_stations == 3
    assert _values(f.legal_events) == {"talk": 1, "consultation": 1, "mediation": 2}
    assert (f.legal_people, f.mediations_settled) == (47, 1)
    assert (f.supervisions, f.supervision_deputy_times) == (2, 5)
    assert (f.stories, f.media_reports, f.household_signs) == (1, 1, 3)


def _tied(f: ProgrammeFigures) -> tuple:
    """The station-tied figures (counted per station, summed for a township or the county)."""
    return (
        f.fund.applied, f.fund.funded, f.fund.accepted, f.fund.requested_fen,
        f.fund.approved_fen, f.fund.paid_fen, f.comments, f.comments_reported,
        f.comments_adopted, *(c.value for c in f.contacts),
        *(c.value for c in f.training_batches), f.training_person_times, f.training_hours,
        f.legal_stations, *(c.value for c in f.legal_events), f.legal_people,
        f.mediations_settled, f.supervisions, f.supervision_deputy_times, f.stories,
        f.media_reports, f.household_signs,
    )  # fmt: skip


def test_a_township_and_a_station_count_their_stations_and_the_county_adds_the_rest(
    world: World,
) -> None:
    report = world.services.programme_report  # type: ignore[attr-defined]
    scopes = world.services.county.scopes()  # type: ignore[attr-defined]
    county = report.figures(YEAR, scopes[0])
    stations = [report.figures(YEAR, x) for x in scopes if x.kind == "station"]
    towns = [report.figures(YEAR, x) for x in scopes if x.kind == "township"]
    # The annual report counts per station once and sums: the same figures as one scope's.
    every = report.programme_set(YEAR, scopes)
    assert (every.county, list(every.townships), list(every.stations)) == (county, towns, stations)
    s1 = report.figures(YEAR, _scope(world, "station", "黄姚镇黄姚村代表联络站"))
    assert s1.projects is None and s1.drafts is None and s1.fund.total_fen is None
    assert (s1.fund.applied, s1.fund.funded, s1.fund.paid_fen) == (2, 1, 7_480_050)
    assert (s1.comments, s1.comments_reported, s1.comments_adopted) == (2, 2, 1)
    assert (s1.training_person_times, s1.training_hours, s1.training_total) == (2, 6, 1)
    assert _values(s1.legal_officers) == {"court": 1, "procuratorate": 0, "police": 0}
    assert (s1.legal_event_total, s1.mediations_settled, s1.household_signs) == (2, 1, 1)
    town = report.figures(YEAR, _scope(world, "township", "黄姚镇"))
    assert _values(town.legal_officers)["court"] == 1  # one judge of two stations counts once
    # Station-tied figures: the stations add up to their townships, and the county adds the
    # records tied to no station (a fund project, a comment, a contact, a batch, a visit).
    assert [sum(x) for x in zip(*map(_tied, stations), strict=True)] == [
        sum(x) for x in zip(*map(_tied, towns), strict=True)
    ]
    unplaced = (1, 1, 1, 9_000_000, 9_000_000, 8_900_000, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0,
                3, 18, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0)  # fmt: skip
    summed = [sum(x) for x in zip(*map(_tied, stations), strict=True)]
    assert [a + b for a, b in zip(summed, unplaced, strict=True)] == list(_tied(county))


def test_the_annual_report_carries_the_programmes(world: World, tmp_path: Path) -> None:
    county = world.services.county  # type: ignore[attr-defined]
    service = world.services.programme_report.figures(YEAR)  # type: ignore[attr-defined]
    county.write_report(YEAR, tmp_path / "r.json", "json")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    totals = data["programmes"]
    assert totals["projects"]["chosen"] == 2
    assert totals["projects"]["budget_fen"] == service.projects.budget_fen
    assert totals["fund"]["paid_fen"] == 16_380_050
    assert totals["fund"]["remaining_fen"] == 168_500_000
    assert totals["drafts"] == {"received": 2, "comments": 5, "reported": 4, "adopted": 2}
    assert totals["training"]["person_times"] == 6
    assert totals["legal_service"]["events"] == {"talk": 1, "consultation": 1, "mediation": 2}
    assert totals["supervision"] == {"visits": 2, "deputy_times": 5}
    assert totals["household_signs"] == 3
    by_name = {s["name"]: s["programmes"] for s in data["stations"]}
    s1 = by_name["黄姚镇黄姚村代表联络站"]
    assert "projects" not in s1 and "received" not in s1["drafts"]
    assert s1["fund"]["paid_fen"] == 7_480_050 and s1["training"]["person_times"] == 2
    towns = {t["name"]: t["programmes"] for t in data["townships"]}
    assert towns["黄姚镇"]["legal_service"]["people"] == 4 + 2 + 35
    assert sum(s["legal_service"]["people"] for s in by_name.values()) == 47

    county.write_report(YEAR, tmp_path / "r.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["代表参与重点工作"]
    cells = {row[1]: row[2] for row in sheet.iter_rows(values_only=True) if len(row) > 2}
    assert cells["票决产生项目"] == 2
    assert cells["票决项目预算"] == pytest.approx(48_000_500.00)
    assert cells["验收拨付"] == pytest.approx(163_800.50)
    assert cells["参训代表"] == 6
    money = next(c for c in sheet["C"] if c.value == pytest.approx(163_800.50))
    assert money.number_format == "0.00"


def test_the_pdf_has_the_programmes_page(world: World, tmp_path: Path) -> None:
    import pypdfium2

    world.services.county.write_report(YEAR, tmp_path / "r.pdf", "pdf")  # type: ignore[attr-defined]
    pdf = pypdfium2.PdfDocument(tmp_path / "r.pdf")
    try:
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    assert "代表参与重点工作" in text
    assert "48,000,500.00" in text  # the chosen projects' budget, in yuan
    assert "163,800.50" in text  # paid at acceptance
