"""offtopic.contrast (cleaner/mechanisms/contrast.py): a glued tail is flagged suspected_offtopic, never removed.

Before it, offtopic.cohesion caught 0.029 (aeb) and 0.006 (wcxb-dev) of glued
paragraphs on benchmarks/offtopic.py; with it 0.121 and 0.037, no control flagged.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.api import clean

CASES = json.loads((Path(__file__).parents[2] / "fixtures" / "offtopic" / "glued.json")
                   .read_text(encoding="utf-8"))["cases"]


def suspected(text: str) -> list[str]:
    r = clean(text, input="article")
    return [f.text for f in r.flags if f.kind == "suspected_offtopic"]


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_a_glued_tail_of_a_real_article_is_flagged_and_kept(case):
    r = clean(case["text"], input="article")
    assert [f.text for f in r.flags if f.kind == "suspected_offtopic"] == [case["flagged"]]
    assert case["flagged"].split("\n")[0] in r.text          # flagged, not removed
    assert suspected(case["article"]) == []


CLIMATE = [
    "Global carbon emissions rose again last year, driven by coal use in power plants across Asia, "
    "according to a report published on Tuesday by an international group of climate scientists.",
    "The report found that emissions from burning coal, oil and gas reached a record, even as the "
    "share of electricity made from wind and solar power kept growing in most large economies.",
    "Scientists warned that the rise puts the goals of the Paris climate agreement further out of reach, "
    "since warming of more than 1.5 degrees would bring more heatwaves, droughts and floods.",
    "Emissions from cars and trucks fell slightly, the report said, while emissions from aviation "
    "returned to the levels seen before the pandemic as air travel recovered in most regions.",
    "Methane, a greenhouse gas far stronger than carbon dioxide over a few decades, also rose, with "
    "leaks from gas fields and pipelines accounting for a large share of the increase.",
]


def test_a_climate_article_keeps_its_co2_paragraphs():
    tail = ("Carbon dioxide concentrations measured at the Mauna Loa observatory reached a new peak in May, "
            "the scientists noted, and the yearly increase in carbon dioxide was among the largest on record.")
    assert suspected("\n\n".join(CLIMATE + [tail]) + "\n") == []


def test_thanks_to_a_list_of_names_is_not_flagged():
    tail = ("Many thanks to Tengyu Ma, Andrew Whitaker, Ken Hong, Angel Lim, Andrew Gaut, Maria Lopez, "
            "Jonas Berg, Priya Natarajan, Oliver Stone and Sarah Connor for their Comments and Feedback on Drafts.")
    assert suspected("\n\n".join(CLIMATE + [tail]) + "\n") == []


def test_can_be_switched_off():
    case = CASES[0]
    r = clean(case["text"], input="article", disable=["offtopic.contrast"])
    assert not [f for f in r.flags if f.kind == "suspected_offtopic"]
