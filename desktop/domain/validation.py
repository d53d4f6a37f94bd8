"""Normalise and check user-entered values (phones, ID numbers, text, dates, counts)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping

from desktop.domain.tr import QT_TRANSLATE_NOOP

# Messages are module constants so that lupdate finds every literal in one place.
MSG_REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "Enter at most {max} characters.")
MSG_PHONE_CHARS = QT_TRANSLATE_NOOP(
    "Validation",
    "A phone number may contain only digits, spaces, dashes, dots, parentheses and a leading +86.",
)
MSG_PHONE_FOREIGN = QT_TRANSLATE_NOOP(
    "Validation", "Only mainland China (+86) numbers are accepted."
)
MSG_PHONE_SHAPE = QT_TRANSLATE_NOOP(
    "Validation", "Enter an 11-digit mobile number or a landline with area code."
)
MSG_PHONE_MOBILE_PREFIX = QT_TRANSLATE_NOOP(
    "Validation", "A mobile number must start with 13, 14, 15, 16, 17, 18 or 19."
)
MSG_PHONE_AREA_CODE = QT_TRANSLATE_NOOP("Validation", "The area code is not valid.")
MSG_PHONE_NEEDS_AREA_CODE = QT_TRANSLATE_NOOP(
    "Validation", "Add the area code to the landline number, for example 0774-6621234."
)
MSG_ID_CHARS = QT_TRANSLATE_NOOP(
    "Validation",
    "An identity number contains only digits, with X allowed as the last character.",
)
MSG_ID_OLD = QT_TRANSLATE_NOOP(
    "Validation", "15-digit identity numbers are no longer valid; enter the 18-digit number."
)
MSG_ID_LENGTH = QT_TRANSLATE_NOOP("Validation", "An identity number has 18 characters.")
MSG_ID_BIRTH_DATE = QT_TRANSLATE_NOOP(
    "Validation", "The birth date in the identity number is not a valid date."
)
MSG_ID_BIRTH_FUTURE = QT_TRANSLATE_NOOP(
    "Validation", "The birth date in the identity number is in the future."
)
MSG_ID_CHECK = QT_TRANSLATE_NOOP(
    "Validation",
    "The last character of the identity number does not match; check the number for typos.",
)
MSG_DATE_FUTURE = QT_TRANSLATE_NOOP("Validation", "The date cannot be in the future.")
MSG_DATE_ORDER = QT_TRANSLATE_NOOP("Validation", "The end date cannot be before the start date.")
MSG_COUNT_NOT_NUMBER = QT_TRANSLATE_NOOP("Validation", "Enter a whole number.")
MSG_COUNT_NEGATIVE = QT_TRANSLATE_NOOP("Validation", "The number cannot be negative.")
MSG_COUNT_TOO_LARGE = QT_TRANSLATE_NOOP("Validation", "Enter a number no larger than {max}.")


class InvalidValue(ValueError):
    """A user-facing refusal: `message` is the untranslated source, `args_map` fills it."""

    context = "Validation"  # the translation context of ``message``

    def __init__(self, message: str, args_map: Mapping[str, str] | None = None) -> None:
        self.message = message
        self.args_map: dict[str, str] = dict(args_map or {})
        # str(exc) is the formatted English text, handy in logs and test failures.
        super().__init__(message.format(**self.args_map) if self.args_map else message)


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit alone accepts other scripts' digits and superscripts, which int() mangles.
    return text.isascii() and text.isdigit()


def _is_phone_separator(ch: str) -> bool:
    # Pd covers the dash look-alikes (‐ ‑ – —) that NFKC leaves untouched.
    return ch.isspace() or ch in ".()" or unicodedata.category(ch) == "Pd"


def _national_phone(digits: str) -> str:
    # Country code already removed: a leading 1 means mobile, a leading 0 a landline.
    if digits.startswith("1"):
        if len(digits) != 11:
            raise InvalidValue(MSG_PHONE_SHAPE)
        if digits[1] not in "3456789":
            raise InvalidValue(MSG_PHONE_MOBILE_PREFIX)
        return digits
    if digits.startswith("0"):
        # Beijing (010) and the 02X cities have 2-digit codes after the trunk 0; all
        # others have 3 (0774, 0871, ...). 00 is the international prefix, 01X is unused.
        if digits.startswith(("010", "02")):
            area_len = 3
        elif len(digits) > 1 and digits[1] in "3456789":
            area_len = 4
        else:
            raise InvalidValue(MSG_PHONE_AREA_CODE)
        local = digits[area_len:]
        if len(local) not in (7, 8):
            raise InvalidValue(MSG_PHONE_SHAPE)
        return f"{digits[:area_len]}-{local}"
    if len(digits) in (7, 8):
        raise InvalidValue(MSG_PHONE_NEEDS_AREA_CODE)
    raise InvalidValue(MSG_PHONE_SHAPE)


def normalize_phone(raw: str) -> str:
    """Return "13812348000" or "0774-6621234"; "" for blank input; else raise InvalidValue."""
    if len(raw) == 11 and _is_ascii_digits(raw) and raw[0] == "1":
        return _national_phone(raw)  # the usual mobile number as typed: nothing to clean
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return ""
    compact = "".join(ch for ch in text if not _is_phone_separator(ch))
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not _is_ascii_digits(digits):
        raise InvalidValue(MSG_PHONE_CHARS)
    if plus:
        if not digits.startswith("86"):
            raise InvalidValue(MSG_PHONE_FOREIGN)
        return _national_phone(digits[2:])
    if digits.startswith("0086"):
        return _national_phone(digits[4:])
    if digits.startswith("00"):
        raise InvalidValue(MSG_PHONE_FOREIGN)
    if digits.startswith("86"):
        # A bare 86 is only a country code if what follows is a complete number;
        # otherwise report the problem with the number as typed.
        try:
            return _national_phone(digits[2:])
        except InvalidValue:
            pass
    return _national_phone(digits)


def is_mobile(phone: str) -> bool:
    """True if `phone` (canonical or as typed) is a mainland mobile number."""
    try:
        canonical = normalize_phone(phone)
    except InvalidValue:
        return False
    return len(canonical) == 11 and "-" not in canonical


def mask_phone(phone: str) -> str:
    """Hide the middle digits: "138****8000", "0774-***1234"; "" stays ""."""
    try:
        canonical = normalize_phone(phone)
    except InvalidValue:
        # Never leak digits of something we cannot parse; keep only its length.
        return "*" * len(phone.strip())
    if "-" in canonical:
        area, local = canonical.split("-")
        return f"{area}-{'*' * (len(local) - 4)}{local[-4:]}"
    if canonical:
        return f"{canonical[:3]}****{canonical[-4:]}"
    return ""


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = datetime.date(1900, 1, 1)


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character ("0"-"9" or "X") for 17 digits."""
    if len(first17) != 17 or not _is_ascii_digits(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def normalize_id_number(raw: str, today: datetime.date) -> str:
    """Return the canonical 18-character number; "" for blank input; else raise."""
    text = "".join(unicodedata.normalize("NFKC", raw).split()).upper()
    if not text:
        return ""
    if not _is_ascii_digits(text.removesuffix("X")):
        raise InvalidValue(MSG_ID_CHARS)
    if len(text) == 15:
        raise InvalidValue(MSG_ID_OLD)
    if len(text) != 18:
        raise InvalidValue(MSG_ID_LENGTH)
    # The date is checked before the check character: its message is more specific.
    try:
        birth = datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidValue(MSG_ID_BIRTH_DATE) from None
    if birth < _EARLIEST_BIRTH:
        raise InvalidValue(MSG_ID_BIRTH_DATE)
    if birth > today:
        raise InvalidValue(MSG_ID_BIRTH_FUTURE)
    if id_check_char(text[:17]) != text[17]:
        raise InvalidValue(MSG_ID_CHECK)
    return text


def mask_id_number(idn: str) -> str:
    """Keep the first 6 and last 4 characters: "450332********123X"; "" stays ""."""
    text = idn.strip()
    if len(text) <= 10:
        # Too short to mask the usual way; hide everything rather than reveal most of it.
        return "*" * len(text)
    return f"{text[:6]}{'*' * (len(text) - 10)}{text[-4:]}"


def require_text(value: str, *, max_length: int) -> str:
    """Strip `value`; refuse it if empty or longer than `max_length` characters."""
    text = value.strip()
    if not text:
        raise InvalidValue(MSG_REQUIRED)
    if len(text) > max_length:
        raise InvalidValue(MSG_TOO_LONG, {"max": str(max_length)})
    return text


def check_not_future(day: datetime.date, today: datetime.date) -> None:
    """Refuse a date after `today` (the caller supplies today, so tests need no clock)."""
    if day > today:
        raise InvalidValue(MSG_DATE_FUTURE)


def check_date_order(start: datetime.date | None, end: datetime.date | None) -> None:
    """Refuse `end` before `start`; an open (None) bound never conflicts."""
    if start is not None and end is not None and end < start:
        raise InvalidValue(MSG_DATE_ORDER)


_COUNT_RE = re.compile(r"([-−]?)0*([0-9]+)")


def parse_count(raw: str | int, *, maximum: int) -> int:
    """Parse a non-negative whole number no larger than `maximum`."""
    if isinstance(raw, bool):
        # bool is an int subclass, but True is never a count someone typed.
        raise InvalidValue(MSG_COUNT_NOT_NUMBER)
    if isinstance(raw, int):
        value = raw
    else:
        match = _COUNT_RE.fullmatch(unicodedata.normalize("NFKC", raw).strip())
        if match is None:
            raise InvalidValue(MSG_COUNT_NOT_NUMBER)
        sign, digits = match.groups()
        if sign and digits != "0":
            raise InvalidValue(MSG_COUNT_NEGATIVE)
        # Compare lengths first: int() on thousands of digits is slow or refused.
        if len(digits) > len(str(maximum)):
            raise InvalidValue(MSG_COUNT_TOO_LARGE, {"max": str(maximum)})
        value = int(digits)
    if value < 0:
        raise InvalidValue(MSG_COUNT_NEGATIVE)
    if value > maximum:
        raise InvalidValue(MSG_COUNT_TOO_LARGE, {"max": str(maximum)})
    return value
