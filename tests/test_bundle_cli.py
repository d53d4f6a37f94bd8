"""A county office and three stations exchanging bundles through the command line only, two
rounds; what is printed (numbers and files, not words: the messages will be translated), the
exit codes, --dry-run, and a lost USB stick that holds nothing readable (reliability row 30)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import CaseState
from desktop.domain.records import DeputyDraft
from desktop.services import Services, open_services
from tests.bundle_fixtures import (
    COUNTY,
    DEPUTIES,
    PASSPHRASE,
    PEOPLE,
    STATIONS,
    TODAY,
    add_department,
    answer_back,
    fill,
    names_and_phones,
    reply,
    table_counts,
)

CODES = tuple(STATIONS)
pytestmark = pytest.mark.backends  # the county office on SQLite and on PostgreSQL (conftest)


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Services]:
    services = open_services(path, today=lambda: TODAY)
    try:
        yield services
    finally:
        services.close()


class Run:
    """``liaison-desk`` in this process: exit code, standard output and error lines."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *argv: str | Path) -> tuple[int, list[str], list[str]]:
        self._capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = self._capsys.readouterr()
        return code, out.splitlines(), err.splitlines()


def numbers(line: str, *drop: str) -> list[int]:
    for text in drop:  # file names and paths hold digits of their own
        line = line.replace(text, "")
    return [int(n) for n in re.findall(r"\d+", line)]


def figures(lines: list[str]) -> list[list[int]]:
    """Per table line of a plan: new, updated, unchanged, conflicts, rejected, waiting."""
    return [numbers(line)[-6:] for line in lines if line.startswith("  ")]


def exported(run: Run, db: Path, usb: Path, *extra: str) -> dict[str, tuple[Path, int, int]]:
    """export-bundle; per recipient name, the file written, its bundle number and records."""
    code, out, err = run("export-bundle", "--db", db, "--to", usb, *extra)
    assert (code, err) == (0, [])
    written = {}
    for line in out:
        path = next((p for p in usb.iterdir() if str(p) in line), None)
        if path is None:
            continue
        name = next(n for n, _ in (*STATIONS.values(), (COUNTY[1], "")) if n in line)
        seq, records = numbers(line, str(path), name)[:2]
        written[name] = (path, seq, records)
    return written


def plan_of(out: list[str], path: Path) -> list[str]:
    """The lines of one bundle's plan in the output of import-bundle."""
    starts = [i for i, line in enumerate(out) if not line.startswith("  ") and path.name in line]
    assert len(starts) == 1, out
    start = starts[0]
    heads = (i for i in range(start + 1, len(out)) if not out[i].startswith("  ")
             and ".ldbundle" in out[i])  # fmt: skip
    return out[start : next(heads, len(out))]


def stored(county: Path | str) -> bytes:
    """Everything the county's database holds: its files' bytes, or every row as text."""
    if isinstance(county, Path):
        return b"".join(p.read_bytes() for p in county.parent.glob(f"{county.name}*"))
    from sqlalchemy import inspect

    from desktop.db.engine import Database

    db = Database(county, read_only=True)
    try:
        with db.engine.connect() as con:
            return "".join(
                con.exec_driver_sql(
                    f"SELECT coalesce(string_agg(t::text, ''), '') FROM \"{n}\" t"
                ).scalar()
                for n in inspect(con).get_table_names()
            ).encode()
    finally:
        db.dispose()


def enrolled_by_command_line(
    run: Run, tmp_path: Path, county: Path | str
) -> tuple[Path, dict[str, Path]]:
    """A county office made with init, its three stations enrolled with enroll-site and set up
    with enroll; the USB folder and each station's database file."""
    usb = tmp_path / "usb"
    usb.mkdir()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    station = {code: tmp_path / f"{code}.sqlite" for code in CODES}
    assert run("init", "--db", county, "--role", "county", "--code", COUNTY[0],
               "--name", COUNTY[1])[0] == 0  # fmt: skip
    for code in CODES:
        enrol = tmp_path / f"{code}.enrol"
        assert run("enroll-site", "--db", county, "--code", code, "--name", STATIONS[code][0],
                   "--role", "station", "--township", STATIONS[code][1], "--out", enrol,
                   "--passphrase-file", secret)[0] == 0  # fmt: skip
        assert run("enroll", "--db", station[code], enrol, "--passphrase-file", secret)[0] == 0
    return usb, station


