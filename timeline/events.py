"""Sentences and event descriptions: each dated expression becomes an Event.

`sentence_spans` splits text into sentences (char offsets into the text), `describe`
turns the sentence around an expression into a short description of what happened,
`build_events` does both for every dated expression of an article's body, and
`past_references` for its vague past ones.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from .models import Article, Event, Period, Timex, chronological
from .tagger import LATER, day_heading

MAX_DESCRIPTION = 120       # characters, the ellipsis included
MAX_SENTENCE = 1000         # a longer "sentence" (a text without stops) is cut around the date
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
# "and" joining two statements: after a comma, or before a verb in the past
_FINITE = (r"(?:[a-z]+ed|was|were|had|has|won|lost|led|became|took|made|got|went|came|left|began|spent"
           r"|wrote|saw|gave|sold|bought)\b")
_COORDINATION = re.compile(rf",\s+(?:and|but)\s+|\s+and\s+(?={_FINITE})")
# ... and a subordinate clause with a subject and a verb of its own ("returned on Wednesday
# after union leaders accepted the offer on Tuesday"); not "before resuming at 7 p.m.", nor
# a span from the other date ("two days after police raided"), nor "after a session that ran"
_SUBORDINATE = re.compile(rf"(?<!\bshortly)(?<!\bjust)(?<!\bsoon)(?<!\blong)(?<!s)(?<!\bday)(?<!\bweek)"
                          rf"(?<!\bmonth)(?<!\byear)\s+(?=(?:after|before|when|while|until|because|once)\s+"
                          rf"(?![a-z]+ing\b)(?:(?!(?:that|which|who)\b)[\w’'-]+\s+){{1,4}}?{_FINITE})")
# "said on Tuesday that the bridge will reopen next month": next month's event is the
# reopening (not in a relative clause: "Obama, who said on Thursday that ..., is expected")
_REPORTED = re.compile(r"(?<!\bwho )(?<!\bwhich )\b(?:said|says|announced|reported|confirmed|warned|told)\b"
                       r"(?:\s+(?:on|in|at|late|early|earlier|this|last|a|statement|reporters|journalists|analysts"
                       r"|delegates|week|month|year|morning|afternoon|evening|night|[A-Z][\w.]*|\d+\w*),?)*"
                       r"(\s+that\s+)")
_FOLLOWING = re.compile(r"\s*(\S?)")
# A list item: a bullet ("- ", "+ ", "* ", "• ", "– ", "— ") or a number ("1. ", "2) ") that
# opens a line.
_LIST_ITEM = re.compile(r"(?m)^[ \t]*((?:[-+*•–—]|\d{1,3}[.)])[ \t]+)(?=\S)")
_LOWER_ABBREVIATION = re.compile(r"(?:[a-z]\.)+[a-z]|" + "|".join(
    ("etc", "approx", "cf", "al", "est", "vs", "no")))
_DIGIT_AFTER = re.compile(r"\s*\d")
_ZONE_AFTER = re.compile(r"\s*(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|AEST|AEDT|IST|JST|Eastern|Central"
                         r"|Mountain|Pacific|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                         r"|Thanksgiving|Christmas|New Year['’]s|Easter|Halloween|Election Day"
                         r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d)\b")
# a zone, a day, a holiday, a date: "at 6 a.m. Thanksgiving morning", "at 10 a.m. Jan. 15"
_PREPOSITION_BEFORE = re.compile(rf"\b(?:(?:early|late)\s+)?(?:{_words(PREPOSITIONS)})\s+$", re.I)
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
            if not abbreviation(text, m):
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


def abbreviation(text: str, m: re.Match) -> bool:
    """Is the period matched by `m` part of an abbreviation ("Mr.", "U.S.", "No. 5")?"""
    punct = m.group()
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word = re.search(r"[^\s\"“‘'`(\[]*$", text[max(0, m.start() - 40):m.start()]).group()
    if word in ABBREVIATIONS or re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", word):
        return True                         # "Mr. Austin", "J. Smith", "U.S. troops"
    if re.fullmatch(r"[ap]\.m", word, re.I) and _ZONE_AFTER.match(text, m.end()):
        return True                         # "at 5:45 a.m. ET, the centre said"
    return word in NUMBER_ABBREVIATIONS and bool(_DIGIT_AFTER.match(text, m.end()))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


# -- descriptions -------------------------------------------------------------------------
#
# The date words are cut out of the description only where the clause stays grammatical:
# at its start ("On Sunday, X did Y" -> "X did Y"), at its end ("X did Y on Sunday", "X
# reported on Monday that ..."), as an adverbial between commas ("The minister, on Monday,
# said"), right after the subject ("The Chair last month said") or right after the verb
# when no verb follows ("said Friday the INS"), or before another adjunct ("was killed on
# 23 October by a sniper", "left on Monday and flew ..."). They stay in place where
# cutting them would leave a dangling word ("written for 2015", "heading into Christmas",
# "between 9 a.m. and"), split a name ("Black Friday", "The Sunday Times"), change the
# meaning ("11 per cent in the first quarter of last year compared with ...") or leave a
# relative clause without its complement ("the library, which opened in 1962, has flooded").

# Words that cannot end what is left before the cut ("with", "the", "and" ...).
DANGLING_BEFORE = frozenset("""
    of than with without into onto upon between from to toward towards the a an and or nor
    for per like as about against amid among via versus despite unlike its his her their
    our my your whose not later earlier effective dated due starting beginning ending expiring
