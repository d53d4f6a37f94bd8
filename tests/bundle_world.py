"""Worlds for the bundle state machine: a county and three stations on file databases, each site
with its own clock and record-id stream, and the checks that the sites agree."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import types
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, func, select

import desktop.db.base as db_base
import desktop.services.bundle_export as bundle_export
from desktop.db.bookkeeping import BundleQuarantined, SyncConflict, SyncWaiting
from desktop.db.models import CaseEvent, Department, DutyDay, FeedbackCase, Visit
from desktop.domain.enums import DepartmentLevel, SiteRole
from desktop.domain.records import CaseDraft, DeputyDraft, SiteDraft
from desktop.services import Services, open_services
from desktop.services.bundle_scope import changed_rows
from desktop.sync import crypto
from desktop.sync import payload as pl

SITES = ("county", "s0", "s1", "s2")
T = dt.date(2026, 6, 15)
FIRST_DAY = dt.date(2018, 1, 2)  # before any "today" a site has here
PASS = "passphrase1"
EVENTS = pl.EVENT_TABLE
# Shown to people, never compared across machines (and wild here: every site's clock is off).
SHOWN = frozenset({"created_at", "updated_at"})
STAMPS = SHOWN | {"at"}  # a step's moment: across worlds the clocks differ by design
_real_uuid4 = uuid.uuid4


def build_template(root: Path) -> None:
    """A county, three enrolled stations, two departments, two deputies, the county's first
    bundle to each station taken in, and each station's first (a case, a provisional deputy).
    Its record ids come from a fixed stream, so a falsifying example replays on a new template:
    the rules pick cases and deputies by their place in lists sorted by id."""
    saved, crypto.DEFAULT_SCRYPT = crypto.DEFAULT_SCRYPT, (4, 1, 1)
    rng = random.Random("template")
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)
    try:
        county = open_services(root / "county.sqlite", today=lambda: T)
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", "新桥县人大常委会", ""))
        towns = {"s0": "望江镇", "s1": "望江镇", "s2": "黄姚镇"}
        blobs = {
            n: county.enrolment.enroll_site(n.upper(), f"{t}{n}站", SiteRole.STATION, t, PASS, T)
            for n, t in towns.items()
        }
        with county.db.write() as s:
            for code, level in (("ZJJ", DepartmentLevel.TOWNSHIP), ("JTJ", DepartmentLevel.COUNTY)):
                s.add(Department(id=uuid.uuid4(), code=code, name=code, level=level.value))
        stations = {}
        for name, blob in blobs.items():
            stations[name] = open_services(root / f"{name}.sqlite", today=lambda: T)
            stations[name].enrolment.accept(blob, PASS)
        ids = tuple(stations[n].site.current().station_id for n in towns)
        county.deputies.create(DeputyDraft("张晓明", station_ids=ids[:2]))
        county.deputies.create(DeputyDraft("李芳", station_ids=ids))
        for peer in county.bundles.recipients():
            for path in county.bundles.export(peer.site_id, root).files:
                stations[peer.code.lower()].bundles.apply(path)
                path.unlink()
        # Each station registered a case and typed in a deputy the county has not taken over
        # yet, and sent both.
        for name, svc in stations.items():
            station_id = svc.site.current().station_id
            svc.feedback.register(
                CaseDraft(station_id, FIRST_DAY, person_name=f"赵{name}", content="路灯")
            )
            svc.deputies.create(DeputyDraft(f"王{name}", station_ids=(station_id,)))
            county_id = svc.bundles.recipients()[0].site_id
            for path in svc.bundles.export(county_id, root).files:
                county.bundles.apply(path)
                path.unlink()
        for svc in (county, *stations.values()):
            svc.close()
    finally:
        crypto.DEFAULT_SCRYPT = saved
        uuid.uuid4 = _real_uuid4


@dataclass
class Flight:
    """One copy of a bundle file on its way (a USB stick in someone's pocket)."""

    sender: str
    recipient: str
    bundle_id: uuid.UUID
    seq: int
    path: Path


def _no_sync(connection: object, _record: object) -> None:
    connection.execute("PRAGMA synchronous = OFF")  # type: ignore[attr-defined]


class World:
    """Four databases copied from the template, kept open across examples (``reset`` copies the
    template back: new engines would compile every statement again)."""

    def __init__(self, root: Path, template: Path) -> None:
        root.mkdir(parents=True)
        self.root, self.template = root, template
        self.today = dict.fromkeys(SITES, T)
        for name in SITES:
            shutil.copy(template / f"{name}.sqlite", root / f"{name}.sqlite")
        self.svc: dict[str, Services] = {
            n: open_services(root / f"{n}.sqlite", today=lambda n=n: self.today[n]) for n in SITES
        }
        for svc in self.svc.values():
            # Durability is not under test here; a commit not waiting for the disk is 100x faster.
            event.listen(svc.db.engine, "connect", _no_sync)
        self.site_id = {n: s.db.local_site_id() for n, s in self.svc.items()}
        self.station = {n: s.site.current().station_id for n, s in self.svc.items()}
        self.reset(None)

    def reset(self, skew: dict[str, tuple[dt.date, int]] | None) -> None:
        """Back to the template; ``skew`` gives each site its own "today" and a clock years off
        (site -> (today, years)); None: every site on the true clock."""
        for name, svc in self.svc.items():
            svc.db.dispose()
            for suffix in ("-wal", "-shm"):
                (self.root / f"{name}.sqlite{suffix}").unlink(missing_ok=True)
            shutil.copy(self.template / f"{name}.sqlite", self.root / f"{name}.sqlite")
        shutil.rmtree(self.root / "net", ignore_errors=True)
        self.n, self.skew = 0, skew or {}
        self.today.update({n: self.skew.get(n, (T, 0))[0] for n in SITES})
        # Each site draws record ids from its own stream: the same ids in both worlds.
        self.ids = {n: random.Random(n) for n in SITES}

    def close(self) -> None:
        for svc in self.svc.values():
            svc.close()

    @contextmanager
    def at(self, name: str, jitter: int = 0, *, new_ids: bool = True) -> Iterator[Services]:
        """Act as ``name``: its clock (years off, ``jitter`` seconds more or less) and, for a
        record's ids, its own id stream."""
        offset = dt.timedelta(days=365 * self.skew.get(name, (T, 0))[1], seconds=jitter)

        class Skewed(dt.datetime):
            @classmethod
            def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
                return dt.datetime.now(tz) + offset

        clock = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if k[0] != "_"})
        clock.datetime = Skewed
        rng = self.ids[name]
        saved = db_base.dt, bundle_export.dt
        # base.utcnow is every column default and stamp; the export writes its own written_at.
        db_base.dt = bundle_export.dt = clock  # type: ignore[assignment]
        if new_ids:
            uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)
        try:
            yield self.svc[name]
        finally:
            db_base.dt, bundle_export.dt = saved
            uuid.uuid4 = _real_uuid4

    def folder(self) -> Path:
        self.n += 1
        path = self.root / "net" / str(self.n)
        path.mkdir(parents=True)
        return path

    def export(self, name: str, to: str, jitter: int = 0) -> list[Flight]:
        with self.at(name, jitter, new_ids=False) as svc:
            done = svc.bundles.export(self.site_id[to], self.folder())
        pairs = zip(done.files, done.bundles, strict=True)
        return [Flight(name, to, b.bundle_id, b.seq, path) for path, b in pairs]

    def apply(self, name: str, path: Path, jitter: int = 0, *, plan: bool = False):
        """Import (or plan) ``path`` at ``name``: an honest bundle has nothing to refuse."""
        with self.at(name, jitter, new_ids=False) as svc:
            done = svc.bundles.plan(path) if plan else svc.bundles.apply(path)
        assert not done.merge.rejected, f"{name} rejected {done.merge.rejected}"
        assert not done.merge.total("conflicts"), f"{name} found conflicts in {path.name}"
        return done

    def write_again(self, f: Flight) -> Flight:
        with self.at(f.sender, new_ids=False) as svc:
            path = svc.bundles.write_again(f.bundle_id, self.folder())
        return Flight(f.sender, f.recipient, f.bundle_id, f.seq, path)


