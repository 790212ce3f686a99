"""foreign-language: a paragraph written in another language than the document.

langdetect costs about 1 ms per 300 characters, so it runs only on paragraphs a
cheap test singles out: the paragraph's script differs from the script of the
document's language (Latin vs Cyrillic vs Greek vs ...), or its stopword density
for the document's language is far below normal prose. It must then name a
different language with probability >= 0.9. Short paragraphs, lists of names and
lines of numbers or URLs are never checked. Thresholds: rules/flags/foreign.toml.

The cheap test itself must cost next to nothing per paragraph: it works from
counts over whitespace-separated tokens, each distinct token analysed once
(_Values, remembered across documents), and falls back to the
word-by-word definition (_suspicious_exact) only when the counts cannot decide.
langdetect answers are remembered, and langdetect stops after its first trials
when they leave no language outside the document's group a chance of reaching
the probability a flag needs (usually after one of its 7 trials: the paragraph
is in the document's language).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

import regex

from cleaner.lang import detect as langmod
from cleaner.flags import _data, _util
from cleaner.flags._util import make_flag, stripped_span
from cleaner.report import Flag
from cleaner.text import scan
from cleaner.lang.stopwords import available, stopwords

RULE = "flag.foreign_language"
KIND = "foreign-language"
DESCRIPTION = ("A paragraph (8+ words), or a run of sentences (6+ words) inside one, in a language "
               "other than the document's, by a cheap script / stopword test confirmed by langdetect (p >= 0.9).")

_TOKEN = regex.compile(r"\S+")
_WORD = regex.compile(r"^[\p{P}\p{S}]*([\p{L}\p{M}]+(?:['\u2019\-][\p{L}\p{M}]+)*)[\p{P}\p{S}]*$")
_URLISH = regex.compile(r"(?:://|^www\.|@.+\.|\.(?:com|org|net|html?|php)\b)", regex.I)
_POINTS = regex.compile(r"[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")
# _WORD on a _util.PLAIN token (its \p{P}\p{S} are the non-alphanumerics).
_PLAIN_PUNCT = "!-/:-@\\[-`{-~" + _util.TYPO_PUNCT
_PLAIN_LETTERS = f"[{_util.PLAIN_LETTER}]+"
_PLAIN_TOKEN = re.compile(f"[{_PLAIN_PUNCT}]*({_PLAIN_LETTERS}(?:['\u2019\\-]{_PLAIN_LETTERS})*)[{_PLAIN_PUNCT}]*")
_NO_SPACES = frozenset({"han", "kana", "thai", "lao", "khmer", "myanmar", "tibetan"})


@functools.lru_cache(maxsize=1)
def _conf() -> dict:
    return dict(_data.load("foreign").get("foreign", {}))


@functools.lru_cache(maxsize=None)
def _expected_scripts(lang: str) -> frozenset[str] | None:
    """The scripts `lang` is usually written in (None: several, don't test)."""
    found = {script for script, langs in _data.load("foreign").get("scripts", {}).items() if lang in langs}
    if "mixed" in found:
        return None
    return frozenset(found or {"latin"})


@functools.lru_cache(maxsize=None)
def _similar(lang: str) -> frozenset[str]:
    out = {lang}
    for group in _data.load("foreign").get("similar", {}).get("groups", []):
        if lang in group:
            out.update(group)
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def _script_langs(script: str) -> tuple[str, ...]:
    """The languages with a stopword list that are usually written in `script` alone."""
    return tuple(code for code in available() if _expected_scripts(code) == frozenset({script}))


def _rival_hits(low: list[str], script: str, lang: str) -> list[int]:
    """For each other language of `script`: how many of `low` its list has."""
    return [sum(map(stopwords(code).__contains__, low)) for code in _script_langs(script) if code != lang]


def _words(text: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(text):
        if _URLISH.search(tok):
            continue
        m = _WORD.match(tok)
        if m:
            out.append(m.group(1))
    return out


def _lookup_form(word: str) -> str:
    """How a word is looked up in a stopword list: NFKC (Arabic presentation
    forms), lower-case, without Arabic/Hebrew vowel points."""
    word = unicodedata.normalize("NFKC", word)
    if max(word, default="") >= "\u0591":      # where the vowel points start
        word = _POINTS.sub("", word)
    return word.lower()


def _density(low: list[str], lang: str) -> float | None:
    sw = stopwords(lang)
    if not sw or not low:
        return None
    return sum(w in sw for w in low) / len(low)


def _dominant(text: str) -> tuple[str | None, int]:
    counts = langmod.script_counts(text)
    if not counts:
        return None, 0
    return langmod.dominant_script(counts)[0], sum(counts.values())


# ---------------------------------------------------------------- counts per token
# The cheap test needs only counts over the paragraph's whitespace-separated
# tokens (words, capitalised / lower-case words, stopwords, rival stopwords, and
# tokens with a non-Latin letter or a word without a Latin one), and news text
# repeats its tokens. Each distinct token is analysed once per document language,
# with the rules above, into a small int with one _BITS-bit field per count, so a
# paragraph's counts are one sum() in machine integers (at most _MAX_PARA_TOKENS
# tokens, so no field carries into the next).
_BITS = 10
_MAX_PARA_TOKENS = (1 << _BITS) - 1
_MASK = _MAX_PARA_TOKENS
_UPPER, _LOWER, _STOP, _RIVAL, _NONLATIN = (_BITS * k for k in range(1, 6))
_TOKEN_VALUES: dict[str, "_Values"] = {}        # lang -> token -> packed counts
_MAX_CACHED = 1 << 16                          # tokens per language; dropped beyond


def _unpack(total: int) -> tuple[int, int, int, int, int, int]:
    """(words, upper, lower, stop, rival, tokens needing the script count) from packed counts."""
    return (total & _MASK, (total >> _UPPER) & _MASK, (total >> _LOWER) & _MASK,
            (total >> _STOP) & _MASK, (total >> _RIVAL) & _MASK, (total >> _NONLATIN) & _MASK)


class _Values(dict):
    """token -> _token_value(token) for one document language. A token not seen
    yet is analysed on its first lookup (__missing__), so a paragraph's counts
    are one sum(map(values.__getitem__, tokens)) in C whether or not its tokens
    are new: on text never seen, no failed pass and no second one."""
    __slots__ = ("stop", "rival")

    def __init__(self, stop: frozenset[str], rival: frozenset[str]):
        super().__init__()
        self.stop, self.rival = stop, rival

    def __missing__(self, tok: str) -> int:
        if len(self) > _MAX_CACHED:
            self.clear()
        value = self[tok] = _token_value(tok, self.stop, self.rival)
        return value


def _totals(token_lists: list[tuple[str, ...]], lang: str) -> list[int]:
    """The packed counts of each of a document's paragraphs (split into tokens)."""
    values = _TOKEN_VALUES.get(lang)
    if values is None:
        values = _TOKEN_VALUES.setdefault(lang, _Values(*_lang_words(lang)))
    count = values.__getitem__
    return [sum(map(count, tokens)) for tokens in token_lists]


_ONE_STOP, _ONE_RIVAL = 1 << _STOP, 1 << _RIVAL
# 1 (a word) plus its case, by word[0].isupper(): every plain letter is upper- or lower-case.
_ONE_WORD = (1 + (1 << _LOWER), 1 + (1 << _UPPER))


def _token_value(tok: str, stop: frozenset[str], rival: frozenset[str]) -> int:
    """One token's counts, packed (see _totals); stop, rival: _lang_words().

    The commonest tokens come first: an ASCII word, then a word of plain letters
    with punctuation around it; a _util.PLAIN token without a word (a number, a
    URL) counts nothing."""
    if tok.isascii() and tok.isalpha():
        low = tok.lower()
        value = _ONE_WORD[tok[0] < "a"]                 # A-Z sort before a-z
    else:
        m = _PLAIN_TOKEN.fullmatch(tok)                 # matches only _util.PLAIN tokens
        if m is not None:
            if ("." in tok or ":" in tok) and _URLISH.search(tok):
                return 0
            word = m.group(1)
            low = word.lower()                          # NFKC-stable, no vowel points
            value = _ONE_WORD[word[0].isupper()]
        elif _util.PLAIN.fullmatch(tok):
            return 0
        else:
            scripts = _letter_scripts(tok)
            word = _token_word(tok)
            # Flagged: a non-Latin letter, or a word without a Latin letter (marks only).
            value = (bool(scripts - {"latin"}) or (word is not None and "latin" not in scripts)) << _NONLATIN
            if word is None:
                return value
            low = word.lower() if word.isascii() else _lookup_form(word)
            first = word[0]
            value += 1 + (first.isupper() << _UPPER) + (first.islower() << _LOWER)
    if low in stop:
        value += _ONE_STOP
    if low in rival:
        value += _ONE_RIVAL
    return value


def _token_word(tok: str) -> str | None:
    """What _words() takes from one token (None: a URL, a number, not a word)."""
    if tok.isalpha():
        return tok                      # letters are \p{L}: all one word, and no URL
    if ("." in tok or ":" in tok) and _URLISH.search(tok):
        return None                     # every _URLISH match has a '.' or ':'
    m = _WORD.match(tok)
    return m.group(1) if m else None


def _letter_scripts(tok: str) -> set[str]:
    """The scripts langmod.script_counts(tok) counts letters of ('latin' or 'other')."""
    if tok.isascii():
        return {"latin"} if any(map(str.isalpha, tok)) else set()
    kinds = _CHAR_KINDS
    try:
        found = set(map(kinds.__getitem__, tok))
    except KeyError:
        mine = {ch: _char_kind(ch) for ch in set(tok)}
        if len(kinds) > _MAX_CACHED:
            kinds.clear()
        kinds.update(mine)
        found = set(mine.values())
    found.discard("")
    return found


def _char_kind(ch: str) -> str:
    name = langmod.letter_script(ch)
    return "latin" if name == "latin" else "other" if name else ""


# character -> 'latin' or 'other' (the kind of letter _letter_scripts reports), '' for a non-letter
_CHAR_KINDS: dict[str, str] = {}


@functools.lru_cache(maxsize=None)
def _lang_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stopwords of `lang`, stopwords of the other languages of its script): a
    word in the second set is a hit for some rival in _rival_hits."""
    script = _rival_script(lang)
    if script is None:
        return stopwords(lang), frozenset()
    own = stopwords(lang)
    others = [code for code in _script_langs(script) if code != lang]
    # The script's words without those only `lang` lists: one union per script,
    # not one per language (each costs milliseconds).
    shared = frozenset().union(*(own.intersection(stopwords(code)) for code in others))
    return own, _script_words(script).difference(own.difference(shared))


@functools.lru_cache(maxsize=None)
def _script_words(script: str) -> frozenset[str]:
    """All stopwords of the languages of `script` (_script_langs)."""
    return frozenset().union(*map(stopwords, _script_langs(script)))


@functools.lru_cache(maxsize=None)
def _rival_script(lang: str) -> str | None:
    """The one script `lang` is written in (None: several or mixed); rivals are
    counted for it."""
    expected = _expected_scripts(lang)
    return next(iter(expected)) if expected is not None and len(expected) == 1 else None


def suspicious(text: str, lang: str) -> bool:
    """The cheap test: may `text` be in another language than `lang`?"""
    fast = _suspicious_by_counts(text, lang, _limits())
    return _suspicious_exact(text, lang) if fast is None else fast


class _Limits(NamedTuple):
    min_words: int
    max_capitalised: float
    max_stopword_density: float
    rival_ratio: float
    min_rival_density: float


@functools.lru_cache(maxsize=1)
def _limits() -> _Limits:
    """rules/flags/foreign.toml [foreign], read once (the defaults are _suspicious_exact's)."""
    conf = _conf()
    return _Limits(int(conf.get("min_words", 8)), float(conf.get("max_capitalised", 0.6)),
                   float(conf.get("max_stopword_density", 0.08)), float(conf.get("rival_ratio", 0.5)),
                   float(conf.get("min_rival_density", 0.3)))


def _suspicious_by_counts(text: str, lang: str, lim: _Limits) -> bool | None:
    """_suspicious_exact's answer from per-token counts, or None when the counts
    cannot decide it (a very long paragraph, or a close rival-language test)."""
    return _suspicious_all([text], lang, lim)[0]


def _suspicious_all(texts: list[str], lang: str, lim: _Limits) -> list[bool | None]:
    """_suspicious_by_counts of each of a document's paragraphs, their tokens
    counted together (_totals)."""
    min_words = lim.min_words
    out: list[bool | None] = [False] * len(texts)
    todo = [i for i, text in enumerate(texts) if len(text) >= 2 * min_words]
    for part in scan.slices(todo, [len(texts[i]) for i in todo]):   # memory: a slice's tokens at a time
        counted: list[int] = []
        token_lists: list[tuple[str, ...]] = []
        for i, tokens in zip(part, _util.split_all([texts[i] for i in part])):
            if len(tokens) > _MAX_PARA_TOKENS or min_words < 1:
                out[i] = None           # too many tokens for the packed counts
            else:
                counted.append(i)
                token_lists.append(tokens)
        for i, tokens, total in zip(counted, token_lists, _totals(token_lists, lang)):
            if total & _MASK >= min_words or total >> _NONLATIN:   # else few words, all Latin: False
                out[i] = _decide(texts[i], tokens, total, lang, lim)
    return out


def _decide(text: str, tokens: tuple[str, ...], total: int, lang: str, lim: _Limits) -> bool | None:
    """_suspicious_by_counts from the paragraph's packed counts (see _totals)."""
    n, upper, lower, stop, rival, nonlatin = _unpack(total)
    # Without non-Latin letters, and with a Latin letter in every word, the script
    # is Latin, or there is no word: False either way, as with script None.
    script, letters = _dominant_by_tokens(text, tokens, lang) if nonlatin else ("latin", len(text))
    if script is None:
        return False
    min_words = lim.min_words
    if script in _NO_SPACES:
        if letters < 2 * min_words:
            return False
        n = 0
    else:
        if n < min_words:
            return False
        cased = upper + lower
        if cased and upper / cased > lim.max_capitalised:
            return False
    expected = _expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not n or not stopwords(lang):
        return False
    density = stop / n
    if density < lim.max_stopword_density:
        return True
    if density >= lim.rival_ratio:
        return False
    # Every rival hit is a word in some other list of this script, so the best
    # rival's density is at most rival / n: often enough to rule the test out.
    if script == _rival_script(lang) and lim.rival_ratio >= 0:
        most = rival / n
        if most < lim.min_rival_density or density >= lim.rival_ratio * most:
            return False
    return None


# ---------------------------------------------------------------- letters per script
# _dominant counts a paragraph's letters character by character. When most of
# them are in the one script of the document's language ("home"), that script
# dominates whatever the others are: so per distinct token, remember its
# letters in the home script and its letters in all, packed in _LETTER_BITS-bit
# fields (a paragraph shorter than 2**_LETTER_BITS characters cannot overflow).
_LETTER_BITS = 30
_TOKEN_LETTERS: dict[str, dict[str, int]] = {}  # home script -> token -> packed letter counts


def _dominant_by_tokens(text: str, tokens: tuple[str, ...], lang: str) -> tuple[str | None, int]:
    """_dominant(text), where `tokens` are text's whitespace-separated tokens."""
    home = _rival_script(lang)
    if home is None or home in ("han", "kana") or len(text) >> _LETTER_BITS:
        return _dominant(text)      # (kana and han letters are merged: not one script)
    counts = _TOKEN_LETTERS.get(home)
    if counts is None:
        counts = _TOKEN_LETTERS.setdefault(home, {})
    try:
        total = sum(map(counts.__getitem__, tokens))
    except KeyError:
        if len(counts) > _MAX_CACHED:
            counts.clear()
        for tok in set(tokens).difference(counts):
            counts[tok] = _token_letters(tok, home)
        total = sum(map(counts.__getitem__, tokens))
    mine, letters = total & ((1 << _LETTER_BITS) - 1), total >> _LETTER_BITS
    if 2 * mine > letters:
        return home, letters
    return _dominant(text)


def _token_letters(tok: str, home: str) -> int:
    """(letters of script `home`) + (all letters << _LETTER_BITS) in tok, as
    langmod.script_counts counts them."""
    scripts = _CHAR_SCRIPTS
    try:
        found = list(map(scripts.__getitem__, tok))
    except KeyError:
        if len(scripts) > _MAX_CACHED:
            scripts.clear()
        scripts.update((ch, langmod.letter_script(ch) or "") for ch in set(tok))
        found = list(map(scripts.__getitem__, tok))
    return found.count(home) + ((len(found) - found.count("")) << _LETTER_BITS)


# character -> langmod.letter_script(), '' for a non-letter
_CHAR_SCRIPTS: dict[str, str] = {}


def _suspicious_exact(text: str, lang: str) -> bool:
    """The cheap test, word by word (the definition _suspicious_by_counts follows)."""
    conf = _conf()
    min_words = int(conf.get("min_words", 8))
    if len(text) < 2 * min_words:
        return False
    if text.isascii():
        script, letters = "latin", len(text)
    else:
        script, letters = _dominant(text)
    if script is None:
        return False
    if script in _NO_SPACES:
        if letters < 2 * min_words:
            return False
        words: list[str] = []
    else:
        words = _words(text)
        if len(words) < min_words:
            return False
        cased = [w for w in words if w[0].isupper() or w[0].islower()]
        if cased and sum(w[0].isupper() for w in cased) / len(cased) > float(conf.get("max_capitalised", 0.6)):
            return False
    expected = _expected_scripts(lang)
    if expected is not None and script not in expected:
        return True
    if not words:
        return False
    low = [_lookup_form(w) for w in words]
    density = _density(low, lang)
    if density is None:
        return False
    if density < float(conf.get("max_stopword_density", 0.08)):
        return True
    # A close relative (Russian in a Ukrainian text, Spanish in a Portuguese one)
    # keeps some stopwords: compare with the best other list of the same script.
    ratio = float(conf.get("rival_ratio", 0.5))
    if density >= ratio:          # no rival can reach density / ratio > 1
        return False
    best = max(_rival_hits(low, script, lang), default=0) / len(low)
    return best >= float(conf.get("min_rival_density", 0.3)) and density < ratio * best


# langdetect answers, remembered: the same paragraph (a recurring tagline, a
# table row) is often suspicious in many documents, and each answer costs
# milliseconds. langdetect_probs is deterministic (fixed seed, fresh detector);
# the key holds the function itself, so a replaced one is asked afresh.
_PROBS: dict[tuple, list] = {}
_PROBS_MAX = 2048


def _langdetect(text: str, max_chars: int, same: frozenset[str] | None = None,
                min_p: float | None = None) -> list[tuple[str, float]]:
    """langdetect's answer for `text`; given `same` and `min_p`, [] also when
    no language outside `same` can reach min_p (then langdetect stops early:
    see langdetect_probs' give_up)."""
    fn = langmod.langdetect_probs
    give_up = (same, min_p) if same is not None and min_p is not None and getattr(fn, "gives_up", False) else None
    key = (fn, max_chars, text) if give_up is None else (fn, max_chars, text, give_up)
    probs = _PROBS.get(key)
    if probs is None:
        probs = fn(text, max_chars=max_chars) if give_up is None else fn(text, max_chars=max_chars, give_up=give_up)
        if len(_PROBS) >= _PROBS_MAX:
            _PROBS.clear()
        _PROBS[key] = probs
    return probs


def detect(paragraphs, lang: str) -> list[Flag]:
    """Whole paragraphs in another language, then foreign sentences inside the others."""
    if not lang or lang == "und":
        return []
    flags = detect_paragraphs(paragraphs, lang)
    whole = {k for k, p in enumerate(paragraphs) if any(f.start >= p.start and f.end <= p.start + len(p.raw)
                                                         for f in flags)}
    return flags + _foreign_sentences.detect(paragraphs, lang, whole)


def _judge(text: str, same, min_p: float, max_chars: int, min_found: float) -> tuple[str, float] | None:
    """(language, probability) when langdetect names a language not in `same` with
    p >= min_p and the text uses that language's stopwords as prose does (a tag list or
    a run of names that merely looks like it does not); else None."""
    probs = _langdetect(text, max_chars, same, min_p)
    if not probs:
        return None
    top, prob = probs[0]
    if prob < min_p or top in same:
        return None
    found = _density([_lookup_form(w) for w in _words(text)], top)
    if found is not None and found < min_found:
        return None
    return top, prob


def detect_paragraphs(paragraphs, lang: str) -> list[Flag]:
    """Paragraphs (8+ words) in another language than `lang`."""
    if not lang or lang == "und":
        return []
    conf = _conf()
    min_p = float(conf.get("min_probability", 0.9))
    max_chars = int(conf.get("sample_chars", 600))
    min_found = float(conf.get("min_detected_density", 0.15))
    same = _similar(lang)
    lim = _limits()
    flags: list[Flag] = []
    texts = [p.text for p in paragraphs]
    for p, text, fast in zip(paragraphs, texts, _suspicious_all(texts, lang, lim)):
        if not (_suspicious_exact(text, lang) if fast is None else fast):
            continue
        judged = _judge(text, same, min_p, max_chars, min_found)
        if judged is None:
            continue
        top, prob = judged
        i, j = stripped_span(p.raw)
        flags.append(make_flag(p, i, j, KIND, RULE,
                               f"paragraph looks like '{top}' (p={prob:.2f}), document is '{lang}'"))
    return flags


from cleaner.flags import _foreign_sentences  # noqa: E402  (it reads this module's counts)
