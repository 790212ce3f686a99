"""A cheap literal prefilter for rule patterns (speed only, never changes a result).

`regex`'s per-call `timeout=` costs ~1.5 µs, ten times an anchored search that
fails at once, and rules are tried on every line. So before the real (timed)
search, `Rule.search` asks a prefilter derived from the pattern's syntax tree:

* a pattern anchored at the start (`^(?:tags?|topics?)...`) can only match a
  subject that starts with one of a finite set of literal prefixes:
  `subject.startswith(prefixes)`;
* any other pattern whose every match must contain one of a set of literal
  strings (`\\b(?:roku|app store|google play)\\b`): `any(lit in subject ...)`,
  or for a larger set one pass of a trie-shaped literal alternation (stdlib `re`).

When the check fails the pattern cannot match, so the search is skipped and the
answer (no match) is the same. When it passes, or when the pattern is not
understood, the normal timed search runs.

The syntax tree comes from the standard library's private parser, reached only
through cleaner/packs/re_syntax.py (which says why). Without it, or when parsing
or this analysis raises anything at all, a pattern gets no prefilter: its rule is
then always searched, which is slower and never changes a result.
"""
from __future__ import annotations

import re
from itertools import product

import regex

from cleaner.packs import re_syntax
from cleaner.packs.re_syntax import OPCODES as C

MAX_SET = 64        # at most this many alternative strings in one literal set
MAX_CLASS = 8       # expand a character class of at most this many literal chars
MAX_ANY = 12        # an `any(l in s)` prefilter checks at most this many literals

if C is not None:
    _ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
    _REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
else:  # no parser: no tree is ever analysed
    _ZERO_WIDTH = _REPEATS = set()


class _Unknown(Exception):
    pass


def build(pattern: regex.Pattern | None):
    """('prefix', tuple) | ('any', tuple) | None for a compiled `regex` pattern."""
    if pattern is None:
        return None
    try:
        return _build(pattern.pattern, pattern.flags)
    except Exception:  # never let the optimisation break a rule
        return None


def _build(source: str, flags: int):
    parsed = re_syntax.parse(source, flags)
    if parsed is None:
        return None
    items, inline_flags = parsed
    if not flags & regex.M and not inline_flags & re.M:
        prefixes = _anchored_prefixes(items)
        if prefixes:
            return ("prefix", tuple(sorted(prefixes)))
    req = _required(items)
    if not req or "" in req:
        return None
    # a literal that contains another one of the set is redundant for "contains any"
    lits = sorted(_minimal(req), key=lambda s: (len(s), s))
    if len(lits) <= MAX_ANY:
        return ("any", tuple(lits))
    # many literals: one pass of a trie-shaped literal alternation (linear, no timeout needed)
    return ("re", re.compile(trie_pattern(lits)), tuple(lits))


