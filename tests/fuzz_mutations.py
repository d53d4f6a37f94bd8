"""Structure-aware mutations for the fuzz tests (issue 9 point 8): of a valid workbook (odd cell
values, sheet XML edited element by element, ZIP members dropped, duplicated, truncated) and of a
valid bundle (manifest fields changed and signed again with the sender's real key, members
renamed, duplicated, dropped, reordered, headers whose lengths lie)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import warnings
import zipfile
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# --- workbooks: cells -------------------------------------------------------------------------

_text = st.text(max_size=40).filter(lambda t: not ILLEGAL_CHARACTERS_RE.search(t))
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(days=-3000), max_value=dt.timedelta(days=3000)),
    _text,
    st.sampled_from([
        "=1/0", "=HYPERLINK(\"http://x\")", "#N/A", "#DIV/0!", "   ", "１３８００１３８０００",
        "+86 138-0013-8000", "45033219850101103x", "2026-02-30", "明天", "是", "否", "Y",
        "来站反映", "张晓明、不存在的代表", "、、", "9" * 30, "路" * 10_001, "S01-2026-0001",
        "00000000-0000-0000-0000-000000000000", "not-a-uuid", "\u202e反向", "𠮷" * 3,
    ]),
)  # fmt: skip

CellEdit = tuple[int, int, Any]  # (row, column, value), 1-based like openpyxl
cell_edits = st.lists(
    st.tuples(st.integers(1, 10), st.integers(1, 14), ODD_VALUES), min_size=1, max_size=6
)


def edit_cells(data: bytes, edits: list[CellEdit]) -> bytes:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    for row, column, value in edits:
        sheet.cell(row=row, column=column).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- workbooks: the sheet XML -------------------------------------------------------------------

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
_REFS = ["XFD1048576", "A1048576", "XFD1", "A0", "a2", "1A", "", "AAAA1", "B99999999", "A1"]
_NUMBERS = ["-1", "1e400", "NaN", "", "abc", "99999999999999999999", "0x10", "1.5", "-0"]
_TYPES = ["s", "n", "b", "e", "str", "inlineStr", "d", "x"]

# (part, pattern, replacement builder): the k-th match of pattern is replaced.
XmlEdit = tuple[str, int, str]
_EDITS: dict[str, tuple[str, str, Callable[[re.Match[str], str], str]]] = {
    "cell type": (SHEET, r'<c r="[^"]*"(?: s="\d+")?( t="[^"]*")?',
                  lambda m, v: re.sub(r' t="[^"]*"', "", m.group(0)) + f' t="{v}"'),
    "value": (SHEET, r"<v>[^<]*</v>", lambda m, v: f"<v>{v}</v>"),
    "cell ref": (SHEET, r'<c r="[^"]*"', lambda m, v: f'<c r="{v}"'),
    "cell ref dropped": (SHEET, r'<c r="[^"]*"', lambda m, v: "<c"),
    "row number": (SHEET, r'<row r="\d+"', lambda m, v: f'<row r="{v}"'),
    "row duplicated": (SHEET, r"<row [^>]*>.*?</row>", lambda m, v: m.group(0) * 2),
    "row dropped": (SHEET, r"<row [^>]*>.*?</row>", lambda m, v: ""),
    "row hidden": (SHEET, r"<row ", lambda m, v: '<row hidden="1" '),
    "formula": (SHEET, r"<v>", lambda m, v: "<f>SUM(A1:A2)</f><v>"),
    "dimension": (SHEET, r'<dimension ref="[^"]*"', lambda m, v: f'<dimension ref="A1:{v}"'),
    "merged": (SHEET, r"</sheetData>",
               lambda m, v: f'</sheetData><mergeCells count="1"><mergeCell ref="A2:{v}"/>'
                            "</mergeCells>"),
    "string dropped": (STRINGS, r"<si>.*?</si>", lambda m, v: ""),
    "string count": (STRINGS, r'count="\d+"', lambda m, v: f'count="{v}"'),
    "tag cut": (SHEET, r"</c>", lambda m, v: ""),
}  # fmt: skip
xml_edits = st.lists(
    st.tuples(
        st.sampled_from(sorted(_EDITS)),
        st.integers(0, 60),
        st.one_of(st.sampled_from(_REFS + _NUMBERS + _TYPES), st.integers(-5, 2**31).map(str)),
    ),
    min_size=1,
    max_size=3,
)


def edit_xml(data: bytes, edits: list[XmlEdit]) -> bytes:
    """The workbook with its sheet (or shared strings) edited; other members as they were."""
    parts = _members(data)
    for name, k, value in edits:
        part, pattern, build = _EDITS[name]
        if part not in dict(parts):
            continue
        text = dict(parts)[part].decode("utf-8")
        matches = list(re.finditer(pattern, text, flags=re.S))
        if matches:
            m = matches[k % len(matches)]
            text = text[: m.start()] + build(m, value) + text[m.end() :]
        parts = [(n, text.encode("utf-8") if n == part else d) for n, d in parts]
    return _zip(parts)


# --- workbooks: ZIP members ---------------------------------------------------------------------

MemberEdit = tuple[str, int, int]  # (what, which member, how many bytes / where)
member_edits = st.lists(
    st.tuples(
        st.sampled_from(["drop", "duplicate", "truncate", "rename", "first", "stored"]),
        st.integers(0, 20),
        st.integers(0, 5000),
    ),
    min_size=1,
    max_size=3,
)
_RENAMES = ["xl/worksheets/sheet2.xml", "XL/workbook.xml", "xl/sharedstrings.xml", "../x.xml"]


def edit_members(data: bytes, edits: list[MemberEdit]) -> bytes:
    parts = _members(data)
    stored = False
    for what, which, amount in edits:
        if not parts:
            break
        i = which % len(parts)
        name, content = parts[i]
        if what == "drop":
            del parts[i]
        elif what == "duplicate":  # a second member of the same name, maybe different
            parts.insert(i + 1, (name, content[: amount % (len(content) + 1)]))
        elif what == "truncate":
            parts[i] = (name, content[: amount % (len(content) + 1)])
        elif what == "rename":
            parts[i] = (_RENAMES[amount % len(_RENAMES)], content)
        elif what == "first":
            parts.insert(0, parts.pop(i))
        else:
            stored = True
    return _zip(parts, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info.filename, z.read(info)) for info in z.infolist()]


def _zip(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": that is the point
        with zipfile.ZipFile(out, "w", method) as z:
            for name, content in parts:
                z.writestr(name, content)
    return out.getvalue()


# --- bundles: the manifest ----------------------------------------------------------------------

# Values a field could plausibly hold (so that a changed manifest gets past the parser to the
# later checks), and anything JSON can say.
PLAUSIBLE = st.one_of(
    st.uuids().map(str),
    st.integers(0, 12),
    st.sampled_from(["", "0" * 64, "ab" * 32, "2030-01-01T00:00:00+00:00", "0001", "9999"]),
    st.dictionaries(st.sampled_from(["feedback_cases", "case_events", "duty_days", "sites"]),
                    st.integers(0, 5), max_size=3),
    st.fixed_dictionaries({"ephemeral": st.sampled_from(["", "QUJD", "AAAA" * 11]),
                           "nonce": st.sampled_from(["", "REVG", "AAAA" * 4])}),
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-(2**64), 2**64), st.floats(allow_nan=False),
        st.text(max_size=20), st.sampled_from(["", "0" * 64, "ab" * 32, "not-a-uuid"]),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=6,
)  # fmt: skip
MANIFEST_FIELDS = ("bundle_id", "sender", "recipient", "epoch", "seq", "previous", "schema",
                   "reference_version", "counts", "payload_sha256", "payload_size", "sealed",
                   "written_at", "format", "version", "extra")  # fmt: skip
# (field, None: delete it, else the new value); changed fields are signed again or not.
manifest_edits = st.lists(
    st.tuples(
        st.sampled_from(MANIFEST_FIELDS),
        st.one_of(st.none(), PLAUSIBLE.map(lambda v: [v]), JSON_VALUES.map(lambda v: [v])),
    ),
    min_size=1,
    max_size=3,
)


def edit_manifest(raw: bytes, edits: list[tuple[str, list[Any] | None]]) -> bytes:
    body = json.loads(raw)
    for name, value in edits:
        if value is None:
            body.pop(name, None)
        else:
            body[name] = value[0]
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


# --- bundles: the archive -------------------------------------------------------------------------

BUNDLE_NAMES = ("manifest.json", "manifest.sig", "payload.bin")
_ENTRY_NAMES = [
    *BUNDLE_NAMES,
    "MANIFEST.JSON",
    "../payload.bin",
    "payload.bin/",
    "C:\\x",
    "manifest.jsоn",
    "autorun.inf",
    "",
    "a" * 300,
]  # fmt: skip  (о: Cyrillic)
# Header fields of the independent ZIP builder (tests/test_sync_archive.craft) given lies.
_FIELDS = {"csize": (0, 1, 64, 2**31), "usize": (0, 1, 64, 2**32 - 1), "crc": (0, 1),
           "method": (0, 8, 12, 99), "flags": (0x1, 0x8, 0x800, 0x41), "offset": (0, 1, 30, 10**6),
           "made_by": (0x0000, 0x0B14), "attr": (0, 0o120777 << 16, 0o040755 << 16)}  # fmt: skip
EntryEdit = tuple[str, int, int]
entry_edits = st.lists(
    st.tuples(
        st.sampled_from(["rename", "duplicate", "drop", "reorder", "lie", "local name", "count",
                         "tail"]),
        st.integers(0, 10),
        st.integers(0, 10),
    ),
    min_size=1,
    max_size=3,
)  # fmt: skip


def edit_entries(members: dict[str, bytes], edits: list[EntryEdit]) -> tuple[list[dict], dict]:
    """Entries for ``craft`` and its keyword arguments, after the edits."""
    entries: list[dict[str, Any]] = [{"name": n, "data": members[n]} for n in BUNDLE_NAMES]
    extra: dict[str, Any] = {}
    for what, which, how in edits:
        if not entries and what != "tail":
            continue
        i = which % max(len(entries), 1)
        if what == "rename":
            entries[i] = {**entries[i], "name": _ENTRY_NAMES[how % len(_ENTRY_NAMES)]}
        elif what == "duplicate":
            entries.insert(i, dict(entries[i]))
        elif what == "drop":
            del entries[i]
        elif what == "reorder":
            entries.append(entries.pop(i))
        elif what == "lie":
            name = sorted(_FIELDS)[how % len(_FIELDS)]
            entries[i] = {**entries[i], name: _FIELDS[name][which % len(_FIELDS[name])]}
        elif what == "local name":
            local = _ENTRY_NAMES[how % len(_ENTRY_NAMES)].encode()
            entries[i] = {**entries[i], "local_name": local}
        elif what == "count":
            extra["count"] = how
        else:
            extra["tail"] = bytes(how)
    return entries, extra
