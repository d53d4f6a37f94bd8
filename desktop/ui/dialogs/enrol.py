"""The county office's enrollment dialogs: enroll a station or township centre, list the sites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.checks import DraftInvalid, check_site
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import SiteDraft
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui.dialogs.bundle_plan import moment_text
from desktop.ui.dialogs.common import select_data
from desktop.ui.forms import RecordDialog, enum_combo, fit_on_screen
from desktop.ui.i18n import label, translated
from desktop.ui.record_table import record_table, widen_to_headings
from desktop.ui.table_model import Column, RowTableModel

VALID = QT_TRANSLATE_NOOP("EnrolledSitesDialog", "Valid")
REVOKED = QT_TRANSLATE_NOOP("EnrolledSitesDialog", "Revoked")
SITE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Code"), lambda r: r.code, 80),
    Column(QT_TRANSLATE_NOOP("Columns", "Site name"), lambda r: r.name, 190, tooltip=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind of site"), lambda r: label(r.role), 175),
    Column(QT_TRANSLATE_NOOP("Columns", "Township"), lambda r: r.township, 90),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Key generation"),
        lambda r: r.key_generation,
        80,
        align_right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("Columns", "Keys"),
        lambda r: translated("EnrolledSitesDialog", REVOKED if r.revoked else VALID),
        80,
        marker=lambda r: "overdue" if r.revoked else None,
    ),
    Column(QT_TRANSLATE_NOOP("Columns", "Key fingerprint"), lambda r: r.fingerprint, 210),
    Column(QT_TRANSLATE_NOOP("Columns", "Enrolled"), lambda r: moment_text(r.enrolled_at), 130),
]


class EnrolDialog(RecordDialog):
    """Code, name, kind and township of a new site; ``ask(draft)`` then asks for the passphrase
    and the file name and starts the enrollment (False keeps the form open, as typed)."""

    def __init__(
        self,
        known: dict[str, bool],
        ask: Callable[[QWidget, SiteDraft], bool],
        draft: SiteDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Enroll a station or township centre"), parent)
        self._known = known  # code -> revoked, of the sites already enrolled
        self._ask = ask
        intro = QLabel(
            self.tr(
                "The site gets its own keys in an enrollment file locked with a passphrase. "
                "Give the file to the site's clerk, and tell them the passphrase separately "
                "(by phone or in person, never with the file)."
            )
        )
        intro.setWordWrap(True)
        self.form.insertRow(0, intro)
        kinds = [SiteRole.STATION, SiteRole.TOWNSHIP]
        self.role = self.add_field("role", self.tr("Kind of site"), enum_combo(kinds))
        self.code = self.add_field("code", self.tr("Code"), QLineEdit())
        self.code.setPlaceholderText(self.tr("e.g. S01"))
        self.name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.name.setPlaceholderText(
            self.tr("e.g. Datian Village Deputy Liaison Station, Huangyao Town")
        )
        self.township = self.add_field("township_name", self.tr("Township"), QLineEdit())
        self.township.setPlaceholderText(self.tr("e.g. Huangyao Town"))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Enroll and save the file…"))
        if draft is not None:
            select_data(self.role, draft.role.value)
            self.code.setText(draft.code)
            self.name.setText(draft.name)
            self.township.setText(draft.township_name)
        self.open_size(560)

    def build_draft(self) -> SiteDraft:
        return SiteDraft(
            role=self.role.currentData(),
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            township_name=self.township.text().strip(),
        )

    def save(self) -> None:
        self.general_error.hide()
        try:
            draft = check_site(self.build_draft())
        except DraftInvalid as exc:
            self.show_errors(dict(exc.errors))
            return
        if draft.code in self._known:  # said beside the code, before any passphrase is asked
            from desktop.services.enrolment import ALREADY_ENROLLED, REVOKED_REENROLL

            refusal = REVOKED_REENROLL if self._known[draft.code] else ALREADY_ENROLLED
            self.show_errors({"code": ServiceError(refusal, code=draft.code)})
            return
        self.show_errors({})
        if self._ask(self, draft):
            self.saved_row = draft
            self.accept()


class EnrolledSitesDialog(QDialog):
    """The sites the county enrolled; the selected one's keys revoked, or the site re-enrolled."""

    revoke_requested = Signal(object)  # the EnrolmentRow
    reenroll_requested = Signal(object)

    def __init__(self, rows: Sequence[Any], writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrolled sites"))
        self._writable = writable
        note = QLabel(
            self.tr(
                "Revoke a site's keys when its computer or USB stick was lost or its passphrase "
                "became known: its bundles are refused from then on. Re-enroll it afterwards to "
                "write a new enrollment file with new keys."
            )
        )
        note.setWordWrap(True)
        self.model = RowTableModel(SITE_COLUMNS, self)
        self.table = record_table(self.model, row_numbers=False)
        widen_to_headings(self.table)
        self.empty = QLabel(self.tr("No site has been enrolled yet."))
        self.revoke_button = QPushButton(self.tr("Revoke keys…"))
        self.reenroll_button = QPushButton(self.tr("Re-enroll…"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.empty)
        bar.addStretch(1)
        bar.addWidget(self.revoke_button)
        bar.addWidget(self.reenroll_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.revoke_button.clicked.connect(lambda: self._request(self.revoke_requested))
        self.reenroll_button.clicked.connect(lambda: self._request(self.reenroll_requested))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.set_rows(rows)
        fit_on_screen(self, QSize(1080, 420))

    def set_rows(self, rows: Sequence[Any]) -> None:
        """List again, the same site still selected."""
        chosen = self.selected()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        found = self.model.find(lambda r: chosen is not None and r.code == chosen.code)
        if found >= 0 or rows:
            self.table.selectRow(max(found, 0))
        self._enable()

    def selected(self) -> Any | None:
        return self.model.row_of(self.table.currentIndex())

    def _enable(self) -> None:
        row = self.selected()
        self.revoke_button.setEnabled(self._writable and row is not None and not row.revoked)
        self.reenroll_button.setEnabled(self._writable and row is not None and row.revoked)

    def _request(self, signal: Any) -> None:
        row = self.selected()
        if row is not None:
            signal.emit(row)
