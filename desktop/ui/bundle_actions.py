"""The Bundles menu (数据包): export to the county office or the stations, import after a plan.

Built before the window paints, so nothing here loads SQLAlchemy or the services until used.
Every export, plan and import runs through `tasks.run_task` with a progress bar and Cancel; the
plan and the import each open a write transaction, so they count as writers.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStorageInfo, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.domain.tables import Cancelled
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.ui import prompts
from desktop.ui.i18n import joined, message, translated
from desktop.ui.menus import add_action

if TYPE_CHECKING:
    from desktop.services import Services

log = logging.getLogger(__name__)
BUNDLE_FILTER = QT_TRANSLATE_NOOP("BundleActions", "Bundles (*.ldbundle);;All files (*)")
_DRIVE_REMOVABLE, _DRIVE_FIXED = 2, 3  # GetDriveTypeW


@dataclass(frozen=True)
class Volume:
    """A drive a bundle can be written to, as the clerk sees it offered."""

    root: Path
    label: str
    removable: bool


def _windows_drive_type(root: str) -> int:
    import ctypes

    native = root.replace("/", "\\")  # "E:/" as Qt writes it; Windows wants "E:\\"
    return int(ctypes.windll.kernel32.GetDriveTypeW(native))  # type: ignore[attr-defined]


def _removable(root: str) -> bool | None:
    """True for a USB stick or card, False for another data drive worth offering, None to skip."""
    if sys.platform == "win32":
        system = os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\/").upper()
        if root.rstrip("\\/").upper() == system:
            return None
        kind = _windows_drive_type(root)  # QStorageInfo does not say; USB disks report "fixed"
        return True if kind == _DRIVE_REMOVABLE else False if kind == _DRIVE_FIXED else None
    mounts = ("/Volumes/",) if sys.platform == "darwin" else ("/media/", "/run/media/")
    return True if root.startswith(mounts) else None


def removable_volumes() -> list[Volume]:
    """Ready, writable drives other than the system's: removable ones first."""
    found: list[Volume] = []
    locale = QLocale()
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = volume.rootPath()
        removable = _removable(root)
        if root == "/" or removable is None:
            continue
        name = volume.displayName() or root
        free = locale.formattedDataSize(volume.bytesAvailable())
        label = QCoreApplication.translate("BundleActions", "{0} ({1}), {2} free").format(
            name, root, free
        )
        found.append(Volume(Path(root), label, removable))
    return sorted(found, key=lambda v: not v.removable)


def choose_folder(parent: QWidget, title: str) -> Path | None:
    """Where to write: a USB stick found now, or any folder the clerk chooses."""
    volumes = removable_volumes()
    if not volumes:
        return prompts.folder(parent, title)
    other = QCoreApplication.translate("BundleActions", "Choose another folder…")
    question = QCoreApplication.translate("BundleActions", "Where should the bundle be written?")
    index = prompts.choose(parent, title, question, [v.label for v in volumes] + [other])
    if index is None:
        return None
    return volumes[index].root if index < len(volumes) else prompts.folder(parent, title)


@dataclass(frozen=True)
class ExportOutcome:
    name: str
    result: Any | None = None  # services.bundle_export.ExportResult
    error: Exception | None = None


def records_text(sent: Any) -> str:
    """A sent bundle's records, table by table."""
    from desktop.ui.dialogs.bundle_plan import table_label

    if not sent.records:
        return QCoreApplication.translate(
            "BundleActions", "no records, only which bundles arrived here"
        )
    parts = joined(f"{table_label(name)} {n}" for name, n in sent.counts.items())
    return QCoreApplication.translate("BundleActions", "{0} records ({1})").format(
        sent.records, parts
    )


def export_lines(outcomes: Sequence[ExportOutcome], stopped: bool) -> list[str]:
    """What an export wrote, in lines a clerk can read."""
    lines: list[str] = []
    unchanged = [o.name for o in outcomes if o.result is not None and o.result.nothing_changed]
    for o in outcomes:
        if o.error is not None:
            lines.append(
                QCoreApplication.translate("BundleActions", "{0}: {1}").format(
                    o.name, message(o.error)
                )
            )
        elif o.result is not None:
            for path, sent in zip(o.result.files, o.result.bundles, strict=True):
                lines.append(
                    QCoreApplication.translate(
                        "BundleActions", "Bundle {0} for {1}: {2}. Written to {3}"
                    ).format(sent.seq, o.name, records_text(sent), path)
                )
    if len(unchanged) == 1 and len(outcomes) == 1:
        lines.append(
            QCoreApplication.translate(
                "BundleActions",
                "Nothing has changed since the last bundle to {0}: no file was written.",
            ).format(unchanged[0])
        )
    elif unchanged:
        lines.append(
            QCoreApplication.translate(
                "BundleActions", "Nothing has changed since the last bundle to: {0}."
            ).format(joined(unchanged))
        )
    if any(o.result is not None and o.result.files for o in outcomes):
        lines.append("")  # the reassurance stands apart from the list of files
        lines.append(
            QCoreApplication.translate(
                "BundleActions",
                "Each file was read back after writing and checked: the USB stick can be "
                "removed now.",
            )
        )
    if stopped:
        lines.append(
            QCoreApplication.translate(
                "BundleActions", "Stopped as asked: the others were not written."
            )
        )
    return lines


