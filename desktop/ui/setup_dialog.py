"""First run: which site this PC belongs to (a station, a township centre or the county office)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop.domain.enums import SiteRole
from desktop.domain.records import SiteDraft, SiteRow
from desktop.ui.forms import RecordDialog, enum_combo

if TYPE_CHECKING:
    from desktop.services import Services


class SetupDialog(RecordDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set up this computer"), parent)
        self._services = services
        intro = QLabel(
            self.tr(
                "This database does not belong to a site yet. Say which station, township "
                "centre or county office this computer keeps the records of. The county office "
                "will later send an enrolment file that confirms it."
            )
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.role = self.add_field(
            "role", self.tr("This computer is at"), enum_combo(list(SiteRole), SiteRole.STATION)
        )
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.name.setPlaceholderText(self.tr("e.g. 黄姚镇大田村代表联络站"))
        self.code = self.add_field("code", self.tr("Code"), QLineEdit())
        self.code.setPlaceholderText(self.tr("The code the county office gave, e.g. S01"))
        self.township = self.add_field("township_name", self.tr("Township"), QLineEdit())
        self.township.setPlaceholderText(self.tr("e.g. 黄姚镇"))
        self.resize(520, self.sizeHint().height())

    def build_draft(self) -> SiteDraft:
        return SiteDraft(
            role=self.role.currentData(),
            code=self.code.text(),
            name=self.name.text(),
            township_name=self.township.text(),
        )

    def submit(self, draft: SiteDraft) -> SiteRow:
        return self._services.site.initialise(draft)  # refusals land beside their fields
