"""A bundle's payload: the records it carries, as compressed JSON lines, read with every value
checked against its column.

The first line is the header (``{"acks": [...], "tables": {...}}``); then, per table, a line
``{"table": name, "columns": [...], "rows": n}`` followed by ``n`` lines, each one row as a JSON
array in that column order. Only the tables in ``TRAVELLING`` may appear, only with their own
columns; ``change_seq`` never travels (it is each database's own counter).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Uuid,
)

from desktop.db.base import Base, UtcDateTime
from desktop.db.models import CaseEvent
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.sync.errors import BundleRefused
from desktop.sync.tables import TABLE_LABELS, TRAVELLING  # noqa: F401 (TABLE_LABELS: re-export)

LOCAL_ONLY = frozenset({"change_seq"})
# Columns shown to people, never compared: two copies that differ only here are the same.
SHOWN_ONLY = frozenset({"created_at", "updated_at", "change_seq"})
# A case's list columns are recomputed from its events at every site, never taken as sent.
CASE_PROJECTION = frozenset({
    "state", "last_event_id", "department_id", "co_department_ids", "referred_on", "deadline",
    "deadline_exact", "replied_on", "outcome", "reply_text", "answered_on", "satisfaction",
    "follow_up", "escalated", "merged_into_id", "conflict",
})  # fmt: skip

MAX_PLAIN = 2 << 30  # 2 GiB of JSON: far above a county's year, far below a bomb's appetite
MAX_TEXT = 1 << 20  # one Text value
MAX_BINARY = 32 << 20  # one attachment
MAX_ACKS = 1_000_000
_LINE_LIMIT = 64 << 20

BAD_PAYLOAD = QT_TRANSLATE_NOOP(
    "Bundle",
    "The contents of “{file}” are damaged or were written by a program this one does not know. "
    "Nothing has been imported; ask the sender to export it again.",
)

Value = Any
Row = dict[str, Any]


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def columns(name: str) -> tuple[str, ...]:
    return tuple(c.name for c in table(name).columns if c.name not in LOCAL_ONLY)


# --- values ---------------------------------------------------------------------------------


# Ids seen lately, parsed: a bundle names the same sites, deputies, cases and duty days over and
# over, and building a UUID (725,000 of them for 100,000 records) was a third of an import.
_UUIDS: dict[str, uuid.UUID] = {}
_UUIDS_KEPT = 1 << 20


def _parse_uuid(v: Value) -> uuid.UUID:
    if not isinstance(v, str):
        raise TypeError(v)
    found = _UUIDS.get(v)
    if found is not None:
        return found
    out = uuid.UUID(v)
    if str(out) != v:  # only the canonical spelling, as the sender writes it
        raise ValueError(v)
    if len(_UUIDS) >= _UUIDS_KEPT:
        _UUIDS.clear()
    _UUIDS[v] = out
    return out


def _encoder(column: Column) -> Callable[[Value], Value]:
    kind = column.type
    if isinstance(kind, Uuid):
        return str
    if isinstance(kind, UtcDateTime):
        return lambda v: v.astimezone(dt.UTC).isoformat()
    if isinstance(kind, Date):
        return dt.date.isoformat
    if isinstance(kind, LargeBinary):
        return lambda v: base64.b64encode(v).decode("ascii")
    return lambda v: v


def _decoder(column: Column) -> Callable[[Value], Value]:
    """A function that returns the column's value from JSON, or raises ValueError/TypeError."""
    kind = column.type
    if isinstance(kind, Uuid):
        return _parse_uuid
    if isinstance(kind, UtcDateTime):

        def parse_moment(v: Value) -> dt.datetime:
            if not isinstance(v, str) or len(v) > 40:
                raise TypeError(v)
            out = dt.datetime.fromisoformat(v)
            if out.tzinfo is None:
                raise ValueError(v)
            return out.astimezone(dt.UTC)

        return parse_moment
    if isinstance(kind, Date):

        def parse_day(v: Value) -> dt.date:
            if not isinstance(v, str) or len(v) != 10:
                raise TypeError(v)
            return dt.date.fromisoformat(v)

        return parse_day
    if isinstance(kind, Boolean):

        def parse_bool(v: Value) -> bool:
            if not isinstance(v, bool):
                raise TypeError(v)
            return v

        return parse_bool
    if isinstance(kind, Integer | BigInteger):

        def parse_int(v: Value) -> int:
            if not isinstance(v, int) or isinstance(v, bool) or not -(2**62) < v < 2**62:
                raise TypeError(v)
            return v

        return parse_int
    if isinstance(kind, LargeBinary):

        def parse_bytes(v: Value) -> bytes:
            if not isinstance(v, str) or len(v) > MAX_BINARY * 4 // 3 + 4:
                raise TypeError(v)
            return base64.b64decode(v, validate=True)

        return parse_bytes
    if isinstance(kind, String | Text):
        limit = kind.length or MAX_TEXT

        def parse_text(v: Value) -> str:
            # No NUL: a PostgreSQL county cannot store one (and no form or workbook gives one).
            if not isinstance(v, str) or len(v) > limit or "\x00" in v:
                raise TypeError(v)
            return v

        return parse_text
    raise AssertionError(f"no decoder for {column}")  # a new column type: teach the payload


