"""The main-text finder: on raw page text, keep the article's span and drop the
menus, link lists and footers around it (jusText-style, on lines instead of HTML
blocks).

The input is the visible text of a whole web page, one block per line: menus,
link lists, teasers, cookie notices and footers around one article.

1. Every non-blank line is classified on its own, with jusText's thresholds:
   *bad* (link-like, or long with few stopwords), *short*, *near-good* or
   *good* (long, with the stopword density of running text in the page's
   language).  (features.py)
2. Each line gets a weight: prose counts for itself, furniture costs a penalty
   that depends on its context (alone between paragraphs it is cheap, in a menu
   it costs in full); repeats, and lines other rules explained (`neutral`),
   count nothing.  (weights.py)
3. Cohesion: the article is the run of lines with the largest total weight
   (maximum-sum subarray); a run cannot cross a long menu or a link list unless
   the prose on the far side outweighs it.  A repeat of the page's title anchors
   the search.  (span.py)
4. Everything outside the run is dropped; inside it only a long run of pure menu
   lines is (gate.py: the menu-line shape).  A learnt line model then revises
   the decision line by line (linescore.py, treemodel.py).

Entry points: ``looks_like_page`` (a cheap gate: True only for raw page text, so
clean text is never touched), ``find_boilerplate`` (ranges of lines to drop) and
``find_boilerplate_explained`` (the same, revised by the line model, with the
evidence for each line: what the engine calls).  Precision first: when no run of
prose is found nothing is dropped.  Every threshold is a field of one
FinderOptions (options.py: the defaults are data, rules/mechanisms/mainfinder.toml
[finder]), which each entry point takes as `options`.  Linear time.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.mechanisms.mainfinder.gate import is_menu_line, longest_run, looks_like_page, menu_gate
from cleaner.mechanisms.mainfinder.linescore import line_rows
from cleaner.mechanisms.mainfinder.options import DEFAULT, FinderOptions
from cleaner.mechanisms.mainfinder.span import (RULES, Search, find_boilerplate,
                                                  find_boilerplate_explained, search)
from cleaner.mechanisms.registry import Mechanism

#: the finder's ids for the registry: the switch (`--disable mainfinder` turns every
#: mainfinder.* id off), then each id its removals carry
MECHANISMS: list[Mechanism] = [
    Mechanism("mainfinder", ",".join(sorted({category for category, _ in RULES.values()})),
              "The main-text finder for raw page text (all of mainfinder.*); it runs with "
              "--input page, or auto when the text looks like a whole page", action="switch"),
    *(Mechanism(rule_id, category, f"Main-text finder: {description}")
      for rule_id, (category, description) in RULES.items()),
]



def mark(doc: Doc, marks: dict[int, Mark], on) -> None:
    """Mark the lines around the article on raw page text, with the evidence for each;
    ids for which `on(id)` is False (disabled, or suppressed by the guard) mark nothing.
    Lines already marked, blank lines and the title stay as they are. Photo-credit
    lines other rules removed are neutral to the span search."""
    lines, title_idx = doc.lines, doc.title_idx
    neutral = frozenset(k for k, m in marks.items() if m.category == "credit")
    for first, last, category, rule_id, evidence in find_boilerplate_explained(
            lines, doc.lang, title_index=title_idx, neutral=neutral):
        if not on(rule_id):
            continue
        for k in range(first, last + 1):
            if k != title_idx and k not in marks and not lines[k].blank:
                marks[k] = Mark(category, rule_id, certain=False, evidence=evidence[k])


__all__ = ["DEFAULT", "FinderOptions", "MECHANISMS", "RULES", "Search", "find_boilerplate",
           "find_boilerplate_explained", "is_menu_line", "line_rows", "longest_run",
           "looks_like_page", "mark", "menu_gate", "search"]
