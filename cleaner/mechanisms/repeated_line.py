"""duplicate.repeated_line: a line printed twice in a row (a caption repeated by the page).

The first copy stays, so no text is lost. Repeats further apart can be deliberate
(pull quotes, refrains) and stay. It runs last among the structural mechanisms:
two copies become adjacent only once what stood between them is gone.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.mechanisms.registry import Mechanism

RULE_ID = "duplicate.repeated_line"
MECHANISMS = [Mechanism(RULE_ID, "duplicate",
                        "A line of 6+ words that repeats the line right before it verbatim "
                        "(a caption printed twice): the copy goes")]

REPEAT_MIN_WORDS = 6


def mark(doc: Doc, marks: dict[int, Mark]) -> None:
    for k in repeated_lines(doc, marks):
        marks[k] = Mark("duplicate", RULE_ID, certain=False)


def repeated_lines(doc: Doc, marks: dict[int, Mark]) -> list[int]:
    """Kept lines that repeat the kept line right before them verbatim."""
    out = []
    prev = None
    for l in doc.lines:
        if l.blank or l.index in marks:
            continue
        if l.index == doc.title_idx:
            continue  # the title is trimmed in the output; comparing with it is not stable
        if prev is not None and l.words >= REPEAT_MIN_WORDS and l.text == prev.text:
            out.append(l.index)
        prev = l
    return out
