"""Language identification: deterministic, on a bounded sample, cheap first.

`detect_language(text)` returns an ISO 639-1 code or 'und'. It never looks at
more than ~1500 characters: the longest prose lines of the input. When the
sample is almost entirely one non-Latin script the answer comes from the script
itself (Greek, Hebrew, Hangul, kana, Thai, ...) or from langdetect restricted to
that script's few candidates; otherwise langdetect decides among all languages.

Latin and Cyrillic text is first put to a stopword vote (the vendored jusText
lists, one dictionary look-up per word): when one language's stopwords clearly
outnumber every other's, that is the answer and langdetect (~3 ms a document)
never runs. Close calls (Spanish/Catalan, Czech/Slovak, Danish/Norwegian, short
texts) still go to langdetect.

langdetect is imported lazily and run from a private factory with a fixed seed,
so the same input gives the same answer in every call and every process. Its
answer is the average of 7 random trials; when the first trials already settle
what the caller needs (which language comes first, and whether it reaches the
threshold), the rest are skipped. Its text preparation runs in a faster exact
equivalent (see cleaner/lang/langdetect_fast.py).
"""
from __future__ import annotations

import bisect
import functools
import gc
import itertools
import re
import threading
from collections import Counter

from cleaner.lang import langdetect_fast as _langdetect_fast
from cleaner.lang.codes import to_language
from cleaner.lang.stopwords import available, stopwords

__all__ = ["detect_language", "stopword_vote", "letter_script", "dominant_script", "script_of", "fine_script", "script_counts", "langdetect_probs",
           "normalize_code", "SAMPLE_CHARS"]

SAMPLE_CHARS = 1500
_MIN_LETTERS = 20          # below this the text is too small to say anything
_MIN_PROB = 0.5            # langdetect's best guess must reach this on the whole sample
_DOMINANT = 0.8            # share of letters that makes a script "the" script
# The stopword vote decides alone only with this much evidence:
_VOTE_MIN_WORDS = 20       # words in the sample
_VOTE_MIN_DENSITY = 0.2    # share of them that are the winner's stopwords (prose: 0.3-0.5)
_VOTE_MAX_WORDS = 120      # words read (the sample's first ones)
_VOTE_MAX_LISTS = 8        # a word in more stoplists than this does not vote
_VOTE_LIST_SIZE = 600      # a list longer than this votes with weight 600/size
_VOTE_MARGIN = 2.0         # the winner's weighted score is this many times the runner-up's

# (first code point, last code point, fine script name); sorted, non-overlapping.
_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0041, 0x005A, "latin"), (0x0061, 0x007A, "latin"), (0x00AA, 0x00AA, "latin"),
    (0x00BA, 0x00BA, "latin"), (0x00C0, 0x00D6, "latin"), (0x00D8, 0x00F6, "latin"),
    (0x00F8, 0x024F, "latin"), (0x0250, 0x02AF, "latin"), (0x1E00, 0x1EFF, "latin"),
    (0x2C60, 0x2C7F, "latin"), (0xA720, 0xA7FF, "latin"), (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0x0370, 0x03FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"), (0x1C80, 0x1C8F, "cyrillic"), (0x2DE0, 0x2DFF, "cyrillic"),
    (0xA640, 0xA69F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0700, 0x074F, "syriac"), (0x0780, 0x07BF, "thaana"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"), (0x1000, 0x109F, "myanmar"), (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"), (0x1200, 0x139F, "ethiopic"), (0x1780, 0x17FF, "khmer"),
    (0x3040, 0x30FF, "kana"), (0x3130, 0x318F, "hangul"), (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"), (0xD7B0, 0xD7FF, "hangul"), (0xF900, 0xFAFF, "han"),
    (0xFF66, 0xFF9F, "kana"), (0x20000, 0x2FA1F, "han"),
])
_STARTS = [r[0] for r in _RANGES]

# Fine script -> the coarse name `script_of` reports.
_COARSE = {"latin": "latin", "cyrillic": "cyrillic", "greek": "greek", "arabic": "arabic",
           "hebrew": "hebrew", "han": "cjk", "kana": "cjk", "hangul": "cjk"}

# A script that by itself names the language.
_SCRIPT_LANG = {"greek": "el", "hebrew": "he", "hangul": "ko", "thai": "th", "georgian": "ka",
                "armenian": "hy", "bengali": "bn", "gujarati": "gu", "gurmukhi": "pa",
                "tamil": "ta", "telugu": "te", "kannada": "kn", "malayalam": "ml",
                "sinhala": "si", "oriya": "or", "lao": "lo", "khmer": "km", "myanmar": "my",
                "tibetan": "bo", "ethiopic": "am", "thaana": "dv", "syriac": "syr"}

