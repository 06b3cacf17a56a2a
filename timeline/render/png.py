"""The timeline figure (PNG or SVG), laid out like a newsroom graphic.

A date axis fitted to the events, a marker for each day, a bar over each longer period,
and labels on levels above and below the axis, each joined to its mark by a leader line.
Events on the same day (or the same longer period) share a mark and a label; past
MAX_LABELS labels, the most informative are labelled and the others drawn faint, as
marks only, and counted in the footer (see labels.py).  Labels are placed greedily so
that no two overlap and no leader passes through another label (see axis.py); where
marks crowd, leaders bend sideways to labels of their own.  The result is checked
against the renderer's own text boxes and redone with other settings if need be.  Where
far-apart clusters would crush the dense part, the axis is broken; where long periods
or a dense cluster would, the main axis is zoomed on the dense window, under an overview
strip of the whole range that shows every event and labels those the zoomed axis leaves
out.  matplotlib is imported inside the public functions only, so importing this module
stays cheap.  Geometry is in inches: x from the figure's left edge, y from a date axis
(positive up); font sizes are in points.
"""
from __future__ import annotations

import datetime as dt
import io
import textwrap
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Timeline
from . import POINTS, day_text, short_text
from .axis import (TICK_BAND, VPAD, Box, Mark, Panel, Slot, assign_lanes, crowded_hours, focus, panels,
                   place, spread, ticks)
from .labels import Label, group, select

WIDTH, MIN_HEIGHT, DPI = 12.0, 5.0, 150
MARGIN = 0.3                    # around the figure
# (label size, levels a side, whether leaders may bend), tried in turn; then LAST, which
# leaves out the labels that fit nowhere
ATTEMPTS = ((9.0, 6, False), (9.0, 6, True), (8.0, 8, True))
LAST = (8.0, 10, True)
STRIP_LEVELS = 5                # levels a side on the overview strip, at most
INK, GREY = "#222222", "#666666"
FAINT = 0.35                    # opacity of the marks of unlabelled events
COLOURS = {"time": "#000000", "day": "#0072B2", "week": "#56B4E9", "month": "#009E73",
           "quarter": "#E69F00", "season": "#F0E442", "year": "#CC79A7",
           "decade": "#A6A6A6", "century": "#6E6E6E", "span": "#D55E00"}   # Okabe-Ito, greys
# thin lines and edges: the season's yellow darkened to stand out on white
LINES = {**COLOURS, "season": "#958D29"}
SHADE = "#EFEFEF"               # the zoomed window on the overview strip, and its funnel
ARROW, FLARE = 0.12, 0.04       # a bar's point where it runs on off the panel
PUB_ROOM = 0.35                 # above a row's labels, for the "published" label
FUNNEL = 0.35                   # from the overview strip down to the zoomed axis
RC = {"font.family": "DejaVu Sans", "svg.hashsalt": "timeline", "svg.fonttype": "path"}


class Layout(NamedTuple):
    """A drawn figure with the artists a caller may want to inspect."""

    figure: object            # matplotlib.figure.Figure
    labels: list              # one Text per label, in chronological order
    marks: list               # the marker or bar each label points to
    panels: tuple = ()        # the main axis's Panels (zoomed ones included)
    overview: tuple = ()      # the overview strip's Panels; () when nothing is zoomed
    stems: tuple = ()         # each label's leader line (a Line2D)
    groups: tuple = ()        # each label's Label: the events it stands for, its words
    unlabelled: int = 0       # events that no label stands for (drawn faint)


class Style(NamedTuple):
    """How a row is drawn: the main axis, or the overview strip above a zoomed one."""

    scale: float              # of markers and bars
    line: float               # width of the axis line
    tick_band: float          # below the axis, for tick labels
    tick_size: float
    tick_bg: str              # behind tick labels: white hides the stems passing behind
    name: str                 # the label of its axes


MAIN = Style(1.0, 1.2, TICK_BAND, 7.5, "white", "main")
STRIP = Style(0.5, 0.8, 0.32, 6.5, "none", "overview")


