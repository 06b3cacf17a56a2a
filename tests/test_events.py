"""Sentences, event descriptions and the ordered events of an article."""
import datetime as dt
from pathlib import Path

import pytest

from timeline import annotate
from timeline.events import MAX_DESCRIPTION, build_events, describe, past_references, sentence_spans
from timeline.ingest import read_article
from timeline.models import Article, Event, Period, Timeline, Timex

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b8ae17975e8e1d93.txt"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def timex_at(text: str, phrase: str, period: Period | None = None, nth: int = 0) -> Timex:
    """A hand-made Timex over the nth occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Timex(start, start + len(phrase), phrase, "DATE", "XXXX", "test", "", period)


def day(iso: str) -> Period:
    date = dt.date.fromisoformat(iso)
    return Period(date, date, "day")


# -- sentence_spans -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Mr Austin spoke. Mrs Shin replied.", ["Mr Austin spoke.", "Mrs Shin replied."]),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
    ("Talks at the U.N. Security Council failed.", ["Talks at the U.N. Security Council failed."]),
    ("It opened on Sept. 14. Crowds came.", ["It opened on Sept. 14.", "Crowds came."]),
    ("Due Jan. 5 or Feb. 2 at the latest.", ["Due Jan. 5 or Feb. 2 at the latest."]),
    ("He said: “We will win.” Then he left.", ["He said: “We will win.”", "Then he left."]),
    ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
    ("He said “we are deeply concerned” about it. Others agreed.",
     ["He said “we are deeply concerned” about it.", "Others agreed."]),
    ("“Is it over?” he asked. Nobody knew.", ["“Is it over?” he asked.", "Nobody knew."]),
    ("She lives at No. 10 Downing St. in London.", ["She lives at No. 10 Downing St. in London."]),
    ("J. K. Rowling wrote it. Others agreed.", ["J. K. Rowling wrote it.", "Others agreed."]),
    ("Acme Inc. and Foo Corp. merged, etc. and more.",
     ["Acme Inc. and Foo Corp. merged, etc. and more."]),
    ("Prices rose 5.5 percent. Wow! Why? Nobody knows...",
     ["Prices rose 5.5 percent.", "Wow!", "Why?", "Nobody knows..."]),
    ("First paragraph without a stop\n\nSecond paragraph.", ["First paragraph without a stop",
                                                             "Second paragraph."]),
    ("A photo caption\nThe article starts here.", ["A photo caption", "The article starts here."]),
    ("it ends in lower case. and goes on.", ["it ends in lower case. and goes on."]),
    ("At 5:45 a.m. ET, the centre reported it. It weakened by 7 p.m. Rain fell.",
     ["At 5:45 a.m. ET, the centre reported it.", "It weakened by 7 p.m.", "Rain fell."]),
])
def test_events_sentence_spans_split(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("- On Monday, the union walked out.\n+ On Tuesday, talks resumed.\n* On Friday the "
     "strike ended.", ["On Monday, the union walked out.", "On Tuesday, talks resumed.",
                       "On Friday the strike ended."]),
    ("• the union walked out on Monday\n• talks resumed on Tuesday",
     ["the union walked out on Monday", "talks resumed on Tuesday"]),
    ("– first point here\n— second point here", ["first point here", "second point here"]),
    ("1. The union walked out.\n2. Talks resumed.\n10) they agreed on Friday",
     ["The union walked out.", "Talks resumed.", "they agreed on Friday"]),
    ("Key dates:\n  - 3 May: the vote\n  - 9 May: the count",
     ["Key dates:", "3 May: the vote", "9 May: the count"]),
    # a list item that runs over two lines stays one sentence
    ("- the union said on Monday that the strike, which began in March, would go\n"
     "  on until the end of the year\n- talks resumed",
     ["the union said on Monday that the strike, which began in March, would go\n"
      "  on until the end of the year", "talks resumed"]),
])
def test_events_sentence_spans_list_items_are_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a line that ends a sentence ends it, whatever the next line starts with
    ("The union walked out.\nthen talks resumed on Tuesday.",
     ["The union walked out.", "then talks resumed on Tuesday."]),
    ("“We will strike,” he said.\n“Not again,” she replied.",
     ["“We will strike,” he said.", "“Not again,” she replied."]),
    # not after an abbreviation (long lines: a short one may be a heading)
    ("The delegations met again in the capital, and the talks began at 5 p.m.\nand went "
     "on into the night.", ["The delegations met again in the capital, and the talks began "
                            "at 5 p.m.\nand went on into the night."]),
    ("The delegations met again in the capital, where the minister met Mr.\nSmith of the "
     "U.S. embassy on Monday.", ["The delegations met again in the capital, where the "
                                 "minister met Mr.\nSmith of the U.S. embassy on Monday."]),
    # a dash or a number inside a line is no list marker
    ("The vote - held on Monday - passed 52-48. It was 1. 5 points.",
     ["The vote - held on Monday - passed 52-48.", "It was 1.", "5 points."]),
])
def test_events_sentence_spans_line_breaks(text, expected):
    assert sentences(text) == expected


def test_events_sentence_spans_are_offsets_into_text_without_whitespace():
    text = "Title\r\n\r\n  One sentence here.   Another one.  \n\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["Title", "One sentence here.", "Another one."]


def test_events_sentence_spans_respects_range():
    text = "Outside. Inside one. Inside two. Outside again."
    start, end = text.index("Inside one"), text.index(" Outside again")
    assert [text[s:e] for s, e in sentence_spans(text, start, end)] == [
        "Inside one.", "Inside two."]


def test_events_sentence_spans_hard_wrapped_paragraph_is_one_sentence():
    text = ("The committee said that the final vote on the budget would take place on\n"
            "Monday after a long debate in the chamber.")
    assert sentences(text) == [text]


# -- describe: the seed's sentences -------------------------------------------------------

SEED_DESCRIPTIONS = [
    # (sentence start, expression, occurrence in that sentence, expected beginning)
    ("On Sunday, South Korean", "Sunday", 0,
     "South Korean president Yoon Suk-yeol advised Mr Austin to stay vigilant"),
    ("Ever since Hamas", "7 October", 0, "Hamas carried out the attacks on Israel"),
    ("The Chair of South Korea", "last month", 0,
     "The Chair of South Korea’s Joint Chiefs of Staff said that if Pyongyang"),
    ("While Hamas launched", "7 October", 0, "Hamas launched 5,000 rockets into Israel"),
    ("Last month, South Korean", "Last month", 0,
     "South Korean and US troops conducted their joint live-fire exercises"),
    ("Over the past year", "the past year", 0,
     "North Korea has conducted more than 100 missile tests"),
    ("Meanwhile, on Monday", "Monday", 0,
     "During a press briefing, South Korea’s minister of national defence said"),
]


@pytest.mark.parametrize("opening, expression, nth, expected", SEED_DESCRIPTIONS)
def test_events_describe_seed_sentences(opening, expression, nth, expected):
    text = SEED.read_text(encoding="utf-8")
    sentence = next((s, e) for s, e in sentence_spans(text) if text[s:e].startswith(opening))
    offset = text.index(expression, sentence[0])
    timex = Timex(offset, offset + len(expression), expression, "DATE", "X", "test")
    description = describe(text, sentence, timex)
    assert description.startswith(expected)
    assert expression.lower() not in description.lower()
    assert len(description) <= MAX_DESCRIPTION + 1
    assert description[0].isupper() and not description.endswith((",", ".", " "))


@pytest.mark.parametrize("sentence, expression, expected", [
    ("Hamas carried out the attacks on Israel on 7 October.", "7 October",
     "Hamas carried out the attacks on Israel"),
    ("The minister, on Monday, said the plan was dead.", "Monday",
     "The minister said the plan was dead"),
    ("In Monday’s meeting, the board approved the deal.", "Monday",
     "In the meeting, the board approved the deal"),
    ("Since 2020, prices have risen sharply.", "2020", "Prices have risen sharply"),
    ("As many as 50 people died on Monday, officials said.", "Monday",
     "As many as 50 people died, officials said"),
    ("Prices have risen sharply, since the election in March 2021.", "March 2021",
     "Prices have risen sharply"),
    ("He resigned on Friday; his deputy took over on Monday.", "Monday",
     "His deputy took over"),
    ("But when the army withdrew in 2019, the rebels returned.", "2019",
     "The army withdrew"),
    ("the talks collapsed last week.", "last week", "The talks collapsed"),
    ("Until this week.", "this week", "Until this week"),
    ("She said: “Staff have worked hard since March.”", "March", "“Staff have worked hard.”"),
])
def test_events_describe_removes_date_words_and_picks_clause(sentence, expression, expected):
    timex = timex_at(sentence, expression)
    assert describe(sentence, (0, len(sentence)), timex) == expected


@pytest.mark.parametrize("sentence, expression, expected", [
    ("Sunday 29 June, 2pm-5pm: Family afternoon in Priory Park.", "5pm",
     "Family afternoon in Priory Park"),
    ("Monday: The Sinfonia, who toured in 2019, play Elgar.", "2019",
     "The Sinfonia, who toured in 2019, play Elgar"),
    ("Monday at 10am: Talks begin.", "Monday", "Talks begin"),
    # words other than dates before the colon: no header
    ("Update on Monday: talks begin.", "Monday", "Update: talks begin"),
    # a life's dates: the one verb beside each describes it
    ("Margaret Ashdown, civil engineer, born 12 August 1938; died 1 June 2024",
     "1 June 2024", "Died"),
    # a subordinate clause with its own verb and date is its own event
    ("Dock workers returned to work on Wednesday after union leaders accepted a revised pay offer "
     "late on Tuesday.", "Tuesday", "Union leaders accepted a revised pay offer"),
    ("Dock workers returned to work on Wednesday after union leaders accepted a revised pay offer "
     "late on Tuesday.", "Wednesday", "Dock workers returned to work"),
    # ... but not a span measured from the other date
    ("He was arrested on Friday, two days after police raided his home on Wednesday.", "Friday",
     "He was arrested, two days after police raided his home on Wednesday"),
    # a clause sharing the subject of the clause before it takes that subject
    ("Sales fell 3% yesterday and were flat three days ago.", "three days ago", "Sales were flat"),
    ("She graduated in 1952 and earned a doctorate in 1958.", "1958", "She earned a doctorate"),
    ("He was arrested in May and released on bail in September 2023.", "September 2023",
     "Released on bail"),
    # the words said when the saying has its own date: the event is what was said
    ("Officials said on Tuesday that the bridge will reopen next month.", "next month",
     "The bridge will reopen"),
    ("Officials said on Tuesday that the bridge will reopen next month.", "Tuesday",
     "Officials said that the bridge will reopen next month"),
    ("Obama, who said on Thursday that Mandela belongs to the ages, will travel next week.", "next week",
     "Obama, who said on Thursday that Mandela belongs to the ages, will travel"),
])
def test_events_describe_with_the_other_dates_of_the_sentence(sentence, expression, expected):
    timexes = annotate(sentence, dt.date(2025, 6, 7))
    timex = next(t for t in timexes if t.text == expression)
    assert describe(sentence, (0, len(sentence)), timex, timexes) == expected


# -- describe: where the date words may go, and where they must stay -----------------------

def describe_sentence(sentence: str, expression: str, nth: int = 0,
                      kind: str = "DATE") -> str:
    timex = timex_at(sentence, expression, nth=nth)
    timex = Timex(timex.start, timex.end, timex.text, kind, "X", "test")
    return describe(sentence, (0, len(sentence)), timex)


@pytest.mark.parametrize("sentence, expression, expected", [
    # the start of the clause, its end, between commas, after the subject or the verb
    ("Federal Reserve officials on Thursday signalled they were ready to raise rates.",
     "Thursday", "Federal Reserve officials signalled they were ready to raise rates"),
    ("President Bill Clinton Saturday vowed to hunt down those responsible.", "Saturday",
     "President Bill Clinton vowed to hunt down those responsible"),
    ("The Cypriot government Saturday strongly condemned the attacks.", "Saturday",
     "The Cypriot government strongly condemned the attacks"),
    ("The Buffalo News reported on Friday that the hair was found near the house.",
     "Friday", "The Buffalo News reported that the hair was found near the house"),
    ("Slepian was killed on Oct. 23, 1999 by a sniper hiding in his backyard.",
     "Oct. 23, 1999", "Slepian was killed by a sniper hiding in his backyard"),
    ("Clinton said Friday the INS did the right thing.", "Friday",
     "Clinton said the INS did the right thing"),
    ("The Security Council condemned the bombing on Thursday and called for calm.",
     "Thursday", "The Security Council condemned the bombing and called for calm"),
    ("Kopp became the subject of a manhunt in November when he was named a witness.",
     "November", "Kopp became the subject of a manhunt when he was named a witness"),
    ("The data are due on Friday — at 8:30 a.m. EDT (1230 GMT).", "8:30 a.m. EDT",
     "The data are due on Friday"),
    ("At 8:30 a.m. EDT (1230 GMT), the figures showed a rise in jobs.", "8:30 a.m. EDT",
     "The figures showed a rise in jobs"),
    ("Over the past three years, sales have doubled.", "the past three years",
     "Sales have doubled"),
    ("She has lived there for three years, her neighbour said.", "three years",
     "She has lived there, her neighbour said"),
    ("Her brother, who was jailed in the 1960s, followed in 1979.", "1979",
     "Her brother, who was jailed in the 1960s, followed"),
])
def test_events_describe_cuts_the_date_where_the_clause_stays_grammatical(
        sentence, expression, expected):
    kind = "DURATION" if "years" in expression else "DATE"
    assert describe_sentence(sentence, expression, kind=kind) == expected


@pytest.mark.parametrize("sentence, expression, nth, kept", [
    # a dangling preposition, determiner or conjunction would be left
    ('"We are still operating on a budget written for 2015," said Jane Smith.', "2015", 0,
     "on a budget written for 2015"),
    ("Ridership rose 11 per cent in the first quarter of last year compared with a year "
     "earlier, according to figures.", "the first quarter", 0,
     "11 per cent in the first quarter of last year compared with"),
    ("Ridership rose 11 per cent in the first quarter of last year compared with a year "
     "earlier, according to figures.", "a year earlier", 0, "compared with a year earlier"),
    ("Retailers are heading into Christmas with shelves full of unsold stock.", "Christmas",
     0, "heading into Christmas with shelves full"),
    ("The museum will be open between 9 a.m. and 5 p.m. on weekdays.", "9 a.m.", 0,
     "between 9 a.m. and 5 p.m."),
    ("The museum will be open between 9 a.m. and 5 p.m. on weekdays.", "5 p.m.", 0,
     "between 9 a.m. and 5 p.m."),
    ("Heavy snow from 3 to 9 January, led to the closure of schools.", "9 January", 0,
     "from 3 to 9 January, led to"),
    ("Voters went to the polls on Monday and Tuesday.", "Monday", 0, "on Monday and Tuesday"),
    ("The deal was signed in the Oct. 23 meeting.", "Oct. 23", 0, "the Oct. 23 meeting"),
    ("He also is charged in the 1996 Olympic bombing that killed one person.", "1996", 0,
     "the 1996 Olympic bombing"),
    ("U.S. authorities scheduled a news conference for later today in New York.", "today",
     0, "for later today in New York"),
    ("Trust created a new office, effective Feb. 1.", "Feb. 1", 0, "effective Feb. 1"),
    # a proper name would be cut
    ("Shoppers are expected to flock to stores for Black Friday, which falls this Friday.",
     "Friday", 0, "for Black Friday, which falls this Friday"),
    ("The Sunday Times reported that the minister would resign.", "Sunday", 0,
     "The Sunday Times reported"),
    ("Voters went to the polls on Super Tuesday in 14 states.", "Tuesday", 0,
     "Super Tuesday"),
    # a relative clause or an insertion would lose its complement
    ("Shoppers are expected to flock to stores for Black Friday, which falls this Friday.",
     "this Friday", 0, "which falls this Friday"),
    ("Officials said the library, which opened in 1962, has flooded three times.", "1962", 0,
     "the library, which opened in 1962, has flooded"),
    ("The report, published in March, said the river had risen.", "March", 0,
     "The report, published in March, said"),
    # the date is inside the clause, or is its subject
    ("It was not immediately known if the arrest announced today stemmed from it.", "today",
     0, "the arrest announced today stemmed"),
    ("Today is a sad day for the city.", "Today", 0, "Today is a sad day"),
    ("“This day, in the history of the city, will be remembered.”", "This day", 0,
     "This day, in the history of the city, will be remembered"),
    ("But it was not until Tuesday that Castro revealed the plan.", "Tuesday", 0,
     "not until Tuesday that Castro revealed"),
])
def test_events_describe_keeps_the_date_where_cutting_it_reads_badly(
        sentence, expression, nth, kept):
    assert kept in describe_sentence(sentence, expression, nth)


@pytest.mark.parametrize("sentence, expression, expected", [
    # the clause of the date is a fragment or a parenthetical: the nearest statement
    ("In contrast to Thursday, when 133 people were arrested, protesters were calmer.",
     "Thursday", "133 people were arrested, protesters were calmer"),
    ("Before his Sunday night address, Castro played the affectionate grandfather.",
     "Sunday night", "Castro played the affectionate grandfather"),
    ("Shares closed higher — their best day since March 2020.", "March 2020",
     "Shares closed higher"),
    ("The talks resumed — (1230 GMT).", "1230 GMT", "The talks resumed"),
])
def test_events_describe_falls_back_from_a_fragment_to_a_statement(
        sentence, expression, expected):
    assert describe_sentence(sentence, expression) == expected


@pytest.mark.parametrize("sentence, expression, expected", [
    ('" I was paying $1.75 in 2019.', "2019", "I was paying $1.75"),
    ('The whole city gets to enjoy it on Sunday."', "Sunday", "The whole city gets to enjoy it"),
    ('Now it is double," she said on Monday.', "Monday", "Now it is double, she said"),
    ("“Today, I'm here to tell you we have a suspect,” said the agent on Monday.", "Monday",
     "“Today, I'm here to tell you we have a suspect,” said the agent"),
    ("She said on Monday that “the deal is done", "Monday", "She said that “the deal is done”"),
    ("``Today, I'm here to tell you we have our suspect,'' said Bernard Tolbert.", "Today",
     "``I'm here to tell you we have our suspect,'' said Bernard Tolbert"),
    ("‘We won on Monday", "Monday", "We won"),
    ("The plan was dubbed ‘Hamas-style’ on Monday.", "Monday",
     "The plan was dubbed ‘Hamas-style’"),
])
def test_events_describe_balances_or_strips_quotes(sentence, expression, expected):
    assert describe_sentence(sentence, expression) == expected


def test_events_describe_shortened_quote_is_closed():
    sentence = ("On Monday, the minister said: “North Korea continues to advance its nuclear "
                "and missile capability, and it is making blatant threats of nuclear usage.”")
    description = describe_sentence(sentence, "Monday")
    assert description.endswith("…”") and len(description) <= MAX_DESCRIPTION
    assert description.startswith("The minister said: “North Korea continues")


def test_events_describe_shortening_never_drops_not():
    sentence = ("On Monday, the FBI and Kenyan police said that a suspect who was returned "
                "from Pakistan had not been charged with any offence in connection with it.")
    description = describe_sentence(sentence, "Monday")
    assert description.endswith("…") and "had not" in description


QUOTES = "\"“”‘’`'"
DANGLING_END = {"the", "a", "an", "of", "with", "between", "from", "to", "into", "than", "and"}


@pytest.mark.parametrize("sentence, expression", [
    (sentence, expression) for sentence, expression, _ in [
        ('" I was paying $1.75 in 2019.', "2019", None),
        ('"We are still operating on a budget written for 2015," said Jane Smith.', "2015",
         None),
        ("“The whole city gets to enjoy it,” she said on Sunday of the “new park", "Sunday",
         None),
        ("He said on Monday that the “deal” was “done”, and that “talks would go on",
         "Monday", None),
        ("Heavy snow from 3 to 9 January, led to the closure of schools.", "9 January", None),
        ("The museum will be open between 9 a.m. and 5 p.m.", "5 p.m.", None),
        ("(1230 GMT)", "1230 GMT", None),
    ]
])
def test_events_describe_never_starts_or_ends_with_a_stray_quote_or_word(
        sentence, expression):
    description = describe_sentence(sentence, expression)
    assert description
    if description[0] in QUOTES or description[-1] in QUOTES:   # then a matched one
        assert description[0] not in "”’'" and description[-1] not in "“‘`"
        assert description.count("“") == description.count("”")
        assert description.count('"') % 2 == 0
    assert description.count("“") == description.count("”")
    assert description.split()[-1].lower().strip(".,“”\"") not in DANGLING_END


def test_events_describe_shortens_at_word_boundary():
    sentence = "On Monday, " + " ".join(["the committee debated the long budget"] * 8) + "."
    description = describe(sentence, (0, len(sentence)), timex_at(sentence, "Monday"))
    assert description.endswith("…") and len(description) <= MAX_DESCRIPTION
    assert description[:-1].endswith(("the", "committee", "debated", "long", "budget"))


# -- build_events -------------------------------------------------------------------------

ARTICLE_TEXT = ("Talks resume\n14 November 2023\n\n"
                "The ministers met on Monday. They had last met in March.\n\n"
                "Both sides signed a deal on 7 October, officials said.\n\n"
                "Sign up on 1 December")


def make_article(body: tuple[int, int] | None) -> Article:
    return Article("test.txt", ARTICLE_TEXT, dt.date(2023, 11, 14), "Talks resume", body)


def test_events_build_events_sorts_by_period_and_filters_body():
    text = ARTICLE_TEXT
    body = (text.index("The ministers"), text.index("\n\nSign up"))
    timexes = [
        timex_at(text, "14 November 2023", day("2023-11-14")),            # dateline
        timex_at(text, "Monday", day("2023-11-13")),
        timex_at(text, "March", Period(dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month")),
        timex_at(text, "7 October", day("2023-10-07")),
        timex_at(text, "1 December", day("2023-12-01")),                  # footer
    ]
    events = build_events(make_article(body), timexes)
    assert [e.timex.text for e in events] == ["March", "7 October", "Monday"]
    assert events[1].sentence == "Both sides signed a deal on 7 October, officials said."
    assert events[1].description == "Both sides signed a deal, officials said"
    assert events[0].period == timexes[2].period


def test_events_build_events_skips_unresolved_and_uses_whole_text_without_body():
    text = ARTICLE_TEXT
    timexes = [timex_at(text, "Monday", None), timex_at(text, "1 December", day("2023-12-01"))]
    events = build_events(make_article(None), timexes)
    assert [e.timex.text for e in events] == ["1 December"]


def test_events_past_references_are_the_vague_past_ones_of_the_body():
    from dataclasses import replace

    text = ARTICLE_TEXT
    body = (text.index("The ministers"), text.index("\n\nSign up"))
    timexes = [replace(timex_at(text, "7 October"), value="PAST_REF"),
               replace(timex_at(text, "Monday"), value="PAST_REF"),
               replace(timex_at(text, "March"), value="FUTURE_REF"),
               replace(timex_at(text, "1 December"), value="PAST_REF")]     # footer
    events = past_references(make_article(body), timexes)
    assert [e.timex.text for e in events] == ["7 October", "Monday"]
    assert events[0].description == "Both sides signed a deal, officials said"


def test_events_a_timeline_refuses_an_undated_event_among_the_dated():
    text = ARTICLE_TEXT
    undated = Event(timex_at(text, "Monday"), "The ministers met", "The ministers met on Monday.")
    with pytest.raises(ValueError):
        Timeline(make_article(None), (undated,))
    later = Event(timex_at(text, "March"), "They had last met", "They had last met in March.")
    assert Timeline(make_article(None), (), (later, undated)).vague == (undated, later)


def test_events_build_events_ties_break_on_period_end_then_position():
    text = ARTICLE_TEXT
    month = Period(dt.date(2023, 10, 1), dt.date(2023, 10, 31), "month")
    oct_1 = day("2023-10-01")
    timexes = [timex_at(text, "March", month), timex_at(text, "Monday", month),
               timex_at(text, "7 October", oct_1)]
    events = build_events(make_article(None), timexes)
    assert [e.timex.text for e in events] == ["7 October", "Monday", "March"]


def test_events_build_events_sentence_collapses_whitespace():
    text = "Title\n1 May 2023\n\nThe ministers   met\non Monday in   the capital.\n"
    article = Article("t.txt", text, dt.date(2023, 5, 1), "Title", None)
    (event,) = build_events(article, [timex_at(text, "Monday", day("2023-05-01"))])
    assert event.sentence == "The ministers met on Monday in the capital."


def test_events_build_events_on_seed_article_keeps_body_only():
    article = read_article(SEED)
    text = article.text
    timexes = [timex_at(text, "Tuesday 14 November 2023", day("2023-11-14")),
               timex_at(text, "Sunday", day("2023-11-12")),
               timex_at(text, "7 October", day("2023-10-07"), nth=1),
               timex_at(text, "7 October", day("2023-10-07"), nth=0)]
    events = build_events(article, timexes)
    assert [e.description for e in events] == [
        "Hamas carried out the attacks on Israel", "Hamas launched 5,000 rockets into Israel",
        "South Korean president Yoon Suk-yeol advised Mr Austin to stay vigilant against "
        "potential North Korean attacks"]


def test_events_build_events_long_run_on_text_is_cut_around_each_date():
    unit = "the talks went on Monday and then some more words came here "
    text = "Title\n1 May 2023\n\n" + unit * 2000
    article = Article("t.txt", text, dt.date(2023, 5, 1), "Title", None)
    timexes = [timex_at(text, "Monday", day("2023-05-01"), nth=n) for n in (0, 1000, 1999)]
    events = build_events(article, timexes)
    assert len(events) == 3
    for event in events:
        assert "Monday" in event.sentence and len(event.sentence) <= 1000
        assert event.sentence in " ".join(text.split())
        assert 0 < len(event.description) <= MAX_DESCRIPTION


def write_article(tmp_path, body: str) -> Article:
    path = tmp_path / "article.txt"
    path.write_text(f"Fed signals a pause\n\n{body}\n", encoding="utf-8")
    return read_article(path, published=dt.date(2023, 10, 5))


def test_events_wire_dateline_is_neither_event_nor_description(tmp_path):
    from timeline import annotate

    article = write_article(tmp_path, "WASHINGTON, Oct 3 (Reuters) - Federal Reserve "
                            "officials on Thursday signalled they were ready to wait.")
    events = build_events(article, annotate(article.text, article.published))
    assert [e.timex.text for e in events] == ["Thursday"]
    assert events[0].description == "Federal Reserve officials signalled they were ready to wait"
    assert events[0].sentence.startswith("Federal Reserve officials on Thursday")


def test_events_bullet_lines_are_separate_events(tmp_path):
    from timeline import annotate

    article = write_article(tmp_path, "What happened this week:\n\n"
                            "- On Monday, the union walked out.\n"
                            "+ On Tuesday, talks resumed.\n"
                            "* On Wednesday the strike ended.")
    events = build_events(article, annotate(article.text, article.published))
    assert [(e.timex.text, e.description, e.sentence) for e in events] == [
        ("Monday", "The union walked out", "On Monday, the union walked out."),
        ("Tuesday", "Talks resumed", "On Tuesday, talks resumed."),
        ("Wednesday", "The strike ended", "On Wednesday the strike ended.")]


def test_events_a_live_blog_timestamp_is_described_by_the_entry_under_it(tmp_path):
    article = write_article(tmp_path, "Counting goes on.\n\n11:42 BST\nKeir Starmer has arrived "
                            "at the palace.\n\n11:05 BST\nRishi Sunak has left No 10.")
    events = build_events(article, annotate(article.text, article.published))
    assert sorted((e.timex.text, e.description) for e in events) == [
        ("11:05 BST", "Rishi Sunak has left No 10"),
        ("11:42 BST", "Keir Starmer has arrived at the palace")]


def test_events_n_days_later_is_dated_from_the_day_before_it(tmp_path):
    """"Two days later" stays a duration (P2D, as TimeML has it) but dates its event, and
    the story's next "that night" counts from it; "three years later" is the year it names."""
    article = write_article(tmp_path, "The fire began on July 24. Two days later, it crossed "
                            "the highway. That night it rained. She left in 1952. She came "
                            "back three years later.")
    events = build_events(article, annotate(article.text, article.published))
    dated = {e.timex.text: (e.timex.value, str(e.period.start), e.description) for e in events}
    assert dated["Two days"] == ("P2D", "2023-07-26", "It crossed the highway")
    assert dated["That night"][:2] == ("2023-07-26TNI", "2023-07-26")
    assert dated["three years later"] == ("1955", "1955-01-01", "She came back")


