"""The CSV and TimelineJS exports: encoding, columns, order, and formula-injection guard."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

import pytest

from timeline.models import Article, Event, Period, Timeline, Timex
from timeline.render.atomic import atomic_write
from timeline.render.csv import HEADER, csv_bytes, timelinejs_bytes
from timeline.render.timelinejs import HEADER as TLJS_HEADER

D = dt.date
ARTICLE = Article("seeds/korea.txt", "text", D(2023, 11, 14),
                  "China and Russia accused of helping boost North Korea’s military")


def event(start, end=None, gran="day", desc="Something happened", sentence=None,
          text="7 October", value=None, pos=0) -> Event:
    """An event built by hand; the timex value defaults to the start date."""
    end = end or start
    timex = Timex(pos, pos + len(text), text, "DATE", value or start.isoformat(),
                  "en.day_month", "DCT 2023-11-14, past tense", Period(start, end, gran))
    return Event(timex, desc, sentence or desc + ".")


def rows(data: bytes) -> list[list[str]]:
    """Parse CSV bytes as a spreadsheet would: BOM stripped, RFC 4180 quoting."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def table(data: bytes) -> list[dict[str, str]]:
    header, *body = rows(data)
    return [dict(zip(header, row)) for row in body]


SEED = Timeline(ARTICLE, (
    event(D(2023, 11, 12), desc="Yoon Suk-yeol advised Mr Austin to stay vigilant",
          text="On Sunday", pos=30),
    event(D(2023, 10, 1), D(2023, 10, 31), "month", "Troops held live-fire exercises",
          text="Last month", value="2023-10", pos=20),
    event(D(2023, 10, 7), desc="Hamas carried out the attacks on Israel", pos=10),
    event(D(2022, 11, 14), D(2023, 11, 14), "span", "North Korea conducted 100 tests",
          text="the past year", value="P1Y", pos=40),
))


def test_csv_starts_with_bom_and_uses_crlf():
    data = csv_bytes(SEED)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 1 + len(SEED.events)
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_csv_header_is_exact():
    assert rows(csv_bytes(SEED))[0] == [
        "start", "end", "granularity", "value", "expression", "event", "sentence",
        "source", "published", "char_start", "char_end", "rule", "anchor"]
    assert list(HEADER) == rows(csv_bytes(SEED))[0]


def test_csv_row_carries_event_timex_and_article_fields():
    row = table(csv_bytes(SEED))[1]
    assert row == {
        "start": "2023-10-01", "end": "2023-10-31", "granularity": "month",
        "value": "2023-10", "expression": "Last month",
        "event": "Troops held live-fire exercises",
        "sentence": "Troops held live-fire exercises.", "source": "seeds/korea.txt",
        "published": "2023-11-14", "char_start": "20", "char_end": "30",
        "rule": "en.day_month", "anchor": "DCT 2023-11-14, past tense"}


def test_csv_rows_are_chronological():
    starts = [(r["start"], r["end"]) for r in table(csv_bytes(SEED))]
    assert starts == [("2022-11-14", "2023-11-14"), ("2023-10-01", "2023-10-31"),
                      ("2023-10-07", "2023-10-07"), ("2023-11-12", "2023-11-12")]


def test_csv_ties_are_broken_by_end_then_offset():
    tl = Timeline(ARTICLE, (event(D(2023, 10, 7), desc="second", pos=50),
                            event(D(2023, 10, 7), D(2023, 10, 13), "span", desc="week"),
                            event(D(2023, 10, 7), desc="first", pos=5)))
    assert [r["event"] for r in table(csv_bytes(tl))] == ["first", "second", "week"]


def test_csv_times_of_one_day_are_in_clock_order():
    """A live blog tells its day newest first: the rows still run by the clock, the day
    itself before its times."""
    day = D(2024, 11, 10)
    tl = Timeline(ARTICLE, tuple(event(day, gran="time" if v else "day", desc=d, pos=p,
                                       value=f"2024-11-10{v}" if v else None)
                                 for d, v, p in (("late", "T21:00", 5), ("early", "T09:20", 50),
                                                 ("evening", "TEV", 80), ("day", "", 90))))
    assert [r["event"] for r in table(csv_bytes(tl))] == ["day", "early", "evening", "late"]


