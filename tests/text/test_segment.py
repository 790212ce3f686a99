"""split_lines normalises and lower-cases the whole input at once (speed): it must
give exactly the lines that normalising each line on its own gives."""
from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text.segment import Line, norm_to_raw_offsets, normalize_space, raw_span, split_lines

_NEWLINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")
_SPACES = set(" \t\u00a0\u1680\u202f\u205f\u3000\x0b\x0c") | set(map(chr, range(0x2000, 0x200b)))
_ZERO_WIDTH = set("\u200b\u2060\ufeff")    # the joiners ZWNJ and ZWJ are never folded


def fold(text: str) -> str:
    """The reference: a run of blanks and zero-width characters becomes one space
    when it holds real whitespace; zero-width characters between visible ones
    stay; the ends are stripped of both."""
    out = []
    for is_blank, run in itertools.groupby(text, lambda c: c in _SPACES or c in _ZERO_WIDTH):
        run = "".join(run)
        out.append(" " if is_blank and any(c in _SPACES for c in run) else run)
    return "".join(out).strip("".join(_SPACES | _ZERO_WIDTH))


def reference_split(raw: str) -> list[Line]:
    """Line by line, the straightforward way."""
    lines, blanks, pos = [], 0, 0
    spans = []
    for m in _NEWLINE.finditer(raw):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(raw)))
    for i, (start, end) in enumerate(spans):
        chunk = raw[start:end]
        text = fold(chunk)
        lines.append(Line(i, start, end, chunk, text, text.lower(), blanks, text.count(" ") + 1 if text else 0))
        blanks = blanks + 1 if not text else 0
    return lines


TRICKY = list("aZ Σσς İıẞß\t\u00a0\u2009\u200b\u3000\x0b\x0c\u00ad'’.\r\n\u2028\u2029\x85\x1c\u200c\u200d\u2060\ufeff") + [
    "\r\n", "ΟΔΟΣ", "  "]


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(TRICKY), max_size=40).map("".join), st.text(max_size=60)))
def test_split_lines_equals_line_by_line(raw):
    assert split_lines(raw) == reference_split(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY[:20]), max_size=30))
def test_normalize_space_folds_every_blank_run(text):
    assert normalize_space(text) == fold(text)


def test_offsets_point_into_the_input():
    raw = "  Title\u00a0 here \r\n\r\nBody\u2028x\x85"
    for line in split_lines(raw):
        assert raw[line.start:line.end] == line.raw
    assert [ln.text for ln in split_lines(raw)] == ["Title here", "", "Body", "x", ""]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab \t\u00a0\u2009\u200b\u200c\u3000é")), max_size=20), st.data())
def test_raw_span_holds_what_the_normalised_span_shows(raw, data):
    """Removals and flags are found in a line's normalised text and reported in the
    input: the raw span shows the same text, blank runs folded, and never starts or
    ends inside what the normalised span leaves out."""
    text = normalize_space(raw)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    x, y = raw_span(norm_to_raw_offsets(raw), a, b)
    assert 0 <= x <= y <= len(raw)
    assert normalize_space(raw[x:y]) == text[a:b].strip(" \u200b")
    if b == len(text) and b > a:        # to the end: up to the last visible character
        assert y == len(raw.rstrip(" \t\u00a0\u2009\u200b\u3000"))


def test_raw_span_of_a_span_ending_in_a_blank_run_ends_after_its_first_blank():
    raw = "ab \u00a0\t cd"
    x, y = raw_span(norm_to_raw_offsets(raw), 0, 3)   # "ab "
    assert (x, y) == (0, 3)
