"""The timeline figure: size, no overlapping labels, determinism, edge cases, light import,
the zoom on a dense window under an overview strip."""
from __future__ import annotations

import datetime as dt
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.models import Article, Event, Period, Timeline, Timex
from timeline.render.axis import Mark, Panel, focus, panels, ticks
from timeline.render.png import LINES, layout, render, write_figures

D = dt.date
ARTICLE = Article("seeds/000_b8ae17975e8e1d93.txt", "text", D(2023, 11, 14),
                  "China and Russia accused of helping boost North Korea military amid "
                  "fears of ‘Hamas-style’ attack")


def event(start, end=None, gran="day", desc="Something happened", pos=0) -> Event:
    end = end or start
    timex = Timex(pos, pos + 5, "words", "DATE", start.isoformat(), "rule", "anchor")
    return Event(timex, Period(start, end, gran), desc, desc + ".")


SEED = Timeline(ARTICLE, (
    event(D(2023, 11, 12), desc="South Korean president Yoon Suk-yeol advised Mr Austin "
          "to stay vigilant against potential North Korean attacks"),
    event(D(2023, 10, 7), desc="Hamas carried out the attacks on Israel"),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "The Chair of South Korea's Joint "
          "Chiefs of Staff said an attack could follow the Hamas pattern"),
    event(D(2023, 10, 7), desc="Hamas launched 5,000 rockets into Israel"),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "South Korean and US troops "
          "conducted their joint live-fire exercises"),
    event(D(2022, 11, 14), D(2023, 11, 14), "span", "North Korea has conducted more "
          "than 100 missile tests"),
    event(D(2023, 11, 13), desc="South Korea's minister of national defence said North "
          "Korea continues to advance its nuclear and missile capability"),
))
KOREAN_WAR = event(D(1950, 6, 25), D(1953, 7, 27), "span", "the Korean War")
# shaped like the seed, elsewhere in time: a year-long span, six events in its last weeks
SEED_LIKE = Timeline(Article("a.txt", "text", D(2020, 3, 2), "Headline"), (
    event(D(2019, 3, 2), D(2020, 3, 2), "span", "The virus spread across the region"),
    event(D(2020, 1, 20), desc="The first case was confirmed in the capital"),
    event(D(2020, 2, 1), D(2020, 2, 29), "month", "Schools closed in three provinces"),
    event(D(2020, 2, 10), D(2020, 2, 16), "week", "Hospitals reported a shortage of masks"),
    event(D(2020, 2, 20), desc="The health minister resigned"),
    event(D(2020, 2, 27), desc="Parliament passed an emergency law"),
    event(D(2020, 3, 1), desc="Borders were closed to travellers"),
))
DECADE = Timeline(ARTICLE, (
    event(D(2013, 1, 1), D(2023, 11, 14), "span", "Over the past decade, tensions rose"),
    event(D(2020, 1, 1), D(2020, 12, 31), "year", "The pandemic closed the border"),
    event(D(2023, 11, 1), desc="Talks collapsed"),
    event(D(2023, 11, 8), desc="A missile was launched"),
    event(D(2023, 11, 9), desc="A second missile was launched"),
))


def forty_events() -> Timeline:
    """40 events of mixed granularity over about three months, with wordy descriptions."""
    rng = random.Random(7)
    words = "troops talks missile summit vote strike protest ceasefire sanctions".split()
    events = []
    for k in range(40):
        start = D(2023, 8, 1) + dt.timedelta(days=rng.randrange(100))
        gran = rng.choice(["day"] * 6 + ["week", "month", "span"])
        if gran == "week":
            start -= dt.timedelta(days=start.weekday())
            end = start + dt.timedelta(days=6)
        elif gran == "month":
            start = start.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        else:
            end = start + dt.timedelta(days=rng.randrange(5, 30) if gran == "span" else 0)
        desc = " ".join(rng.choice(words) for _ in range(rng.randrange(3, 14)))
        events.append(event(start, end, gran, desc.capitalize(), pos=k))
    return Timeline(ARTICLE, tuple(events))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def boxes(drawn, artists):
    renderer = drawn.figure.canvas.get_renderer()
    return [a.get_window_extent(renderer) for a in artists]


def overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def strips(drawn):
    """The boxes of the overview strip's axes."""
    return boxes(drawn, [ax for ax in drawn.figure.axes if ax.get_label() == "overview"])


def assert_clean(tl: Timeline):
    """Every event labelled; no two labels overlap; none covers a mark, the overview strip
    or leaves the figure."""
    drawn = layout(tl)
    labels, marks = boxes(drawn, drawn.labels), boxes(drawn, drawn.marks)
    width, height = drawn.figure.canvas.get_width_height()
    assert len(labels) == len(tl.events) == len(marks)
    for i, a in enumerate(labels):
        assert 0 <= a.x0 and a.x1 <= width and 0 <= a.y0 and a.y1 <= height
        assert not any(overlap(a, b) for b in labels[i + 1:]), drawn.labels[i].get_text()
        assert not any(overlap(a, m) for m in marks + strips(drawn)), drawn.labels[i].get_text()
    return drawn


