"""Geometry of the timeline figure, free of matplotlib: axis panels (and the zoom on a
dense window), ticks, bar lanes and the placement of labels and their leader lines.

All lengths are inches: x from the figure's left edge, y from the date axis (positive
up).  Days are proleptic Gregorian ordinals (date.toordinal()), as floats.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, NamedTuple

from ..models import Event
from . import day_text, hour_of, is_point, moment, month_name

MAX_PANELS = 3          # the axis is cut at most twice
PANEL_FLOOR = 0.18      # the least share of the width a panel gets
BREAK_GAP = 0.35        # room between two panels
MIN_PAD_DAYS = 10       # padding on each side of a panel's events
SHORT_DAYS = 31         # the longest period that counts as point-like (a month)
FOCUS_SHARE = 0.25      # zoom on a window of point-like periods narrower than this share
DENSE = 6               # ... holding at least this many of them
DENSE_SHARE = 0.4       # ... and this share of the panel's periods
DENSE_KEEP = 0.8        # the narrowest window holding this share of the densest one's
HOURS_SPAN = 1.5        # an hour-by-hour view: DENSE clock times within this many days,
HOURS_SHARE = 0.5       # ... this share of the events
HOURS_AROUND = 30       # ... within this many days
HOURLY = 3              # a panel of at most this many days is an axis of hours
HOUR = 1 / 24
TICK_SPACING = 0.7      # least room between two ticks
TICK_BAND = 0.45        # below the axis, kept for tick labels
NAME_ROOM = 0.4         # least width of a year or month named under its middle
MARKER_R = 0.06
BAR_MARGIN = 0.06       # a leader leaves a bar this far from its ends
EDGE = 0.15             # labels keep this far from the figure's sides
STEM_GAP, HPAD, VPAD = 0.05, 0.12, 0.12
PAD = 0.1               # a leader keeps this far from any label but its own
STEM_ROOM = 0.1         # least room between two leaders
FAN = 0.24              # height of the band where leaders bend towards their labels
MAX_BEND = 1.8          # how far sideways a leader may bend
BEND_COST = 0.3         # inches of bend that cost as much as one level
COVER_COST = 3.0        # a label in front of a mark still to label costs this many levels
PUB_COST = 1.5          # a label across the publication line costs this many levels
MAX_LANES = 6           # bar lanes; more overlapping bars share the least busy lane
ORDERS = ("hang", "bars", "x")   # the orders greedy passes take the labels in (see _sweep)
HOUR_STEPS = (1, 2, 3, 6, 12)
TICK_STEPS = (("day", 1), ("day", 2), ("week", 1), ("week", 2), ("month", 1), ("month", 2),
              ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5),
              ("year", 10), ("year", 20), ("year", 50), ("year", 100), ("year", 200),
              ("year", 500), ("year", 1000))


@dataclass(frozen=True)
class Panel:
    """A stretch of the date axis: days lo..hi drawn from x=left over `width` inches."""

    lo: float
    hi: float
    left: float
    width: float

    @property
    def scale(self) -> float:
        """Inches per day."""
        return self.width / (self.hi - self.lo)

    def x(self, day: float) -> float:
        return self.left + (day - self.lo) * self.scale

    def shows(self, day: float) -> bool:
        return self.lo <= day <= self.hi

    @property
    def hourly(self) -> bool:
        """Whether the panel is short enough for times to sit at their hour."""
        return self.hi - self.lo <= HOURLY


@dataclass
class Mark:
    """An event on the axis: a marker for a day, a bar (in a lane) for a longer period,
    drawn at `scale` (1 on the labelled axis, less on the overview strip)."""

    BAR_BASE: ClassVar[float] = 0.12
    BAR_H: ClassVar[float] = 0.1
    BAR_GAP: ClassVar[float] = 0.05

    granularity: str
    panel: Panel
    days: tuple[float, float]     # first day, day after the last
    point: bool
    scale: float = 1.0
    lane: int = 0

    @classmethod
    def of(cls, event: Event, panels: list[Panel], scale: float = 1.0) -> Mark | None:
        """The mark on the panel that shows (some of) the event; None if none does."""
        start, end = _days(event)
        panel = next((p for p in panels if p.lo < end and start < p.hi), None)
        if panel is None:
            return None
        point = is_point(event)
        if panel.hourly:                    # a time at its hour, a day as a bar of hours
            at = moment(event)
            start, end = at or (start, end)
            point = point and at is not None
            if not (panel.lo <= end and start <= panel.hi):
                return None                 # its day is shown, its hour is not
        return cls(event.period.granularity, panel, (start, end), point, scale)

    @property
    def shown(self) -> tuple[float, float]:
        """The days drawn: the period cut to the panel."""
        return max(self.days[0], self.panel.lo), min(self.days[1], self.panel.hi)

    @property
    def cut(self) -> tuple[bool, bool]:
        """Whether the period runs off the panel's left and right edges."""
        return self.days[0] < self.panel.lo, self.days[1] > self.panel.hi

    @property
    def day(self) -> float:
        """The middle of the part shown, in days."""
        return sum(self.shown) / 2

    @cached_property
    def x(self) -> float:
        """Where the mark sits: a marker's day, or the middle of a bar."""
        return self.panel.x(self.day)

    @cached_property
    def extent(self) -> tuple[float, float]:
        """The bar's left and right ends (a marker's x twice)."""
        if self.point:
            return self.x, self.x
        return self.panel.x(self.shown[0]), self.panel.x(self.shown[1])

    @property
    def bar_y(self) -> float:
        return self.scale * (self.BAR_BASE + self.lane * (self.BAR_H + self.BAR_GAP))

    @property
    def bar_h(self) -> float:
        return self.scale * self.BAR_H

    def stem_foot(self, side: int) -> float:
        """Where the leader leaves the mark, for a label above (1) or below (-1)."""
        return side * MARKER_R * self.scale if self.point else self.bar_y + self.bar_h

    @property
    def sides(self) -> tuple[int, ...]:
        """Markers take labels below first, then above; bars (above the axis) above only."""
        return (-1, 1) if self.point else (1,)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle."""

    left: float
    bottom: float
    right: float
    top: float

    @classmethod
    def of(cls, bbox) -> Box:
        """From a matplotlib Bbox."""
        return cls(bbox.x0, bbox.y0, bbox.x1, bbox.y1)

    def hits(self, other: Box, pad: float = 0.0) -> bool:
        """Whether the two overlap, with `pad` of room required left and right."""
        return (self.left < other.right + pad and other.left < self.right + pad
                and self.bottom < other.top and other.bottom < self.top)

    def contains(self, other: Box) -> bool:
        return (self.left <= other.left and other.right <= self.right
                and self.bottom <= other.bottom and other.top <= self.top)


class Stem(NamedTuple):
    """The vertical part of a leader line: x, from y0 to y1 (at the label)."""

    x: float
    y0: float
    y1: float
    bar: bool


@dataclass(frozen=True)
class Slot:
    """Where a label goes: its box, and its leader line from the mark.

    The leader leaves the mark at (foot, y0); where the rows have a bend band, it rises
    to the band, runs across it to x, and goes on up (or down) to the label at y1.
    """

    box: Box
    x: float                      # the leader's last, vertical stretch
    foot: float                   # where it leaves the mark
    y0: float
    y1: float
    bend: tuple[float, float] | None   # the band it crosses sideways in, from the mark
    bar: bool
    frac: float                   # where the leader meets the box: 0 left, 1 right, .5 middle
    side: int                     # 1 above the axis, -1 below
    level: int                    # 1 nearest the axis

    @property
    def stem(self) -> Stem:
        """The vertical stretch next to (or under) the label."""
        return Stem(self.x, self.y0 if self.bend is None else self.bend[1], self.y1, self.bar)

    @property
    def path(self) -> list[tuple[float, float]]:
        """The leader line's corners, from the mark to the label."""
        if self.bend is None:
            return [(self.foot, self.y0), (self.x, self.y1)]
        return [(self.foot, self.y0), (self.foot, self.bend[0]), (self.x, self.bend[1]),
                (self.x, self.y1)]


