"""Shared helpers for the CLI, fuzz and nasty-input tests."""
from __future__ import annotations

import contextlib
import io
import os
import pathlib
import platform
import re
import subprocess
import sys
import time

from cleaner.text.segment import normalize_space

ROOT = pathlib.Path(__file__).resolve().parent.parent

# read(2) numbers, to see from /proc/PID/syscall that a child is blocked reading stdin
_READ_SYSCALL = {"x86_64": 0, "amd64": 0, "aarch64": 63, "arm64": 63, "i686": 3, "i386": 3}


def env(**extra) -> dict:
    e = {k: v for k, v in os.environ.items() if k not in ("CLEAN_DEBUG", "PYTHONWARNINGS")}
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.update(extra)
    return e


def default_sigint() -> None:
    """preexec_fn for children that are sent SIGINT: a shell starts background jobs (`&`,
    nohup) with SIGINT ignored, a child inherits that, and Python then never raises
    KeyboardInterrupt, so the child would not stop. Reset it to the default first."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cmd(*args) -> list[str]:
    return [sys.executable, "-m", "cleaner", *map(str, args)]


def run_clean(*args, input: bytes | None = b"", timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """Run `clean ARGS` as a subprocess with bytes in and out."""
    kw.setdefault("env", env())
    kw.setdefault("cwd", ROOT)
    return subprocess.run(cmd(*args), input=input, capture_output=True, timeout=timeout, **kw)


def assert_one_line(stderr: bytes | str, *needles: str) -> str:
    """stderr is exactly one `clean: ...` line (no traceback) containing every needle."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "Exception ignored" not in text, text
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("clean: "), text
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def assert_no_noise(stderr: bytes | str) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    for bad in ("Traceback", "Exception ignored", "BrokenPipeError", "KeyboardInterrupt"):
        assert bad not in text, text


def wait_until_reading_stdin(pid: int, timeout: float = 15.0) -> None:
    """Block until some thread of the child sits in read(0, ...) (Linux /proc); elsewhere,
    or if that never shows, just give it time to start."""
    nr = _READ_SYSCALL.get(platform.machine().lower())
    tasks = f"/proc/{pid}/task"
    if nr is None or not os.path.isdir(tasks):
        time.sleep(3.0)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            tids = os.listdir(tasks)
        except OSError:
            tids = []
        for tid in tids:
            try:
                with open(f"{tasks}/{tid}/syscall") as fh:
                    fields = fh.read().split()
            except OSError:
                continue
            if len(fields) >= 2 and fields[0] == str(nr) and int(fields[1], 16) == 0:
                time.sleep(0.05)  # let it settle inside the call
                return
        time.sleep(0.02)


def temp_leftovers(folder: pathlib.Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".clean-") or p.suffix == ".tmp")


@contextlib.contextmanager
def in_process(stdin: bytes = b""):
    """Run cli.main in this process with byte stdin; yields a dict filled with out/err on exit."""
    box: dict = {}
    old = sys.stdin, sys.stdout, sys.stderr
    out_bytes = io.BytesIO()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out_bytes, encoding="utf-8", write_through=True)
    sys.stderr = io.StringIO()
    try:
        yield box
    finally:
        sys.stdout.flush()
        box["out"] = out_bytes.getvalue()
        box["err"] = sys.stderr.getvalue()
        sys.stdin, sys.stdout, sys.stderr = old


def cli_main(*args, stdin: bytes = b"") -> tuple[int, str, bytes | str]:
    """cli.main(args) in this process: (exit code, stdout as text, stderr)."""
    from cleaner.cli import main as cli
    with in_process(stdin) as box:
        box["rc"] = cli.main([str(a) for a in args])
    return box["rc"], box["out"].decode("utf-8"), box["err"]


PARAGRAPH_SPLIT = re.compile("\r\n|\r|\n|\u2028|\u2029|\x85")


def _pieces(text: str) -> set[str]:
    return {normalize_space(piece) for piece in PARAGRAPH_SPLIT.split(text)}


def check_result(text: str, result, *, made_of_input: bool = True) -> None:
    assert isinstance(result.text, str)
    for entry in list(result.removed) + list(result.flags):
        assert 0 <= entry.start <= entry.end <= len(text), entry
        if result.meta.get("source") != "html":
            assert entry.text == text[entry.start:entry.end], entry
    if not made_of_input or result.meta.get("source") == "html":
        return
    pieces = _pieces(text)
    for i, para in enumerate(result.text.split("\n\n") if result.text else []):
        if i == 0 and para == result.meta.get("title"):
            assert any(p.startswith(para) for p in pieces), para
        else:
            assert para in pieces, para
