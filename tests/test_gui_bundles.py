"""The Bundles menu and tab (数据包) as clerks use them: export to a stick, import after a plan."""

from __future__ import annotations

import datetime as dt
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import select, update

from desktop.db.engine import next_change_seq
from desktop.domain.enums import SiteRole
from desktop.domain.records import CaseDraft, SiteDraft
from desktop.services import Services, open_services
from desktop.sync import payload as pl
from desktop.ui import bundle_actions, prompts
from desktop.ui.bundle_actions import Volume
from desktop.ui.dialogs.bundle_plan import BundlePlanDialog, PlanOutcome
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from tests.test_i18n import english_words, visible_texts

TODAY = dt.date(2026, 6, 15)
SECRET = "望江镇联络站 2026"
COUNTY, STATION = "新桥县人大常委会", "望江镇第三联络站"


def t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """A county office and the station it enrolled (the station took its enrollment file)."""
    county = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", COUNTY, ""))
    blob = county.enrolment.enroll_site("WJ-03", STATION, SiteRole.STATION, "望江镇", SECRET, TODAY)
    station = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    station.enrolment.accept(blob, SECRET)
    yield county, station
    county.close()
    station.close()


def register(station: Services, name: str, content: str) -> uuid.UUID:
    sid = station.site.current().station_id
    draft = CaseDraft(sid, TODAY, person_name=name, phone="13812348000", content=content)
    return station.feedback.register(draft).id


@pytest.fixture
def answers(monkeypatch) -> dict[str, Any]:
    """What the clerk answers: set keys before triggering an action."""
    given: dict[str, Any] = {"infos": [], "errors": [], "dialogs": [], "volumes": []}

    def run_dialog(dialog) -> bool:
        given["dialogs"].append(dialog)
        return given["run_dialog"](dialog)

    monkeypatch.setattr(prompts, "run_dialog", run_dialog)
    monkeypatch.setattr(prompts, "folder", lambda *a, **k: given["folder"])
    monkeypatch.setattr(prompts, "open_paths", lambda *a, **k: list(given["open_paths"]))
    monkeypatch.setattr(prompts, "choose", lambda _p, _t, _l, items: given["choose"](items))
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: given.get("confirm", False))
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: given["infos"].append(text))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: given["errors"].append(text))
    monkeypatch.setattr(bundle_actions, "removable_volumes", lambda: list(given["volumes"]))
    return given


