"""A register tab's conditions from the dashboard (概览) that none of its filter widgets shows (a
category, an outcome, a figure's flag...): kept as an override and described in a banner."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from desktop.domain.records import ListFilter
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.domain.workflow import Outcome
from desktop.ui.i18n import date_text, label, translated

if TYPE_CHECKING:
    from desktop.ui.tabs.base import RegisterTab

# Every condition but the search text, which the user types and which narrows within.
OVERRIDABLE = tuple(f.name for f in fields(ListFilter) if f.name != "text")
FLAG_LABELS = {
    "written_opinion": QT_TRANSLATE_NOOP("FilterOverride", "written opinions formed on duty days"),
    "passed_on": QT_TRANSLATE_NOOP("FilterOverride", "passed on to departments"),
    "replied_on_time": QT_TRANSLATE_NOOP("FilterOverride", "replied on time"),
    "satisfied_first": QT_TRANSLATE_NOOP("FilterOverride", "satisfied at the first answer"),
    "overdue": QT_TRANSLATE_NOOP("FilterOverride", "overdue without a reply"),
}
BANNER_STYLE = (
    "QFrame#overrideBanner { background: #eaf3fc; border: 1px solid #9cc3e8; border-radius: 4px; }"
)


def show_in_widgets(tab: RegisterTab, flt: ListFilter) -> None:
    """Set the tab's filter widgets to ``flt`` as far as they can show it; the search is
    emptied (a figure's records are all of them)."""
    dates = flt.date_from is not None or flt.date_to is not None
    tab.use_dates.setChecked(dates)
    for edit, day in ((tab.date_from, flt.date_from), (tab.date_to, flt.date_to)):
        if day is not None:
            edit.setDate(QDate(day.year, day.month, day.day))
    from desktop.ui.tabs.base import find_data

    for combo, value in (
        (tab.township_filter, flt.township_id),
        (tab.station_filter, flt.station_id),  # after the township narrowed the list
        (tab.kind_filter, flt.kind),
    ):
        combo.setCurrentIndex(max(0, find_data(combo, value)))
    tab.search.blockSignals(True)
    tab.search.clear()
    tab.search.blockSignals(False)


def leftover(wanted: ListFilter, shown: ListFilter) -> dict[str, Any]:
    """The conditions of ``wanted`` that the widgets (``shown``) do not show."""
    return {
        name: getattr(wanted, name)
        for name in OVERRIDABLE
        if getattr(wanted, name) != getattr(shown, name)
    }


def describe(override: dict[str, Any], tab: RegisterTab) -> list[str]:
    """Each condition of the override in words, for the banner."""
    services = tab.services
    parts: list[str] = []
    if "date_from" in override or "date_to" in override:
        parts.append(
            QCoreApplication.translate("FilterOverride", "dates {0} to {1}").format(
                date_text(override.get("date_from")) or "…",
                date_text(override.get("date_to")) or "…",
            )
        )
    if override.get("township_id") is not None and services is not None:
        towns = {t.id: t.name for t in services.reference.townships()}
        parts.append(towns.get(override["township_id"], ""))
    if override.get("station_id") is not None:
        stations = {s.id: s.name for s in tab._stations}
        parts.append(stations.get(override["station_id"], ""))
    if override.get("kind"):
        parts.append(str(override["kind"]))
    if override.get("category_id") is not None and services is not None:
        categories = {c.id: c.name for c in services.reference.categories()}
        name = categories.get(override["category_id"], "")
        parts.append(QCoreApplication.translate("FilterOverride", "category: {0}").format(name))
    if override.get("category_none"):
        parts.append(QCoreApplication.translate("FilterOverride", "no category"))
    if override.get("outcome"):
        outcome = Outcome(override["outcome"])
        parts.append(
            QCoreApplication.translate("FilterOverride", "outcome: {0}").format(
                f"{outcome.value} {label(outcome)}"
            )
        )
    flag = override.get("flag")
    if flag:
        parts.append(translated("FilterOverride", FLAG_LABELS[flag]) if flag in FLAG_LABELS else "")
    if override.get("main_only"):
        parts.append(
            QCoreApplication.translate(
                "FilterOverride", "merged duplicates counted with their main case"
            )
        )
    return [p for p in parts if p]


class OverrideBanner(QFrame):
    """ "From the overview: …" above the table, with a button that drops the conditions."""

    cleared = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("overrideBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.clear_button = QPushButton(QCoreApplication.translate("FilterOverride", "Show all"))
        self.clear_button.setToolTip(
            QCoreApplication.translate(
                "FilterOverride",
                "Drop the overview's conditions; the filters above stay as they are",
            )
        )
        self.clear_button.clicked.connect(self.cleared.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 3, 3)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_override(self, override: dict[str, Any], tab: RegisterTab) -> None:
        self.show_conditions(describe(override, tab) if override else [])

    def show_conditions(self, conditions: list[str]) -> None:
        """The overview's conditions in words (none: the banner hides)."""
        if not conditions:
            self.hide()
            return
        self.text.setText(
            QCoreApplication.translate("FilterOverride", "From the overview: {0}").format(
                QCoreApplication.translate("FilterOverride", "; ").join(conditions)
            )
        )
        self.show()
