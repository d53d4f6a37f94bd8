"""The demo county's programmes through its deputies, year by year (the county's own figures):
about 50 voted livelihood projects a year with their votes, progress and supervising deputies;
about 25 special-fund projects within the year's 2,000,000 yuan, some born of the deputies'
feedback cases; 16 drafts with comments from 23 contact points and 73 liaison officers and
informants; 6 county and 36 township training batches; 36 legal-service officers linked to the
stations and their talks, consultations and mediations; stories and media reports."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from typing import Any

from sqlalchemy import select

from desktop.db import models as m
from desktop.db import programmes as p
from desktop.services import demo_names as names
from desktop.services import demo_programme_names as text
from desktop.services.programmes import FUND_LIMITS_KEY

YUAN = 100  # fen


def add_programmes(g: Any, counties: list[Any], county_wide: bool) -> None:
    """Queue the rows on the demo's ``g`` (desktop/services/demo.py ``_Demo``). At the station
    scale only the township's training: the rest is the county's and reaches it in bundles."""
    rng = random.Random(f"demo programmes {g.rng.random()}")  # the demo's seed decides it all
    years = list(range(g.start.year, g.as_of.year + 1))
    for county in counties:
        c = _Context(g, rng, county)
        for year in years:
            c.training(year, county_wide)
        if not county_wide:
            continue
        c.network()
        for year in years:
            c.projects(year)
            c.fund(year)
            c.drafts(year)
            c.legal(year)
            c.stories(year)
    if county_wide and len(counties) > 1:  # one fund per county: the prefecture's is theirs
        total, cap = text.FUND_LIMITS_YUAN
        limits = {str(y): [total * YUAN * len(counties), cap * YUAN] for y in years}
        g.s.add(m.AppSetting(key=FUND_LIMITS_KEY, value=json.dumps(limits)))


class _Context:
    def __init__(self, g: Any, rng: random.Random, county: Any) -> None:
        self.g, self.rng, self.county = g, rng, county
        self.stations = [st for t in county.towns for st in t.stations]
        self.town_of = {st.id: t for t in county.towns for st in t.stations}
        self.cdeps = [d for t in county.towns for d in t.deputies if d.serving and d.county_level]
        self.points: list[tuple[uuid.UUID, Any]] = []  # (contact id, station)
        self.officers: list[tuple[uuid.UUID, list[Any]]] = []  # (officer id, stations)
        self.phones: set[str] = set()
        self._days: dict[int, list[dt.date]] = {}

    def days(self, year: int, first: dt.date | None = None) -> list[dt.date]:
        """The year's workdays within the demo's period (from ``first`` on)."""
        if year not in self._days:
            self._days[year] = [d for d in self.g.workdays if d.year == year]
        return [d for d in self._days[year] if first is None or d >= first]

    def share(self, year: int) -> float:
        """How much of the year the demo covers (its first and its last year are partial)."""
        return min(1.0, len(self.days(year)) / 261)

    def fmt(self, pattern: str, town: Any = None, station: Any = None) -> str:
        town = town or self.rng.choice(self.county.towns)
        other = self.rng.choice(self.county.towns)
        village = station.village if station else self.rng.choice(town.villages)
        return pattern.format(t=town.name, u=other.short, c=self.county.name or "县",
                              v=town.name + village,
                              s=station.name if station else "")  # fmt: skip

    # --- voted livelihood projects ------------------------------------------------------------

    def projects(self, year: int) -> None:
        g, rng = self.g, self.rng
        session = dt.date(year, 1, rng.randint(8, 20))
        if not g.start <= session <= g.as_of or not self.cdeps:
            return
        n = rng.randint(58, 64)
        chosen = set(rng.sample(range(n), rng.randint(48, 52)))
        weights = [rng.lognormvariate(0, 0.8) for _ in range(n)]
        scale = rng.uniform(195, 215) * 1_000_000 / sum(w for i, w in enumerate(weights)
                                                         if i in chosen)  # fmt: skip
        year_end = dt.date(year, 12, rng.randint(20, 28))
        for i in range(n):
            town = rng.choice(self.county.towns)
            budget = int(max(200_000, round(weights[i] * scale, -4))) * YUAN
            won = i in chosen
            finished = won and year_end <= g.as_of and rng.random() < 0.9
            stage = "done" if finished else "chosen" if won else "not_chosen"
            when = g.evening(session)
            bureau = rng.choice(list(self.county.bureaus.values()))[1]
            pid = g.add(p.LivelihoodProject, when, year=year, title=self.fmt(
                rng.choice(text.PROJECTS), town), proposer=f"{self.county.name}人民政府",
                department=bureau, budget_fen=budget, stage=stage, summary="",
                first_year=year)  # fmt: skip
            self.vote(pid, "selection", year, session, won)
            if not won:
                continue
            supervisors = g.some(self.cdeps, 3, 5)
            for d in supervisors:
                g.link(p.ProjectSupervisor, when, ("project_id", pid), ("deputy_id", d.id))
            self.progress(pid, session, year_end if finished else None)
            if finished:
                self.vote(pid, "satisfaction", year, year_end, True)
            later = self.days(year, session + dt.timedelta(days=30))
            for day in sorted(rng.sample(later, min(len(later), rng.randint(1, 2)))):
                station = rng.choice(town.stations) if town.stations else None
                self.supervise(day, station, supervisors, project_id=pid)

    def vote(self, pid: uuid.UUID, kind: str, year: int, day: dt.date, won: bool) -> None:
        """A tally that reconciles: issued = valid + invalid, the votes cast = valid."""
        rng = self.rng
        present = rng.randint(175, 198)
        issued = present - rng.randint(0, 3)
        invalid = rng.randint(0, 2)
        valid = issued - invalid
        if kind == "selection":
            first = rng.randint(present // 2 + 8, valid - 2) if won else rng.randint(
                present // 4, present // 2 - 2)  # fmt: skip
            second = rng.randint(0, (valid - first) * 2 // 3)
            third, abstain = 0, valid - first - second
        else:
            first = round(valid * rng.uniform(0.62, 0.85))
            second = round((valid - first) * rng.uniform(0.6, 0.9))
            third = rng.randint(0, (valid - first - second) // 2)
            abstain = valid - first - second - third
        self.g.add(p.ProjectVote, self.g.evening(day), project_id=pid, kind=kind, year=year,
                   day=day, present=present, issued=issued, valid=valid, invalid=invalid,
                   first=first, second=second, third=third, abstain=abstain)  # fmt: skip

    def progress(self, pid: uuid.UUID, start: dt.date, done: dt.date | None) -> None:
        g, percent = self.g, 0
        for months in (3, 6, 9):
            day = start + dt.timedelta(days=30 * months + self.rng.randint(0, 9))
            if day > g.as_of or (done and day >= done):
                break
            percent = min(95, percent + self.rng.randint(20, 35))
            g.add(p.ProjectMilestone, g.evening(day), project_id=pid, day=day, percent=percent,
                  note=f"完成工程量约{percent}%")  # fmt: skip
        if done:
            g.add(p.ProjectMilestone, g.evening(done), project_id=pid, day=done, percent=100,
                  note="项目完工并通过验收")  # fmt: skip

    def supervise(self, day: dt.date, station: Any, pool: list[Any], **project: Any) -> None:
        g = self.g
        when = g.evening(day)
        local = [d for d in (station.deputies if station else []) if d.serving]
        who = list(dict.fromkeys([*g.some(pool, 2, 3), *g.some(local, 1, 3)]))
        ids = {"project_id": None, "fund_project_id": None, **project}  # executemany: every key
        sid = g.add(p.Supervision, when, station_id=station and station.id, day=day,
                    summary="代表实地察看项目进度，听取承办单位汇报", **ids)  # fmt: skip
        for d in who:
            g.link(p.SupervisionDeputy, when, ("supervision_id", sid), ("deputy_id", d.id))

    # --- the special fund ---------------------------------------------------------------------

    def fund(self, year: int) -> None:
        g, rng = self.g, self.rng
        total, cap = (x * YUAN for x in text.FUND_LIMITS_YUAN)
        days = self.days(year)
        if not days:
            return
        cases = self.cases(year)
        committed = 0
        for _ in range(round(rng.randint(23, 27) * self.share(year))):
            station = rng.choice(self.stations)
            case = cases.pop() if cases and rng.random() < 0.45 else None
            if case is not None:
                station = next((x for x in self.stations if x.id == case[1]), station)
            applied = rng.choice(days[: max(1, len(days) * 2 // 3)])
            verified = applied + dt.timedelta(days=rng.randint(10, 30))
            accepted = verified + dt.timedelta(days=rng.randint(60, 150))
            requested = int(round(rng.uniform(30_000, 150_000), -2)) * YUAN
            approved = min(cap, int(round(requested * rng.uniform(0.8, 1.0), -4)))
            rejected = rng.random() < 0.08 or committed + approved > total
            stage = "rejected" if rejected else "applied"
            if not rejected and verified <= g.as_of:
                committed += approved
                stage = "accepted" if accepted <= g.as_of else rng.choice(
                    ("verified", "implementing", "implementing"))  # fmt: skip
            paid = int(round(approved * rng.uniform(0.93, 1.0), -2)) if stage == "accepted" else 0
            fid = g.add(
                p.FundProject, g.evening(applied), year=year, station_id=station.id,
                title=self.fmt(rng.choice(text.FUND_PROJECTS), self.town_of[station.id], station),
                case_id=case and case[0], department=self.town_of[station.id].gov[1],
                stage=stage, requested_fen=requested,
                approved_fen=approved if stage not in ("applied", "rejected") else 0,
                spent_fen=paid, applied_on=applied,
                verified_on=verified if stage not in ("applied", "rejected") else None,
                accepted_on=accepted if stage == "accepted" else None,
                satisfaction=names.pick(rng, _SATISFACTION) if stage == "accepted" else "",
                summary="由代表建议转化，列入代表建议办理专项资金项目",
            )  # fmt: skip
            if stage in ("implementing", "accepted"):
                day = verified + dt.timedelta(days=rng.randint(20, 50))
                if day <= g.as_of:
                    self.supervise(day, station, station.deputies or self.cdeps,
                                   fund_project_id=fid)  # fmt: skip

    def cases(self, year: int) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """The year's closed cases that deputies took, as fund projects take them up."""
        ids = [st.id for st in self.stations]
        c = m.FeedbackCase
        found = self.g.s.execute(
            select(c.id, c.station_id)
            .where(c.state == "closed", c.station_id.in_(ids),
                   c.received_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                   c.id.in_(select(m.CaseDeputy.case_id)))
            .order_by(c.received_date, c.id)
            .limit(200)
        ).all()  # fmt: skip
        chosen = self.rng.sample(found, min(12, len(found)))
        return [(a, b) for a, b in chosen]

    # --- the legislative network, drafts and comments ------------------------------------------

    def network(self) -> None:
        g, rng = self.g, self.rng
        for station in rng.sample(self.stations, min(23, len(self.stations))):
            name = f"{station.name}基层立法联系点"
            cid = g.add(p.LegislativeContact, g.t0, kind="point", name=name,
                        station_id=station.id, phone="", note="")  # fmt: skip
            self.points.append((cid, station))
        for i in range(73):
            station = rng.choice(self.stations)
            kind = "officer" if i < 40 else "informant"
            name = names.person_name(rng, "汉族", rng.random() < 0.4)
            g.add(p.LegislativeContact, g.t0, kind=kind, name=name, station_id=station.id,
                  phone=names.mobile(rng, self.phones), note="")  # fmt: skip

    def drafts(self, year: int) -> None:
        g, rng = self.g, self.rng
        days = self.days(year)
        n = round(16 * self.share(year))
        for title in rng.sample(text.DRAFTS, min(n, len(text.DRAFTS))):
            received = rng.choice(days[: max(1, len(days) - 20)])
            deadline = received + dt.timedelta(days=rng.randint(20, 30))
            title = title if "（" in title else f"{title}（草案）"
            did = g.add(p.LawDraft, g.evening(received), title=f"《{title}》",
                        issuing_body=names.pick(rng, text.ISSUERS), received_on=received,
                        deadline=deadline, summary="")  # fmt: skip
            for _ in range(rng.randint(5, 8)):
                cid, station = rng.choice(self.points)
                day = received + dt.timedelta(days=rng.randint(1, 18))
                if day > g.as_of:
                    continue
                reported = rng.random() < 0.6
                g.add(p.DraftComment, g.evening(day), draft_id=did, station_id=station.id,
                      contact_id=cid, received_on=day, article=rng.choice(text.ARTICLES),
                      content=rng.choice(text.COMMENTS).format(n=rng.choice("三五八十")),
                      commenter=names.person_name(rng, "汉族", rng.random() < 0.4),
                      reported=reported, adopted=reported and rng.random() < 0.34)  # fmt: skip

    # --- training ---------------------------------------------------------------------------

    def training(self, year: int, county_wide: bool) -> None:
        g, rng = self.g, self.rng
        days = self.days(year)
        if not days:
            return
        share = self.share(year)
        if county_wide and self.cdeps:
            for day in sorted(rng.sample(days, round(6 * share))):
                pool = [d for t in self.county.towns for d in t.deputies if d.serving]
                topic = rng.choice(text.TRAINING_COUNTY)
                organizer = f"{self.county.name or '县'}人大常委会"
                self.batch(day, "county", None, topic, rng.randint(6, 12), organizer,
                           g.some(pool, 60, 120))  # fmt: skip
        for town in self.county.towns:
            members = [d for d in town.deputies if d.serving and d.township_level]
            if not members or not town.stations:
                continue
            for day in sorted(rng.sample(days, round(3 * share))):
                topic = self.fmt(rng.choice(text.TRAINING_TOWN), town)
                self.batch(day, "township", town.stations[0], topic, rng.randint(3, 4),
                           f"{town.name}人大主席团", g.some(members, 18, 38))  # fmt: skip

    def batch(self, day: dt.date, level: str, station: Any, topic: str, hours: int,
              organizer: str, who: list[Any]) -> None:  # fmt: skip
        g = self.g
        when = g.evening(day)
        location = station.name if station else f"{self.county.name}委党校"
        bid = g.add(p.TrainingBatch, when, level=level, station_id=station and station.id,
                    day=day, topic=topic, hours=hours, organizer=organizer,
                    location=location)  # fmt: skip
        for d in who:
            attendance = "present" if self.rng.random() < 0.93 else "excused"
            g.link(p.TrainingAttendance, when, ("batch_id", bid), ("deputy_id", d.id),
                   attendance=attendance)  # fmt: skip

    # --- legal-service liaison and stories ----------------------------------------------------

    def legal(self, year: int) -> None:
        g, rng = self.g, self.rng
        if not self.officers:
            order = self.rng.sample(self.stations, len(self.stations))
            for i in range(36):
                body = ("court", "procuratorate", "police")[i % 3]
                town = rng.choice(self.county.towns)
                unit, posts = text.LEGAL_UNITS[body]
                oid = g.add(p.LegalOfficer, g.t0, name=names.person_name(rng, "汉族", i % 4 == 0),
                            body=body, unit=self.fmt(unit, town), post=rng.choice(posts),
                            phone=names.mobile(rng, self.phones))  # fmt: skip
                linked = order[i::36] or [rng.choice(self.stations)]  # all 62 stations covered
                for station in linked:
                    g.link(p.LegalOfficerStation, g.t0, ("officer_id", oid),
                           ("station_id", station.id))  # fmt: skip
                self.officers.append((oid, linked))
        for _ in range(round(rng.randint(46, 56) * self.share(year))):
            oid, linked = rng.choice(self.officers)
            station, day = rng.choice(linked), rng.choice(self.days(year))
            kind = names.pick(rng, _EVENT_KINDS)
            outcome = "held"
            if kind == "mediation":
                outcome = names.pick(rng, _MEDIATION)
            people = rng.randint(20, 80) if kind == "talk" else rng.randint(2, 8)
            g.add(p.LegalEvent, g.evening(day), station_id=station.id, officer_id=oid, day=day,
                  kind=kind, topic=rng.choice(text.LEGAL_TOPICS[kind]), people=people,
                  outcome=outcome, summary="")  # fmt: skip

    def stories(self, year: int) -> None:
        g, rng = self.g, self.rng
        days = self.days(year)
        for kind, n, titles in (("story", 6, text.STORIES), ("media", 8, text.MEDIA)):
            for day in sorted(rng.sample(days, min(len(days), round(n * self.share(year))))):
                station = rng.choice(self.stations)
                town = self.town_of[station.id]
                deputy = rng.choice(station.deputies) if station.deputies else None
                title = self.fmt(rng.choice(titles), town, station)
                g.add(p.DeputyStory, g.evening(day), deputy_id=deputy and deputy.id,
                      station_id=station.id, kind=kind, title=title,
                      outlet=rng.choice(text.OUTLETS) if kind == "media" else "",
                      published_on=day, summary="")  # fmt: skip


# The case's scale (domain/workflow.py).
_SATISFACTION = names.weighted("satisfied:80 basically_satisfied:17 unsatisfied:3")
_EVENT_KINDS = names.weighted("talk:40 consultation:30 mediation:30")
_MEDIATION = names.weighted("settled:75 not_settled:15 referred:10")
