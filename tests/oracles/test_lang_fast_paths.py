"""The speed work in cleaner/lang/ (language id) and the foreign-language flag
changes no answer: each new function is held against a reference copy of the
code it replaced (kept here), on generated text in many scripts and on
paragraphs mixing languages. langdetect itself is the reference for the faster
detector in cleaner.lang.langdetect_fast. No timing assertions.
"""
from __future__ import annotations

import gc
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

#: equivalence hunts (speed work leaves results as before): `python -m pytest -m slow`
pytestmark = pytest.mark.slow

from cleaner.lang import langdetect_fast as _langdetect_fast
from cleaner.lang import codes, detect, langdetect_run, scripts, vote
from cleaner.flags import foreign_language
from cleaner.flags import _foreign_counts as fc, _foreign_data as fd, _foreign_judge as fj, _foreign_screen as fscreen
from cleaner.flags._util import make_flag, stripped_span
from cleaner.lang.stopwords import stopwords
from paragraphs import para

# ---------------------------------------------------------------- generated text

# A few words per language, stopwords among them, so that paragraphs pass or fail
# the cheap test, and langdetect has something to say.
VOCAB = {
    "en": "the of and to in is that for it with as was on be at by this had not are but from".split()
          + "government minister said people market report week city police water".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im nicht ein eine als auch".split()
          + "Regierung Minister sagte Menschen Markt Bericht Woche Stadt Polizei Wasser".split(),
    "fr": "le la les de des et en un une du est que pour dans qui pas sur au avec ce".split()
          + "gouvernement ministre déclaré personnes marché rapport semaine ville police eau".split(),
    "es": "el la de que y en los del se las por un para con no una su al es lo".split()
          + "gobierno ministro dijo personas mercado informe semana ciudad policía agua".split(),
    "pt": "o a de que e do da em um para com não uma os no se na por mais as".split()
          + "governo ministro disse pessoas mercado relatório semana cidade polícia água".split(),
    "it": "il di che e la per un in è non una sono del della le si con da".split()
          + "governo ministro detto persone mercato rapporto settimana città polizia acqua".split(),
    "nl": "de het een van en in is dat op te zijn met voor niet die aan er".split(),
    "pl": "i w nie na się z do to że jest o jak ale po co tak za od".split(),
    "tr": "ve bir bu da de için ile olarak daha çok gibi en kadar ancak sonra".split(),
    "vi": "của và các có được trong là cho những với không này người một đã".split()
          + ["a\u0300", "e\u0301 ", "o\u0303", "Vie\u0323t"],
    "so": "iyo waxaa oo ka ee in ay u la waa soo ku ayaa dalka xukuumadda".split(),
    "ru": "и в не на что с по это как он из к но за от так же все".split()
          + "правительство министр заявил люди рынок доклад неделя город полиция вода".split(),
    "uk": "і в не на що з до це як він та за але від так же її".split(),
    "bg": "и в на да се от за не че с е по като са до това".split(),
    "el": "και το η της του να με για σε από που τα στο είναι οι".split(),
    "ar": "في من على أن إلى عن مع هذا التي الذي كان قال الحكومة الوزير".split() + ["ﻻ", "كَتَبَ"],
    "fa": "و در به از که این را با است برای یک آن می شود".split(),
    "he": "של את על לא הוא זה עם כי גם אבל היא שָׁלוֹם".split(),
    "hi": "के में की है और से को का एक पर यह भी कि".split(),
    "zh": "我们 政府 部长 表示 市场 报告 城市 警察 中国 人民 的 是 在".split(),
    "ja": "これは 日本語 の 文章 です。 政府 は 東京 で カタカナ ひらがな".split(),
    "ko": "정부 장관 시장 보고서 도시 경찰 한국 사람 은 는 이 가".split(),
    "th": "ภาษาไทย รัฐบาล รัฐมนตรี ตลาด รายงาน เมือง ตำรวจ".split(),
}
NOISE = ["NATO", "USA", "McDonald", "iPhone", "2019", "12,5", "$30", "(AFP)", "—", "–", "…", "«", "»", "“",
         "”", "„", "'", "http://example.com/a?b=1", "www.x.org", "me@example.org", "page.html", "U.S.",
         "\u00a0", "Ã©", "â€™", "\ufffd", "ß", "İstanbul", "\u212aelvin", "ﬁne", "ｆｕｌｌ", "ȘȚșț", "Ññ",
         "\u2019s", "don't", "well-known", "x_y", "A.", "B.", "\u200b", "\t", "  "]
