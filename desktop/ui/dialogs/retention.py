"""Retention of personal data (管理 > 个人信息保存期限): the period, how many cases are past it,
and removing their personal details (with the backups older than the period)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ServiceError
from desktop.services.retention import (
    MAX_YEARS,
    MIN_YEARS,
    TYPICAL_YEARS,
    Purged,
    RetentionService,
    cutoff,
)
from desktop.ui import prompts, tasks
from desktop.ui.dialogs.sign_in import error_label
from desktop.ui.forms import open_width
from desktop.ui.i18n import message

if TYPE_CHECKING:
    from desktop.services import Services


def retention_of(services: Services) -> RetentionService:
    """``services.retention`` once the services offer it; built here until then."""
    found = getattr(services, "retention", None)
    return found or RetentionService(services.db, services.access, services.audit)


class RetentionDialog(QDialog):
    """Saving the period changes nothing else; "Remove now…" asks, then purges in one go."""

    def __init__(
        self,
        services: Services,
        today: dt.date,
        backup_dir: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.retention = retention_of(services)
        self.today = today
        self.backup_dir = backup_dir  # None: a server database (its backups are the server's)
        self.handle: Any = None
        self.setWindowTitle(self.tr("Retention of personal data"))
        intro = QLabel(
            self.tr(
                "Personal details are kept only as long as they are needed. For a feedback case "
                "closed longer ago than the period below, Liaison Desk removes who raised it: "
                "the name, phone and ID number, the attached files, and the person's name and "
                "numbers inside the texts. The case itself stays (dates, category, village, "
                "deputies, department, steps, outcome and satisfaction), so every figure and "
                "report for those years stays the same."
            )
        )
        intro.setWordWrap(True)
        years = self.retention.years()
        self.enabled = QCheckBox(self.tr("Keep personal details of closed cases for"))
        self.enabled.setChecked(years is not None)
        self.years = QSpinBox()
        self.years.setRange(MIN_YEARS, MAX_YEARS)
        self.years.setValue(years or TYPICAL_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.years.setEnabled(years is not None)
        row = QHBoxLayout()
        row.addWidget(self.enabled)
        row.addWidget(self.years)
        row.addStretch()
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.due_label.setStyleSheet("font-weight: bold;")
        backups = QLabel(
            self.tr(
                "Backups taken before the period began are deleted with them: they hold the "
                "same people. Newer backups keep them until they are rotated out."
            )
        )
        backups.setWordWrap(True)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.purge_button = buttons.addButton(
            self.tr("Remove now…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.purge_button.clicked.connect(self.purge)
        self.enabled.toggled.connect(self.years.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.show_due())
        self.years.valueChanged.connect(lambda _n: self.show_due())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.due_label)
        layout.addWidget(backups)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_due()
        open_width(self, 520)

    def chosen(self) -> int | None:
        return self.years.value() if self.enabled.isChecked() else None

    def show_due(self) -> None:
        years = self.chosen()
        self.due = 0 if years is None else self.retention.due(self.today, years)
        self.old = 0 if years is None else self.retention.old_backups(
            self.backup_dir, self.today, years)  # fmt: skip
        if years is None:
            text = self.tr("Off: personal details are kept until someone removes them.")
        elif self.due:
            text = self.tr("{0} cases were closed before {1}: their personal details are due.")
            text = text.format(self.due, cutoff(self.today, years).isoformat())
        else:
            text = self.tr("No closed case is past this period now.")
        if years is not None and self.old:
            text += "\n" + self._old_backups_text(cutoff(self.today, years).isoformat())
        self.due_label.setText(text)
        self.purge_button.setEnabled(bool(self.due or self.old))

    def _old_backups_text(self, day: str) -> str:
        return self.tr(
            "{0} backups were taken before {1}: they hold the same people and are deleted too."
        ).format(self.old, day)

    def save(self) -> None:
        if self._store():
            self.accept()

    def _store(self) -> bool:
        chosen = self.chosen()
        if chosen == self.retention.years():
            return True
        try:
            self.retention.set_years(chosen)
        except ServiceError as exc:
            self.error.setText(message(exc))
            self.error.show()
            return False
        return True

    def purge(self) -> None:
        """The purge and, after it, the old backups: both whenever it runs, even with no case
        due (backups of people an earlier purge removed still go)."""
        years = self.chosen()
        if years is None or not (self.due or self.old):
            return
        day = cutoff(self.today, years).isoformat()
        if self.due:
            question = self.tr(
                "Remove the personal details of {0} cases closed before {1}? This cannot be "
                "undone. The cases and every figure stay."
            ).format(self.due, day)
        else:
            question = self.tr("Delete {0} backups taken before {1}? This cannot be undone.")
            question = question.format(self.old, day)
        if self.due and self.old:
            question += "\n\n" + self._old_backups_text(day)
        if not prompts.confirm(self, self.tr("Remove personal details"), question):
            return
        if not self._store():
            return
        today, folder = self.today, self.backup_dir

        def work(progress: Any, is_cancelled: Any) -> Purged:
            return self.retention.purge_with_backups(today, folder, progress, is_cancelled)

        self.handle = tasks.run_task(
            self, self.tr("Removing personal details"), work, self._purged, writes=True
        )

    def _purged(self, purged: Purged) -> None:
        prompts.info(
            self,
            self.tr("Remove personal details"),
            self.tr("Personal details of {0} cases removed; {1} old backups deleted.").format(
                purged.cases, len(purged.backups)
            ),
        )
        self.show_due()
