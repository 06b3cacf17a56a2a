"""Reading articles: dates on the command line, files, datelines, title and body."""
import datetime as dt
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.ingest import find_published, parse_date_arg, read_article, read_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b8ae17975e8e1d93.txt"
NOV_14 = dt.date(2023, 11, 14)


def read(tmp_path: Path, text: str, published: dt.date | None = None):
    """`text` written to a file and read back as an article."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path, published)


def article_with_header(*header_lines: str) -> str:
    """A made-up article: a title, the given header lines, then two paragraphs of prose."""
    return "\n\n".join(["Talks resume after a long pause", *header_lines,
                        "The two sides met again in the capital to discuss the ceasefire.",
                        "Officials said further meetings were planned."]) + "\n"


# -- parse_date_arg -----------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2023-11-14", NOV_14),
    ("20231114", NOV_14),
    (" 2023-11-14 ", NOV_14),
    ("2024-02-29", dt.date(2024, 2, 29)),
])
def test_ingest_parse_date_arg_accepts_iso_forms(value, expected):
    assert parse_date_arg(value) == expected


@pytest.mark.parametrize("value", [
    "14/11/2023", "Nov 14 2023", "yesterday", "", "2023-11", "202311145",
])
def test_ingest_parse_date_arg_rejects_other_forms(value):
    with pytest.raises(InputError) as err:
        parse_date_arg(value)
    message = str(err.value)
    assert "\n" not in message
    assert repr(value) in message and "--published" in message and "YYYY-MM-DD" in message
    assert "no such date" not in message


@pytest.mark.parametrize("value", ["0001-01-05", "9999-12-31"])
def test_ingest_parse_date_arg_keeps_to_years_the_calendar_has_room_around(value):
    with pytest.raises(InputError) as err:
        parse_date_arg(value)
    assert "the year must be 1000 to 9899" in str(err.value)


@pytest.mark.parametrize("value, reason", [
    ("2024-02-30", "February 2024 has 29 days"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("20230431", "April 2023 has 30 days"),
    ("2023-13-45", "month 13"),
    ("2023-00-10", "month 0"),
])
def test_ingest_parse_date_arg_well_formed_but_no_such_date(value, reason):
    with pytest.raises(InputError) as err:
        parse_date_arg(value)
    message = str(err.value)
    assert message.startswith(f"invalid --published {value!r}: no such date")
    assert reason in message
    assert "expected" not in message and "\n" not in message


def test_ingest_parse_date_arg_names_the_option():
    with pytest.raises(InputError, match="--dct"):
        parse_date_arg("soon", option="--dct")


# -- read_text ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, content, fragment", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("nul.txt", b"text\x00more", "binary"),
    ("utf16.txt", "Hello".encode("utf-16-le"), "binary"),        # no BOM to say so
    ("utf16_odd.txt", "Hello".encode("utf-16") + b"\x00", "UTF-16"),
    ("utf16_blank.txt", " \n".encode("utf-16"), "empty"),
    ("latin1.txt", "café au lait".encode("latin-1"), "UTF-8"),
    ("png.png", b"\x89PNG\r\n\x1a\n\xff\xfe", "UTF-8"),
])
def test_ingest_read_text_rejects_unreadable_content(tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert str(path) in str(err.value) and fragment in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ingest_read_text_reads_utf16_with_its_bom(tmp_path, encoding):
    path = tmp_path / "notepad.txt"
    path.write_bytes("\ufeffCafé opened on Monday.\r\n".encode(encoding))
    assert read_text(path) == "Café opened on Monday.\r\n"


def test_ingest_read_text_rejects_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "absent.txt")


def test_ingest_read_text_rejects_directory(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_ingest_read_text_strips_bom_and_keeps_everything_else(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\r\n\r\nBody ’quoted’.\r\n".encode("utf-8"))
    assert read_text(path) == "Title\r\n\r\nBody ’quoted’.\r\n"


# -- find_published -----------------------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "Tuesday 14 November 2023 09:30 GMT",
    "14 November 2023",
    "14th of November, 2023",
    "Nov. 14, 2023",
    "Nov 14 2023",
    "November 14, 2023 5:02 PM ET",
    "Tuesday, November 14, 2023",
    "2023-11-14",
    "2023-11-14T09:30:00Z",
    "2023/11/14",
    "Published: 14 November 2023",
    "Published 09:30 GMT, 14 Nov 2023",
    "Updated 14 November 2023",
    "Posted on Nov 14, 2023",
    "Last modified on Tue 14 Nov 2023 10.01 GMT",
    "By Jane Doe | 14 November 2023",
    "14/11/2023",
    "11/14/2023",
    "14.11.2023",
    "Tue 11/14/2023",
    "Published 14th Nov '23",       # not one of our patterns: dateparser reads the line
])
def test_ingest_find_published_reads_dateline_forms(dateline):
    assert find_published(article_with_header("By Jane Doe", dateline)) == NOV_14


@pytest.mark.parametrize("header, expected", [
    (["Updated 15 November 2023", "Published 14 November 2023"], NOV_14),
    (["Published 14 Nov 2023 | Updated 15 Nov 2023"], NOV_14),
    (["Updated: 15 Nov 2023 · First published on 14 Nov 2023"], NOV_14),
    (["Updated 15 November 2023", "14 November 2023"], NOV_14),
    (["Published:", "14 November 2023", "Updated:", "15 November 2023"], NOV_14),
    (["Updated 15 November 2023"], dt.date(2023, 11, 15)),
    (["Tue 06/05/2023"], None),          # weekday fits neither 6 May nor 5 June
    (["Sat 06/05/2023"], dt.date(2023, 5, 6)),
    (["Mon 06/05/2023"], dt.date(2023, 6, 5)),
])
def test_ingest_find_published_prefers_published_and_resolves_ambiguity(header, expected):
    assert find_published(article_with_header(*header)) == expected


@pytest.mark.parametrize("header", [
    ["2 hours ago"],
    ["Updated 3 days ago"],
    ["yesterday"],
    ["05/06/2023"],                      # day-first or month-first: ambiguous
    ["31 February 2023"],
    ["The vote was held on 7 October 2023, officials said, after weeks of delay and debate."],
    ["By Jane Doe"],
    ["Polling published this morning suggests voters oppose the rise, which takes effect on 1 January 2013."],
])
def test_ingest_find_published_gives_none_without_a_dateline(header):
    assert find_published(article_with_header(*header)) is None


def test_ingest_find_published_prefers_dateline_to_date_in_title():
    text = "2022 in review\n\nBy Jane Doe\n14 November 2023\n\nThe year began badly.\n"
    assert find_published(text) == NOV_14


def test_ingest_find_published_reads_dateline_prefix_of_first_paragraph():
    text = ("Talks resume\n\nWASHINGTON, Nov. 14, 2023 (Reuters) - The two sides met again "
            "in the capital to discuss the ceasefire on Monday.\n")
    assert find_published(text) == NOV_14


# -- wire datelines: header, not body ------------------------------------------------------

@pytest.mark.parametrize("dateline", [
    "WASHINGTON, Oct 3 (Reuters) - ",
    "WASHINGTON, Oct. 3 (Reuters) — ",
    "WASHINGTON, Oct 3 (Reuters) -- ",
    "NAIROBI, Kenya (AP) _ ",
    "LONDON (Reuters) - ",
    "LONDON (Reuters) -\n",
    "ST. LOUIS (AP) — ",
    "NEW YORK—",
    "SAN JUAN, Puerto Rico, Oct. 3 (AP) – ",
    "KYIV, Ukraine, Tuesday, 3 October (AFP) - ",
    "Washington (CNN) — ",
    "(CNN)",
    "(Reuters) - ",
    "NEW YORK, Oct. 3 /PRNewswire/ -- ",
    "THE HAGUE, Netherlands (AP)_ ",
    "LONDON (Reuters)- ",
])
def test_ingest_read_article_body_starts_after_wire_dateline(tmp_path, dateline):
    prose = ("Federal Reserve officials on Thursday signalled they were ready to raise "
             "rates again.")
    path = tmp_path / "wire.txt"
    path.write_text(f"Fed signals pause\n\n{dateline}{prose}\n\nMarkets rose.\n",
                    encoding="utf-8")
    article = read_article(path, published=dt.date(2023, 10, 5))
    body = article.text[article.body[0]:article.body[1]]
    assert body == f"{prose}\n\nMarkets rose."


def test_ingest_read_article_wire_dateline_with_year_is_the_date_and_not_body(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Talks resume\n\nWASHINGTON, Nov. 14, 2023 (Reuters) - The two sides "
                    "met again in the capital on Monday.\n", encoding="utf-8")
    article = read_article(path)
    assert article.published == NOV_14
    assert article.text[article.body[0]:article.body[1]] == (
        "The two sides met again in the capital on Monday.")


@pytest.mark.parametrize("opening", [
    "NATO — the alliance founded in 1949 — said on Monday it would send more troops.",
    "The Federal Reserve (Fed) said on Monday it would wait before raising rates again.",
    "US President Joe Biden - who turned 81 on Monday - said he would run again next year.",
    "COVID-19 cases rose on Monday for the third week in a row, officials said at noon.",
    "Apple (AAPL) - the iPhone maker - said on Monday that sales fell in the quarter.",
])
def test_ingest_read_article_prose_opening_is_no_wire_dateline(tmp_path, opening):
    article = read(tmp_path, f"Title\n\n{opening}\n", NOV_14)
    assert article.text[article.body[0]:article.body[1]] == opening


def test_ingest_wire_dateline_is_only_taken_from_the_first_paragraph(tmp_path):
    later = "LONDON (Reuters) - Shares rose on Monday after the figures were published."
    path = tmp_path / "a.txt"
    path.write_text(f"Title\n\nThe two sides met again in the capital on Monday.\n\n{later}\n",
                    encoding="utf-8")
    article = read_article(path, published=NOV_14)
    assert article.text[article.body[0]:article.body[1]].endswith(later)


def test_ingest_find_published_a_label_word_in_a_sentence_is_no_label():
    text = ("Headline\n\nThursday 6 March 2025 16:20 GMT\n\nA second trial date, 4 November 2024, "
            "was lost when the defence asked for more time to study the evidence.\n")
    assert find_published(text) == dt.date(2025, 3, 6)


def test_ingest_find_published_reads_labels_in_a_byline_sentence():
    text = ("Headline\n\nBy Jane Smith, Local Democracy Reporter. Published: 14 November 2023. "
            "Last updated: 16 November 2023.\n\nThe council met on Monday.\n")
    assert find_published(text) == dt.date(2023, 11, 14)


def test_ingest_find_published_looks_only_at_the_header():
    prose = "A sentence of the article that carries no date at all, only words.\n\n"
    text = "Title\n\n" + prose * 20 + "14 November 2023\n"
    assert find_published(text) is None


# -- read_article -------------------------------------------------------------------------

def test_ingest_read_article_seed_title_and_date():
    article = read_article(SEED)
    assert article.title.startswith("China and Russia accused of helping boost North Korea")
    assert article.title.endswith("attack")
    assert article.published == NOV_14
    assert article.source == str(SEED)


def test_ingest_read_article_seed_body_excludes_header_and_footer():
    article = read_article(SEED)
    start, end = article.body
    body, text = article.text[start:end], article.text
    assert body.startswith("The United States has expressed concern")
    assert body.endswith("than we have ever seen.”")
    for outside in ("Tuesday 14 November 2023 09:30 GMT", "Kim Jong-un arrives in Russia",
                    "Maroosha Muzaffar", "Join our commenting forum", "Thank you for registering"):
        assert outside in text and outside not in body
    assert "Comments" not in body
    assert "Join our commenting forum" in text[end:]


def test_ingest_read_article_published_argument_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(article_with_header("14 November 2023"), encoding="utf-8")
    assert read_article(path, published=dt.date(2020, 1, 2)).published == dt.date(2020, 1, 2)


def test_ingest_read_article_without_date_asks_for_published(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(article_with_header("By Jane Doe", "2 hours ago"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(path)
    assert str(err.value) == (f"{path}: no publication date found in the article; "
                              "pass --published YYYY-MM-DD")


def test_ingest_read_article_ambiguous_header_date_says_why(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(article_with_header("Published: 03/02/2024"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_article(path)
    assert "'03/02/2024' could be 3 February or 2 March 2024; pass --published" in str(err.value)


def test_ingest_read_article_without_dateline_body_starts_after_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n\nThe two sides met again on Monday.\n\nMore talks.\n",
                    encoding="utf-8")
    article = read_article(path, published=NOV_14)
    assert article.title == "Talks resume"
    assert article.text[article.body[0]:article.body[1]] == (
        "The two sides met again on Monday.\n\nMore talks.")


@pytest.mark.parametrize("footer", [
    "Sign up to our newsletter",
    "Copyright 2023 The Daily Example",
    "© 2023 The Daily Example. All rights reserved.",
    "Related: Why the talks failed",
    "Read more",
    "Comments (12)",
    "Join our commenting forum",
])
def test_ingest_read_article_body_stops_at_trailing_boilerplate(tmp_path, footer):
    prose = "The two sides met again in the capital to discuss a lasting ceasefire deal."
    path = tmp_path / "a.txt"
    path.write_text(f"Talks resume\n14 November 2023\n\n{prose}\n\n{prose}\n\n{footer}\n\n"
                    "Footer text.\n", encoding="utf-8")
    article = read_article(path)
    body = article.text[article.body[0]:article.body[1]]
    assert body == f"{prose}\n\n{prose}"


def test_ingest_read_article_read_more_mid_article_is_not_the_end(tmp_path):
    prose = ("The two sides met again in the capital to discuss a lasting ceasefire deal, "
             "and officials said that further meetings were planned before the winter.")
    path = tmp_path / "a.txt"
    path.write_text(f"Talks resume\n14 November 2023\n\n{prose}\n\n{prose}\n\n"
                    f"Read more: an earlier story\n\n{prose}\n", encoding="utf-8")
    article = read_article(path)
    assert article.body[1] == len(article.text.rstrip())


def test_ingest_read_article_boilerplate_words_in_header_do_not_end_body(tmp_path):
    prose = "The two sides met again in the capital to discuss a lasting ceasefire deal."
    path = tmp_path / "a.txt"
    path.write_text(f"Talks resume\n14 November 2023\nComments\nA photo caption\n\n"
                    f"{prose}\n\n{prose}\n", encoding="utf-8")
    article = read_article(path)
    assert article.text[article.body[0]:article.body[1]] == f"{prose}\n\n{prose}"


def test_ingest_read_article_many_weak_markers_before_a_final_paragraph(tmp_path):
    """Each weak marker looks ahead for a paragraph; that look-ahead is shared, not repeated."""
    prose = "The two sides met again in the capital to discuss a lasting ceasefire deal."
    final = ("The two sides met again in the capital to discuss a lasting ceasefire deal, "
             "and officials said that further meetings were planned before the winter.")
    path = tmp_path / "a.txt"
    path.write_text("Talks resume\n14 November 2023\n\n" + f"{prose}\n\n" * 50
                    + "Read more\n" * 5000 + final + "\n", encoding="utf-8")
    article = read_article(path)
    assert article.body[1] == len(article.text.rstrip())
    path.write_text("Talks resume\n14 November 2023\n\n" + f"{prose}\n\n" * 50
                    + "Read more\n" * 5000 + "Footer.\n", encoding="utf-8")
    article = read_article(path)
    assert "Footer." not in article.text[article.body[0]:article.body[1]]


def test_ingest_read_article_a_label_word_in_prose_does_not_end_the_header(tmp_path):
    """"published" far before a date in a sentence is no "Published:" label."""
    text = ("Chancellor faces revolt\n\nThe chancellor faces a rebellion over fuel duty.\n\n"
            "Polling published this morning suggests voters oppose the rise, which would take "
            "effect on 1 January 2013.\n\nThe chancellor will speak on Wednesday.\n")
    article = read(tmp_path, text, dt.date(2012, 11, 20))
    assert text[article.body[0]:].startswith("The chancellor faces")


def test_ingest_read_article_without_headline_starts_its_body_at_the_first_paragraph(tmp_path):
    """A wire story may open with its first paragraph: that sentence is body, not title."""
    text = ("FOXBOROUGH, Mass. — Tom Brady threw for 316 yards, but the New England Patriots "
            "lost their home opener for the first time since 2001, falling 20-18 to the "
            "Arizona Cardinals on Sunday.\n\nThe Patriots had won their previous 10 home openers.\n")
    article = read(tmp_path, text, dt.date(2012, 9, 17))
    assert article.body[0] < text.index("on Sunday")
    # its first sentence, shortened, stands in for the headline (the wire dateline left out)
    assert article.title == "Tom Brady threw for 316 yards, but the New England Patriots lost their home…"


def test_ingest_read_article_a_short_lede_after_a_wire_dateline_is_body(tmp_path):
    text = ("WASHINGTON (AP) — The Federal Reserve left interest rates unchanged on Wednesday "
            "and signaled it still expects to cut them this year.\n\nThe decision was expected.\n")
    article = read(tmp_path, text, dt.date(2024, 3, 20))
    assert article.body[0] < text.index("on Wednesday")
    assert article.title.startswith("The Federal Reserve left")


_FREED = "More than 150 hostages were freed Friday."
_WIRE = f"KANDAHAR, Afghanistan (AP) -- {_FREED}\n\nThey flew home.\n"
_HEADED = "A year of weather extremes\n\nStorm Babet battered the region on 20 October.\n"


@pytest.mark.parametrize("text, published, title, body", [
    # a first line of only a date is no headline; the wire story's first sentence stands in
    ("December 31, 1999\n\n" + _WIRE, dt.date(1999, 12, 31), _FREED, "More than 150"),
    ("Friday, December 31, 1999\n\n" + _WIRE, dt.date(1999, 12, 31), _FREED, "More than 150"),
    ("1999-12-31\n\n" + _WIRE, dt.date(1999, 12, 31), _FREED, "More than 150"),
    # ... the headline may stand under it, labelled or not
    ("Published: 28 December 2023\n\n" + _HEADED, dt.date(2023, 12, 28), "A year of weather extremes", "Storm Babet"),
    ("Thursday 28 December 2023\n\n" + _HEADED, dt.date(2023, 12, 28), "A year of weather extremes", "Storm Babet"),
    # ... but a sentence under it is the story's first paragraph
    ("Posted 3 May 2024\n\nThe talks resumed on Monday.\n\nNothing moved.\n", dt.date(2024, 5, 3),
     "The talks resumed on Monday.", "The talks resumed"),
])
def test_ingest_read_article_a_first_line_of_only_a_date_is_no_headline(tmp_path, text, published, title, body):
    article = read(tmp_path, text)
    assert article.published == published
    assert article.title == title
    assert text[article.body[0]:].startswith(body)


def test_ingest_read_article_a_live_blog_s_first_day_heading_and_timestamp_are_body(tmp_path):
    text = ("Storm live: thousands without power\nUpdated Sunday 10 November 2024 11:40 GMT\n\n"
            "Sunday 10 November\n\n11:40 GMT\nThe Met Office has lifted the amber warning.\n")
    article = read(tmp_path, text)
    assert article.published == dt.date(2024, 11, 10)
    assert text[article.body[0]:].startswith("Sunday 10 November\n\n11:40 GMT")


def test_ingest_read_article_a_count_above_the_story_is_no_heading(tmp_path):
    text = ("Storm live: thousands without power\nUpdated 10 November 2024\n\n12 Comments\n\n"
            "The Met Office has lifted the amber warning for north Wales.\n")
    article = read(tmp_path, text)
    assert text[article.body[0]:].startswith("The Met Office")


def test_ingest_read_article_a_short_first_line_is_the_headline(tmp_path):
    text = "Patriots lose home opener\n\nTom Brady threw for 316 yards on Sunday.\n"
    article = read(tmp_path, text, dt.date(2012, 9, 17))
    assert article.title == "Patriots lose home opener"
    assert text[article.body[0]:].startswith("Tom Brady")
