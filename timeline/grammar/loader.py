"""Load the TOML grammar, validate it, and compile each rule into one regex."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GRAMMAR_DIR = Path(__file__).parent / "en"
KINDS = {"date", "relative", "shift", "duration", "set", "fixed", "time", "comparison", "anaphoric",
         "range_end", "era"}
# Whitespace inside an expression: any run, but never a blank line (a paragraph break).
SPACE = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_MACRO = re.compile(r"\{(~?)([A-Za-z_]\w*)(?::(\w+))?\}")


@dataclass(frozen=True)
class Rule:
    """One grammar rule, compiled: which text it matches and how to read the match."""

    name: str
    kind: str
    regex: re.Pattern
    fields: tuple[tuple[str, object], ...]
    examples: tuple[tuple[str, str, str, str], ...]
    vocabulary: frozenset[str]   # trigger words a match can contain; DIGITS for a number


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    negatives: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]   # name, regex, examples
    lexicon: dict[str, dict[str, object]]   # table -> lower-case word -> value
    trigger: re.Pattern     # digits, or any word of a rule's vocabulary
    negative_vocabulary: tuple[frozenset[str], ...]   # per negative; empty: it always runs
    negative_trigger: re.Pattern     # digits, or any word of a negative's vocabulary

    def lookup(self, table: str, word: str):
        """The normalised value of `word` in `table`, or None."""
        return self.lexicon.get(table, {}).get(" ".join(word.lower().split()))


def _alternation(words, case_sensitive: bool) -> str:
    forms = []
    for word in sorted(words, key=len, reverse=True):
        if case_sensitive:
            forms += [word.capitalize(), word.upper()]
        else:
            forms.append(word)
    alts = []
    for form in forms:
        piece = SPACE.join(re.escape(part) for part in form.split())
        # An abbreviation's full stop may end the sentence too; a word needs a boundary.
        alts.append(piece if form.endswith(".") else piece + r"(?![\w])")
    body = "|".join(alts)
    # A look-ahead on the possible first letters lets the engine skip the whole list
    # at most word starts, which is where the tagger spends its time.
    first = "".join(sorted({re.escape(form[0]) for form in forms}))
    return f"(?=[{first}])(?-i:{body})" if case_sensitive else f"(?=[{first}])(?:{body})"


def _spaces(pattern: str) -> str:
    """Turn each literal space into SPACE (" ?" into an optional SPACE), except inside
    [...] and look-behinds, which need a fixed width."""
    out, stack, in_class, i = [], [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            stack.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif ch == ")" and stack:
            stack.pop()
        elif ch == " " and not any(stack):
            optional = pattern.startswith("?", i + 1)     # " ?": no space or some
            ch = f"(?:{SPACE})?" if optional else SPACE
            i += optional
        out.append(ch)
        i += 1
    return "".join(out)


def _expand(pattern: str, alts: dict[str, str], raw: dict[str, str], rule: str,
            used: set[str] | None = None) -> str:
    """Replace {table} and {~table} macros; a group name used twice gets a __N suffix."""
    used = set() if used is None else used

    def sub(m: re.Match) -> str:
        unnamed, table, name = m.group(1), m.group(2), m.group(3) or m.group(2)
        if unnamed:                         # {~table}: the alternation (or pattern), no group
            return f"(?:{_expand(raw[table], alts, raw, rule, used)})" if table in raw else alts[table]
        if table in raw:
            body = _expand(raw[table], alts, raw, rule, used)
        elif table in alts:
            body = alts[table]
        else:
            raise ValueError(f"rule {rule}: unknown table {{{table}}}")
        group, n = name, 1
        while group in used:
            n += 1
            group = f"{name}__{n}"
        used.add(group)
        return f"(?P<{group}>{body})"

    return _MACRO.sub(sub, pattern)


def compile_rule(spec: dict, alts: dict[str, str], raw: dict[str, str],
                 lexicon: dict[str, dict] | None = None) -> Rule:
    name = spec["name"]
    if spec.get("kind") not in KINDS:
        raise ValueError(f"rule {name}: kind must be one of {sorted(KINDS)}")
    body = _expand(_spaces(spec["pattern"]), alts, raw, name)
    regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    examples = tuple(tuple(e) for e in spec.get("examples", ()))
    if not examples:
        raise ValueError(f"rule {name}: every rule needs at least one example")
    # `triggers`, where given, are the words every match holds one of ("{unit}"): the rule
    # then runs near those only, not near every word it may hold (numbers, "about" ...).
    # `words_only`: every match holds a word of the rule besides its numbers ("March 3"),
    # so the rule need not run near a number alone.
    vocabulary = _vocabulary(" ".join(spec.get("triggers", [spec["pattern"]])), lexicon or {}, raw)
    if spec.get("words_only"):
        vocabulary -= {DIGITS}
    return Rule(name, spec["kind"], regex, tuple(sorted(spec.get("fields", {}).items())), examples, vocabulary)


@lru_cache(maxsize=None)
def load(directory: Path = GRAMMAR_DIR) -> Grammar:
    """Read lexicon.toml and rules.toml from `directory` and compile every rule."""
    lexicon_doc = tomllib.loads((directory / "lexicon.toml").read_text("utf-8"))
    case_sensitive = set(lexicon_doc.pop("case_sensitive", ()))
    lexicon = {table: {" ".join(k.lower().split()): v for k, v in words.items()}
               for table, words in lexicon_doc.items()}
    alts = {table: _alternation(words, table in case_sensitive) for table, words in lexicon.items()}
    rules_doc = tomllib.loads((directory / "rules.toml").read_text("utf-8"))
    raw = rules_doc.get("patterns", {})
    rules = tuple(compile_rule(spec, alts, raw, lexicon) for spec in rules_doc["rule"])
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise ValueError("rule names must be unique")
    negative_docs = rules_doc.get("negative", ())
    negatives = tuple((n["name"], re.compile(_expand(_spaces(n["pattern"]), alts, raw, n["name"]), re.IGNORECASE),
                       tuple(n["examples"])) for n in negative_docs)
    # a negative with `triggers` (words every match holds one of) need only scan text
    # holding one; one without runs near every candidate
    vocabularies = tuple(_vocabulary(" ".join(n["triggers"]), lexicon, raw) if "triggers" in n
                         else frozenset() for n in negative_docs)
    return Grammar(rules, negatives, lexicon, _trigger(set().union(*(r.vocabulary for r in rules))),
                   vocabularies, _trigger(set().union(*vocabularies)))


# Words too common to be worth a look on their own: every rule that uses them also
# needs a rarer word or a digit ("a year", "the past year", "in May").
DIGITS = "#"
_COMMON = {"a", "an", "the", "of", "in", "on", "at", "by", "to", "for", "and", "or", "this",
           "that", "with", "from", "some", "under", "over", "more", "most", "less", "than",
           "about", "after", "before", "so", "just", "back", "many", "these", "long", "old",
           "each", "every", "until", "early", "late", "mid", "last", "next", "earlier",
           "later", "new", "same", "full", "near", "end", "part", "few", "several", "ap"}


def _without_lookarounds(pattern: str) -> str:
    """The pattern less its (?=...), (?!...), (?<=...) and (?<!...) groups: context, not match."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        if pattern[i] == "\\":
            if not depth:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if depth:
            depth += {"(": 1, ")": -1}.get(pattern[i], 0)
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth = 1
            i += 3
            continue
        else:
            out.append(pattern[i])
        i += 1
    return "".join(out)


