"""The flag detectors' fast paths give exactly what their word-by-word rules give.

Each detector first asks a cheap question whose "no" must be certain (see
cleaner/flags/_util.py); these tests hold the fast answers against the exact
definitions, check the Unicode facts the shortcuts rely on, and check that a
pathological line stays bounded. No timing assertions.
"""
from __future__ import annotations

import re
import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.flags import _quotes, _util, detect_flags, doubled_word, mojibake
from cleaner.flags import _foreign_counts as fc, _foreign_data as fd, _foreign_judge as fj, _foreign_screen as fscreen
from cleaner.text.segment import normalize_space
from paragraphs import para

ALL_CHARS = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)


# Tokens chosen to hit every branch: case folding that changes length (ß, İ),
# Kelvin sign, final sigma, combining marks, zero-width and U+001C blanks,
# joiners, punctuation at both ends, digits, URLs, other scripts.
TOKENS = [
    "the", "The", "THE", "that", "to", "To", "bring", "deliver", "make", "build", "and", "or",
    "Straße", "STRASSE", "strasse", "İstanbul", "istanbul", "\u212aelvin", "kelvin", "ΣΟΦΙΑΣ", "σοφιας",
    "cafe\u0301", "café", "\u0301\u0301", "don't", "don’t", "well-known", "--the", "x'-the", "a-'b",
    "'tis", "the,", "(the", "“the", "the.”", "U.S.", "2019", "12”", "x_y", "_the", "http://x.com",
    "www.a.org", "a@b.c", "page.html", "ﬁne", "ｆｕｌｌ", "Привет", "и", "в", "не", "日本語", "かな",
    "한국어", "كَتَبَ", "كتب", "שָׁלוֹם", "Ã©", "â€™", "\ufffd", "«", "»", "„", "”", '"', "''", "..", ",,",
    "die", "der", "und", "le", "la", "et", "de", "que", "el", "los", "Ärger", "ärger", "ÄRGER", "naïve",
    "Noël", "NOËL", "µm", "ª", "señor", "SEÑOR",
    # a word beside a compound of it (doubled-word): "color color-coding", "miles-thick thick"
    "color", "color-coding", "thick", "miles-thick", "in", "in-person", "year", "year’s", "Color-coding",
    "ärger-frei", "σοφιας-x",
]
GAPS = [" ", " ", " ", "  ", "\t", "\u00a0", "\u200b", " \u200b ", "\x1c", "\u3000", "\u2009"]

texts = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(GAPS)), min_size=1, max_size=40).map(
    lambda pairs: "".join(t + g for t, g in pairs))
langs = st.sampled_from(["en", "de", "fr", "ru", "uk", "pt", "es", "ja", "ar", "he", "el", "sr", "id", "und"])


# ---------------------------------------------------------------- Unicode facts

def test_str_split_cuts_where_regex_does():
    """split_like_regex() relies on this: only U+001C..U+001F differ."""
    python = {c for c in ALL_CHARS if c.isspace()}
    assert python ^ set(regex.findall(r"\s", ALL_CHARS)) == set(_util.SPLIT_ONLY_BLANKS)


def test_casefold_of_lower_is_casefold():
    """doubled-word compares casefolded edge words with casefolded markers."""
    assert all(c.casefold() == c.lower().casefold() for c in ALL_CHARS)


PLAIN_CHARS = [c for c in ALL_CHARS[:0x3000] if _util.PLAIN.fullmatch(c)]   # all of them lie below


