"""The third round of flag speed work changes no answer.

Each changed function is held against a reference copy of the code it replaced
(kept here, "ref_*"), on generated documents: quotes of every kind, doubled
words across punctuation and line breaks, doubled verbs in any case, non-Latin
scripts, mojibake, odd blanks, mixed languages. What changed:

* doubled_word: plain paragraphs are searched as one newline-joined text;
  edge words of an alphanumeric chunk in any script without `regex`;
* foreign_language: a document's tokens are counted (and new ones learnt)
  together, the dominant script comes from per-token letter counts, rival
  stopwords from one union per script, more kinds of token are learnt inline,
  alphabetic tokens and words below the vowel points take shortcuts;
* _quotes: marks found by str.find, position roles remembered, mojibake runs
  only where mojibake may be; fragment: the quoted-fragment search only in
  paragraphs with an opening quote; _util: one join per document.

No timing assertions.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: equivalence hunts (speed work leaves results as before): `python -m pytest -m slow`
pytestmark = pytest.mark.slow

from cleaner.flags import (_quotes, _util, detect_flags, doubled_word, foreign_language, fragment,
                           mojibake, quote_style, unbalanced_quote)
from cleaner.flags import _foreign_counts as fc, _foreign_data as fd, _foreign_judge as fj, _foreign_screen as fscreen
from cleaner.flags._util import make_flag, stripped_span
from cleaner.text.segment import normalize_space
from cleaner.lang.stopwords import available, stopwords
from paragraphs import as_paragraphs, para

SLOW = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------- generated documents

WORDS = [
    # doubled words and doubled verbs, in any case, around punctuation
    "the the", "The the", "the The", "ok ok", "to bring deliver", "To build deliver", "the", "The", "THE",
    "the,", "(the", "the)", "“the", "the”", "that", "to", "To", "TO", "tO", "bring",
    "deliver", "Deliver", "build", "make", "and", "or", "Straße", "STRASSE", "strasse", "ß", "ßßßß", "don't",
    "don’t", "well-known", "x'-the", "--the", "'tis", "naïve", "Ärger", "ärger", "NOËL", "señor",
    "U.S.", "2019", "5'10\"", "12”", "1..5", "http://x.com", "www.a.org", "a@b.c", "page.html", "said.",
    # stopwords of several languages, other scripts
    "der", "die", "und", "le", "la", "et", "que", "el", "los", "não", "é", "il", "di",
    "Привет", "и", "в", "не", "что", "правительство", "заявило", "Ђорђе", "και", "το", "της",
    "日本語", "かな", "の", "한국어", "정부", "في", "كَتَبَ", "ﻻ", "שָׁלוֹם", "ภาษาไทย", "µm", "ª",
    "ﬁne", "ｆｕｌｌ", "\u212aelvin", "cafe\u0301", "\u0301\u0301", "😀",
    # quotes of every kind, alone and around words
    '"', "''", "‘‘", "’’", "“", "”", "„", "‟", "«", "»", "‘", "’", "‚", "‹", "›",
    '"Yes"', "“yes”", "„ja“", "«oui»", "« oui »", "‘x’", "''x''", "‘‘x’’", "—“", "”.", "“,", "„.",
    "«\u00a0,", "Home »", "5\"", "12''",
    # punctuation: doubled, fragments (a sentence end, a quoted fragment, a sentence end)
    ",,", "..", "...", "…", ";;", ",.", ";.", ".", "!", "?", ".“", "”.", "e.g.", "etc.", "(…).",
    'it. "so".', "it! „so“.", "it? «so».", "it. »so«.", "it. ‘so’.", "it. ‚so‘.", "it. “so”!", "it.\u00a0“so”.",
    # mojibake and oddities
    "â€™", "â€œ", "Ã©", "Ã¼", "Â", "Â\u00a0", "ï»¿", "\ufffd", "\x80", "â€", "Ã ",
]
GAPS = [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\u200b", " \u200b ", "\x1c", "\u3000", "\u2009",
        ", ", ". ", "\u202f"]

paragraph_raw = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=1, max_size=30).map(
    lambda pairs: "".join(t + g for t, g in pairs))
langs = st.sampled_from(["en", "de", "fr", "ru", "uk", "pt", "es", "it", "ja", "ko", "ar", "he", "el", "sr",
                         "id", "zh", "und"])


documents = st.lists(paragraph_raw, min_size=1, max_size=8).map(as_paragraphs)


# ---------------------------------------------------------------- reference copies: doubled_word

_REF_PAIR_AT_START = re.compile(      # (the second word may go on into a compound since)
    f"({doubled_word._PLAIN_WORD.pattern}){doubled_word._G}++\\1(?!{doubled_word._W})")


def ref_doubled_detect(paragraphs, lang):
    dw = doubled_word
    if dw._skipped(lang):
        return []
    allow = dw._allow(lang)
    inf = dw._infinitive(lang)
    unsplit = set(_util.hit_paragraphs(dw._UNSPLIT_BLANKS, [p.raw for p in paragraphs]))
    flags = []
    for i, p in enumerate(paragraphs):
        raw = p.raw
        if _util.PLAIN_TEXT.fullmatch(raw):
            suspect = ref_plain_may_flag(raw, inf)
        else:
            suspect = i in unsplit or dw._may_flag(_util.split_cached(raw), inf)
        if suspect:
            flags.extend(dw._paragraph_flags(p, allow, inf, dw._short_function_words(lang)))
    return flags


def ref_plain_may_flag(raw, inf):
    folded = raw.casefold()
    if doubled_word._PAIR.search(folded) or _REF_PAIR_AT_START.match(folded):
        return True
    if doubled_word._COMPOUND_TAIL.search(folded):     # added after that round
        return True
    if inf is None:
        return False
    pattern = doubled_word._marker_re(inf[0])
    if pattern is None:
        return True
    return any(raw[m.start(1):m.end(1)] in inf[1] and raw[m.start(2):m.end(2)] in inf[1]
               for m in pattern.finditer(raw.lower()))


# ---------------------------------------------------------------- reference copies: foreign_language

_REF_VALUES: dict[str, dict[str, int]] = {}


def ref_lang_words(lang):
    script = fd.rival_script(lang)
    if script is None:
        return stopwords(lang), frozenset()
    others = [code for code in fd.script_langs(script) if code != lang]
    return stopwords(lang), frozenset().union(*map(stopwords, others))


def ref_lookup_form(word):
    return fc._POINTS.sub("", unicodedata.normalize("NFKC", word)).lower()


def ref_token_word(tok):
    if ("." in tok or ":" in tok) and fc._URLISH.search(tok):
        return None
    m = fc._WORD.match(tok)
    return m.group(1) if m else None


def ref_plain_token_word(tok):
    """foreign_language._plain_token_word as it was."""
    if ("." in tok or ":" in tok) and fc._URLISH.search(tok):
        return None
    m = fc._PLAIN_TOKEN.fullmatch(tok)
    return m.group(1) if m else None


def ref_token_value(tok, stop, rival):
    if tok.isascii() and tok.isalpha():
        word, low, value = tok, tok.lower(), 0
    elif _util.PLAIN.fullmatch(tok):
        word = ref_plain_token_word(tok)
        if word is None:
            return 0
        low, value = word.lower(), 0
    else:
        scripts = fc._letter_scripts(tok)
        word = ref_token_word(tok)
        value = (bool(scripts - {"latin"}) or (word is not None and "latin" not in scripts)) << fc.NONLATIN
        if word is None:
            return value
        low = word.lower() if word.isascii() else ref_lookup_form(word)
    first = word[0]
    return (value + 1 + (first.isupper() << fc.UPPER) + (first.islower() << fc.LOWER)
            + ((low in stop) << fc.STOP) + ((low in rival) << fc.RIVAL))


def ref_learn(tokens, values, stop, rival):
    for tok in tokens:
        if tok.isascii() and tok.isalpha():
            low = tok.lower()
            value = 1 + ((1 << fc.UPPER) if tok[0] < "a" else (1 << fc.LOWER))
        else:
            m = fc._PLAIN_TOKEN.fullmatch(tok)
            if m is None or (("." in tok or ":" in tok) and fc._URLISH.search(tok)):
                values[tok] = ref_token_value(tok, stop, rival)
                continue
            word = m.group(1)
            low, first = word.lower(), word[0]
            value = 1 + (first.isupper() << fc.UPPER) + (first.islower() << fc.LOWER)
        if low in stop:
            value += fc._ONE_STOP
        if low in rival:
            value += fc._ONE_RIVAL
        values[tok] = value


def ref_counts(tokens, lang):
    values = _REF_VALUES.setdefault(lang, {})
    try:
        total = sum(map(values.__getitem__, tokens))
    except KeyError:
        ref_learn(set(tokens).difference(values), values, *ref_lang_words(lang))
        total = sum(map(values.__getitem__, tokens))
    m = fc.MASK
    return (total & m, (total >> fc.UPPER) & m, (total >> fc.LOWER) & m,
            (total >> fc.STOP) & m, (total >> fc.RIVAL) & m, (total >> fc.NONLATIN) & m)


def ref_suspicious_by_counts(text, lang, lim):
    min_words = lim.min_words
    if len(text) < 2 * min_words:
        return False
    tokens = _util.split_like_regex(text)
    if len(tokens) > fc.MAX_PARA_TOKENS or min_words < 1:
        return None
    n, upper, lower, stop, rival, nonlatin = ref_counts(tokens, lang)
    script, letters = fc.dominant(text) if nonlatin else ("latin", len(text))
    if script is None:
        return False
    if script in fscreen._NO_SPACES:
        if letters < 2 * min_words:
            return False
        n = 0
    else:
        if n < min_words:
            return False
        cased = upper + lower
        if cased and upper / cased > lim.max_capitalised:
            return False
    expected = fd.expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not n or not stopwords(lang):
        return False
    density = stop / n
    if density < lim.max_stopword_density:
        return True
    if density >= lim.rival_ratio:
        return False
    if script == fd.rival_script(lang) and lim.rival_ratio >= 0:
        most = rival / n
        if most < lim.min_rival_density or density >= lim.rival_ratio * most:
            return False
    return None


def ref_foreign_detect(paragraphs, lang):
    fl = foreign_language
    if not lang or lang == "und":
        return []
    conf = fd.conf()
    min_p = float(conf.get("min_probability", 0.9))
    max_chars = int(conf.get("sample_chars", 600))
    min_found = float(conf.get("min_detected_density", 0.15))
    same = fd.similar(lang)
    lim = fd.limits()
    flags = []
    for p in paragraphs:
        text = p.text
        fast = ref_suspicious_by_counts(text, lang, lim)
        if not (fscreen.suspicious_exact(text, lang) if fast is None else fast):
            continue
        probs = fj._langdetect(text, max_chars, same, min_p)
        if not probs:
            continue
        top, prob = probs[0]
        if prob < min_p or top in same:
            continue
        found = fc.stop_density([ref_lookup_form(w) for w in fc.words_of(text)], top)
        if found is not None and found < min_found:
            continue
        i, j = stripped_span(p.raw)
        flags.append(make_flag(p, i, j, fl.KIND, fl.RULE,
                               f"paragraph looks like '{top}' (p={prob:.2f}), document is '{lang}'"))
    return flags


# ---------------------------------------------------------------- reference copies: quotes, fragment, mojibake

def ref_scan(paragraphs, lang):
    """_quotes._scan as it was."""
    q = _quotes
    conv = q.conventions(lang)
    spaced_ok = lang in q._spaced_guillemet_langs()
    collapsed = lang in q._collapsed_langs()
    out = [q._NO_MARKS] * len(paragraphs)
    carry = []
    last = -1
    for pi in _util.hit_paragraphs((q._DOUBLE_RE,) + q._PAIRS, [p.raw for p in paragraphs]):
        if carry and pi != last + 1:
            out[last + 1] = q.ParaScan(inherited=list(carry))
            carry = []
        p = paragraphs[pi]
        raw = p.raw
        ps = q.ParaScan(inherited=list(carry))
        found = q._MARK_RE.finditer(raw)
        stack = list(carry)
        first = True
        garbled = mojibake.runs(raw, lang)
        garbled_starts = [s for s, _ in garbled]
        n_open = {True: sum(s.straight for s in stack), False: sum(not s.straight for s in stack)}
        for m in found:
            i, j = m.span()
            if garbled:
                g = bisect.bisect_right(garbled_starts, i) - 1
                if g >= 0 and i < garbled[g][1]:
                    continue
            ch = m.group()
            prev = raw[i - 1] if i > 0 else None
            nxt = raw[j] if j < len(raw) else None
            straight = ch in q._STRAIGHT
            fam_open = n_open[straight] > 0
            if ch in q._INCH_MARKS and prev is not None and prev.isdigit():
                if not fam_open or (straight and q._INCH.search(raw, max(0, i - 6), i)):
                    continue
            if ch in q._FIXED:
                role, how = q._FIXED[ch], "fixed"
            else:
                role, how = q.position_role(prev, nxt)
            if ch in q._GUILLEMETS and how == "spaced":
                natural = conv.get(ch, frozenset())
                state_role = "close" if n_open[False] else "open"
                if not spaced_ok or (natural and state_role not in natural):
                    continue
            if first and carry and role != "close" and all(c.isspace() or c in q._LEAD_OK for c in raw[:i]):
                ps.reopened = True
                stack = []
                n_open = {True: 0, False: 0}
                fam_open = False
                role = "open"
            first = False
            if straight:
                if fam_open:
                    if role != "close":
                        how = "state"
                    role = "close"
                elif not (role == "close" and how == "position"):
                    role = "open"
            elif role is None:
                role = "close" if fam_open else "open"
            mark = q.QuoteMark(pi, i, p.start + i, ch, role, how)
            ps.marks.append(mark)
            if role == "open":
                stack.append(mark)
                n_open[straight] += 1
                continue
            for fam in (straight, not straight):
                if n_open[fam]:
                    k = next(k for k in range(len(stack) - 1, -1, -1) if stack[k].straight == fam)
                    opener = stack.pop(k)
                    n_open[fam] -= 1
                    opener.partner = mark
                    mark.partner = opener
                    break
        if collapsed and stack:
            last_pair = max((x.pos for x in ps.marks if x.char == "\u00ab" and x.partner is not None
                             and x.partner.para == pi), default=-1)
            keep = []
            for mk in stack:
                if mk.char == "\u00ab" and mk.para == pi and mk.pos < last_pair:
                    mk.collapsed = True
                else:
                    keep.append(mk)
            stack = keep
        inherited = set(map(id, ps.inherited))
        ps.open_at_end = [s for s in stack if id(s) not in inherited]
        carry = ps.open_at_end
        out[pi] = ps
        last = pi
    if carry and last + 1 < len(paragraphs):
        out[last + 1] = q.ParaScan(inherited=list(carry))
    return out


def ref_fragment_quoted_at(raws):
    return set(_util.hit_paragraphs(fragment._QUOTED_HINT, raws))


def scan_summary(scans):
    """The scan as plain data: every mark's fields, and its partner by position."""
    def mark(m):
        partner = None if m.partner is None else (m.partner.para, m.partner.pos)
        return (m.para, m.pos, m.start, m.char, m.role, m.how, partner, m.collapsed)
    return [([mark(m) for m in ps.marks], [mark(m) for m in ps.inherited], ps.reopened,
             [mark(m) for m in ps.open_at_end]) for ps in scans]