""".split())
# Words that cannot start what is left after the cut ("[the first quarter] of last year"),
# and those that cannot when a date follows them ("[Monday] to Friday", "[3] and 4 May").
DANGLING_AFTER = frozenset("of than".split())
RANGE_AFTER = frozenset("and or to through till until".split())
# Words after which a new clause begins: a date just before them ends its clause.
CLAUSE_OPENERS = frozenset("""
    that when where which who whom whose whether if because while although though unless
    after before until since as once
""".split())
# Capitalised words that do not make a name with the expression ("On Sunday", "Also Friday").
NOT_NAME = frozenset(w.lower() for w in PREPOSITIONS) | frozenset(
    w for phrase in SUBORDINATORS + CONNECTIVES for w in phrase.split()) | frozenset("""
    the a an this that these those last next early earlier late later mid and or but each
    every until of to between from only just as
""".split())
# Prepositions that open another adjunct after the date ("on Monday [for] Paris").
ADJUNCT_OPENERS = frozenset("""
    in on at to for by from with off near across over under inside outside against after
    before during through into toward towards around amid following despite ahead via
    aboard outside within without along
""".split())
# A clause opening with one of these and no verb is a fragment ("In contrast to Thursday").
FRAGMENT_OPENERS = frozenset(w.lower() for w in PREPOSITIONS) | frozenset("""
    of to with without between from into than like about against amid among despite
""".split())
DETERMINERS = frozenset("the a an this that these those its his her their our my your".split())
RELATIVES = frozenset("which who whom whose where".split())
AUXILIARIES = frozenset("""
    is are was were be been being am has have had having do does did will would shall should
    can could may might must
""".split())
# Verbs news reports in forms that do not end in -ed.
COMMON_VERBS = frozenset("""
    said says say told tells tell rose rises rise fell falls fall grew grows grow met meets
    went goes came comes took takes gave gives made makes began begins won wins lost loses
    left leaves saw sees held holds kept keeps brought brings paid pays sold sells bought
    buys spent sent sends built hit hits cut cuts put puts set sets led leads found finds
    became becomes ran runs struck strikes spoke speaks wrote writes chose drew drove flew
    froze shook stood stands sought seeks fought fights caught taught thought thinks knew
    knows got gets gone seen done taken given shown broke broken fled slid slumped sank
    spread swept stole withdrew warns plans wants calls seems looks faces expects needs
    agrees announces reports shows adds remains continues believes hopes fears claims
    denies accuses urges vows admits insists argues suggests signals launches opens closes
    ends starts begins leads
""".split())
NOT_VERBS_ED = frozenset("""
    need speed seed feed bed red shed hundred indeed creed greed breed bleed steed weed
