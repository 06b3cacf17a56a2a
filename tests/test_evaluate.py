"""TempEval-3 scoring (timeline.evaluate): the matcher, the figures, the report, the corpus."""
import datetime as dt
import importlib.util
import os
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

import timeline
from timeline.errors import InputError
from timeline.evaluate import Report, evaluate, format_report, match, score_document

REPO = Path(__file__).resolve().parents[1]
TBAQ = REPO.parent / "shared" / "data" / "tbaq"
TE3SCORE = REPO.parent / "shared" / "tools" / "te3score.py"

Span = namedtuple("Span", "start end")
Tx = namedtuple("Tx", "start end type value rule", defaults=("DATE", "", "r"))


def test_match_exact_span():
    assert match([Span(0, 5)], [Span(0, 5)]) == [(0, 0)]


def test_match_prefers_exact_spans_over_earlier_overlaps():
    gold = [Span(0, 10), Span(2, 6)]
    system = [Span(2, 6)]
    assert match(gold, system) == [(1, 0)]          # not (0, 0), though gold 0 comes first
    assert match([Span(0, 10)], [Span(2, 6), Span(0, 10)]) == [(0, 1)]


def test_match_overlap_is_one_to_one():
    assert match([Span(0, 10)], [Span(0, 4), Span(5, 10)]) == [(0, 0)]
    assert match([Span(0, 4), Span(5, 10)], [Span(0, 10)]) == [(0, 0)]


def test_match_touching_spans_do_not_overlap():
    assert match([Span(0, 5)], [Span(5, 9)]) == []
    assert match([], [Span(5, 9)]) == [] and match([Span(0, 5)], []) == []


def hand_case():
    """4 gold, 5 system: 2 exact, 1 overlap; 1 wrong value, 1 wrong type; 1 miss, 2 extras."""
    text = "".join(chr(ord("a") + i % 26) for i in range(100))
    gold = [Tx(0, 5, "DATE", "2023"), Tx(10, 20, "DATE", "2023-10"),
            Tx(30, 35, "DURATION", "P1Y"), Tx(50, 55, "DATE", "2023-11-12")]
    system = [Tx(0, 5, "DATE", "2023", "year"), Tx(12, 20, "DATE", "2023-11", "month"),
              Tx(30, 35, "DATE", "P1Y", "span"), Tx(70, 75, "DATE", "2023", "year"),
              Tx(80, 85, "TIME", "T10:00", "clock")]
    return score_document("doc.tml", text, gold, system), text


def test_score_document_figures_by_hand():
    r, _ = hand_case()
    assert (r.files, r.gold, r.system, r.strict, r.relaxed, r.type_ok, r.value_ok) == \
        (1, 4, 5, 2, 3, 2, 2)
    assert r.strict_precision == pytest.approx(0.4) and r.strict_recall == pytest.approx(0.5)
    assert r.strict_f1 == pytest.approx(4 / 9)
    assert r.relaxed_precision == pytest.approx(0.6) and r.relaxed_recall == pytest.approx(0.75)
    assert r.relaxed_f1 == pytest.approx(2 / 3)
    assert r.type_accuracy == pytest.approx(2 / 3) and r.type_f1 == pytest.approx(4 / 9)
    assert r.value_accuracy == pytest.approx(2 / 3) and r.value_f1 == pytest.approx(4 / 9)


def test_score_document_error_lists():
    r, text = hand_case()
    [miss] = r.misses
    assert (miss.text, miss.gold_value, miss.system_value, miss.rule) == \
        (text[50:55], "2023-11-12", None, "")
    assert [(e.system_text, e.rule, e.gold_value) for e in r.extras] == \
        [(text[70:75], "year", None), (text[80:85], "clock", None)]
    [wrong_value] = r.wrong_values
    assert (wrong_value.text, wrong_value.system_text, wrong_value.gold_value,
            wrong_value.system_value, wrong_value.rule) == \
        (text[10:20], text[12:20], "2023-10", "2023-11", "month")
    [wrong_type] = r.wrong_types
    assert (wrong_type.gold_type, wrong_type.system_type, wrong_type.rule) == \
        ("DURATION", "DATE", "span")
    assert f"[{text[50:55]}]" in miss.context and miss.file == "doc.tml"


def test_empty_report_has_zero_figures():
    r = Report()
    assert (r.strict_f1, r.relaxed_f1, r.type_f1, r.value_f1, r.value_accuracy) == (0,) * 5
    assert format_report(r).endswith("TE3 timex: relaxed F1 0.000, value F1 0.000")


def test_reports_add_up():
    r, _ = hand_case()
    both = r + r
    assert (both.files, both.gold, both.system, both.relaxed, len(both.extras)) == (2, 8, 10, 6, 4)
    assert both.relaxed_f1 == pytest.approx(r.relaxed_f1)


