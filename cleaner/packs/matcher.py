"""Which rules can match a line: an index over a language's line rules (speed only).

Trying 50-100 rules on every line costs ~30 µs a line; most lines (prose) match
none. `LineMatcher.scan(lines)` finds, for a whole document at once, the lines
some rule may match and those rules, in rule order, by screens derived from
each rule's literal prefilter (cleaner/packs/prefilter.py):

* rules whose every match contains one of a set of literals, and rules
  anchored at the line start with literal prefixes, are screened by one
  Aho-Corasick pass over the document's lower-cased lines (joined by newlines;
  a prefix is searched as newline + prefix, so it is found only where a line
  starts with it): a rule is a candidate only on the lines where one of its
  strings occurs;
* a rule whose literals are too short to screen (one or two ASCII characters
  occur in most lines) is gated instead: every literal set its pattern
  requires ("(" and "/" and one agency name) must show in the line, tested
  only on the lines in the rule's word-count window;
* the rule's word-count window (`min_words`/`max_words`).

Rules the analysis does not understand are always candidates. The engine still
runs each candidate's full search, so the first rule that matches is the same
as without the index.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate

import ahocorasick

from cleaner.packs import prefilter as _prefilter
from cleaner.packs.rule import Rule
from cleaner.text.segment import Line

SCAN_BLOCK_CHARS = 1 << 18  # scan() joins about this many characters of lines at a time
MIN_SCREEN_LITERAL = 3     # shorter ASCII literals occur in most lines: no use in the shared screen


class LineMatcher:
    """The line rules of one language, in order, indexed by what they need."""

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        self._min = [r.min_words for r in self.rules]
        self._max = [r.max_words if r.max_words is not None else 1 << 62 for r in self.rules]
        self._always: list[int] = []                                  # tried on every line
        self._gated: list[tuple[int, tuple]] = []  # (rule, a test per literal set it requires)
        words: dict[str, list[int]] = {}                              # screened string -> rules
        for i, rule in enumerate(self.rules):
            kind, data = _screen_of(rule)
            if kind == "literals":
                for lit in data:
                    words.setdefault(lit, []).append(i)
            elif kind == "prefix":
                for pre in data:
                    words.setdefault("\n" + pre, []).append(i)
            elif kind == "gated":
                self._gated.append((i, tuple(_options_test(options) for options in data)))
            else:
                self._always.append(i)
        self._automaton = None
        if words:
            self._automaton = ahocorasick.Automaton()
            for word, rule_indices in words.items():
                # a prefix's occurrence starts at the newline before its line
                self._automaton.add_word(word, (len(word) - (word[0] == "\n"), tuple(rule_indices)))
            self._automaton.make_automaton()

    def scan(self, lines: list[Line]) -> Iterator[tuple[Line, list[Rule]]]:
        """Each non-blank line some rule may match, with those rules in rule order
        (a superset of the ones that do)."""
        lows = [line.low for line in lines]
        hits: dict[int, set[int]] = {}
        if self._automaton is not None:
            # the lines in blocks of about SCAN_BLOCK_CHARS, each "\n" + its lines joined
            # by newlines: a line holds no newline, so no occurrence within a line spans
            # two blocks, and a big document is never copied whole
            ends = list(accumulate(map(len, lows)))
            a, n = 0, len(lows)
            while a < n:
                b = min(n, bisect_left(ends, (ends[a - 1] if a else 0) + SCAN_BLOCK_CHARS, a) + 1)
                part = lows[a:b]
                doc = "\n".join(["", *part])
                starts, at = [], 1
                for low in part:
                    starts.append(at)
                    at += len(low) + 1
                for end, (length, rule_indices) in self._automaton.iter(doc):
                    k = a + bisect_right(starts, end - length + 1) - 1
                    found = hits.get(k)
                    if found is None:
                        hits[k] = set(rule_indices)
                    else:
                        found.update(rule_indices)
                a = b
        rules, lo, hi = self.rules, self._min, self._max
        if self._gated:
            # A gated rule is tried on the lines in its word-count window that hold
            # one string of each set it requires, tested cheapest set first: the
            # lines sorted by word count once, each window is a slice of them.
            words = [line.words for line in lines]
            by_words = sorted(range(len(lines)), key=words.__getitem__)
            sorted_words = [words[k] for k in by_words]
            for i, tests in self._gated:
                ks = by_words[bisect_left(sorted_words, lo[i]):bisect_right(sorted_words, hi[i])]
                for t in tests:
                    if not ks:
                        break
                    ks = [k for k in ks if t in lows[k]] if t.__class__ is str else [k for k in ks if t(lows[k])]
                for k in ks:
                    hits.setdefault(k, set()).add(i)
        always = self._always
        for k in sorted(hits) if not always else range(len(lines)):
            line = lines[k]
            if line.blank:
                continue
            w = line.words
            picked = [i for i in hits.get(k, ()) if lo[i] <= w <= hi[i]]
            picked += [i for i in always if lo[i] <= w <= hi[i]]
            if picked:
                picked.sort()
                yield line, [rules[i] for i in picked]

    def candidates(self, line: Line) -> list[Rule]:
        """The rules that may match one line, in rule order."""
        for _, found in self.scan([line]):
            return found
        return []


def _options_test(options: tuple[str, ...]):
    """'One of these strings occurs': the string itself for one (tested with `in`),
    else the `search` of a trie-shaped alternation (one C call instead of a loop)."""
    if len(options) == 1:
        return options[0]
    return re.compile(_prefilter.trie_pattern(sorted(options))).search


def _selective(literal: str) -> bool:
    """Worth a place in the shared screen: not a one- or two-letter ASCII string
    ('-', 'ap') found in most lines; a rare character ('©', '»') is fine. (A
    newline never occurs in a line: such a pattern is left to its own search.)"""
    return (len(literal) >= MIN_SCREEN_LITERAL or not literal.isascii()) and "\n" not in literal


def _gates(rule: Rule) -> tuple[tuple[str, ...], ...]:
    """The literal sets a rule's pattern requires (each must have a string in the
    line), as seen on the lower-cased line; () when there are none to use."""
    sets = _prefilter.required_sets(rule.pattern)
    if rule.case_sensitive:
        if not all(lit.isascii() for s in sets for lit in s):
            return ()
        sets = [tuple(lit.lower() for lit in s) for s in sets]
    # the cheapest test first (fewest strings), longer strings first among equals
    return tuple(sorted(sets, key=lambda s: (len(s), -min(map(len, s)))))


def _screen_of(rule: Rule) -> tuple[str, tuple]:
    """How one rule is screened: ('prefix', lower-case prefixes), ('literals',
    lower-case literals), ('gated', the literal sets its pattern requires) or
    ('always', ()).

    The screens look at the lower-cased lines. A case-sensitive pattern's ASCII
    strings are screened lower-cased (an ASCII string in the text is in its
    lower-cased copy, lower-cased); other strings of such a pattern are not.
    """
    if rule.contains:
        lits = tuple(rule.contains)
    elif rule.pattern is None:
        return "always", ()
    else:
        pf = rule.prefilter()
        if pf is not None and pf[0] == "prefix":
            prefixes = pf[1]
            usable = all(prefixes) and not any("\n" in p for p in prefixes)
            if rule.case_sensitive:
                usable = usable and all(p.isascii() for p in prefixes)
                prefixes = tuple(p.lower() for p in prefixes)
            if usable:
                return "prefix", prefixes
            lits = ()
        else:
            lits = _prefilter.literals(pf) if pf is not None else ()
        if rule.case_sensitive and not all(lit.isascii() for lit in lits):
            lits = ()
        lits = tuple(lit.lower() for lit in lits) if rule.case_sensitive else tuple(lits)
    if lits and all(lits) and all(map(_selective, lits)):
        return "literals", lits
    if rule.pattern is not None:
        gates = _gates(rule)
        # a required set of selective strings ('(c)' or '©') screens as well as the prefilter's own
        for options in gates:
            if all(map(_selective, options)):
                return "literals", options
        if gates:
            return "gated", gates
    return "always", ()
