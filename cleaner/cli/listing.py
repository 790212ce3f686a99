"""Every rule id a report can carry, for `clean --list-rules` and for checking `--disable`.

One list serves both, so an id that can appear in a report can be looked up and
switched off, and a `--disable` value that matches none of them is caught as the
typo it is instead of silently switching nothing off.

Pack text is untrusted (a user pack may carry terminal escape sequences in a
description, a category or a file name), so control characters are printed
escaped: `\\x1b`, never raw, in the text table and in the JSON.
"""
from __future__ import annotations

import fnmatch
import json
import re

# C0, DEL, C1, line/paragraph separators and the bidi controls that reorder what a terminal shows
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Control characters as Python-style escapes (`\\x1b`, `\\u202e`)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json_escape(text: str) -> str:
    """json.dumps(ensure_ascii=False) escapes C0 but leaves DEL, C1 and the bidi controls
    raw; inside JSON strings (the only place they can be) `\\uXXXX` is the same character."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def rule_rows(cleaner) -> list[dict]:
    """Pack rules (built-in and --rules), coded mechanisms, the main-text finder's ids
    and the flag detectors: id, category, lang, action, description, source."""
    from cleaner.engine import MECHANISMS
    try:
        from cleaner.flags import FLAG_RULES
    except ImportError:
        FLAG_RULES = []
    rows = [r.to_listing() for r in cleaner.ruleset.rules]
    rows += [{**m, "source": "(mechanism)"} for m in MECHANISMS]
    rows += _mainfinder_rows()
    rows += [{"id": f["id"], "category": "flag", "lang": "*", "action": "flag",
              "description": f.get("description", ""), "source": "(detector)"} for f in FLAG_RULES]
    return rows


def list_rules(cleaner, rows, fmt: str, out) -> None:
    """Write `rows` (rule_rows, maybe select()ed) as a JSON array or a text table to `out`."""
    if fmt == "json":
        out.write(_json_escape(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n")
        return
    finder_off = cleaner.ruleset.is_disabled("mainfinder")   # the switch turns every finder id off
    for r in sorted(rows, key=lambda r: r["id"]):
        disabled = cleaner.ruleset.is_disabled(r["id"]) or (finder_off and r["id"].startswith("mainfinder."))
        off = " (disabled)" if disabled else ""
        r = {k: escape(str(v)) for k, v in r.items()}
        out.write(f"{r['id']:<40} {r['category']:<11} {r['lang']:<3} {r['action']:<18} {r['description']}{off}\n")


def _mainfinder_rows() -> list[dict]:
    """The main-text finder: its switch (`--disable mainfinder`), then each id its removals
    carry (mainfinder.MECHANISMS, so new ids show up)."""
    from cleaner.mechanisms import mainfinder
    return [m.listing() for m in mainfinder.MECHANISMS]


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
