"""The timeline figure: size, no overlapping labels, leaders that pass through no other
label and stay apart, events sharing a date sharing a label, the cap on labels for long
articles, determinism, edge cases, light import, the zoom on a dense window under an
overview strip, tick labels under the stretch they name."""
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
from timeline.render.axis import (MAX_LANES, STEM_ROOM, Mark, Panel, assign_lanes, crowded_hours, focus,
                                  panels, ticks)
from timeline.render.labels import MAX_LABELS, group, select
from timeline.render.png import DPI, LINES, layout, render

D = dt.date
ARTICLE = Article("seeds/000_b8ae17975e8e1d93.txt", "text", D(2023, 11, 14),
                  "China and Russia accused of helping boost North Korea military amid "
                  "fears of ‘Hamas-style’ attack")


def event(start, end=None, gran="day", desc="Something happened", pos=0, value=None,
          sentence=None) -> Event:
    end = end or start
    timex = Timex(pos, pos + 5, "words", "DATE", value or start.isoformat(), "rule", "anchor",
                  Period(start, end, gran))
    return Event(timex, desc, sentence or desc + ".")


SPAN = event(D(2022, 11, 14), D(2023, 11, 14), "span", "North Korea has conducted more "
             "than 100 missile tests")
MINISTER = event(D(2023, 11, 13), desc="South Korea's minister of national defence said North "
                 "Korea continues to advance its nuclear and missile capability")
SEED = Timeline(ARTICLE, (
    event(D(2023, 11, 12), desc="South Korean president Yoon Suk-yeol advised Mr Austin "
          "to stay vigilant against potential North Korean attacks"),
    event(D(2023, 10, 7), desc="Hamas carried out the attacks on Israel"),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "The Chair of South Korea's Joint "
          "Chiefs of Staff said an attack could follow the Hamas pattern"),
    event(D(2023, 10, 7), desc="Hamas launched 5,000 rockets into Israel"),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "South Korean and US troops "
          "conducted their joint live-fire exercises"),
    SPAN, MINISTER,
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

def dense_weeks() -> Timeline:
    """Shaped like a trial article: sixteen days in three weeks, no long span, and years
    and months spread over the four years before."""
    days = (7, 13, 14, 15, 16, 17, 17, 20, 20, 21, 23, 23, 24, 26, 27, 28)
    events = [event(D(2023, 11, d), desc=f"Retailer number {k} reported its sales for the "
                    f"month to analysts", pos=10 * k) for k, d in enumerate(days)]
    events += [event(D(y, 1, 1), D(y, 12, 31), "year", f"Prices rose faster than wages "
                     f"in {y}", pos=500 + k) for k, y in enumerate((2020, 2021, 2022))]
    events += [event(D(y, m, 1), D(y, m, 28), "month", f"A survey of shoppers in {m}/{y}",
                     pos=600 + m) for y, m in ((2021, 12), (2022, 6), (2023, 10))]
    return Timeline(Article("retail.txt", "text", D(2023, 11, 20), "Retailers brace"),
                    tuple(events))


# shaped like the trial's transit article: a year bar over month bars, a ten-year span
TRANSIT = Timeline(Article("transit.txt", "text", D(2024, 3, 3), "Bus fares rise"), tuple(
    event(D.fromisoformat(a), D.fromisoformat(b), g, d, pos=k)
    for k, (a, b, g, d) in enumerate((
        ("2014-03-03", "2024-03-03", "span", "Council members said the authority had lost "
                                             "nearly $40 million"),
        ("2015-01-01", "2015-12-31", "year", "We cannot keep running a 24/7 network"),
        ("2019-01-01", "2019-12-31", "year", "The council voted to raise the fare"),
        ("2022-01-01", "2022-03-31", "quarter", "Ridership rose 11 per cent"),
        ("2022-01-01", "2022-12-31", "year", "I was paying $1.75"),
        ("2023-12-25", "2023-12-25", "day", "The authority hired a second consultant"),
        ("2024-01-01", "2024-01-31", "month", "Ridership rose in the first quarter"),
        ("2024-01-01", "2024-12-31", "year", "Officials expect the new fare to bring in $6m"),
        ("2024-02-12", "2024-02-12", "day", "The chief executive said the rise was needed"),
        ("2024-02-29", "2024-02-29", "day", "The council voted 9-4 to raise the fare"),
        ("2024-03-01", "2024-03-31", "month", "Monthly passes keep the old price"),
        ("2024-03-04", "2024-03-10", "week", "A public hearing on the cuts will be held"),
        ("2024-03-05", "2024-03-05", "day", "Opponents have organised a march"),
        ("2024-04-01", "2024-04-01", "day", "The increase takes effect"),
        ("2024-06-01", "2024-06-30", "month", "Passes bought before mid-March keep the price"),
        ("2024-06-01", "2024-08-31", "season", "That review is due")))))


