"""Files -> Article: read the text, find the publication date, the title and the body.

This is an edge of the pipeline: it reads files, but never the clock. The publication
date comes from the article's header (its dateline) or from the caller.

Header dates (`find_published`) are found by our own patterns:
  "Tuesday 14 November 2023 09:30 GMT", "14th of November 2023", "Nov. 14, 2023",
  "November 14, 2023 5:02 PM ET", "2023-11-14", "2023-11-14T09:30:00Z", "2023/11/14",
  and all-numeric "14/11/2023" or "11.14.2023". An all-numeric date is read day-first
  when its first number is > 12, month-first when its second is > 12; when both are
  <= 12 and differ it is ambiguous, and used only if a weekday name on the same line
  agrees with exactly one reading. Otherwise it is skipped.
A date labelled "Published/Posted/First published/Created/Dated" beats an unlabelled
dateline line, which beats "Updated/Last modified/Edited"; a date in the title or in a
prose line comes last, and only when it starts the line (a dateline prefix such as
"WASHINGTON, Nov. 14, 2023 (Reuters) -"). Dates preceded by a preposition ("on 7 October
2023") are prose, never the dateline. When the patterns find nothing, `dateparser`
reads short header lines with a fixed RELATIVE_BASE; a result that moves with that base
("2 hours ago") is relative and ignored.
"""
from __future__ import annotations

import calendar
import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import Article

FIRST_YEAR, LAST_YEAR = 1000, 9899   # a publication date given on the command line
HEADER_LINES = 15           # non-empty lines of the header searched for the dateline
HEADER_CHARS = 1500         # ... within this many characters
SHORT_LINE = 80             # a header line longer than this is prose, not a dateline
LEDE_CHARS = 80             # a stand-in headline taken from the first sentence is this long
HEADLINE_WORDS = 25         # a first line longer than this that ends a sentence is prose
LABEL_REACH = 25            # a label ("Updated:") stands at most this far before its date
PROSE_LINE = 60             # a body paragraph is at least this long (or ends a sentence)
DATELINE_PREFIX = 40        # in a prose line, a dateline must start within these chars
MARKER_LINE = 160           # a boilerplate marker ("Sign up ...") is a line no longer than this
PARAGRAPH = 100             # after a weak marker, a sentence this long means the body goes on

