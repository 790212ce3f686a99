"""Which of many short texts hold a pattern: one search over all of them (speed only).

Most lines and paragraphs hold none of the strings a check needs, so asking each
text in turn costs a Python call per text for nothing. Joined by newlines, the
texts are searched by C-level scans, skipping to the next text after a hit.
Used by the main-text finder (cue strings per line) and the flag detectors
(trigger characters per paragraph).
"""
from __future__ import annotations

import bisect
import itertools
import operator
import re


def indices_holding(patterns, texts: list[str]) -> list[int]:
    """The indices i, ascending, for which one of `patterns` (compiled `re`
    patterns, or plain strings to find; or just one) occurs in texts[i].

    One search per pattern over the newline-joined texts instead of one call
    per text: a pattern must never match a newline, and use no anchors or
    look-behind. (A text may itself hold a newline: texts are told apart by
    their lengths, not by the newlines.)"""
    if isinstance(patterns, (str, re.Pattern)):
        patterns = (patterns,)
    joined, starts = _joined(texts)
    hits: set[int] = set()
    for pattern in patterns:
        if isinstance(pattern, str):
            find = joined.find
            at = find(pattern)
            while at >= 0:
                i = bisect.bisect_right(starts, at)
                hits.add(i)
                at = find(pattern, starts[i])
        else:
            m = pattern.search(joined)
            while m:
                i = bisect.bisect_right(starts, m.start())
                hits.add(i)
                m = pattern.search(joined, starts[i])
    return sorted(hits)


# The last _joined() answer: several checks search the same texts in a row.
# (key, joined, starts); replaced whole, so thread-safe.
_last_joined: tuple = ((), "", [])


def _joined(texts: list[str]) -> tuple[str, list[int]]:
    """("\\n".join(texts), where texts[i + 1] starts in it for each i (and, last, its length + 1))."""
    global _last_joined
    key = tuple(texts)
    last_key, joined, starts = _last_joined
    if last_key != key:
        _last_joined = ((), "", [])     # the old copy goes before the new one is built
        joined = "\n".join(texts)
        starts = list(map(operator.add, itertools.accumulate(map(len, texts)), itertools.count(1)))
        _last_joined = (key, joined, starts)
    return joined, starts


def forget() -> None:
    """Drop the remembered _joined() answer (a document's whole text): the engine
    calls it when a document is done, so nothing of it outlives the call."""
    global _last_joined
    _last_joined = ((), "", [])