@dataclass(frozen=True)
class _Codec:
    names: tuple[str, ...]
    encode: tuple[Callable[[Value], Value], ...]
    decode: tuple[Callable[[Value], Value], ...]
    nullable: tuple[bool, ...]


def _codec(name: str) -> _Codec:
    cols = [c for c in table(name).columns if c.name not in LOCAL_ONLY]
    return _Codec(
        tuple(c.name for c in cols),
        tuple(_encoder(c) for c in cols),
        tuple(_decoder(c) for c in cols),
        tuple(bool(c.nullable) for c in cols),
    )


CODECS: dict[str, _Codec] = {name: _codec(name) for name in TRAVELLING}


def encode_row(name: str, row: Mapping[str, Value]) -> list[Value]:
    codec = CODECS[name]
    return [
        None if (v := row[n]) is None else enc(v)
        for n, enc in zip(codec.names, codec.encode, strict=True)
    ]


def decode_row(name: str, values: Sequence[Value]) -> Row:
    """The row as Python values; ValueError/TypeError if any value does not fit its column."""
    codec = CODECS[name]
    if not isinstance(values, list) or len(values) != len(codec.names):
        raise ValueError("row shape")
    out: Row = {}
    for n, dec, nullable, v in zip(codec.names, codec.decode, codec.nullable, values, strict=True):
        if v is None:
            if not nullable:
                raise ValueError(n)
            out[n] = None
        else:
            out[n] = dec(v)
    return out


def plain_row(name: str, row: Mapping[str, Value]) -> str:
    """A row as JSON text (conflicts and waiting records keep the sender's row like this)."""
    return json.dumps(encode_row(name, row), ensure_ascii=False)


def comparable(name: str, row: Mapping[str, Value]) -> tuple[Value, ...]:
    """What two copies of a record must agree on to be the same version."""
    skip = SHOWN_ONLY | (CASE_PROJECTION if name == "feedback_cases" else frozenset())
    return tuple(row[n] for n in CODECS[name].names if n not in skip)


# --- the payload ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ack:
    """A bundle the writer of this payload received from its reader."""

    epoch: uuid.UUID
    seq: int
    file_sha256: str


