"""The timeline figure (PNG or SVG), laid out like a newsroom graphic.

A date axis fitted to the events, a marker for each day, a bar over each longer period,
and a label per event on levels above and below the axis, chosen greedily so that no
two labels overlap; the result is checked against the renderer's own text boxes and
redone with a smaller font if needed.  Where far-apart clusters would crush the dense
part, the axis is broken; where long periods alone would, it is zoomed on the dense
window, under an overview strip of the whole range that shows every event and labels
those the zoomed axis leaves out.  matplotlib is imported inside the public functions
only, so importing this module stays cheap.  Geometry is in inches: x from the figure's
left edge, y from a date axis (positive up); font sizes are in points.
"""
from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..models import Event, Timeline
from . import day_text, display_date, short_text
from .atomic import atomic_write
from .axis import (TICK_BAND, Box, Mark, Panel, Slot, assign_lanes, focus, panels,
                   place, ticks)
from .timelinejs import sort_key

WIDTH, MIN_HEIGHT, DPI = 12.0, 5.0, 150
MARGIN = 0.3                    # around the figure
# (label size, levels a side, whether stems must cross no label), tried in turn
ATTEMPTS = ((9.0, 5, True), (8.0, 7, True), (8.0, 7, False))
WRAP = 34                       # characters per label line
INK, GREY = "#222222", "#666666"
COLOURS = {"time": "#000000", "day": "#0072B2", "week": "#56B4E9", "month": "#009E73",
           "quarter": "#E69F00", "season": "#F0E442", "year": "#CC79A7",
           "decade": "#999999", "century": "#999999", "span": "#D55E00"}   # Okabe-Ito
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
    labels: list              # one Text per event, in chronological order
    marks: list               # the marker or bar each label points to
    panels: tuple = ()        # the main axis's Panels (zoomed ones included)
    overview: tuple = ()      # the overview strip's Panels; () when nothing is zoomed


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
    marks: list[Mark | None]        # per event; None where no panel shows it
    labelled: list[int]             # the events labelled on this row
    pub_x: float | None             # where the row shows the publication day
    pub_line: bool                  # whether the dashed publication line crosses its labels
    bar_top: float
    slots: dict[int, Slot] = field(default_factory=dict)

    @classmethod
    def of(cls, events: list[Event], panel_list: list[Panel], style: Style,
           published: dt.date, main: Row | None = None) -> Row:
        """The row of `events` on `panel_list`, labelling every event it shows; or, as the
        overview strip above a zoomed `main` row, those that `main` leaves out."""
        marks = [Mark.of(e, panel_list, style.scale) for e in events]
        day = published.toordinal() + 0.5
        pub_x = next((p.x(day) for p in panel_list if p.shows(day)), None)
        if main is None:
            labelled, pub_line = [i for i, m in enumerate(marks) if m], True
        else:
            labelled = [i for i, m in enumerate(main.marks) if m is None]
            pub_line = main.pub_x is None
        return cls(style, panel_list, marks, labelled, pub_x, pub_line,
                   assign_lanes([m for m in marks if m]))

    def place(self, sizes: list[tuple[float, float]], levels: int, strict: bool) -> bool:
        """Place the row's labels; False if they do not fit."""
        if not self.labelled:
            return True
        slots = place([self.marks[i] for i in self.labelled],
                      [sizes[i] for i in self.labelled], self.bar_top,
                      self.pub_x if self.pub_line else None, WIDTH, levels, strict)
        self.slots = dict(zip(self.labelled, slots or []))
        return slots is not None

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
    with matplotlib.rc_context(RC):
        fig = _layout(tl).figure
        buf = io.BytesIO()
        meta = {"Software": None} if fmt == "png" else {"Date": None}
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
    return buf.getvalue()


