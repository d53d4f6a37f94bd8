"""Every dialog of the program, built as the program builds it, on a small real database.

``make_world(folder, latin=...)`` sets up a county office and a station it enrolled, with a few
deputies, departments, a feedback case in conflict, a duty day, a visit, an activity, programme
records, users, a backup, a dispute and a bundle from the station; ``latin=True`` writes every
name in Latin letters (the shipped categories and activity kinds renamed too), so that an English
screen has no Chinese in it unless the program put it there.

``ENTRIES`` names each dialog with the class it builds; ``build(name, world)`` builds one and
``dialogs(world)`` yields ``(name, dialog)`` for all. The system's own file and print dialogs are
not here: on Windows they are the native ones, sized by Windows.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from desktop.domain.enums import SiteRole
from desktop.domain.points import DisputeKind, Scope
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ListFilter,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.roles import Role
from desktop.domain.workflow import CaseAction
from desktop.services import Services, open_services

TODAY = dt.date(2026, 6, 15)
SECRET = "passphrase for the station 2026"
PASSWORD = "secret-password-1"
# Chinese characters and the CJK punctuation that goes with them (「」、；（）：): what an English
# interface must not show (tests/test_dialog_fit.py, tests/test_english.py).
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")

CHINESE = {
    "county": "新桥县人民代表大会常务委员会代表工作委员会",
    "station": "望江镇第三村人大代表联络站",
    "township": "望江镇",
    "deputies": ("张晓明", "欧阳建国", "韦小青", "李秀兰"),
    "departments": ("县住房和城乡建设局", "县交通运输局", "望江镇人民政府农业农村办公室"),
    "person": "赵大山",
    "village": "望江镇𠮷田村第三村民小组",  # 𠮷: not in the printing font (the preview says so)
    "content": "村口到小学的路灯已经坏了两个多月，晚上学生放学和村民出行都很不方便，"
    "希望有关部门尽快维修，并定期检查。",
    "title": "大田村饮水安全巩固提升工程",
    "draft": "县城市市容和环境卫生管理条例（草案）",
    "user": "李晓敏",
}
LATIN = {
    "county": "Xinqiao County People's Congress Standing Committee, Deputies' Affairs Office",
    "station": "Wangjiang Town Village No. 3 Deputy Liaison Station",
    "township": "Wangjiang Town",
    "deputies": ("Zhang Xiaoming", "Ouyang Jianguo", "Wei Xiaoqing", "Li Xiulan"),
    "departments": (
        "County Housing and Urban-Rural Development Bureau",
        "County Transport Bureau",
        "Wangjiang Town Government, Agriculture Office",
    ),
    "person": "Zhao Dashan",
    "village": "Datian Village, group 3",
    "content": "The street lights from the village entrance to the primary school have been "
    "broken for two months; please repair them and check them regularly.",
    "title": "Datian Village drinking water safety improvement project",
    "draft": "County regulation on city appearance and sanitation (draft)",
    "user": "Li Xiaomin",
}


@dataclass
class World:
    station: Services
    county: Services
    folder: Path
    latin: bool
    names: dict[str, Any]
    case: Any  # the station's feedback case, in conflict after two replies at once
    bundle: Path  # a bundle the station wrote for the county
    plans: dict[str, Any]  # its import plan at the county: "fresh", and "already" imported
    parents: dict[str, Any]  # a programme child's parent record, by the child's parent key
    holder: QWidget  # the main window stand-in: progress dialogs hang off a window

    def close(self) -> None:
        self.holder.deleteLater()
        self.station.close()
        self.county.close()


def _departments(services: Services, names: tuple[str, ...]) -> None:
    from desktop.services.departments import DepartmentDraft

    for name in names:
        services.departments.add(DepartmentDraft(name))


def latin_reference(services: Services) -> None:
    """The shipped categories and activity kinds (Chinese data) renamed in Latin letters."""
    from desktop.db.models import ActivityKind, FeedbackCategory

    with services.db.write() as s:
        for model in (FeedbackCategory, ActivityKind):
            for row in s.query(model):
                row.name = row.code.replace("_", " ").capitalize()


def _deputies(services: Services, names: dict[str, Any], station_id: Any) -> list[Any]:
    ethnicity = "Han" if names is LATIN else "汉族"
    return [
        services.deputies.create(
            DeputyDraft(n, ethnicity=ethnicity, station_ids=(station_id,), household_sign=i == 0)
        )
        for i, n in enumerate(names["deputies"])
    ]


def _conflict(station: Services, case_id: uuid.UUID) -> None:
    """Two sites replied to the same referral at once (as tests/test_gui_feedback.py does)."""
    from desktop.db.models import CaseEvent, FeedbackCase

    with station.db.write(remote=True) as s:
        head = s.get(FeedbackCase, case_id).last_event_id
        for actor in ("Wang Fang", "Chen Li"):
            payload = {"text": actor, "replied_on": TODAY.isoformat(), "outcome": "A"}
            s.add(
                CaseEvent(id=uuid.uuid4(), case_id=case_id, previous_id=head, kind="replied",
                          state_after="replied", site_id=uuid.uuid4(), actor=actor,
                          payload=json.dumps(payload))
            )  # fmt: skip
        s.flush()
        station.casework.refold(s, case_id)


def make_world(folder: Path, *, latin: bool) -> World:
    names = LATIN if latin else CHINESE
    county = open_services(folder / "county.sqlite", today=lambda: TODAY)
    county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", names["county"], ""))
    blob = county.enrolment.enroll_site(
        "WJ-03", names["station"], SiteRole.STATION, names["township"], SECRET, TODAY
    )
    county.enrolment.enroll_site(
        "WJ-04", names["station"].replace("3", "4"), SiteRole.STATION, names["township"],
        SECRET, TODAY,
    )  # fmt: skip
    station = open_services(folder / "station.sqlite", today=lambda: TODAY)
    station.enrolment.accept(blob, SECRET)
    for services in (county, station):
        if latin:
            latin_reference(services)
        _departments(services, names["departments"])
    here = station.site.current().station_id
    people = _deputies(station, names, here)
    _deputies(county, names, county.reference.stations()[0].id)
    ids = tuple(d.id for d in people[:2])
    category = station.reference.categories()[0].id
    case = station.feedback.register(
        CaseDraft(here, TODAY, person_name=names["person"], phone="13812348000",
                  village=names["village"], category_id=category, content=names["content"],
                  deputy_ids=ids)
    )  # fmt: skip
    other = station.feedback.register(
        CaseDraft(here, TODAY, anonymous=True, category_id=category, content=names["content"][:20])
    )
    station.casework.refer(case.id, station.reference.departments()[0].id, referred_on=TODAY)
    station.casework.act(
        other.id, CaseAction.ANSWER_ON_SPOT, {"text": names["content"][:30]}, note=""
    )
    _conflict(station, case.id)
    station.duty_days.create(DutyDayDraft(here, TODAY, deputy_ids=ids, people_received=3))
    station.visits.create(
        VisitDraft(here, TODAY, visitor_ids=ids[:1], visited_deputy_ids=ids[1:], people_count=2)
    )
    kind = station.reference.activity_kinds()[0].id
    station.activities.create(
        ActivityDraft(kind, TODAY, here, names["title"], names["village"],
                      participants=tuple(ParticipantDraft(i) for i in ids))
    )  # fmt: skip
    station.access.add_user("lixm", names["user"], Role.CLERK, PASSWORD)
    station.access.add_user("wangf", names["deputies"][1], Role.STATION_HEAD, PASSWORD)
    station.backups.take("manual")
    parents = {
        "project_id": county.programmes.save("projects", {"year": 2026, "title": names["title"]}),
        "draft_id": county.programmes.save(
            "drafts", {"title": names["draft"], "received_on": TODAY}
        ),
    }
    rules = county.points.rule_set(2026, Scope.TOWNSHIP)
    if latin:
        items = tuple(
            replace(i, name=f"Points for {i.code.replace('_', ' ')}") for i in rules.items
        )
        rules = replace(rules, name="Xinqiao County deputy points rules", items=items)
        county.points.save_rule_set(replace(rules, example=False))
    deputy = county.deputies.list()[0]
    county.points.dispute(deputy.id, 2026, "duty_day", DisputeKind.MISSING, names["content"][:40])
    stick = folder / "stick"
    stick.mkdir(exist_ok=True)
    bundle = station.bundles.export(station.bundles.recipients()[0].site_id, stick).files[0]
    plans = {"fresh": county.bundles.plan(bundle)}
    county.bundles.apply(bundle)
    plans["already"] = county.bundles.plan(bundle)
    holder = QWidget()
    return World(station, county, folder, latin, names, station.feedback.get(case.id), bundle,
                 plans, parents, holder)  # fmt: skip


# --- the dialogs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    name: str
    cls: type[QDialog]
    build: Callable[[World], QDialog]


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def _setup(w: World) -> QDialog:
    from desktop.ui.setup_dialog import SetupDialog

    blank = open_services(w.folder / "blank.sqlite", today=lambda: TODAY)
    dialog = SetupDialog(blank)
    dialog.destroyed.connect(lambda *_: blank.close())
    return dialog


def _import_plan(w: World) -> QDialog:
    import openpyxl

    from desktop.ui.dialogs.import_plan import ImportPlanDialog
    from desktop.ui.i18n import paper_label
    from desktop.ui.ledger_actions import record_name

    path = w.folder / ("roster.xlsx" if w.latin else "代表名册.xlsx")
    book = openpyxl.Workbook()
    book.active.title = "Deputies" if w.latin else "代表"
    book.active.append(["姓名", "联系电话", "代表层级", "所属联络站", "Remarks"])
    station = w.names["station"]
    book.active.append([w.names["deputies"][0], "123", "乡镇级", station + " (old)", ""])
    book.active.append([w.names["person"], "137****0000", "乡镇级", "", ""])
    book.save(path)
    plan = w.station.imports.plan("deputies", path, paper_label)
    return ImportPlanDialog(plan, record_name("deputies"))


def _bundle_plan(which: str) -> Callable[[World], QDialog]:
    """One bundle to import; one already imported; or one to import and a file refused."""

    def build(w: World) -> QDialog:
        from desktop.ui.dialogs.bundle_plan import BundlePlanDialog, PlanOutcome

        fresh = PlanOutcome(w.bundle, w.plans["fresh"])
        if which == "already":
            return BundlePlanDialog([PlanOutcome(w.bundle, w.plans["already"])])
        if which == "one":
            return BundlePlanDialog([fresh])
        forged = w.folder / "forged.ldbundle"
        forged.write_bytes(b"PK not a bundle")
        try:
            w.county.bundles.plan(forged)
        except Exception as exc:  # the service's refusal, as the dialog shows it
            return BundlePlanDialog([fresh, PlanOutcome(forged, error=exc)])
        raise AssertionError("a forged bundle was planned")

    return build


def _preview(w: World) -> QDialog:
    """The referral slip of the case, as FeedbackTab.print_slip renders and shows it."""
    from desktop.ui.i18n import paper_label
    from desktop.ui.print_preview import PrintPreviewDialog

    rendered = w.station.slips.referral_pdf(w.case.id, paper_label)
    title = _tr("FeedbackTab", "referral slip")
    return PrintPreviewDialog(
        rendered.pdf,
        title,
        suggested_name=f"{w.case.case_number}-{title}.pdf",
        flagged_characters=rendered.flagged_characters,
    )


def _step(action: CaseAction) -> Callable[[World], QDialog]:
    def build(w: World) -> QDialog:
        from desktop.ui.dialogs.steps import StepDialog

        return StepDialog(w.station, w.case, action, TODAY)

    return build


def _refer_without_departments(w: World) -> QDialog:
    """The referral step on a new station's database, no department listed yet: the hint."""
    from desktop.ui.dialogs.steps import StepDialog

    fresh = open_services(w.folder / "no-departments.sqlite", today=lambda: TODAY)
    if fresh.site.current() is None:
        fresh.site.initialise(SiteDraft(SiteRole.STATION, "DT-01", w.names["station"],
                                        w.names["township"]))  # fmt: skip
        station = fresh.site.current().station_id
        fresh.feedback.register(CaseDraft(station, TODAY, anonymous=True,
                                          content=w.names["content"]))  # fmt: skip
    case = fresh.feedback.page(ListFilter(), limit=1).rows[0]
    dialog = StepDialog(fresh, case, CaseAction.REFER, TODAY)
    dialog.destroyed.connect(lambda *_: fresh.close())
    return dialog


