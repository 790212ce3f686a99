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
    their lengths, not by the newlines.) The texts are joined in blocks of about
    BLOCK_CHARS characters (one block for a normal document): a joined copy of a
    big document would be as wide as its widest character throughout, and whole."""
    if isinstance(patterns, (str, re.Pattern)):
        patterns = (patterns,)
    hits: set[int] = set()
    add = hits.add
    for base, joined, starts in _joined(texts):
        for pattern in patterns:
            if isinstance(pattern, str):
                find = joined.find
                at = find(pattern)
                while at >= 0:
                    i = bisect.bisect_right(starts, at)
                    add(base + i)
                    at = find(pattern, starts[i])
            else:
                m = pattern.search(joined)
                while m:
                    i = bisect.bisect_right(starts, m.start())
                    add(base + i)
                    m = pattern.search(joined, starts[i])
    return sorted(hits)


#: about how many characters of texts are joined into one block
BLOCK_CHARS = 1 << 18

# The last _joined() answer: several checks search the same texts in a row.
# (key, blocks); replaced whole, so thread-safe.
_last_joined: tuple = ((), [])


def _joined(texts: list[str]):
    """The texts in blocks of consecutive ones, each (index of its first text,
    "\n".join of its texts, where each of its texts but the first starts in that
    string and, last, its length + 1). A normal document is one block, remembered
    for the next check; a big one's blocks are made one at a time as they are
    searched and never kept, so at most one block's copy of its text is alive."""
    global _last_joined
    key = tuple(texts)
    last_key, blocks = _last_joined
    if last_key == key:
        return blocks
    _last_joined = ((), [])     # the old copy goes before the new one is built
    ends = list(itertools.accumulate(map(len, texts)))
    if ends and ends[-1] >= BLOCK_CHARS:
        return _blocks(texts, ends)
    blocks = list(_blocks(texts, ends))
    _last_joined = (key, blocks)
    return blocks


def _blocks(texts: list[str], ends: list[int]):
    """_joined()'s blocks, made as they are asked for."""
    a, n = 0, len(texts)
    while a < n:
        # the first text that brings the block to BLOCK_CHARS ends it (newlines aside)
        b = min(n, bisect.bisect_left(ends, (ends[a - 1] if a else 0) + BLOCK_CHARS, a) + 1)
        part = texts[a:b]
        starts = list(map(operator.add, itertools.accumulate(map(len, part)), itertools.count(1)))
        yield a, "\n".join(part), starts
        a = b


def forget() -> None:
    """Drop the remembered _joined() answer (a document's whole text): the engine
    calls it when a document is done, so nothing of it outlives the call."""
    global _last_joined
    _last_joined = ((), [])


def slices(items: list, sizes, max_size: int = BLOCK_CHARS) -> list[list]:
    """`items` cut into consecutive slices, each ending at the first item that brings
    it to `max_size` (sizes: one per item; every item in exactly one slice). A
    document's work done a slice at a time holds one slice's copies, not the
    whole document's; a normal document is one slice."""
    ends = list(itertools.accumulate(sizes))
    out, a, n = [], 0, len(items)
    while a < n:
        b = min(n, bisect.bisect_left(ends, (ends[a - 1] if a else 0) + max_size, a) + 1)
        out.append(items[a:b])
        a = b
    return out