def window_for(qtbot, services: Services, tmp_path: Path, name: str) -> MainWindow:
    win = MainWindow(UiSettings(tmp_path / f"{name}.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.attach(services)
    return win


def said(answers: dict[str, Any]) -> str:
    return "\n".join(answers["infos"] + answers["errors"])


def test_a_station_exports_to_the_stick_then_has_nothing_new(qtbot, pair, answers, tmp_path):
    _, station = pair
    register(station, "赵大山", "村口路灯不亮")
    stick = tmp_path / "stick"
    stick.mkdir()
    win = window_for(qtbot, station, tmp_path, "station")
    # A USB stick was found: it is offered first, "another folder" last.
    answers["volumes"] = [Volume(stick, "KINGSTON (/media/stick)", True)]
    answers["choose"] = lambda items: (answers.setdefault("items", items), 0)[1]
    win.bundle_actions.export_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    assert answers["errors"] == []
    assert answers["items"][-1] == t("BundleActions", "Choose another folder…")
    files = sorted(stick.glob("*.ldbundle"))
    assert len(files) == 1 and files[0].name.startswith("WJ-03-XQ-")
    text = answers["infos"][0]
    sent = station.bundles.sent()
    assert [(b.seq, b.copies) for b in sent] == [(1, 1)] and sent[0].records >= 2
    line = t("BundleActions", "Bundle {0} for {1}: {2}. Written to {3}")
    assert line.format(1, COUNTY, bundle_actions.records_text(sent[0]), files[0]) in text
    assert t("BundlePlan", "feedback cases") in text  # the records, table by table
    checked = "Each file was read back after writing and checked: the USB stick can be removed now."
    assert t("BundleActions", checked) in text
    # What the clerk reads is Chinese (the file's own name and path aside).
    assert english_words([text.replace(str(files[0]), "")]) == []

    answers["infos"].clear()
    win.bundle_actions.export_action.trigger()  # nothing changed since
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    nothing = t(
        "BundleActions", "Nothing has changed since the last bundle to {0}: no file was written."
    ).format(COUNTY)
    assert answers["infos"] == [nothing]
    assert english_words(answers["infos"]) == []
    assert sorted(stick.glob("*.ldbundle")) == files

    # The sent bundle is in the tab; its copy was lost: written again, byte for byte.
    win.tabs.setCurrentWidget(win.bundles_tab)
    tab = win.bundles_tab
    assert tab.sent.rowCount() == 1 and tab.sent.row_at(0).seq == 1
    tab.sent_table.selectRow(0)
    assert tab.write_again_button.isEnabled()
    again = tmp_path / "again"
    again.mkdir()
    answers.update(volumes=[], folder=again)
    answers["infos"].clear()
    tab.write_again_button.click()
    qtbot.waitUntil(lambda: bool(answers["infos"]), timeout=20_000)
    assert (again / files[0].name).read_bytes() == files[0].read_bytes()
    qtbot.waitUntil(lambda: tab.sent.row_at(0).copies == 2)
    win.close()


def test_the_county_exports_to_all_its_stations(qtbot, pair, answers, tmp_path):
    county, _ = pair
    county.enrolment.enroll_site("WJ-04", "望江镇第四联络站", SiteRole.STATION, "望江镇", SECRET,
                                 TODAY)  # fmt: skip
    win = window_for(qtbot, county, tmp_path, "county")
    stick = tmp_path / "stick"
    stick.mkdir()
    answers.update(folder=stick, choose=lambda items: (answers.setdefault("items", items), 0)[1])
    win.bundle_actions.export_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    assert answers["errors"] == []
    assert answers["items"][1:] == [f"{STATION}（WJ-03）", "望江镇第四联络站（WJ-04）"]
    names = sorted(p.name for p in stick.glob("*.ldbundle"))
    assert len(names) == 2 and names[0].startswith("XQ-WJ-03-") and names[1].startswith("XQ-WJ-04")
    assert all(n in answers["infos"][0] for n in names)
    win.close()


def test_the_county_imports_through_the_plan(qtbot, pair, answers, tmp_path):
    county, station = pair
    case_id = register(station, "赵大山", "村口路灯不亮")
    stick = tmp_path / "stick"
    stick.mkdir()
    path = station.bundles.export(station.bundles.recipients()[0].site_id, stick).files[0]
    win = window_for(qtbot, county, tmp_path, "county")
    seen: dict[str, Any] = {}

    def accept(dialog: BundlePlanDialog) -> bool:
        top = dialog.tree.topLevelItem(0)
        seen["top"] = [top.text(c) for c in range(dialog.tree.columnCount())]
        seen["children"] = {
            top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())
        }
        seen["enabled"] = dialog.import_button.isEnabled()
        tree = dialog.tree
        texts = [*visible_texts(dialog), *(tree.headerItem().text(c) for c in range(8))]
        texts += [top.text(0), *(top.child(i).text(0) for i in range(top.childCount()))]
        seen["english"] = english_words([x.replace(path.name, "") for x in texts])
        return seen["enabled"]

    answers.update(open_paths=[path], run_dialog=accept)
    win.bundle_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    assert answers["errors"] == []
    assert seen["enabled"]
    assert seen["top"][0] == t("BundlePlan", "Bundle {0} from {1}").format(1, STATION)
    assert seen["top"][1] == str(station.bundles.sent()[0].records)  # all new
    assert seen["children"][t("BundlePlan", "feedback cases")] == "1"
    assert seen["english"] == []
    assert county.feedback.get(case_id).content == "村口路灯不亮"
    assert t("BundlePlan", "Bundle {0} from {1}").format(1, STATION) in answers["infos"][0]

    win.tabs.setCurrentWidget(win.bundles_tab)
    tab = win.bundles_tab
    assert tab.received.rowCount() == 1
    row = tab.received.row_at(0)
    assert (row.sender_name, row.seq) == (STATION, 1)
    assert tab.gaps.isHidden() and tab.problem.isHidden()
    texts = []
    for page in range(tab.inner.count()):  # each inner page's labels, buttons and headers
        tab.inner.setCurrentIndex(page)
        texts.extend(visible_texts(tab))
    assert english_words(texts) == []

    # The same file again: said plainly, no plan to press.
    answers["infos"].clear()
    win.bundle_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    already = t("BundlePlan", "“{0}” (bundle {1} from {2}) was already imported: nothing changes.")
    assert answers["infos"] == [already.format(path.name, 1, STATION)]
    assert len(answers["dialogs"]) == 1  # the plan dialog was not shown again
    assert tab.received.rowCount() == 1
    win.close()


def test_a_tampered_bundle_is_refused_and_nothing_is_written(qtbot, pair, answers, tmp_path):
    county, station = pair
    register(station, "赵大山", "村口路灯不亮")
    stick = tmp_path / "stick"
    stick.mkdir()
    path = station.bundles.export(station.bundles.recipients()[0].site_id, stick).files[0]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x55
    path.write_bytes(bytes(data))
    win = window_for(qtbot, county, tmp_path, "county")
    answers.update(open_paths=[path], run_dialog=lambda _d: pytest.fail("no plan for a forgery"))
    win.bundle_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    assert answers["infos"] == [] and len(answers["errors"]) == 1
    assert path.name in answers["errors"][0]
    assert english_words([answers["errors"][0].replace(path.name, "")]) == []
    assert county.bundles.received() == [] and county.bundles.quarantined() == []
    assert county.feedback.count() == 0


def test_missing_bundles_are_named_in_the_plan_and_the_tab(qtbot, pair, answers, tmp_path):
    county, station = pair
    to_county = station.bundles.recipients()[0].site_id
    stick = tmp_path / "stick"
    stick.mkdir()
    register(station, "赵大山", "村口路灯不亮")
    station.bundles.export(to_county, stick)  # bundle 1: lost on the way
    register(station, "钱小红", "河堤护栏松动")
    second = station.bundles.export(to_county, stick).files[0]
    win = window_for(qtbot, county, tmp_path, "county")
    seen: dict[str, Any] = {}

    def accept(dialog: BundlePlanDialog) -> bool:
        seen["messages"] = list(dialog.messages)
        return True

    answers.update(open_paths=[second], run_dialog=accept)
    win.bundle_actions.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)
    missing = t("BundlePlan", "Bundle {0} from {1} is missing: ask {1} to write it again.")
    assert missing.format(1, STATION) in seen["messages"]
    assert missing.format(1, STATION) in answers["infos"][0]
    win.tabs.setCurrentWidget(win.bundles_tab)
    gaps = win.bundles_tab.gaps
    assert gaps.isVisibleTo(win.bundles_tab)
    line = t("BundlesTab", "Bundle {0} from {1} is missing: ask {1} to write it again.")
    assert gaps.text() == line.format(1, STATION)
    win.close()


