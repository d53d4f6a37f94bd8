"""Enrollment: the county registers a site, the site's database is born from its file."""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.db.models import LocalKey, Site, SiteEnrolment, Station, Township
from desktop.domain.enums import SiteRole
from desktop.domain.errors import ServiceError
from desktop.services import enrolment as enrol
from desktop.services import open_services
from desktop.sync import crypto
from desktop.sync.crypto import BundleRefused

PASSPHRASE = "望江镇联络站 2026"
TODAY = dt.date(2026, 6, 15)
FINGERPRINT = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){4}")


def _init(db: Path, role: str, code: str, name: str, township: str = "") -> None:
    args = ["init", "--db", str(db), "--role", role, "--code", code, "--name", name]
    assert main([*args, "--township", township] if township else args) == 0


@pytest.fixture
def county(tmp_path: Path) -> Path:
    db = tmp_path / "county.sqlite"
    _init(db, "county", "XQ", "新桥县人大常委会")
    return db


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n第二行不算\n", encoding="utf-8")
    return path


@pytest.fixture
def services_of() -> Iterator:
    opened = []

    def open_(path: Path):
        opened.append(open_services(path, today=lambda: TODAY))
        return opened[-1]

    yield open_
    for services in opened:
        services.close()


def enroll_site(county: Path, secret: Path, out: Path, code: str = "WJ-03", *extra: str) -> int:
    return main(
        [
            "enroll-site", "--db", str(county), "--code", code, "--name", "望江镇第三联络站",
            "--role", "station", "--township", "望江镇", "--out", str(out),
            "--passphrase-file", str(secret), *extra,
        ]
    )  # fmt: skip


def enroll(station: Path, file: Path, secret: Path) -> int:
    return main(["enroll", "--db", str(station), str(file), "--passphrase-file", str(secret)])


def one_chinese_line(text: str) -> bool:
    return text.count("\n") == 1 and any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_station_database_is_born_from_its_enrollment_file(
    tmp_path: Path, county: Path, secret: Path, services_of, capsys
) -> None:
    out, station = tmp_path / "WJ-03.enrol", tmp_path / "station.sqlite"
    assert enroll_site(county, secret, out) == 0
    county_says = capsys.readouterr().out
    assert str(out) in county_says and out.is_file()
    assert enroll(station, out, secret) == 0
    station_says = capsys.readouterr().out

    at_county, at_station = services_of(county), services_of(station)
    (row,) = at_county.enrolment.enrolled()
    assert (row.code, row.role, row.township, row.key_generation, row.revoked) == (
        "WJ-03", SiteRole.STATION, "望江镇", 1, False,
    )  # fmt: skip
    site = at_station.site.current()
    assert site is not None and site.id == row.site_id and site.role is SiteRole.STATION
    with at_county.db.read() as s:
        county_station = s.scalar(select(Station).where(Station.code == "WJ-03"))
        county_township = s.scalar(select(Township).where(Township.name == "望江镇"))
    assert (site.station_id, site.township_id) == (county_station.id, county_township.id)
    assert county_station.township_id == county_township.id
    county_site = at_county.site.current()
    with at_station.db.read() as s:
        station_row = s.get(Station, site.station_id)
        township_row = s.get(Township, site.township_id)
        known = s.get(Site, county_site.id)
        assert station_row.township_id == township_row.id
        # The county owns the reference rows it enrolled the site with, on both sides.
        assert station_row.owner_site_id == township_row.owner_site_id == county_site.id
        assert (known.role, known.code, known.name, known.owner_site_id) == (
            "county", "XQ", "新桥县人大常委会", county_site.id,
        )  # fmt: skip
        own_keys = s.get(LocalKey, site.id)
    assert at_station.enrolment.county_site() == county_site
    county_public = at_county.enrolment.county_keys().public()
    assert at_station.enrolment.county_public() == county_public
    assert at_station.enrolment.own_public().fingerprint() == row.fingerprint
    # Both sides print the fingerprints a clerk reads over the phone.
    assert row.fingerprint in county_says and row.fingerprint in station_says
    assert county_public.fingerprint() in station_says

    # No private key leaves the database unencrypted: not raw, not in base64.
    blob = out.read_bytes()
    for private in (own_keys.sign_private, own_keys.box_private):
        assert private not in blob and base64.b64encode(private) not in blob
    with at_county.db.read() as s:
        assert s.get(LocalKey, site.id) is None  # the county keeps only the site's public keys
        assert s.get(SiteEnrolment, site.id).sign_public == own_keys.sign_public


def test_a_township_centre_is_enrolled_without_a_station(
    tmp_path: Path, county: Path, services_of
) -> None:
    at_county = services_of(county)
    blob = at_county.enrolment.enroll_site(
        "WJ", "望江镇人大", SiteRole.TOWNSHIP, "望江镇", PASSPHRASE, TODAY
    )
    at_station = services_of(tmp_path / "centre.sqlite")
    site = at_station.enrolment.accept(blob, PASSPHRASE)
    assert site.role is SiteRole.TOWNSHIP and site.station_id is None
    assert site.township_id == at_county.reference.townships()[0].id
    assert at_county.reference.stations() == at_station.reference.stations() == []


