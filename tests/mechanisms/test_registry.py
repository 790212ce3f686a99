"""Every id a report can carry has one registry entry and one module.

Pack rules are listed from their packs; coded mechanisms from
cleaner/mechanisms/registry.py, each declared by the module that implements it;
flag detectors from cleaner/flags. An id that appears in a report on any fixture,
in any input mode, must be one of those.
"""
import importlib
import pathlib

import pytest

from cleaner.api import Cleaner
from cleaner.flags import FLAG_RULES
from cleaner.mechanisms import registry

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_each_mechanism_id_is_declared_once():
    ids = [m.id for m in registry.mechanisms()]
    assert len(ids) == len(set(ids))
    owners = {}
    for name in registry.MODULES:
        module = importlib.import_module(f"cleaner.mechanisms.{name}")
        for m in module.MECHANISMS:
            owners.setdefault(m.id, []).append(name)
    assert all(len(v) == 1 for v in owners.values()), owners


@pytest.mark.parametrize("name", [n for n in registry.MODULES if n not in ("mainfinder", "cue_lines")])
def test_a_mechanism_module_declares_the_id_it_reports(name):
    """Modules with one id name it RULE_ID, which the engine switches and reports with."""
    module = importlib.import_module(f"cleaner.mechanisms.{name}")
    assert [m.id for m in module.MECHANISMS] == [module.RULE_ID]


def test_the_cue_line_module_declares_one_id_per_category_it_reports():
    from cleaner.mechanisms import cue_lines
    assert [m.id for m in cue_lines.MECHANISMS] == [cue_lines.RULE_IDS[c] for c in cue_lines.CATEGORIES]
    assert all(m.category == c for m, c in zip(cue_lines.MECHANISMS, cue_lines.CATEGORIES))


def test_every_id_in_a_report_is_registered():
    cleaner = Cleaner()
    known = {r.id for r in cleaner.ruleset.rules} | {m.id for m in registry.mechanisms()} \
        | {f["id"] for f in FLAG_RULES}
    seen = set()
    texts = sorted((ROOT / "fixtures").rglob("*.txt"))
    assert len(texts) > 50
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        for mode in ("article", "page"):
            report = cleaner.clean(text, input=mode)
            seen |= {r.rule for r in report.removed} | {f.rule for f in report.flags}
    assert seen - known == set()
    assert any(i.startswith("mainfinder.") for i in seen)   # the finder's ids are among them


def test_every_registered_id_can_be_disabled():
    for m in registry.mechanisms():
        assert Cleaner(disable=[m.id]).ruleset.is_disabled(m.id)