def test_csv_typographic_quotes_survive_round_trip():
    said = "He said: “we’re deeply concerned”, the ‘Hamas-style’ threat"
    tl = Timeline(ARTICLE, (event(D(2023, 10, 7), desc=said, sentence=said),))
    row = table(csv_bytes(tl))[0]
    assert row["event"] == said and row["sentence"] == said


def test_csv_commas_and_quotes_are_rfc4180_quoted():
    tl = Timeline(ARTICLE, (event(D(2023, 10, 7), desc='Hamas said "no", then left'),))
    data = csv_bytes(tl).decode("utf-8-sig")
    assert '"Hamas said ""no"", then left"' in data
    assert table(csv_bytes(tl))[0]["event"] == 'Hamas said "no", then left'


def test_csv_sentence_newlines_collapse_to_spaces():
    messy = "Hamas  attacked\r\n\n Israel\t on 7 October."
    tl = Timeline(ARTICLE, (event(D(2023, 10, 7), sentence=messy),))
    assert table(csv_bytes(tl))[0]["sentence"] == "Hamas attacked Israel on 7 October."


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_formula_injection_is_neutralised(lead):
    payload = lead + "HYPERLINK(\"http://evil\")"
    tl = Timeline(Article(lead + "src.txt", "t", D(2023, 11, 14)),
                  (event(D(2023, 10, 7), desc=payload, text=payload),))
    row = table(csv_bytes(tl))[0]
    assert row["expression"] == "'" + payload
    assert row["source"] == "'" + lead + "src.txt"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_csv_dates_and_offsets_are_not_escaped():
    row = table(csv_bytes(SEED))[0]
    cells = (row["start"], row["published"], row["char_start"])
    assert cells == ("2022-11-14", "2023-11-14", "40")


def test_csv_empty_timeline_is_just_the_header():
    assert rows(csv_bytes(Timeline(ARTICLE, ()))) == [list(HEADER)]


def test_csv_build_writes_the_bytes(tmp_path):
    from timeline.pipeline import write_outputs

    paths = write_outputs(SEED, tmp_path, formats=())
    assert paths == (tmp_path / f"{Path(SEED.article.source).stem}.csv",)
    assert paths[0].read_bytes() == csv_bytes(SEED)
    assert os.listdir(tmp_path) == [paths[0].name]


def test_atomic_write_failure_keeps_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_bytes(b"old")

    def crash(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        atomic_write({path: b"new"})
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_atomic_write_all_or_nothing(tmp_path):
    """A folder in the way of one file: no file is replaced and no temporary is left."""
    csv_path, png_path = tmp_path / "a.csv", tmp_path / "a.png"
    csv_path.write_bytes(b"old")
    png_path.mkdir()
    with pytest.raises(OSError) as info:
        atomic_write({csv_path: b"new", png_path: b"png"})
    assert info.value.filename == str(png_path)
    assert csv_path.read_bytes() == b"old"
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "a.png"]


def test_timelinejs_header_is_exact():
    expected = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
                "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit",
                "Media Caption", "Media Thumbnail", "Type", "Group", "Background"]
    data = timelinejs_bytes(SEED)
    assert data.startswith(b"\xef\xbb\xbf")
    assert rows(data)[0] == expected == list(TLJS_HEADER)


def test_timelinejs_first_row_is_the_title():
    title = table(timelinejs_bytes(SEED))[0]
    assert title["Type"] == "title"
    assert title["Headline"] == ARTICLE.title
    assert title["Text"] == "Source: seeds/korea.txt · published 14 November 2023"
    assert title["Year"] == ""


def test_timelinejs_events_follow_in_order_with_display_dates():
    events = table(timelinejs_bytes(SEED))[1:]
    assert [e["Display Date"] for e in events] == [
        "14 Nov 2022 – 14 Nov 2023", "October 2023", "7 October 2023", "12 November 2023"]
    assert events[2]["Text"] == "Hamas carried out the attacks on Israel."


