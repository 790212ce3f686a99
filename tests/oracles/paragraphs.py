"""Kept paragraphs as the engine hands them to the flag detectors, built from raw
strings: the helpers every oracle file shares."""
from __future__ import annotations

import types

from cleaner.text.segment import normalize_space


def para(raw: str, start: int = 0, text: str | None = None):
    """One paragraph: its raw text at offset `start`, and its normalised text."""
    return types.SimpleNamespace(start=start, raw=raw, text=normalize_space(raw) if text is None else text,
                                 end=start + len(raw))


def as_paragraphs(raws: list[str]) -> list:
    """Kept paragraphs as detect_flags gets them: offsets as in a text joined by line breaks."""
    out, pos = [], 0
    for raw in raws:
        if raw.strip():
            out.append(para(raw, pos))
        pos += len(raw) + 1
    return out
