"""Step 1 of the main-text finder: what each line of raw page text looks like.

Every non-blank line is classified on its own, with jusText's thresholds
(FinderOptions, rules/mechanisms/mainfinder.toml [finder]): *bad* (link-like:
URLs, "|"/"»" separators, a copyright notice; or long but with few stopwords),
*short*, *near-good* or *good* (long, with the stopword density of running text
in the page's language). Without a stopword list for the language, or in a
script written without spaces, sentence punctuation and lower-case words stand in
for the stopword density. Lines that repeat earlier text are marked (an exact
repeat, or a metadata blob stitched from the article's paragraphs), and a few
shapes that are neither prose nor furniture are told apart (no_evidence).

This is the per-line hot path: every test has a cheap screen (an ASCII fast
path, literal cues before a regex, features computed on first use), and
tests/oracles/test_mainfinder_fast_paths.py checks each against the plain definition.
"""
from __future__ import annotations

import functools
import re
import sys

import regex

from cleaner.lang.codes import normalize_code
from cleaner.lang.stopwords import stopwords
from cleaner.mechanisms.mainfinder.options import FinderOptions
from cleaner.packs import prefilter as _prefilter
from cleaner.paths import load_data
from cleaner.text import shapes
from cleaner.text.scan import indices_holding

#: a line's class (Feat.cls)
BAD, SHORT, NEARGOOD, GOOD = "bad", "short", "neargood", "good"

_TOKEN = regex.compile(r"\w+")
# _TOKEN on ASCII text, where `re` is faster and \w means the same.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
                     r"|\b[\w-]+\.(?:com|org|net|co\.uk|html?|php)\b\S*")
_SEPARATORS = regex.compile(r"\s[|»·•/]\s|\s[|»·•]|[|»·•]\s")
# Sentence-final punctuation, optionally followed by closing quotes/brackets
# (the definition; is_terminal tests it without scanning the whole line).
_TERMINAL = regex.compile(r"[.!?…。！？;:][\"'”’»)\]]*$")
_TERMINAL_CHARS = shapes.TERMINAL_CHARS
_CLOSERS = shapes.TERMINAL_CLOSERS
SENTENCE_INSIDE = regex.compile(r"\w[.!?。！？]\s+\p{Lu}|[。！？]|\w,\s\w")
# Scripts written without spaces between words: a character there carries
# about as much as a short word, so it counts thrice toward the length.
_DENSE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# A superset of _DENSE (everything from U+0E00 on except U+1E00-U+2E7F:
# Latin/Greek extensions, punctuation, symbols) that the fast `re` engine
# scans, so lines with only accents and curly quotes need no _DENSE scan
# (tests/oracles/test_mainfinder_fast_paths.py checks it covers every code point).
_MAYBE_DENSE = re.compile("[\u0e00-\u1dff\u2e80-\U0010ffff]")
_BULLET = shapes.BULLET_MARKER
# (re's \d: Unicode digits of Python's Unicode version, found faster than with
# regex, whose newer tables add the digits of a few recent scripts)
DIGIT = re.compile(r"\d")
_FIGURE = regex.compile(r"\d+(?:[.,:]\d+)*")
_INTERVIEW_TURN = regex.compile(r"\p{Lu}:\s+\S")
_MONEY_OR_PERCENT = "%$€£¥₽₹"
# Strings one of which a match of _URL / _SEPARATORS (on the lower-cased line)
# must contain: a cheap test before the regex. (_copyright() derives its own.)
_URL_CUES = ("://", "www.", "@", ".com", ".org", ".net", ".co.uk", ".htm", ".php")
_SEPARATOR_CUES = ("|", "»", "·", "•", "/")
# words (whitespace-separated) starting with an upper- / lower-case letter
_UPPER_WORD = regex.compile(r"(?<!\S)\p{Lu}")
_LOWER_WORD = regex.compile(r"(?<!\S)\p{Ll}")


def _tokens(low: str) -> list[str]:
    """_TOKEN.findall(low), with the faster engine when the line is ASCII."""
    return _ASCII_TOKEN.findall(low) if low.isascii() else _TOKEN.findall(low)


def is_terminal(text: str) -> bool:
    """bool(_TERMINAL.search(text)) without the regex: strip the closing
    quotes and brackets, then look at the last character (the regex is
    tried at every position of the line, this only at its end)."""
    if text.endswith("\n"):    # `$` also matches before a final newline
        text = text[:-1]
    text = text.rstrip(_CLOSERS)
    return bool(text) and text[-1] in _TERMINAL_CHARS


def _dense_chars(text: str) -> int:
    """How many characters of `text` are in a script without spaces; the
    Unicode-script scan runs only when the cheap superset test finds one."""
    if text.isascii() or not _MAYBE_DENSE.search(text):
        return 0
    return len(_DENSE.findall(text))