class BundleActions(QObject):
    """Owns the menu's actions; the window tells it which services are current."""

    bundles_imported = Signal()  # records arrived: the tabs list again
    bundles_listed = Signal()  # only the 数据包 tab's lists changed (a bundle written, set aside)

    def __init__(self, window: QMainWindow, menu: QMenu | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.services: Services | None = None
        self.writable = False
        if menu is None:  # the window makes it before its first paint, titled like this
            menu = window.menuBar().addMenu(self.tr("&Bundles"))
        self.export_action = self._add(menu, self.tr("&Export bundle…"), self.export_bundle)
        self.import_action = self._add(menu, self.tr("&Import bundle…"), self.import_bundles)
        from desktop.ui.enrol_actions import EnrolActions  # enrollment: items in this menu

        self.enrol_actions = EnrolActions(window, menu)
        self.enrol_actions.keys_changed.connect(self.bundles_listed)
        self.set_services(None, False)

    def _add(self, menu: Any, text: str, slot: Callable[[], None]) -> QAction:
        return add_action(self.window, menu, text, slot)

    def set_services(self, services: Services | None, writable: bool) -> None:
        self.services, self.writable = services, writable
        for action in (self.export_action, self.import_action):
            action.setEnabled(services is not None and writable)
        self.enrol_actions.set_services(services, writable)

    # --- export -------------------------------------------------------------------------

    def _recipients(self, title: str) -> list[Any] | None:
        assert self.services is not None
        try:
            recipients = self.services.bundles.recipients()
        except Exception as exc:  # not enrolled yet: the message says what to do
            prompts.error(self.window, title, message(exc))
            return None
        if not recipients:
            from desktop.services.bundles import NO_RECIPIENT

            prompts.error(self.window, title, translated("Service", NO_RECIPIENT))
            return None
        if len(recipients) == 1:
            return recipients
        items = [self.tr("All stations ({0})").format(len(recipients))]
        named = self.tr("{0} ({1})", "a station and its code")
        items += [named.format(r.name, r.code) for r in recipients]
        index = prompts.choose(self.window, title, self.tr("Which station is it for?"), items)
        if index is None:
            return None
        return recipients if index == 0 else [recipients[index - 1]]

    def export_bundle(self) -> None:
        if self.services is None or not self.writable:
            return
        title = self.tr("Export bundle")
        recipients = self._recipients(title)
        if not recipients:
            return
        target = choose_folder(self.window, title)
        if target is None:
            return
        bundles = self.services.bundles
        texts = [self.tr("Writing the bundle for {0}…").format(r.name) for r in recipients]

        def work(progress: Any, is_cancelled: Any) -> tuple[list[ExportOutcome], bool]:
            outcomes: list[ExportOutcome] = []
            for i, r in enumerate(recipients):
                if is_cancelled() and outcomes:
                    return outcomes, True

                def step(done: int, total: int, _text: str = "", i: int = i) -> None:
                    progress(i * total + done, len(recipients) * total, texts[i])

                try:
                    outcomes.append(
                        ExportOutcome(r.name, bundles.export(r.site_id, target, step, is_cancelled))
                    )
                except Cancelled:
                    if not outcomes:
                        raise
                    return outcomes, True
                except Exception as exc:  # one station's failure does not stop the others
                    if not hasattr(exc, "message"):
                        log.error("export to %s failed", r.code, exc_info=exc)
                    outcomes.append(ExportOutcome(r.name, error=exc))
            return outcomes, False

        def done(result: tuple[list[ExportOutcome], bool]) -> None:
            outcomes, stopped = result
            self.bundles_listed.emit()  # even a failed write recorded its bundle (copies: 0)
            text = "\n".join(export_lines(outcomes, stopped))
            failed = all(o.error is not None for o in outcomes)
            (prompts.error if failed else prompts.info)(self.window, title, text)

        from desktop.ui import tasks

        tasks.run_task(self.window, title, work, done, writes=True)

    def write_again(self, bundle: Any) -> None:
        """A sent bundle written once more, byte for byte (its copy was lost or damaged)."""
        if self.services is None or not self.writable:
            return
        title = self.tr("Write a bundle again")
        target = choose_folder(self.window, title)
        if target is None:
            return
        bundles = self.services.bundles

        def done(path: Path) -> None:
            self.bundles_listed.emit()
            prompts.info(
                self.window,
                title,
                self.tr(
                    "Bundle {0} written again to {1}, read back and checked: the USB stick can "
                    "be removed now."
                ).format(bundle.seq, path),
            )

        from desktop.ui import tasks

        tasks.run_task(
            self.window,
            title,
            lambda _p, _c: bundles.write_again(bundle.bundle_id, target),
            done,
            writes=True,
        )

    # --- import -------------------------------------------------------------------------

    def import_bundles(self, chosen: list[Path] | None = None) -> None:
        """Check, show and import bundles: ``chosen`` (files handed to the program), else
        those picked in a file dialog."""
        if self.services is None or not self.writable:
            return
        paths = chosen or prompts.open_paths(
            self.window,
            self.tr("Choose the bundles to import"),
            translated("BundleActions", BUNDLE_FILTER),
        )
        if not paths:
            return
        # A sender's file names carry the bundle number: in name order, each follows the last.
        paths = sorted(paths, key=lambda p: p.name)
        bundles = self.services.bundles
        texts = [self.tr("Checking “{0}”…").format(p.name) for p in paths]
        from desktop.ui import tasks

        tasks.run_task(
            self.window,
            self.tr("Checking the bundles"),
            lambda p, c: _each(paths, texts, bundles.plan, p, c, partial=False)[0],
            # After the plan's task has finished: it still counts as the writer in on_done.
            lambda outcomes: QTimer.singleShot(0, self, lambda: self._show_plan(outcomes)),
            writes=True,  # a plan is the import rolled back: it holds the writer's lock
        )

    def _show_plan(self, outcomes: list[Any]) -> None:
        from desktop.ui.dialogs.bundle_plan import BundlePlanDialog, result_lines

        title = self.tr("Import bundles")
        if any(o.error is not None for o in outcomes):
            self.bundles_listed.emit()  # a bundle that does not fit is set aside at once
        importable = [o for o in outcomes if o.importable]
        if not importable:  # nothing to decide: say why, plainly
            text = "\n".join(result_lines(outcomes))
            refused = any(o.error is not None for o in outcomes)
            (prompts.error if refused else prompts.info)(self.window, title, text)
            return
        if not prompts.run_dialog(BundlePlanDialog(outcomes, self.window)):
            return
        bundles = self.services.bundles if self.services is not None else None
        if bundles is None:
            return

        def done(result: tuple[list[Any], bool]) -> None:
            applied, stopped = result
            if any(o.importable for o in applied):
                self.bundles_imported.emit()
            else:
                self.bundles_listed.emit()  # refused now: perhaps set aside
            lines = result_lines(applied)
            if stopped:
                lines.append(self.tr("Stopped as asked: the other bundles were not imported."))
            failed = all(o.error is not None for o in applied)
            (prompts.error if failed else prompts.info)(self.window, title, "\n".join(lines))

        from desktop.ui import tasks

        paths = [o.path for o in importable]
        texts = [self.tr("Importing “{0}”…").format(p.name) for p in paths]
        tasks.run_task(
            self.window,
            self.tr("Importing bundles"),
            lambda p, c: _each(paths, texts, bundles.apply, p, c, partial=True),
            done,
            writes=True,
        )


def _each(
    paths: list[Path],
    texts: list[str],
    step: Callable[..., Any],
    progress: Any,
    is_cancelled: Any,
    *,
    partial: bool,
) -> tuple[list[Any], bool]:
    """``step(path, progress, cancelled)`` for each file; a refusal is kept as that file's.
    Cancel with ``partial``: what was done so far, and True (each file is its own transaction)."""
    from desktop.ui.dialogs.bundle_plan import PlanOutcome

    outcomes: list[PlanOutcome] = []
    for i, path in enumerate(paths):

        def report(done: int, total: int, _text: str = "", i: int = i) -> None:
            progress(i * total + done, len(paths) * total, texts[i])

        try:
            if is_cancelled():
                raise Cancelled
            outcomes.append(PlanOutcome(path, plan=step(path, report, is_cancelled)))
        except Cancelled:
            if not (partial and outcomes):
                raise
            return outcomes, True
        except Exception as exc:  # shown per file: the others still go ahead
            outcomes.append(PlanOutcome(path, error=exc))
    return outcomes, False
