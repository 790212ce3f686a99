"""navigation.comment_thread: readers' comments after the article go, from the
heading or first meta line to the end; an article that quotes people stays."""
from __future__ import annotations

from cleaner.api import Cleaner

P = [
    "The city council approved the new transport plan on Monday after months of debate, and the first "
    "changes will reach the old town next spring.",
    "Officials said the plan would cost about twelve million euros over three years, part of it paid by "
    "the regional government.",
    "Shopkeepers in the old town have asked for a delivery window in the morning, which the plan now includes.",
    "The opposition said it would ask for a review of the costs in the autumn, once the first tenders are in.",
]
COMMENTS = [
    "MortimerInMiami says:",
    "About time. The old town has been choked by traffic for years and nobody did anything about it.",
    "bobmillion says:",
    "Twelve million euros for a few bike lanes seems like a lot of money to me, honestly.",
    "Jane on March 4, 2024 at 9:12 am said:",
    "I live on the market square and I welcome it, whatever the cost turns out to be.",
]


def _clean(parts, **kw):
    text = "\n\n".join(["Council backs transport plan"] + parts) + "\n"
    return text, Cleaner().clean(text, lang="en", flags=False, **kw)


def test_a_thread_after_the_article_goes_to_the_end_with_its_evidence():
    text, r = _clean(P + ["3 responses to “Council backs transport plan”"] + COMMENTS)
    for p in P:
        assert p in r.text
    assert "says:" not in r.text and "bike lanes" not in r.text and "responses to" not in r.text
    gone = [x for x in r.removed if x.rule == "navigation.comment_thread"]
    assert gone and text[gone[0].start:].startswith("3 responses to")
    assert gone[-1].end == len(text) - 1
    assert gone[0].evidence[0]["heading"] is True and gone[0].evidence[0]["meta_lines"] == 3


def test_without_a_heading_three_meta_lines_make_a_thread():
    _, r = _clean(P + COMMENTS)
    assert "MortimerInMiami" not in r.text and all(p in r.text for p in P)


def test_two_meta_lines_without_a_heading_are_not_enough():
    _, r = _clean(P + COMMENTS[:4])
    assert "MortimerInMiami says:" in r.text


def test_meta_lines_at_the_top_of_the_text_do_not_start_a_thread():
    """An article that opens with a forum exchange it reports on keeps it."""
    _, r = _clean(COMMENTS + P)
    assert "MortimerInMiami says:" in r.text and all(p in r.text for p in P)


def test_a_reported_quote_ending_in_said_is_not_a_meta_line():
    quotes = ["“We will win this,” the coach said.", "“It was a long night,” she said.",
              "“Nobody expected it,” a fan said."]
    _, r = _clean(P + quotes)
    assert all(q in r.text for q in quotes)


def test_a_counter_is_not_a_commenter():
    lines = ["3 of 8 comments", "Show more comments", "5 of 8 comments", "7 of 8 comments"]
    _, r = _clean(P + lines)
    assert not [x for x in r.removed if x.rule == "navigation.comment_thread"]


def test_relative_time_stamps_in_german():
    stamps = ["Leser123", "vor 2 Stunden", "Das ist längst überfällig, die Altstadt erstickt im Verkehr.",
              "Hans M.", "vor 3 Stunden", "Zwölf Millionen für ein paar Radwege sind zu viel.",
              "Petra", "vor einem Tag", "Ich wohne am Markt und finde es gut."]
    text = "\n\n".join(["Stadtrat beschließt Verkehrskonzept"] + P + stamps) + "\n"
    r = Cleaner().clean(text, lang="de", flags=False)
    assert "überfällig" not in r.text and all(p in r.text for p in P)


def test_the_thread_can_be_disabled():
    _, r = _clean(P + COMMENTS, )
    assert "MortimerInMiami" not in r.text
    text = "\n\n".join(["Council backs transport plan"] + P + COMMENTS) + "\n"
    r = Cleaner(disable=["navigation.comment_thread"]).clean(text, lang="en", flags=False)
    assert "MortimerInMiami says:" in r.text


def test_with_a_heading_a_short_article_above_is_enough():
    """'34 responses to ...' under a four-paragraph story, above a long thread: the
    heading says what follows, so the story need not be a third of the text."""
    long_comments = COMMENTS + [c.replace("says:", "writes:") for c in COMMENTS] + COMMENTS
    text, r = _clean(P + ["9 responses to “Council backs transport plan”"] + long_comments)
    assert all(p in r.text for p in P)
    assert "responses to" not in r.text and "bike lanes" not in r.text


def test_on_a_real_page_the_thread_under_a_short_story_goes():
    """fixtures/pages/comment_thread_under_article (AEB, MIT): 34 comments under a
    four-paragraph story."""
    from pathlib import Path
    page = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "comment_thread_under_article.txt"
    r = Cleaner().clean(page.read_text(encoding="utf-8"), flags=False)
    assert "Lynn is right: The Chargers needed to win that game." in r.text
    assert "MortimerInMiami says:" not in r.text and "Feckless Chargers" not in r.text
    assert any(x.rule == "navigation.comment_thread" for x in r.removed)
