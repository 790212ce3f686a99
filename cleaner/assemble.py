"""The output: the kept lines joined into paragraphs, and the marked lines merged
into removals with exact offsets into the input."""
from __future__ import annotations

from cleaner.context import Mark
from cleaner.report import Removal
from cleaner.text.segment import Line


def text(title: str | None, kept: list[Line], body_only: bool) -> str:
    """The title (unless body_only), then one paragraph per kept line, blank-line separated."""
    paragraphs = [l.text for l in kept]
    if title and not body_only:
        return title + ("\n\n" + "\n\n".join(paragraphs) if paragraphs else "")
    return "\n\n".join(paragraphs)


def removals(raw: str, lines: list[Line], marks: dict[int, Mark]) -> list[Removal]:
    """Merge marked lines into spans: consecutive lines (blanks between allowed) of one rule."""
    out: list[Removal] = []
    run: list[int] = []
    for i in sorted(marks):
        if run:
            prev = run[-1]
            same = marks[prev].rule == marks[i].rule and marks[prev].category == marks[i].category
            gap_blank = all(lines[k].blank for k in range(prev + 1, i))
            if same and gap_blank:
                run.append(i)
                continue
            out.append(_span(raw, lines, run, marks))
        run = [i]
    if run:
        out.append(_span(raw, lines, run, marks))
    return out


def _span(raw: str, lines: list[Line], run: list[int], marks: dict[int, Mark]) -> Removal:
    first, last = lines[run[0]], lines[run[-1]]
    m = marks[run[0]]
    evidence = [marks[k].evidence for k in run if marks[k].evidence is not None]
    return Removal(first.start, last.end, m.category, m.rule, raw[first.start:last.end],
                   evidence=evidence or None)
