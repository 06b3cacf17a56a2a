"""Score the tagger on TimeML gold files the way TempEval-3 (Task A) does.

Gold and system timexes are paired one-to-one: first by identical spans, then by
overlapping spans, each gold timex (in document order) taking the first free system
timex (in the order the tagger returned them). Strict figures count the identical spans,
relaxed figures all pairs; type and value accuracy are over the relaxed pairs, and their
F1 is accuracy x relaxed F1.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import timeline

from .errors import InputError
from .timeml import read_timeml

Tagger = Callable[[str, dt.date], list]


@dataclass(frozen=True)
class ErrorItem:
    """One scoring error: a miss, an extra, or a matched pair with a wrong value or type."""

    file: str
    text: str                       # the gold text (the system text for an extra)
    context: str                    # the text around it, the expression in [brackets]
    gold_type: str | None = None
    gold_value: str | None = None
    system_text: str | None = None
    system_type: str | None = None
    system_value: str | None = None
    rule: str = ""                  # the system rule that produced it ("" for a miss)


@dataclass
class Report:
    """TempEval-3 counts over some documents, their figures, and the errors behind them."""

    files: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: list[ErrorItem] = field(default_factory=list)
    extras: list[ErrorItem] = field(default_factory=list)
    wrong_values: list[ErrorItem] = field(default_factory=list)
    wrong_types: list[ErrorItem] = field(default_factory=list)

    def __add__(self, other: Report) -> Report:
        return Report(self.files + other.files, self.gold + other.gold,
                      self.system + other.system, self.strict + other.strict,
                      self.relaxed + other.relaxed, self.type_ok + other.type_ok,
                      self.value_ok + other.value_ok, self.misses + other.misses,
                      self.extras + other.extras, self.wrong_values + other.wrong_values,
                      self.wrong_types + other.wrong_types)

    strict_precision = property(lambda self: _ratio(self.strict, self.system))
    strict_recall = property(lambda self: _ratio(self.strict, self.gold))
    strict_f1 = property(lambda self: _f1(self.strict_precision, self.strict_recall))
    relaxed_precision = property(lambda self: _ratio(self.relaxed, self.system))
    relaxed_recall = property(lambda self: _ratio(self.relaxed, self.gold))
    relaxed_f1 = property(lambda self: _f1(self.relaxed_precision, self.relaxed_recall))
    type_accuracy = property(lambda self: _ratio(self.type_ok, self.relaxed))
    type_f1 = property(lambda self: self.type_accuracy * self.relaxed_f1)
    value_accuracy = property(lambda self: _ratio(self.value_ok, self.relaxed))
    value_f1 = property(lambda self: self.value_accuracy * self.relaxed_f1)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def match(gold: Sequence, system: Sequence) -> list[tuple[int, int]]:
    """Pair gold and system spans one-to-one: exact spans first, then overlapping ones.

    Returns (gold index, system index) pairs. Items need `start` and `end`.
    """
    pairs: list[tuple[int, int]] = []
    free_gold = list(range(len(gold)))
    taken: set[int] = set()
    for same in (_same_span, _overlap):
        for gi in list(free_gold):
            si = next((si for si, s in enumerate(system)
                       if si not in taken and same(gold[gi], s)), None)
            if si is not None:
                pairs.append((gi, si))
                taken.add(si)
                free_gold.remove(gi)
    return pairs


def _same_span(a, b) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(file: str, text: str, gold: Sequence, system: Sequence) -> Report:
    """Score one document's system timexes against its gold ones (start, end, type, value)."""
    pairs = match(gold, system)
    report = Report(files=1, gold=len(gold), system=len(system), relaxed=len(pairs))
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        report.strict += _same_span(g, s)
        report.type_ok += g.type == s.type
        report.value_ok += g.value == s.value
        if g.value != s.value:
            report.wrong_values.append(_error(file, text, g, s))
        if g.type != s.type:
            report.wrong_types.append(_error(file, text, g, s))
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    report.misses = [_error(file, text, g, None) for gi, g in enumerate(gold)
                     if gi not in matched_gold]
    report.extras = [_error(file, text, None, s) for si, s in enumerate(system)
                     if si not in matched_system]
    return report


