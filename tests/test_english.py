"""The English interface (``--lang en``) shows no Chinese: on a county whose data is all Latin,
every tab, page, menu, header, chart label, tooltip and placeholder is English. (Paper stays
Chinese: ledgers, workbooks and the annual report are read by inspectors.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop.db.models import Department
from desktop.domain.enums import DepartmentLevel, SiteRole
from desktop.domain.errors import ServiceError
from desktop.domain.figures import Month, PointBand, Unnamed
from desktop.domain.points import Scope as PointsScope
from desktop.domain.points import example_rule_set
from desktop.domain.records import (
    ActivityDraft,
    CaseDraft,
    DeputyDraft,
    DutyDayDraft,
    ParticipantDraft,
    SiteDraft,
    VisitDraft,
)
from desktop.domain.workflow import CaseAction
from desktop.services import Services, open_services
from desktop.services.audit import describe
from desktop.ui import tasks
from desktop.ui.banner import ClockBanner
from desktop.ui.i18n import install_translators, label, message, paper_label
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import UiSettings
from desktop.ui.tab_specs import TAB_SPECS
from tests import dialog_catalogue as catalogue

TODAY = dt.date(2026, 6, 15)
YEAR = 2026
CJK = catalogue.CJK
ROWS_READ = 30  # cells read per table: enough for every state and kind the data has


@pytest.fixture
def english(qapp) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_CN")  # later tests expect the shipped Chinese


def _latin_county(path: Path) -> Services:
    """A county office with two townships, three stations (enrolled), deputies, duty days,
    visits, cases in several states, activities, programme records and its own points rules:
    every name Latin (the shipped categories and kinds renamed, as a county may)."""
    svc = open_services(path, today=lambda: TODAY)
    svc.site.initialise(SiteDraft(SiteRole.COUNTY, "RC", "Riverside County Office"))
    catalogue.latin_reference(svc)
    with svc.db.write() as s:
        s.add(Department(code="WB", name="Water Bureau", level=DepartmentLevel.COUNTY.value))
    for scope in PointsScope:
        rules = example_rule_set(YEAR, scope)
        svc.points.save_rule_set(
            dataclasses.replace(
                rules,
                id=f"riverside-{scope.value}",
                name="Riverside points rules",
                example=False,
                items=tuple(dataclasses.replace(i, name=f"Item {i.code}") for i in rules.items),
            )
        )
    places = (
        ("S01", "Oak Hill Station", "North Town"),
        ("S02", "Mill Lane Station", "North Town"),
        ("S03", "Ferry Road Station", "South Town"),
    )
    stations = []
    for code, name, town in places:
        stations.append(svc.reference.add_station(code, name, town).id)
        svc.enrolment.enroll_site(code, name, SiteRole.STATION, town, "a passphrase", TODAY)
    people = ("Ann Lee", "Bo Chen", "Cai Wen", "Dan Wu", "Eve Ma", "Fay Lin")
    deputies = [
        svc.deputies.create(
            DeputyDraft(
                name,
                ethnicity="Han",
                is_county_level=i == 0,
                constituency="Ward 1",
                workplace="Farm",
                occupation="Farmer",
                term="18th",
                household_sign=True,
                station_ids=(stations[i % 3], stations[(i + 1) % 3])[: 1 + i % 2],
            )
        ).id
        for i, name in enumerate(people)
    ]
    for month in range(1, 6):
        for i, station in enumerate(stations):
            day = dt.date(YEAR, month, 3 + i)
            duty = svc.duty_days.create(
                DutyDayDraft(
                    station,
                    day,
                    deputy_ids=(deputies[i], deputies[i + 3]),
                    people_received=4,
                    summary="Roads and water",
                )
            )
            svc.visits.create(
                VisitDraft(
                    station,
                    day,
                    visitor_ids=(deputies[i], deputies[i + 3]),
                    visited_people="Farmers",
                    people_count=3,
                    summary="Harvest",
                )
            )
            svc.feedback.register(
                CaseDraft(
                    station,
                    day,
                    person_name="Gus Hall",
                    village="Elm Village",
                    category_id=svc.reference.categories()[month].id if i else None,
                    content="The street light is out",
                    deputy_ids=(deputies[i], deputies[i + 3]),
                    duty_day_id=duty.id,
                )
            )
    department = svc.reference.departments()[0].id
    cases = svc.feedback.page()
    for n, case in enumerate(cases.rows[:8]):
        svc.casework.refer(case.id, department, referred_on=case.received_date)
        if n % 2:
            reply = {"text": "Fixed", "replied_on": str(case.received_date), "outcome": "A"}
            svc.casework.act(case.id, CaseAction.REPLY, reply)
    kinds = {k.code: k.id for k in svc.reference.activity_kinds()}
    for n, code in enumerate(("inspection", "training", "suggestion", "court_hearing")):
        svc.activities.create(
            ActivityDraft(
                kinds[code],
                dt.date(YEAR, 2 + n, 10),
                stations[n % 3],
                title=f"Activity {n}",
                location="Town hall",
                participants=tuple(ParticipantDraft(d) for d in deputies),
            )
        )
    save = svc.programmes.save
    project = save("projects", {"year": YEAR, "title": "Clean water", "budget_fen": 100_000})
    save(
        "project-votes",
        {
            "project_id": project.id,
            "kind": "selection",
            "year": YEAR,
            "day": dt.date(YEAR, 1, 8),
            "present": 50,
            "issued": 50,
            "valid": 50,
            "invalid": 0,
            "first": 45,
            "second": 3,
            "abstain": 2,
        },
    )
    save(
        "fund-projects",
        {
            "year": YEAR,
            "title": "Bridge repair",
            "station_id": stations[0],
            "stage": "applied",
            "requested_fen": 50_000,
            "applied_on": dt.date(YEAR, 3, 1),
        },
    )
    draft = save("drafts", {"title": "Rivers Act (draft)", "received_on": dt.date(YEAR, 3, 1)})
    save(
        "draft-comments",
        {
            "draft_id": draft.id,
            "received_on": dt.date(YEAR, 3, 5),
            "station_id": stations[0],
            "content": "Clearer duties",
            "reported": True,
        },
    )
    save(
        "legislative-contacts", {"kind": "point", "name": "North Point", "station_id": stations[0]}
    )
    save(
        "training",
        {
            "day": dt.date(YEAR, 4, 2),
            "level": "county",
            "topic": "Duties",
            "hours": 6,
            "attendee_ids": tuple(deputies[:3]),
        },
    )
    judge = save(
        "legal-officers", {"name": "Judge Hu", "body": "court", "station_ids": (stations[0],)}
    )
    save(
        "legal-events",
        {
            "day": dt.date(YEAR, 4, 20),
            "station_id": stations[0],
            "officer_id": judge.id,
            "kind": "mediation",
            "people": 4,
            "outcome": "settled",
            "topic": "Land",
        },
    )
    save(
        "stories",
        {
            "published_on": dt.date(YEAR, 5, 2),
            "kind": "media",
            "title": "A good deputy",
            "deputy_ids": (deputies[0],),
            "outlet": "Daily News",
        },
    )
    return svc


# --- what is on screen ----------------------------------------------------------------------


def _menu_texts(actions: list, where: str, out: list[tuple[str, str]]) -> None:
    for action in actions:
        out.append((where, action.text()))
        out.append((where + " tooltip", action.toolTip()))
        menu: QMenu | None = action.menu()
        if menu is not None:
            out.append((where, menu.title()))
            _menu_texts(menu.actions(), f"{where} > {action.text()}", out)


def _model_texts(view: QAbstractItemView, where: str, out: list[tuple[str, str]]) -> None:
    model = view.model()
    if model is None:
        return
    for c in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            out.append(
                (f"{where} header", str(model.headerData(c, Qt.Orientation.Horizontal, role) or ""))
            )
    rows: list[QModelIndex] = [QModelIndex()]
    seen = 0
    while rows and seen < 200:  # trees too: a row's children after it
        parent = rows.pop(0)
        for r in range(min(model.rowCount(parent), ROWS_READ)):
            seen += 1
            for c in range(model.columnCount(parent)):
                index = model.index(r, c, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        out.append((f"{where} cell {r},{c}", value))
            first = model.index(r, 0, parent)
            if first.isValid() and model.rowCount(first) > 0:
                rows.append(first)


def _chart_texts(view: QChartView, where: str, out: list[tuple[str, str]]) -> None:
    chart = view.chart()
    out.append((where, chart.title()))
    for axis in chart.axes():
        out.append((f"{where} axis", axis.titleText()))
        if hasattr(axis, "categories"):
            out.extend((f"{where} axis", c) for c in axis.categories())
    for marker in chart.legend().markers():
        out.append((f"{where} legend", marker.label()))
    for series in chart.series():
        out.append((f"{where} series", series.name()))
        for bar_set in getattr(series, "barSets", list)():
            out.append((f"{where} set", bar_set.label()))


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything ``root`` shows now."""
    out: list[tuple[str, str]] = [("title", root.windowTitle())]
    if isinstance(root, QMainWindow):
        _menu_texts(root.menuBar().actions(), "menu", out)
        out.append(("status", root.statusBar().currentMessage()))
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = f"{type(w).__name__} {w.objectName()}".strip()
        out.append((f"{where} tooltip", w.toolTip()))
        out.append((f"{where} status tip", w.statusTip()))
        if isinstance(w, QLabel | QAbstractButton):
            out.append((where, w.text()))
        if isinstance(w, QGroupBox):
            out.append((where, w.title()))
        if isinstance(w, QLineEdit):
            out.extend(((where, w.placeholderText()), (where, w.text())))
        if isinstance(w, QTextEdit | QPlainTextEdit):
            out.extend(((where, w.placeholderText()), (where, w.toPlainText())))
        if isinstance(w, QComboBox):
            out.append((where, w.placeholderText()))
            out.extend((where, w.itemText(i)) for i in range(w.count()))
        if isinstance(w, QSpinBox | QAbstractSpinBox):
            out.append((where, w.specialValueText()))
            out.extend(
                (where, getattr(w, name)()) for name in ("prefix", "suffix") if hasattr(w, name)
            )
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                out.extend(((where, w.tabText(i)), (where, w.tabToolTip(i))))
        if isinstance(w, QHeaderView):
            continue  # its table's model, read with the table
        if isinstance(w, QListWidget):
            out.extend((where, w.item(i).text()) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView):
            _model_texts(w, where, out)
        if isinstance(w, QChartView):
            _chart_texts(w, where, out)
    return out