def test_an_existing_station_row_is_reused_by_code(county: Path, services_of) -> None:
    at_county = services_of(county)
    station = at_county.reference.add_station("WJ-03", "望江镇第三联络站", "望江镇")
    blob = at_county.enrolment.enroll_site(
        "WJ-03", "别名", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY
    )
    enrollment = crypto.read_enrollment(blob, PASSPHRASE)
    assert (enrollment.station_id, enrollment.township_id) == (station.id, station.parent_id)
    assert enrollment.name == "望江镇第三联络站"  # the county's reference row is the truth
    assert len(at_county.reference.stations()) == 1
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.enroll_site("WJ-03", "x", SiteRole.STATION, "西山镇", PASSPHRASE, TODAY)
    assert refused.value.message in (enrol.ALREADY_ENROLLED, enrol.OTHER_TOWNSHIP)


def test_a_station_of_another_township_is_refused(county: Path, services_of) -> None:
    at_county = services_of(county)
    at_county.reference.add_station("XS-01", "西山镇第一联络站", "西山镇")
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.enroll_site("XS-01", "x", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY)
    assert refused.value.message == enrol.OTHER_TOWNSHIP and "西山镇" in str(refused.value)
    assert at_county.enrolment.enrolled() == []


def test_a_wrong_passphrase_writes_no_database(
    tmp_path: Path, county: Path, secret: Path, services_of, capsys
) -> None:
    out, station = tmp_path / "WJ-03.enrol", tmp_path / "station.sqlite"
    assert enroll_site(county, secret, out) == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    capsys.readouterr()
    assert enroll(station, out, wrong) == 2
    assert one_chinese_line(capsys.readouterr().err)
    assert not station.exists() and list(tmp_path.glob("station.sqlite*")) == []
    # A database that existed (not set up yet) is left as it was: still unset.
    open_services(station).close()
    assert enroll(station, out, wrong) == 2
    assert services_of(station).site.current() is None
    with pytest.raises(BundleRefused) as refused:
        services_of(station).enrolment.accept(out.read_bytes(), "not the passphrase")
    assert refused.value.message == crypto.WRONG_PASSPHRASE


def test_enrolling_a_code_twice_is_refused(
    tmp_path: Path, county: Path, secret: Path, services_of, capsys
) -> None:
    assert enroll_site(county, secret, tmp_path / "a.enrol") == 0
    capsys.readouterr()
    assert enroll_site(county, secret, tmp_path / "b.enrol") == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "b.enrol").exists()
    at_county = services_of(county)
    with pytest.raises(ServiceError, match="WJ-03") as refused:
        at_county.enrolment.enroll_site("WJ-03", "x", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY)
    assert refused.value.message == enrol.ALREADY_ENROLLED
    at_county.enrolment.revoke("WJ-03")
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.enroll_site("WJ-03", "x", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY)
    assert refused.value.message == enrol.REVOKED_REENROLL


def test_weak_passphrases_and_bad_arguments_enroll_nothing(
    tmp_path: Path, county: Path, services_of, capsys, monkeypatch
) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text("1234567\n", encoding="utf-8")
    out = tmp_path / "x.enrol"
    assert enroll_site(county, weak, out) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not out.exists() and services_of(county).enrolment.enrolled() == []
    assert services_of(county).reference.townships() == []  # rolled back with the rest
    args = ["enroll-site", "--db", str(county), "--code", "A", "--name", "甲", "--role", "station"]
    assert main([*args, "--out", str(out)]) == 2  # no --township
    # Typed at the terminal: asked twice, and the two must agree.
    answers = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main([*args, "--township", "望江镇", "--out", str(out)]) == 2
    assert not out.exists()
    answers = iter([PASSPHRASE, PASSPHRASE])
    assert main([*args, "--township", "望江镇", "--out", str(out)]) == 0
    assert crypto.read_enrollment(out.read_bytes(), PASSPHRASE).code == "A"


