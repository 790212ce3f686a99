"""doubled-word: the same word twice in a row ("the the"), and doubled verbs
after an infinitive marker ("to bring deliver", a translation left with both
candidate verbs).

Legitimate repeats are data (rules/flags/doubled.toml [allow.<lang>]): "die die",
"that that", "nous nous", ... Numbers, and repeats whose second word starts with
a capital (Bora Bora, Baden Baden), are never flagged. Words must be separated by
blanks only ("that, that" is not a doubled word).
"""
from __future__ import annotations

import functools

import regex

from cleaner.flags import _data
from cleaner.flags._util import make_flag
from cleaner.report import Flag

RULE = "flag.doubled_word"
KIND = "doubled-word"
DESCRIPTION = ("The same word twice in a row (\"the the\"), or two verbs after an infinitive "
               "marker (\"to bring deliver\"); legitimate repeats (\"that that\", \"die die\") "
               "are listed per language.")

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019\-][\p{L}\p{M}\p{N}]+)*")
_GAP = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


@functools.lru_cache(maxsize=None)
def _allow(lang: str) -> frozenset[str]:
    return _data.per_lang(_data.load("doubled").get("allow", {}), lang, "words")


@functools.lru_cache(maxsize=None)
def _infinitive(lang: str):
    table = _data.load("doubled").get("infinitive", {}).get(lang)
    if not table:
        return None
    return (_data.words(table.get("marker", [])), _data.words(table.get("verbs")),
            _data.words(table.get("first_exclude")), _data.words(table.get("ok_pairs", [])))


def _has_digit(w: str) -> bool:
    return any(c.isdigit() for c in w)


@functools.lru_cache(maxsize=None)
def _skipped(lang: str) -> bool:
    return lang in _data.words(_data.load("doubled").get("skip", {}).get("langs", []))


def detect(paragraphs, lang: str) -> list[Flag]:
    if _skipped(lang):
        return []
    allow = _allow(lang)
    inf = _infinitive(lang)
    flags: list[Flag] = []
    for p in paragraphs:
        raw = p.raw
        toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(raw)]
        # adjacent[i]: tokens i and i+1 are separated by blanks only
        adjacent = [bool(_GAP.fullmatch(raw, toks[i][1], toks[i + 1][0])) for i in range(len(toks) - 1)]
        for i in range(len(toks) - 1):
            if not adjacent[i]:
                continue
            (s1, e1, w1), (s2, e2, w2) = toks[i], toks[i + 1]
            low = w1.casefold()
            if low != w2.casefold() or _has_digit(w1):
                continue
            if w2[0].isupper() or low in allow:
                continue
            flags.append(make_flag(p, s1, e2, KIND, RULE, f"word repeated: {raw[s1:e2]!r}"))
        if inf is None:
            continue
        markers, verbs, first_exclude, ok_pairs = inf
        for i in range(len(toks) - 2):
            if not (adjacent[i] and adjacent[i + 1]):
                continue
            if toks[i][2].lower() not in markers:
                continue
            v1, v2 = toks[i + 1][2], toks[i + 2][2]
            if v1 == v2 or v1 not in verbs or v2 not in verbs:   # as written: lower-case only
                continue
            if v1 in first_exclude or f"{v1} {v2}" in ok_pairs:
                continue
            if i + 3 < len(toks) and adjacent[i + 2] and toks[i + 3][2].lower() in ("and", "or"):
                continue  # "to read write and count": a list missing its comma
            s, e = toks[i + 1][0], toks[i + 2][1]
            flags.append(make_flag(p, s, e, KIND, RULE,
                                   f"two verbs after '{toks[i][2]}': {raw[s:e]!r} (one is probably left over)"))
    return flags
