"""offtopic.contrast: a last paragraph or three that belongs to another article.

offtopic.cohesion asks a tail to share almost nothing with the article, but two
real news texts always share common words, and it judges only after a section
break. Here the tail is compared with the article itself: the share of the
tail's content words (stopwords out, 5-letter stems) already used above it,
against the same share for the article's own paragraphs (the lowest of them).
A glued tail reuses far less than any paragraph of the article does. On the
real-text benchmark (benchmarks/offtopic.py) this is not sure enough to remove,
so the tail is flagged suspected_offtopic and kept. Limits: rules/mechanisms/offtopic.toml.
"""
from __future__ import annotations

import functools

import regex

from cleaner.mechanisms.cohesion import content_words
from cleaner.mechanisms.registry import Mechanism
from cleaner.paths import load_data
from cleaner.report import Flag
from cleaner.text.segment import Line
from cleaner.lang.stopwords import stopwords

RULE_ID = "offtopic.contrast"
MECHANISMS = [Mechanism(RULE_ID, "offtopic",
                        "Flags (never removes) the last 1-3 paragraphs as suspected_offtopic when they reuse far "
                        "fewer of the article's words than its own paragraphs do (rules/mechanisms/offtopic.toml)")]
_WORD = regex.compile(r"\p{L}+")


@functools.lru_cache(maxsize=1)
def _limits() -> dict:
    return load_data("mechanisms", "offtopic")["contrast"]


def _capitalised(lines: list[Line]) -> float:
    """Share of words that start upper-case: a list of names (thanks, credits) is
    new vocabulary without being another article."""
    words = [w for l in lines for w in _WORD.findall(l.text)]
    return sum(w[0].isupper() for w in words) / len(words) if words else 1.0


def suspected_tail(lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[Line]:
    """The kept lines of the longest trailing block (1..max_tail_paragraphs prose
    paragraphs, a short last line such as a byline left out) that reuses under
    `ratio` times what the least cohesive article paragraph reuses; [] if none."""
    lim = _limits()
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    end = len(kept)
    if end and kept[-1].words < lim["min_paragraph_words"]:
        end -= 1                      # a final byline or share line
    stop = stopwords(lang)
    if not stop or end < lim["min_body_paragraphs"] + 1:
        return []
    words = [content_words(l.low, stop) for l in kept[:end]]     # (low is the line lower-cased)
    title = set(content_words(lines[title_idx].low, stop)) if title_idx is not None else set()
    first = _first_paragraph(words)
    own = _own_reuse(words, title, lim["min_paragraph_words"])
    best = 0
    for k in range(1, int(lim["max_tail_paragraphs"]) + 1):
        m = end - k                   # the article: paragraphs [0, m)
        if m < lim["min_body_paragraphs"] or any(len(ws) < lim["min_paragraph_words"] // 2 for ws in words[m:end]):
            break
        flat = [w for ws in words[m:end] for w in ws]
        if len(flat) < lim["min_tail_words"]:
            continue
        reuse = sum(w in title or first[w] < m for w in flat) / len(flat)
        body_own = [r for i, r in own if i < m]
        if len(body_own) >= lim["min_body_scores"] and reuse < lim["ratio"] * min(body_own):
            best = k
    if not best or _capitalised(kept[end - best:end]) > lim["max_capitalised"]:
        return []
    return kept[end - best:end]


def _first_paragraph(words: list[list[str]]) -> dict[str, int]:
    """Each word's first paragraph: a word is used above paragraph m when it is < m.
    (Filled from the last paragraph up, one dict.update in C each: the first wins.)"""
    first: dict[str, int] = {}
    for i in range(len(words) - 1, -1, -1):
        first.update(dict.fromkeys(words[i], i))
    return first


def _own_reuse(words: list[list[str]], title: set[str], min_words: int) -> list[tuple[int, float]]:
    """(i, share) for each paragraph i after the first (of min_words+ content words):
    the share of its words used in the title or a paragraph above it. The same for
    every article length, so it is computed once. (Counted in C: the words not
    reused are those of the set of paragraph i's words minus all above and the title.)"""
    out = []
    above: set[str] = set()
    for i, ws in enumerate(words):
        if i and len(ws) >= min_words:
            new = set(ws).difference(above, title)
            out.append((i, (len(ws) - sum(map(new.__contains__, ws))) / len(ws)))
        above.update(ws)
    return out


def flag(raw: str, lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[Flag]:
    tail = suspected_tail(lines, marks, title_idx, lang)
    if not tail:
        return []
    first, last = tail[0], tail[-1]
    return [Flag(first.start, last.end, "suspected_offtopic", RULE_ID,
                 f"the last {len(tail)} paragraph(s) reuse far fewer of the article's words than its own "
                 "paragraphs do: perhaps another article's", raw[first.start:last.end])]
