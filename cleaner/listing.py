"""`clean --list-rules`: every rule id with its category, language, action and source.

Pack text is untrusted (a user pack may carry terminal escape sequences in a
description, a category or a file name), so control characters are printed
escaped: `\\x1b`, never raw, in the text table and in the JSON.
"""
from __future__ import annotations

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


def rows(cleaner) -> list[dict]:
    from .engine import MECHANISMS
    try:
        from .flags import FLAG_RULES
    except ImportError:
        FLAG_RULES = []
    out = [r.to_listing() for r in cleaner.ruleset.rules]
    out += [{**m, "source": "(mechanism)"} for m in MECHANISMS]
    out += _mainfinder_rows()
    out += [{"id": f["id"], "category": "flag", "lang": "*", "action": "flag", "description": f.get("description", ""),
             "source": "(detector)"} for f in FLAG_RULES]
    return out


def list_rules(cleaner, fmt: str, out) -> None:
    listing = rows(cleaner)
    if fmt == "json":
        out.write(_json_escape(json.dumps(listing, ensure_ascii=False, indent=2)) + "\n")
        return
    finder_off = cleaner.ruleset.is_disabled("mainfinder")   # the switch turns every finder id off
    for r in sorted(listing, key=lambda r: r["id"]):
        disabled = cleaner.ruleset.is_disabled(r["id"]) or (finder_off and r["id"].startswith("mainfinder."))
        off = " (disabled)" if disabled else ""
        r = {k: escape(str(v)) for k, v in r.items()}
        out.write(f"{r['id']:<40} {r['category']:<11} {r['lang']:<3} {r['action']:<18} {r['description']}{off}\n")


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
