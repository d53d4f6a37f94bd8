"""The bundle container: written whole and verified, read strictly (reliability 9-12, 18-20)."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import stat
import struct
import time
import tracemalloc
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.sync import archive
from desktop.sync.archive import read_bundle, write_bundle
from desktop.sync.errors import BundleRefused

ALLOWED = {"manifest.json": 64 * 1024, "manifest.sig": 128, "payload.bin": 1 << 20}
MAX_FILE = 4 << 20
MEMBERS = {
    "payload.bin": random.Random(7).randbytes(3000),  # stands for encrypted, incompressible data
    "manifest.json": '{"sender":"联络站","seq":1}'.encode(),
    "manifest.sig": bytes(range(64)),
}
OLD = b"the bundle written last week"

# ---------------------------------------------------------------- an independent ZIP builder
# Written from the ZIP specification, not from archive.py, so that the two check each other.
LOCAL_SIG, CENTRAL_SIG, END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
REGULAR = (stat.S_IFREG | 0o644) << 16


def craft(entries: list[dict[str, Any]], *, count: int | None = None, tail: bytes = b"") -> bytes:
    """A ZIP from entry dicts: ``name`` and ``data`` (bytes as stored), and overrides of any
    header field: plain (the uncompressed bytes, for the CRC and size), method, flags, crc,
    csize, usize, made_by, attr, date, offset (the central entry's), local_name, and
    local=False (no local header and data: the entry points at another's)."""
    out = io.BytesIO()
    central = []
    for e in entries:
        name = e["name"].encode() if isinstance(e["name"], str) else e["name"]
        plain = e.get("plain", e["data"])
        flags = e.get("flags", 0 if name.isascii() else 0x800)
        common = (
            20,
            flags,
            e.get("method", 0),
            0,
            e.get("date", 0x21),
            e.get("crc", zlib.crc32(plain)),
            e.get("csize", len(e["data"])),
            e.get("usize", len(plain)),
        )
        offset = out.tell()
        if e.get("local", True):
            local_name = e.get("local_name", name)
            out.write(struct.pack("<IHHHHHIIIHH", LOCAL_SIG, *common, len(local_name), 0))
            out.write(local_name + e["data"])
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                CENTRAL_SIG,
                e.get("made_by", 0x0314),
                *common,
                len(name),
                0,
                0,
                0,
                0,
                e.get("attr", REGULAR),
                e.get("offset", offset),
            )
            + name
        )
    directory = b"".join(central)
    n = len(entries) if count is None else count
    end = struct.pack("<IHHHHIIH", END_SIG, 0, 0, n, n, len(directory), out.tell(), 0)
    return out.getvalue() + directory + end + tail


def good_entries() -> list[dict[str, Any]]:
    return [{"name": name, "data": MEMBERS[name]} for name in sorted(MEMBERS)]


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def refused(path: Path, allowed: dict[str, int] = ALLOWED, **kwargs: Any) -> BundleRefused:
    """Read ``path`` expecting a refusal, which must come quickly and be the bundle error."""
    started = time.perf_counter()
    with pytest.raises(BundleRefused) as caught:
        read_bundle(path, allowed, max_file_size=kwargs.pop("max_file_size", MAX_FILE), **kwargs)
    assert time.perf_counter() - started < 1.0
    assert caught.value.message, caught.value
    return caught.value


def put(tmp_path: Path, data: bytes, name: str = "crafted.ldb") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- writing and reading back


def test_round_trip_returns_the_members_and_the_file_hash(tmp_path: Path) -> None:
    target = tmp_path / "to-county.ldb"
    digest = write_bundle(target, MEMBERS)
    assert digest == hashlib.sha256(target.read_bytes()).hexdigest()
    assert read_bundle(target, ALLOWED, max_file_size=MAX_FILE) == MEMBERS
    with zipfile.ZipFile(target) as plain:  # any ZIP tool can list it
        assert plain.testzip() is None
        assert {i.date_time for i in plain.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in plain.infolist()} == {zipfile.ZIP_STORED}


