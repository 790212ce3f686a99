"""Where the built-in rule packs live, in a source tree and in an installed wheel."""
from __future__ import annotations

import pathlib


def builtin_rules_dir() -> pathlib.Path:
    """The shipped `rules/` folder.

    In the wheel it is the package `cleaner.rules` (pyproject maps the top-level
    `rules/` there); in a source checkout it is `../rules` beside the package.
    """
    here = pathlib.Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"
