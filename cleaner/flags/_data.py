"""The detectors' data files (rules/flags/*.toml, read once by
cleaner.paths.load_data) and helpers for the values in them."""
from __future__ import annotations

from cleaner.paths import DataFileError, load_data

# The detectors' name for a bad data file (_quotes raises it for a malformed pair).
FlagDataError = DataFileError


def load(name: str) -> dict:
    """The parsed rules/flags/<name>.toml."""
    return load_data("flags", name)


def words(value) -> frozenset[str]:
    """A TOML value that is either a list of strings or one whitespace-separated
    string, as a frozenset of lower-case words/phrases (list items are kept whole)."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset(w.lower() for w in value.split())
    return frozenset(str(w).strip().lower() for w in value if str(w).strip())


def per_lang(table: dict, lang: str, key: str | None = None) -> frozenset[str]:
    """Union of table['_all'] and table[lang] (optionally their `key` entry)."""
    out: set[str] = set()
    for k in ("_all", lang):
        v = table.get(k)
        if v is None:
            continue
        if key is not None:
            v = v.get(key) if isinstance(v, dict) else None
        out |= words(v)
    return frozenset(out)
