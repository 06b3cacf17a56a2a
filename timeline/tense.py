"""The tense of the sentence around an expression, and the occurrence of a yearless
date ("7 October", "the third quarter") that the tense picks."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Callable

from .events import abbreviation
from .models import Period


def _words(words: list[str]) -> str:
    """An alternation of phrases, longest first; any apostrophe matches ' or ’."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True))


_MARKERS = tomllib.loads((Path(__file__).parent / "grammar" / "en" / "tense.toml").read_text("utf-8"))
_CLITICS = [w for w in _MARKERS["future"] if w.startswith("'")]        # "he'll"
_COMMIT = re.compile(_words(_MARKERS["commit"]), re.I)
_WEAK = re.compile(_words(_MARKERS["weak_future"]), re.I)
_WORDS_AHEAD = [w for w in _MARKERS["future"] + _MARKERS["commit"] + _MARKERS["weak_future"]
                if w not in _CLITICS]
_PRESENT = [w for w in _WORDS_AHEAD if " " not in w and w.endswith("s")]     # "hosts", "plays"
_AS_NOUN = "".join(rf"(?<!\b{w} )" for w in _MARKERS["noun_before"])       # "beating hosts Tuks"
_FUTURE = re.compile(rf"(?:\b(?<![\w'’])(?<!\bto )(?<!\bas )(?:{_words([w for w in _WORDS_AHEAD if w not in _PRESENT])}"
                     rf"|{_AS_NOUN}(?:{_words(_PRESENT)}))|(?<=\w)(?:{_words(_CLITICS)}))\b", re.I)
_PAST = re.compile(rf"\b(?:(?i:{_words(_MARKERS['past_phrases'])})\b"
                   rf"|(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bto )(?<![Tt]he )(?<!\ba )(?<!\ban )"
                   rf"(?<!\bremain )(?<!\bremains )(?<!\bstay )(?<!\bstays )(?<!\bbeing )"
                   rf"(?<!\bwill )(?<!\bwould )(?<!\bshall )(?<!\bcan )(?<!\bmust )(?<!\bshould )"   # "will lay
                   rf"(?<!\bmay )(?<!\bmight )"                                                   # off": no past
                   rf"(?:(?:{_words(_MARKERS['past'])})|(?!(?:{_words(_MARKERS['not_past'])})\b)[a-z]\w+ed)\b)")
_DEADLINE = re.compile(rf"\b(?:{_words(_MARKERS['deadline'])})\s+$", re.I)
_SINCE = re.compile(rf"\b(?:{_words(_MARKERS['since'])})\s+$", re.I)
SCHEDULED = _words(_MARKERS["scheduled"])    # nouns of fixtures: "game", "election" ...
_POSSIBLE = re.compile(r"\s+(?:(?:still|also|quite|very|more|most|less|highly)\s+)?"
                       r"(?:possible|likely|unlikely|forecast|predicted)\b", re.I)   # "showers were possible",
                                                                         # "rain was forecast"
_CLOSING = re.compile(r"\bclos(?:e|ing(?: price| level)?)\s+(?:of|at)\s+[$€£]?\d[\d.,]*(?:\s+\w+)?\s+(?:on\s+)?$",
                      re.I)    # "a premium to the closing price of $60.48 on Wednesday": a close is past
_HEADLINE_TO = re.compile(r"\s*(?:(?![a-z]+ed\b|went\b|was\b|were\b|had\b|came\b|got\b|said\b)[\w'’.&-]+\s+){1,6}"
                          r"to\s+[a-z]+\b")      # "Fed to raise rates"
_NOTICE_FROM = re.compile(r"\b(?:watch|warning|advisory|alert|curfew|closure|ban)\b[^.;]{0,60}"
                          r"\b(?:from|between|starting|beginning|effective)\s+$", re.I)
_CALLED_OFF = re.compile(r"(?<!\bhave )(?<!\bhas )(?<!\bhad )\b(?:cancel(?:l?ed|l?ing|lation of)?|call(?:ed|ing)? off"
                         r"|postpone(?:d|ment of)?|scrap(?:ped)?|moved|rescheduled|delay(?:ed)?|pushed back"
                         r")\b[^.;]{0,40}$", re.I)     # "moved the start of Wednesday's game", "a request
                                                      # to postpone Sunday's runoff"
_IS_ON = re.compile(r"\b(?:is|are)\s+(?:on\s+|(?:from\s+)?\d{1,2}(?:[:.]\d\d)?(?:\s*[ap]\.?m\.?)?\s*(?:to|-|until)\s+)?$",
                    re.I)     # "the vote is on Tuesday", "the session is from 9 to 11 a.m. Saturday"
