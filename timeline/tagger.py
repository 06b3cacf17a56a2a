"""Find temporal expressions in text. The tagger never sees the publication date:
it returns mentions whose specs are underspecified ("Sunday", "last + month") for
the resolver to anchor."""
from __future__ import annotations

import re
from functools import lru_cache

from .grammar.loader import DIGITS, Grammar, load
from .models import Mention, Timex
from .periods import SMALLER, Written

# Group name -> (spec field, lexicon table) for groups read through the lexicon.
_TABLES = {"month": ("month", "month"), "month_name": ("month", "month"), "may": ("month", "may"),
           "weekday": ("weekday", "weekday"), "ordinal": ("ordinal", "ordinal"),
           "unit": ("unit", "unit"), "part": ("part", "part"), "season": ("season", "season"),
           "season_plural": ("season", "season_plural"),
           "mod": ("mod", "mod"), "rel": ("rel", "rel"), "ago": ("ago", "ago"),
           "approx": ("approx", "approx"), "fraction": ("fraction", "fraction"),
           "before_after": ("rel", "before_after"), "decade_words": ("decade", "decade_words"),
           "adverb": ("unit", "adverb"), "day_word": ("rel", "day_word"), "hour_word": ("hour", "hour_word"),
           "minute_word": ("minute", "minute_word"),
           "clock_word": ("hour", "clock_word"), "holiday": ("holiday", "holiday"),
           "year_words": ("year", "year_words"), "era": ("era", "era"),
           "weekdays": ("weekday", "weekdays"), "parts": ("part", "parts"),
           "year_part": ("year_part", "year_part"), "tail_unit": ("tail_unit", "unit"),
           "tail2_unit": ("tail2_unit", "unit"),
           "day_ordinal": ("day", "ordinal"), "nth": ("num", "nth"), "nth_of": ("nth_of", "ordinal"),
           "week_rel": ("week_rel", "rel")}
_INT_GROUPS = {"day": "day", "dd": "day", "mm": "month", "year": "year", "hour": "hour",
               "minute": "minute", "first": "first", "second": "second", "range_hour": "range_hour"}


def _number(grammar: Grammar, text: str):
    if text.endswith((" 1/2", "-1/2")):
        return _number(grammar, text[:-4].strip()) + 0.5
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return Written(digits) if "." in digits else int(digits)
    found = grammar.lookup("number", text)
    if found is None and text.lower().endswith((" hundred", " thousand")):     # "two thousand"
        count, scale = text.rsplit(" ", 1)
        found = _number(grammar, count)
        return found * grammar.lookup("number", scale) if isinstance(found, int) else None
    if found is None and "-" in text:          # "twenty-five"
        parts = [grammar.lookup("number", p) for p in text.split("-")]
        if all(isinstance(p, int) for p in parts):
            found = sum(parts)
    return found


def _field(grammar: Grammar, group: str, text: str) -> tuple[str, object] | None:
    """Read one matched group as a (spec field, normalised value) pair."""
    word = text.lower()
    if group in _TABLES:
        field, table = _TABLES[group]
        value = grammar.lookup(table, word)
        if value is None and group == "ordinal" and word.isdigit():
            value = int(word)
        if value is None and group == "unit" and word == "period":
            value = "period"
        return field, value
    if group in _INT_GROUPS:
        return _INT_GROUPS[group], int(re.sub(r"(?:st|nd|rd|th)$", "", word))
    if group == "span_yy":
        return "span_yy", int(word)
    if group == "yy":
        yy = int(word.strip("'’"))
        return "year", 1900 + yy if yy >= 30 else 2000 + yy
    if group in ("num", "tail_num", "tail2_num"):
        return group, _number(grammar, text)
    if group == "half":
        return "half", 1 if word in ("first", "1st") else 2
    if group == "decade":
        return "decade", int(re.sub(r"\D", "", word)) // 10
    if group == "decade_yy":
        return "decade", 190 + int(re.sub(r"\D", "", word)) // 10
    if group == "century":
        return "century", int(re.sub(r"\D", "", word)) - 1
    if group == "century_ordinal":
        return "century", grammar.lookup("ordinal", word) - 1
    if group == "ampm":         # "p.m.", or the afternoon, evening or night of "2:46 in the afternoon"
        return "ampm", "pm" if word.startswith(("p", "af", "ev", "ni")) else "am"
    if group == "zone":
        return "zone", text.upper()
    if group == "century_word":
        return "century_word", 1900 if word == "nineteen" else 2000
    if group == "year_tail":
        return "year_tail", _number(grammar, text)
    if group in ("ending", "fiscal", "began", "later", "earlier"):
        return group, True
    if group == "at":                   # "50 years ago this week"
        return "at", word
    if group == "at_day":               # "40 years ago today"
        return "at", "day"
    raise ValueError(f"no reading for group {group!r}")