def _resolve(w: World) -> QDialog:
    from desktop.ui.dialogs.resolve import ResolveDialog

    result, _allowed = w.station.casework.status(w.case.id)
    return ResolveDialog(w.station, w.case, result)


def _programme(kind: str) -> Callable[[World], QDialog]:
    def build(w: World) -> QDialog:
        from desktop.domain.programme_specs import SPECS
        from desktop.ui.dialogs.programme import ProgrammeDialog

        spec = SPECS[kind]
        if not spec.parent:
            return ProgrammeDialog(w.county, kind, TODAY)
        parent = w.parents[spec.parent]  # as ChildPanel opens it: the parent fixed
        name = parent.values.get("title", "")
        return ProgrammeDialog(w.county, kind, TODAY, fixed={spec.parent: parent.id},
                               fixed_names={spec.parent: name})  # fmt: skip

    return build


def _error(details: bool) -> Callable[[World], QDialog]:
    def build(w: World) -> QDialog:
        from desktop.ui.error_dialog import ErrorDialog

        trace = "Traceback (most recent call last):\n" + "".join(
            f'  File "C:\\Program Files\\Liaison Desk\\desktop\\services\\module_{i}.py", '
            f"line {i * 17}, in do_the_work_number_{i}\n    result = call_something(argument)\n"
            for i in range(12)
        )
        log = w.folder / "logs" / "liaison-desk.log"
        dialog = ErrorDialog("OperationalError", trace + "OperationalError: disk I/O error", log)
        if details:
            dialog.toggle.setChecked(True)
        return dialog

    return build


