"""Use cases: the only door to the data for the UI, the command line and the tests."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.db.engine import Database
from desktop.db.migrate import migrate
from desktop.domain.enums import SiteRole
from desktop.services.access import Access
from desktop.services.activities import ActivityService
from desktop.services.attachments import AttachmentService
from desktop.services.calendar import CalendarService
from desktop.services.casework import CaseworkService
from desktop.services.deputies import DeputyService
from desktop.services.duty import DutyDayService, VisitService
from desktop.services.feedback import FeedbackService
from desktop.services.points import PointsService
from desktop.services.site import ReferenceService, SiteService
from desktop.services.slips import SlipService

if TYPE_CHECKING:
    from desktop.services.audit import AuditLog
    from desktop.services.bundles import BundleService
    from desktop.services.county_completeness import CountyCompleteness
    from desktop.services.county_figures import CountyFigures
    from desktop.services.enrolment import EnrolmentService
    from desktop.services.importing import ImportService
    from desktop.services.ledgers import LedgerService
    from desktop.services.programme_chain import ProgrammeChain
    from desktop.services.programme_report import ProgrammeReport
    from desktop.services.programmes import ProgrammeService
    from desktop.services.register_sheets import RegisterSheets


@dataclass
class Services:
    db: Database
    site: SiteService
    reference: ReferenceService
    deputies: DeputyService
    duty_days: DutyDayService
    visits: VisitService
    feedback: FeedbackService
    casework: CaseworkService
    attachments: AttachmentService
    calendar: CalendarService
    slips: SlipService
    points: PointsService
    activities: ActivityService
    access: Access  # who is at the PC and what they may do; services.audit records it

    _today: Callable[[], dt.date] = dt.date.today

    # Built on first use: ledgers and imports load reportlab/openpyxl, which start-up never needs.
    @functools.cached_property
    def ledgers(self) -> LedgerService:
        from desktop.services.ledgers import LedgerService

        return LedgerService(self, self._today)

    @functools.cached_property
    def imports(self) -> ImportService:
        from desktop.services.importing import ImportService

        return ImportService(self, self._today)

    @functools.cached_property
    def registers(self) -> RegisterSheets:
        from desktop.services.register_sheets import RegisterSheets

        return RegisterSheets(self)

    # Built on first use: enrollment loads the cryptography package.
    @functools.cached_property
    def enrolment(self) -> EnrolmentService:
        from desktop.services.enrolment import EnrolmentService

        return EnrolmentService(self.db, self.site)

    # Built on first use: bundles load the cryptography package.
    @functools.cached_property
    def bundles(self) -> BundleService:
        from desktop.services.bundles import BundleService

        return BundleService(self)

    # Built on first use: only the county office's dashboard and report count the year.
    @functools.cached_property
    def county(self) -> CountyFigures:
        from desktop.services.county_figures import CountyFigures

        return CountyFigures(self, self._today)

    @functools.cached_property
    def county_completeness(self) -> CountyCompleteness:
        from desktop.services.county_completeness import CountyCompleteness

        return CountyCompleteness(self.db, self._today)

    # Built on first use: the programmes' tab is not the first screen.
    @functools.cached_property
    def programmes(self) -> ProgrammeService:
        from desktop.services.programmes import ProgrammeService

        return ProgrammeService(self.db, self._today)

    @functools.cached_property
    def programme_chain(self) -> ProgrammeChain:
        """ "A person's words -> a deputy's suggestion -> a funded project -> done ->
        satisfaction", from either end."""
        from desktop.services.programme_chain import ProgrammeChain

        return ProgrammeChain(self.db)

    @functools.cached_property
    def programme_report(self) -> ProgrammeReport:
        """The programmes' figures for a year and a scope (the annual report's and the tab's)."""
        from desktop.services.programme_report import ProgrammeReport

        return ProgrammeReport(self.db, self._today)

    @property
    def audit(self) -> AuditLog:
        return self.access.audit

    def close(self) -> None:
        self.db.dispose()


def build_services(db: Database, today: Callable[[], dt.date] = dt.date.today) -> Services:
    site = SiteService(db)

    def role() -> SiteRole:
        current = site.current()
        return current.role if current else SiteRole.STATION

    calendar = CalendarService(db)
    feedback = FeedbackService(db, today, calendar)
    return Services(
        db=db,
        site=site,
        reference=ReferenceService(db),
        deputies=DeputyService(db, today, role),
        duty_days=DutyDayService(db, today),
        visits=VisitService(db, today),
        feedback=feedback,
        casework=CaseworkService(db, today, calendar, feedback),
        attachments=AttachmentService(db),
        calendar=calendar,
        slips=SlipService(db, feedback, today),
        points=PointsService(db, role),
        activities=ActivityService(db, today),
        access=Access(db, lambda: role() is SiteRole.COUNTY),
        _today=today,
    )


def open_services(
    location: Path | str,
    *,
    backup_dir: Path | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> Services:
    """Open (creating if absent: callers decide whether that is allowed) and migrate.

    ``location``: a SQLite file, or a PostgreSQL server URL (``postgresql://user@host/db``)
    for a county office whose officers share one database."""
    db = Database(location)
    try:
        migrated = migrate(db, backup_dir=backup_dir)
    except BaseException:
        db.dispose()
        raise
    services = build_services(db, today)
    if migrated.upgraded:
        services.deputies.fill_sort_keys()  # derived keys a migration cannot compute
    return services
