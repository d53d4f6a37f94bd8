"""Forged, damaged, repeated, forked and misdirected bundles (reliability rows 11-20): each one
is refused with BundleRefused and nothing else, and the database is left exactly as it was."""

from __future__ import annotations

import contextlib
import json
import random
import re
import shutil
import time
import tracemalloc
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.enums import SiteRole
from desktop.domain.records import DutyDayDraft, SiteDraft
from desktop.services import bundle_import as bi
from desktop.services import open_services
from desktop.sync import archive, crypto
from desktop.sync import payload as pl
from desktop.sync.errors import BundleRefused
from desktop.sync.manifest import NEWER_FORMAT
from tests.bundle_fixtures import (
    PASSPHRASE,
    PEOPLE,
    TODAY,
    Network,
    canonical,
    fill,
    forge,
    healthy,
    open_payload,
    rows,
    sha,
    table_counts,
)
from tests.test_sync_archive import craft, deflated

MEMBERS = ("manifest.json", "manifest.sig", "payload.bin")


@pytest.fixture
def net(tmp_path: Path) -> Iterator[Network]:
    network = Network(tmp_path, ("WJ-03",))
    network.roster("WJ-03")
    fill(network.stations["WJ-03"], network.deputies["WJ-03"], PEOPLE["WJ-03"])
    yield network
    network.close()


@contextlib.contextmanager
def nothing_written(path: Path) -> Iterator[None]:
    """The database at ``path`` holds the same rows in every table afterwards, and is sound."""
    before = table_counts(path)
    yield
    assert table_counts(path) == before
    assert healthy(path)


def refused(services, path: Path, reason: str | None = None) -> BundleRefused:
    """Importing ``path`` (plan and apply) is refused as a bundle; nothing else escapes."""
    for call in (services.bundles.plan, services.bundles.apply):
        with pytest.raises(BundleRefused) as caught:
            call(path)
        assert caught.value.message
        if reason is not None:
            assert caught.value.reason == reason
    return caught.value


def station_bundle(net: Network, code: str = "WJ-03") -> Path:
    (path,) = net.to_county(code).files
    return path


def members(path: Path) -> dict[str, bytes]:
    return archive.read_bundle(path, bi.ALLOWED, max_file_size=bi.MAX_FILE)


def put(folder: Path, data: bytes, name: str | None = None) -> Path:
    path = folder / (name or f"crafted-{uuid.uuid4().hex[:8]}.ldbundle")
    path.write_bytes(data)
    return path


# --- row 11: forged ---------------------------------------------------------------------------


def test_a_bundle_signed_with_a_key_not_enrolled_is_refused(net: Network, tmp_path: Path) -> None:
    # Claims to come from WJ-03, signed with a key the county never issued.
    forged = forge(net.stations["WJ-03"], net.county_id, {}, seq=1, acks=(),
                   counts={}, signer=crypto.SiteKeys.generate())  # fmt: skip
    with nothing_written(net.path()):
        assert refused(net.county, put(tmp_path, forged)).message == crypto.FORGED
    # A station enrolled by another county office: unknown here, whatever it signs.
    other = open_services(tmp_path / "other-county.sqlite", today=lambda: TODAY)
    try:
        other.site.initialise(SiteDraft(SiteRole.COUNTY, "DS", "东山县人大常委会", ""))
        blob = other.enrolment.enroll_site(
            "WJ-03", "望江镇第三联络站", SiteRole.STATION, "望江镇", PASSPHRASE, TODAY
        )
    finally:
        other.close()
    stranger = open_services(tmp_path / "stranger.sqlite", today=lambda: TODAY)
    try:
        stranger.enrolment.accept(blob, PASSPHRASE)
        county_there = stranger.bundles.recipients()[0].site_id
        (path,) = stranger.bundles.export(county_there, tmp_path).files
    finally:
        stranger.close()
    with nothing_written(net.path()):
        error = refused(net.county, path, "unknown sender")
    assert error.message == bi.UNKNOWN_SENDER and error.args_map["file"] == path.name


