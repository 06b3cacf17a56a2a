"""The event table as CSV for spreadsheets, and as a TimelineJS spreadsheet.

Both are UTF-8 with a byte-order mark (so Excel detects the encoding), RFC 4180 quoted,
with CRLF line ends, and safe against formula injection: a text cell that a spreadsheet
could run as a formula gets a leading apostrophe (OWASP "CSV injection").
"""
from __future__ import annotations

import csv
import io

from ..models import Event, Timeline
from . import collapse, timelinejs

HEADER = ("start", "end", "granularity", "value", "expression", "event", "sentence",
          "source", "published", "char_start", "char_end", "rule", "anchor")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(tl: Timeline) -> bytes:
    """One row per event under the HEADER columns: the dated ones in chronological
    order, then the vague past ones, with no dates and granularity "vague"."""
    return _encode(HEADER, [_row(tl, e) for e in tl.events + tl.vague])


def timelinejs_bytes(tl: Timeline) -> bytes:
    """The TimelineJS spreadsheet: a title row, then one row per event."""
    return _encode(timelinejs.HEADER, timelinejs.rows(tl))


def _row(tl: Timeline, event: Event) -> list[object]:
    """Dates and offsets stay typed (never escaped); every other cell is text."""
    timex, period, art = event.timex, event.period, tl.article
    dates = (period.start, period.end, period.granularity) if period else ("", "", "vague")
    return [*dates, timex.value, timex.text,
            collapse(event.description), collapse(event.sentence), art.source,
            art.published, timex.start, timex.end, timex.rule, timex.anchor]


def neutralise(cell: object) -> object:
    """Prefix a text cell that a spreadsheet would read as a formula with an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _encode(header, rows) -> bytes:
    """UTF-8 with BOM, minimal RFC 4180 quoting, CRLF; dates written as yyyy-mm-dd."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buf.getvalue().encode("utf-8-sig")