CODES = sorted(VOCAB)
BLANKS = [" "] * 8 + ["  ", "\t", "\u00a0", " \u200b", "\u3000"]


def _words(draw, code, n):
    return [draw(st.sampled_from(VOCAB[code] + NOISE[:4] if draw(st.integers(0, 9)) else NOISE)) for _ in range(n)]


@st.composite
def sentences(draw, code=None):
    code = code or draw(st.sampled_from(CODES))
    words = _words(draw, code, draw(st.integers(1, 24)))
    out = ""
    for w in words:
        out += w + draw(st.sampled_from(BLANKS))
    return out.strip() + draw(st.sampled_from([".", "", "!", "?", ":", ","]))


@st.composite
def paragraphs_text(draw):
    """One or more sentences; half the time all in one language, else mixed."""
    if draw(st.booleans()):
        code = draw(st.sampled_from(CODES))
        parts = draw(st.lists(sentences(code), min_size=1, max_size=4))
    else:
        parts = draw(st.lists(sentences(), min_size=1, max_size=4))
    return " ".join(parts)


@st.composite
def documents(draw):
    """Lines: paragraphs, menu items, blanks, with assorted line breaks."""
    lines = draw(st.lists(st.one_of(paragraphs_text(), sentences(), st.sampled_from(["", "  ", "Home", "Menu »"])),
                          min_size=0, max_size=12))
    breaks = draw(st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\u2028", "\x0c"]), min_size=len(lines),
                           max_size=len(lines)))
    return "".join(ln + b for ln, b in zip(lines, breaks))


ANY_TEXT = st.one_of(st.text(max_size=80), st.text(st.characters(codec=None, exclude_categories=()), max_size=40),
                     paragraphs_text())
SLOW = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ---------------------------------------------------------------- reference copies (before the speed work)

_WORD = re.compile(r"\w+")
_ASCII_NON_LETTERS = re.compile(r"[^A-Za-z\u0080-\U0010ffff]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def ref_sample(text, limit=detect.SAMPLE_CHARS):
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    prose = [(i, ln) for i, ln in enumerate(lines) if len(_WORD.findall(ln)) >= 6]
    pool = prose or list(enumerate(lines))
    chosen = []
    size = 0
    for i, ln in sorted(pool, key=lambda t: (-len(t[1]), t[0])):
        if size >= limit:
            break
        piece = ln[: limit - size]
        chosen.append((i, piece))
        size += len(piece) + 1
    return "\n".join(ln for _, ln in sorted(chosen))


def ref_script_counts(text):
    counts = {}
    ascii_letters = len(_NON_ASCII.sub("", _ASCII_NON_LETTERS.sub("", text)))
    if ascii_letters:
        counts["latin"] = ascii_letters
    if text.isascii():
        return counts
    for ch, n in Counter("".join(_NON_ASCII.findall(text))).items():
        name = scripts.letter_script(ch)
        if name is not None:
            counts[name] = counts.get(name, 0) + n
    return counts


def ref_stopword_vote(sample, script):
    words = [w for w in _WORD.findall(sample.lower()) if len(w) > 1][:vote._VOTE_MAX_WORDS]
    if len(words) < vote._VOTE_MIN_WORDS:
        return None
    index = vote._vote_index(script)
    score = {}
    for w in words:
        votes = index.get(w)
        if votes:
            for code, share in votes:
                score[code] = score.get(code, 0.0) + share
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    n = len(words)
    if best_score < vote._VOTE_MARGIN * runner_up:
        return None
    own = stopwords(best)
    if sum(w in own for w in words) < vote._VOTE_MIN_DENSITY * n:
        return None
    return best


def ref_langdetect_probs(text, candidates=None, max_chars=detect.SAMPLE_CHARS):
    """langdetect_probs with langdetect's own Detector (factory.create())."""
    try:
        f = langdetect_run._factory()
        d = f.create()
        d.set_max_text_length(max_chars)
        if candidates:
            prior = {c: 1.0 for c in candidates if c in f.langlist}
            if prior:
                d.set_prior_map(prior)
        d.append(text[:max_chars])
        probs = d.get_probabilities()
    except Exception:
        return []
    out = {}
    for p in probs:
        code = codes.normalize_code(p.lang)
        out[code] = out.get(code, 0.0) + float(p.prob)
    return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))


