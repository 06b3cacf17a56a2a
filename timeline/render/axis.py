"""Geometry of the timeline figure, free of matplotlib: axis panels (and the zoom on a
dense window), ticks, bar lanes and the greedy placement of labels.

All lengths are inches: x from the figure's left edge, y from the date axis (positive
up).  Days are proleptic Gregorian ordinals (date.toordinal()), as floats.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from ..models import Event
from . import month_name

MAX_PANELS = 3          # the axis is cut at most twice
PANEL_FLOOR = 0.18      # the least share of the width a panel gets
BREAK_GAP = 0.35        # room between two panels
MIN_PAD_DAYS = 10       # padding on each side of a panel's events
SHORT_DAYS = 31         # the longest period that counts as point-like (a month)
FOCUS_SHARE = 0.25      # zoom on the point-like events when they fill less of a panel
TICK_SPACING = 0.7      # least room between two ticks
TICK_BAND = 0.45        # below the axis, kept for tick labels
MARKER_R = 0.06
EDGE = 0.15             # labels keep this far from the figure's sides
STEM_GAP, HPAD, VPAD = 0.05, 0.12, 0.12
STEM_ROOM = 0.08        # a bar's stem keeps this far from any other stem
POINTS = ("day", "time")
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

    @staticmethod
    def is_point_granularity(granularity: str) -> bool:
        return granularity in POINTS

    @classmethod
    def of(cls, event: Event, panels: list[Panel], scale: float = 1.0) -> Mark | None:
        """The mark on the panel that shows (some of) the event; None if none does."""
        start, end = _days(event)
        panel = next((p for p in panels if p.lo < end and start < p.hi), None)
        if panel is None:
            return None
        point = cls.is_point_granularity(event.period.granularity) or end - start == 1
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

    @property
    def x(self) -> float:
        """Where the mark sits: a marker's day, or the middle of a bar."""
        return self.panel.x(self.day)

    @property
    def anchors(self) -> tuple[float, ...]:
        """Where a label's stem may meet the mark: a marker, or along a bar."""
        if self.point:
            return (self.x,)
        x0, x1 = map(self.panel.x, self.shown)
        return tuple(x0 + f * (x1 - x0) for f in (0.5, 0.3, 0.7))

    @property
    def bar_y(self) -> float:
        return self.scale * (self.BAR_BASE + self.lane * (self.BAR_H + self.BAR_GAP))

    @property
    def bar_h(self) -> float:
        return self.scale * self.BAR_H

    def stem_foot(self, side: int) -> float:
        """Where the stem leaves the mark, for a label above (1) or below (-1)."""
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

    def crosses(self, x: float, y0: float, y1: float, pad: float = 0.03) -> bool:
        """Whether the vertical segment x, y0..y1 passes through (or close by) the box."""
        low, high = min(y0, y1), max(y0, y1)
        return (self.left - pad < x < self.right + pad
                and low < self.top and self.bottom < high)

    def contains(self, other: Box) -> bool:
        return (self.left <= other.left and other.right <= self.right
                and self.bottom <= other.bottom and other.top <= self.top)


class Stem(NamedTuple):
    """The vertical line from a mark (y0) to its label (y1)."""

    x: float
    y0: float
    y1: float
    bar: bool

    def crowds(self, other: Stem) -> bool:
        """Whether a bar's stem runs alongside another stem, so the two read as one."""
        return ((self.bar or other.bar) and abs(self.x - other.x) < STEM_ROOM
                and min(self.y0, self.y1) < max(other.y0, other.y1)
                and min(other.y0, other.y1) < max(self.y0, self.y1))


@dataclass(frozen=True)
class Slot:
    """Where a label goes: its box and its stem."""

    box: Box
    stem: Stem
    frac: float                   # where the stem meets the box: 0 left, 1 right, .5 middle
    side: int                     # 1 above the axis, -1 below
    level: int                    # 1 nearest the axis


def _days(event: Event) -> tuple[int, int]:
    """The event's first day and the day after its last, as ordinals."""
    return event.period.start.toordinal(), event.period.end.toordinal() + 1