""".split())

_DURATION_ONLY = frozenset({"for"})         # "for three years", not "a budget for 2015"
_WORD = re.compile(r"[\w’'-]+")
_CAPITALISED_RUN = re.compile(r"(?:(?<![\w’'-])[A-Z][\w’'.-]*[ \t]+)+$")
_LAST_WORD = re.compile(r"(?<![\w’'.-])([\w’'.-]*\w[’']?)\s+$")
_END_WORD = re.compile(r"(?<![\w’'-])([\w’'-]+)$")
_FIRST_WORD = re.compile(r"\s+([\w’'-]+)")
_DATE_PARENTHETICAL = re.compile(r"\s*\([^()\n]{0,25}\d[^()\n]{0,25}\)")   # "(1230 GMT)"
_RANGE_AFTER = re.compile(r"[-–]\w")        # "Monday-Friday"
_CLAUSE_END = re.compile(r"\s*(?:$|[,;:.!?…)\]\"”’'—–]|-\s|--|``)")
_SEGMENT_BREAK = re.compile(r"[;:(—–]|(?<!\d),|,(?!\d)")           # "300,000" is one word
_SEGMENT_AFTER = re.compile(r"(?:[^,;:)—–.!?]|(?<=\d)[,.](?=\d))*")
_PARENTHESES = re.compile(r"\([^()]*\)")


def describe(text: str, sentence: tuple[int, int], timex: Timex,
             others: Sequence[Timex] = ()) -> str:
    """A short description of the event: the expression's clause without the date words.

    The clause is the one holding the expression; when what is left of it is a fragment
    without a verb ("the election", "In contrast to Thursday") or only a parenthetical
    ("(1230 GMT)"), the nearest clause that makes a statement is used instead (the main
    clause, or a "when ..." clause describing the date), then the whole sentence."""
    s_start, s_end = _after_date_header(text, sentence, timex, others)
    t_start, t_end = max(timex.start, s_start) - s_start, min(timex.end, s_end) - s_start
    sent = text[s_start:s_end]
    duration = timex.type == "DURATION"
    best = None
    dates = [t.start - s_start for t in others if s_start <= t.start < s_end and t.start != timex.start]
    for c_start, c_end in _clauses_by_distance(sent, t_start, dates) + [(0, len(sent))]:
        description = _finish(_cut_date(sent[c_start:c_end], t_start - c_start,
                                         t_end - c_start, duration))
        subject = _subject(sent[:c_start]) if c_start and _shares_subject(description) else ""
        if subject:                   # "Sales fell 3% yesterday and were flat three days ago":
            description = f"{subject} {description}"      # "Sales were flat"
        if _is_statement(description):
            best = description
            break
        if best is None and len(_content_words(description)) >= 2:
            best = description
    if best is None:
        best = _tidy(_balance_quotes(_tidy(sent)))
    return _capitalise(_fit(best))


_HEADER = re.compile(r"(?:[^:.!?\n]|(?<=\d)[:.](?=\d)){1,80}:\s+(?=\S)")   # "7.30pm: ", "14:00-17:00: "
_HEADER_GLUE = re.compile(r"(?:[\s,/&–—-]|\b(?:from|at|to|until|till|and|on)\b)*", re.I)


def _after_date_header(text: str, sentence: tuple[int, int], timex: Timex,
                       others: Sequence[Timex]) -> tuple[int, int]:
    """The sentence after its header when it opens with dates alone and a colon, as a
    programme or a live blog does ("Sunday 29 June, 2pm-5pm: Family afternoon ..."); else
    the sentence."""
    start, end = sentence
    head = _HEADER.match(text, start, end)
    if not head:
        return sentence
    rest, last = [], start
    for t in sorted({timex, *others}, key=lambda t: t.start):
        if start <= t.start and t.end <= head.end():
            rest.append(text[last:t.start])
            last = t.end
    rest.append(text[last:head.end()].rstrip().rstrip(":"))
    if last == start or not all(_HEADER_GLUE.fullmatch(r) for r in rest):
        return sentence
    return head.end(), end


def _clauses(sentence: str, position: int = 0, dates: Sequence[int] = ()) -> list[tuple[int, int]]:
    """The clauses of `sentence`, split at ";", dashes and subordinate clauses, and at an
    "and" or a subordinate clause that stands between the expression at `position` and
    another date ("She graduated in 1952 and earned a doctorate in 1958"); an expression in
    the words said on another date has those words ("said on Tuesday that ...")."""
    cuts = {m.span() for m in _CLAUSE_BREAK.finditer(sentence)}
    for m in _COORDINATION.finditer(sentence):
        if any(min(position, d) < m.start() < max(position, d) for d in dates):
            cuts.add(m.span())
    for m in _REPORTED.finditer(sentence):        # the words said, when the saying has a date
        if position >= m.end() and any(m.start() < d < m.start(1) for d in dates):
            cuts.add(m.span(1))
    for m in _SUBORDINATE.finditer(sentence):     # the date after it inside the clause
        if any(min(position, d) < m.start() < max(position, d)
               and "," not in sentence[m.end():max(position, d)] for d in dates):
            cuts.add(m.span())
    lead = _SUBORDINATE_START.match(sentence)
    if lead:                                # "Ever since X happened, Y did": a break at ", "
        comma = _COMMA.search(sentence, lead.end())
        if comma:
            cuts.add(comma.span())
    bounds = [0] + sorted(e for _, e in cuts)
    ends = sorted(s for s, _ in cuts) + [len(sentence)]
    return [(b, max(e, b)) for b, e in zip(bounds, ends)]


def _clauses_by_distance(sentence: str, position: int, dates: Sequence[int] = ()) -> list[tuple[int, int]]:
    """The clauses of `sentence`, the one holding `position` first, then the nearest."""
    def distance(clause: tuple[int, int]) -> int:
        return max(clause[0] - position, position - clause[1], 0)
    return sorted(_clauses(sentence, position, dates), key=lambda c: (distance(c), c[0]))


def _cut_date(clause: str, start: int, end: int, duration: bool = False) -> str:
    """`clause` without the expression at [start, end) where that leaves it grammatical."""
    if end <= 0 or start >= len(clause):
        return clause                       # the expression is in another clause
    start, end = max(start, 0), min(end, len(clause))
    cut = _date_cut(clause, start, end, duration)
    return clause if cut is None else cut


def _date_cut(clause: str, start: int, end: int, duration: bool) -> str | None:
    """`clause` with the expression (and its preposition) cut out, or None if it must stay."""
    before, expression, after = clause[:start], clause[start:end], clause[end:]
    preposition = _search_end(_PREPOSITION_BEFORE, before)
    if preposition and preposition.group().split()[0].lower() in _DURATION_ONLY \
            and not duration:
        preposition = None                  # "a budget written for 2015"
    if _in_name(before, expression, after, preposition is not None):
        return None                         # "Black Friday", "The Sunday Times"
    possessive = _POSSESSIVE_AFTER.match(after)
    if possessive:                          # "Monday's meeting" -> "the meeting"
        if _last_word(before) in DETERMINERS:
            return None
        return before + "the" + after[possessive.end():]
    parenthetical = _DATE_PARENTHETICAL.match(after)
    if parenthetical:                       # "8:30 a.m. EDT (1230 GMT)" goes as a whole
        after = after[parenthetical.end():]
    head = before[:preposition.start()] if preposition else before
    if _last_word(head) in DANGLING_BEFORE or _last_word(head).endswith(("’s", "'s")) \
            or _first_word(after) in DANGLING_AFTER or _range_after(after, preposition):
        return None                         # "heading into Christmas", "of last year"
    if not _WORD.search(_LEADING_LINK.sub("", head.strip(" ,;:\"“‘'(—–-`"))):
        if preposition is None and _is_subject(after):
            return None                     # "Today is a sad day", "Last year saw ..."
        return head.rstrip() + " " + after.lstrip(" ,")            # at the clause's start
    if not (_at_clause_end(after) or _after_subject(head, after) or _after_verb(head, after)
            or _first_word(after) in ADJUNCT_OPENERS):
        return None                         # inside the clause: it carries meaning there
    if _bare_segment(head, after):
        return None                         # "the library, which opened in 1962, has"
    if re.search(r",\s*$", head) and re.match(r"\s*,", after):   # "The minister, on Monday,"
        return head.rstrip(" ,") + " " + after.lstrip(" ,")
    return head.rstrip() + " " + after.lstrip()


def _in_name(before: str, expression: str, after: str, has_preposition: bool) -> bool:
    """Is the expression part of a name: a capitalised word right before or after it?

    Not when two capitalised words or more come before it and a verb after it: that is a
    subject ("President Bill Clinton Saturday vowed"), not a name ("Black Friday")."""
    if not expression[:1].isupper() and not expression.split()[-1][:1].isupper():
        return False
    run = _search_end(_CAPITALISED_RUN, before)
    if expression[:1].isupper() and run:
        names = [w for w in run.group().split() if w.lower() not in NOT_NAME]
        if names and not (len(names) >= 2 and _verb_next(after)):
            return True                     # "Black Friday"
    following = re.match(r"[ \t]+([A-Z][\w’'-]*)", after)
    return bool(following and expression.split()[-1][:1].isupper() and not has_preposition
                and following.group(1).lower() not in NOT_NAME)   # "Sunday Times"


def _at_clause_end(after: str) -> bool:
    """Does the clause end after the expression: punctuation, a new clause ("that ...",
    "when ..."), or a coordinated verb phrase ("and called ...")?"""
    if _CLAUSE_END.match(after) or _first_word(after) in CLAUSE_OPENERS:
        return True
    words = _WORD.findall(after[:60])
    return len(words) >= 2 and words[0].lower() in ("and", "but") and _is_verb(words[1])


def _range_after(after: str, preposition: re.Match | None) -> bool:
    """Is the expression the first end of a range or list ("Monday to Friday", "3 and 4")?"""
    if _RANGE_AFTER.match(after):
        return True                         # "Monday-Friday"
    word = _first_word(after)
    if word not in RANGE_AFTER:
        return False
    following = re.match(r"\s+\S+\s+(\S)", after)
    return bool(following and (following.group(1).isdigit() or following.group(1).isupper())) \
        or bool(preposition and preposition.group().split()[0].lower() in ("from", "between"))


def _search_end(pattern: re.Pattern, s: str, room: int = 120) -> re.Match | None:
    """`pattern` (anchored at the end of `s`) searched in the last `room` characters only."""
    return pattern.search(s, max(0, len(s) - room))


def _segment_start(head: str, room: int = 400) -> int:
    """Where the last comma-delimited segment of `head` starts."""
    start = max(0, len(head) - room)
    for m in _SEGMENT_BREAK.finditer(head, start):
        start = m.end()
    return start


def _subject(head: str) -> str:
    """The subject that opens `head`, a clause whose verb a later clause shares ("Sales"
    of "Sales fell 3% and were flat"): up to four words before its first verb, with no
    comma, number or relative pronoun among them; "" if there is none."""
    words = list(_WORD.finditer(head))
    verb = next((k for k, w in enumerate(words) if w.group()[0].islower() and _is_verb(w.group())), None)
    if not verb or verb > 4:
        return ""
    subject = head[words[0].start():words[verb - 1].end()]
    lowered = [w.group().lower().replace("’", "'") for w in words[:verb]]
    if not subject[:1].isupper() or "," in subject or any(c.isdigit() for c in subject) \
            or lowered[-1] in DETERMINERS or any(
                w in RELATIVES or w in PREPOSITIONS or w in CONNECTIVES or w in ("most", "more", "less")
                or re.search(r"'(?:ve|re|ll|d|m)$|n't$|^(?:it|he|she|that|there|what|who)'s$", w) for w in lowered):
        return ""        # not "The" of "The military-backed government", "It's never", "We've"
    return subject


def _shares_subject(description: str) -> bool:
    """Does `description` open on a verb that needs the subject of the clause before it:
    an auxiliary or common verb, or a past with an object ("earned a doctorate"), not a
    participle ("released on bail", "being discharged")?"""
    words = _WORD.findall(description[:80])
    if len(words) < 2 or not _is_verb(words[0]) or words[0].endswith("ing"):
        return False
    first = words[0].lower()
    return first in AUXILIARIES or first in COMMON_VERBS \
        or words[1].lower() not in ("by", "on", "in", "from", "to", "at", "for", "with", "as", "and", "but") \
        and not (len(words) > 2 and _is_verb(words[2]) and words[1].lower() not in DETERMINERS
                 and words[1].lower() != "that")      # not "furloughed workers began"


def _last_word(s: str) -> str:
    m = _search_end(_LAST_WORD if s[-1:].isspace() else _END_WORD, s)
    return m.group(1).lower() if m else ""


def _first_word(s: str) -> str:
    m = _FIRST_WORD.match(s)
    return m.group(1).lower() if m else ""


def _is_verb(word: str) -> bool:
    word = word.lower().strip("’'")
    return (word in AUXILIARIES or word in COMMON_VERBS or word.endswith("n’t")
            or (word.endswith("ed") and len(word) > 3 and word not in NOT_VERBS_ED))


def _verb_next(after: str) -> bool:
    """Does a verb come next, perhaps after an adverb ("strongly condemned")?"""
    words = _WORD.findall(after[:60])[:2] if after[:1].isspace() else []
    if words and words[0].endswith("ly") and len(words) > 1:
        words = words[1:]
    return bool(words) and _is_verb(words[0])


def _is_subject(after: str) -> bool:
    """Is the expression the subject of the clause: a verb follows it, right away or
    after an insertion between commas ("This day, in the history ..., will be")?"""
    if _verb_next(after):
        return True
    m = re.match(r"\s*,([^,]*),", after)
    if not m:
        return False
    insertion = _WORD.findall(m.group(1))
    opener = insertion[0].lower() if insertion else ""
    return ((opener in ADJUNCT_OPENERS or opener in CONNECTIVES or opener.endswith("ly"))
            and not any(_is_verb(w) for w in insertion) and _verb_next(after[m.end():]))


def _after_subject(head: str, after: str) -> bool:
    """Does the expression stand between a subject and its verb ("X last month said")?"""
    words = _WORD.findall(_LEADING_LINK.sub("", head.strip()))
    return (bool(words) and _verb_next(after)
            and not any(_is_verb(w) or w.lower() in RELATIVES for w in words))


def _after_verb(head: str, after: str) -> bool:
    """Does the expression follow a verb, with no verb after it ("was killed on 23 October
    by", "said Friday the")? Not after a participle before its verb ("the arrest announced
    today stemmed") nor after a copula ("was Monday when")."""
    word = _last_word(head)
    return (_is_verb(word) and word not in AUXILIARIES and bool(_first_word(after))
            and not _is_verb(_first_word(after)))


def _bare_segment(head: str, after: str) -> bool:
    """Would the comma-delimited segment of the expression be left without a complement?

    ", which opened in 1962," -> ", which opened,"; ", published in March," -> ", published,".
    """
    left = _WORD.findall(head[_segment_start(head):])
    right = _WORD.findall(_SEGMENT_AFTER.match(after.lstrip()).group())
    words = left + right
    if words and words[0].lower() in RELATIVES:
        return len(words) <= 2
    if len(words) != 1 or not re.search(r"(?<!\d),\s*\S*\s*$", head):
        return False
    return bool(re.match(r"\s*,", after)) or words[0].endswith("ing")   # ", arriving."


def _content_words(s: str) -> list[str]:
    """The words of `s` outside parentheses."""
    return _WORD.findall(_PARENTHESES.sub(" ", s))


def _is_statement(s: str) -> bool:
    """Two words or more outside parentheses, with a verb ("Prices fell") or at least not
    a fragment: no phrase opening with a preposition ("In contrast to Thursday") or a
    determiner ("the election", "his address")."""
    words = _content_words(s)
    if len(words) < 2:
        return _LIFE_EVENT.fullmatch(s) is not None   # "born 12 August 1938; died 1 June 2024"
    if any(_is_verb(w) for w in words):
        return True
    first = words[0].lower()
    return len(words) >= 3 and first not in FRAGMENT_OPENERS and first not in DETERMINERS


_LIFE_EVENT = re.compile(r"(?i:died|born|married|retired|resigned)")
_SPEAKER = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){1,4}(?:continued|added|said|says|told\s+\w+|wrote|warned"
                      r"|insisted|explained|stressed)\s*:\s*")      # "He continued: “If ..."


