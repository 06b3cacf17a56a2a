"""The tense of the sentence around an expression, and the occurrence of a yearless
date ("7 October", "the third quarter") that the tense picks."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .models import Period

# The present tense of a scheduled event reads as future in news: "Parliament meets on
# Monday", "the sale starts at 9 a.m. Tuesday".
_FUTURE = re.compile(r"\b(?:will|shall|won't|'ll|going to|plans? (?:to|for)|planned for|planning to|"
                     r"scheduled|expected (?:to|in|by|on)|expects to|is to|are to|due (?:to|in|on|by)|to be held|"
                     r"would|upcoming|intends? to|set to|"
                     r"(?:starts|begins|opens|closes|ends|resumes|meets|announces|publishes|releases|"
                     r"hosts|plays|faces|turns|goes on sale|takes effect|takes place|kicks off))\b", re.I)
# A lower-case -ed word, unless a form of "be" makes it a participle ("will be named"):
# "United" is no verb, and the auxiliary carries the tense. Common irregular pasts
# too, but not those spelt like their present (cut, hit, put, set).
_PAST = re.compile(r"\b(?:(?i:said|says|was|were|had|did|told|has been|have been)|"
                   r"(?:rose|fell|won|lost|spoke|went|came|took|made|began|met|saw|gave|left|ran|"
                   r"got|held|led|paid|sent|sold|stood|struck|thought|wrote|grew|drew|knew|found|"
                   r"brought|bought|fought|caught|built|became|broke|chose|drove|flew|froze|hid|"
                   r"kept|meant|rode|rang|sank|shot|sang|slept|stole|swore|swept|threw|woke|wore|"
                   r"withdrew|struck|spent|sought|taught|understood|arose|forgot|overtook)|"
                   r"(?<!\bbe )(?<!\bis )(?<!\bare )[a-z]\w+ed)\b")
# A deadline looks ahead whatever the verb: "until mid-November", "by February".
_DEADLINE = re.compile(r"\b(?:until|till|through|by)\s+$", re.I)
MAX_TENSE_GAP_DAYS = 300
REPORTING_LAG_DAYS = 92
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), at most 400 characters each side: a cheap
    splitter, good enough for tense."""
    left = max(0, start - 400)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, end + 400)
    return left, (m.start() + 1 if m else min(len(text), end + 400))


def tense(text: str, start: int, end: int) -> str:
    """'future', 'past' or 'unknown': the nearest tense marker in the mention's sentence."""
    if _DEADLINE.search(text, max(0, start - 8), start):
        return "future"
    left, right = sentence_bounds(text, start, end)
    best = None
    for kind, regex in (("future", _FUTURE), ("past", _PAST)):
        for m in regex.finditer(text, left, right):
            if start <= m.start() < end:
                continue                     # the expression's own words ("last")
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else "unknown"


def pick(dct: dt.date, candidate: Callable[[int], Period | None], how: str) -> Period | None:
    """Choose the occurrence of a yearless period by tense.

    past: the latest that has started by the DCT; future: the first that has not ended
    before the DCT; unknown, or a day or month picked by tense more than
    MAX_TENSE_GAP_DAYS away: the one nearest to the DCT.
    """
    options = [p for p in (candidate(dct.year + k) for k in (-1, 0, 1)) if p]
    if not options:
        return None

    def gap(p: Period) -> int:
        return 0 if p.start <= dct <= p.end else min(abs((p.start - dct).days), abs((p.end - dct).days))
    nearest = min(options, key=gap)
    if how == "past":
        started = [p for p in options if p.start <= dct]
        chosen = started[-1] if started else options[0]
    elif how == "future":
        # A quarter is still reported on (in the future tense) for a season after it ends.
        lag = dt.timedelta(days=REPORTING_LAG_DAYS if options[0].granularity == "quarter" else 0)
        ahead = [p for p in options if p.end + lag >= dct]
        chosen = ahead[0] if ahead else options[-1]
    else:
        return nearest
    # A tense guess that puts a day or month more than ten months from the DCT gives way
    # to the nearest reading.
    if chosen.granularity in ("day", "month") and gap(chosen) > MAX_TENSE_GAP_DAYS:
        return nearest
    return chosen

