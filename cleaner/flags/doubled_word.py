"""doubled-word: the same word twice in a row ("the the"), the same word once
alone and once inside a hyphenated or apostrophe compound beside it ("color
color-coding", "miles-thick thick", "year year’s": an edit that added the compound
and kept the word), and doubled verbs after an infinitive marker ("to bring
deliver", a translation left with both candidate verbs).

Legitimate repeats are data (rules/flags/doubled.toml [allow.<lang>]): "die die",
"that that", "nous nous", ... Numbers, and repeats whose second word starts with
a capital (Bora Bora, Baden Baden), are never flagged. Words must be separated by
blanks only ("that, that" is not a doubled word).

At most 100 flags per paragraph ([limits] max_per_paragraph in
rules/flags/doubled.toml overrides it): a megabyte of "the the the ..." gives
100 flags, not one per word. Paragraphs are first checked cheaply (plain text by
`re` searches over all of a document's plain paragraphs at once, the rest chunk
by chunk); only those that may contain a repeat go through the word-by-word rules.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re

import regex

from cleaner.flags import _data, _util
from cleaner.flags._util import make_flag
from cleaner.report import Flag
from cleaner.text import scan
from cleaner.lang import CACHED_LANGUAGES
from cleaner.lang.stopwords import stopwords

RULE = "flag.doubled_word"
KIND = "doubled-word"
DESCRIPTION = ("The same word twice in a row (\"the the\"), or beside a compound made of it "
               "(\"color color-coding\", \"miles-thick thick\"), or two verbs after an infinitive "
               "marker (\"to bring deliver\"); legitimate repeats (\"that that\", \"die die\") "
               "are listed per language.")

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019\-][\p{L}\p{M}\p{N}]+)*")
# Blanks and zero-width spaces part words; joiners (ZWNJ, ZWJ, word joiner, BOM)
# hold one word together: Persian کم‌کم ("little by little") is one word.
_GAP = regex.compile(r"[\s\u200b]+")

# Blanks that str.split() does not cut at (zero-width ones, U+001C..U+001F).
_UNSPLIT_BLANKS = re.compile("[" + _util.ZERO_WIDTH + _util.SPLIT_ONLY_BLANKS + "]")
_MAX_PER_PARAGRAPH = 100
# chunk (whitespace-separated) -> casefolded word it starts / ends with, if any;
# dicts read by map() in C (lru_cache'd edge functions cost 4.5% more in _may_flag)
_HEADS: dict[str, str | int] = {}
_TAILS: dict[str, str | int] = {}
# the same for the first part of a compound head word / the last part of a compound
# tail word ("color" of "color-coding"), and _NO_HEAD / _NO_TAIL for a word that is no compound
_HEAD_PARTS: dict[str, str | int] = {}
_TAIL_PARTS: dict[str, str | int] = {}
_NO_HEAD, _NO_TAIL = 1, 0          # never equal to each other nor to a word
# _WORD on _util.PLAIN text, in `re` terms; then a word, blanks, the same word
# (on casefolded text: plain letters casefold to plain letters). Possessive, and
# tried only where a word may start, so the search stays linear on any input.
_W = f"[{_util.PLAIN_ALNUM}]"
_J = "['\u2019\\-]"
_G = f"[{_util.PLAIN_BLANKS}]"
_PLAIN_WORD = re.compile(f"{_W}++(?:{_J}{_W}++)*+")
# (A doubled word at the very start of a text is found after a newline put before it.)
# The second word may go on into a compound ("color color-coding"): a superset, which
# _paragraph_flags sorts out.
_PAIR = re.compile(f"[^{_util.PLAIN_ALNUM}](?<!{_W}{_J})({_PLAIN_WORD.pattern}){_G}++\\1(?!{_W})")
# A compound's last part, blanks, then that part alone ("miles-thick thick"), on
# casefolded plain text (a superset: started at the joiner, which costs a fifth of a
# look-behind for the word before it).
_COMPOUND_TAIL = re.compile(f"{_J}({_W}{{2,}}+){_G}++\\1(?!{_W})")
_MAX_CACHED = 1 << 16              # chunks; the caches are dropped beyond
# ASCII and typographic punctuation, for _edge_words
_EDGE_PUNCT = "".join(c for c in map(chr, range(0x21, 0x7f)) if not c.isalnum()) + _util.TYPO_PUNCT


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _allow(lang: str) -> frozenset[str]:
    return _data.per_lang(_data.load("doubled").get("allow", {}), lang, "words")


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _infinitive(lang: str):
    table = _data.load("doubled").get("infinitive", {}).get(lang)
    if not table:
        return None
    return (_data.words(table.get("marker", [])), _data.words(table.get("verbs")),
            _data.words(table.get("first_exclude")), _data.words(table.get("ok_pairs", [])))


def _has_digit(w: str) -> bool:
    return any(c.isdigit() for c in w)


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _skipped(lang: str) -> bool:
    return lang in _data.words(_data.load("doubled").get("skip", {}).get("langs", []))


def detect(paragraphs, lang: str) -> list[Flag]:
    if _skipped(lang):
        return []
    allow = _allow(lang)
    inf = _infinitive(lang)
    raws = [p.raw for p in paragraphs]
    plain = list(map(_util.is_plain_text, raws))
    suspects: set[int] = set()
    plain_indices = [i for i, m in enumerate(plain) if m]
    for part in scan.slices(plain_indices, [len(raws[i]) for i in plain_indices]):   # memory
        suspects |= _plain_suspects(part, raws, inf)
    # str.split() does not cut at _UNSPLIT_BLANKS: such paragraphs go word by word.
    unsplit = _UNSPLIT_BLANKS.search
    suspects.update(i for i, m in enumerate(plain)
                    if not m and (unsplit(raws[i]) or _may_flag(_util.split_cached(raws[i]), inf)))
    flags: list[Flag] = []
    short = _short_function_words(lang) if suspects else frozenset()
    for i in sorted(suspects):
        flags.extend(_paragraph_flags(paragraphs[i], allow, inf, short))
    return flags


def _plain_suspects(indices: list[int], raws: list[str], inf) -> set[int]:
    """The `indices` of _util.PLAIN_TEXT paragraphs for which _may_flag may be
    true, by `re` searches over all of them at once: a doubled word is a match of
    _PAIR in the casefolded text, and a doubled verb needs a marker followed by
    two verbs (_marker_re).

    The paragraphs are joined with newlines, which no part of either pattern can
    match but _PAIR's first character: a newline stands for a paragraph's start,
    and each match lies in one paragraph."""
    if not indices:
        return set()
    chosen = [raws[i] for i in indices]
    joined = "\n" + "\n".join(chosen)
    starts = _line_starts(chosen)
    folded = joined.casefold()
    if len(folded) == len(joined):
        low = folded        # no ß: on plain text casefold() is then lower(), and keeps offsets
        hits = _hits(_PAIR, folded, starts) | _hits(_COMPOUND_TAIL, folded, starts)
    else:
        low = joined.lower()
        parts = [raw.casefold() for raw in chosen]
        refolded, refolded_starts = "\n" + "\n".join(parts), _line_starts(parts)
        hits = _hits(_PAIR, refolded, refolded_starts) | _hits(_COMPOUND_TAIL, refolded, refolded_starts)
    if inf is not None:
        pattern = _marker_re(inf[0])
        if pattern is None:
            return set(indices)
        hits.update(_verb_hits(pattern, joined, low, starts, inf[1]))
    return {indices[k] for k in hits}


def _line_starts(texts: list[str]) -> list[int]:
    """Where each text starts in "\\n" + "\\n".join(texts), and (last) its length + 1."""
    return list(itertools.accumulate((len(t) + 1 for t in texts), initial=1))


def _hits(pattern: re.Pattern, joined: str, starts: list[int]) -> set[int]:
    """The k for which pattern matches in text k of `joined` ("\\n" + "\\n".join(texts),
    `starts` = _line_starts(texts)) or at its start: the newline before the text
    may be the match's first character."""
    hits: set[int] = set()
    last = len(starts) - 1          # the number of texts
    m = pattern.search(joined)
    while m:
        k = bisect.bisect_right(starts, m.start() + 1) - 1
        hits.add(k)
        m = pattern.search(joined, starts[k + 1] - 1) if k + 1 < last else None
    return hits