def _finish(s: str) -> str:
    return _tidy(_balance_quotes(_tidy(_SPEAKER.sub("", _LEADING_LINK.sub("", _tidy(s))))))


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,;:.!?])", r"\1", s)
    s = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", s)
    s = re.sub(r"\(\s*\)", "", s)
    s = re.sub(r"(^|[\s(])([\"“‘]|``)\s+", r"\1\2", s)   # "“ We will" -> "“We will"
    s = s.strip(" ,;:.—–-")
    while s.endswith("(") or s.startswith(")"):
        s = s.strip("()").strip(" ,;:.—–-")
    return s


# -- quotes -------------------------------------------------------------------------------

_QUOTE_PAIRS = {"“": "”", "„": "”", "«": "»", "``": "''", "''": "''"}
_DOUBLE_QUOTE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE_OPENERS, _SINGLE_CLOSERS = "‘'", "’'"


def _balance_quotes(s: str, cut: bool = False) -> str:
    """No unmatched quote mark at either end; inner ones are closed or dropped.

    Double quotes are matched as pairs: an unmatched closing one is dropped, an unmatched
    opening one is dropped at the start and closed at the end elsewhere. Single quotes
    double as apostrophes ("Korea’s"), so only an unmatched one at either end is dropped.
    When the text was `cut` short, an opening quote at its start is closed, not dropped.
    """
    marks = []                              # (start, end, opening?) of the double quotes
    for m in _DOUBLE_QUOTE.finditer(s):
        mark, i = m.group(), m.start()
        if mark in ('"', "''"):             # '' opens a quote in some wire copy
            after_space = s[i - 1].isspace() or s[i - 1] in "([{—–-/"
            before_space = m.end() == len(s) or s[m.end()].isspace() \
                or s[m.end()] in ",.;:!?)]"
            opening = i == 0 or (after_space and not before_space)
        else:
            opening = mark in "“„«" or mark == "``"
        marks.append((i, m.end(), opening))
    opened, drop = [], []
    for mark in marks:
        if mark[2]:
            opened.append(mark)
        elif opened:
            opened.pop()
        else:
            drop.append(mark)               # a closing quote without its opening one
    close = ""
    for mark in opened:
        if not s[:mark[0]].strip() and not cut:
            drop.append(mark)               # the description starts with it
        else:
            close = _QUOTE_PAIRS.get(s[mark[0]:mark[1]], '"') + close
    for start, end, _ in sorted(drop, reverse=True):
        s = s[:start] + s[end:]
    s = s.strip()
    if close:
        s = s.rstrip(" ,;:") + close
    return _strip_single_quotes(s)


