"""The bundle container: a ZIP with a fixed set of members, written verified, read strictly."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import stat
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop.db.durable import sync_folder
from desktop.domain.tr import QT_TRANSLATE_NOOP
from desktop.sync.errors import BundleRefused

NOT_A_BUNDLE = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” is not a bundle from Liaison Desk, or it was damaged on the way. Ask for it to "
    "be exported again.",
)
TOO_LARGE = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” is far larger than a bundle from Liaison Desk can be, so it was not opened. "
    "Check that you chose the right file.",
)
CANNOT_READ = QT_TRANSLATE_NOOP(
    "Bundle",
    "“{file}” could not be read: the USB stick may have been removed, or another program is "
    "using the file. Check the stick and try again.",
)
WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Bundle",
    "The bundle could not be written to “{file}”: the USB stick may be full, write-protected "
    "or removed. Nothing was changed; check the stick and try again.",
)
WRITE_IN_USE = QT_TRANSLATE_NOOP(
    "Bundle",
    "The bundle could not be written to “{file}”: another program is using that file (an "
    "antivirus may be checking it). Nothing was changed; wait a minute and try again.",
)
WRITE_NOT_VERIFIED = QT_TRANSLATE_NOOP(
    "Bundle",
    "The bundle written to “{file}” did not read back the same: the USB stick may be faulty. "
    "Nothing was changed; try again, or use another USB stick.",
)

# The layout, fixed so that the same members always give the same bytes: every member STORED
# (the payload is encrypted, so incompressible, and deflate output may change with the zlib
# build), members sorted by name, no extra fields or comments, no ZIP64, and 1980-01-01 00:00
# (the earliest DOS date) instead of the PC clock. The reader demands exactly this layout, so a
# changed byte anywhere in the headers is refused; it also accepts DEFLATED members (a later
# writer may compress the manifest), bounded like the rest.
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20  # 2.0: enough for stored and deflated
_MADE_BY = (3 << 8) | _VERSION  # Unix, so that external_attr carries a file type
_FILE_ATTR = (stat.S_IFREG | 0o644) << 16
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1  # 1980-01-01 00:00:00
_UTF8 = 0x0800
_ENCRYPTED = 0x0001 | 0x0040 | 0x2000  # traditional, strong, encrypted central directory
_MAX_NAME = 255
_CHUNK = 1 << 20
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# What zipfile, zlib and struct raise on malformed input: each becomes NOT_A_BUNDLE.
_MALFORMED = (zipfile.BadZipFile, zlib.error, struct.error, EOFError, ValueError, OverflowError,
              NotImplementedError, RuntimeError, KeyError, IndexError)  # fmt: skip

RENAME_ATTEMPTS = 6  # with waits of 0.1, 0.2, 0.4, 0.8, 1.6 s: an antivirus scan lets go

# Each step of writing is a module-level name so that a test can make it fail (reliability 9).
_sleep = time.sleep
_replace = os.replace


def _write_all(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def _flush(out: BinaryIO) -> None:
    out.flush()
    os.fsync(out.fileno())


def _hash_file(path: Path) -> str:
    """SHA-256 of the file as the disk gives it back (the page cache dropped where possible)."""
    digest = hashlib.sha256()
    with open(path, "rb") as src:
        if hasattr(os, "posix_fadvise"):
            with contextlib.suppress(OSError):
                os.posix_fadvise(src.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    raw_name: bytes
    method: int
    crc: int
    compressed: int
    size: int
    offset: int

    @property
    def flags(self) -> int:
        return 0 if self.name.isascii() else _UTF8

    @property
    def data_start(self) -> int:
        return self.offset + _LOCAL.size + len(self.raw_name)

    @property
    def end(self) -> int:
        return self.data_start + self.compressed

    def _common(self) -> tuple[int, ...]:
        return (_VERSION, self.flags, self.method, _DOS_TIME, _DOS_DATE, self.crc,
                self.compressed, self.size, len(self.raw_name))  # fmt: skip

    def local_header(self) -> bytes:
        return _LOCAL.pack(_LOCAL_SIG, *self._common(), 0) + self.raw_name

    def central_header(self) -> bytes:
        tail = (0, 0, 0, 0, _FILE_ATTR, self.offset)  # extra, comment, disk, internal attributes
        return _CENTRAL.pack(_CENTRAL_SIG, _MADE_BY, *self._common(), *tail) + self.raw_name


def _archive_pieces(members: Mapping[str, bytes]) -> Iterator[bytes]:
    """The archive's bytes in order; members are yielded as given (no copy)."""
    entries: list[_Entry] = []
    offset = 0
    for name in sorted(members):
        if not _NAME.fullmatch(name):
            raise ValueError(f"bundle member name {name!r} is not a plain file name")
        data = members[name]
        entry = _Entry(
            name, name.encode(), zipfile.ZIP_STORED, zlib.crc32(data), len(data), len(data), offset
        )
        yield entry.local_header()
        yield data
        entries.append(entry)
        offset = entry.end
    if offset > 0xFFFFFFFF or not 0 < len(entries) <= 0xFFFF:
        raise ValueError("a bundle holds 1 to 65,535 members in under 4 GiB (it has no ZIP64)")
    directory = b"".join(entry.central_header() for entry in entries)
    yield directory
    yield _END.pack(_END_SIG, 0, 0, len(entries), len(entries), len(directory), offset, 0)


