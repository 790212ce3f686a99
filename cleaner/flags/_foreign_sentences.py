"""foreign-language inside a paragraph: a run of sentences in another language.

A translator's untranslated sentence sits inside an English paragraph, where the
paragraph test (foreign_language.detect) cannot see it: the paragraph is still
mostly English. Each sentence of 6+ words gets the same cheap pre-test, from the
per-token counts the paragraph test already keeps (_foreign_counts; no new pass
over characters): letters mostly in a script the document's language is not
written in, few of its stopwords, or many more of its rivals' stopwords. Only
then langdetect runs, on that sentence alone, and must name another language
with p >= 0.9 whose stopwords the sentence uses like prose (_foreign_judge).
The flag spans the run of such sentences. Thresholds: rules/flags/foreign.toml [sentence].
"""
from __future__ import annotations

import functools

import regex

from cleaner.flags import _data, _util
from cleaner.flags._foreign_counts import MAX_PARA_TOKENS, token_counts, unpack
from cleaner.flags._foreign_data import conf, expected_scripts, limits, similar
from cleaner.flags._foreign_judge import judge
from cleaner.lang.stopwords import stopwords
from cleaner.text import scan

_END = regex.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
_START = regex.compile(r"^[\"'\u201c\u2018\u00ab\u201e(\[]*[\p{Lu}\p{Lo}\p{N}]")
_TOKEN = regex.compile(r"\S+")
#: the last character of any token _END matches: a cheap test before the regex
_END_CHARS = frozenset(".!?\u2026\"'\u201d\u2019\u00bb)]")


@functools.lru_cache(maxsize=1)
def _conf() -> tuple[int, float, int, float, float]:
    table = _data.load("foreign").get("sentence", {})
    return (int(table.get("min_words", 6)), float(table.get("max_stopword_density", 0.15)),
            int(table.get("min_paragraph_words", 12)), float(table.get("rival_factor", 2.0)),
            float(table.get("min_rival_density", 0.4)))


def sentences(tokens: tuple[str, ...]) -> list[tuple[int, int]]:
    """[start, end) token ranges of the sentences: a token ending a sentence
    (. ! ? … and closing quotes) followed by one that can start one."""
    out, start = [], 0
    for k in range(len(tokens) - 1):
        token = tokens[k]
        if token[-1] in _END_CHARS and _END.search(token) and _START.match(tokens[k + 1]):
            out.append((start, k + 1))
            start = k + 1
    out.append((start, len(tokens)))
    return out


def _pretest(total: int, lang: str, conf: tuple) -> bool:
    """May a sentence with these packed counts (_foreign_counts.totals) be in another language?
    A close relative (Spanish in English: 'a', 'no', 'me') keeps some of the
    document language's stopwords, but has many more of its rivals'."""
    min_words, max_density, _, rival_factor, min_rival = conf
    n, upper, lower, stop, rival, nonlatin = unpack(total)
    if n < min_words or upper > (upper + lower) * limits().max_capitalised:
        return False
    expected = expected_scripts(lang)
    if expected is not None:
        if ("latin" in expected) != (2 * nonlatin < n):
            return True          # mostly letters of a script the language does not use
    if not stopwords(lang):
        return False
    return stop < max_density * n or (rival >= rival_factor * stop and rival >= min_rival * n)


def find(paragraphs, lang: str, skip: set[int]) -> list[tuple]:
    """(paragraph, start, end, language, probability) for each run of foreign
    sentences inside paragraphs (not those indexed in `skip`, flagged whole
    already); start and end are offsets into the paragraph's raw text."""
    sconf = _conf()
    min_words, min_para = sconf[0], sconf[2]
    c = conf()
    min_p = float(c.get("min_probability", 0.9))
    max_chars = int(c.get("sample_chars", 600))
    min_found = float(c.get("min_detected_density", 0.15))
    same = similar(lang)
    todo = [k for k, p in enumerate(paragraphs) if k not in skip and len(p.text) >= 2 * min_para]
    # a slice of paragraphs' tokens at a time (memory: a big document's are many)
    token_lists = (tokens for part in scan.slices(todo, [len(paragraphs[k].text) for k in todo])
                   for tokens in _util.split_all([paragraphs[k].text for k in part]))
    count = token_counts(lang)
    found: list[tuple] = []
    for k, tokens in zip(todo, token_lists):
        if len(tokens) < min_para or len(tokens) > MAX_PARA_TOKENS:
            continue
        spans = sentences(tokens)
        if len(spans) < 2:
            continue          # one sentence: the paragraph test's business
        hits = []
        for a, b in spans:
            if b - a < min_words or not _pretest(sum(map(count, tokens[a:b])), lang, sconf):
                continue
            judged = judge(" ".join(tokens[a:b]), same, min_p, max_chars, min_found)
            if judged is None:
                continue
            top, prob = judged
            if hits and hits[-1][1] == a and hits[-1][2] == top:
                hits[-1] = (hits[-1][0], b, top, max(prob, hits[-1][3]))
            else:
                hits.append((a, b, top, prob))
        if hits:
            found.extend(_spans(paragraphs[k], tokens, hits))
    return found


def _spans(p, tokens, hits) -> list[tuple]:
    raw = [m.span() for m in _TOKEN.finditer(p.raw)]
    if len(raw) != len(tokens):
        return []             # the raw line splits otherwise: no offsets to trust
    return [(p, raw[a][0], raw[b - 1][1], top, prob) for a, b, top, prob in hits]