def test_timelinejs_day_has_full_date_and_no_end():
    day = table(timelinejs_bytes(SEED))[3]
    assert (day["Year"], day["Month"], day["Day"]) == ("2023", "10", "7")
    assert (day["End Year"], day["End Month"], day["End Day"]) == ("", "", "")


def test_timelinejs_year_leaves_month_and_day_blank():
    tl = Timeline(ARTICLE, (event(D(2022, 1, 1), D(2022, 12, 31), "year", value="2022"),))
    row = table(timelinejs_bytes(tl))[1]
    assert (row["Year"], row["Month"], row["Day"]) == ("2022", "", "")
    assert row["Display Date"] == "2022"


def test_timelinejs_month_leaves_day_blank():
    row = table(timelinejs_bytes(SEED))[2]
    assert (row["Year"], row["Month"], row["Day"]) == ("2023", "10", "")


def test_timelinejs_spans_fill_the_end_columns():
    span, month = table(timelinejs_bytes(SEED))[1:3]
    assert (span["Year"], span["Month"], span["Day"]) == ("2022", "11", "14")
    assert (span["End Year"], span["End Month"], span["End Day"]) == ("2023", "11", "14")
    assert (month["End Year"], month["End Month"], month["End Day"]) == ("2023", "10", "31")


def test_timelinejs_headline_is_cut_on_a_word():
    desc = ("South Korean president Yoon Suk-yeol advised Mr Austin to stay vigilant "
            "against potential North Korean attacks")
    row = table(timelinejs_bytes(Timeline(ARTICLE, (event(D(2023, 11, 12), desc=desc),))))[1]
    assert len(row["Headline"]) <= 80
    assert row["Headline"].endswith("…")
    assert desc.startswith(row["Headline"][:-1] + " ")
    assert row["Text"] == desc + "."


def test_timelinejs_formula_injection_is_neutralised(tmp_path):
    tl = Timeline(Article("s.txt", "t", D(2023, 11, 14), "=cmd|' /C calc'!A0"),
                  (event(D(2023, 10, 7), desc="@SUM(1+1)", sentence="-2+3"),))
    title, row = table(timelinejs_bytes(tl))
    assert title["Headline"] == "'=cmd|' /C calc'!A0"
    assert (row["Headline"], row["Text"]) == ("'@SUM(1+1)", "'-2+3")


@pytest.mark.parametrize("value, expected", [
    ("2024-03-01T09:30", "1 Mar 2024 09:30"),
    ("2024-03-01TNI", "1 Mar 2024 night"),
    ("2024-03-01T24:00", "1 Mar 2024 midnight"),     # the end of the day, not a clock reading
])
def test_display_date_of_a_time(value, expected):
    from timeline.render import display_date

    day = dt.date(2024, 3, 1)
    assert display_date(Period(day, day, "time"), value) == expected


@pytest.mark.parametrize("start, end, expected", [
    ((1980, 1, 1), (2000, 12, 31), "1980–2000"),
    ((2023, 3, 1), (2023, 6, 30), "Mar–Jun 2023"),
    ((2022, 11, 1), (2023, 2, 28), "Nov 2022 – Feb 2023"),
    ((2023, 3, 3), (2023, 6, 30), "3 Mar – 30 Jun 2023"),
])
def test_display_date_of_a_span_of_whole_years_or_months(start, end, expected):
    from timeline.render import display_date

    assert display_date(Period(dt.date(*start), dt.date(*end), "span")) == expected


def test_atomic_write_undoes_earlier_moves_when_a_later_one_fails(tmp_path, monkeypatch):
    """The second move fails (on Windows: the PNG is open in a viewer): both files keep
    their old content, the error names the file, and nothing else is left behind."""
    first, second = tmp_path / "a.csv", tmp_path / "a.png"
    first.write_bytes(b"old csv")
    second.write_bytes(b"old png")
    replace = os.replace

    def busy(src, dst):
        if Path(dst) == second:
            raise PermissionError(13, "in use")
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(OSError) as info:
        atomic_write({first: b"new csv", second: b"new png"})
    assert info.value.filename == str(second)
    assert first.read_bytes() == b"old csv" and second.read_bytes() == b"old png"
    assert sorted(os.listdir(tmp_path)) == ["a.csv", "a.png"]