def trie_pattern(words) -> str:
    """One regex for 'one of these strings occurs', shaped as a trie so the
    search tests one branch per character instead of every alternative (5x
    faster than a flat alternation of a few hundred strings)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    if "" in node:
        return ""  # a string ends here: an occurrence of this prefix is enough
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items())]
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def literals(pf) -> tuple[str, ...]:
    """The literal strings of an 'any' or 're' prefilter (one must occur in a match)."""
    if pf[0] == "any":
        return pf[1]
    if pf[0] == "re":
        return pf[2]
    return ()


def check(pf, subject: str) -> bool:
    """False when the pattern cannot match `subject`."""
    if pf[0] == "prefix":
        return subject.startswith(pf[1])
    if pf[0] == "re":
        return pf[1].search(subject) is not None
    for lit in pf[1]:
        if lit in subject:
            return True
    return False


# --------------------------------------------------------------- analysis
def _anchored_prefixes(items) -> set[str] | None:
    """Literal prefixes every match starts with, when every path starts with ^ / \\A."""
    if not items:
        return None
    op, av = items[0]
    if op is C.AT and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        try:
            pre = _prefixes(items[1:])
        except _Unknown:
            return None
        return pre if pre and "" not in pre else None
    if len(items) == 1 and op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _anchored_prefixes(list(branch))
            if not sub:
                return None
            out |= sub
        return _shrink(out)
    if len(items) == 1 and op is C.SUBPATTERN and not _case_flags(av):
        return _anchored_prefixes(list(av[3]))
    return None


def _case_flags(av) -> bool:
    return bool((av[1] or 0) & (re.I | re.L))


def _expand(item) -> set[str] | None:
    """All strings `item` can match, when that is a small finite set of literals."""
    op, av = item
    if op is C.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is C.IN:
        chars = []
        for sop, sav in av:
            if sop is not C.LITERAL:
                return None
            chars.append(chr(sav))
        return set(chars) if 0 < len(chars) <= MAX_CLASS else None
    if op is C.SUBPATTERN:
        return None if _case_flags(av) else _expand_seq(list(av[3]))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _expand_seq(list(av))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _expand_seq(list(branch))
            if sub is None:
                return None
            out |= sub
            if len(out) > MAX_SET:
                return None
        return out
    if op in _REPEATS:
        lo, hi, sub = av
        if hi > 3 or hi is C.MAXREPEAT:
            return None
        inner = _expand_seq(list(sub))
        if inner is None:
            return None
        out = set()
        for n in range(lo, hi + 1):
            for parts in product(inner, repeat=n):
                out.add("".join(parts))
                if len(out) > MAX_SET:
                    return None
        return out
    return None


def _expand_seq(items) -> set[str] | None:
    cur = {""}
    for item in items:
        sub = _expand(item)
        if sub is None:
            return None
        cur = {a + b for a in cur for b in sub}
        if len(cur) > MAX_SET:
            return None
    return cur


def _shrink(prefixes: set[str]) -> set[str]:
    """A set of at most MAX_SET prefixes implied by `prefixes` (cut them shorter),
    without members that another member is a prefix of."""
    out = set(prefixes)
    if "" in out:
        return {""}
    k = max(len(s) for s in out)
    while len(out) > MAX_SET and k > 1:
        k -= 1
        out = {s[:k] for s in out}
    if len(out) > MAX_SET:
        return {""}
    short = sorted(out, key=len)
    return {s for i, s in enumerate(short) if not any(s.startswith(t) for t in short[:i])}


def _prefixes(items) -> set[str]:
    """Strings one of which every match of the sequence starts with ("" = no constraint)."""
    cur = {""}
    for item in items:
        sub = _expand(item)
        if sub is not None:
            nxt = {a + b for a in cur for b in sub}
            if len(nxt) > MAX_SET:
                return _shrink(nxt)
            cur = nxt
            continue
        # not a finite literal set: extend by its own prefixes, then stop
        head = _item_prefixes(item)
        if head and "" not in head:
            cur = _shrink({a + b for a in cur for b in head})
        return cur
    return cur


def _item_prefixes(item) -> set[str] | None:
    op, av = item
    if op is C.SUBPATTERN and not _case_flags(av):
        return _prefixes(list(av[3]))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _prefixes(list(branch))
            if not sub or "" in sub:
                return None
            out |= sub
        out = _shrink(out)
        return None if "" in out else out
    if op in _REPEATS and av[0] >= 1:
        return _prefixes(list(av[2]))
    return None


def _score(lits: set[str]) -> tuple:
    # selective enough (4+ characters), then as few alternatives as possible
    shortest = min(len(s) for s in lits)
    return (min(shortest, 4), -len(lits), shortest)


def required_sets(pattern: regex.Pattern | None) -> list[tuple[str, ...]]:
    """Every literal set the pattern's top-level sequence requires: a match
    contains one string of each set. [] when not understood."""
    if pattern is None:
        return []
    try:
        parsed = re_syntax.parse(pattern.pattern, pattern.flags)
        if parsed is None:
            return []
        found: list[set[str]] = []
        _required(parsed[0], found)
        return [tuple(sorted(s)) for s in found]
    except Exception:  # never let the optimisation break a rule
        return []


def _required(items, collect: list | None = None) -> set[str] | None:
    """Strings one of which every match of the sequence contains, or None.
    `collect` receives every candidate set, not just the best."""
    best: set[str] | None = None

    def offer(cand):
        nonlocal best
        if cand and "" not in cand:
            if collect is not None:
                collect.append(cand)
            if best is None or _score(cand) > _score(best):
                best = cand

    run = {""}
    for item in items:
        sub = _expand(item)
        if sub is not None:
            nxt = {a + b for a in run for b in sub}
            if len(nxt) <= MAX_SET:
                run = nxt
                continue
            offer(run)
            run = sub
            continue
        offer(run)
        run = {""}
        offer(_item_required(item))
    offer(run)
    return best


def _item_required(item) -> set[str] | None:
    op, av = item
    if op is C.SUBPATTERN:
        return None if _case_flags(av) else _required(list(av[3]))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _required(list(av))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _required(list(branch))
            if not sub:
                return None
            out |= sub
        if len(out) > 2 * MAX_SET:
            out = _minimal(out)
        return out if len(out) <= 2 * MAX_SET else None
    if op in _REPEATS and av[0] >= 1:
        return _required(list(av[2]))
    return None


def _minimal(lits: set[str]) -> set[str]:
    """The same 'one of these occurs' test with fewer strings: a string that
    contains another member is implied by it ('comment' covers 'post a comment')."""
    short = sorted(lits, key=lambda s: (len(s), s))
    return {s for i, s in enumerate(short) if not any(t in s for t in short[:i])}
