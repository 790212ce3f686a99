"""One rule of a pack, and how it is searched safely.

Patterns are matched against the whitespace-normalised, lower-cased line (unless
`case_sensitive = true`), with the `regex` module and a match timeout: a rule pack
may come from anyone, and no user pattern may hang or crash the cleaner. A search
that times out or fails in the regex engine raises a RuleFailure naming the rule;
the engine then retires that rule for the rest of the document and reports the
message as a warning, instead of failing the document.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from cleaner.packs import prefilter as _prefilter

MATCH_TIMEOUT = 0.25  # seconds per pattern call; a pathological pattern is reported, not hung


class RuleFailure(RuntimeError):
    """A rule's pattern could not be searched; the engine switches the rule off for
    the document and reports this message as a warning."""

    def __init__(self, rule_id: str, message: str):
        super().__init__(message)
        self.rule_id = rule_id


class RuleTimeout(RuleFailure):
    """A rule's pattern exceeded MATCH_TIMEOUT on some input."""

    def __init__(self, rule_id: str):
        super().__init__(rule_id, f"rule {rule_id} timed out (pattern took longer than {MATCH_TIMEOUT}s)")


class RuleEngineError(RuleFailure):
    """The regex engine failed while searching a rule's pattern: a pattern `regex`
    compiles can still raise at search time (regex 2026.5 raises "invalid RE code"
    for `a\\G{e<=1}`), or run out of memory. A user's pattern must never crash a
    run, so this is reported by rule id, like a timeout."""

    def __init__(self, rule_id: str, exc: BaseException):
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        super().__init__(rule_id, f"rule {rule_id} failed in the regex engine ({detail})")


def _timed_search(rule_id: str, pattern, subject: str):
    """pattern.search under MATCH_TIMEOUT, every engine failure turned into a RuleFailure."""
    try:
        return pattern.search(subject, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        raise RuleTimeout(rule_id) from None
    except (RuntimeError, MemoryError, RecursionError, ValueError, regex.error) as exc:
        raise RuleEngineError(rule_id, exc) from None


@dataclass
class Rule:
    """A validated rule (cleaner/packs/load.py builds them from pack files)."""

    id: str
    category: str
    lang: str
    action: str
    pattern: regex.Pattern | None
    description: str = ""
    contains: tuple[str, ...] = ()
    cont: regex.Pattern | None = None
    stop: regex.Pattern | None = None
    region: str | None = None
    max_words: int | None = None
    min_words: int = 0
    where: str = "any"
    case_sensitive: bool = False
    meta: str | None = None
    kind: str | None = None
    attach_caption: bool = False
    source: str = ""

    def applies_to(self, line_words: int) -> bool:
        if line_words < self.min_words:
            return False
        return self.max_words is None or line_words <= self.max_words

    def search(self, text: str, low: str):
        """Search the line; raises a RuleFailure (timeout, engine error) instead of hanging or crashing."""
        subject = text if self.case_sensitive else low
        if self.contains and not any(c in low for c in self.contains):
            return None
        if self.pattern is None:
            return True
        # Speed only: a literal prefilter derived from the pattern (cleaner/packs/prefilter.py)
        # skips the timed search when the pattern cannot match; same answer, ~10x cheaper.
        pf = self.prefilter()
        if pf is not None:
            if pf[0] == "prefix":
                if not subject.startswith(pf[1]):
                    return None
            elif not _prefilter.check(pf, subject):
                return None
        return _timed_search(self.id, self.pattern, subject)

    def prefilter(self):
        """The pattern's literal prefilter (cleaner/packs/prefilter.py), analysed once."""
        cached = self.__dict__.get("_prefilter")
        if cached is None or cached[0] is not self.pattern:
            cached = self.__dict__["_prefilter"] = (self.pattern, _prefilter.build(self.pattern))
        return cached[1]

    def continues(self, low: str) -> bool:
        if self.cont is None:
            return False
        return bool(_timed_search(self.id, self.cont, low))

    def to_listing(self) -> dict:
        return {"id": self.id, "category": self.category, "lang": self.lang,
                "action": self.action + (f":{self.region}" if self.region else ""),
                "description": self.description, "source": self.source}
