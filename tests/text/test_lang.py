"""Tests for cleaner.lang: language identification (detect, vote, langdetect_run), scripts and codes."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.lang import detect, langdetect_run, vote
from cleaner.lang.codes import given_code, normalize_code
from cleaner.lang.detect import detect_language
from cleaner.lang.scripts import script_counts, script_of

ROOT = pathlib.Path(__file__).resolve().parents[2]

TEXTS = {
    "en": "The government said on Monday that it would continue to support the reform programme "
          "despite strong opposition in parliament and on the streets of the capital.",
    "de": "Die Bundesregierung hat am Montag angekündigt, dass sie die Reform trotz des Widerstands "
          "der Opposition im Parlament fortsetzen wird.",
    "fr": "Le gouvernement a annoncé lundi qu'il poursuivrait le programme de réformes malgré "
          "l'opposition du parlement et des syndicats.",
    "pl": "Rząd zapowiedział w poniedziałek, że będzie kontynuował program reform mimo sprzeciwu "
          "opozycji w parlamencie.",
    "es": "El gobierno anunció el lunes que continuará con el programa de reformas a pesar de la "
          "oposición del parlamento.",
    "uk": "Уряд у понеділок заявив, що продовжить підтримувати програму реформ, незважаючи на опір "
          "опозиції в парламенті.",
    "ru": "Правительство в понедельник заявило, что продолжит поддерживать программу реформ, "
          "несмотря на сопротивление оппозиции.",
    "bg": "Правителството заяви в понеделник, че ще продължи да подкрепя програмата за реформи "
          "въпреки съпротивата на опозицията.",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι θα συνεχίσει το πρόγραμμα μεταρρυθμίσεων παρά "
          "την αντίθεση της αντιπολίτευσης.",
    "ja": "政府は月曜日、野党の反対にもかかわらず改革プログラムを継続すると発表しました。",
    "zh": "政府星期一宣布，尽管反对派在议会中强烈反对，仍将继续推进改革计划。",
    "ko": "정부는 월요일 야당의 반대에도 불구하고 개혁 프로그램을 계속 추진하겠다고 밝혔다.",
    "he": "הממשלה הודיעה ביום שני כי תמשיך בתוכנית הרפורמות למרות התנגדות האופוזיציה בכנסת.",
    "ar": "أعلنت الحكومة يوم الاثنين أنها ستواصل برنامج الإصلاحات رغم معارضة البرلمان والنقابات.",
    "fa": "دولت روز دوشنبه اعلام کرد که با وجود مخالفت مجلس، برنامه اصلاحات را ادامه خواهد داد.",
    "hi": "सरकार ने सोमवार को कहा कि वह संसद में विपक्ष के विरोध के बावजूद सुधार कार्यक्रम जारी रखेगी।",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_language(code):
    assert detect_language(TEXTS[code]) == code


@pytest.mark.parametrize("text", ["", "   \n\n ", "ok", "Hi!", "12345 67890 2024-06-28", "—", "\x00\x01"])
def test_undetermined_for_tiny_or_empty_text(text):
    assert detect_language(text) == "und"


def test_never_raises_and_returns_und_on_langdetect_failure(monkeypatch):
    def boom():
        raise RuntimeError("no profiles")

    monkeypatch.setattr(langdetect_run, "_factory", boom)
    # short: below what the stopword vote decides alone, so langdetect is asked
    assert detect_language("The government said on Monday that it would continue.") == "und"
    assert langdetect_run.langdetect_probs(TEXTS["en"]) == []


def test_document_with_boilerplate_uses_prose_lines():
    doc = "\n".join(["Home", "News", "Login", "Menu", TEXTS["de"], "Share", TEXTS["de"], "© 2024"])
    assert detect_language(doc) == "de"


def test_sample_is_bounded_and_prefers_long_prose_lines():
    short = "Home | News | Sport"
    prose = [TEXTS["en"] + f" Line {i}." for i in range(200)]
    sample = detect._sample("\n".join([short] + prose))
    assert len(sample) <= detect.SAMPLE_CHARS + 20
    assert short not in sample
    assert sample.startswith(TEXTS["en"][:40])


def test_big_input_is_fast():
    big = "\n".join([TEXTS["fr"]] * 20000)          # ~2.3 MB
    detect_language(big)                            # warm up (loads profiles)
    t = time.perf_counter()
    assert detect_language(big) == "fr"
    assert time.perf_counter() - t < 2.0


def test_repeated_calls_are_identical():
    mixed = TEXTS["en"][:60] + " " + TEXTS["de"][:60] + " " + TEXTS["fr"][:40]
    first = [detect_language(t) for t in (mixed, *TEXTS.values())]
    for _ in range(3):
        assert [detect_language(t) for t in (mixed, *TEXTS.values())] == first
    probs = langdetect_run.langdetect_probs(mixed)
    assert probs and probs == langdetect_run.langdetect_probs(mixed)


def test_same_answer_in_another_process():
    mixed = TEXTS["en"][:60] + " " + TEXTS["de"][:60] + " " + TEXTS["fr"][:40]
    code = ("import sys, json; from cleaner.lang.detect import detect_language; "
            "from cleaner.lang.langdetect_run import langdetect_probs; "
            "t = json.loads(sys.argv[1]); "
            "print(json.dumps([detect_language(x) for x in t] + [langdetect_probs(t[0])]))")
    import json

    texts = [mixed, *TEXTS.values()]
    expected = json.loads(json.dumps([detect_language(x) for x in texts] + [langdetect_run.langdetect_probs(mixed)]))
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        out = subprocess.run([sys.executable, "-c", code, json.dumps(texts)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=60, check=True)
        assert json.loads(out.stdout) == expected


def test_langdetect_is_imported_lazily_and_skipped_when_stopwords_decide():
    """langdetect (0.3 s to load, ~3 ms a call) runs only when the stopword vote is unsure."""
    clear = " ".join([TEXTS["en"]] * 3)
    code = ("import sys, cleaner.lang.detect, cleaner.flags; a = 'langdetect' in sys.modules; "
            "cleaner.lang.detect.detect_language('ok'); b = 'langdetect' in sys.modules; "
            f"c = cleaner.lang.detect.detect_language({clear!r}); d = 'langdetect' in sys.modules; "
            "cleaner.lang.detect.detect_language('The government said on Monday that it would continue.'); "
            "print(a, b, c, d, 'langdetect' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.split() == ["False", "False", "en", "False", "True"]


@pytest.mark.parametrize("code", ["en", "de", "fr", "pl", "es", "uk", "ru"])
def test_stopword_vote_names_clear_prose(code):
    text = " ".join([TEXTS[code]] * 3)
    script = "cyrillic" if code in ("uk", "ru") else "latin"
    assert vote.stopword_vote(text, script) == code


@pytest.mark.parametrize("text", [
    "Ok " * 40,                                                    # no stopwords at all
    "The government said on Monday that it would continue.",      # too few words to decide alone
    " ".join(["the", "det", "och", "og", "der", "und", "le", "la"] * 5),  # no clear winner
    "â " * 60 + "the report",                                      # mojibake fragments do not vote
])
def test_stopword_vote_abstains_when_unsure(text):
    assert vote.stopword_vote(text, "latin") is None


@pytest.mark.parametrize("code,expected", [
    ("zh-cn", "zh"), ("zh-tw", "zh"), ("EN", "en"), ("pt_BR", "pt"), ("", "und"), ("  de ", "de"),
])
def test_normalize_code(code, expected):
    assert normalize_code(code) == expected
    assert normalize_code(code) == expected        # the remembered answer is the same


@given(st.one_of(st.none(), st.text(alphabet="abzAZ-_ \u0130", max_size=8)))
def test_normalize_code_remembers_only_what_it_computes(code):
    """The cache in front of normalize_code never changes its answer (first or later call)."""
    norm = (code or "").strip().lower().replace("_", "-")
    expected = norm.split("-", 1)[0] if norm else "und"
    assert normalize_code(code) == expected
    assert normalize_code(code) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hello world", "latin"),
    ("Zażółć gęślą jaźń", "latin"),
    ("Привіт, світе", "cyrillic"),
    ("Γειά σου κόσμε", "greek"),
    ("مرحبا بالعالم", "arabic"),
    ("שלום עולם", "hebrew"),
    ("你好世界", "cjk"),
    ("こんにちは世界", "cjk"),
    ("안녕하세요", "cjk"),
    ("สวัสดีชาวโลก", "other"),
    ("नमस्ते दुनिया", "other"),
    ("12345 !?", "other"),
    ("", "other"),
    ("NATO said: Україна отримає допомогу від партнерів", "cyrillic"),
])
def test_script_of(text, expected):
    assert script_of(text) == expected


@pytest.mark.parametrize("value,expected", [
    ("en", "en"), ("EN", "en"), (" de ", "de"), ("pt-BR", "pt"), ("zh_Hans", "zh"), ("sr-Latn-RS", "sr"),
    ("eng", "en"), ("eng_Latn", "en"), ("ger", "de"),          # ISO 639-3/-2B and GlotLID labels
    # not taken: detected instead
    (None, None), (7, None), ("", None), ("English", None), ("xx", None), ("xxx_Latn", None),
    ("e", None), ("é1", None), ("éé", None), ("-en", None), (["en"], None),
])
def test_given_code_takes_language_codes(value, expected):
    assert given_code(value) == expected


RU = ("Правительство во вторник представило доклад о состоянии дорог в стране. Министр транспорта "
      "заявил, что ремонтные работы начнутся весной и продлятся до конца года. По данным доклада, "
      "треть дорог нуждается в капитальном ремонте. Эксперты считают, что этих средств не хватит, "
      "чтобы быстро выполнить программу.")
BG_WITH_RU_QUOTE = ("Правителството представи във вторник доклад за състоянието на пътищата в страната. "
                    "Министърът на регионалното развитие каза, че ремонтите ще започнат през пролетта. "
                    "Според доклада една трета от пътищата се нуждаят от основен ремонт. Посланикът "
                    "отговори на руски: „Мы готовы помочь“.")
UK_WITH_RU_QUOTE = ("Уряд у вівторок представив доповідь про стан доріг у країні. Міністр сказав, що ремонт "
                    "почнеться навесні. Посол відповів російською: «Мы готовы помочь, мы работаем быстро, "
                    "это выгодно».")


def test_russian_letters_settle_russian_when_the_stopword_vote_is_unsure(monkeypatch):
    def no_vote(sample, script):
        return None

    def no_langdetect(*args, **kwargs):
        raise AssertionError("langdetect asked although the letters settle it")
    monkeypatch.setattr(detect, "stopword_vote", no_vote)
    monkeypatch.setattr(detect, "langdetect_top", no_langdetect)
    assert detect_language(RU) == "ru"


@pytest.mark.parametrize("text", [BG_WITH_RU_QUOTE, UK_WITH_RU_QUOTE, RU.replace("ы", "и").replace("э", "е")])
def test_russian_letters_leave_other_cyrillic_languages_to_langdetect(text):
    low = text.lower()
    assert not detect._russian_by_letters(low, script_counts(low).get("cyrillic", 0))


def test_russian_letters_refuse_a_text_full_of_the_bulgarian_hard_sign():
    text = RU + " " + "въпрос същност пълен път съд " * 4
    low = text.lower()
    assert not detect._russian_by_letters(low, script_counts(low).get("cyrillic", 0))
