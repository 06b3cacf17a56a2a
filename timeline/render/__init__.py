"""Renderers of a Timeline: CSV, TimelineJS CSV, PNG/SVG figure.

This module holds the wording they share (human dates, short headlines); it must stay
free of heavy imports: matplotlib is imported only when a figure is drawn.
"""
from __future__ import annotations

import datetime as dt
import re

from ..models import CLOCK, PART_HOURS, Event, Period

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
POINTS = ("day", "time")    # granularities drawn as a marker, not a bar


def is_point(event: Event) -> bool:
    """Whether the event is drawn as a marker: a day, a time, or any one-day period."""
    return event.period.granularity in POINTS or event.period.start == event.period.end
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
COARSE = ("year", "decade", "century")          # only a year is meaningful
MONTHLY = ("month", "quarter", "season")        # a year and a month


def month_name(month: int, long: bool = True) -> str:
    """'October' or 'Oct', independent of the locale."""
    name = MONTHS[month - 1]
    return name if long else name[:3]


def day_text(day: dt.date, long: bool = True) -> str:
    """'7 October 2023' or '7 Oct 2023'."""
    return f"{day.day} {month_name(day.month, long)} {day.year}"


def range_text(start: dt.date, end: dt.date, long: bool = False) -> str:
    """'13–19 Nov 2023', '30 Oct – 5 Nov 2023', '14 Nov 2022 – 14 Nov 2023'."""
    if start.year != end.year:
        return f"{day_text(start, long)} – {day_text(end, long)}"
    if start.month != end.month:
        return f"{start.day} {month_name(start.month, long)} – {day_text(end, long)}"
    return f"{start.day}–{day_text(end, long)}"


def time_of(value: str) -> str:
    """The clock time or part of day of a TIMEX3 value: '09:30', 'night', 'midnight' (the
    end of the day, T24:00) or ''."""
    match = re.search(r"T(\d\d:\d\d|MO|AF|EV|NI)", value)
    if not match:
        return ""
    return {"24:00": "midnight", **PARTS_OF_DAY}.get(match.group(1), match.group(1))


def moment(event: Event) -> tuple[float, float] | None:
    """When in its day a time happens, as proleptic ordinals with the day's fraction:
    a clock time at its minute, a part of the day over its hours; None for a day or a
    longer period, or a time with neither."""
    if event.period.granularity != "time":
        return None
    match = CLOCK.search(event.timex.value)
    if not match:
        return None
    day = event.period.start.toordinal()
    if match.group(3):
        first, last = PART_HOURS[match.group(3)]
        return day + first / 24, day + last / 24
    at = day + (int(match.group(1)) * 60 + int(match.group(2))) / 1440
    return at, at


def hour_of(event: Event) -> float | None:
    """The middle of `moment`: where a time sits on an axis of hours."""
    at = moment(event)
    return None if at is None else (at[0] + at[1]) / 2


def display_date(period: Period, value: str = "", long: bool = False) -> str:
    """A human rendering of a period at its granularity: '2023', 'October 2023', 'Q3 2023'."""
    start, end, gran = period.start, period.end, period.granularity
    if gran in COARSE or gran in MONTHLY:
        return _calendar_unit(start, gran, value, long)
    if gran == "time":
        return f"{day_text(start, long)} {time_of(value)}".strip()
    if start == end:
        return day_text(start, long)
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:     # whole months
        if (start.month, end.month) == (1, 12):
            return f"{start.year}–{end.year}" if start.year != end.year else str(start.year)
        first = month_name(start.month, long=False)
        if start.year == end.year:
            return f"{first}–{month_name(end.month, long=False)} {end.year}"
        return f"{first} {start.year} – {month_name(end.month, long=False)} {end.year}"
    # a week fits on one line with full month names; longer spans keep them short
    return range_text(start, end, long=long and gran == "week")


def _calendar_unit(start: dt.date, gran: str, value: str, long: bool) -> str:
    """A year, decade, century, month, quarter or season named by its first day."""
    year = start.year
    if gran == "year":
        return str(year)
    if gran == "decade":
        return f"{year - year % 10}s"
    if gran == "century":
        return f"{_ordinal(year // 100 + 1)} century"
    if gran == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {year}"
    if gran == "season":
        by_month = ("WI", "SP", "SU", "FA")[start.month % 12 // 3]
        code = value[-2:] if value[-2:] in SEASONS else by_month
        return f"{SEASONS[code]} {year}"
    return f"{month_name(start.month, long)} {year}"


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st ..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def collapse(text: str) -> str:
    """Whitespace runs, newlines included, as single spaces; no leading/trailing space."""
    return " ".join(text.split())


def short_text(text: str, limit: int = 80) -> str:
    """`text` on one line, at most `limit` characters, cut on a word and ended with '…'."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rfind(" ")]
    return cut.rstrip(" ,;:.–-") + "…"
