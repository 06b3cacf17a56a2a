"""The rows of a Knight Lab TimelineJS spreadsheet (https://timeline.knightlab.com)."""
from __future__ import annotations

from ..models import Event, Timeline
from . import COARSE, MONTHLY, collapse, day_text, display_date, short_text, time_of

HEADER = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
          "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
          "Media Thumbnail", "Type", "Group", "Background")
HEADLINE_LIMIT = 80


def rows(tl: Timeline) -> list[list[object]]:
    """The title slide, then one row per event in chronological order (cells unescaped)."""
    return [_title_row(tl)] + [_event_row(e) for e in tl.events]


def _title_row(tl: Timeline) -> list[object]:
    """Type=title: the headline, and where the article comes from."""
    art = tl.article
    row = _blank()
    row[HEADER.index("Headline")] = collapse(art.title) or art.source
    row[HEADER.index("Text")] = f"Source: {art.source} · published {day_text(art.published)}"
    row[HEADER.index("Type")] = "title"
    return row


def _event_row(event: Event) -> list[object]:
    """Start (as precise as the granularity), end for spans, display date, headline, text."""
    period, gran = event.period, event.period.granularity
    row = _blank()
    row[0:4] = _date_cells(period.start, gran)
    clock = time_of(event.timex.value)
    if gran == "time" and clock[:1].isdigit():      # TimelineJS reads clock times only
        row[3] = clock
    if period.end != period.start:
        row[4:7] = [period.end.year, period.end.month, period.end.day]
    row[HEADER.index("Display Date")] = display_date(period, event.timex.value, long=True)
    row[HEADER.index("Headline")] = short_text(event.description, HEADLINE_LIMIT)
    row[HEADER.index("Text")] = collapse(event.sentence)
    return row


def _date_cells(day, gran: str) -> list[object]:
    """Year, Month, Day, Time with Month and Day blank where the granularity is coarser."""
    if gran in COARSE:
        return [day.year, "", "", ""]
    if gran in MONTHLY:
        return [day.year, day.month, "", ""]
    return [day.year, day.month, day.day, ""]


def _blank() -> list[object]:
    return [""] * len(HEADER)
