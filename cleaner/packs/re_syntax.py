"""The syntax tree of a `regex` pattern, from the standard library's private parser.

The literal prefilter (cleaner/packs/prefilter.py) reads the strings a pattern
needs off its parse tree. The only parser of regular expressions that ships with
Python and returns a tree is the standard library's own, `re._parser` (named
`sre_parse` before 3.11, a deprecated alias since). It is private: CPython may
rename it or change its tree, as it did in 3.11. (`regex`'s own parser is just as
private, and its tree is made for compiling, not for reading literals off.) So
this module is the only one that touches it, through one accessor,
`stdlib_parser()`, which tries `re._parser`, then `sre_parse`, and checks that the
module has what the analysis reads.

Without a usable parser `parse` returns None, and the prefilter treats any error
raised while parsing or analysing a pattern the same way: the pattern gets no
prefilter ("no literal known"), so its rule is searched on every line it may
apply to. That is slower and gives the same results: tests/packs/test_prefilter_fallback.py
cleans the fixtures both ways and compares the full reports.

`re` reads some patterns differently from `regex` (fuzzy `{e<=1}`, POSIX classes,
version-1 set operations, case-insensitive matching, ...); those get no tree.
"""
from __future__ import annotations

import importlib
import re
import warnings

import regex

# What the analysis reads from the parser module, which re-exports the opcodes of
# re._constants / sre_constants (ATOMIC_GROUP and POSSESSIVE_REPEAT are 3.11+ only).
_PARSER_NEEDS = ("parse", "LITERAL", "IN", "AT", "AT_BEGINNING", "AT_BEGINNING_STRING", "ASSERT",
                 "ASSERT_NOT", "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "MAXREPEAT")
PARSER_MODULES = ("re._parser", "sre_parse")  # 3.11+, then the name before (an alias since)


def find_stdlib_parser(names: tuple[str, ...] = PARSER_MODULES):
    """The first module of `names` that imports and has what the analysis reads; else None."""
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # sre_parse, 3.11+
                module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a missing or broken private module: try the next
            continue
        if all(hasattr(module, attr) for attr in _PARSER_NEEDS):
            return module
    return None


_STDLIB_PARSER = find_stdlib_parser()

# The opcodes the trees are made of (LITERAL, BRANCH, ...), or None without a parser.
OPCODES = _STDLIB_PARSER


def stdlib_parser():
    """The standard library's regex parser module, or None: the one way in to it.
    Called once per pattern, never per line."""
    return _STDLIB_PARSER


_UNSAFE_FLAGS = (regex.IGNORECASE | regex.V1 | regex.FULLCASE | regex.BESTMATCH | regex.ENHANCEMATCH
                 | regex.POSIX | regex.REVERSE | regex.WORD)
_PROP = re.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|.)", re.S)
_BRACE = re.compile(r"\{([^{}]*)\}")
# `[:alpha:]` in a set is a POSIX class in `regex`, and characters in `re`
# (which warns only where the set opens with it).
_POSIX_CLASS = re.compile(r"\[:\^?\w+:\]")


def parse(source: str, flags: int) -> tuple[list, int] | None:
    """(the top-level items of the tree, the `re` flags the pattern sets inline) for
    a pattern `re` reads as `regex` does, or None. May raise anything: the caller
    turns that into "no prefilter"."""
    parser = stdlib_parser()
    if parser is None or not isinstance(source, str) or flags & _UNSAFE_FLAGS:
        return None
    # \p{..} / \P{..} (Unicode properties): any non-literal class will do for this analysis.
    source = _PROP.sub(lambda m: r"\w" if m.group(0)[1] in "pP" else m.group(0), source)
    if _POSIX_CLASS.search(source):
        return None
    # `{...}` that is not a plain repeat count is fuzzy matching in `regex`, a literal in `re`.
    for m in _BRACE.finditer(source):
        if not re.fullmatch(r"\d*,?\d*", m.group(1)):
            return None
    re_flags = re.X if flags & regex.X else 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree = parser.parse(source, re_flags)
    inline = tree.state.flags
    if inline & (re.I | re.L):
        return None
    return list(tree), inline
