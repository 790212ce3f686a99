"""offtopic.contrast (cleaner/mechanisms/contrast.py): a glued tail is removed when the
rarity-weighted evidence is strong, flagged suspected_offtopic when it is weaker.

Before it, offtopic.cohesion caught 0.029 (aeb) and 0.006 (wcxb-dev) of glued
paragraphs on benchmarks/offtopic.py; with the share-of-words contrast (flag only)
0.121 and 0.037; with the rarity-weighted evidence (issue 19) see the README.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.api import clean

FIXTURES = Path(__file__).parents[2] / "fixtures" / "offtopic"
CASES = json.loads((FIXTURES / "glued.json").read_text(encoding="utf-8"))["cases"]
EVIDENCE = json.loads((FIXTURES / "evidence.json").read_text(encoding="utf-8"))["cases"]


def suspected(text: str) -> list[str]:
    r = clean(text, input="article")
    return [f.text for f in r.flags if f.kind == "suspected_offtopic"]


def removed(text: str) -> list[str]:
    return [x.text for x in clean(text, input="article").removed if x.category == "offtopic"]


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_a_glued_tail_of_a_real_article_is_flagged_or_removed(case):
    r = clean(case["text"], input="article")
    if "flagged" in case:
        assert [f.text for f in r.flags if f.kind == "suspected_offtopic"] == [case["flagged"]]
        assert case["flagged"].split("\n")[0] in r.text          # flagged, not removed
    else:
        assert [x.text for x in r.removed if x.rule == "offtopic.contrast"] == [case["removed"]]
        assert case["removed"].split("\n")[0] not in r.text
    assert suspected(case["article"]) == [] and removed(case["article"]) == []


@pytest.mark.parametrize("case", EVIDENCE, ids=[c["name"] for c in EVIDENCE])
def test_evidence_cases(case):
    """Golden: what the offtopic mechanisms remove and flag; the hard negatives
    (a climate article's CO2 paragraphs, a last section on a related subtopic, an
    article's own last section after a break) lose nothing."""
    r = clean(case["text"], input="article")
    assert [x.text for x in r.removed if x.category == "offtopic"] == case["removed"]
    assert [f.text for f in r.flags if f.kind == "suspected_offtopic"] == case["flagged"]


def test_the_removal_stops_at_the_article_and_skips_a_final_share_line():
    case = next(c for c in EVIDENCE if c["name"] == "war-report+baking+share")
    r = clean(case["text"], input="article")
    assert [x.rule for x in r.removed] == ["offtopic.contrast", "navigation.en.share"]
    assert "Let the dough rest" not in r.text and "Kept in an airtight tin" not in r.text
    assert r.text.rstrip().endswith("into the Donetsk region this winter.")


def test_without_a_frequency_list_nothing_is_removed():
    """Languages without cleaner/data/wordfreq/<lang>.tsv keep the old flag-only test."""
    de = ["Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung von Wärmepumpen beschlossen, "
          "das Hausbesitzern beim Austausch alter Ölheizungen bis zu siebzig Prozent der Kosten erstattet.",
          "Wirtschaftsminister Robert Habeck sagte, die Förderung solle den Umstieg auf klimafreundliche Heizungen "
          "beschleunigen und die Abhängigkeit von importiertem Gas und Öl verringern.",
          "Die Opposition kritisierte das Gesetz als zu teuer und warf der Regierung vor, die Hausbesitzer mit "
          "immer neuen Vorschriften zu verunsichern, statt für verlässliche Regeln zu sorgen.",
          "Verbraucherschützer begrüßten die höhere Förderung, mahnten aber eine bessere Beratung an, da viele "
          "Hausbesitzer nicht wüssten, welche Heizung für ihr Gebäude geeignet sei.",
          "Das Gesetz soll im Januar in Kraft treten, nachdem der Bundesrat im Dezember zugestimmt hat."]
    tail = ["Der Teig sollte mindestens eine Stunde im Kühlschrank ruhen, bevor man ihn dünn ausrollt, "
            "in Kreise schneidet und die Plätzchen zwölf Minuten lang goldbraun backt, bis die Ränder knusprig sind."]
    text = "\n\n".join(de + tail) + "\n"
    r = clean(text, input="article", lang="de")
    assert [x for x in r.removed if x.category == "offtopic"] == []


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
