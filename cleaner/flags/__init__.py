"""Flag detectors: translation and typesetting artifacts in the KEPT text.

Flags never remove or rewrite anything; each is a `cleaner.report.Flag` whose
start/end are code-point offsets into the original input and whose text equals
input[start:end].

A registry in the style of ftfy's fixers: `DETECTORS` maps a detector name to a
pure function ``detect(paragraphs, lang) -> list[Flag]``, one module per
detector. Their data (quote conventions, allowlists, verb lists, thresholds)
lives in rules/flags/*.toml.
"""
from __future__ import annotations

import fnmatch
from typing import Callable, Iterable

from cleaner.flags.kinds import DETECTOR_KINDS
from cleaner.lang.codes import normalize_code
from cleaner.report import Flag

from cleaner.flags import _quotes
from cleaner.flags import doubled_word
from cleaner.flags import foreign_language
from cleaner.flags import fragment
from cleaner.flags import mojibake
from cleaner.flags import quote_style
from cleaner.flags import unbalanced_quote

__all__ = ["detect_flags", "DETECTORS", "FLAG_RULES", "rule_ids"]

_MODULES = (quote_style, unbalanced_quote, doubled_word, fragment, mojibake, foreign_language)

if tuple(m.KIND for m in _MODULES) != DETECTOR_KINDS:   # the choosable kinds are listed once, there
    raise ImportError("cleaner.flags.kinds.DETECTOR_KINDS does not match the detector modules")

# name -> detect(paragraphs, lang) -> list[Flag]
DETECTORS: dict[str, Callable[..., list[Flag]]] = {
    m.__name__.rsplit(".", 1)[1]: m.detect for m in _MODULES
}

# For `clean --list-rules`: one entry per detector.
FLAG_RULES: list[dict] = [
    {"id": m.RULE, "kind": m.KIND, "description": m.DESCRIPTION} for m in _MODULES
]

_KIND_OF: dict[str, str] = {m.__name__.rsplit(".", 1)[1]: m.KIND for m in _MODULES}

_ALIASES: dict[str, str] = {}
for _m in _MODULES:
    _name = _m.__name__.rsplit(".", 1)[1]
    for _alias in (_m.RULE, _m.KIND, _name, "flag." + _m.KIND):
        _ALIASES[_alias] = _name


def rule_ids() -> list[str]:
    return [r["id"] for r in FLAG_RULES]


def _switched_off(disabled: Iterable[str]) -> set[str]:
    """Detector names switched off by `disabled`: rule ids ('flag.mojibake') or
    fnmatch patterns over them ('flag.*', 'flag.*quote*'), as the engine's
    RuleSet.disabled holds them; kinds ('mojibake') and module names
    ('unbalanced_quote') are accepted too. Unknown ids are ignored."""
    off: set[str] = set()
    for item in disabled or ():
        item = str(item).strip()
        if item in _ALIASES:
            off.add(_ALIASES[item])
        elif any(c in item for c in "*?["):
            off.update(name for alias, name in _ALIASES.items() if fnmatch.fnmatchcase(alias, item))
    return off


def detect_flags(paragraphs, lang: str, disabled: frozenset[str] = frozenset(),
                 kinds: frozenset[str] | None = None) -> list[Flag]:
    """Run every enabled detector over the kept paragraphs.

    paragraphs: the kept paragraphs in document order, each with .start (input
    offset of its first character), .raw (exactly input[start:end]) and .text
    (whitespace-normalised). lang: ISO 639-1 code of the document ('und' if
    unknown). disabled: rule ids the user switched off. kinds: the flag kinds
    wanted (None: all); a detector whose kind is not wanted does not run. Returns the flags sorted
    by (start, end, kind); at most one flag per (start, end, kind).
    """
    paragraphs = [p for p in paragraphs if p.raw and p.raw.strip()]
    lang = normalize_code(lang)
    off = _switched_off(disabled)
    flags: list[Flag] = []
    seen: set[tuple[int, int, str]] = set()
    for name, fn in DETECTORS.items():
        if name in off or (kinds is not None and _KIND_OF[name] not in kinds):
            continue
        for f in fn(paragraphs, lang):
            key = (f.start, f.end, f.kind)
            if key not in seen:
                seen.add(key)
                flags.append(f)
    _quotes.forget()
    flags.sort(key=lambda f: (f.start, f.end, f.kind))
    return flags