def _days(event: Event) -> tuple[int, int]:
    """The event's first day and the day after its last, as ordinals."""
    return event.period.start.toordinal(), event.period.end.toordinal() + 1


def panels(events: list[Event], published: dt.date, width: float,
           left: float) -> list[Panel]:
    """Axis panels covering the events and the publication day, cut at large gaps."""
    runs = _runs([(*_days(e), 1) for e in events]
                 + [(published.toordinal(), published.toordinal() + 1, 0)])
    groups = [runs]
    while len(groups) < MAX_PANELS:
        cuts = [(gap, g, i) for g, group in enumerate(groups)
                for gap, i in [_worth_cutting(group)] if i is not None]
        if not cuts:
            break
        _, g, i = max(cuts)
        groups[g:g + 1] = [groups[g][:i + 1], groups[g][i + 1:]]
    total = sum(n for *_, n in runs) or 1
    shares = [max(PANEL_FLOOR, sum(n for *_, n in group) / total) for group in groups]
    return spread([_padded(group[0][0], group[-1][1]) for group in groups], shares,
                  width, left)


def spread(ranges: list[tuple[float, float]], shares: list[float], width: float,
           left: float) -> list[Panel]:
    """Panels of the day ranges side by side over `width`, in proportion to `shares`."""
    usable = width - BREAK_GAP * (len(ranges) - 1)
    result, x = [], left
    for (lo, hi), share in zip(ranges, shares):
        result.append(Panel(lo, hi, x, usable * share / sum(shares)))
        x += result[-1].width + BREAK_GAP
    return result


