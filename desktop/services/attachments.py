"""Attachments of a case: scanned forms, photos, reply letters (images and PDFs, size-limited)."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy import select

from desktop.db.engine import Database
from desktop.db.models import CaseAttachment, FeedbackCase
from desktop.domain.errors import ServiceError
from desktop.domain.records import AttachmentRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.audit import AuditLog, phrase, record_delete
from desktop.services.common import NOT_FOUND

MAX_BYTES = 10 * 1024 * 1024
# Recognised by their first bytes, not by the file name a person gave them.
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
    b"BM": "image/bmp",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
}
TOO_BIG = QT_TRANSLATE_NOOP(
    "Service", "The file is larger than {max} MB; scan it at a lower resolution."
)
WRONG_KIND = QT_TRANSLATE_NOOP(
    "Service", "Only pictures (JPEG, PNG, GIF, BMP, TIFF) and PDF files can be attached."
)
UNREADABLE = QT_TRANSLATE_NOOP("Service", "The file could not be read: {detail}")


def media_type_of(data: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES.items() if data.startswith(magic)), None)


def _row(a: CaseAttachment) -> AttachmentRow:
    return AttachmentRow(a.id, a.case_id, a.file_name, a.media_type, a.size, a.sha256)


class AttachmentService:
    def __init__(self, db: Database, audit: AuditLog | None = None) -> None:
        self._db = db
        self._audit = audit

    def attach_file(self, case_id: uuid.UUID, path: Path) -> AttachmentRow:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ServiceError(TOO_BIG, max=str(MAX_BYTES // 1024 // 1024))
            data = path.read_bytes()
        except OSError as exc:
            raise ServiceError(UNREADABLE, detail=exc.strerror or str(exc)) from exc
        return self.attach(case_id, path.name, data)

    def attach(self, case_id: uuid.UUID, file_name: str, data: bytes) -> AttachmentRow:
        if len(data) > MAX_BYTES:
            raise ServiceError(TOO_BIG, max=str(MAX_BYTES // 1024 // 1024))
        kind = media_type_of(data)
        if kind is None:
            raise ServiceError(WRONG_KIND)
        with self._db.write() as s:
            case = s.get(FeedbackCase, case_id)
            if case is None or case.deleted:
                raise ServiceError(NOT_FOUND)
            attachment = CaseAttachment(
                id=uuid.uuid4(),
                case_id=case_id,
                file_name=file_name[:200],
                media_type=kind,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                content=data,
            )
            s.add(attachment)
        return _row(attachment)

    def list(self, case_id: uuid.UUID) -> list[AttachmentRow]:
        with self._db.read() as s:
            found = s.scalars(
                select(CaseAttachment)
                .where(CaseAttachment.case_id == case_id, ~CaseAttachment.deleted)
                .order_by(CaseAttachment.created_at)
            )
            return [_row(a) for a in found]

    def content(self, attachment_id: uuid.UUID) -> bytes:
        with self._db.read() as s:
            attachment = s.get(CaseAttachment, attachment_id)
            if attachment is None or attachment.deleted:
                raise ServiceError(NOT_FOUND)
            return attachment.content

    def delete(self, attachment_id: uuid.UUID) -> None:
        with self._db.write() as s:
            attachment = s.get(CaseAttachment, attachment_id)
            if attachment is None or attachment.deleted:
                raise ServiceError(NOT_FOUND)
            attachment.deleted = True  # the tombstone clears the bytes too
            case = s.get(FeedbackCase, attachment.case_id)
            number = case.case_number if case is not None else ""
            record_delete(self._audit, s, phrase("attachment of case {number}", number=number))