def chinese(texts: list[tuple[str, str]]) -> list[str]:
    return sorted({f"{where}: {text!r}" for where, text in texts if CJK.search(text or "")})


# --- the test ---------------------------------------------------------------------------------


def _look(qtbot, window: MainWindow, texts: list[tuple[str, str]]) -> None:
    """What the window shows, then again with the first row of each table chosen (a case's
    detail, a deputy's register, a record's chain)."""
    qtbot.wait(30)
    tab = window.tabs.tabText(window.tabs.currentIndex())
    texts.extend((f"{tab}: {where}", text) for where, text in visible_texts(window))
    for view in window.tabs.currentWidget().findChildren(QAbstractItemView):
        if isinstance(view, QTableView | QTreeView) and view.isVisibleTo(window):
            model = view.model()
            if model is not None and model.rowCount() > 0:
                view.setCurrentIndex(model.index(0, 0))
                qtbot.wait(30)
                shown = visible_texts(window)
                texts.extend((f"{tab}, a row chosen: {where}", text) for where, text in shown)


def _every_page(qtbot, window: MainWindow, texts: list[tuple[str, str]]) -> None:
    """The tab on screen, then each page of its inner tab widgets and section lists."""
    _look(qtbot, window, texts)
    tab = window.tabs.currentWidget()
    for inner in tab.findChildren(QTabWidget):
        for i in range(inner.count()):
            if inner.isTabVisible(i):
                inner.setCurrentIndex(i)
                _look(qtbot, window, texts)
    for chooser in tab.findChildren(QListWidget):
        if chooser.isVisibleTo(window):
            for i in range(chooser.count()):
                chooser.setCurrentRow(i)
                _look(qtbot, window, texts)


