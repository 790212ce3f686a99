"""The main-text finder's fast paths against straightforward reference
implementations (the code they replaced), on generated multi-line texts."""
import dataclasses
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.mechanisms.mainfinder import DEFAULT, gate, span
from cleaner.mechanisms.mainfinder import features as mf
from cleaner.text.segment import split_lines
from cleaner.text.scan import indices_holding

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- reference implementations ------------------------------------------------

def _ref_has_any(text, cues):
    return any(cue in text for cue in cues)


def _ref_features(lines, lang, max_link_density, min_separators):
    """features.line_features as it was: every test on every line."""
    stop = mf.lang_stopwords(lang)
    feats = []
    for ln in lines:
        text = ln.text
        if not text:
            continue
        f = {"idx": ln.index, "low": ln.low}
        dense = 0 if text.isascii() else len(mf._DENSE.findall(text))
        f["length"] = len(text) + 2 * dense
        f["words"] = max(len(text.split()), f["length"] // 6 if dense else 0)
        f["toks"] = mf._TOKEN.findall(ln.low)
        lower = len(mf._LOWER_WORD.findall(text))
        cased = lower + len(mf._UPPER_WORD.findall(text))
        f["lower_share"] = lower / cased if cased else 0.5
        f["terminal"] = bool(mf._TERMINAL.search(text))
        f["bullet"] = bool(mf._BULLET.match(text))
        toks = f["toks"]
        if stop and not dense:
            f["density"] = sum(t in stop for t in toks) / len(toks) if toks else 0.0
        else:
            sentence = f["terminal"] or bool(mf.SENTENCE_INSIDE.search(text))
            if sentence and (dense or f["lower_share"] >= 0.5):
                f["density"] = 0.4
            elif sentence or f["lower_share"] >= 0.6:
                f["density"] = 0.31
            else:
                f["density"] = 0.1
        url_chars = (sum(len(m) for m in mf._URL.findall(text))
                     if _ref_has_any(text, mf._URL_CUES) else 0)
        f["link"] = (url_chars > max_link_density * len(text)
                     or (_ref_has_any(text, mf._SEPARATOR_CUES)
                         and len(mf._SEPARATORS.findall(text)) >= min_separators)
                     or bool(mf._copyright(lang)[0].search(ln.low)))
        feats.append(f)
    _ref_mark_duplicates(feats)
    return feats


def _ref_mark_duplicates(feats, n=4):
    seen = set()
    owner = {}
    for pos, f in enumerate(feats):
        toks = f["toks"]
        text = " ".join(toks)
        shingles = list(zip(*(toks[k:] for k in range(n))))
        f["dup"] = 0
        if f["length"] >= DEFAULT.min_good_chars and text in seen:
            f["dup"] = 1
        elif len(shingles) >= 8:
            sources = set()
            covered = 0
            for sh in shingles:
                o = owner.get(sh)
                if o is not None:
                    covered += 1
                    sources.add(o)
            if covered >= DEFAULT.min_dup_share * len(shingles) and len(sources) >= 2:
                f["dup"] = 2
        seen.add(text)
        for sh in shingles:
            owner.setdefault(sh, pos)


def _ref_title_anchors(feats, title_index):
    if title_index is None:
        title_pos = 0
    else:
        title_pos = next((k for k, f in enumerate(feats) if f.idx == title_index), None)
        if title_pos is None:
            return []
    title = feats[title_pos]
    if title.length > DEFAULT.max_title_chars or not title.toks:
        return []
    tset = set(title.toks)
    out = []
    for k in range(title_pos + 1, len(feats)):
        f = feats[k]
        if f.length > DEFAULT.max_title_chars or not f.toks:
            continue
        if len(f.low) >= 10 and f.low in title.low:
            out.append(k)
        elif len(f.toks) >= 3:
            fset = set(f.toks)
            common = len(fset & tset)
            if common >= 0.8 * len(fset) and common >= 0.5 * len(tset):
                out.append(k)
        if len(out) >= DEFAULT.max_anchors:
            break
    return out


def _ref_is_menu_line(text):
    return (len(text) < DEFAULT.max_menu_line_chars and len(text.split()) <= DEFAULT.max_menu_words
            and not mf._TERMINAL.search(text) and not mf.DIGIT.search(text))


# --- generated text -------------------------------------------------------------

# pieces that exercise every feature: stopwords, case, URLs and their cues,
# separators, copyright, bullets, digits, sentence ends and closers, scripts
# without spaces, whitespace the regexes and str.split disagree on
PIECES = ["the", "of", "and", "a", "to", "in", "is", "der", "die", "und", "la", "de",
          "river", "park", "council", "plan", "Home", "News", "World", "Sign", "In",
          "İstanbul", "ǅemal", "Ωmega", "ß", "straße",
          "http://x.com/a", "www.example.org", "me@mail.net", "page.html", "site.co.uk",
          "a.php?x=1", "://", "@", ".com", "|", " | ", " » ", "·", "•", "/", " / ",
          "©", "(c) 2024", "(C)", "&copy", "Copyright", "all rights reserved", "all rightſ reserved", "COPYRİGHT",
          "- ", "• ", "1. ", "12) ", "2024", "٣", ".", "!", "?", "…", "。", "！", ";", ":",
          "\"", "'", "”", "’", "»", ")", "]", ",", "東京", "ひらがな", "カタカナ", "ภาษาไทย",
          "ລາວ", "ខ្មែរ", "မြန်မာ", "한국어", "\u00a0", "\x1c", "\t", "  ", "€", "ﬁ", "\ufffd", "🙂"]

piece_lines = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
any_lines = st.text(max_size=80)
# repeats of earlier lines and of their word runs make duplicates and anchors
page = st.lists(st.one_of(piece_lines, piece_lines, any_lines, st.just("")), min_size=1, max_size=30)


@st.composite
def pages(draw):
    lines = draw(page)
    extra = draw(st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29), st.integers(0, 29)),
                          max_size=6))
    for a, b, c in extra:
        src = " ".join(lines[i % len(lines)] for i in (a, b))
        lines.insert(c % (len(lines) + 1), src)
    return "\n".join(lines)