def days(e: Event) -> tuple[int, int]:
    return e.period.start.toordinal(), e.period.end.toordinal() + 1


def short(tl: Timeline) -> list[Event]:
    """The point-like events: a month or less."""
    return [e for e in tl.events if days(e)[1] - days(e)[0] <= 31]


def test_png_is_at_least_1000_by_400():
    width, height = png_size(render(SEED))
    assert width >= 1000 and height >= 400


def test_png_seed_labels_do_not_overlap():
    drawn = assert_clean(SEED)
    assert min(t.get_fontsize() for t in drawn.labels) >= 9


def test_png_forty_events_labels_do_not_overlap():
    drawn = assert_clean(forty_events())
    assert min(t.get_fontsize() for t in drawn.labels) >= 7


def test_png_labels_have_date_then_text_on_at_most_two_lines():
    drawn = layout(SEED)
    texts = sorted(t.get_text() for t in drawn.labels)
    assert all(len(t.splitlines()) <= 2 for t in texts)
    assert "7 Oct 2023: Hamas carried out the\nattacks on Israel" in texts
    assert any(t.startswith("12 Nov 2023: ") and t.endswith("…") for t in texts)


def test_png_far_apart_dates_break_the_axis_without_overlap():
    tl = Timeline(ARTICLE, SEED.events + (KOREAN_WAR,))
    drawn = assert_clean(tl)
    assert len(drawn.panels) == len(drawn.overview) == 2
    # the Korean War keeps its own panel; the year-long span's is zoomed on the autumn
    assert drawn.panels[0] == drawn.overview[0]
    assert drawn.panels[1].hi - drawn.panels[1].lo < drawn.overview[1].hi - drawn.overview[1].lo


@pytest.mark.parametrize("tl", [SEED, SEED_LIKE], ids=["seed", "seed_like"])
def test_png_long_span_and_dense_weeks_zoom_under_an_overview(tl):
    drawn = assert_clean(tl)
    (detail,), (whole,) = drawn.panels, drawn.overview
    assert detail.hi - detail.lo < 0.25 * (whole.hi - whole.lo)
    assert all(detail.lo <= days(e)[0] and days(e)[1] <= detail.hi for e in short(tl))
    assert all(whole.lo <= days(e)[0] and days(e)[1] <= whole.hi for e in tl.events)
    assert detail.shows(tl.article.published.toordinal())
    assert min(t.get_fontsize() for t in drawn.labels) >= 9
    # the overview strip sits above every label
    assert all(label.y1 <= min(s.y0 for s in strips(drawn))
               for label in boxes(drawn, drawn.labels))


def test_png_span_running_off_the_zoomed_axis_states_its_full_dates():
    drawn = layout(SEED)
    texts = [t.get_text() for t in drawn.labels]
    span = next(i for i, t in enumerate(texts) if t.startswith("14 Nov 2022 – 14 Nov 2023: "))
    main = next(ax for ax in drawn.figure.axes if ax.get_label() == "main")
    bar, axes = boxes(drawn, [drawn.marks[span], main])
    assert bar.x0 == pytest.approx(axes.x0, abs=1)       # its arrowhead at the left edge
    detail = drawn.panels[0]
    mark = Mark.of(SEED.events[5], [detail])
    assert mark.cut == (True, False) and mark.shown == (detail.lo, days(SEED.events[5])[1])


def test_png_events_outside_the_zoomed_window_are_labelled_on_the_overview():
    drawn = assert_clean(DECADE)
    (year,) = [t for t in drawn.labels if t.get_text().startswith("2020: The pandemic")]
    assert boxes(drawn, [year])[0].y0 >= max(s.y1 for s in strips(drawn))
    (detail,) = drawn.panels
    assert not detail.shows(D(2020, 12, 31).toordinal()) and detail.shows(D(2023, 11, 8).toordinal())


def test_png_publication_day_outside_the_zoomed_window_is_marked_on_the_overview():
    days_of_january = tuple(event(D(2023, 1, d), desc=f"Event of {d} January")
                            for d in (3, 9, 10, 20, 28))
    tl = Timeline(ARTICLE, (SEED.events[5],) + days_of_january)
    drawn = assert_clean(tl)
    assert not drawn.panels[0].shows(ARTICLE.published.toordinal())
    assert "published 14 Nov 2023" in [t.get_text() for t in drawn.figure.texts]