def many_events(n: int, seed: int = 1) -> Timeline:
    """n events on distinct days and periods over three years, as in a very long article."""
    rng = random.Random(seed)
    events = []
    for k in range(n):
        start = D(2021, 1, 1) + dt.timedelta(days=rng.randrange(1100))
        gran = rng.choice(["day"] * 5 + ["month", "year", "span"])
        end = {"month": start + dt.timedelta(days=27), "year": start + dt.timedelta(days=364),
               "span": start + dt.timedelta(days=rng.randrange(20, 300))}.get(gran, start)
        events.append(event(start, end, gran, f"Event number {k} of a very long article",
                            pos=k))
    return Timeline(Article("long.txt", "text", D(2024, 1, 10), "A long article"),
                    tuple(events))


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


def leaders(drawn):
    """Each label's leader line as its corners in display pixels."""
    return [stem.get_transform().transform(stem.get_xydata()) for stem in drawn.stems]


def through(path, box, pad: float = 5) -> bool:
    """Whether the polyline passes through the box, or within `pad` pixels of it (sampled
    every half pixel)."""
    for (x0, y0), (x1, y1) in zip(path[:-1], path[1:]):
        steps = int(max(abs(x1 - x0), abs(y1 - y0)) * 2) + 1
        for k in range(steps + 1):
            x, y = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
            if box.x0 - pad < x < box.x1 + pad and box.y0 - pad < y < box.y1 + pad:
                return True
    return False


def assert_clean(tl: Timeline, left_out: int = 0):
    """Every event stands for a label, or (at most `left_out` of them) is counted in the
    footer; no two labels overlap; none covers a mark or the overview strip or leaves
    the figure; no leader passes through (or touches) a label but its own; the vertical
    stretches of two leaders that run side by side stay STEM_ROOM apart; leaders bending
    in the same band keep the order of their marks (they never cross); the footer keeps
    clear of the legend."""
    drawn = layout(tl)
    labels, marks = boxes(drawn, drawn.labels), boxes(drawn, drawn.marks)
    width, height = drawn.figure.canvas.get_width_height()
    assert len(labels) == len(drawn.groups) == len(marks) == len(drawn.stems)
    assert sum(len(g.events) for g in drawn.groups) + drawn.unlabelled == len(tl.events)
    assert drawn.unlabelled <= left_out
    (footer,) = [t for t in drawn.figure.texts if "Source:" in t.get_text()]
    assert (f"+{drawn.unlabelled} more event" in footer.get_text()) == (drawn.unlabelled > 0)
    for legend in drawn.figure.legends:        # the footer stays clear of the legend
        assert not overlap(*boxes(drawn, [footer, legend]))
    for i, a in enumerate(labels):
        assert 0 <= a.x0 and a.x1 <= width and 0 <= a.y0 and a.y1 <= height
        assert not any(overlap(a, b) for b in labels[i + 1:]), drawn.labels[i].get_text()
        assert not any(overlap(a, m) for m in marks + strips(drawn)), drawn.labels[i].get_text()
    paths = leaders(drawn)
    for i, path in enumerate(paths):
        for j, box in enumerate(labels):
            assert i == j or not through(path, box), (drawn.labels[i].get_text(),
                                                      drawn.labels[j].get_text())
    room = STEM_ROOM * DPI - 1
    for i, a in enumerate(paths):
        for b in paths[i + 1:]:
            (ax, ay0), (_, ay1) = a[-2], a[-1]
            (bx, by0), (_, by1) = b[-2], b[-1]
            if min(ay0, ay1) < max(by0, by1) and min(by0, by1) < max(ay0, ay1):
                assert abs(ax - bx) >= room
            if len(a) == len(b) == 4 and a[1][1] == b[1][1] and a[2][1] == b[2][1]:
                assert (a[0][0] - b[0][0]) * (a[-1][0] - b[-1][0]) >= 0
    return drawn


