"""The Python API: `clean(text) -> Result`."""
from __future__ import annotations

import functools
from typing import Iterable

from cleaner.engine import Engine
from cleaner.options import Options
from cleaner.report import Result
from cleaner.packs.ruleset import RuleSet, build_ruleset

__all__ = ["clean", "Cleaner"]


class Cleaner:
    """A reusable cleaner with its rule set compiled once (use it in loops)."""

    def __init__(self, rules: Iterable[str] = (), disable: Iterable[str] = (), ruleset: RuleSet | None = None):
        self.ruleset = ruleset or build_ruleset(tuple(rules), tuple(disable))
        self.engine = Engine(self.ruleset)
        self._choices: dict = {}

    def flag_kinds(self) -> list[str]:
        """Every flag kind this cleaner can raise: the built-in ones, then user packs'."""
        from cleaner.flags.kinds import FLAG_KINDS
        extra = {r.kind for r in self.ruleset.rules if r.action == "flag" and r.kind}
        return list(FLAG_KINDS) + sorted(extra - set(FLAG_KINDS))

    def flag_choice(self, flags):
        """`flags` as the engine takes it: None (all) or a frozenset of kinds; cached,
        as a batch passes the same value for every record."""
        key = flags if isinstance(flags, (bool, str, tuple, frozenset)) else None
        if key is not None and key in self._choices:
            return self._choices[key]
        from cleaner.flags.kinds import choose_flags
        chosen = choose_flags(flags, self.flag_kinds() if flags not in (True, False) else ())
        if key is not None:
            self._choices[key] = chosen
        return chosen

    def clean(self, text: str, options: Options | None = None, *, lang: str | None = None,
              body_only: bool = False, html: bool | None = None, flags=True, input: str = "auto") -> Result:
        """Clean one document, with `options` (an Options, built once for many calls) or
        the same fields as keywords. `input`: "article" for already extracted text (never
        cut by the main-text finder), "page" for raw page text, "auto" to decide per
        document. `flags`: True/"all", False/"none", or the kinds wanted
        ("mojibake,fragment" or an iterable); only the chosen detectors run. An unknown
        kind raises ValueError."""
        given = Options(lang=lang, body_only=body_only, html=html, flags=flags, input=input)
        if options is None:
            options = given
        elif given != _DEFAULT:
            raise TypeError("clean() takes options or keyword options, not both")
        return self.clean_with(text, options)

    def clean_with(self, text: str, options: Options) -> Result:
        """clean(text, options): the one path every front end takes."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}")
        kinds = self.flag_choice(options.flags)
        lang, html = options.lang, options.html
        page_meta: dict = {}
        if html is None:
            html = _looks_like_html(text)
        if html:
            from cleaner.html.extract import extract
            text, page_meta = extract(text)
        if lang is None:
            from cleaner.lang.detect import detect_language
            lang = detect_language(text)
        result = self.engine.run(text, lang, body_only=options.body_only, want_flags=kinds,
                                 input_kind=options.input)
        if html:
            result.meta["source"] = "html"
            if page_meta.get("warnings"):  # the page lost text in the parser (html_check)
                result.meta["warnings"] = page_meta.pop("warnings") + result.meta.get("warnings", [])
            for key in ("title", "date", "byline"):
                if page_meta.get(key) and not result.meta.get(key):
                    result.meta[key] = page_meta[key]
            for key, value in page_meta.items():
                result.meta.setdefault(key, value)
        from cleaner.text.dates import normalize_meta
        normalize_meta(result.meta)   # one date format for the text and the HTML paths
        return result


_DEFAULT = Options()


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if not head.startswith("<"):
        return False
    from cleaner.html.extract import looks_like_html
    return looks_like_html(text)


@functools.lru_cache(maxsize=8)
def _cached(rules: tuple[str, ...], disable: tuple[str, ...]) -> Cleaner:
    return Cleaner(rules, disable)


def clean(text: str, options: Options | None = None, *, lang: str | None = None, body_only: bool = False,
          html: bool | None = None, rules: Iterable[str] = (), disable: Iterable[str] = (), flags=True,
          input: str = "auto") -> Result:
    """Clean one document. `rules`: extra rule-pack folders; `disable`: rule ids or globs;
    `flags`: True/"all" (default), False/"none", or the flag kinds wanted. `options`: an
    Options in place of lang, body_only, html, flags and input."""
    return _cached(tuple(rules), tuple(disable)).clean(text, options, lang=lang, body_only=body_only, html=html,
                                                        flags=flags, input=input)
