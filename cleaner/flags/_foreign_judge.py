"""foreign-language: langdetect's verdict on a suspicious paragraph or sentence.

langdetect costs about 1 ms per 300 characters, so it runs only on what the
cheap test (_foreign_screen) singles out, and must then name a language outside
the document's group with probability >= 0.9, whose stopwords the text uses as
prose does. Its answers are remembered, and langdetect stops after its first
trials when they leave no language outside the document's group a chance of
reaching the probability a flag needs (usually after one of its 7 trials: the
paragraph is in the document's language).
"""
from __future__ import annotations

import functools

from cleaner.flags._foreign_counts import lookup_form, stop_density, words_of
from cleaner.lang import langdetect_run

__all__ = ["judge"]


def _langdetect(text: str, max_chars: int, same: frozenset[str] | None = None,
                min_p: float | None = None) -> list[tuple[str, float]]:
    """langdetect's answer for `text`; given `same` and `min_p`, [] also when
    no language outside `same` can reach min_p (then langdetect stops early:
    see langdetect_probs' give_up)."""
    fn = langdetect_run.langdetect_probs
    give_up = (same, min_p) if same is not None and min_p is not None and getattr(fn, "gives_up", False) else None
    return _probs(fn, max_chars, text, give_up)


@functools.lru_cache(maxsize=2048)
def _probs(fn, max_chars: int, text: str, give_up) -> list[tuple[str, float]]:
    """fn's answer, remembered: the same paragraph (a recurring tagline, a table
    row) is often suspicious in many documents, and each answer costs
    milliseconds. langdetect_probs is deterministic (fixed seed, fresh detector);
    the key holds the function itself, so a replaced one is asked afresh."""
    return fn(text, max_chars=max_chars) if give_up is None else fn(text, max_chars=max_chars, give_up=give_up)


def judge(text: str, same, min_p: float, max_chars: int, min_found: float) -> tuple[str, float] | None:
    """(language, probability) when langdetect names a language not in `same` with
    p >= min_p and the text uses that language's stopwords as prose does (a tag list or
    a run of names that merely looks like it does not); else None."""
    probs = _langdetect(text, max_chars, same, min_p)
    if not probs:
        return None
    top, prob = probs[0]
    if prob < min_p or top in same:
        return None
    found = stop_density([lookup_form(w) for w in words_of(text)], top)
    if found is not None and found < min_found:
        return None
    return top, prob