def test_identical_members_give_identical_bytes(tmp_path: Path) -> None:
    first = write_bundle(tmp_path / "a.ldb", MEMBERS)
    second = write_bundle(tmp_path / "b.ldb", dict(reversed(list(MEMBERS.items()))))
    assert first == second
    assert (tmp_path / "a.ldb").read_bytes() == (tmp_path / "b.ldb").read_bytes()


def test_the_writer_follows_the_zip_specification(tmp_path: Path) -> None:
    write_bundle(tmp_path / "a.ldb", MEMBERS)
    assert (tmp_path / "a.ldb").read_bytes() == craft(good_entries())


def test_writer_refuses_a_name_that_is_not_a_plain_file_name(tmp_path: Path) -> None:
    for name in ("../x", "dir/x", "", ".hidden", "C:x"):
        with pytest.raises(ValueError, match="plain file name"):
            write_bundle(tmp_path / "a.ldb", {name: b"x"})
    with pytest.raises(ValueError, match="1 to 65,535 members"):
        write_bundle(tmp_path / "a.ldb", {})
    assert list(tmp_path.iterdir()) == []


def test_a_deflated_member_is_read(tmp_path: Path) -> None:
    entries = good_entries()
    entries[0].update(data=deflated(MEMBERS["manifest.json"]), plain=MEMBERS["manifest.json"],
                      method=8)  # fmt: skip
    assert read_bundle(put(tmp_path, craft(entries)), ALLOWED, max_file_size=MAX_FILE) == MEMBERS


def test_optional_members_may_be_missing_and_required_ones_may_not(tmp_path: Path) -> None:
    path = tmp_path / "a.ldb"
    write_bundle(path, {k: v for k, v in MEMBERS.items() if k != "manifest.sig"})
    found = read_bundle(path, ALLOWED, max_file_size=MAX_FILE, optional={"manifest.sig"})
    assert set(found) == {"manifest.json", "payload.bin"}
    assert "missing members: manifest.sig" in refused(path).reason


# ---------------------------------------------------------------- crafted archives (18, 19, 20)


def renamed(bad: str | bytes) -> list[dict[str, Any]]:
    entries = good_entries()
    entries[2]["name"] = bad  # payload.bin under another name
    return entries


BAD_NAMES = ["../x", "/x", "C:\\x", "C:x", "dir/", "..\\payload.bin", "./payload.bin",
             "/payload.bin", "payload.bin/", "Payload.bin", "PAYLOAD.BIN", "payload.bin ",
             "payload.bin\x00.exe", "pаyload.bin", "payload．bin", "payload.bin\u200b",
             "ｐayload.bin", b"payload.bin\xff"]  # fmt: skip


@pytest.mark.parametrize("bad", BAD_NAMES, ids=repr)
def test_a_name_not_allowed_is_refused(tmp_path: Path, bad: str | bytes) -> None:
    entries = renamed(bad)
    if isinstance(bad, bytes):
        entries[2]["flags"] = 0x800  # claims UTF-8, is not
    assert "name not allowed" in refused(put(tmp_path, craft(entries))).reason


def test_unicode_lookalikes_are_compared_exactly(tmp_path: Path) -> None:
    nfd = "café.txt".replace("é", "e\u0301")
    path = put(tmp_path, craft([{"name": nfd, "data": b"x"}]))
    assert "name not allowed" in refused(path, {"café.txt": 10}).reason
    assert read_bundle(put(tmp_path, craft([{"name": "café.txt", "data": b"x"}]), "ok.ldb"),
                       {"café.txt": 10}, max_file_size=MAX_FILE) == {"café.txt": b"x"}  # fmt: skip