def _lower_share(text: str) -> float:
    """Share of lower-case among the words starting with a cased letter
    (0.5 when there are none): prose is mostly lower-case words, menus and
    headlines are capitalised."""
    lower = len(_LOWER_WORD.findall(text))
    cased = lower + len(_UPPER_WORD.findall(text))
    return lower / cased if cased else 0.5


class Feat:
    """What we know about one non-blank line.

    lower_share and bullet are computed on first use: only short lines
    (furniture, menus) and lines without a stopword list need them, and the
    word-case scan is the costliest per-line regex on long prose lines."""
    __slots__ = ("idx", "text", "low", "length", "words", "toks", "density", "_lower_share",
                 "terminal", "link", "cls", "dup", "_bullet")

    @property
    def lower_share(self) -> float:
        if self._lower_share is None:
            self._lower_share = _lower_share(self.text)
        return self._lower_share

    @property
    def bullet(self) -> bool:
        if self._bullet is None:
            self._bullet = bool(_BULLET.match(self.text))
        return self._bullet


def lang_stopwords(lang: str) -> frozenset[str]:
    """The page language's stopwords (empty without a language or a list)."""
    if not lang:
        return frozenset()
    return stopwords(normalize_code(lang))


@functools.lru_cache(maxsize=64)     # bounded: one entry per language tag seen
def _copyright(lang: str) -> tuple[regex.Pattern, tuple[str, ...] | None]:
    """The copyright-notice pattern for a page in `lang` (rules/mechanisms/mainfinder.toml:
    the symbols, English, and the page's language), and strings one of which each
    match holds (from the pattern's literal prefilter; None: every line is searched)."""
    table = load_data("mechanisms", "mainfinder")["copyright"]
    parts = [table[k] for k in dict.fromkeys(("_all", "en", normalize_code(lang))) if k in table]
    pattern = regex.compile("|".join(f"(?:{p})" for p in parts))
    prefilter = _prefilter.build(pattern)
    return pattern, (_prefilter.literals(prefilter) or None) if prefilter else None