def test_revoke_and_reenroll_replace_the_keys(
    tmp_path: Path, county: Path, secret: Path, services_of, capsys
) -> None:
    first, station = tmp_path / "first.enrol", tmp_path / "station.sqlite"
    assert enroll_site(county, secret, first) == 0
    assert enroll(station, first, secret) == 0
    at_county = services_of(county)
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.reenroll("WJ-03", PASSPHRASE, TODAY)
    assert refused.value.message == enrol.REVOKE_FIRST
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.revoke("NOPE")
    assert refused.value.message == enrol.NOT_ENROLLED
    at_county.enrolment.revoke("WJ-03")
    assert at_county.enrolment.enrolled()[0].revoked
    blob = at_county.enrolment.reenroll("WJ-03", PASSPHRASE, TODAY)
    (row,) = at_county.enrolment.enrolled()
    assert (row.key_generation, row.revoked) == (2, False)
    old, new = (crypto.read_enrollment(b, PASSPHRASE) for b in (first.read_bytes(), blob))
    assert new.key_generation == 2 and new.site_keys != old.site_keys
    assert (new.site_id, new.station_id, new.township_id) == (
        old.site_id, old.station_id, old.township_id,
    )  # fmt: skip
    second = tmp_path / "second.enrol"
    second.write_bytes(blob)
    capsys.readouterr()
    assert enroll(station, second, secret) == 0
    assert row.fingerprint in capsys.readouterr().out
    at_station = services_of(station)
    with at_station.db.read() as s:
        keys = s.get(LocalKey, new.site_id)
        assert (keys.key_generation, keys.sign_private) == (2, new.site_keys.sign_private)
    assert at_station.site.current().id == old.site_id
    assert enroll(station, second, secret) == 0  # the same file twice changes nothing
    assert enroll(station, first, secret) == 2  # the old file cannot roll the keys back
    with pytest.raises(ServiceError) as refused:
        at_station.enrolment.accept(first.read_bytes(), PASSPHRASE)
    assert refused.value.message == enrol.NOT_NEWER


def test_a_file_for_another_site_is_refused(
    tmp_path: Path, county: Path, secret: Path, services_of, capsys
) -> None:
    mine, other, station = tmp_path / "a.enrol", tmp_path / "b.enrol", tmp_path / "s.sqlite"
    assert enroll_site(county, secret, mine) == 0
    assert enroll_site(county, secret, other, "WJ-04") == 0
    assert enroll(station, mine, secret) == 0
    capsys.readouterr()
    assert enroll(station, other, secret) == 2
    assert "WJ-04" in capsys.readouterr().err
    assert station.exists() and services_of(station).site.current().code == "WJ-03"
    # A database set up without enrollment (or a county's) is another site too.
    plain = tmp_path / "plain.sqlite"
    _init(plain, "station", "WJ-03", "望江镇第三联络站", "望江镇")
    assert enroll(plain, mine, secret) == 2
    assert enroll(county, mine, secret) == 2
    with pytest.raises(ServiceError) as refused:
        services_of(plain).enrolment.accept(mine.read_bytes(), PASSPHRASE)
    assert refused.value.message == enrol.OTHER_SITE


def test_the_county_keys_go_to_escrow_and_come_back(
    tmp_path: Path, county: Path, services_of
) -> None:
    at_county = services_of(county)
    keys = at_county.enrolment.county_keys()
    assert at_county.enrolment.county_keys() == keys  # generated once, then kept
    blob = at_county.enrolment.export_escrow(PASSPHRASE)
    assert keys.sign_private not in blob and base64.b64encode(keys.sign_private) not in blob
    with at_county.db.write() as s:  # the PC is lost: the keys with it
        s.delete(s.get(LocalKey, at_county.site.current().id))
    assert at_county.enrolment.county_keys() != keys
    assert at_county.enrolment.restore_escrow(blob, PASSPHRASE) == keys.public()
    assert at_county.enrolment.county_keys() == keys
    with pytest.raises(BundleRefused) as refused:
        at_county.enrolment.restore_escrow(blob, "not the passphrase")
    assert refused.value.message == crypto.WRONG_PASSPHRASE
    other = tmp_path / "other.sqlite"
    _init(other, "county", "DS", "东山县人大常委会")
    foreign = services_of(other).enrolment.export_escrow(PASSPHRASE)
    with pytest.raises(ServiceError) as refused:
        at_county.enrolment.restore_escrow(foreign, PASSPHRASE)
    assert refused.value.message == enrol.OTHER_ESCROW
    assert at_county.enrolment.county_keys() == keys


def test_county_operations_are_refused_at_a_station(
    tmp_path: Path, county: Path, secret: Path, services, capsys
) -> None:
    calls = [
        lambda e: e.county_keys(),
        lambda e: e.enroll_site("A", "甲", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY),
        lambda e: e.revoke("A"),
        lambda e: e.reenroll("A", PASSPHRASE, TODAY),
        lambda e: e.enrolled(),
        lambda e: e.export_escrow(PASSPHRASE),
        lambda e: e.restore_escrow(b"", PASSPHRASE),
    ]
    for call in calls:
        with pytest.raises(ServiceError) as refused:
            call(services.enrolment)
        assert refused.value.message == enrol.COUNTY_ONLY
    services.close()
    capsys.readouterr()
    assert enroll_site(services.db.path, secret, tmp_path / "x.enrol") == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "x.enrol").exists()


def test_a_database_not_set_up_cannot_enroll_sites(blank_services) -> None:
    with pytest.raises(ServiceError):
        blank_services.enrolment.county_keys()
    assert blank_services.enrolment.county_site() is None
    assert blank_services.enrolment.county_public() is None
    assert blank_services.enrolment.own_public() is None
