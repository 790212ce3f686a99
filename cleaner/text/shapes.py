"""Line shapes: the one home of the character classes and patterns that say what a
line looks like (ends a sentence, is a list item, holds zero-width characters).

Two notions have two strengths on purpose, each named for what it is used for:
the region rules and the light mechanisms read a list item loosely
(`BULLET_ITEM`: the marker may touch its text, arrows and squares count), while
the main-text finder's line model was trained on the strict form
(`BULLET_MARKER`: a marker, then a space). Changing either moves results.
"""
from __future__ import annotations

import regex

# Zero-width characters that only mark or forbid a break: ZWSP, word joiner, BOM.
# Whitespace folding may drop them where they touch a blank (text.segment).
ZERO_WIDTH_BREAKS = "\u200b\u2060\ufeff"
# The joiners ZWNJ and ZWJ: part of the word (Persian, Indic scripts, emoji
# sequences), never touched by folding.
JOINERS = "\u200c\u200d"
# Every invisible character a detector skips over at a span's edge.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

# A line that ends a sentence: final punctuation, then any closing quotes or brackets.
SENTENCE_END = regex.compile(r"[.!?…:;。！？]['\"”’»)]*$")
# The main-text finder's test of the same (also `]` closes), as characters, so it
# needs no regex scan (cleaner.mechanisms.mainfinder.features.is_terminal).
TERMINAL_CHARS = ".!?…。！？;:"
TERMINAL_CLOSERS = "\"'”’»)]"

# A list item, read loosely: a marker (dash, bullet, arrow, square, "1." or "2)") then text.
BULLET_ITEM = regex.compile(r"^(?:[-–—•*·▪►▸●◦○■□➤→»]|\d{1,2}[.)])\s*\S")
# A list marker, read strictly: the finder's trained feature.
BULLET_MARKER = regex.compile(r"^(?:[-–—•*·▪►●○◦]|\d{1,2}[.)])\s")
