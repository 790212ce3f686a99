"""How big a user's pattern compiles, measured before it is compiled.

`regex` unrolls counted repeats, so nested ones multiply: `((a{1000}){1000}){1000}`
passes a per-count cap of 1000 and takes gigabytes, and so does `(?x)a{ 100000000 }`,
which a text search for `{N}` does not see. A rule pack is untrusted, so its
pattern is parsed first with the parser `regex.compile` itself uses (the same
inline flags, verbose mode, sets and escapes) and the repeat counts are multiplied
along the tree: the result is about the number of nodes the compiled pattern has.
The parse is cheap; only the compile expands.
"""
from __future__ import annotations

import regex

try:  # the parser regex.compile uses; private, so a fallback if it moves
    from regex import _regex_core as _core
except ImportError:  # pragma: no cover
    _core = None

_COUNT = regex.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")


class TooBig(ValueError):
    """The pattern would compile too big; the message says why."""


def size(pattern: str, flags: int = 0) -> int:
    """About how many nodes the compiled pattern has: every counted repeat multiplies
    what it repeats by its largest count (an unbounded one by its least)."""
    node = _parse(pattern, flags)
    if node is None:
        return _size_by_text(pattern)
    return _walk(node)


def _parse(pattern: str, flags: int):
    if _core is None:
        return None
    try:
        global_flags = flags
        while True:   # as regex.compile: an inline global flag restarts the parse
            source = _core.Source(pattern)
            info = _core.Info(global_flags, source.char_type, {})
            source.ignore_space = bool(info.flags & regex.VERBOSE)
            try:
                return _core._parse_pattern(source, info)
            except _core._UnscopedFlagSet:
                global_flags = info.global_flags
    except (AttributeError, TypeError):  # pragma: no cover - the private parser changed
        return None
    except regex.error:
        return None   # compile reports it, with its own message


def _walk(root) -> int:
    """The size of the tree, without recursion (patterns nest deeply)."""
    base = _core.RegexBase
    repeats = (_core.GreedyRepeat, _core.LazyRepeat, _core.PossessiveRepeat)
    total = 0
    stack = [(root, 1)]
    while stack:
        node, factor = stack.pop()
        total += factor
        if isinstance(node, repeats):
            count = node.max_count if node.max_count not in (None, _core.UNLIMITED) else node.min_count
            factor *= max(1, count or 1)
        for value in vars(node).values():
            if isinstance(value, base):
                stack.append((value, factor))
            elif isinstance(value, (list, tuple)):
                stack.extend((v, factor) for v in value if isinstance(v, base))
    return total


def _size_by_text(pattern: str) -> int:
    """Fallback without the parser: every count in the text multiplied, the worst case."""
    total = 1
    for m in _COUNT.finditer(pattern):
        total *= max(1, *(int(g) for g in m.groups() if g))
    return total
