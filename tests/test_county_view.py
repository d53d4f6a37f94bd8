"""The county office's view (township filter, origin column) and a station's Sent column."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desktop.domain.enums import SiteRole
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
from desktop.domain.workflow import CaseAction
from desktop.services import Services, open_services
from desktop.sync import crypto
from desktop.ui.tabs.activities import ActivitiesTab
from desktop.ui.tabs.base import ORIGIN, SENT, SENT_STATES, find_data
from desktop.ui.tabs.deputies import DeputiesTab
from desktop.ui.tabs.duty import DutyDaysTab, VisitsTab
from desktop.ui.tabs.feedback import FeedbackTab

TODAY = dt.date(2026, 6, 15)
SECRET = "联络站口令 2026"
COUNTY = "新桥县人大常委会"
STATIONS = {
    "WJ-01": ("望江镇第一联络站", "望江镇"),
    "WJ-02": ("望江镇第二联络站", "望江镇"),  # no PC of its own: the county types its records
    "XS-01": ("西山镇第一联络站", "西山镇"),
}
SENDING = ("WJ-01", "XS-01")
TABS = [DeputiesTab, DutyDaysTab, VisitsTab, FeedbackTab, ActivitiesTab]


@dataclass
class World:
    county: Services
    stations: dict[str, Services]  # the stations with a PC, by code
    station_ids: dict[str, uuid.UUID]
    township_ids: dict[str, uuid.UUID]
    usb: Path


def _records(services: Services, station_id: uuid.UUID, code: str, deputy: uuid.UUID) -> None:
    """A duty day, a visit, a case and an activity of ``code``, each naming it in its text."""
    services.duty_days.create(
        DutyDayDraft(station_id, TODAY, deputy_ids=(deputy,), summary=f"{code} 接待")
    )
    services.visits.create(
        VisitDraft(station_id, TODAY, other_visitors="镇人大主席", visited_people="村民",
                   summary=f"{code} 走访")
    )  # fmt: skip
    services.feedback.register(
        CaseDraft(station_id, TODAY, person_name="赵大山", content=f"{code} 村口路灯不亮")
    )
    kind = services.reference.activity_kinds()[0].id
    present = (ParticipantDraft(deputy),)
    services.activities.create(
        ActivityDraft(kind, TODAY, station_id, f"{code} 视察", participants=present)
    )


def _send(sender: Services, receiver: Services, usb: Path, to: uuid.UUID | None = None) -> None:
    recipient = to or sender.bundles.recipients()[0].site_id
    for path in sender.bundles.export(recipient, usb).files:
        receiver.bundles.apply(path)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """A county with three stations in two townships: two stations send their records in
    bundles, the county types the third one's."""
    root = tmp_path_factory.mktemp("county")
    opened: list[Services] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crypto, "DEFAULT_SCRYPT", (4, 1, 1))  # milliseconds, tests only
        county = open_services(root / "county.sqlite", today=lambda: TODAY)
        opened.append(county)
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", COUNTY))
        blobs = {
            code: county.enrolment.enroll_site(code, name, SiteRole.STATION, town, SECRET, TODAY)
            for code, (name, town) in STATIONS.items()
        }
        station_ids = {s.code: s.id for s in county.reference.stations()}
        township_ids = {t.name: t.id for t in county.reference.townships()}
        usb = root / "usb"
        usb.mkdir()
        stations: dict[str, Services] = {}
        for code in SENDING:
            station = open_services(root / f"{code}.sqlite", today=lambda: TODAY)
            opened.append(station)
            station.enrolment.accept(blobs[code], SECRET)
            # A deputy typed at the station waits in the county roster as its entry.
            deputy = station.deputies.create(
                DeputyDraft(f"{code[:2]}代表", station_ids=(station_ids[code],))
            )
            _records(station, station_ids[code], code, deputy.id)
            _send(station, county, usb)
            stations[code] = station
        deputy = county.deputies.create(DeputyDraft("张晓明", station_ids=(station_ids["WJ-02"],)))
        _records(county, station_ids["WJ-02"], "WJ-02", deputy.id)
        yield World(county, stations, station_ids, township_ids, usb)
    for services in opened:
        services.close()


def _codes(rows) -> set[str]:
    """Which stations' records: each record's text starts with its station's code."""
    found = set()
    for r in rows:
        text = getattr(r, "content", None) or getattr(r, "summary", None) or r.title
        found.add(text.split(" ", 1)[0])
    return found


# --- services ---------------------------------------------------------------------------


