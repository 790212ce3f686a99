"""How far a region that a rule starts reaches (the `region` of a drop_region rule).

Each function takes the document's lines, the index of the start line, the rule
and the current marks, and returns the indices of the lines the region covers.
They never cross a line another rule already claimed, so regions cannot swallow
each other's evidence.
"""
from __future__ import annotations

import regex

from cleaner.context import Mark
from cleaner.packs.rule import RuleFailure
from cleaner.text.segment import Line
from cleaner.text.shapes import BULLET_ITEM as BULLET, SENTENCE_END
MAX_BLANK_GAP = 3


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not lines[j].blank:
            return j
    return None


def is_headline_like(line: Line, max_words: int = 18) -> bool:
    """Short, and no sentence punctuation at the end: how linked headlines look."""
    return line.words <= max_words and not SENTENCE_END.search(line.text)


def list_region(lines, start, rule, marks) -> list[int]:
    """A heading and the list of linked headlines under it."""
    covered = [start]
    bulleted: bool | None = None
    j = start
    while True:
        k = _next_nonblank(lines, j)
        if k is None or k in marks or k - j - 1 > MAX_BLANK_GAP:
            break
        line = lines[k]
        is_bullet = bool(BULLET.match(line.text)) and line.words <= 40
        if bulleted is None:
            bulleted = is_bullet
        if bulleted and not is_bullet:
            break
        if not bulleted and not (is_headline_like(line) and line.words >= 3):
            break
        covered.append(k)
        j = k
        if len(covered) > 30:
            break
    return covered


def appeal_region(lines, start, rule, marks) -> list[int]:
    """A multi-paragraph appeal: following lines while they still speak of support."""
    covered = [start]
    j = start
    while True:
        k = _next_nonblank(lines, j)
        if k is None or k in marks or k - j - 1 > MAX_BLANK_GAP:
            break
        if not rule.continues(lines[k].low):
            break
        covered.append(k)
        j = k
    return covered


def tail_region(lines, start, rule, marks) -> list[int]:
    """Widget text after a 'Share' heading: short non-sentence lines up to the first prose."""
    covered = [start]
    j = start
    while True:
        k = _next_nonblank(lines, j)
        if k is None or k - j - 1 > MAX_BLANK_GAP:
            break
        line = lines[k]
        if k not in marks and not is_headline_like(line, max_words=8):
            break
        if k not in marks:
            covered.append(k)
        j = k
    return covered


ARTICLE_EVIDENCE = ("credit", "dateline")
#: the dateline or credit that starts an embedded article stands on the teaser's next line
#: or the one after (a caption between); four let a credit further on, inside the article's
#: own gallery, turn a one-line teaser into a region that swallowed the rest of the article
LOOKAHEAD = 2


def article_region(lines, start, rule, marks, region_starts: set[int]) -> list[int]:
    """A teaser that heads a whole embedded article.

    Only when a dateline or photo credit follows within a few lines (the signs of a
    new article starting) does the region run on, up to the next teaser, the next
    line another rule claimed for a different category, or the end. Otherwise it
    is a one-line teaser and the body after it stays.
    """
    evidence = False
    j = start
    for _ in range(LOOKAHEAD):
        k = _next_nonblank(lines, j)
        if k is None:
            break
        if k in region_starts:
            break
        mark = marks.get(k)
        if mark is not None and mark.category in ARTICLE_EVIDENCE:
            evidence = True
            break
        j = k
    if not evidence:
        return [start]
    covered = [start]
    for k in range(start + 1, len(lines)):
        if k in region_starts:
            break
        mark = marks.get(k)
        if mark is not None and mark.category not in ARTICLE_EVIDENCE:
            break
        if not lines[k].blank:
            covered.append(k)
    return covered


_REACH = {"article": article_region, "list": list_region, "appeal": appeal_region}


def _repeated_list_headings(lines: list[Line], starts: dict) -> set[int]:
    """List headings whose text comes back on other lines, the first one right under
    an item: a 'Read more' link set under each item of a resource list or a card
    grid, not one heading over a list of headlines, so the label alone goes and the
    items above and below stay."""
    seen: dict[str, list[int]] = {}
    for i, rule in starts.items():
        if rule.region == "list":
            seen.setdefault(lines[i].low, []).append(i)
    return {i for group in seen.values() if len(group) > 1 and _closes_an_item(lines, min(group))
            for i in group}


def _closes_an_item(lines: list[Line], i: int) -> bool:
    """The first label sits right under a headline-like line (the item it links),
    not under prose, where a repeated 'Related article' heads a card each time."""
    return i > 0 and not lines[i - 1].blank and is_headline_like(lines[i - 1])


def grow(doc, starts: dict, marks: dict) -> None:
    """Grow the region of each drop_region rule that marked a line (`starts`: line
    index -> rule), in document order; a region swallowed by an earlier one is
    skipped, and a rule whose pattern fails is retired for the document."""
    region_starts = {i for i, r in starts.items() if r.region == "article"}
    labels = _repeated_list_headings(doc.lines, starts)
    for i in sorted(starts):
        rule = starts[i]
        if marks.get(i) is None or marks[i].rule != rule.id:
            continue  # swallowed by an earlier region
        try:
            if rule.region == "article":
                covered = article_region(doc.lines, i, rule, marks, region_starts)
            elif i in labels:
                covered = [i]
            else:
                covered = _REACH.get(rule.region, tail_region)(doc.lines, i, rule, marks)
        except RuleFailure as exc:
            doc.retire(exc)
            continue
        for k in covered:
            if k != i:
                prior = marks.get(k)
                marks[k] = Mark(rule.category, rule.id, certain=False,
                                under=prior if prior is not None and prior.certain else None)
