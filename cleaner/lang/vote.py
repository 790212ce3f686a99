"""The stopword vote: Latin and Cyrillic text named by its stopwords, without langdetect.

Each word of the sample is looked up once in an index of the vendored jusText
lists; when one language's stopwords clearly outnumber every other's, that is
the answer and langdetect (~3 ms a document) never runs. Close calls
(Spanish/Catalan, Czech/Slovak, Danish/Norwegian, short texts) give None.
"""
from __future__ import annotations

import functools
import re

from cleaner.lang.scripts import SCRIPT_CANDIDATES, SCRIPT_LANG, letter_script
from cleaner.lang.stopwords import available, stopwords

__all__ = ["stopword_vote"]

# The stopword vote decides alone only with this much evidence:
_VOTE_MIN_WORDS = 20       # words in the sample
_VOTE_MIN_DENSITY = 0.2    # share of them that are the winner's stopwords (prose: 0.3-0.5)
_VOTE_MAX_WORDS = 120      # words read (the sample's first ones)
_VOTE_MAX_LISTS = 8        # a word in more stoplists than this does not vote
_VOTE_LIST_SIZE = 600      # a list longer than this votes with weight 600/size
_VOTE_MARGIN = 2.0         # the winner's weighted score is this many times the runner-up's

_LONG_WORD = re.compile(r"\w\w+")     # the \w+ runs of two characters or more


def _non_latin_codes() -> set[str]:
    codes = set(SCRIPT_LANG.values()) | {"ja", "zh"}
    for candidates in SCRIPT_CANDIDATES.values():
        codes.update(candidates)
    return codes


@functools.lru_cache(maxsize=None)
def _vote_index(script: str) -> dict[str, tuple[tuple[str, float], ...]]:
    """stopword -> (language, weight) for the k languages written in `script` whose list has it.

    Lists are filtered by script both ways: a Marathi list's stray English words
    must not vote in a Latin text. The weight is 1/k, and smaller for a long list
    (Finnish has 6,800 entries, many of them English names and words): a member
    of a long list is weaker evidence.
    """
    if script == "cyrillic":
        codes = [c for c in available() if c in SCRIPT_CANDIDATES["cyrillic"]]
    else:
        non_latin = _non_latin_codes()
        codes = [c for c in available() if c not in non_latin]
    # each list read once: there are more of them than stopwords() keeps cached
    lists = {code: stopwords(code) for code in codes}
    # the letters of `script`, each character of the lists judged once
    chars = set().union(*("".join(words) for words in lists.values()))
    mine = frozenset(ch for ch in chars if letter_script(ch) == script)
    index: dict[str, list[str]] = {}
    for code, words in lists.items():
        for w in words:
            if w.isalpha() and mine.issuperset(w):
                index.setdefault(w, []).append(code)
    size = {code: len(words) for code, words in lists.items()}
    return {w: tuple((c, min(1.0, _VOTE_LIST_SIZE / size[c]) / len(v)) for c in v)
            for w, v in index.items() if len(v) <= _VOTE_MAX_LISTS}


def stopword_vote(sample: str, script: str) -> str | None:
    """The language whose stopwords clearly dominate `sample`, or None (ask langdetect).

    The jusText lists are frequency lists from Wikipedia and share many words
    ("the" is in 27 of them), so a word shared by k lists gives each 1/k of a
    vote (less from a very long list); words in more than _VOTE_MAX_LISTS lists
    carry next to no evidence and are skipped, and one-letter words (mojibake
    fragments, initials) do not vote. At most _VOTE_MAX_WORDS words are read.
    """
    words = _LONG_WORD.findall(sample.lower())[:_VOTE_MAX_WORDS]
    if len(words) < _VOTE_MIN_WORDS:
        return None
    index = _vote_index(script)
    score: dict[str, float] = {}
    for votes in filter(None, map(index.get, words)):     # the words with votes, in order
        for code, share in votes:
            score[code] = score.get(code, 0.0) + share
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    n = len(words)
    if best_score < _VOTE_MARGIN * runner_up:
        return None
    own = stopwords(best)
    if sum(map(own.__contains__, words)) < _VOTE_MIN_DENSITY * n:
        return None
    return best
