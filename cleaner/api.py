"""The Python API: `clean(text) -> Result`."""
from __future__ import annotations

import functools
from typing import Iterable

from .engine import Engine
from .report import Result
from .rules import RuleSet, build_ruleset

__all__ = ["clean", "Cleaner"]


class Cleaner:
    """A reusable cleaner with its rule set compiled once (use it in loops)."""

    def __init__(self, rules: Iterable[str] = (), disable: Iterable[str] = (), ruleset: RuleSet | None = None):
        self.ruleset = ruleset or build_ruleset(tuple(rules), tuple(disable))
        self.engine = Engine(self.ruleset)

    def clean(self, text: str, *, lang: str | None = None, body_only: bool = False,
              html: bool | None = None, flags: bool = True, input: str = "auto") -> Result:
        """`input`: "article" for already extracted text (never cut by the main-text
        finder), "page" for raw page text, "auto" to decide per document."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}")
        page_meta: dict = {}
        if html is None:
            html = _looks_like_html(text)
        if html:
            from .html import extract
            text, page_meta = extract(text)
        if lang is None:
            from .lang import detect_language
            lang = detect_language(text)
        result = self.engine.run(text, lang, body_only=body_only, want_flags=flags, input_kind=input)
        if html:
            result.meta["source"] = "html"
            if page_meta.get("warnings"):  # the page lost text in the parser (html_check)
                result.meta["warnings"] = page_meta.pop("warnings") + result.meta.get("warnings", [])
            for key in ("title", "date", "byline"):
                if page_meta.get(key) and not result.meta.get(key):
                    result.meta[key] = page_meta[key]
            for key, value in page_meta.items():
                result.meta.setdefault(key, value)
        from .dates import normalize_meta
        normalize_meta(result.meta)   # one date format for the text and the HTML paths
        return result


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if not head.startswith("<"):
        return False
    from .html import looks_like_html
    return looks_like_html(text)


@functools.lru_cache(maxsize=8)
def _cached(rules: tuple[str, ...], disable: tuple[str, ...]) -> Cleaner:
    return Cleaner(rules, disable)


def clean(text: str, *, lang: str | None = None, body_only: bool = False, html: bool | None = None,
          rules: Iterable[str] = (), disable: Iterable[str] = (), flags: bool = True,
          input: str = "auto") -> Result:
    """Clean one document. `rules`: extra rule-pack folders; `disable`: rule ids or globs."""
    return _cached(tuple(rules), tuple(disable)).clean(text, lang=lang, body_only=body_only, html=html, flags=flags,
                                                        input=input)