def _error(file: str, text: str, g, s) -> ErrorItem:
    """The error item for a gold timex `g` and/or a system timex `s` (either may be None)."""
    shown = g if g is not None else s
    return ErrorItem(
        file=file, text=text[shown.start:shown.end],
        context=_context(text, shown.start, shown.end),
        gold_type=g and g.type, gold_value=g and g.value,
        system_text=s and text[s.start:s.end], system_type=s and s.type,
        system_value=s and s.value, rule=s and getattr(s, "rule", "") or "")


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """The expression in [brackets] with up to `width` characters either side, on one line."""
    snippet = f"{text[max(start - width, 0):start]}[{text[start:end]}]{text[end:end + width]}"
    return " ".join(snippet.split())


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """The .tml files named: a file as is, a folder as all *.tml beneath it, sorted."""
    from .pipeline import article_files

    files = article_files(paths, (".tml",), recursive=True)
    missing = next((p for p in files if not p.is_file()), None)
    if missing is not None:
        raise InputError(f"{missing}: no such file or folder")
    return files


def evaluate(paths: Iterable[Path], tagger: Tagger | None = None) -> Report:
    """Tag each gold document from its text and DCT alone and score it against its gold.

    `tagger(text, published) -> list[Timex]` defaults to `timeline.annotate`.
    """
    report = Report()
    for path in gold_files(paths):
        article, gold = read_timeml(path)
        tag = tagger or timeline.annotate
        system = list(tag(article.text, article.published))
        report += score_document(path.name, article.text, gold, system)
    return report


def format_report(report: Report, show_errors: bool = False, examples: int | None = 5) -> str:
    """The figures as a small table, optionally the errors grouped, then the summary line.

    With `show_errors`, wrong values, wrong types and extras are grouped by the system
    rule and misses by their gold text (lowercased), largest groups first, each group
    with its count and up to `examples` examples (None: all).
    """
    r = report
    lines = [
        f"files {r.files}  gold {r.gold}  system {r.system}  "
        f"strict matches {r.strict}  relaxed matches {r.relaxed}",
        f"{'':8}{'P':>7}{'R':>7}{'F1':>7}",
        f"{'strict':8}{r.strict_precision:7.3f}{r.strict_recall:7.3f}{r.strict_f1:7.3f}",
        f"{'relaxed':8}{r.relaxed_precision:7.3f}{r.relaxed_recall:7.3f}{r.relaxed_f1:7.3f}",
        f"{'':8}{'acc':>7}{'F1':>7}",
        f"{'type':8}{r.type_accuracy:7.3f}{r.type_f1:7.3f}",
        f"{'value':8}{r.value_accuracy:7.3f}{r.value_f1:7.3f}",
    ]
    if show_errors:
        sections = [("wrong values, by rule", r.wrong_values, _by_rule, _show_pair),
                     ("wrong types, by rule", r.wrong_types, _by_rule, _show_pair),
                     ("extras, by rule", r.extras, _by_rule, _show_extra),
                     ("misses, by text", r.misses, _by_text, _show_miss)]
        for title, items, key, show in sections:
            lines += _format_groups(title, items, key, show, examples)
    lines.append(f"TE3 timex: relaxed F1 {r.relaxed_f1:.3f}, value F1 {r.value_f1:.3f}")
    return "\n".join(lines)


def _format_groups(title, items, key, show, examples: int | None) -> list[str]:
    """A section of errors grouped by `key`: the largest group first, then by name."""
    lines = ["", f"{title} ({len(items)}):"]
    counts = Counter(key(item) for item in items)
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"{count:5}  {name}")
        group = [item for item in items if key(item) == name]
        lines += [f"         {item.file}: {show(item)}  | {item.context}"
                  for item in group[:examples]]
        if examples is not None and count > examples:
            lines.append(f"         ... {count - examples} more")
    return lines


def _by_rule(item: ErrorItem) -> str:
    return item.rule or "(no rule)"


def _by_text(item: ErrorItem) -> str:
    return repr(item.text.lower())


def _show_pair(item: ErrorItem) -> str:
    return (f"{item.system_text!r} {item.system_type} {item.system_value}"
            f"  gold {item.text!r} {item.gold_type} {item.gold_value}")


def _show_extra(item: ErrorItem) -> str:
    return f"{item.system_text!r} {item.system_type} {item.system_value}"


def _show_miss(item: ErrorItem) -> str:
    return f"{item.gold_type} {item.gold_value}"