_CALLED_FOR = re.compile(rf"\b(?:{_words(_MARKERS['called_for'])})\s+for\s+$"     # "a strike for Sunday",
                         rf"|\b(?:chances?|odds)\s+(?:of|that)\s+[^.;:]{{0,40}}\bfor\s+$"   # "a 70 percent
                         # chance of acceptable conditions for Friday": a forecast
                         rf"|\b(?:promised|promises|pledged|pledges)\s+[^.;:]{{0,60}}\b(?:for|by)\s+$"   # "promised
                         # 'exciting new products' for the fall": what was promised is to come
                         rf"|\bpending\s+(?:(?:an?|the|his|her|their|its)\s+)?(?:[\w-]+\s+){{0,2}}"   # "held
                         rf"(?:{_words(_MARKERS['called_for'])})\s+(?:(?:on|at)\s+)?$"     # pending a hearing Friday"
                         rf"|\bcall(?:ed|s|ing)?\s+for\s+(?:[\w-]+\s+){{0,3}}"          # "called for mass
                         rf"(?:{_words(_MARKERS['called_for'])})s?\s+(?:(?:on|after)\s+)?$", re.I)    # protests on Friday"
_IF_PRESENT = re.compile(r"\b(?:if|unless)\b[^,;.]*$", re.I)
_IF_ELECTED = re.compile(r"\b(?:if|unless)\s+[a-z]+ed\b", re.I)   # "if elected": no past
_CLAUSE_END = re.compile(r"[,;:]|\.(?!\d)")
_SINCE_DOING = re.compile(r"\b(?:(?:since|after)\s+[a-z]+ing|(?:up|down)\s+from"
                          r"|from(?=\s+[$€£¥₹]?\d[\d.,]*\s*(?:%|per\s*cent|percent|[mb]illion|bn\b|crore|lakh))(?!(?:[^,.;:]|(?<=\d)\.(?=\d)){0,40}\bto\b))\s+(?:[^,.;:]|(?<=\d)\.(?=\d)){0,40}\b(?:in|on)\s+$",
                          re.I)    # "since taking office in", "down from a projection of 2.6% in", "after shrinking at a
                               # 2.8% rate in" (what a gerund after "after" tells has mostly happened,
                               # though not in "will train after travelling on Wednesday"), "to 3.5 per
                               # cent, from 5.1 per cent in" (not "from 8 percent to 6 percent on")
_BEFORE = re.compile(rf"(?<!\bshortly )(?<!\bjust )(?<!\bsoon )(?<!\bmoments )(?<!\bminutes )"
                     rf"\b(?:{_words(_MARKERS['before'])})\s+$", re.I)   # not "shortly before 2am"
_DONE_BY = re.compile(r"\b(?:had|having)\s+(?:[\w’'-]+\s+){1,3}$", re.I)   # "having worked through
                                                                      # Friday night": done by then
_SPAN_BEFORE = re.compile(r"\b(?:(?:this|last|the|a) year|so far|to date|months|weeks|quarters)\s+$", re.I)
_DECLARED = re.compile(r"\b(?:declared|declares|proclaimed|designated|named)\s+$", re.I)
_DAY_OF = re.compile(r"\s+(?:as\s+)?an?\s+(?:[\w-]+\s+){0,2}(?:day|holiday)\b", re.I)
_DELIVERY = re.compile(rf"\s+(?:{_words(_MARKERS['delivery'])})\b", re.I)
_FOR_DELIVERY = re.compile(r"\b(?:for\s+delivery\s+in|(?:crude|Brent|Intermediate|WTI|oil|gold)\s+for)\s+$",
                           re.I)     # "crude for delivery in January", "West Texas Intermediate for January"
_POSSESSIVE = re.compile(rf"['’]s\b(?!\s+(?:[\w-]+\s+){{0,2}}(?:{SCHEDULED})s?\b)",
                         re.I)
_POSSESSIVE_AHEAD = re.compile(r"['’]s\s+(?:[\w-]+\s+){1,3}"
                               r"(?:will|shall|(?:is|are)(?: not)?(?: set| due| expected| scheduled)? to|should)\b", re.I)
_HOMOGRAPH = re.compile(rf"\s+(?:{_words(_MARKERS['homographs'])})\b(?!\s+(?:to|by|for)\b)")
_ON = re.compile(r"\bon\s+$", re.I)
_WEEK_BEFORE = re.compile(r"\b(?:less than|only|just|barely) (?:a|an|\w+) (?:days?|weeks?|hours?) (?:before|ahead of) "
                          r"(?:[\w’'-]+ ){0,4}(?:on |in )?$", re.I)
_PERFECT = re.compile(r"\b(?:had|may have|might have|could have|must have) "
                      r"(?:(?:never|not|already|just|long|been|\w+ly) )*"
                      r"(?:scheduled )?$", re.I)     # a past perfect, or a guess about the past
# a plan that may or may not have come yet: "he had (originally) been due to return Saturday"
_HAD_PLANNED = re.compile(r"had\s+(?:\w+ly\s+)?been\s+(?:\w+ly\s+)?(?:due|scheduled|expected|set|slated|planned)\b",
                          re.I)