def _verb_hits(pattern: re.Pattern, joined: str, low: str, starts: list[int],
               verbs: frozenset[str]) -> set[int]:
    """The k for which text k of `joined` (as in _hits) has a match of `pattern`
    (_marker_re) in `low`, joined lower-cased, whose two words are both in
    `verbs` as written (lower() keeps the offsets of plain text)."""
    # Verbs are lower-case, so a verb as written is also one lowered: most
    # documents have no (marker, verb, verb) even lowered.
    pairs = pattern.findall(low)
    firsts = map(verbs.__contains__, map(operator.itemgetter(0), pairs))
    if not any(map(verbs.__contains__, map(operator.itemgetter(1), itertools.compress(pairs, firsts)))):
        return set()
    return {bisect.bisect_right(starts, m.start()) - 1 for m in pattern.finditer(low)
            if joined[m.start(1):m.end(1)] in verbs and joined[m.start(2):m.end(2)] in verbs}


@functools.lru_cache(maxsize=None)
def _marker_re(markers: frozenset[str]) -> re.Pattern | None:
    """A marker followed by two words, on lower-cased plain text; None when a
    marker is not lower-case ASCII letters (then w.lower() == marker is not
    simply this text). Zero-width when one marker could overlap another."""
    if not markers or not all(m.isascii() and m.isalpha() and m.islower() for m in markers):
        return None
    alts = "|".join(sorted(markers, key=len, reverse=True))
    follow = f"{_G}++({_PLAIN_WORD.pattern}){_G}++({_PLAIN_WORD.pattern})"
    overlap = any(a[k:] == b[:len(a) - k] for a in markers for b in markers for k in range(1, len(a)))
    return re.compile(f"(?=(?:{alts}){follow})" if overlap else f"(?:{alts})(?={follow})")