_MONTH = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = {
    "iso": re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>\d{1,2})"
                      r"(?P=sep)(?P<d>\d{1,2})(?!\d|[/.]\d)"),
    "day_month_year": re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+"
                                 r"(?P<y>\d{4})\b", re.I),
    "month_day_year": re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b",
                                 re.I),
    "numeric": re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
                          r"(?P<y>(?:19|20)\d\d)(?!\d|[/.]\d)"),
}
_LABEL = re.compile(r"\b(?:(?P<pub>published|posted|created|dated?\b|released|issued|filed)"
                    r"|(?P<upd>updated|modified|edited|revised|amended))", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(r"\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
                      r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b", re.I)
_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
_PROSE_PREPOSITION = re.compile(
    r"\b(?:on|in|since|by|until|till|from|before|after|of|to|between|and|than)\s+$", re.I)
_RANK_PUBLISHED, _RANK_DATELINE, _RANK_UPDATED, _RANK_PROSE = 0, 1, 2, 3


@dataclass(frozen=True)
class _Dateline:
    """Where a header date was found: the date, its rank and its place in the text."""

    date: dt.date
    rank: int
    start: int                  # the date's characters
    end: int
    line_start: int
    line_end: int


def parse_date_arg(value: str, option: str = "--published") -> dt.date:
    """A date given on the command line: YYYY-MM-DD or YYYYMMDD."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})(\d{2})(\d{2})", value.strip())
    if not m:
        raise InputError(f"invalid {option} {value!r}: expected YYYY-MM-DD")
    y, mo, d = (int(g) for g in m.groups() if g is not None)
    if not FIRST_YEAR <= y <= LAST_YEAR:      # room for "last year" and "next century"
        raise InputError(f"invalid {option} {value!r}: the year must be {FIRST_YEAR} to {LAST_YEAR}")
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise InputError(f"invalid {option} {value!r}: no such date "
                         f"({_no_such_date_reason(y, mo, d)})") from None


def _no_such_date_reason(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return f"month {month}: the MM of YYYY-MM-DD is 01 to 12"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days"


def read_text(path: Path) -> str:
    """The file's text exactly as stored (UTF-8, or UTF-16 with its BOM; a leading BOM
    removed)."""
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, expected a text file")
        data = path.read_bytes()
    except OSError as exc:          # unreadable, or a name too long for the system
        raise InputError(f"{path}: cannot read the file ({exc.strerror})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):    # as Windows Notepad saves
        try:
            return _not_empty(path, data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(f"{path}: starts as UTF-16 text but is not (save it as UTF-8)") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start}; "
                         f"save it as UTF-8)") from None
    return _not_empty(path, text)


def _not_empty(path: Path, text: str) -> str:
    if not text.strip():
        raise InputError(f"{path}: empty file, expected the text of an article")
    return text


def find_published(text: str) -> dt.date | None:
    """The publication date in the article's header, or None (never today's date)."""
    found = _find_dateline(text)
    return found.date if found else None


def read_article(path: Path, published: dt.date | None = None,
                 option: str = "--published", header_first: bool = False) -> Article:
    """Read an article: its text, title, publication date and body range.

    The date is `published` if given, else the header's; with `header_first`, the
    header's if it has one, else `published`. `option` names the command-line option
    that supplies a missing date."""
    text = read_text(path)
    title = _headline(text)
    # dateparser only if its answer may be used
    dateline = _find_dateline(text, fallback=published is None or header_first)
    if dateline is not None and (published is None or header_first):
        published, dated_by = dateline.date, "its header"
    elif published is not None:
        dated_by = option
    else:
        why = _ambiguous_header_date(text) or "no publication date found in the article"
        raise InputError(f"{path}: {why}; pass {option} YYYY-MM-DD")
    if title and dateline and dateline.line_start == title[0] and _date_alone(text, title, dateline):
        title = _headline_below(text, title[1])
    body = _body_range(text, title, dateline)
    return Article(source=str(path), text=text, published=published,
                   title=text[title[0]:title[1]] if title else _lede(text, body),
                   body=body, dated_by=dated_by)


_WORD_BESIDE = re.compile(r"[^\W\d_]{3,}")


def _date_alone(text: str, line: tuple[int, int], dateline: _Dateline) -> bool:
    """Whether the line holds the date and nothing but a label or weekday ("Published:
    Friday 3 May 2024")."""
    beside = text[line[0]:dateline.start] + text[dateline.end:line[1]]
    return not _WORD_BESIDE.search(_LABEL.sub("", _WEEKDAY.sub("", beside)))


def _headline_below(text: str, start: int) -> tuple[int, int] | None:
    """The headline under a first line that is only the date: the next line, unless it
    ends with a full stop (then it is the story's first paragraph)."""
    line = _headline(text, start)
    return None if line is None or text[line[1] - 1] == "." else line


def _lede(text: str, body: tuple[int, int] | None) -> str:
    """For a story with no headline, the start of its first sentence stands in for one."""
    if body is None:
        return ""
    first = re.split(r"(?<=[.!?])\s", text[body[0]:body[1]].strip(), maxsplit=1)[0]
    if len(first) <= LEDE_CHARS:
        return first
    cut = first.rfind(" ", 0, LEDE_CHARS)
    return first[:cut if cut > 0 else LEDE_CHARS].rstrip(" ,;:—–-") + "…"


# -- header lines and dates -------------------------------------------------------------

def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without its surrounding whitespace."""
    return [m.span() for m in _LINE.finditer(text, start, len(text) if end is None else end)]


def _headline(text: str, start: int = 0) -> tuple[int, int] | None:
    """The first line from `start`, unless it is already the story: a wire story with no
    headline opens with a paragraph that ends a sentence ("BOSTON (AP) — Tom Brady threw
    ..."): a long one, or one that opens with a wire dateline."""
    m = _LINE.search(text, start)
    if m is None:
        return None
    story = len(m.group().split()) > HEADLINE_WORDS or \
        _WIRE_DATELINE.match(text, m.start(), min(m.end(), m.start() + WIRE_DATELINE_CHARS))
    return None if story and _SENTENCE_END.search(m.group()) else m.span()


def _find_dateline(text: str, fallback: bool = True) -> _Dateline | None:
    """The best-ranked date of the header; the earliest among equals. With `fallback`,
    dateparser reads the header lines when the patterns find no date."""
    lines = _lines(text, 0, HEADER_CHARS)[:HEADER_LINES]
    found, pending = [], None
    for i, line in enumerate(lines):
        found += _line_dates(text, line, is_title=i == 0, pending=pending)
        pending = _label_only(text, line)
    if not found and fallback:
        found = [d for i, line in enumerate(lines) if (d := _fallback_date(text, line, i == 0))]
    return min(found, key=lambda d: (d.rank, d.start)) if found else None


def _label_only(text: str, line: tuple[int, int]) -> int | None:
    """The rank a line such as "Published:" gives to the next line's first date."""
    m = _LABEL.fullmatch(text[line[0]:line[1]].rstrip(" :"))
    return None if m is None else _RANK_PUBLISHED if m["pub"] else _RANK_UPDATED


def _line_dates(text: str, line: tuple[int, int], is_title: bool,
                pending: int | None) -> list[_Dateline]:
    """The dates on one header line, each ranked by its label and its place."""
    line_text = text[line[0]:line[1]]
    matches = sorted(((m.start(), m.end(), date) for m in _all_date_matches(line_text)
                      if (date := _match_date(m, line_text))), key=lambda t: t[0])
    # a label word in a sentence ("A second trial date, 4 November 2024, was lost") is
    # no label: in a long line that ends a sentence, only "Published:" or "Updated" is
    prose = len(line_text) > SHORT_LINE and bool(_SENTENCE_END.search(line_text))
    out, previous_end = [], 0
    for start, end, date in matches:
        if start < previous_end:
            continue                    # overlapping readings of the same characters
        rank = _label_rank(line_text[previous_end:start], prose)
        if rank is None and pending is not None and not out:
            rank = pending
        if rank is None:
            rank = _unlabelled_rank(line_text, start, is_title)
        if rank is not None:
            out.append(_Dateline(date, rank, line[0] + start, line[0] + end, *line))
        previous_end = end
    return out


def _all_date_matches(line_text: str):
    for pattern in _DATE_PATTERNS.values():
        yield from pattern.finditer(line_text)


def _label_rank(segment: str, prose: bool = False) -> int | None:
    """The rank a label such as "Published:" just before a date gives it; a label further
    back is a word of a sentence ("Polling published this morning ... on 1 January"). In
    `prose`, a label must be capitalised or end with a colon ("Published: ...")."""
    labels = list(_LABEL.finditer(segment))
    if not labels or len(segment) - labels[-1].end() > LABEL_REACH:
        return None
    label = labels[-1]
    if prose and not (label.group()[0].isupper() or segment[label.end():].lstrip().startswith(":")):
        return None
    return _RANK_PUBLISHED if labels[-1]["pub"] else _RANK_UPDATED


def _unlabelled_rank(line_text: str, start: int, is_title: bool) -> int | None:
    if _PROSE_PREPOSITION.search(line_text[:start]):
        return None                     # "on 7 October 2023": a date in a sentence
    if not is_title and len(line_text) <= SHORT_LINE:
        return _RANK_DATELINE
    return _RANK_PROSE if start <= DATELINE_PREFIX else None


def _match_date(m: re.Match, line_text: str) -> dt.date | None:
    """The calendar date a pattern match denotes, or None if it is not a valid one."""
    groups = m.groupdict()
    if groups.get("a"):
        return _numeric_date(int(groups["a"]), int(groups["b"]), int(groups["y"]), line_text)
    month = int(groups["m"]) if groups.get("m") else \
        _MONTHS.index(groups["mon"][:3].lower()) + 1
    return _valid_date(int(groups["y"]), month, int(groups["d"]))


def _numeric_date(a: int, b: int, year: int, line_text: str) -> dt.date | None:
    """14/11/2023 (day first), 11/14/2023 (month first), or a weekday on the line decides."""
    readings = {d for d in (_valid_date(year, b, a), _valid_date(year, a, b)) if d}
    if len(readings) > 1:
        weekdays = {_WEEKDAYS.index(w.group()[:3].lower()) for w in _WEEKDAY.finditer(line_text)}
        readings = {d for d in readings if d.weekday() in weekdays}
    return readings.pop() if len(readings) == 1 else None


def _ambiguous_header_date(text: str) -> str | None:
    """Why a numeric header date was no answer: "03/02/2024" may be either of two days."""
    for m in _DATE_PATTERNS["numeric"].finditer(text, 0, HEADER_CHARS):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        first, second = _valid_date(year, b, a), _valid_date(year, a, b)
        if first and second and first != second:
            return (f"the header date {m.group()!r} could be {first.day} {first:%B} "
                    f"or {second.day} {second:%B %Y}")
    return None


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _fallback_date(text: str, line: tuple[int, int], is_title: bool) -> _Dateline | None:
    """dateparser on a short header line; relative dates ("2 hours ago") are refused."""
    line_text = text[line[0]:line[1]]
    if is_title or len(line_text) > SHORT_LINE or not re.search(r"\d", line_text):
        return None
    if any(True for _ in _all_date_matches(line_text)):
        return None                     # our patterns already judged it (e.g. ambiguous)
    rank = _label_rank(line_text)
    candidate = _LABEL.sub(" ", line_text).strip(" :|,-–—")
    import dateparser                   # slow to import; only needed here

    dates = set()
    for base in (dt.datetime(2001, 1, 1), dt.datetime(2031, 6, 15)):
        parsed = dateparser.parse(candidate, languages=["en"], settings={
            "RELATIVE_BASE": base, "REQUIRE_PARTS": ["day", "month", "year"]})
        dates.add(parsed.date() if parsed else None)
    date = dates.pop() if len(dates) == 1 else None
    if date is None or not 1900 <= date.year <= 2100:
        return None
    return _Dateline(date, _RANK_DATELINE if rank is None else rank, *line, *line)


# -- body ---------------------------------------------------------------------------------

_BOILERPLATE_STRONG = re.compile(
    r"(?:join (?:our|the) (?:comment|conversation|discussion)|thank you for (?:registering|"
    r"signing up|subscribing)|please (?:refresh|log ?in|sign ?in)|sign up\b|subscribe\b"
    r"|copyright\b|©|all rights reserved|share this (?:article|story)|follow us\b)", re.I)
_BOILERPLATE_WEAK = re.compile(
    r"(?:read more\b|related\b(?: (?:articles?|stories|coverage|content|topics))?\s*:?"
    r"|more on this (?:story|topic)|most read\b|comments?(?:\s*\(?\d+\)?)?\s*$)", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


def _body_range(text: str, title: tuple[int, int] | None,
                dateline: _Dateline | None) -> tuple[int, int] | None:
    """From the first prose paragraph after the header to the trailing boilerplate.

    A wire dateline that opens the first paragraph ("WASHINGTON, Oct 3 (Reuters) - ") is
    header, not body: the body starts after it."""
    anchor = title[1] if title else 0
    if dateline is not None and (title is None or dateline.line_start > title[0]):
        long_line = dateline.line_end - dateline.line_start > SHORT_LINE
        anchor = dateline.end if long_line else dateline.line_end
    start = _first_prose(text, anchor)
    if start is None:
        return None
    start = _after_wire_dateline(text, start)
    return start, _boilerplate_start(text, start)


def _first_prose(text: str, anchor: int) -> int | None:
    """The start of the first line at or after `anchor` that reads like prose, or of the
    day headings and timestamps right above it (a live blog's "Sunday 10 November",
    "11:40 GMT")."""
    head = re.compile(r"[\s:|,;—–-]*").match(text, anchor)
    stamps = None
    for m in _LINE.finditer(text, head.end()):
        line = m.group()
        if len(line) >= PROSE_LINE or _SENTENCE_END.search(line):
            return m.start() if stamps is None else stamps
        stamps = (m.start() if stamps is None else stamps) if _STAMP_LINE.fullmatch(line) else None
    return None


_STAMP_LINE = re.compile(rf"\d{{1,2}}[:.]\d\d(?: ?(?i:[ap]\.?m\.?))?(?: [A-Z]{{2,4}})?"
                         rf"|(?i:(?:{_WEEKDAY.pattern},? )?(?:\d{{1,2}}{_ORD} {_MONTH}|{_MONTH.replace('?P<mon>', '')} \d{{1,2}}{_ORD}))")


# A wire-service dateline opening a paragraph: CITY[, Region][, date] [(Agency)] SEPARATOR.
# The city is in capitals ("NEW YORK", "ST. LOUIS") unless an agency follows it
# ("Nairobi, Kenya (AP) _"); a paragraph may also open with the agency alone ("(CNN) -").
# Press releases name theirs between slashes ("NEW YORK, Nov. 14, 2023 /PRNewswire/ --").
_CAPS_CITY = r"(?:Mc|Mac)?[A-Z][A-Z.'’-]*[A-Z.](?:[ /](?:Mc|Mac)?[A-Z][A-Z.'’-]*){0,3}"
_TITLE_CITY = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_WIRE_SEGMENT = r",[ \t]*[A-Z0-9][\w.'’/-]*(?:[ \t]+[A-Z0-9][\w.'’/-]*){0,3}"
_AGENCY = r"(?:\([ \t]*[A-Za-z][^()\n]{0,40}\)|/[ \t]*[A-Za-z][^/\n]{0,40}/)"
_WIRE_SEPARATOR = r"(?:[ \t]+(?:--?|_)[ \t]+|[ \t]*(?:—|–|--)[ \t]*)"
_AGENCY_SEPARATOR = r"[ \t]*(?:--?|_|—|–)[ \t]*"      # "(AP)_ The", "(Reuters)- The"
_WIRE_DATELINE = re.compile(
    rf"(?:{_CAPS_CITY}(?:{_WIRE_SEGMENT}){{0,3}}"
    rf"(?:[ \t]*{_AGENCY}{_AGENCY_SEPARATOR}|{_WIRE_SEPARATOR})"
    rf"|{_CAPS_CITY}(?:{_WIRE_SEGMENT}){{0,3}}[ \t]*{_AGENCY}[ \t]*"
    rf"|(?:{_TITLE_CITY}(?:{_WIRE_SEGMENT}){{0,3}}[ \t]*)?{_AGENCY}{_AGENCY_SEPARATOR}"
    rf"|\([ \t]*[A-Z]{{2,}}[ \t]*\)[ \t]*)"
    r"(?=[\"“‘'A-Z0-9])")
WIRE_DATELINE_CHARS = 120   # a wire dateline is no longer than this


def _after_wire_dateline(text: str, start: int) -> int:
    """`start`, or the end of a wire dateline that opens the line holding `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_start += len(text[line_start:start]) - len(text[line_start:start].lstrip())
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    m = _WIRE_DATELINE.match(text, line_start, min(line_end, line_start + WIRE_DATELINE_CHARS))
    return m.end() if m and m.end() > start else start


def _boilerplate_start(text: str, body_start: int) -> int:
    """Where the trailing boilerplate begins (the end of the body), searching its last half.

    A strong marker ("Join our commenting forum", "Sign up", "Copyright") ends the body; a
    weak one ("Read more", "Related:", "Comments") only when no long paragraph follows it.
    """
    lines = _lines(text, body_start)
    half = body_start + (len(text) - body_start) // 2
    paragraph_after = _paragraph_after(text, lines)
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if start < half or len(line) > MARKER_LINE:
            continue
        if _BOILERPLATE_STRONG.match(line) or (
                _BOILERPLATE_WEAK.match(line) and not paragraph_after[i]):
            return lines[i - 1][1] if i else len(text)
    return lines[-1][1] if lines else len(text)


def _paragraph_after(text: str, lines: list[tuple[int, int]]) -> list[bool]:
    """For each line, whether a long paragraph follows it (one pass from the end)."""
    after, seen = [False] * len(lines), False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = seen
        start, end = lines[i]
        seen = seen or (end - start >= PARAGRAPH and bool(_SENTENCE_END.search(text, start, end)))
    return after
