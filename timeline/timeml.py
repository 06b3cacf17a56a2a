"""TimeML input and output: read gold TIMEX3 annotations, write JSON Lines and TimeML.

Offsets always point into the text content of the TEXT element (its text and the text and
tails of everything nested in it), the convention of the TempEval-3 scorer.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .models import Article

# Characters XML 1.0 cannot carry even as a character reference.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;"}


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 annotated in a gold TimeML file."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


def read_timeml(path: Path, dct: dt.date | None = None) -> tuple[Article, list[GoldTimex]]:
    """Read a TimeML file: the article (text of TEXT, DCT as published, unless `dct` is
    given: then the file needs no DCT) and its TIMEX3s."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not valid XML ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    dct_el = root.find("DCT/TIMEX3")
    text_el = root.find("TEXT")
    if (dct_el is None and dct is None) or text_el is None:
        missing = "TEXT" if text_el is None else "DCT/TIMEX3"
        raise InputError(f"{path}: not a TimeML document (no {missing} element)")
    published = dct or _parse_dct(path, dct_el.get("value") or "")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _walk(text_el, parts, gold)
    article = Article(source=str(path), text="".join(parts), published=published)
    return article, gold


def _parse_dct(path: Path, value: str) -> dt.date:
    """The date in the first 10 characters of a DCT value."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"{path}: DCT value {value!r} does not start with a date YYYY-MM-DD") from None


def _walk(element: ET.Element, parts: list[str], gold: list[GoldTimex]) -> None:
    """Append the text content of `element` to `parts`, and each nested TIMEX3 to `gold`."""
    if element.text:
        parts.append(element.text)
    for child in element:
        start, first = sum(map(len, parts)), len(parts)
        _walk(child, parts, gold)
        if child.tag == "TIMEX3":
            text = "".join(parts[first:])
            gold.append(GoldTimex(start, start + len(text), text, child.get("type", ""),
                                  child.get("value", ""), child.get("mod")))
        if child.tail:
            parts.append(child.tail)


def to_json_line(article: Article, timexes: Iterable) -> str:
    """One JSON Lines record: source, DCT and the timexes, in the order given."""
    record = {
        "source": article.source,
        "dct": article.published.isoformat(),
        "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                     "value": t.value} for t in timexes],
    }
    return json.dumps(record, ensure_ascii=False)


def to_timeml(article: Article, timexes: Iterable) -> str:
    """A TimeML document: the DCT and the article text with inline TIMEX3 tags.

    TimeML cannot nest or cross TIMEX3 tags: of overlapping timexes, the one starting
    first (the longest on a tie) is written and the others are left out. Control
    characters XML cannot carry become U+FFFD, so offsets are kept.
    """
    text = article.text
    dct = article.published.isoformat()
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n',
           f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" '
           f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>']
    pos = 0
    for n, t in enumerate(_non_overlapping(timexes), start=1):
        attrs = f'tid="t{n}" type="{_escape(t.type, _ATTR_ESCAPES)}" ' \
                f'value="{_escape(t.value, _ATTR_ESCAPES)}"'
        if getattr(t, "mod", None):
            attrs += f' mod="{_escape(t.mod, _ATTR_ESCAPES)}"'
        out.append(_escape(text[pos:t.start], _TEXT_ESCAPES))
        out.append(f"<TIMEX3 {attrs}>{_escape(text[t.start:t.end], _TEXT_ESCAPES)}</TIMEX3>")
        pos = t.end
    out.append(_escape(text[pos:], _TEXT_ESCAPES))
    out.append("</TEXT>\n</TimeML>\n")
    return "".join(out)


def _non_overlapping(timexes: Iterable) -> list:
    """The timexes in text order, dropping any that overlaps one already kept."""
    kept, end = [], 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start >= end and t.end > t.start:
            kept.append(t)
            end = t.end
    return kept


def _escape(s: str, table: dict[str, str]) -> str:
    """Escape `s` for XML text or a double-quoted attribute."""
    s = _ILLEGAL_XML.sub("\ufffd", s)
    return "".join(table.get(c, c) for c in s)