def _may_flag(chunks: tuple[str, ...], inf) -> bool:
    """False only when the paragraph split into `chunks` certainly has no
    doubled word and no doubled verb.

    Two words separated by blanks only are the last word of one whitespace-
    separated chunk and the first word of the next (words never span a blank),
    so comparing the chunks' edge words, remembered per distinct chunk, finds
    every candidate without tokenising the paragraph."""
    try:
        repeat = any(map(operator.eq, map(_TAILS.__getitem__, chunks), map(_HEADS.__getitem__, chunks[1:])))
    except KeyError:
        _learn(chunks)      # (.get: should another thread empty the cache, None == None is a candidate)
        repeat = any(map(operator.eq, map(_TAILS.get, chunks), map(_HEADS.get, chunks[1:])))
    if not repeat:          # "color color-coding", "miles-thick thick"
        repeat = (any(map(operator.eq, map(_TAILS.get, chunks), map(_HEAD_PARTS.get, chunks[1:])))
                  or any(map(operator.eq, map(_TAIL_PARTS.get, chunks), map(_HEADS.get, chunks[1:]))))
    return repeat or (inf is not None and _verbs_possible(chunks, inf))


def _verbs_possible(chunks: tuple[str, ...], inf) -> bool:
    """May a marker, a verb and a verb follow each other with blanks between?
    The middle verb is then a whole chunk; casefold(w) is in the casefolded set
    whenever w.lower() (or w) is in the original one."""
    markers, verbs = _folded(inf[0]), _folded(inf[1])
    last = len(chunks) - 1
    for j in itertools.compress(itertools.count(), map(inf[1].__contains__, chunks)):
        if 0 < j < last and _edge(chunks[j - 1])[1] in markers and _edge(chunks[j + 1])[0] in verbs:
            return True
    return False


def _edge(chunk: str) -> tuple[str | int, str | int]:
    head, tail = _HEADS.get(chunk), _TAILS.get(chunk)
    return _edge_words(chunk) if head is None or tail is None else (head, tail)


def _learn(chunks: tuple[str, ...]) -> None:
    """Fill _HEADS / _TAILS for `chunks`."""
    if len(_HEADS) > _MAX_CACHED:
        for cache in (_HEADS, _TAILS, _HEAD_PARTS, _TAIL_PARTS):
            cache.clear()
    for chunk in set(chunks).difference(_TAILS):
        head, tail = _HEADS[chunk], _TAILS[chunk] = _edge_words(chunk)
        _HEAD_PARTS[chunk] = _compound_part(head, 0, _NO_HEAD)
        _TAIL_PARTS[chunk] = _compound_part(tail, -1, _NO_TAIL)


_JOINERS = regex.compile(_J)


def _compound_part(word: str | int, which: int, none: int) -> str | int:
    """The first (which=0) or last (-1) part of a compound word, `none` for a word
    that is no compound (or for no word at all)."""
    if not isinstance(word, str) or not _JOINERS.search(word):
        return none
    return _JOINERS.split(word)[which]