def test_the_township_filter_lists_exactly_its_stations_records(world: World) -> None:
    c = world.county
    wangjiang = ListFilter(township_id=world.township_ids["望江镇"])
    xishan = ListFilter(township_id=world.township_ids["西山镇"])
    for service in (c.duty_days, c.visits, c.feedback, c.activities):
        assert _codes(service.page().rows) == {"WJ-01", "WJ-02", "XS-01"}
        assert _codes(service.page(wangjiang).rows) == {"WJ-01", "WJ-02"}
        assert _codes(service.page(xishan).rows) == {"XS-01"}
        assert service.count(wangjiang) == 2 and service.count(xishan) == 1
        # A station of the other township gives nothing; of the same township, itself.
        wj01 = world.station_ids["WJ-01"]
        assert service.page(replace(xishan, station_id=wj01)).rows == ()
        assert _codes(service.page(replace(wangjiang, station_id=wj01)).rows) == {"WJ-01"}


def test_the_township_reaches_search_counts_and_flags(world: World) -> None:
    c = world.county
    town = world.township_ids["望江镇"]
    search = ListFilter(text="路灯", township_id=town)
    assert _codes(c.feedback.page(search).rows) == {"WJ-01", "WJ-02"}
    assert c.feedback.count(search) == 2
    assert c.feedback.count(ListFilter(text="路灯")) == 3
    # The counts bar leaves the per-state totals table for a township (it knows no stations).
    assert sum(c.feedback.state_counts(ListFilter(township_id=town)).values()) == 2
    assert sum(c.feedback.state_counts(ListFilter()).values()) == 3
    # Flags are counted with the township checked per row (the flag's own index leads).
    case = c.feedback.page(ListFilter(station_id=world.station_ids["WJ-02"])).rows[0]
    if not case.escalated:
        c.casework.act(case.id, CaseAction.ESCALATE, {"note": "需县里协调"})
    assert c.feedback.flag_counts(ListFilter(township_id=town))["escalated"] == 1
    other = ListFilter(township_id=world.township_ids["西山镇"])
    assert c.feedback.flag_counts(other)["escalated"] == 0
    assert c.feedback.count(replace(other, flag="escalated")) == 0
    # Visits search their text under the township too.
    found = c.visits.page(ListFilter(text="走访", township_id=town)).rows
    assert _codes(found) == {"WJ-01", "WJ-02"}


def test_the_township_filter_on_the_roster(world: World) -> None:
    c = world.county
    names = {d.name for d in c.deputies.list(ListFilter(township_id=world.township_ids["望江镇"]))}
    assert names == {"WJ代表", "张晓明"}
    names = {d.name for d in c.deputies.list(ListFilter(township_id=world.township_ids["西山镇"]))}
    assert names == {"XS代表"}


def test_origin_names_the_station_or_the_county(world: World) -> None:
    c = world.county
    expected = {"WJ-01": STATIONS["WJ-01"][0], "XS-01": STATIONS["XS-01"][0], "WJ-02": COUNTY}
    for service in (c.duty_days, c.visits, c.feedback, c.activities):
        rows = service.page().rows
        assert {_codes([r]).pop(): r.origin for r in rows} == expected
        assert all(r.change_seq > 0 and r.owner_site_id for r in rows)
    roster = {d.name: d.origin for d in c.deputies.list()}
    assert roster == {"WJ代表": STATIONS["WJ-01"][0], "XS代表": STATIONS["XS-01"][0],
                      "张晓明": COUNTY}  # fmt: skip
    case = c.feedback.page(ListFilter(station_id=world.station_ids["XS-01"])).rows[0]
    assert c.feedback.get(case.id).origin == STATIONS["XS-01"][0]


@pytest.fixture
def pair(tmp_path: Path, monkeypatch) -> Iterator[tuple[Services, Services, Path]]:
    """A county office and one enrolled station."""
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", (4, 1, 1))
    county = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    station = open_services(tmp_path / "station.sqlite", today=lambda: TODAY)
    try:
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", COUNTY))
        name, town = STATIONS["WJ-01"]
        blob = county.enrolment.enroll_site("WJ-01", name, SiteRole.STATION, town, SECRET, TODAY)
        station.enrolment.accept(blob, SECRET)
        usb = tmp_path / "usb"
        usb.mkdir()
        yield county, station, usb
    finally:
        county.close()
        station.close()


