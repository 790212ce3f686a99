"""The main-text finder's learnt line model: the shipped weights fit the features the
finder writes, and every finder removal explains itself with them."""
from __future__ import annotations

import pathlib

import pytest

from cleaner import clean
from cleaner.mechanisms.mainfinder import features, linescore
from cleaner.mechanisms import mainfinder
from cleaner.title import find as find_title
from cleaner.lang.detect import detect_language
from cleaner.text.segment import split_lines

PAGES = sorted((pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "aeb_sample" / "fulltext").glob("*.txt"))


def _search(text: str):
    lines, lang = split_lines(text), detect_language(text)
    return lines, lang, mainfinder.search(lines, lang, find_title(lines, {}))


def test_weights_fit_the_features():
    model = linescore.model()
    assert model["local_features"] == list(linescore.LOCAL)
    lines, lang, found = _search(PAGES[0].read_text(encoding="utf-8"))
    rows = mainfinder.line_rows(found, lang, lines)
    assert len(rows) == len(found.feats) and {len(r) for r in rows} == {len(linescore.LOCAL)}
    local = linescore.with_context(rows)
    widths = {"local": len(local[0]), "stacked": len(linescore.second_pass(local, [0.5] * len(local))[0])}
    for name, width in widths.items():
        assert model[name]["trees"], name
        for tree in model[name]["trees"]:
            inner = [f for f, left in zip(tree["feature"], tree["left"]) if left >= 0]
            assert inner and max(inner) < width, (name, "a tree reads a feature the rows lack")
    probs = linescore.probabilities(rows)
    assert len(probs) == len(rows) and all(0.0 <= p <= 1.0 for p in probs)
    assert 0.0 <= model["demote"] < model["rescue"] < 1.0


def test_compiled_trees_follow_their_nodes():
    """The compiled ensemble walks each tree as the arrays say: x[feature] <= threshold
    goes left; leaves add their value to the base; the logistic gives p."""
    import math
    layer = {"base": -0.5, "trees": [
        {"feature": [1, 0, 0, 0, 0], "threshold": [2.0, 0.0, 0.0, 0.0, 0.0],
         "left": [1, -1, 3, -1, -1], "right": [2, -1, 4, -1, -1], "value": [0.0, 1.0, 0.0, -2.0, 3.0]},
        {"feature": [0, 0, 0], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1],
         "value": [0.0, 0.25, -0.25]},
    ]}
    layer["trees"][0]["threshold"][2] = 10.0  # node 2 splits on feature 0 at 10
    sig = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    got = linescore.predict(dict(layer), [[0.0, 1.0], [20.0, 3.0], [5.0, 3.0]])
    want = [sig(-0.5 + 1.0 + 0.25), sig(-0.5 + 3.0 - 0.25), sig(-0.5 - 2.0 - 0.25)]
    assert got == pytest.approx(want)


@pytest.mark.parametrize("bad", [
    {"feature": [0], "threshold": [float("nan")], "left": [-1], "right": [-1], "value": [1.0]},
    {"feature": [9, 0, 0], "threshold": [0.0, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1],
     "value": [0.0, 1.0, 2.0]},
    {"feature": [0, 0], "threshold": [0.0, 0.0], "left": [0, -1], "right": [1, -1], "value": [0.0, 1.0]},
    {"feature": ["__import__('os')"], "threshold": [0.0], "left": [-1], "right": [-1], "value": [1.0]},
])
def test_a_malformed_tree_is_refused(bad):
    with pytest.raises(ValueError):
        linescore.predict({"base": 0.0, "trees": [bad]}, [[0.0, 0.0]])


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem[:12])
def test_every_finder_removal_carries_its_evidence(path):
    text = path.read_text(encoding="utf-8")
    result = clean(text, input="page")
    finder = [r for r in result.removed if r.rule.startswith("mainfinder.")]
    assert finder, "a whole page with menus loses something to the finder"
    rescue = linescore.model()["rescue"]
    for r in finder:
        lines = [ln for ln in r.text.splitlines() if ln.strip()]
        assert len(r.evidence) == len(lines)
        for ev in r.evidence:
            assert ev["class"] in (features.GOOD, features.NEARGOOD, features.SHORT, features.BAD)
            assert ev["p_article"] < rescue
            start, end = ev["article_run"]
            assert 0 <= start < end <= len(text)
        assert "evidence" in r.to_dict()
    # the cue-line mechanism reports its cues too (a German page of the sample has a
    # "Weitere Beiträge zum Thema" heading); every other removal carries none
    assert all(r.evidence is None and "evidence" not in r.to_dict()
               for r in result.removed if not r.rule.startswith("mainfinder.") and not r.rule.endswith(".cue_line"))


def test_the_model_revises_the_search_only_as_its_thresholds_say():
    """The explained ranges keep what the search alone would drop only at p >= rescue,
    and add only mainfinder.unlikely_line lines, at p < demote."""
    model = linescore.model()
    for path in PAGES:
        lines, lang, _ = _search(path.read_text(encoding="utf-8"))
        alone = {k for a, b, *_ in mainfinder.find_boilerplate(lines, lang) for k in range(a, b + 1)}
        explained = mainfinder.find_boilerplate_explained(lines, lang)
        assert alone and explained
        for first, last, _, rule, evidence in explained:
            for k, ev in evidence.items():
                if rule == "mainfinder.unlikely_line":
                    assert k not in alone and ev["p_article"] < model["demote"]
                else:
                    assert k in alone and ev["p_article"] < model["rescue"]