# A script shared by a few languages: langdetect decides, restricted to these.
_SCRIPT_CANDIDATES = {"cyrillic": ("ru", "uk", "bg", "mk"), "arabic": ("ar", "fa", "ur"),
                      "devanagari": ("hi", "mr", "ne")}

# Letters that settle a Cyrillic text for languages langdetect has no profile for.
_CYRILLIC_MARKS = (("ђћ", "sr"), ("ў", "be"), ("әғқңөұүһ", "kk"))

# Russian among the other Cyrillic candidates (uk, bg, mk), by its letters, when
# the stopword vote is unsure (Russian and Bulgarian share many stopwords): ы and
# э are about 2% of Russian letters and absent from the others' words; ъ is about
# 2% of Bulgarian letters and rare in Russian. A few quoted Russian words in
# another language stay under the share, and any Ukrainian or Macedonian letter
# leaves the question to langdetect.
_RU_LETTERS = "ыэ"
_RU_MIN_SHARE = 0.01        # of the sample's Cyrillic letters
_RU_MIN_COUNT = 5
_RU_MAX_HARD_SIGN = 0.005   # ъ, as a share of the Cyrillic letters
_NOT_RU_LETTERS = "іїєґѓќѕљњџј"


def fine_script(ch: str) -> str | None:
    """The script of one character (None for non-letters and unknown blocks)."""
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0:
        lo, hi, name = _RANGES[i]
        if cp <= hi:
            return name
    return None


_ASCII_LETTER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=4096)
def letter_script(ch: str) -> str | None:
    """The fine script of one letter ('other' for an unknown block), None for a non-letter."""
    if not ch.isalpha():
        return None
    return fine_script(ch) or "other"


def script_counts(text: str) -> dict[str, int]:
    """Letters per fine script name.

    ASCII letters are counted with one bytes.translate() and the rest by
    distinct character (Counter runs in C), so the cost stays near a few passes
    over the text whatever its script.
    """
    counts: dict[str, int] = {}
    ascii_only = text.isascii()
    # UTF-8 bytes of A-Za-z are those letters and nothing else.
    data = text.encode("ascii") if ascii_only else text.encode("utf-8", "surrogatepass")
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    if ascii_letters:
        counts["latin"] = ascii_letters
    if ascii_only:
        return counts
    for ch, n in Counter("".join(_NON_ASCII.findall(text))).items():
        name = letter_script(ch)
        if name is not None:
            counts[name] = counts.get(name, 0) + n
    return counts


def dominant_script(counts: dict[str, int]) -> tuple[str, float]:
    """The script with most letters in `script_counts` output (kana and kanji
    count as one), and its share; ('none', 0.0) for no letters."""
    total = sum(counts.values())
    if not total:
        return "none", 0.0
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    merged = dict(counts)
    if cjk and counts.get("kana", 0):
        # Japanese mixes kana and kanji: one script for dominance purposes.
        merged.pop("han", None)
        merged["kana"] = cjk
    name = max(sorted(merged), key=lambda k: merged[k])
    return name, merged[name] / total


def script_of(text: str) -> str:
    """The dominant script of `text`'s letters.

    One of latin, cyrillic, greek, arabic, hebrew, cjk, other ('other' also when
    there are no letters at all).
    """
    counts = script_counts(text)
    if not counts:
        return "other"
    coarse: dict[str, int] = {}
    for k, v in counts.items():
        c = _COARSE.get(k, "other")
        coarse[c] = coarse.get(c, 0) + v
    return max(sorted(coarse), key=lambda k: coarse[k])


def normalize_code(code: str) -> str:
    """langdetect's codes to ISO 639-1: 'zh-cn'/'zh-tw' -> 'zh', lower-case."""
    try:
        return _NORMALIZED[code]
    except (KeyError, TypeError):        # TypeError: None
        pass
    norm = (code or "").strip().lower().replace("_", "-")
    out = norm.split("-", 1)[0] if norm else "und"
    if isinstance(code, str) and len(_NORMALIZED) < 4096:
        _NORMALIZED[code] = out
    return out


# code -> normalize_code(code): langdetect's judges normalise its ~55 codes after
# every trial (hundreds of calls per document it decides).
_NORMALIZED: dict[str, str] = {}


def given_code(value) -> str | None:
    """A language code a record or document already carries, as the ISO 639-1
    code the rule packs use; None when it is not one (then detect instead).

    'en', 'EN', 'pt-BR', 'zh_Hans', 'eng', 'deu_Latn' give 'en', 'en', 'pt', 'zh', 'en',
    'de' (cleaner.lang.codes). Anything else (None, a number, 'English', 'xx', '') is not
    taken: a wrong guess would pick another language's rules, detection does not."""
    return to_language(value)


_factory_lock = threading.Lock()
FREEZE_AFTER_LOAD = False   # gc.freeze() once langdetect's profiles are loaded (set by the CLI)