def test_any_changed_manifest_byte_is_refused(net: Network, tmp_path: Path) -> None:
    """Every byte of the manifest, changed and packed again (a fresh CRC, so that the archive
    lets it through): the signature or the manifest's own checks refuse it."""
    parts = members(station_bundle(net))
    raw = parts["manifest.json"]
    with nothing_written(net.path()):
        for i in range(len(raw)):
            changed = bytearray(raw)
            changed[i] ^= (0x01, 0x20, 0x80)[i % 3]
            path = put(tmp_path, archive.pack({**parts, "manifest.json": bytes(changed)}),
                       "flip.ldbundle")  # fmt: skip
            with pytest.raises(BundleRefused):
                net.county.bundles.apply(path)
        # The signature itself, and a signature moved from another bundle.
        sig = bytearray(parts["manifest.sig"])
        sig[10] ^= 1
        path = put(tmp_path, archive.pack({**parts, "manifest.sig": bytes(sig)}))
        assert refused(net.county, path).message == crypto.FORGED
        fill(net.stations["WJ-03"], net.deputies["WJ-03"], ("钱二", "13000000000"))
        newer = members(station_bundle(net))
        path = put(tmp_path, archive.pack({**parts, "manifest.sig": newer["manifest.sig"]}))
        assert refused(net.county, path).message == crypto.FORGED


