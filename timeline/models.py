"""Immutable values that flow through the pipeline: ingest -> tag -> resolve -> events -> render."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "year",
                 "decade", "century", "span")


@dataclass(frozen=True)
class Article:
    """A news article: its text and the publication date everything is resolved against."""

    source: str                 # the path as given
    text: str                   # the whole text; all offsets point into it
    published: dt.date          # the document creation time (DCT)
    title: str = ""
    body: tuple[int, int] | None = None   # char range that may yield events (None: all)
    dated_by: str = ""          # where the date came from: "its header", "--published" ...


@dataclass(frozen=True)
class Mention:
    """A temporal expression found by the tagger, not yet resolved (underspecified)."""

    start: int
    end: int
    text: str
    rule: str
    spec: tuple[tuple[str, object], ...]   # sorted (field, value) pairs, see tagger


@dataclass(frozen=True)
class Period:
    """A calendar period, both ends inclusive."""

    start: dt.date
    end: dt.date
    granularity: str            # one of GRANULARITIES

    def __post_init__(self):
        if self.granularity not in GRANULARITIES or self.end < self.start:
            raise ValueError(f"not a period: {self}")


@dataclass(frozen=True)
class Timex:
    """A resolved TIMEX3: ISO-TimeML type and value, the period it covers, and why."""

    start: int
    end: int
    text: str
    type: str                   # DATE, TIME, DURATION, SET
    value: str                  # ISO-TimeML value: 2023-10, P1Y, PAST_REF, XXXX-10-07 ...
    rule: str                   # the grammar rule that matched
    anchor: str = ""            # how it was resolved: the anchor and the policy used
    period: Period | None = None  # None when the value is vague, a bare duration or a set
    mod: str | None = None      # TimeML mod: START, MID, END, APPROX ...


@dataclass(frozen=True)
class Event:
    """One event: a resolved expression and what its sentence says happened."""

    timex: Timex                # resolved; with a period unless the event is vague
    description: str
    sentence: str

    @property
    def period(self) -> Period | None:
        return self.timex.period


@dataclass(frozen=True)
class Timeline:
    """The events of one article: the dated ones always in chronological order, and
    the vague past ones ("in recent years"), which no calendar places, in text order."""

    article: Article
    events: tuple[Event, ...] = field(default_factory=tuple)
    vague: tuple[Event, ...] = field(default_factory=tuple)

    def __post_init__(self):
        if any(e.period is None for e in self.events):
            raise ValueError("a dated event needs a period")
        object.__setattr__(self, "events", tuple(sorted(self.events, key=chronological)))
        object.__setattr__(self, "vague", tuple(sorted(self.vague, key=lambda e: e.timex.start)))


CLOCK = re.compile(r"T(?:(\d\d):(\d\d)|(MO|AF|EV|NI))")      # a TIMEX3 value's time of day
PART_HOURS = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (20, 24)}


def chronological(event: Event) -> tuple:
    """Sort key of events: start, then end, then the time of day (a day before its
    times), then position in the text."""
    clock = CLOCK.search(event.timex.value) if event.period.granularity == "time" else None
    minute = -1 if clock is None else sum(PART_HOURS[clock.group(3)]) * 30 if clock.group(3) \
        else int(clock.group(1)) * 60 + int(clock.group(2))
    return (event.period.start, event.period.end, minute, event.timex.start)
