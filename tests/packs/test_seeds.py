"""Golden tests: the five seed articles come out as fixtures/seeds/labels.toml says.

Each labelled boilerplate line is removed with its category, every other line is
kept, each labelled artifact is flagged, and no other flag appears in kept text.
"""
import pathlib
import tomllib

import pytest

from cleaner import clean
from cleaner.text.segment import normalize_space, split_lines

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
LABELS = tomllib.loads((SEEDS / "labels.toml").read_text(encoding="utf-8"))["doc"]
IDS = [d["file"][:3] for d in LABELS]


def _covered_lines(raw, result):
    """1-based line number -> category, for every non-blank line inside a removal."""
    lines = split_lines(raw)
    out = {}
    for rm in result.removed:
        for line in lines:
            if not line.blank and rm.start <= line.start and line.end <= rm.end:
                out[line.index + 1] = rm.category
    return out


@pytest.fixture(params=LABELS, ids=IDS)
def seed(request):
    doc = request.param
    raw = (SEEDS / doc["file"]).read_text(encoding="utf-8")
    return doc, raw, clean(raw)


def test_removed_lines_and_categories(seed):
    doc, raw, result = seed
    lines = split_lines(raw)
    want = {}
    for d in doc.get("drop", []):
        for n in range(d["lines"][0], d["lines"][1] + 1):
            if not lines[n - 1].blank:
                want[n] = d["category"]
    trimmed = {t["line"] for t in doc.get("trim", [])}
    got = {n: c for n, c in _covered_lines(raw, result).items() if n not in trimmed}
    assert got == want


def test_kept_lines_survive_in_order(seed):
    doc, raw, result = seed
    dropped = set()
    for d in doc.get("drop", []):
        dropped.update(range(d["lines"][0], d["lines"][1] + 1))
    trims = {t["line"]: t["result"] for t in doc.get("trim", [])}
    expected = []
    for line in split_lines(raw):
        n = line.index + 1
        if line.blank or n in dropped:
            continue
        expected.append(trims.get(n, line.text))
    assert [p for p in result.text.split("\n\n")] == expected


def test_title_suffix_trim(seed):
    doc, raw, result = seed
    for t in doc.get("trim", []):
        assert result.meta["title"] == t["result"]
        assert any(r.category == t["category"] and r.rule == "site.title_suffix" for r in result.removed)


def test_flags_exactly_as_labelled(seed):
    doc, raw, result = seed
    lines = split_lines(raw)
    expected = []
    for f in doc.get("flag", []):
        line = lines[f["line"] - 1]
        pos = line.raw.find(f["evidence"])
        assert pos >= 0, "evidence must be on the labelled line"
        expected.append((f["kind"], line.start + pos, line.start + pos + len(f["evidence"])))
    matched = set()
    for flag in result.flags:
        hits = [e for e in expected if e[0] == flag.kind and flag.start < e[2] and e[1] < flag.end]
        assert hits, f"unexpected flag {flag.kind} {flag.text!r} at {flag.start}"
        matched.update(hits)
    assert matched == set(expected)


def test_offsets_index_the_input(seed):
    doc, raw, result = seed
    for entry in list(result.removed) + list(result.flags):
        assert 0 <= entry.start <= entry.end <= len(raw)
        assert entry.text == raw[entry.start:entry.end]


def test_matches_rendered_expectation(seed):
    """The shared rendering, modulo paragraph separators (one reasonable format)."""
    doc, raw, result = seed
    expected = (SEEDS / doc["file"].replace(".txt", ".expected.txt")).read_text(encoding="utf-8")
    want = [normalize_space(l) for l in expected.splitlines() if l.strip()]
    assert [normalize_space(l) for l in result.text.split("\n\n")] == want


def test_seed_metadata():
    raw = (SEEDS / "000_0e82d3106cdfd71a.txt").read_text(encoding="utf-8")
    meta = clean(raw).meta
    assert meta["date"] == "2024-06-28" and meta["date_text"] == "June 28, 2024"
    assert meta["byline"] == "Cherry May Timbol"
    assert meta["lang"] == "en"
    assert meta["title"].startswith("NATO Secretary General calls")
