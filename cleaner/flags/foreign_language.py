"""foreign-language: a paragraph written in another language than the document.

langdetect costs about 1 ms per 300 characters, so it runs only on paragraphs a
cheap test singles out: the paragraph's script differs from the script of the
document's language (Latin vs Cyrillic vs Greek vs ...), or its stopword density
for the document's language is far below normal prose. It must then name a
different language with probability >= 0.9. Short paragraphs, lists of names and
lines of numbers or URLs are never checked. Thresholds: rules/flags/foreign.toml.
"""
from __future__ import annotations

import functools
import unicodedata

import regex

from cleaner import lang as langmod
from cleaner.flags import _data
from cleaner.flags._util import make_flag, stripped_span
from cleaner.report import Flag
from cleaner.stopwords import available, stopwords

RULE = "flag.foreign_language"
KIND = "foreign-language"
DESCRIPTION = ("A paragraph (8+ words) in a language other than the document's, by a cheap "
               "script / stopword test confirmed by langdetect (p >= 0.9).")

_TOKEN = regex.compile(r"\S+")
_WORD = regex.compile(r"^[\p{P}\p{S}]*([\p{L}\p{M}]+(?:['\u2019\-][\p{L}\p{M}]+)*)[\p{P}\p{S}]*$")
_URLISH = regex.compile(r"(?:://|^www\.|@.+\.|\.(?:com|org|net|html?|php)\b)", regex.I)
_POINTS = regex.compile(r"[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")
_NO_SPACES = frozenset({"han", "kana", "thai", "lao", "khmer", "myanmar", "tibetan"})


@functools.lru_cache(maxsize=1)
def _conf() -> dict:
    return dict(_data.load("foreign").get("foreign", {}))


@functools.lru_cache(maxsize=None)
def _expected_scripts(lang: str) -> frozenset[str] | None:
    """The scripts `lang` is usually written in (None: several, don't test)."""
    found = {script for script, langs in _data.load("foreign").get("scripts", {}).items() if lang in langs}
    if "mixed" in found:
        return None
    return frozenset(found or {"latin"})


@functools.lru_cache(maxsize=None)
def _similar(lang: str) -> frozenset[str]:
    out = {lang}
    for group in _data.load("foreign").get("similar", {}).get("groups", []):
        if lang in group:
            out.update(group)
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _rival_index(script: str) -> dict[str, tuple[str, ...]]:
    """stopword -> the languages (with that usual script) whose list has it."""
    index: dict[str, list[str]] = {}
    for code in available():
        if _expected_scripts(code) == frozenset({script}):
            for w in stopwords(code):
                index.setdefault(w, []).append(code)
    return {w: tuple(v) for w, v in index.items()}


def _words(text: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(text):
        if _URLISH.search(tok):
            continue
        m = _WORD.match(tok)
        if m:
            out.append(m.group(1))
    return out


def _lookup_form(word: str) -> str:
    """How a word is looked up in a stopword list: NFKC (Arabic presentation
    forms), lower-case, without Arabic/Hebrew vowel points."""
    return _POINTS.sub("", unicodedata.normalize("NFKC", word)).lower()


def _density(low: list[str], lang: str) -> float | None:
    sw = stopwords(lang)
    if not sw or not low:
        return None
    return sum(w in sw for w in low) / len(low)


def _dominant(text: str) -> tuple[str | None, int]:
    counts = langmod.script_counts(text)
    if not counts:
        return None, 0
    if counts.get("kana"):
        counts["kana"] += counts.pop("han", 0)
    name = max(sorted(counts), key=lambda k: counts[k])
    return name, sum(counts.values())


def suspicious(text: str, lang: str) -> bool:
    """The cheap test: may `text` be in another language than `lang`?"""
    conf = _conf()
    min_words = int(conf.get("min_words", 8))
    if len(text) < 2 * min_words:
        return False
    if text.isascii():
        script, letters = "latin", len(text)
    else:
        script, letters = _dominant(text)
    if script is None:
        return False
    if script in _NO_SPACES:
        if letters < 2 * min_words:
            return False
        words: list[str] = []
    else:
        words = _words(text)
        if len(words) < min_words:
            return False
        cased = [w for w in words if w[0].isupper() or w[0].islower()]
        if cased and sum(w[0].isupper() for w in cased) / len(cased) > float(conf.get("max_capitalised", 0.6)):
            return False
    expected = _expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not words:
        return False
    low = [_lookup_form(w) for w in words]
    density = _density(low, lang)
    if density is None:
        return False
    if density < float(conf.get("max_stopword_density", 0.08)):
        return True
    # A close relative (Russian in a Ukrainian text, Spanish in a Portuguese one)
    # keeps some stopwords: compare with the best other list of the same script.
    ratio = float(conf.get("rival_ratio", 0.5))
    if density >= ratio:          # no rival can reach density / ratio > 1
        return False
    hits: dict[str, int] = {}
    index = _rival_index(script)
    for w in low:
        for code in index.get(w, ()):
            hits[code] = hits.get(code, 0) + 1
    hits.pop(lang, None)
    best = max(hits.values(), default=0) / len(low)
    return best >= float(conf.get("min_rival_density", 0.3)) and density < ratio * best


def detect(paragraphs, lang: str) -> list[Flag]:
    if not lang or lang == "und":
        return []
    conf = _conf()
    min_p = float(conf.get("min_probability", 0.9))
    max_chars = int(conf.get("sample_chars", 600))
    min_found = float(conf.get("min_detected_density", 0.15))
    same = _similar(lang)
    flags: list[Flag] = []
    for p in paragraphs:
        text = p.text
        if not suspicious(text, lang):
            continue
        probs = langmod.langdetect_probs(text, max_chars=max_chars)
        if not probs:
            continue
        top, prob = probs[0]
        if prob < min_p or top in same:
            continue
        # Prose in `top` has that language's stopwords; a tag list or a run of
        # names that merely looks like it does not.
        found = _density([_lookup_form(w) for w in _words(text)], top)
        if found is not None and found < min_found:
            continue
        i, j = stripped_span(p.raw)
        flags.append(make_flag(p, i, j, KIND, RULE,
                               f"paragraph looks like '{top}' (p={prob:.2f}), document is '{lang}'"))
    return flags