CRAFTED: dict[str, tuple[Callable[[], bytes], str]] = {
    "extra member": (
        lambda: craft([*good_entries(), {"name": "run.exe", "data": b"MZ"}]),
        "too many entries",
    ),
    "symlink": (
        lambda: craft(
            [
                {**e, "attr": (stat.S_IFLNK | 0o777) << 16} if e["name"] == "manifest.sig" else e
                for e in good_entries()
            ]
        ),
        "link or folder",
    ),
    "folder by mode": (
        lambda: craft(
            [
                {**e, "attr": (stat.S_IFDIR | 0o755) << 16} if e["name"] == "manifest.sig" else e
                for e in good_entries()
            ]
        ),
        "link or folder",
    ),
    "folder by DOS bit": (
        lambda: craft(
            [
                {**e, "made_by": 20, "attr": 0x10} if e["name"] == "manifest.sig" else e
                for e in good_entries()
            ]
        ),
        "link or folder",
    ),
    "duplicate name": (lambda: craft([*good_entries()[:2], good_entries()[1]]), "duplicate"),
    "case twins": (
        lambda: craft([*good_entries()[:2], {**good_entries()[1], "name": "Manifest.sig"}]),
        "name not allowed",
    ),
    "encrypted flag": (lambda: craft([{**e, "flags": 1} for e in good_entries()]), "encrypted"),
    "strong encryption flag": (
        lambda: craft([{**e, "flags": 0x40} for e in good_entries()]),
        "encrypted",
    ),
    "bzip2 method": (lambda: craft([{**e, "method": 12} for e in good_entries()]), "method 12"),
    "AES method": (lambda: craft([{**e, "method": 99} for e in good_entries()]), "method 99"),
    "data descriptor flag": (
        lambda: craft([{**e, "flags": 8} for e in good_entries()]),
        "fixed layout",
    ),
    "a timestamp": (lambda: craft([{**e, "date": 0x5A21} for e in good_entries()]), "fixed layout"),
    "declared size over the cap": (
        lambda: craft(
            [
                {**e, "usize": 129, "csize": 129} if e["name"] == "manifest.sig" else e
                for e in good_entries()
            ]
        ),
        "over the cap",
    ),
    "stored with two sizes": (
        lambda: craft(
            [{**e, "usize": 10} if e["name"] == "payload.bin" else e for e in good_entries()]
        ),
        "two sizes",
    ),
    "stored size lies (small)": (
        lambda: craft(
            [
                {**e, "usize": 10, "csize": 10} if e["name"] == "manifest.json" else e
                for e in good_entries()
            ]
        ),
        "unaccounted bytes",
    ),
    "too many entries": (lambda: craft([*good_entries(), good_entries()[0]]), "too many"),
    "end record counts fewer": (lambda: craft(good_entries(), count=2), "more than its entries"),
    "local name differs": (
        lambda: craft(
            [
                {**e, "local_name": b"manifest.jso_"} if e["name"] == "manifest.json" else e
                for e in good_entries()
            ]
        ),
        "local header",
    ),
    "a comment after the end record": (
        lambda: craft(good_entries(), tail=b"hello"),
        "no end record",
    ),
    "junk in front": (lambda: b"MZ" + bytes(62) + craft(good_entries()), "not a ZIP"),
    "not a ZIP": (lambda: b"%PDF-1.7\n" + bytes(100), "not a ZIP"),
    "empty": (lambda: b"", "not a ZIP"),
}


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_a_crafted_archive_is_refused(tmp_path: Path, case: str) -> None:
    build, reason = CRAFTED[case]
    error = refused(put(tmp_path, build()))
    assert reason in error.reason
    assert error.message == archive.NOT_A_BUNDLE and error.args_map == {"file": "crafted.ldb"}


def test_two_entries_pointing_at_the_same_data_are_refused(tmp_path: Path) -> None:
    sig = MEMBERS["manifest.sig"]
    entries = [{"name": "manifest.json", "data": MEMBERS["manifest.json"]},
               {"name": "manifest.sig", "data": sig},
               {"name": "payload.bin", "data": sig, "local": False, "offset": 0}]  # fmt: skip
    entries[2]["offset"] = 30 + len("manifest.json") + len(MEMBERS["manifest.json"])
    assert "overlapping" in refused(put(tmp_path, craft(entries))).reason


