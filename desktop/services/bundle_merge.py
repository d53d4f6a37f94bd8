"""Merging another site's records into this database, without trusting any clock.

Each record has one owner; only the owner raises its version. So for a record the sender owns:
a higher version than ours replaces ours, a lower or equal one changes nothing, and the same
version with different contents (the owner restored an old backup and edited again) goes to the
conflict list for a person. Case events merge as a union; a case's list columns are folded
again from all its events, in whatever order they came. A record pointing to one not here yet
(still on the way) waits in ``sync_waiting`` and is taken as soon as that arrives.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from desktop.db.bookkeeping import SyncConflict, SyncWaiting
from desktop.db.bulk import insert_many
from desktop.db.engine import next_change_seq
from desktop.db.models import SiteEnrolment
from desktop.domain.tables import Cancelled, CancelledFn, ProgressFn
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.bundle_figures import MergeResult, RejectedRow, TableFigures
from desktop.services.bundle_peers import stations_of
from desktop.services.bundle_refs import (
    CASES,
    EVENTS,
    PROJECTED_KEYS,
    cases_naming,
    existing,
    field_of,
    foreign_keys,
    guessed_id,
    newest_per_id,
    outside_stations,
    parents_first,
    take_over_links,
    waits_for,
)
from desktop.services.bundle_scope import CHILDREN, OTHER_STATION, station_refusal
from desktop.services.retention import forget_in_steps, forgotten_names
from desktop.sync import payload as pl

CHUNK = 500
Limits = frozenset[uuid.UUID] | None

# Why a row was not taken (shown in the plan, per row).
BAD_VALUES = QT_TRANSLATE_NOOP("BundlePlan", "a value does not fit its field")
NOT_SENDERS = QT_TRANSLATE_NOOP("BundlePlan", "the record belongs to another site")
OWNER_CHANGED = QT_TRANSLATE_NOOP("BundlePlan", "the record's owner differs from the copy here")
EVENT_CHANGED = QT_TRANSLATE_NOOP("BundlePlan", "a step of the case differs from the copy here")


class Merger:
    """One bundle's records into ``session`` (a ``remote`` write transaction)."""

    def __init__(
        self,
        session: Session,
        sender: uuid.UUID,
        sender_stations: Limits,
        refold: Callable[..., None],  # CaseworkService.refold_many
    ) -> None:
        self._s = session
        self._sender = sender
        # A station may only write its own station's records; None: no such limit (the county).
        self._stations = sender_stations
        self._refold = refold
        self._here = session.info.get("site_id")
        self._known: dict[str, set[uuid.UUID]] = defaultdict(set)
        self._cases: set[uuid.UUID] = set()
        # Cases new here and the steps written with them: folded from these rows, unread.
        self._arrived: dict[uuid.UUID, pl.Row] = {}
        self._arrived_steps: list[pl.Row] = []
        self.result = MergeResult()

    # --- the whole bundle -------------------------------------------------------------------

    def merge(
        self,
        tables: dict[str, list[Any]],
        progress: ProgressFn,
        cancelled: CancelledFn,
    ) -> MergeResult:
        total = sum(len(rows) for rows in tables.values()) or 1
        done = 0
        for name in pl.TRAVELLING:
            raw = tables.get(name)
            if not raw:
                continue
            rows = self._decoded(name, raw)
            self._take(name, rows, self._sender)
            done += len(raw)
            progress(done, total, name)
            if cancelled():
                raise Cancelled
        self._retry_waiting()
        if self._cases:
            self._refold(self._s, self._cases, self._arrived, self._arrived_steps)
        return self.result

    def _decoded(self, name: str, raw: list[Any]) -> list[pl.Row]:
        figures = self.result.figures(name)
        owner_key = "site_id" if name == EVENTS else "owner_site_id"
        allowed = {None, *(self._stations or ())}
        rows: list[pl.Row] = []
        for values in raw:
            try:
                row = pl.decode_row(name, values)
            except (ValueError, TypeError):
                self._reject(name, guessed_id(name, values), BAD_VALUES, figures)
                continue
            if row[owner_key] != self._sender:
                self._reject(name, str(row["id"]), NOT_SENDERS, figures)
            elif self._stations is not None and (why := station_refusal(name, row, allowed)):
                self._reject(name, str(row["id"]), why, figures)
            else:
                rows.append(row)
        return rows

    def _reject(self, name: str, record_id: str, reason: str, figures: TableFigures) -> None:
        figures.rejected += 1
        self.result.rejected.append(RejectedRow(name, record_id, reason))

    def _limits(self, sender: uuid.UUID) -> Limits:
        """The stations ``sender`` may write for (a record waiting may be another sender's)."""
        if sender == self._sender:
            return self._stations
        enrolled = self._s.get(SiteEnrolment, sender)
        return None if enrolled is None else stations_of(self._s, enrolled)

    # --- one table ----------------------------------------------------------------------------

    def _take(
        self, name: str, rows: list[pl.Row], sender: uuid.UUID, *, from_waiting: bool = False
    ) -> tuple[int, set[uuid.UUID]]:
        """Classify and write ``rows``; return how many were written (new or updated) and the
        ids of those still waiting for what they point to."""
        figures = self.result.figures(name)
        if name == EVENTS:
            fresh, changed = self._classify_events(rows, figures), []
        else:
            fresh, changed = self._classify(name, rows, figures)
        fresh, changed, parked = self._ready(name, fresh, changed)
        fresh, changed = self._own_station(name, (fresh, changed), self._limits(sender), figures)
        if not from_waiting:
            figures.waiting += len(parked)
            self._park(name, parked)
        self._write(name, fresh, changed)
        figures.new += len(fresh)
        figures.updated += len(changed)
        return len(fresh) + len(changed), {r["id"] for r in parked}

    def _existing(self, name: str, ids: Sequence[uuid.UUID], cols: Sequence[str]) -> dict:
        return existing(self._s, name, ids, cols)

    def _classify(
        self, name: str, rows: list[pl.Row], figures: TableFigures
    ) -> tuple[list[pl.Row], list[pl.Row]]:
        rows = newest_per_id(rows)
        cols = ("id", "version", "owner_site_id", "created_site_id")
        here = self._existing(name, [r["id"] for r in rows], cols)
        fresh, changed, same_version = [], [], []
        for row in rows:
            local = here.get(row["id"])
            if local is None:
                fresh.append(row)
            elif local["owner_site_id"] != row["owner_site_id"]:
                self._owner_changed(name, row, local, figures, changed)
            elif row["version"] > local["version"]:
                changed.append(row)
            elif row["version"] == local["version"]:
                same_version.append(row)
            else:
                figures.unchanged += 1  # an older copy, delivered late: ours is newer
            self._known[name].add(row["id"])
        if same_version:
            full = self._existing(name, [r["id"] for r in same_version], pl.CODECS[name].names)
            for row in same_version:
                if pl.comparable(name, full[row["id"]]) == pl.comparable(name, row):
                    figures.unchanged += 1
                else:
                    figures.conflicts += self._conflict(name, row)
        return fresh, changed

    def _owner_changed(
        self, name: str, row: pl.Row, local: Any, figures: TableFigures, changed: list[pl.Row]
    ) -> None:
        """The one hand-over there is: the county takes a record a station made into its own
        (a provisional deputy confirmed or mapped). The station takes the county's copy if it
        is newer than its own and sets aside, as a conflict, one it edited meanwhile; the county
        sets aside a station's edit of such a record made meanwhile. Any other change of owner
        is refused."""
        made_here = local["owner_site_id"] == local["created_site_id"] == self._here
        if self._stations is None and made_here:  # at a station: the county took it over
            if row["version"] > local["version"]:
                changed.append(row)
            else:
                figures.conflicts += self._conflict(name, row)
        elif (
            local["owner_site_id"] == self._here
            and local["created_site_id"] == row["owner_site_id"]
        ):
            if row["version"] < local["version"]:
                figures.unchanged += 1  # the station's copy from before the county took it
            else:
                figures.conflicts += self._conflict(name, row)
        else:
            self._reject(name, str(row["id"]), OWNER_CHANGED, figures)

    def _classify_events(self, rows: list[pl.Row], figures: TableFigures) -> list[pl.Row]:
        unique = {r["id"]: r for r in rows}
        here = self._existing(EVENTS, list(unique), pl.CODECS[EVENTS].names)
        fresh = []
        for event_id, row in unique.items():
            local = here.get(event_id)
            if local is None:
                fresh.append(row)
            elif pl.comparable(EVENTS, local) == pl.comparable(EVENTS, row):
                figures.unchanged += 1
            else:
                self._reject(EVENTS, str(event_id), EVENT_CHANGED, figures)
        return fresh

    def _conflict(self, name: str, row: pl.Row) -> int:
        """Record the sender's copy for a person to judge (once per copy); 1 if it is new."""
        known = self._s.scalar(
            select(SyncConflict.id).where(
                SyncConflict.table_name == name,
                SyncConflict.record_id == row["id"],
                SyncConflict.remote_version == row["version"],
                SyncConflict.remote_row == pl.plain_row(name, row),
            )
        )
        if known is None:
            self._s.add(
                SyncConflict(
                    id=uuid.uuid4(),
                    table_name=name,
                    record_id=row["id"],
                    remote_version=row["version"],
                    remote_row=pl.plain_row(name, row),
                    sender_id=row["owner_site_id"],  # its sender (a waiting row's may differ)
                    resolved=False,
                )
            )
        return 1

    # --- what the rows point to ---------------------------------------------------------------

    def _present(self, target: str, ids: set[uuid.UUID]) -> set[uuid.UUID]:
        missing = list(ids - self._known[target])
        if missing:
            table = pl.table(target)
            for start in range(0, len(missing), CHUNK):
                chunk = missing[start : start + CHUNK]
                query = select(table.c.id).where(table.c.id.in_(chunk))
                self._known[target].update(self._s.scalars(query))
        return ids & self._known[target]

    def _ready(
        self, name: str, fresh: list[pl.Row], changed: list[pl.Row]
    ) -> tuple[list[pl.Row], list[pl.Row], list[pl.Row]]:
        """Those whose every reference is here (or arrives in this batch), and the rest."""
        keys = waits_for(name)
        if not keys:
            return fresh, changed, []
        batch = {r["id"] for r in (*fresh, *changed)}
        outside: dict[str, set[uuid.UUID]] = defaultdict(set)
        for row in (*fresh, *changed):
            for col, target in keys:
                if row[col] is not None and not (target == name and row[col] in batch):
                    outside[target].add(row[col])
        present = {target: self._present(target, ids) for target, ids in outside.items()}
        # Rows pointing within the batch (a case merged into another) wait for their parents.
        ok_ids: set[uuid.UUID] = set()
        pending = [*fresh, *changed]
        while True:
            progress = False
            for row in pending:
                if row["id"] in ok_ids:
                    continue
                if all(
                    row[col] is None
                    or (row[col] in ok_ids if target == name and row[col] in batch
                        else row[col] in present.get(target, ()))
                    for col, target in keys
                ):  # fmt: skip
                    ok_ids.add(row["id"])
                    progress = True
            if not progress:
                break
        parked = [r for r in pending if r["id"] not in ok_ids]
        for row in parked:
            self._known[name].discard(row["id"])
        ordered = parents_first(name, [r for r in fresh if r["id"] in ok_ids], keys)
        return ordered, [r for r in changed if r["id"] in ok_ids], parked

    def _own_station(
        self, name: str, rows: tuple[list[pl.Row], list[pl.Row]], limits: Limits, f: TableFigures
    ) -> tuple[list[pl.Row], list[pl.Row]]:
        """Rows hanging off another station's record (a step of its case, a deputy on its duty
        day) are refused like that record would be. Their parents are here by now."""
        fresh, changed = rows
        if limits is None or name not in CHILDREN:
            return fresh, changed
        refused = outside_stations(self._s, name, [*fresh, *changed], {None, *limits})
        for record_id in refused:
            self._known[name].discard(record_id)
            self._reject(name, str(record_id), OTHER_STATION, f)
        return [r for r in fresh if r["id"] not in refused], [
            r for r in changed if r["id"] not in refused
        ]

    def _park(self, name: str, rows: list[pl.Row]) -> None:
        for row in rows:
            waiting = self._s.get(SyncWaiting, (name, row["id"]))
            text = pl.plain_row(name, row)
            if waiting is None:
                self._s.add(SyncWaiting(table_name=name, record_id=row["id"], remote_row=text,
                                        sender_id=self._sender))  # fmt: skip
            elif name != EVENTS and field_of(name, waiting.remote_row, "version") < row["version"]:
                waiting.remote_row = text  # a newer copy of a record still waiting

    def _retry_waiting(self) -> None:
        """Take waiting records whose references have arrived, until no more can be taken.
        Each is judged as from its own sender; any not still waiting leaves the list (taken,
        older than ours, a conflict, or refused)."""
        while True:
            taken = 0
            groups: dict[tuple[str, uuid.UUID], list[SyncWaiting]] = defaultdict(list)
            for w in self._s.scalars(select(SyncWaiting)):
                groups[(w.table_name, w.sender_id)].append(w)
            for name in pl.TRAVELLING:
                for sender in sorted(s for t, s in groups if t == name):
                    waiting = groups[(name, sender)]
                    rows = [pl.decode_row(name, json.loads(w.remote_row)) for w in waiting]
                    written, still = self._take(name, rows, sender, from_waiting=True)
                    done = [w.record_id for w in waiting if w.record_id not in still]
                    for start in range(0, len(done), CHUNK):
                        gone = SyncWaiting.record_id.in_(done[start : start + CHUNK])
                        self._s.execute(
                            delete(SyncWaiting).where(SyncWaiting.table_name == name, gone)
                        )
                    taken += written
            self.result.taken_from_waiting += taken
            if not taken:
                return

    # --- writing ------------------------------------------------------------------------------

    def _blank_missing_targets(self, cases: list[pl.Row]) -> None:
        """Names in a new case's projection of records not here yet are left out (folded in
        when those arrive); the rest is kept as sent, so a right projection is not rewritten."""
        for column in PROJECTED_KEYS:
            target = dict(foreign_keys(pl.table(CASES)))[column]
            named = {r[column] for r in cases if r[column] is not None}
            here = self._present(target, named) if target != CASES else set()
            for row in cases:
                if row[column] is not None and row[column] not in here:
                    row[column] = None

    def _write(self, name: str, fresh: list[pl.Row], changed: list[pl.Row]) -> None:
        if not (fresh or changed):
            return
        seq = next_change_seq(self._s)
        table = pl.table(name)
        if fresh:
            # Folded here from its steps (as sent it may name a case still on its way).
            if name == CASES:
                self._blank_missing_targets(fresh)
            take_over_links(self._s, self._here, name, fresh)
            insert_many(self._s, table, fresh, {"change_seq": seq})
            self._known[name].update(r["id"] for r in fresh)
            self._cases.update(cases_naming(self._s, name, {r["id"] for r in fresh}))
        if changed:
            if name == CASES:  # the owner purged the person: our steps forget them too
                forget_in_steps(self._s, forgotten_names(self._s, changed))
            skip = pl.CASE_PROJECTION if name == CASES else frozenset()
            cols = [c for c in pl.CODECS[name].names if c != "id" and c not in skip]
            statement = (
                table.update()
                .where(table.c.id == bindparam("_id"))
                .values({c: bindparam(c) for c in [*cols, "change_seq"]})
            )
            self._s.execute(
                statement,
                [{"_id": r["id"], "change_seq": seq, **{c: r[c] for c in cols}} for r in changed],
            )
        if name == CASES:
            self._cases.update(r["id"] for r in (*fresh, *changed))
            self._arrived.update((r["id"], r) for r in fresh)
        elif name == EVENTS:
            self._cases.update(r["case_id"] for r in fresh)
            self._arrived_steps.extend(fresh)
