"""The line-rule index (cleaner/packs/matcher.py) is speed only: the first rule that
matches a line must be the same with and without it."""
from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.packs.matcher import LineMatcher
from cleaner.packs.load import parse_rule
from cleaner.packs.ruleset import build_ruleset
from cleaner.text.segment import split_lines

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULESET = build_ruleset()
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ru", "tr", "cs", "und"]


def _line_rules(lang):
    return [r for r in RULESET.for_language(lang)
            if r.where != "title" and r.action in ("drop_line", "drop_region")]


def _first(rules, line):
    for rule in rules:
        if rule.applies_to(line.words) and rule.search(line.text, line.low):
            return rule.id
    return None


def _fixture_lines():
    out = []
    for path in sorted(ROOT.glob("fixtures/**/*.txt")):
        if path.name.endswith(".expected.txt"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        out += [ln for ln in split_lines(text) if not ln.blank and len(ln.text) < 5000]
    return out


FIXTURE_LINES = _fixture_lines()


@pytest.mark.parametrize("lang", LANGS)
def test_same_first_match_as_trying_every_rule_on_fixture_lines(lang):
    rules = _line_rules(lang)
    matcher = LineMatcher(rules)
    matched = 0
    for line in FIXTURE_LINES:
        expected = _first(rules, line)
        matched += expected is not None
        assert _first(matcher.candidates(line), line) == expected, line.text
    assert matched > 0 or lang not in ("en", "de")  # the fixtures do exercise the rules


LINE = st.text(alphabet=st.sampled_from(list("abcdefghijklmnoprstuvwy ()/|»©-.:,'ABDPRW0123456789")),
               max_size=80)
BOILERPLATE = st.sampled_from([
    "Photo: Reuters", "(Reporting by Jane Doe; editing by Tom Roe)", "Share this article",
    "Related stories", "© 2024 Acme Media. All rights reserved.", "Home / News / World",
    "By John Smith", "Updated: 3:45 pm", "(AP Photo/Evan Vucci)", "Read more: the story",
    "Sign up for our newsletter", "Tags: war, peace", "2024-06-28", "Jane Doe, Staff Writer",
])


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.one_of(LINE, BOILERPLATE, st.tuples(BOILERPLATE, LINE).map(" ".join),
                 st.tuples(LINE, BOILERPLATE).map(" ".join)))
def test_same_first_match_on_generated_lines(text):
    rules = _line_rules("en")
    matcher = _MATCHERS.setdefault("en", LineMatcher(rules))
    for line in split_lines(text):
        if not line.blank:
            assert _first(matcher.candidates(line), line) == _first(rules, line)


_MATCHERS: dict = {}


def _rule(**raw):
    raw.setdefault("id", "user.r")
    raw.setdefault("category", "navigation")
    raw.setdefault("action", "drop_line")
    return parse_rule(raw, {"lang": "*"}, "test")


@pytest.mark.parametrize("raw,hit,miss", [
    # no literal to screen on: always a candidate
    ({"pattern": r"^\W+$"}, "*** ---", "words here"),
    # case-sensitive prefix: screened on the text, not its lower-cased copy
    ({"pattern": r"^BY [A-Z]+$", "case_sensitive": True}, "BY JANE", "Jane wrote it"),
    # case-sensitive literal: screened lower-cased
    ({"pattern": r"\bStaff Writer\b", "case_sensitive": True}, "Jane Doe, Staff Writer", "staff meeting"),
    # short ASCII literals: a gate of required sets, not the shared screen
    ({"pattern": r"\(\w+\s(?:ap|afp)\b"}, "Photo (Jane AP)", "a map of it (ok)"),
    # contains-only rule
    ({"contains": ["subscribe now"]}, "Subscribe now and save", "subscribers said"),
])
def test_user_rules_of_every_shape_are_candidates_when_they_match(raw, hit, miss):
    rule = _rule(**raw)
    matcher = LineMatcher([rule])
    (hit_line,) = [ln for ln in split_lines(hit) if not ln.blank]
    (miss_line,) = [ln for ln in split_lines(miss) if not ln.blank]
    assert rule.search(hit_line.text, hit_line.low)
    assert matcher.candidates(hit_line) == [rule]
    assert not rule.search(miss_line.text, miss_line.low)
    assert _first(matcher.candidates(miss_line), miss_line) is None


def test_screens_skip_most_rules_on_prose():
    """The point of the index: a prose line meets few rules."""
    rules = _line_rules("en")
    matcher = LineMatcher(rules)
    (line,) = split_lines("The minister said the talks would resume on Monday after a week of "
                          "disagreement over the budget, according to two officials.")
    assert len(matcher.candidates(line)) < len(rules) // 5


def test_the_literal_screen_admits_overlapping_and_prefix_sharing_literals():
    """The screen reports every occurrence, overlapping ones included, and a
    reported literal stands for the longer ones it starts."""
    short = _rule(id="user.short", pattern=r"\bphoto\b")
    longer = _rule(id="user.longer", pattern=r"photographer\b")
    overlap = _rule(id="user.overlap", pattern=r"grapher said")
    other = _rule(id="user.other", pattern=r"\bunrelated words\b")
    matcher = LineMatcher([short, longer, overlap, other])
    (line,) = split_lines("Our photographer said so")
    assert [r.id for r in matcher.candidates(line)] == ["user.short", "user.longer", "user.overlap"]
    assert _first(matcher.candidates(line), line) == "user.longer"


def test_a_screened_literal_admits_its_own_rules_only():
    rules = _line_rules("en")
    matcher = LineMatcher(rules)
    (line,) = split_lines("All rights reserved")
    got = matcher.candidates(line)
    assert any(r.id == "site.copyright" for r in got)
    assert len(got) < 12


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINE, BOILERPLATE, st.tuples(LINE, BOILERPLATE).map(" ".join)), min_size=1, max_size=8))
def test_a_document_scan_gives_each_line_its_own_first_match(lines):
    """The screen runs once over the whole document: a prefix counts only at the
    start of its own line, and no string is found across a line break."""
    rules = _line_rules("en")
    matcher = _MATCHERS.setdefault("en", LineMatcher(rules))
    doc = split_lines("\n".join(lines))
    found = {line.index: _first(cands, line) for line, cands in matcher.scan(doc)}
    for line in doc:
        if not line.blank:
            assert found.get(line.index) == _first(rules, line), line.text


def test_a_prefix_inside_a_line_or_a_literal_across_lines_is_not_a_candidate():
    prefix = _rule(id="user.prefix", pattern=r"^photo: \w+$")
    literal = _rule(id="user.literal", pattern=r"all rights reserved")
    matcher = LineMatcher([prefix, literal])
    doc = split_lines("Seen in the photo: Reuters\nall rights\nreserved\nPhoto: Reuters")
    assert [(line.index, [r.id for r in cands]) for line, cands in matcher.scan(doc)] == [(3, ["user.prefix"])]
