"""Fuzzing the workbook importer and the bundle reader with structure-aware mutations (issue 9
point 8; reliability rows 12, 23, 24): whatever the file, only the documented refusal escapes
(WorkbookRefused, BundleRefused), nothing is written, and the database stays sound.

tests/test_xlsx_formats.py flips random bytes of workbooks at the reader, and
tests/test_bundle_tamper.py flips bundle bytes and imports fixed crafted archives; these tests
mutate the structure instead (cells, sheet XML, ZIP members; manifest fields signed again with
the sender's real key, members and their headers) and go through the whole import, plan and
write. A workbook is read in a forked child: a reader that aborts the process (a Rust
allocation failure in calamine) or runs away fails the example instead of killing pytest."""

from __future__ import annotations

import io
import os
import resource
import select
import shutil
import signal
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.domain.records import ListFilter
from desktop.formats.xlsx_common import WorkbookRefused
from desktop.formats.xlsx_write import write_workbook
from desktop.services import open_services
from desktop.services.bundle_peers import local_site
from desktop.sync import archive, crypto
from desktop.sync.errors import BundleRefused
from tests.bundle_fixtures import PEOPLE, TODAY, Network, fill, healthy, table_counts
from tests.crash_world import checkpoint_copy
from tests.fuzz_mutations import (
    BUNDLE_NAMES,
    cell_edits,
    edit_cells,
    edit_entries,
    edit_manifest,
    edit_members,
    edit_xml,
    entry_edits,
    manifest_edits,
    member_edits,
    xml_edits,
)
from tests.test_sync_archive import craft
from tests.workbook_fixtures import fill as fill_station
from tests.workbook_fixtures import open_station

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
CHILD_SECONDS = 20.0
CHILD_MEMORY = 2 << 30  # address space a child may add: a runaway allocation fails, bounded

# --- a child process for each workbook ----------------------------------------------------------