@dataclass
class Row:
    """A date axis with its marks and the labels it carries."""

    style: Style
    panels: list[Panel]
    marks: list[Mark | None]        # per label group; None where no panel shows it
    labelled: list[int]             # the groups this row labels
    pub_x: float | None             # where the row shows the publication day
    pub_line: bool                  # whether the dashed publication line crosses its labels
    bar_top: float
    slots: dict[int, Slot] = field(default_factory=dict)

    @classmethod
    def of(cls, groups: list[Label], chosen: list[int], panel_list: list[Panel],
           style: Style, published: dt.date, main: Row | None = None) -> Row:
        """The row of the groups' marks on `panel_list`, labelling the `chosen` groups it
        shows; or, as the overview strip above a zoomed `main` row, those `main` does not
        show."""
        marks = [Mark.of(g.event, panel_list, style.scale) for g in groups]
        day = published.toordinal() + 0.5
        pub_x = next((p.x(day) for p in panel_list if p.shows(day) and not p.hourly), None)
        if main is None:
            labelled, pub_line = [i for i in chosen if marks[i]], True
        else:
            labelled = [i for i in chosen if main.marks[i] is None and marks[i]]
            pub_line = main.pub_x is None
        return cls(style, panel_list, marks, labelled, pub_x, pub_line,
                   assign_lanes([m for m in marks if m]))

    def place(self, sizes: dict[int, tuple[float, float]], levels: int, fan: bool,
              pitch: float, give_up: int | None = None) -> list[int]:
        """Place the row's labels; return the groups whose label fits nowhere (see
        axis.place for `give_up`)."""
        self.slots = {}
        if not self.labelled:
            return []
        bars = [m for m in self.marks if m and not m.point]
        slots = place([self.marks[i] for i in self.labelled],
                      [sizes[i] for i in self.labelled], self.bar_top,
                      self.pub_x if self.pub_line else None, WIDTH, levels, fan,
                      pitch, bars, (-1, 1) if self.style is MAIN else (1,), give_up)
        self.slots = {i: s for i, s in zip(self.labelled, slots) if s is not None}
        return [i for i, s in zip(self.labelled, slots) if s is None]

    @property
    def top(self) -> float:
        """The highest label or bar edge, relative to the axis."""
        return max([s.box.top for s in self.slots.values()] + [self.bar_top])

    @property
    def bottom(self) -> float:
        """The lowest label or tick label edge, relative to the axis."""
        return min([s.box.bottom for s in self.slots.values()] + [-self.style.tick_band])


@dataclass(frozen=True)
class Geometry:
    """Vertical layout of one attempt: how tall the figure is and where each row's axis
    sits (the main axis first)."""

    height: float
    axis_y: tuple[float, ...]


def render(tl: Timeline, fmt: str = "png") -> bytes:
    """The figure as PNG or SVG bytes; identical input gives identical bytes."""
    matplotlib = _matplotlib()
    with matplotlib.rc_context(RC), warnings.catch_warnings():
        # a script the font lacks (CJK, emoji) is drawn as boxes; no warning per glyph
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        fig = _layout(tl).figure
        buf = io.BytesIO()
        meta = {"Software": None} if fmt == "png" else {"Date": None}
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
    return buf.getvalue()


def layout(tl: Timeline) -> Layout:
    """The drawn figure of `tl` with its label and mark artists (for checks and tests)."""
    with _matplotlib().rc_context(RC):
        return _layout(tl)


def _matplotlib():
    """matplotlib with the non-interactive Agg backend, imported on first use."""
    import matplotlib
    matplotlib.use("Agg")
    return matplotlib


def _layout(tl: Timeline) -> Layout:
    """Try ATTEMPTS in turn; keep the first that places every label and whose drawing
    has no collisions.  LAST, leaving out what fits nowhere, ends it."""
    events = list(tl.events)
    if not events:
        return _empty(tl)
    hours = crowded_hours(events)
    groups = group(events, hours)
    keep = set(map(id, select(groups)))
    chosen = [k for k, g in enumerate(groups) if id(g) in keep]
    rows = _rows(groups, chosen, tl.article.published, hours)
    drawn = None
    for size, levels, fan, drops in [(*a, False) for a in ATTEMPTS] + [(*LAST, True)]:
        attempt = _attempt(tl, groups, rows, size, levels, fan, drops)
        if attempt is not None:
            drawn = attempt
            if not _collisions(drawn):
                break
    return drawn


