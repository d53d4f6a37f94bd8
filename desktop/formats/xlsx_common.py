"""Shared by the workbook writer and reader: the refusal, the template marker, file messages."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.errors import Refusal
from desktop.domain.tr import QT_TRANSLATE_NOOP

CONTEXT = "Workbook"  # the translation context of every message of formats/xlsx_*

# A template carries a hidden sheet whose first row is MARKER, kind, version, label (the data
# sheet's title, so that a refusal can name the template in the clerk's words).
TEMPLATE_SHEET = "LiaisonDeskTemplate"
TEMPLATE_MARKER = "liaison-desk-template"
INSTRUCTIONS_SHEET = "填写说明"

MSG_NOT_A_WORKBOOK_TYPE = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” is not a workbook this program can read. Open it in Excel or WPS, save it as an "
    "Excel workbook (.xlsx), and import that file.",
)
MSG_DAMAGED = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” cannot be opened: it is damaged or is not really an Excel workbook. Open it in "
    "Excel or WPS, save it again as .xlsx, and import that file.",
)
MSG_PASSWORD = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” is protected by a password. Open it in Excel or WPS, remove the password, save "
    "it, and import it again.",
)
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” cannot be opened. Check that the file is still there and that no other program "
    "is using it, then try again.",
)
MSG_WRITE_IN_USE = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” cannot be saved: it is open in another program (such as Excel or WPS), or the "
    "folder cannot be written to. Close the file or choose another folder, and export again.",
)
MSG_WRITE_DISK_FULL = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” cannot be saved: the disk is full. Free some space or choose another folder, "
    "and export again.",
)
MSG_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Workbook",
    "“{file}” cannot be saved. Choose another folder (on this computer's disk) and export again.",
)


class WorkbookRefused(Refusal):
    """A workbook as a whole cannot be read or written (translation context "Workbook")."""

    context = CONTEXT


def refuse(message: str, path: Path, **args: str) -> WorkbookRefused:
    """A refusal naming the file by its name only: the folder means nothing to a clerk."""
    return WorkbookRefused(message, file=path.name, **args)