def texts_of(drawn) -> list[str]:
    return [t.get_text() for t in drawn.labels]


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
    # forty events in three months crowd the axis: a label that fits nowhere clear is
    # left out rather than drawn across another, and counted in the footer
    drawn = assert_clean(forty_events(), left_out=4)
    assert min(t.get_fontsize() for t in drawn.labels) >= 7


def test_png_labels_have_date_then_text_on_at_most_two_lines():
    drawn = layout(SEED)
    texts = texts_of(drawn)
    singles = [t for t, g in zip(texts, drawn.groups) if len(g.events) == 1]
    assert singles and all(len(t.splitlines()) <= 2 for t in singles)
    assert any(t.startswith("12 Nov 2023: ") and t.endswith("…") for t in texts)
    # the two events of 7 October share one label, under one date heading
    assert ("7 Oct 2023 (2 events)\n• Hamas carried out the attacks on Israel\n"
            "• Hamas launched 5,000 rockets into Israel") in texts


def test_png_far_apart_dates_break_the_axis_without_overlap():
    tl = Timeline(ARTICLE, SEED.events + (KOREAN_WAR,))
    drawn = assert_clean(tl)
    assert len(drawn.overview) == 2
    # the zoomed axis shows the autumn only: the Korean War's panel, which it would only
    # repeat, stays on the overview strip, where the war is labelled
    (detail,) = drawn.panels
    assert detail.hi - detail.lo < drawn.overview[1].hi - drawn.overview[1].lo
    assert not detail.shows(D(1952, 1, 1).toordinal())
    (war,) = [t for t in drawn.labels if "Korean War" in t.get_text()]
    assert boxes(drawn, [war])[0].y0 >= max(s.y1 for s in strips(drawn))


def test_png_far_apart_years_zoom_on_the_recent_cluster_only():
    """1962 and a cluster in 2024 under a ten-year span: the 1962 bar is on the overview
    strip, named "1962" (not "1963"), and the zoomed axis shows 2024 alone."""
    tl = Timeline(Article("library.txt", "text", D(2024, 3, 1), "Library floods"), (
        event(D(1962, 1, 1), D(1962, 12, 31), "year", "The library opened"),
        event(D(2014, 3, 1), D(2024, 3, 1), "span", "It has flooded twice in ten years"),
        event(D(2024, 2, 9), D(2024, 3, 1), "span", "Volunteers dried books"),
        event(D(2024, 2, 24), desc="A concert raised money"),
        event(D(2024, 3, 1), desc="The building will reopen"),
        event(D(2024, 4, 1), D(2024, 4, 30), "month", "Checks are planned"),
        event(D(2024, 7, 1), D(2024, 7, 31), "month", "The reading challenge starts")))
    drawn = assert_clean(tl)
    assert len(drawn.overview) == 2
    assert all(not p.shows(D(1962, 6, 1).toordinal()) for p in drawn.panels)
    ticks_text = [t.get_text() for ax in drawn.figure.axes if ax.get_label() == "overview"
                  for t in ax.texts]
    assert "1962" in ticks_text and "1963" not in ticks_text


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
    span = next(i for i, t in enumerate(texts_of(drawn))
                if t.startswith("14 Nov 2022 – 14 Nov 2023: "))
    main = next(ax for ax in drawn.figure.axes if ax.get_label() == "main")
    bar, axes = boxes(drawn, [drawn.marks[span], main])
    assert bar.x0 == pytest.approx(axes.x0, abs=1)       # its arrowhead at the left edge
    detail = drawn.panels[0]
    mark = Mark.of(SPAN, [detail])
    assert mark.cut == (True, False) and mark.shown == (detail.lo, days(SPAN)[1])