def test_sent_marks_follow_export_acknowledgement_and_edits(pair) -> None:
    county, station, usb = pair
    sid = station.site.current().station_id
    case = station.feedback.register(CaseDraft(sid, TODAY, person_name="赵大山", content="路灯"))
    deputy = station.deputies.create(DeputyDraft("李春燕", station_ids=(sid,)))
    day = station.duty_days.create(
        DutyDayDraft(sid, TODAY, deputy_ids=(deputy.id,), summary="接待")
    )

    def states() -> tuple[str, str]:
        marks = station.bundles.marks()
        return (
            marks.state(station.feedback.get(case.id).change_seq),
            marks.state(station.duty_days.get(day.id).change_seq),
        )

    assert states() == ("unsent", "unsent")
    county_id = station.bundles.recipients()[0].site_id
    files = station.bundles.export(county_id, usb).files
    assert states() == ("sent", "sent")
    for path in files:
        county.bundles.apply(path)
    assert states() == ("sent", "sent")  # the county has them, but has not said so yet
    _send(county, station, usb, county.bundles.recipients()[0].site_id)
    assert states() == ("confirmed", "confirmed")
    station.duty_days.update(
        day.id, DutyDayDraft(sid, TODAY, deputy_ids=(deputy.id,), summary="接待 3 人"), None
    )
    assert states() == ("confirmed", "unsent")
    # The county's copy at the station (its roster) is not the station's to send.
    roster = county.deputies.create(DeputyDraft("张晓明", station_ids=(sid,)))
    _send(county, station, usb, county.bundles.recipients()[0].site_id)
    assert station.deputies.get(roster.id).owner_site_id != station.site.current().id


# --- the tabs ---------------------------------------------------------------------------


def _tab(cls, qtbot, services: Services):
    tab = cls() if cls is DeputiesTab else cls(lambda: TODAY)
    qtbot.addWidget(tab)
    tab.attach(services)
    return tab


def _column(tab, title: str) -> int:
    titles = [c.title for c in tab.model.columns()]
    return titles.index(title)


def _shown(tab, title: str) -> bool:
    return not tab.table.isColumnHidden(_column(tab, title))


def _cells(tab, title: str) -> list[str]:
    c = _column(tab, title)
    return [tab.model.data(tab.model.index(r, c)) for r in range(tab.model.rowCount())]


@pytest.mark.parametrize("cls", TABS)
def test_the_county_sees_townships_and_origins(qtbot, qtmodeltester, world: World, cls) -> None:
    tab = _tab(cls, qtbot, world.county)
    assert not tab.township_filter.isHidden() and not tab.station_filter.isHidden()
    assert _shown(tab, ORIGIN) and not _shown(tab, SENT)
    assert set(_cells(tab, ORIGIN)) == {STATIONS["WJ-01"][0], STATIONS["XS-01"][0], COUNTY}
    qtmodeltester.check(tab.model, force_py=True)  # it keeps watching the resets below
    # Choosing a township narrows the station list and the rows.
    tab.township_filter.setCurrentIndex(
        find_data(tab.township_filter, world.township_ids["西山镇"])
    )
    stations = [tab.station_filter.itemText(i) for i in range(1, tab.station_filter.count())]
    assert stations == [STATIONS["XS-01"][0]]
    assert set(_cells(tab, ORIGIN)) == {STATIONS["XS-01"][0]}
    assert tab.current_filter().township_id == world.township_ids["西山镇"]
    tab.township_filter.setCurrentIndex(0)
    assert tab.station_filter.count() == 1 + len(STATIONS)


def test_a_station_chosen_survives_its_township(qtbot, world: World) -> None:
    tab = _tab(FeedbackTab, qtbot, world.county)
    tab.station_filter.setCurrentIndex(find_data(tab.station_filter, world.station_ids["WJ-02"]))
    tab.township_filter.setCurrentIndex(
        find_data(tab.township_filter, world.township_ids["望江镇"])
    )
    assert tab.station_filter.currentData() == world.station_ids["WJ-02"]
    assert set(_cells(tab, ORIGIN)) == {COUNTY}
    tab.township_filter.setCurrentIndex(
        find_data(tab.township_filter, world.township_ids["西山镇"])
    )
    assert tab.station_filter.currentData() is None  # not of that township: all of its stations
    assert set(_cells(tab, ORIGIN)) == {STATIONS["XS-01"][0]}


def _label(state: str) -> str:
    return QCoreApplication.translate("RegisterTab", SENT_STATES[state])