def flag_data(flags):
    return [(f.start, f.end, f.kind, f.rule, f.message, f.text) for f in flags]


# ---------------------------------------------------------------- the facts the new code relies on

PLAIN_CHARS = [chr(cp) for cp in range(0x3000) if _util.PLAIN.fullmatch(chr(cp))]


def test_plain_letters_are_cased_and_fold_like_lower():
    """foreign_language packs a plain word's case by word[0].isupper(); doubled_word
    reads lower-cased text off the casefolded one when no ß changes the length."""
    letters = [c for c in PLAIN_CHARS if re.fullmatch(f"[{_util.PLAIN_LETTER}]", c)]
    assert letters and all(c.isupper() != c.islower() for c in letters)
    assert [c for c in PLAIN_CHARS if c.casefold() != c.lower()] == ["ß"]
    assert all(len(c.casefold()) == 1 for c in PLAIN_CHARS if c != "ß")


def test_rival_words_as_before_for_every_language():
    for lang in available() + ["und", "sr", "ja", "zh", "ko", "xx", "be", "yi", "mn"]:
        assert fd.lang_words(lang) == ref_lang_words(lang), lang


def test_conventions_are_copies():
    conv = _quotes.conventions("en")
    conv.clear()
    assert _quotes.conventions("en")


# ---------------------------------------------------------------- doubled_word