def write_figures(tl: Timeline, stem_path: Path, formats=("png",)) -> list[Path]:
    """Write stem.png, stem.svg ... atomically; return the paths written."""
    paths = []
    for fmt in formats:
        path = Path(stem_path).with_name(f"{Path(stem_path).name}.{fmt}")
        atomic_write(path, render(tl, fmt))
        paths.append(path)
    return paths


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
    """Try ATTEMPTS in turn; keep the first whose drawing has no collisions.

    The fallback after them, one level per label if need be, always places every label.
    """
    events = sorted(tl.events, key=sort_key)
    if not events:
        return _empty(tl)
    for size, levels, strict in ATTEMPTS:
        drawn = _attempt(tl, events, size, levels, strict)
        if drawn is not None and not _collisions(drawn):
            return drawn
    return _attempt(tl, events, ATTEMPTS[-1][0], len(events), False)


def _attempt(tl: Timeline, events: list[Event], size: float, levels: int, strict: bool):
    """Lay out and draw the figure with labels of `size` points, or None if they don't fit."""
    fig = _figure()
    renderer = fig.canvas.get_renderer()
    texts = [_label_text(fig, e, size) for e in events]
    sizes = [_inches(t.get_window_extent(renderer), fig.dpi) for t in texts]
    title = _title(fig, tl.article.title or tl.article.source)
    title_h = _inches(title.get_window_extent(renderer), fig.dpi)[1]

    rows = _rows(events, tl.article.published)
    if not all(row.place(sizes, levels, strict) for row in rows):
        return None
    geo = _geometry(rows, title_h)
    fig.set_size_inches(WIDTH, geo.height)
    title.set_y(geo.height - MARGIN)
    marks: dict[int, object] = {}
    for row, axis_y in zip(rows, geo.axis_y):
        marks.update(_draw_row(fig, row, texts, axis_y, geo.height, tl))
    if len(rows) > 1:
        _draw_zoom(fig, rows, geo.axis_y)
    _draw_footer(fig, tl, events)
    fig.canvas.draw()
    overview = tuple(rows[1].panels) if len(rows) > 1 else ()
    return Layout(fig, texts, [marks[i] for i in range(len(events))],
                  tuple(rows[0].panels), overview)


def _rows(events: list[Event], published: dt.date) -> list[Row]:
    """The main axis, fitted to the events or zoomed; when zoomed, the overview strip of
    the whole range, labelling the events the main axis does not show."""
    fitted = panels(events, published, WIDTH - 2 * MARGIN, MARGIN)
    zoomed = focus(events, published, fitted)
    main = Row.of(events, zoomed, MAIN, published)
    if zoomed == fitted:
        return [main]
    return [main, Row.of(events, fitted, STRIP, published, main)]


