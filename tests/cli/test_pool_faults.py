"""Issue 16: the worker pool degrades instead of aborting, and no worker holds a record forever.

A worker that cannot be forked (process limit) or that keeps dying at start-up
costs a worker, not the run: the pool goes on with fewer, down to cleaning in the
main process, and says so once. A worker stopped (SIGSTOP) while it holds records
it has not started is timed out like a busy one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from cleaner.cli import worker
from cleaner.cli.parallel import FAULT_ENV, Settings, clean_records
from cleaner.options import Options

from _clihelp import ROOT, env

EN = Settings(Options(lang="en"))
TEXT = ("Storm closes roads\n\nHeavy rain closed several roads on Tuesday, officials said.\n\n"
        "Share this article\n\nCrews cleared the fallen trees overnight.")


def _records(n, crash_at=None):
    for i in range(n):
        yield json.dumps({"id": i, "text": ("CRASHME " if i == crash_at else "") + TEXT}), None


def _fork_allowed(monkeypatch, n):
    """os.fork works n times, then fails as under a process limit."""
    real_fork = os.fork
    left = [n]

    def fork():
        if left[0] <= 0:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        left[0] -= 1
        return real_fork()
    monkeypatch.setattr(os, "fork", fork)


def _check(got, n, bad=()):
    assert [json.loads(o.line)["id"] for o in got] == list(range(n))
    assert [i for i, o in enumerate(got) if not o.ok] == list(bad)
    for o in got:
        if o.ok:
            assert "Share this article" not in json.loads(o.line)["text"]


def test_a_worker_that_cannot_be_replaced_leaves_fewer_then_cleaning_in_process(monkeypatch):
    monkeypatch.setenv(FAULT_ENV, "crash:CRASHME")
    _fork_allowed(monkeypatch, 1)
    said = []
    got = list(clean_records(_records(40, crash_at=12), EN, jobs=2, timeout=30, warn=said.append))
    _check(got, 40, bad=[12])
    assert "crashed" in got[12].error
    assert len(said) == 2, said
    assert "cannot start a worker process" in said[0] and "going on with 1 worker process" in said[0]
    assert "cleaning in this process" in said[1]


def test_no_worker_at_all_cleans_in_process(monkeypatch):
    _fork_allowed(monkeypatch, 0)
    said = []
    got = list(clean_records(_records(10), EN, jobs=2, timeout=30, warn=said.append))
    _check(got, 10)
    assert len(said) == 1 and "cleaning in this process" in said[0]


def test_workers_that_keep_dying_at_start_up_do_not_abort_the_run(monkeypatch):
    def die(*args):
        os._exit(3)
    monkeypatch.setattr(worker, "worker_main", die)
    said = []
    got = list(clean_records(_records(20), EN, jobs=2, timeout=30, warn=said.append))
    _check(got, 20)
    assert any("keep dying at start-up" in m and "exit code 3" in m for m in said), said
    assert len(said) <= 2


STOP_IDLE = r"""
import json, multiprocessing, os, signal
from cleaner.cli.parallel import Settings, clean_records
from cleaner.options import Options

def records():
    for i in range(6):
        if i == 2:  # both results are back: the worker is idle; stop it before it gets record 2
            for child in multiprocessing.active_children():
                os.kill(child.pid, signal.SIGSTOP)
        yield json.dumps({"id": i, "text": "Title\n\nA body line that stays."}), None

got = list(clean_records(records(), Settings(Options(lang="en")), jobs=1, timeout=1, window=2))
print(json.dumps([[o.ok, o.error] for o in got]))
"""


def test_a_worker_stopped_while_idle_is_timed_out_and_replaced():
    r = subprocess.run([sys.executable, "-c", STOP_IDLE], capture_output=True, env=env(), cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert [ok for ok, _ in got] == [True, True, False, True, True, True]
    assert "timed out after 1s" in got[2][1]


def test_cli_says_once_on_stderr_and_writes_everything(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(line + "\n" for line, _ in _records(12)), encoding="utf-8")
    script = ("import os, sys\n"
              "def fork():\n    raise BlockingIOError(11, 'Resource temporarily unavailable')\n"
              "os.fork = fork\n"
              "from cleaner.cli.main import main\nsys.exit(main(sys.argv[1:]))\n")
    r = subprocess.run([sys.executable, "-c", script, "--jsonl", "--lang", "en", "-j", "2", str(src)],
                       capture_output=True, env=env(), cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 12
    warnings = [l for l in r.stderr.decode().splitlines() if "warning:" in l]
    assert len(warnings) == 1 and "cleaning in this process" in warnings[0], r.stderr