@given(documents, langs)
@settings(max_examples=500, **SLOW)
def test_doubled_word_as_before(ps, lang):
    assert flag_data(doubled_word.detect(ps, lang)) == flag_data(ref_doubled_detect(ps, lang))


def ref_edge_words(chunk):
    """doubled_word._edge_words by its definition."""
    words = list(doubled_word._WORD.finditer(chunk))
    head = words[0].group().casefold() if words and words[0].start() == 0 else doubled_word._NO_HEAD
    tail = words[-1].group().casefold() if words and words[-1].end() == len(chunk) else doubled_word._NO_TAIL
    return head, tail


@given(st.lists(st.one_of(st.sampled_from(WORDS + list(doubled_word._EDGE_PUNCT)),
                          st.text(min_size=1, max_size=3)), min_size=1, max_size=4).map("".join).filter(
    lambda t: not any(c.isspace() for c in t)))
@settings(max_examples=800, **SLOW)
def test_edge_words_by_definition(chunk):
    assert doubled_word._edge_words(chunk) == ref_edge_words(chunk)


def test_edge_words_on_every_character():
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp < 0xE000 or chr(cp).isspace():
            continue
        for chunk in (chr(cp), "(" + chr(cp), chr(cp) + "”.", "«" + chr(cp) + "ж»"):
            assert doubled_word._edge_words(chunk) == ref_edge_words(chunk), hex(cp)