def _attempt(tl: Timeline, groups: list[Label], rows: list[Row], size: float,
             levels: int, fan: bool, allow_drops: bool) -> Layout | None:
    """The figure drawn with labels of `size` points, or None if some label fits nowhere
    (unless drops are allowed: those are then left out)."""
    fig = _figure()
    renderer = fig.canvas.get_renderer()
    labelled = sorted({i for row in rows for i in row.labelled})
    texts = {i: _label_text(fig, groups[i], size) for i in labelled}
    sizes = {i: _inches(t.get_window_extent(renderer), fig.dpi) for i, t in texts.items()}
    pitch = _pitch(fig, renderer, size)
    title = _title(fig, tl.article.title or tl.article.source)
    title_h = _inches(title.get_window_extent(renderer), fig.dpi)[1]
    for row, row_levels in zip(rows, (levels, min(levels, STRIP_LEVELS))):
        if row.place(sizes, row_levels, fan, pitch, None if allow_drops else 2) \
                and not allow_drops:
            return None
    placed = sorted(i for row in rows for i in row.slots)
    for i in set(texts) - set(placed):
        texts.pop(i).remove()
    geo = _geometry(rows, title_h)
    fig.set_size_inches(WIDTH, geo.height)
    title.set_y(geo.height - MARGIN)
    marks, stems = {}, {}
    for row, axis_y in zip(rows, geo.axis_y):
        drawn_marks, drawn_stems = _draw_row(fig, row, groups, placed, texts, axis_y,
                                             geo.height, tl)
        marks.update(drawn_marks)
        stems.update(drawn_stems)
    if len(rows) > 1:
        _draw_zoom(fig, rows, geo.axis_y)
    shown = set(placed)
    unlabelled = sum(len(g.events) for k, g in enumerate(groups) if k not in shown)
    _draw_footer(fig, tl, [e for g in groups for e in g.events], unlabelled)
    fig.canvas.draw()
    overview = tuple(rows[1].panels) if len(rows) > 1 else ()
    return Layout(fig, [texts[i] for i in placed], [marks[i] for i in placed],
                  tuple(rows[0].panels), overview, [stems[i] for i in placed],
                  tuple(groups[i] for i in placed), unlabelled)


def _rows(groups: list[Label], chosen: list[int], published: dt.date,
          hours: tuple[float, float] | None = None) -> list[Row]:
    """The main axis, fitted to the events or zoomed; when zoomed, the overview strip of
    the whole range, labelling the events the main axis does not show.

    The zoomed axis shows only the panels that are zoomed, over the whole width: a panel
    left as it is would only repeat the overview strip's."""
    events = [g.event for g in groups]
    fitted = panels(events, published, WIDTH - 2 * MARGIN, MARGIN)
    zoomed = focus([groups[i].event for i in chosen] or events, published, fitted, hours)
    if zoomed == fitted:
        return [Row.of(groups, chosen, fitted, MAIN, published)]
    windows = [(z.lo, z.hi) for z, f in zip(zoomed, fitted) if z != f]
    detail = spread(windows, [z.width for z, f in zip(zoomed, fitted) if z != f],
                    WIDTH - 2 * MARGIN, MARGIN)
    main = Row.of(groups, chosen, detail, MAIN, published)
    return [main, Row.of(groups, chosen, fitted, STRIP, published, main)]


def _figure():
    """An empty figure on the Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, MIN_HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _label_text(fig, label: Label, size: float):
    """The label's words (see Label.text), on a white ground that hides what passes
    behind."""
    return fig.text(0, 0, label.text, size=size, color=INK, linespacing=1.2,
                    parse_math=False, transform=fig.dpi_scale_trans, zorder=3,
                    bbox={"fc": "white", "ec": "none", "pad": 1.0})


def _pitch(fig, renderer, size: float) -> float:
    """From one label level to the next: a two-line label's height and VPAD."""
    probe = fig.text(0, 0, "Ag\nAg", size=size, linespacing=1.2,
                     bbox={"fc": "white", "ec": "none", "pad": 1.0})
    height = _inches(probe.get_window_extent(renderer), fig.dpi)[1]
    probe.remove()
    return height + VPAD


def _title(fig, headline: str):
    """The article headline, bold, wrapped to at most three lines, top left."""
    lines = textwrap.wrap(" ".join(headline.split()), 88, break_on_hyphens=False)
    if len(lines) > 3:
        lines = lines[:2] + [short_text(" ".join(lines[2:]), 88)]
    return fig.text(MARGIN, MIN_HEIGHT - MARGIN, "\n".join(lines), size=14, weight="bold",
                    color=INK, va="top", parse_math=False, transform=fig.dpi_scale_trans)


