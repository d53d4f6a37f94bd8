"""The audit log viewer: lists the rows newest first, filters by action, says whether the chain
holds or where it breaks, exports, and stays shut to a role that may not manage."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.roles import AuditAction, Permission, Role
from desktop.services.access import NOT_PERMITTED
from desktop.services.audit import AuditReview
from desktop.ui import prompts
from desktop.ui.dialogs.audit_log import AuditLogDialog, show_audit_log
from desktop.ui.i18n import translated
from desktop.ui.table_model import RowTableModel
from tests.workbook_fixtures import open_station

TODAY = dt.date(2026, 6, 15)
ROWS = 30


@pytest.fixture
def station(tmp_path: Path):
    services = open_station(tmp_path / "station.sqlite", TODAY)
    for n in range(ROWS):
        action = AuditAction.DELETE if n % 3 == 0 else AuditAction.PRINT
        services.audit.record(action, f"case S01-2026-{n:04d}", f"{n} rows")
    yield services
    services.close()


def targets(model) -> list[str]:
    """Every row's target, after loading every page."""
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [model.index(r, 4).data() for r in range(model.rowCount())]


@pytest.fixture
def shown(monkeypatch):
    """Dialogs and messages the viewer would show, answered at once."""
    seen: dict = {"dialogs": [], "errors": [], "infos": []}
    monkeypatch.setattr(prompts, "run_dialog", lambda d: seen["dialogs"].append(d) or False)
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: seen["errors"].append(text))
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: seen["infos"].append(text))
    return seen


def test_the_viewer_lists_the_rows_newest_first_and_filters(station, shown, qtbot, monkeypatch,
                                                           qtmodeltester) -> None:  # fmt: skip
    from desktop.ui.dialogs import audit_log

    monkeypatch.setattr(audit_log, "PAGE", 7)  # several pages, loaded as the table scrolls
    dialog = show_audit_log(None, station)
    qtbot.addWidget(dialog)
    assert shown["dialogs"] == [dialog] and shown["errors"] == []
    model = dialog.model
    assert model.rowCount() == 7
    # "case S01-2026-0029", or 意见建议 S01-2026-0029 where the Chinese translation is loaded
    numbers = [t.split()[-1] for t in targets(model)]
    assert numbers == [f"S01-2026-{n:04d}" for n in reversed(range(ROWS))]
    when = model.index(0, 0).data()
    assert dt.datetime.strptime(when, "%Y-%m-%d %H:%M")  # local time, to the minute
    dialog.action.setCurrentIndex(dialog.action.findData(AuditAction.DELETE.value))
    numbers = [t.split()[-1] for t in targets(model)]
    assert numbers == [f"S01-2026-{n:04d}" for n in reversed(range(0, ROWS, 3))]
    assert dialog.count.text() == dialog.tr("{0} rows").format(len(range(0, ROWS, 3)))
    assert model.index(0, 3).data() == translated("Audit", "Deleted")
    # The columns over the rows, as a model of their own, paged: Qt's model tester.
    checked = RowTableModel(audit_log.COLUMNS)
    checked.load(lambda after: AuditReview(station.access).page(after, 7))
    qtmodeltester.check(checked)


def test_verify_says_the_log_holds_then_where_it_was_changed(station, shown, qtbot) -> None:
    dialog = show_audit_log(None, station)
    qtbot.addWidget(dialog)
    dialog.verify_button.click()
    head = station.audit.verify().last_hash
    assert str(ROWS) in dialog.result.text() and head in dialog.result.text()
    with closing(sqlite3.connect(station.db.path)) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET detail = '0 rows' WHERE target = 'case S01-2026-0007'")
        victim = conn.execute(
            "SELECT id FROM audit_log WHERE target = 'case S01-2026-0007'"
        ).fetchone()[0]
    dialog.verify_button.click()
    assert f"{victim}" in dialog.result.text() and head not in dialog.result.text()
    assert not dialog.verify()


def test_export_writes_the_rows_and_records_itself(station, shown, qtbot, monkeypatch,
                                                   tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "审计日志.xlsx"
    monkeypatch.setattr(prompts, "save_path", lambda *a, **k: target)
    dialog = show_audit_log(None, station)
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(shown["infos"]), timeout=10_000)
    sheet = openpyxl.load_workbook(target).active
    assert sheet.max_row == 1 + ROWS
    newest = station.audit.rows(limit=1)[0]
    assert (newest.action, newest.target) == (AuditAction.EXPORT, "the audit log")
    assert dialog.model.rowCount() == ROWS + 1  # shown in the viewer at once


def test_a_clerk_cannot_open_the_viewer(station, shown) -> None:
    access = station.access
    access.add_user("head", "站长", Role.STATION_HEAD, "station-head-1")
    access.add_user("clerk", "办事员", Role.CLERK, "clerk-password")
    access.set_sign_in_required(True)
    access.sign_in("clerk", "clerk-password")
    assert show_audit_log(None, station) is None
    assert shown["dialogs"] == []
    assert shown["errors"] == [translated("Service", NOT_PERMITTED[Permission.MANAGE])]


def test_the_viewer_fits_a_small_screen(station, shown, qtbot) -> None:
    dialog = AuditLogDialog(station)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    assert dialog.width() <= 1366 and dialog.height() <= 700
    assert hint.width() <= dialog.width() and hint.height() <= dialog.height()


def test_a_slip_saved_from_the_feedback_tab_is_audited_once(qtbot, tmp_path: Path,
                                                            monkeypatch) -> None:  # fmt: skip
    """The window's slip reaches the audit log through the preview's output hook."""
    from PySide6.QtWidgets import QApplication

    from desktop.domain.records import CaseDraft
    from desktop.ui.print_preview import PrintPreviewDialog
    from desktop.ui.tabs.feedback import FeedbackTab
    from tests.bundle_fixtures import add_department

    services = open_station(tmp_path / "slips.sqlite", TODAY)
    try:
        station = services.site.current().station_id
        case = services.feedback.register(
            CaseDraft(station, TODAY, person_name="赵大山", content="村口路灯不亮")
        )
        services.casework.refer(case.id, add_department(services), referred_on=TODAY)
        tab = FeedbackTab(lambda: TODAY)
        qtbot.addWidget(tab)
        tab.show()
        tab.attach(services)
        tab.table.selectRow(0)
        monkeypatch.setattr(prompts, "save_path", lambda *a, **k: tmp_path / "交办单.pdf")
        tab.detail.print_referral.click()

        def preview() -> PrintPreviewDialog | None:
            shown = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, PrintPreviewDialog) and w.isVisible()]  # fmt: skip
            return shown[0] if shown else None

        qtbot.waitUntil(lambda: preview() is not None, timeout=10_000)
        dialog = preview()
        assert services.audit.count(AuditAction.PRINT.value) == 0  # shown is not printed
        assert dialog.save_as() == tmp_path / "交办单.pdf"
        dialog.close()
        printed = services.audit.rows(action=AuditAction.PRINT.value)
        target = f"referral slip of case {case.case_number}"
        assert [(r.target, r.detail) for r in printed] == [(target, "saved as PDF")]
    finally:
        services.close()
