"""The main-text finder's thresholds: one frozen FinderOptions instead of a keyword
argument per threshold.

The defaults are data, the [finder] table of rules/mechanisms/mainfinder.toml, where
a comment says what each value means; this module only checks them (every field
present, no unknown key, ints as ints and floats written as floats, so the arithmetic
is the same as with the constants they replace). Every entry point of the finder takes
one optional `options` (None: DEFAULT); to change one threshold, pass
`dataclasses.replace(DEFAULT, short_penalty=500.0)`. The finder runs on every line of
a page, so each function reads the thresholds it needs into locals once per call.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from cleaner.paths import DataFileError, builtin_rules_dir, load_data

_TABLE = load_data("mechanisms", "mainfinder").get("finder", {})


def _where() -> str:
    return f"{builtin_rules_dir() / 'mechanisms' / 'mainfinder.toml'} [finder]"


def _default(name: str):
    try:
        return _TABLE[name]
    except KeyError:
        raise DataFileError(f"{_where()}: no value for {name}") from None


@dataclass(frozen=True)
class FinderOptions:
    """The finder's thresholds; see rules/mechanisms/mainfinder.toml [finder] for each."""

    # line classification (jusText's defaults)
    min_good_chars: int = _default("min_good_chars")
    min_long_chars: int = _default("min_long_chars")
    min_stopword_density: float = _default("min_stopword_density")
    min_good_stopword_density: float = _default("min_good_stopword_density")
    max_link_density: float = _default("max_link_density")
    min_separators: int = _default("min_separators")
    # weights
    short_penalty: float = _default("short_penalty")
    full_penalty_run: int = _default("full_penalty_run")
    listish_factor: float = _default("listish_factor")
    bullet_factor: float = _default("bullet_factor")
    neargood_weight: float = _default("neargood_weight")
    short_weight: float = _default("short_weight")
    min_prose_words: int = _default("min_prose_words")
    min_named_sentence_words: int = _default("min_named_sentence_words")
    min_figures: int = _default("min_figures")
    min_good_lines: int = _default("min_good_lines")
    min_dup_share: float = _default("min_dup_share")
    # the title anchor
    anchor_bonus: float = _default("anchor_bonus")
    max_anchor_distance: int = _default("max_anchor_distance")
    max_anchors: int = _default("max_anchors")
    max_title_chars: int = _default("max_title_chars")
    # a list the article announces
    min_announced_rows: int = _default("min_announced_rows")
    max_row_words: int = _default("max_row_words")
    # menus and the gate
    max_menu_words: int = _default("max_menu_words")
    max_menu_line_chars: int = _default("max_menu_line_chars")
    min_menu_run: int = _default("min_menu_run")
    min_menu_lines: int = _default("min_menu_lines")
    min_gate_menu_run: int = _default("min_gate_menu_run")
    min_menu_share: float = _default("min_menu_share")


def _check_table() -> None:
    """Unknown keys and values of the wrong type are errors in the data file."""
    fields = {f.name: f.type for f in dataclasses.fields(FinderOptions)}
    unknown = sorted(set(_TABLE) - set(fields))
    if unknown:
        raise DataFileError(f"{_where()}: unknown key(s) {', '.join(unknown)}")
    for name, kind in fields.items():
        value = _TABLE[name]
        if type(value) is not {"int": int, "float": float}[kind]:
            raise DataFileError(f"{_where()}: {name} must be {'an int' if kind == 'int' else 'a float'}"
                                f" (written like {1 if kind == 'int' else 1.0}), not {value!r}")


_check_table()

#: the thresholds of rules/mechanisms/mainfinder.toml [finder]
DEFAULT = FinderOptions()
