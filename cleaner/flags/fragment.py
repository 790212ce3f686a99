"""fragment: punctuation misplaced around a quote, and doubled punctuation.

* a sentence end, a short quoted span, then a sentence end again:
  ``if it continued to expand. “spontaneous rumours”.`` (the span from the
  first period to the last);
* doubled punctuation: ``,,`` ``;;`` ``,.`` and exactly two periods ``..``
  (the ellipsis ``...``/``…``, ranges like ``1..5`` and the two-dot ellipsis
  of Korean/Japanese/Chinese text are fine);
* a comma or period right after an opening quote: ``“, he`` ``„.``.

Space before ; : ! ? is correct French typography and never flagged.
"""
from __future__ import annotations

import functools
import re

import regex

from cleaner.flags import _data, _quotes, _util
from cleaner.flags._util import make_flag
from cleaner.lang.scripts import fine_script
from cleaner.report import Flag
from cleaner.lang import CACHED_LANGUAGES

RULE = "flag.fragment"
KIND = "fragment"
DESCRIPTION = ("Punctuation misplaced around a quote (a sentence end, a quoted fragment, then "
               "another sentence end), doubled punctuation (,, or ..), or a comma/period "
               "directly after an opening quote.")

_OPENERS = "\u201c\u201e\u00ab\u00bb\"\u2018\u201a"
_CLOSERS = "\u201d\u201c\u00bb\u00ab\"\u2019"
_QUOTED = regex.compile(
    r"(?P<p1>[.!?])[ \t\u00a0\u202f]+"
    r"(?P<q1>[" + _OPENERS + r"])(?P<body>[^" + _OPENERS + _CLOSERS + r"\n]{1,200}?)"
    r"(?P<q2>[" + _CLOSERS + r"])(?P<p2>[.!?])(?=[\s\u200b]|$)")
_DOUBLED = regex.compile(
    r",,+|;;+|[,;]\.(?!\.)|(?<![.\d/])\.\.(?![.\d/])")
# Cheap `re` pre-checks (literal characters only, so `re` agrees with `regex`):
# what every match of _QUOTED / _DOUBLED starts with. Most paragraphs have neither.
_QUOTED_HINT = re.compile("[.!?][ \t\u00a0\u202f]+[" + re.escape(_OPENERS) + "]")
_DOUBLED_HINT = re.compile(r",[,.]|;[;.]|\.\.")
_NOT_AFTER = frozenset(".\u2026" + _CLOSERS + "\u2019\u2018")
_WORD_BEFORE = regex.compile(r"[\p{L}\p{M}.]+$")


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _abbrev(lang: str) -> frozenset[str]:
    return _data.per_lang(_data.load("fragment").get("abbreviations", {}), lang)


@functools.lru_cache(maxsize=None)
def _two_dot_langs() -> frozenset[str]:
    return frozenset(_data.load("fragment").get("doubled", {}).get("two_dot_ellipsis", []))


@functools.lru_cache(maxsize=1)
def _max_words() -> int:
    return int(_data.load("fragment").get("fragment", {}).get("max_words", 12))


def _sentence_end(raw: str, i: int, abbrev: frozenset[str]) -> bool:
    """Is raw[i] (one of .!?) a sentence end rather than an abbreviation dot / ellipsis?"""
    if raw[i] != ".":
        return True
    if i > 0 and raw[i - 1] in ".\u2026":
        return False  # ellipsis
    m = _WORD_BEFORE.search(raw, max(0, i - 40), i)
    if not m:
        return i > 0 and raw[i - 1] in ")]\u201d\u2019\"'"  # "(…)." ends a sentence
    word = m.group()
    core = word.strip(".")
    if len(core) <= 1 or "." in core:      # a single letter, or U.S., e.g.
        return False
    return core.lower() not in abbrev


def detect(paragraphs, lang: str) -> list[Flag]:
    abbrev = _abbrev(lang)
    max_words = _max_words()
    two_dots_ok = lang in _two_dot_langs()
    flags: list[Flag] = []
    raws = [p.raw for p in paragraphs]
    doubled_at = set(_util.hit_paragraphs(_DOUBLED_HINT, raws))
    quoted_at = set(_quoted_hits(raws))
    for i in sorted(quoted_at | doubled_at):
        p = paragraphs[i]
        raw = p.raw
        quoted = _QUOTED.finditer(raw, overlapped=True) if i in quoted_at else ()
        for m in quoted:
            body = m.group("body")
            if regex.search(r"[.!?\u2026]", body.rstrip(".!?\u2026")) or len(body.split()) > max_words:
                continue  # a full quoted sentence, not a fragment
            if not body.strip() or not _sentence_end(raw, m.start("p1"), abbrev):
                continue
            flags.append(make_flag(p, m.start("p1"), m.end("p2"), KIND, RULE,
                                   "quoted fragment between two sentence ends: "
                                   "the punctuation around the quote is misplaced"))
        doubled = _DOUBLED.finditer(raw) if i in doubled_at else ()
        for m in doubled:
            if m.group() == ".." and (two_dots_ok or _east_asian(raw, m.start())):
                continue  # ".." is an ordinary ellipsis in Korean / Japanese / Chinese text
            flags.append(make_flag(p, m.start(), m.end(), KIND, RULE,
                                   f"doubled punctuation {m.group()!r}"))
    # A comma or period right after an opening quote: “, he  „.
    for ps in _quotes.scan(paragraphs, lang):
        for mark in ps.marks:
            if mark.role != "open":
                continue
            p = paragraphs[mark.para]
            raw = p.raw
            k = mark.end
            if mark.char in "\u00ab\u00bb" and raw[k:k + 1] in ("\u00a0", "\u202f", " "):
                k += 1
            if raw[k:k + 1] in (",", ".") and raw[k + 1:k + 2] not in _NOT_AFTER:
                flags.append(make_flag(p, mark.pos, k + 1, KIND, RULE,
                                       f"{raw[k]!r} directly after an opening quote"))
    return flags


def _quoted_hits(raws: list[str]) -> list[int]:
    """hit_paragraphs(_QUOTED_HINT, raws), searched only in the paragraphs with
    an opening quote (found much faster, by str.find)."""
    search = _QUOTED_HINT.search
    return [i for i in _util.hit_paragraphs(_OPENER_CHARS, raws) if search(raws[i])]


_OPENER_CHARS = tuple(_OPENERS)


def _east_asian(raw: str, i: int) -> bool:
    return i > 0 and fine_script(raw[i - 1]) in ("han", "kana", "hangul")
