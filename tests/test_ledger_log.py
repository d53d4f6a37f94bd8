"""The log of ledgers printed: what is noted and for which station, its journey from the
stations to the county in their bundles, and the county's question "which months has each
station printed its monthly ledgers for?"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import LedgerPrint
from desktop.services import Services, open_services
from desktop.services.ledger_log import months_ended, printed_months
from desktop.services.ledgers import LedgerRequest
from tests.bundle_fixtures import Network
from tests.workbook_fixtures import fill, open_station

TODAY = dt.date(2026, 6, 15)


@contextmanager
def opened(path: Path, day: dt.date = TODAY) -> Iterator[Services]:
    services = open_services(path, today=lambda: day)
    try:
        yield services
    finally:
        services.close()


def logged(services: Services) -> list[tuple]:
    """(kind, year, month, output, rows, station, printed on) of every print, in one order."""
    p = LedgerPrint
    query = select(p.kind, p.year, p.month, p.output, p.rows, p.station_id, p.printed_on)
    with services.db.read() as s:
        return sorted((tuple(r) for r in s.execute(query)), key=str)  # a station may be None


def test_the_command_line_notes_each_ledger_it_writes(tmp_path: Path) -> None:
    db = tmp_path / "station.sqlite"
    services = open_station(db, TODAY)
    fill(services, TODAY)  # May: three duty days, four cases
    station = services.site.current().station_id
    services.close()

    def ledger(kind: str, out: str, *extra: str) -> int:
        return main(["ledger", kind, "--db", str(db), "--year", "2026", "--out",
                     str(tmp_path / out), *extra])  # fmt: skip

    assert ledger("duty-days", "may.pdf", "--month", "5") == 0
    assert ledger("feedback", "year.xlsx") == 0
    assert ledger("points", "refused.pdf", "--month", "5") == 2  # refused: nothing written
    today = dt.date.today()  # the command line's clock is the real one
    with opened(db) as services:
        assert logged(services) == [
            ("duty-days", 2026, 5, "pdf", 3, station, today),
            ("feedback", 2026, 0, "xlsx", 4, station, today),
        ]


def test_the_station_a_print_is_noted_for(tmp_path: Path) -> None:
    net = Network(tmp_path, ("WJ-03", "WJ-04"))
    try:
        wj03, wj04 = net.station_id("WJ-03"), net.station_id("WJ-04")
        # At a station, its own station, whatever the request names.
        net.stations["WJ-03"].ledgers.record_output(LedgerRequest("visits", 2026), "print", 2)
        # At the county: the station asked for, or none for every station's ledger.
        county = net.county.ledgers
        county.record_output(LedgerRequest("feedback", 2026, "WJ-04", month=2), "pdf", 5)
        county.record_output(LedgerRequest("activities", 2026), "xlsx", 9)
        assert logged(net.stations["WJ-03"]) == [("visits", 2026, 0, "print", 2, wj03, TODAY)]
        assert logged(net.county) == [
            ("activities", 2026, 0, "xlsx", 9, None, TODAY),
            ("feedback", 2026, 2, "pdf", 5, wj04, TODAY),
        ]
        with pytest.raises(ValueError):
            county.record_output(LedgerRequest("visits", 2026), "paper", 1)
    finally:
        net.close()


def test_months_a_whole_year_ledger_covers() -> None:
    assert list(months_ended(2026, dt.date(2026, 1, 30))) == []
    assert list(months_ended(2026, dt.date(2026, 1, 31))) == [1]  # January's last day
    assert list(months_ended(2026, dt.date(2026, 4, 29))) == [1, 2, 3]
    assert list(months_ended(2024, dt.date(2024, 2, 29))) == [1, 2]  # a leap year
    assert list(months_ended(2026, dt.date(2027, 1, 5))) == list(range(1, 13))
    assert list(months_ended(2026, dt.date(2025, 12, 31))) == []


def test_prints_at_the_stations_reach_the_county_and_answer_the_star_rating(
    tmp_path: Path, capsys
) -> None:
    net = Network(tmp_path, ("WJ-03", "WJ-04"))
    wj03, wj04 = net.station_id("WJ-03"), net.station_id("WJ-04")
    net.close()  # from here on, as the clerks would: the command line, and each site's clock
    s03, s04, county = net.path("WJ-03"), net.path("WJ-04"), net.path()

    def ledger(db: Path, kind: str, out: str, *extra: str) -> None:
        assert main(["ledger", kind, "--db", str(db), "--year", "2026",
                     "--out", str(tmp_path / out), *extra]) == 0  # fmt: skip

    def printed(db: Path, day: dt.date, request: LedgerRequest) -> None:
        with opened(db, day) as services:
            services.ledgers.record_output(request, "print", 1)

    ledger(s03, "duty-days", "wj03-march.pdf", "--month", "3")
    ledger(s03, "feedback", "wj03-august.xlsx", "--month", "8")
    printed(s03, dt.date(2026, 4, 30), LedgerRequest("visits", 2026))  # January to April
    printed(s03, dt.date(2027, 1, 5), LedgerRequest("activities", 2025))  # all of 2025
    printed(s03, dt.date(2026, 12, 31), LedgerRequest("points", 2026))  # not a monthly ledger
    printed(s04, dt.date(2026, 6, 15), LedgerRequest("feedback", 2026))  # January to May
    # The county printing a station's ledger, or every station's, is not the station printing.
    printed(county, dt.date(2026, 12, 31), LedgerRequest("duty-days", 2026, "WJ-04", month=9))
    printed(county, dt.date(2026, 12, 31), LedgerRequest("visits", 2026))

    usb = tmp_path / "usb"
    for db in (s03, s04):
        assert main(["export-bundle", "--db", str(db), "--to", str(usb)]) == 0
    bundles = sorted(str(p) for p in usb.glob("*.ldbundle"))
    assert len(bundles) == 2
    assert main(["import-bundle", "--db", str(county), *bundles]) == 0
    assert "台账打印记录" in capsys.readouterr().out  # the plan names the table in Chinese
    with opened(county) as services:
        assert len(logged(services)) == 6 + 2
        with services.db.read() as s:
            assert printed_months(s, 2026) == {
                wj03: frozenset({1, 2, 3, 4, 8}),
                wj04: frozenset({1, 2, 3, 4, 5}),
            }
            assert printed_months(s, 2025) == {wj03: frozenset(range(1, 13))}
            assert printed_months(s, 2024) == {}

    # The county's own prints go nowhere: a station receives none of them.
    for path in usb.iterdir():
        path.unlink()
    assert main(["export-bundle", "--db", str(county), "--to", str(usb)]) == 0
    for db, code in ((s03, "WJ-03"), (s04, "WJ-04")):
        (bundle,) = usb.glob(f"*-{code}-*.ldbundle")
        assert main(["import-bundle", "--db", str(db), str(bundle)]) == 0
        with opened(db) as services:
            own = services.site.current().station_id
            assert {row[5] for row in logged(services)} == {own}
