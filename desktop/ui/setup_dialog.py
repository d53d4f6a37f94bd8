"""First run: which site this PC belongs to (a station, a township centre or the county office)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from desktop.domain.enums import SiteRole
from desktop.domain.errors import Refusal
from desktop.domain.records import SiteDraft, SiteRow
from desktop.ui import prompts
from desktop.ui.forms import RecordDialog, enum_combo
from desktop.ui.i18n import message

if TYPE_CHECKING:
    from desktop.services import Services


class SetupDialog(RecordDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set up this computer"), parent)
        self._services = services
        intro = QLabel(
            self.tr(
                "This database does not belong to a site yet. If the county office gave you an "
                "enrollment file, use it: the station is then set up exactly as the county "
                "knows it. Otherwise say which station, township centre or county office this "
                "computer keeps the records of."
            )
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        self.role = self.add_field(
            "role", self.tr("This computer is at"), enum_combo(list(SiteRole), SiteRole.STATION)
        )
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.name.setPlaceholderText(
            self.tr("e.g. Datian Village Deputy Liaison Station, Huangyao Town")
        )
        self.code = self.add_field("code", self.tr("Code"), QLineEdit())
        self.code.setPlaceholderText(self.tr("The code the county office gave, e.g. S01"))
        self.township = self.add_field("township_name", self.tr("Township"), QLineEdit())
        self.township.setPlaceholderText(self.tr("e.g. Huangyao Town"))
        self.enrol_button = QPushButton(self.tr("Use the enrollment file from the county office…"))
        self.enrol_button.clicked.connect(self.use_enrollment_file)
        self.form.insertRow(1, self.enrol_button)
        self.open_size(520)

    def use_enrollment_file(self) -> bool:
        """Set the site up from the county's file (asked for with its passphrase)."""
        title = self.tr("Enrollment file")
        path = prompts.open_path(
            self, title, self.tr("Enrollment files (*.ldenrol);;All files (*)")
        )
        if path is None:
            return False
        secret = prompts.passphrase(
            self, title, self.tr("The passphrase the county office told you:")
        )
        if secret is None:
            return False
        try:
            self.saved_row = self._services.enrolment.accept(path.read_bytes(), secret)
        except (Refusal, OSError) as exc:
            prompts.error(self, title, message(exc))
            return False
        self.accept()
        return True

    def build_draft(self) -> SiteDraft:
        return SiteDraft(
            role=self.role.currentData(),
            code=self.code.text(),
            name=self.name.text(),
            township_name=self.township.text(),
        )

    def submit(self, draft: SiteDraft) -> SiteRow:
        return self._services.site.initialise(draft)  # refusals land beside their fields
