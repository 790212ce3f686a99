"""Every rule id a report can carry, for `clean --list-rules` and for checking `--disable`.

One list serves both, so an id that can appear in a report can be looked up and
switched off, and a `--disable` value that matches none of them is caught as the
typo it is instead of silently switching nothing off.
"""
from __future__ import annotations

import fnmatch


def rule_rows(cleaner) -> list[dict]:
    """Pack rules (built-in and --rules), coded mechanisms, the main-text finder's ids
    and the flag detectors: id, category, lang, action, description, source."""
    from .engine import MECHANISMS
    try:
        from .flags import FLAG_RULES
    except ImportError:
        FLAG_RULES = []
    rows = [r.to_listing() for r in cleaner.ruleset.rules]
    rows += [{**m, "source": "(mechanism)"} for m in MECHANISMS]
    rows += _mainfinder_rows()
    rows += [{"id": f["id"], "category": "flag", "lang": "*", "action": "flag",
              "description": f.get("description", ""), "source": "(detector)"} for f in FLAG_RULES]
    return rows


def _mainfinder_rows() -> list[dict]:
    """The main-text finder: its switch (`--disable mainfinder`), then each id its removals
    carry, read from mainfinder.RULES (id -> (category, description)) so new ids show up."""
    from . import mainfinder
    categories = ",".join(sorted({category for category, _ in mainfinder.RULES.values()}))
    rows = [{"id": "mainfinder", "category": categories, "lang": "*", "action": "switch",
             "description": "The main-text finder for raw page text (all of mainfinder.*); it runs with "
                            "--input page, or auto when the text looks like a whole page",
             "source": "(mechanism)"}]
    rows += [{"id": rule_id, "category": category, "lang": "*", "action": "mechanism",
              "description": f"Main-text finder: {description}", "source": "(mechanism)"}
             for rule_id, (category, description) in mainfinder.RULES.items()]
    return rows


def unmatched(patterns, rows) -> list[str]:
    """The --disable values (ids or globs) that match no id in `rows`."""
    ids = [r["id"] for r in rows]
    return [p for p in patterns if not any(i == p or fnmatch.fnmatchcase(i, p) for i in ids)]


def select(rows, categories=(), lang: str | None = None) -> list[dict]:
    """Rows of these categories (any, when empty) that can fire on a document in `lang`:
    its own packs, the language-independent rules, and English (site furniture is English
    on every site, so the English packs run on every document)."""
    if categories:
        wanted = set(categories)
        rows = [r for r in rows if wanted & set(r["category"].split(","))]
    if lang:
        rows = [r for r in rows if r["lang"] in (lang, "*", "en")]
    return rows


def categories(rows) -> list[str]:
    return sorted({c for r in rows for c in r["category"].split(",")})
