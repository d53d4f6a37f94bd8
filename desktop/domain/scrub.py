"""Masking phone and ID numbers inside free text: log lines, audit details, error reports.

Fields are masked where they are shown (validation.mask_phone); this is the net under text
that was not built from fields, so that a full number never reaches a log file or the audit
log (reliability rows 27-28, issue 9 point 5)."""

from __future__ import annotations

import re

# An 18-character ID number (17 digits and a digit or X), or a 15-digit old one.
_ID18 = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{5}(\d{4})(?![0-9A-Za-z])")
# A mobile (11 digits from 1, maybe +86 or 86 first, maybe split by spaces or dashes) or a
# landline with an area code (0xx-xxxxxxx).
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?(1\d{2})[ -]?(\d{4})[ -]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[ -]?(\d{3,4})(\d{4})(?!\d)")


def scrub(text: str) -> str:
    """``text`` with every full phone and ID number in it masked (``138****8000``)."""
    if not any(ch.isdigit() for ch in text):
        return text
    text = _ID18.sub(lambda m: f"{m[1]}{'*' * 8}{m[2]}", text)
    text = _ID15.sub(lambda m: f"{m[1]}{'*' * 5}{m[2]}", text)
    text = _MOBILE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    return _LANDLINE.sub(lambda m: f"{m[1]}-{'*' * len(m[2])}{m[3]}", text)
