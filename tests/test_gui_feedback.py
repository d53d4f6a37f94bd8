"""Every step of a feedback case walked through the feedback tab, as a clerk would."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.db.models import Department
from desktop.domain.enums import CaseState, DepartmentLevel
from desktop.domain.records import CaseDraft
from desktop.domain.workflow import AnswerMethod, CaseAction, Outcome, Satisfaction
from desktop.ui.dialogs.steps import StepDialog
from desktop.ui.i18n import install_translators
from desktop.ui.tabs.feedback import FeedbackTab
from tests.gui_helpers import when_modal

A = CaseAction
TODAY = dt.date(2026, 6, 15)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def tab(qtbot, qapp, services):
    install_translators(qapp, "zh_CN")
    with services.db.write() as s:
        for code, name in (("JSB", "镇建设办"), ("SLZ", "镇水利站")):
            s.add(
                Department(
                    id=uuid.uuid4(), code=code, name=name, level=DepartmentLevel.TOWNSHIP.value
                )
            )
    station = services.site.current().station_id
    services.feedback.register(
        CaseDraft(station, TODAY, person_name="赵大山", phone="13912345678", content="村口路灯不亮")
    )
    widget = FeedbackTab(lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.attach(services)
    widget.table.selectRow(0)
    return widget


def _step(qtbot, tab: FeedbackTab, action: CaseAction, fill) -> None:
    button = tab.detail.buttons[action]
    assert button.isEnabled(), action
    done = when_modal(StepDialog, fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert done, action


def _pick(combo, member) -> None:
    combo.setCurrentIndex(combo.findData(member.value))


def test_refer_reply_answer_back_close(qtbot, tab: FeedbackTab) -> None:
    detail = tab.detail
    assert not detail.buttons[A.REPLY].isEnabled()  # only what the state allows

    def refer(d: StepDialog) -> None:
        d.save()  # no department chosen: refused beside the field, in Chinese
        assert "必填" in d.field_error("department_id")
        d.department.setCurrentIndex(1)
        assert "2026" in d.deadline_label.text()
        d.save()

    _step(qtbot, tab, A.REFER, refer)
    assert tab.model.row_at(0).state is CaseState.REFERRED
    qtbot.waitUntil(lambda: tab.count_buttons[CaseState.REFERRED].text().endswith(" 1"))

    def reply(d: StepDialog) -> None:
        _pick(d.outcome, Outcome.BEING_SOLVED)
        d.text.setPlainText("已安排电工检修")
        d.save()

    _step(qtbot, tab, A.REPLY, reply)

    def answer(d: StepDialog) -> None:
        _pick(d.method, AnswerMethod.PHONE)
        _pick(d.satisfaction, Satisfaction.SATISFIED)
        d.save()

    _step(qtbot, tab, A.ANSWER_BACK, answer)
    _step(qtbot, tab, A.CLOSE, lambda d: d.save())
    case = tab.model.row_at(0)
    assert case.state is CaseState.CLOSED and case.follow_up  # outcome B stays on the list
    timeline = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert len(timeline) == 5 and "交办" in timeline[1] and "办结" in timeline[-1]
    qtbot.waitUntil(lambda: "1" in tab.count_buttons["follow_up"].text())

    def follow_up(d: StepDialog) -> None:
        _pick(d.outcome, Outcome.SOLVED)
        d.text.setPlainText("路灯已修复")
        d.save()

    _step(qtbot, tab, A.FOLLOW_UP_REPLY, follow_up)
    assert not tab.model.row_at(0).follow_up


def test_not_accept_and_escalate_and_return(qtbot, tab: FeedbackTab, services) -> None:
    def escalate(d: StepDialog) -> None:
        d.note_text.setPlainText("涉及多个部门")
        d.save()

    _step(qtbot, tab, A.ESCALATE, escalate)
    assert tab.model.row_at(0).escalated and not tab.detail.buttons[A.ESCALATE].isEnabled()

    def refer(d: StepDialog) -> None:
        d.department.setCurrentIndex(1)
        d.save()

    _step(qtbot, tab, A.REFER, refer)

    def give_back(d: StepDialog) -> None:
        d.reason.setPlainText("不属本单位职责")
        d.save()

    _step(qtbot, tab, A.RETURN, give_back)
    assert tab.model.row_at(0).state is CaseState.REGISTERED

    def not_accept(d: StepDialog) -> None:
        d.reason.setPlainText("属于民事纠纷")
        d.where_to_go.setText("向人民法院起诉")
        d.save()

    _step(qtbot, tab, A.NOT_ACCEPT, not_accept)
    _step(qtbot, tab, A.CLOSE, lambda d: d.save())
    assert tab.model.row_at(0).state is CaseState.CLOSED


def test_merge_and_answer_on_spot(qtbot, tab: FeedbackTab, services) -> None:
    station = services.site.current().station_id
    services.feedback.register(CaseDraft(station, TODAY, person_name="钱小红", content="路灯"))
    tab.reload()
    tab.table.selectRow(0)

    def merge(d: StepDialog) -> None:
        d.into.setCurrentIndex(1)
        d.save()

    _step(qtbot, tab, A.MERGE, merge)
    assert tab.selected_row().merged_into_id is not None
    tab.table.selectRow(1)

    def on_spot(d: StepDialog) -> None:
        d.text.setPlainText("已现场解释政策")
        d.save()

    _step(qtbot, tab, A.ANSWER_ON_SPOT, on_spot)
    assert tab.selected_row().state is CaseState.ANSWERED_ON_SPOT


def test_phone_is_masked_until_revealed_and_deadlines_stand_out(qtbot, tab, services) -> None:
    detail = tab.detail

    def shown():
        return detail.facts_shown()

    assert "139****5678" in shown() and "13912345678" not in shown()
    qtbot.mouseClick(detail.reveal_button, Qt.MouseButton.LeftButton)
    assert "13912345678" in shown()
    case = tab.selected_row()
    dept = services.reference.departments()[0].id
    services.casework.refer(case.id, dept, referred_on=dt.date(2026, 1, 5))
    tab.reload()
    marker = tab.model.data(tab.model.index(0, 3), Qt.ItemDataRole.DecorationRole)
    background = tab.model.data(tab.model.index(0, 3), Qt.ItemDataRole.BackgroundRole)
    assert marker is not None and background is not None  # an icon, not colour alone
    qtbot.waitUntil(lambda: "1" in tab.count_buttons["overdue"].text())
    qtbot.mouseClick(tab.count_buttons["overdue"], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and tab.current_filter().flag == "overdue"


def test_attachments_and_slips(
    qtbot, tab: FeedbackTab, services, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui import prompts
    from desktop.ui.print_preview import PrintPreviewDialog

    scan = tmp_path / "来信.png"
    scan.write_bytes(PNG)
    tab.detail.attach_path(scan)
    assert tab.detail.attachments.count() == 1
    errors: list[str] = []
    monkeypatch.setattr(prompts, "error", lambda _p, _t, text: errors.append(text))
    (tmp_path / "x.exe").write_bytes(b"MZ" + b"\x00" * 100)
    tab.detail.attach_path(tmp_path / "x.exe")
    assert errors and "PDF" in errors[0] and tab.detail.attachments.count() == 1
    case = tab.selected_row()
    services.casework.refer(case.id, services.reference.departments()[0].id, referred_on=TODAY)
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(prompts, "save_path", lambda *a, **k: target)
    tab.reload()
    tab.table.selectRow(0)
    assert tab.detail.print_referral.isEnabled() and not tab.detail.print_reply.isEnabled()
    qtbot.mouseClick(tab.detail.print_referral, Qt.MouseButton.LeftButton)

    def previews() -> list[PrintPreviewDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog)]

    qtbot.waitUntil(lambda: any(d.isVisible() for d in previews()), timeout=10_000)
    preview = next(d for d in previews() if d.isVisible())
    assert preview.page_count() >= 1
    assert preview.save_as() == target and target.read_bytes().startswith(b"%PDF")
    preview.close()


def test_a_conflict_is_settled_in_the_detail_pane(qtbot, tab: FeedbackTab, services) -> None:
    from desktop.db.models import CaseEvent, FeedbackCase
    from desktop.ui.dialogs.resolve import ResolveDialog

    case = tab.selected_row()
    dept = services.reference.departments()[0].id
    services.casework.refer(case.id, dept, referred_on=TODAY)
    with services.db.write(remote=True) as s:  # a station and the county replied at once
        head = s.get(FeedbackCase, case.id).last_event_id
        for site, text in ((uuid.uuid4(), "站点答复"), (uuid.uuid4(), "县里答复")):
            s.add(
                CaseEvent(
                    id=uuid.uuid4(),
                    case_id=case.id,
                    previous_id=head,
                    kind="replied",
                    state_after="replied",
                    site_id=site,
                    actor=text,
                    payload=json.dumps({"text": text, "replied_on": "2026-06-15", "outcome": "A"}),
                )
            )
        s.flush()
        services.casework.refold(s, case.id)
    tab.reload()
    detail = tab.detail
    assert tab.selected_row().conflict and detail.resolve_button.isVisible()
    assert not any(b.isEnabled() for b in detail.buttons.values())

    def keep_first(d: ResolveDialog) -> None:
        d.save()
        assert d.field_error("branch")  # nothing chosen yet
        d.choice.button(0).setChecked(True)
        d.save()

    done = when_modal(ResolveDialog, keep_first)
    qtbot.mouseClick(detail.resolve_button, Qt.MouseButton.LeftButton)
    assert done
    settled = tab.selected_row()
    assert not settled.conflict and settled.state is CaseState.REPLIED
    assert not detail.resolve_button.isVisible() and detail.buttons[A.ANSWER_BACK].isEnabled()


def test_a_workflow_refusal_is_explained_in_chinese(qtbot, tab: FeedbackTab, services) -> None:
    case = tab.selected_row()
    services.casework.refer(
        case.id, services.reference.departments()[0].id, referred_on=dt.date(2026, 5, 1)
    )  # the 7-working-day window is over
    tab.reload()
    assert not tab.detail.buttons[A.RETURN].isEnabled()  # not offered outside its window
    dialog = StepDialog(services, tab.selected_row(), A.RETURN, TODAY)  # and refused if forced
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("不属本单位职责")
    dialog.save()
    assert "退回期限" in dialog.field_error("returned_on")
    assert services.feedback.get(case.id).state is CaseState.REFERRED
