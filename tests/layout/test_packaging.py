"""The wheel ships every subpackage: pyproject lists packages by hand, so a new
folder under cleaner/ that is not listed would import from a checkout and fail
once installed."""
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "cleaner").rglob("__init__.py")}
    assert folders - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - folders == {"cleaner.rules"}  # the data package mapped from rules/