def pack(members: Mapping[str, bytes]) -> bytes:
    """The bundle file's bytes for ``members`` (the same members always give the same bytes)."""
    return b"".join(_archive_pieces(members))


def write_bundle(target: Path, members: Mapping[str, bytes]) -> str:
    return write_packed(target, pack(members))  # whole or not at all; returns the SHA-256


def write_packed(target: Path, data: bytes) -> str:
    """Write packed bundle bytes at ``target`` whole or not at all; return their SHA-256.
    The temporary file is flushed, read back and hashed BEFORE the rename: a stick that lies
    about flushing is caught while the old file is still in place."""
    expected, file = hashlib.sha256(data).hexdigest(), str(target)
    temp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        temp = Path(name)
        with os.fdopen(fd, "wb") as out:
            _write_all(out, data)
            _flush(out)
        if _hash_file(temp) != expected:
            raise BundleRefused(WRITE_NOT_VERIFIED, reason="read-back hash differs", file=file)
        _replace_retrying(temp, target)
        temp = None
        sync_folder(target.parent)
    except OSError as exc:
        raise BundleRefused(WRITE_FAILED, reason=f"{type(exc).__name__}: {exc}", file=file) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    return expected


def _replace_retrying(temp: Path, target: Path) -> None:
    wait = 0.1
    for attempt in range(RENAME_ATTEMPTS):
        try:
            _replace(temp, target)
            return
        except PermissionError as exc:
            if attempt == RENAME_ATTEMPTS - 1:
                raise BundleRefused(
                    WRITE_IN_USE, reason=f"rename: {exc}", file=str(target)
                ) from exc
            _sleep(wait)
            wait *= 2


def read_bundle(
    path: Path,
    allowed: Mapping[str, int],
    *,
    max_file_size: int,
    optional: Collection[str] = (),
) -> dict[str, bytes]:
    """The members of the bundle at ``path`` by name, all headers checked before any is read.

    ``allowed`` maps each member name to its size cap; all are required but ``optional`` ones.
    Malformed input of any kind raises ``BundleRefused`` and nothing else."""
    file = path.name
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open: a FIFO would block it
            raise _damaged(file, "not a regular file on disk")
        with open(path, "rb") as src:
            size = os.fstat(src.fileno()).st_size
            if size > max_file_size:
                raise BundleRefused(TOO_LARGE, reason=f"{size} bytes", file=file)
            entries = _check_layout(src, size, allowed, optional, file)
            return _read_members(src, entries, allowed, file)
    except BundleRefused:
        raise
    except OSError as exc:
        raise BundleRefused(CANNOT_READ, reason=f"{type(exc).__name__}: {exc}", file=file) from exc
    except _MALFORMED as exc:
        raise _damaged(file, f"{type(exc).__name__}: {exc}") from exc


def _damaged(file: str, reason: str) -> BundleRefused:
    return BundleRefused(NOT_A_BUNDLE, reason=reason, file=file)


def _read_at(src: BinaryIO, offset: int, length: int, file: str) -> bytes:
    src.seek(offset)
    data = src.read(length)
    if len(data) != length:
        raise _damaged(file, "truncated")
    return data


def _check_layout(
    src: BinaryIO, size: int, allowed: Mapping[str, int], optional: Collection[str], file: str
) -> list[_Entry]:
    """Every header checked against the others and the fixed layout, before any member is read."""
    if size < _LOCAL.size + _END.size or _read_at(src, 0, 4, file) != b"PK\x03\x04":
        raise _damaged(file, "not a ZIP file")
    end = _END.unpack(_read_at(src, size - _END.size, _END.size, file))
    sig, disk, directory_disk, on_disk, count, directory_size, directory_offset, comment = end
    if sig != _END_SIG:
        raise _damaged(file, "no end record at the end (truncated, or a comment)")
    if count > len(allowed):
        raise _damaged(file, f"too many entries: {count}")
    if (disk, directory_disk, comment, on_disk) != (0, 0, 0, count) or (
        directory_offset + directory_size != size - _END.size
    ):
        raise _damaged(file, "end record does not match the layout")
    if directory_size > count * (_CENTRAL.size + _MAX_NAME):
        raise _damaged(file, "central directory too large")
    directory = _read_at(src, directory_offset, directory_size, file)
    entries = _parse_directory(directory, count, allowed, file)
    missing = sorted(set(allowed) - set(optional) - {entry.name for entry in entries})
    if missing:
        raise _damaged(file, f"missing members: {', '.join(missing)}")
    position = 0  # members must tile [0, directory) exactly: no overlap, nothing hidden
    for entry in entries:  # in the directory's order, as the writer lays the data out
        if entry.offset < position:
            raise _damaged(file, f"overlapping members at {entry.name}")
        if entry.offset > position:
            raise _damaged(file, f"unaccounted bytes before {entry.name}")
        position = entry.end
    if position != directory_offset:
        raise _damaged(file, "the members do not end where the directory starts")
    for entry in entries:
        expected = entry.local_header()
        if _read_at(src, entry.offset, len(expected), file) != expected:
            raise _damaged(file, f"local header of {entry.name} differs from the directory")
    return entries


