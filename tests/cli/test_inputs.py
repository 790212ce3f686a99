"""gzip read transparently (documents and JSONL, files and stdin) and folder in / folder
out (`clean DIR -o OUTDIR`) (issue 18)."""
from __future__ import annotations

import gzip
import json

import pytest

from _clihelp import cli_main as main, ROOT, assert_one_line, run_clean
from cleaner.cli import main as cli

SEED = ROOT / "fixtures" / "seeds" / "000_0e82d3106cdfd71a.txt"
SEED2 = ROOT / "fixtures" / "seeds" / "002_ec419589a7edd8af.txt"



def test_gzip_document_reads_as_the_plain_one(tmp_path):
    gz = tmp_path / "page.txt.gz"
    gz.write_bytes(gzip.compress(SEED.read_bytes()))
    want = main("--format", "json", SEED)
    got = main("--format", "json", gz)
    assert got[0] == 0 and json.loads(got[1])["text"] == json.loads(want[1])["text"]
    assert main(stdin=gzip.compress(SEED.read_bytes()))[1] == main(SEED)[1]


def test_truncated_gzip_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(gzip.compress(SEED.read_bytes())[:60])
    rc, out, err = main(bad)
    assert rc == cli.EXIT_INPUT and out == ""
    assert_one_line(err, str(bad), "gzip")


def _jsonl(*paths) -> bytes:
    return "".join(json.dumps({"id": i, "text": p.read_text(encoding="utf-8")}) + "\n"
                   for i, p in enumerate(paths)).encode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_gzip_jsonl_file_and_stdin(tmp_path, jobs):
    plain = tmp_path / "c.jsonl"
    plain.write_bytes(_jsonl(SEED, SEED2))
    gz = tmp_path / "c.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    want = run_clean("--jsonl", "--quiet", "-j", jobs, plain)
    assert want.returncode == 0 and len(want.stdout.splitlines()) == 2
    assert run_clean("--jsonl", "--quiet", "-j", jobs, gz).stdout == want.stdout
    assert run_clean("--jsonl", "--quiet", "-j", jobs, input=gz.read_bytes()).stdout == want.stdout


def test_folder_in_folder_out(tmp_path):
    src, dst = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / ".git").mkdir()
    (src / "a.txt").write_bytes(SEED.read_bytes())
    (src / "sub" / "b.txt.gz").write_bytes(gzip.compress(SEED2.read_bytes()))
    (src / ".git" / "x.txt").write_text("not an input")
    rc, out, err = main(src, "-o", dst)
    assert (rc, out, err) == (0, "", "")
    assert sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*") if p.is_file()) == ["a.txt", "sub/b.txt"]
    assert (dst / "a.txt").read_text(encoding="utf-8") == main(SEED)[1]
    assert (dst / "sub" / "b.txt").read_text(encoding="utf-8") == main(SEED2)[1]
    rc, _, _ = main("--format", "json", src, "-o", tmp_path / "json")
    assert rc == 0 and json.loads((tmp_path / "json" / "sub" / "b.txt.json").read_text())["removed"]


def test_folder_of_jsonl(tmp_path):
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "part1.jsonl.gz").write_bytes(gzip.compress(_jsonl(SEED)))
    (src / "part2.jsonl").write_bytes(_jsonl(SEED2))
    rc, _, _ = main("--jsonl", "--quiet", src, "-o", dst)
    assert rc == 0
    assert sorted(p.name for p in dst.iterdir()) == ["part1.jsonl", "part2.jsonl"]
    assert json.loads((dst / "part2.jsonl").read_text())["clean"]["removed"]


def test_folder_of_jsonl_strict_ranks_below_an_unreadable_file(tmp_path):
    """Exit 6 means a bad record and nothing worse: a folder whose other file is unreadable
    is exit 1, not the larger number."""
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.jsonl").write_bytes(_jsonl(SEED) + b"not json\n")
    assert main("--jsonl", "--quiet", "--strict", src, "-o", dst)[0] == cli.EXIT_STRICT
    (src / "b.jsonl.gz").write_bytes(gzip.compress(_jsonl(SEED2))[:60])
    assert main("--jsonl", "--quiet", "--strict", src, "-o", dst)[0] == cli.EXIT_INPUT


def test_folder_needs_a_folder_out(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "file").write_text("x")
    rc, out, err = main(tmp_path / "in", "-o", tmp_path / "file")
    assert rc == cli.EXIT_USAGE
    assert_one_line(err, "-o")
    rc, out, err = main(tmp_path / "in")      # no -o: still an unreadable input, with a hint
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, "is a directory", "-o OUTDIR")