def _words_of(phrase: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", phrase)}
    return words | ({DIGITS} if re.search(r"\d", phrase) else set())


def _vocabulary(pattern: str, lexicon: dict[str, dict], raw: dict[str, str]) -> frozenset[str]:
    """The trigger words a match of `pattern` can contain, from its literal words and the
    tables it uses; DIGITS where it can match a digit. Look-arounds are context, not match."""
    text = _without_lookarounds(pattern)
    words: set[str] = set()
    for m in _MACRO.finditer(text):
        table = m.group(2)
        if table in raw:
            words |= _vocabulary(raw[table], lexicon, raw)
        for phrase in lexicon.get(table, ()):
            # A phrase's last word is its head ("war", not "iraq"); where that word is too
            # common to trigger ("the end of"), the rule's other words must (the windows
            # test in test_grammar.py checks that no match is lost).
            words |= _words_of(phrase.split()[-1])
    literal = re.sub(r"\\[a-zA-Z]|\(\?P?<?[=!]?\w*>?|\{~?\w+(?::\w+)?\}|\(\?-?i:", " ", text)
    literal_words = _words_of(literal)
    words |= literal_words | {w + "s" for w in literal_words if len(w) > 2}   # "(hour|day)s?"
    if re.search(r"\\d|\[[^\]]*\d", text):
        words.add(DIGITS)
    return frozenset(w for w in words - _COMMON if len(w) > 1 or w == DIGITS)


def _trigger(vocabulary: set[str]) -> re.Pattern:
    """One regex for every word of the rules' vocabularies, and digit runs: the tagger
    runs a rule only near words of its own vocabulary."""
    words = vocabulary - {DIGITS}
    return re.compile(rf"\d+|(?<![\w]){_trie(sorted(words))}(?![\w])" if words else r"\d+", re.IGNORECASE)


def _trie(words: list[str]) -> str:
    """An alternation of `words` factored by their first letters ("mon(?:day|th)"):
    the engine then tries a handful of branches at each word, not hundreds."""
    if len(words) == 1:
        return re.escape(words[0])
    optional = "" in words
    branches = []
    for first in sorted({w[0] for w in words if w}):
        rest = [w[1:] for w in words if w and w[0] == first]
        branches.append(re.escape(first) + (_trie(rest) if rest != [""] else ""))
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if optional else group