def isolated(work: Callable[[], str]) -> str:
    """``work()`` in a forked child; its answer, or why it died (a signal, the time limit)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        answer = ""
        try:
            os.close(read_end)
            pages = int(Path("/proc/self/statm").read_text().split()[0])
            limit = pages * resource.getpagesize() + CHILD_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            answer = work()
        except BaseException:  # everything is the parent's to judge
            answer = "escaped: " + traceback.format_exc()
        finally:
            os.write(write_end, answer.encode("utf-8", "replace")[:60_000])
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + CHILD_SECONDS
    late = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            late = True
            break
        if select.select([read_end], [], [], left)[0]:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    if late:
        os.kill(pid, signal.SIGKILL)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    if late:
        return f"ran over {CHILD_SECONDS} s"
    if os.WIFSIGNALED(status):
        return f"died of signal {signal.Signals(os.WTERMSIG(status)).name}"
    return b"".join(chunks).decode("utf-8")


# --- workbooks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Books:
    station: Path  # a closed, checkpointed station database
    workbook: bytes  # its feedback register as exported, plus rows typed in by hand
    folder: Path


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Books:
    folder = tmp_path_factory.mktemp("fuzz-books")
    services = open_station(folder / "live.sqlite", TODAY)
    fill_station(services, TODAY)
    exported = folder / "exported.xlsx"
    write_workbook(exported, [services.registers.sheet("feedback", ListFilter(), reveal=True)])
    services.close()
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for i in range(4):  # new cases, as a clerk adds them at the bottom
        typed = {"受理日期": TODAY, "反映人": f"钱{i}", "联系电话": f"0774-555{i:04d}",
                 "反映内容": f"第{i}件：桥头护栏松动", "接待代表": "张晓明"}  # fmt: skip
        sheet.append([typed.get(h) for h in headers])
    out = io.BytesIO()
    book.save(out)
    station = checkpoint_copy(folder / "live.sqlite", folder / "station.sqlite")
    made = Books(station, out.getvalue(), folder)
    # Once here: every child then starts with the modules loaded and SQLAlchemy's statement
    # cache warm (a child's own work is lost with it), which halves an example's time.
    assert _plan_and_write(made, made.workbook) == "ok: 4 new, 0 rejected"
    return made


def _plan_and_write(books: Books, data: bytes) -> str:
    """In the child: plan the workbook (only WorkbookRefused may escape, nothing written), and
    write what the plan accepts (the command line's --skip-rejected); the database stays sound."""
    db = books.folder / "example.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(books.station, db)
    path = books.folder / "example.xlsx"
    path.write_bytes(data)
    services = open_services(db, today=lambda: TODAY)
    before = table_counts(db)
    try:
        plan = services.imports.plan("feedback", path)
    except WorkbookRefused as refusal:
        assert refusal.message and table_counts(db) == before
        return "ok: refused"
    assert table_counts(db) == before, "planning wrote to the database"
    if plan.writes:
        services.imports.apply(plan)
        cases = table_counts(db)["feedback_cases"]
        assert cases == before["feedback_cases"] + plan.count("new")
    services.close()
    assert healthy(db)
    return f"ok: {plan.count('new')} new, {plan.count('rejected')} rejected"


def _fuzz_workbooks(books: Books, mutated: Callable[[bytes], bytes], seen: Counter) -> None:
    answer = isolated(lambda: _plan_and_write(books, mutated(books.workbook)))
    assert answer.startswith("ok"), answer
    seen[answer.split(",")[0] if "refused" in answer else "planned"] += 1


def test_the_unmutated_workbook_imports(books: Books) -> None:
    assert isolated(lambda: _plan_and_write(books, books.workbook)) == "ok: 4 new, 0 rejected"


def test_odd_cell_values_are_rejected_row_by_row_or_refused(books: Books) -> None:
    seen: Counter = Counter()

    @settings(FUZZ, max_examples=80)
    @given(cell_edits)
    @example([(2, 2, -106751991169.0)])  # a date far out of range: calamine panicked on it
    def check(edits: list) -> None:
        _fuzz_workbooks(books, lambda data: edit_cells(data, edits), seen)

    check()
    assert seen["planned"] > 0  # most odd cells are a row's problem, not the file's


def test_a_mutated_sheet_xml_is_refused_or_read_row_by_row(books: Books) -> None:
    seen: Counter = Counter()

    @settings(FUZZ, max_examples=100)
    @given(xml_edits)
    def check(edits: list) -> None:
        _fuzz_workbooks(books, lambda data: edit_xml(data, edits), seen)

    check()
    assert seen["planned"] > 0 and seen["ok: refused"] > 0


def test_dropped_duplicated_or_truncated_members_are_refused(books: Books) -> None:
    seen: Counter = Counter()

    @settings(FUZZ, max_examples=60)
    @given(member_edits)
    def check(edits: list) -> None:
        _fuzz_workbooks(books, lambda data: edit_members(data, edits), seen)

    check()
    assert seen["ok: refused"] > 0


# --- bundles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundles:
    county: Path  # closed, checkpointed: before the station's first bundle
    members: dict[str, bytes]  # of that bundle
    keys: crypto.SiteKeys  # the station's own, to sign a changed manifest as it would
    folder: Path


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundles]:
    folder = tmp_path_factory.mktemp("fuzz-bundles")
    saved, crypto.DEFAULT_SCRYPT = crypto.DEFAULT_SCRYPT, (4, 1, 1)
    network = Network(folder / "network", ("WJ-03",))
    try:
        network.roster("WJ-03")
        station = network.stations["WJ-03"]
        fill(station, network.deputies["WJ-03"], PEOPLE["WJ-03"])
        (path,) = network.to_county("WJ-03").files
        with station.db.read() as s:
            keys = local_site(s, station.db.local_site_id(s)).keys
        members = archive.read_bundle(
            path, {n: 1 << 20 for n in BUNDLE_NAMES}, max_file_size=1 << 22
        )
    finally:
        network.close()
        crypto.DEFAULT_SCRYPT = saved
    county = checkpoint_copy(Path(network.path()), folder / "county.sqlite")
    yield Bundles(county, members, keys, folder)