def test_png_events_outside_the_zoomed_window_are_labelled_on_the_overview():
    drawn = assert_clean(DECADE)
    (year,) = [t for t in drawn.labels if t.get_text().startswith("2020: The pandemic")]
    assert boxes(drawn, [year])[0].y0 >= max(s.y1 for s in strips(drawn))
    (detail,) = drawn.panels
    assert not detail.shows(D(2020, 12, 31).toordinal()) and detail.shows(D(2023, 11, 8).toordinal())


def test_png_publication_day_outside_the_zoomed_window_is_marked_on_the_overview():
    days_of_january = tuple(event(D(2023, 1, d), desc=f"Event of {d} January")
                            for d in (3, 9, 10, 20, 28))
    tl = Timeline(ARTICLE, (SPAN,) + days_of_january)
    drawn = assert_clean(tl)
    assert not drawn.panels[0].shows(ARTICLE.published.toordinal())
    assert "published 14 Nov 2023" in [t.get_text() for t in drawn.figure.texts]


@pytest.mark.parametrize("tl", [forty_events(), Timeline(ARTICLE, (event(D(2023, 10, 7)),)),
                                Timeline(ARTICLE, (SPAN, MINISTER))],
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
    spread = [event(D(2023, 1, 5)), event(D(2023, 11, 12)), SPAN]
    fitted = panels(spread, published, 11.4, 0.3)
    assert focus(spread, published, fitted) == fitted


def test_png_dense_weeks_without_a_long_span_zoom_on_them():
    """Sixteen days in three weeks under years spread over four: the main axis is zoomed
    on the three weeks, each label at its own day, and leaders stay apart (assert_clean)."""
    tl = dense_weeks()
    drawn = assert_clean(tl)
    (detail,), (whole,) = drawn.panels, drawn.overview
    cluster = [e for e in tl.events if e.period.start >= D(2023, 11, 1)]
    assert all(detail.lo <= days(e)[0] and days(e)[1] <= detail.hi for e in cluster)
    assert detail.hi - detail.lo < 0.25 * (whole.hi - whole.lo)
    assert min(t.get_fontsize() for t in drawn.labels) >= 9
    # a label's leader ends within a few days of its own marker: the labels spread out
    # with their days instead of hanging in a list from a bundle of lines
    for stem, mark in zip(leaders(drawn), boxes(drawn, drawn.marks)):
        assert abs(stem[-1][0] - (mark.x0 + mark.x1) / 2) < 0.6 * DPI


def test_axis_focus_zooms_on_a_dense_window_of_days():
    published = D(2023, 11, 20)
    tl = dense_weeks()
    fitted = panels(list(tl.events), published, 11.4, 0.3)
    (zoomed,) = focus(list(tl.events), published, fitted)
    assert zoomed.lo <= D(2023, 11, 7).toordinal() and zoomed.hi >= D(2023, 11, 29).toordinal()
    assert zoomed.hi - zoomed.lo < 0.25 * (fitted[0].hi - fitted[0].lo)
    # three days and a month are not crowded enough to leave the years for
    few = [e for e in tl.events if e.period.granularity != "day"] + [
        event(D(2023, 11, d)) for d in (13, 17, 23)]
    fitted = panels(few, published, 11.4, 0.3)
    assert focus(few, published, fitted) == fitted


def test_axis_focus_zooms_past_months_onto_the_days_they_surround():
    """A festival programme: eight days in a month, a month before and one half a year
    later, years long before. The zoom is on the days, not on the months around them."""
    published = D(2025, 6, 7)
    events = [event(D(2025, 6, d)) for d in (7, 16, 27, 28, 29)] + \
        [event(D(2025, 7, d)) for d in (2, 5, 6)] + \
        [event(D(2025, 5, 1), D(2025, 5, 31), "month"), event(D(2025, 12, 1), D(2025, 12, 31), "month"),
         event(D(2025, 6, 1), D(2025, 8, 31), "season")] + \
        [event(D(y, 1, 1), D(y, 12, 31), "year") for y in (2020, 2024)]
    fitted = panels(events, published, 11.4, 0.3)
    (zoomed,) = focus(events, published, fitted)
    assert D(2025, 6, 7).toordinal() >= zoomed.lo > D(2025, 5, 20).toordinal()
    assert D(2025, 7, 6).toordinal() <= zoomed.hi < D(2025, 7, 25).toordinal()


def live_blog() -> Timeline:
    """Shaped like an election night's live blog: ten entries from 22:00 to 11:42 the next
    day, a morning, the day itself, and years long before."""
    times = [(4, "22:00"), (4, "23:15"), (5, "00:40"), (5, "01:10"), (5, "02:50"),
             (5, "04:40"), (5, "05:12"), (5, "07:30"), (5, "11:05"), (5, "11:42"),
             (5, "TMO")]
    events = [event(D(2024, 7, d), gran="time", desc=f"Seat number {k} was declared",
                    value=f"2024-07-0{d}{'' if t.startswith('T') else 'T'}{t}", pos=10 * k)
              for k, (d, t) in enumerate(times)]
    events += [event(D(2024, 7, 5), desc="Power will change hands", pos=200),
               event(D(2019, 1, 1), D(2019, 12, 31), "year", "The last election", pos=300),
               event(D(2001, 1, 1), D(2001, 12, 31), "year", "Turnout was lower", pos=400)]
    return Timeline(Article("live.txt", "text", D(2024, 7, 5), "Election results live"),
                    tuple(sorted(events, key=lambda e: (e.period.start, e.timex.value))))


def test_axis_crowded_hours_are_six_times_within_a_day_and_a_half():
    tl = live_blog()
    lo, hi = crowded_hours(list(tl.events))
    assert lo == D(2024, 7, 4).toordinal() + 22 / 24
    assert hi == D(2024, 7, 5).toordinal() + (11 * 60 + 42) / 1440
    spread = [e for e in tl.events if e.period.granularity != "time"] + [
        event(D(2024, 7, d), gran="time", value=f"2024-07-0{d}T10:00") for d in range(1, 8)]
    assert crowded_hours(spread) is None             # one a day: no hour-by-hour view


def test_png_a_live_blog_is_drawn_hour_by_hour():
    """Each entry has its own label, the time first, at its hour; the day is a bar of
    hours; the years are labelled on the overview strip."""
    drawn = assert_clean(live_blog())
    (panel,) = drawn.panels
    assert panel.hourly and drawn.overview
    texts = texts_of(drawn)
    for t in ("22:00", "23:15", "00:40", "11:42", "morning"):
        assert any(x.startswith(f"{t}: Seat number") for x in texts), t
    assert not any("more" in x or "events)" in x for x in texts)
    assert any(x.startswith("5 Jul 2024: Power") for x in texts)
    assert any(x.startswith("2019: The last") for x in texts)
    late = event(D(2024, 7, 5), gran="time", value="2024-07-05T20:00")   # its day is shown,
    assert Mark.of(late, [panel]) is None                                # not its hour
    labels = [text for _, text in ticks(panel).labels]
    assert "5 Jul" in labels and "04:00" in labels and labels[0].endswith("4 Jul 2024")
    midnight = D(2024, 7, 5).toordinal()      # a first tick at midnight keeps its year
    labels = [text for _, text in ticks(Panel(midnight - 0.01, midnight + 0.5, 0, 11)).labels]
    assert labels[0] == "00:00\n5 Jul 2024"


def test_png_leaders_pass_through_no_other_label():
    """A year bar over month bars, a ten-year span, days around them: no leader runs
    behind another label (assert_clean checks every leader against every label)."""
    drawn = assert_clean(TRANSIT)
    assert min(t.get_fontsize() for t in drawn.labels) >= 8


def test_png_same_day_events_share_a_label():
    """The same period and the same (or same-prefix) description: one label, said once;
    distinct events on one day: one label, listed under the date; more than three: the
    first two and how many more."""
    tl = Timeline(Article("r.txt", "text", D(2023, 11, 20), "Retail"), (
        event(D(2023, 11, 28), desc="Analysts will get their first hard numbers", pos=1),
        event(D(2023, 11, 28), desc="Analysts will get their first hard numbers on Tuesday",
              pos=2),
        event(D(2024, 3, 9), desc="Opponents have organised a march to City Hall", pos=3),
        event(D(2024, 3, 9), desc="Opponents have organised a march to City Hall", pos=4),
        event(D(2023, 11, 23), desc="Major retailers are heading into the holiday", pos=5),
        event(D(2023, 11, 23), desc="Many chains will stay closed", pos=6),
        event(D(2023, 11, 23), D(2023, 11, 23), "time", "Spending over five days hit a record",
              pos=7, value="2023-11-23T15:30"),
        event(D(2023, 11, 24), desc="Black Friday has stretched into a month", pos=8),
        event(D(2023, 11, 24), desc="Stores open at six", pos=9),
        event(D(2023, 11, 24), desc="Queues formed overnight", pos=10),
        event(D(2023, 11, 24), desc="Sales rose two per cent", pos=11),
        event(D(2023, 11, 1), D(2023, 11, 30), "month", "Prices rose", pos=12),
        event(D(2023, 11, 1), D(2023, 11, 30), "month", "Prices rose 3.2%", pos=13)))
    drawn = assert_clean(tl)
    texts = texts_of(drawn)
    assert len(texts) == 5
    assert "28 Nov 2023: Analysts will get\ntheir first hard numbers" in texts
    assert "9 Mar 2024: Opponents have\norganised a march to City Hall" in texts
    assert "Nov 2023: Prices rose" in texts
    assert ("23 Nov 2023 (3 events)\n• Major retailers are heading into the…\n"
            "• Many chains will stay closed\n• 15:30: Spending over five days hit a…") in texts
    assert ("24 Nov 2023 (4 events)\n• Black Friday has stretched into a month\n"
            "• Stores open at six\n• and 2 more") in texts


def test_labels_one_sentence_told_twice_is_one_item():
    """Two expressions of one sentence ('on Sunday afternoon ... at 2pm') on one day."""
    said = "A victory parade will take place on Sunday afternoon, starting at 2pm."
    (label,) = group([
        event(D(2024, 6, 16), D(2024, 6, 16), "time", "A victory parade will take place, "
              "starting at 2pm", value="2024-06-16TAF", sentence=said, pos=1),
        event(D(2024, 6, 16), D(2024, 6, 16), "time", "A victory parade will take place on "
              "Sunday afternoon", value="2024-06-16T14:00", sentence=said, pos=2)])
    assert label.text == "16 Jun 2024 14:00: A victory\nparade will take place, starting…"


@pytest.mark.parametrize("said, times", [
    ("The fair runs on Sunday between 2pm and 7pm.", "14:00–19:00"),
    ("The fair runs on Sunday from 2pm to 7pm.", "14:00–19:00"),
    ("The fair runs on Sunday, 2pm-7pm.", "14:00–19:00"),
    ("The fair opens on Sunday at 2pm and again at 7pm.", "14:00, 19:00"),
    ("The fair opens at 2pm; the stalls open 12pm-7pm.", "14:00, 19:00"),
])
def test_labels_hours_of_one_event_read_as_a_range(said, times):
    day = Period(D(2024, 6, 16), D(2024, 6, 16), "time")
    (label,) = group([
        Event(Timex(said.index(text), said.index(text) + 3, text, "TIME", f"2024-06-16T{t}",
                    "rule", "anchor", day), "The fair runs", said)
        for text, t in (("2pm", "14:00"), ("7pm", "19:00"))])
    assert label.text.startswith(f"16 Jun 2024 {times}: The fair")


def test_labels_past_the_cap_keep_the_most_mentioned_and_longest():
    tl = many_events(300)
    labels = group(sorted(tl.events, key=lambda e: (e.period.start, e.period.end)))
    kept = select(labels)
    assert len(kept) == MAX_LABELS
    assert kept == [lab for lab in labels if lab in kept]           # chronological
    worst = min(kept, key=lambda lab: (len(lab.events), lab.event.period.end
                                       - lab.event.period.start))
    assert all((len(lab.events), lab.event.period.end - lab.event.period.start)
               <= (len(worst.events), worst.event.period.end - worst.event.period.start)
               for lab in labels if lab not in kept)


@pytest.mark.parametrize("n", [250, 3000])
def test_png_long_articles_label_the_most_informative_and_count_the_rest(n):
    """Past MAX_LABELS labels the rest are drawn as marks only and counted in the footer;
    the figure stays bounded in height and keeps every guarantee."""
    tl = many_events(n)
    drawn = assert_clean(tl, left_out=n)
    assert 20 <= len(drawn.labels) <= MAX_LABELS and drawn.unlabelled > 0
    width, height = drawn.figure.canvas.get_width_height()
    assert width >= 1000 and 400 <= height <= 2700


def test_axis_lanes_are_bounded():
    panel = Panel(D(2020, 1, 1).toordinal(), D(2024, 1, 1).toordinal(), 0.3, 11.4)
    nested = [event(D(2020, 1, 1) + dt.timedelta(days=10 * k), D(2023, 6, 1), "span")
              for k in range(30)]
    marks = [Mark.of(e, [panel]) for e in nested]
    top = assign_lanes(marks)
    assert max(m.lane for m in marks) == MAX_LANES - 1
    assert top <= Mark.BAR_BASE + MAX_LANES * (Mark.BAR_H + Mark.BAR_GAP) + 0.01


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
            "import test_render_png as t; print(hashlib.sha256(t.render(t.SEED)).hexdigest(),"
            "hashlib.sha256(t.render(t.dense_weeks())).hexdigest())")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1