def _inches(bbox, dpi: float) -> tuple[float, float]:
    return float(bbox.width / dpi), float(bbox.height / dpi)


def _geometry(rows: list[Row], title_h: float) -> Geometry:
    """Figure height and axis positions from the label levels used, at least MIN_HEIGHT.

    From the bottom: footer, the main axis's labels, then, if zoomed, room for its
    "published" label, the funnel and the overview strip; then the title.
    """
    main = rows[0]
    foot = MARGIN + 0.45                    # footer and legend
    head = MARGIN + title_h + 0.55          # title, gap, "published" line label
    height = foot + main.top - main.bottom + head
    if len(rows) > 1:
        strip = rows[1]
        height += FUNNEL + strip.top - strip.bottom + (0.25 if strip.pub_line else 0.05)
    slack = max(0.0, MIN_HEIGHT - height)
    axis_y = foot + slack / 2 - main.bottom
    strip_y = axis_y + main.top + PUB_ROOM + FUNNEL - rows[-1].bottom
    return Geometry(height + slack, (axis_y, strip_y)[:len(rows)])


def _draw_row(fig, row: Row, groups: list[Label], placed: list[int], texts: dict,
              axis_y: float, height: float, tl: Timeline) -> tuple[dict, dict]:
    """A row's axes (one per panel): axis line, ticks, markers and bars, break marks; its
    labels with their leaders, and the publication day.  Returns the mark artists and
    the leaders of the groups it labels."""
    style = row.style
    faint = set(range(len(groups))) - set(placed)
    artists = {}
    for panel in row.panels:
        ax = fig.add_axes((panel.left / WIDTH, (axis_y - style.tick_band) / height,
                           panel.width / WIDTH, (style.tick_band + row.bar_top) / height),
                          label=style.name)
        ax.set_xlim(panel.lo, panel.hi)
        ax.set_ylim(-style.tick_band, row.bar_top)
        ax.set_axis_off()
        ax.plot([panel.lo, panel.hi], [0, 0], color=INK, lw=style.line, solid_capstyle="butt")
        tick = ticks(panel)
        ax.vlines(tick.days, -0.05, 0, color=INK, lw=2 * style.line / 3)
        for x, text in tick.labels:
            ax.text(x, -0.09, text, ha="center", va="top", size=style.tick_size, color=GREY,
                    linespacing=1.1, bbox={"fc": style.tick_bg, "ec": "none", "pad": 0.5})
        mine = [i for i, m in enumerate(row.marks) if m is not None and m.panel is panel]
        _draw_faint(ax, [row.marks[i] for i in mine if i in faint])
        for i in mine:
            if i not in faint:
                artists[i] = _draw_mark(ax, row.marks[i])
    _draw_breaks(fig, row.panels, axis_y, style.scale ** 0.5)
    stems = _draw_labels(fig, texts, row, axis_y)
    if row.pub_x is not None:
        _draw_published(fig, row, axis_y, tl)
    return {i: artists[i] for i in row.slots}, stems


def _draw_mark(ax, mark: Mark):
    """A marker on the axis for a day, a bar above it for a longer period."""
    from matplotlib.patches import Polygon

    colour = COLOURS.get(mark.granularity, INK)
    if mark.point:
        return ax.plot([mark.day], [0], "o", ms=7.5 * mark.scale, mfc=colour, mec="white",
                       mew=mark.scale, zorder=4, clip_on=False)[0]
    return ax.add_patch(Polygon(_bar_outline(mark), closed=True, fc=colour, clip_on=False,
                                ec=LINES.get(mark.granularity, colour), lw=0.6 * mark.scale))


def _draw_faint(ax, marks: list[Mark]) -> None:
    """The marks of unlabelled events, faint, a few artists for them all: a marker per
    day and a bar per period, whatever the number of events."""
    from matplotlib.collections import PolyCollection

    points, bars = defaultdict(set), defaultdict(set)
    for mark in marks:
        if mark.point:
            points[mark.granularity, mark.scale].add(mark.day)
        else:
            bars[mark.granularity].add(tuple(_bar_outline(mark)))
    for (gran, scale), days in sorted(points.items()):
        ax.plot(sorted(days), [0] * len(days), "o", ls="none", ms=6 * scale,
                mfc=COLOURS.get(gran, INK), mec="none", alpha=FAINT, zorder=3,
                clip_on=False)
    for gran, outlines in sorted(bars.items()):
        ax.add_collection(PolyCollection(sorted(outlines), closed=True, alpha=FAINT,
                                         fc=COLOURS.get(gran, INK), ec="none",
                                         clip_on=False))