def line_features(lines, lang: str, options: FinderOptions) -> list[Feat]:
    """One Feat per non-blank line, duplicates marked."""
    max_link_density, min_separators = options.max_link_density, options.min_separators
    stop = lang_stopwords(lang)
    rows = [ln for ln in lines if ln.text]
    texts = [ln.text for ln in rows]
    # lines where _URL / _SEPARATORS / the copyright notice can match (most have no cue)
    url_lines = set(indices_holding(_URL_CUES, texts))
    sep_lines = set(indices_holding(_SEPARATOR_CUES, texts))
    notice, notice_cues = _copyright(lang)
    copyright_lines = (set(indices_holding(notice_cues, [ln.low for ln in rows])) if notice_cues is not None
                       else range(len(rows)))
    # a big page's tokens, one object per distinct token (memory; the same strings)
    intern = sys.intern if len(rows) > INTERN_MIN_LINES else None
    feats: list[Feat] = []
    for k, ln in enumerate(rows):
        text = ln.text
        f = Feat()
        f.idx = ln.index
        f.text = text
        f.low = ln.low
        f._lower_share = f._bullet = None
        dense = _dense_chars(text)
        f.length = len(text) + 2 * dense
        words = len(text.split())
        f.words = max(words, f.length // 6) if dense else words
        f.toks = toks = _tokens(ln.low) if intern is None else list(map(intern, _tokens(ln.low)))
        f.terminal = is_terminal(text)
        if stop and not dense:
            f.density = sum(map(stop.__contains__, toks)) / len(toks) if toks else 0.0
        else:
            # no stopword list, or a script without spaces: a proxy from
            # sentence punctuation and lower-case words
            sentence = f.terminal or bool(SENTENCE_INSIDE.search(text))
            if sentence and (dense or f.lower_share >= 0.5):
                f.density = 0.4
            elif sentence or f.lower_share >= 0.6:
                f.density = 0.31
            else:
                f.density = 0.1
        url_chars = sum(map(len, _URL.findall(text))) if k in url_lines else 0
        f.link = (url_chars > max_link_density * len(text)
                  or (k in sep_lines and len(_SEPARATORS.findall(text)) >= min_separators)
                  or (k in copyright_lines and bool(notice.search(ln.low))))
        f.dup = 0
        feats.append(f)
    _mark_duplicates(feats, options.min_good_chars, options.min_dup_share)
    return feats


#: a page with more non-blank lines than this has its tokens interned
INTERN_MIN_LINES = 2000
#: a page with more word n-grams than this keeps only the repeated ones in
#: _mark_duplicates' table (memory: a 10 MB page has ~2M distinct n-grams)
SPARSE_MIN_GRAMS = 1 << 18
_SLOTS = 1 << 24       # the sparse table's counting filter: bytes


def _mark_duplicates(feats, min_good_chars: int, min_dup_share: float, n: int = 4) -> None:
    """dup = 1: an exact repeat of an earlier line of at least min_good_chars;
    dup = 2: a line whose word n-grams mostly occur in two or more earlier
    lines (a summary or metadata blob stitched from the article): at least
    min_dup_share of them."""
    if sum(max(0, len(f.toks) - n + 1) for f in feats) > SPARSE_MIN_GRAMS:
        first, grams = _first_lines_sparse(feats, n), None
    else:
        grams = [list(zip(*[f.toks[k:] for k in range(n)])) for f in feats]
        # first[g]: the first line holding n-gram g.  Filled from the last line
        # back so the earliest one wins, with dict.update doing the work in C;
        # an n-gram of line pos was seen earlier iff first[g] < pos.
        first = {}
        for pos in range(len(feats) - 1, -1, -1):
            first.update(dict.fromkeys(grams[pos], pos))
    seen: set[str] = set()
    for pos, f in enumerate(feats):
        text = " ".join(f.toks)
        shingles = grams[pos] if grams is not None else list(zip(*[f.toks[k:] for k in range(n)]))
        if f.length >= min_good_chars and text in seen:
            f.dup = 1
        elif len(shingles) >= 8:
            owners = [first.get(g, pos) for g in shingles] if grams is None else list(map(first.__getitem__, shingles))
            covered = len(owners) - owners.count(pos)
            if covered >= min_dup_share * len(shingles) and len(set(owners) - {pos}) >= 2:
                f.dup = 2
        seen.add(text)


def _first_lines_sparse(feats, n: int) -> dict[tuple, int]:
    """first[g] of _mark_duplicates for the n-grams g that may occur more than once
    (in two lines, or twice in one); any other n-gram occurs once, in the line
    that holds it, which is what first.get(g, pos) answers for it. Which n-grams
    may repeat, a counting filter over their hashes tells (a superset: hash
    collisions only add exact entries), so the table holds few n-grams and the
    lines' n-grams are never all alive at once."""
    mask = _SLOTS - 1
    counts = bytearray(_SLOTS)
    for f in feats:
        for g in zip(*[f.toks[k:] for k in range(n)]):
            h = hash(g) & mask
            if counts[h] < 2:
                counts[h] += 1
    first: dict[tuple, int] = {}
    for pos in range(len(feats) - 1, -1, -1):
        toks = feats[pos].toks
        first.update(dict.fromkeys([g for g in zip(*[toks[k:] for k in range(n)])
                                    if counts[hash(g) & mask] > 1], pos))
    return first


def classify(feats, options: FinderOptions) -> None:
    """jusText's context-free classification."""
    min_good_chars, min_long_chars = options.min_good_chars, options.min_long_chars
    min_stopword_density = options.min_stopword_density
    min_good_stopword_density = options.min_good_stopword_density
    for f in feats:
        if f.link:
            f.cls = BAD
        elif f.length < min_good_chars:
            f.cls = SHORT
        elif f.density >= min_good_stopword_density:
            f.cls = GOOD if f.length >= min_long_chars else NEARGOOD
        elif f.density >= min_stopword_density:
            f.cls = NEARGOOD
        else:
            f.cls = BAD


def no_evidence(f, min_named_sentence_words: int, min_figures: int) -> bool:
    """A line that is neither prose nor furniture, whatever its features say: a
    whole sentence of names and scores (at least min_named_sentence_words words),
    a row of figures, an interview's turn. It weighs nothing, so it never splits
    the article it stands in."""
    if f.link or f.dup:
        return False
    text = f.text
    if f.cls == BAD and f.terminal and f.words >= min_named_sentence_words:
        return True
    return (text[1:2] == ":" and _INTERVIEW_TURN.match(text) is not None) or _figures_row(text, min_figures)


def _figures_row(text: str, min_figures: int) -> bool:
    """A row of at least min_figures figures, one a price, a percentage or a decimal:
    '225.86 -12.99 -5.44%', '63 85% 1 tackle', '$139.00 (save $20)'."""
    if not DIGIT.search(text):
        return False
    figures = _FIGURE.findall(text)
    return len(figures) >= min_figures and (any(c in text for c in _MONEY_OR_PERCENT)
                                           or any("." in n or "," in n for n in figures))


def listish(f) -> bool:
    """Shaped like a list item: some stopwords, mostly lower-case words, two or more
    ("Writing a blog post", not "Online Business"). Inside an article such a line
    costs less than a menu entry and is never part of a menu run."""
    return f.density > 0 and f.lower_share >= 0.5 and f.words >= 2