def test_a_member_hidden_inside_another_is_refused(tmp_path: Path) -> None:
    """The overlapped zip bomb: one member's data holds another's local header."""
    sig = MEMBERS["manifest.sig"]
    inner = struct.pack("<IHHHHHIIIHH", LOCAL_SIG, 20, 0, 0, 0, 0x21, zlib.crc32(sig),
                        len(sig), len(sig), 12, 0) + b"manifest.sig" + sig  # fmt: skip
    outer = {"name": "manifest.json", "data": inner}
    head = 30 + len("manifest.json")
    entries = [outer, {"name": "manifest.sig", "data": sig, "local": False, "offset": head},
               {"name": "payload.bin", "data": MEMBERS["payload.bin"]}]  # fmt: skip
    assert "overlapping" in refused(put(tmp_path, craft(entries))).reason


def bomb_entries(declared: int, crc_of: bytes | None = None) -> list[dict[str, Any]]:
    zeros = bytes(10_000_000)
    entries = good_entries()
    entries[0].update(data=deflated(zeros), plain=zeros, method=8, usize=declared,
                      crc=zlib.crc32(crc_of if crc_of is not None else zeros))  # fmt: skip
    return entries


def test_a_deflate_bomb_over_the_cap_is_refused_before_inflating(tmp_path: Path) -> None:
    path = put(tmp_path, craft(bomb_entries(10_000_000)))
    assert path.stat().st_size < 50_000
    tracemalloc.start()
    try:
        assert "over the cap" in refused(path).reason
        assert tracemalloc.get_traced_memory()[1] < 2_000_000
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("declared", [100, 60_000])
def test_a_deflated_member_longer_than_declared_is_refused(tmp_path: Path, declared: int) -> None:
    """Small declared size, 10 MB inside, and a CRC that matches the first bytes: zipfile alone
    would hand over the first ``declared`` bytes and call it good."""
    path = put(tmp_path, craft(bomb_entries(declared, crc_of=bytes(declared))))
    tracemalloc.start()
    try:
        assert "past its declared size" in refused(path).reason
        assert tracemalloc.get_traced_memory()[1] < 4_000_000
    finally:
        tracemalloc.stop()


def test_a_deflated_member_shorter_than_declared_is_refused(tmp_path: Path) -> None:
    text = MEMBERS["manifest.json"]
    entries = good_entries()
    entries[0].update(data=deflated(text), plain=text, method=8, usize=len(text) + 5)
    assert "does not end at its declared size" in refused(put(tmp_path, craft(entries))).reason


def test_data_after_the_deflate_stream_is_refused(tmp_path: Path) -> None:
    text = MEMBERS["manifest.json"]
    entries = good_entries()
    entries[0].update(data=deflated(text) + b"hidden", plain=text, method=8)
    assert "after the end of the deflate stream" in refused(put(tmp_path, craft(entries))).reason


def test_archives_written_by_zipfile_itself_are_refused(tmp_path: Path) -> None:
    """Duplicates (zipfile only warns), ZIP64, data descriptors, another tool's layout."""
    made = []
    for kind in ("duplicate", "zip64", "stream", "deflate bomb"):
        buffer = io.BytesIO()
        target = buffer if kind != "stream" else _Unseekable(buffer)
        with warnings.catch_warnings(), zipfile.ZipFile(target, "w") as z:
            warnings.simplefilter("ignore")  # "Duplicate name": a warning, not an error
            for name in sorted(MEMBERS):
                if kind == "deflate bomb" and name == "manifest.json":
                    z.writestr(name, bytes(10_000_000), zipfile.ZIP_DEFLATED)
                    continue
                with z.open(name, "w", force_zip64=kind == "zip64") as member:
                    member.write(MEMBERS[name])
            if kind == "duplicate":
                z.writestr("payload.bin", b"second")
        made.append(refused(put(tmp_path, buffer.getvalue(), f"{kind}.ldb")))
    assert [e.message for e in made] == [archive.NOT_A_BUNDLE] * 4
    assert "too many entries" in made[0].reason and "over the cap" in made[3].reason