@pytest.mark.parametrize("raws", [
    ["the the", "the the"], ["x", "the the"], ["the", "the"], ["to bring", "deliver"],
    ["He said to bring deliver it.", "Nothing here.", "The the end."], ["Straße STRASSE", "ok ok"],
    ["Straße", "x the the"], ["To Bring deliver", "TO bring deliver", "to bring Deliver"],
    ["that that", "die die"], ["end.", "the the"], ["a\u00a0a", "b\tb"], ["“the the”", "(the the)"],
    ["ßßßßßßßßßß", "the the"], ["ßßßß the the", "x", "to bring deliver"], ["Maße", "x", "the the ß"],
])
def test_doubled_word_across_paragraph_breaks(raws):
    ps = as_paragraphs(raws)
    for lang in ("en", "de", "fr"):
        assert flag_data(doubled_word.detect(ps, lang)) == flag_data(ref_doubled_detect(ps, lang))


# ---------------------------------------------------------------- foreign_language

@given(st.lists(st.one_of(paragraph_raw, st.lists(st.sampled_from(WORDS), min_size=8, max_size=40).map(" ".join)),
                min_size=1, max_size=8), langs)
@settings(max_examples=400, **SLOW)
def test_foreign_cheap_test_as_before(raws, lang):
    texts = [normalize_space(r) for r in raws]
    lim = fd.limits()
    assert fscreen.suspicious_all(texts, lang, lim) == [
        ref_suspicious_by_counts(t, lang, lim) for t in texts]


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join), langs)
@settings(max_examples=300, **SLOW)
def test_dominant_script_from_tokens(text, lang):
    tokens = _util.split_cached(text)
    assert fc.dominant_by_tokens(text, tokens, lang) == fc.dominant(text)