def test_format_report_table_and_summary_line():
    r, _ = hand_case()
    out = format_report(r)
    assert out.splitlines()[-1] == "TE3 timex: relaxed F1 0.667, value F1 0.444"
    assert "files 1  gold 4  system 5" in out and "0.600  0.750  0.667" in out
    assert "extras" not in out


def test_format_report_groups_errors():
    r, _ = hand_case()
    out = format_report(r + r, show_errors=True, examples=1)
    assert out.splitlines()[-1] == "TE3 timex: relaxed F1 0.667, value F1 0.444"
    assert "wrong values, by rule (2):\n    2  month" in out
    assert "wrong types, by rule (2):\n    2  span" in out
    assert "extras, by rule (4):\n    2  clock" in out        # tie: by name
    assert "misses, by text (2):\n    2  'yzabc'" in out
    assert "... 1 more" in out


TML = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>
<TEXT>Rain <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> and <TIMEX3 tid="t2" type="DATE" value="1998-01-08">today</TIMEX3>.</TEXT></TimeML>
"""


def test_evaluate_tags_text_and_dct_only(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    seen = []

    def fake_annotate(text, published):
        seen.append((text, published))
        i = text.index("yesterday")
        return [timeline.Timex(i, i + 9, "yesterday", "DATE", "1998-01-06", rule="yesterday")]

    monkeypatch.setattr(timeline, "annotate", fake_annotate)
    r = evaluate([tmp_path])
    assert seen == [("Rain yesterday and today.", dt.date(1998, 1, 8))]
    assert (r.files, r.gold, r.system, r.strict, r.value_ok, len(r.misses)) == (1, 2, 1, 1, 0, 1)
    assert r.wrong_values[0].file == "a.tml"


def test_evaluate_bad_paths(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        evaluate([tmp_path / "absent"])
    with pytest.raises(InputError, match="no .tml files"):
        evaluate([tmp_path])


# A stand-in tagger, run both in process (by evaluate) and by te3score as a command.
STAND_IN = '''
import re, sys
from pathlib import Path
from timeline.models import Timex
from timeline.timeml import read_timeml, to_json_line

PATTERNS = [
    (r"\\b(?:19|20)\\d\\d\\b", "DATE", lambda m, dct: m.group()),
    (r"\\b(?:[A-Z][a-z]+day|today|yesterday)\\b", "DATE", lambda m, dct: dct.isoformat()),
    (r"\\b(?:week|month|year)s?\\b", "DURATION", lambda m, dct: "P1" + m.group()[0].upper()),
    (r"\\b(?:the )?(?:past|last|next) \\w+", "DATE", lambda m, dct: "PAST_REF"),
]


def tag(text, dct):
    """Unsorted, overlapping output on purpose: it exercises the one-to-one matching."""
    return [Timex(m.start(), m.end(), m.group(), type_, value(m, dct), rule=f"p{i}")
            for i, (pattern, type_, value) in enumerate(PATTERNS)
            for m in re.finditer(pattern, text)]


if __name__ == "__main__":
    for path in sys.argv[1:]:
        article, _ = read_timeml(Path(path))
        print(to_json_line(article, tag(article.text, article.published)))
'''


@pytest.mark.skipif(not TBAQ.is_dir() or not TE3SCORE.is_file(),
                    reason="../shared/data/tbaq or ../shared/tools/te3score.py is absent")
def test_evaluate_agrees_with_te3score_on_tbaq(tmp_path):
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("stand_in", script)
    stand_in = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stand_in)
    r = evaluate([TBAQ], tagger=stand_in.tag)
    assert (r.files, r.gold) == (256, 1822)
    assert 0 < r.value_ok < r.relaxed < min(r.gold, r.system) and r.misses and r.extras

    env = dict(os.environ, PYTHONPATH=str(REPO))
    run = subprocess.run([sys.executable, str(TE3SCORE), str(TBAQ), "--", sys.executable,
                          str(script)], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    figures, summary = run.stdout.splitlines()[-2:]
    assert summary == format_report(r).splitlines()[-1]
    assert figures == (
        f"gold {r.gold} system {r.system} | strict P {r.strict_precision:.3f} "
        f"R {r.strict_recall:.3f} F1 {r.strict_f1:.3f} | relaxed P {r.relaxed_precision:.3f} "
        f"R {r.relaxed_recall:.3f} F1 {r.relaxed_f1:.3f} | type acc {r.type_accuracy:.3f} "
        f"F1 {r.type_f1:.3f} | value acc {r.value_accuracy:.3f} F1 {r.value_f1:.3f}")
