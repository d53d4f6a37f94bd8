"""Use cases: the only door to the data for the UI, the command line and the tests."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.db import startup
from desktop.db.backups import folder_for
from desktop.db.engine import Database
from desktop.db.location import server_url
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
    from desktop.services.backups import BackupService
    from desktop.services.bundles import BundleService
    from desktop.services.county_completeness import CountyCompleteness
    from desktop.services.county_figures import CountyFigures
    from desktop.services.departments import DepartmentService
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

    # Built on first use: the departments' list is opened now and then, from the 管理 menu.
    @functools.cached_property
    def departments(self) -> DepartmentService:
        """The departments cases are referred to: added anywhere, changed by their owner."""
        from desktop.services.departments import DepartmentService

        return DepartmentService(self.db, self.access, self.audit)

    # Built on first use: the programmes' tab is not the first screen.
    @functools.cached_property
    def programmes(self) -> ProgrammeService:
        from desktop.services.programmes import ProgrammeService

        return ProgrammeService(self.db, self._today, self.audit)

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

    # Built on first use (open_services builds it for a file it backs up at start).
    @functools.cached_property
    def backups(self) -> BackupService:
        from desktop.services.backups import BackupService

        return BackupService(self, self._today)

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
    access = Access(db, lambda: role() is SiteRole.COUNTY)
    audit = access.audit  # every delete is recorded in the delete's own transaction
    feedback = FeedbackService(db, today, calendar, audit=audit)
    return Services(
        db=db,
        site=site,
        reference=ReferenceService(db),
        deputies=DeputyService(db, today, role, audit=audit),
        duty_days=DutyDayService(db, today, audit=audit),
        visits=VisitService(db, today, audit=audit),
        feedback=feedback,
        casework=CaseworkService(db, today, calendar, feedback, audit=audit),
        attachments=AttachmentService(db, audit=audit),
        calendar=calendar,
        slips=SlipService(db, feedback, today, audit=audit),
        points=PointsService(db, role),
        activities=ActivityService(db, today, audit=audit),
        access=access,
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
    for a county office whose officers share one database. A file is checked first
    (desktop/db/startup.py): refused on a network share, opened read-only when it cannot be
    written (not migrated then), set aside when damaged (DatabaseDamaged names the newest
    sound backup). ``backup_dir`` is the window's backups folder: given, the day's first
    start takes a daily backup there (the command line's short runs do not)."""
    from desktop.services.backups import local_now

    now = local_now(today)
    path = None if server_url(location) else Path(location)
    opening = startup.Opening()
    if path is not None:
        opening = startup.check_file(path, backup_dir or folder_for(path), now)
    db = Database(location, read_only=opening.read_only)
    try:
        migrated = startup.bring_up_to_date(db, opening, backup_dir, now)
    except BaseException:
        db.dispose()
        raise
    services = build_services(db, today)
    if migrated.upgraded or not db.read_only:
        # Derived keys a migration cannot compute: at every start, so that a program killed
        # between the migration's commit and this step finishes it next time.
        services.deputies.fill_sort_keys()
    if path is not None and backup_dir is not None:
        services.backups.folder = backup_dir
        if not opening.new:
            services.backups.daily()
    return services
