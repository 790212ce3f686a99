"""related.trailing_list: flags (never removes) a list of short items ending the text.

A related-articles list whose heading the extractor lost looks like bare bulleted
headlines with nothing after them; the article's own lists are introduced by a
line ending in ':' or have items that are sentences. On 971 real pages of two
benchmarks the removals it would make were half article (pros and cons, steps,
reference lists), half teasers, so it flags suspected_related and keeps the text.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.mechanisms.registry import Mechanism
from cleaner.report import Flag
from cleaner.text.shapes import BULLET_ITEM

RULE_ID = "related.trailing_list"
MECHANISMS = [Mechanism(RULE_ID, "related",
                        "Flags (never removes) a bulleted list of short items at the very end, not "
                        "introduced by a colon, as suspected_related: a related list or the article's own list")]

MIN_ITEMS = 2
#: a teaser is a headline: an item longer than this is a note or a sentence of the article
ITEM_MAX_WORDS = 16


def headline_list(doc: Doc, marks: dict[int, Mark]) -> list[int]:
    """The indices of the bulleted headlines that end the kept text, or []."""
    kept = [l for l in doc.lines if not l.blank and l.index not in marks]
    items = []
    for l in reversed(kept):
        if (BULLET_ITEM.match(l.text) and l.words <= ITEM_MAX_WORDS
                and not l.text.endswith((".", ";", ":", ",", "↩"))):
            items.append(l)
        else:
            intro = l
            break
    else:
        return []
    if len(items) < MIN_ITEMS or intro.text.endswith((":", "：")):
        return []
    if len(items) * 2 > len(kept):
        return []  # a document that is mostly a list is its own content
    return [l.index for l in items]


def flag(doc: Doc, marks: dict[int, Mark]) -> list[Flag]:
    items = headline_list(doc, marks)
    if not items:
        return []
    first, last = doc.lines[min(items)], doc.lines[max(items)]
    return [Flag(first.start, last.end, "suspected_related", RULE_ID,
                 f"a list of {len(items)} short items ends the text, not introduced by a colon: "
                 "a related list or the article's own", doc.raw[first.start:last.end])]