def _strip_single_quotes(s: str) -> str:
    if s[:1] in _SINGLE_OPENERS and s[:2] != "''" and not re.search(r"\w[’']\B(?!\w)", s[1:]):
        s = s[1:].lstrip()                  # "‘Hamas-style" without its closing quote
    if s[-1:] in _SINGLE_CLOSERS and s[-2:] != "''" and not re.search(r"(?:^|\W)[‘']\w", s[:-1]):
        s = s[:-1].rstrip()                 # "enjoy it’" without its opening quote
    return s


# Words a shortened description does not end on ("said that the…"); never "not".
_WEAK_ENDINGS = (DANGLING_BEFORE | frozenset("in on at by that which who".split())) - {"not"}


def _capitalise(s: str) -> str:
    """The first letter of `s` in upper case, after an opening quote or bracket; not a
    letter inside a word that starts with a digit ("2pm", "10.15pm")."""
    for i, ch in enumerate(s[:3]):
        if ch.isdigit():
            return s
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


def _fit(s: str, limit: int = MAX_DESCRIPTION) -> str:
    """`s` within `limit` characters, cut at a word with an ellipsis, quotes still closed."""
    if len(s) <= limit:
        return s
    for room in range(1, 4):
        fitted = _balance_quotes(_shorten(s, limit - room), cut=True)
        if len(fitted) <= limit:
            return fitted
    return _shorten(s, limit)


