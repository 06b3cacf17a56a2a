"""Tagging speed of timeline.annotate against dateparser.search_dates on TimeML documents.

Usage: .venv/bin/python benchmarks/bench_tag.py [GOLD_DIR_OR_FILE...] [--score]
The documents (text + DCT) are read once; each tagger is warmed up on the first document,
then timed over all of them in the same run. --score also prints the TempEval-3 relaxed F1
and value F1 of both outputs, scored by timeline.evaluate.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import timeline  # noqa: E402
from dateparser.search import search_dates  # noqa: E402
from timeline.evaluate import Report, gold_files, score_document  # noqa: E402
from timeline.models import Timex  # noqa: E402
from timeline.timeml import read_timeml  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "data" / "tbaq"


def dateparser_timexes(text: str, published: dt.date) -> list[Timex]:
    """search_dates hits as DATE timexes: each matched substring found in order, value YYYY-MM-DD."""
    settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time()),
                "PREFER_DATES_FROM": "past"}
    hits = search_dates(text, languages=["en"], settings=settings) or []
    timexes, pos = [], 0
    for substring, when in hits:
        start = text.find(substring, pos)
        if start < 0:
            continue
        pos = start + len(substring)
        timexes.append(Timex(start, pos, substring, "DATE", when.date().isoformat(),
                             rule="dateparser"))
    return timexes


def timed(tagger, docs) -> tuple[float, list[list]]:
    """Warm `tagger` up on the first document, then the seconds it takes over all, and its output."""
    tagger(docs[0][0].text, docs[0][0].published)
    start = time.perf_counter()
    outputs = [list(tagger(article.text, article.published)) for article, _ in docs]
    return time.perf_counter() - start, outputs


def score(docs, outputs) -> Report:
    """The TempEval-3 report of one tagger's outputs."""
    report = Report()
    for (article, gold), system in zip(docs, outputs):
        report += score_document(Path(article.source).name, article.text, gold, system)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_GOLD])
    parser.add_argument("--score", action="store_true", help="also print TE3 relaxed/value F1")
    args = parser.parse_args(argv)
    docs = [read_timeml(path) for path in gold_files(args.paths)]
    chars = sum(len(article.text) for article, _ in docs)
    print(f"{len(docs)} documents, {chars} characters")
    results = {}
    for name, tagger in (("timeline.annotate", timeline.annotate),
                         ("dateparser.search_dates", dateparser_timexes)):
        seconds, outputs = timed(tagger, docs)
        results[name] = (seconds, outputs)
        print(f"{name:24} {len(docs) / seconds:9.1f} docs/s {1000 * seconds / len(docs):9.2f} ms/doc"
              f"  ({sum(map(len, outputs))} timexes)")
    ours, theirs = (seconds for seconds, _ in results.values())
    print(f"speed ratio timeline/dateparser: {theirs / max(ours, 1e-9):.1f}x")
    if args.score:
        print(f"{'TE3 score':24} {'relaxed F1':>10} {'value F1':>9}")
        for name, (_, outputs) in results.items():
            report = score(docs, outputs)
            print(f"{name:24} {report.relaxed_f1:10.3f} {report.value_f1:9.3f}")


if __name__ == "__main__":
    main()