def test_plain_characters_are_what_the_re_patterns_assume():
    from cleaner.lang import scripts as langmod

    word = regex.compile(r"[\p{L}\p{M}]")
    word_or_number = regex.compile(r"[\p{L}\p{M}\p{N}]")
    punct = regex.compile(r"[\p{P}\p{S}]")
    letter, alnum = re.compile(f"[{_util.PLAIN_LETTER}]"), re.compile(f"[{_util.PLAIN_ALNUM}]")
    assert len(PLAIN_CHARS) == 94 + len(_util.TYPO_PUNCT) + 62
    assert not _util.PLAIN.search(ALL_CHARS[0x3000:])
    for c in PLAIN_CHARS:
        assert bool(word.match(c)) == bool(letter.fullmatch(c)), c
        assert bool(word_or_number.match(c)) == bool(alnum.fullmatch(c)), c
        assert bool(punct.match(c)) == (not alnum.fullmatch(c)), c
        assert len(c.lower()) == 1, c                     # lower() keeps offsets
        folded = c.casefold()                              # casefold keeps the kind
        assert all(_util.PLAIN.fullmatch(x) and bool(alnum.fullmatch(x)) == bool(alnum.fullmatch(c))
                   for x in folded), c
        if letter.fullmatch(c):
            assert unicodedata.normalize("NFKC", c) == c and set(langmod.script_counts(c)) == {"latin"}, c
    blanks = set(_util.PLAIN_BLANKS)
    assert blanks == {c for c in " \t\u00a0" if regex.match(r"\s", c) and c.isspace()}
    assert all(_util.PLAIN_TEXT.fullmatch(c) for c in PLAIN_CHARS + list(blanks))
    assert not any(_util.PLAIN_TEXT.fullmatch(c) for c in "\n\r\x0b\x0c\x1c\u200b\u00b5\u00aa\u00d7")


@given(st.text(alphabet=PLAIN_CHARS, min_size=1, max_size=12))
@settings(max_examples=400, deadline=None)
def test_plain_token_patterns_match_the_regex_ones(tok):
    m = fc._WORD.match(tok)
    p = fc._PLAIN_TOKEN.fullmatch(tok)
    assert (m.group(1) if m else None) == (p.group(1) if p else None)
    words = list(doubled_word._WORD.finditer(tok))
    head = words[0].group().casefold() if words and words[0].start() == 0 else doubled_word._NO_HEAD
    tail = words[-1].group().casefold() if words and words[-1].end() == len(tok) else doubled_word._NO_TAIL
    assert doubled_word._edge_words(tok) == (head, tail)


@given(st.one_of(st.text(max_size=40), st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=40)))
@settings(max_examples=400, deadline=None)
def test_is_plain_text_is_the_paragraph_pattern(text):
    assert _util.is_plain_text(text) == (_util.PLAIN_TEXT.fullmatch(text) is not None)


def test_marker_pattern_sees_overlapping_markers():
    assert doubled_word._marker_re(frozenset({"to"})).pattern.startswith("(?:to)")
    assert doubled_word._marker_re(frozenset({"aa"})).pattern.startswith("(?=")
    assert doubled_word._marker_re(frozenset({"Zu"})) is None


# ---------------------------------------------------------------- shared helpers

@given(st.lists(texts, max_size=8))
@settings(max_examples=200, deadline=None)
def test_hit_paragraphs_is_a_search_per_string(raws):
    for pattern in (mojibake._CAND, _quotes._DOUBLE_RE, "''", doubled_word._UNSPLIT_BLANKS):
        want = [i for i, r in enumerate(raws) if (pattern in r if isinstance(pattern, str) else pattern.search(r))]
        assert _util.hit_paragraphs(pattern, raws) == want


@given(texts)
@settings(max_examples=200, deadline=None)
def test_split_like_regex(text):
    assert list(_util.split_like_regex(text)) == regex.findall(r"\S+", text)
    assert _util.split_cached(text) == tuple(regex.findall(r"\S+", text))


# ---------------------------------------------------------------- doubled-word

def _exact_doubled(p, lang):
    if doubled_word._skipped(lang):
        return []
    return doubled_word._paragraph_flags(p, doubled_word._allow(lang), doubled_word._infinitive(lang),
                                         doubled_word._short_function_words(lang))


@given(texts, langs)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_doubled_word_precheck_never_hides_a_flag(raw, lang):
    p = para(raw, start=7)
    assert doubled_word.detect([p], lang) == _exact_doubled(p, lang)


@pytest.mark.parametrize("raw", [
    "Straße STRASSE", "strasse Straße", "the \u200bthe", "the\x1cthe", "(the the)", "“the the”",
    "x'-the the", "--the the", "don’t don’t", "\u212aelvin kelvin", "cafe\u0301 cafe\u0301",
    "to bring deliver", "To bring deliver.", "TO make build", "(to bring deliver)", "to bring\u00a0deliver",
])
def test_doubled_word_tricky_cases(raw):
    p = para(raw)
    assert doubled_word.detect([p], "en") == _exact_doubled(p, "en")