def _shorten(s: str, limit: int = MAX_DESCRIPTION) -> str:
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit)
    head = s[:cut if cut > limit // 2 else limit - 1].rstrip(" ,;:.—–-“‘\"(`")
    while True:                             # not "... said that the…"
        words = head.rsplit(None, 1)
        if len(words) < 2 or len(words[0]) < limit // 2 \
                or words[1].lower().strip("“‘\"`(") not in _WEAK_ENDINGS:
            break
        head = words[0].rstrip(" ,;:.—–-“‘\"(`")
    return head + "…"


# -- events -------------------------------------------------------------------------------

def build_events(article: Article, timexes: Sequence[Timex]) -> tuple[Event, ...]:
    """One Event per dated expression of the body (the two ends of a range as one), in
    chronological order."""
    dated = _ranges(article.text, [t for t in timexes if t.period is not None])
    return tuple(sorted(_events(article, dated), key=chronological))


_RANGE_FROM = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_TO = re.compile(r"\s*(?:[-–—]|to|until|till|through|(and))\s*", re.I)
_MOVED = re.compile(r"\b(?:moved|postponed|delayed|rescheduled|pushed back|brought forward|switched"
                    r"|changed|shifted|put back)\b[^.;]*\bfrom\s+$", re.I)     # a date changed


def _ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """"from Friday 11 July to Sunday 20 July", "between January 2019 and August 2021":
    TimeML tags the two ends apart; the timeline draws one span from the first to the
    last day (valued as an ISO interval, as a named period is)."""
    out: list[Timex] = []
    for timex in timexes:
        first = out[-1] if out else None
        opener = first and _RANGE_FROM.search(text, max(0, first.start - 8), first.start)
        gap = first and _RANGE_TO.fullmatch(text, first.end, timex.start)
        if opener and gap and first.type == timex.type == "DATE" and "/" not in first.value \
                and not _MOVED.search(text, max(0, first.start - 40), first.start) \
                and first.period.start < timex.period.start \
                and (not gap.group(1) or opener.group().lower().startswith("between")):
            out[-1] = replace(first, end=timex.end, text=text[first.start:timex.end],
                              value=f"{first.value}/{timex.value}",
                              period=Period(first.period.start, timex.period.end, "span"),
                              anchor=f"{first.anchor}; a range to '{timex.text}'")
        else:
            out.append(timex)
    return out


def past_references(article: Article, timexes: Sequence[Timex]) -> tuple[Event, ...]:
    """One Event per vague past reference of the body ("in recent years", "recently"):
    no calendar places them, yet they say something happened."""
    return _events(article, [t for t in timexes if t.value == "PAST_REF"])


def _events(article: Article, timexes: Sequence[Timex]) -> tuple[Event, ...]:
    """An Event for each expression of the body, its sentence and description attached."""
    lo, hi = article.body if article.body is not None else (0, len(article.text))
    spans = sentence_spans(article.text, lo, hi)
    starts = [s for s, _ in spans]
    events = []
    refined = _refined_days(article.text, timexes)
    for timex in timexes:
        if timex.start < lo or timex.end > hi or timex in refined.values() \
                or day_heading(article.text, timex):
            continue                 # a day heading dates the entries under it; no event
        sentence = _window(article.text, _sentence_of(article.text, spans, starts, timex), timex)
        day = refined.get(timex)     # "Friday 27 June, 7.30pm": one event, the time's
        if day:
            start, end = min(timex.start, day.start), max(timex.end, day.end)
            timex = replace(timex, start=start, end=end, text=article.text[start:end])
        words = timex
        later = LATER.match(article.text, timex.end) if timex.type == "DURATION" else None
        if later:                    # "Two days later, ...": the date words are all three
            words = replace(words, end=later.end())
        events.append(Event(
            timex=timex,
            description=describe(article.text, sentence, words, timexes),
            sentence=" ".join(article.text[sentence[0]:sentence[1]].split())))
    return tuple(events)


_DAY_THEN_TIME = re.compile(r",?[ \t]*(?:(?:at|from)[ \t]+)?")    # on one line
_TIME_ON_DAY = re.compile(r"[ \t]+on[ \t]+")


def _refined_days(text: str, timexes: Sequence[Timex]) -> dict[Timex, Timex]:
    """Each clock time beside the day it falls on ("Friday 27 June, 7.30pm", "3 a.m. on
    Feb. 14"), with that day: one event, not two."""
    pairs = {}
    for first, second in zip(timexes, timexes[1:]):
        for day, time, gap in ((first, second, _DAY_THEN_TIME), (second, first, _TIME_ON_DAY)):
            if day.period and time.period and day.period.granularity == "day" \
                    and time.period.granularity == "time" and time.period.start == day.period.start \
                    and gap.fullmatch(text, first.end, second.start):
                pairs[time] = day
    return pairs


def _window(text: str, sentence: tuple[int, int], timex: Timex,
            limit: int = MAX_SENTENCE) -> tuple[int, int]:
    """The sentence, or if it is longer than `limit`, the words around the expression."""
    start, end = sentence
    if end - start <= limit:
        return sentence
    room = max(limit - (timex.end - timex.start), 0) // 2
    lo, hi = max(start, timex.start - room), min(end, timex.end + room)
    if lo > start:
        space = text.find(" ", lo, timex.start)
        lo = space + 1 if space >= 0 else lo
    if hi < end:
        space = text.rfind(" ", timex.end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _sentence_of(text: str, spans: list[tuple[int, int]], starts: list[int],
                 timex: Timex) -> tuple[int, int]:
    """The sentence holding the expression's start (the expression itself if none does);
    for a line holding only the expression (a live blog's "11:42 BST"), the sentence on
    the next line, which tells what happened then."""
    i = bisect.bisect_right(starts, timex.start) - 1
    if i < 0 or timex.start >= spans[i][1]:
        return timex.start, timex.end
    start, end = spans[i]
    if i + 1 < len(spans) and "\n" in text[end:spans[i + 1][0]] \
            and not _WORD.search(text[start:timex.start] + text[timex.end:end]):
        return spans[i + 1]
    return start, max(end, timex.end)