def _bar_outline(mark: Mark) -> list[tuple[float, float]]:
    """A bar over the part of the period shown, ending in an arrowhead at the panel's edge
    where the period runs on beyond it."""
    (x0, x1), y, h = mark.shown, mark.bar_y, mark.bar_h
    x1 = max(x1, x0 + 0.05 / mark.panel.scale)
    tip = ARROW / mark.panel.scale

    def end(x: float, sign: int, cut: bool) -> list[tuple[float, float]]:
        """The bar's end at x, from bottom to top on the right (sign 1), reversed on the left."""
        points = [(x, y), (x, y + h)]
        if cut:
            base = x - sign * tip
            points = [(base, y), (base, y - FLARE), (x, y + h / 2), (base, y + h + FLARE),
                      (base, y + h)]
        return points if sign > 0 else points[::-1]

    return end(x0, -1, mark.cut[0]) + end(x1, 1, mark.cut[1])


def _draw_zoom(fig, rows: list[Row], axis_y: tuple[float, ...]) -> None:
    """Each zoomed window shaded on the overview strip, widening down to its panel on the
    main axis."""
    from matplotlib.patches import Polygon

    main, strip = rows
    bottom = axis_y[0] + main.top + PUB_ROOM
    low, high = axis_y[1] - strip.style.tick_band, axis_y[1] + strip.bar_top
    for zoom in main.panels:
        whole = max(strip.panels, key=lambda p: min(p.hi, zoom.hi) - max(p.lo, zoom.lo))
        x0, x1 = whole.x(zoom.lo), whole.x(zoom.hi)
        corners = [(x0, high), (x1, high), (x1, low), (zoom.left + zoom.width, bottom),
                   (zoom.left, bottom), (x0, low)]
        fig.add_artist(Polygon(corners, closed=True, fc=SHADE, ec="none",
                               transform=fig.dpi_scale_trans, zorder=-2))


def _draw_breaks(fig, panel_list: list[Panel], axis_y: float, size: float) -> None:
    """A pair of slanted strokes (scaled by `size`) where the axis is cut between panels."""
    dx, dy = 0.04 * size, 0.09 * size
    for left, right in zip(panel_list, panel_list[1:]):
        for x in (left.left + left.width, right.left):
            fig.add_artist(_line(fig, [x - dx, x + dx], [axis_y - dy, axis_y + dy],
                                 color=INK, lw=1.2 * size))


def _draw_labels(fig, texts: dict, row: Row, axis_y: float) -> dict:
    """Move each label of the row to its slot and draw its leader (behind bars and tick
    labels); return the leaders."""
    stems = {}
    for i, slot in row.slots.items():
        text, above = texts[i], slot.box.top > 0
        ha = {0.0: "left", 1.0: "right"}.get(slot.frac, "center")
        x = {"left": slot.box.left, "right": slot.box.right}.get(ha, slot.x)
        text.set_position((x, axis_y + (slot.box.bottom if above else slot.box.top)))
        text.set_horizontalalignment(ha)
        text.set_verticalalignment("bottom" if above else "top")
        text.set_multialignment("left" if "\n•" in text.get_text() else ha)
        xs, ys = zip(*slot.path)
        stems[i] = fig.add_artist(_line(fig, xs, [axis_y + y for y in ys],
                                        color=LINES.get(row.marks[i].granularity, INK),
                                        lw=0.8, zorder=-1, solid_joinstyle="round"))
    return stems


def _draw_published(fig, row: Row, axis_y: float, tl: Timeline) -> None:
    """A dashed vertical line at the publication day: across the row's labels, labelled
    on top, or, where another row does that, across its bars only."""
    top = axis_y + (row.top + 0.12 if row.pub_line else row.bar_top)
    bottom = axis_y + (row.bottom if row.pub_line else -0.03)
    fig.add_artist(_line(fig, [row.pub_x] * 2, [bottom, top], color=GREY,
                         lw=row.style.line * 5 / 6, ls=(0, (4, 3)), zorder=-1))
    if row.pub_line:
        ha = "right" if row.pub_x > WIDTH - 1.2 else "left" if row.pub_x < 1.2 else "center"
        fig.text(row.pub_x, top + 0.04,
                 f"published {day_text(tl.article.published, long=False)}", size=8,
                 color=GREY, ha=ha, va="bottom", style="italic",
                 transform=fig.dpi_scale_trans)


