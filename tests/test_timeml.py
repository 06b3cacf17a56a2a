"""Reading and writing TimeML and JSON Lines (timeline.timeml)."""
import datetime as dt
import json

import pytest

from timeline.errors import InputError
from timeline.models import Article, Timex
from timeline.timeml import GoldTimex, read_timeml, to_json_line, to_timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08T10:00" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Not part of the text</TITLE>
<TEXT>
Stocks <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">on <SIGNAL sid="s1">Wednesday</SIGNAL></TIMEX3>, AT&amp;T said.
It was the worst <TIMEX3 tid="t2" type="DURATION" value="P1W" mod="APPROX">week</TIMEX3> in &lt;five&gt; years.
</TEXT>
</TimeML>
"""
TEXT = ("\nStocks fell on Wednesday, AT&T said.\n"
        "It was the worst week in <five> years.\n")


def write(tmp_path, content, name="doc.tml"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_read_timeml_text_dct_and_offsets(tmp_path):
    path = write(tmp_path, SAMPLE)
    article, gold = read_timeml(path)
    assert article == Article(source=str(path), text=TEXT, published=dt.date(1998, 1, 8))
    assert [(g.text, g.type, g.value, g.mod) for g in gold] == [
        ("on Wednesday", "DATE", "1998-01-07", None), ("week", "DURATION", "P1W", "APPROX")]
    for g in gold:
        assert TEXT[g.start:g.end] == g.text
    assert gold[0].start == TEXT.index("on Wednesday")


@pytest.mark.parametrize("content, message", [
    ("<TimeML><TEXT>a & b</TEXT></TimeML>", "not valid XML"),
    ("<TimeML><TEXT>no DCT</TEXT></TimeML>", "no DCT/TIMEX3"),
    ('<TimeML><DCT><TIMEX3 value="1998-01-08"/></DCT></TimeML>', "no TEXT"),
    ('<TimeML><DCT><TIMEX3 value="soon"/></DCT><TEXT/></TimeML>', "does not start with a date"),
])
def test_read_timeml_bad_input(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(InputError, match=message) as info:
        read_timeml(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_read_timeml_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_timeml(tmp_path / "absent.tml")


def test_to_json_line_fields():
    article = Article("a.txt", "Le 7 octobre – “hier”", dt.date(2023, 11, 14))
    tx = Timex(3, 12, "7 octobre", "DATE", "2023-10-07", rule="day_month")
    record = json.loads(to_json_line(article, [tx]))
    assert record == {"source": "a.txt", "dct": "2023-11-14", "timexes": [
        {"start": 3, "end": 12, "text": "7 octobre", "type": "DATE", "value": "2023-10-07"}]}
    assert list(record) == ["source", "dct", "timexes"]
    hier = Timex(15, 21, "“hier”", "DATE", "2023-11-13", rule="yesterday")
    assert '"text": "“hier”"' in to_json_line(article, [hier])   # not \u-escaped


def test_to_timeml_round_trip_with_escaping(tmp_path):
    text = 'AT&T said <b> “on Sunday” & \'today\'\r\n"last month" ]]> the end'
    article = Article("x.txt", text, dt.date(2023, 11, 14))
    spans = [("on Sunday", "2023-11-12", None), ("today", "2023-11-14", None),
             ('"last month"', "2023-10", "START")]
    timexes = [Timex(text.index(s), text.index(s) + len(s), s, "DATE", v, rule="r", mod=m)
               for s, v, m in spans]
    xml = to_timeml(article, timexes)
    assert 'mod="START"' in xml and xml.count("mod=") == 1
    path = write(tmp_path, xml)
    again, gold = read_timeml(path)
    assert again.text == text and again.published == article.published
    assert gold == [GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in timexes]


def test_to_timeml_escapes_attributes_and_drops_overlaps(tmp_path):
    text = "in the last three months"
    article = Article("x.txt", text, dt.date(2023, 11, 14))
    outer = Timex(3, 24, text[3:], "DURATION", 'P3M"&<', rule="r")
    inner = Timex(18, 24, "months", "DURATION", "PXM", rule="r")
    _, gold = read_timeml(write(tmp_path, to_timeml(article, [inner, outer])))
    assert [(g.start, g.end, g.value) for g in gold] == [(3, 24, 'P3M"&<')]
