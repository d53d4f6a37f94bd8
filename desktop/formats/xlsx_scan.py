"""What a workbook holds before calamine loads it: the extent, formula cells and hidden rows.

python-calamine 0.9.1 hands over cached values only (a formula's last result, an error as an
empty cell) and cannot say which cells are formulas; and it builds a sheet as one dense
rectangle, so a single stray cell in XFD1048576 asks for hundreds of gigabytes and aborts the
process (a Rust allocation failure, not an exception). So the sheet XML is streamed once with
``iterparse``, stopping as soon as the sheet is past the limits, before calamine sees it.
Old ``.xls`` files are scanned the same way by ``xls_scan``.
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from desktop.formats.xlsx_common import MSG_DAMAGED, MSG_NOT_A_WORKBOOK_TYPE, refuse

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_PART_BYTES = 256 * 1024 * 1024  # one part unpacked: far above a real 100,000-row sheet
MAX_PARTS = 10_000
_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "Strict Open XML" as Excel can save it
)
_LOCAL = {f"{{{ns}}}{name}": name for ns in _MAIN_NS for name in ("row", "c", "v", "is", "f")}
_DIGITS = "0123456789"
# What zipfile and ElementTree raise on a damaged file (NotImplementedError: an unknown
# compression method; RuntimeError: an encrypted part).
_BROKEN = (
    zipfile.BadZipFile,
    KeyError,
    ET.ParseError,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


@dataclass
class SheetScan:
    """One sheet's cells that hold a value, 0-based; last_row -1 when there is none."""

    name: str
    last_row: int = -1
    last_col: int = -1
    over_limit: bool = False  # the scan stopped: rows or columns past the limits asked for
    formulas: set[tuple[int, int]] = field(default_factory=set)  # with a non-empty result
    hidden_rows: set[int] = field(default_factory=set)  # hidden rows that hold values

    @property
    def has_data(self) -> bool:
        return self.last_row >= 0


class Scanner(Protocol):
    def scan(
        self, name: str, max_rows: int, max_cols: int, first_value_only: bool = False
    ) -> SheetScan: ...


def column_index(letters: str) -> int:
    """0-based: "A" -> 0, "AB" -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch.upper()) - 64)
    return n - 1


def column_letters(index: int) -> str:
    """0-based index -> "A", "AB", ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class XlsxScanner:
    """Scans the worksheets of an .xlsx/.xlsm held in memory."""

    def __init__(self, data: bytes, path: Path) -> None:
        self._path = path
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
            if len(infos) > MAX_PARTS or any(i.file_size > MAX_PART_BYTES for i in infos):
                raise refuse(MSG_DAMAGED, path)
            names = {i.filename for i in infos}
            if len(names) != len(infos):  # two parts of one name: which one would calamine read?
                raise refuse(MSG_DAMAGED, path)
            if "mimetype" in names and "xl/workbook.xml" not in names:
                raise refuse(MSG_NOT_A_WORKBOOK_TYPE, path)  # OpenDocument or similar
            self._paths = self._sheet_paths()
        except _BROKEN as exc:
            raise refuse(MSG_DAMAGED, path) from exc

    def _xml(self, name: str) -> ET.Element:
        return ET.fromstring(self._zip.read(name))

    def _sheet_paths(self) -> dict[str, str]:
        """Sheet name -> part name, through the workbook's relationships."""
        rels = self._xml("xl/_rels/workbook.xml.rels")
        targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if r.get("Id")}
        paths = {}
        for sheet in self._xml("xl/workbook.xml").iter():
            if _local(sheet.tag) != "sheet":
                continue
            rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
            target = targets.get(rid, "")
            part = target[1:] if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            paths[sheet.get("name", "")] = part
        return paths

    def scan(
        self, name: str, max_rows: int, max_cols: int, first_value_only: bool = False
    ) -> SheetScan:
        result = SheetScan(name)
        part = self._paths.get(name)
        if part is None or part not in self._zip.NameToInfo:
            return result  # a chart sheet, or a part calamine will not find either
        try:
            with self._zip.open(part) as fh:
                self._walk(fh, result, max_rows, max_cols, first_value_only)
        except _BROKEN as exc:
            raise refuse(MSG_DAMAGED, self._path) from exc
        return result

    @staticmethod
    def _walk(
        fh: io.BufferedIOBase, out: SheetScan, max_rows: int, max_cols: int, first_only: bool
    ) -> None:
        local, columns = _LOCAL, {}  # column letters -> index, cached
        row = -1
        for _, el in ET.iterparse(fh, events=("end",)):
            if local.get(el.tag) != "row":
                continue
            r = el.get("r")
            row = int(r) - 1 if r else row + 1
            col, row_used = -1, False
            for cell in el:
                if local.get(cell.tag) != "c":
                    continue
                ref = cell.get("r")
                at = row
                if ref:
                    letters = ref.rstrip(_DIGITS)
                    col = columns.get(letters, -2)
                    if col == -2:
                        col = columns[letters] = column_index(letters)
                    if len(letters) < len(ref):  # calamine places a cell by its own reference
                        at = int(ref[len(letters) :]) - 1
                else:
                    col += 1
                value = formula = False
                for part in cell:
                    kind = local.get(part.tag)
                    if kind == "v":
                        value = value or bool(part.text)
                    elif kind == "is":
                        value = True
                    elif kind == "f":
                        formula = True
                if value:
                    row_used = True
                    out.last_col = max(out.last_col, col)
                    out.last_row = max(out.last_row, at)
                    if formula:
                        out.formulas.add((at, col))
            hidden = el.get("hidden") in ("1", "true")
            el.clear()
            if not row_used:
                continue
            if hidden:
                out.hidden_rows.add(row)
            if first_only:
                return
            if out.last_row >= max_rows or out.last_col >= max_cols:
                out.over_limit = True
                return


def open_scanner(data: bytes, path: Path) -> Scanner:
    """The scanner for the file's real format (by content: an .xls may be an .xlsx renamed)."""
    if data[:4] == ZIP_MAGIC:
        return XlsxScanner(data, path)
    if data[:8] == OLE_MAGIC:
        from desktop.formats.xls_scan import XlsScanner

        return XlsScanner(data, path)
    raise refuse(MSG_DAMAGED, path)