def _edit_behind_the_owners_back(services: Services, case_id: uuid.UUID, content: str) -> None:
    """Change a record without raising its version (a restored backup edited again)."""
    table = pl.table("feedback_cases")
    with services.db.write(remote=True) as s:
        s.execute(update(table).where(table.c.id == case_id).values(content=content))


def _send_again(station: Services, case_id: uuid.UUID) -> None:
    """Mark the record changed at the station without a new version: it travels again."""
    table = pl.table("feedback_cases")
    with station.db.write() as s:
        s.execute(update(table).where(table.c.id == case_id).values(change_seq=next_change_seq(s)))


def test_conflicts_are_settled_from_the_tab(qtbot, pair, answers, tmp_path):
    county, station = pair
    to_county = station.bundles.recipients()[0].site_id
    stick = tmp_path / "stick"
    stick.mkdir()
    kept = register(station, "赵大山", "村口路灯不亮")
    taken = register(station, "钱小红", "河堤护栏松动")
    county.bundles.apply(station.bundles.export(to_county, stick).files[0])
    for case_id in (kept, taken):
        _edit_behind_the_owners_back(county, case_id, "县里改过的内容")
        _send_again(station, case_id)
    plan = county.bundles.apply(station.bundles.export(to_county, stick).files[0])
    assert plan.merge.total("conflicts") == 2
    win = window_for(qtbot, county, tmp_path, "county")
    win.tabs.setCurrentWidget(win.bundles_tab)
    tab = win.bundles_tab
    assert tab.conflicts.rowCount() == 2
    assert not tab.keep_button.isEnabled()  # nothing chosen yet
    ids = [tab.conflicts.row_at(i).record_id for i in range(2)]

    tab.conflicts_table.selectRow(ids.index(kept))
    tab.keep_button.click()
    assert county.feedback.get(kept).content == "县里改过的内容"
    assert [r.record_id for r in tab.conflicts.rows()] == [taken]

    tab.conflicts_table.selectRow(0)
    answers["confirm"] = False  # asked first; "No" changes nothing
    tab.take_button.click()
    assert county.feedback.get(taken).content == "县里改过的内容"
    assert tab.conflicts.rowCount() == 1
    answers["confirm"] = True
    tab.take_button.click()
    assert county.feedback.get(taken).content == "河堤护栏松动"
    assert tab.conflicts.rowCount() == 0
    assert answers["errors"] == []
    with county.db.read() as s:
        from desktop.db.bookkeeping import SyncConflict

        settled = dict(s.execute(select(SyncConflict.record_id, SyncConflict.resolution)).all())
    assert settled == {kept: "kept", taken: "taken"}
    win.close()