@pytest.mark.parametrize("cls", TABS)
def test_a_station_sees_no_filters_but_what_reached_the_county(
    qtbot, qtmodeltester, pair, cls
) -> None:
    county, station, usb = pair
    sid = station.site.current().station_id
    station.deputies.create(DeputyDraft("李春燕", station_ids=(sid,)))
    _records(station, sid, "WJ-01", station.deputies.list()[0].id)
    _send(station, county, usb)
    _send(county, station, usb, county.bundles.recipients()[0].site_id)  # acknowledged
    _records(station, sid, "WJ-01", station.deputies.list()[0].id)  # not sent yet
    tab = _tab(cls, qtbot, station)
    assert tab.township_filter.isHidden() and tab.station_filter.isHidden()
    assert not _shown(tab, ORIGIN)
    qtbot.waitUntil(lambda: _shown(tab, SENT))
    expected = {"DeputiesTab": {_label("confirmed")}}.get(
        cls.__name__, {_label("confirmed"), _label("unsent")}
    )
    assert set(_cells(tab, SENT)) == expected
    qtmodeltester.check(tab.model, force_py=True)


def test_a_station_never_enrolled_has_no_sent_column(qtbot, services) -> None:
    sid = services.site.current().station_id
    services.feedback.register(CaseDraft(sid, TODAY, person_name="赵大山", content="路灯"))
    tab = _tab(FeedbackTab, qtbot, services)
    tab.refresh_sent()  # as it runs after the rows: nobody to send to, no column
    assert tab.model.rowCount() == 1
    assert not _shown(tab, SENT) and not _shown(tab, ORIGIN)
    assert tab.station_filter.isHidden() and tab.township_filter.isHidden()


def test_the_county_feedback_tab_renders(qtbot, world: World) -> None:
    tab = _tab(FeedbackTab, qtbot, world.county)
    tab.resize(1500, 600)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: tab.count_buttons["overdue"].text() != "")
    tab.table.scrollTo(tab.model.index(0, _column(tab, ORIGIN)))  # where the station and origin are
    qtbot.wait(50)  # the count buttons lay out their new text
    header = tab.model.headerData(_column(tab, ORIGIN), Qt.Orientation.Horizontal)
    assert header == QCoreApplication.translate("Columns", ORIGIN)
    assert tab.grab().save("/tmp/county_view.png")


def test_after_an_export_the_marks_move_without_listing_again(qtbot, pair) -> None:
    _county, station, usb = pair
    sid = station.site.current().station_id
    station.feedback.register(CaseDraft(sid, TODAY, person_name="赵大山", content="路灯"))
    tab = _tab(FeedbackTab, qtbot, station)
    qtbot.waitUntil(lambda: _cells(tab, SENT) == [_label("unsent")])
    station.bundles.export(station.bundles.recipients()[0].site_id, usb)
    changed: list[int] = []
    tab.model.dataChanged.connect(lambda first, _last: changed.append(first.column()))
    tab.refresh_sent()
    assert _cells(tab, SENT) == [_label("sent")] and changed == [_column(tab, SENT)]


def test_a_township_centre_filters_by_station_and_sees_what_it_sent(
    qtbot, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(crypto, "DEFAULT_SCRYPT", (4, 1, 1))
    county = open_services(tmp_path / "county.sqlite", today=lambda: TODAY)
    centre = open_services(tmp_path / "centre.sqlite", today=lambda: TODAY)
    try:
        county.site.initialise(SiteDraft(SiteRole.COUNTY, "XQ", COUNTY))
        for code in ("WJ-01", "WJ-02"):
            name, town = STATIONS[code]
            county.enrolment.enroll_site(code, name, SiteRole.STATION, town, SECRET, TODAY)
        blob = county.enrolment.enroll_site(
            "WJ", "望江镇人大", SiteRole.TOWNSHIP, "望江镇", SECRET, TODAY
        )
        centre.enrolment.accept(blob, SECRET)
        centre_id = next(e.site_id for e in county.enrolment.enrolled() if e.code == "WJ")
        _send(county, centre, tmp_path, centre_id)  # the township's stations
        stations = {s.code: s.id for s in centre.reference.stations()}
        deputy = centre.deputies.create(DeputyDraft("李春燕", station_ids=(stations["WJ-01"],)))
        centre.feedback.register(
            CaseDraft(stations["WJ-02"], TODAY, person_name="赵大山", content="路灯")
        )
        tab = _tab(FeedbackTab, qtbot, centre)
        assert tab.township_filter.isHidden() and not tab.station_filter.isHidden()
        assert tab.station_filter.count() == 3 and not _shown(tab, ORIGIN)
        qtbot.waitUntil(lambda: _shown(tab, SENT))
        assert _cells(tab, SENT) == [_label("unsent")]
        assert deputy.origin == "望江镇人大"
    finally:
        county.close()
        centre.close()
