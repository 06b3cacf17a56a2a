"""Which events the figure labels, and the words of each label.

Events that fall on the same day (or, for longer periods, the same period at the same
granularity) share one label and one mark: an event told twice (the same sentence, or
descriptions that agree) is said once, and distinct ones are listed under the date
("7 Oct 2023 (2 events)").  Past MAX_LABELS labels, only the most informative are kept:
those standing for the most mentions, then the longest periods; the other events are
drawn as marks only and counted in the footer.
Free of matplotlib.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from ..models import Event
from . import collapse, day_text, display_date, hour_of, is_point, short_text, time_of

MAX_LABELS = 60         # the product promises a good layout for up to 60 events
WRAP = 34               # characters per label line
ITEM_CHARS = 42         # characters of a listed event under a shared date
MAX_ITEMS = 3           # events listed under a shared date; more are counted
SAME_CHARS = 40         # descriptions that agree this far say the same thing
def _key(event: Event, hours: tuple[float, float] | None = None) -> tuple:
    """Events with equal keys share a label: the same day, or the same longer period;
    within the `hours` shown hour by hour, the same time."""
    at = hour_of(event)
    if hours and at is not None and hours[0] <= at <= hours[1]:
        return ("hour", event.period.start, time_of(event.timex.value))
    if is_point(event):
        return (event.period.start,)
    return (event.period.start, event.period.end, event.period.granularity)


def _same(a: str, b: str) -> bool:
    """Whether two descriptions say the same: one starts the other, or they agree for
    SAME_CHARS characters (case, punctuation and spacing aside)."""
    a, b = _normal(a), _normal(b)
    if not (a and b):
        return a == b
    return a.startswith(b) or b.startswith(a) or a[:SAME_CHARS] == b[:SAME_CHARS]


def _hours(sentence: str, start: str, end: str) -> bool:
    """Whether the sentence gives the hours from one clock time to the other: "from 2pm
    to 7pm", "between 2pm and 7pm", "2pm-5pm"."""
    a, b = re.escape(start), re.escape(end)
    return re.search(rf"(?<![\w.:])(?:{a} ?(?:-|–|to|until|till) ?|between {a} and ){b}(?!\w)",
                     sentence) is not None


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@dataclass(frozen=True)
class Item:
    """One thing a label says: a description, with the clock times it was given at."""

    description: str
    times: tuple[str, ...] = ()

    def at(self, time: str) -> Item:
        """The item told at `time` too: a clock time ('14:00') replaces a part of the day
        ('afternoon'), which adds nothing to one."""
        clock = [t for t in self.times + (time,) if t[:1].isdigit()]
        times = tuple(dict.fromkeys(clock or self.times + (time,)))
        return Item(self.description, times)

    def until(self, time: str) -> Item:
        """The item told from its last time until `time` ('14:00–19:00')."""
        return Item(self.description, self.times[:-1] + (f"{self.times[-1]}–{time}",))

    def line(self, limit: int) -> str:
        times = f"{', '.join(self.times)}: " if self.times else ""
        return short_text(times + self.description, limit)


@dataclass(frozen=True)
class Label:
    """The label of the events that share a date: they are drawn as one mark."""

    events: tuple[Event, ...]     # chronological; the first one's mark carries the label
    items: tuple[Item, ...]       # the distinct descriptions, in text order
    hourly: bool = False          # one time of an axis of hours: the time is its date

    @classmethod
    def of(cls, events: list[Event], hourly: bool = False) -> Label:
        items: list[Item] = []
        sentences: list[str] = []
        last: dict[int, Event] = {}         # an item's last clock-time event
        for event in sorted(events, key=lambda e: e.timex.start):
            time = time_of(event.timex.value) if event.period.granularity == "time" else ""
            sentence = collapse(event.sentence)
            k = next((k for k, item in enumerate(items) if sentences[k] == sentence
                      or _same(item.description, event.description)), None)
            if k is None:
                items.append(Item(collapse(event.description), (time,) if time else ()))
                sentences.append(sentence)
                k = len(items) - 1
            elif time and k in last and _hours(event.sentence, last[k].timex.text, event.timex.text):
                items[k] = items[k].until(time)
            elif time:
                items[k] = items[k].at(time)
            if time:
                last[k] = event
        if hourly:
            items = [Item(item.description) for item in items]
        return cls(tuple(events), tuple(items), hourly)

    @property
    def event(self) -> Event:
        return self.events[0]

    @property
    def priority(self) -> tuple:
        """Sort key, most informative first: most mentions, longest period, earliest."""
        period = self.event.period
        return (-len(self.events), period.start - period.end, period.start,
                self.event.timex.start)

    @property
    def date(self) -> str:
        """The date the label starts with: the period, or the day of a shared label."""
        event = self.event
        if self.hourly:
            return time_of(event.timex.value)
        if is_point(event) and (len(self.items) > 1 or self.items[0].times):
            return day_text(event.period.start, long=False)
        return display_date(event.period, event.timex.value)

    @property
    def text(self) -> str:
        """'7 Oct 2023: Hamas carried out the\\nattacks on Israel', at most two lines; or
        the date and the number of events, then one line per event."""
        if len(self.items) == 1:
            item = self.items[0]
            date = " ".join((self.date, ", ".join(item.times))).rstrip()
            lines = textwrap.wrap(f"{date}: {short_text(item.description, 2 * WRAP)}",
                                  WRAP, break_on_hyphens=False)
            if len(lines) > 2:
                lines = [lines[0], short_text(" ".join(lines[1:]), WRAP)]
            return "\n".join(lines)
        shown = self.items if len(self.items) <= MAX_ITEMS else self.items[:MAX_ITEMS - 1]
        lines = [f"{self.date} ({len(self.items)} events)"]
        lines += [f"• {item.line(ITEM_CHARS - 2)}" for item in shown]
        if len(shown) < len(self.items):
            lines.append(f"• and {len(self.items) - len(shown)} more")
        return "\n".join(lines)


def group(events: list[Event], hours: tuple[float, float] | None = None) -> list[Label]:
    """One label per day or period (per time within `hours`), in the order of `events`
    (chronological)."""
    groups: dict[tuple, list[Event]] = {}
    for event in events:
        groups.setdefault(_key(event, hours), []).append(event)
    return [Label.of(g, key[0] == "hour") for key, g in groups.items()]


def select(labels: list[Label], most: int = MAX_LABELS) -> list[Label]:
    """The `most` most informative labels, in their original (chronological) order."""
    if len(labels) <= most:
        return list(labels)
    keep = set(map(id, sorted(labels, key=lambda lab: lab.priority)[:most]))
    return [lab for lab in labels if id(lab) in keep]