@functools.lru_cache(maxsize=1)
def _factory():
    # Lazy: importing langdetect and loading its 55 profiles costs ~0.15 s.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    # The profiles are ~90,000 lists that live as long as the process. The
    # collector would walk them again and again while they are made (loading
    # takes half the time with it off), so it is off while loading. Our own
    # processes (the CLI and its workers) also move everything alive then to the
    # permanent generation, so later full collections skip it (~50 ms each); a
    # library must not do that to its host's objects, so it is opt-in.
    enabled = gc.isenabled()
    gc.disable()
    try:
        f = DetectorFactory()
        f.load_profile(PROFILES_DIRECTORY)
    finally:
        if enabled:
            gc.enable()
    f.seed = 0
    if FREEZE_AFTER_LOAD:
        gc.freeze()
    return f


def langdetect_probs(text: str, candidates: tuple[str, ...] | None = None,
                     max_chars: int = SAMPLE_CHARS, *,
                     give_up: tuple[frozenset[str], float] | None = None) -> list[tuple[str, float]]:
    """(code, probability) pairs best first, codes normalised; [] on any failure.

    Deterministic: a private langdetect factory with seed 0 and a fresh detector
    per call. `candidates` restricts the answer to those langdetect codes.

    give_up=(codes, min_prob): the caller only wants to know whether some
    language outside `codes` gets min_prob or more. langdetect averages 7
    independent trials; once the trials done leave no such language able to
    reach min_prob whatever the rest give, the answer is [] at once. Otherwise
    the result is the same as without give_up.
    """
    judge = None if give_up is None else functools.partial(_hopeless, frozenset(give_up[0]), give_up[1])
    try:
        return _langdetect(text, candidates, max_chars, judge)
    except _Verdict as v:
        return v.value
    except Exception:  # langdetect raises on featureless text; never let it escape
        return []


langdetect_probs.gives_up = True     # honours give_up (a stand-in put in its place may not)


def _langdetect_top(text: str, candidates: tuple[str, ...] | None = None, min_prob: float = 0.0) -> str:
    """The code langdetect_probs(text, candidates) puts first if its probability
    is at least min_prob, else 'und' (also for no answer at all).

    langdetect stops as soon as the trials done settle it (see _settled); a
    stand-in put in place of langdetect_probs is asked the plain question."""
    fn = langdetect_probs
    if not getattr(fn, "gives_up", False):
        probs = fn(text, candidates) if candidates else fn(text)
        return probs[0][0] if probs and probs[0][1] >= min_prob else "und"
    try:
        probs = _langdetect(text, candidates, SAMPLE_CHARS, functools.partial(_settled, min_prob))
    except _Verdict as v:
        return v.value
    except Exception:
        return "und"
    return probs[0][0] if probs and probs[0][1] >= min_prob else "und"


def _langdetect(text: str, candidates, max_chars: int, judge) -> list[tuple[str, float]]:
    """langdetect_probs' work; raises _Verdict when `judge` settles it early
    (and langdetect's exceptions)."""
    with _factory_lock:
        f = _factory()
    d = _langdetect_fast.detector_class()(f)          # what f.create() makes, or a faster equivalent
    d.set_max_text_length(max_chars)
    if candidates:
        prior = {c: 1.0 for c in candidates if c in f.langlist}
        if prior:
            d.set_prior_map(prior)
    if judge is not None:
        d.judge = judge
    d.append(text[:max_chars])
    probs = d.get_probabilities()
    out: dict[str, float] = {}
    for p in probs:
        code = normalize_code(p.lang)
        out[code] = out.get(code, 0.0) + float(p.prob)
    return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))


_Verdict = _langdetect_fast.Verdict

# Judges: called after each of langdetect's trials with the language list, the
# probabilities so far (each trial adds its own / n_trial) and the share of the
# trials still to come; they return the final answer if it is already certain,
# else None. A trial's probabilities are normalised (they sum to 1), so the
# trials to come add at most `rest` to any code's probability, and nothing is
# ever taken away; _SLACK covers the rounding. langdetect lists a language only
# above _LISTED (its PROB_THRESHOLD, 0.1).
_SLACK = 1e-9
_LISTED = 0.1


def _code_sums(langlist, acc) -> dict[str, float]:
    sums: dict[str, float] = {}
    for lang, p in zip(langlist, acc):
        code = normalize_code(lang)
        sums[code] = sums.get(code, 0.0) + p
    return sums


def _hopeless(codes: frozenset[str], min_prob: float, langlist, acc, rest: float):
    """[] once no code outside `codes` can reach min_prob (langdetect_probs' give_up)."""
    most = max((p for code, p in _code_sums(langlist, acc).items() if code not in codes), default=0.0)
    return [] if most + rest + _SLACK < min_prob else None


