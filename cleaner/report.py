"""The report types: what was removed, what was flagged, and the result object.

Every entry carries code-point offsets into the *original* input, so a user can
audit a removal or undo it by slicing the input.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removal:
    start: int
    end: int
    category: str
    rule: str
    text: str
    #: for the main-text finder, one entry per removed line: its class, its weight
    #: in the span search, the run taken for the article and the learnt article
    #: probability; None for pack rules
    evidence: list | None = field(default=None, compare=False)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "category": self.category, "rule": self.rule,
             "text": self.text}
        if self.evidence is not None:
            d["evidence"] = self.evidence
        return d


@dataclass(frozen=True)
class Flag:
    start: int
    end: int
    kind: str
    rule: str
    message: str
    text: str

    def to_dict(self) -> dict:
        # a literal, not dataclasses.asdict (which deep-copies every field): the fields are ints and strs
        return {"start": self.start, "end": self.end, "kind": self.kind, "rule": self.rule,
                "message": self.message, "text": self.text}


@dataclass
class Result:
    """What `clean()` returns; `to_dict()` is the documented JSON schema."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "flags": [f.to_dict() for f in self.flags],
            "meta": dict(self.meta),
        }
