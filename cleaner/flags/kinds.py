"""The flag kinds a user can choose (`--flags`, `clean(flags=)`, `CleanerStep(flags=)`).

Kept apart from `cleaner.flags`, which imports every detector: `clean --help` and
argument checking need the names, not the detectors. `cleaner.flags` checks that each
detector's KIND is listed here.
"""
from __future__ import annotations

from typing import Iterable

__all__ = ["FLAG_KINDS", "DETECTOR_KINDS", "ENGINE_KINDS", "choose_flags", "ALL"]

# One per detector module in cleaner/flags/, in the order they run.
DETECTOR_KINDS: tuple[str, ...] = ("quote-style", "unbalanced-quote", "doubled-word", "fragment", "mojibake",
                                   "foreign-language")
# Raised by the engine itself: the trailing-list mechanism, the off-topic contrast and the over-removal guard.
ENGINE_KINDS: tuple[str, ...] = ("suspected_related", "suspected_offtopic", "suspected_over_removal")
FLAG_KINDS: tuple[str, ...] = DETECTOR_KINDS + ENGINE_KINDS

ALL = None   # the chosen kinds when every flag is wanted, user packs' kinds included


def choose_flags(value, extra_kinds: Iterable[str] = ()) -> frozenset[str] | None:
    """The flag kinds `value` chooses: None for all, else a frozenset (empty for none).

    value: True/"all", False/"none", a comma-separated string of kinds, or an
    iterable of kinds. extra_kinds: the kinds of user packs' flag rules, which are
    valid choices too. An unknown kind raises ValueError naming it, so a typo never
    silently switches every flag off.
    """
    if value is True or value is None:
        return ALL
    if value is False:
        return frozenset()
    if isinstance(value, str):
        word = value.strip()
        if word == "all":
            return ALL
        if word == "none":
            return frozenset()
        items = [k.strip() for k in word.split(",")]
    else:
        try:
            items = [str(k).strip() for k in value]
        except TypeError:
            raise ValueError(f"flags: expected True, False, 'all', 'none' or flag kinds, not {value!r}") from None
    known = set(FLAG_KINDS) | set(extra_kinds)
    for kind in items:
        if kind not in known:
            raise ValueError(f"flags: unknown flag kind {kind!r} (one of all, none, {', '.join(FLAG_KINDS)})")
    return frozenset(items)


def wants(chosen: frozenset[str] | None, kind: str) -> bool:
    """Whether a flag of `kind` is wanted under the choice `chosen`."""
    return chosen is None or kind in chosen