_HAD_UNTIL = re.compile(r"\s+(?:until|till)\b", re.I)
_PERFECT_WORDS = ("had", "may have", "might have", "could have", "must have")
_PARTICIPLE = re.compile(r"(?:\b(?:be|is|are|am|ever)|['’](?:re|m))\s+"   # "will be severely disrupted",
                                                                            # "the oldest ever elected",
                         r"(?:(?:\w+ly|most|more|less|very|so|too)\s+)*$", re.I)   # "we're most worried"
_AND_PARTICIPLE = re.compile(r"\b(?:be|been|being|is|are)\s+\w+ed\b[^.;:,]{0,40}\band\s+$", re.I)   # "must be
# postmarked by Election Day and received by midnight Friday": a participle of the same "be"
_MEANT_TO = re.compile(r"(?<=[a-z] )meant to\b")
_WAS = re.compile(r"\b(?:was|were) (?:\w+ly )?$", re.I)
_PLANNED = ("expected in", "expected on", "expected by", "due to", "due in", "due on", "due by", "due at",
            "set to", "scheduled", "supposed to")
_CLOCK_BEFORE = re.compile(r"(?:\b\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\.?(?: [A-Z]{2,4})?|\bnoon|\bmidnight|\bsunset"
                           r"|\bsundown),? (?:on )?$", re.I)
_GOVERNS = re.compile(r"\s+(?:on|in|at|during)\s+", re.I)
_AUXILIARIES = "would|will|was|were|is|are|had|has|have|could|should|may|might|can|must|did|does|do"
_ATTRIBUTION = re.compile(   # ends the sentence, perhaps with who said it ("..., said meteorologist
                             # Kim Darrow."; not "said Parliament would be recalled")
    rf"(?:{_words(_MARKERS['reporting'])})"
    rf"(?:\s+(?:(?!\b(?:{_AUXILIARIES}|that|it|he|she|they|we|I)\b)[^;:!?\"“”\n]){{1,100}}?)?[\s.\"”'’]*", re.I)
_ATTRIBUTION_GAP = 1000
_LASTED = re.compile(rf"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bto )(?<!\bbeen )(?<!\bwas )(?<!\bwere )\b(?:{_words(_MARKERS['lasted'])})"
                     r"(?:\s+(?:again|there|here|on|in office|in power|open|closed|shut|(?-i:[a-z]+(?:ed|en))"
                     r"|in place(?:\s+in(?:\s+[A-Z]\w*)+)?|(?:the|its|his|her|their)\s+(?:[\w.-]+\s+){0,2}?[\w.-]+))?\s*$",
                     re.I)    # "remained in place in Baxter Gate", "led the IRS until November", "remained
                              # waterlogged till late morning"
_CLAUSE_OPENS = re.compile(r"(?:[,;]|\b(?:and|but))\s*$", re.I)   # "..., and by noon rain was falling"
_REQUEST = re.compile(r"(?:asked|urged|advised|ordered|instructed|encouraged|invited|called on|told|expected|remanded|bailed|"
                      r"predicted|forecast)"
                      r"\s+(?!back\s)(?:[\w’'-]+\s+){1,4}to\s+(?!(?:the|a|an|his|her|its|their|our)\b)[a-z]+\b",
                      re.I)      # a request looks ahead (not "ordered back to port", nor "told
                                 # MPs in a statement to the Commons")
_PREDICTED = re.compile(r"(?:predicted|forecast|(?<!\bthan )(?<!\bas )(?<!\bits )(?<!\bthe )(?<!\btheir )(?<!\ban )(?<!\ba )expected)\s+"
                        r"(?!(?:that|on|in|last|earlier)\b)(?:[\w’'%.-]+\s+){1,8}(?:on\s+)?$", re.I)
_WARNED_OF = re.compile(r"warned\s+(?:\w+\s+)?of\b", re.I)   # "warned (yesterday) of more rain on Thursday"
_SUBORDINATE = re.compile(r"\b(?:after|before|when|as|since|because)\s+(?:[\w’'-]+\s+){0,5}$", re.I)
_TOLD_TO = re.compile(r"(?:told|asked|ordered|urged|advised)\s+to\s+[a-z]+\b", re.I)   # ... and one
_BY = re.compile(r"\b(?:by|before|until)\s+$", re.I)     # received: "were told to leave by Wednesday"
_DID_NOT = re.compile(r"\b(?:did|had)(?: not|n['’]t)(?! (?:expect|plan|anticipate|think|believe|intend|want)\w*)"
                      r"\b[^,.;:]*$", re.I)    # "did not expect to go home until Saturday" looks ahead
_NOT_UNTIL = re.compile(r"\b(?:(?:did|was|were|had)(?: not|n['’]t)(?! (?:due|expected|scheduled|set)\b)"
                        r"|neither|nobody|said nothing)\b[^,.;:]*$", re.I)  # "did not arrive until",
                                                    # not "may not", not "was not expected until"
