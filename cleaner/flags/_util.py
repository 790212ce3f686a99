"""Small helpers shared by the detectors, and the pieces of their fast paths.

The detectors' exact rules run the `regex` module word by word, which is slow.
So each detector first asks a cheap question whose "no" is certain, and runs
the exact rules only on the few paragraphs left: one stdlib `re` search over
all paragraphs for the characters a rule needs (hit_paragraphs), `re` versions
of the rules on "plain" text where they provably agree (PLAIN), and counts or
edge words of whitespace-separated tokens, each distinct token analysed once.
"""
from __future__ import annotations

import functools
import re

import regex

from cleaner.report import Flag
from cleaner.text.shapes import INVISIBLE
# one search over all paragraphs for the characters a rule needs (shared with the main-text finder)
from cleaner.text.scan import indices_holding as hit_paragraphs  # noqa: F401

ZERO_WIDTH = INVISIBLE
# "Plain" text: printable ASCII, the Latin-1 letters À..ÿ (not × ÷), and the
# typographic punctuation of news text ‘ ’ “ ” „ « » – — … (each \p{P} for
# `regex`). On it PLAIN_LETTER are exactly the \p{L}\p{M} characters and
# PLAIN_ALNUM the \p{L}\p{M}\p{N} ones, the letters are NFKC-stable, Latin, and
# casefold to plain letters, so stdlib `re` patterns reproduce the detectors'
# `regex` rules, much faster. (tests/oracles/test_flag_fast_paths.py checks all this.)
TYPO_PUNCT = "\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2026"
PLAIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"      # character class bodies
PLAIN_ALNUM = "0-9" + PLAIN_LETTER
PLAIN_BLANKS = " \t\u00a0"
PLAIN = re.compile(f"[!-~{TYPO_PUNCT}{PLAIN_LETTER}]+")                # a token; use .fullmatch
PLAIN_TEXT = re.compile(f"[{PLAIN_BLANKS}!-~{TYPO_PUNCT}{PLAIN_LETTER}]*")   # a paragraph; .fullmatch


def is_plain_text(text: str) -> bool:
    """Whether PLAIN_TEXT.fullmatch(text) matches. Printable ASCII (most paragraphs
    of news text) is plain by two C scans, several times faster than the regex's
    character-class loop; anything else is asked of the regex."""
    return (text.isascii() and text.isprintable()) or PLAIN_TEXT.fullmatch(text) is not None


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
    # Four str.find scans (memchr): cheaper than a generator over SPLIT_ONLY_BLANKS or a regex.
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _NONBLANK.findall(text)
    return text.split()


# Whitespace-split paragraphs, shared: doubled-word splits p.raw (unless plain),
# foreign-language p.text (twice: the paragraph test and the sentence test), and
# the two are usually the same string. Bounded; tuples, so the garbage collector
# stops tracking them at once. A paragraph longer than this is split afresh.
_SPLIT_CACHE_CHARS = 20_000


def split_cached(text: str) -> tuple[str, ...]:
    """split_like_regex(text) as a tuple, remembered for the last few thousand paragraphs."""
    if len(text) <= _SPLIT_CACHE_CHARS:
        return _split(text)
    return tuple(split_like_regex(text))


@functools.lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    return tuple(split_like_regex(text))


def split_all(texts: list[str]) -> list[tuple[str, ...]]:
    """split_cached(text) for each of `texts`."""
    return list(map(split_cached, texts))
