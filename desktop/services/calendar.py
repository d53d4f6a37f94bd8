"""The county's working-day calendar and case-handling policy, as the workflow needs them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.engine import Database
from desktop.db.models import AppSetting, CalendarDay, CalendarYear
from desktop.domain import refdata
from desktop.domain.workcalendar import WorkCalendar, shipped_calendar
from desktop.domain.workflow import WorkflowContext, WorkflowPolicy

HOLIDAY, WORKDAY = "holiday", "workday"
# Numbers a county may set differently (县级办法): kept with the data, not in the INI file.
POLICY_KEYS = {
    "policy.reply_months": "reply_months",
    "policy.return_working_days": "return_working_days",
    "policy.due_soon_working_days": "due_soon_working_days",
}


def seed_calendar(session: Session, owner_site_id: object) -> None:
    """The shipped example calendar, with fixed ids so every site names each day alike."""
    cal = shipped_calendar()
    for kind, days in ((HOLIDAY, cal.holidays), (WORKDAY, cal.swapped_workdays)):
        for day in sorted(days):
            rid = refdata.shipped_id("calendar_day", day.isoformat())
            if session.get(CalendarDay, rid) is None:
                session.add(
                    CalendarDay(
                        id=rid,
                        day=day,
                        kind=kind,
                        created_site_id=owner_site_id,
                        owner_site_id=owner_site_id,
                    )
                )
    for year in sorted(cal.known_years):
        rid = refdata.shipped_id("calendar_year", str(year))
        if session.get(CalendarYear, rid) is None:
            session.add(
                CalendarYear(
                    id=rid, year=year, created_site_id=owner_site_id, owner_site_id=owner_site_id
                )
            )


class CalendarService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def calendar(self, session: Session | None = None) -> WorkCalendar:
        if session is None:
            with self._db.read() as s:
                return self.calendar(s)
        days = session.execute(
            select(CalendarDay.day, CalendarDay.kind).where(~CalendarDay.deleted)
        ).all()
        years = session.scalars(select(CalendarYear.year).where(~CalendarYear.deleted)).all()
        return WorkCalendar(
            holidays=frozenset(d for d, k in days if k == HOLIDAY),
            swapped_workdays=frozenset(d for d, k in days if k == WORKDAY),
            known_years=frozenset(years),
        )

    def policy(self, session: Session | None = None) -> WorkflowPolicy:
        if session is None:
            with self._db.read() as s:
                return self.policy(s)
        found = {
            POLICY_KEYS[row.key]: int(row.value)
            for row in session.scalars(select(AppSetting).where(AppSetting.key.in_(POLICY_KEYS)))
        }
        return WorkflowPolicy(**found)

    def set_policy(self, policy: WorkflowPolicy) -> None:
        with self._db.write() as s:
            for key, name in POLICY_KEYS.items():
                s.merge(AppSetting(key=key, value=str(getattr(policy, name))))

    def context(self, session: Session | None = None) -> WorkflowContext:
        return WorkflowContext(policy=self.policy(session), calendar=self.calendar(session))

    def set_holidays(self, year: int, holidays: set[dt.date], workdays: set[dt.date]) -> None:
        """Enter (or replace) a year's holidays and swapped working days; the year is known."""
        with self._db.write() as s:
            wanted = {d: HOLIDAY for d in holidays} | {d: WORKDAY for d in workdays}
            existing = {
                c.day: c
                for c in s.scalars(
                    select(CalendarDay).where(
                        CalendarDay.day >= dt.date(year, 1, 1),
                        CalendarDay.day <= dt.date(year, 12, 31),
                    )
                )
            }
            for day, row in existing.items():
                if day not in wanted and not row.deleted:
                    row.deleted = True
            for day, kind in wanted.items():
                row = existing.get(day)
                if row is None:
                    s.add(
                        CalendarDay(
                            id=refdata.shipped_id("calendar_day", day.isoformat()),
                            day=day,
                            kind=kind,
                        )
                    )
                elif row.kind != kind or row.deleted:
                    row.kind, row.deleted = kind, False
            rid = refdata.shipped_id("calendar_year", str(year))
            known = s.get(CalendarYear, rid)
            if known is None:
                s.add(CalendarYear(id=rid, year=year))
            elif known.deleted:
                known.deleted = False