def _import(bundles: Bundles, data: bytes) -> str:
    """Preview then import ``data`` at a fresh copy of the county: each refused with
    BundleRefused and nothing written (a fork or broken chain sets the file aside: one
    quarantine row), or the bundle is taken whole with its receipt."""
    db = bundles.folder / "example.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(bundles.county, db)
    path = bundles.folder / "example.ldbundle"
    path.write_bytes(data)
    services = open_services(db, today=lambda: TODAY)
    before = table_counts(db)
    outcomes = []
    try:
        for call in (services.bundles.plan, services.bundles.apply):
            try:
                call(path)
                outcomes.append("taken")
            except BundleRefused as refusal:
                assert refusal.message
                outcomes.append(refusal.message)
                if refusal.reason in ("fork", "chain"):
                    before["bundles_quarantined"] = table_counts(db)["bundles_quarantined"]
                    assert before["bundles_quarantined"] == 1
    finally:
        services.close()
    assert healthy(db)
    after = table_counts(db)
    if outcomes[-1] == "taken":
        assert outcomes == ["taken", "taken"] and after["bundles_received"] == 1
        return "taken"
    assert after == before, "a refused bundle changed the database"
    return outcomes[0]


def _signed(bundles: Bundles, raw: bytes, sign_again: bool) -> dict[str, bytes]:
    signature = crypto.sign(raw, bundles.keys) if sign_again else bundles.members["manifest.sig"]
    return {**bundles.members, "manifest.json": raw, "manifest.sig": signature}


def test_the_unmutated_bundle_imports(bundles: Bundles) -> None:
    assert _import(bundles, archive.pack(bundles.members)) == "taken"


def test_changed_manifest_fields_are_refused_even_when_signed_again(bundles: Bundles) -> None:
    seen: Counter = Counter()

    @FUZZ
    @given(manifest_edits, st.booleans())
    def check(edits: list, sign_again: bool) -> None:
        raw = edit_manifest(bundles.members["manifest.json"], edits)
        seen[_import(bundles, archive.pack(_signed(bundles, raw, sign_again)))] += 1

    check()
    assert len(seen) >= 3, seen  # refused at several checks, not all at the first


def test_renamed_duplicated_reordered_or_lying_members_are_refused(bundles: Bundles) -> None:
    seen: Counter = Counter()

    @FUZZ
    @given(entry_edits)
    def check(edits: list) -> None:
        entries, extra = edit_entries(bundles.members, edits)
        data = craft(entries, **extra)
        outcome = _import(bundles, data)
        seen[outcome] += 1
        # The reader demands the writer's exact layout: only an edit that changed no byte
        # (a member moved to where it was, a count set to what it was) may be taken.
        assert outcome != "taken" or data == craft(*edit_entries(bundles.members, [])[:1])

    check()
    assert len(seen) >= 2, seen


def test_a_changed_payload_under_a_matching_signed_manifest_is_refused(bundles: Bundles) -> None:
    """The manifest's hash and size follow the change and are signed again with the real key:
    the sealed payload itself must then refuse it."""
    import hashlib
    import json

    @settings(FUZZ, max_examples=60)
    @given(st.integers(0, 10**6), st.integers(1, 255), st.sampled_from(["flip", "cut", "grow"]))
    def check(at: int, byte: int, how: str) -> None:
        payload = bytearray(bundles.members["payload.bin"])
        i = at % len(payload)
        if how == "flip":
            payload[i] ^= byte
        elif how == "cut":
            del payload[i:]
        else:
            payload[i:i] = bytes([byte]) * (at % 50 + 1)
        body = json.loads(bundles.members["manifest.json"])
        body.update(payload_sha256=hashlib.sha256(payload).hexdigest(), payload_size=len(payload))
        raw = edit_manifest(json.dumps(body).encode(), [])
        members = {**_signed(bundles, raw, True), "payload.bin": bytes(payload)}
        assert _import(bundles, archive.pack(members)) != "taken"

    check()
