"""Sentences and event descriptions: each dated expression becomes an Event.

`sentence_spans` splits text into sentences (char offsets into the text), `describe`
turns the sentence around an expression into a short description of what happened,
`build_events` does both for every resolved expression of an article's body.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .models import Article, Event, Timex

MAX_DESCRIPTION = 120       # characters, the ellipsis included
SHORT_LINE = 60             # a line shorter than this ends its sentence at a line break

# Words that end with a period without ending the sentence (case-sensitive).
ABBREVIATIONS = frozenset("""
    Mr Mrs Ms Messrs Mme Dr Prof Gen Lt Col Maj Capt Sgt Adm Cmdr Sen Rep Gov Pres Rev Hon
    St Mt Ft Ave Blvd Rd Dept Univ Jr Sr Inc Co Corp Ltd Bros Assn
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    vs etc approx cf al est
""".split())
NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "no", "Art", "Vol", "Fig", "pp"})  # before a digit

_TERMINAL = re.compile(r"(?:[.!?]+|…)[\"”’')\]]*(?=\s)")
_OPENERS = "\"“‘'`([—–-•*"
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# a line shorter than SHORT_LINE that does not run on (no comma, colon or hyphen at its end)
_SHORT_LINE_END = re.compile(r"(?m)^[^\n]{0,%d}[^\s,;:(\-–—][ \t\r]*\n" % (SHORT_LINE - 2))

SUBORDINATORS = ("ever since", "even though", "even as", "even if", "since", "while",
                 "when", "whenever", "after", "before", "as", "although", "though",
                 "because", "once", "until", "whereas")
CONNECTIVES = ("meanwhile", "however", "but", "and", "also", "so", "yet", "still",
               "separately", "additionally", "in addition", "moreover", "furthermore",
               "indeed", "instead", "then")
PREPOSITIONS = ("as of", "on", "in", "at", "during", "since", "over", "by", "from", "for",
                "until", "till", "through", "throughout", "within", "around", "before",
                "after")


def _words(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# "as" is no subordinator in "as of", "as well", "as many as" ...
_NOT_AFTER_SUBORDINATOR = r"(?!(?:of|well|many|much|part|such|far|long|soon|usual|a result)\b)"
_SUBORDINATOR = rf"(?:{_words(SUBORDINATORS)})\s+{_NOT_AFTER_SUBORDINATOR}"
_CONNECTIVE = rf"(?:{_words(CONNECTIVES)})\b\s*,?\s*"
_SUBORDINATE_START = re.compile(rf"(?:{_CONNECTIVE})?{_SUBORDINATOR}", re.I)
_CLAUSE_BREAK = re.compile(rf"\s*;\s+|\s+[—–]\s+|,\s+(?={_SUBORDINATOR})", re.I)
_LEADING_LINK = re.compile(rf"^(?:{_CONNECTIVE})*(?:{_SUBORDINATOR})?", re.I)
_COMMA = re.compile(r",\s+")
_FOLLOWING = re.compile(r"\s*(\S?)")
# A list item: a bullet ("- ", "+ ", "* ", "• ", "– ", "— ") or a number ("1. ", "2) ") that
# opens a line.
_LIST_ITEM = re.compile(r"(?m)^[ \t]*((?:[-+*•–—]|\d{1,3}[.)])[ \t]+)(?=\S)")
_LOWER_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]|" + "|".join(
    ("etc", "approx", "cf", "al", "est", "vs", "no")))
_DIGIT_AFTER = re.compile(r"\s*\d")
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_words(PREPOSITIONS)})\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"^[’']s?\b")


# -- sentences ----------------------------------------------------------------------------

def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], without surrounding whitespace.

    Blank lines always end a sentence; so does a line break after a short line (a
    heading, a caption), or after a line that ends a sentence, but not one inside a
    hard-wrapped paragraph. A list item ("- ", "* ", "• ", "1. ", "2) " at the start of a
    line) starts a sentence, and its marker is no part of it.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cut = start
    for brk in _paragraph_breaks(text, start, end) + [(end, end)]:
        for s, e in _paragraph_sentences(text, cut, brk[0]):
            spans.append(_without_marker(text, *_strip(text, s, e)))
        cut = brk[1]
    return [(s, e) for s, e in spans if s < e]


def _paragraph_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH.finditer(text, start, end)]


def _paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    markers = set()
    for m in _LIST_ITEM.finditer(text, start, end):   # a list item starts a sentence
        cuts.append(m.start())
        markers.update(range(m.start(1), m.end(1)))
    for m in _TERMINAL.finditer(text, start, end):
        if m.start() in markers:                     # the "1." of a numbered item
            continue
        if _starts_sentence(text, m.end(), end) or _line_break_after(text, m, end):
            if not _abbreviation(text, m):
                cuts.append(m.end())
    for m in _SHORT_LINE_END.finditer(text, start, end):
        if _starts_sentence(text, m.end(), end):     # a heading or caption line
            cuts.append(m.end())
    cuts = sorted(set(cuts)) + [end]
    return list(zip(cuts, cuts[1:]))


def _line_break_after(text: str, m: re.Match, end: int) -> bool:
    """Does a line break follow the sentence punctuation `m` (its line ends a sentence)?

    Not after a lower-case abbreviation ("5 p.m." before a line going on in lower case)."""
    gap = _FOLLOWING.match(text, m.end(), end)
    if "\n" not in text[m.end():gap.start(1)] or not gap.group(1):
        return False
    if gap.group(1).islower() and m.group().startswith("."):
        word = re.search(r"\S*$", text[max(0, m.start() - 20):m.start()]).group()
        return not _LOWER_ABBREVIATION.fullmatch(word)
    return True


def _without_marker(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the list marker that opens it at the start of a line."""
    line_start = start
    while line_start > 0 and text[line_start - 1] in " \t":
        line_start -= 1
    if line_start > 0 and text[line_start - 1] != "\n":
        return start, end                   # not at the start of a line
    m = _LIST_ITEM.match(text, line_start, end)
    return (m.end(), end) if m and m.start(1) == start else (start, end)