def _padded(lo: float, hi: float) -> tuple[float, float]:
    """lo..hi with room on each side: 5% of the stretch, at least MIN_PAD_DAYS."""
    pad = max(0.05 * (hi - lo), MIN_PAD_DAYS)
    return lo - pad, hi + pad


def crowded_hours(events: list[Event]) -> tuple[float, float] | None:
    """The first and last moment of the densest run of at least DENSE clock times (or
    parts of days) within HOURS_SPAN days, if there is one and it holds at least
    HOURS_SHARE of the events within HOURS_AROUND days of it: a live blog's or a night's
    hours, to show hour by hour (not one day of a story told over weeks)."""
    moments = sorted({h for h in map(hour_of, events) if h is not None})
    best = None
    for i, first in enumerate(moments):
        run = [m for m in moments[i:] if m - first <= HOURS_SPAN]
        if len(run) >= DENSE and (best is None or len(run) > len(best)):
            best = run
    if best is None:
        return None
    lo, hi = best[0], best[-1]
    near = [e for e in events if abs(_days(e)[0] - lo) <= HOURS_AROUND]
    inside = [e for e in near if hour_of(e) is not None and lo <= hour_of(e) <= hi]
    return (lo, hi) if len(inside) >= HOURS_SHARE * len(near) else None


def focus(events: list[Event], published: dt.date, fitted: list[Panel],
          hours: tuple[float, float] | None = None) -> list[Panel]:
    """The panels, each zoomed on the window of its point-like events, if it has one;
    the panel holding `hours` on those hours, padded by a tenth of their length (an hour
    at least).

    A panel is zoomed on a window of periods of at most a month (each distinct period
    counted once) that, padded as a panel is, takes less than FOCUS_SHARE of it: the
    window of all of them when some periods are longer (long periods alone widen the
    panel); else a dense window, holding at least DENSE of them and DENSE_SHARE of all
    the panel's periods (the narrowest one holding DENSE_KEEP of the most any window
    holds).  The window takes in the publication day too when it can.  Longer periods
    show in it only in part, or not at all.
    """
    pub = (published.toordinal(), published.toordinal() + 1)
    distinct = sorted({_days(e) for e in events})
    result = []
    for panel in fitted:
        if hours and panel.shows(hours[0]):
            pad = max(0.1 * (hours[1] - hours[0]), HOUR)
            result.append(Panel(hours[0] - pad, hours[1] + pad, panel.left, panel.width))
            continue
        periods = [p for p in distinct if panel.shows(p[0])]
        short = sorted(p for p in periods if p[1] - p[0] <= SHORT_DAYS)
        window = _dense(panel, short, len(periods))
        if window:      # days dense within the window: zoom on them (months stay above)
            lo, hi = _padded(window[0][0], max(p[1] for p in window))
            days = [p for p in window if p[1] - p[0] <= 1]
            if len(days) >= DENSE:
                window = _dense(Panel(lo, hi, 0, 0), days, len(window)) or window
        zoomed = None
        if window:
            tries = ([window + [pub]] if panel.shows(pub[0]) else []) + [window]
            zoomed = next(filter(None, (_window(panel, points) for points in tries)), None)
        result.append(zoomed or panel)
    return result


def _dense(panel: Panel, short: list[tuple[int, int]], total: int) -> list | None:
    """The periods of the window to zoom on (see `focus`), or None."""
    limit = FOCUS_SHARE * (panel.hi - panel.lo)

    def fits(points) -> bool:
        lo, hi = _padded(points[0][0], max(p[1] for p in points))
        return hi - lo < limit

    if 2 <= len(short) < total and fits(short):
        return short
    most = 0
    for i in range(len(short)):          # the most periods a window holds
        while i + most < len(short) and fits(short[i:i + most + 1]):
            most += 1
    if most < DENSE or most < DENSE_SHARE * total:
        return None
    need = math.ceil(DENSE_KEEP * most)
    windows = [short[i:i + need] for i in range(len(short) - need + 1)]
    return min(windows, key=lambda w: (max(p[1] for p in w) - w[0][0], w[0]))


