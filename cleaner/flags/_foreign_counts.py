"""foreign-language: what a paragraph's words are, and the counts the cheap test reads.

A word is a run of letters and marks inside a whitespace-separated token, with
punctuation around it (not a URL, e-mail or number); stopword lists are looked
up in its NFKC, lower-case form without Arabic/Hebrew vowel points.

The cheap test (_foreign_screen) must cost next to nothing per paragraph, so it
works from counts over whitespace-separated tokens: each distinct token is
analysed once (remembered across documents) into packed counts, and a
paragraph's counts are one sum() in C. Its letters per script are packed the
same way (dominant_by_tokens).
"""
from __future__ import annotations

import functools
import re
import unicodedata

import regex

from cleaner.flags import _util
from cleaner.flags._foreign_data import lang_words, rival_script
from cleaner.lang.scripts import dominant_script, letter_script, script_counts
from cleaner.lang.stopwords import stopwords
from cleaner.lang import CACHED_LANGUAGES

_TOKEN = regex.compile(r"\S+")
_WORD = regex.compile(r"^[\p{P}\p{S}]*([\p{L}\p{M}]+(?:['\u2019\-][\p{L}\p{M}]+)*)[\p{P}\p{S}]*$")
_URLISH = regex.compile(r"(?:://|^www\.|@.+\.|\.(?:com|org|net|html?|php)\b)", regex.I)
_POINTS = regex.compile(r"[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")
# _WORD on a _util.PLAIN token (its \p{P}\p{S} are the non-alphanumerics).
_PLAIN_PUNCT = "!-/:-@\\[-`{-~" + _util.TYPO_PUNCT
_PLAIN_LETTERS = f"[{_util.PLAIN_LETTER}]+"
_PLAIN_TOKEN = re.compile(f"[{_PLAIN_PUNCT}]*({_PLAIN_LETTERS}(?:['\u2019\\-]{_PLAIN_LETTERS})*)[{_PLAIN_PUNCT}]*")


def words_of(text: str) -> list[str]:
    """The words of `text`, as the exact cheap test and the judge count them."""
    out = []
    for tok in _TOKEN.findall(text):
        if _URLISH.search(tok):
            continue
        m = _WORD.match(tok)
        if m:
            out.append(m.group(1))
    return out


def lookup_form(word: str) -> str:
    """How a word is looked up in a stopword list: NFKC (Arabic presentation
    forms), lower-case, without Arabic/Hebrew vowel points."""
    word = unicodedata.normalize("NFKC", word)
    if max(word, default="") >= "\u0591":      # where the vowel points start
        word = _POINTS.sub("", word)
    return word.lower()


def stop_density(low: list[str], lang: str) -> float | None:
    """The share of `low` (lookup forms) in `lang`'s stopword list; None without a list or words."""
    sw = stopwords(lang)
    if not sw or not low:
        return None
    return sum(w in sw for w in low) / len(low)


def dominant(text: str) -> tuple[str | None, int]:
    """(the dominant script of `text`'s letters or None, how many letters it has)."""
    counts = script_counts(text)
    if not counts:
        return None, 0
    return dominant_script(counts)[0], sum(counts.values())


# ---------------------------------------------------------------- counts per token
# The cheap test needs only counts over the paragraph's whitespace-separated
# tokens (words, capitalised / lower-case words, stopwords, rival stopwords, and
# tokens with a non-Latin letter or a word without a Latin one), and news text
# repeats its tokens. Each distinct token is analysed once per document language,
# with the rules above, into a small int with one BITS-bit field per count, so a
# paragraph's counts are one sum() in machine integers (at most MAX_PARA_TOKENS
# tokens, so no field carries into the next).
BITS = 10
MAX_PARA_TOKENS = (1 << BITS) - 1
MASK = MAX_PARA_TOKENS
UPPER, LOWER, STOP, RIVAL, NONLATIN = (BITS * k for k in range(1, 6))
_MAX_CACHED = 1 << 16                          # tokens per language; dropped beyond


def unpack(total: int) -> tuple[int, int, int, int, int, int]:
    """(words, upper, lower, stop, rival, tokens needing the script count) from packed counts."""
    return (total & MASK, (total >> UPPER) & MASK, (total >> LOWER) & MASK,
            (total >> STOP) & MASK, (total >> RIVAL) & MASK, (total >> NONLATIN) & MASK)


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


