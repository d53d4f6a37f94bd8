"""The ``.xls`` (BIFF8) side of ``xlsx_scan``: extent, formula cells and hidden rows per sheet.

An .xls is an OLE compound file holding a "Workbook" stream of BIFF records. calamine gives no
formulas and builds each sheet densely: a 6 KB file with cells in A1 and IV65536 costs about
1 GB. The compound file is read here just far enough to walk the records, with every sector
number and chain checked, so a damaged or hostile file is refused instead of followed. The same
walk finds password protection (FILEPASS, or an encrypted .xlsx, which is a compound file too).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from sys import byteorder

from desktop.formats.xlsx_common import MSG_DAMAGED, MSG_NOT_A_WORKBOOK_TYPE, MSG_PASSWORD, refuse
from desktop.formats.xlsx_scan import OLE_MAGIC, SheetScan

_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _ROW = 0x0809, 0x000A, 0x002F, 0x0085, 0x0208
_FORMULA, _STRING, _MULRK = 0x0006, 0x0207, 0x00BD
# NUMBER, LABEL, LABELSST, RK, BOOLERR, RSTRING: each begins with its row and column.
_VALUE_CELLS = frozenset({0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x00D6})
_HIDDEN_ROW = 0x0020  # ROW record: fDyZero


class _Damaged(Exception):
    pass


class _CompoundFile:
    """Just enough of [MS-CFB] to read one stream by name."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or data[:8] != OLE_MAGIC:
            raise _Damaged
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise _Damaged
        self.size = 1 << shift
        n_fat, first_dir, _, self.cutoff, first_mini, _, first_difat, n_difat = struct.unpack_from(
            "<8I", data, 0x2C
        )
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sector = first_difat
        for _ in range(min(n_difat, len(data) // self.size)):
            if sector >= _END:
                break
            entries = self._unpack(self._sector(sector))
            difat.extend(entries[:-1])
            sector = entries[-1]
        self.fat = array("I")
        for s in [s for s in difat if s < 0xFFFFFFFA][:n_fat]:
            self.fat.extend(self._unpack(self._sector(s)))
        directory = self._chain(first_dir, self.fat, self._sector)
        self.entries: dict[str, tuple[int, int, int]] = {}  # name -> (type, start, size)
        for at in range(0, len(directory) - 127, 128):
            entry = directory[at : at + 128]
            length = struct.unpack_from("<H", entry, 64)[0]
            name = entry[: max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<II", entry, 116)
            self.entries.setdefault(name, (entry[66], start, size))
        root = next((e for e in self.entries.values() if e[0] == 5), None)
        self.mini_stream = self._chain(root[1], self.fat, self._sector) if root else b""
        self.mini_fat = self._unpack(self._chain(first_mini, self.fat, self._sector))

    @staticmethod
    def _unpack(raw: bytes) -> array:
        out = array("I", raw[: len(raw) // 4 * 4])
        if byteorder == "big":
            out.byteswap()
        return out

    def _sector(self, n: int) -> bytes:
        at = (n + 1) * self.size
        if at >= len(self.data):
            raise _Damaged
        return self.data[at : at + self.size]

    def _mini_sector(self, n: int) -> bytes:
        if n * 64 >= len(self.mini_stream):
            raise _Damaged
        return self.mini_stream[n * 64 : n * 64 + 64]

    @staticmethod
    def _chain(start: int, fat: array, read: Callable[[int], bytes]) -> bytes:
        parts, sector = [], start
        while sector < _END:
            if sector >= len(fat) or len(parts) > len(fat):  # out of range, or a loop
                raise _Damaged
            parts.append(read(sector))
            sector = fat[sector]
        return b"".join(parts)

    def stream(self, name: str) -> bytes | None:
        entry = self.entries.get(name)
        if entry is None or entry[0] != 2:
            return None
        _, start, size = entry
        if size < self.cutoff:
            return self._chain(start, self.mini_fat, self._mini_sector)[:size]
        return self._chain(start, self.fat, self._sector)[:size]


def _records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    """(record id, body) from offset ``at`` on."""
    end = len(stream)
    while at + 4 <= end:
        rid, length = struct.unpack_from("<HH", stream, at)
        at += 4
        if at + length > end:
            raise _Damaged
        yield rid, stream[at : at + length]
        at += length


class XlsScanner:
    """Scans the worksheets of an .xls held in memory."""

    def __init__(self, data: bytes, path: Path) -> None:
        self._path = path
        try:
            cfb = _CompoundFile(data)
            if "EncryptedPackage" in cfb.entries:  # an .xlsx saved with a password
                raise refuse(MSG_PASSWORD, path)
            stream = cfb.stream("Workbook")
            if stream is None:
                older = cfb.stream("Book") is not None  # Excel 95 and before
                raise refuse(MSG_NOT_A_WORKBOOK_TYPE if older else MSG_DAMAGED, path)
            self._stream = stream
            self._sheets = self._globals()
        except (_Damaged, struct.error) as exc:
            raise refuse(MSG_DAMAGED, path) from exc

    def _globals(self) -> dict[str, int]:
        """Worksheet name -> offset of its records."""
        sheets: dict[str, int] = {}
        for n, (rid, body) in enumerate(_records(self._stream, 0)):
            if n == 0 and (rid != _BOF or struct.unpack_from("<H", body)[0] != 0x0600):
                raise refuse(MSG_NOT_A_WORKBOOK_TYPE, self._path)  # BIFF5 or older
            if rid == _FILEPASS:
                raise refuse(MSG_PASSWORD, self._path)
            if rid == _BOUNDSHEET and body[5] == 0:  # a worksheet, not a chart or macro
                offset, count, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
                raw = body[8 : 8 + count * (2 if wide else 1)]
                sheets[raw.decode("utf-16-le" if wide else "latin-1", "replace")] = offset
            elif rid == _EOF:
                break
        return sheets

    def scan(
        self, name: str, max_rows: int, max_cols: int, first_value_only: bool = False
    ) -> SheetScan:
        out = SheetScan(name)
        offset = self._sheets.get(name)
        if offset is None:
            return out
        try:
            self._walk(offset, out, max_rows, max_cols, first_value_only)
        except (_Damaged, struct.error, IndexError) as exc:
            raise refuse(MSG_DAMAGED, self._path) from exc
        return out

    def _walk(self, offset: int, out: SheetScan, max_rows: int, max_cols: int, first: bool) -> None:
        depth, pending = 0, None  # pending: a formula whose text result is in the next record
        for rid, body in _records(self._stream, offset):
            if pending is not None:
                if rid != _STRING or struct.unpack_from("<H", body)[0] > 0:
                    out.formulas.add(pending)
                    self._used(out, *pending)
                pending = None
            if rid == _BOF:
                depth += 1
                continue
            if rid == _EOF:
                depth -= 1
                if depth <= 0:
                    break
                continue
            if depth != 1:  # a chart embedded in the sheet
                continue
            if rid == _ROW:
                row, flags = (
                    struct.unpack_from("<H", body)[0],
                    struct.unpack_from("<H", body, 12)[0],
                )
                if flags & _HIDDEN_ROW:
                    out.hidden_rows.add(row)
                continue
            if rid in _VALUE_CELLS:
                self._used(out, *struct.unpack_from("<HH", body))
            elif rid == _MULRK:
                row, _ = struct.unpack_from("<HH", body)
                self._used(out, row, struct.unpack_from("<H", body, len(body) - 2)[0])
            elif rid == _FORMULA:
                row, col = struct.unpack_from("<HH", body)
                if body[12:14] != b"\xff\xff":  # a number
                    out.formulas.add((row, col))
                    self._used(out, row, col)
                elif body[6] == 0:  # text, in the next record
                    pending = (row, col)
                elif body[6] in (1, 2):  # a boolean or an error value; 3 is empty text
                    out.formulas.add((row, col))
                    self._used(out, row, col)
            else:
                continue
            if out.has_data and (first or out.last_row >= max_rows or out.last_col >= max_cols):
                out.over_limit = not first
                return
        if out.has_data:  # drop hidden rows below the last value (formatting, no data)
            out.hidden_rows = {r for r in out.hidden_rows if r <= out.last_row}

    @staticmethod
    def _used(out: SheetScan, row: int, col: int) -> None:
        out.last_row = max(out.last_row, row)
        out.last_col = max(out.last_col, col)
