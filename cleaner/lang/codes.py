"""Language codes as users and corpora write them, mapped to the cleaner's own.

The rule packs, stoplists and language id speak ISO 639-1 (`de`). Users and
corpora also write ISO 639-3 / 639-2 (`deu`, `ger`), GlotLID / FLORES labels
(`deu_Latn`) and BCP 47 tags (`pt-BR`, `zh_Hans`). `to_language` maps them all,
from the table in cleaner/data/langcodes.tsv (made by tools/make_langcodes.py),
and says None for anything that is not a language code (`xx`, `English`), so an
option can refuse it instead of silently running with no language's rules.
"""
from __future__ import annotations

import functools
import pathlib

from cleaner.paths import package_data

__all__ = ["to_language", "language_name", "known_languages"]

_TABLE = package_data("langcodes.tsv")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    rows = {}
    with open(_TABLE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, lang, name = line.rstrip("\n").split("\t")
            rows[code] = (lang, name)
    return rows


def to_language(value) -> str | None:
    """The cleaner's code for `value` ('deu', 'deu_Latn', 'DE', 'pt-BR' -> 'de', 'pt'),
    or None when it names no ISO 639 language."""
    if not isinstance(value, str):
        return None
    base = value.strip().replace("_", "-").split("-", 1)[0]
    if not (2 <= len(base) <= 3 and base.isascii() and base.isalpha()):
        return None
    hit = _table().get(base.lower())
    return hit[0] if hit else None


def language_name(code: str) -> str:
    hit = _table().get(code)
    return hit[1] if hit else code


def known_languages() -> list[str]:
    """Every code `to_language` can answer."""
    return sorted({lang for lang, _ in _table().values()})
