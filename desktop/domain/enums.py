"""The closed vocabularies of the records, with their English source labels for translation."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.tr import QT_TRANSLATE_NOOP


class LabelledEnum(StrEnum):
    """A string enum whose members carry a translatable label (context = class name)."""

    @property
    def label(self) -> str:
        return _LABELS[type(self).__name__][self.value]

    @classmethod
    def context(cls) -> str:
        return cls.__name__


_LABELS: dict[str, dict[str, str]] = {}


def _labels(cls: type[LabelledEnum], labels: dict[str, str]) -> None:
    assert set(labels) == {m.value for m in cls}, cls
    _LABELS[cls.__name__] = labels


class SiteRole(LabelledEnum):
    STATION = "station"
    TOWNSHIP = "township"
    COUNTY = "county"


_labels(
    SiteRole,
    {
        "station": QT_TRANSLATE_NOOP("SiteRole", "Liaison station"),
        "township": QT_TRANSLATE_NOOP("SiteRole", "Township activity centre"),
        "county": QT_TRANSLATE_NOOP("SiteRole", "County office"),
    },
)


class Gender(LabelledEnum):
    MALE = "male"
    FEMALE = "female"


_labels(
    Gender,
    {"male": QT_TRANSLATE_NOOP("Gender", "Male"), "female": QT_TRANSLATE_NOOP("Gender", "Female")},
)


class DeputyStatus(LabelledEnum):
    SERVING = "serving"
    TERM_ENDED = "term_ended"
    RESIGNED = "resigned"
    DECEASED = "deceased"


_labels(
    DeputyStatus,
    {
        "serving": QT_TRANSLATE_NOOP("DeputyStatus", "Serving"),
        "term_ended": QT_TRANSLATE_NOOP("DeputyStatus", "Term ended"),
        "resigned": QT_TRANSLATE_NOOP("DeputyStatus", "Resigned or removed"),
        "deceased": QT_TRANSLATE_NOOP("DeputyStatus", "Deceased"),
    },
)


class RosterStatus(LabelledEnum):
    """The county owns the roster: a deputy typed at a station waits for confirmation."""

    PROVISIONAL = "provisional"
    CONFIRMED = "confirmed"
    MAPPED = "mapped"  # the station's copy now points to the county's own record


_labels(
    RosterStatus,
    {
        "provisional": QT_TRANSLATE_NOOP("RosterStatus", "Awaiting county confirmation"),
        "confirmed": QT_TRANSLATE_NOOP("RosterStatus", "Confirmed"),
        "mapped": QT_TRANSLATE_NOOP("RosterStatus", "Merged into county record"),
    },
)


class DutyKind(LabelledEnum):
    RECEPTION = "reception"
    THEMED = "themed"
    INSPECTION = "inspection"
    LEGAL_SERVICE = "legal_service"


_labels(
    DutyKind,
    {
        "reception": QT_TRANSLATE_NOOP("DutyKind", "Regular reception"),
        "themed": QT_TRANSLATE_NOOP("DutyKind", "Themed activity"),
        "inspection": QT_TRANSLATE_NOOP("DutyKind", "Inspection"),
        "legal_service": QT_TRANSLATE_NOOP("DutyKind", "Legal-service day"),
    },
)


class VisitKind(LabelledEnum):
    DEPUTY_TO_CONSTITUENTS = "to_constituents"
    OFFICIAL_TO_DEPUTIES = "to_deputies"


_labels(
    VisitKind,
    {
        "to_constituents": QT_TRANSLATE_NOOP("VisitKind", "Deputies visit constituents"),
        "to_deputies": QT_TRANSLATE_NOOP("VisitKind", "Officials visit deputies"),
    },
)


class Channel(LabelledEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    LETTER = "letter"
    VISIT = "visit"
    ONLINE = "online"


_labels(
    Channel,
    {
        "in_person": QT_TRANSLATE_NOOP("Channel", "At the station"),
        "phone": QT_TRANSLATE_NOOP("Channel", "Telephone"),
        "letter": QT_TRANSLATE_NOOP("Channel", "Letter"),
        "visit": QT_TRANSLATE_NOOP("Channel", "During a visit"),
        "online": QT_TRANSLATE_NOOP("Channel", "Online or WeChat"),
    },
)


class CaseState(LabelledEnum):
    """States of a feedback case; the workflow between them is the next issue's."""

    REGISTERED = "registered"
    ANSWERED_ON_SPOT = "answered_on_spot"
    NOT_ACCEPTED = "not_accepted"
    REFERRED = "referred"
    REPLIED = "replied"
    ANSWERED_BACK = "answered_back"
    CLOSED = "closed"


_labels(
    CaseState,
    {
        "registered": QT_TRANSLATE_NOOP("CaseState", "Registered"),
        "answered_on_spot": QT_TRANSLATE_NOOP("CaseState", "Answered on the spot"),
        "not_accepted": QT_TRANSLATE_NOOP("CaseState", "Not accepted"),
        "referred": QT_TRANSLATE_NOOP("CaseState", "Referred"),
        "replied": QT_TRANSLATE_NOOP("CaseState", "Replied"),
        "answered_back": QT_TRANSLATE_NOOP("CaseState", "Answered back"),
        "closed": QT_TRANSLATE_NOOP("CaseState", "Closed"),
    },
)


class Attendance(LabelledEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    UNEXCUSED = "unexcused"


_labels(
    Attendance,
    {
        "present": QT_TRANSLATE_NOOP("Attendance", "Present"),
        "excused": QT_TRANSLATE_NOOP("Attendance", "Excused absence"),
        "unexcused": QT_TRANSLATE_NOOP("Attendance", "Unexcused absence"),
    },
)


class DepartmentLevel(LabelledEnum):
    COUNTY = "county"
    TOWNSHIP = "township"


_labels(
    DepartmentLevel,
    {
        "county": QT_TRANSLATE_NOOP("DepartmentLevel", "County department"),
        "township": QT_TRANSLATE_NOOP("DepartmentLevel", "Township government"),
    },
)
