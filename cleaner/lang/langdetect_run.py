"""langdetect, run deterministically and stopped as soon as the answer is settled.

langdetect is imported lazily and run from a private factory with a fixed seed,
so the same input gives the same answer in every call and every process. Its
answer is the average of 7 random trials; when the first trials already settle
what the caller needs (which language comes first, and whether it reaches the
threshold), the rest are skipped. Its text preparation runs in a faster exact
equivalent (see cleaner/lang/langdetect_fast.py).

Optional accelerator: when langdetect-rs is installed (`pip install '.[fast]'`),
the trials run in its compiled port of langdetect, whose probabilities are
bit-identical to langdetect's for the same seed (27 times faster on news
paragraphs). It runs every trial, then the caller's judge looks once at the final
probabilities, as after langdetect's last trial, so the answers are the same. The
environment variable CLEANER_PURE_PYTHON=1 forces the pure path (the identity test
compares the two).
"""
from __future__ import annotations

import functools
import gc
import os
import threading

from cleaner.lang import langdetect_fast as _langdetect_fast
from cleaner.lang.codes import normalize_code

__all__ = ["langdetect_probs", "langdetect_top", "SAMPLE_CHARS", "FREEZE_AFTER_LOAD"]

SAMPLE_CHARS = 1500        # the most language id reads of a text (cleaner.lang.detect); langdetect_probs' default

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


@functools.lru_cache(maxsize=1)
def _rs_factory():
    """langdetect-rs's factory with langdetect's profiles and seed 0, or None when the
    accelerator is not installed or CLEANER_PURE_PYTHON is set."""
    if os.environ.get("CLEANER_PURE_PYTHON"):
        return None
    try:
        import langdetect_rs
    except ImportError:
        return None
    f = langdetect_rs.DetectorFactory()
    f.load_profile(langdetect_rs.PROFILES_DIRECTORY)
    f.set_seed(0)
    return f


def backend() -> str:
    """Which langdetect runs: 'langdetect-rs' (the accelerator) or 'langdetect'."""
    with _factory_lock:
        return "langdetect" if _rs_factory() is None else "langdetect-rs"


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


def langdetect_top(text: str, candidates: tuple[str, ...] | None = None, min_prob: float = 0.0) -> str:
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
        rs = _rs_factory()
        f = _factory() if rs is None else rs
    if rs is None:
        d = _langdetect_fast.detector_class()(f)      # what f.create() makes, or a faster equivalent
    else:
        d = rs.create()
    d.set_max_text_length(max_chars)
    langlist = f.langlist if rs is None else rs.get_lang_list()
    if candidates:
        prior = {c: 1.0 for c in candidates if c in langlist}
        if prior:
            d.set_prior_map(prior)
    if judge is not None and rs is None:
        d.judge = judge
    d.append(text[:max_chars])
    probs = d.get_probabilities()
    if judge is not None and rs is not None:
        # the look the pure path takes after the last trial (none are left to come)
        verdict = judge(langlist, d.langprob, 0.0)
        if verdict is not None:
            raise _Verdict(verdict)
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
    """For langdetect_top: 'und' once no code can reach min_prob; a code once
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