def _parse_directory(
    directory: bytes, count: int, allowed: Mapping[str, int], file: str
) -> list[_Entry]:
    entries: list[_Entry] = []
    position = 0
    for _ in range(count):
        if position + _CENTRAL.size > len(directory):
            raise _damaged(file, "central directory truncated")
        fields = _CENTRAL.unpack_from(directory, position)
        sig, made_by, _, flags, method, _, _, crc, compressed, size, name_length = fields[:11]
        attributes, offset = fields[15], fields[16]
        if sig != _CENTRAL_SIG:
            raise _damaged(file, "bad central directory signature")
        raw_name = directory[position + _CENTRAL.size : position + _CENTRAL.size + name_length]
        name = raw_name.decode("utf-8" if flags & _UTF8 else "cp437", errors="replace")
        if len(raw_name) != name_length or name not in allowed:
            raise _damaged(file, f"member name not allowed: {raw_name!r}")
        if entries and name <= entries[-1].name:  # the writer's order: by name, none twice
            raise _damaged(file, f"duplicate or unsorted member name: {name}")
        if flags & _ENCRYPTED:
            raise _damaged(file, f"encrypted member: {name}")
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(file, f"compression method {method}: {name}")
        file_type = stat.S_IFMT(attributes >> 16) if made_by >> 8 == 3 else 0
        if file_type not in (0, stat.S_IFREG) or attributes & 0x10:  # 0x10: DOS folder
            raise _damaged(file, f"not a regular file (link or folder): {name}")
        if size > allowed[name]:
            raise _damaged(file, f"declared size over the cap: {name} {size}")
        if method == zipfile.ZIP_STORED and compressed != size:
            raise _damaged(file, f"stored member with two sizes: {name}")
        entry = _Entry(name, raw_name, method, crc, compressed, size, offset)
        expected = entry.central_header()
        if directory[position : position + len(expected)] != expected:
            raise _damaged(file, f"central header of {name} is not in the fixed layout")
        entries.append(entry)
        position += len(expected)
    if position != len(directory):
        raise _damaged(file, "central directory holds more than its entries")
    return entries


def _read_members(
    src: BinaryIO, entries: list[_Entry], allowed: Mapping[str, int], file: str
) -> dict[str, bytes]:
    """Read through zipfile (which checks the CRC), counting bytes against the declared size."""
    with zipfile.ZipFile(src) as archive:
        infos = archive.infolist()
        ours = [(e.name, e.offset, e.compressed, e.size, e.crc, e.method) for e in entries]
        theirs = [(i.filename, i.header_offset, i.compress_size, i.file_size, i.CRC,
                   i.compress_type) for i in infos]  # fmt: skip
        if ours != theirs:  # two parsers disagreeing is itself an attack
            raise _damaged(file, "zipfile reads the directory differently")
        members: dict[str, bytes] = {}
        for entry, info in zip(entries, infos, strict=True):
            if entry.method == zipfile.ZIP_DEFLATED:
                _check_deflate_ends(src, entry, file)
            limit = min(entry.size, allowed[entry.name])
            data = io.BytesIO()
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    if data.tell() + len(chunk) > limit:
                        raise _damaged(file, f"{entry.name} is longer than declared")
                    data.write(chunk)
            if data.tell() != entry.size:
                raise _damaged(file, f"{entry.name} is shorter than declared")
            members[entry.name] = data.getvalue()
    return members


def _check_deflate_ends(src: BinaryIO, entry: _Entry, file: str) -> None:
    """The deflate stream must end exactly at its declared lengths. zipfile stops at the
    declared size and ignores the rest, so a lying size with a matching CRC would pass it."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    left = entry.compressed
    src.seek(entry.data_start)
    while left:
        chunk = src.read(min(_CHUNK, left))
        if not chunk:
            raise _damaged(file, "truncated")
        left -= len(chunk)
        while chunk:
            # Never ask for more than one byte past the declared size: a bomb stops there.
            out = inflater.decompress(chunk, entry.size - produced + 1)
            produced += len(out)
            if produced > entry.size:
                raise _damaged(file, f"{entry.name} inflates past its declared size")
            if not out and len(inflater.unconsumed_tail) == len(chunk):
                raise _damaged(file, f"{entry.name}: deflate stream makes no progress")
            chunk = inflater.unconsumed_tail
        if inflater.eof and (left or inflater.unused_data):
            raise _damaged(file, f"{entry.name}: data after the end of the deflate stream")
    if not inflater.eof or produced != entry.size:
        raise _damaged(file, f"{entry.name}: deflate stream does not end at its declared size")
