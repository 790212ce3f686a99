"""credit.lead_caption: a photo caption under the title goes, a standfirst stays;
the verb cues are per-language data (rules/mechanisms/lead_caption.toml)."""
from __future__ import annotations

import pytest

import cleaner
from cleaner.mechanisms import lead_caption

BODY = ("The city council approved the new budget on Tuesday after a long debate, and the mayor said "
        "that the plan would fund new schools, repair roads and hire more teachers over the next two years.")
MORE = ("Opponents on the council argued that the spending was too high, and several residents spoke "
        "against the plan at the public hearing before the vote, which passed by seven votes to four.")
DE_BODY = ("Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, "
           "und der Bürgermeister sagte, das Geld solle in Schulen, Straßen und neue Lehrer fließen.")
DE_MORE = ("Die Opposition im Stadtrat kritisierte die hohen Ausgaben, und mehrere Bürger sprachen sich "
           "bei der Anhörung vor der Abstimmung gegen den Plan aus, der mit sieben zu vier Stimmen angenommen wurde.")


def _doc(line: str, body: str = BODY, title: str = "Council approves the new city budget") -> str:
    more = DE_MORE if body == DE_BODY else MORE
    return f"{title}\n\n{line}\n\n{body}\n\n{more}\n"


def _caption_removed(doc: str, lang: str) -> bool:
    return any(r.rule == "credit.lead_caption" for r in cleaner.clean(doc, lang=lang).removed)


def test_an_english_caption_under_the_title_goes():
    res = cleaner.clean(_doc("The city hall building in Springfield, Illinois."), lang="en")
    assert [r.text for r in res.removed if r.rule == "credit.lead_caption"] == \
        ["The city hall building in Springfield, Illinois."]
    assert "The city council approved" in res.text


@pytest.mark.parametrize("line", [
    "The mayor said the plan is a good start.",                      # verb cues
    "Schools and roads will get more money.",
    "The city hall building, as \"the people's house\".",             # a quote
    "SPRINGFIELD, Ill. — The city hall building.",                  # a dateline
    "City hall (AP).",
    "Hall.",                                                        # too short
    "The city hall building in Springfield, Illinois, on a sunny and cold winter morning last week.",  # too long
    "The city hall building in Springfield, Illinois",              # no period
])
def test_what_is_not_a_caption_stays(line):
    assert not _caption_removed(_doc(line), "en")
    assert line in cleaner.clean(_doc(line), lang="en").text


def test_a_short_first_paragraph_keeps_the_line():
    assert not _caption_removed(_doc("The city hall building in Springfield, Illinois.", body="It was a long day."), "en")


def test_a_language_without_verb_cues_keeps_the_line():
    # German has verb cues now; the document is tagged with a language that has none
    assert "eu" not in lead_caption.languages()
    doc = _doc("Das Rathaus von Springfield im Bundesstaat Illinois.", DE_BODY, "Stadtrat beschließt neuen Haushalt")
    assert not _caption_removed(doc, "eu")


def test_a_german_caption_goes_and_a_german_standfirst_stays():
    title = "Stadtrat beschließt neuen Haushalt"
    assert _caption_removed(_doc("Das Rathaus von Springfield im Bundesstaat Illinois.", DE_BODY, title), "de")
    assert not _caption_removed(_doc("Der Haushalt ist größer als im letzten Jahr.", DE_BODY, title), "de")
    assert not _caption_removed(_doc("Die Opposition kritisierte den Plan scharf.", DE_BODY, title), "de")


def test_cues_for_a_language_are_data(monkeypatch):
    """Adding a language is adding its verb cues to the data file."""
    conf = lead_caption._Conf({"lead_caption": {"not_caption": "^$"},
                               "verb_cues": {"de": r"\b(?:ist|sind|hat|haben|wird|sagte)\b"}})
    monkeypatch.setattr(lead_caption, "_conf", lambda: conf)
    body = DE_BODY
    title = "Stadtrat beschließt neuen Haushalt"
    assert _caption_removed(_doc("Das Rathaus von Springfield im Bundesstaat Illinois.", body, title), "de")
    assert not _caption_removed(_doc("Der Haushalt ist größer als im letzten Jahr.", body, title), "de")
    assert not _caption_removed(_doc("The city hall building in Springfield, Illinois."), "en")


def test_the_mechanism_can_be_switched_off():
    res = cleaner.clean(_doc("The city hall building in Springfield, Illinois."), lang="en",
                        disable=["credit.lead_caption"])
    assert "The city hall building in Springfield, Illinois." in res.text


def test_the_shipped_data_compiles():
    conf = lead_caption._conf()
    assert conf.verb_cues and conf.not_caption is not None
    assert 1 <= conf.min_words <= conf.max_words