def test_events_a_live_blog_day_heading_dates_its_entries_and_is_no_event(tmp_path):
    article = write_article(tmp_path, "Updated Sunday 8 October 2023\n\nSunday 8 October\n\n"
                            "09:20 BST\nPower is back for most homes.\n\nSaturday 7 October\n\n"
                            "23:50 BST\nCrews expect a long night tonight.\n\n20:30 BST\n"
                            "Ferries will resume tomorrow afternoon.")
    events = build_events(article, annotate(article.text, article.published))
    dated = {e.timex.text: e.timex.value for e in events}
    assert "Saturday 7 October" not in dated and "Sunday 8 October" not in dated
    assert dated["09:20 BST"] == "2023-10-08T09:20"
    assert dated["23:50 BST"] == "2023-10-07T23:50"
    assert dated["tonight"] == "2023-10-07TNI"
    assert dated["tomorrow afternoon"] == "2023-10-08TAF"


def test_events_a_live_blog_in_windows_line_endings_reads_the_same(tmp_path):
    article = write_article(tmp_path, "Counting goes on.\r\n\r\nSaturday 7 October\r\n\r\n"
                            "23:50 BST\r\nCrews expect a long night tonight at 11pm.")
    dated = {e.timex.text: e.timex.value for e in build_events(
        article, annotate(article.text, article.published))}
    assert "Saturday 7 October" not in dated
    assert dated["23:50 BST"] == "2023-10-07T23:50"
    assert dated["tonight"] == "2023-10-07TNI" and dated["11pm"] == "2023-10-07T23:00"


