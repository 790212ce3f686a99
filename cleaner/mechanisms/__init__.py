"""Coded mechanisms: removals and flags that no phrase can express (regions,
captions, off-topic tails, the main-text finder...). Each has a stable id."""
