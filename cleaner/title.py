"""The title: which line is the headline, and the site-name suffix trimmed off it.

The title is the first line no pattern removed, when it looks like a headline
(short, not a sentence). Pack rules with action `trim_suffix` cut "| Section |
Site" off it, repeatedly, so that cleaning the output again trims nothing more;
each cut is a Removal with exact offsets into the input.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.report import Removal
from cleaner.text.segment import Line, norm_to_raw_offsets, raw_span

TITLE_MAX_WORDS = 22
QUESTION_TITLE_MAX_WORDS = 12


def find(lines: list[Line], marks: dict[int, Mark]) -> int | None:
    """The first kept line, when it looks like a headline (short, not a sentence)."""
    for l in lines:
        if l.blank or l.index in marks:
            continue
        if l.text.endswith(("?", "!", "？", "！")):
            return l.index if l.words <= QUESTION_TITLE_MAX_WORDS else None
        if l.words <= TITLE_MAX_WORDS and not l.text.endswith((".", ":", ";", ",", "。", "…")):
            return l.index
        return None
    return None


def trim(doc: Doc, line: Line) -> tuple[str, list[Removal]]:
    """The title text with site suffixes trimmed, and a Removal per cut."""
    title = line.text
    removed: list[Removal] = []
    offsets = None
    changed = True
    while changed:
        changed = False
        for rule in doc.rules["title"]:
            words = title.count(" ") + 1
            if rule.id in doc.dead or rule.action != "trim_suffix" or not rule.applies_to(words):
                continue
            m = doc.search(rule, title, title.lower())
            if not m or m is True or m.start() == 0:
                continue
            shorter = title[: m.start()].rstrip()
            if len(shorter) == len(title):
                continue    # an empty match at the end trims nothing (and would never stop)
            offsets = offsets or norm_to_raw_offsets(line.raw)
            a, b = raw_span(offsets, m.start(), len(title))
            start, end = line.start + a, line.start + b
            removed.append(Removal(start, end, rule.category, rule.id, doc.raw[start:end]))
            title = shorter
            changed = True
            break
    return title, removed
