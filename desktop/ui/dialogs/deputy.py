"""Adding and editing a deputy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.domain.checks import DraftInvalid
from desktop.domain.enums import DeputyStatus, Gender, RosterStatus
from desktop.domain.records import DeputyDraft, DeputyRow
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import MSG_REQUIRED, InvalidValue
from desktop.ui.forms import RecordDialog, enum_combo
from desktop.ui.i18n import joined, translated

if TYPE_CHECKING:
    from desktop.services import Services

# The ethnic groups of the county, as the roster stores and the ledgers print them (Chinese),
# each with its name in the interface language.
ETHNICITIES = {
    "汉族": QT_TRANSLATE_NOOP("DeputyDialog", "Han"),
    "壮族": QT_TRANSLATE_NOOP("DeputyDialog", "Zhuang"),
    "瑶族": QT_TRANSLATE_NOOP("DeputyDialog", "Yao"),
    "苗族": QT_TRANSLATE_NOOP("DeputyDialog", "Miao"),
    "侗族": QT_TRANSLATE_NOOP("DeputyDialog", "Dong"),
    "回族": QT_TRANSLATE_NOOP("DeputyDialog", "Hui"),
    "土家族": QT_TRANSLATE_NOOP("DeputyDialog", "Tujia"),
    "仫佬族": QT_TRANSLATE_NOOP("DeputyDialog", "Mulao"),
    "毛南族": QT_TRANSLATE_NOOP("DeputyDialog", "Maonan"),
}


class EthnicityCombo(QComboBox):
    """The county's groups by name in the interface language, or another group typed in;
    ``value()`` is what the roster stores (汉族, or the text typed)."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for stored, name in ETHNICITIES.items():
            self.addItem(translated("DeputyDialog", name), stored)
        found = self.findData(value)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setCurrentText(value)

    def value(self) -> str:
        text = self.currentText().strip()
        found = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(found) if found >= 0 else text


class DeputyDialog(RecordDialog):
    def __init__(
        self, services: Services, row: DeputyRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Edit deputy") if row else self.tr("Add deputy")
        super().__init__(title, parent)
        self._services = services
        self._row = row
        self.name = self.add_field("name", self.tr("Name"), QLineEdit(row.name if row else ""))
        self.gender = enum_combo(list(Gender), row.gender if row else None)
        self.gender.add_member(self.tr("(not given)"), None, index=0)
        if not (row and row.gender):
            self.gender.setCurrentIndex(0)
        self.add_field("gender", self.tr("Gender"), self.gender)
        self.ethnicity = EthnicityCombo(row.ethnicity if row else "汉族")
        self.add_field("ethnicity", self.tr("Ethnicity"), self.ethnicity)
        levels = QWidget()
        box = QHBoxLayout(levels)
        box.setContentsMargins(0, 0, 0, 0)
        self.county_level = QCheckBox(self.tr("County deputy"))
        self.township_level = QCheckBox(self.tr("Township deputy"))
        self.county_level.setChecked(bool(row and row.is_county_level))
        self.township_level.setChecked(row.is_township_level if row else True)
        box.addWidget(self.county_level)
        box.addWidget(self.township_level)
        box.addStretch()
        self.add_field("level", self.tr("Level"), levels)
        self.constituency = self.add_field(
            "constituency", self.tr("Constituency"), QLineEdit(row.constituency if row else "")
        )
        self.phone = self.add_field("phone", self.tr("Phone"), QLineEdit(row.phone if row else ""))
        self.workplace = self.add_field(
            "workplace", self.tr("Workplace"), QLineEdit(row.workplace if row else "")
        )
        self.occupation = self.add_field(
            "occupation", self.tr("Occupation"), QLineEdit(row.occupation if row else "")
        )
        self.term = self.add_field("term", self.tr("Term"), QLineEdit(row.term if row else ""))
        self.household_sign = QCheckBox(self.tr("Home carries a deputy household sign"))
        self.household_sign.setChecked(bool(row and row.household_sign))
        self.add_field("household_sign", self.tr("Household sign"), self.household_sign)
        self.status = enum_combo(list(DeputyStatus), row.status if row else DeputyStatus.SERVING)
        self.add_field("status", self.tr("Status"), self.status)
        self.stations = QListWidget()
        self.stations.setMaximumHeight(110)
        current = set(row.station_ids) if row else set()
        site = services.site.current()
        if not row and site and site.station_id:
            current.add(site.station_id)
        for station in services.reference.stations():
            item = QListWidgetItem(station.name)
            item.setData(Qt.ItemDataRole.UserRole, station.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = station.id in current
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.stations.addItem(item)
        self.add_field("station_ids", self.tr("Stations"), self.stations)
        self.open_size(480)

    def build_draft(self) -> DeputyDraft:
        stations = tuple(
            self.stations.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.stations.count())
            if self.stations.item(i).checkState() == Qt.CheckState.Checked
        )
        return DeputyDraft(
            name=self.name.text(),
            gender=self.gender.currentData(),
            ethnicity=self.ethnicity.value(),
            is_county_level=self.county_level.isChecked(),
            is_township_level=self.township_level.isChecked(),
            constituency=self.constituency.text(),
            phone=self.phone.text(),
            workplace=self.workplace.text(),
            occupation=self.occupation.text(),
            term=self.term.text(),
            household_sign=self.household_sign.isChecked(),
            status=self.status.currentData(),
            station_ids=stations,
        )

    def submit(self, draft: DeputyDraft) -> DeputyRow:
        if self._row is None:
            return self._services.deputies.create(draft)
        return self._services.deputies.update(self._row.id, draft, self._row.version)


class MapDeputyDialog(RecordDialog):
    """At the county: say which roster record a station's provisional deputy really is."""

    def __init__(self, services: Services, row: DeputyRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Merge into the county roster"), parent)
        self._services, self._row = services, row
        roster = [d for d in services.deputies.list() if d.roster_status is RosterStatus.CONFIRMED]
        roster.sort(key=lambda d: d.name != row.name)  # the same name first, order kept
        self.target = QComboBox()
        for deputy in roster:
            where = joined(deputy.station_names)
            shown = self.tr("{0} ({1})").format(deputy.name, where) if where else deputy.name
            self.target.addItem(shown, deputy.id)
        self.add_field("target", self.tr("Same person as"), self.target)
        self.open_size(460)

    def build_draft(self) -> object:
        return self.target.currentData()

    def submit(self, draft: object) -> DeputyRow:
        if draft is None:
            raise DraftInvalid({"target": InvalidValue(MSG_REQUIRED)})
        return self._services.deputies.map_to(self._row.id, draft, self._row.version)
