"""The data on a case's paper slips (交办单, 答复告知单), then the PDF: two steps, as reports go.

A slip printed or saved as a PDF is in the audit log (``record_output``, called by the preview):
a rendering alone, shown on screen, is not a print.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable

from sqlalchemy import select

from desktop.db.engine import Database
from desktop.db.models import Department, Site
from desktop.domain.enums import Channel, LabelledEnum
from desktop.domain.errors import ServiceError
from desktop.domain.roles import AuditAction
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import mask_phone
from desktop.domain.workflow import Outcome
from desktop.formats.slips import (
    ReferralSlipData,
    RenderedPdf,
    ReplySlipData,
    render_referral_slip,
    render_reply_slip,
)
from desktop.services.audit import AuditLog, phrase
from desktop.services.feedback import FeedbackService

Label = Callable[[LabelledEnum], str]
NOT_REFERRED = QT_TRANSLATE_NOOP("Service", "The case has not been referred to a department.")
NOT_REPLIED = QT_TRANSLATE_NOOP("Service", "The department has not replied yet.")
ANONYMOUS = "匿名"  # paper is Chinese: inspectors read it


def mask_name(name: str) -> str:
    """赵大山 -> 赵**: a slip that leaves the station names the person only as far as needed."""
    return name[:1] + "*" * (len(name) - 1) if name else ""


class SlipService:
    def __init__(self, db: Database, feedback: FeedbackService, today: Callable[[], dt.date],
                 audit: AuditLog | None = None):  # fmt: skip
        self._db = db
        self._feedback = feedback
        self._today = today
        self._audit = audit

    def _unit(self) -> str:
        with self._db.read() as s:
            site = s.get(Site, self._db.local_site_id(s))
            return site.name if site else ""

    def referral_data(self, case_id: uuid.UUID, label: Label) -> ReferralSlipData:
        case = self._feedback.get(case_id)
        if case.department_id is None or case.referred_on is None or case.deadline is None:
            raise ServiceError(NOT_REFERRED)
        with self._db.read() as s:
            co_ids = [uuid.UUID(i) for i in json.loads(self._co_ids(s, case_id) or "[]")]
            co = list(s.scalars(select(Department.name).where(Department.id.in_(co_ids))))
        return ReferralSlipData(
            unit_name=self._unit(),
            case_number=case.case_number,
            received_on=case.received_date,
            channel_label=label(Channel(case.channel)),
            person_label=ANONYMOUS if case.anonymous else mask_name(case.person_name),
            phone_masked=mask_phone(case.phone),
            village=case.village,
            category=case.category_name,
            content=case.content,
            deputies=list(case.deputy_names),
            department=case.department_name,
            co_departments=co,
            referred_on=case.referred_on,
            deadline=case.deadline,
            deadline_exact=case.deadline_exact,
        )

    @staticmethod
    def _co_ids(s, case_id: uuid.UUID) -> str:
        from desktop.db.models import FeedbackCase

        return s.scalar(select(FeedbackCase.co_department_ids).where(FeedbackCase.id == case_id))

    def reply_data(self, case_id: uuid.UUID, label: Label) -> ReplySlipData:
        case = self._feedback.get(case_id)
        if case.replied_on is None:
            raise ServiceError(NOT_REPLIED)
        return ReplySlipData(
            unit_name=self._unit(),
            case_number=case.case_number,
            person_label=ANONYMOUS if case.anonymous else case.person_name,
            received_on=case.received_date,
            content=case.content,
            department=case.department_name,
            replied_on=case.replied_on,
            reply_text=case.reply_text,
            outcome_label=label(Outcome(case.outcome)) if case.outcome else "",
            issued_on=self._today(),
        )

    def referral_pdf(self, case_id: uuid.UUID, label: Label) -> RenderedPdf:
        return render_referral_slip(self.referral_data(case_id, label))

    def reply_pdf(self, case_id: uuid.UUID, label: Label) -> RenderedPdf:
        return render_reply_slip(self.reply_data(case_id, label))

    def record_output(self, case_id: uuid.UUID, kind: str, output: str) -> None:
        """A slip (``kind`` "referral" or "reply") went to paper ("print") or a PDF ("pdf")."""
        number = self._feedback.get(case_id).case_number
        if kind == "referral":
            target = phrase("referral slip of case {number}", number=number)
        else:
            target = phrase("reply slip of case {number}", number=number)
        how = phrase("to paper") if output == "print" else phrase("saved as PDF")
        if self._audit is not None:
            self._audit.record(AuditAction.PRINT, target, how)
