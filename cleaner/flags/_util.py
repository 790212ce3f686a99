"""Small helpers shared by the detectors."""
from __future__ import annotations

from cleaner.report import Flag


def make_flag(p, i: int, j: int, kind: str, rule: str, message: str) -> Flag:
    """A flag over p.raw[i:j], with offsets into the input."""
    return Flag(p.start + i, p.start + j, kind, rule, message, p.raw[i:j])


def stripped_span(raw: str) -> tuple[int, int]:
    """(i, j) such that raw[i:j] is raw without leading/trailing blanks."""
    i, j = 0, len(raw)
    while i < j and (raw[i].isspace() or raw[i] in "\u200b\u200c\u200d\u2060\ufeff"):
        i += 1
    while j > i and (raw[j - 1].isspace() or raw[j - 1] in "\u200b\u200c\u200d\u2060\ufeff"):
        j -= 1
    return i, j