def ref_detect_language(text):
    if not text:
        return "und"
    sample = ref_sample(text)
    counts = ref_script_counts(sample)
    if sum(counts.values()) < detect._MIN_LETTERS:
        return "und"
    script, share = scripts.dominant_script(counts)
    if script != "latin" and share >= detect._DOMINANT:
        if script == "kana":
            return "ja"
        if script == "han":
            return "zh"
        if script in scripts.SCRIPT_LANG:
            return scripts.SCRIPT_LANG[script]
        if script == "cyrillic":
            low = sample.lower()
            for letters, code in detect._CYRILLIC_MARKS:
                if any(ch in low for ch in letters):
                    return code
        if script == "cyrillic":
            voted = ref_stopword_vote(sample, script)
            if voted:
                return voted
        if script in scripts.SCRIPT_CANDIDATES:
            probs = ref_langdetect_probs(sample, scripts.SCRIPT_CANDIDATES[script])
            return probs[0][0] if probs else "und"
    if script in ("latin", "cyrillic"):
        voted = ref_stopword_vote(sample, script)
        if voted:
            return voted
    probs = ref_langdetect_probs(sample)
    if not probs or probs[0][1] < detect._MIN_PROB:
        return "und"
    return probs[0][0]


def ref_foreign_detect(paragraphs, lang):
    """foreign_language.detect as it was: the word-by-word cheap test, and the
    full langdetect answer for every suspicious paragraph."""
    fl = foreign_language
    if not lang or lang == "und":
        return []
    conf = fd.conf()
    min_p = float(conf.get("min_probability", 0.9))
    max_chars = int(conf.get("sample_chars", 600))
    min_found = float(conf.get("min_detected_density", 0.15))
    same = fd.similar(lang)
    flags = []
    for p in paragraphs:
        text = p.text
        if not fscreen.suspicious_exact(text, lang):
            continue
        probs = ref_langdetect_probs(text, max_chars=max_chars)
        if not probs:
            continue
        top, prob = probs[0]
        if prob < min_p or top in same:
            continue
        found = fc.stop_density([fc.lookup_form(w) for w in fc.words_of(text)], top)
        if found is not None and found < min_found:
            continue
        i, j = stripped_span(p.raw)
        flags.append(make_flag(p, i, j, fl.KIND, fl.RULE,
                               f"paragraph looks like '{top}' (p={prob:.2f}), document is '{lang}'"))
    return flags


# ---------------------------------------------------------------- cleaner.lang

def test_the_fast_detector_is_in_use():
    """The tests below compare something: with langdetect 1.0.9 the faster
    detector runs (any other version runs langdetect's own)."""
    from importlib.metadata import version

    from langdetect.detector import Detector

    cls = _langdetect_fast.detector_class()
    assert issubclass(cls, Detector)
    assert (cls is not Detector) == (version("langdetect") == "1.0.9")


def test_factory_is_loaded_once_and_leaves_the_collector_as_it_was():
    assert langdetect_run._factory() is langdetect_run._factory()
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            f = langdetect_run._factory.__wrapped__()      # a fresh load
            assert gc.isenabled() == state
            assert f.langlist == langdetect_run._factory().langlist and f.seed == 0
    finally:
        (gc.enable if was else gc.disable)()


@given(documents(), st.sampled_from([detect.SAMPLE_CHARS, 0, -1, 1, 10, 200]))
@settings(max_examples=300, **SLOW)
def test_sample_as_before(text, limit):
    assert detect._sample(text, limit) == ref_sample(text, limit)


@given(st.one_of(ANY_TEXT, st.text(alphabet="ab_1 .,\u00e9\u0301\u4e2d-\n", max_size=40)))
@settings(max_examples=500, deadline=None)
def test_prose_line_is_six_words(line):
    assert bool(detect._PROSE.search(line)) == (len(_WORD.findall(line)) >= 6)


@given(ANY_TEXT)
@settings(max_examples=500, deadline=None)
def test_script_counts_as_before(text):
    assert scripts.script_counts(text) == ref_script_counts(text)


def test_script_counts_with_lone_surrogates():
    for text in ["\ud800", "ab\udfffcd", "x\ud83d\ude00y", "\udc80\udc81ABC"]:
        assert scripts.script_counts(text) == ref_script_counts(text)


@given(documents(), st.sampled_from(["latin", "cyrillic"]))
@settings(max_examples=300, **SLOW)
def test_stopword_vote_as_before(text, script):
    sample = detect._sample(text)
    assert vote.stopword_vote(sample, script) == ref_stopword_vote(sample, script)