_REPORTING = _words(_MARKERS["reporting"])
_SAYS = re.compile(_REPORTING, re.I)
_SAYS_THAT = re.compile(rf"(?:{_REPORTING})\s+that\b", re.I)                # "warned that"
_REPORTED = re.compile(rf"\b(?:{_REPORTING})\s+(?:that\s+)?[^,.;:]*$", re.I)  # "warned (that) rain"
_FORETOLD = re.compile(rf"\b(?:{_words(_MARKERS['warnings'] + ['predicted', 'forecast'])})\s+(?:that\s+)?[^,.;:]*$",
                       re.I)      # "warned (that) the risk": a warning, which tells of what is to come
NEAR_VERB = 30        # characters: a past verb this near (a past perfect twice as far)
                      # overrides "by", "before"
_AND = re.compile(r"\b(?:and|which|who)\b")   # "..., and analysts said", "..., which TfL said":
                                               # a saying in another clause
                                    # (but "On Monday, the minister said" is the date's verb)
_SUBORDINATE_AFTER = re.compile(r"\s*,?\s*(?:as|while|after|because|before|until|since)\b", re.I)
_NEXT_CLAUSE = re.compile(r"\s*,?\s*(?:and|but)\b")
_SET_OFF_SAYING = re.compile(r"\s*,")
_SUBJECT_SET_OFF = re.compile(r",[\s\"”]*(?:[\w.'’-]+\s+){1,4}$")
_SAYING = re.compile(r"\b(?:saying|adding|warning|arguing|noting)\b", re.I)   # "..., saying that snow could"
_RELATIVE = re.compile(r"\b(?:who|whom|which)\b")   # "on Tuesday to thank people who have benefited"
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|\band\b|;")    # not "481,000"
_CONDITION = re.compile(r"(?<!\bas )(?<!\basked )(?<!\bunclear )(?<!\bknow )(?<!\bsee )"
                        r"\b(?:if(?!,? anything\b)|unless)\b", re.I)     # its past is no time
_NAMING = re.compile(r"\bwhat\s+\w+\s+(?:called|dubbed|termed)$", re.I)   # "in what it called a 'Friday
                                                        # of rejection'": a name, no time
SET_OFF = re.compile(r",\s*(?:where|who|which|whose)\b[^,;]*$", re.I)   # a relative clause still open
_CLAUSE_CLOSED = re.compile(r",\s*(?:(?:from|on|at|in|until|through|by|between)\s+)?$", re.I)
_THAT = re.compile(r"\s+that\b", re.I)      # "on Tuesday that he would": the reported clause's
_NEW_CLAUSE = re.compile(r"[,;:(]|\b(?:and|but|or|that|who|whom|whose|which|when|where|after|before"
                         r"|because|as|while|since|until|till|than|whether|though|although|once"
                         r"|unless|if|he|she|they|we|I|it|you)\b")     # a clause begins
_PRESENT_PERFECT = re.compile(r"\b(?:has|have|['’]ve)(?: not|n['’]t)? "
                              r"(?:(?:\w+ly|already|just|now|also|since|been) )*$", re.I)
WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_DAY_SAID = re.compile(rf"\s+(?:on\s+)?{WEEKDAY_NAME.pattern}\b", re.I)   # "..., the school announced
                                                                       # Wednesday": a saying with its own day
_CANCELLED_FOR = re.compile(r"(?<!\bhave )(?<!\bhas )\b(?:cancell?ed|called off|postponed|scrapped|suspended)"
                            r"\s+(?:[\w-]+\s+){0,3}for\s+$", re.I)
_WEEKEND = re.compile(r"weekend", re.I)
_MOVED_TO = re.compile(r"\b(?:moved|postponed|delayed|pushed back|put back|rescheduled|brought forward|push|pushed)"
                       r"\s+(?:(?!(?:and|but|from)\b)[\w’'-]+\s+){1,5}(?:back\s+|forward\s+)?to\s+(?:the\s+)?$",
                       re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:not\s+)?(?:(?:also|now|still|\w+ly)\s+)?(?!being\b|going\b)[a-z]+ing\b"
                          r"|(?<=\w)['’]re\s+[a-z]+ing\b", re.I)   # "are staging a walkout on Tuesday"
_AS = re.compile(r"\bas $", re.I)
_TO_VERB = re.compile(r"\s+to\s+[a-z]+\b")
_QUOTE = re.compile(r"[\"“][^\"“”]*[\"”]")     # words quoted in the sentence
_COMMA_BEFORE = re.compile(r",\s*$")
_BY_AGENT = re.compile(r"[a-z]+ed\s+by\b", re.I)     # ", followed by another": set off, with its agent
_COULD = re.compile(r"\bcould\s+(?!have\b|not\b)(?:\w+ly\s+)?[a-z]+\b", re.I)   # "could be paid in May",
                                                                     # not "could not be reached"
_WHICH = re.compile(r"\b(?:that|which)\s+$", re.I)
_NEITHER = re.compile(r"\b(?:neither|nobody|no one|none)\b", re.I)
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s+$")
_WITH = re.compile(r"\b(?:with|(?:have|has)(?!\s+(?:already|just|not|never|since|also|now|often|been|\w+ly)\b))"
                   r"\s+(?:[\w’'-]+\s+){1,5}$", re.I)     # "with seven matches left", "have two games left"
