"""Bundles converge whatever the USB sticks do: lost, late, doubled or reordered, with every
site's clock off by years. A hypothesis state machine drives a county and two or three stations
through their services (duty days, visits, activities, cases and their steps, the roster with
the stations' provisional deputies) and a network of bundle files in flight (tests/
bundle_network.py); a reference world does the same operations with every bundle delivered in
order, exactly once, on true clocks. Once everything is delivered, every site holds each record
as its owner does, nothing waits, nothing conflicts, and both worlds hold the same rows.

A step on a case is taken only by a site that holds every step the other side wrote (else two
sites acting at once fork the case, which the ``race`` rule does on purpose); likewise a station
edits its provisional deputy only until the county takes it over, and the county takes over
only the station's latest copy.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop.db.models import Activity, Department, Deputy, DutyDay, FeedbackCase, Visit
from desktop.domain import refdata
from desktop.domain.enums import DepartmentLevel, RosterStatus
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    VisitDraft,
)
from desktop.domain.workflow import CaseAction
from desktop.services import Services
from tests.bundle_network import ANY, JITTER, NetworkMachine
from tests.bundle_world import SITES, World, build_template, live, pick

A = CaseAction
NAMES = st.text(alphabet="张王李赵刘陈杨黄周吴晓明华丽军芳", min_size=2, max_size=4)
DAYS = st.dates(dt.date(2015, 1, 1), dt.date(2018, 12, 31))  # before every site's "today"
STATION = st.integers(0, 2)
KIND = refdata.shipped_id(refdata.ACTIVITY_KIND, refdata.ACTIVITY_KINDS[0].code)


class BundleMachine(NetworkMachine):
    @initialize(
        stations=st.sampled_from((2, 3)),
        todays=st.lists(st.dates(dt.date(2019, 1, 1), dt.date(2045, 12, 31)), min_size=4,
                        max_size=4),
        years=st.lists(st.integers(-30, 30), min_size=4, max_size=4),
        seed=st.integers(0, 2**32),
        day=DAYS,
        person=NAMES,
    )  # fmt: skip
    def start(self, stations: int, todays: list, years: list, seed: int, day: dt.date,
              person: str) -> None:  # fmt: skip
        """Each site gets a "today" and a clock years apart; every station starts with a duty
        day and a case from it, each in its own bundle (the case may arrive first)."""
        self.begin(stations, {n: (d, y) for n, d, y in zip(SITES, todays, years, strict=True)},
                   seed)  # fmt: skip
        for i in range(stations):
            self.record(i, "duty", day, i, 0, person, 0, True, 0)
            self.record(i, "case", day, i, 0, person, 1, True, 0)
        # A department the stations do not have yet: a referral to it may overtake it.
        self.roster(0, person, set(), day, True, "department")

    # --- stations -----------------------------------------------------------------------------

    @rule(i=STATION, kind=st.sampled_from(("duty", "visit", "case", "activity")), day=DAYS,
          people=st.integers(0, 40), who=ANY, text=NAMES, link=ANY, send=st.booleans(),
          jitter=JITTER)  # fmt: skip
    def record(self, i: int, kind: str, day: dt.date, people: int, who: int, text: str,
               link: int, send: bool, jitter: int) -> None:  # fmt: skip
        """A station writes a duty day, a visit, an activity or a case (maybe from a duty day
        or a visit)."""
        name, svc, station = self.station(i)
        deputies = self.known_deputies(name)
        deputy = pick(deputies, who)
        if kind == "duty":
            draft = DutyDayDraft(station, day, deputy_ids=(deputy,), people_received=people,
                                 summary=text)  # fmt: skip
            self.both(name, lambda s: s.duty_days.create(draft), jitter, send=send)
        elif kind == "visit":
            draft = VisitDraft(station, day, visitor_ids=(deputy,), visited_people=text,
                               people_count=people)  # fmt: skip
            self.both(name, lambda s: s.visits.create(draft), jitter, send=send)
        elif kind == "activity":
            who_came = (ParticipantDraft(deputy, quantity=people),)
            draft = ActivityDraft(KIND, day, station, title=text, participants=who_came)
            self.both(name, lambda s: s.activities.create(draft), jitter, send=send)
        else:
            duty = pick(live(svc, DutyDay, station), link) if link % 3 == 1 else None
            visit = pick(live(svc, Visit, station), link) if link % 3 == 2 else None
            draft = CaseDraft(station, day, person_name=text, content=text * 2, duty_day_id=duty,
                              visit_id=visit, deputy_ids=tuple(deputies[: who % 3]))  # fmt: skip
            self.both(name, lambda s: s.feedback.register(draft), jitter, send=send)

    @rule(i=STATION, kind=st.sampled_from((DutyDay, Visit, Activity)), which=ANY,
          people=st.integers(0, 40), who=ANY, text=NAMES, delete=st.booleans(),
          send=st.booleans())  # fmt: skip
    def amend(self, i: int, kind: type, which: int, people: int, who: int, text: str,
              delete: bool, send: bool) -> None:  # fmt: skip
        """A station corrects or deletes one of its duty days, visits or activities."""
        name, svc, station = self.station(i)
        found = pick(live(svc, kind, station), which)
        if found is None:
            return
        deputy = pick(self.known_deputies(name), who)
        service = {DutyDay: "duty_days", Visit: "visits", Activity: "activities"}[kind]
        if delete:
            self.both(name, lambda s: getattr(s, service).delete(found), send=send)
            return
        day = getattr(svc, service).get(found).day
        draft = {
            DutyDay: lambda: DutyDayDraft(station, day, deputy_ids=(deputy,),
                                          people_received=people, summary=text),
            Visit: lambda: VisitDraft(station, day, visitor_ids=(deputy,), visited_people=text,
                                      people_count=people),
            Activity: lambda: ActivityDraft(KIND, day, station, title=text,
                                            participants=(ParticipantDraft(deputy),)),
        }[kind]()  # fmt: skip
        self.both(name, lambda s: getattr(s, service).update(found, draft, None), send=send)

    @rule(i=STATION, which=ANY, other=ANY, content=NAMES,
          step=st.sampled_from((A.EDIT, A.DELETE, A.ANSWER_BACK, A.CLOSE, A.ANSWER_ON_SPOT,
                                A.MERGE)),
          satisfied=st.booleans(), days=st.integers(0, 400), send=st.booleans())  # fmt: skip
    def station_case_step(self, i: int, which: int, other: int, content: str, step: CaseAction,
                          satisfied: bool, days: int, send: bool) -> None:  # fmt: skip
        name, svc, station = self.station(i)
        found = pick(self.ready(name, {step}), which)
        if found is None:
            return
        case_id, result, _ = found
        row = svc.feedback.get(case_id)
        if step is A.EDIT and result.conflict:
            # Known gap: FeedbackService.update appends to a forked case without folding it
            # again, so the station's projection would part from the county's.
            return
        if step is A.EDIT:
            draft = CaseDraft(station, row.received_date, person_name=row.person_name or "某某",
                              content=content, duty_day_id=row.duty_day_id)  # fmt: skip
            self.both(name, lambda s: s.feedback.update(case_id, draft, None), send=send)
        elif step is A.MERGE:
            into = pick([c for c in live(svc, FeedbackCase, station) if c != case_id], other)
            if into is not None:
                self.both(name, lambda s: s.casework.merge(case_id, into), send=send)
        elif step is A.DELETE:
            self.both(name, lambda s: s.feedback.delete(case_id), send=send)
        else:
            payload = {"text": content} if step is A.ANSWER_ON_SPOT else {}
            if step is A.ANSWER_BACK:
                payload = {"answered_on": str(row.replied_on + dt.timedelta(days)),
                           "method": "phone",
                           "satisfaction": "satisfied" if satisfied else "unsatisfied"}  # fmt: skip
            self.both(name, lambda s: s.casework.act(case_id, step, payload), send=send)

    @rule(i=STATION, which=ANY, name=NAMES, edit=st.booleans(), send=st.booleans())
    def provisional(self, i: int, which: int, name: str, edit: bool, send: bool) -> None:
        """A station types in a deputy the county roster lacks, or corrects one it typed (until
        the county takes it over)."""
        station, svc, station_id = self.station(i)
        assert self.chaos is not None
        county = self.chaos.svc["county"]
        draft = DeputyDraft(name, station_ids=(station_id,))
        with svc.db.read() as s:
            mine = s.scalars(select(Deputy.id).where(
                Deputy.owner_site_id == self.chaos.site_id[station], ~Deputy.deleted,
            ).order_by(Deputy.id)).all()  # fmt: skip
        found = pick(list(mine), which)
        if not edit or found is None:
            self.both(station, lambda s: s.deputies.create(draft), send=send)
            return
        with county.db.read() as s:
            there = s.get(Deputy, found)
            if there is not None and there.owner_site_id != self.chaos.site_id[station]:
                return  # the county took it over: only the county changes it now
        self.both(station, lambda s: s.deputies.update(found, draft, None), send=send)

    # --- the county ---------------------------------------------------------------------------

    @rule(which=ANY, other=ANY, newest=st.booleans(), days=st.integers(0, 400),
          outcome=st.sampled_from("ABCD"), text=NAMES, merge=st.booleans(),
          send=st.booleans())  # fmt: skip
    def county_case_step(self, which: int, other: int, newest: bool, days: int, outcome: str,
                         text: str, merge: bool, send: bool) -> None:  # fmt: skip
        """The county refers (to its newest department, maybe still on its way to the
        station), replies, closes, or merges a case into another, maybe another station's."""
        assert self.chaos is not None
        svc = self.chaos.svc["county"]
        found = pick(self.ready("county", {A.MERGE} if merge else {A.REFER, A.REPLY, A.CLOSE}),
                     which)  # fmt: skip
        if found is None:
            return
        case_id, result, allowed = found
        row = svc.feedback.get(case_id)
        with svc.db.read() as s:
            departments = s.scalars(select(Department.id).order_by(Department.code)).all()
        department = departments[-1] if newest else departments[0]
        if merge:
            # Only into a case the county holds every station step of: one its station deleted
            # with the bundle still on its way is live here but not in the reference world,
            # whose county would refuse the merge (test_bundle_regressions covers that race).
            known = [c for c in live(svc, FeedbackCase) if self.knows_all("county", c)]
            into = pick([c for c in known if c != case_id], other)
            if into is not None:
                self.both("county", lambda s: s.casework.merge(case_id, into), send=send)
        elif A.REFER in allowed:
            on = (row.replied_on or row.received_date) + dt.timedelta(days)
            self.both("county", lambda s: s.casework.refer(case_id, department, referred_on=on),
                      send=send)  # fmt: skip
        elif A.REPLY in allowed:
            on = result.status.referred_on + dt.timedelta(days)
            payload = {"text": text, "replied_on": on.isoformat(), "outcome": outcome}
            self.both("county", lambda s: s.casework.act(case_id, A.REPLY, payload), send=send)
        else:
            self.both("county", lambda s: s.casework.act(case_id, A.CLOSE, {}), send=send)

    @rule(
        which=ANY,
        name=NAMES,
        stations=st.sets(STATION),
        day=DAYS,
        send=st.booleans(),
        action=st.sampled_from(("create", "edit", "delete", "department", "activity")),
    )
    def roster(self, which: int, name: str, stations: set[int], day: dt.date, send: bool,
               action: str) -> None:  # fmt: skip
        """The county keeps its roster and departments, and records county-wide activities."""
        assert self.chaos is not None
        ids = tuple(sorted({self.station(i)[2] for i in stations}))
        draft = DeputyDraft(name, phone=f"139{which % 10**8:08d}", station_ids=ids)
        county = self.chaos.svc["county"]
        found = pick(self.known_deputies("county", own=True), which)
        with county.db.read() as s:
            made = found and s.get(Deputy, found).created_site_id
        # A deputy taken over from a station: the county takes its links too (_take_over, and
        # the merge for a link arriving later: test_bundle_regressions), but the station may
        # have edited them meanwhile (a conflict for a person): the model leaves them as they are.
        taken = made is not None and made != self.chaos.site_id["county"]
        if taken:
            draft = replace(draft, station_ids=county.deputies.get(found).station_ids)
        if action == "department":
            code = f"ZZ{which:07d}"  # listed after the template's ZJJ: the newest referral
            self.both("county", lambda s: _add_department(s, code, name), send=send)
        elif action == "activity" and found is not None:
            activity = ActivityDraft(KIND, day, None, title=name,
                                     participants=(ParticipantDraft(found),))  # fmt: skip
            self.both("county", lambda s: s.activities.create(activity), send=send)
        elif action == "edit" and found is not None:
            self.both("county", lambda s: s.deputies.update(found, draft, None), send=send)
        elif action == "delete" and found is not None and not taken:
            self.both("county", lambda s: s.deputies.delete(found), send=send)
        else:
            self.both("county", lambda s: s.deputies.create(draft), send=send)

    @rule(which=ANY, onto=ANY, confirm=st.booleans(), send=st.booleans())
    def take_over(self, which: int, onto: int, confirm: bool, send: bool) -> None:
        """The county confirms a station's provisional deputy into its roster, or maps it onto
        a deputy it has, once it holds the station's latest copy."""
        assert self.chaos is not None
        w = self.chaos
        with w.svc["county"].db.read() as s:
            query = select(Deputy).where(
                Deputy.roster_status == RosterStatus.PROVISIONAL.value, ~Deputy.deleted
            )
            active = {w.site_id[n] for n in self.stations}
            waiting = sorted((d for d in s.scalars(query) if d.owner_site_id in active),
                             key=lambda d: d.id)  # fmt: skip
            found = pick(waiting, which)
            versions = found and (found.id, found.version, found.owner_site_id)
        if not versions:
            return
        deputy_id, version, owner = versions
        with w.svc[next(n for n in self.stations if w.site_id[n] == owner)].db.read() as s:
            if s.get(Deputy, deputy_id).version != version:
                return  # the station changed it since: the county takes over the latest only
        confirmed = [d.id for d in w.svc["county"].deputies.list()
                     if d.roster_status is RosterStatus.CONFIRMED]  # fmt: skip
        target = pick(sorted(confirmed), onto)
        if confirm or target is None:
            self.both("county", lambda s: s.deputies.confirm(deputy_id), send=send)
        else:
            self.both("county", lambda s: s.deputies.map_to(deputy_id, target), send=send)

    # --- both sides at once: a case whose steps fork, and settling it ---------------------------

    @rule(i=STATION, which=ANY, content=NAMES, promptly=st.booleans())
    def race(self, i: int, which: int, content: str, promptly: bool) -> None:
        """The station edits a case while the county refers it, neither knowing of the other;
        each sends its step (``promptly``: both bundles are taken in at once)."""
        assert self.chaos is not None
        name, svc, station = self.station(i)
        found = pick(self.ready(name, {A.REFER}), which)
        if found is None or found[1].conflict or not self.knows_all("county", found[0]):
            return
        case_id = found[0]
        row = svc.feedback.get(case_id)
        draft = CaseDraft(station, row.received_date, person_name=row.person_name or "某某",
                          content=content, duty_day_id=row.duty_day_id)  # fmt: skip
        department = live(self.chaos.svc["county"], Department)[0]
        self.sync_ref(name)
        self.sync_ref("county")
        before = len(self.flight)
        self.both(name, lambda s: s.feedback.update(case_id, draft, None), send=True, sync=False)
        self.both("county", lambda s: s.casework.refer(case_id, department,
                                                       referred_on=row.received_date),
                  send=True, sync=False)  # fmt: skip
        self.raced.add(case_id)
        while promptly and len(self.flight) > before:
            self.deliver_one(self.flight.pop())

    @precondition(lambda self: self.raced)
    @rule(at_county=st.booleans(), which=ANY, branch=st.integers(0, 5), send=st.booleans())
    def resolve(self, at_county: bool, which: int, branch: int, send: bool) -> None:
        """One side settles a forked case, keeping one branch, once it holds both."""
        assert self.chaos is not None
        case_id = pick(sorted(self.raced), which)
        with self.chaos.svc["county"].db.read() as s:
            station_id = s.get(FeedbackCase, case_id).station_id
        owner = {self.chaos.station[n]: n for n in self.stations}
        name = "county" if at_county else owner[station_id]
        if case_id not in live(self.chaos.svc[name], FeedbackCase):
            return
        result, _ = self.chaos.svc[name].casework.status(case_id)
        if not result.conflict or not self.knows_all(name, case_id):
            return
        keep = branch % len(result.branches)
        head = result.branches[keep][-1]
        others = [k for j, k in enumerate(result.conflict) if j != keep]
        self.both(name, lambda s: s.casework.resolve(case_id, head, others), send=send)


def _add_department(svc: Services, code: str, name: str) -> None:
    with svc.db.write() as s:
        s.add(Department(id=uuid.uuid4(), code=code, name=name,
                         level=DepartmentLevel.COUNTY.value))  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundle-template")
    build_template(root)
    return root


@pytest.mark.timeout(600)  # passing takes seconds; shrinking a failure may take minutes
def test_bundles_converge_whatever_the_network_does(template: Path, tmp_path: Path) -> None:
    worlds = World(tmp_path / "chaos", template), World(tmp_path / "ref", template)
    BundleMachine.worlds = worlds
    try:
        run_state_machine_as_test(
            BundleMachine,
            settings=settings(
                max_examples=25,
                stateful_step_count=25,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            ),
        )
    finally:
        for world in worlds:
            world.close()