def _overview(qtbot, window: MainWindow, texts: list[tuple[str, str]]) -> None:
    """The figures with their charts, then the reporting completeness."""
    dash = window.dashboard_tab
    with qtbot.waitSignal(dash.figures_shown, timeout=30_000):
        window.tabs.setCurrentWidget(dash)
    qtbot.wait(30)  # the charts, added with the first figures, show after a turn
    assert dash.charts["cases_per_month"].categories[0] == "Jan"
    assert "Uncategorised" in dash.charts["cases_by_category"].categories
    texts.extend((f"Overview: {where}", text) for where, text in visible_texts(window))
    with qtbot.waitSignal(dash.completeness_shown, timeout=30_000):
        dash.pages.setCurrentIndex(1)
    assert dash.completeness.model.rowCount() == 3
    texts.extend((f"Completeness: {where}", text) for where, text in visible_texts(window))
    dash.pages.setCurrentIndex(0)


def test_the_english_window_shows_no_chinese(qtbot, english, tmp_path: Path) -> None:
    services = _latin_county(tmp_path / "county.sqlite")
    window = MainWindow(UiSettings(tmp_path / "ui.ini"), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 800)
    window.show()
    texts: list[tuple[str, str]] = []
    try:
        window.attach(services)
        for index, (attr, *_rest) in enumerate(TAB_SPECS):
            if attr == "dashboard_tab":
                _overview(qtbot, window, texts)
            else:
                window.tabs.setCurrentIndex(index)
                _every_page(qtbot, window, texts)
    finally:
        assert tasks.cancel_all()
        window.close()
        services.close()
    assert window.tabs.tabText(0) == "Deputies"
    assert any(text == "Oak Hill Station" for _where, text in texts)  # the data is there too
    found = chinese(texts)
    assert found == [], "\n".join(found)