LANGS = st.sampled_from(["en", "de", "", "zh", "xx", "EN_us"])


# --- the properties ----------------------------------------------------------------

@FAST
@given(pages(), LANGS, st.sampled_from([0.0, 0.2, 0.9]), st.integers(0, 3))
def test_features_match_reference(raw, lang, max_link_density, min_separators):
    lines = split_lines(raw)
    options = dataclasses.replace(DEFAULT, max_link_density=max_link_density, min_separators=min_separators)
    new = mf.line_features(lines, lang, options)
    ref = _ref_features(lines, lang, max_link_density, min_separators)
    assert len(new) == len(ref)
    for f, r in zip(new, ref):
        for key, value in r.items():
            assert getattr(f, key) == value, (key, f.low)


@FAST
@given(pages(), st.integers(-1, 40))
def test_title_anchors_match_reference(raw, title_index):
    lines = split_lines(raw)
    feats = mf.line_features(lines, "en", DEFAULT)
    title_index = None if title_index < 0 else title_index
    if not feats:
        return      # find_boilerplate stops before looking for anchors
    got = span._title_anchors(feats, title_index, DEFAULT.max_title_chars, DEFAULT.max_anchors)
    assert got == _ref_title_anchors(feats, title_index)


@FAST
@given(pages())
def test_menu_line_matches_reference(raw):
    for ln in split_lines(raw):
        assert gate.is_menu_line(ln.text) == _ref_is_menu_line(ln.text)


@FAST
@given(st.lists(st.one_of(st.text(max_size=30), piece_lines), max_size=12))
def test_cue_lines_match_per_line_test(texts):
    # texts may even contain the joining newline
    groups = (mf._URL_CUES, mf._SEPARATOR_CUES, mf._copyright("ko")[1])
    got = [set(indices_holding(cues, texts)) for cues in groups]
    for cues, hits in zip(groups, got):
        assert hits == {k for k, t in enumerate(texts) if _ref_has_any(t, cues)}


TERMINAL_ALPHABET = st.sampled_from(list(mf._TERMINAL_CHARS + mf._CLOSERS) + ["a", " ", "\n", "\r", "\u2028", "(", "["])


@FAST
@given(st.one_of(st.text(TERMINAL_ALPHABET, max_size=8), st.text(max_size=20)))
def test_is_terminal_matches_regex(text):
    assert mf.is_terminal(text) == bool(mf._TERMINAL.search(text))


@FAST
@given(st.one_of(st.text(max_size=40), piece_lines))
def test_dense_chars_and_tokens_match_regex(text):
    assert mf._dense_chars(text) == len(mf._DENSE.findall(text))
    assert mf._tokens(text.lower()) == mf._TOKEN.findall(text.lower())


def test_maybe_dense_covers_every_dense_character():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    missed = [m.group() for m in mf._DENSE.finditer(everything) if not mf._MAYBE_DENSE.match(m.group())]
    assert missed == []


def test_ascii_token_class_is_the_word_class_on_ascii():
    for c in map(chr, range(128)):
        assert bool(mf._ASCII_TOKEN.fullmatch(c)) == bool(mf._TOKEN.fullmatch(c)), repr(c)