class _Unseekable(io.RawIOBase):
    def __init__(self, sink: io.BytesIO) -> None:
        self.sink = sink

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self.sink.write(data)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.ldb"
    write_bundle(path, MEMBERS)
    error = refused(path, max_file_size=path.stat().st_size - 1)
    assert error.message == archive.TOO_LARGE and error.args_map == {"file": "huge.ldb"}


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    assert refused(tmp_path / "gone.ldb").message == archive.CANNOT_READ
    assert refused(tmp_path).message == archive.NOT_A_BUNDLE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.ldb")
    assert "not a regular file" in refused(tmp_path / "pipe.ldb").reason


# ---------------------------------------------------------------- damage (reliability 12)


def _all_refused(tmp_path: Path, good: bytes, variants: list[bytes]) -> int:
    path = tmp_path / "damaged.ldb"
    started = time.perf_counter()
    for data in variants:
        path.write_bytes(data)
        try:
            read_bundle(path, ALLOWED, max_file_size=MAX_FILE)
        except BundleRefused:
            continue
        changed = [i for i, (a, b) in enumerate(zip(data, good, strict=False)) if a != b]
        pytest.fail(f"accepted a damaged bundle ({len(data)} bytes, changed at {changed})")
    assert time.perf_counter() - started < 0.1 * len(variants)
    return len(variants)


def test_truncations_are_refused(tmp_path: Path) -> None:
    good = craft(good_entries())
    rng = random.Random(12)
    cuts = [*rng.sample(range(len(good)), 100), 0, len(good) - 1]
    assert _all_refused(tmp_path, good, [good[:cut] for cut in cuts]) == 102


@pytest.mark.parametrize("deflate", [False, True])
def test_single_byte_flips_are_refused(tmp_path: Path, deflate: bool) -> None:
    entries = good_entries()
    if deflate:
        text = MEMBERS["manifest.json"] * 20
        entries[0].update(data=deflated(text), plain=text, method=8)
    good = craft(entries)
    assert read_bundle(put(tmp_path, good), ALLOWED, max_file_size=MAX_FILE)
    rng = random.Random(2026 + deflate)
    variants = []
    for _ in range(500):
        data = bytearray(good)
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        variants.append(bytes(data))
    assert _all_refused(tmp_path, good, variants) == 500


def test_every_header_byte_is_checked(tmp_path: Path) -> None:
    """Beyond the random flips: each byte outside the member data, flipped each of 3 ways."""
    good = craft(good_entries())
    data_ranges, offset = [], 0
    for name in sorted(MEMBERS):
        start = offset + 30 + len(name)
        data_ranges.append(range(start, start + len(MEMBERS[name])))
        offset = start + len(MEMBERS[name])
    header_bytes = [i for i in range(len(good)) if not any(i in r for r in data_ranges)]
    variants = []
    for i in header_bytes:
        for mask in (0x01, 0x80, 0xFF):
            data = bytearray(good)
            data[i] ^= mask
            variants.append(bytes(data))
    assert _all_refused(tmp_path, good, variants) == 3 * len(header_bytes)


# ---------------------------------------------------------------- a failing USB stick (9, 10)


@pytest.fixture
def old_target(tmp_path: Path) -> Path:
    target = tmp_path / "to-county.ldb"
    target.write_bytes(OLD)
    return target


def _fail(exc: OSError) -> Callable[..., Any]:
    def step(*args: Any) -> Any:
        raise exc

    return step


def _corrupting_write(out: Any, data: bytes) -> None:
    out.write(data[:-1] + bytes([data[-1] ^ 1]) if len(data) > 1000 else data)


STEPS: dict[str, tuple[str, Callable[..., Any], str]] = {
    "write: disk full": ("_write_all", _fail(OSError(errno.ENOSPC, "No space")), "WRITE_FAILED"),
    "write: stick pulled": ("_write_all", _fail(OSError(errno.EIO, "I/O")), "WRITE_FAILED"),
    "write: a stick that lies": ("_write_all", _corrupting_write, "WRITE_NOT_VERIFIED"),
    "flush": ("_flush", _fail(OSError(errno.EIO, "I/O error")), "WRITE_FAILED"),
    "rename: folder gone": ("_replace", _fail(FileNotFoundError(2, "gone")), "WRITE_FAILED"),
    "rename: in use": ("_replace", _fail(PermissionError(13, "in use")), "WRITE_IN_USE"),
    "read-back: differs": ("_hash_file", lambda path: "0" * 64, "WRITE_NOT_VERIFIED"),
    "read-back: fails": ("_hash_file", _fail(OSError(errno.EIO, "I/O")), "WRITE_FAILED"),
}


