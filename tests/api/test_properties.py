"""Properties that hold for every input: never invents text, idempotent, offsets valid,
never crashes."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.text.segment import normalize_space

BOILER = [
    "RELATED: Something happened somewhere else", "Related:", "- A linked headline here",
    "Photo credits: Agency", "Published June 28, 2024", "To Top", "The Latest", "SHARE THIS ARTICLE",
    "Support us on Patreon: patreon.com/x", "Jane Doe / Pool via Reuters", "www.example.com",
    "By Jane Doe", "News / World / Europe", "You could close this page. Or you could support us.",
    "Headline of the story – Site 17",
]
PROSE = [
    "The minister said on Monday that the plan would be presented to parliament next week.",
    "“We will not accept this,” she said, adding that talks would continue.",
    "Officials said the the numbers were preliminary and could change.",
    "Short line.",
    "Die Regierung hat am Freitag das Gesetz beschlossen, sagte ein Sprecher.",
]
line = st.one_of(st.sampled_from(BOILER), st.sampled_from(PROSE), st.text(max_size=80))
sep = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\u00a0\n"])
doc = st.lists(st.tuples(line, sep), max_size=14).map(lambda xs: "".join(a + b for a, b in xs))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _input_pieces(text):
    return {normalize_space(l) for l in re.split("\r\n|\r|\n|\u2028|\u2029|\x85", text)}


@FAST
@given(doc)
def test_output_is_made_of_input_lines(text):
    result = clean(text, lang="en")
    pieces = _input_pieces(text)
    for i, para in enumerate(result.text.split("\n\n") if result.text else []):
        if i == 0 and result.meta.get("title") == para:
            assert any(p.startswith(para) for p in pieces)
        else:
            assert para in pieces


@FAST
@given(doc)
def test_idempotent(text):
    once = clean(text, lang="en").text
    assert clean(once, lang="en").text == once


@FAST
@given(doc)
def test_offsets_index_the_input(text):
    result = clean(text, lang="en")
    for entry in list(result.removed) + list(result.flags):
        assert 0 <= entry.start <= entry.end <= len(text)
        assert entry.text == text[entry.start:entry.end]
    d = result.to_dict()
    assert set(d) == {"text", "removed", "flags", "meta"}


@FAST
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_arbitrary_unicode_never_crashes(text):
    result = clean(text)
    assert isinstance(result.text, str)


def test_control_characters_and_nul():
    text = "Title\x00 here\n\n\x01\x02\x1b[31mred\x7f\u200b\u202e reversed\n\nBody \x00 text that goes on."
    result = clean(text, lang="en")
    for entry in result.removed:
        assert entry.text == text[entry.start:entry.end]


def test_one_megabyte_line():
    text = ("word " * 200_000) + "end."
    result = clean(text)
    assert result.text.endswith("end.")
