"""A workbook row's cells made into a draft: names, stations, kinds and labels looked up.

The reader (`formats/xlsx_read.py`) has already turned cells into dates, numbers and text by
column kind; here the words a clerk typed (a station's name, 张三、李四（请假）, 来站反映, 是)
become ids and enum members, each problem naming its column. The same words the export writes
are accepted back, so an exported workbook imports unchanged.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.enums import (
    Attendance,
    Channel,
    DeputyStatus,
    DutyKind,
    Gender,
    LabelledEnum,
    VisitKind,
)
from desktop.domain.errors import ServiceError
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    VisitDraft,
)
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.services.sheet_columns import COUNTY_LEVEL, NO, TOWNSHIP_LEVEL, YES

Label = Callable[[LabelledEnum], str]

UNKNOWN_DEPUTY = QT_TRANSLATE_NOOP(
    "Service", "{name} is not in the deputy roster: add the deputy first, or correct the name."
)
AMBIGUOUS_DEPUTY = QT_TRANSLATE_NOOP(
    "Service", "The roster has {count} deputies called {name}: this row cannot tell which."
)
UNKNOWN_STATION = QT_TRANSLATE_NOOP("Service", "There is no station called {name}.")
NO_STATION = QT_TRANSLATE_NOOP("Service", "Fill in the station: this site is not a station.")
UNKNOWN_WORD = QT_TRANSLATE_NOOP("Service", "{value} is not one of: {choices}.")
UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP("Service", "There is no feedback category called {name}.")
UNKNOWN_KIND = QT_TRANSLATE_NOOP("Service", "There is no activity kind called {name}.")
MASKED = QT_TRANSLATE_NOOP(
    "Service",
    "{count} phone or ID numbers are masked (such as 138****8000): the numbers already stored "
    "are kept. To change them, export with full numbers, edit, and import that workbook.",
)

_SPLIT = re.compile(r"[、，,；;／/\s]+")
_PARTICIPANT = re.compile(
    r"^(?P<name>[^（(×*]+?)\s*(?:[×*xX](?P<n>\d+))?\s*(?:[（(](?P<a>[^）)]+)[）)])?$"
)
_TRUE = {YES, "Y", "YES", "TRUE", "1", "√", "✓", "有"}
_FALSE = {NO, "N", "NO", "FALSE", "0", "×", "", "无"}


class CellError(ServiceError):
    """A problem with one cell: ``column`` is the column spec's key."""

    def __init__(self, column: str, message: str, **args: str) -> None:
        super().__init__(message, **args)
        self.column = column