def _edge_words(chunk: str) -> tuple[str | int, str | int]:
    """(first word, last word) of the chunk, casefolded; _NO_HEAD / _NO_TAIL
    when the chunk does not start / end with a word."""
    if chunk.isascii() and chunk.isalnum():
        return chunk.lower(), chunk.lower()
    if not _util.PLAIN.fullmatch(chunk):
        # Alphanumerics are \p{L}\p{N}, _EDGE_PUNCT none of them: alphanumerics
        # between such punctuation are one word (in any script, without regex).
        core = chunk.strip(_EDGE_PUNCT)
        if core.isalnum():
            word = core.casefold()
            return (word if chunk[0] == core[0] else _NO_HEAD,
                    word if chunk[-1] == core[-1] else _NO_TAIL)
        words = list(_WORD.finditer(chunk))
        head = words[0].group().casefold() if words and words[0].start() == 0 else _NO_HEAD
        tail = words[-1].group().casefold() if words and words[-1].end() == len(chunk) else _NO_TAIL
        return head, tail
    # _WORD on a plain chunk is _PLAIN_WORD; a word's shape reads the same
    # backwards, so the last word is the first of the reversed chunk.
    head, tail = _PLAIN_WORD.match(chunk), _PLAIN_WORD.match(chunk[::-1])
    return (head.group().casefold() if head else _NO_HEAD,
            tail.group()[::-1].casefold() if tail else _NO_TAIL)


@functools.lru_cache(maxsize=None)
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _compound_repeat(first: str, second: str) -> str | None:
    """The part repeated when `second` is a compound that starts with the word
    `first` ("color", "color-coding"), or `first` a compound that ends with the word
    `second` ("miles-thick", "thick"); parts of two letters or more. Else None."""
    if len(first) >= 2 and _compound_part(second, 0, _NO_HEAD) == first and not _JOINERS.search(first):
        return first
    if len(second) >= 2 and _compound_part(first, -1, _NO_TAIL) == second and not _JOINERS.search(second):
        return second
    return None


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _short_function_words(lang: str) -> frozenset[str]:
    """Stopwords of at most three letters ("in", "on", "off"): beside a compound that
    starts or ends with them they are as often the right word as a leftover."""
    return frozenset(w for w in stopwords(lang) if len(w) <= 3)


def _limit() -> int:
    """At most this many flags per paragraph: a pathological line ("the the the
    ..." for a megabyte) must not turn into a flag per word."""
    return int(_data.load("doubled").get("limits", {}).get("max_per_paragraph", _MAX_PER_PARAGRAPH))


def _paragraph_flags(p, allow: frozenset[str], inf, short: frozenset[str] = frozenset()) -> list[Flag]:
    """The exact rules on one paragraph (at most _limit() flags)."""
    raw = p.raw
    limit = _limit()
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(raw)]
    folded = [t[2].casefold() for t in toks]
    flags: list[Flag] = []

    def adjacent(i: int) -> bool:   # tokens i and i+1 are separated by blanks only
        return bool(_GAP.fullmatch(raw, toks[i][1], toks[i + 1][0]))

    for i in range(len(toks) - 1):
        if folded[i] != folded[i + 1]:
            part = _compound_repeat(folded[i], folded[i + 1])
            if part is None or not adjacent(i):
                continue
            (s1, _, w1), (_, e2, w2) = toks[i], toks[i + 1]
            if _has_digit(part) or w2[0].isupper() or part in allow or part in short:
                continue    # "as in in-person classes", "one carry-on on board": a preposition
            if len(flags) >= limit:
                return flags
            flags.append(make_flag(p, s1, e2, KIND, RULE,
                                   f"word repeated beside its compound: {raw[s1:e2]!r}"))
            continue
        if not adjacent(i):
            continue
        (s1, _, w1), (_, e2, w2) = toks[i], toks[i + 1]
        if _has_digit(w1) or w2[0].isupper() or folded[i] in allow:
            continue
        if len(flags) >= limit:
            return flags
        flags.append(make_flag(p, s1, e2, KIND, RULE, f"word repeated: {raw[s1:e2]!r}"))
    if inf is None:
        return flags
    markers, verbs, first_exclude, ok_pairs = inf
    for i in range(len(toks) - 2):
        if toks[i][2].lower() not in markers:
            continue
        v1, v2 = toks[i + 1][2], toks[i + 2][2]
        if v1 == v2 or v1 not in verbs or v2 not in verbs:   # as written: lower-case only
            continue
        if v1 in first_exclude or f"{v1} {v2}" in ok_pairs:
            continue
        if not (adjacent(i) and adjacent(i + 1)):
            continue
        if i + 3 < len(toks) and adjacent(i + 2) and toks[i + 3][2].lower() in ("and", "or"):
            continue  # "to read write and count": a list missing its comma
        if len(flags) >= limit:
            return flags
        s, e = toks[i + 1][0], toks[i + 2][1]
        flags.append(make_flag(p, s, e, KIND, RULE,
                               f"two verbs after '{toks[i][2]}': {raw[s:e]!r} (one is probably left over)"))
    return flags