def test_events_year_and_month_headings_stay_events(tmp_path):
    article = write_article(tmp_path, "Counting goes on.\n\n2008\n\nThe bank collapsed.\n\n"
                            "March 2009\n\nThe bank was sold.")
    dated = {e.timex.text for e in build_events(article, annotate(article.text, article.published))}
    assert {"2008", "March 2009"} <= dated


def test_events_a_recap_s_month_headings_carry_their_year(tmp_path):
    """"March 2020: Shutdown", then "April: The first peak": each section's months are of
    the year the headings have reached, running on into the next year."""
    article = write_article(tmp_path, "Here is how the year unfolded.\n\nMarch 2020: Shutdown\n\n"
                            "Schools closed on March 16.\n\nApril: The first peak\n\nCases "
                            "peaked on April 14.\n\nDecember: Vaccines\n\nThe first doses "
                            "arrived.\n\nJanuary: The worst month\n\nDeaths peaked on Jan. 12.")
    dated = {e.timex.text: e.timex.value for e in build_events(
        article, annotate(article.text, dt.date(2021, 3, 11)))}
    assert dated["April 14"] == "2020-04-14" and dated["March 16"] == "2020-03-16"
    assert dated["Jan. 12"] == "2021-01-12"


def test_events_a_range_is_one_span_event(tmp_path):
    """TimeML tags the two ends of a range apart; the timeline has one event from the
    first to the last day. Two dates joined by "and" are a range only after "between"."""
    article = write_article(tmp_path, "This year's festival runs from Friday 11 July to Sunday "
                            "20 July. Prices rose between January 2019 and August 2021. "
                            "She sang in 2019 and 2021.")
    events = build_events(article, annotate(article.text, dt.date(2025, 6, 20)))
    spans = {e.timex.text: (e.timex.value, e.period.start, e.period.end) for e in events}
    assert spans["Friday 11 July to Sunday 20 July"] == (
        "2025-07-11/2025-07-20", dt.date(2025, 7, 11), dt.date(2025, 7, 20))
    assert spans["January 2019 and August 2021"][1:] == (dt.date(2019, 1, 1), dt.date(2021, 8, 31))
    assert "2019" in spans and "2021" in spans
    moved = write_article(tmp_path, "The vote was moved from Tuesday to Thursday.")
    assert {e.timex.text for e in build_events(moved, annotate(moved.text, moved.published))} \
        == {"Tuesday", "Thursday"}                  # a date changed, no range


