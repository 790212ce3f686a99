"""Load the detectors' data files (rules/flags/*.toml) once, with stdlib tomllib."""
from __future__ import annotations

import functools
import tomllib

from cleaner.paths import builtin_rules_dir


class FlagDataError(ValueError):
    """A data file under rules/flags/ is missing or malformed."""


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed rules/flags/<name>.toml."""
    path = builtin_rules_dir() / "flags" / f"{name}.toml"
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise FlagDataError(f"{path}: missing flag data file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise FlagDataError(f"{path}: {exc}") from exc


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
