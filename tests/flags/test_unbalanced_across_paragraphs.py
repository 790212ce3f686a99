"""unbalanced-quote across a paragraph break: a speaker's quotation may run on into
the next paragraph when that one reopens it; a quoted phrase may not, whether glued
to the word before it or opened after a comma or dash on a lower-case word."""
from __future__ import annotations

import pytest

from cleaner import clean

NEXT = "“We were told to wait for the results of the review,” the spokesman said on Monday evening."


def _unbalanced(first: str) -> list[str]:
    text = f"Board changes at the company\n\n{first}\n\n{NEXT}\n"
    return [text[f.start:f.end] for f in clean(text, lang="en").flags if f.kind == "unbalanced-quote"]


@pytest.mark.parametrize("first", [
    "In a company email sent by the chairman, “employees were told that layoffs will begin this week in the sales teams.",
    "As traditional revenues continue to decline — “and at an ever faster pace — those companies find themselves stuck.",
    "The plan was to “release all data within a month and publish the code, the report said.",
])
def test_a_phrase_left_open_is_flagged_even_when_the_next_paragraph_reopens(first):
    assert _unbalanced(first) == ["“"]


@pytest.mark.parametrize("first", [
    "The chairman wrote to the staff: “We will begin the changes this week in the sales teams.",
    "In a note to the staff, the chairman wrote, “We will begin the changes this week in the sales teams.",
    "“We will begin the changes this week in the sales teams, and nobody will be left without support.",
])
def test_a_speakers_quotation_may_run_on_into_a_reopened_paragraph(first):
    assert _unbalanced(first) == []
