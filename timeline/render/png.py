"""The timeline figure (PNG or SVG), laid out like a newsroom graphic.

A date axis fitted to the events (broken where far-apart clusters would crush the dense
part), a marker for each day, a bar over each longer period, and a label per event on
levels above and below the axis, chosen greedily so that no two labels overlap; the
result is checked against the renderer's own text boxes and redone with a smaller font
if needed.  matplotlib is imported inside the public functions only, so importing this
module stays cheap.  Geometry is in inches: x from the figure's left edge, y from the
date axis (positive up); font sizes are in points.
"""
from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..models import Event, Timeline
from . import day_text, display_date, short_text
from .atomic import atomic_write
from .axis import (TICK_BAND, Box, Mark, Panel, Slot, assign_lanes, panels, place,
                   ticks)
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
RC = {"font.family": "DejaVu Sans", "svg.hashsalt": "timeline", "svg.fonttype": "path"}


class Layout(NamedTuple):
    """A drawn figure with the artists a caller may want to inspect."""

    figure: object            # matplotlib.figure.Figure
    labels: list              # one Text per event, in chronological order
    marks: list               # the markers and bars on the axis


@dataclass(frozen=True)
class Geometry:
    """Vertical layout of one attempt: where the axis sits and how tall the figure is."""

    height: float
    axis_y: float
    top: float                  # highest label edge, relative to the axis
    bottom: float               # lowest label edge, relative to the axis
    bar_top: float


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
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, MIN_HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    texts = [_label_text(fig, e, size) for e in events]
    sizes = [_inches(t.get_window_extent(renderer), fig.dpi) for t in texts]
    title = _title(fig, tl.article.title or tl.article.source)
    title_h = _inches(title.get_window_extent(renderer), fig.dpi)[1]

    panel_list = panels(events, tl.article.published, WIDTH - 2 * MARGIN, MARGIN)
    marks = [Mark.of(e, panel_list) for e in events]
    bar_top = assign_lanes(marks)
    pub_x = _pub_x(panel_list, tl)
    slots = place(marks, sizes, bar_top, pub_x, WIDTH, levels, strict)
    if slots is None:
        return None
    geo = _geometry(slots, bar_top, title_h)
    fig.set_size_inches(WIDTH, geo.height)
    title.set_y(geo.height - MARGIN)
    drawn_marks = _draw_axis(fig, panel_list, marks, geo)
    _draw_labels(fig, texts, slots, marks, geo)
    _draw_published(fig, pub_x, tl, geo)
    _draw_footer(fig, tl, events)
    fig.canvas.draw()
    return Layout(fig, texts, drawn_marks)


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


def _pub_x(panel_list: list[Panel], tl: Timeline) -> float | None:
    """Where the publication day sits on the axis (its middle), if a panel shows it."""
    day = tl.article.published.toordinal() + 0.5
    return next((p.x(day) for p in panel_list if p.shows(day)), None)


def _geometry(slots: list[Slot], bar_top: float, title_h: float) -> Geometry:
    """Figure height and axis position from the label levels used, at least MIN_HEIGHT."""
    top = max([s.box.top for s in slots] + [bar_top])
    bottom = min([s.box.bottom for s in slots] + [-TICK_BAND])
    head = MARGIN + title_h + 0.55          # title, gap, "published" line label
    foot = MARGIN + 0.45                    # footer and legend
    height = head + (top - bottom) + foot
    slack = max(0.0, MIN_HEIGHT - height)
    return Geometry(height + slack, foot + slack / 2 - bottom, top, bottom, bar_top)