def _window(panel: Panel, points: list[tuple[int, int]]) -> Panel | None:
    """The panel zoomed on `points`, if that is narrow enough to be worth it."""
    lo, hi = _padded(min(p[0] for p in points), max(p[1] for p in points))
    if hi - lo >= FOCUS_SHARE * (panel.hi - panel.lo):
        return None
    return Panel(lo, hi, panel.left, panel.width)


def _runs(intervals: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Merge overlapping (start, end, count) intervals into disjoint sorted runs."""
    runs: list[tuple[int, int, int]] = []
    for start, end, n in sorted(intervals):
        if runs and start <= runs[-1][1]:
            lo, hi, m = runs[-1]
            runs[-1] = (lo, max(hi, end), m + n)
        else:
            runs.append((start, end, n))
    return runs


def _worth_cutting(runs) -> tuple[float, int | None]:
    """The widest gap between runs and its index, if cutting there would help.

    A cut pays off when the gap dominates the whole stretch, is over a year, and is
    well beyond the extent of what lies on either side of it.
    """
    if len(runs) < 2:
        return 0.0, None
    gap, i = max((runs[k + 1][0] - runs[k][1], k) for k in range(len(runs) - 1))
    extent = max(runs[i][1] - runs[0][0], runs[-1][1] - runs[i + 1][0])
    if gap > max(0.5 * (runs[-1][1] - runs[0][0]), 2 * extent, 365):
        return gap, i
    return gap, None


class Ticks(NamedTuple):
    """Tick marks on a panel, and its tick labels: where each is centred, and its text."""

    days: list[float]
    labels: list[tuple[float, str]]


def ticks(panel: Panel) -> Ticks:
    """Ticks at the finest calendar step that leaves room between them.

    Days and weeks, and steps of several months or years, are named at their tick (the
    latter only if the panel shows most of the stretch they start).  Single months and
    years are named under their middle.  So a name always stands by the stretch of time
    it names: a year bar's year under the bar, not the next year at its end.
    """
    most = max(2, int(panel.width / TICK_SPACING))
    if panel.hourly:
        return _hour_ticks(panel, most)
    for unit, step in TICK_STEPS:
        days = _tick_days(panel.lo, panel.hi, unit, step)
        if len(days) <= most:
            break
    marks = [d.toordinal() for d in days]
    if step == 1 and unit in ("month", "year"):
        named = []
        for first, after in _intervals(panel, unit):
            lo, hi = max(first.toordinal(), panel.lo), min(after.toordinal(), panel.hi)
            if (hi - lo) * panel.scale >= NAME_ROOM:
                named.append(((lo + hi) / 2, first))
    else:
        inside = [d for d in days if 0.25 <= panel.x(d.toordinal()) - panel.left
                  <= panel.width - 0.25 and _mostly_shown(panel, d, unit, step)]
        named = [(d.toordinal(), d) for d in inside or days[len(days) // 2:][:1]]
    labels = [(x, _tick_label(d, unit, k == 0 or d.year != named[k - 1][1].year))
              for k, (x, d) in enumerate(named)]
    return Ticks(marks, labels)


def _hour_ticks(panel: Panel, most: int) -> Ticks:
    """Ticks every few hours, named '14:00'; midnight by the day it starts ('5 Jul'); the
    first tick with its date in full ('22:00\n4 Jul 2024')."""
    for step in HOUR_STEPS:
        first = math.ceil(panel.lo * 24 / step) * step
        marks = [h / 24 for h in range(first, math.floor(panel.hi * 24) + 1, step)]
        if len(marks) <= most:
            break
    labels = []
    for k, at in enumerate(marks):
        day = dt.date.fromordinal(math.floor(at + 1e-9))
        hour = round((at - day.toordinal()) * 24)
        if k == 0:
            text = f"{hour:02d}:00\n{day_text(day, long=False)}"
        else:
            text = day_text(day, long=False)[:-5] if hour == 0 else f"{hour:02d}:00"
        labels.append((at, text))
    return Ticks(marks, labels)


def _mostly_shown(panel: Panel, day: dt.date, unit: str, step: int) -> bool:
    """Whether the panel shows at least half of the `step` months or years from `day`
    (always, for days and weeks): 'Jan 1963' at the end of a panel holding 1962 would
    name a stretch it does not show."""
    if unit not in ("month", "year"):
        return True
    months = day.year * 12 + day.month - 1 + step * (12 if unit == "year" else 1)
    end = dt.date(months // 12, months % 12 + 1, 1).toordinal() if months < 120000 else math.inf
    start = day.toordinal()
    return min(end, panel.hi) - max(start, panel.lo) >= (end - start) / 2


def _intervals(panel: Panel, unit: str) -> list[tuple[dt.date, dt.date]]:
    """The months or years the panel shows (some of): first day, first day after."""
    first = dt.date.fromordinal(max(int(panel.lo), 1))
    last = dt.date.fromordinal(min(int(panel.hi), dt.date.max.toordinal() - 366))
    if unit == "year":
        return [(dt.date(y, 1, 1), dt.date(y + 1, 1, 1))
                for y in range(first.year, last.year + 1)]
    months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
    return [(dt.date(m // 12, m % 12 + 1, 1), dt.date((m + 1) // 12, (m + 1) % 12 + 1, 1))
            for m in months]


def _tick_days(lo: float, hi: float, unit: str, step: int) -> list[dt.date]:
    """Calendar-aligned days in lo..hi: every `step` days, Mondays, month or year starts."""
    first = dt.date.fromordinal(max(int(lo) + 1, 1))
    last = dt.date.fromordinal(min(int(hi), dt.date.max.toordinal()))
    if unit in ("day", "week"):
        stride = step * (7 if unit == "week" else 1)
        start = first.toordinal()
        start += (-(start - 1) % 7) if unit == "week" else (-start % step)
        return [dt.date.fromordinal(o) for o in range(start, last.toordinal() + 1, stride)]
    if unit == "month":
        months = range(first.year * 12 + first.month - 1 + (first.day > 1),
                       last.year * 12 + last.month)
        return [dt.date(m // 12, m % 12 + 1, 1) for m in months if (m % 12) % step == 0]
    years = range(first.year + (first > dt.date(first.year, 1, 1)), last.year + 1)
    return [dt.date(y, 1, 1) for y in years if y % step == 0]


def _tick_label(day: dt.date, unit: str, with_year: bool) -> str:
    """'2023'; 'Oct' or 'Jan\\n2024'; '7 Oct' or '30 Dec\\n2023'."""
    if unit == "year":
        return str(day.year)
    text = month_name(day.month, False)
    if unit != "month":
        text = f"{day.day} {text}"
    return f"{text}\n{day.year}" if with_year or (unit == "month" and day.month == 1) else text


def assign_lanes(marks: list[Mark]) -> float:
    """Stack overlapping bars in lanes; return the top of the bar band above the axis.

    At most MAX_LANES: a bar that finds none free shares the one that frees up first."""
    ends: list[float] = []
    bars = sorted((m for m in marks if not m.point), key=lambda m: m.days)
    for mark in bars:
        x0, x1 = mark.extent
        lane = next((k for k, end in enumerate(ends) if end + 0.04 < x0), len(ends))
        if lane == MAX_LANES:
            lane = min(range(MAX_LANES), key=lambda k: (ends[k], k))
        mark.lane = lane
        ends[lane:lane + 1] = [max(x1, ends[lane]) if lane < len(ends) else x1]
    return max((m.bar_y + m.bar_h + m.scale * Mark.BAR_GAP for m in bars),
               default=MARKER_R + 0.03)


class Rows(NamedTuple):
    """The label levels: the first one above and below the axis, their pitch, and the
    bands (from the mark's side to the labels' side) where leaders bend, if any."""

    above: float
    below: float
    pitch: float
    bend_above: tuple[float, float] | None
    bend_below: tuple[float, float] | None

    @classmethod
    def of(cls, bar_top: float, pitch: float, fan: bool) -> Rows:
        if not fan:
            return cls(bar_top + 0.15, -TICK_BAND - 0.06, pitch, None, None)
        up = (bar_top + 0.04, bar_top + 0.04 + FAN)
        down = (-TICK_BAND + 0.02, -TICK_BAND + 0.02 - FAN)
        return cls(up[1] + 0.1, down[1] - 0.06, pitch, up, down)

    def span(self, side: int, level: int, height: float) -> tuple[float, float]:
        """Bottom and top of a label `height` tall at `level` on `side`."""
        if side > 0:
            bottom = self.above + (level - 1) * self.pitch
            return bottom, bottom + height
        top = self.below - (level - 1) * self.pitch
        return top - height, top

    def bend(self, side: int) -> tuple[float, float] | None:
        return self.bend_above if side > 0 else self.bend_below


def place(marks: list[Mark], sizes: list[tuple[float, float]], bar_top: float,
          pub_x: float | None, width: float, max_levels: int, fan: bool = False,
          pitch: float | None = None, bars: list[Mark] = (),
          sides: tuple[int, ...] = (-1, 1),
          give_up: int | None = None) -> list[Slot | None]:
    """A slot per mark (in order), or None for a label that fits nowhere.

    No two labels overlap, no leader passes through (or within PAD of) a label but its
    own, no two leaders run within STEM_ROOM of each other, and (with `fan`) leaders
    bending sideways keep the order of their marks, so they never cross.  Labels hang to
    one side of their leaders, like flags, on `max_levels` levels a side, `pitch` apart
    (the tallest label's height and VPAD by default), on the `sides` given.

    Greedy passes (see _sweep) take the marks in an order that makes each new label
    cover only marks already placed: with labels hanging right, from the right end
    leftwards.  Each label takes its cheapest slot: the lowest level, the least bend, not
    across other `bars` nor along the publication line at `pub_x`, nor in front of marks
    still to label.  A label that fits nowhere may then take the place of one in front
    of its mark, if that one fits elsewhere.  Of the passes, the one that places the
    most labels, then on the fewest levels, wins.  With `give_up`, a pass stops once more
    labels than that fit nowhere (the caller wants them all, or other settings).
    """
    rows = Rows.of(bar_top, pitch or max(h for _, h in sizes) + VPAD, fan)
    sweeps = [_sweep(marks, sizes, rows, width, pub_x, max_levels, list(bars), sides, hand,
                     order, len(marks) if give_up is None else give_up)
              for order in ORDERS for hand in (1, -1)]
    return min(sweeps, key=_cost)[1]


def _cost(sweep: tuple[float, list[Slot | None]]) -> tuple[int, int, float]:
    """Labels left out, levels used above plus below, and the sum of the slots' costs."""
    total, slots = sweep
    highest = {side: max([s.level for s in slots if s and s.side == side], default=0)
               for side in (-1, 1)}
    return sum(s is None for s in slots), highest[-1] + highest[1], total


def _sweep(marks: list[Mark], sizes, rows: Rows, width: float, pub_x: float | None,
           max_levels: int, bars: list[Mark], sides: tuple[int, ...], hand: int,
           order: str, give_up: int) -> tuple[float, list[Slot | None]]:
    """One greedy pass with labels hanging right (hand 1) or left (-1) of their leaders,
    taking the marks in an `order` of ORDERS: "hang" from the end the labels hang towards,
    then those that cannot hang that way from the other end; "bars" likewise, but bars
    before markers (which have two sides to go to); "x" from the end, whatever.

    Returns the sum of the slots' costs and the slots (None where none fits)."""
    board = _Board(rows, width, pub_x, bars, sides)
    frac = 0.0 if hand > 0 else 1.0
    hangs = [EDGE <= x + (STEM_GAP if hand > 0 else -STEM_GAP - sizes[i][0])
             and x + (STEM_GAP + sizes[i][0] if hand > 0 else -STEM_GAP) <= width - EDGE
             for i, m in enumerate(marks) for x in [_reach(m, -hand)]]
    by_x = sorted(range(len(marks)), key=lambda k: marks[k].x * hand, reverse=True)
    placed: list[Slot | None] = [None] * len(marks)
    total = 0.0
    board.waiting = list(marks)
    failed = 0
    turns = {"x": by_x, "hang": [k for k in by_x if hangs[k]]
             + [k for k in reversed(by_x) if not hangs[k]]}
    turns["bars"] = sorted(turns["hang"], key=lambda k: marks[k].point)
    for i in turns[order]:
        fracs = (frac, 1 - frac, 0.5) if hangs[i] else (1 - frac, frac, 0.5)
        toward = -hand if hangs[i] else hand      # where the marks still to place lie
        board.waiting.remove(marks[i])
        slot, cost = board.best(marks[i], sizes[i], fracs, max_levels, toward)
        if slot is not None:
            placed[i] = slot
            total += cost
            board.add(slot, marks[i])
        elif (failed := failed + 1) > give_up:
            return total, placed
    budget = [2 * len(marks)]                   # label placements the repairs may try
    for i in [k for k, slot in enumerate(placed) if slot is None]:
        total += _repair(board, marks, sizes, placed, i, max_levels, budget)
    return total, placed


def _reach(mark: Mark, way: int) -> float:
    """The farthest x the mark's leader may leave it at: left (way -1) or right (1)."""
    x0, x1 = mark.extent
    margin = min(BAR_MARGIN, (x1 - x0) / 2)
    return x1 - margin if way > 0 else x0 + margin


def _repair(board: _Board, marks: list[Mark], sizes, placed: list[Slot | None], i: int,
            max_levels: int, budget: list[int]) -> float:
    """Place label i, that fitted nowhere, by moving a label standing in front of its mark
    elsewhere: the first such move that places both is kept.  Returns its cost.  Each
    placement tried takes one from the budget; none are tried once it is spent."""
    fracs = (0.0, 1.0, 0.5)
    mark = marks[i]
    for j, slot in enumerate(placed):
        if slot is None or slot.side not in mark.sides or not (
                slot.box.left - PAD < mark.extent[1] and mark.extent[0] < slot.box.right + PAD):
            continue
        if budget[0] <= 0:
            break
        budget[0] -= 1
        board.remove(slot)
        mine, cost = board.best(mark, sizes[i], fracs, max_levels, 0)
        if mine is not None:
            board.add(mine, mark)
            moved, more = board.best(marks[j], sizes[j], fracs, max_levels, 0)
            if moved is not None:
                board.add(moved, marks[j])
                placed[i], placed[j] = mine, moved
                return cost + more
            board.remove(mine)
        board.add(slot, marks[j])
    return 0.0


class _Placed(NamedTuple):
    box: Box
    x: float            # the vertical stretch of its leader ...
    low: float          # ... from low to high
    high: float
    foot: float         # where its leader leaves the mark
    point: bool


@dataclass
class _Board:
    """The labels and leaders placed so far, a side at a time."""

    rows: Rows
    width: float
    pub_x: float | None
    bars: list[Mark]
    sides: tuple[int, ...]

    def __post_init__(self):
        self.placed: dict[int, list[_Placed]] = {1: [], -1: []}
        self.waiting: list[Mark] = []           # the marks whose labels are still to place

    def covers(self, box: Box, side: int) -> int:
        """How many marks still waiting for a label the box would stand in front of, on
        a side they may take: a marker, or a whole bar."""
        return sum(side in m.sides and (box.left - PAD < m.x < box.right + PAD if m.point
                                         else box.left - PAD < m.extent[0]
                                         and m.extent[1] < box.right + PAD)
                   for m in self.waiting)

    def add(self, slot: Slot, mark: Mark) -> None:
        stem = slot.stem
        self.placed[slot.side].append(_Placed(slot.box, slot.x, min(stem.y0, stem.y1),
                                              max(stem.y0, stem.y1), slot.foot, mark.point))

    def remove(self, slot: Slot) -> None:
        side = self.placed[slot.side]
        side[:] = [p for p in side if p.box is not slot.box]

    def best(self, mark: Mark, size, fracs, max_levels: int,
             toward: int) -> tuple[Slot | None, float]:
        """The cheapest slot for the mark's label: level, bend (three times dearer
        `toward` the marks still to place), bars crossed; None if no level offers one."""
        best, cheapest = None, math.inf
        crossed = {1: self._bars_under(mark), -1: 0}
        soft = self._soft(mark)
        for level in range(1, max_levels + 1):
            if cheapest <= level:
                break
            for rank, side in enumerate(s for s in mark.sides if s in self.sides):
                for k, frac in enumerate(fracs):
                    found = self._slot(mark, size, side, level, frac, soft, toward)
                    if found is None:
                        continue
                    slot, cost = found
                    cost += level + crossed[side] + 0.02 * rank + 0.01 * k
                    if cost < cheapest:
                        best, cheapest = slot, cost
        return best, cheapest

    def _bars_under(self, mark: Mark) -> int:
        """How many bars a marker's leader rises through to reach a label above."""
        if not mark.point:
            return 0
        return sum(b.extent[0] - PAD < mark.x < b.extent[1] + PAD for b in self.bars)

    def _soft(self, mark: Mark) -> list[tuple[float, float, float]]:
        """The xs a leader from the mark had better avoid, and what crossing them costs:
        along the publication line, or (from a bar) through the bars stacked above it."""
        soft = []
        if self.pub_x is not None:
            soft.append((self.pub_x - STEM_ROOM, self.pub_x + STEM_ROOM, 1.0))
        if not mark.point:
            x0, x1 = mark.extent
            soft += [(b.extent[0] - PAD, b.extent[1] + PAD, 1.0) for b in self.bars
                     if b.lane > mark.lane and b.extent[1] > x0 and b.extent[0] < x1]
        return soft

    def _slot(self, mark: Mark, size, side: int, level: int, frac: float,
              soft: list[tuple[float, float, float]],
              toward: int) -> tuple[Slot, float] | None:
        """The label at `level` on `side` meeting its leader at `frac` of its width, with
        the leader's x closest to the mark's; and the cost of its bend and crossings."""
        w, h = size
        bottom, top = self.rows.span(side, level, h)
        near, far = (bottom, top) if side > 0 else (top, bottom)
        y1 = near if frac == 0.5 else far
        left = {0.0: STEM_GAP, 1.0: -STEM_GAP - w}.get(frac, -w / 2)   # box left - x
        right = left + w
        y0 = mark.stem_foot(side)
        bend = self.rows.bend(side) if mark.point else None
        foot = mark.x
        lo, hi = EDGE - left, self.width - EDGE - right
        if mark.point:
            reach = MAX_BEND if bend else 0.0
            lo, hi = max(lo, foot - reach), min(hi, foot + reach)
        else:
            lo, hi = max(lo, _reach(mark, -1)), min(hi, _reach(mark, 1))
        if lo > hi:
            return None
        low, high = sorted((y0 if bend is None else bend[1], y1))
        holes = []
        for p in self.placed[side]:
            b = p.box
            if b.bottom < top and bottom < b.top:                 # label on label
                holes.append((b.left - HPAD - right, b.right + HPAD - left))
            if b.bottom < high and low < b.top:                   # its leader through one
                holes.append((b.left - PAD, b.right + PAD))
            if p.low < top and bottom < p.high:                   # a leader through it
                holes.append((p.x - right - PAD, p.x - left + PAD))
            hole = self._order(mark, foot, p)
            if hole is None:
                return None
            holes.append(hole)
        if self.pub_x is not None:                                # the publication line
            soft = soft + [(self.pub_x - right - 0.03, self.pub_x - left + 0.03, PUB_COST)]

        def cost(x: float) -> float:
            bent = (x - foot) * toward > 0
            return (self._bend_cost(mark, x) * (3 if bent else 1)
                    + sum(c for a, b, c in soft if a < x < b))

        x = _nearest(foot, lo, hi, holes)
        if x is None:
            return None
        if soft:
            clear = _nearest(foot, lo, hi, holes + [(a, b) for a, b, _ in soft])
            if clear is not None and cost(clear) < cost(x):
                x = clear
        box = Box(x + left, bottom, x + right, top)
        return Slot(box, x, foot if bend else x, y0, y1, bend, not mark.point, frac, side,
                    level), cost(x) + COVER_COST * self.covers(box, side)

    @staticmethod
    def _bend_cost(mark: Mark, x: float) -> float:
        """A marker's leader bent sideways; a bar's leader away from the bar's middle."""
        if mark.point:
            return abs(x - mark.x) / BEND_COST
        x0, x1 = mark.extent
        return 0.2 * abs(x - mark.x) / max(x1 - x0, 1.0)

    @staticmethod
    def _order(mark: Mark, foot: float, p: _Placed) -> tuple[float, float] | None:
        """The xs that would bring the new leader within STEM_ROOM of placed leader `p`,
        or make the two cross (None: every x would)."""
        if mark.point and p.point:        # both bend in the same band: keep their order
            if p.foot < foot:
                return -math.inf, p.x + STEM_ROOM
            if p.foot > foot:
                return p.x - STEM_ROOM, math.inf
            return p.x - STEM_ROOM, p.x + STEM_ROOM
        if mark.point:                    # a bar's leader must not be between foot and x
            if p.x < foot - STEM_ROOM:
                return -math.inf, p.x + STEM_ROOM
            if p.x > foot + STEM_ROOM:
                return p.x - STEM_ROOM, math.inf
            return None
        if p.point:
            return min(p.foot, p.x) - STEM_ROOM, max(p.foot, p.x) + STEM_ROOM
        return p.x - STEM_ROOM, p.x + STEM_ROOM


def _nearest(pref: float, lo: float, hi: float,
             holes: list[tuple[float, float]]) -> float | None:
    """The point of lo..hi outside every open interval of `holes` nearest to pref."""
    best, at = None, lo
    for a, b in sorted(h for h in holes if h[1] > lo and h[0] < hi):
        if a >= at:
            best = _closer(pref, best, min(max(pref, at), a))
        at = max(at, b)
        if at > hi:
            return best
    return _closer(pref, best, min(max(pref, at), hi))


def _closer(pref: float, a: float | None, b: float) -> float:
    return b if a is None or abs(b - pref) < abs(a - pref) else a