def _progress(w: World) -> QDialog:
    from desktop.ui import tasks

    handle = tasks.TaskHandle(_tr("LedgerActions", "Checking the workbook"), False)
    dialog = tasks._progress_dialog(w.holder, handle.title, handle)
    dialog.setMinimumDuration(10**9)  # shown by the test, not by Qt's timer
    return dialog


def _already_open(w: World) -> QDialog:
    from desktop.ui.single_instance import already_open_box

    return already_open_box(w.folder / "station.sqlite")


def _about(_w: World) -> QDialog:
    """MainWindow.show_about's box (QMessageBox.about builds this one)."""
    from desktop import __version__
    from desktop.ui import prompts

    text = _tr(
        "MainWindow",
        "Liaison Desk {0}\nRecords and ledgers for people's congress deputy liaison stations.",
    ).format(__version__)
    title = _tr("MainWindow", "About Liaison Desk")
    return prompts.message_box(None, QMessageBox.Icon.Information, title, text)


def _confirm(w: World) -> QDialog:
    """The longest question asked: replacing the database with a backup (BackupActions)."""
    from desktop.ui import prompts

    question = _tr(
        "BackupActions",
        "Replace the database with the backup of {0}?\n\nThe database as it is now is set "
        "aside in its folder (not deleted). Records entered after {0} will be missing until "
        "they are typed in again or come back with the county office's bundles.",
    ).format("2026-06-15 09:30")
    return prompts.confirm_box(None, _tr("BackupActions", "Restore from a backup"), question)