@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6).filter(
    lambda t: not any(c.isspace() for c in t))), min_size=1, max_size=30), langs)
@settings(max_examples=300, **SLOW)
def test_learn_as_before(tokens, lang):
    stop, rival = fd.lang_words(lang)
    new, old = fc._Values(stop, rival), {}
    for tok in tokens:
        new[tok]                # learnt on the first lookup
    ref_learn(set(tokens), old, *ref_lang_words(lang))
    assert dict(new) == old


@given(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=6).filter(
    lambda t: not any(c.isspace() for c in t))), langs)
@settings(max_examples=500, **SLOW)
def test_token_value_and_lookup_form_as_before(tok, lang):
    stop, rival = fd.lang_words(lang)
    assert fc._token_value(tok, stop, rival) == ref_token_value(tok, stop, rival)
    assert fc._token_word(tok) == ref_token_word(tok)
    assert fc.lookup_form(tok) == ref_lookup_form(tok)


def test_lookup_form_fast_path_on_every_character():
    """_lookup_form skips the vowel-point removal below U+0591; _token_word takes
    an alphabetic token whole."""
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        assert fc.lookup_form(c + "a") == ref_lookup_form(c + "a"), hex(cp)
        if c.isalpha():
            assert ref_token_word(c) == c, hex(cp)