def _settled(min_prob: float, langlist, acc, rest: float):
    """For _langdetect_top: 'und' once no code can reach min_prob; a code once
    it is certain to come first with min_prob or more."""
    upper = _code_sums(langlist, acc)
    if min_prob > 0 and max(upper.values(), default=0.0) + rest + _SLACK < min_prob:
        return "und"
    # A language already above _LISTED stays listed, and its code gets at least its probability.
    lower: dict[str, float] = {}
    for lang, p in zip(langlist, acc):
        if p > _LISTED:
            code = normalize_code(lang)
            lower[code] = max(lower.get(code, 0.0), p)
    if not lower:
        return None
    best = max(sorted(lower), key=lower.__getitem__)
    floor = lower[best]
    if floor >= min_prob and all(p + rest + _SLACK < floor for code, p in upper.items() if code != best):
        return best
    return None


_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"\w\w+")     # the \w+ runs of two characters or more
# A line with 6 or more \w+ runs (found in one pass at most 6 runs long from
# each run start; possessive, so it never backtracks).
_PROSE = re.compile(r"(?<!\w)\w++(?:\W++\w++){5}")


def _sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The longest prose-looking lines, up to `limit` characters, in input order.

    Prose lines have 6+ words; when there is none, any line will do. Lines are
    taken longest first (earlier first among equals) until `limit` is reached,
    so only the longest lines need the word count."""
    lines = [ln for ln in map(str.strip, text.splitlines()) if ln]
    if not lines:
        return ""
    # (-len, index) order: reverse=True keeps equal keys in input order
    order = sorted(range(len(lines)), key=list(map(len, lines)).__getitem__, reverse=True)
    prose = (i for i in order if _PROSE.search(lines[i]))
    first = next(prose, None)
    pool = order if first is None else itertools.chain((first,), prose)
    chosen: list[tuple[int, int]] = []      # (line index, characters kept)
    size = 0
    for i in pool:
        if size >= limit:
            break
        n = min(len(lines[i]), limit - size)
        chosen.append((i, n))
        size += n + 1
    return "\n".join(lines[i][:n] for i, n in sorted(chosen))


def _non_latin_codes() -> set[str]:
    codes = set(_SCRIPT_LANG.values()) | {"ja", "zh"}
    for candidates in _SCRIPT_CANDIDATES.values():
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
        codes = [c for c in available() if c in _SCRIPT_CANDIDATES["cyrillic"]]
    else:
        non_latin = _non_latin_codes()
        codes = [c for c in available() if c not in non_latin]
    index: dict[str, list[str]] = {}
    mine: set[str] = set()          # the letters of `script` seen so far
    others: set[str] = set()        # the other characters seen so far
    for code in codes:
        for w in stopwords(code):
            if not w.isalpha():
                continue
            chars = set(w)
            if not chars <= mine:
                new = chars - mine - others
                for ch in new:
                    (mine if letter_script(ch) == script else others).add(ch)
                if not chars <= mine:
                    continue
            index.setdefault(w, []).append(code)
    size = {code: len(stopwords(code)) for code in codes}
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


def _russian_by_letters(low: str, cyrillic: int) -> bool:
    """Whether the lower-cased sample's letters settle Russian (see _RU_LETTERS)."""
    if cyrillic <= 0 or any(ch in low for ch in _NOT_RU_LETTERS):
        return False
    marks = sum(map(low.count, _RU_LETTERS))
    return (marks >= max(_RU_MIN_COUNT, _RU_MIN_SHARE * cyrillic)
            and low.count("ъ") <= _RU_MAX_HARD_SIGN * cyrillic)


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or 'und' when it cannot be told."""
    try:
        return _detect(text)
    except Exception:
        return "und"


def _detect(text: str) -> str:
    if not text:
        return "und"
    sample = _sample(text)
    counts = script_counts(sample)
    if sum(counts.values()) < _MIN_LETTERS:
        return "und"
    script, share = dominant_script(counts)
    if script != "latin" and share >= _DOMINANT:
        if script == "kana":
            return "ja"
        if script == "han":
            return "zh"
        if script in _SCRIPT_LANG:
            return _SCRIPT_LANG[script]
        if script == "cyrillic":
            low = sample.lower()
            for letters, code in _CYRILLIC_MARKS:
                if any(ch in low for ch in letters):
                    return code
            voted = stopword_vote(sample, script)
            if voted:
                return voted
            if _russian_by_letters(low, counts.get("cyrillic", 0)):
                return "ru"
        if script in _SCRIPT_CANDIDATES:
            return _langdetect_top(sample, _SCRIPT_CANDIDATES[script])
    if script in ("latin", "cyrillic"):
        voted = stopword_vote(sample, script)
        if voted:
            return voted
    return _langdetect_top(sample, None, _MIN_PROB)
