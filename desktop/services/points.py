"""The annual points register: credits from the records already kept, rules as county data."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import (
    Activity,
    Deputy,
    DeputyStation,
    DutyDay,
    FeedbackCase,
    PointDispute,
    PointPeriodEvent,
    PointRuleSet,
    SessionPeriod,
    Station,
    Township,
    Visit,
)
from desktop.db.programmes import TrainingBatch
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.points import (
    MSG_REASON_REQUIRED,
    Adjustment,
    Credit,
    CreditSource,
    DisputeKind,
    Period,
    PointsError,
    Register,
    RuleItem,
    RuleSet,
    Scope,
    SessionCalendar,
    compute_register,
    example_rule_set,
    exemplary,
    rank,
)
from desktop.domain.points_totals import plan, register_from_totals
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.common import NOT_FOUND, collector_paused
from desktop.services.credits import CREDIT_SOURCES, feed_totals

COUNTY_KEEPS_RULES = QT_TRANSLATE_NOOP(
    "Service", "Only the county office sets the points rules and confirms a year."
)
LOCKED = QT_TRANSLATE_NOOP(
    "Service", "The county office has confirmed the points of {year}; reopen the year first."
)


def items_to_json(items: Iterable[RuleItem]) -> str:
    rows = []
    for item in items:
        row = asdict(item)
        row["points"] = str(item.points)
        row["cap"] = None if item.cap is None else str(item.cap)
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False)


def items_from_json(text: str) -> tuple[RuleItem, ...]:
    items = []
    for row in json.loads(text or "[]"):
        row["points"] = Decimal(row["points"])
        row["cap"] = None if row["cap"] is None else Decimal(row["cap"])
        row["period"], row["source"] = Period(row["period"]), CreditSource(row["source"])
        items.append(RuleItem(**row))
    return tuple(items)


@dataclass(frozen=True)
class DisputeRow:
    id: uuid.UUID
    deputy_name: str
    item_code: str
    kind: DisputeKind
    reason: str
    status: str  # open | accepted | rejected
    delta: Decimal
    resolution: str


@dataclass(frozen=True)
class RankedRegister:
    register: Register
    name: str
    township: str
    rank: int


class PointsService:
    def __init__(self, db: Database, role: Callable[[], SiteRole]) -> None:
        self._db = db
        self._role = role

    def _county_only(self) -> None:
        if self._role() is not SiteRole.COUNTY:
            raise ServiceError(COUNTY_KEEPS_RULES)

    # --- rules and calendar -------------------------------------------------------------

    def rule_set(self, year: int, scope: Scope, session: Session | None = None) -> RuleSet:
        """This year's rules; the shipped example until the county enters its own."""
        if session is None:
            with self._db.read() as s:
                return self.rule_set(year, scope, s)
        row = session.scalar(
            select(PointRuleSet).where(
                PointRuleSet.year == year, PointRuleSet.scope == scope.value, ~PointRuleSet.deleted
            )
        )
        if row is None:
            return example_rule_set(year, scope)
        return RuleSet(
            str(row.id), row.name, row.year, scope, items_from_json(row.items), row.example
        )

    def save_rule_set(self, rules: RuleSet) -> None:
        self._county_only()
        with self._db.write() as s:
            self._ensure_open(s, rules.year)
            row = s.scalar(
                select(PointRuleSet).where(
                    PointRuleSet.year == rules.year, PointRuleSet.scope == rules.scope.value
                )
            )
            if row is None:
                row = PointRuleSet(id=uuid.uuid4(), year=rules.year, scope=rules.scope.value)
                s.add(row)
            row.name, row.example = rules.name, rules.example
            row.items, row.deleted = items_to_json(rules.items), False

    def session_calendar(self, s: Session) -> SessionCalendar:
        periods = s.execute(
            select(SessionPeriod.first_day, SessionPeriod.last_day).where(~SessionPeriod.deleted)
        ).all()
        return SessionCalendar(tuple((a, b) for a, b in periods))

    def add_session(self, name: str, first_day: dt.date, last_day: dt.date) -> None:
        SessionCalendar(((first_day, last_day),))  # refuses an end before the start
        with self._db.write() as s:
            s.add(SessionPeriod(id=uuid.uuid4(), name=name, first_day=first_day, last_day=last_day))

    # --- registers ----------------------------------------------------------------------

    def credits(self, s: Session, year: int, ids: list[uuid.UUID] | None) -> list[Credit]:
        return [c for source in CREDIT_SOURCES.values() for c in source(s, year, ids)]

    def register(self, deputy_id: uuid.UUID, year: int) -> Register:
        """One deputy's register with every record behind every point (the drill-down)."""
        return self.registers(year, [deputy_id], detail=True)[0].register

    @collector_paused()
    def registers(
        self,
        year: int,
        deputy_ids: list[uuid.UUID] | None = None,
        *,
        scope: Scope | None = None,
        township_id: uuid.UUID | None = None,
        detail: bool = False,
    ) -> list[RankedRegister]:
        """Registers for many deputies at once, ranked. Without ``detail`` the credits are
        added up in SQL per quarter (same figures, no records behind them): a county's
        ranking then takes a fraction of a second rather than seconds."""
        with self._db.read() as s:
            deputies = self._deputies(s, deputy_ids, scope, township_id)
            ids = (
                None
                if deputy_ids is None and scope is None and township_id is None
                else [d[0] for d in deputies]
            )
            by_deputy: dict[str, list[Credit]] = defaultdict(list)
            adjustments = self._adjustments(s, year)
            calendar = self.session_calendar(s)
            rules = {sc: self.rule_set(year, sc, s) for sc in Scope}
            if detail:
                for credit in self.credits(s, year, ids):
                    by_deputy[credit.deputy_id].append(credit)
            else:
                items = [item for r in rules.values() for item in r.items]
                by_session = {i.feed for i in items if i.period != Period.ANY}
                totals = feed_totals(s, year, {i.feed for i in items}, by_session)
                days = self._record_days(s, adjustments)
        registers = []
        planned = {sc: plan(r) for sc, r in rules.items()}
        for deputy_id, name, county_level, township in deputies:
            scope_of = Scope.COUNTY if county_level else Scope.TOWNSHIP
            rules_for = rules[scope_of]
            key = deputy_id.hex  # registers name deputies by the hex of their id
            if detail:
                register = compute_register(
                    rules_for, key, by_deputy.get(key, ()), calendar, adjustments.get(key, ())
                )
            else:
                register = register_from_totals(
                    rules_for, key, totals.get(key, {}), adjustments.get(key, ()), days,
                    planned[scope_of],
                )  # fmt: skip
            registers.append((register, name, township))
        ranks = rank({r.deputy_id: r.total for r, _, _ in registers})
        ranked = [RankedRegister(r, n, t, ranks[r.deputy_id]) for r, n, t in registers]
        return sorted(ranked, key=lambda x: (x.rank, x.name))

    def exemplary(
        self, year: int, *, top_n: int = 3, min_kinds: int = 3, township_id: uuid.UUID | None = None
    ) -> list[RankedRegister]:
        ranked = self.registers(year, township_id=township_id)
        chosen = {
            r.deputy_id
            for r in exemplary([x.register for x in ranked], top_n=top_n, min_kinds=min_kinds)
        }
        return [x for x in ranked if x.register.deputy_id in chosen]

    @staticmethod
    def _record_days(s: Session, adjustments: dict[str, list[Adjustment]]) -> dict[str, dt.date]:
        """The day of each record a settled dispute names (its quarter takes the adjustment)."""
        ids = [uuid.UUID(a.record_id) for adjs in adjustments.values() for a in adjs if a.record_id]
        days: dict[str, dt.date] = {}
        if ids:
            for model, day in (
                (DutyDay, DutyDay.day),
                (Visit, Visit.day),
                (FeedbackCase, FeedbackCase.received_date),
                (Activity, Activity.day),
                (TrainingBatch, TrainingBatch.day),  # training credits name their batch
            ):
                for record, when in s.execute(select(model.id, day).where(model.id.in_(ids))):
                    days[str(record)] = when
        return days

    @staticmethod
    def _deputies(
        s: Session, ids: list[uuid.UUID] | None, scope: Scope | None, township_id: uuid.UUID | None
    ) -> list[tuple]:
        query = select(Deputy.id, Deputy.name, Deputy.is_county_level).where(
            ~Deputy.deleted, Deputy.roster_status != "mapped"
        )
        if ids is not None:
            query = query.where(Deputy.id.in_(ids))
        if scope is Scope.COUNTY:
            query = query.where(Deputy.is_county_level.is_(True))
        elif scope is Scope.TOWNSHIP:
            query = query.where(Deputy.is_county_level.is_(False))
        found = s.execute(query.order_by(Deputy.name_sort, Deputy.id)).all()
        # The lowest township id per deputy, taken here: PostgreSQL has no min() over uuid.
        towns: dict = {}
        for deputy_id, town in s.execute(
            select(DeputyStation.deputy_id, Station.township_id)
            .join(Station, Station.id == DeputyStation.station_id)
            .where(~DeputyStation.deleted, Station.township_id.is_not(None))
        ):
            if deputy_id not in towns or town < towns[deputy_id]:
                towns[deputy_id] = town
        names = dict(s.execute(select(Township.id, Township.name)).all())
        out = []
        for deputy_id, name, county_level in found:
            township = towns.get(deputy_id)
            if township_id is not None and township != township_id:
                continue
            out.append((deputy_id, name, county_level, names.get(township, "")))
        return out

    # --- disputes and confirmed years ---------------------------------------------------

    def _adjustments(self, s: Session, year: int) -> dict[str, list[Adjustment]]:
        out: dict[str, list[Adjustment]] = defaultdict(list)
        for d in s.scalars(
            select(PointDispute).where(
                PointDispute.year == year, PointDispute.status == "accepted", ~PointDispute.deleted
            )
        ):
            out[d.deputy_id.hex].append(
                Adjustment(
                    d.deputy_id.hex,
                    year,
                    d.item_code,
                    Decimal(d.delta),
                    DisputeKind(d.kind),
                    d.resolution or d.reason,
                    str(d.record_id) if d.record_id else None,
                )
            )
        return out

    def dispute(
        self,
        deputy_id: uuid.UUID,
        year: int,
        item_code: str,
        kind: DisputeKind,
        reason: str,
        record_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        """Record a deputy's dispute (错、重、漏); it changes nothing until it is settled."""
        if not reason.strip():
            raise PointsError(MSG_REASON_REQUIRED)
        with self._db.write() as s:
            self._ensure_open(s, year)
            dispute = PointDispute(
                id=uuid.uuid4(),
                deputy_id=deputy_id,
                year=year,
                item_code=item_code,
                kind=kind.value,
                reason=reason.strip(),
                record_id=record_id,
            )
            s.add(dispute)
        return dispute.id

    def disputes(self, year: int) -> list[DisputeRow]:
        with self._db.read() as s:
            found = s.execute(
                select(PointDispute, Deputy.name)
                .join(Deputy, Deputy.id == PointDispute.deputy_id)
                .where(PointDispute.year == year, ~PointDispute.deleted)
                .order_by(PointDispute.change_seq)
            ).all()
            return [
                DisputeRow(
                    d.id,
                    name,
                    d.item_code,
                    DisputeKind(d.kind),
                    d.reason,
                    d.status,
                    Decimal(d.delta),
                    d.resolution,
                )
                for d, name in found
            ]

    def settle(
        self, dispute_id: uuid.UUID, *, accept: bool, delta: Decimal, resolution: str
    ) -> None:
        with self._db.write() as s:
            dispute = s.get(PointDispute, dispute_id)
            if dispute is None:
                raise ServiceError(NOT_FOUND)
            self._ensure_open(s, dispute.year)
            dispute.status = "accepted" if accept else "rejected"
            dispute.delta = str(delta if accept else Decimal(0))
            dispute.resolution = resolution.strip()
            Adjustment(
                str(dispute.deputy_id),
                dispute.year,
                dispute.item_code,
                delta,
                DisputeKind(dispute.kind),
                resolution or dispute.reason,
            )  # validates

    def is_locked(self, year: int, session: Session | None = None) -> bool:
        if session is None:
            with self._db.read() as s:
                return self.is_locked(year, s)
        last = session.scalar(
            select(PointPeriodEvent.action)
            .where(PointPeriodEvent.year == year, ~PointPeriodEvent.deleted)
            .order_by(PointPeriodEvent.change_seq.desc())
            .limit(1)
        )
        return last == "lock"

    def _ensure_open(self, s: Session, year: int) -> None:
        if self.is_locked(year, s):
            raise ServiceError(LOCKED, year=str(year))

    def lock(self, year: int, note: str = "") -> None:
        self._county_only()
        with self._db.write() as s:
            s.add(PointPeriodEvent(id=uuid.uuid4(), year=year, action="lock", note=note))

    def reopen(self, year: int, note: str) -> None:
        """Changes after a confirmation need an explicit, recorded reopening."""
        self._county_only()
        with self._db.write() as s:
            s.add(PointPeriodEvent(id=uuid.uuid4(), year=year, action="reopen", note=note))
