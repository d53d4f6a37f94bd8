"""The network half of the bundle state machine: the two worlds, what a site knows, bundle files
in flight between sites (exported, delivered in any order, copied, lost and written again), and
at the end every bundle delivered until nobody has anything left to send."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import uuid
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule
from sqlalchemy import select

from desktop.db.models import Deputy, FeedbackCase
from desktop.domain.workflow import CaseAction
from desktop.services import Services
from tests.bundle_world import (
    SITES,
    Flight,
    World,
    check_agreed,
    check_same_worlds,
    events,
    live,
    pick,
)

JITTER = st.integers(-(10**8), 10**8)  # seconds: a clock may also run backwards
ANY = st.integers(0, 10**6)  # an index into whatever list the rule picks from
ROUNDS = 8


class NetworkMachine(RuleBasedStateMachine):
    """Sites act through ``both``: in the shuffled world (``chaos``) and in the reference world
    (``ref``), where every bundle is delivered in order, exactly once, before the site acts."""

    worlds: tuple[World, World]  # made once per test run, reset for each example

    def __init__(self) -> None:
        super().__init__()
        self.chaos: World | None = None
        self.ref: World | None = None
        self.stations: tuple[str, ...] = ()
        self.flight: list[Flight] = []  # copies on their way
        self.lost: list[Flight] = []  # copies lost: their senders write them again later
        self.delivered: dict[str, set[uuid.UUID]] = {n: set() for n in SITES}
        # Bundle numbers delivered per (sender, recipient): the template's first ones too.
        self.seqs = {(a, b): {1} for n in SITES[1:] for a, b in (("county", n), (n, "county"))}
        # The reference world's (sender, recipient) pairs with something not yet delivered.
        self.unsent: set[tuple[str, str]] = set()
        self.raced: set[uuid.UUID] = set()  # cases forked on purpose
        self.shuffle = random.Random(0)

    def begin(self, stations: int, skew: dict[str, tuple[dt.date, int]], seed: int) -> None:
        self.stations = SITES[1 : 1 + stations]
        self.shuffle = random.Random(seed)
        self.chaos, self.ref = self.worlds
        self.chaos.reset(skew)
        self.ref.reset(None)
        self.unsent = {(n, "county") for n in self.stations}  # their own site rows, at least

    def peers(self, name: str) -> tuple[str, ...]:
        return self.stations if name == "county" else ("county",)

    # --- doing the same thing in both worlds ------------------------------------------------

    def sync_ref(self, name: str) -> None:
        """The reference world: all the site may know is delivered first, in order, once."""
        assert self.ref is not None
        for sender, recipient in sorted(self.unsent):
            if recipient == name:
                for f in self.ref.export(sender, name):
                    assert not self.ref.apply(name, f.path).already
                self.unsent.discard((sender, recipient))

    def both(self, name: str, op: Callable[[Services], object], jitter: int = 0, *,
             send: bool = False, sync: bool = True) -> None:  # fmt: skip
        """``op`` as ``name`` in both worlds (``send``: the shuffled one exports right after)."""
        assert self.chaos is not None and self.ref is not None
        with self.chaos.at(name, jitter) as svc:
            op(svc)
        if send:
            for peer in self.peers(name):
                self.flight.extend(self.chaos.export(name, peer, jitter))
        if sync:
            self.sync_ref(name)
        with self.ref.at(name) as svc:
            op(svc)
        self.unsent.update((name, peer) for peer in self.peers(name))

    # --- what a site knows --------------------------------------------------------------------

    def station(self, i: int) -> tuple[str, Services, uuid.UUID]:
        assert self.chaos is not None
        name = self.stations[i % len(self.stations)]
        return name, self.chaos.svc[name], self.chaos.station[name]

    def known_deputies(self, name: str, *, own: bool = False) -> list[uuid.UUID]:
        """The deputies ``name`` lists (``own``: only those it may change)."""
        assert self.chaos is not None
        rows = self.chaos.svc[name].deputies.list()
        if own:
            with self.chaos.svc[name].db.read() as s:
                query = select(Deputy.id).where(Deputy.owner_site_id == self.chaos.site_id[name])
                mine = set(s.scalars(query))
            rows = [r for r in rows if r.id in mine]
        return sorted(r.id for r in rows)

    def _holds(self, name: str, other: str, case_id: uuid.UUID) -> bool:
        """Whether ``name`` holds every step ``other`` wrote on the case."""
        assert self.chaos is not None
        theirs = events(self.chaos.svc[other], case_id)
        wrote = {e for e, site in theirs.items() if site == self.chaos.site_id[other]}
        return wrote <= events(self.chaos.svc[name], case_id).keys()

    def knows_all(self, name: str, case_id: uuid.UUID) -> bool:
        """Whether ``name`` holds every step the other side wrote on the case (at the county,
        also on the cases merged into it, which follow its referral and reply): acting then
        forks nothing."""
        assert self.chaos is not None
        w = self.chaos
        if name != "county":
            return self._holds(name, "county", case_id)
        merged = {case_id}
        for site in ("county", *self.stations):
            with w.svc[site].db.read() as s:
                query = select(FeedbackCase.id).where(FeedbackCase.merged_into_id == case_id)
                merged.update(s.scalars(query))
        with w.svc["county"].db.read() as s:
            query = select(FeedbackCase.id, FeedbackCase.station_id)
            station_of = dict(s.execute(query.where(FeedbackCase.id.in_(merged))).all())
        owner = {w.station[n]: n for n in self.stations}
        # A case of a station left out of this example stays as the template made it.
        return merged <= station_of.keys() and all(
            station_of[one] in owner and self._holds("county", owner[station_of[one]], one)
            for one in merged
        )

    def ready(self, name: str, actions: set[CaseAction]) -> list[tuple]:
        """Cases at ``name`` (a station: its own) it may act on without a race, that allow one
        of ``actions``: (case, fold result, allowed steps)."""
        assert self.chaos is not None
        svc = self.chaos.svc[name]
        station = self.chaos.station[name] if name != "county" else None
        found = []
        for case_id in live(svc, FeedbackCase, station):
            if self.knows_all(name, case_id):
                result, allowed = svc.casework.status(case_id)
                if allowed & actions:
                    found.append((case_id, result, allowed))
        return found

    # --- the network ------------------------------------------------------------------------

    @rule(i=ANY, jitter=JITTER)
    def export(self, i: int, jitter: int) -> None:
        assert self.chaos is not None
        name = pick(("county", *self.stations), i)
        for peer in self.peers(name):
            self.flight.extend(self.chaos.export(name, peer, jitter))

    @precondition(lambda self: self.flight)
    @rule(i=ANY, n=st.integers(1, 4), plan_first=st.booleans(), jitter=JITTER)
    def deliver(self, i: int, n: int, plan_first: bool, jitter: int) -> None:
        """Up to ``n`` copies in flight, picked anywhere in the queue (late, early, twice)."""
        for _ in range(min(n, len(self.flight))):
            self.deliver_one(self.flight.pop(i % len(self.flight)), plan_first, jitter)

    def deliver_one(self, f: Flight, plan_first: bool = False, jitter: int = 0) -> None:
        assert self.chaos is not None
        planned = self.chaos.apply(f.recipient, f.path, jitter, plan=True) if plan_first else None
        got = self.chaos.apply(f.recipient, f.path, jitter)
        again = f.bundle_id in self.delivered[f.recipient]
        assert got.already == again, "a bundle taken twice, or a new one called a repeat"
        if planned is not None and not again:
            assert planned.merge == got.merge, "the plan shown is not what the import did"
        self.delivered[f.recipient].add(f.bundle_id)
        seqs = self.seqs.setdefault((f.sender, f.recipient), set())
        seqs.add(f.seq)
        if not again:
            assert got.missing == tuple(n for n in range(1, max(seqs)) if n not in seqs)
        f.path.unlink()

    @precondition(lambda self: self.flight)
    @rule(i=ANY)
    def duplicate(self, i: int) -> None:
        assert self.chaos is not None
        f = self.flight[i % len(self.flight)]
        copy = self.chaos.folder() / f.path.name
        shutil.copyfile(f.path, copy)
        self.flight.append(Flight(f.sender, f.recipient, f.bundle_id, f.seq, copy))

    @precondition(lambda self: self.flight)
    @rule(i=ANY)
    def drop(self, i: int) -> None:
        f = self.flight.pop(i % len(self.flight))
        f.path.unlink()
        self.lost.append(f)

    @precondition(lambda self: self.lost)
    @rule(i=ANY)
    def write_again(self, i: int) -> None:
        assert self.chaos is not None
        self.flight.append(self.chaos.write_again(self.lost.pop(i % len(self.lost))))

    # --- the end: deliver everything, then everyone agrees --------------------------------------

    def _settle_chaos(self) -> None:
        """Every lost copy written again, then rounds of export-all, deliver-all (shuffled)
        until nobody has anything to send; a site that took nothing in has nothing new."""
        assert self.chaos is not None
        self.flight.extend(self.chaos.write_again(f) for f in self.lost)
        self.lost.clear()
        senders = {"county", *self.stations}
        for _ in range(ROUNDS):
            for name in sorted(senders):
                for peer in self.peers(name):
                    self.flight.extend(self.chaos.export(name, peer))
            if not self.flight:
                return
            self.shuffle.shuffle(self.flight)
            senders = {f.recipient for f in self.flight}
            while self.flight:
                self.deliver_one(self.flight.pop())
        raise AssertionError(f"still sending after {ROUNDS} rounds")

    def _settle_ref(self) -> None:
        """The reference: the stations' last records in, then the county's (and its receipts)."""
        self.sync_ref("county")
        for name in self.stations:
            self.unsent.add(("county", name))
            self.sync_ref(name)

    def teardown(self) -> None:
        if self.chaos is None or self.ref is None:
            return
        if sys.exc_info()[0] is not None:
            return  # a step failed: that is the failure to report
        self._settle_chaos()
        self._settle_ref()
        for world in (self.chaos, self.ref):
            check_agreed(world, self.stations, self.raced)
            for name in self.stations:
                assert all(b.acknowledged for b in world.svc[name].bundles.sent())
        check_same_worlds(self.chaos, self.ref)
