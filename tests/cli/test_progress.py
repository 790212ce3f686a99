"""--progress draws a bar without tqdm too (issue 18: it did nothing without the extra)."""
from __future__ import annotations

import json
import sys

from _clihelp import in_process
from cleaner.cli import main as cli
from cleaner.cli.progress import SimpleBar


def test_progress_without_tqdm(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "tqdm", None)     # import tqdm -> ImportError
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": f"Paragraph {i} of the story."}) + "\n" for i in range(5)))
    with in_process() as box:
        rc = cli.main(["--jsonl", "--progress", "--timeout", "0", str(src)])
    assert rc == 0 and len(box["out"].splitlines()) == 5
    err = box["err"]
    assert "\rclean 100% |" + "#" * 30 + "|" in err
    assert err.splitlines()[-1].startswith("clean: 5 documents")   # the bar ends its line


def test_simple_bar_without_total(tmp_path):
    import io
    out = io.StringIO()
    bar = SimpleBar(None, out, interval=0)
    bar.update(2048)
    bar.close()
    assert out.getvalue().startswith("\rclean 2.0 kB") and out.getvalue().endswith("\n")
