"""Enrollment through the 数据包 menu: the county enrolls, lists, revokes and re-enrolls a station
and keeps its keys in escrow; the station takes its new file through its own menu item."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from desktop.db.models import LocalKey
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.records import CaseDraft, SiteDraft
from desktop.services import Services, open_services
from desktop.services.enrolment import OTHER_TOWNSHIP
from desktop.sync import crypto
from desktop.sync.errors import BundleRefused
from desktop.ui import prompts
from desktop.ui.dialogs.enrol import EnrolDialog, EnrolledSitesDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from tests.test_i18n import english_words, visible_texts

TODAY = dt.date(2026, 6, 15)
SECRET, NEW_SECRET, ESCROW = "望江镇联络站 2026", "第二份登记文件 2026", "县里保险柜 2026"
COUNTY, STATION = "新桥县人大常委会", "望江镇第三联络站"


def t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


@pytest.fixture
def county(tmp_path: Path) -> Iterator[Services]:
    services = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    services.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", COUNTY, ""))
    yield services
    services.close()


@pytest.fixture
def answers(monkeypatch) -> dict[str, Any]:
    """What the officer or clerk answers: set keys before triggering an action."""
    given: dict[str, Any] = {"infos": [], "errors": [], "dialogs": [], "passphrases": []}

    def run_dialog(dialog: QDialog) -> bool:
        given["dialogs"].append(dialog)
        return given["run_dialog"](dialog)

    def passphrase(*_a: Any) -> str | None:
        return given["passphrases"].pop(0) if given["passphrases"] else None

    monkeypatch.setattr(prompts, "run_dialog", run_dialog)
    monkeypatch.setattr(prompts, "passphrase", passphrase)
    monkeypatch.setattr(prompts, "save_path", lambda *a, **k: given["save_path"])
    monkeypatch.setattr(prompts, "open_path", lambda *a, **k: given["open_path"])
    monkeypatch.setattr(prompts, "confirm", lambda *a, **k: given.get("confirm", False))
    monkeypatch.setattr(prompts, "info", lambda _p, _t, text: given["infos"].append(text))
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: given["errors"].append(text))
    return given


def window_for(qtbot, services: Services, tmp_path: Path, name: str) -> MainWindow:
    win = MainWindow(UiSettings(tmp_path / f"{name}.ini"), today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.attach(services)
    return win


def fill(code: str, name: str, township: str, role: SiteRole = SiteRole.STATION) -> Any:
    """A run_dialog answer: the enroll form typed in and saved; True if it closed."""

    def answer(dialog: EnrolDialog) -> bool:
        dialog.role.setCurrentIndex(dialog.role.findData(role.value))
        dialog.code.setText(code)
        dialog.name.setText(name)
        dialog.township.setText(township)
        dialog.save()
        return dialog.result() == QDialog.DialogCode.Accepted

    return answer


def wait_said(qtbot, answers: dict[str, Any]) -> None:
    qtbot.waitUntil(lambda: bool(answers["infos"] or answers["errors"]), timeout=20_000)


def chinese(texts: list[Any], *known: Any) -> list[str]:
    """English words in ``texts``, leaving out the file names, codes and key fingerprints."""
    cleaned = []
    for text in texts:
        text = str(text)
        for item in known:
            text = text.replace(str(item), "")
            if isinstance(item, Path):
                text = text.replace(item.name, "")
        cleaned.append(text)
    return english_words(cleaned)


def export_case(station: Services, folder: Path, name: str) -> tuple[uuid.UUID, Path]:
    draft = CaseDraft(station.site.current().station_id, TODAY, person_name=name,
                      phone="13812348000", content="村口路灯不亮")  # fmt: skip
    case_id = station.feedback.register(draft).id
    folder.mkdir(exist_ok=True)
    county_id = station.bundles.recipients()[0].site_id
    return case_id, station.bundles.export(county_id, folder).files[-1]


def test_the_county_enrolls_revokes_and_reenrolls_a_station(qtbot, county, answers, tmp_path):
    win = window_for(qtbot, county, tmp_path, "county")
    actions = win.bundle_actions.enrol_actions
    assert all(a.isVisible() and a.isEnabled() for a in actions.county_actions)
    assert not actions.accept_action.isVisible()

    # Enrolled through the menu; the name typed without the file type gets it.
    answers.update(run_dialog=fill("WJ-03", STATION, "望江镇"), save_path=tmp_path / "WJ-03")
    answers["passphrases"] = [SECRET, SECRET]
    actions.enrol_action.trigger()
    wait_said(qtbot, answers)
    assert answers["errors"] == []
    first = tmp_path / "WJ-03.ldenrol"
    [row] = county.enrolment.enrolled()
    assert (row.code, row.name, row.role, row.township) == ("WJ-03", STATION, SiteRole.STATION,
                                                          "望江镇")  # fmt: skip
    assert row.fingerprint in answers["infos"][0] and str(first) in answers["infos"][0]
    assert chinese(answers["infos"], first, row.fingerprint, "WJ-03") == []

    station = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    try:
        station.enrolment.accept(first.read_bytes(), SECRET)
        assert station.site.current().code == "WJ-03"
        assert station.enrolment.own_public().fingerprint() == row.fingerprint
        _, old_bundle = export_case(station, tmp_path / "stick", "赵大山")

        # Listed, then revoked (asked first): a bundle from the station is refused.
        answers.update(run_dialog=lambda _d: False, confirm=True)
        actions.sites_action.trigger()
        dialog = answers["dialogs"][-1]
        assert isinstance(dialog, EnrolledSitesDialog) and dialog.model.rowCount() == 1
        texts = [*visible_texts(dialog), *(dialog.model.data(dialog.model.index(0, c))
                                           for c in range(dialog.model.columnCount()))]  # fmt: skip
        assert chinese(texts, row.fingerprint, "WJ-03") == []
        assert row.fingerprint in texts and t("EnrolledSitesDialog", "Valid") in texts
        dialog.table.selectRow(0)
        assert dialog.revoke_button.isEnabled() and not dialog.reenroll_button.isEnabled()
        answers["infos"].clear()
        dialog.revoke_button.click()
        wait_said(qtbot, answers)
        assert county.enrolment.enrolled()[0].revoked
        assert dialog.model.row_at(0).revoked and dialog.reenroll_button.isEnabled()
        with pytest.raises(BundleRefused):
            county.bundles.apply(old_bundle)

        # Re-enrolled: new keys, a new file; the station takes it through its menu item.
        second = tmp_path / "WJ-03-new.ldenrol"
        answers.update(save_path=second, passphrases=[NEW_SECRET, NEW_SECRET])
        answers["infos"].clear()
        dialog.reenroll_button.click()
        wait_said(qtbot, answers)
        assert answers["errors"] == []
        [again] = county.enrolment.enrolled()
        assert (again.key_generation, again.revoked) == (2, False)
        assert again.fingerprint != row.fingerprint and again.fingerprint in answers["infos"][0]
        assert dialog.model.row_at(0).key_generation == 2 and second.is_file()

        station_win = window_for(qtbot, station, tmp_path, "station")
        taking = station_win.bundle_actions.enrol_actions
        assert taking.accept_action.isVisible() and taking.accept_action.isEnabled()
        answers.update(open_path=second, passphrases=[NEW_SECRET])
        answers["infos"].clear()
        taking.accept_action.trigger()
        wait_said(qtbot, answers)
        assert answers["errors"] == []
        said = answers["infos"][0]
        county_fingerprint = county.enrolment.own_public().fingerprint()
        assert again.fingerprint in said and county_fingerprint in said and COUNTY in said
        assert chinese([said], again.fingerprint, county_fingerprint, "WJ-03") == []
        assert station.enrolment.own_public().fingerprint() == again.fingerprint

        # Its next export imports at the county.
        case_id, new_bundle = export_case(station, tmp_path / "stick", "钱小红")
        county.bundles.apply(new_bundle)
        assert county.feedback.get(case_id).person_name == "钱小红"
        station_win.close()
    finally:
        station.close()
    win.close()


def test_the_county_keys_go_to_escrow_and_come_back(qtbot, county, answers, tmp_path):
    blob = county.enrolment.enroll_site("WJ-03", STATION, SiteRole.STATION, "望江镇", SECRET, TODAY)
    county_id = county.site.current().id
    original = county.enrolment.own_public().fingerprint()
    win = window_for(qtbot, county, tmp_path, "county")
    actions = win.bundle_actions.enrol_actions
    answers.update(confirm=True, save_path=tmp_path / "keys", passphrases=[ESCROW, ESCROW])
    actions.escrow_action.trigger()
    wait_said(qtbot, answers)
    saved = tmp_path / "keys.ldescrow"
    assert answers["errors"] == [] and saved.is_file() and original in answers["infos"][0]
    assert chinese(answers["infos"], saved, original) == []

    with county.db.write() as s:  # the keys lost (a damaged database): new ones on next use
        s.delete(s.get(LocalKey, county_id))
    assert county.enrolment.own_public().fingerprint() != original

    answers["infos"].clear()
    answers.update(open_path=saved, passphrases=["不是这个口令 2026"])
    actions.restore_action.trigger()
    wait_said(qtbot, answers)
    assert len(answers["errors"]) == 1 and "口令" in answers["errors"][0]
    assert chinese(answers["errors"]) == []
    assert county.enrolment.own_public().fingerprint() != original

    answers["infos"].clear()
    answers["errors"].clear()
    answers["passphrases"] = [ESCROW]
    actions.restore_action.trigger()
    wait_said(qtbot, answers)
    assert answers["errors"] == [] and original in answers["infos"][0]
    assert county.enrolment.own_public().fingerprint() == original

    # The restored private key opens what the station sealed to the county.
    station = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    try:
        station.enrolment.accept(blob, SECRET)
        case_id, bundle = export_case(station, tmp_path / "stick", "赵大山")
        county.bundles.apply(bundle)
        assert county.feedback.get(case_id).person_name == "赵大山"
    finally:
        station.close()
    win.close()


def test_a_weak_or_mistyped_passphrase_is_refused_and_nothing_written(
    qtbot, county, answers, tmp_path, monkeypatch
):
    win = window_for(qtbot, county, tmp_path, "county")
    actions = win.bundle_actions.enrol_actions
    out = tmp_path / "out"
    out.mkdir()
    answers.update(run_dialog=fill("WJ-03", STATION, "望江镇"), save_path=out / "WJ-03.ldenrol")
    answers["passphrases"] = ["短口令"]
    actions.enrol_action.trigger()
    assert answers["errors"] == [t("Bundle", crypto.WEAK_PASSPHRASE)]
    assert chinese(answers["errors"]) == []
    dialog = answers["dialogs"][-1]
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.code.text() == "WJ-03"

    answers["errors"].clear()
    answers["passphrases"] = ["望江镇联络站 2026", "望江镇联络站 2025"]
    actions.enrol_action.trigger()
    assert answers["errors"] == [
        t("EnrolActions", "The two passphrases differ. Nothing was written.")
    ]
    assert list(out.iterdir()) == [] and county.enrolment.enrolled() == []

    # A code already enrolled is said beside the field, before any passphrase is asked.
    county.enrolment.enroll_site("WJ-03", STATION, SiteRole.STATION, "望江镇", SECRET, TODAY)
    answers["errors"].clear()
    answers["passphrases"] = [NEW_SECRET, NEW_SECRET]
    actions.enrol_action.trigger()
    dialog = answers["dialogs"][-1]
    assert (
        "WJ-03" in dialog.field_error("code")
        and chinese([dialog.field_error("code")], "WJ-03") == []
    )
    assert answers["passphrases"] == [NEW_SECRET, NEW_SECRET] and answers["errors"] == []
    assert chinese(visible_texts(dialog), "WJ-03") == []

    # A refusal from the service is said in Chinese, and the form comes back as typed.
    def refuse(*_a: Any) -> bytes:
        raise ServiceError(OTHER_TOWNSHIP, code="WJ-05", township="黄姚镇")

    monkeypatch.setattr(county.enrolment, "enroll_site", refuse)
    typed = fill("WJ-05", "望江镇第五联络站", "望江镇")
    answers["run_dialog"] = lambda d: typed(d) if len(answers["dialogs"]) == 4 else False
    answers.update(passphrases=[NEW_SECRET, NEW_SECRET], save_path=out / "WJ-05")
    actions.enrol_action.trigger()
    qtbot.waitUntil(lambda: len(answers["dialogs"]) == 5, timeout=20_000)
    assert answers["errors"] == [
        t("Service", OTHER_TOWNSHIP).format(code="WJ-05", township="黄姚镇")
    ]
    assert chinese(answers["errors"], "WJ-05") == []
    again = answers["dialogs"][-1]
    assert (again.code.text(), again.name.text()) == ("WJ-05", "望江镇第五联络站")
    assert list(out.iterdir()) == []
    win.close()


def test_a_station_is_not_offered_the_county_items(qtbot, county, answers, tmp_path):
    blob = county.enrolment.enroll_site("ZT", "昭平镇人大代表履职活动中心", SiteRole.TOWNSHIP,
                                        "昭平镇", SECRET, TODAY)  # fmt: skip
    centre = open_services(tmp_path / "centre.sqlite", today=lambda: TODAY)
    try:
        centre.enrolment.accept(blob, SECRET)
        win = window_for(qtbot, centre, tmp_path, "centre")
        actions = win.bundle_actions.enrol_actions
        assert not any(a.isVisible() for a in actions.county_actions)
        assert actions.accept_action.isVisible() and actions.accept_action.isEnabled()
        menu = actions.accept_action.associatedObjects()[-1]
        shown = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
        assert chinese(shown) == [] and len(shown) == 3  # export, import, the new file
        actions.enrol_action.trigger()  # hidden, and refused if reached all the same
        actions.escrow_action.trigger()
        assert answers["dialogs"] == [] and answers["infos"] == answers["errors"] == []
        # The same file again: nothing changes, and the clerk is told so.
        answers.update(open_path=tmp_path / "same.ldenrol", passphrases=[SECRET])
        (tmp_path / "same.ldenrol").write_bytes(blob)
        actions.accept_action.trigger()
        wait_said(qtbot, answers)
        nothing = "This database already uses the keys of this file: nothing was changed."
        assert answers["errors"] == [] and t("EnrolActions", nothing) in answers["infos"][0]
        win.close()
    finally:
        centre.close()
