"""<category>.cue_line: short lines made of one category's cue words go, whatever
their wording; body text that uses the same words stays. The lexicons in
rules/cues/ are well-formed data."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cleaner.api import Cleaner
from cleaner.mechanisms import cue_lines
from cleaner.text.segment import split_lines

ROOT = Path(__file__).resolve().parents[2]
CUES = ROOT / "rules" / "cues"

BODY = ("The city council approved the new transport plan on Monday after months of debate, "
        "and the first changes will reach the old town next spring.")
BODY2 = ("Officials said the plan would cost about twelve million euros over three years, "
         "part of it paid by the regional government.")

# (line, category): worded unlike the packs' phrases
POSITIVES = [
    ("Spread the word: WhatsApp | Telegram | Copy link", "navigation"),
    ("View 48 comments", "navigation"),
    ("Rate this article", "navigation"),
    ("Share this story with a friend", "navigation"),
    ("Like what you read? Join as a supporter for €4 a month", "donation"),
    ("Become a patron today", "donation"),
    ("Support independent journalism", "donation"),
    ("Get the morning briefing in your inbox", "newsletter"),
    ("Manage cookie preferences", "newsletter"),
    ("Recommended stories", "related"),
    ("Photo credit: Getty Images", "credit"),
    ("All rights reserved", "site"),
]

NEGATIVES = [
    "The charity asked members to support the appeal.",
    "Shares of the company fell 4% on Facebook's results.",
    "Comments from residents",
    "Human rights",
    "Membership",                                  # one word: a heading as often as a widget
    "Facebook",
    "- Instagram",                                 # an item of a body list
    "- 6-month subscription: US$9.99 per month",
    "The newsletter is published once a month.",   # a sentence
    "Article 5 of the treaty",
    "Subscribers to the service rose by a third in the spring, the company said on Tuesday",
    "Consistent Contributions Make a Difference",  # a body heading: one cue among content words
]


def _judge(text: str, lang: str = "en"):
    line = [l for l in split_lines(text) if not l.blank][0]
    return cue_lines.judge_line(line, lang, cue_lines.limits())


@pytest.mark.parametrize("line,category", POSITIVES)
def test_a_cue_line_is_judged_its_category(line, category):
    evidence = _judge(line)
    assert evidence is not None, line
    assert evidence["category"] == category
    assert evidence["cues"] and evidence["share"] >= cue_lines.limits().min_share


@pytest.mark.parametrize("line", NEGATIVES)
def test_body_text_with_cue_words_is_not_a_cue_line(line):
    assert _judge(line) is None


def test_in_a_document_cue_lines_go_with_their_evidence_and_the_body_stays():
    text = "\n\n".join(["Council backs transport plan", BODY, "View 48 comments", BODY2,
                       "Back the newsroom: become a supporter", "Comments from residents", BODY])
    r = Cleaner().clean(text, lang="en")
    assert BODY in r.text and BODY2 in r.text and "Comments from residents" in r.text
    assert "View 48 comments" not in r.text and "become a supporter" not in r.text
    by_rule = {x.rule: x for x in r.removed}
    removal = by_rule["navigation.cue_line"]
    assert text[removal.start:removal.end] == "View 48 comments"
    assert removal.category == "navigation"
    assert removal.evidence[0]["cues"] == ["view", "comments"]
    donation = by_rule["donation.cue_line"]
    assert text[donation.start:donation.end] == "Back the newsroom: become a supporter"


def test_a_cue_line_id_can_be_disabled():
    text = "\n\n".join(["Council backs transport plan", BODY, "View 48 comments", BODY2])
    r = Cleaner(disable=["navigation.cue_line"]).clean(text, lang="en")
    assert "View 48 comments" in r.text


def test_other_languages_read_their_own_file_and_english():
    """A German page with an English share bar: English cues apply on every page."""
    assert _judge("Share on WhatsApp", "de")["category"] == "navigation"


def test_every_cue_id_is_listed():
    from cleaner.mechanisms.registry import mechanisms
    ids = {m.id for m in mechanisms()}
    assert {f"{c}.cue_line" for c in cue_lines.CATEGORIES} <= ids


# ----------------------------------------------------------------------- the data

LEXICONS = sorted(p for p in CUES.glob("*.toml"))
TABLES = {"neutral", *cue_lines.CATEGORIES}


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_a_lexicon_file_is_well_formed(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - TABLES - ({"limits"} if path.name == "_all.toml" else set())
    assert not unknown, f"unknown tables {unknown}"
    neutral = set(data.get("neutral", {}).get("words", []))
    for table, section in data.items():
        if table == "limits":
            continue
        assert set(section) <= {"words", "strong", "weak"}, (table, set(section))
        for key, words in section.items():
            for word in words:
                assert word == word.lower() and word.strip() == word and word, (table, key, word)
                if word.endswith("*"):
                    # three letters at least (url*, tag*); two Hangul syllables carry as much
                    hangul = all("\uac00" <= ch <= "\ud7a3" for ch in word[:-1])
                    assert len(word) - 1 >= (2 if hangul else 3), f"prefix too short to be safe: {word!r}"
                if table != "neutral" and key == "strong":
                    assert word not in neutral, f"{word!r} is both neutral and a strong cue"


def test_every_lexicon_file_names_a_language_code():
    from cleaner.lang.codes import known_languages
    known = set(known_languages())
    for path in LEXICONS:
        if path.name != "_all.toml":
            assert path.stem in known, path.name


def test_a_related_cue_heading_takes_the_headlines_under_it_and_stops_at_prose():
    heads = ["Stories trending today", "Nine towns that banned cars from their centres",
             "What the new bike lanes mean for commuters", "Parking fees rise again in April"]
    text = "\n\n".join(["Council backs transport plan", BODY, "\n".join(heads), BODY2]) + "\n"
    r = Cleaner().clean(text, lang="en", flags=False)
    assert all(h not in r.text for h in heads)
    assert BODY in r.text and BODY2 in r.text
    assert {x.rule for x in r.removed} == {"related.cue_line"}


def test_a_support_appeal_of_two_sentences_goes_as_donation():
    evidence = _judge("Reader donations keep this newsroom going. Become a supporter or make a one-time "
                      "contribution today.")
    assert evidence is not None and evidence["category"] == "donation" and evidence["appeal"]


@pytest.mark.parametrize("line", [
    "Many employers match the funds their employees contribute to these plans, up to a limit each year.",
    "A big thank you to the maintainers for their help, contributions and reviews of the new release.",
    "Residents can donate to the repair fund at the town hall; the council will match every euro.",
])
def test_a_body_sentence_about_giving_is_not_an_appeal(line):
    assert _judge(line) is None


def test_a_newsletter_promo_sentence_goes_as_newsletter():
    evidence = _judge("Get our free morning newsletter. Subscribe now and the briefing lands in your inbox daily.")
    assert evidence is not None and evidence["category"] == "newsletter" and evidence["appeal"]


@pytest.mark.parametrize("line", [
    "Subscription Services: Some meditation programs offer app-based or online subscriptions for continued guidance.",
    "I also identified 28 newsletters, a small subset of the newsletters I subscribe to, as the test set.",
])
def test_a_body_sentence_about_subscriptions_is_not_a_promo(line):
    assert _judge(line) is None


def test_an_appeal_longer_than_a_cue_line_is_judged_in_a_document():
    """Appeals of 15 to 40 words are past a cue line's length: the document pass must
    still judge them as whole sentences (they were skipped before judge_appeal)."""
    appeal = ("Independent journalism needs your support. Become a member or supporter today, "
              "donate once or every month, and help us keep our reporting free for every reader.")
    assert 15 <= len(appeal.split()) <= 40
    text = "\n\n".join(["Council backs transport plan", BODY, BODY2, BODY.replace("Monday", "Friday"), appeal]) + "\n"
    r = Cleaner().clean(text, lang="en", flags=False)
    assert appeal not in r.text and BODY2 in r.text
    assert {x.rule for x in r.removed} == {"donation.cue_line"}