def panels(events: list[Event], published: dt.date, width: float, left: float) -> list[Panel]:
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
    usable = width - BREAK_GAP * (len(groups) - 1)
    result, x = [], left
    for group, share in zip(groups, shares):
        lo, hi = _padded(group[0][0], group[-1][1])
        result.append(Panel(lo, hi, x, usable * share / sum(shares)))
        x += result[-1].width + BREAK_GAP
    return result


def _padded(lo: float, hi: float) -> tuple[float, float]:
    """lo..hi with room on each side: 5% of the stretch, at least MIN_PAD_DAYS."""
    pad = max(0.05 * (hi - lo), MIN_PAD_DAYS)
    return lo - pad, hi + pad


def focus(events: list[Event], published: dt.date, fitted: list[Panel]) -> list[Panel]:
    """The panels, each zoomed on its point-like events where long periods alone widen it.

    A panel is zoomed when two or more of its events last at most a month, some last
    longer, and the window around the short ones (padded as a panel is) takes less than
    FOCUS_SHARE of the panel.  The window takes in the publication day too when it can.
    Longer periods show in it only in part, or not at all.
    """
    pub = (published.toordinal(), published.toordinal() + 1)
    result = []
    for panel in fitted:
        periods = [_days(e) for e in events if panel.shows(_days(e)[0])]
        short = [p for p in periods if p[1] - p[0] <= SHORT_DAYS]
        zoomed = None
        if 2 <= len(short) < len(periods):
            tries = ([short + [pub]] if panel.shows(pub[0]) else []) + [short]
            zoomed = next(filter(None, (_window(panel, points) for points in tries)), None)
        result.append(zoomed or panel)
    return result


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


