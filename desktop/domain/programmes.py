"""The county's programmes through its deputies: their vocabularies, the checks of their
figures (a vote's tallies, the special fund's cap and total), and a record as the service reads
and writes it (ProgrammeRow, Saving), in plain Python."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.enums import LabelledEnum, _labels
from desktop.domain.money import yuan
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import InvalidValue
from desktop.domain.workflow import Satisfaction  # noqa: F401 (a case's answer back, reused)


class ProjectStage(LabelledEnum):
    """A livelihood project's way through the year's candidate pool (民生实事项目票决)."""

    PROPOSED = "proposed"  # in the pool
    SHORTLISTED = "shortlisted"  # put to the congress's vote
    CHOSEN = "chosen"  # voted: carried out this year
    NOT_CHOSEN = "not_chosen"  # voted down: may return to a later year's pool
    DONE = "done"  # carried out and accepted


_labels(
    ProjectStage,
    {
        "proposed": QT_TRANSLATE_NOOP("ProjectStage", "Candidate"),
        "shortlisted": QT_TRANSLATE_NOOP("ProjectStage", "Shortlisted"),
        "chosen": QT_TRANSLATE_NOOP("ProjectStage", "Chosen by vote"),
        "not_chosen": QT_TRANSLATE_NOOP("ProjectStage", "Not chosen"),
        "done": QT_TRANSLATE_NOOP("ProjectStage", "Completed"),
    },
)


class VoteKind(LabelledEnum):
    SELECTION = "selection"  # 票决: for / against / abstain
    SATISFACTION = "satisfaction"  # 满意度测评: satisfied / basically / not / abstain


_labels(
    VoteKind,
    {
        "selection": QT_TRANSLATE_NOOP("VoteKind", "Selection vote"),
        "satisfaction": QT_TRANSLATE_NOOP("VoteKind", "Year-end satisfaction vote"),
    },
)


class FundStage(LabelledEnum):
    """A special-fund project's steps (代表建议办理专项资金)."""

    APPLIED = "applied"
    VERIFIED = "verified"
    IMPLEMENTING = "implementing"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


_labels(
    FundStage,
    {
        "applied": QT_TRANSLATE_NOOP("FundStage", "Applied"),
        "verified": QT_TRANSLATE_NOOP("FundStage", "Verified"),
        "implementing": QT_TRANSLATE_NOOP("FundStage", "Being carried out"),
        "accepted": QT_TRANSLATE_NOOP("FundStage", "Accepted as done"),
        "rejected": QT_TRANSLATE_NOOP("FundStage", "Not funded"),
    },
)
# The stages at which the money is committed: these count against the cap and the year's total.
FUNDED_STAGES = frozenset({FundStage.VERIFIED, FundStage.IMPLEMENTING, FundStage.ACCEPTED})


class ContactKind(LabelledEnum):
    """The grassroots legislative contact network (基层立法联系点)."""

    POINT = "point"  # 联系点
    OFFICER = "officer"  # 联络员
    INFORMANT = "informant"  # 信息员


_labels(
    ContactKind,
    {
        "point": QT_TRANSLATE_NOOP("ContactKind", "Legislative contact point"),
        "officer": QT_TRANSLATE_NOOP("ContactKind", "Liaison officer"),
        "informant": QT_TRANSLATE_NOOP("ContactKind", "Informant"),
    },
)


