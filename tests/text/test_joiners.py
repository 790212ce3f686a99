"""Never rewrite a word: joiners (ZWNJ, ZWJ) stay wherever they are, and other
zero-width characters inside words too, in every script; only real whitespace is
normalised. So the output is made only of input text, joiners included."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from cleaner.text.segment import norm_to_raw_offsets, normalize_space, split_lines

ZWNJ, ZWJ, ZWSP, WJ = "\u200c", "\u200d", "\u200b", "\u2060"

# Words as a scraper hands them over, several with a joiner or a zero-width
# character inside; a joiner may end a word (र्‍, Malayalam chillu ന്‍).
WORDS = {
    "fa": ["می\u200cخواهم", "کتاب\u200cها", "نمی\u200cدانم", "کم\u200cکم", "آرام\u200cآرام", "خبرگزاری",
           "دولت", "گفت", "که", "این", "طرح", "هفته\u200cی", "آینده", "اجرا", "می\u200cشود."],
    "hi": ["क्\u200dष", "र्\u200d", "क्\u200cष", "सरकार", "ने", "कहा", "कि", "योजना", "अगले", "सप्ताह",
           "लागू", "होगी।", "धीरे\u200dधीरे", "प्रधानमंत्री", "ന്\u200d", "അവന്\u200d", "\u200cx"],
    "emoji": ["👨\u200d👩\u200d👧", "🏳️\u200d🌈", "👩🏽\u200d💻", "🧑\u200d🚀", "❤️\u200d🔥", "👍"],
    "ar": ["قال", "الوزير", "إن", "الحكومة", "ستعلن", "الخطة", "الأسبوع", "المقبل.", "لا\u200dإله"],
    "th": ["รัฐบาล\u200bประกาศ", "แผน\u200bใหม่", "ใน", "สัปดาห์\u200bหน้า", "กรุงเทพ"],
    "cjk": ["政府表示", "新计划将于下周公布。", "東京都は", "発表した。", "정부는", "발표했다."],
    "he": ["מנכ\"ל", "צה\"ל", "הממשלה", "הודיעה", "על", "התוכנית", "החדשה."],
    "en": ["The", "minister", "said", "the", "plan", "would", "go", "ahead", "co\u2060op", "next", "week."],
}
ALL_WORDS = [w for ws in WORDS.values() for w in ws]
# Real whitespace between words, with zero-width characters touching it at times.
GAPS = [" ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2009", " " + ZWSP, ZWSP + " ", "\u00a0" + WJ + " ",
        ZWSP + "\u00a0" + "\ufeff"]
EDGES = ["", "", " ", ZWSP, "\ufeff", "\u00a0"]

script = st.sampled_from(sorted(WORDS))


@st.composite
def line(draw):
    """(raw line, the words it holds)."""
    words = draw(st.lists(st.one_of(script.flatmap(lambda s: st.sampled_from(WORDS[s])),
                                    st.sampled_from(ALL_WORDS)), min_size=1, max_size=14))
    gaps = draw(st.lists(st.sampled_from(GAPS), min_size=len(words) - 1, max_size=len(words) - 1))
    raw = words[0] + "".join(g + w for g, w in zip(gaps, words[1:]))
    return draw(st.sampled_from(EDGES)) + raw + draw(st.sampled_from(EDGES)), words


doc = st.lists(line(), min_size=1, max_size=10)
LANGS = st.sampled_from([None, "en", "fa", "hi", "ar", "th", "zh", "ja", "ko", "he"])
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(line())
def test_normalising_a_line_keeps_every_word_whole(item):
    raw, words = item
    assert normalize_space(raw) == " ".join(words)
    offsets = norm_to_raw_offsets(raw)
    norm = normalize_space(raw)
    # every kept character, joiners included, is the input's character at its offset
    assert all(raw[offsets[k]] == c for k, c in enumerate(norm) if c != " ")


@FAST
@given(doc, LANGS, st.sampled_from(["\n", "\n\n", "\r\n\r\n"]), st.sampled_from(["auto", "article", "page"]))
def test_output_is_made_only_of_input_words(lines, lang, sep, kind):
    text = sep.join(raw for raw, _ in lines)
    result = clean(text, lang=lang, input=kind)
    expected = {" ".join(words) for _, words in lines}
    paras = result.text.split("\n\n") if result.text else []
    for i, para in enumerate(paras):
        if i == 0 and para == result.meta.get("title"):
            assert any(e.startswith(para) for e in expected), para
        else:
            assert para in expected, para
        for c in (ZWNJ, ZWJ):     # no joiner is made up
            assert para.count(c) <= text.count(c)
    for entry in list(result.removed) + list(result.flags):
        assert entry.text == text[entry.start:entry.end]


@FAST
@given(doc)
def test_kept_lines_keep_their_joiners(lines):
    """Each line's joiners between visible characters reach its normalised text."""
    text = "\n".join(raw for raw, _ in lines)
    for ln, (_, words) in zip(split_lines(text), lines):
        inside = sum(w.count(ZWNJ) + w.count(ZWJ) for w in words)
        assert ln.text.count(ZWNJ) + ln.text.count(ZWJ) == inside


def test_persian_words_come_out_unchanged():
    body = ("وزیر گفت که کم\u200cکم اوضاع بهتر می\u200cشود و مردم آرام\u200cآرام به زندگی عادی "
            "برمی\u200cگردند و دولت این طرح را هفته\u200cی آینده اجرا خواهد کرد.")
    result = clean("عنوان خبر\n\n" + body, lang="fa")
    assert body in result.text
    assert not [f for f in result.flags if f.kind == "doubled-word"]   # کم‌کم is one word


def test_a_joiner_touching_a_blank_stays():
    assert normalize_space("अवन्\u200d  \u200cखबर\u200c") == "अवन्\u200d \u200cखबर\u200c"


def test_zero_width_space_touching_a_blank_goes_with_it():
    assert normalize_space("Council\u200b approves \u200bbudget") == "Council approves budget"
    assert normalize_space("\ufeff\u200bRead more\u200b") == "Read more"
    assert normalize_space("ภาษา\u200bไทย") == "ภาษา\u200bไทย"      # a Thai word break stays


def test_no_regex_backtracking_on_long_zero_width_runs():
    raw = "a" + ZWSP * 100_000 + "b " + ZWSP * 100_000 + " c" + WJ * 100_000
    assert normalize_space(raw) == "a" + ZWSP * 100_000 + "b c"
    assert len(norm_to_raw_offsets(raw)) == len(normalize_space(raw)) + 1