def _draw_axis(fig, panel_list: list[Panel], marks: list[Mark], geo: Geometry) -> list:
    """One axes per panel: axis line, ticks, markers and bars; break marks between."""
    from matplotlib.patches import Rectangle

    artists = []
    for panel in panel_list:
        ax = fig.add_axes((panel.left / WIDTH, (geo.axis_y - TICK_BAND) / geo.height,
                           panel.width / WIDTH, (TICK_BAND + geo.bar_top) / geo.height))
        ax.set_xlim(panel.lo, panel.hi)
        ax.set_ylim(-TICK_BAND, geo.bar_top)
        ax.set_axis_off()
        ax.plot([panel.lo, panel.hi], [0, 0], color=INK, lw=1.2, solid_capstyle="butt")
        for x, text in ticks(panel):
            ax.plot([x, x], [0, -0.05], color=INK, lw=0.8)
            ax.text(x, -0.09, text, ha="center", va="top", size=7.5, color=GREY,
                    linespacing=1.1, bbox={"fc": "white", "ec": "none", "pad": 0.5})
        for mark in (m for m in marks if m.panel is panel):
            colour = COLOURS.get(mark.granularity, INK)
            if mark.point:
                artists += ax.plot([mark.day], [0], "o", ms=7.5, mfc=colour, mec="white",
                                   mew=1.0, zorder=4, clip_on=False)
            else:
                width = max(mark.days[1] - mark.days[0], 0.05 / panel.scale)
                artists.append(ax.add_patch(Rectangle(
                    (mark.days[0], mark.bar_y), width, Mark.BAR_H, fc=colour,
                    ec=LINES.get(mark.granularity, colour), lw=0.6)))
    _draw_breaks(fig, panel_list, geo.axis_y)
    return artists


def _draw_breaks(fig, panel_list: list[Panel], axis_y: float) -> None:
    """A pair of slanted strokes where the axis is cut between two panels."""
    for left, right in zip(panel_list, panel_list[1:]):
        for x in (left.left + left.width, right.left):
            fig.add_artist(_line(fig, [x - 0.04, x + 0.04], [axis_y - 0.09, axis_y + 0.09],
                                 color=INK, lw=1.2))


def _draw_labels(fig, texts: list, slots: list[Slot], marks: list[Mark], geo: Geometry):
    """Move each label to its slot and draw its stem (behind bars and tick labels)."""
    for text, slot, mark in zip(texts, slots, marks):
        above = slot.box.top > 0
        ha = {0.0: "left", 1.0: "right"}.get(slot.frac, "center")
        x = {"left": slot.box.left, "right": slot.box.right}.get(ha, slot.stem.x)
        text.set_position((x, geo.axis_y + (slot.box.bottom if above else slot.box.top)))
        text.set_horizontalalignment(ha)
        text.set_verticalalignment("bottom" if above else "top")
        text.set_multialignment(ha)
        fig.add_artist(_line(fig, [slot.stem.x] * 2,
                             [geo.axis_y + slot.stem.y0, geo.axis_y + slot.stem.y1],
                             color=LINES.get(mark.granularity, INK), lw=0.8, zorder=-1))


def _draw_published(fig, pub_x: float | None, tl: Timeline, geo: Geometry) -> None:
    """A dashed vertical line across the labels at the publication date, labelled on top."""
    if pub_x is None:
        return
    top = geo.axis_y + geo.top + 0.12
    fig.add_artist(_line(fig, [pub_x, pub_x], [geo.axis_y + geo.bottom, top], color=GREY,
                         lw=1.0, ls=(0, (4, 3)), zorder=-1))
    ha = "right" if pub_x > WIDTH - 1.2 else "left" if pub_x < 1.2 else "center"
    label = f"published {day_text(tl.article.published, long=False)}"
    fig.text(pub_x, top + 0.04, label, size=8, color=GREY, ha=ha, va="bottom",
             style="italic", transform=fig.dpi_scale_trans)


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
    from matplotlib.figure import Figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(WIDTH, MIN_HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
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
    frame = Box(0, 0, width, height)
    return any(not frame.contains(b) for b in labels) or any(
        a.hits(b) for i, a in enumerate(labels) for b in labels[i + 1:] + marks)