class TrainingLevel(LabelledEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"


_labels(
    TrainingLevel,
    {
        "province": QT_TRANSLATE_NOOP("TrainingLevel", "Provincial"),
        "city": QT_TRANSLATE_NOOP("TrainingLevel", "City"),
        "county": QT_TRANSLATE_NOOP("TrainingLevel", "County"),
        "township": QT_TRANSLATE_NOOP("TrainingLevel", "Township"),
    },
)


class LegalBody(LabelledEnum):
    """ "三官": the body a legal-service officer comes from."""

    COURT = "court"
    PROCURATORATE = "procuratorate"
    POLICE = "police"


_labels(
    LegalBody,
    {
        "court": QT_TRANSLATE_NOOP("LegalBody", "Court (judge)"),
        "procuratorate": QT_TRANSLATE_NOOP("LegalBody", "Procuratorate (procurator)"),
        "police": QT_TRANSLATE_NOOP("LegalBody", "Police"),
    },
)


class LegalEventKind(LabelledEnum):
    TALK = "talk"
    CONSULTATION = "consultation"
    MEDIATION = "mediation"


_labels(
    LegalEventKind,
    {
        "talk": QT_TRANSLATE_NOOP("LegalEventKind", "Legal talk"),
        "consultation": QT_TRANSLATE_NOOP("LegalEventKind", "Legal consultation"),
        "mediation": QT_TRANSLATE_NOOP("LegalEventKind", "Mediation"),
    },
)


class LegalOutcome(LabelledEnum):
    HELD = "held"  # a talk or consultation given
    SETTLED = "settled"  # a dispute settled by mediation
    NOT_SETTLED = "not_settled"
    REFERRED = "referred"  # sent on to a court, an office or a department


_labels(
    LegalOutcome,
    {
        "held": QT_TRANSLATE_NOOP("LegalOutcome", "Held"),
        "settled": QT_TRANSLATE_NOOP("LegalOutcome", "Settled"),
        "not_settled": QT_TRANSLATE_NOOP("LegalOutcome", "Not settled"),
        "referred": QT_TRANSLATE_NOOP("LegalOutcome", "Referred on"),
    },
)


class StoryKind(LabelledEnum):
    STORY = "story"  # 先进事迹
    MEDIA = "media"  # 媒体报道


_labels(
    StoryKind,
    {
        "story": QT_TRANSLATE_NOOP("StoryKind", "Exemplary story"),
        "media": QT_TRANSLATE_NOOP("StoryKind", "Media report"),
    },
)


# --- a vote's tallies ---------------------------------------------------------------------

MSG_ISSUED = QT_TRANSLATE_NOOP(
    "Validation", "Ballots issued ({issued}) must equal valid plus invalid ({sum})."
)
MSG_VALID = QT_TRANSLATE_NOOP(
    "Validation", "The votes cast ({sum}) must add up to the valid ballots ({valid})."
)
MSG_PRESENT = QT_TRANSLATE_NOOP(
    "Validation", "More ballots were issued ({issued}) than deputies were present ({present})."
)
MSG_NO_UNSATISFIED = QT_TRANSLATE_NOOP(
    "Validation", "A selection vote has for, against and abstain only: leave “Not satisfied” at 0."
)
MSG_PERCENT = QT_TRANSLATE_NOOP("Validation", "Enter a percentage between 0 and 100.")


@dataclass(frozen=True, slots=True)
class Tally:
    """A congress vote's count. In a selection vote ``first`` is for and ``second`` against;
    in a satisfaction vote they are satisfied and basically satisfied, and ``third`` is not
    satisfied. ``abstain`` is either vote's abstentions."""

    kind: VoteKind
    present: int
    issued: int
    valid: int
    invalid: int
    first: int
    second: int
    third: int
    abstain: int

    @property
    def cast(self) -> int:
        return self.first + self.second + self.third + self.abstain

    def passed(self) -> bool:
        """A selection vote passes with more than half the deputies present voting for."""
        return self.kind is VoteKind.SELECTION and self.first * 2 > self.present


def check_tally(t: Tally) -> dict[str, InvalidValue]:
    """Field name -> problem; empty when the tally reconciles."""
    errors: dict[str, InvalidValue] = {}
    if t.issued != t.valid + t.invalid:
        errors["issued"] = InvalidValue(
            MSG_ISSUED, {"issued": str(t.issued), "sum": str(t.valid + t.invalid)}
        )
    if t.issued > t.present:
        errors.setdefault(
            "issued",
            InvalidValue(MSG_PRESENT, {"issued": str(t.issued), "present": str(t.present)}),
        )
    if t.kind is VoteKind.SELECTION and t.third:
        errors["third"] = InvalidValue(MSG_NO_UNSATISFIED)
    elif t.cast != t.valid:
        errors["valid"] = InvalidValue(MSG_VALID, {"sum": str(t.cast), "valid": str(t.valid)})
    return errors


# --- the special fund ---------------------------------------------------------------------

MSG_OVER_CAP = QT_TRANSLATE_NOOP(
    "Validation", "One project may receive at most {cap} yuan from the fund."
)
MSG_OVER_TOTAL = QT_TRANSLATE_NOOP(
    "Validation",
    "The fund for {year} has {left} yuan left of {total}: this project would overspend it.",
)
MSG_OVER_REQUESTED = QT_TRANSLATE_NOOP(
    "Validation", "The amount approved cannot exceed the amount applied for."
)


@dataclass(frozen=True, slots=True)
class FundLimits:
    """A year's special fund (integer fen): its total and the most one project may receive.
    The county sets them; 2,000,000 yuan a year is the county's own figure."""

    year: int
    total_fen: int = 200_000_000
    cap_fen: int = 20_000_000


def check_fund(
    limits: FundLimits, requested_fen: int, approved_fen: int, others_fen: int
) -> dict[str, InvalidValue]:
    """Problems of one project's approved amount, given what the year's other funded projects
    already hold (``others_fen``)."""
    errors: dict[str, InvalidValue] = {}
    if approved_fen > requested_fen > 0:
        errors["approved_fen"] = InvalidValue(MSG_OVER_REQUESTED)
    elif approved_fen > limits.cap_fen:
        errors["approved_fen"] = InvalidValue(MSG_OVER_CAP, {"cap": yuan(limits.cap_fen)})
    elif others_fen + approved_fen > limits.total_fen:
        left = max(0, limits.total_fen - others_fen)
        errors["approved_fen"] = InvalidValue(
            MSG_OVER_TOTAL,
            {"year": str(limits.year), "left": yuan(left), "total": yuan(limits.total_fen)},
        )
    return errors


@dataclass(frozen=True, slots=True)
class Saving:
    """One record to write: ``record_id`` None creates it (as ``new_id`` when given)."""

    kind: str
    values: Mapping[str, Any]
    record_id: uuid.UUID | None = None
    version: int | None = None
    new_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """A record as the table, the form and the ledger see it: ``values`` by field key (REFS as
    tuples of ids, figures under their ``out_`` keys), ``names`` the text printed for REF and
    REFS fields (names joined as paper lists them), ``lists`` a REFS field's names one by one
    (the screen joins them as its language does)."""

    kind: str
    id: uuid.UUID
    version: int
    owner_site_id: uuid.UUID
    mine: bool
    origin: str
    values: Mapping[str, Any]
    names: Mapping[str, str]
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]