def test_a_county_and_three_stations_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db
) -> None:
    run = Run(capsys)
    county = new_db("county")
    usb, station = enrolled_by_command_line(run, tmp_path, county)
    name = {code: STATIONS[code][0] for code in CODES}
    deputies = {}
    with opened(county) as services:
        department = add_department(services)
        for code in CODES:
            with opened(station[code]) as there:
                station_id = there.site.current().station_id
            deputies[code] = services.deputies.create(
                DeputyDraft(DEPUTIES[code][0], phone=DEPUTIES[code][1], station_ids=(station_id,))
            ).id

    # The county's roster to every station: one bundle each, numbered 1.
    roster = exported(run, county, usb)
    assert set(roster) == set(name.values())
    assert {seq for _, seq, _ in roster.values()} == {1}
    assert all(records > 0 for _, _, records in roster.values())
    for code in CODES:
        path = roster[name[code]][0]
        assert path.name.startswith(f"{COUNTY[0]}-{code}-") and path.name.endswith("-0001.ldbundle")
        before = table_counts(station[code])
        exit_code, out, err = run("import-bundle", "--db", station[code], path, "--dry-run")
        assert (exit_code, err) == (0, [])
        assert table_counts(station[code]) == before  # a dry run writes nothing
        dry = figures(out)
        exit_code, out, err = run("import-bundle", "--db", station[code], path)
        assert (exit_code, err) == (0, [])
        assert figures(out) == dry and sum(f[0] for f in dry) > 0
        assert path.name in out[0] and name[code] not in out[0]  # from the county office
        assert COUNTY[1] in out[0] and 1 in numbers(out[0], path.name)

    # Each station's day of work, then its bundle 1 to the county.
    made = {}
    for code in CODES:
        with opened(station[code]) as services:
            made[code] = fill(services, deputies[code], PEOPLE[code])
        (only,) = exported(run, station[code], usb).items()
        assert only[0] == COUNTY[1] and only[1][1] == 1
    files = {code: exported_file(usb, code, COUNTY[0], 1) for code in CODES}
    exit_code, out, err = run("import-bundle", "--db", county, *files.values())
    assert (exit_code, err) == (0, [])
    for code, path in files.items():
        lines = plan_of(out, path)
        assert name[code] in lines[0] and numbers(lines[0], path.name) == [1]
        table_lines = figures(lines)
        assert len(table_lines) == 10  # every kind of record the station kept that day
        assert all(f == [1, 0, 0, 0, 0, 0] for f in table_lines), lines
    with opened(county) as services:
        for code in CODES:
            case = services.feedback.get(made[code].case)
            assert (case.person_name, case.phone) == PEOPLE[code]
            services.casework.refer(made[code].case, department, referred_on=TODAY)
            reply(services, made[code].case, TODAY + dt.timedelta(days=10))

    # The county's answer to all: bundle 2 each, with the referral and the receipts.
    answer = exported(run, county, usb, "--recipient", "all")
    assert {seq for _, seq, _ in answer.values()} == {2}
    for code in CODES:
        path = answer[name[code]][0]
        exit_code, out, err = run("import-bundle", "--db", station[code], path)
        assert (exit_code, err) == (0, [])
        assert figures(out) == [[2, 0, 0, 0, 0, 0]]  # two case steps: referral and reply
        assert any(numbers(line) == [1] for line in out[1:])  # one of ours confirmed
        with opened(station[code]) as services:
            assert services.feedback.get(made[code].case).state is CaseState.REPLIED
            answer_back(services, made[code].case, TODAY + dt.timedelta(days=20))

    # Second round, stations first; one station's bundle is lost on the way.
    second = {}
    for code in CODES:
        second.update({code: exported(run, station[code], usb)[COUNTY[1]]})
        assert second[code][1] == 2
    exit_code, out, err = run("import-bundle", "--db", county, second["WJ-03"][0],
                              second["WJ-04"][0])  # fmt: skip
    assert (exit_code, err) == (0, [])
    with opened(county) as services:
        for code in ("WJ-03", "WJ-04"):
            case = services.feedback.get(made[code].case)
            assert (case.state, case.satisfaction) == (CaseState.ANSWERED_BACK, "satisfied")
        assert services.feedback.get(made["XS-01"].case).state is CaseState.REPLIED

    # A repeat, a misdirected file and a good one in one command: exit 2, the rest imported.
    before = table_counts(county)
    misdirected = answer[name["WJ-04"]][0]
    exit_code, out, err = run("import-bundle", "--db", county, second["WJ-03"][0], misdirected,
                              second["XS-01"][0])  # fmt: skip
    assert exit_code == 2
    assert len(err) == 1 and misdirected.name in err[0]
    again = plan_of(out, second["WJ-03"][0])
    assert len(again) == 2 and figures(again) == []  # "already imported", nothing else
    after = table_counts(county)
    assert after["bundles_received"] == before["bundles_received"] + 1
    with opened(county) as services:
        assert services.feedback.get(made["XS-01"].case).state is CaseState.ANSWERED_BACK
    assert run("import-bundle", "--db", county, tmp_path / "nope.ldbundle")[0] == 2

    # Nothing new anywhere after the county's last receipts: each says so, by name.
    last = exported(run, county, usb)
    for code in CODES:
        assert run("import-bundle", "--db", station[code], last[name[code]][0])[0] == 0
        exit_code, out, _ = run("export-bundle", "--db", station[code], "--to", usb)
        assert exit_code == 0 and len(out) == 1 and COUNTY[1] in out[0]
    exit_code, out, _ = run("export-bundle", "--db", county, "--to", usb)
    assert exit_code == 0 and len(out) == 3
    assert all(sum(n in line for n in name.values()) == 1 for line in out)
    assert not any(".ldbundle" in line for line in out)

    # Row 30: a lost stick gives away no name and no phone number, in any Chinese encoding.
    data = [p.read_bytes() for p in usb.iterdir()]
    assert len(data) == 3 + 3 + 3 + 3 + 3  # roster, stations' 1, county's 2, stations' 2, 3
    secrets = names_and_phones()
    county_db = stored(county)
    for text in secrets:
        assert text.encode() in county_db  # the fixture's data did travel, sealed
        encodings = {text.encode("utf-8"), text.encode("gb18030")}
        with contextlib.suppress(UnicodeEncodeError):
            encodings.add(text.encode("gbk"))
        for blob in data:
            assert not any(e in blob for e in encodings), text


def exported_file(usb: Path, sender: str, recipient: str, seq: int) -> Path:
    (path,) = usb.glob(f"{sender}-{recipient}-*-{seq:04d}.ldbundle")
    return path


def test_a_refused_bundle_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], new_db
) -> None:
    run = Run(capsys)
    county = new_db("county")
    assert (
        run("init", "--db", county, "--role", "county", "--code", "XQ", "--name", COUNTY[1])[0] == 0
    )
    damaged = tmp_path / "损坏的数据包.ldbundle"
    damaged.write_bytes(b"PK\x03\x04" + bytes(200))
    before = table_counts(county)
    for extra in ((), ("--dry-run",)):
        exit_code, out, err = run("import-bundle", "--db", county, damaged, *extra)
        assert (exit_code, out) == (2, []) and len(err) == 1 and damaged.name in err[0]
    assert table_counts(county) == before