# --- reading the databases ----------------------------------------------------------------------


def rows(svc: Services, skip: frozenset[str] = frozenset()) -> dict[str, dict]:
    """Every travelling row by table and id (``change_seq`` never travels)."""
    out: dict[str, dict] = {}
    with svc.db.read() as s:
        for name in pl.TRAVELLING:
            table, cols = pl.table(name), [c for c in pl.CODECS[name].names if c not in skip]
            found = s.execute(select(*(table.c[c] for c in cols))).mappings()
            out[name] = {r["id"]: dict(r) for r in found}
    return out


def events(svc: Services, case_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID]:
    """A case's steps here: event id -> the site that wrote it."""
    with svc.db.read() as s:
        query = select(CaseEvent.id, CaseEvent.site_id).where(CaseEvent.case_id == case_id)
        return dict(s.execute(query).all())


def live(svc: Services, model: type, station: uuid.UUID | None = None) -> list[uuid.UUID]:
    with svc.db.read() as s:
        query = select(model.id).where(~model.deleted).order_by(model.id)
        if station is not None:
            query = query.where(model.station_id == station)
        return list(s.scalars(query))


def count(svc: Services, model: type, *where: object) -> int:
    with svc.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


def pick(items: list, i: int):
    return items[i % len(items)] if items else None