@dataclass
class Payload:
    acks: list[Ack] = field(default_factory=list)
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items() if rows}

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def encode(acks: Iterable[Ack], tables: Mapping[str, Iterable[Mapping[str, Value]]]) -> bytes:
    """The payload's compressed bytes; rows are encoded table by table as they come."""
    squeeze = zlib.compressobj(6)
    out: list[bytes] = []

    def line(value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        out.append(squeeze.compress(text.encode() + b"\n"))

    line({"acks": [[str(a.epoch), a.seq, a.file_sha256] for a in acks]})
    for name in TRAVELLING:
        rows = [encode_row(name, r) for r in tables.get(name, ())]
        if not rows:
            continue
        line({"table": name, "columns": list(CODECS[name].names), "rows": len(rows)})
        for values in rows:
            line(values)
    out.append(squeeze.flush())
    return b"".join(out)


def _lines(data: bytes, file: str) -> Iterator[bytes]:
    """Decompressed lines, never more than MAX_PLAIN in all nor a line over _LINE_LIMIT."""
    stretch = zlib.decompressobj()
    pending, total = b"", 0
    chunk = memoryview(data)
    step = 1 << 20
    for start in range(0, len(chunk), step):
        piece = chunk[start : start + step]
        while piece:
            plain = stretch.decompress(piece, _LINE_LIMIT)
            piece = stretch.unconsumed_tail
            total += len(plain)
            if total > MAX_PLAIN:
                raise _bad(file, "payload too large once decompressed")
            parts = (pending + plain).split(b"\n")
            pending = parts.pop()
            if len(pending) > _LINE_LIMIT:
                raise _bad(file, "line too long")
            yield from parts
    if stretch.unused_data or not stretch.eof or pending:
        raise _bad(file, "payload does not end where it should")


def _bad(file: str, reason: str) -> BundleRefused:
    return BundleRefused(BAD_PAYLOAD, reason=reason, file=file)


def decode(data: bytes, file: str = "") -> Payload:
    """The payload; BundleRefused if its shape is wrong anywhere. Row values are checked by
    ``decode_row`` later, row by row, so that one bad row is rejected, not the bundle."""
    try:
        return _decode(data, file)
    except BundleRefused:
        raise
    except (zlib.error, ValueError, TypeError, KeyError, IndexError, binascii.Error) as exc:
        raise _bad(file, f"{type(exc).__name__}: {exc}") from exc


def _decode(data: bytes, file: str) -> Payload:
    lines = _lines(data, file)
    header = json.loads(next(lines, b"null"))
    if not isinstance(header, dict) or set(header) != {"acks"}:
        raise _bad(file, "header")
    raw_acks = header["acks"]
    if not isinstance(raw_acks, list) or len(raw_acks) > MAX_ACKS:
        raise _bad(file, "acks")
    acks = [_ack(a) for a in raw_acks]
    payload = Payload(acks)
    order = {name: i for i, name in enumerate(TRAVELLING)}
    last = -1
    for text in lines:
        head = json.loads(text)
        if not isinstance(head, dict) or set(head) != {"table", "columns", "rows"}:
            raise _bad(file, "table header")
        name, count = head["table"], head["rows"]
        if name not in order or order[name] <= last:
            raise _bad(file, f"table {name!r} unknown or out of order")
        if head["columns"] != list(CODECS[name].names):
            raise _bad(file, f"columns of {name}")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise _bad(file, "row count")
        last = order[name]
        rows: list[Any] = []
        for _ in range(count):
            row = next(lines, None)
            if row is None:
                raise _bad(file, "fewer rows than announced")
            rows.append(json.loads(row))
        payload.tables[name] = rows  # raw lists: decode_row checks each one
    return payload


def _ack(value: Any) -> Ack:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError("ack")
    epoch, seq, sha = value
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise ValueError("ack seq")
    if not isinstance(sha, str) or len(sha) != 64 or sha.strip("0123456789abcdef"):
        raise ValueError("ack hash")
    parsed = uuid.UUID(epoch)
    if str(parsed) != epoch:
        raise ValueError("ack epoch")
    return Ack(parsed, seq, sha)


EVENT_TABLE = CaseEvent.__tablename__