@given(documents())
@settings(max_examples=150, **SLOW)
def test_detect_language_as_before(text):
    code = detect.detect_language(text)
    event(f"detected {code}")
    assert code == ref_detect_language(text)


@given(st.one_of(paragraphs_text(), documents(), st.text(max_size=60)),
       st.sampled_from([None, ("ru", "uk", "bg", "mk"), ("ar", "fa", "ur"), ("hi", "mr", "ne")]),
       st.sampled_from([detect.SAMPLE_CHARS, 600, 40, 3, 0]))
@settings(max_examples=200, **SLOW)
def test_langdetect_probs_as_langdetect(text, candidates, max_chars):
    assert langdetect_run.langdetect_probs(text, candidates, max_chars) == ref_langdetect_probs(text, candidates, max_chars)


@given(paragraphs_text(), st.sampled_from(CODES), st.sampled_from([0.9, 0.5, 0.3, 0.99, 1.5, 0.0]))
@settings(max_examples=150, **SLOW)
def test_give_up_only_when_no_other_language_can_win(text, code, min_p):
    codes = fd.similar(code)
    full = langdetect_run.langdetect_probs(text, max_chars=600)
    quick = langdetect_run.langdetect_probs(text, max_chars=600, give_up=(codes, min_p))
    assert quick == full or quick == []
    event("gave up" if quick != full else "answered")
    if quick == [] and full:
        assert all(p < min_p for c, p in full if c not in codes)


@given(st.one_of(paragraphs_text(), documents()),
       st.sampled_from([None, ("ru", "uk", "bg", "mk"), ("ar", "fa", "ur"), ("hi", "mr", "ne")]),
       st.sampled_from([0.0, 0.5, 0.9, 0.3, 1.0]))
@settings(max_examples=150, **SLOW)
def test_langdetect_top_as_the_full_answer(text, candidates, min_prob):
    sample = detect._sample(text) or text
    probs = ref_langdetect_probs(sample, candidates)
    expected = probs[0][0] if probs and probs[0][1] >= min_prob else "und"
    assert langdetect_run.langdetect_top(sample, candidates, min_prob) == expected


def test_langdetect_top_asks_a_stand_in_plainly(monkeypatch):
    calls = []
    monkeypatch.setattr(langdetect_run, "langdetect_probs", lambda text, *a, **kw: calls.append((a, kw)) or [("de", 0.6)])
    assert langdetect_run.langdetect_top("ein Satz", None, 0.5) == "de"
    assert langdetect_run.langdetect_top("ein Satz", ("ru",), 0.7) == "und"
    assert calls == [((), {}), ((("ru",),), {})]


@pytest.mark.parametrize("text", [
    "", " ", "   \n\t ", "1234 5678", "http://example.com/x me@example.org", "A", "ABC DEF GHI", "NATO USA EU",
    "Việt Nam", "Vie\u0323t Nam", "ȘȚșț ăîâ", "日本語のテキストです", "中文文本 English words", "한국어 텍스트",
    "Привет мир, hello world", "«Quote» – “quote” — ‘x’ … ", "a  b   c    d", "x" * 2000,
])
def test_langdetect_probs_as_langdetect_on_edge_cases(text):
    for max_chars in (detect.SAMPLE_CHARS, 600, 5):
        assert langdetect_run.langdetect_probs(text, max_chars=max_chars) == ref_langdetect_probs(text, max_chars=max_chars)


# ---------------------------------------------------------------- foreign-language flags

TOKENS = sorted({w for words in VOCAB.values() for w in words} | set(NOISE) - set(BLANKS) - {"\u200b", "\t", "\u00a0"})


@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(min_size=1, max_size=8).filter(lambda t: not any(
    c.isspace() for c in t))), min_size=1, max_size=30), st.sampled_from(CODES + ["sr", "und"]))
@settings(max_examples=300, deadline=None)
def test_values_learn_token_value(tokens, lang):
    stop, rival = fd.lang_words(lang)
    values = fc._Values(stop, rival)
    assert sum(map(values.__getitem__, tokens)) == sum(fc._token_value(t, stop, rival) for t in tokens)
    assert dict(values) == {t: fc._token_value(t, stop, rival) for t in set(tokens)}


