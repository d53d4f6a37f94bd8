"""The year's points rules: edited by the county office, read-only at a station."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.points import PointsError, RuleSet, format_points
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.validation import InvalidValue
from desktop.ui.forms import RecordDialog, fit_on_screen
from desktop.ui.i18n import label
from desktop.ui.record_table import widen_to_headings

if TYPE_CHECKING:
    from desktop.services import Services

MSG_NUMBER = QT_TRANSLATE_NOOP("Validation", "Enter points as a number, such as 2 or 0.5.")
# Columns a county officer may change; what feeds an item (source, kind, period) is shown.
EDITABLE = {1: "name", 2: "points", 4: "cap"}


class RulesDialog(RecordDialog):
    def __init__(
        self, services: Services, rules: RuleSet, editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Points rules {0}").format(rules.year), parent)
        self._services, self._rules = services, rules
        note = (
            self.tr(
                "This is the example shipped with the program: replace it with the "
                "county's own rules."
            )
            if rules.example
            else ""
        )
        if note:
            warning = QLabel(note)
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #8a5a00;")
            self.form.insertRow(0, warning)
        self.name = self.add_field("name", self.tr("Title"), QLineEdit(rules.name))
        self.name.setReadOnly(not editable)
        headers = [
            self.tr("Code"),
            self.tr("Item"),
            self.tr("Points"),
            self.tr("Per"),
            self.tr("Yearly cap"),
            self.tr("When"),
            self.tr("Counted from"),
        ]
        self.table = QTableWidget(len(rules.items), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(0, True)  # codes are for the program, not for reading
        self.table.verticalHeader().hide()
        if not editable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        kinds = {k.code: k.name for k in services.reference.activity_kinds()}
        sources = {
            "duty_day": self.tr("Duty days on duty"),
            "visit": self.tr("Visits made"),
            "case_taken": self.tr("Feedback cases taken"),
        }
        for row, item in enumerate(rules.items):
            per = self.tr("by quantity") if item.per_unit else self.tr("time")
            source = kinds.get(item.activity_kind or "", "") or sources.get(item.source, "")
            if item.attendance == "unexcused":
                source += self.tr(" (unexcused absence)")
            values = [
                item.code,
                item.name,
                format_points(item.points),
                per,
                format_points(item.cap) if item.cap is not None else "",
                label(item.period),
                source,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column not in EDITABLE:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
        widen_to_headings(self.table)
        self.add_field("items", self.tr("Items"), self.table)
        if not editable:
            self.buttons.button(self.buttons.StandardButton.Save).hide()
        fit_on_screen(self, QSize(820, 520))

    def build_draft(self) -> RuleSet:
        items = []
        errors = {}
        for row, item in enumerate(self._rules.items):
            text = {
                field: self.table.item(row, col).text().strip() for col, field in EDITABLE.items()
            }
            try:
                points = Decimal(text["points"])
                cap = Decimal(text["cap"]) if text["cap"] else None
                items.append(replace(item, name=text["name"], points=points, cap=cap))
            except (InvalidOperation, PointsError, ValueError) as exc:
                errors["items"] = exc if isinstance(exc, PointsError) else InvalidValue(MSG_NUMBER)
        if errors:
            from desktop.domain.checks import DraftInvalid

            raise DraftInvalid(errors)
        return replace(
            self._rules,
            name=self.name.text().strip() or self._rules.name,
            items=tuple(items),
            example=False,
        )

    def submit(self, rules: RuleSet) -> RuleSet:
        self._services.points.save_rule_set(rules)
        return rules
