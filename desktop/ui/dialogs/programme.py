"""One form for every programme record kind, built from its spec's editable fields; refusals
land beside their fields as in every other dialog."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.domain.checks import MAX_PEOPLE
from desktop.domain.errors import DraftInvalid
from desktop.domain.programme_checks import MSG_MONEY
from desktop.domain.programme_fields import DEPUTY, STATION, Field, FieldType, KindSpec
from desktop.domain.programme_specs import SPECS
from desktop.domain.validation import InvalidValue
from desktop.ui.dialogs.common import deputies_for
from desktop.ui.dialogs.programme_widgets import MoneyEdit, OptionalDateEdit, RefCombo, refs_picker
from desktop.ui.forms import MultiLineEdit, RecordDialog, date_edit, date_of, enum_combo
from desktop.ui.programme_values import field_label, kind_label

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.programmes import ProgrammeRow


class ProgrammeDialog(RecordDialog):
    """Add (``row`` None) or change a record of ``kind``. ``fixed`` gives values the form shows
    (by ``fixed_names``) but does not let change, such as the project a vote belongs to;
    ``defaults`` fill a new form."""

    def __init__(
        self,
        services: Services,
        kind: str,
        today: dt.date,
        row: ProgrammeRow | None = None,
        *,
        fixed: Mapping[str, Any] | None = None,
        fixed_names: Mapping[str, str] | None = None,
        defaults: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.spec: KindSpec = SPECS[kind]
        what = kind_label(self.spec)
        title = (
            QCoreApplication.translate("ProgrammeDialog", "Edit: {0}")
            if row
            else QCoreApplication.translate("ProgrammeDialog", "Add: {0}")
        )
        super().__init__(title.format(what), parent)
        self._services, self._row, self._today = services, row, today
        self._fixed = dict(fixed or {})
        site = services.site.current()
        self._own_station = site.station_id if site is not None else None
        values: dict[str, Any] = dict(defaults or {})
        if row is not None:
            values.update(row.values)
        values.update(self._fixed)
        self.editors: dict[str, QWidget] = {}
        names = dict(fixed_names or {})
        for f in self.spec.editable:
            if f.key in self._fixed:
                shown = (row.names.get(f.key) if row else None) or names.get(f.key, "")
                self.add_field(f.key, field_label(f), QLabel(shown))
                continue
            self.editors[f.key] = self.add_field(f.key, field_label(f), self._editor(f, values))
        self.open_size(640)  # as tall as the form wants, as far as the screen has room

    # --- building ---------------------------------------------------------------------------

    def _editor(self, f: Field, values: Mapping[str, Any]) -> QWidget:
        value = values.get(f.key)
        t = f.type
        if t in (FieldType.TEXT, FieldType.PHONE):
            edit = QLineEdit(str(value or ""))
            edit.setMaxLength(f.max_length)
            return edit
        if t is FieldType.LONG_TEXT:
            text = MultiLineEdit()
            text.setPlainText(str(value or ""))
            text.setMaximumHeight(110)
            return text
        if t is FieldType.DATE:
            latest = self._today if f.key in self.spec.past_dates else None
            if f.required:
                edit = date_edit(value or self._today, latest=latest)
                edit.setMaximumWidth(160)
                return edit
            return OptionalDateEdit(value, start=self._today, latest=latest)
        if t in (FieldType.YEAR, FieldType.INT, FieldType.PERCENT):
            spin = QSpinBox()
            top = {FieldType.YEAR: self._today.year + 1, FieldType.PERCENT: 100}.get(t, MAX_PEOPLE)
            spin.setRange(2000 if t is FieldType.YEAR else 0, top)
            spin.setValue(int(value or (self._today.year if t is FieldType.YEAR else 0)))
            if t is FieldType.PERCENT:
                spin.setSuffix(" %")
            spin.setMaximumWidth(120)
            return spin
        if t is FieldType.MONEY:
            return MoneyEdit(value)
        if t is FieldType.BOOL:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if t is FieldType.CHOICE:
            assert f.choices is not None
            current = f.choices(value) if value else None
            combo = enum_combo(list(f.choices), current)
            if not f.required:
                combo.add_member("", None, 0)
                if current is None:
                    combo.setCurrentIndex(0)
            return combo
        if t is FieldType.REF:
            return self._ref(f, value)
        if t is FieldType.REFS:
            return self._refs(f, value or ())
        raise AssertionError(t)

    def _ref(self, f: Field, value: uuid.UUID | None) -> QWidget:
        choices = self._services.programmes.choices(f.target)
        station_here = f.target == STATION and self._own_station is not None
        if station_here and value is None:
            value = self._own_station
        blank = None if f.required else ""
        combo = RefCombo(choices, value, blank=blank)
        if station_here:
            combo.setEnabled(False)  # a station records for itself only
        return combo

    def _refs(self, f: Field, chosen: tuple[uuid.UUID, ...]) -> QWidget:
        choices = self._services.programmes.choices(f.target)
        people = None
        if f.target == DEPUTY:
            offered = {i for i, _ in choices} | set(chosen)
            station = self._fixed.get("station_id") or self._own_station
            people = [d for d in deputies_for(self._services, station) if d.id in offered]
        return refs_picker(people, choices, chosen)

    # --- saving -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form says, by field key; DraftInvalid for an amount that is not one."""
        out: dict[str, Any] = dict(self._fixed)
        errors: dict[str, InvalidValue] = {}
        for key, widget in self.editors.items():
            f = self.spec.field(key)
            if isinstance(widget, MoneyEdit):
                fen = widget.fen()
                if fen is None:
                    errors[key] = InvalidValue(MSG_MONEY)
                out[key] = fen or 0
            elif isinstance(widget, (QLineEdit, MultiLineEdit)):
                out[key] = widget.text()
            elif isinstance(widget, OptionalDateEdit):
                out[key] = widget.day()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, RefCombo):
                out[key] = widget.value()
            elif f.type is FieldType.REFS:
                out[key] = widget.chosen_ids()  # type: ignore[attr-defined]
            elif f.type is FieldType.CHOICE:
                member = widget.currentData()  # type: ignore[attr-defined]
                out[key] = member.value if member is not None else ""
            else:  # a required date
                out[key] = date_of(widget)  # type: ignore[arg-type]
        if errors:
            raise DraftInvalid(errors)
        return out

    def build_draft(self) -> dict[str, Any]:
        return self.values()

    def submit(self, draft: dict[str, Any]) -> ProgrammeRow:
        row = self._row
        return self._services.programmes.save(
            self.spec.kind,
            draft,
            record_id=row.id if row else None,
            version=row.version if row else None,
        )


def open_record(
    parent: QWidget,
    services: Services,
    kind: str,
    today: dt.date,
    row: ProgrammeRow | None = None,
    *,
    fixed: Mapping[str, Any] | None = None,
    fixed_names: Mapping[str, str] | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> ProgrammeRow | None:
    """Run the form; the saved row, or None when cancelled."""
    dialog = ProgrammeDialog(
        services,
        kind,
        today,
        row,
        fixed=fixed,
        fixed_names=fixed_names,
        defaults=defaults,
        parent=parent,
    )
    return dialog.saved_row if dialog.exec() else None
