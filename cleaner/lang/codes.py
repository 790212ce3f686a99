"""Language codes as users and corpora write them, mapped to the cleaner's own.

The rule packs, stoplists and language id speak ISO 639-1 (`de`). Users and
corpora also write ISO 639-3 / 639-2 (`deu`, `ger`), GlotLID / FLORES labels
(`deu_Latn`) and BCP 47 tags (`pt-BR`, `zh_Hans`). `to_language` maps them all,
from the table in cleaner/data/langcodes.tsv (made by tools/make_langcodes.py),
and says None for anything that is not a language code (`xx`, `English`), so an
option can refuse it instead of silently running with no language's rules.
`normalize_code` is the lenient form for codes already meant as the cleaner's
own (langdetect's 'zh-cn', a document's 'EN'): it keeps any base code as it is.
"""
from __future__ import annotations

import functools

from cleaner.paths import package_data

__all__ = ["to_language", "language_name", "known_languages", "normalize_code", "given_code"]

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


def normalize_code(code: str) -> str:
    """langdetect's codes to ISO 639-1: 'zh-cn'/'zh-tw' -> 'zh', lower-case."""
    try:
        return _NORMALIZED[code]
    except (KeyError, TypeError):        # TypeError: an unhashable value (a list)
        pass
    norm = (code or "").strip().lower().replace("_", "-")
    out = norm.split("-", 1)[0] if norm else "und"
    if isinstance(code, str) and len(_NORMALIZED) < 4096:
        _NORMALIZED[code] = out
    return out


# code -> normalize_code(code): langdetect's judges normalise its ~55 codes after
# every trial (hundreds of calls per document it decides). A dict rather than
# functools.lru_cache: its call costs more in that loop (36 against 42 ns a
# call, Python 3.11), and it would raise TypeError for a value that is no key
# (a list), which normalize_code answers as it always did.
_NORMALIZED: dict[str, str] = {}


def given_code(value) -> str | None:
    """A language code a record or document already carries, as the ISO 639-1
    code the rule packs use; None when it is not one (then detect instead).

    'en', 'EN', 'pt-BR', 'zh_Hans', 'eng', 'deu_Latn' give 'en', 'en', 'pt', 'zh', 'en',
    'de' (to_language). Anything else (None, a number, 'English', 'xx', '') is not
    taken: a wrong guess would pick another language's rules, detection does not."""
    return to_language(value)