@given(documents, langs)
@settings(max_examples=80, **SLOW)
def test_foreign_detect_as_before(ps, lang):
    # the paragraph test; sentences inside paragraphs are new (tests/flags/test_foreign_sentence.py)
    assert flag_data(foreign_language.detect_paragraphs(ps, lang)) == flag_data(ref_foreign_detect(ps, lang))


# ---------------------------------------------------------------- quotes, fragment, mojibake, _util

@given(documents, langs)
@settings(max_examples=500, **SLOW)
def test_quote_scan_as_before(ps, lang):
    assert scan_summary(_quotes._scan(ps, lang)) == scan_summary(ref_scan(ps, lang))


@pytest.mark.parametrize("opener", list(fragment._OPENERS))
def test_fragment_quoted_paragraphs_each_opener(opener):
    raws = ["Plain text.", f"It ended. {opener}a fragment{opener}. Then more.", "x"]
    assert set(fragment._quoted_hits(raws)) == ref_fragment_quoted_at(raws) == {1}


@given(documents, langs)
@settings(max_examples=300, **SLOW)
def test_fragment_quoted_paragraphs_as_before(ps, lang):
    raws = [p.raw for p in ps]
    assert set(fragment._quoted_hits(raws)) == ref_fragment_quoted_at(raws)


@given(documents)
@settings(max_examples=300, **SLOW)
def test_mojibake_candidates_and_joined_searches(ps):
    raws = [p.raw for p in ps]
    for _ in range(2):          # the second time from the memo
        assert mojibake.candidates(raws) == [i for i, r in enumerate(raws) if mojibake._CAND.search(r)]
        for pattern in (_quotes._DOUBLE_RE, "''", "\u201c", doubled_word._UNSPLIT_BLANKS):
            want = [i for i, r in enumerate(raws) if (pattern in r if isinstance(pattern, str) else pattern.search(r))]
            assert _util.hit_paragraphs(pattern, raws) == want
    assert _util.split_all(raws) == [tuple(_util.split_like_regex(r)) for r in raws]


@given(documents, langs)
@settings(max_examples=300, **SLOW)
def test_all_flags_as_before(ps, lang):
    """The quote detectors and fragment over the reference scan, and everything together."""
    new = detect_flags(ps, lang)
    _quotes._last = (None, None)
    ref = ref_scan(ps, lang)
    original = _quotes.scan
    try:
        _quotes.scan = lambda paragraphs, lang="und": ref
        old_quotes = (quote_style.detect(ps, lang) + unbalanced_quote.detect(ps, lang)
                      + fragment.detect(ps, lang))
    finally:
        _quotes.scan = original
        _quotes._last = (None, None)
    new_quotes = quote_style.detect(ps, lang) + unbalanced_quote.detect(ps, lang) + fragment.detect(ps, lang)
    assert flag_data(new_quotes) == flag_data(old_quotes)
    assert flag_data(detect_flags(ps, lang)) == flag_data(new)
