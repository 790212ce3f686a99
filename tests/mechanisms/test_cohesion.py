"""offtopic.cohesion: the linear implementation decides as the plain definition does."""
from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.mechanisms import cohesion
from cleaner.mechanisms.regions import SENTENCE_END
from cleaner.text.segment import split_lines
from cleaner.lang.stopwords import stopwords


def reference_offtopic_tail(lines, marks, title_idx, lang):
    """The definition, quadratic: for each break, rebuild the vocabulary above it."""
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    if len(kept) < cohesion.MIN_BODY_PARAGRAPHS + 1:
        return []
    stop = stopwords(lang) or stopwords("en")
    words = [cohesion.content_words(l.text, stop) for l in kept]
    title_words = cohesion.content_words(lines[title_idx].text, stop) if title_idx is not None else []
    for p in range(cohesion.MIN_BODY_PARAGRAPHS, len(kept)):
        if not cohesion._is_break(kept[p - 1], kept[p], marks):
            continue
        if sum(len(l.text) for l in kept[p:]) >= sum(len(l.text) for l in kept[:p]):
            continue
        tail = [w for ws in words[p:] for w in ws]
        tail_lines = kept[p:]
        prose = (sum(1 for l in tail_lines if SENTENCE_END.search(l.text)) * 2 >= len(tail_lines)
                 and sum(l.words for l in tail_lines) / len(tail_lines) >= cohesion.MIN_TAIL_MEAN_WORDS)
        if len(tail) < cohesion.MIN_TAIL_WORDS or not prose:
            continue
        vocab = set(title_words).union(*words[:p])
        if sum(1 for w in tail if w in vocab) / len(tail) > cohesion.MAX_TAIL_OVERLAP:
            continue
        scores = []
        for i, ws in enumerate(words[:p]):
            if ws:
                rest = set(title_words).union(*(q for j, q in enumerate(words[:p]) if j != i))
                scores.append(sum(1 for w in ws if w in rest) / len(ws))
        if (statistics.median(scores) if scores else 0.0) < cohesion.MIN_BODY_COHESION:
            continue
        return [l.index for l in kept[p:]]
    return []


# Two small vocabularies, so paragraphs share words with each other or not.
WAR = "troops frontline artillery ceasefire shelling brigade kharkiv offensive drones".split()
CLIMATE = "emissions carbon glaciers warming methane rainfall drought climate oceans".split()
SENTENCE = st.lists(st.sampled_from(WAR + CLIMATE + ["the", "and", "said"]), min_size=3, max_size=16).map(
    lambda ws: " ".join(ws) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)
SEPARATOR = st.sampled_from(["\n", "\n\n", "\n\n\n"])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PARAGRAPH, SEPARATOR), min_size=1, max_size=14),
       st.sets(st.integers(0, 30), max_size=4), st.booleans())
def test_linear_version_equals_the_definition(paras, removed, with_title):
    text = ("War update\n" if with_title else "") + "".join(p + sep for p, sep in paras)
    lines = split_lines(text)
    marks = {i: object() for i in removed if i < len(lines) and not lines[i].blank}
    title_idx = 0 if with_title else None
    marks.pop(0, None) if with_title else None
    assert cohesion.offtopic_tail(lines, marks, title_idx, "en") == \
        reference_offtopic_tail(lines, marks, title_idx, "en")


@st.composite
def article_with_tail(draw):
    """A war body and a tail that borrows a varying share of the body's words:
    overlap and body cohesion land on both sides of the thresholds."""
    def paragraph(own, other, share):
        n = draw(st.integers(12, 22))
        ws = [draw(st.sampled_from(other)) if draw(st.integers(0, 99)) < 100 * share
              else draw(st.sampled_from(own)) for _ in range(n)]
        return " ".join(ws) + draw(st.sampled_from([".", ".", ".", ""]))
    body_mix = draw(st.sampled_from([0.0, 0.1, 0.5]))
    tail_mix = draw(st.sampled_from([0.0, 0.05, 0.1, 0.15, 0.3]))
    body = [paragraph(WAR, CLIMATE, body_mix) for _ in range(draw(st.integers(3, 7)))]
    tail = [paragraph(CLIMATE, WAR, tail_mix) for _ in range(draw(st.integers(2, 3)))]
    seps = [draw(st.sampled_from(["\n", "\n\n"])) for _ in body + tail]
    seps[len(body) - 1] = draw(st.sampled_from(["\n\n\n", "\n\n\n", "\n"]))  # mostly a section break
    return "War update\n" + "".join(p + sep for p, sep in zip(body + tail, seps))


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(article_with_tail())
def test_linear_version_equals_the_definition_near_the_thresholds(text):
    lines = split_lines(text)
    assert cohesion.offtopic_tail(lines, {}, 0, "en") == reference_offtopic_tail(lines, {}, 0, "en")


def test_pasted_appendix_is_found():
    body = ["Troops held the frontline near Kharkiv as artillery shelling continued overnight, "
            "the brigade said on Monday after a week of fighting."] * 4
    rant = ["Carbon emissions and methane are warming the oceans, melting glaciers and "
            "bringing drought to farmers everywhere, scientists say in a new climate report."] * 2
    text = "Frontline report\n" + "\n".join(body) + "\n\n\n" + "\n".join(rant)
    lines = split_lines(text)
    found = cohesion.offtopic_tail(lines, {}, 0, "en")
    assert [lines[i].text for i in found] == rant


def test_words_first_used_just_above_the_break_count_as_seen():
    """The tail reuses words the body introduced in its last paragraph: on topic."""
    war = ("Troops held the frontline near Kharkiv as artillery shelling continued overnight, "
           "the brigade said on Monday after a week of fighting.")
    bridge = ("Shelling also hit the power plant, and officials warned of emissions, carbon "
              "leaks, methane and drought damage across the region, the brigade said.")
    tail = ("Officials said emissions, carbon leaks and methane from the plant worsen the "
            "drought, and the damage to the region will take years to repair, they said.")
    text = "Frontline report\n" + "\n".join([war] * 3 + [bridge]) + "\n\n\n" + "\n".join([tail] * 2)
    lines = split_lines(text)
    assert reference_offtopic_tail(lines, {}, 0, "en") == []
    assert cohesion.offtopic_tail(lines, {}, 0, "en") == []
