"""Resolve tagged mentions against the publication date into ISO-TimeML values and
calendar periods, following the news policy (README, "How dates are resolved"):
tense-aware weekdays and day-months, granularity kept, spans ending at the publication
date, vague stays vague."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Callable, Iterable

from .models import Mention, Period, Timex
from .periods import (TIME_UNITS, day_period, duration_value, holiday_date, month_period,
                      nth_weekday, period_value, quarter_period, season_period, shift_date,
                      unit_period, year_period)
from .tagger import LATER, day_heading, joined
from .tense import SCHEDULED, SET_OFF, WEEKDAY_NAME, pick, sentence_bounds, tense

GRANULARITY_ORDER = ("time", "day", "week", "month", "quarter", "season", "year")   # a time: part of a day
NARRATIVE_REACH = 600    # characters back to the day a past clock time is told on ...
YESTERDAY_REACH = 2000   # ... or to the day before the DCT (not just "overnight"), the
                         # day a story of the morning after tells
NARRATIVE_DAYS = 14      # ... in its paragraph, or before it if the day is this recent
NEXT_SOON_DAYS = 60      # "next April" is not an April this close after the DCT
STORY_DAYS = 62         # days from a story's day to a yearless day it dates
ANAPHORA_REACH = 400     # characters back to the date "the following day" counts from,
                         # past a coarser one ("since 2009")
YEARS = {"decade": 10, "century": 100}     # years in a decade, a century
_MONTHS = re.compile(r"\b(?:\d+|[a-z]+)[- ]months?\b", re.I)   # "the nine months", "six-month"
_THREE_MONTHS = re.compile(r"\b(?:3|three)[- ]months?\b", re.I)
_RESULTS = re.compile(r"\b(?:reports?|results|earnings|profits?|loss|losses|charges?|net|revenues?|sales|figures|"
                      r"data|estimates?|growth|gdp|economy|economists|output|released?|due)\b", re.I)
_OF = re.compile(r"\s+of\s+", re.I)
_SHORT_SPAN = re.compile(r"P(?P<n>\d+)(?P<unit>[MWD])")      # "the first two months", "weeks"
_SPAN_END = re.compile(r"\s+(?:to|ended|ending|through)\s+(?:the end of\s+)?", re.I)


# ---------------------------------------------------------------- one kind each
class _Job:
    """What resolving one mention needs: its spec, the text, the DCT, earlier results."""

    def __init__(self, mention: Mention, text: str, dct: dt.date, previous: list[Timex],
                 tense: str | None = None):
        self.mention, self.text, self.dct, self.previous = mention, text, dct, previous
        self.spec = dict(mention.spec)
        self._tense = tense

    @property
    def tense(self) -> str:
        if self._tense is None:
            self._tense = tense(self.text, self.mention.start, self.mention.end)
        return self._tense

    def anchor(self, granularities: Iterable[str]) -> Timex | None:
        """The latest earlier expression with one of `granularities`."""
        return next((t for t in reversed(self.previous)
                     if t.period and t.period.granularity in granularities), None)

    def compares_months(self) -> bool:
        """Was a span of months ("the nine months") named since the last quarter?"""
        for timex in reversed(self.previous):
            if timex.type == "DURATION" and _MONTHS.search(timex.text):
                return True
            if timex.period and timex.period.granularity == "quarter":
                return False
        return False

    def comparison_anchor(self) -> Timex | None:
        """What "a year earlier" compares with: a quarter, month or year of this sentence, else
        the last quarter or half-year named before (financial reports compare quarter with
        quarter), unless a span of months was named since ("the nine months"): that compares years.
        Results are compared with the recent past, so neither a period still to come nor
        one already a year back ("the 1988 quarter") is an anchor."""
        left = sentence_bounds(self.text, self.mention.start, self.mention.end)[0]
        for i in reversed(range(len(self.previous))):
            timex = self.previous[i]
            if timex.type == "DURATION" and _MONTHS.search(timex.text):
                return None
            if timex.period is None or timex.period.start > self.dct \
                    or (self.dct - timex.period.end).days > 366 \
                    or _BASE.search(self.text, max(0, timex.start - 20), timex.start):
                continue        # a period to come, one already a year back, or a base compared
                                # with ("fell in December from November", "since last June")
            if i and (quarter := _quarter_to(self.text, self.previous[i - 1], timex)):
                return quarter
            granularity = timex.period.granularity
            if granularity == "quarter" or _HALF.fullmatch(timex.value) \
                    or (granularity in ("month", "year") and timex.start >= left):
                return timex
        return None


_BASE = re.compile(r"\b(?:since|from|compared (?:with|to)|than)\s+$", re.I)

Result = tuple[str, str, Period | None, str]   # type, value, period, why


def _quarter_to(text: str, months: Timex, end: Timex) -> Timex | None:
    """"the three months to 30 September": the quarter that ends that day or month, as
    `end` with that quarter for its period; None for any other span of months."""
    if months.type != "DURATION" or not _THREE_MONTHS.search(months.text) \
            or not _SPAN_END.fullmatch(text, months.end, end.start):
        return None
    last = end.period.end
    if last.month % 3 or (last + dt.timedelta(days=1)).day != 1:
        return None           # not a quarter's last day or month
    return replace(end, period=unit_period(last, "quarter"))


def _weekday(job: _Job) -> Result:
    day, why = _weekday_date(job)
    return _with_part(job, day_period(day), why)


def _weekday_date(job: _Job) -> tuple[dt.date, str]:
    """The date a weekday name stands for, by 'last'/'next' or by tense."""
    dct, target = job.dct, job.spec["weekday"] - 1
    back = (dct.weekday() - target) % 7
    ahead = (target - dct.weekday()) % 7
    rel = job.spec.get("rel")
    if "week_rel" in job.spec:          # "Friday next week": that weekday of the week named
        monday = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(weeks=job.spec["week_rel"])
        day, why = monday + dt.timedelta(days=target), "that weekday of the week named"
    elif "week_on" in job.spec:           # "Sunday week": a week after the coming Sunday
        weeks = job.spec.get("num", 1)
        day, why = dct + dt.timedelta(days=ahead + 7 * weeks), f"{weeks} week(s) after the coming one"
    elif rel == -1:
        # not yesterday: "last Thursday", told on a Friday, is eight days back (as "next" is
        # not tomorrow), since yesterday would be plain "Thursday"
        day, why = dct - dt.timedelta(days=back + 7 if back <= 2 else back), "'last': not the past two days"
    elif rel == 1:     # not tomorrow: "next Wednesday", told on a Tuesday, is in 8 days
        day, why = dct + dt.timedelta(days=ahead + 7 if ahead <= 1 else ahead), "'next': the one after tomorrow"
    elif rel == 0:
        day, why = dct + dt.timedelta(days=ahead), "'this': on or after the DCT"
    elif (same := _named_weekday(job, target)) is not None:
        day, why = same.period.start, f"'that' weekday: the day of '{same.text}'"
    elif (entry := _entry_date(job)) is not None:      # "SEPT. 15 - Summers withdraws ... on
        start = entry.period.start                      # a Sunday afternoon": the entry's day
        day = start + dt.timedelta(days=(target - start.weekday() + 3) % 7 - 3)
        why = f"the nearest to the entry '{entry.text}'"
    elif job.tense == "future":
        day, why = dct + dt.timedelta(days=ahead), "future tense: on or after the DCT"
    elif _THEN_NEXT.match(job.text, job.mention.end):
        day, why = dct + dt.timedelta(days=ahead), "listed before a 'next' weekday: on or after the DCT"
    elif (told := _told_day(job, paragraph=True)) and told.period.start < dct - dt.timedelta(days=6) \
            and (_narrated(told) or _WEEKDAY_DATE.search(told.text) and told.start >= sentence_bounds(
                job.text, job.mention.start, job.mention.end)[0]):   # "began on Friday, March 15,
        # and ended at 3 a.m. on Saturday" (a later sentence's "Sunday" may be this week's)
        day = told.period.start + dt.timedelta(days=(target - told.period.start.weekday()) % 7)
        why = f"in the week the story tells, from '{told.text}'"
    elif job.tense == "unknown" and ahead and ahead < back:
        day, why = dct + dt.timedelta(days=ahead), "no tense: the nearer one, after the DCT"
    elif (listed := _listed_after(job)) is not None:     # "announced on Tuesday, followed by
        day = listed.period.start + dt.timedelta(days=(target - listed.period.start.weekday()) % 7)
        why = f"listed after '{listed.text}', the days to come"    # chemistry on Wednesday ... on Friday"
    else:
        day, why = dct - dt.timedelta(days=back), f"{job.tense} tense: on or before the DCT"
    return day, why


def _named_weekday(job: _Job, target: int) -> Timex | None:
    """"That Tuesday began as ...", "at 6:18 p.m. that Monday": the last day the story
    has named that falls on this weekday (not "said that Sunday's race", a clause); the
    day named just before it, on this weekday ("the Fourth of July holiday on Thursday")."""
    before = job.previous[-1] if job.previous else None
    if before is not None and before.period and before.period.granularity == "day" \
            and before.period.start.weekday() == target \
            and _ON_ITS_WEEKDAY.fullmatch(job.text, before.end, job.mention.start):
        return before           # "the Fourth of July holiday on Thursday": that day
    said = _THAT_BEFORE.search(job.text, max(0, job.mention.start - 30), job.mention.start)
    if not (said or _THAT_WEEKDAY.search(job.mention.text)):
        return None
    return next((t for t in reversed(job.previous) if t.period and t.period.granularity in ("day", "time")
                 and t.period.start.weekday() == target), None)


def _listed_after(job: _Job) -> Timex | None:
    """The last of the weekdays still to come, in order, that this weekday follows in its
    sentence: two or more ("on Tuesday, ... on Wednesday, ... on Thursday and ... on
    Friday"), or one when no tense tells ("against San Antonio on Sunday and Houston on
    Wednesday night")."""
    left = sentence_bounds(job.text, job.mention.start, job.mention.end)[0]
    need = 1 if job.tense == "unknown" else 2
    listed = job.previous[-need:]
    if len(listed) < need or any(t.period is None or t.period.granularity != "day" or t.start < left
                                 or not WEEKDAY_NAME.fullmatch(t.text) or t.period.start <= job.dct
                                 for t in listed) or need == 2 and listed[0].period.start >= listed[1].period.start \
            or listed[-1].period.start.weekday() == job.spec["weekday"] - 1:
        return None
    return listed[-1]


def _with_part(job: _Job, period: Period, why: str) -> Result:
    part = job.spec.get("part")
    if part:                                # "noon today" is a clock time: T12:00
        clock = "12:00" if part == "MI" else part
        return "TIME", f"{period.start.isoformat()}T{clock}", Period(period.start, period.end, "time"), why
    return "DATE", period_value(period), period, why


def _yearless(job: _Job, make: Callable[[int], Period | None], fine: bool) -> tuple[Period | None, str]:
    year = job.spec.get("year")
    if year:
        return make(year), "explicit year"
    rel = job.spec.get("rel")
    if job.spec.get("rel_year"):          # "July last year"; "the first half of the year"
        rel = rel if isinstance(rel, int) else 0
        return make(job.dct.year + rel), f"year {rel:+d} from the DCT"
    if rel is not None:
        this = make(job.dct.year)
        if this is None:
            return None, ""
        if isinstance(rel, int) and rel < 0:    # the latest to have ended ("last winter" in
            # January: two back), or the one so many before it ("two summers ago")
            ended = [p for p in (this, make(job.dct.year - 1), make(job.dct.year - 2)) if p and p.end < job.dct]
            return (make(ended[0].start.year + 1 + rel) if ended else None), \
                "'last': the latest before the DCT" if rel == -1 else f"{-rel} back from the DCT"
        if rel == 1:        # "next April" told in March: this April is only weeks away
            soon = (this.start - job.dct).days <= NEXT_SOON_DAYS and "next" in job.mention.text.lower()
            return (this if this.start > job.dct and not soon else make(job.dct.year + 1)), \
                "'next': the first after the DCT, not weeks away"
        if job.spec.get("season") == "WI" and job.dct.month <= 3:
            return make(job.dct.year - 1), "'this': the winter that began last December"
        return this, "'this': the DCT's year"
    said = job.anchor(("year",))      # "Next year the festival will move to ... August",
                                      # "..., and next year's will take place ... in November"
    if said and _YEAR_SAID.fullmatch(said.text) and job.mention.start - said.end <= YEAR_SAID_REACH \
            and job.tense == ("future" if said.text.lower().startswith("next") else "past") \
            and not _SENTENCE_STOP.search(job.text, said.end, job.mention.start) \
            and _CLAUSE_START.search(job.text[sentence_bounds(job.text, said.start, said.end)[0]:said.start]):
        return make(said.period.start.year), f"the year of '{said.text}', which opens its clause"
    if said and said.text.lower() == "this year" and ("quarter" in job.spec or "half" in job.spec) \
            and said.start >= sentence_bounds(job.text, job.mention.start, job.mention.end)[0]:
        return make(said.period.start.year), f"the year of '{said.text}', told before it in its sentence"
    if said and said is job.previous[-1] and _YEAR_SAID.fullmatch(said.text) \
            and (when := _WHEN.match(job.text, said.end)) and "," not in job.text[when.end():job.mention.start] \
            and not _SENTENCE_STOP.search(job.text, said.end, job.mention.start):
        # "58 last year, when he split the season ... after a trade on July 31"
        return make(said.period.start.year), f"the year of '{said.text}', which its 'when' clause tells"
    if said and _YEAR_SAID.fullmatch(said.text) and _YEARS_EVENT.fullmatch(job.text, said.end, job.mention.start):
        return make(said.period.start.year), f"the year of '{said.text}', whose event it dates"
    listed = _listed_with(job, make)
    if listed is not None:
        return listed
    again = _named_again(job)
    if again is not None:
        return again.period, f"the year of '{again.text}', the same day named before"
    how = job.tense if (fine or job.tense == "future") else "past"
    told = _story_day(job) if ("day" in job.spec or "holiday" in job.spec) \
        and not _SINCE_BEFORE.search(job.text, max(0, job.mention.start - 6), job.mention.start) else None
    if told is not None and how == "future" and told.period.start <= job.dct:
        told = None      # a plan takes only a later year written in its sentence ("from July 24
                         # to Aug. 9, 2020, followed by the Paralympics from Aug. 25")
    near = pick(told.period.start, make, "unknown") if told is not None else None
    if near is not None and _days_apart(near, told.period) <= STORY_DAYS:
        return near, f"the nearest to '{told.text}', {_STORY_YEAR}"
    previous = _previous_entry(job)
    if previous is not None:        # "JAN. 3, 2013 - Minutes ... show ..." then "MAY 22 - Bernanke ..."
        year = previous.period.start.year
        period = make(year)
        if period is not None and period.start < previous.period.start:
            period = make(year + 1)             # the entries run on into the next year
        return period, f"{_ENTRY_YEAR} '{previous.text}' before it"
    entry = _entry_date(job)
    if entry is not None:      # the entry tells what followed its date; a past is the nearer
        way = "future" if how == "future" else "unknown"
        return pick(entry.period.start, make, way), f"year by tense ({way}) from the entry's '{entry.text}'"
    section = _section_heading(job)
    if section is not None and how != "future":
        year = section.period.start.year
        period = make(year)
        if period is not None and period.start.month < section.period.start.month:
            period = make(year + 1)             # a recap's months run on into the next year
        if period is not None and period.start <= job.dct:
            return period, f"the year of the section headed '{section.text}'"
    set_in = _story_year(job) if how != "future" else None
    period = make(set_in.period.start.year) if set_in is not None else None
    if period is not None:
        return period, f"the year of '{set_in.text}', which sets the story before it"
    named = job.anchor(("year",))          # "last year's final ... On Aug. 5, he beat"
    if named is not None and (job.mention.start - named.end > ANAPHORA_REACH
                              or _PARAGRAPH.search(job.text, named.end, job.mention.start)):
        named = None
    sentence = sentence_bounds(job.text, job.mention.start, job.mention.end)
    period = pick(job.dct, make, how, named and named.period.start.year,
                  results=bool(_RESULTS.search(job.text, *sentence)))
    if how == "past" and period is not None and period.start > job.dct:
        # The tense gave way to the nearest reading, after the DCT: if the story is telling
        # a day over a year back, the yearless one is in that day's year ("The night of the
        # vote, Nov. 7, 2000 ... on Nov. 22" told on 8 November 2010: 2000).
        last = job.anchor(("time", "day"))
        story = next((t for t in reversed(job.previous) if t.period and t.period.granularity in ("time", "day")
                      and (job.dct - t.period.start).days > 366), None)
        moved = make(story.period.start.year) if story is not None else None
        if moved is not None and (story is last or _days_apart(moved, story.period) <= STORY_DAYS):
            return moved, f"the year of '{story.text}', {_STORY_YEAR}"
    return period, f"year by tense ({how})"


def _listed_with(job: _Job, make: Callable[[int], Period | None]) -> tuple[Period, str] | None:
    """A yearless month or season listed right after another ("late February or early
    March", "November and December", "the spring and summer"), or told after one of last or next year in its clause's
    "and" ("removed in March last year and expelled from the party in September"): the
    first after it."""
    before = job.previous[-1] if job.previous else None
    if before is None or before.period is None or before.period.granularity not in ("month", "season"):
        return None
    gap = job.text[before.end:job.mention.start]
    if not joined(job.text, before.end, job.mention.start) and not (
            _YEAR_TOLD.search(before.text) and len(gap) <= 60 and " and " in gap and not _SENTENCE_STOP.search(gap)):
        return None
    period = make(before.period.start.year)
    if period is None or period.granularity != before.period.granularity:
        return None
    if period.start < before.period.start:
        period = make(before.period.start.year + 1)
    return period, f"listed after '{before.text}'"


def _days_apart(a: Period, b: Period) -> int:
    """Days between two periods, 0 where they overlap."""
    return max(0, (a.start - b.end).days, (b.start - a.end).days)


def _story_day(job: _Job) -> Timex | None:
    """The day a story is telling, when it is set a year or more back ("The test was
    postponed on Friday, April 25 [1986] ... it began at 1 a.m. on April 26"): the last
    day named, in the mention's paragraph and within ANAPHORA_REACH characters; or the
    last day, month or season named with its year in the mention's sentence ("will kick
    off Friday, March 17, 2023 - the original opening date was March 18", "in the late
    summer of 1977, Voyager 2 first, on Aug. 20"). (A yearless day or holiday, but not one
    after "since", which counts back from now, takes its year from it if it lies within
    STORY_DAYS of it.)"""
    named = job.anchor(("day", "time", "month", "season"))
    if named is not None and _YEAR_WRITTEN.search(named.text) \
            and named.start >= sentence_bounds(job.text, job.mention.start, job.mention.end)[0] \
            and not _SINCE_BEFORE.search(job.text, max(0, named.start - 6), named.start):
        return named             # (not "premier since March 2003 ... on March 5": a span's start)
    day = job.anchor(("day", "time"))
    if day is None or job.mention.start - day.end > ANAPHORA_REACH \
            or _PARAGRAPH.search(job.text, day.end, job.mention.start):
        return None
    return day if (job.dct - day.period.start).days > 366 else None


def _entry_date(job: _Job) -> Timex | None:
    """The date heading the line the mention is in, as a timeline's entries are
    ("10 April 2019: EU leaders agree to delay Brexit until 31 October.", "MAY 22 -
    Bernanke tells Congress ..."), if it has its year written or from the entry before."""
    line = job.text.rfind("\n", 0, job.mention.start) + 1
    return next((t for t in reversed(job.previous) if t.start >= line and t.period
                 and t.period.granularity == "day" and (_YEAR_WRITTEN.search(t.text) or _ENTRY_YEAR in t.anchor)
                 and _heads_entry(job.text, t.start, t.end)), None)


def _previous_entry(job: _Job) -> Timex | None:
    """When the mention heads a line as a timeline's entries do ("MAY 22 - Bernanke tells
    Congress ..."), the date heading the entry before it, if that is also a line's head."""
    if not _heads_entry(job.text, job.mention.start, job.mention.end):
        return None
    return next((t for t in reversed(job.previous) if t.period and t.period.granularity in ("day", "month")
                 and _heads_entry(job.text, t.start, t.end)), None)


def _heads_entry(text: str, start: int, end: int) -> bool:
    """Does text[start:end] open its line, followed by a timeline entry's mark ("MAY 22 - ")?"""
    return not text[text.rfind("\n", 0, start) + 1:start].strip() and _ENTRY_MARK.match(text, end) is not None


def _section_heading(job: _Job) -> Timex | None:
    """The month heading the section the mention is in ("March 2020: Shutdown", then
    "April: The first peak"), if the story is a recap told under such headings."""
    heading = next((t for t in reversed(job.previous) if t.period and t.period.granularity == "month"
                    and _SECTION.match(job.text, t.end)
                    and not job.text[job.text.rfind("\n", 0, t.start) + 1:t.start].strip()), None)
    return heading if heading is not None and heading.period.start <= job.dct else None


def _named_again(job: _Job) -> Timex | None:
    """A yearless day the story has already named without its year ("the March 1
    deadline ... pushed back from January 2 to March 1"): the same day."""
    month, day = job.spec.get("month"), job.spec.get("day")
    if not (month and day):
        return None
    return next((t for t in reversed(job.previous) if t.period and t.period.granularity == "day"
                 and (t.period.start.month, t.period.start.day) == (month, day)
                 and t.rule == job.mention.rule and not _YEAR_WRITTEN.search(t.text)), None)


def _story_year(job: _Job) -> Timex | None:
    """In a paragraph whose sentence opened on an earlier year ("In 1979, the mill ...
    It closed in March."), that date, if it is the last one named; or an earlier year
    naming the event whose day the sentence tells ("The 2010 election, held on 21 August")."""
    latest = job.anchor(GRANULARITY_ORDER)
    if latest is None or latest.period.start.year >= job.dct.year or not _YEAR_WRITTEN.search(latest.text) \
            or _PARAGRAPH.search(job.text, latest.end, job.mention.start):
        return None
    left = sentence_bounds(job.text, latest.start, latest.end)[0]
    named = _THE.search(job.text, max(left, latest.start - 4), latest.start) \
        and job.mention.start - latest.end <= 40 and _EVENT_NAMED.match(job.text, latest.end) \
        and not _SENTENCE_STOP.search(job.text, latest.end, job.mention.start)
    return latest if named or _OPENS.fullmatch(job.text, left, latest.start) else None


def _safe(make: Callable[[int], Period]) -> Callable[[int], Period | None]:
    def wrapped(year: int) -> Period | None:
        try:
            return make(year)
        except ValueError:
            return None
    return wrapped


def _date(job: _Job) -> Result | None:
    s = job.spec
    if "turn" in s:        # the 20th century turned in 1900; without a number, the nearest
        year = s["century"] * 100 if "century" in s else (job.dct.year + 50) // 100 * 100
        if "century" not in s:         # ... that the tense allows; "the last century": before
            if s.get("rel") == -1 or year > job.dct.year and job.tense == "past":
                year -= 100
            elif year < job.dct.year and job.tense == "future":
                year += 100
        return "DATE", str(year), year_period(year), "the year the century turned"
    if s.get("decade", 1) % 10 == 0 and s["decade"] < 200:   # "the late 1800s": a century
        # (but "the 2000s" stay a decade, 2000-09, as they are said)
        s = {k: v for k, v in s.items() if k != "decade"} | {"century": s["decade"] // 10}
    for unit in ("decade", "century"):
        if unit in s:      # the first century starts in year 1: there is no year 0
            period = unit_period(dt.date(max(1, s[unit] * YEARS[unit]), 1, 1), unit)
            return "DATE", period_value(period), period, unit
    if "weekday" in s and "day" in s and "month" not in s:
        return _weekday_numbered(job)
    if "day" in s and "month" not in s:
        return _day_numbered(job)
    if "weekday" in s and "month" not in s and "nth_of" not in s:
        return _weekday(job)
    if "first" in s:
        return _numeric_date(job)
    if "nth_of" in s:
        make, fine = _safe(lambda y: day_period(_nth_in_month(y, s))), True
    elif "holiday" in s:
        make, fine = _safe(lambda y: day_period(holiday_date(y, s["holiday"]))), True
    elif "month" in s and "day" in s:
        make, fine = _safe(lambda y: day_period(dt.date(y, s["month"], s["day"]))), True
    elif "month" in s:
        make, fine = _safe(lambda y: month_period(y, s["month"])), True
    elif s.get("unit") == "period" and job.compares_months():   # "the nine months ... the 1988 period"
        return "DATE", str(s["year"]), year_period(s["year"]), "a span of months compared: its year"
    elif "quarter" in s or s.get("unit") in ("quarter", "period"):
        quarter = s.get("quarter") or _compared_quarter(job)
        quarter = 4 if quarter == -1 else quarter
        if not 1 <= quarter <= 4:
            return None
        make, fine = (lambda y: quarter_period(y, quarter)), False
        if s.get("fiscal") and job.tense != "future" and "year" not in s and "rel" not in s:
            # a fiscal quarter reported has just ended, whatever calendar quarter bears its
            # number: "its fiscal fourth quarter, which ended Aug. 29", told in September;
            # the one that ended in December, told in January, is of the new fiscal year
            period = make(job.dct.year)
            return "DATE", period_value(period), period, "a fiscal quarter: the DCT's year"
    elif "half" in s:
        half = s["half"]
        make, fine = (lambda y: Period(dt.date(y, 6 * half - 5, 1), dt.date(y, 6 * half, 30 if half == 1 else 31), "span")), False
    elif "season" in s:
        make, fine = (lambda y: season_period(y, s["season"])), True
    elif "through_year" in s:               # "the 2013-14 season": from one year into the next
        period = Period(year_period(s["year"]).start, year_period(s["through_year"]).end, "span")
        return "DATE", str(s["year"]), period, "a season across two years, by its first"
    elif "year" in s:
        year = s["year"]
        return "DATE", str(year), year_period(year), "explicit year"
    else:
        return None
    period, why = _yearless(job, make, fine)
    if period is None:
        return None
    if "half" in s:
        return "DATE", f"{period.start.year}-H{s['half']}", period, why
    if s.get("unit") == "week":            # "the week of March 6"
        period = unit_period(period.start, "week")
        return "DATE", period_value(period), period, f"{why}; the week holding it"
    if s.get("unit") == "weekend":       # of a Monday or Tuesday holiday, the weekend before
        day = period.start - dt.timedelta(days=7 * (period.start.weekday() <= 1))
        return "DATE", *_weekend_of(day), f"{why}; its weekend"
    return _with_part(job, period, why)


def _weekday_numbered(job: _Job) -> Result:
    """"Wednesday 22nd": the day of that number, in a month at most two from the DCT's,
    that falls on that weekday; the nearest the tense allows (else the weekday alone)."""
    weekday = job.spec["weekday"] - 1
    days = [day for day in _numbered_days(job.dct, job.spec["day"], 2)
            if day.weekday() == weekday and not (job.tense == "past" and day > job.dct
                                                 or job.tense == "future" and day < job.dct)]
    if not days:
        return _weekday(job)
    day = min(days, key=lambda d: abs((d - job.dct).days))
    return _with_part(job, day_period(day), "the day of that number on that weekday, nearest the DCT")


def _numbered_days(dct: dt.date, number: int, reach: int) -> list[dt.date]:
    """Day `number` of the DCT's month and of the `reach` months either side, where it exists."""
    days = []
    for shift in range(-reach, reach + 1):
        month = dct.month - 1 + shift
        try:
            days.append(dt.date(dct.year + month // 12, month % 12 + 1, number))
        except ValueError:
            continue
    return days


def _day_numbered(job: _Job) -> Result | None:
    """"due on the 15th": that day of the DCT's month, or of the month before or after,
    the latest by the DCT in the past tense, the first from it in the future, else the nearest."""
    days = _numbered_days(job.dct, job.spec["day"], 1)
    past, ahead = [d for d in days if d <= job.dct], [d for d in days if d >= job.dct]
    day = past[-1] if job.tense == "past" and past else ahead[0] if job.tense == "future" and ahead \
        else min(days, key=lambda d: abs((d - job.dct).days), default=None)
    return None if day is None else ("DATE", day.isoformat(), day_period(day), "the day of that number nearest the DCT by tense")


def _nth_in_month(year: int, s: dict) -> dt.date:
    """The day that stands for "the first Monday in May", "the last weekend of June" (its
    last Saturday), "the second week of April" (its second Thursday: a week belongs to the
    month that holds most of it, as in ISO 8601), "the last day of 2023"."""
    nth, unit = s["nth_of"], s.get("unit")
    month = s.get("month", 1 if nth > 0 else 12)
    weekday = s.get("weekday") or {"weekend": 6, "week": 4}.get(unit)
    if weekday:
        day = nth_weekday(year, month, weekday, nth)
    elif nth > 0:
        day = dt.date(year, month, nth)
    else:
        day = month_period(year, month).end
    if day.month != month:
        raise ValueError("no such day in the month")
    return day


def _numeric_date(job: _Job) -> Result | None:
    """"17/03/2013" or "03/17/2013": the reading that is a date; of two, the one nearer
    the publication date."""
    s = job.spec
    readings = []
    for month, day in ((s["second"], s["first"]), (s["first"], s["second"])):
        try:
            readings.append(dt.date(s["year"], month, day))
        except ValueError:
            pass
    if not readings:
        return None
    day = min(readings, key=lambda d: abs((d - job.dct).days))
    return "DATE", day.isoformat(), day_period(day), "numeric date, the reading nearer the DCT"


def _compared_quarter(job: _Job) -> int:
    """The quarter number "last year's quarter" means: the one compared, else the last closed."""
    anchor = job.comparison_anchor()
    start = anchor.period.start if anchor and anchor.period.granularity == "quarter" \
        else unit_period(job.dct, "quarter", -1).start
    return (start.month + 2) // 3


def _weekend(job: _Job, rel: int | None = None) -> Result:
    dct, rel = job.dct, job.spec.get("rel") if rel is None else rel
    saturday = dct + dt.timedelta(days=5 - dct.weekday())      # this week's Saturday
    if rel == 0 and dct.weekday() == 0 and job.tense == "past" and "coming" not in job.mention.text.lower():
        rel = -1       # "Before this weekend, the city had reached 100 degrees only four times",
                       # told on a Monday: the weekend just gone
    if rel == -1 or (rel is None and dct.weekday() < 5 and job.tense != "future"
                     and not (job.tense == "unknown" and dct.weekday() >= 2)):
        # "the weekend" in the week: the one gone, unless told with no tense from Wednesday
        # on, when the coming one is as near ("has forecast dry conditions for the weekend")
        saturday -= dt.timedelta(days=7)
    elif rel == 1 and "coming" in job.mention.text.lower():    # "this coming weekend": the
        saturday = dct + dt.timedelta(days=(5 - dct.weekday()) % 7 or 7)   # first still to come
    elif rel == 1:
        saturday += dt.timedelta(days=7)
    why = "the weekend nearest the DCT by tense" if rel is None else f"weekend {rel:+d} from the DCT"
    return "DATE", *_weekend_of(saturday), why


def _weekend_of(day: dt.date) -> tuple[str, Period]:
    """The weekend of the ISO week of `day`: its value (2013-W12-WE) and its two days."""
    saturday = day + dt.timedelta(days=5 - day.weekday())
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE", Period(saturday, saturday + dt.timedelta(days=1), "span")


def _relative(job: _Job) -> Result | None:
    s = job.spec
    unit, rel = s["unit"], s.get("rel", 0)
    if unit == "weekend":
        return _weekend(job)
    entry = _entry_date(job) if unit in ("month", "year") and rel in (0, -1, 1, "reported") else None
    if entry is not None:       # "DEC. 18 - At the last meeting of the year": the entry's year
        rel = 0 if rel == "reported" else rel
        period = unit_period(entry.period.start, unit, rel)
        return "DATE", period_value(period), period, f"{unit} {rel:+d} from the entry '{entry.text}'"
    if rel == "reported":      # "the quarter" of an earnings report is the last one closed
        if "month" in s:       # "the quarter ended July 31"
            return _quarter_ended(job)
        rel = -1 if unit == "quarter" and job.tense != "future" \
            or unit == "year" and job.tense == "past" and job.dct.month <= 3 and not _part_closed(job) else 0
        # "For the full year, Boeing delivered 601 planes", told in January: the year just closed
    if rel == "begins":        # "the fiscal year that begins July 1": the year it ends in
        start = dt.date(job.dct.year, s["month"], s["day"])
        if s.get("began") and start > job.dct or not s.get("began") and start < job.dct:
            start = start.replace(year=start.year + (-1 if s.get("began") else 1))
        year = start.year + (start > dt.date(start.year, 1, 1))
        return "DATE", str(year), unit_period(dt.date(year, 1, 1), "year"), "the year the fiscal year ends in"
    if rel in ("night", "told"):    # "overnight": the night just gone, or the coming one;
        # "late afternoon": today's; in a paragraph telling another day, that day's
        rel = 0 if job.tense == "future" or rel == "told" else -1
        told = _told_day(job, paragraph=True)
        untold = job.dct + dt.timedelta(days=rel)       # the day it is with no story told
        if told and (job.tense != "future" and told.period.start < untold
                     or job.tense != "past" and told.period.start > untold):
            return _with_part(job, day_period(told.period.start), f"{_TOLD} '{told.text}'")
    if rel == "new":           # "the new year": next year from September on, or after
        future = job.dct.month > 1 and job.tense == "future"    # January in the future tense
        rel = 1 if job.dct.month >= 9 or future else 0
    if unit not in ("day", "week", "month", "quarter", "year", "decade", "century"):
        return None
    if unit in ("week", "month") and rel == 0 and f"the {unit}" in job.mention.text.lower() \
            and not _SINCE_BEFORE.search(job.text, max(0, job.mention.start - 6), job.mention.start):
        # "in September, ... in the second half of the month"; "Citigroup reports Monday,
        # followed by Goldman later in the week": the week of that day
        named = job.anchor((unit, "day") if unit == "week" else (unit,))
        if named is not None and named.period.granularity == "day" and not WEEKDAY_NAME.search(named.text):
            named = None
        if named is not None and not _YEAR_WRITTEN.search(named.text) \
                and named.start >= sentence_bounds(job.text, job.mention.start, job.mention.end)[0]:
            period = unit_period(named.period.start, unit)
            return "DATE", period_value(period), period, f"the {unit} named before it in its sentence"
    if unit == "week" and rel == 0 and s.get("mod") and job.tense == "future" and job.dct.weekday() == 6:
        rel = 1        # "will not arrive until the middle of the week", told on a Sunday: the coming one
    if unit == "week" and rel == 0 and job.mention.text.lower() == "the week" and job.tense == "past" \
            and job.dct.weekday() == 0:
        rel = -1       # "For the week, the industrial average fell", told on a Monday
    if unit == "year" and rel == 0 and s.get("mod") == "END" and job.tense == "past" and job.dct.month <= 3 \
            and "this" not in job.mention.text.lower() \
            and not _BY_END.search(job.text, max(0, job.mention.start - 9), job.mention.start):
        rel = -1       # "the flu peaked around the end of the year", told in March: the year
                       # closed (but "demanded that it be lifted by the end of the year")
    period = unit_period(job.dct, unit, rel)
    why = f"{unit} {rel:+d} from the DCT"
    if unit == "day":
        return _with_part(job, period, why)
    return "DATE", period_value(period), period, why


def _part_closed(job: _Job) -> bool:
    """"the first two months of the year", told in March: the year whose part has closed
    is the DCT's."""
    part = job.previous[-1] if job.previous else None
    if part is None or part.type != "DURATION" or not _OF.fullmatch(job.text, part.end, job.mention.start):
        return False
    m = _SHORT_SPAN.fullmatch(part.value)
    return m is not None and (m["unit"] != "M" or int(m["n"]) < job.dct.month)


def _quarter_ended(job: _Job) -> Result:
    """"the quarter ended July 31": the three months to that day (most of them in the
    second quarter); without a year, the last to have ended by the DCT, or for "ending",
    the one of the DCT's year, the year before if it has not begun and the verb is past."""
    s = job.spec
    middle = dt.date(s.get("year", job.dct.year), s["month"], min(s["day"], 28)) - dt.timedelta(days=45)
    period = unit_period(middle, "quarter")
    if "year" not in s and (period.end > job.dct if not s.get("ending")
                            else period.start > job.dct and job.tense != "future"):
        period = unit_period(middle, "quarter", -4)
    return "DATE", period_value(period), period, "the quarter to the day named after it"


def _count(spec: dict) -> int | float | str:
    """How many units: the number said, else one, or "X" for a bare plural ("years")."""
    return spec.get("num", "X" if spec.get("plural") else 1)


def _shift(job: _Job) -> Result | None:
    s = job.spec
    unit, num, direction = s.get("unit"), _count(s), s.get("ago", -1)
    if unit in (None, "weekend", "period"):
        return None
    if unit in TIME_UNITS and isinstance(num, (int, float)):
        # "two hours ago": the publication day (or one before), its hour unknown
        days = num * {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}[unit] // 24
        day = job.dct + dt.timedelta(days=direction * days)
        return "DATE", day.isoformat(), day_period(day), f"{num} {unit}s from the DCT"
    if isinstance(num, float) and unit in YEARS and (num * YEARS[unit]).is_integer():
        num, unit = int(num * YEARS[unit]), "year"      # "half a century ago": 50 years back
    if isinstance(num, float) and unit == "year" and (num * 12).is_integer():
        num, unit = int(num * 12), "month"      # "a year and a half ago": 18 months back
    if not isinstance(num, int):
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None, "vague count"
    amount, unit = (num * YEARS[unit], "year") if unit in YEARS else (num, unit)   # a year, not a decade
    anchor = job.comparison_anchor() if unit == "year" and amount == 1 else None
    if anchor is None and direction < 0 and _EARLIER.search(job.mention.text):
        anchor = _year_told_before(job)
    if anchor is not None:
        return "DATE", *_years_from(anchor, direction), f"{amount} {unit} from '{anchor.text}'"
    base = job.dct
    if "weekday" in s:            # "Twenty years ago Saturday": from the Saturday nearest the DCT
        ahead = (s["weekday"] - 1 - base.weekday()) % 7
        base += dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    day = shift_date(base, unit, direction * amount)
    period = unit_period(day, "day" if "weekday" in s else s.get("at", unit))   # "40 years ago today"
    return "DATE", period_value(period), period, f"{amount} {unit} from the DCT"


def _year_told_before(job: _Job) -> Timex | None:
    """What "N years earlier" counts back from when nothing is compared: the last date
    named, with its year written, in this sentence or the one before ("restructured in
    2009 ... A year earlier, it had closed two plants": 2008)."""
    last = job.previous[-1] if job.previous else None
    if last is None or last.period is None or last.period.granularity not in ("year", "month", "day") \
            or not _YEAR_WRITTEN.search(last.text) or last.period.end >= job.dct:
        return None
    left = sentence_bounds(job.text, job.mention.start, job.mention.end)[0]
    if sentence_bounds(job.text, last.start, last.end)[1] < left - 3:
        return None
    year = unit_period(last.period.start, "year")     # a year back from its year
    return replace(last, value=period_value(year), period=year)


def _anaphoric(job: _Job) -> Result | None:
    """"the following year", "later that day": a unit counted from the last date named;
    "that weekend", "that summer": the one of the last date named."""
    unit, rel = job.spec.get("unit"), job.spec.get("rel", 0)
    if unit == "weekend" or "season" in job.spec:
        return _that_weekend_or_season(job)
    if "weekday" in job.spec:
        return _that_weekday(job)
    if "month" in job.spec:
        return _that_month(job)
    paired = job.previous[-1] if job.previous else None
    if job.spec.get("apposed") and paired and paired.period and paired.period.granularity == "day" \
            and job.text[paired.end:job.mention.start].strip() == ",":
        # "on Saturday, the day before the election": the day it is set beside
        return "DATE", paired.value, paired.period, f"the day of '{paired.text}', set beside it"
    if "part" in job.spec and rel == 0 and paired and paired.period and paired.period.granularity == "time" \
            and joined(job.text, paired.end, job.mention.start):   # "Wednesday afternoon and evening"
        return _with_part(job, day_period(paired.period.start), f"the day of '{paired.text}', listed before it")
    def far(t: Timex) -> bool:      # out of reach, or in another paragraph and weeks away
        return job.mention.start - t.end > ANAPHORA_REACH or bool(_PARAGRAPH.search(
            job.text, t.end, job.mention.start)) and abs((job.dct - t.period.start).days) > NARRATIVE_DAYS
    # "in the morning" (not "that morning") with no day told near it: the DCT's
    bare = "part" in job.spec and rel == 0 and job.mention.text.lower().startswith(("the ", "later in", "earlier in"))
    anchor = job.anchor(GRANULARITY_ORDER)
    if anchor is not None and not bare and rel == 0 and job.tense == "past" and anchor.period.start > job.dct:
        # "called for elections by July 31. At a conference ... on the same day, donors
        # pledged": a past day is none to come
        anchor = next((t for t in reversed(job.previous) if t.period and t.period.granularity in
                       GRANULARITY_ORDER and t.period.start <= job.dct), anchor)
    if bare and job.spec["part"] == "NI" and job.tense == "past" \
            and (anchor is None or far(anchor) or anchor.period.start >= job.dct):
        # "crews worked through the night", told on the day after it: the night just gone
        return _with_part(job, unit_period(job.dct, unit, -1), _NIGHT_BY_TENSE)
    from_dct = _with_part(job, unit_period(job.dct, unit, rel), f"{unit} {rel:+d} from the DCT")
    if anchor is None or bare and (far(anchor) or job.tense == "past" and anchor.period.start > job.dct):
        return from_dct     # nothing named before: "the previous day"; "In the morning, the
                            # cardinals attended a Mass" after a day to come: the DCT's
    if GRANULARITY_ORDER.index(anchor.period.granularity) > GRANULARITY_ORDER.index(unit):
        # "on 3 June ... had worked there since 2009, was suspended the following day":
        # past a coarser date, the last one nearby as fine as the unit
        coarse, anchor = anchor, job.anchor(GRANULARITY_ORDER[:GRANULARITY_ORDER.index(unit) + 1])
        if anchor is None or job.mention.start - anchor.end > ANAPHORA_REACH \
                or anchor.period.start < coarse.period.start <= job.dct \
                or bare and job.tense == "past" and anchor.period.start > job.dct:
            # the story moved on; or a past told after a day to come
            # "in February ... held those gains through the afternoon": the DCT's afternoon
            return from_dct if bare else None
    period = unit_period(anchor.period.start, unit, rel)
    return _with_part(job, period, f"{unit} {rel:+d} from '{anchor.text}'")


def _that_month(job: _Job) -> Result | None:
    """"April of that year", "that September": the month (or "May 10 of that year", the
    day) in the year of the last date named (a span within one year will do: "the first
    half of 2006 and a referendum that September"); "the following February", "the
    previous May": the first such month after, or the last before, that date. None with
    no date named before."""
    anchor = next((t for t in reversed(job.previous) if t.period and (
        t.period.granularity in GRANULARITY_ORDER or t.period.start.year == t.period.end.year)), None)
    if anchor is None:
        return None
    rel, start = job.spec.get("rel", 0), anchor.period.start
    if "day" in job.spec:                      # "May 10 of that year"
        day = dt.date(start.year, job.spec["month"], job.spec["day"])
        return "DATE", day.isoformat(), day_period(day), f"that day, in the year of '{anchor.text}'"
    period = month_period(start.year, job.spec["month"])
    if rel > 0 and period.start <= start:
        period = month_period(start.year + 1, job.spec["month"])
    elif rel < 0 and period.end >= start:
        period = month_period(start.year - 1, job.spec["month"])
    return "DATE", period_value(period), period, f"that month, from '{anchor.text}'"


def _narrated(day: Timex) -> bool:
    """Was the day reached by the story's own counting ("the next day", "The next day,
    Saturday,", a clock time told in the story, a weekday that moved its date's year),
    not named outright?"""
    return day.rule.startswith("anaphoric") \
        or any(w in day.anchor for w in (_IN_STORY, _APPOSED, _TOLD, _STORY_YEAR, _ON_WEEKDAY))


def _told_day(job: _Job, paragraph: bool = False) -> Timex | None:
    """The day a story is telling at the mention: the last day named nearby (in its
    paragraph; a story set long ago keeps its day for twice as long, across paragraphs),
    unless a coarser later date was named after it (the story moved on)."""
    latest = job.anchor(GRANULARITY_ORDER)
    anchor = job.anchor(("time", "day"))
    if anchor is None:
        return None
    long_ago = _STORY_YEAR in anchor.anchor or anchor.period.start.year < job.dct.year - 1
    back = long_ago and any(t.start > anchor.end and t.anchor.endswith(_UP_TO_DCT) for t in job.previous)
    # across paragraphs only in a story whose week a weekday set ("Friday, April 25" ...
    # "Saturday passed almost normally"), not from a date a paragraph merely recalled
    week_set = long_ago and any(WEEKDAY_NAME.search(t.text) and t.period
                                and abs((t.period.start - anchor.period.start).days) <= 7 for t in job.previous)
    if job.mention.start - anchor.end > ANAPHORA_REACH * (2 if long_ago else 1) or back \
            or anchor.period.start < latest.period.start <= job.dct \
            or paragraph and not week_set and _PARAGRAPH.search(job.text, anchor.end, job.mention.start):
        return None
    return anchor


def _that_weekday(job: _Job) -> Result:
    """"the following Monday", "the previous Friday", "that Friday": the weekday after,
    before, or in the days from, the last day named nearby; with none, counted from the DCT."""
    anchor = _told_day(job)
    if anchor is None or anchor.period.start < job.dct and _WILL.search(job.text, *sentence_bounds(
            job.text, job.mention.start, job.mention.end)):   # "Jones, arrested on March 2,
        return _weekday(job)                                   # will appear ... Monday"
    day, target, rel = anchor.period.start, job.spec["weekday"] - 1, job.spec.get("rel")
    first = job.previous[job.previous.index(anchor) - 1] if anchor in job.previous[1:] else None
    if rel is None and first is not None and first.period and first.period.granularity == "day" \
            and joined(job.text, first.end, anchor.start) and (anchor.period.start - first.period.start).days < 7:
        day = first.period.start    # "from Friday, July 12 to Sunday, July 14 ... on the Saturday":
                                    # the one in the range
    if rel is not None and rel < 0:
        day -= dt.timedelta(days=(day.weekday() - target) % 7 or 7)
    else:
        day += dt.timedelta(days=(target - day.weekday()) % 7 or (7 if rel else 0))
    return _with_part(job, day_period(day), f"that weekday, from '{anchor.text}'")


def _that_weekend_or_season(job: _Job) -> Result | None:
    if "season" in job.spec:
        anchor = job.anchor(("day", "time", "week", "month", "season", "year"))
        season, rel = job.spec["season"], job.spec.get("rel", 0)
        if anchor is None and not rel:
            return None
        told = anchor.period if anchor else day_period(job.dct)    # none named: "the next
        # fall" counts from the DCT; a winter begins in the December before
        year = told.start.year - (season == "WI" and told.start.month <= 2)
        period = season_period(year, season)
        if rel > 0:        # "the following spring": the first to start after it
            period = period if period.start > told.end else season_period(year + 1, season)
        elif rel < 0:      # "the previous winter": the last to end before it
            period = period if period.end < told.start else season_period(year - 1, season)
        return "DATE", period_value(period), period, f"that season, from '{anchor.text if anchor else 'the DCT'}'"
    anchor = next((t for t in reversed(job.previous) if t.period and (
        t.period.granularity in ("day", "time") or t.value.endswith("-WE"))), None)
    if anchor is None:
        return _weekend(job)
    day, rel = anchor.period.start, job.spec.get("rel", 0)
    if rel < 0 or rel > 0 and day.weekday() >= 5:   # "the following weekend": the next
        day += dt.timedelta(days=7 * rel)            # to start after that day
    return "DATE", *_weekend_of(day), f"weekend {rel:+d} from '{anchor.text}'"


def _range_end(job: _Job) -> Result | None:
    """The second day of "Nov. 6-7" or "April 24 and 25" (the tagger has seen that an
    expression stands right before it): in the month of that date, if it is a day."""
    before = job.previous[-1] if job.previous else None
    if before is None or before.period is None or before.period.granularity != "day" \
            or not joined(job.text, before.end, job.mention.start):
        return None
    start = before.period.start
    day = start.replace(year=job.spec.get("year", start.year), day=job.spec["day"])
    return "DATE", day.isoformat(), day_period(day), f"the end of a range from '{before.text}'"


def _era(job: _Job) -> Result:
    """A named period ("the Korean War"): its first to its last day, an ISO interval."""
    start, end = map(dt.date.fromisoformat, job.spec["era"].split("/"))
    return "DATE", job.spec["era"], Period(start, end, "span"), "a named period"


def _years_from(anchor: Timex, years: int) -> tuple[str, Period]:
    """The period as long as `anchor`'s, `years` before or after it (a half-year too:
    "the first half ... in the year-earlier half")."""
    if _HALF.fullmatch(anchor.value):
        start, end = (shift_date(d, "year", years) for d in (anchor.period.start, anchor.period.end))
        return f"{start.year}{anchor.value[4:]}", Period(start, end, "span")
    period = unit_period(shift_date(anchor.period.start, "year", years), anchor.period.granularity)
    return period_value(period), period


def _comparison(job: _Job) -> Result | None:
    unit = job.spec.get("unit")
    anchor = job.comparison_anchor()
    if anchor is not None and unit in (None, "period", "half" if _HALF.fullmatch(anchor.value)
                                       else anchor.period.granularity):
        return "DATE", *_years_from(anchor, -1), "a year before the period it compares with"
    if unit == "quarter":
        base = unit_period(job.dct, "quarter", -1)
    elif unit == "month":
        base = unit_period(job.dct, "month", -1)
    else:
        base = unit_period(job.dct, "year")
    period = unit_period(shift_date(base.start, "year", -1), base.granularity)
    return "DATE", period_value(period), period, "a year before the period it compares with"


def _duration(job: _Job) -> Result | None:
    s = job.spec
    unit, num = s.get("unit"), _count(s)
    if unit is None or num is None:
        return None
    if unit == "weekend" and num == 1 and s.get("rel") in (-1, 1):
        # "the coming weekend" is the next weekend to start, "the past weekend" the last
        ahead = 0 if job.dct.weekday() < 5 else 1
        return _weekend(job, -1 if s["rel"] < 0 else ahead)
    value = duration_value(num, unit)
    if value is None:
        return None
    period = None
    rel = s.get("rel")
    # "On April 16, 1962, he took over the newscast. The next year it became ...": in the
    # past tense and not measured ("over the next year"), the year after the last date named
    if s.get("anchored") and rel == 1 and "num" not in s and unit in ("week", "month", "year") \
            and job.tense == "past" and (anchor := job.anchor(GRANULARITY_ORDER)) \
            and not _MEASURED.search(job.text, max(0, job.mention.start - 12), job.mention.start):
        period = unit_period(anchor.period.start, unit, 1)
        return "DATE", period_value(period), period, f"{unit} +1 from '{anchor.text}'"
    if s.get("anchored") and isinstance(num, int) and rel in (-1, 1) and unit not in TIME_UNITS | {"weekend"}:
        other = shift_date(job.dct, unit, rel * num)
        period = Period(min(other, job.dct), max(other, job.dct), "span")
        return "DURATION", value, period, _UP_TO_DCT if rel < 0 else "a span from the DCT on"
    later = LATER.match(job.text, job.mention.end)
    word = later.group(1).lower() if later else "later" if s.get("later") else "earlier" if s.get("earlier") else None
    fine = _LATER_FROM.get(unit)
    anchor = job.anchor(GRANULARITY_ORDER) if word and fine and isinstance(num, int) else None
    if anchor and anchor.period.granularity in fine and job.mention.start - anchor.end <= ANAPHORA_REACH:
        sign = 1 if word == "later" else -1
        if not later:         # "three years later", after "in 2000": the year it names (2003)
            period = unit_period(shift_date(anchor.period.start, "year",
                                            sign * num * (10 if unit == "decade" else 1)), "year")
            return "DATE", period_value(period), period, f"{value} {word} than '{anchor.text}'"
        # "Two days later, the fire crossed the highway": a P2D that also says when
        day = shift_date(anchor.period.start, unit, sign * num)
        period = unit_period(day, "day" if unit in ("day", "week") else "year" if unit == "decade" else unit)
        if num == 1 and job.mention.text.lower().startswith(("a ", "an ", "one ")):
            # "a week earlier": the date it names, as "a year earlier" is
            return "DATE", period_value(period), period, f"{value} {word} than '{anchor.text}'"
        return "DURATION", value, period, f"{value} {word} than '{anchor.text}'"
    return "DURATION", value, None, "duration"


def _set(job: _Job) -> Result | None:
    s = job.spec
    part = f"T{s['part']}" if "part" in s else ""
    if "weekday" in s:
        return "SET", f"XXXX-WXX-{s['weekday']}{part}", None, "every weekday"
    if part:
        return "SET", f"XXXX-XX-XX{part}", None, "every part of the day"
    if "month" in s:
        day = f"-{s['day']:02d}" if "day" in s else ""
        return "SET", f"XXXX-{s['month']:02d}{day}", None, "every month name"
    if "season" in s:
        return "SET", f"XXXX-{s['season']}", None, "every season"
    if "holiday" in s:          # "every Christmas"; a movable feast has no fixed day: its
        fixed = re.match(r"(\d\d)(-\d\d(?!-))?", s["holiday"])   # month ("every Thanksgiving"), or
        return "SET", f"XXXX-{fixed[1]}{fixed[2] or ''}" if fixed else "P1Y", None, "every year"   # a year
    unit, num = s.get("unit"), s.get("num", 1)
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE", None, "every weekend"
    if unit == "quarter":
        return "SET", f"P{num}Q", None, "every quarter"
    value = duration_value(num, unit) if unit else None
    return ("SET", value, None, "recurring") if value else None


def _fixed(job: _Job) -> Result:
    return job.spec.get("type", "DATE"), job.spec["value"], None, "vague reference, kept vague"


def _time(job: _Job) -> Result | None:
    s = job.spec
    hour, minute = s.get("hour", 0), s.get("minute", 0)
    # an hour of the afternoon or evening without a.m. or p.m. ("7:30 tonight"; at night
    # from six on: "1:30 last night" is in the small hours)
    late = "ampm" not in s and _LATE_IN_THE_DAY.search(job.mention.text)
    if "range_hour" in s and hour % 12 > s["range_hour"] % 12:     # "11 to 1 p.m.": the morning's 11
        s = {**s, "ampm": "am" if s["ampm"] == "pm" else "pm"}
    if s.get("ampm") == "pm" and hour < 12 \
            or late and (6 if late.group().lower() in ("night", "tonight") else 1) <= hour < 12:
        hour += 12
    elif hour == 12 and "ampm" not in s and job.mention.text.lower().endswith("morning"):
        hour = 0            # "12:11 this morning"
    elif "ampm" not in s and 1 <= hour <= 7 and _OCLOCK.search(job.mention.text) \
            and "morning" not in job.mention.text.lower() and not _MORNING.match(job.text, job.mention.end):
        hour += 12          # "at 3 o'clock": the afternoon's, unless "in the morning" follows
    elif s.get("ampm") == "am" and hour == 12:
        hour = 0
    if hour > 24 or (hour == 24 and minute):    # midnight ends its day: T24:00
        return None
    if "weekday" in s:
        day, why = _weekday_date(job)[0], CLOCK_ON_WEEKDAY
    elif "rel" in s:          # "1 a.m. last night" is already the publication day
        small_hours = hour < 5 and job.mention.text.lower().endswith("night")
        day, why = job.dct + dt.timedelta(days=s["rel"] + small_hours), _ON_DAY_WORD
    else:
        day, why = job.dct, CLOCK_ON_DCT      # resolve() moves it to a day named beside it
        if hour == 24 and job.tense != "future" and not (
                job.tense == "unknown" and job.text.startswith(" deadline", job.mention.end)):
            day -= dt.timedelta(days=1)       # the midnight just past (not "a midnight deadline")
    if hour == 24 and _AFTER.search(job.text, max(0, job.mention.start - 6), job.mention.start):
        # "shortly after midnight": the new day's T00:00 ("on Thursday": Thursday's)
        day, hour = day + dt.timedelta(days=why == CLOCK_ON_DCT), 0
    return "TIME", _clock_value(day, f"{hour:02d}:{minute:02d}"), Period(day, day, "time"), why


CLOCK_ON_DCT = "clock time, on the publication date"
_ON_DAY_WORD = "clock time on the day it names"     # "10am tomorrow"
CLOCK_ON_WEEKDAY = "clock time on the weekday it names"
_BESIDE = "clock time on the day named beside it"
_IN_STORY = "clock time in the story"
_NIGHT_BY_TENSE = "the night before the DCT, by tense"     # no day the story named
_APPOSED = "in apposition to the day"
_TOLD = "in the day of"
_STORY_YEAR = "which the story tells"
_HEADED = "counted from the heading"
_UP_TO_DCT = "a span ending at the DCT"
_ON_WEEKDAY = "the year it falls on"
CLOCK_NEAR_CHARS = 40


def _clock_value(day: dt.date, clock: str) -> str:
    return f"{day.isoformat()}T{clock}"


def _attach_clock_times(out: list[Timex], text: str) -> None:
    """"5pm on 30 June", "at 2pm" after "Sunday afternoon": a clock time belongs to the
    day named closest to it in its sentence (within CLOCK_NEAR_CHARS), not to the DCT."""
    days = [t for t in out if t.period and t.period.granularity in ("day", "time")
            and CLOCK_ON_DCT not in t.anchor]
    for i, timex in enumerate(out):
        if CLOCK_ON_DCT not in timex.anchor or not days:     # (or on a day heading's day)
            continue
        left, right = sentence_bounds(text, timex.start, timex.end)

        def gap(t: Timex) -> int:
            return t.start - timex.end if t.start >= timex.end else timex.start - t.end
        near = min((t for t in days if left <= t.start and t.end <= right
                    and not (_ACROSS if t.start > timex.start else _LINE).search(
                        text[min(t.end, timex.end):max(t.start, timex.start)])
                    and not (t.end <= timex.start and _in_relative_clause(text, left, t, timex))),
                   key=gap, default=None)     # not across a line ("09:15 BST" heading a post)
                                              # nor into brackets ("9 p.m. EST (0200 GMT Saturday)"),
                                              # but out of them ("Saturday 7 May: Leicester (5.30pm)")
        if near is None or gap(near) > CLOCK_NEAR_CHARS \
                or near.start > timex.end and _DETERMINED.search(text, max(0, near.start - 8), near.start):
            # none near, but an event of a day told before it in its sentence: "Monday's
            # launch will be broadcast live beginning at 11 a.m."
            near = next((t for t in reversed(days) if left <= t.start and t.end <= timex.start
                         and _FIXTURE.match(text, t.end)), None)
            if near is None or tense(text, timex.start, timex.end) == "past":
                continue
        clock, part = timex.value.split("T")[1], near.value.partition("T")[2]
        evening = near.start < timex.start and (part == "EV" or "18:00" <= part[:5] <= "23:59")
        day = near.period.start + dt.timedelta(  # a morning hour of a night ("overnight ... at
            days=part == "NI" and clock < "12:00"   # 1:23 a.m."), a small hour after an evening
            or evening and clock < "06:00")         # ("at 7 p.m. Sunday ... by 1 a.m.") is the next day's
        out[i] = replace(timex, value=_clock_value(day, clock),
                         period=Period(day, day, "time"),
                         anchor=f"{timex.anchor.split(';')[0]}; {_BESIDE}")


def _in_relative_clause(text: str, left: int, day: Timex, clock: Timex) -> bool:
    """Is `day` in a relative clause closed before `clock`? ("Sunak, who called the
    election on 22 May, conceded shortly after 04:00 BST")"""
    return bool(SET_OFF.search(text, left, day.start)) and "," in text[day.end:clock.start]


def _standing_hours(out: list[Timex], text: str) -> None:
    """A clock time of standing hours, with no day beside it, is a time of any day
    (XXXX-XX-XXT22:00): a curfew's ("imposed a curfew from 10 p.m. to 6 a.m."), opening
    hours ("the center will be open from 8 a.m. to 7 p.m."), a timetable's ("trains will
    run only between 07:30 and 18:30") and a habit's ("usually between 2am and 4am",
    "getting up at 4:30")."""
    for i, timex in enumerate(out):
        if timex.type == "TIME" and _WEEKDAY_SPAN.match(text, timex.end) \
                and WEEKDAY_NAME.search(timex.text.rsplit(" ", 1)[-1]) \
                and i and out[i - 1].type == "TIME" and _HOURS_TO.fullmatch(text, out[i - 1].end, timex.start):
            # "from 7 a.m. to 7 p.m. Monday through Saturday": the hours of each of those days
            # (not "from noon Saturday through Sunday evening", one span)
            j = i
            while True:
                out[j] = replace(out[j], value=f"XXXX-XX-XXT{out[j].value.split('T')[1]}", period=None,
                                 anchor=f"{out[j].anchor.split(';')[0]}; standing hours, of any day")
                j -= 1
                if j < 0 or out[j].type != "TIME" or "T" not in out[j].value \
                        or not _HOURS_TO.fullmatch(text, out[j].end, out[j + 1].start):
                    break
            continue
        if not timex.anchor.endswith(CLOCK_ON_DCT):
            continue
        left = sentence_bounds(text, timex.start, timex.end)[0]
        if _STANDING.search(text, max(left, timex.start - STANDING_CHARS), timex.start) \
                and not _POLLS.search(text, left, timex.start):
            out[i] = replace(timex, value=f"XXXX-XX-XXT{timex.value.split('T')[1]}", period=None,
                             anchor=f"{timex.anchor.split(';')[0]}; standing hours, of any day")


STANDING_CHARS = 90
_STANDING = re.compile(
    r"\bcurfews?\b|\b(?:is|are|be|remains?|stays?|keeps?\s+\w+|kept\s+\w+)\s+open\s+"
    r"(?:from|until|till|between)\b"
    r"|\b(?:opening|business|office|working|visiting)\s+hours\b|\b(?:usually|normally|typically|routinely)\b"
    r"|\b(?:weekdays|weeknights|weekday\s+\w+s)\b|\b(?:get|gets|getting|wake|wakes|waking)\s+up\s+at\b"
    r"|\b(?:trains|buses|services|ferries|flights)\b(?:\s+\w+){0,4}\s+(?:run|operate)\s+(?:only\s+)?"
    r"(?:between|from|until)\b", re.I)
_WEEKDAY_SPAN = re.compile(rf" ?(?:through|thru|to|-|–) ?{WEEKDAY_NAME.pattern}\b", re.I)
_POLLS = re.compile(r"\b(?:polls?|polling|voting)\b", re.I)     # election day's hours are that day's


def _earlier(text: str, end: int) -> bool:
    """Is the expression ending at `end` followed by "earlier" ("two days earlier")?"""
    later = LATER.match(text, end)
    return bool(later) and later.group(1).lower() == "earlier"


def _narrative_clock_times(out: list[Timex], text: str, published: dt.date) -> None:
    """A clock time the day-attaching rules left on the DCT belongs to the last day the
    story named before it ("The first call was logged at 12.17am"), when:
    - its sentence names no day at or after it (a day part counted from the day before,
      "... around midday, and a news conference in the afternoon", names none);
    - that day lies within NARRATIVE_REACH characters (YESTERDAY_REACH for the day before
      the DCT, the day a story of the morning after tells), and is in the same paragraph, or a
      time of a day ("the night of 4 May", "that evening"), or within NARRATIVE_DAYS of
      the DCT;
    - the tense agrees: past for a day before the DCT, future for one after it ("Schools
      reopen on Wednesday. The minister will open ... at 9.30 a.m."), or, with no tense
      to go by, the day is in the same paragraph ("Saturday 12 July, 8pm: Folk night.
      Doors open at 7pm").
    Not a possessive day ("Friday's quake"), which names another event, nor a day after
    "since", nor a clock time opening a line (a live blog's entry). A morning time after
    an evening or night ("at 10:30 p.m. on Monday ... at midday") goes to the day after
    (after an afternoon it is a schedule's other hours: "from 07:00 to 14:00 on Friday.
    ... from 10:00 to 17:00"); each time so placed is the day the story has reached for
    the next."""
    def names_a_day(t: Timex) -> bool:
        return bool(t.period) and t.period.granularity in ("day", "time") \
            and not (t.type == "DURATION" and _earlier(text, t.end)) \
            and not t.anchor.endswith(_NIGHT_BY_TENSE) \
            and not t.anchor.endswith((CLOCK_ON_DCT, _BESIDE)) and text[t.end:t.end + 2] not in ("'s", "’s") \
            and not _SINCE_BEFORE.search(text, max(0, t.start - 6), t.start) \
            and not _SAID_ON.search(text, max(0, t.start - 12), t.start)   # "since Christmas";
    # "mission officials said Wednesday" dates the saying, not the story
    days = [t for t in out if names_a_day(t)]
    last = None
    for i, timex in enumerate(out):
        if timex in days:
            last = timex
        if not timex.anchor.endswith(CLOCK_ON_DCT) or last is None:
            continue
        left, right = sentence_bounds(text, timex.start, timex.end)
        if any(timex.start < t.end and t.start < right and not t.rule.startswith("anaphoric")
               for t in days) or last.start >= left and last.period.granularity == "day" \
                and _in_relative_clause(text, left, last, timex) \
                or timex.start - last.end > (YESTERDAY_REACH if published - last.period.start == dt.timedelta(days=1)
                                             and last.rule != "overnight" else NARRATIVE_REACH) \
                or not text[text.rfind("\n", 0, timex.start) + 1:timex.start].strip():
            continue
        day, clock = last.period.start, timex.value.split("T")[1]
        part = last.value.partition("T")[2]
        evening = (part in ("EV", "NI") or not part and last.text.lower().startswith("late ")) and clock < "12:00" \
            or part[:1].isdigit() and part[:5] >= "18:00" and clock <= "12:00"
        if evening:                             # "at 10:30 p.m. on Monday ... at midday",
                                                # "late Wednesday ... shortly after midnight"
            day += dt.timedelta(days=1)
        near = last.period.granularity == "time" \
            or not _PARAGRAPH.search(text, last.end, timex.start) \
            or abs((published - last.period.start).days) <= NARRATIVE_DAYS
        way = tense(text, timex.start, timex.end) if near and day != published else None
        same = way == "unknown" and not _PARAGRAPH.search(text, last.end, timex.start)
        if way == "past" and day < published or way == "future" and day > published or same:
            out[i] = last = replace(timex, value=_clock_value(day, clock), period=Period(day, day, "time"),
                                    anchor=f"{timex.anchor.split(';')[0]}; {_IN_STORY}, "
                                           f"after '{last.text}'")


_PARAGRAPH = re.compile(r"\n\s*\n")
_THAT_BEFORE = re.compile(r"(?:^|[.,;:\"“(]\s*|\b(?:on|of|until|by|since|before|after|from|through|and)\s+)"
                          r"that\s+$", re.I)     # "on that Sunday", not "said that Sunday's race"
_ON_ITS_WEEKDAY = re.compile(r"(?:\s+(?!(?:and|or|but|then|again|until|to|through)\b|\w+ed\b)[\w-]+){0,2}"
                             r"\s+(?:falls\s+|is\s+)?on\s+|,\s*")    # not "filed on June 14 and unsealed on"
_THAT_WEEKDAY = re.compile(rf"(?:^|\s)that {WEEKDAY_NAME.pattern}", re.I)
_FIXTURE = re.compile(rf"['’]s (?:[\w-]+ ){{0,2}}(?:{SCHEDULED})s?\b", re.I)
_DETERMINED = re.compile(r"\b(?:of|the|its|their|his|her)\s+$", re.I)   # "minutes of its April 30-May 1 meeting"
_HALF = re.compile(r"\d{4}-H[12]")
_WEEKDAY_DATE = re.compile(r"day,? (?:\d|[A-Z][a-z]{2})")    # "Friday, March 15", "Friday 15 March"
_WILL = re.compile(r"\bwill\b|\w['’]ll\b|\bshall\b", re.I)
_SET_AT = re.compile(r",? at ")
_CLOCK_BEFORE_SET = re.compile(r" (?:on )?")     # "7am on Saturdays", not "6pm, daily newspaper"
_CLOCK = re.compile(r"T\d\d:\d\d")
_YEAR_SAID = re.compile(r"(?:next|last) year", re.I)
_YEARS_EVENT = re.compile(rf"['’]s (?:[\w-]+ ){{0,3}}(?:{SCHEDULED})s? (?:in|on) (?:early |late |mid-?)?",
                          re.I)    # "next year's European Parliament elections in May"
YEAR_SAID_REACH = 60     # characters from "next year" to the month it dates
_CLAUSE_START = re.compile(r"(?:^|,\s+(?:and|but)\s+)[\s\"“‘']*$", re.I)   # "..., and next year's will"
_SINCE_BEFORE = re.compile(r"\bsince $", re.I)
_YEAR_TOLD = re.compile(r"\b(?:last|next|this) year\b", re.I)
_SENTENCE_STOP = re.compile(r"[.;!?]")
_SAID_ON = re.compile(r"\b(?:said|says|announced|told reporters)(?: on)? $", re.I)
_AFTER = re.compile(r"\bafter $", re.I)
# "against Macedonia on Friday and Serbia next Tuesday"
_THEN_NEXT = re.compile(rf",? and (?:[\w’'-]+ ){{0,4}}(?:on )?next {WEEKDAY_NAME.pattern}\b", re.I)
_OCLOCK = re.compile(r"o['’]clock", re.I)
_MORNING = re.compile(r"\s+(?:in|on|this|that) (?:the )?(?:early )?(?:\w+day )?morning\b", re.I)
_LATE_IN_THE_DAY = re.compile(r"(?:afternoon|evening|night)$|^tonight", re.I)
_ACROSS = re.compile(r"\n|\([^)]*$|,\s*(?:with|and|but|as|while|before|after|when|then|which|where)\b",
                     re.I)     # a line break, a bracket opened and not closed, or a clause set off
                               # ("broke off shortly after 6 p.m., with plans to resume Wednesday")
_LINE = re.compile(r"\n")
_MEASURED = re.compile(r"\b(?:over|for|within|during|in|by|through|throughout|into|of)\s+$", re.I)
_FROM_DCT = re.compile(r"(?:day [+-]\d+|-?\d+ days?) from the DCT")   # "tonight", "two days ago"
_YEAR_WRITTEN = re.compile(r"\d{4}")
_BY_END = re.compile(r"\b(?:by|through|until|before|beyond) $", re.I)
_EARLIER = re.compile(r"\b(?:earlier|before)\b", re.I)
_WHEN = re.compile(r",? when\b")
_ENTRY_YEAR = "the year of the timeline entry"
_ENTRY_MARK = re.compile(r"\s+[-–—]\s|:\s")     # "MAY 22 - ", "10 April 2019: "
_SECTION = re.compile(r"(?:\s+and\s+\w+)?:\s[^\n]{0,60}\n")    # "...: Shutdown" ending its line
_THE = re.compile(r"\bthe $", re.I)
_EVENT_NAMED = re.compile(rf" (?:[\w-]+ ){{0,2}}(?:{SCHEDULED})s?\b", re.I)    # "the 2010 election"
_OPENS = re.compile(r"[\s\"“‘']*(?:(?:in|by|on|during|until|from|after|before|since|early|late|later)\s+)?", re.I)
_DATE_THEN_CLOCK = re.compile(r",? (?:[|/–-] )?(?:at )?")   # "Oct. 25, 2022 4:05 PM", "..., 2024 | 10:42"
_RANGE_OPENER = re.compile(r"\b(?:between|from) $", re.I)
_CLOCK_ON_DAY = re.compile(r",? (?:on )?(?:the )?")   # "from 8am on the Wednesday"
_HOURS_FROM = re.compile(r",? (?:from|between) ")   # "every Saturday from 10am ..."
_HOURS_TO = re.compile(r" ?(?:-|–|to|until|till|and|,? and between) ?")  # "... to 4pm", "between 6am and midnight"
_DAYS_SET = re.compile(r"XXXX-XX-XX|XXXX-WXX-[1-7]")    # every day, every Tuesday
_IN_ZONE_BRACKET = re.compile(r"\d(?: ?[ap]\.? ?m\.?)?(?: local time| [A-Z][a-z]+ time)?,? \([^()]*$",
                              re.I)     # "6:00 am (1900 GMT": the same moment in another zone
_CONVERTED = re.compile(r"(?: local time| [A-Z][a-z]+ time)?,? \(")   # "3:15 p.m. local time (1015 GMT)"
_CLOCK_ON = re.compile(r", | on | ")     # not ", on": "until 01:00, on Friday and Saturday"


def _day_headings(out: list[Timex], text: str, published: dt.date) -> None:
    """A live blog's day headings ("Saturday 9 November" on a line of its own) date what
    follows them, to the next heading: the times opening its entries, and the "tonight",
    "this evening", "tomorrow" of those entries, which count from that day, not the DCT."""
    headings = [t for t in out if day_heading(text, t) or _dateline(text, t, published)]
    for k, heading in enumerate(headings):
        shift = heading.period.start - published
        end = headings[k + 1].start if k + 1 < len(headings) else len(text)
        for i, timex in enumerate(out):
            if shift and heading.end <= timex.start < end and timex.period \
                    and timex.period.granularity in ("day", "time") \
                    and timex.value.startswith(timex.period.start.isoformat()) \
                    and (timex.anchor.endswith((CLOCK_ON_DCT, _ON_DAY_WORD)) or _FROM_DCT.search(timex.anchor)):
                out[i] = _shifted(timex, shift, f"{_HEADED} '{heading.text}'")


def _dateline(text: str, timex: Timex, published: dt.date) -> bool:
    """Whether the expression is the date of a dateline the day before the DCT ("DEHRADUN,
    June 19: ...", "Chhapra (Bihar), July 17 (IANS) The ...", "MUMBAI, August 28" on a line
    of its own): its story counts from that day."""
    return timex.start < DATELINE_CHARS and timex.type == "DATE" and bool(timex.period) \
        and timex.period.granularity == "day" and timex.period.start == published - dt.timedelta(days=1) \
        and bool(_DATELINE_PLACE.fullmatch(text, text.rfind("\n", 0, timex.start) + 1, timex.start)) \
        and bool(_DATELINE_END.match(text, timex.end))


DATELINE_CHARS = 600    # a dateline opens the story
_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.’'-]*(?:[ -][A-Z][\w.’'-]*)*(?: \([A-Z][\w .]*\))?(?:, [A-Z][\w.’' -]*)?, ")
_DATELINE_END = re.compile(r"(?:,? \d{4})?(?:\s*\([\w .]+\)|\s*(?:[:—–]|--?)|[ \t]*(?:\n|$))")


def _shifted(timex: Timex, shift: dt.timedelta, why: str) -> Timex:
    day = timex.period.start + shift
    return replace(timex, value=day.isoformat() + timex.value[10:],
                   period=Period(day, day, timex.period.granularity), anchor=f"{timex.anchor}, {why}")


def _quoted_days(out: list[Timex], text: str, published: dt.date) -> None:
    """"Today we can celebrate, and tomorrow we will get to work," Merkel told supporters
    on Sunday night: "today" and "tomorrow" in a quotation count from the day it was
    said, when its sentence names that day outside the quotation."""
    for i, timex in enumerate(out):
        if not (timex.period and timex.period.granularity in ("day", "time")
                and _FROM_DCT.search(timex.anchor) and timex.value.startswith(timex.period.start.isoformat())) \
                or _HEADED in timex.anchor:       # a day heading has counted it already
            continue
        left, right = sentence_bounds(text, timex.start, timex.end)
        line = text.rfind("\n", 0, timex.start) + 1       # a quotation may open sentences before
        curly = text.rfind("“", line, timex.start) > text.rfind("”", line, timex.start)
        straight = text.count('"', line, timex.start) % 2 == 1
        opened = max(text.rfind("“", line, timex.start), text.rfind('"', line, timex.start))
        closed = text.find("”" if curly else '"', timex.end, right)
        if not (curly or straight) or closed < 0:
            continue                          # not inside a quotation
        said = next((t for t in out if t.period and t.period.granularity in ("day", "time")
                     and left <= t.start and t.end <= right and not opened < t.start < closed
                     and not _IN_ZONE_BRACKET.search(text, max(0, t.start - 40), t.start)
                     and not _SINCE_BEFORE.search(text, max(0, t.start - 6), t.start)   # "camped
                     and t.period.start < published and not _FROM_DCT.search(t.anchor)), None)  # there since Tuesday"
        if said is not None:
            out[i] = _shifted(timex, said.period.start - published,
                              f"counted from '{said.text}', when it was said")


def _clock_range_ends(out: list[Timex], text: str) -> None:
    """"between 9 am and 5 pm", "10pm-2am": the second time is on the first's day (the
    next one when it is earlier on the clock). So is the same moment in another zone, in
    brackets after it ("18:00 local time (09:00 GMT)"), on the day nearest to it; and the
    other way round ("8 p.m. Rome time (1900 GMT) on Feb. 28")."""
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        gap = _HOURS_TO.fullmatch(text, first.end, second.start)
        converted = _CONVERTED.fullmatch(text, first.end, second.start)
        if not ((gap or converted) and first.type == second.type == "TIME" and first.period
                and second.period and _CLOCK.search(first.value) and _CLOCK.search(second.value)
                and (not gap or "and" not in gap.group()
                     or _RANGE_OPENER.search(text, max(0, first.start - 9), first.start))):
            continue                         # "10pm-2am", "from 10pm to 2am", "between 9 and 5"
        start, end = first.value.split("T")[1], second.value.split("T")[1]
        if converted and first.anchor.endswith(CLOCK_ON_DCT) \
                and not second.anchor.endswith(CLOCK_ON_DCT):
            day = second.period.start - dt.timedelta(days=_zone_shift(start, end))
            out[i - 1] = replace(first, value=_clock_value(day, start), period=Period(day, day, "time"),
                                 anchor=f"{first.anchor.split(';')[0]}; the same time as '{second.text}'")
            continue
        if gap and first.rule == "clock_range_start" and first.anchor.endswith(CLOCK_ON_DCT) \
                and not second.anchor.endswith(CLOCK_ON_DCT):
            day = second.period.start - dt.timedelta(days=end < start)     # "4 to 7 p.m. Friday":
            out[i - 1] = replace(first, value=_clock_value(day, start),      # Friday's 4
                                 period=Period(day, day, "time"),
                                 anchor=f"{first.anchor.split(';')[0]}; the start of the hours to '{second.text}'")
            continue
        if not (second.anchor.endswith((CLOCK_ON_DCT, _BESIDE)) or _IN_STORY in second.anchor):
            continue                         # the second time has a day of its own
        day = first.period.start + dt.timedelta(days=end < start if gap else _zone_shift(start, end))
        if day != second.period.start:
            how = "the end of the hours from" if gap else "the same time as"
            out[i] = replace(second, value=_clock_value(day, end), period=Period(day, day, "time"),
                             anchor=f"{second.anchor.split(';')[0]}; {how} '{first.text}'")


def _zone_shift(here: str, there: str) -> int:
    """The days to add to a clock time's day for the same moment read in another zone:
    the day that puts the two nearest (zones are at most 14 hours apart), so 22:31 local
    is 01:31 GMT of the next day."""
    minutes = [int(c[:2]) * 60 + int(c[3:5]) for c in (here, there)]
    return min((-1, 0, 1), key=lambda d: abs(minutes[1] + d * 1440 - minutes[0]))


def _clock_times_on_dates(out: list[Timex], text: str) -> None:
    """"noon on May 9", "5 p.m. EST, Nov. 6": a clock time and the date right after it
    are one time on that date."""
    for i in range(len(out) - 1, 0, -1):
        clock, date = out[i - 1], out[i]
        weekday = clock.anchor.endswith(CLOCK_ON_WEEKDAY)   # then only a date with a day number
        if (clock.anchor.endswith(CLOCK_ON_DCT) or weekday and any(c.isdigit() for c in date.text)) \
                and date.type == "DATE" and date.period and date.period.granularity == "day" \
                and _CLOCK_ON.fullmatch(text, clock.end, date.start):
            out[i - 1] = _on_date(clock, date, text, "clock time on the date after it")
            del out[i]


def _dates_then_clock_times(out: list[Timex], text: str) -> None:
    """"Oct. 25, 2022 4:05 PM EDT", "22 Nov 2021 09:14 GMT", "February 2, 2024 | 10:42 AM
    ET": a full date (its year written) and the clock time right after it are one time."""
    for i in range(len(out) - 1, 0, -1):
        date, clock = out[i - 1], out[i]
        if date.type == "DATE" and date.period and date.period.granularity == "day" \
                and _YEAR_WRITTEN.search(date.text) and clock.anchor.endswith(CLOCK_ON_DCT) \
                and _DATE_THEN_CLOCK.fullmatch(text, date.end, clock.start):
            out[i - 1] = _on_date(clock, date, text, "clock time on the date before it")
            del out[i]


def _on_date(clock: Timex, date: Timex, text: str, why: str) -> Timex:
    """The clock time and the date beside it as one time, from the first to the last."""
    start, end, day = min(clock.start, date.start), max(clock.end, date.end), date.period.start
    return replace(clock, start=start, end=end, text=text[start:end],
                   value=_clock_value(day, clock.value.split("T")[1]), period=Period(day, day, "time"),
                   anchor=f"{date.anchor.split(';')[0]}; {why}")


def _recurring_clock_times(out: list[Timex], text: str) -> None:
    """"Tuesdays at 8pm", "every day at 6 a.m.", "7am on Saturdays": the clock time recurs
    with the set beside it (XXXX-WXX-2T20:00); it is no time on the publication date.
    So do the hours after a set ("every Saturday from 10am to 4pm", "every 15 minutes
    between 6am and midnight"), each a time of that set's days."""
    base = None
    for i, timex in enumerate(out):
        gap = text[out[i - 1].end:timex.start] if i else ""
        on_day = i + 1 < len(out) and _CLOCK_ON_DAY.fullmatch(text, timex.end, out[i + 1].start)
        if base and timex.type == "TIME" and timex.anchor.endswith(CLOCK_ON_DCT) and not on_day \
                and (_HOURS_FROM.fullmatch(gap) if out[i - 1].type == "SET" else _HOURS_TO.fullmatch(gap)):
            out[i] = replace(timex, value=f"{base}T{timex.value.split('T')[1]}", period=None,
                             anchor=f"{timex.anchor.split(';')[0]}; the hours of '{out[i - 1].text}'")
            continue
        base = None
        if timex.type == "SET":
            base = "XXXX-XX-XX" if timex.value.startswith("PT") else _set_days(timex.value)
            # ... and the hours before one: "open from 9 a.m. to 5 p.m. daily"
            j = i - 1
            while base and j >= 0 and out[j].type == "TIME" and out[j].anchor.endswith(CLOCK_ON_DCT) \
                    and (_CLOCK_BEFORE_SET.fullmatch(text, out[j].end, out[j + 1].start) if j == i - 1
                         else _HOURS_TO.fullmatch(text, out[j].end, out[j + 1].start)) \
                    and (j < i - 1 or _RANGE_END.search(text, max(0, out[j].start - 4), out[j].start)):
                out[j] = replace(out[j], value=f"{base}T{out[j].value.split('T')[1]}", period=None,
                                 anchor=f"{out[j].anchor.split(';')[0]}; the hours of '{timex.text}'")
                j -= 1
    for i in range(len(out) - 1, 0, -1):
        first, second = out[i - 1], out[i]
        if first.type == "SET" and _SET_AT.fullmatch(text, first.end, second.start):
            recurring, clock = first, second
        elif second.type == "SET" and _CLOCK_BEFORE_SET.fullmatch(text, first.end, second.start):
            clock, recurring = first, second
        else:
            continue
        base = _set_days(recurring.value)
        if clock.anchor.endswith(CLOCK_ON_DCT) and base \
                and not _RANGE_END.search(text, max(0, clock.start - 4), clock.start):
            out[i - 1] = replace(recurring, start=first.start, end=second.end,
                                 text=text[first.start:second.end],
                                 value=f"{base}T{clock.value.split('T')[1]}")
            del out[i]


_RANGE_END = re.compile(r"(?:\band|\bto|[-–]) ?$")   # "between 2 and 6 p.m. each afternoon"


def _set_days(value: str) -> str | None:
    """The days a set recurs on, as a clock time's date: every day (P1D, "nightly", and
    "weekdays", some of every week's), or every Tuesday; None for other sets."""
    if value in ("P1D", "XXXX-WXX-WD") or value.startswith("XXXX-XX-XXT"):
        return "XXXX-XX-XX"
    return value if _DAYS_SET.fullmatch(value) else None


_KINDS: dict[str, Callable[[_Job], Result | None]] = {
    "date": _date, "relative": _relative, "shift": _shift, "comparison": _comparison,
    "anaphoric": _anaphoric, "range_end": _range_end, "era": _era,
    "duration": _duration, "set": _set, "fixed": _fixed, "time": _time,
}


_APPOSITION = re.compile(r", ")
_LATER_FROM = {"day": ("time", "day"), "week": ("time", "day", "week"),        # what "N units
               "month": ("time", "day", "week", "month"),                       # later" counts
               "year": ("time", "day", "week", "month", "quarter", "season", "year")}   # from
_LATER_FROM["decade"] = _LATER_FROM["year"]     # "two decades later" counts as years do
_RANGE_TO = re.compile(r"\s+(?:and\s+(?:last|lasts|run|runs|continue|continues)\s+)?(?:until|till|to|through)\s+"
                       r"|\s*[-–]\s*")     # "begin at midnight Tuesday and last until noon Thursday"
_AND = re.compile(r"\s+and\s+")
_OR = re.compile(r"\s+(?:and|or)\s+")
# "issued a flash flood watch ... from noon Saturday through Sunday evening": it looks ahead
_NOTICE = re.compile(r"\b(?:watch|warning|advisory|alert|curfew|closure|ban|order)\b[^.;]*$", re.I)
_TO_BEGIN = re.compile(r"\b(?:begin|start|open|commence)\b[^.;,]{0,20}$", re.I)   # "would begin at midnight
# Tuesday and last until noon Thursday": its start is still to come
_TO_RUN = re.compile(r"\bto\s+[a-z]+\s+(?:from\s+)?$", re.I)    # "was rescheduled to run from": a plan


def _next_days(first: Timex, second: Timex, text: str) -> bool:
    """"Monday and Tuesday": two days a day or two apart, listed in their order."""
    gap = (second.period.start.weekday() - first.period.start.weekday()) % 7
    return 0 < gap <= 2 and bool(_AND.fullmatch(text, first.end, second.start))


def _range_end_weekday(timex: Timex, start: dt.date) -> Timex:
    """"from Monday until Wednesday": the Wednesday on or after the Monday."""
    day = start + dt.timedelta(days=(timex.period.start.weekday() - start.weekday()) % 7)
    return replace(timex, value=day.isoformat() + timex.value[10:],
                   period=Period(day, day, timex.period.granularity),
                   anchor=f"{timex.anchor.split(';')[0]}; the first such day from the start of its range")


def _in_year(timex: Timex, year: int) -> Timex:
    """The first day or month of a range or pair, moved to the year its last one names."""
    start = timex.period.start
    period = day_period(start.replace(year=year)) if timex.period.granularity == "day" \
        else month_period(year, start.month)
    return replace(timex, value=period_value(period), period=period,
                   anchor=f"{timex.anchor.split(';')[0]}; the year the range ends in")


_YEARS = re.compile(r"P\d{1,3}Y")


def _with_weekday(weekday: Timex, date: Timex, text: str, earlier: list[Timex], published: dt.date) -> Timex:
    """"Monday, Oct. 26": one date, the weekday and the date that follows it; with no year
    written, in the year before or after the one guessed if only there it is that weekday
    ("Friday, March 13" told in 2021 is 2020's), else in the latest year the story has
    named, or counted back to, where it is ("Friday, April 25" after "two decades ago" told
    in 2006: 1986; "Saturday, Aug. 27" after "10 years since Katrina" told in 2015: 2005);
    never after the publication date in the past tense, nor before it in the future, unless
    no such year is next to it ("Friday, 12 February" heading an entry of a timeline told in
    June 2016, whose "plans" are no future: 2016's)."""
    end = date.end + (text[weekday.end:weekday.end + 2] == " (")     # "Friday (Jan 20)"
    merged = replace(date, start=weekday.start, end=end, text=text[weekday.start:end])
    day, target = date.period.start, weekday.period.start.weekday()
    if date.period.granularity != "day" or day.weekday() == target or _YEAR_WRITTEN.search(date.text):
        return merged
    near = (day.year + 1, day.year - 1) if "future" in date.anchor else (day.year - 1, day.year + 1)
    named = (t.period.start.year if t.period else published.year - int(t.value[1:-1])
             for t in reversed(earlier) if t.period and t.period.granularity != "span"
             or _YEARS.fullmatch(t.value))     # "10 years since Katrina": 2005
    tries = [(year, True) for year in dict.fromkeys((*near, *named))] + [(year, False) for year in near]
    for other, tensed in tries:
        try:
            moved = day.replace(year=other)
        except ValueError:              # 29 February
            continue
        if moved.weekday() == target and not (tensed and ("past" in date.anchor and moved > published
                                                          or "future" in date.anchor and moved < published)):
            return replace(merged, value=moved.isoformat() + date.value[10:], period=Period(moved, moved, "day"),
                           anchor=f"{date.anchor}; {_ON_WEEKDAY} '{weekday.text}'")
    return merged


def _beyond_the_calendar(job: _Job) -> Result | None:
    """A count too large for the calendar keeps its duration, or a vague value, and no period."""
    s = job.spec
    if job.spec["kind"] == "duration":
        value = duration_value(_count(s), s["unit"])
        return ("DURATION", value, None, "duration beyond the calendar") if value else None
    if job.spec["kind"] == "shift":
        return "DATE", "PAST_REF" if s.get("ago", -1) < 0 else "FUTURE_REF", None, "beyond the calendar"
    return None


def resolve(mentions: Iterable[Mention], text: str, published: dt.date) -> list[Timex]:
    """Resolve each mention against the publication date; unresolvable ones are dropped."""
    out: list[Timex] = []
    anchors: list[Timex] = []      # calendar expressions and spans that later ones may count from
    weekday: tuple[Timex, str] | None = None     # the weekday date just resolved, its way
    by_weekday = False             # was the last one a weekday ("Monday", "6am on Monday")?
    for mention in mentions:
        spec = dict(mention.spec)
        kind = spec["kind"]
        follows = weekday is not None and out[-1] is weekday[0]
        timed = weekday is not None and len(out) > 1 and out[-2] is weekday[0] \
            and out[-1].type == "TIME" and _SET_AT.fullmatch(text, weekday[0].end, out[-1].start)
        shared = weekday[1] if (follows or timed) and "weekday" in spec \
            and joined(text, out[-1].end, mention.start) else None   # "Thursday at 5am and Friday"
        if shared is None and "weekday" in spec and out and out[-1].period \
                and out[-1].period.granularity in ("day", "time") and out[-1].period.start != published \
                and joined(text, out[-1].end, mention.start):        # "tomorrow and Wednesday"
            shared = "future" if out[-1].period.start > published else "past"
        job = _Job(mention, text, published, anchors, shared)   # "Thursday and Friday"
        try:
            result = _KINDS[kind](job)
        except (ValueError, OverflowError):     # "2,500 years ago": before year 1
            result = _beyond_the_calendar(job)
        if result is None:
            continue
        type_, value, period, why = result
        mod = job.spec.get("mod") or job.spec.get("approx")
        timex = Timex(mention.start, mention.end, mention.text, type_, value, mention.rule,
                      f"DCT {published.isoformat()}; {why}", period, mod)
        if follows and "day" in spec and (text[weekday[0].end:mention.start] in (", ", " ")
                                          or text[weekday[0].end:mention.start] == " ("
                                          and text[mention.end:mention.end + 1] == ")"):
            # "Friday, April 25", "Friday (Jan 20)"
            merged = _with_weekday(weekday[0], timex, text, out[:-1], published)
            weekday, by_weekday = None, False
            part = out[-1].value.partition("T")[2]
            if not part or not merged.period or merged.period.granularity != "day":
                out[-1] = anchors[-1] = merged
                continue
            day = merged.period.start        # "Thursday night (June 27)": the night of that day,
            out[-1] = anchors[-1] = replace(  # and the day
                out[-1], value=f"{day.isoformat()}T{part}", period=Period(day, day, out[-1].period.granularity),
                anchor=f"{out[-1].anchor.split(';')[0]}; the day of '{timex.text}' beside it")
            timex = replace(timex, value=merged.value, period=merged.period, anchor=merged.anchor)
        if kind == "range_end" and "year" in spec and out and out[-1] is anchors[-1]:
            out[-1] = anchors[-1] = _in_year(out[-1], spec["year"])   # "March 3-5, 2012"
        elif kind == "date" and "year" in spec and "month" in spec and anchors and out[-1] is anchors[-1] \
                and out[-1].period and out[-1].period.granularity == ("day" if "day" in spec else "month") \
                and not _YEAR_WRITTEN.search(out[-1].text) and (_RANGE_TO.fullmatch(text, out[-1].end, mention.start)
                                                                or _OR.fullmatch(text, out[-1].end, mention.start)):
            first = out[-1].period.start      # "from February 17 to March 6, 2026", "late
            # February or early March of 2016"
            year = spec["year"] - ((first.month, first.day) > (spec["month"], spec.get("day", 1)))
            if first.year != year and (first.month, first.day) != (2, 29):
                out[-1] = anchors[-1] = _in_year(out[-1], year)
        named_weekday = "weekday" in spec and "month" not in spec and timex.period is not None
        if named_weekday and kind == "date" and "day" not in spec and "part" not in spec and out and _APPOSITION.fullmatch(text, out[-1].end, mention.start) \
                and out[-1].period and out[-1].period.granularity == "day" \
                and out[-1].period.start.weekday() == spec["weekday"] - 1:
            day = out[-1].period.start       # "The next day, Saturday, ...": that day
            timex = replace(timex, value=day.isoformat(), period=Period(day, day, "day"),
                            anchor=f"{timex.anchor.split(';')[0]}; {_APPOSED} '{out[-1].text}'")
        if out and timex.period and timex.period.granularity == "day" and "weekday" not in spec \
                and out[-1].period and WEEKDAY_NAME.fullmatch(out[-1].text) \
                and text[out[-1].end:mention.start] in ("'s ", "’s ") \
                and out[-1].period.start != timex.period.start \
                and out[-1].period.start.weekday() == timex.period.start.weekday():
            day, first = timex.period.start, out[-1]    # "Thursday's Fourth of July holiday": that day
            out[-1] = replace(first, value=day.isoformat(), period=Period(day, day, "day"),
                              anchor=f"{first.anchor.split(';')[0]}; {_APPOSED} '{timex.text}'")
            if anchors and anchors[-1] is first:
                anchors[-1] = out[-1]
        if named_weekday and by_weekday and "week_rel" in spec:
            # "from Wednesday until Friday next week": the first day is of that week too
            first, end = out[-1], timex.period.start
            if _RANGE_TO.fullmatch(text, first.end, mention.start):
                day = end - dt.timedelta(days=(end.weekday() - first.period.start.weekday()) % 7)
                out[-1] = replace(first, value=day.isoformat() + first.value[10:], period=day_period(day),
                                  anchor=f"{first.anchor.split(';')[0]}; in the week of '{timex.text}'")
                if anchors and anchors[-1] is first:
                    anchors[-1] = out[-1]
        elif named_weekday and by_weekday:
            first = out[-1]
            range_to = _RANGE_TO.fullmatch(text, first.end, mention.start)
            if range_to or _next_days(first, timex, text):
                timex = _range_end_weekday(timex, first.period.start)
            week, earlier = dt.timedelta(days=7), None
            if range_to and "and" not in range_to.group() and first.period.start == published < timex.period.start \
                    and tense(text, first.start, first.end) == "past" \
                    and not _NOTICE.search(text, max(0, first.start - 80), first.start) \
                    and not _TO_RUN.search(text, max(0, first.start - 30), first.start):
                # "ran from Friday to Sunday", told that Friday: the week before (not a
                # notice's: "issued a watch from noon Saturday through Sunday evening")
                earlier = published - week
            elif range_to and first.period.start - week < published < timex.period.start - week \
                    and tense(text, first.start, first.end) == "future" \
                    and not _TO_BEGIN.search(text, max(0, first.start - 30), first.start):
                # "will shop from Thursday through Sunday", told on the Friday between: this week's
                earlier = first.period.start - week
            if earlier is not None:
                out[-1] = _range_end_weekday(first, earlier)
                if anchors and anchors[-1] is first:
                    anchors[-1] = out[-1]
                timex = _range_end_weekday(timex, out[-1].period.start)
        by_weekday = named_weekday
        if kind == "date" and "weekday" in spec and "month" not in spec and "day" not in spec:
            way = job.tense if job.tense != "unknown" else \
                "future" if timex.period.start > published else "past"
            weekday = (timex, way)
        elif not (weekday and follows and type_ == "TIME" and _SET_AT.fullmatch(text, out[-1].end, mention.start)):
            weekday = None                   # (kept past its clock time: "Thursday at 5am")
        out.append(timex)
        flashback = kind == "anaphoric" and -1 in (spec.get("rel"), spec.get("before_after")) \
            or "later" in spec or "earlier" in spec     # "Three decades later, her file fills eleven
                                                        # boxes": a glance ahead, the story stays put
        if kind in ("date", "relative", "anaphoric", "duration", "shift") and not flashback \
                or kind == "time" and not timex.anchor.endswith(CLOCK_ON_DCT):   # "10pm on Friday"
            if not _IN_ZONE_BRACKET.search(text, max(0, mention.start - 40), mention.start):
                anchors.append(timex)       # (not "the previous night": the story stays put; nor
                                            # "6:00 am (1900 GMT Tuesday)", another zone's day)
    _recurring_clock_times(out, text)
    _clock_times_on_dates(out, text)
    _dates_then_clock_times(out, text)
    _day_headings(out, text, published)
    _quoted_days(out, text, published)
    _attach_clock_times(out, text)
    _standing_hours(out, text)
    _narrative_clock_times(out, text, published)
    _clock_range_ends(out, text)
    _weekends_of_days(out, text)
    _days_beside(out, text)
    return _split_at_on(out, text)


def _weekends_of_days(out: list[Timex], text: str) -> None:
    """"the weekend of August 17-18": one expression, the weekend of that day."""
    for i in range(len(out) - 1, 0, -1):
        weekend, day = out[i - 1], out[i]
        if weekend.value.endswith("-WE") and weekend.rule == "weekend" and text[weekend.end:day.start] == " of " \
                and day.period and day.period.granularity == "day":
            value, period = _weekend_of(day.period.start)
            out[i - 1:i + 1] = [replace(weekend, end=day.end, text=text[weekend.start:day.end], value=value, period=period,
                                        anchor=f"{weekend.anchor.split(';')[0]}; the weekend of that day")]


def _days_beside(out: list[Timex], text: str) -> None:
    """"the day after Thanksgiving", "the day before July 4": one expression, the day
    before or after the day it names."""
    for i, timex in enumerate(out):
        beside = _DAY_BESIDE.search(text, max(0, timex.start - 16), timex.start)
        if beside and timex.type == "DATE" and timex.period and timex.period.granularity == "day":
            day = timex.period.start + dt.timedelta(days=1 if beside.group(1).lower() == "after" else -1)
            start = beside.start()
            out[i] = replace(timex, start=start, text=text[start:timex.end], value=day.isoformat(),
                             period=day_period(day), anchor=f"{timex.anchor.split(';')[0]}; the day "
                                                            f"{beside.group(1).lower()} '{timex.text}'")


_DAY_BESIDE = re.compile(r"\bthe day (after|before) $", re.I)
_ON_DAY = re.compile(r"\s+on\s+")


def _split_at_on(out: list[Timex], text: str) -> list[Timex]:
    """"3 a.m. on Feb. 14", "10pm on Friday": TimeML leaves the preposition out of both
    expressions, so the clock time (with its day's value) and the day are two TIMEX3s.
    (The timeline draws them as one event again.)"""
    split = []
    for timex in out:
        on = _ON_DAY.search(timex.text) if timex.type == "TIME" and timex.period else None
        if on is None or not _CLOCK.search(timex.value) or timex.period.granularity != "time":
            split.append(timex)
            continue
        day, date_start = timex.period.start, timex.start + on.end()
        split.append(replace(timex, end=timex.start + on.start(), text=timex.text[:on.start()]))
        split.append(replace(timex, start=date_start, text=text[date_start:timex.end], type="DATE",
                             value=day.isoformat(), period=day_period(day)))
    return split