def test_refusals_and_the_audit_log_name_programmes_in_the_readers_language(
    qapp, english, tmp_path: Path
) -> None:
    services = _latin_county(tmp_path / "county.sqlite")
    try:
        draft = services.programmes.rows("drafts", year=YEAR)[0]
        with pytest.raises(ServiceError) as still_used:  # a comment refers to it
            services.programmes.delete("drafts", draft.id)
        story = services.programmes.rows("stories", year=YEAR)[0]
        services.programmes.delete("stories", story.id)
        target = services.audit.rows(limit=1)[0].target
    finally:
        services.close()
    assert target == "stories: A good deputy"  # stored alike whatever the PC's language
    english_texts = (message(still_used.value), describe(target, QCoreApplication.translate))
    install_translators(qapp, "zh_CN")
    chinese_texts = (message(still_used.value), describe(target, QCoreApplication.translate))
    assert not any(CJK.search(text) for text in english_texts), english_texts
    assert english_texts[1] == "Stories and media reports: A good deputy"
    assert not re.search(r"[A-Za-z]{2,}", chinese_texts[0]), (
        chinese_texts
    )  # not "Comments on drafts"
    assert chinese_texts[1] == "先进事迹与媒体报道：A good deputy"


def test_the_words_of_charts_and_dates_in_english_in_chinese_and_on_paper(qapp, english) -> None:
    warning = SimpleNamespace(kind="behind", today=dt.date(2025, 3, 5), evidence=TODAY)
    banner = ClockBanner()
    banner.show_warning(warning)
    english_banner = banner.text()
    screen = [label(m) for m in (Month.JAN, Month.DEC, PointBand.FROM_30, Unnamed.CATEGORY)]
    paper = [paper_label(m) for m in (Month.JAN, PointBand.FROM_0, PointBand.FROM_30)]
    install_translators(qapp, "zh_CN")
    banner.show_warning(warning)
    assert "Mar 5, 2025" in english_banner and "Jun 15, 2026" in english_banner
    assert "2025年3月5日" in banner.text() and "2026年6月15日" in banner.text()
    assert screen == ["Jan", "Dec", "30+", "Uncategorised"]
    assert paper == ["1月", "0–5分", "30分以上"]  # the annual report prints Chinese
    assert [label(m) for m in Month] == [f"{n}月" for n in range(1, 13)]
    assert label(PointBand.FROM_25) == "25–30分" and label(Unnamed.CATEGORY) == "未分类"