def _figure():
    """An empty figure on the Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, MIN_HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _label_text(fig, event: Event, size: float):
    """Date then short event text, wrapped to at most two lines (cut with '…')."""
    date = display_date(event.period, event.timex.value)
    lines = textwrap.wrap(f"{date}: {short_text(event.description, 2 * WRAP)}", WRAP,
                          break_on_hyphens=False)
    if len(lines) > 2:
        lines = [lines[0], short_text(" ".join(lines[1:]), WRAP)]
    return fig.text(0, 0, "\n".join(lines), size=size, color=INK, linespacing=1.2,
                    parse_math=False, transform=fig.dpi_scale_trans, zorder=3,
                    bbox={"fc": "white", "ec": "none", "pad": 1.0})   # stems pass behind


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


def _draw_row(fig, row: Row, texts: list, axis_y: float, height: float,
              tl: Timeline) -> dict:
    """A row's axes (one per panel): axis line, ticks, markers and bars, break marks; its
    labels and the publication day.  Returns the mark artists of its labelled events."""
    style = row.style
    artists = {}
    for panel in row.panels:
        ax = fig.add_axes((panel.left / WIDTH, (axis_y - style.tick_band) / height,
                           panel.width / WIDTH, (style.tick_band + row.bar_top) / height),
                          label=style.name)
        ax.set_xlim(panel.lo, panel.hi)
        ax.set_ylim(-style.tick_band, row.bar_top)
        ax.set_axis_off()
        ax.plot([panel.lo, panel.hi], [0, 0], color=INK, lw=style.line, solid_capstyle="butt")
        for x, text in ticks(panel):
            ax.plot([x, x], [0, -0.05], color=INK, lw=2 * style.line / 3)
            ax.text(x, -0.09, text, ha="center", va="top", size=style.tick_size, color=GREY,
                    linespacing=1.1, bbox={"fc": style.tick_bg, "ec": "none", "pad": 0.5})
        for i, mark in enumerate(row.marks):
            if mark is not None and mark.panel is panel:
                artists[i] = _draw_mark(ax, mark)
    _draw_breaks(fig, row.panels, axis_y, style.scale ** 0.5)
    _draw_labels(fig, texts, row, axis_y)
    if row.pub_x is not None:
        _draw_published(fig, row, axis_y, tl)
    return {i: artists[i] for i in row.labelled}


def _draw_mark(ax, mark: Mark):
    """A marker on the axis for a day, a bar above it for a longer period."""
    from matplotlib.patches import Polygon

    colour = COLOURS.get(mark.granularity, INK)
    if mark.point:
        return ax.plot([mark.day], [0], "o", ms=7.5 * mark.scale, mfc=colour, mec="white",
                       mew=mark.scale, zorder=4, clip_on=False)[0]
    return ax.add_patch(Polygon(_bar_outline(mark), closed=True, fc=colour, clip_on=False,
                                ec=LINES.get(mark.granularity, colour), lw=0.6 * mark.scale))


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
    """Each zoomed window shaded on the overview strip, widening down to the main axis."""
    from matplotlib.patches import Polygon

    main, strip = rows
    bottom = axis_y[0] + main.top + PUB_ROOM
    low, high = axis_y[1] - strip.style.tick_band, axis_y[1] + strip.bar_top
    for whole, zoom in zip(strip.panels, main.panels):
        if zoom != whole:
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


def _draw_labels(fig, texts: list, row: Row, axis_y: float) -> None:
    """Move each label of the row to its slot and draw its stem (behind bars and tick
    labels)."""
    for i, slot in row.slots.items():
        text, above = texts[i], slot.box.top > 0
        ha = {0.0: "left", 1.0: "right"}.get(slot.frac, "center")
        x = {"left": slot.box.left, "right": slot.box.right}.get(ha, slot.stem.x)
        text.set_position((x, axis_y + (slot.box.bottom if above else slot.box.top)))
        text.set_horizontalalignment(ha)
        text.set_verticalalignment("bottom" if above else "top")
        text.set_multialignment(ha)
        fig.add_artist(_line(fig, [slot.stem.x] * 2,
                             [axis_y + slot.stem.y0, axis_y + slot.stem.y1],
                             color=LINES.get(row.marks[i].granularity, INK), lw=0.8,
                             zorder=-1))


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


def _draw_footer(fig, tl: Timeline, events: list[Event]) -> None:
    """Source and publication date at the bottom left, the colour legend at the right."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    art = tl.article
    source = art.source if len(art.source) <= 70 else "…" + art.source[-69:]
    fig.text(MARGIN, MARGIN, f"Source: {source}   ·   published "
             f"{day_text(art.published)}", size=7.5, color=GREY, va="bottom",
             parse_math=False, transform=fig.dpi_scale_trans)
    grans = sorted({e.period.granularity for e in events}, key=list(COLOURS).index)
    handles = [Line2D([], [], ls="none", marker="o", ms=6, mfc=COLOURS[g], mec="white",
                      label=g) if Mark.is_point_granularity(g) else
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
    """Whether, by the renderer's own boxes, a label overlaps another label or a mark."""
    renderer = drawn.figure.canvas.get_renderer()
    labels = [Box.of(t.get_window_extent(renderer)) for t in drawn.labels]
    marks = [Box.of(m.get_window_extent(renderer)) for m in drawn.marks]
    width, height = drawn.figure.canvas.get_width_height()
    strips = [Box.of(ax.get_window_extent(renderer)) for ax in drawn.figure.axes
              if ax.get_label() == "overview"]
    frame = Box(0, 0, width, height)
    return any(not frame.contains(b) for b in labels) or any(
        a.hits(b) for i, a in enumerate(labels) for b in labels[i + 1:] + marks + strips)