@pytest.mark.parametrize("case", sorted(STEPS))
def test_a_failing_step_leaves_the_old_file_and_no_temporary_file(
    old_target: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    step, replacement, message = STEPS[case]
    monkeypatch.setattr(archive, step, replacement)
    monkeypatch.setattr(archive, "_sleep", lambda seconds: None)
    with pytest.raises(BundleRefused) as caught:
        write_bundle(old_target, MEMBERS)
    assert caught.value.message == getattr(archive, message)
    assert caught.value.args_map == {"file": str(old_target)}
    assert str(old_target) in str(caught.value)
    assert old_target.read_bytes() == OLD
    assert list(old_target.parent.iterdir()) == [old_target]


def test_a_failing_write_without_an_old_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "_flush", _fail(OSError(errno.ENOSPC, "No space")))
    with pytest.raises(BundleRefused, match="could not be written"):
        write_bundle(tmp_path / "new.ldb", MEMBERS)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_gone_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BundleRefused) as caught:
        write_bundle(tmp_path / "removed-stick" / "a.ldb", MEMBERS)
    assert caught.value.message == archive.WRITE_FAILED
    assert "FileNotFoundError" in caught.value.reason


def test_a_write_protected_folder_is_refused(old_target: Path, monkeypatch) -> None:
    # As a write-protected stick answers (chmod would not stop root, who runs CI).
    def protected(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(archive.tempfile, "mkstemp", protected)
    with pytest.raises(BundleRefused) as caught:
        write_bundle(old_target, MEMBERS)
    assert caught.value.message == archive.WRITE_FAILED
    assert old_target.read_bytes() == OLD


@pytest.mark.parametrize("failures", [2, 3])
def test_a_rename_held_up_by_an_antivirus_is_retried(
    old_target: Path, monkeypatch: pytest.MonkeyPatch, failures: int
) -> None:
    attempts: list[str] = []
    sleeps: list[float] = []

    def flaky_replace(source: Path, target: Path) -> None:
        attempts.append(str(source))
        if len(attempts) <= failures:
            raise PermissionError(13, "The process cannot access the file")
        os.replace(source, target)

    monkeypatch.setattr(archive, "_replace", flaky_replace)
    monkeypatch.setattr(archive, "_sleep", sleeps.append)
    digest = write_bundle(old_target, MEMBERS)
    assert len(attempts) == failures + 1 and len(sleeps) == failures
    assert 0 < sum(sleeps) < 5
    assert hashlib.sha256(old_target.read_bytes()).hexdigest() == digest
    assert list(old_target.parent.iterdir()) == [old_target]


def test_a_rename_refused_ten_times_gives_up_with_file_in_use(
    old_target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Path] = []

    def held_open(source: Path, target: Path) -> None:
        attempts.append(source)
        if len(attempts) <= 10:
            raise PermissionError(13, "The process cannot access the file")
        os.replace(source, target)

    monkeypatch.setattr(archive, "_replace", held_open)
    monkeypatch.setattr(archive, "_sleep", lambda seconds: None)
    with pytest.raises(BundleRefused, match="another program is using that file") as caught:
        write_bundle(old_target, MEMBERS)
    assert caught.value.message == archive.WRITE_IN_USE
    assert len(attempts) == archive.RENAME_ATTEMPTS < 10
    assert old_target.read_bytes() == OLD
    assert list(old_target.parent.iterdir()) == [old_target]


def test_the_refusal_belongs_to_the_bundle_translation_context() -> None:
    error = BundleRefused(archive.WRITE_FAILED, reason="test", file="E:/a.ldb")
    assert error.context == "Bundle" and error.args_map == {"file": "E:/a.ldb"}
    assert "E:/a.ldb" in str(error) and error.reason == "test"
