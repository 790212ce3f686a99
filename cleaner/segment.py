"""Split input into lines with code-point offsets, and normalise whitespace.

A "line" is the unit rules judge (the gold labels are line-level); every
non-blank line becomes one output paragraph. Offsets always point into the
original input, never into a normalised copy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Blanks we fold into one ASCII space: NBSP, narrow NBSP, figure space, the
# en/em/thin/hair spaces, ideographic space, tabs, and zero-width characters.
_BLANK_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\x0b\x0c"
_OTHER_BLANKS = re.escape(_BLANK_CHARS[1:])     # a character class body: all but the ASCII space
_BLANKS = re.compile("[ " + _OTHER_BLANKS + "]+")
# The blank runs folding changes: two or more blanks, or any blank but the ASCII space.
_FOLD = re.compile("(?: [ " + _OTHER_BLANKS + "]|[" + _OTHER_BLANKS + "])[ " + _OTHER_BLANKS + "]*")
_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")
_NEWLINE_KEPT = re.compile("(" + _NEWLINE.pattern + ")")


def normalize_space(text: str) -> str:
    """Fold every run of blanks to one space and strip the ends."""
    return _FOLD.sub(" ", text).strip(" ")


@dataclass
class Line:
    index: int          # 0-based line number in the input
    start: int          # code-point offset of the first character
    end: int            # offset just past the last character (newline excluded)
    raw: str            # input[start:end]
    text: str           # whitespace-normalised
    low: str            # text.lower(), what patterns are matched against
    blank_before: int   # number of blank lines directly above
    words: int = 0      # number of whitespace-separated words

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(raw: str) -> list[Line]:
    """All lines of `raw`, blank ones included, with their offsets.

    Blank runs never span a line break, so the whole input is normalised and
    lower-cased once and then split: the same as line by line (a test holds the
    two equal) at a fraction of the per-line cost.
    """
    parts = _NEWLINE_KEPT.split(raw)
    chunks = parts[0::2]
    folded = _FOLD.sub(" ", raw) if _FOLD.search(raw) else raw
    texts = _NEWLINE.split(folded) if folded is not raw else chunks
    lows = _NEWLINE.split(folded.lower())
    if len(lows) != len(chunks):  # lower-casing made or removed a line break: go line by line
        lows = [t.lower() for t in texts]
    lines: list[Line] = []
    blanks = 0
    start = 0
    for i, chunk in enumerate(chunks):
        end = start + len(chunk)
        text = texts[i].strip(" ")
        if text:
            lines.append(Line(i, start, end, chunk, text, lows[i].strip(" "), blanks, text.count(" ") + 1))
            blanks = 0
        else:
            lines.append(Line(i, start, end, chunk, "", "", blanks, 0))
            blanks += 1
        if 2 * i + 1 < len(parts):
            start = end + len(parts[2 * i + 1])
    return lines


def raw_span(offsets: list[int], a: int, b: int) -> tuple[int, int]:
    """Where normalised characters [a, b) of a line are in its raw text, given
    offsets = norm_to_raw_offsets(raw): from the first one to just past the last
    one, so a span ending in a folded blank run ends after its first blank (an
    empty span stays empty, at a)."""
    return offsets[a], (offsets[b - 1] + 1 if b > a else offsets[a])


def norm_to_raw_offsets(raw: str) -> list[int]:
    """For each character of normalize_space(raw), its offset in raw (plus the end).

    Used to map a match found in a normalised line back to input offsets.
    """
    out: list[int] = []
    stripped_start = len(raw) - len(raw.lstrip(_BLANK_CHARS))
    i = stripped_start
    end = len(raw.rstrip(_BLANK_CHARS))
    while i < end:
        m = _BLANKS.match(raw, i)
        if m and m.end() <= end:
            out.append(i)
            i = m.end()
        else:
            out.append(i)
            i += 1
    out.append(end)
    return out