def _starts_sentence(text: str, position: int, end: int) -> bool:
    """Does text[position:end], after whitespace, begin like a sentence?"""
    following = _FOLLOWING.match(text, position, end).group(1)
    return bool(following) and (following.isupper() or following.isdigit()
                                or following in _OPENERS)


def _abbreviation(text: str, m: re.Match) -> bool:
    """Is the period matched by `m` part of an abbreviation ("Mr.", "U.S.", "No. 5")?"""
    punct = m.group()
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word = re.search(r"[^\s\"“‘'`(\[]*$", text[max(0, m.start() - 40):m.start()]).group()
    if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", word):
        return True                         # "Mr. Austin", "J. Smith", "U.S. troops"
    return word in NUMBER_ABBREVIATIONS and bool(_DIGIT_AFTER.match(text, m.end()))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


# -- descriptions -------------------------------------------------------------------------

def describe(text: str, sentence: tuple[int, int], timex: Timex) -> str:
    """A short description of the event: the expression's clause without the date words."""
    s_start, s_end = sentence
    t_start, t_end = max(timex.start, s_start) - s_start, min(timex.end, s_end) - s_start
    sent = text[s_start:s_end]
    c_start, c_end = _clause(sent, t_start)
    clause = _without_date(sent[c_start:c_end], t_start - c_start, t_end - c_start)
    description = _tidy(_LEADING_LINK.sub("", _tidy(clause)))
    if len(description.split()) < 2:        # the clause was little more than the date
        description = _tidy(_LEADING_LINK.sub("", _tidy(_without_date(sent, t_start, t_end))))
    if len(description.split()) < 2:
        description = _tidy(sent)
    return _shorten(_capitalise(description))


def _clause(sentence: str, position: int) -> tuple[int, int]:
    """The clause of `sentence` that holds `position`, split at subordinate clauses."""
    cuts = {m.span() for m in _CLAUSE_BREAK.finditer(sentence)}
    lead = _SUBORDINATE_START.match(sentence)
    if lead:                                # "Ever since X happened, Y did": a break at ", "
        comma = _COMMA.search(sentence, lead.end())
        if comma:
            cuts.add(comma.span())
    bounds = [0] + sorted(e for _, e in cuts)
    ends = sorted(s for s, _ in cuts) + [len(sentence)]
    i = max(bisect.bisect_right(bounds, position) - 1, 0)
    return bounds[i], max(ends[i], bounds[i])


def _without_date(clause: str, start: int, end: int) -> str:
    """`clause` with the expression (and its preposition) removed; a possessive -> "the"."""
    start, end = max(start, 0), min(end, len(clause))
    before, after = clause[:start], clause[end:]
    possessive = _POSSESSIVE_AFTER.match(after)
    if possessive:                          # "Monday's meeting" -> "the meeting"
        return before + "the" + after[possessive.end():]
    before = _PREPOSITION_BEFORE.sub("", before)
    if re.search(r",\s*$", before) and re.match(r"\s*,", after):
        if before.strip(" ,"):              # "The minister, on Monday, said"
            before, after = before.rstrip(" ,") + " ", after.lstrip(" ,")
    return before + " " + after


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,;:.!?])", r"\1", s)
    s = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    return s.strip(" ,;:.—–-")


def _capitalise(s: str) -> str:
    for i, ch in enumerate(s[:3]):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


def _shorten(s: str, limit: int = MAX_DESCRIPTION) -> str:
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    head = s[:cut if cut > limit // 2 else limit - 1]
    return head.rstrip(" ,;:.—–-") + "…"


# -- events -------------------------------------------------------------------------------

def build_events(article: Article, timexes: Sequence[Timex]) -> tuple[Event, ...]:
    """One Event per dated expression of the body, in chronological order."""
    lo, hi = article.body if article.body is not None else (0, len(article.text))
    spans = sentence_spans(article.text, lo, hi)
    starts = [s for s, _ in spans]
    events = []
    for timex in timexes:
        if timex.period is None or timex.start < lo or timex.end > hi:
            continue
        sentence = _sentence_of(spans, starts, timex)
        events.append(Event(
            timex=timex, period=timex.period,
            description=describe(article.text, sentence, timex),
            sentence=" ".join(article.text[sentence[0]:sentence[1]].split())))
    return tuple(sorted(events, key=lambda e: (e.period.start, e.period.end, e.timex.start)))


def _sentence_of(spans: list[tuple[int, int]], starts: list[int],
                 timex: Timex) -> tuple[int, int]:
    """The sentence holding the expression's start (the expression itself if none does)."""
    i = bisect.bisect_right(starts, timex.start) - 1
    if i >= 0 and timex.start < spans[i][1]:
        return spans[i][0], max(spans[i][1], timex.end)
    return timex.start, timex.end
