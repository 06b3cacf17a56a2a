"""The grammar's own examples, the resolution policy table and the negative corpus."""
import datetime as dt
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from timeline import annotate
from timeline.grammar.loader import compile_rule, load
from timeline.tagger import tag

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = [(rule.name, *example) for rule in load().rules for example in rule.examples]
POLICY = tomllib.loads((CORPUS / "resolution.toml").read_text("utf-8"))["cases"]
NEGATIVE = tomllib.loads((CORPUS / "negative.toml").read_text("utf-8"))["cases"]


def assert_resolves(published: str, text: str, expression: str, value: str, rule: str | None = None):
    timexes = annotate(text, dt.date.fromisoformat(published), named_periods=True)
    found = {t.text: t for t in timexes}
    assert expression in found, f"{expression!r} not tagged in {text!r}: {list(found)}"
    assert found[expression].value == value, found[expression]
    if rule is not None:
        assert found[expression].rule == rule


@pytest.mark.parametrize("rule, published, text, expression, value", EXAMPLES,
                         ids=[f"{e[0]}:{e[3]}" for e in EXAMPLES])
def test_grammar_rule_examples(rule, published, text, expression, value):
    assert_resolves(published, text, expression, value, rule)


@pytest.mark.parametrize("published, text, expression, value", POLICY,
                         ids=[f"{c[0]}:{c[2]}" for c in POLICY])
def test_grammar_resolution_policy(published, text, expression, value):
    assert_resolves(published, text, expression, value)


NEGATIVE_RULES = [(name, text) for name, _, texts in load().negatives for text in texts]


@pytest.mark.parametrize("name, text", NEGATIVE_RULES, ids=[f"{n}:{t}" for n, t in NEGATIVE_RULES])
def test_grammar_negative_rule_examples(name, text):
    assert tag(text) == [], name


@pytest.mark.parametrize("text, why", NEGATIVE, ids=[c[1] for c in NEGATIVE])
def test_grammar_negative_corpus(text, why):
    assert tag(text) == [], why


@pytest.mark.parametrize("text, expressions", [
    ("They reached the finals twice, most recently in 2019.", ["2019"]),
    ("Doctors were threatened, most recently last October.", ["last October"]),
    ("He has most recently worked in Paris.", ["most recently"]),
])
def test_grammar_most_recently_before_a_date_only_points_to_it(text, expressions):
    assert [m.text for m in tag(text)] == expressions


def test_grammar_tagger_never_overlaps():
    text = "On Monday, Oct. 26, 1998, at 9 a.m. EST, the past two years ended early next year."
    mentions = tag(text)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


def test_grammar_rule_without_examples_is_rejected():
    with pytest.raises(ValueError, match="example"):
        compile_rule({"name": "x", "kind": "date", "pattern": "{month}"}, {"month": "(?:May)"}, {})


def test_grammar_unknown_table_is_rejected():
    with pytest.raises(ValueError, match="unknown table"):
        compile_rule({"name": "x", "kind": "date", "pattern": "{nope}", "examples": [["", "", "", ""]]}, {}, {})


def test_grammar_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="kind"):
        compile_rule({"name": "x", "kind": "guess", "pattern": "x", "examples": [["", "", "", ""]]}, {}, {})


def test_grammar_every_resolution_records_rule_and_anchor():
    for timex in annotate("He left on Monday and returns next week.", dt.date(2023, 11, 14)):
        assert timex.rule and timex.anchor.startswith("DCT 2023-11-14")


def test_grammar_trigger_windows_change_nothing(monkeypatch):
    """Running each rule only near words of its vocabulary gives what scanning everything
    with every rule gives."""
    import timeline.tagger as tagger

    root = Path(__file__).resolve().parents[1]
    texts = [text for _, _, text, _, _ in EXAMPLES] + [p.read_text("utf-8") for p in (root / "seeds").glob("*.txt")]
    texts += [text for text, _ in NEGATIVE] + [text for _, text, _, _ in POLICY]
    windowed = [tag(t) for t in texts]
    every_word = set().union(*(rule.vocabulary for rule in load().rules))
    monkeypatch.setattr(tagger, "_windows", lambda text, grammar: [(0, len(text), every_word)])
    assert [tag(t) for t in texts] == windowed


def test_grammar_negative_triggers_change_nothing():
    """A negative with `triggers` runs only near one of those words: on the rules'
    examples, the negative corpus and the news corpus, that gives what running every
    negative everywhere gives."""
    grammar = load()
    always = replace(grammar, negative_vocabulary=tuple(frozenset() for _ in grammar.negatives))
    texts = [text for _, _, text, _, _ in EXAMPLES] + [text for text, _ in NEGATIVE]
    texts += [text for _, _, examples in grammar.negatives for text in examples]
    texts += [p.read_text("utf-8") for p in (CORPUS / "news").glob("*.txt")]
    assert [tag(t, always) for t in texts] == [tag(t, grammar) for t in texts]


def test_grammar_expressions_never_cross_a_blank_line():
    text = "Storm hits coast\n\nMarch 3, 2024 5:02 PM ET\n\nOn Sunday, a storm hit the coast."
    texts = [m.text for m in tag(text)]
    assert "Sunday" in texts
    assert all("\n\n" not in t for t in texts)


def test_grammar_expressions_never_run_past_a_line_ending_a_sentence():
    text = ("Friday: news conference, 11:30 a.m.\nSaturday: walkthroughs, 1 p.m.\n"
            "It began at 11:30 a.m.\nSaturday and ran late.")
    texts = [m.text for m in tag(text)]
    assert texts[:4] == ["Friday", "11:30 a.m.", "Saturday", "1 p.m."]


def test_grammar_named_periods_only_on_request():
    """TimeML tags no event names, so the tagger's TIMEX3 output leaves "the Korean War" out."""
    text = "Those who backed the North during the Korean War will be punished."
    assert annotate(text, dt.date(2023, 11, 14)) == []
    (war,) = annotate(text, dt.date(2023, 11, 14), named_periods=True)
    assert (war.period.start, war.period.end) == (dt.date(1950, 6, 25), dt.date(1953, 7, 27))
    assert annotate("Analysts warned of a new cold war.", dt.date(2013, 3, 22), named_periods=True) == []
