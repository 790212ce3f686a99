"""foreign-language: the cheap test that decides whether langdetect runs on a paragraph.

A paragraph is suspicious when its script differs from the script of the
document's language (Latin vs Cyrillic vs Greek vs ...), or its stopword
density for the document's language is far below normal prose, or a close
relative's stopwords (Russian in a Ukrainian text, Spanish in a Portuguese one)
clearly outnumber them. Short paragraphs, lists of names and lines of numbers
or URLs never are. Thresholds: rules/flags/foreign.toml [foreign].

suspicious_exact is the definition, word by word. suspicious_all gives the
same answers from the packed per-token counts (_foreign_counts), for all of a
document's paragraphs at once, and None where the counts cannot decide (then
the definition runs).
"""
from __future__ import annotations

from cleaner.flags import _util
from cleaner.flags._foreign_counts import (MASK, MAX_PARA_TOKENS, NONLATIN, dominant, dominant_by_tokens,
                                           lookup_form, stop_density, totals, unpack, words_of)
from cleaner.flags._foreign_data import Limits, conf, expected_scripts, limits, rival_script, script_langs
from cleaner.lang.stopwords import stopwords
from cleaner.text import scan

__all__ = ["suspicious", "suspicious_all", "suspicious_exact"]

_NO_SPACES = frozenset({"han", "kana", "thai", "lao", "khmer", "myanmar", "tibetan"})


def _rival_hits(low: list[str], script: str, lang: str) -> list[int]:
    """For each other language of `script`: how many of `low` its list has."""
    return [sum(map(stopwords(code).__contains__, low)) for code in script_langs(script) if code != lang]


def suspicious(text: str, lang: str) -> bool:
    """The cheap test: may `text` be in another language than `lang`?"""
    fast = _suspicious_by_counts(text, lang, limits())
    return suspicious_exact(text, lang) if fast is None else fast


def _suspicious_by_counts(text: str, lang: str, lim: Limits) -> bool | None:
    """suspicious_exact's answer from per-token counts, or None when the counts
    cannot decide it (a very long paragraph, or a close rival-language test)."""
    return suspicious_all([text], lang, lim)[0]


def suspicious_all(texts: list[str], lang: str, lim: Limits) -> list[bool | None]:
    """_suspicious_by_counts of each of a document's paragraphs, their tokens
    counted together (totals)."""
    min_words = lim.min_words
    out: list[bool | None] = [False] * len(texts)
    todo = [i for i, text in enumerate(texts) if len(text) >= 2 * min_words]
    for part in scan.slices(todo, [len(texts[i]) for i in todo]):   # memory: a slice's tokens at a time
        counted: list[int] = []
        token_lists: list[tuple[str, ...]] = []
        for i, tokens in zip(part, _util.split_all([texts[i] for i in part])):
            if len(tokens) > MAX_PARA_TOKENS or min_words < 1:
                out[i] = None           # too many tokens for the packed counts
            else:
                counted.append(i)
                token_lists.append(tokens)
        for i, tokens, total in zip(counted, token_lists, totals(token_lists, lang)):
            if total & MASK >= min_words or total >> NONLATIN:   # else few words, all Latin: False
                out[i] = _decide(texts[i], tokens, total, lang, lim)
    return out


def _decide(text: str, tokens: tuple[str, ...], total: int, lang: str, lim: Limits) -> bool | None:
    """_suspicious_by_counts from the paragraph's packed counts (see totals)."""
    n, upper, lower, stop, rival, nonlatin = unpack(total)
    # Without non-Latin letters, and with a Latin letter in every word, the script
    # is Latin, or there is no word: False either way, as with script None.
    script, letters = dominant_by_tokens(text, tokens, lang) if nonlatin else ("latin", len(text))
    if script is None:
        return False
    min_words = lim.min_words
    if script in _NO_SPACES:
        if letters < 2 * min_words:
            return False
        n = 0
    else:
        if n < min_words:
            return False
        cased = upper + lower
        if cased and upper / cased > lim.max_capitalised:
            return False
    expected = expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not n or not stopwords(lang):
        return False
    density = stop / n
    if density < lim.max_stopword_density:
        return True
    if density >= lim.rival_ratio:
        return False
    # Every rival hit is a word in some other list of this script, so the best
    # rival's density is at most rival / n: often enough to rule the test out.
    if script == rival_script(lang) and lim.rival_ratio >= 0:
        most = rival / n
        if most < lim.min_rival_density or density >= lim.rival_ratio * most:
            return False
    return None


def suspicious_exact(text: str, lang: str) -> bool:
    """The cheap test, word by word (the definition _suspicious_by_counts follows)."""
    c = conf()
    min_words = int(c.get("min_words", 8))
    if len(text) < 2 * min_words:
        return False
    if text.isascii():
        script, letters = "latin", len(text)
    else:
        script, letters = dominant(text)
    if script is None:
        return False
    if script in _NO_SPACES:
        if letters < 2 * min_words:
            return False
        words: list[str] = []
    else:
        words = words_of(text)
        if len(words) < min_words:
            return False
        cased = [w for w in words if w[0].isupper() or w[0].islower()]
        if cased and sum(w[0].isupper() for w in cased) / len(cased) > float(c.get("max_capitalised", 0.6)):
            return False
    expected = expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not words:
        return False
    low = [lookup_form(w) for w in words]
    density = stop_density(low, lang)
    if density is None:
        return False
    if density < float(c.get("max_stopword_density", 0.08)):
        return True
    # A close relative (Russian in a Ukrainian text, Spanish in a Portuguese one)
    # keeps some stopwords: compare with the best other list of the same script.
    ratio = float(c.get("rival_ratio", 0.5))
    if density >= ratio:          # no rival can reach density / ratio > 1
        return False
    best = max(_rival_hits(low, script, lang), default=0) / len(low)
    return best >= float(c.get("min_rival_density", 0.3)) and density < ratio * best