def test_events_a_day_then_its_clock_time_is_one_event():
    text = "Friday 27 June, 7.30pm: Opening concert at St Mary's Church."
    time = timex_at(text, "7.30pm", Period(dt.date(2025, 6, 27), dt.date(2025, 6, 27), "time"))
    events = build_events(Article("a.txt", text, dt.date(2025, 6, 7)),
                          [timex_at(text, "Friday 27 June", day("2025-06-27")), time])
    assert [(e.timex.text, e.description) for e in events] == \
        [("Friday 27 June, 7.30pm", "Opening concert at St Mary's Church")]


def test_events_a_clock_time_on_its_day_is_one_event(tmp_path):
    """TimeML tags "3 a.m." and "Feb. 14" apart (the preposition belongs to neither);
    the timeline has one event at that time."""
    article = write_article(tmp_path, "Steenkamp was shot at about 3 a.m. on Feb. 14 at his home.")
    timexes = annotate(article.text, dt.date(2013, 2, 20))
    assert [(t.text, t.type, t.value) for t in timexes] == [
        ("about 3 a.m.", "TIME", "2013-02-14T03:00"), ("Feb. 14", "DATE", "2013-02-14")]
    events = build_events(article, timexes)
    assert [(e.timex.text, e.timex.value, e.description) for e in events] == \
        [("about 3 a.m. on Feb. 14", "2013-02-14T03:00", "Steenkamp was shot at his home")]


def test_events_describe_leaves_a_leading_number_alone():
    sentence = "On Sunday 29 June, 2pm-5pm: family afternoon in Priory Park."
    assert describe_sentence(sentence, "Sunday 29 June").startswith("2pm")


def test_events_two_dated_statements_joined_by_and_are_described_apart():
    text = "She graduated from Radcliffe College in 1952 and earned a doctorate from Yale in 1958."
    year = Period(dt.date(1952, 1, 1), dt.date(1952, 12, 31), "year")
    later = Period(dt.date(1958, 1, 1), dt.date(1958, 12, 31), "year")
    events = build_events(Article("a.txt", text, dt.date(2023, 11, 3)),
                          [timex_at(text, "1952", year), timex_at(text, "1958", later)])
    assert [e.description for e in events] == ["She graduated from Radcliffe College",
                                               "She earned a doctorate from Yale"]