def _error_box(w: World) -> QDialog:
    """A refusal with a long path in it, as prompts.error shows it."""
    from desktop.ui import prompts
    from desktop.ui.i18n import message

    exc = OSError(28, "No space left on device")
    exc.filename = str(w.folder / "stick" / "Liaison Desk backup 2026-06-15 0930.ldbackup")
    title = _tr("BackupActions", "Back up to a USB stick")
    return prompts.message_box(None, QMessageBox.Icon.Critical, title, message(exc))


def _choose(w: World) -> QDialog:
    from desktop.ui import prompts
    from desktop.ui.ledger_actions import IMPORT_KINDS, record_name

    label = _tr("LedgerActions", "What does the workbook hold?")
    title = _tr("LedgerActions", "Import from Excel")
    return prompts.choice_dialog(None, title, label, [record_name(k) for k in IMPORT_KINDS])


def _passphrase(w: World) -> QDialog:
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui import prompts

    label = _tr("SetupDialog", "The passphrase the county office told you:")
    title = _tr("SetupDialog", "Enrollment file")
    return prompts.text_dialog(None, title, label, QLineEdit.EchoMode.Password)


def _entries() -> list[Entry]:
    from desktop.domain.programme_specs import SPECS
    from desktop.ui import error_dialog, print_preview, setup_dialog, tasks
    from desktop.ui.dialogs import (
        activity,
        audit_log,
        backup_to_usb,
        bundle_plan,
        case,
        departments,
        deputy,
        disputes,
        duty,
        enrol,
        import_plan,
        ledger,
        programme,
        programme_limits,
        recovery,
        resolve,
        restore,
        retention,
        rules,
        sign_in,
        steps,
        users,
    )  # fmt: skip

    s: Callable[[World], Services] = lambda w: w.station  # noqa: E731
    out = [
        Entry("setup", setup_dialog.SetupDialog, _setup),
        Entry("deputy_add", deputy.DeputyDialog, lambda w: deputy.DeputyDialog(s(w))),
        Entry("deputy_edit", deputy.DeputyDialog,
              lambda w: deputy.DeputyDialog(s(w), s(w).deputies.list()[0])),
        Entry("deputy_map", deputy.MapDeputyDialog,
              lambda w: deputy.MapDeputyDialog(w.county, w.county.deputies.list()[0])),
        Entry("duty_day", duty.DutyDayDialog, lambda w: duty.DutyDayDialog(s(w), TODAY)),
        Entry("visit", duty.VisitDialog, lambda w: duty.VisitDialog(s(w), TODAY)),
        Entry("case_add", case.CaseDialog, lambda w: case.CaseDialog(s(w), TODAY)),
        Entry("case_edit", case.CaseDialog, lambda w: case.CaseDialog(s(w), TODAY, w.case)),
        Entry("activity", activity.ActivityDialog,
              lambda w: activity.ActivityDialog(s(w), TODAY)),
        Entry("resolve", resolve.ResolveDialog, _resolve),
        Entry("step_refer_no_departments", steps.StepDialog, _refer_without_departments),
        Entry("departments", departments.DepartmentsDialog,
              lambda w: departments.DepartmentsDialog(s(w))),
        Entry("departments_county", departments.DepartmentsDialog,
              lambda w: departments.DepartmentsDialog(w.county)),
        Entry("department_add", departments.DepartmentDialog,
              lambda w: departments.DepartmentDialog(s(w))),
        Entry("department_edit", departments.DepartmentDialog,
              lambda w: departments.DepartmentDialog(s(w), s(w).departments.list()[0])),
        Entry("rules", rules.RulesDialog, lambda w: rules.RulesDialog(
            w.county, w.county.points.rule_set(2026, Scope.TOWNSHIP), True)),
        Entry("rules_station", rules.RulesDialog, lambda w: rules.RulesDialog(
            s(w), s(w).points.rule_set(2026, Scope.TOWNSHIP), False)),
        Entry("disputes", disputes.DisputesDialog,
              lambda w: disputes.DisputesDialog(w.county, 2026)),
        Entry("fund_limits", programme_limits.FundLimitsDialog,
              lambda w: programme_limits.FundLimitsDialog(w.county, 2026, TODAY)),
        Entry("enrol", enrol.EnrolDialog, lambda w: enrol.EnrolDialog({}, lambda *_: False)),
        Entry("enrolled_sites", enrol.EnrolledSitesDialog,
              lambda w: enrol.EnrolledSitesDialog(w.county.enrolment.enrolled(), True)),
        Entry("ledger", ledger.LedgerDialog, lambda w: ledger.LedgerDialog(s(w), TODAY)),
        Entry("ledger_sign_in", ledger.LedgerDialog,
              lambda w: ledger.LedgerDialog(s(w), TODAY, "sign-in")),
        Entry("import_plan", import_plan.ImportPlanDialog, _import_plan),
        Entry("bundle_plan", bundle_plan.BundlePlanDialog, _bundle_plan("one")),
        Entry("bundle_plan_already", bundle_plan.BundlePlanDialog, _bundle_plan("already")),
        Entry("bundle_plan_refused", bundle_plan.BundlePlanDialog, _bundle_plan("refused")),
        Entry("audit_log", audit_log.AuditLogDialog, lambda w: audit_log.AuditLogDialog(s(w))),
        Entry("sign_in", sign_in.SignInDialog,
              lambda w: sign_in.SignInDialog(s(w).access, w.names["station"])),
        Entry("password_own", sign_in.PasswordDialog,
              lambda w: sign_in.PasswordDialog(s(w).access, "lixm", own=True)),
        Entry("password_set", sign_in.PasswordDialog,
              lambda w: sign_in.PasswordDialog(s(w).access, "wangf", own=False)),
        Entry("users", users.UsersDialog, lambda w: users.UsersDialog(s(w).access)),
        Entry("user_add", users.AddUserDialog, lambda w: users.AddUserDialog(s(w).access)),
        Entry("retention", retention.RetentionDialog,
              lambda w: retention.RetentionDialog(s(w), TODAY, s(w).backups.folder)),
        Entry("backup_to_usb", backup_to_usb.BackupToUsbDialog,
              lambda w: backup_to_usb.BackupToUsbDialog(w.folder / "stick", lambda _p: None)),
        Entry("restore", restore.RestoreDialog,
              lambda w: restore.RestoreDialog(s(w).backups.choices())),
        Entry("recovery", recovery.RecoveryDialog, lambda w: recovery.RecoveryDialog(
            w.folder / "station.sqlite", w.folder / "station.damaged-20260615-0930.sqlite",
            s(w).backups.choices()[0])),
        Entry("recovery_no_backup", recovery.RecoveryDialog, lambda w: recovery.RecoveryDialog(
            w.folder / "station.sqlite", None, None)),
        Entry("error", error_dialog.ErrorDialog, _error(False)),
        Entry("error_details", error_dialog.ErrorDialog, _error(True)),
        Entry("print_preview", print_preview.PrintPreviewDialog, _preview),
        Entry("progress", tasks._ProgressDialog, _progress),
        Entry("already_open", QMessageBox, _already_open),
        Entry("about", QMessageBox, _about),
        Entry("confirm", QMessageBox, _confirm),
        Entry("error_box", QMessageBox, _error_box),
        Entry("choose", QInputDialog, _choose),
        Entry("passphrase", QInputDialog, _passphrase),
    ]  # fmt: skip
    for action in steps_actions():
        out.append(Entry(f"step_{action.name.lower()}", steps.StepDialog, _step(action)))
    for kind in SPECS:
        out.append(Entry(f"programme_{kind}", programme.ProgrammeDialog, _programme(kind)))
    return out


def steps_actions() -> tuple[CaseAction, ...]:
    from desktop.ui.case_detail import STEP_BUTTONS

    return STEP_BUTTONS


ENTRIES: dict[str, Entry] = {e.name: e for e in _entries()}


def build(name: str, world: World) -> QDialog:
    dialog = ENTRIES[name].build(world)
    assert type(dialog) is ENTRIES[name].cls, (name, type(dialog))
    return dialog


def dialogs(world: World) -> Iterator[tuple[str, QDialog]]:
    for name in ENTRIES:
        yield name, build(name, world)


def dialog_classes() -> set[type]:
    """Every QDialog subclass defined in desktop.ui (each of its modules imported)."""
    import desktop.ui

    for info in pkgutil.walk_packages(desktop.ui.__path__, "desktop.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo: list[type] = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("desktop.ui"):
                found.add(sub)
    return found