CONTEXT_REACH = 120   # characters either side in which a rule's `near` word must stand


_PARAGRAPH = re.compile(r"\n\s*\n")


def _in_context(grammar: Grammar, table: str, text: str, start: int, end: int) -> bool:
    """Is a word of lexicon `table` within CONTEXT_REACH of [start, end), in its paragraph?"""
    lo, hi = max(0, start - CONTEXT_REACH), end + CONTEXT_REACH
    breaks = [m.span() for m in _PARAGRAPH.finditer(text, lo, hi)]
    lo = max([b for _, b in breaks if b <= start], default=lo)
    hi = min([a for a, _ in breaks if a >= end], default=hi)
    return bool(_table_regex(tuple(grammar.lexicon[table])).search(text, lo, hi))


@lru_cache(maxsize=None)
def _table_regex(words: tuple[str, ...]) -> re.Pattern:
    """One regex for the words of a lexicon table."""
    words = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def _spec(grammar: Grammar, rule, match: re.Match) -> tuple[tuple[str, object], ...] | None:
    spec = dict(rule.fields)
    near = spec.pop("near", None)
    if near and not _in_context(grammar, near, match.string, match.start(), match.end()):
        return None                     # "scored in the second half": no results nearby
    spec["kind"] = rule.kind
    groups = match.groupdict()
    if (groups.get("unit") or "").lower().endswith("s"):
        spec["plural"] = True
    for group, text in groups.items():
        if text is None:
            continue
        read = _field(grammar, group.split("__")[0], text)
        if read is not None and read[1] is not None:
            spec.setdefault(read[0], read[1])
    if "century_word" in spec:              # "nineteen ninety-six"
        spec["year"] = spec.pop("century_word") + spec.pop("year_tail")
    if "year_part" in spec:                 # "the first half", "the last three months"
        part = spec.pop("year_part")
        spec["half" if part[0] == "H" else "quarter"] = int(part[1])
    if spec.pop("back", False):             # "two summers ago": the second back
        spec["rel"] = -spec.pop("num")
    if spec.get("unit") == "fortnight":     # two weeks
        spec["unit"] = "week"
        if isinstance(spec.get("num", 1), (int, float)):
            spec["num"] = spec.get("num", 1) * 2
    if "fraction" in spec:
        spec["num"] = spec.get("num", 1) + spec.pop("fraction")
    if "tail_num" in spec:                  # "two hours and 20 minutes": 2 1/3 hours
        unit, scale = spec.get("unit"), 1
        for tail in ("tail", "tail2"):          # "2 hours, 4 minutes, 11 seconds"
            if tail + "_num" not in spec:
                break
            num, tail_unit = spec.pop(tail + "_num"), spec.pop(tail + "_unit")
            smaller, per = SMALLER.get(unit, (None, 1))
            if tail_unit != smaller or not isinstance(num, int) or not isinstance(spec.get("num"), (int, float)):
                break
            unit, scale = smaller, scale * per
            spec["num"] += num / scale
    if "span_yy" in spec:                   # "2013-14": the years a season spans
        yy, year = spec.pop("span_yy"), spec["year"]
        if yy != (year + 1) % 100:
            return None                         # not the next year: no season
        spec["through_year"] = year + 1
    if spec.pop("quarter_of_month", False):     # "the December quarter", "the holiday quarter"
        spec["quarter"] = (spec.pop("month", 12) + 2) // 3
    if rule.kind == "date" and "ordinal" in spec and "half" not in spec:
        spec["quarter"] = spec.pop("ordinal")
    return tuple(sorted(spec.items()))


WINDOW = 24   # characters around a trigger word that a match may reach ("the early part of the ")
NEGATIVE_REACH = 80   # characters a negative match may reach beyond a candidate ("more than 1500 people")
_WORD_END = re.compile(r"\W|$")


