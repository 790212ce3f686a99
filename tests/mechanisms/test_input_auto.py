"""`--input auto`'s decision (cleaner/mechanisms/input_kind.py): a page only when navigation lines
stand where sites put them; lists, code and tables in extracted text are not navigation.
Hard negatives: extracted articles made of bullets and code at both ends."""
from __future__ import annotations

import pytest

from _clihelp import ROOT
from cleaner import clean
from cleaner.mechanisms.input_kind import decide, is_nav_line
from cleaner.text.segment import split_lines

SAMPLE = ROOT / "fixtures" / "aeb_sample"
PROSE = ("The council approved the budget on Tuesday after a long debate, and the mayor "
         "said the new plan would fund schools, roads and the harbour for a decade.")


@pytest.mark.parametrize("line", ["Home", "World News", "Sign in", "Contact us", "Sport | Culture"])
def test_menu_items_are_navigation(line):
    assert is_nav_line(line)


@pytest.mark.parametrize("line", [
    "- Venue", "* Catering", "• Florals & Décor",
    "    A --> B", "SELECT id, name,", "defer f.Close()", "x = y", "<div>", "std::vector", "#include",
])
def test_list_items_and_code_are_not_navigation(line):
    assert not is_nav_line(line)


@pytest.mark.parametrize("path", sorted((SAMPLE / "fulltext").glob("*.txt")), ids=lambda p: p.name[:8])
def test_whole_pages_are_pages(path):
    kind, evidence = decide(split_lines(path.read_text(encoding="utf-8")))
    assert kind == "page", evidence


@pytest.mark.parametrize("path", sorted((SAMPLE / "residue").glob("*.txt")), ids=lambda p: p.name[:8])
def test_extracted_texts_are_articles(path):
    kind, evidence = decide(split_lines(path.read_text(encoding="utf-8")))
    assert kind == "article", evidence


def _bullets(words):
    return "\n".join(f"- {w}" for w in words)


def test_an_article_framed_by_lists_is_an_article():
    # extracted text: a checklist at the top and at the bottom, prose between
    top = _bullets(["Venue", "Catering", "Photography", "Attire", "Entertainment", "Florals",
                    "Music", "Transport", "Cake", "Rings", "Invitations", "Favours"])
    bottom = _bullets(["Thank-you cards", "Vendor tips", "Dress storage", "Name change", "Photo album",
                       "Honeymoon", "Final payments", "Gift list", "Returns", "Reviews", "Archive", "Rest"])
    text = "Wedding planning checklist\n\n" + top + "\n\n" + "\n\n".join([PROSE] * 6) + "\n\n" + bottom
    result = clean(text)
    assert result.meta["input"] == "article", result.meta["input_evidence"]
    assert not [r for r in result.removed if r.rule.startswith("mainfinder")]
    assert "- Venue" in result.text and "- Favours" in result.text


def test_one_long_menu_block_makes_a_page():
    menu = "\n".join(["Home", "World", "Politics", "Business", "Technology", "Science", "Health",
                      "Sport", "Culture", "Travel", "Opinion", "Video", "Audio", "Weather",
                      "Climate", "Education", "Money", "Property", "Jobs", "Puzzles", "Contact"])
    body = "\n\n".join([PROSE] * 12)
    kind, evidence = decide(split_lines(body + "\n\n" + menu))
    assert kind == "page" and evidence["nav_run"] >= 20, evidence


def test_the_report_says_why():
    result = clean((SAMPLE / "residue").glob("*.txt").__next__().read_text(encoding="utf-8"))
    ev = result.meta["input_evidence"]
    assert set(ev) == {"gate", "head_nav_share", "tail_nav_share", "nav_run"}
    assert "input_evidence" not in clean(PROSE, input="article").meta
