"""langdetect's Detector with its text preparation done in C-level calls (speed only).

langdetect's Detector spends much of its time before the sampling even
starts: append() and cleaning_text() loop over the characters in Python, and
_extract_ngrams() makes a method call per character. The Detector here does
exactly what those do for langdetect 1.0.9 (the same text, the same n-gram
list, so the same random draws and the same probabilities) with the loops in C
or once per distinct word; the sampling itself is langdetect's own code, plus a
`judge` looked at after each trial that may settle the answer early (see
cleaner.lang.langdetect_run.langdetect_probs' give_up). For another langdetect
version the library's Detector runs unchanged (and no judge is asked).
"""
from __future__ import annotations

import functools
import re
from collections import Counter


class Verdict(Exception):
    """A judge settled the answer before langdetect's last trial."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


@functools.lru_cache(maxsize=1)
def detector_class():
    """The Detector class to use: the faster one for langdetect 1.0.9, else langdetect's own."""
    from langdetect.detector import Detector
    try:
        from importlib.metadata import version
        if version("langdetect") != "1.0.9":
            return Detector
    except Exception:
        return Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram
    from langdetect.utils.unicode_block import unicode_block

    class _Detector(Detector):
        def append(self, text):
            text = self.URL_RE.sub(" ", text)
            text = self.MAIL_RE.sub(" ", text)
            text = NGram.normalize_vi(text)
            # the first max_text_length characters, without a space after a space
            self.text += _SPACE_RUN.sub(" ", text[:max(self.max_text_length, 0)])

        def cleaning_text(self):
            latin = non_latin = 0
            for ch, n in Counter(self.text).items():
                if "A" <= ch <= "z":
                    latin += n
                elif ch >= "\u0300" and unicode_block(ch) != "Latin Extended Additional":
                    non_latin += n
            if latin * 2 < non_latin:
                self.text = _LATIN_AZ.sub("", self.text)

        def _extract_ngrams(self):
            return _extract_ngrams(self.text, self.word_lang_prob_map)

        judge = None

        def _detect_block(self):
            # Detector._detect_block (without its verbose output), the random
            # draw and the update inline, and the judge's look after each trial.
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            self.langprob = [0.0] * len(self.langlist)
            self.random.seed(self.seed)
            word_map, base_freq = self.word_lang_prob_map, self.BASE_FREQ
            # random.choice(ngrams) is ngrams[_randbelow(len(ngrams))] (Python 3.11-3.13): the same draws
            randbelow, n_grams = self.random._randbelow, len(ngrams)
            for t in range(self.n_trial):
                prob = self._init_probability()
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / base_freq
                i = 0
                while True:
                    # Detector._update_lang_prob, inline: one call less per draw (the
                    # loop stays as it is: 3.11 runs its float operations specialised,
                    # faster than map() or a comprehension building a new list)
                    lang_probs = word_map.get(ngrams[randbelow(n_grams)])
                    if lang_probs is not None:
                        for j in range(len(prob)):
                            prob[j] *= weight + lang_probs[j]
                    if i % 5 == 0:
                        if self._normalize_prob(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
                for j in range(len(self.langprob)):
                    self.langprob[j] += prob[j] / self.n_trial
                if self.judge is not None:
                    verdict = self.judge(self.langlist, self.langprob, (self.n_trial - t - 1) / self.n_trial)
                    if verdict is not None:
                        raise Verdict(verdict)

    return _Detector


_SPACE_RUN = re.compile("  +")
_LATIN_AZ = re.compile("[A-z]")       # Detector.cleaning_text's 'A' <= ch <= 'z'
_NORMALIZED: dict[int, str] = {}      # code point -> NGram.normalize(its character)
_GRAMS: dict[str, tuple[str, ...]] = {}        # word -> its n-grams (with the space after it)
_GRAMS_LAST: dict[str, tuple[str, ...]] = {}   # the same for a word that ends the text
_GRAMS_MAX = 1 << 17     # (dicts read inline: an lru_cache per word costs 5% more in _extract_ngrams)


def _extract_ngrams(text: str, word_map: dict) -> list[str]:
    """Detector._extract_ngrams() on `text`.

    NGram's buffer starts afresh after every (normalised) space, so the n-grams
    are those of each space-separated word (with the space after it, when there
    is one), computed once per distinct word."""
    global _NORMALIZED, _GRAMS, _GRAMS_LAST
    norm = _NORMALIZED
    missing = set(map(ord, text)).difference(norm)
    if missing:
        from langdetect.utils.ngram import NGram
        if len(norm) > _GRAMS_MAX:      # a new dict: another thread may be using the old one
            norm = _NORMALIZED = {}
            missing = set(map(ord, text))
        for cp in missing:
            norm[cp] = NGram.normalize(chr(cp))
    pieces = text.translate(norm).split(" ")
    last = pieces.pop()
    grams, grams_last = _GRAMS, _GRAMS_LAST
    if len(grams) > _GRAMS_MAX or len(grams_last) > _GRAMS_MAX:
        grams = _GRAMS = {}
        grams_last = _GRAMS_LAST = {}
    out: list[str] = []
    for word in pieces:
        if word:
            got = grams.get(word)
            if got is None:
                got = grams[word] = _word_ngrams(word + " ", word_map)
            out += got
    if last:
        got = grams_last.get(last)
        if got is None:
            got = grams_last[last] = _word_ngrams(last, word_map)
        out += got
    return out


def _word_ngrams(chars: str, word_map: dict) -> tuple[str, ...]:
    """NGram.add_char() and the n-gram loop of _extract_ngrams over `chars`
    (already normalised), starting from a fresh buffer."""
    out = []
    grams, capital = " ", False
    for ch in chars:
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w and w != " " and w in word_map:
                out.append(w)
    return tuple(out)
