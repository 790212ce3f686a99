"""Lexical cohesion: find a trailing block that has nothing to do with the article.

A pasted appendix (a climate rant under a war report) shares almost no content
words with the title and body above it, while a genuine last section of an article
keeps reusing the article's vocabulary. We compare vocabularies, never topics, so
a climate article keeps its CO2 paragraphs.
"""
from __future__ import annotations

import re
import statistics
import sys

import regex

from cleaner.text.shapes import SENTENCE_END
from cleaner.context import Doc, Mark
from cleaner.mechanisms.registry import Mechanism
from cleaner.text.segment import Line
from cleaner.lang.stopwords import stopwords
from cleaner.flags import _util

RULE_ID = "offtopic.cohesion"
MECHANISMS = [Mechanism(RULE_ID, "offtopic", "A trailing block whose vocabulary shares nothing with the title and body")]

WORD = regex.compile(r"[\p{L}\p{N}]+")
_CONTENT = regex.compile(r"[\p{L}\p{N}]{3,}")   # WORD's runs of 3 or more
# _CONTENT on _util.PLAIN_TEXT, in `re` terms (there \p{L}\p{N} is PLAIN_ALNUM): 2.5x faster
_PLAIN_CONTENT = re.compile(f"[{_util.PLAIN_ALNUM}]{{3,}}")
STEM = 5                   # compare word prefixes: Korea/Korean, weapon/weapons
MIN_BODY_PARAGRAPHS = 3    # need an article to compare against
MIN_TAIL_WORDS = 20        # a tail must have this many content words to judge
MAX_TAIL_OVERLAP = 0.12    # share of tail content words seen in the article
MIN_BODY_COHESION = 0.3    # the body itself must be cohesive (median paragraph overlap)
BREAK_BLANKS = 2           # this many blank lines also count as a section break
MIN_TAIL_MEAN_WORDS = 12   # tail lines must average this many words (prose, not a list)


_intern = sys.intern


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    """The 5-letter stems of the words of 3+ letters that are not stopwords nor
    numbers, one object per distinct stem (a big document's words)."""
    low = text.lower()
    words = _PLAIN_CONTENT.findall(low) if _util.is_plain_text(low) else _CONTENT.findall(low)
    return [_intern(w[:STEM]) for w in words if w not in stop and not w.isdigit()]


def offtopic_tail(lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[int]:
    """Indices of kept lines forming an off-topic trailing block (possibly empty).

    Linear in the text: every candidate break p is judged from prefix sums
    (characters, words, sentences), and only if one passes are content words
    read: per break, the number of tail words already used above it, which a
    sweep over each word's first occurrence gives for all breaks at once.
    """
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    n = len(kept)
    if n < MIN_BODY_PARAGRAPHS + 1:
        return []
    gaps = [p for p in range(MIN_BODY_PARAGRAPHS, n) if _is_break(kept[p - 1], kept[p], marks)]
    if not gaps:
        return []
    chars = _prefix_sums(len(l.text) for l in kept)
    line_words = _prefix_sums(l.words for l in kept)
    sentences = _prefix_sums(1 if SENTENCE_END.search(l.text) else 0 for l in kept)
    breaks = []
    for p in gaps:
        if chars[n] - chars[p] >= chars[p]:
            continue
        tail_lines = n - p
        if ((sentences[n] - sentences[p]) * 2 < tail_lines
                or (line_words[n] - line_words[p]) / tail_lines < MIN_TAIL_MEAN_WORDS):
            continue  # appended rants are prose; lists of items are not our business here
        breaks.append(p)
    if not breaks:
        return []  # most documents: no word is looked at
    stop = stopwords(lang) or stopwords("en")
    words = [content_words(l.text, stop) for l in kept]
    title_words = content_words(lines[title_idx].text, stop) if title_idx is not None else []
    counts = _prefix_sums(len(ws) for ws in words)
    seen_above = _seen_above(words, set(title_words))
    for p in breaks:
        tail = counts[n] - counts[p]
        if tail < MIN_TAIL_WORDS or seen_above[p] / tail > MAX_TAIL_OVERLAP:
            continue
        if _body_cohesion(words[:p], title_words) < MIN_BODY_COHESION:
            continue
        return [l.index for l in kept[p:]]
    return []


def _prefix_sums(values) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _seen_above(paragraphs: list[list[str]], title: set[str]) -> list[int]:
    """For each break p: how many words of paragraphs p.. also occur in the
    title or in a paragraph before p.

    A word in paragraph q whose earliest occurrence is in paragraph f < q
    (f = -1 for the title) counts for every break p with f < p <= q.
    """
    n = len(paragraphs)
    first: dict[str, int] = {w: -1 for w in title}
    diff = [0] * (n + 2)
    for q, ws in enumerate(paragraphs):
        for w in ws:
            f = first.setdefault(w, q)
            if f < q:
                diff[f + 1] += 1
                diff[q + 1] -= 1
    out, run = [], 0
    for p in range(n + 1):
        run += diff[p]
        out.append(run)
    return out


def _is_break(a: Line, b: Line, marks: dict) -> bool:
    """A removed block or a run of blank lines between two kept lines (adjacent
    lines, most of them, have nothing between them)."""
    if b.index - a.index == 1:
        return False
    return b.blank_before >= BREAK_BLANKS or any(k in marks for k in range(a.index + 1, b.index))


def _body_cohesion(paragraphs: list[list[str]], title_words: list[str]) -> float:
    """Median share of a body paragraph's words that the rest of the article uses too.

    A word of paragraph i is used elsewhere when the title has it or at least
    one other paragraph does (it is in two or more paragraphs): one count of
    paragraphs per word instead of a union of all the others per paragraph.
    """
    title = set(title_words)
    in_paragraphs: dict[str, int] = {}
    for ws in paragraphs:
        for w in set(ws):
            in_paragraphs[w] = in_paragraphs.get(w, 0) + 1
    scores = []
    for ws in paragraphs:
        if ws:
            scores.append(sum(1 for w in ws if w in title or in_paragraphs[w] >= 2) / len(ws))
    return statistics.median(scores) if scores else 0.0


def mark(doc: Doc, marks: dict[int, Mark], confirm=None) -> None:
    """Remove the off-topic tail; `confirm(lines, marks, title_idx, lang, tail)`, when
    given, must agree (the engine passes offtopic.contrast's rarity-weighted evidence,
    contrast.confirms_cohesion)."""
    tail = offtopic_tail(doc.lines, marks, doc.title_idx, doc.lang)
    if tail and (confirm is None or confirm(doc.lines, marks, doc.title_idx, doc.lang, tail)):
        for k in tail:
            marks[k] = Mark("offtopic", RULE_ID, certain=False)