_TO_HAVE = re.compile(r"\bto have (?:been )?$", re.I)   # "is expected to have slowed": a past
_WOULD_HAVE = re.compile(r"(?:would|should)(?: not|n['’]t)? have\b(?! to\b)", re.I)   # not "would have to cope"
_CLAUSE_REACH = 60    # characters from a verb that looks ahead to a participle of its clause
_CLAUSE_GAP = 45      # characters a comma or "and" adds between a marker and the date
MAX_TENSE_GAP_DAYS = 300
REPORTING_LAG_DAYS = 92
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), at most 400 characters each side: a cheap
    splitter, good enough for tense, that does not stop at "Mr." or "vs."."""
    left = max(0, start - 400)
    for m in _SENTENCE_END.finditer(text, left, start + 1):    # (its look-ahead sees `start`)
        if m.end() <= start and not abbreviation(text, m):
            left = m.end()
    right = min(len(text), end + 400)
    for m in _SENTENCE_END.finditer(text, end - (text[end - 1:end] == "."), right):   # "... 4 p.m. He"
        if not abbreviation(text, m):
            return left, m.start() + 1
    return left, right


def tense(text: str, start: int, end: int) -> str:
    """'future', 'past' or 'unknown': the nearest tense marker in the mention's sentence.

    Words right before the date come first (tense.toml): "since Friday" looks back, and
    so does "up from its July forecast"; "May delivery" looks ahead; a deadline ("until
    Friday", "ahead of Sunday's vote") looks ahead unless the nearest verb is a past
    perfect or a past that "until" measures ("stopped until January"); then a possessive
    names something that has happened
    ("Wednesday's ruling", but not "Tuesday's game", which the verbs date); "by", "before"
    look ahead unless a near verb before them is past ("had filed their reports by
    Wednesday"), a past perfect follows them, or they open the sentence ("By Friday, rain
    was lashing"). A closing attribution ("..., officials
    said.") or a saying in a later clause (", and analysts said") tells the tense of the
    saying, so it counts only when no other verb does; so do "warned that" and the "was"
    it puts the reported words in. A verb spelt alike in both tenses right after "on
    <date>" is past ("FedEx on Wednesday cut its forecast")."""
    left, right = sentence_bounds(text, start, end)
    best = None
    future_words, future_ends = {}, []
    day_named = WEEKDAY_NAME.search(text, start, end) or _WEEKEND.search(text, start, end)
    quote = _QUOTE.search(text, left, right)
    quoted = quote is not None and quote.start() < start and end <= quote.end()
    for kind, regex in (("future", _FUTURE), ("future", _PROGRESSIVE), ("future", _COULD), ("past", _PAST)):
        for m in regex.finditer(text, left, right):
            ahead = False
            if start <= m.start() < end:
                continue                     # the expression's own words ("last")
            if quoted and not quote.start() < m.start() < quote.end():
                continue      # '"December is now the most likely date," said Feroli': the words said
            if kind == "future":
                if _WOULD_HAVE.match(text, m.start()):
                    continue                 # "cuts that would have taken effect Tuesday": no time to come
                future_words[m.start()] = m.end()
                future_ends.append(m.end())
            elif future_words.get(m.start(), -1) >= m.end():
                continue                     # "expected" of "expected on" is no past verb
            elif day_named and (m.end() <= start or _SAYS.fullmatch(m.group())) \
                    and _PRESENT_PERFECT.search(text, max(0, m.start() - 30), m.start()):
                # a present perfect takes no day for its time: "on Tuesday, Zuma has
                # announced"; one in the date's clause looks ahead ("has called the parties
                # to a meeting on Thursday afternoon")
                if m.end() > start or _SAYS.fullmatch(m.group()) or _NEW_CLAUSE.search(text, m.end(), start) \
                        or _TO_HAVE.search(text, max(0, m.start() - 30), m.start()):
                    continue
                # ... but not the verb's own object: "has won Sunday's election"
                ahead = bool(text[m.end():start].strip()) or text[end:end + 2] not in ("'s", "’s")
            elif _participle(text, m.start(), future_ends) if m.group().lower().endswith("ed") \
                    else m.group().lower() not in ("had", "was", "were", "did") and _after_with(text, m.start()):
                continue                     # "with seven matches left"
            elif _PARTICIPLE.search(text, max(0, m.start() - 40), m.start()) \
                    or _MEANT_TO.match(text, m.start()):
                continue                     # "will be severely disrupted", "a summit meant to
                                             # focus on growth": a participle
            elif _POSSIBLE.match(text, m.end()) and m.group().lower() in ("was", "were"):
                ahead = True  # "showers were possible on Wednesday": a forecast, told in the past
            left_side = m.end() <= start
            a, b = (m.end(), start) if left_side else (end, m.start())   # the gap
            # the verb the date's preposition hangs on ("said on Thursday it would") wins
            distance = 0 if left_side and _GOVERNS.fullmatch(text, a, b) else \
                b - a + _CLAUSE_GAP * bool(_CLAUSE_BREAK.search(text, a, b))
            if not left_side and _SAYING.search(text, a, b):
                distance += _ATTRIBUTION_GAP     # "... on Thursday evening, saying that snow
                                                 # could fall": the words said have their own time
            if not left_side and (_NEXT_CLAUSE.match(text, a, b) or _RELATIVE.search(text, a, b)):
                distance += _CLAUSE_GAP      # "... in March and faces sentencing": the date
                                             # ends the clause before; "... people who have
                                             # benefited" is a clause of its own
            if not left_side and text[a:b].lstrip().startswith(",") \
                    and (clause := SET_OFF.search(text, left, start)) \
                    and (_PAST.search(text, clause.start(), start) or _FUTURE.search(text, clause.start(), start)):
                distance += _ATTRIBUTION_GAP     # "Obama, who called it an act of terror on Tuesday,
                                                 # will travel": a relative clause with a tense of its
                                                 # own (not "services, which fall on Sunday, would")
            if not left_side and _SUBORDINATE_AFTER.match(text, a, b):
                distance += _ATTRIBUTION_GAP     # "... on Thursday as controllers began a
                                                 # strike": a clause of its own, with its own time
            if not left_side and (_ATTRIBUTION.fullmatch(text, m.start(), right)
                                  or _SAYS.fullmatch(m.group()) and (_AND.search(text, a, b)
                                                                     or _DAY_SAID.match(text, m.end()))):
                distance += _ATTRIBUTION_GAP     # "..., the Vatican said.": any other verb first
            if left_side and _SAYS.fullmatch(m.group()) and _SET_OFF_SAYING.match(text, m.end()) \
                    and _SUBJECT_SET_OFF.search(text, max(left, m.start() - 40), m.start()):
                distance += _ATTRIBUTION_GAP     # "He will keep his schedule, Lombardi said,
                                                 # including the audience on Wednesday": an aside
            verb = "future" if ahead else kind
            if kind == "future" and not left_side and _COMMIT.fullmatch(m.group()):
                # "On Friday the union decided to strike": a past that looks ahead only at
                # a date after it, and counts only when no other verb does
                verb, distance = "past", distance + _ATTRIBUTION_GAP
            elif regex is _COULD and not _could_look_ahead(text, left, m.start()):
                continue
            elif regex is _PROGRESSIVE and _NEW_CLAUSE.search(text, a, b):
                continue      # "are staging a walkout on Tuesday" looks ahead in its own clause
            elif _WEAK.fullmatch(m.group()) or regex is _PROGRESSIVE:
                distance += _ATTRIBUTION_GAP     # "to begin", "are staging": only when no
                                                 # other verb tells
            elif kind == "past" and left_side and _PREDICTED.match(text, m.start(), start):
                verb = "future"                  # "predicted lighter winds Friday"
            elif kind == "past" and left_side and (_REQUEST.match(text, m.start(), start) or _WARNED_OF.match(
                    text, m.start(), start) and not _SUBORDINATE.search(text, max(left, m.start() - 50), m.start())
                    or _TOLD_TO.match(
                    text, m.start(), start) and _BY.search(text, max(0, start - 10), start)
                    and not _NOT_UNTIL.search(text, max(left, m.start() - 20), m.start())):
                verb = "future"                  # "asked airlines to cancel flights on Thursday"
                                                 # (not "were not told to leave until Sunday")
            clause_start = max(left, m.start() - 40, text.rfind(",", 0, m.start()) + 1)
            condition = (a, b) if not left_side else (clause_start, m.start())
            if verb == "past" and _CONDITION.search(text, *condition):
                continue      # "... dates in November if no deal was reached", "if they failed
                              # to finish by the spring": a condition's past is no time
            if left_side and SET_OFF.search(text, max(left, m.start() - 80), m.start()) \
                    and _CLAUSE_CLOSED.search(text, m.end(), start):
                continue      # "will lie in state in Pretoria, where he was sworn in in 1994, from
                              # Wednesday to Friday": a clause set off by commas has its own time
            if not left_side and (_THAT.match(text, a, b) or _NAMING.search(text, max(0, m.start() - 20), m.end())):
                continue      # "told supporters on Tuesday night that he would win"; "in what it called"
            if left_side and _SAYS.fullmatch(m.group()) and not text[a:b].strip() \
                    and text[start:start + 4].lower() == "the ":
                continue      # "said the weekend should be pleasant": the reported clause's subject
            if left_side and _SAYS_THAT.match(text, m.start()) or m.group().lower() in ("was", "were") \
                    and _FORETOLD.search(text, max(left, m.start() - 60), m.start()):
                continue      # "warned that the risk was on Thursday": the warning's tense (but
                              # "said the water was three feet deep by Monday" is past)
            if best is None or distance < best[0] or (distance == best[0] and left_side
                                                      and not best[3]):
                perfect = (m.group().lower() in _PERFECT_WORDS
                           or _PERFECT.search(text, max(0, m.start() - 20), m.start())) \
                    and not _HAD_UNTIL.match(text, m.end())     # "had until 5 p.m. Thursday to
                                                                # make an offer": a deadline
                # "was expected in December", "was originally due to open in April": a plan
                # that lies in the past ("were expected to pass through" still looks ahead);
                # "had been due to return Saturday": one that may not have come yet
                was = m.group().lower() in _PLANNED \
                    and _WAS.search(text, max(0, m.start() - 20), m.start()) \
                    and not _REPORTED.search(text, max(left, m.start() - 60), m.start())
                if m.group().lower() in ("expected", "scheduled", "forecast", "predicted") \
                        and left_side and _TO_VERB.match(text, end):
                    was, verb = False, "future"   # "was expected early Wednesday to reach"
                plan = perfect and (_HAD_PLANNED.search(text, max(left, m.start() - 30), m.end() + 30)
                                    or _COMMIT.fullmatch(m.group())) \
                    or m.group().lower() in ("was to", "were to") \
                    or was and day_named     # "had threatened to cut", "was to fly to Israel on
                # Sunday", "was due to give a speech on Friday": a plan that may or may not have come yet
                best = (distance, "unknown" if plan else "past" if perfect or was else verb,
                        bool(perfect), left_side, m.group().lower())
    if (best is None or best[0] > 1) and _HOMOGRAPH.match(text, end) \
            and _ON.search(text, max(0, start - 5), start):
        best = (1, "past", False, False, "")     # "FedEx on Wednesday cut its forecast"
    clock = _CLOCK_BEFORE.search(text, max(0, start - 30), start)   # "until [5 p.m.,] Nov. 6"
    edge = clock.start() if clock else start
    before = text[max(0, edge - 20):edge]
    if _SINCE.search(before) or _SINCE_DOING.search(text, max(0, edge - 60), edge) \
            or _CLOSING.search(text, max(0, edge - 50), edge):
        return "past"
    if not text[:left].strip() and _HEADLINE_TO.match(text, left, right) and "\n" not in text[left:right].rstrip() \
            and not text[left:right].rstrip().endswith((".", "!", "?", '"', "”")):
        return "future"       # the headline's infinitive: "Orbital to try again Friday"
    condition = _IF_PRESENT.search(text, max(left, edge - 80), edge)
    clause_end = _CLAUSE_END.search(text, end, right)
    elected = condition and _IF_ELECTED.match(text, condition.start())
    if condition and not _PAST.search(text, elected.end() if elected else condition.start(),
                                      clause_end.start() if clause_end else right):
        return "future"       # "If the weather does not cooperate on Friday": a condition to come
    if _DECLARED.search(before) and _DAY_OF.match(text, end):
        return "unknown"      # "declared Sunday a national day of prayer": the one nearer
    if _DELIVERY.match(text, end) or _FOR_DELIVERY.search(before) or _IS_ON.search(before) \
            or _WEEK_BEFORE.search(text, max(left, edge - 80), edge) \
            or _CALLED_FOR.search(text, max(left, edge - 60), edge) and not (best and best[2]):
        return "future"       # "May delivery"; "Game 2 is Sunday night", "the vote is on Tuesday";
                              # "less than a week before the election on Tuesday"; "announced a
                              # general strike for Sunday"
    deadline = _DEADLINE.search(before)
    if deadline and best and best[1] == "past" and not best[3]:
        head = text[left:edge - len(deadline.group())]
        if not head.strip(" \"“‘'") or _CLAUSE_OPENS.search(head):
            deadline = None   # "a race that, until this weekend, many feared was slipping"
    if deadline and not (best and best[2] and best[0] <= 2 * NEAR_VERB) \
            and not _LASTED.search(text, max(0, edge - 40), edge - len(deadline.group())) \
            and not (best and best[1] == "past" and _NOT_UNTIL.search(
                text, max(0, edge - 50), edge - len(deadline.group()))):
        if _DID_NOT.search(text, max(0, edge - 50), edge - len(deadline.group())):
            return "past"     # "a season that didn't begin until Jan. 19"
        return "future"
    if _CANCELLED_FOR.search(text, max(left, edge - 60), edge) \
            or text[end:end + 2] in ("'s", "’s") and _CALLED_OFF.search(text, max(left, edge - 60), edge):
        return "unknown"      # "canceled classes for Monday", "forced the cancellation of Sunday's
        # marathon": the day it was planned for, near either way
    if _MOVED_TO.search(text, max(0, edge - 60), edge):
        return "future"       # "moved Wonder Woman 1984 to Christmas Day": a new date
    if _POSSESSIVE.match(text, end) and not _POSSESSIVE_AHEAD.match(text, end) \
            and not (_BEFORE.search(before) and best and best[1] == "future"):
        return "past"         # "Wednesday's ruling", not "Friday's events will begin at 9 a.m."
    by = _BEFORE.search(before)
    if by and _SPAN_BEFORE.search(text, max(0, edge - len(before) + by.start() - 20),
                                  edge - len(before) + by.start()):
        by = None             # "sales this year through August": the end of a span, not a deadline
    head = text[left:edge - len(before) + by.start()] if by else ""
    fronted = by and (not head.strip(" \"“‘'") or _CLAUSE_OPENS.search(head))
    if by and not fronted and not _DONE_BY.search(head) and not (best and best[1] == "past" and (best[2] or best[3])
                                   and best[0] <= NEAR_VERB * (2 if best[2] else 1)
                                   and best[4] not in _MARKERS["warnings"] + ["extended"]):
        return "future"       # but "By 8 p.m. Friday, rain bands were lashing" is past ("warned
                              # of delays through the weekend" is a warning of what may come)
    if best and best[1] == "past" and not best[2] and _NOTICE_FROM.search(text, max(left, edge - 100), edge):
        return "unknown"      # "issued a blizzard warning from 7 a.m. Friday": the nearer one
    return best[1] if best else "unknown"


def _could_look_ahead(text: str, left: int, at: int) -> bool:
    """Does the "could" at `at` look ahead ("officials said it could reopen in May")? Not
    denied ("neither he nor ... could be located Wednesday"), nor after a past that is no
    saying ("crews believed they could hold the fire") or a past perfect ("had warned that
    rain could fall over the weekend")."""
    if _NEITHER.search(text, left, at):
        return False
    if _WHICH.search(text, max(left, at - 12), at):
        return True          # "proposals that could be put to a vote on Friday": what may come
    left = max(left, text.rfind(",", left, at) + 1)     # a past set off by commas is another
    before = list(_PAST.finditer(text, left, at))        # clause's ("ministers, who refused, could")
    return not before or bool(_SAYS.fullmatch(before[-1].group())) \
        and not _PERFECT.search(text, max(0, before[-1].start() - 20), before[-1].start())


def _after_with(text: str, at: int) -> bool:
    """Does the past form at `at` follow "with" and its noun in one clause ("with seven
    matches left", "with the worst gusts expected")? Then it is a participle."""
    w = _WITH.search(text, max(0, at - 50), at)
    return bool(w) and not _NEW_CLAUSE.search(text, w.start() + 4, at)


def _participle(text: str, at: int, future_ends: list[int]) -> bool:
    """Is the form in -ed at `at` a participle, no past verb: after "as" ("as planned"),
    set off by a comma with its agent (", followed by another on New Year's Day"),
    after "with" and its noun ("..., with the worst gusts expected in the morning"), or in
    a clause whose verb looks ahead ("will receive diplomats accredited to the Holy See"),
    but not after "to have" ("is expected to have slowed") or a name ("a bill Obama
    signed late Monday": a subject, and its verb)?"""
    if _AS.search(text, max(0, at - 4), at) \
            or _COMMA_BEFORE.search(text, max(0, at - 3), at) and _BY_AGENT.match(text, at):
        return True
    if _NAME_BEFORE.search(text, max(0, at - 30), at):
        return False
    if _after_with(text, at) or _AND_PARTICIPLE.search(text, max(0, at - 60), at):
        return True
    return not _TO_HAVE.search(text, max(0, at - 20), at) and any(
        0 < at - e <= _CLAUSE_REACH and not _NEW_CLAUSE.search(text, e, at) for e in future_ends)


def pick(dct: dt.date, candidate: Callable[[int], Period | None], how: str,
         year_named: int | None = None, results: bool = True) -> Period | None:
    """Choose the occurrence of a yearless period by tense.

    past: the latest that has started by the DCT; future: the first that has not ended
    before the DCT (a quarter up to a season after, when `results` are told of); unknown,
    or a day or month picked by tense more than MAX_TENSE_GAP_DAYS away (but not a past
    one in the DCT's year, nor one in `year_named`, a year the story has just named): the
    one nearest to the DCT.
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
        lag = dt.timedelta(days=REPORTING_LAG_DAYS if results and options[0].granularity == "quarter" else 0)
        ahead = [p for p in options if p.end + lag >= dct]
        chosen = ahead[0] if ahead else options[-1]
    else:
        return nearest
    # A tense guess that puts a day or month more than ten months from the DCT gives way
    # to the nearest reading, unless it is past and in the DCT's year (a year in review
    # keeps its January), or a day to come next year, up to eleven months on ("the
    # midterms are scheduled for Nov. 4", told in December).
    if chosen.granularity in ("day", "month") and gap(chosen) > MAX_TENSE_GAP_DAYS \
            and not (chosen.end <= dct and chosen.start.year == dct.year) \
            and not (chosen.granularity == "day" and chosen.start > dct
                     and chosen.start.year == dct.year + 1 and gap(chosen) <= 330) \
            and chosen.start.year != year_named:
        return nearest
    return chosen