@pytest.mark.parametrize("tl", [forty_events(), Timeline(ARTICLE, (event(D(2023, 10, 7)),)),
                                Timeline(ARTICLE, (SEED.events[5], SEED.events[6]))],
                         ids=["no_long_period", "one_event", "one_short_event"])
def test_png_no_overview_when_nothing_is_crowded(tl):
    assert layout(tl).overview == ()


def test_axis_focus_zooms_only_where_long_periods_alone_widen_a_panel():
    published = D(2023, 11, 14)
    fitted = panels(list(SEED.events), published, 11.4, 0.3)
    (zoomed,) = focus(list(SEED.events), published, fitted)
    assert zoomed.lo <= D(2023, 10, 1).toordinal() and zoomed.hi >= D(2023, 11, 15).toordinal()
    assert zoomed.hi - zoomed.lo < 0.25 * (fitted[0].hi - fitted[0].lo)
    assert (zoomed.left, zoomed.width) == (fitted[0].left, fitted[0].width)
    spread = [event(D(2023, 1, 5)), event(D(2023, 11, 12)), SEED.events[5]]
    fitted = panels(spread, published, 11.4, 0.3)
    assert focus(spread, published, fitted) == fitted


def test_png_renders_zero_events():
    drawn = layout(Timeline(ARTICLE, ()))
    texts = [t.get_text() for t in drawn.figure.texts]
    assert "no dated events found" in texts
    assert any(t.startswith("China and Russia") for t in texts)
    width, height = png_size(render(Timeline(ARTICLE, ())))
    assert width >= 1000 and height >= 400


def test_png_renders_one_event_with_padding():
    day = D(2023, 10, 7)
    drawn = assert_clean(Timeline(ARTICLE, (event(day),)))
    lo, hi = drawn.figure.axes[0].get_xlim()
    assert lo <= day.toordinal() - 7 and hi >= day.toordinal() + 7
    assert png_size(render(Timeline(ARTICLE, (event(day),))))[0] >= 1000


def test_png_marks_publication_date():
    texts = [t.get_text() for t in layout(SEED).figure.texts]
    assert "published 14 Nov 2023" in texts
    assert any("Source: seeds/000_b8ae17975e8e1d93.txt" in t for t in texts)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_png_identical_input_gives_identical_bytes(fmt):
    tl = Timeline(ARTICLE, SEED.events + (KOREAN_WAR,))
    assert render(tl, fmt) == render(tl, fmt)


def test_png_identical_bytes_across_processes():
    code = (f"import hashlib, sys; sys.path.insert(0, {str(Path(__file__).parent)!r});"
            "import test_render_png as t; print(hashlib.sha256(t.render(t.SEED)).hexdigest())")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1


def test_png_write_figures_writes_each_format(tmp_path):
    paths = write_figures(SEED, tmp_path / "seed", formats=("png", "svg"))
    assert paths == [tmp_path / "seed.png", tmp_path / "seed.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in paths[1].read_bytes()[:400]
    assert write_figures(SEED, tmp_path / "report.v2") == [tmp_path / "report.v2.png"]


def test_png_import_does_not_load_matplotlib():
    code = ("import sys, timeline.render.png, timeline.render.csv;"
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_axis_panels_cut_only_at_large_gaps():
    published = D(2023, 11, 14)
    assert len(panels(list(SEED.events), published, 11.4, 0.3)) == 1
    assert len(panels(list(SEED.events) + [KOREAN_WAR], published, 11.4, 0.3)) == 2


def test_axis_ticks_name_the_year_once_and_at_new_years():
    start = D(2023, 10, 20).toordinal()
    labels = [text for _, text in ticks(Panel(start, start + 120, 0.3, 11.4))]
    assert labels[0] == "23 Oct\n2023"
    assert "1 Jan\n2024" in labels
    assert sum("\n" in label for label in labels) == 2
    months = [text for _, text in ticks(Panel(start, start + 400, 0.3, 11.4))]
    assert months[:2] == ["Nov\n2023", "Dec"] and "Jan\n2024" in months


def test_png_season_lines_are_dark_enough_on_white():
    def luminance(hex_colour):
        rgb = [int(hex_colour[k:k + 2], 16) / 255 for k in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    assert 1.05 / (luminance(LINES["season"]) + 0.05) >= 3      # WCAG: graphics on white
    tl = Timeline(ARTICLE, (event(D(2023, 6, 1), D(2023, 8, 31), "season", "A hot summer"),))
    drawn = assert_clean(tl)
    stems = [a for a in drawn.figure.artists if hasattr(a, "get_color")
             and a.get_color() == LINES["season"]]
    assert stems
    assert drawn.marks[0].get_edgecolor()[:3] == pytest.approx(
        tuple(int(LINES["season"][k:k + 2], 16) / 255 for k in (1, 3, 5)))
