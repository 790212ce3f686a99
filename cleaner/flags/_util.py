"""Small helpers shared by the detectors.

Speed: the detectors' exact rules use the `regex` module word by word, which
made the flag stage slow. They now first ask a cheap question whose "no" is
certain (str methods, a stdlib `re` search over literal characters, look-ups of
whitespace-separated chunks analysed once), and run the exact rules only on
the few paragraphs left.
"""
from __future__ import annotations

import bisect
import itertools
import re

import regex

from cleaner.report import Flag

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Typographic punctuation of news text: ‘ ’ “ ” „ « » – — …, each \p{P} for
# `regex`. A "plain" token is printable ASCII and these: on it, [A-Za-z] are
# exactly the \p{L}\p{M} characters and [A-Za-z0-9] the \p{L}\p{M}\p{N} ones,
# so stdlib `re` patterns reproduce the detectors' `regex` rules, much faster.
TYPO_PUNCT = "\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2026"
PLAIN = re.compile("[!-~" + TYPO_PUNCT + "]+")        # use .fullmatch


def make_flag(p, i: int, j: int, kind: str, rule: str, message: str) -> Flag:
    """A flag over p.raw[i:j], with offsets into the input."""
    return Flag(p.start + i, p.start + j, kind, rule, message, p.raw[i:j])


def stripped_span(raw: str) -> tuple[int, int]:
    """(i, j) such that raw[i:j] is raw without leading/trailing blanks."""
    i, j = 0, len(raw)
    while i < j and (raw[i].isspace() or raw[i] in ZERO_WIDTH):
        i += 1
    while j > i and (raw[j - 1].isspace() or raw[j - 1] in ZERO_WIDTH):
        j -= 1
    return i, j


# regex's \S+ and str.split() cut at the same places unless one of these occurs
# (str.isspace() but not Unicode White_Space).
SPLIT_ONLY_BLANKS = "\x1c\x1d\x1e\x1f"
_NONBLANK = regex.compile(r"\S+")


def split_like_regex(text: str) -> list[str]:
    """regex.findall(r'\\S+', text), computed by str.split() when that is the same."""
    if any(c in text for c in SPLIT_ONLY_BLANKS):
        return _NONBLANK.findall(text)
    return text.split()


# Whitespace-split paragraphs, shared: doubled-word splits p.raw, foreign-language
# p.text, and the two are usually the same string. Bounded; values are shared,
# so never changed.
_SPLITS: dict[str, list[str]] = {}
_SPLITS_MAX = 4096
_SPLIT_CACHE_CHARS = 20_000


def split_cached(text: str) -> list[str]:
    """split_like_regex(text), remembered for the last few thousand paragraphs."""
    got = _SPLITS.get(text)
    if got is None:
        got = split_like_regex(text)
        if len(text) <= _SPLIT_CACHE_CHARS:
            if len(_SPLITS) >= _SPLITS_MAX:
                _SPLITS.clear()
            _SPLITS[text] = got
    return got


def hit_paragraphs(pattern: re.Pattern | str, raws: list[str]) -> list[int]:
    """The indices i, ascending, for which `pattern` (a compiled `re` pattern, or
    a plain string to find) occurs in raws[i].

    One search over the newline-joined strings instead of one call per string:
    `pattern` must never match a newline, and use no anchors or look-behind."""
    joined = "\n".join(raws)
    starts = list(itertools.accumulate(len(r) + 1 for r in raws))   # of raws[1:], and the end
    if isinstance(pattern, str):
        def find(pos: int) -> int:
            return joined.find(pattern, pos)
    else:
        def find(pos: int) -> int:
            m = pattern.search(joined, pos)
            return m.start() if m else -1
    hits: list[int] = []
    at = find(0)
    while at >= 0:
        i = bisect.bisect_right(starts, at)
        hits.append(i)
        at = find(starts[i])
    return hits
