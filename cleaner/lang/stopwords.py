"""Stopword lists per language (vendored from jusText; see data/stoplists)."""
from __future__ import annotations

import functools
from importlib import resources

from cleaner.lang import CACHED_LANGUAGES


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def stopwords(lang: str) -> frozenset[str]:
    """Lower-case stopwords for an ISO 639-1 code; empty if we have no list."""
    try:
        text = resources.files("cleaner.data").joinpath("stoplists", f"{lang}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, ValueError):
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


def available() -> list[str]:
    return sorted(p.name[:-4] for p in resources.files("cleaner.data").joinpath("stoplists").iterdir()
                  if p.name.endswith(".txt"))
