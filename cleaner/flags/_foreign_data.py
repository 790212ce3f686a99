"""What the foreign-language flag knows about languages: its thresholds
(rules/flags/foreign.toml), the scripts each language is written in, its close
relatives, and the stopword sets the cheap test counts. All read once.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from cleaner.flags import _data
from cleaner.lang.stopwords import available, stopwords
from cleaner.lang import CACHED_LANGUAGES

__all__ = ["conf", "Limits", "limits", "expected_scripts", "similar", "script_langs", "rival_script",
           "lang_words"]


@functools.lru_cache(maxsize=1)
def conf() -> dict:
    return dict(_data.load("foreign").get("foreign", {}))


class Limits(NamedTuple):
    min_words: int
    max_capitalised: float
    max_stopword_density: float
    rival_ratio: float
    min_rival_density: float


@functools.lru_cache(maxsize=1)
def limits() -> Limits:
    """rules/flags/foreign.toml [foreign], read once (the defaults are suspicious_exact's)."""
    c = conf()
    return Limits(int(c.get("min_words", 8)), float(c.get("max_capitalised", 0.6)),
                  float(c.get("max_stopword_density", 0.08)), float(c.get("rival_ratio", 0.5)),
                  float(c.get("min_rival_density", 0.3)))


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def expected_scripts(lang: str) -> frozenset[str] | None:
    """The scripts `lang` is usually written in (None: several, don't test)."""
    found = {script for script, langs in _data.load("foreign").get("scripts", {}).items() if lang in langs}
    if "mixed" in found:
        return None
    return frozenset(found or {"latin"})


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def similar(lang: str) -> frozenset[str]:
    out = {lang}
    for group in _data.load("foreign").get("similar", {}).get("groups", []):
        if lang in group:
            out.update(group)
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def script_langs(script: str) -> tuple[str, ...]:
    """The languages with a stopword list that are usually written in `script` alone."""
    return tuple(code for code in available() if expected_scripts(code) == frozenset({script}))


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def rival_script(lang: str) -> str | None:
    """The one script `lang` is written in (None: several or mixed); rivals are
    counted for it."""
    expected = expected_scripts(lang)
    return next(iter(expected)) if expected is not None and len(expected) == 1 else None


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def lang_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stopwords of `lang`, stopwords of the other languages of its script): a
    word in the second set is a hit for some rival in rival_hits."""
    script = rival_script(lang)
    if script is None:
        return stopwords(lang), frozenset()
    own = stopwords(lang)
    others = [code for code in script_langs(script) if code != lang]
    # The script's words without those only `lang` lists: one union per script,
    # not one per language (each costs milliseconds).
    shared = frozenset().union(*(own.intersection(stopwords(code)) for code in others))
    return own, _script_words(script).difference(own.difference(shared))


@functools.lru_cache(maxsize=None)
def _script_words(script: str) -> frozenset[str]:
    """All stopwords of the languages of `script` (script_langs)."""
    return frozenset().union(*map(stopwords, script_langs(script)))
