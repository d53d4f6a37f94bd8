"""Write a table to a CSV file that Excel opens as it was written: UTF-8 with a byte-order mark,
every cell text, atomically (a temporary file beside the target, then renamed).

Excel evaluates a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (and a tab or carriage
return before one) as a formula, so such a cell is written with an apostrophe first, the
usual guard (OWASP "CSV injection"): the cell then shows as the text it was.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.formats.files import refusal, replacing

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guarded(value: object) -> str:
    """A cell's text, never a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(target: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``headers`` and ``rows`` to ``target`` whole or not at all; returns the rows
    written. An OSError becomes a FileRefused naming the file."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([guarded(h) for h in headers])
    count = 0
    for row in rows:
        writer.writerow([guarded(v) for v in row])
        count += 1
    data = "\ufeff" + buffer.getvalue()
    try:
        with replacing(Path(target)) as out:
            out.write(data.encode("utf-8"))
    except OSError as exc:
        raise refusal(Path(target), exc) from exc
    return count
