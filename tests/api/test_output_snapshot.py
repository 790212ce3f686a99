"""Behaviour is pinned: every fixture's full report (text, removals, flags, meta) in
every input mode hashes as recorded in fixtures/snapshots/outputs.json.

A refactor must leave this green. A change meant to move results rewrites the file
(`python tools/snapshot_outputs.py --write fixtures/snapshots/outputs.json fixtures`)
in the same commit, and the commit says why the outputs moved.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import snapshot_outputs  # noqa: E402


def test_every_fixture_report_is_unchanged():
    recorded = json.loads((ROOT / "fixtures" / "snapshots" / "outputs.json").read_text(encoding="utf-8"))
    now = snapshot_outputs.snapshot([ROOT / "fixtures"])
    changed = sorted(k for k in recorded.keys() | now.keys() if recorded.get(k) != now.get(k))
    assert not changed, f"{len(changed)} reports changed, first: {changed[:5]}"
    assert len(now) > 300


def test_the_snapshot_sees_a_change(tmp_path):
    """The fingerprint covers the report, not only the text: a different mode on a
    page of menus gives a different fingerprint."""
    page = (ROOT / "fixtures" / "aeb_sample" / "fulltext").glob("*.txt")
    text = next(iter(sorted(page))).read_text(encoding="utf-8")
    cleaner = snapshot_outputs.Cleaner()
    assert snapshot_outputs.fingerprint(cleaner, text, "page") != snapshot_outputs.fingerprint(cleaner, text, "article")