def split_names(text: str) -> list[str]:
    """张三、李四（请假） -> ["张三", "李四（请假）"]: separators inside brackets do not count."""
    parts, current, depth = [], [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and _SPLIT.fullmatch(ch):
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _text(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    return "" if value is None else str(value).strip()


# Words stations' old workbooks use, whatever language the program's menus speak.
ALIASES: dict[type, dict[str, LabelledEnum]] = {
    Gender: {"男": Gender.MALE, "女": Gender.FEMALE},
    Attendance: {
        "出席": Attendance.PRESENT,
        "请假": Attendance.EXCUSED,
        "缺席": Attendance.UNEXCUSED,
        "无故缺席": Attendance.UNEXCUSED,
    },
    DeputyStatus: {"在任": DeputyStatus.SERVING, "届满": DeputyStatus.TERM_ENDED},
}


def _words(cls: type[LabelledEnum], label: Label) -> dict[str, LabelledEnum]:
    """Every way a member may be written: its label in the menus' language, its English
    label, its stored value, and the usual Chinese words."""
    words: dict[str, LabelledEnum] = dict(ALIASES.get(cls, {}))
    for m in cls:
        for word in (label(m), m.label, m.value):
            words[word.strip().lower()] = m
    return words


@dataclass
class Lookups:
    """What the rows refer to, loaded once per import."""

    label: Label
    stations: dict[str, uuid.UUID]  # name and code -> id
    home_station: uuid.UUID | None
    deputies: dict[str, list[tuple[uuid.UUID, frozenset]]]  # name -> (id, its stations)
    categories: dict[str, uuid.UUID]
    activity_kinds: dict[str, uuid.UUID]
    problems: list[CellError] = field(default_factory=list)  # this row's, in column order
    _enum_words: dict[type, dict[str, LabelledEnum]] = field(default_factory=dict)

    def fail(self, error: CellError, default: Any = None) -> Any:
        """Note the problem and carry on, so that one pass finds every bad cell of a row."""
        self.problems.append(error)
        return default

    def enum(self, column: str, cls: type[LabelledEnum], text: str, default: Any) -> Any:
        if not text:
            return default
        words = self._enum_words.get(cls)
        if words is None:
            words = self._enum_words[cls] = _words(cls, self.label)
        found = words.get(text.lower())
        if found is None:
            choices = "、".join(self.label(m) for m in cls)
            return self.fail(CellError(column, UNKNOWN_WORD, value=text, choices=choices), default)
        return found

    def station(self, column: str, text: str) -> uuid.UUID:
        if not text:
            if self.home_station is None:
                return self.fail(CellError(column, NO_STATION))
            return self.home_station
        found = self.stations.get(text)
        if found is None:
            return self.fail(CellError(column, UNKNOWN_STATION, name=text))
        return found

    def deputy(self, column: str, name: str, station: uuid.UUID | None = None) -> uuid.UUID:
        found = self.deputies.get(name, [])
        if len(found) > 1 and station is not None:  # namesakes: the one at this station
            found = [f for f in found if station in f[1]] or found
        if not found:
            return self.fail(CellError(column, UNKNOWN_DEPUTY, name=name))
        if len(found) > 1:
            count = str(len(found))
            return self.fail(CellError(column, AMBIGUOUS_DEPUTY, name=name, count=count))
        return found[0][0]

    def deputy_list(
        self, column: str, text: str, station: uuid.UUID | None = None
    ) -> tuple[uuid.UUID, ...]:
        found = (self.deputy(column, n, station) for n in split_names(text))
        return tuple(dict.fromkeys(i for i in found if i is not None))

    def flag(self, column: str, text: str) -> bool:
        word = text.upper()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        return self.fail(CellError(column, UNKNOWN_WORD, value=text, choices=f"{YES}、{NO}"), False)


def build_lookups(services: Any, label: Label) -> Lookups:
    stations: dict[str, uuid.UUID] = {}
    for s in services.reference.stations():
        stations[s.code] = stations[s.name] = s.id
    site = services.site.current()
    deputies: dict[str, list[tuple[uuid.UUID, frozenset]]] = defaultdict(list)
    for d in services.deputies.list():
        deputies[d.name].append((d.id, frozenset(d.station_ids)))
    return Lookups(
        label=label,
        stations=stations,
        home_station=site.station_id if site else None,
        deputies=dict(deputies),
        categories={c.name: c.id for c in services.reference.categories()},
        activity_kinds={k.name: k.id for k in services.reference.activity_kinds()},
    )


def masked(text: str) -> bool:
    """A phone or ID number as a default export prints it (138****8000)."""
    return "*" in text


# --- one converter per kind: (cells, lookups) -> draft ----------------------------------------


def deputy_draft(v: dict[str, Any], lk: Lookups) -> DeputyDraft:
    level = _text(v, "level")
    parts = set(_SPLIT.split(level)) if level else {TOWNSHIP_LEVEL}
    unknown = parts - {COUNTY_LEVEL, TOWNSHIP_LEVEL, ""}
    if unknown:
        choices = f"{COUNTY_LEVEL}、{TOWNSHIP_LEVEL}"
        lk.fail(CellError("level", UNKNOWN_WORD, value=level, choices=choices))
    found = (lk.station("stations", n) for n in _SPLIT.split(_text(v, "stations")) if n)
    stations = tuple(dict.fromkeys(i for i in found if i is not None))
    return DeputyDraft(
        name=_text(v, "name"),
        gender=lk.enum("gender", Gender, _text(v, "gender"), None),
        ethnicity=_text(v, "ethnicity") if "ethnicity" in v else "汉族",
        is_county_level=COUNTY_LEVEL in parts,
        is_township_level=TOWNSHIP_LEVEL in parts,
        constituency=_text(v, "constituency"),
        phone=_text(v, "phone"),
        workplace=_text(v, "workplace"),
        occupation=_text(v, "occupation"),
        term=_text(v, "term"),
        household_sign=lk.flag("household_sign", _text(v, "household_sign")),
        status=lk.enum("status", DeputyStatus, _text(v, "status"), DeputyStatus.SERVING),
        station_ids=stations,
    )


def duty_draft(v: dict[str, Any], lk: Lookups) -> DutyDayDraft:
    station = lk.station("station", _text(v, "station"))
    return DutyDayDraft(
        station_id=station,
        day=v.get("day"),
        kind=lk.enum("kind", DutyKind, _text(v, "kind"), DutyKind.RECEPTION),
        deputy_ids=lk.deputy_list("deputies", _text(v, "deputies"), station),
        people_received=v.get("people_received") or 0,
        summary=_text(v, "summary"),
    )


def visit_draft(v: dict[str, Any], lk: Lookups) -> VisitDraft:
    station = lk.station("station", _text(v, "station"))
    visited = _text(v, "visited_deputies")
    return VisitDraft(
        station_id=station,
        day=v.get("day"),
        kind=lk.enum("kind", VisitKind, _text(v, "kind"), VisitKind.DEPUTY_TO_CONSTITUENTS),
        visitor_ids=lk.deputy_list("visitors", _text(v, "visitors"), station),
        other_visitors=_text(v, "other_visitors"),
        visited_deputy_ids=lk.deputy_list("visited_deputies", visited, station),
        visited_people=_text(v, "visited_people"),
        people_count=v.get("people_count") or 0,
        summary=_text(v, "summary"),
    )


def case_draft(v: dict[str, Any], lk: Lookups) -> CaseDraft:
    category = _text(v, "category")
    if category and category not in lk.categories:
        lk.fail(CellError("category", UNKNOWN_CATEGORY, name=category))
    station = lk.station("station", _text(v, "station"))
    return CaseDraft(
        station_id=station,
        received_date=v.get("received_date"),
        channel=lk.enum("channel", Channel, _text(v, "channel"), Channel.IN_PERSON),
        anonymous=lk.flag("anonymous", _text(v, "anonymous")),
        person_name=_text(v, "person_name"),
        phone=_text(v, "phone"),
        id_number=_text(v, "id_number").upper(),
        village=_text(v, "village"),
        category_id=lk.categories.get(category) if category else None,
        content=_text(v, "content"),
        deputy_ids=lk.deputy_list("deputies", _text(v, "deputies"), station),
    )


def activity_draft(v: dict[str, Any], lk: Lookups) -> ActivityDraft:
    kind = _text(v, "kind")
    if kind not in lk.activity_kinds:
        lk.fail(CellError("kind", UNKNOWN_KIND, name=kind))
    # A blank 联络站 is a county-wide activity; a workbook without the column is the station's.
    text = _text(v, "station")
    station = lk.station("station", text) if text else None if "station" in v else lk.home_station
    people = []
    for part in split_names(_text(v, "participants")):
        m = _PARTICIPANT.match(part)
        if m is None:
            lk.fail(CellError("participants", UNKNOWN_DEPUTY, name=part))
            continue
        attendance = lk.enum("participants", Attendance, m["a"] or "", Attendance.PRESENT)
        deputy = lk.deputy("participants", m["name"], station)
        if deputy is not None:
            people.append(ParticipantDraft(deputy, attendance, int(m["n"] or 1)))
    return ActivityDraft(
        kind_id=lk.activity_kinds.get(kind),
        day=v.get("day"),
        station_id=station,
        title=_text(v, "title") or kind,  # old workbooks often have no title column
        location=_text(v, "location"),
        summary=_text(v, "summary"),
        participants=tuple(people),
    )


CONVERTERS: dict[str, Callable[[dict[str, Any], Lookups], Any]] = {
    "deputies": deputy_draft,
    "duty-days": duty_draft,
    "visits": visit_draft,
    "feedback": case_draft,
    "activities": activity_draft,
}

# Draft field -> column key, so a refusal from the domain checks lands on its column.
FIELD_COLUMNS = {
    "station_id": "station",
    "deputy_ids": "deputies",
    "visitor_ids": "visitors",
    "kind_id": "kind",
}
