"""Where the built-in rule packs live, in a source tree and in an installed wheel,
and the data files beside them that coded detectors and mechanisms read."""
from __future__ import annotations

import functools
import pathlib
import tomllib


class DataFileError(ValueError):
    """A data file under rules/flags/ or rules/mechanisms/ is missing or malformed."""


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


def package_data(name: str) -> pathlib.Path:
    """A file of the package's own data folder, cleaner/data/ (language tables, month names)."""
    return pathlib.Path(__file__).resolve().parent / "data" / name


@functools.lru_cache(maxsize=None)
def load_data(folder: str, name: str) -> dict:
    """The parsed rules/<folder>/<name>.toml, read once per process: data for the flag
    detectors (folder "flags") and the structural mechanisms ("mechanisms")."""
    path = builtin_rules_dir() / folder / f"{name}.toml"
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: missing data file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: {exc}") from exc