def test_png_render_each_format():
    assert render(SEED, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in render(SEED, "svg")[:400]


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
    labels = [text for _, text in ticks(Panel(start, start + 120, 0.3, 11.4)).labels]
    assert labels[0] == "23 Oct\n2023"
    assert "1 Jan\n2024" in labels
    assert sum("\n" in label for label in labels) == 2
    months = [text for _, text in ticks(Panel(start, start + 400, 0.3, 11.4)).labels]
    assert months[:2] == ["Nov\n2023", "Dec"] and "Jan\n2024" in months


@pytest.mark.parametrize("year", [1962, 2015])
def test_axis_years_are_named_under_their_middle(year):
    """A panel holding one year bar names that year under it, not the next at its end."""
    lo, hi = D(year, 1, 1).toordinal() - 18, D(year + 1, 1, 1).toordinal() + 18
    tick = ticks(Panel(lo, hi, 0.3, 2.0))
    assert [text for _, text in tick.labels] == [str(year)]
    (x, _), = tick.labels
    assert D(year, 6, 1).toordinal() < x < D(year, 8, 1).toordinal()
    assert tick.days == [D(year, 1, 1).toordinal(), D(year + 1, 1, 1).toordinal()]
    # a wider panel ticks every other month: its last tick, the new year's, is unnamed
    wide = [text for _, text in ticks(Panel(lo, hi, 0.3, 5.5)).labels]
    assert str(year) in wide[0] and not any(str(year + 1) in text for text in wide)
    months = ticks(Panel(D(2023, 12, 20).toordinal(), D(2025, 1, 10).toordinal(), 0.3, 11.4))
    (april,) = [x for x, text in months.labels if text == "Apr"]
    assert D(2024, 4, 1).toordinal() < april < D(2024, 5, 1).toordinal()


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
