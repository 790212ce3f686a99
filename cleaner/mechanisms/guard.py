"""guard.over_removal: never empty a document on doubtful evidence (like trafilatura's fallback).

Certain removals (a pattern matched the line itself) always stand. The guard
judges the doubtful ones (regions, mechanisms, the main-text finder) against the
text the certain ones leave, and names the rule that takes most, to be
suppressed; the engine then recomputes the structure without it.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.mechanisms.registry import Mechanism
from cleaner.report import Flag

RULE_ID = "guard.over_removal"
MECHANISMS = [Mechanism(RULE_ID, "guard",
                        "If rules would remove most of a document, keep the doubtful removals and "
                        "flag suspected_over_removal")]

#: the guard fires when doubtful removals would leave less body text than this
OVER_REMOVAL_MIN_KEPT = 250


def judge(doc: Doc, marks: dict[int, Mark]) -> tuple[str | None, Flag | None]:
    """The rule to suppress and the flag saying so; (None, None) when enough text stays."""
    lines, title_idx = doc.lines, doc.title_idx
    base = [l for l in lines if not l.blank and l.index != title_idx
            and (l.index not in marks or marks[l.index].doubtful)]
    total = sum(len(l.text) for l in base)
    doubtful = [l.index for l in base if l.index in marks]
    gone = sum(len(lines[k].text) for k in doubtful)
    if not doubtful or total - gone >= OVER_REMOVAL_MIN_KEPT:
        return None, None
    by_rule: dict[str, int] = {}
    for k in doubtful:
        by_rule[marks[k].rule] = by_rule.get(marks[k].rule, 0) + len(lines[k].text)
    culprit = min(by_rule, key=lambda r: (-by_rule[r], r))
    first = lines[min(doubtful)]
    return culprit, Flag(first.start, first.end, "suspected_over_removal", RULE_ID,
                         f"rules would have left {total - gone} of {total} characters; "
                         f"kept what {culprit} found doubtful", first.raw)
