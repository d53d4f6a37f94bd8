"""Pick-list helpers the record dialogs share."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox

from desktop.domain.records import DeputyRow, ListFilter, RefRow

if TYPE_CHECKING:
    from desktop.services import Services


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item holding ``value``; findData() cannot compare Python objects like UUIDs."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return


def station_combo(services: Services, current: uuid.UUID | None) -> QComboBox:
    """The stations to choose from; a station site's own station comes first and is the default."""
    combo = QComboBox()
    site = services.site.current()
    own = site.station_id if site else None
    for station in services.reference.stations():
        combo.addItem(station.name, station.id)
    wanted = current or own
    if wanted is not None:
        select_data(combo, wanted)
    return combo


def ref_combo(
    items: list[RefRow], current: uuid.UUID | None, blank: str | None = None
) -> QComboBox:
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, None)
    for item in items:
        combo.addItem(item.name, item.id)
    if current is not None:
        select_data(combo, current)
    return combo


def deputies_for(services: Services, station_id: uuid.UUID | None) -> list[DeputyRow]:
    """Deputies of the station first (the usual case), then everyone else, each in stroke order."""
    everyone = services.deputies.list()
    if station_id is None:
        return everyone
    own = {d.id for d in services.deputies.list(ListFilter(station_id=station_id))}
    return [d for d in everyone if d.id in own] + [d for d in everyone if d.id not in own]