def test_a_changed_payload_is_refused(net: Network, tmp_path: Path) -> None:
    path = station_bundle(net)
    parts = members(path)
    station = net.stations["WJ-03"]
    with nothing_written(net.path()):
        # Changed under the signed hash.
        payload = bytearray(parts["payload.bin"])
        payload[len(payload) // 2] ^= 0x40
        changed = put(tmp_path, archive.pack({**parts, "payload.bin": bytes(payload)}))
        assert refused(net.county, changed, "payload hash").message == crypto.FORGED
        # Another payload of the same sender under this manifest (a replay of its contents).
        fill(station, net.deputies["WJ-03"], ("钱二", "13000000000"))
        other = members(station_bundle(net))["payload.bin"]
        moved = put(tmp_path, archive.pack({**parts, "payload.bin": other}))
        refused(net.county, moved, "payload hash")
        # Signed with the station's real key: ciphertext changed and its hash signed again.
        manifest = json.loads(parts["manifest.json"])
        resigned = canonical({**manifest, "payload_sha256": sha(bytes(payload))})
        keys = _keys(station)
        altered = put(tmp_path, archive.pack({
            "manifest.json": resigned, "manifest.sig": crypto.sign(resigned, keys),
            "payload.bin": bytes(payload)}))  # fmt: skip
        assert refused(net.county, altered).message == crypto.NOT_FOR_US
        # Sealed properly, but not a payload, or not what the manifest lists.
        for plain, counts in (
            (b"not zlib at all", {}),
            (zlib.compress(b'{"acks":[]}\n{"table":"nope","columns":[],"rows":1}\n[]\n'), {}),
            (zlib.compress(b"x" * 100_000), {}),
            (pl.encode([], {}), {"duty_days": 1}),
        ):
            data = forge(station, net.county_id, {}, seq=1, epoch=uuid.uuid4(), plain=plain,
                         counts=counts)  # fmt: skip
            refused(net.county, put(tmp_path, data))


def _keys(services) -> crypto.SiteKeys:
    from desktop.services.bundle_peers import local_site

    with services.db.read() as s:
        return local_site(s, services.db.local_site_id(s)).keys


# --- row 12: damaged on the stick -------------------------------------------------------------


def test_random_damage_is_refused_as_a_bundle_and_writes_nothing(
    net: Network, tmp_path: Path
) -> None:
    good_path = station_bundle(net)
    good = good_path.read_bytes()
    rng = random.Random(20260615)
    path = tmp_path / "damaged.ldbundle"
    tried = 0
    with nothing_written(net.path()):
        for n in range(560):
            data = bytearray(good)
            if n % 4 == 3:  # truncated, sometimes with something else after the cut
                data = data[: rng.randrange(len(data))] + rng.randbytes(rng.choice([0, 0, 7]))
            else:
                for _ in range(rng.choice([1, 1, 1, 2, 5])):
                    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            if bytes(data) == good:
                continue
            path.write_bytes(bytes(data))
            before = table_counts(net.path())
            with pytest.raises(BundleRefused):
                net.county.bundles.apply(path)
            assert table_counts(net.path()) == before
            tried += 1
    assert tried >= 500
    assert net.county.bundles.apply(good_path).seq == 1  # the undamaged file still imports


# --- row 13: twice, or a copy under another name ------------------------------------------------


def test_a_bundle_twice_or_renamed_or_rewritten_changes_nothing(
    net: Network, tmp_path: Path
) -> None:
    path = station_bundle(net)
    net.county.bundles.apply(path)
    station = net.stations["WJ-03"]
    again = tmp_path / "again"
    again.mkdir()
    copies = [path, put(tmp_path, path.read_bytes(), "U盘里的副本.ldbundle"),
              station.bundles.write_again(station.bundles.sent()[0].bundle_id, again)]  # fmt: skip
    with nothing_written(net.path()):
        for copy in copies:
            plan = net.county.bundles.apply(copy)
            assert plan.already and plan.merge.changes() == 0 and plan.seq == 1


# --- row 14: two bundles with one number --------------------------------------------------------


def copy_database(source: Path, target: Path) -> None:
    """A file copy of a live database, as a clerk would make one (the log with it)."""
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def edit_duty_day(services, summary: str) -> None:
    duty = services.duty_days.page().rows[0]
    draft = DutyDayDraft(duty.station_id, TODAY, deputy_ids=duty.deputy_ids, summary=summary)
    services.duty_days.update(duty.id, draft, duty.version)


def test_two_bundles_with_one_number_are_quarantined(
    net: Network, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    net.county.bundles.apply(station_bundle(net))
    twin_db = tmp_path / "twin.sqlite"
    copy_database(net.path("WJ-03"), twin_db)
    edit_duty_day(net.stations["WJ-03"], "原来的电脑")
    first = station_bundle(net)
    net.county.bundles.apply(first)
    moved = tmp_path / "fork"
    moved.mkdir()
    twin = open_services(twin_db, today=lambda: TODAY)
    request.addfinalizer(twin.close)
    edit_duty_day(twin, "复制的电脑")
    (fork,) = twin.bundles.export(net.county_id, moved).files
    assert fork.name == first.name  # the same number in the same epoch

    before = table_counts(net.path())
    with pytest.raises(BundleRefused) as caught:
        net.county.bundles.apply(fork)
    error = caught.value
    assert (error.reason, error.message) == ("fork", bi.FORK)
    assert error.args_map["seq"] == "2" and error.args_map["file"] == fork.name
    assert error.args_map["name"] == "望江镇第三联络站"
    after = table_counts(net.path())
    assert after.pop("bundles_quarantined") == before.pop("bundles_quarantined") + 1
    assert after == before and healthy(net.path())
    (held,) = net.county.bundles.quarantined()
    assert (held.seq, held.reason, held.file_name, held.sender_name) == (
        2, "fork", fork.name, "望江镇第三联络站",
    )  # fmt: skip
    assert net.county.duty_days.page().rows[0].summary == "原来的电脑"
    with nothing_written(net.path()):
        assert refused(net.county, fork, "quarantined").message == bi.STILL_QUARANTINED
    # The copy goes on: its next bundle follows the quarantined one, not the county's.
    edit_duty_day(twin, "复制的电脑又改了")
    (later,) = twin.bundles.export(net.county_id, moved).files
    with pytest.raises(BundleRefused) as caught:
        net.county.bundles.apply(later)
    assert caught.value.reason == "chain"
    assert [q.reason for q in net.county.bundles.quarantined()] == ["fork", "chain"]


# --- rows 14-15: the chain and the gaps ---------------------------------------------------------


def test_a_broken_hash_chain_is_quarantined(net: Network, tmp_path: Path) -> None:
    station = net.stations["WJ-03"]
    net.county.bundles.apply(station_bundle(net))
    the_epoch = net.county.bundles.received()[0].epoch
    for seq, previous in ((2, "ab" * 32), (1, "cd" * 32), (3, "")):
        data = forge(station, net.county_id, {}, seq=seq, previous=previous, epoch=the_epoch)
        path = put(tmp_path, data)
        before = table_counts(net.path())
        with pytest.raises(BundleRefused) as caught:
            net.county.bundles.apply(path)
        assert caught.value.reason in ("chain", "fork")
        assert caught.value.message in (bi.CHAIN, bi.FORK)
        assert table_counts(net.path())["bundles_received"] == before["bundles_received"]
    assert len(net.county.bundles.quarantined()) == 3


def test_a_lost_bundle_is_named_and_later_ones_still_import(net: Network, capsys) -> None:
    station = net.stations["WJ-03"]
    files = [station_bundle(net)]
    for summary in ("第二次", "第三次", "第四次"):
        edit_duty_day(station, summary)
        files.append(station_bundle(net))
    for path in (files[0], files[1]):
        net.county.bundles.apply(path)
    capsys.readouterr()
    assert main(["import-bundle", "--db", str(net.path()), str(files[3]), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    named = [line for line in out[1:] if "望江镇第三联络站" in line]
    assert len(named) == 1 and re.findall(r"\d+", named[0]) == ["3"]  # "bundle 3 ... missing"
    plan = net.county.bundles.apply(files[3])
    assert plan.seq == 4 and plan.missing == (3,)
    (gap,) = net.county.bundles.gaps()
    assert (gap.sender_code, gap.seq) == ("WJ-03", 3)
    assert net.county.duty_days.page().rows[0].summary == "第四次"
    plan = net.county.bundles.apply(files[2])
    assert plan.seq == 3 and plan.missing == () and net.county.bundles.gaps() == []
    assert plan.merge.tables["duty_days"].unchanged == 1  # version 3 is older than 4
    assert net.county.duty_days.page().rows[0].summary == "第四次"


# --- row 11 again: the wrong recipient, a revoked sender, a newer program ------------------------


def test_a_bundle_for_another_station_is_refused(tmp_path: Path) -> None:
    net = Network(tmp_path, ("WJ-03", "WJ-04"))
    try:
        (for_a,) = net.to_station("WJ-03").files
        with nothing_written(net.path("WJ-04")):
            error = refused(net.stations["WJ-04"], for_a, "foreign recipient")
        assert error.message == bi.FOREIGN
        net.stations["WJ-03"].bundles.apply(for_a)  # where it belongs, it imports
        # A station's bundle given to another station: not from its county office.
        fill(net.stations["WJ-03"], net.deputies["WJ-03"], PEOPLE["WJ-03"])
        with nothing_written(net.path("WJ-04")):
            refused(net.stations["WJ-04"], station_bundle(net), "unknown sender")
        assert net.stations["WJ-04"].bundles.apply(net.to_station("WJ-04").files[0]).seq == 1
    finally:
        net.close()


def test_a_revoked_sender_is_refused(net: Network) -> None:
    path = station_bundle(net)
    net.county.enrolment.revoke("WJ-03")
    with nothing_written(net.path()):
        error = refused(net.county, path, "revoked")
    assert error.message == bi.REVOKED and error.args_map["name"] == "望江镇第三联络站"
    assert net.county.bundles.recipients() == []


def test_after_reenrollment_the_refused_records_still_reach_the_county(
    net: Network, tmp_path: Path
) -> None:
    """The refusal tells the clerk to re-enroll the site and export again: that export must
    carry what the refused bundle carried, or the records never reach the county."""
    station = net.stations["WJ-03"]
    case = station.feedback.page().rows[0]
    refused_path = station_bundle(net)
    net.county.enrolment.revoke("WJ-03")
    with pytest.raises(BundleRefused):
        net.county.bundles.apply(refused_path)
    blob = net.county.enrolment.reenroll("WJ-03", PASSPHRASE, TODAY)
    station.enrolment.accept(blob, PASSPHRASE)
    # What the station is told is still to send counts them too.
    assert station.bundles.pending_changes(net.county_id) > 0
    for path in net.to_county("WJ-03", tmp_path).files:
        net.county.bundles.apply(path)
    assert net.county.feedback.get(case.id).person_name == PEOPLE["WJ-03"][0]


def test_a_bundle_from_a_newer_program_is_refused_as_such(net: Network, tmp_path: Path) -> None:
    station = net.stations["WJ-03"]
    body = {"duty_days": list(rows(station, "duty_days").values())}
    data = forge(station, net.county_id, body, seq=1, manifest_changes={"version": 2})
    with nothing_written(net.path()):
        error = refused(net.county, put(tmp_path, data, "新版本.ldbundle"))
    assert error.message == NEWER_FORMAT and error.args_map["file"] == "新版本.ldbundle"


# --- rows 18-20: crafted archives given to import-bundle -----------------------------------------


def entries_of(path: Path) -> list[dict]:
    parts = members(path)
    return [{"name": name, "data": parts[name]} for name in MEMBERS]


def crafted(path: Path) -> dict[str, bytes]:
    """Archives made from a real bundle's members by someone who wants them extracted."""
    good = entries_of(path)
    sig = good[1]["data"]
    after_manifest = 30 + len("manifest.json") + len(good[0]["data"])

    def named(i: int, name: str | bytes) -> list[dict]:
        return [{**e, "name": name} if j == i else e for j, e in enumerate(good)]

    def attr(mode: int) -> list[dict]:
        return [{**e, "attr": mode << 16} if e["name"] == "manifest.sig" else e for e in good]

    out = {
        "dotdot": craft(named(2, "../payload.bin")),
        "absolute": craft(named(2, "/tmp/payload.bin")),
        "drive": craft(named(2, "C:\\payload.bin")),
        "backslash": craft(named(2, "..\\..\\payload.bin")),
        "folder": craft(named(1, "manifest.sig/")),
        "symlink": craft(attr(0o120777)),
        "directory mode": craft(attr(0o040755)),
        "duplicate": craft([good[0], good[1], good[1]]),
        "case twin": craft([good[0], good[1], {**good[1], "name": "MANIFEST.SIG"}]),
        "overlap": craft(
            [
                good[0],
                {"name": "manifest.sig", "data": sig},
                {"name": "payload.bin", "data": sig, "local": False, "offset": after_manifest},
            ]
        ),
        "extra member": craft([*good, {"name": "autorun.inf", "data": b"[autorun]"}]),
    }
    zeros = bytes(1 << 20)
    out["bomb over the cap"] = craft([good[0], good[1], {
        "name": "payload.bin", "data": deflated(zeros), "plain": zeros, "method": 8,
        "usize": bi.MAX_FILE + 1}])  # fmt: skip
    return out


def test_crafted_archives_given_to_import_bundle_write_nothing(
    net: Network, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    source = station_bundle(net)
    paths = [put(folder, data, f"{name}.ldbundle") for name, data in crafted(source).items()]
    before_files = sorted(p for p in tmp_path.rglob("*") if "-wal" not in p.name)
    net.county.close()  # the command line opens the database itself
    with nothing_written(net.path()):
        capsys.readouterr()
        assert main(["import-bundle", "--db", str(net.path()), *map(str, paths)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == len(paths)
        for path, line in zip(paths, err, strict=True):
            assert path.name in line
    assert sorted(p for p in tmp_path.rglob("*") if "-wal" not in p.name) == before_files
    assert not (tmp_path / "payload.bin").exists() and not Path("/tmp/payload.bin").exists()


def test_a_deflate_bomb_under_the_cap_is_refused_in_bounded_time_and_memory(
    net: Network, tmp_path: Path
) -> None:
    """A small file whose payload claims to inflate to 256 MiB (under the 1 GiB cap): it must
    be refused without inflating it into memory."""
    good = entries_of(station_bundle(net))
    zeros = bytes(256 << 20)
    bomb = craft([good[0], good[1], {"name": "payload.bin", "data": deflated(zeros),
                                     "plain": zeros, "method": 8}])  # fmt: skip
    del zeros
    path = put(tmp_path, bomb, "bomb.ldbundle")
    assert path.stat().st_size < 1 << 20
    with nothing_written(net.path()):
        tracemalloc.start()
        started = time.perf_counter()
        try:
            with pytest.raises(BundleRefused):
                net.county.bundles.apply(path)
            elapsed = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert elapsed < 1.0 and peak < 32 << 20, (elapsed, peak)


def test_a_text_with_a_nul_character_is_a_rejected_row(net: Network) -> None:
    """No form or workbook gives a NUL, and a PostgreSQL county could not store one: a bundle
    carrying one has that row rejected (the rest imports), never an import that fails."""
    body = open_payload(net.county, station_bundle(net))
    raw = [list(values) for values in body.tables["feedback_cases"]]
    assert [pl.decode_row("feedback_cases", values) for values in raw]  # as sent: fine
    at = pl.CODECS["feedback_cases"].names.index("content")
    raw[0][at] = "路灯\x00不亮"
    with pytest.raises(TypeError):
        pl.decode_row("feedback_cases", raw[0])