def _windows(text: str, grammar: Grammar) -> list[tuple[int, int, set[str]]]:
    """The stretches of text near trigger words, merged, each with the trigger words it
    holds. A match of a rule contains a word of the rule's vocabulary, so the rule need
    only scan the windows holding one. A window ends after a whole word (at most
    WINDOW more characters), so no match is cut short at its end."""
    windows: list[list] = []
    for m in grammar.trigger.finditer(text):
        start, end = max(0, m.start() - WINDOW), m.end() + WINDOW
        stop = _WORD_END.search(text, min(end, len(text)), end + WINDOW)
        end = stop.start() if stop else min(len(text), end + WINDOW)
        word = DIGITS if m.group()[0].isdigit() else m.group().lower()
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
            windows[-1][2].add(word)
        else:
            windows.append([start, end, {word}])
    return [(start, end, words) for start, end, words in windows]


def _near(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of text a negative match overlapping one of `matches` (sorted by
    start) can span: each widened by NEGATIVE_REACH on both sides, overlaps merged."""
    spans: list[list[int]] = []
    for start, end in matches:
        start, end = max(0, start - NEGATIVE_REACH), end + NEGATIVE_REACH
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [(start, end) for start, end in spans]


def _marked(m: re.Match) -> list[tuple[int, int]]:
    """What a negative match rules out: its named groups if it has any (the rest of the
    match is context: "touchdown passes in [the third quarter]"), else all of it."""
    groups = [m.span(name) for name, value in m.groupdict().items() if value is not None]
    return groups or [m.span()]


def tag(text: str, grammar: Grammar | None = None) -> list[Mention]:
    """Every temporal expression in `text`, in text order, none overlapping.

    Where matches overlap, the longer one wins, then the rule listed first.
    """
    grammar = grammar or load()
    windows = _windows(text, grammar)
    candidates = []
    for order, rule in enumerate(grammar.rules):
        for start, end, words in windows:
            if rule.vocabulary.isdisjoint(words):
                continue
            for match in rule.regex.finditer(text, start, end):
                if match.end() > match.start():
                    candidates.append((match.start() - match.end(), order, match, rule))
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start()))
    taken = bytearray(len(text))        # 1 where a negative rule or a mention has matched
    # a negative match that matters overlaps a candidate: scan only near them
    for start, end in _near(sorted(c[2].span() for c in candidates)):
        words = {DIGITS if w[0].isdigit() else w.lower() for w in grammar.negative_trigger.findall(text, start, end)}
        for (_, regex, _), vocabulary in zip(grammar.negatives, grammar.negative_vocabulary):
            if vocabulary and vocabulary.isdisjoint(words):
                continue
            for m in regex.finditer(text, start, end):
                for a, b in _marked(m):
                    taken[a:b] = b"\x01" * (b - a)
    mentions = []
    for _, _, match, rule in candidates:
        start, end = match.span()
        if taken.find(1, start, end) != -1 or _LINE_ENDED.search(text, start, end):
            continue
        spec = _spec(grammar, rule, match)
        if spec is None:                # the match reads as no expression ("2009-12")
            continue
        taken[start:end] = b"\x01" * (end - start)
        mentions.append(Mention(start, end, match.group(), rule.name, spec))
    mentions.sort(key=lambda m: m.start)
    return [m for i, m in enumerate(mentions) if dict(m.spec)["kind"] != "range_end"
            or (i and joined(text, mentions[i - 1].end, m.start))]


# A line ending on a period inside a match: "... news conference, 11:30 a.m.\nSaturday: ..."
# is a list's entries, not one expression.
_LINE_ENDED = re.compile(r"\.[^\S\n]*\n")

JOINS = {"", "-", "–", "and", "or", "to", "through"}


def day_heading(text: str, timex: Timex) -> bool:
    """Whether the expression is a day on a line of its own, a live blog's heading
    ("Saturday 9 November")."""
    if timex.type != "DATE" or not timex.period or timex.period.granularity != "day":
        return False
    start = text.rfind("\n", 0, timex.start) + 1
    end = text.find("\n", timex.end)
    return not text[start:timex.start].strip() \
        and not text[timex.end:None if end < 0 else end].strip(" \t\r.:")


LATER = re.compile(r" (later|earlier)\b(?! than\b)", re.I)    # "Two days later": when, too


def joined(text: str, end: int, start: int) -> bool:
    """Do an expression ending at `end` and the next, starting at `start`, make a range
    or a list ("Nov. 6-7", "April 24 and 25", "Thursday, Friday")?"""
    return text[end:start].replace(",", " ").strip() in JOINS
