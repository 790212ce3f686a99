"""The per-document run context: what every stage of one document's cleaning reads
and writes, in one object instead of arguments passed by hand.

A rule whose pattern cannot be searched on this document (a timeout, a regex
engine error) is retired for the rest of the document, with a warning naming it
(`Doc.search`); the next document starts with every rule alive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.packs.rule import Rule, RuleFailure
from cleaner.text.segment import Line
from cleaner.text.shapes import SENTENCE_END

TAIL_LINES = 3             # where = "tail": among the last this many non-blank lines (after the lead)
PROSE_MIN_WORDS = 15       # the first line this long that ends a sentence starts the body


@dataclass
class Mark:
    """Why one line is removed: its category and rule id, and how sure."""

    category: str
    rule: str
    certain: bool = True  # False for structural guesses the guard may undo
    under: "Mark | None" = None  # the certain mark a region grew over, restored if the guard undoes it
    evidence: dict | None = None  # what a coded mechanism acted on, per line (the report's evidence)

    @property
    def doubtful(self) -> bool:
        return not self.certain and self.under is None


@dataclass
class Doc:
    """One document being cleaned."""

    raw: str
    lines: list[Line]
    lang: str
    rules: dict[str, list[Rule]]            # the language's rules by role: "title", "line", "flag"
    marks: dict[int, Mark] = field(default_factory=dict)
    title_idx: int | None = None
    dead: set[str] = field(default_factory=set)          # rules retired on this document
    warnings: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self.first_prose = first_prose(self.lines)
        self.tail_start = tail_start(self.lines)

    def search(self, rule: Rule, text: str, low: str):
        """rule.search(text, low); None when its pattern cannot be searched (then the
        rule is retired, with a warning naming it). Callers skip rules already in
        `dead` before they do any other work for them."""
        try:
            return rule.search(text, low)
        except RuleFailure as exc:
            self.retire(exc)
            return None

    def retire(self, exc: RuleFailure) -> None:
        """Switch a failed rule off for the rest of the document, with a warning naming it."""
        self.dead.add(exc.rule_id)
        self.warnings.append(str(exc))

    def next_kept(self, i: int, marks: dict[int, Mark] | None = None) -> int | None:
        """The next non-blank line after `i` that no mark removes."""
        marks = self.marks if marks is None else marks
        for k in range(i + 1, len(self.lines)):
            if not self.lines[k].blank and k not in marks:
                return k
        return None


def first_nonblank(lines: list[Line]) -> int | None:
    for l in lines:
        if not l.blank:
            return l.index
    return None


def tail_start(lines: list[Line]) -> int:
    """Index of the first of the last TAIL_LINES non-blank lines."""
    seen = 0
    for line in reversed(lines):
        if not line.blank:
            seen += 1
            if seen == TAIL_LINES:
                return line.index
    return 0


def first_prose(lines: list[Line]) -> int:
    """The first line of running text (long, ends a sentence): where the lead ends."""
    for l in lines:
        if l.words >= PROSE_MIN_WORDS and SENTENCE_END.search(l.text):
            return l.index
    return len(lines)


def blank_separated(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (so adjacency means one block)."""
    nonblank = [l for l in lines if not l.blank]
    if len(nonblank) < 3:
        return False
    return sum(1 for l in nonblank[1:] if l.blank_before) >= 0.6 * (len(nonblank) - 1)