def token_counts(lang: str):
    """token -> its packed counts for a document in `lang` (a bound __getitem__:
    map it over a paragraph's tokens and sum)."""
    return _values(lang).__getitem__


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _values(lang: str) -> _Values:
    """The packed counts of the tokens seen in documents in `lang`, remembered across documents."""
    return _Values(*lang_words(lang))


def totals(token_lists: list[tuple[str, ...]], lang: str) -> list[int]:
    """The packed counts of each of a document's paragraphs (split into tokens)."""
    count = token_counts(lang)
    return [sum(map(count, tokens)) for tokens in token_lists]


_ONE_STOP, _ONE_RIVAL = 1 << STOP, 1 << RIVAL
# 1 (a word) plus its case, by word[0].isupper(): every plain letter is upper- or lower-case.
_ONE_WORD = (1 + (1 << LOWER), 1 + (1 << UPPER))


def _token_value(tok: str, stop: frozenset[str], rival: frozenset[str]) -> int:
    """One token's counts, packed (see totals); stop, rival: lang_words().

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
            value = (bool(scripts - {"latin"}) or (word is not None and "latin" not in scripts)) << NONLATIN
            if word is None:
                return value
            low = word.lower() if word.isascii() else lookup_form(word)
            first = word[0]
            value += 1 + (first.isupper() << UPPER) + (first.islower() << LOWER)
    if low in stop:
        value += _ONE_STOP
    if low in rival:
        value += _ONE_RIVAL
    return value


def _token_word(tok: str) -> str | None:
    """What words_of() takes from one token (None: a URL, a number, not a word)."""
    if tok.isalpha():
        return tok                      # letters are \p{L}: all one word, and no URL
    if ("." in tok or ":" in tok) and _URLISH.search(tok):
        return None                     # every _URLISH match has a '.' or ':'
    m = _WORD.match(tok)
    return m.group(1) if m else None


def _letter_scripts(tok: str) -> set[str]:
    """The scripts script_counts(tok) counts letters of ('latin' or 'other')."""
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
    name = letter_script(ch)
    return "latin" if name == "latin" else "other" if name else ""


# character -> 'latin' or 'other' (the kind of letter _letter_scripts reports), '' for a non-letter.
# A dict read by map() in C: an lru_cache'd _char_kind costs 16% more a token.
_CHAR_KINDS: dict[str, str] = {}


# ---------------------------------------------------------------- letters per script
# dominant counts a paragraph's letters character by character. When most of
# them are in the one script of the document's language ("home"), that script
# dominates whatever the others are: so per distinct token, remember its
# letters in the home script and its letters in all, packed in _LETTER_BITS-bit
# fields (a paragraph shorter than 2**_LETTER_BITS characters cannot overflow).
_LETTER_BITS = 30
# home script -> token -> packed letter counts; read as _Values are, by sum(map()) in C
_TOKEN_LETTERS: dict[str, dict[str, int]] = {}


def dominant_by_tokens(text: str, tokens: tuple[str, ...], lang: str) -> tuple[str | None, int]:
    """dominant(text), where `tokens` are text's whitespace-separated tokens."""
    home = rival_script(lang)
    if home is None or home in ("han", "kana") or len(text) >> _LETTER_BITS:
        return dominant(text)      # (kana and han letters are merged: not one script)
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
    return dominant(text)


def _token_letters(tok: str, home: str) -> int:
    """(letters of script `home`) + (all letters << _LETTER_BITS) in tok, as
    script_counts counts them."""
    scripts = _CHAR_SCRIPTS
    try:
        found = list(map(scripts.__getitem__, tok))
    except KeyError:
        if len(scripts) > _MAX_CACHED:
            scripts.clear()
        scripts.update((ch, letter_script(ch) or "") for ch in set(tok))
        found = list(map(scripts.__getitem__, tok))
    return found.count(home) + ((len(found) - found.count("")) << _LETTER_BITS)


# character -> letter_script(), '' for a non-letter. A dict read by map() in C:
# an lru_cache in its place, or letter_script's own, costs 12-14% more a token.
_CHAR_SCRIPTS: dict[str, str] = {}

