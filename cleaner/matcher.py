"""Which rules can match a line: an index over a language's line rules (speed only).

Trying 50-80 rules on every line costs ~30 µs a line; most lines (prose) match
none. `LineMatcher.candidates(line)` returns, in rule order, only the rules that
may match, by three cheap screens derived from each rule's literal prefilter
(cleaner/_prefilter.py):

* the rule's word-count window (`min_words`/`max_words`), bucketed per count;
* a rule anchored at the start with literal prefixes is a candidate only when
  the line starts with the first (up to three) characters of one of them;
* rules whose every match contains one of a set of literals share one combined
  screen: a trie-shaped alternation of all their literals, found at every
  position in one C-level pass; only the rules of the literals it finds are
  candidates. Literals too short to screen
  (one or two ASCII characters, they occur in most lines) leave their rule to
  a gate of its own: every literal set the pattern requires ("(" and "/" and
  one agency name) must show in the line.

Rules the analysis does not understand (no prefilter, case-sensitive) are
always candidates. The engine still runs each candidate's full search, so the
first rule that matches is the same as without the index.
"""
from __future__ import annotations

import functools
import re

from . import _prefilter
from .rules import Rule
from .segment import Line

MIN_SCREEN_LITERAL = 3     # shorter ASCII literals occur in most lines: no use in the shared screen
HEAD = 3                   # prefix rules are indexed by their first HEAD characters


class _Bucket:
    """The rules that apply to lines of one word count, with their screens."""

    __slots__ = ("rules", "always", "gated", "by_head", "by_head_cased", "screen", "by_literal")

    def __init__(self, rules: list[Rule], screens: list[tuple[str, tuple]], members: tuple[int, ...],
                 screen: re.Pattern | None, heads: dict[str, tuple[int, ...]]):
        self.rules = rules
        self.always: list[int] = []                     # positions tried on every line
        self.gated: list[tuple[int, tuple[tuple[str, ...], ...]]] = []  # (position, literal sets all required)
        self.by_head: dict[str, list[int]] = {}         # first 1-3 characters of .low -> positions
        self.by_head_cased: dict[str, list[int]] = {}   # the same for .text (case-sensitive rules)
        for pos, (kind, data) in enumerate(screens):
            if kind in ("prefix", "cased_prefix"):
                index = self.by_head if kind == "prefix" else self.by_head_cased
                for head in {p[:HEAD] for p in data}:
                    index.setdefault(head, []).append(pos)
            elif kind == "literals":
                pass  # behind the language's shared screen
            elif kind == "gated":
                self.gated.append((pos, data))
            else:
                self.always.append(pos)
        # the language's screen reports literals; keep the ones with rules in this bucket
        position = {i: pos for pos, i in enumerate(members) if screens[pos][0] == "literals"}
        self.by_literal: dict[str, tuple[int, ...]] = {}
        for head, rule_indices in heads.items():
            mine = tuple(position[i] for i in rule_indices if i in position)
            if mine:
                self.by_literal[head] = mine
        self.screen = screen if self.by_literal else None

    def candidates(self, line: Line) -> list[Rule]:
        low = line.low
        picked = list(self.always)
        for pos, sets in self.gated:
            for options in sets:
                for lit in options:
                    if lit in low:
                        break
                else:
                    break  # no string of this required set: the rule cannot match
            else:
                picked.append(pos)
        heads = self.by_head
        if heads:
            for k in range(1, HEAD + 1):
                picked += heads.get(low[:k], ())
        heads = self.by_head_cased
        if heads:
            text = line.text
            for k in range(1, HEAD + 1):
                picked += heads.get(text[:k], ())
        if self.screen is not None:
            by_literal = self.by_literal
            for found in self.screen.findall(low):
                picked += by_literal.get(found, ())
        if not picked:
            return []
        rules = self.rules
        return [rules[i] for i in sorted(set(picked))]


class LineMatcher:
    """The line rules of one language, in order, indexed by what they need."""

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        # each rule's pattern is analysed once; buckets share them
        self._screens = [_screen_of(r) for r in self.rules]
        # one literal screen for the language, shared by the word-count buckets
        screened: dict[str, list[int]] = {}
        for i, (kind, data) in enumerate(self._screens):
            if kind == "literals":
                for lit in data:
                    screened.setdefault(lit, []).append(i)
        self._screen = _screen_regex(frozenset(screened)) if screened else None
        self._heads = _by_shortest_prefix(screened)
        self._buckets: dict[int, _Bucket] = {}         # word count -> bucket
        self._by_members: dict[tuple[int, ...], _Bucket] = {}

    def candidates(self, line: Line) -> list[Rule]:
        """The rules that may match `line`, in rule order (a superset of the ones that do)."""
        bucket = self._buckets.get(line.words)
        if bucket is None:
            bucket = self._buckets[line.words] = self._bucket(line.words)
        return bucket.candidates(line)

    def _bucket(self, words: int) -> _Bucket:
        """Word counts with the same applicable rules share one bucket."""
        members = tuple(i for i, r in enumerate(self.rules) if r.applies_to(words))
        bucket = self._by_members.get(members)
        if bucket is None:
            bucket = self._by_members[members] = _Bucket(
                [self.rules[i] for i in members], [self._screens[i] for i in members], members,
                self._screen, self._heads)
        return bucket


@functools.lru_cache(maxsize=256)
def _screen_regex(literals: frozenset[str]) -> re.Pattern:
    """Every occurrence, overlapping ones included (a zero-width lookahead at each
    position), of the shortest screened literal that starts there."""
    return re.compile("(?=(" + _prefilter.trie_pattern(sorted(literals)) + "))")


def _by_shortest_prefix(screened: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
    """What the screen reports -> the rules it may admit.

    The trie-shaped screen stops at the first literal that ends along its path, so
    where 'photo' and 'photo by' both occur it reports 'photo': a report stands
    for every literal it is a prefix of. Each reported string maps to the rules
    with any such literal."""
    out: dict[str, set[int]] = {}
    for lit, positions in screened.items():
        head = next(lit[:k] for k in range(1, len(lit) + 1) if lit[:k] in screened)
        out.setdefault(head, set()).update(positions)
    return {head: tuple(sorted(pos)) for head, pos in out.items()}


def _selective(literal: str) -> bool:
    """Worth a place in the shared screen: not a one- or two-letter ASCII string
    ('-', 'ap') found in most lines; a rare character ('©', '»') is fine."""
    return len(literal) >= MIN_SCREEN_LITERAL or not literal.isascii()


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
    """How one rule is screened: ('prefix' | 'cased_prefix', prefixes),
    ('literals', lower-case literals for the shared screen), ('gated', the
    literal sets its pattern requires) or ('always', ()).

    The shared screen looks at the lower-cased line. A case-sensitive pattern's
    ASCII literals are screened lower-cased (an ASCII string in the text is in
    its lower-cased copy, lower-cased); its prefixes look at the line's text.
    """
    if rule.contains:
        lits = tuple(rule.contains)
    elif rule.pattern is None:
        return "always", ()
    else:
        pf = rule.prefilter()
        if pf is not None and pf[0] == "prefix":
            if all(pf[1]):
                return ("cased_prefix" if rule.case_sensitive else "prefix"), pf[1]
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
        if gates:
            return "gated", gates
    return "always", ()
