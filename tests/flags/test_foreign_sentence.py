"""foreign-language inside a paragraph (cleaner/flags/_foreign_sentences.py).

A translator's untranslated sentence inside an English paragraph of a real
article is flagged over that sentence alone; before, only whole foreign
paragraphs were (benchmarks/artifacts.py: 0-0.03 flagged, now 0.92-1.00).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.api import clean
from cleaner.flags import detect_flags
from cleaner.text.segment import split_lines

CASES = json.loads((Path(__file__).parents[2] / "fixtures" / "foreign_sentences" / "injected.json")
                   .read_text(encoding="utf-8"))["cases"]


def foreign(text: str, lang: str = "en") -> list[str]:
    ps = [ln for ln in split_lines(text) if not ln.blank]
    flags = detect_flags(ps, lang, frozenset())
    for f in flags:
        assert text[f.start:f.end] == f.text
    return [f.text for f in flags if f.kind == "foreign-language"]


@pytest.mark.parametrize("case", CASES, ids=[c["source"].split("/")[0] + "-" + c["lang"] for c in CASES])
def test_a_foreign_sentence_in_a_real_paragraph_is_flagged_alone(case):
    assert foreign(case["text"]) == [case["flagged"]]
    assert foreign(case["clean_paragraph"]) == []


@pytest.mark.parametrize("case", CASES[:2], ids=[c["lang"] for c in CASES[:2]])
def test_through_clean_with_the_language_detected(case):
    doc = "A headline about the news of the day\n\n" + case["text"] + "\n"
    flags = [f for f in clean(doc).flags if f.kind == "foreign-language"]
    assert [f.text for f in flags] == [case["flagged"]]


def test_a_run_of_foreign_sentences_is_one_flag():
    text = ("The council met on Monday to discuss the budget. Der Bürgermeister sagte, dass die Stadt nicht "
            "genug Geld für den Bau der neuen Schule habe. Es ist noch nicht klar, wann die Gespräche zwischen "
            "den beiden Seiten wieder aufgenommen werden. The vote was postponed until next week, and the mayor "
            "said that he would use the time to talk to the parents and the teachers of the school about it.")
    [flag] = foreign(text)
    assert flag.startswith("Der Bürgermeister") and flag.endswith("aufgenommen werden.")


def test_an_english_sentence_in_a_german_paragraph():
    text = ("Die Regierung hat am Dienstag neue Regeln angekündigt, die im nächsten Jahr gelten sollen. "
            "The government said on Tuesday that the new rules would apply from next year onwards. "
            "Die Opposition kritisierte den Plan scharf und kündigte Widerstand im Parlament an.")
    assert foreign(text, "de") == ["The government said on Tuesday that the new rules would apply from next "
                                   "year onwards."]


@pytest.mark.parametrize("text", [
    # titles of works, names and short phrases in another language stay unflagged
    "The exhibition, titled Die Welt als Wille und Vorstellung, opens on Friday at the city museum. "
    "Critics have praised the curator for the range of works on show this year.",
    "The motto of the republic, Liberté, égalité, fraternité, was painted over the door of the town hall. "
    "Residents said they had not noticed the change until the local paper wrote about it.",
    "Guests included Juan Carlos de la Fuente, María José García Márquez, Jean-Pierre Dubois and Wolfgang "
    "Schäuble. The dinner was held in the old ballroom of the hotel near the river.",
    # English with few stopwords: a recipe, a list of results
    "Ingredients: flour, sugar, butter, eggs, vanilla extract, baking powder, salt, whole milk. Preheat "
    "the oven to 180 degrees and grease two round cake tins with butter before you start.",
    "Results: Bayern Munich 2, Borussia Dortmund 1; Real Madrid 3, Atletico Madrid 0; Paris Saint-Germain 4, "
    "Olympique Lyonnais 2. The league tables will be updated on Monday morning.",
])
def test_hard_negatives(text):
    assert foreign(text) == []