def test_doubled_word_caps_a_pathological_line():
    raw = ("the " * 200_000).strip()
    flags = doubled_word.detect([para(raw)], "en")
    assert len(flags) == doubled_word._MAX_PER_PARAGRAPH
    assert [f.text for f in flags[:2]] == ["the the", "the the"]
    verbs = doubled_word.detect([para("to bring deliver " * 5000)], "en")
    assert len(verbs) == doubled_word._MAX_PER_PARAGRAPH


def test_doubled_word_cache_does_not_change_answers():
    ps = [para("He said the the rest."), para("Nothing doubled here at all.", start=30)]
    first = doubled_word.detect(ps, "en")
    doubled_word._HEADS.clear()
    doubled_word._TAILS.clear()
    _util._split.cache_clear()
    assert doubled_word.detect(ps, "en") == first
    assert [f.text for f in first] == ["the the"]


# ---------------------------------------------------------------- foreign-language

@given(texts, langs)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_foreign_counts_agree_with_the_word_by_word_test(raw, lang):
    text = normalize_space(raw)
    fast = fscreen._suspicious_by_counts(text, lang, fd.limits())
    if fast is not None:
        assert fast == fscreen.suspicious_exact(text, lang)
    assert fscreen.suspicious(text, lang) == fscreen.suspicious_exact(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "The government said on Monday that it would not change the rules of the game this year."),
    ("en", "The government said on Monday that it would “not” change the rules, it’s final."),
    ("en", "Die Regierung sagt, dass sie die Regeln in diesem Jahr nicht ändern wird, und das ist gut."),
    ("en", "Правительство заявило в понедельник, что не будет менять правила игры в этом году."),
    ("ru", "Правительство заявило в понедельник, что не будет менять правила игры в этом году."),
    ("uk", "Правительство заявило в понедельник, что не будет менять правила игры в этом году."),
    ("en", "日本語の文章がここにありますが、これは英語の記事の中の段落です。とても長い文章です。"),
    ("ja", "日本語の文章がここにありますが、これは英語の記事の中の段落です。とても長い文章です。"),
    ("en", "Jens Stoltenberg, Yoon Suk Yeol, Park Jin, Kim Jong Un, Vladimir Putin, Maria Zakharova"),
    ("en", "2019 2020 2021 2022 2023 2024 2025 2026 2027 2028 https://example.com/a/b/c www.x.org"),
    ("en", "\u0301\u0301 \u0301\u0301 \u0301\u0301 \u0301\u0301 \u0301\u0301 \u0301\u0301 \u0301\u0301 \u0301\u0301 x"),
    ("pt", "O governo disse na segunda-feira que não vai mudar as regras do jogo este ano, afirmou."),
    ("pt", "El gobierno dijo el lunes que no cambiará las reglas del juego este año, según el ministro."),
    ("en", " ".join(["word"] * 1200)),
])
def test_foreign_fast_test_on_prose(lang, text):
    fast = fscreen._suspicious_by_counts(text, lang, fd.limits())
    exact = fscreen.suspicious_exact(text, lang)
    assert fast is None or fast == exact
    assert fscreen.suspicious(text, lang) == exact


def test_foreign_langdetect_memo_asks_a_replaced_function(monkeypatch):
    from cleaner.lang import langdetect_run as langmod

    calls = []
    monkeypatch.setattr(langmod, "langdetect_probs", lambda text, **kw: calls.append(text) or [("de", 1.0)])
    assert fj._langdetect("ein Satz", 600) == [("de", 1.0)]
    assert fj._langdetect("ein Satz", 600) == [("de", 1.0)]
    assert calls == ["ein Satz"]


# ---------------------------------------------------------------- quotes

def test_quote_scan_is_shared_and_order_free():
    text = "He said “yes“ and left.\nShe replied: “no.\nA third line without marks.\n“Then, she went on."
    ps, pos = [], 0
    for line in text.split("\n"):
        ps.append(para(line, start=pos))
        pos += len(line) + 1
    forward = detect_flags(ps, "en")
    _quotes._last = (None, None)
    from cleaner.flags import fragment, quote_style, unbalanced_quote
    backward = fragment.detect(ps, "en") + unbalanced_quote.detect(ps, "en") + quote_style.detect(ps, "en")
    assert sorted(forward, key=lambda f: (f.start, f.end, f.kind)) == sorted(
        backward, key=lambda f: (f.start, f.end, f.kind))
    scans = _quotes.scan(ps, "en")
    assert scans is _quotes.scan(ps, "en")
    assert scans[2].marks == [] and scans[2].inherited