def ticks(panel: Panel) -> list[tuple[float, str]]:
    """Tick days and labels at the finest calendar step that leaves room between them."""
    most = max(2, int(panel.width / TICK_SPACING))
    for unit, step in TICK_STEPS:
        days = _tick_days(panel.lo, panel.hi, unit, step)
        if len(days) <= most:
            break
    inside = [d for d in days if 0.25 <= panel.x(d.toordinal()) - panel.left
              <= panel.width - 0.25] or days[len(days) // 2:][:1]
    return [(d.toordinal(), _tick_label(d, unit, k == 0 or d.year != inside[k - 1].year))
            for k, d in enumerate(inside)]


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
    """Stack overlapping bars in lanes; return the top of the bar band above the axis."""
    ends: list[float] = []
    bars = sorted((m for m in marks if not m.point), key=lambda m: m.days)
    for mark in bars:
        x0, x1 = map(mark.panel.x, mark.shown)
        mark.lane = next((k for k, end in enumerate(ends) if end + 0.04 < x0), len(ends))
        ends[mark.lane:mark.lane + 1] = [x1]
    return max((m.bar_y + m.bar_h + m.scale * Mark.BAR_GAP for m in bars),
               default=MARKER_R + 0.03)


class Rows(NamedTuple):
    """The label levels: the first one above and below the axis, and their pitch."""

    above: float
    below: float
    pitch: float

    def span(self, side: int, level: int, height: float) -> tuple[float, float]:
        """Bottom and top of a label `height` tall at `level` on `side`."""
        if side > 0:
            bottom = self.above + (level - 1) * self.pitch
            return bottom, bottom + height
        top = self.below - (level - 1) * self.pitch
        return top - height, top


def place(marks: list[Mark], sizes: list[tuple[float, float]], bar_top: float,
          pub_x: float | None, width: float, max_levels: int,
          strict: bool = True) -> list[Slot] | None:
    """A slot per mark (in order): no two labels overlap and, ideally, no stem crosses a label.

    Labels hang to one side of their stems, like flags.  Marks are taken in the order
    that makes each new label cover only marks already placed: with labels hanging
    right, from the right end leftwards, then those too near the right edge to hang
    right, rightwards, hanging left.  Each takes the first clear slot within
    `max_levels` a side, by level first or by hand first.  Of these four sweeps (two
    hands, two preferences) the fewest crossings, then levels, win.  Without a clear
    slot a label goes where its stem crosses the fewest labels, or, when `strict`,
    None is returned.
    """
    rows = Rows(bar_top + 0.15, -TICK_BAND - 0.06, max(h for _, h in sizes) + VPAD)
    frame = Box(EDGE, float("-inf"), width - EDGE, float("inf"))
    sweeps = [_sweep(marks, sizes, rows, frame, pub_x, max_levels, hand, by_level, strict)
              for hand in (1, -1) for by_level in (False, True)]
    sweeps = [s for s in sweeps if s is not None]
    return min(sweeps, key=_cost)[1] if sweeps else None


def _cost(sweep: tuple[int, list[Slot]]) -> tuple[int, int, int]:
    """Crossings, levels used above plus below, and the sum of levels."""
    crossings, slots = sweep
    highest = {side: max([s.level for s in slots if s.side == side], default=0)
               for side in (-1, 1)}
    return crossings, highest[-1] + highest[1], sum(s.level for s in slots)


def _sweep(marks: list[Mark], sizes, rows: Rows, frame: Box, pub_x: float | None,
           max_levels: int, hand: int, by_level: bool,
           strict: bool) -> tuple[int, list[Slot]] | None:
    """One greedy pass with labels hanging right (hand 1) or left (-1) of their stems.

    Returns (crossings, slots), or None if a label fits nowhere (or, when `strict`,
    nowhere clear).
    """
    board = _Board(frame, [], [] if pub_x is None else
                   [Stem(pub_x, float("-inf"), float("inf"), False)])
    frac = 0.0 if hand > 0 else 1.0
    hangs = {i: frame.contains(_slot(m, sizes[i], rows, 1, 1, m.x, frac).box)
             for i, m in enumerate(marks)}
    by_x = sorted(range(len(marks)), key=lambda k: marks[k].x * hand, reverse=True)
    placed: dict[int, Slot] = {}
    crossings = 0
    for i in [k for k in by_x if hangs[k]] + [k for k in reversed(by_x) if not hangs[k]]:
        fracs = (frac, 1 - frac, 0.5) if hangs[i] else (1 - frac, frac, 0.5)
        choices = [(level, f) for f in fracs for level in range(1, max_levels + 1)]
        if by_level:
            choices.sort(key=lambda choice: choice[0])
        slot, cost = board.best([_slot(marks[i], sizes[i], rows, side, level, x, f)
                                 for level, f in choices
                                 for side in marks[i].sides for x in marks[i].anchors])
        if slot is None or (strict and cost):
            return None
        placed[i] = slot
        crossings += cost
        board.add(slot)
    return crossings, [placed[i] for i in range(len(marks))]


def _slot(mark: Mark, size: tuple[float, float], rows: Rows, side: int, level: int,
          x: float, frac: float) -> Slot:
    """The label at `level` on `side`, its stem rising from x to meet it at `frac` of its
    width: at its far edge for a flag (0 or 1), at its near edge when centred."""
    w, h = size
    bottom, top = rows.span(side, level, h)
    near, far = (bottom, top) if side > 0 else (top, bottom)
    left = {0.0: x + STEM_GAP, 1.0: x - STEM_GAP - w}.get(frac, x - w / 2)
    stem = Stem(x, mark.stem_foot(side), near if frac == 0.5 else far, not mark.point)
    return Slot(Box(left, bottom, left + w, top), stem, frac, side, level)


@dataclass
class _Board:
    """The labels and stems placed so far, inside a frame."""

    frame: Box
    slots: list[Slot]
    stems: list[Stem]

    def fits(self, slot: Slot) -> bool:
        """Inside the frame and clear of every placed label."""
        return self.frame.contains(slot.box) and not any(
            slot.box.hits(p.box, HPAD) for p in self.slots)

    def crossings(self, slot: Slot) -> int:
        """How many stem-through-label crossings placing `slot` would add."""
        return (sum(p.box.crosses(*slot.stem[:3]) for p in self.slots)
                + sum(slot.box.crosses(*stem[:3]) for stem in self.stems))

    def best(self, options: list[Slot]) -> tuple[Slot | None, int]:
        """The first option that fits and is clear, else the fitting one with the fewest
        crossings (a bar's stem alongside another counts as one); None if none fits."""
        best, fewest = None, 0
        for slot in options:
            if not self.fits(slot):
                continue
            cost = self.crossings(slot) + any(slot.stem.crowds(s) for s in self.stems)
            if cost == 0:
                return slot, 0
            if best is None or cost < fewest:
                best, fewest = slot, cost
        return best, fewest

    def add(self, slot: Slot) -> None:
        self.slots.append(slot)
        self.stems.append(slot.stem)