def test_a_site_without_keys_is_told_why_the_tab_is_empty(qtbot, services, answers, tmp_path):
    win = window_for(qtbot, services, tmp_path, "plain")
    win.tabs.setCurrentWidget(win.bundles_tab)
    tab = win.bundles_tab
    assert tab.problem.isVisibleTo(tab) and tab.problem.text()
    assert tab.received.rowCount() == 0
    win.bundle_actions.export_action.trigger()
    assert answers["errors"] == [tab.problem.text()]  # the same reason, before any folder
    win.close()


def test_the_plan_lists_refused_and_already_imported_files(qtbot, pair, tmp_path):
    county, station = pair
    register(station, "赵大山", "村口路灯不亮")
    stick = tmp_path / "stick"
    stick.mkdir()
    path = station.bundles.export(station.bundles.recipients()[0].site_id, stick).files[0]
    plan = county.bundles.plan(path)
    forged = tmp_path / "forged.ldbundle"
    forged.write_bytes(b"PK not a bundle")
    refusal = None
    try:
        county.bundles.plan(forged)
    except Exception as exc:  # the service's refusal, shown as the dialog would
        refusal = exc
    assert refusal is not None
    county.bundles.apply(path)
    already = county.bundles.plan(path)
    dialog = BundlePlanDialog(
        [
            PlanOutcome(path, plan),
            PlanOutcome(forged, error=refusal),
            PlanOutcome(tmp_path / "copy.ldbundle", already),
        ]
    )
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled() and dialog.tree.topLevelItemCount() == 1
    assert any("forged.ldbundle" in m for m in dialog.messages)
    assert any(path.name in m for m in dialog.messages)  # already imported, said plainly
    assert len(dialog.messages) == 2


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux mount points")
def test_sticks_are_told_from_system_drives() -> None:
    assert bundle_actions._removable("/media/clerk/KINGSTON") is True
    assert bundle_actions._removable("/run/media/clerk/U盘") is True
    assert bundle_actions._removable("/") is None
    assert bundle_actions._removable("/home") is None
    found = bundle_actions.removable_volumes()  # whatever this machine has: never "/"
    assert all(v.root != Path("/") and v.removable for v in found)