# --- what must hold once everything is delivered --------------------------------------------------


def _same(where: str, table: str, mine: dict, theirs: dict | None) -> None:
    if mine != theirs:
        diff = {
            k: (v, (theirs or {}).get(k)) for k, v in mine.items() if (theirs or {}).get(k) != v
        }
        raise AssertionError(f"{where}: {table} {mine.get('id')} differs: {diff or 'missing'}")


def check_agreed(w: World, stations: tuple[str, ...], raced: set[uuid.UUID]) -> None:
    """Every record as its owner has it, at the county and at the station concerned."""
    try:
        _check_agreed(w, stations, raced)
    except AssertionError as exc:
        raise AssertionError(f"{w.root.name} world: {exc}") from None


def _check_agreed(w: World, stations: tuple[str, ...], raced: set[uuid.UUID]) -> None:
    county_id = w.site_id["county"]
    at = {n: rows(w.svc[n], SHOWN) for n in ("county", *stations)}
    for name in ("county", *stations):
        svc = w.svc[name]
        assert count(svc, SyncWaiting) == 0, f"{name}: records still waiting"
        assert count(svc, SyncConflict) == 0, f"{name}: conflicts"
        assert count(svc, BundleQuarantined) == 0, f"{name}: bundles set aside"
        assert not svc.bundles.gaps(), f"{name}: bundles missing"
        flagged = set(live(svc, FeedbackCase)) & {
            r["id"] for r in at[name]["feedback_cases"].values() if r["conflict"]
        }
        assert flagged <= raced, f"{name}: a case forked that nobody raced"
    for station in stations:
        sid, mine = w.site_id[station], at[station]
        for table in pl.TRAVELLING:
            owner = "site_id" if table == EVENTS else "owner_site_id"
            for key, row in mine[table].items():
                there = at["county"][table].get(key)
                if (
                    table == "feedback_cases"
                    and there
                    and there["merged_into_id"] not in mine[table]
                ):
                    # Merged into another station's case, which never comes here.
                    there = {**there, "merged_into_id": None}
                if row[owner] == sid:  # the station's own: the county has the same
                    _same(f"county has {station}'s", table, row, there)
                elif row[owner] == county_id:  # the county's: the station has the same
                    _same(f"{station} has county's", table, at["county"][table].get(key), row)
            with w.svc["county"].db.read() as s:
                scope = {w.station[station]}
                sent = {r["id"] for r in changed_rows(s, table, county_id, 0, 2**62, scope)}
            assert sent <= mine[table].keys(), f"{station} lacks county {table}"
        # Steps on the station's cases: the same set at both ends, wherever written.
        cases = {k for k, r in mine["feedback_cases"].items() if r["owner_site_id"] == sid}
        for side in (station, "county"):
            got = {k for k, r in at[side][EVENTS].items() if r["case_id"] in cases}
            theirs = {k for k, r in at["county" if side == station else station][EVENTS].items()
                      if r["case_id"] in cases}  # fmt: skip
            assert got == theirs, f"{side}: steps of {station}'s cases differ"
        others = {w.station[n] for n in SITES[1:] if n != station}
        for model in (DutyDay, Visit, FeedbackCase):
            assert count(w.svc[station], model, model.station_id.in_(others)) == 0


def check_same_worlds(chaos: World, ref: World) -> None:
    """The shuffled, lossy, skewed world ends where the orderly one does, row for row."""
    for name in SITES:
        got, want = rows(chaos.svc[name], STAMPS), rows(ref.svc[name], STAMPS)
        for table in pl.TRAVELLING:
            for key in got[table].keys() | want[table].keys():
                _same(f"{name} against the reference", table, want[table].get(key) or {},
                      got[table].get(key))  # fmt: skip
