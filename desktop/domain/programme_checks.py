"""Checking a programme record's values against its spec, every field's problem at once: the
same rules for the form, the workbook import and the command line."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Mapping
from typing import Any

from desktop.domain.checks import EARLIEST_RECORD, MAX_PEOPLE, MSG_DATE_TOO_OLD, REQUIRED
from desktop.domain.errors import DraftInvalid
from desktop.domain.programme_fields import Field, FieldType, KindSpec
from desktop.domain.programmes import (
    MSG_PERCENT,
    FundStage,
    ProjectStage,
    Tally,
    VoteKind,
    check_tally,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import (
    MSG_COUNT_NEGATIVE,
    MSG_COUNT_TOO_LARGE,
    MSG_DATE_FUTURE,
    MSG_TOO_LONG,
    InvalidValue,
    normalize_phone,
)

MAX_FEN = 10**14  # a trillion yuan: far above any county budget, far below an overflow
MSG_YEAR = QT_TRANSLATE_NOOP("Validation", "Enter a year between 2000 and {max}.")
MSG_CHOICE = QT_TRANSLATE_NOOP("Validation", "Choose one of the listed values.")
MSG_MONEY = QT_TRANSLATE_NOOP("Validation", "Enter an amount in yuan of at least 0.")
MSG_ONE_PROJECT = QT_TRANSLATE_NOOP(
    "Validation", "Name the voted project or the special-fund project that was supervised."
)
MSG_STAGE_DATE = QT_TRANSLATE_NOOP("Validation", "A project at this stage needs this date.")
MSG_STAGE_AMOUNT = QT_TRANSLATE_NOOP(
    "Validation", "A project that is verified or later needs the amount approved."
)
MSG_DATE_SEQUENCE = QT_TRANSLATE_NOOP(
    "Validation", "This date comes before the step it follows: check the dates."
)


def _field(f: Field, value: Any, today: dt.date) -> Any:
    """The field's value, normalised; raises InvalidValue."""
    t = f.type
    if t in (FieldType.TEXT, FieldType.LONG_TEXT):
        text = str(value or "").strip()
        if len(text) > f.max_length:
            raise InvalidValue(MSG_TOO_LONG, {"max": str(f.max_length)})
        return text
    if t is FieldType.PHONE:
        return normalize_phone(str(value or ""))
    if t is FieldType.DATE:
        if value is not None and value < EARLIEST_RECORD:
            raise InvalidValue(MSG_DATE_TOO_OLD)
        return value
    if t is FieldType.YEAR:
        if value is not None and not 2000 <= int(value) <= today.year + 1:
            raise InvalidValue(MSG_YEAR, {"max": str(today.year + 1)})
        return value
    if t in (FieldType.INT, FieldType.PERCENT):
        number = int(value or 0)
        if number < 0:
            raise InvalidValue(MSG_COUNT_NEGATIVE)
        top = 100 if t is FieldType.PERCENT else MAX_PEOPLE
        if number > top:
            message = MSG_PERCENT if top == 100 else MSG_COUNT_TOO_LARGE
            raise InvalidValue(message, {"max": str(top)})
        return number
    if t is FieldType.MONEY:
        fen = int(value or 0)
        if not 0 <= fen <= MAX_FEN:
            raise InvalidValue(MSG_MONEY)
        return fen
    if t is FieldType.BOOL:
        return bool(value)
    if t is FieldType.CHOICE:
        if value in (None, ""):
            return ""
        assert f.choices is not None
        try:
            return f.choices(value).value
        except ValueError:
            raise InvalidValue(MSG_CHOICE) from None
    if t is FieldType.REF:
        return value if value is None or isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if t is FieldType.REFS:
        return tuple(dict.fromkeys(value or ()))  # order kept, each once
    return value


def _empty(f: Field, value: Any) -> bool:
    return value is None or value == "" or value == () or (f.type is FieldType.YEAR and not value)


def check_values(spec: KindSpec, values: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """The record's values, cleaned, for every editable field; DraftInvalid names each bad one."""
    errors: dict[str, InvalidValue] = {}
    out: dict[str, Any] = {}
    for f in spec.editable:
        try:
            value = _field(f, values.get(f.key), today)
        except InvalidValue as exc:
            errors[f.key] = exc
            continue
        except (TypeError, ValueError):
            errors[f.key] = InvalidValue(MSG_CHOICE if f.choices else MSG_COUNT_NEGATIVE)
            continue
        if f.required and _empty(f, value):
            errors[f.key] = InvalidValue(REQUIRED)
        elif f.key in spec.past_dates and value is not None and value > today:
            errors[f.key] = InvalidValue(MSG_DATE_FUTURE)
        out[f.key] = value
    # The record's own rules (a tally adds up) are shown too, beside fields still unmarked.
    for key, problem in _KIND_CHECKS.get(spec.kind, _nothing)(out).items():
        errors.setdefault(key, problem)
    if errors:
        raise DraftInvalid(errors)
    return out


def _nothing(values: dict[str, Any]) -> dict[str, InvalidValue]:
    return {}


def tally_of(values: Mapping[str, Any]) -> Tally:
    keys = ("present", "issued", "valid", "invalid", "first", "second", "third", "abstain")
    return Tally(VoteKind(values["kind"]), *(int(values.get(k) or 0) for k in keys))


def _vote(values: dict[str, Any]) -> dict[str, InvalidValue]:
    return check_tally(tally_of(values))


def _project(values: dict[str, Any]) -> dict[str, InvalidValue]:
    values["stage"] = values.get("stage") or ProjectStage.PROPOSED.value
    return {}


def _fund(values: dict[str, Any]) -> dict[str, InvalidValue]:
    """Each step needs its date and the approved amount from verification on; dates in order."""
    stage = FundStage(values.get("stage") or FundStage.APPLIED.value)
    values["stage"] = stage.value
    errors: dict[str, InvalidValue] = {}
    order = [FundStage.APPLIED, FundStage.VERIFIED, FundStage.ACCEPTED]
    dates = {FundStage.APPLIED: "applied_on", FundStage.VERIFIED: "verified_on",
             FundStage.ACCEPTED: "accepted_on"}  # fmt: skip
    reached = {
        FundStage.APPLIED: 1, FundStage.REJECTED: 1, FundStage.VERIFIED: 2,
        FundStage.IMPLEMENTING: 2, FundStage.ACCEPTED: 3,
    }[stage]  # fmt: skip
    for step in order[:reached]:
        if values.get(dates[step]) is None:
            errors[dates[step]] = InvalidValue(MSG_STAGE_DATE)
    if reached >= 2 and not values.get("approved_fen"):
        errors["approved_fen"] = InvalidValue(MSG_STAGE_AMOUNT)
    known = [(dates[s], values.get(dates[s])) for s in order if values.get(dates[s])]
    for (_, earlier), (key, later) in itertools.pairwise(known):
        if later < earlier:
            errors.setdefault(key, InvalidValue(MSG_DATE_SEQUENCE))
    return errors


def _supervision(values: dict[str, Any]) -> dict[str, InvalidValue]:
    if (values.get("project_id") is None) == (values.get("fund_project_id") is None):
        return {"project_id": InvalidValue(MSG_ONE_PROJECT)}
    return {}


def _default(key: str, value: str):
    def fill(values: dict[str, Any]) -> dict[str, InvalidValue]:
        values[key] = values.get(key) or value
        return {}

    return fill


_KIND_CHECKS = {
    "project-votes": _vote,
    "projects": _project,
    "fund-projects": _fund,
    "supervisions": _supervision,
    "legal-events": _default("outcome", "held"),
}
