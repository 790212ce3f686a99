"""credit.caption: the caption that goes with a photo credit a pack rule removed.

A credit line ("Photo: Reuters") usually sits beside its caption. A pack rule
with `attach_caption = true` removes the credit; the adjacent line goes with it
when it is shaped like a caption: in the lead any adjacent line, in the body only
a short one of a blank-line separated block, so a paragraph glued under a credit
line is not taken for one.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark, blank_separated, first_nonblank
from cleaner.mechanisms.registry import Mechanism

RULE_ID = "credit.caption"
MECHANISMS = [Mechanism(RULE_ID, "credit",
                        "The caption line next to a standalone photo credit (same block, no blank line between)")]

CAPTION_MAX_WORDS = 50
CAPTION_BODY_MAX_WORDS = 30
CAPTION_MIN_WORDS = 3


def attach(doc: Doc, marks: dict[int, Mark]) -> None:
    """Mark the caption beside each credit line removed by an attach_caption rule."""
    attach_ids = {r.id for r in doc.rules["line"] if r.attach_caption}
    if not attach_ids:
        return
    lines = doc.lines
    in_blocks = blank_separated(lines)
    title_candidate = first_nonblank(lines)
    for i, mark in list(marks.items()):
        if mark.rule not in attach_ids:
            continue
        for k in (i + 1, i - 1):
            if not (0 <= k < len(lines)):
                continue
            cand = lines[k]
            if cand.blank or k in marks or cand.words > CAPTION_MAX_WORDS or cand.words < CAPTION_MIN_WORDS:
                continue
            if k == title_candidate:
                continue  # the title, not a caption
            if k < doc.first_prose or (in_blocks and cand.words <= CAPTION_BODY_MAX_WORDS):
                marks[k] = Mark("credit", RULE_ID, certain=False)
                break
