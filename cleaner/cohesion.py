"""Lexical cohesion: find a trailing block that has nothing to do with the article.

A pasted appendix (a climate rant under a war report) shares almost no content
words with the title and body above it, while a genuine last section of an article
keeps reusing the article's vocabulary. We compare vocabularies, never topics, so
a climate article keeps its CO2 paragraphs.
"""
from __future__ import annotations

import statistics

import regex

from .regions import SENTENCE_END
from .segment import Line
from .stopwords import stopwords

WORD = regex.compile(r"[\p{L}\p{N}]+")
STEM = 5                   # compare word prefixes: Korea/Korean, weapon/weapons
MIN_BODY_PARAGRAPHS = 3    # need an article to compare against
MIN_TAIL_WORDS = 20        # a tail must have this many content words to judge
MAX_TAIL_OVERLAP = 0.12    # share of tail content words seen in the article
MIN_BODY_COHESION = 0.2    # the body itself must be cohesive (median paragraph overlap)
BREAK_BLANKS = 2
MIN_TAIL_MEAN_WORDS = 12   # tail lines must average this many words (prose, not a list)           # this many blank lines also count as a section break


def content_words(text: str, stop: frozenset[str]) -> list[str]:
    out = []
    for w in WORD.findall(text.lower()):
        if len(w) < 3 or w in stop or w.isdigit():
            continue
        out.append(w[:STEM])
    return out


def offtopic_tail(lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[int]:
    """Indices of kept lines forming an off-topic trailing block (possibly empty)."""
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    if len(kept) < MIN_BODY_PARAGRAPHS + 1:
        return []
    stop = stopwords(lang) or stopwords("en")
    words = [content_words(l.text, stop) for l in kept]
    title_words = content_words(lines[title_idx].text, stop) if title_idx is not None else []
    for p in range(MIN_BODY_PARAGRAPHS, len(kept)):
        if not _is_break(lines, kept[p - 1], kept[p], marks):
            continue
        body_chars = sum(len(l.text) for l in kept[:p])
        tail_chars = sum(len(l.text) for l in kept[p:])
        if tail_chars >= body_chars:
            continue
        tail = [w for ws in words[p:] for w in ws]
        if len(tail) < MIN_TAIL_WORDS or not _is_prose(kept[p:]):
            continue
        vocab = set(title_words).union(*words[:p])
        overlap = sum(1 for w in tail if w in vocab) / len(tail)
        if overlap > MAX_TAIL_OVERLAP:
            continue
        if _body_cohesion(words[:p], title_words) < MIN_BODY_COHESION:
            continue
        return [l.index for l in kept[p:]]
    return []


def _is_prose(lines: list[Line]) -> bool:
    """Appended rants are prose; lists of items (products, links) are not our business here."""
    sentences = sum(1 for l in lines if SENTENCE_END.search(l.text))
    return sentences * 2 >= len(lines) and sum(l.words for l in lines) / len(lines) >= MIN_TAIL_MEAN_WORDS


def _is_break(lines: list[Line], a: Line, b: Line, marks: dict) -> bool:
    """A removed block or a run of blank lines between two kept lines."""
    between = range(a.index + 1, b.index)
    return any(k in marks for k in between) or b.blank_before >= BREAK_BLANKS


def _body_cohesion(paragraphs: list[list[str]], title_words: list[str]) -> float:
    """Median share of a body paragraph's words that the rest of the article uses too."""
    scores = []
    for i, ws in enumerate(paragraphs):
        if not ws:
            continue
        rest = set(title_words).union(*(p for j, p in enumerate(paragraphs) if j != i))
        scores.append(sum(1 for w in ws if w in rest) / len(ws))
    return statistics.median(scores) if scores else 0.0
