"""Registering a feedback case (意见建议) and correcting its details."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from desktop.domain.enums import Channel
from desktop.domain.records import CaseDraft, CaseRow, ListFilter
from desktop.domain.roles import Permission
from desktop.domain.validation import mask_id_number, mask_phone
from desktop.ui.dialogs.common import deputies_for, ref_combo, select_data, station_combo
from desktop.ui.forms import (
    DeputyPicker,
    MultiLineEdit,
    RecordDialog,
    date_edit,
    date_of,
    enum_combo,
)
from desktop.ui.i18n import date_text

if TYPE_CHECKING:
    from desktop.services import Services


class CaseDialog(RecordDialog):
    def __init__(
        self,
        services: Services,
        today: dt.date,
        row: CaseRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit feedback") if row else self.tr("Register feedback"), parent)
        self._services, self._row = services, row
        self.received = self.add_field(
            "received_date",
            self.tr("Received on"),
            date_edit(row.received_date if row else today, latest=today),
        )
        self.station = self.add_field(
            "station_id",
            self.tr("Station"),
            station_combo(services, row.station_id if row else None),
        )
        self.channel = self.add_field(
            "channel", self.tr("Channel"), enum_combo(list(Channel), row.channel if row else None)
        )
        self.anonymous = QCheckBox(self.tr("The person wishes to stay anonymous"))
        self.anonymous.setChecked(bool(row and row.anonymous))
        self.add_field("anonymous", self.tr("Anonymous"), self.anonymous)
        self.person = self.add_field(
            "person_name", self.tr("Person's name"), QLineEdit(row.person_name if row else "")
        )
        # A role that may not reveal full numbers sees them masked here too: the fields start
        # empty, the masked number as their placeholder, and an empty field keeps the number.
        self._hidden = row is not None and not services.access.may(Permission.REVEAL)
        shown = (row.phone, row.id_number) if row and not self._hidden else ("", "")
        self.phone = self.add_field("phone", self.tr("Phone"), QLineEdit(shown[0]))
        self.id_number = self.add_field(
            "id_number", self.tr("ID number (optional)"), QLineEdit(shown[1])
        )
        self.village = self.add_field(
            "village", self.tr("Village or address"), QLineEdit(row.village if row else "")
        )
        self.category = self.add_field(
            "category_id",
            self.tr("Category"),
            ref_combo(services.reference.categories(), row.category_id if row else None),
        )
        self.content = self.add_field("content", self.tr("Content raised"), MultiLineEdit())
        self.deputies = self.add_field(
            "deputy_ids",
            self.tr("Receiving deputies"),
            DeputyPicker(
                deputies_for(services, self.station.currentData()), row.deputy_ids if row else ()
            ),
        )
        self.duty_day = self.add_field(
            "duty_day_id", self.tr("Linked duty day"), self._duty_day_combo(row)
        )
        if self._hidden and row is not None:
            self.phone.setPlaceholderText(mask_phone(row.phone))
            self.id_number.setPlaceholderText(mask_id_number(row.id_number))
        if row:
            self.content.setPlainText(row.content)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self._anonymous_toggled(self.anonymous.isChecked())
        self.open_size(560)

    def _duty_day_combo(self, row: CaseRow | None):
        recent = self._services.duty_days.page(ListFilter(), limit=60).rows
        items = [(d.id, f"{date_text(d.day)} {d.station_name}") for d in recent]
        combo = ref_combo([], None, blank=self.tr("(none)"))
        for rid, text in items:
            combo.addItem(text, rid)
        if row and row.duty_day_id:
            if row.duty_day_id not in {rid for rid, _ in items}:  # older than the recent list
                linked = self._services.duty_days.get(row.duty_day_id)
                combo.addItem(f"{date_text(linked.day)} {linked.station_name}", linked.id)
            select_data(combo, row.duty_day_id)
        return combo

    def _anonymous_toggled(self, anonymous: bool) -> None:
        for field in (self.person, self.phone, self.id_number):
            field.setEnabled(not anonymous)

    def build_draft(self) -> CaseDraft:
        return CaseDraft(
            station_id=self.station.currentData(),
            received_date=date_of(self.received),
            channel=self.channel.currentData(),
            anonymous=self.anonymous.isChecked(),
            person_name=self.person.text(),
            phone=self.phone.text() or (self._row.phone if self._hidden else ""),
            id_number=self.id_number.text() or (self._row.id_number if self._hidden else ""),
            village=self.village.text(),
            category_id=self.category.currentData(),
            content=self.content.text(),
            deputy_ids=self.deputies.chosen_ids(),
            duty_day_id=self.duty_day.currentData(),
            visit_id=self._row.visit_id if self._row else None,
        )

    def submit(self, draft: CaseDraft) -> CaseRow:
        if self._row is None:
            return self._services.feedback.register(draft)
        return self._services.feedback.update(self._row.id, draft, self._row.version)
