"""The datatrove step and the example pipeline (skipped without datatrove)."""
from __future__ import annotations

import gzip
import json
import os
import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("datatrove")

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT = ("Storm closes roads\n\n"
        "Heavy rain closed several roads across the region on Tuesday, officials said today.\n\n"
        "Share this article\n\n"
        "Crews worked through the night to clear fallen trees from the main routes.")


def test_step_cleans_reports_counts_and_filters():
    from datatrove.data import Document

    from cleaner.datatrove_step import CleanerStep

    step = CleanerStep(lang="en", filter_empty=True)
    docs = [Document(text=TEXT, id="a"), Document(text="Advertisement", id="empty"),
            Document(text=TEXT, id="b", metadata={"language": "en"})]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a", "b"]
    for d in out:
        assert "Share this article" not in d.text and "Crews worked" in d.text
        report = d.metadata["clean"]
        json.dumps(report)  # JSON-serialisable
        assert [r["category"] for r in report["removed"]] == ["navigation"]
    stats = {k: v.total for k, v in step.stats.stats.items()}
    assert stats["removed_navigation"] == 3 and stats["dropped_empty"] == 1 and stats["documents"] == 3


def test_step_takes_the_language_an_upstream_filter_wrote():
    from datatrove.data import Document

    from cleaner.datatrove_step import CleanerStep

    step = CleanerStep()
    text = "Der Bundestag hat am Dienstag das neue Gesetz mit großer Mehrheit beschlossen."
    docs = [Document(text=text, id="a", metadata={"language": "pt-BR"}),
            Document(text=text, id="b", metadata={"language": "pol_Latn"}),   # GlotLID's label: taken
            Document(text=text, id="d", metadata={"language": "xx"}),         # no language: detected
            Document(text=text, id="c")]
    out = list(step.run(iter(docs)))
    assert [d.metadata["clean"]["meta"]["lang"] for d in out] == ["pt", "pl", "de", "de"]


def test_step_lang_takes_three_letter_codes_and_refuses_unknown_ones():
    from cleaner.datatrove_step import CleanerStep

    assert CleanerStep(lang="deu").lang == "de"
    with pytest.raises(ValueError, match="'xx'"):
        CleanerStep(lang="xx")


def test_step_builds_one_options_and_pickles_with_it():
    """The constructor's choices become one cleaner.options.Options (as the CLI's and
    the API's), built once; the step goes to datatrove's task processes pickled."""
    import pickle

    from cleaner.datatrove_step import CleanerStep
    from cleaner.options import Options

    step = CleanerStep(lang="deu", body_only=True, html=False, flags=["mojibake"], input="article")
    assert step.options == Options(lang="de", body_only=True, html=False, flags=("mojibake",), input="article")
    assert (step.lang, step.body_only, step.html, step.flags, step.input) == ("de", True, False, ("mojibake",),
                                                                             "article")
    step.cleaner   # built, and left out of the pickle
    copy = pickle.loads(pickle.dumps(step))
    assert copy.options == step.options and copy._cleaner is None


def test_example_pipeline_with_two_tasks(tmp_path):
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    ids = []
    for s in range(3):
        with open(src / f"shard{s}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(3):
                ids.append(f"{s}-{i}")
                fh.write(json.dumps({"id": ids[-1], "text": TEXT.replace("Storm", f"Storm {s}-{i}")}) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "datatrove_pipeline.py"), str(src), str(dst),
                        "--tasks", "2", "--lang", "en"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    files = sorted(dst.glob("*.jsonl.gz"))
    assert len(files) == 2
    docs = [json.loads(l) for f in files for l in gzip.open(f, "rt", encoding="utf-8")]
    assert sorted(d["id"] for d in docs) == sorted(ids)
    for d in docs:
        assert "Share this article" not in d["text"] and d["text"].startswith("Storm ")
        report = d["metadata"]["clean"]
        assert report["removed"][0]["rule"] == "navigation.en.share" and "meta" in report