def test_token_values_stay_bounded(monkeypatch):
    """The per-language cache is dropped once it holds _MAX_CACHED tokens, and
    answers the same after."""
    monkeypatch.setattr(fc, "_MAX_CACHED", 10)
    stop, rival = fd.lang_words("en")
    values = fc._Values(stop, rival)
    words = [f"word{i}" for i in range(25)] + ["the", "The"]
    totals = [values[w] for w in words]
    assert len(values) <= 11
    assert totals == [fc._token_value(w, stop, rival) for w in words]


@st.composite
def flagged_documents(draw):
    """A document language and paragraphs, mostly in it, some in others."""
    lang = draw(st.sampled_from(CODES + ["sr", "und"]))
    home = lang if lang in VOCAB else "en"
    paras = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            paras.append(" ".join(draw(st.lists(sentences(home), min_size=1, max_size=3))))
        elif kind == 1:
            paras.append(" ".join(draw(st.lists(sentences(draw(st.sampled_from(CODES))), min_size=1, max_size=3))))
        else:
            paras.append(draw(paragraphs_text()))
    return lang, paras


@given(flagged_documents())
@settings(max_examples=120, **SLOW)
def test_foreign_language_flags_as_before(doc):
    lang, texts = doc
    ps, pos = [], 0
    for t in texts:
        ps.append(para(t, start=pos))
        pos += len(t) + 2
    fj._probs.cache_clear()
    # the paragraph test; sentences inside paragraphs are new (tests/flags/test_foreign_sentence.py)
    flags = foreign_language.detect_paragraphs(ps, lang)
    event(f"{min(len(flags), 2)} flag(s)")
    assert flags == ref_foreign_detect(ps, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln für alle Unternehmen gelten "
           "sollen, die in Deutschland tätig sind und mehr als zehn Mitarbeiter haben."),
    ("de", "The government said on Wednesday that the new rules would apply to all companies that operate in "
           "the country and have more than ten employees."),
    ("en", "Правительство заявило в среду, что новые правила будут применяться ко всем компаниям в стране."),
    ("ru", "Уряд заявив у середу, що нові правила застосовуватимуться до всіх компаній, які працюють в країні."),
    ("en", "Tomato Cucumber Salad (½ cup cherry tomatoes, ½ cup cucumber, 1 tbsp olive oil, salt and pepper)"),
    ("it", "11) zerbino d’ ingresso tappetino Goonies Never say die"),
    ("id", "ْﺐِﺒْﺣَﺃ َﻚَﺒﻴِﺒَﺣ ﺎًﻧْﻮَﻫ ﺎَﻣ ﻰَﺴَﻋ ْﻥَﺃ َﻥﻮُﻜَﻳ َﻚَﻀْﻴِﻐَﺑ ﺎًﻣْﻮَﻳ ﺎَﻣ"),
    ("pt", "calendario stock car 2018, stock car brasil, stock car cascavel, stock car curitiba, stock car"),
])
def test_foreign_language_flags_as_before_on_known_cases(lang, text):
    ps = [para("An opening line of the document, in no particular language."), para(text, start=70)]
    fj._probs.cache_clear()
    # the paragraph test; sentences inside paragraphs are new (tests/flags/test_foreign_sentence.py)
    assert foreign_language.detect_paragraphs(ps, lang) == ref_foreign_detect(ps, lang)


def test_give_up_is_asked_of_the_real_function_only(monkeypatch):
    """A stand-in for langdetect_probs gets the plain call (no give_up keyword)."""
    calls = []
    monkeypatch.setattr(langdetect_run, "langdetect_probs", lambda text, **kw: calls.append(kw) or [("de", 1.0)])
    fj._probs.cache_clear()
    assert fj._langdetect("ein Satz", 600, frozenset({"en"}), 0.9) == [("de", 1.0)]
    assert calls == [{"max_chars": 600}]


def test_the_library_never_freezes_its_hosts_objects():
    """gc.freeze() would keep a host's future cyclic garbage forever: only the
    clean command opts in."""
    assert langdetect_run.FREEZE_AFTER_LOAD is False
    before = gc.get_freeze_count()
    langdetect_run._factory.__wrapped__()
    assert gc.get_freeze_count() == before


def test_the_clean_command_freezes_after_loading_langdetect():
    import subprocess
    import sys
    code = ("import gc, sys; from cleaner.cli import main as cli; from cleaner.lang import langdetect_run as lang; sys.argv = ['clean', '--version'];\n"
            "try: cli.entry()\nexcept SystemExit: pass\n"
            "assert lang.FREEZE_AFTER_LOAD; before = gc.get_freeze_count(); lang._factory();"
            " print(gc.get_freeze_count() > before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "True"