def _draw_footer(fig, tl: Timeline, events: list, unlabelled: int = 0) -> None:
    """Source, publication date and how many events have no label at the bottom left;
    the colour legend at the right."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    art = tl.article
    source = art.source if len(art.source) <= 70 else "…" + art.source[-69:]
    counts = [f"+{unlabelled} more event{'s' * (unlabelled != 1)} in the CSV (faint marks)"
              ] if unlabelled else []
    if tl.vague:
        n = len(tl.vague)
        counts.append(f"+{n} undated event{'s' * (n != 1)} in the CSV"
                      + (f" (“{tl.vague[0].timex.text}”)" if n == 1 else ""))
    lines = [f"Source: {source}   ·   published {day_text(art.published)}"]
    lines += ["   ·   ".join(counts)] if counts else []    # a line of its own, clear of the legend
    fig.text(MARGIN, MARGIN, "\n".join(lines), size=7.5, color=GREY, va="bottom",
             linespacing=1.4, parse_math=False, transform=fig.dpi_scale_trans)
    grans = sorted({e.period.granularity for e in events}, key=list(COLOURS).index)
    handles = [Line2D([], [], ls="none", marker="o", ms=6, mfc=COLOURS[g], mec="white",
                      label=g) if g in POINTS else
               Patch(fc=COLOURS[g], ec=LINES[g], lw=0.6, label=g) for g in grans]
    if handles:
        fig.legend(handles=handles, loc="lower right", ncols=min(len(handles), 5),
                   frameon=False, fontsize=7.5, handlelength=1.2, columnspacing=1.2,
                   bbox_to_anchor=(WIDTH - MARGIN, MARGIN - 0.08),
                   bbox_transform=fig.dpi_scale_trans)


def _empty(tl: Timeline) -> Layout:
    """A titled figure saying that the article has no dated events."""
    fig = _figure()
    _title(fig, tl.article.title or tl.article.source)
    fig.text(0.5, 0.5, "no dated events found", size=14, color=GREY, ha="center",
             va="center")
    _draw_footer(fig, tl, [])
    fig.canvas.draw()
    return Layout(fig, [], [])


def _line(fig, xs, ys, **style):
    """A line in figure inches."""
    from matplotlib.lines import Line2D
    return Line2D(xs, ys, transform=fig.dpi_scale_trans, **style)


def _collisions(drawn: Layout) -> bool:
    """Whether, by the renderer's own boxes, a label overlaps another label, a mark or
    the overview strip, leaves the figure, or has another label's leader through it."""
    renderer = drawn.figure.canvas.get_renderer()
    labels = [Box.of(t.get_window_extent(renderer)) for t in drawn.labels]
    marks = [Box.of(m.get_window_extent(renderer)) for m in drawn.marks]
    width, height = drawn.figure.canvas.get_width_height()
    strips = [Box.of(ax.get_window_extent(renderer)) for ax in drawn.figure.axes
              if ax.get_label() == "overview"]
    frame = Box(0, 0, width, height)
    paths = [stem.get_transform().transform(stem.get_xydata()) for stem in drawn.stems]
    return any(not frame.contains(b) for b in labels) or any(
        a.hits(b) for i, a in enumerate(labels) for b in labels[i + 1:] + marks + strips
    ) or any(passes_through(path, box) for i, path in enumerate(paths)
             for j, box in enumerate(labels) if i != j)


def passes_through(path, box: Box) -> bool:
    """Whether the polyline (an array of x, y corners) enters the box."""
    for (x0, y0), (x1, y1) in zip(path[:-1], path[1:]):
        t0, t1 = 0.0, 1.0                    # Liang-Barsky clipping of the segment
        for p, q in ((x0 - x1, x0 - box.left), (x1 - x0, box.right - x0),
                     (y0 - y1, y0 - box.bottom), (y1 - y0, box.top - y0)):
            if p == 0:
                if q <= 0:
                    break
            elif p < 0:
                t0 = max(t0, q / p)
            else:
                t1 = min(t1, q / p)
        else:
            if t0 < t1:
                return True
    return False
