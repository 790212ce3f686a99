"""The distribution has a PyPI name of its own, used in every install hint (issue 18)."""
from __future__ import annotations

import pathlib
import tomllib

import cleaner
from cleaner._dist import DIST_NAME

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_distribution_name_is_not_the_taken_one():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["name"] == DIST_NAME == cleaner.DIST_NAME
    assert DIST_NAME != "cleaner"   # an unrelated project on PyPI
    assert project["scripts"]["clean"] == "cleaner.cli.main:entry"   # command and import package unchanged


def test_install_hints_name_the_distribution():
    for path in ("cleaner/datatrove_step.py", "examples/datatrove_pipeline.py", "README.md"):
        text = (ROOT / path).read_text()
        assert "cleaner[" not in text.replace(f"{DIST_NAME}[", ""), path
        assert "pip install cleaner" not in text, path
    assert f"pip install {DIST_NAME}" in (ROOT / "README.md").read_text()


def test_ci_installs_the_wheel_by_its_new_name():
    wheel_prefix = DIST_NAME.replace("-", "_") + "-"   # wheel file names normalise - to _
    run = (ROOT / ".ci" / "run").read_text()
    assert f"dist/{wheel_prefix}*.whl" in run
    assert "dist/cleaner-*.whl" not in run


def test_version_names_the_distribution(capsys):
    from cleaner.cli import main as cli
    assert cli.main(["--version"]) == 0
    assert DIST_NAME in capsys.readouterr().out


def test_every_data_file_ships_in_the_wheel():
    """cleaner/data/ files are read at run time: each must match a package-data glob."""
    import fnmatch
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["cleaner.data"]
    data = ROOT / "cleaner" / "data"
    for path in data.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
            rel = path.relative_to(data).as_posix()
            assert any(fnmatch.fnmatch(rel, g) for g in globs), rel
