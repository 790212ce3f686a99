"""The worker process of `parallel`: receive chunks of records, clean each, answer each.

Kept apart from the parent's loop so each side reads on its own. The worker
publishes what it is doing in a shared array `state`: state[0] the record number,
state[1] > 0 the time it started on it, or < 0 minus the time it got ready or
finished the last one (0: not ready yet), so the parent can tell a busy worker from an idle one
and see progress without a message.

Test hook (documented, for the fault tests only): the environment variable
CLEANER_TEST_FAULT="crash:MARKER,hang:MARKER,segv:MARKER", read from the
environment of the process that starts the workers, makes a worker that gets a
record whose raw JSON line contains MARKER die at once with os._exit(70)
(`crash`), kill itself with SIGSEGV (`segv`), or sleep forever (`hang`). It is
never set in normal use.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import time

from cleaner.cli.process import process_line

FAULT_ENV = "CLEANER_TEST_FAULT"
PICKLE = pickle.HIGHEST_PROTOCOL


def parse_faults(spec: str | None) -> list[tuple[str, str]]:
    out = []
    for part in (spec or "").split(","):
        kind, _, marker = part.strip().partition(":")
        if kind in ("crash", "hang", "segv") and marker:
            out.append((kind, marker))
    return out


def _inject(faults, line: str) -> None:
    for kind, marker in faults:
        if marker in line:
            if kind == "crash":
                os._exit(70)
            if kind == "segv":
                import faulthandler
                faulthandler.disable()  # die quietly, like an uncaught segfault
                os.kill(os.getpid(), signal.SIGSEGV)
                time.sleep(5)
                os._exit(71)
            while kind == "hang":
                time.sleep(3600)


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(8, "big") + payload


def _read_exact(fd: int, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _recv_task(fd: int, parent: int):
    """The next chunk from the parent; None when the parent is gone or said stop."""
    while not select.select([fd], [], [], 1.0)[0]:
        if os.getppid() != parent:  # orphaned
            return None
    header = _read_exact(fd, 8)
    if header is None:
        return None
    payload = _read_exact(fd, int.from_bytes(header, "big"))
    return None if payload is None else pickle.loads(payload)


def worker_main(task_fd, result_w, state, settings, faults, cleaner, close_fds) -> None:
    """Loop: receive a chunk of (seq, line), clean each, send each result at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in close_fds:  # the parent's ends of every pipe (inherited by fork): EOF works
        try:
            os.close(fd)
        except OSError:
            pass
    if hasattr(task_fd, "detach"):  # a Connection (spawn / forkserver)
        task_fd = task_fd.detach()
    parent = os.getppid()
    clean = settings.clean_fn(cleaner)
    state[1] = -time.monotonic()  # ready
    while True:
        chunk = _recv_task(task_fd, parent)
        if chunk is None:
            return
        for seq, line in chunk:
            state[0] = seq
            state[1] = time.monotonic()
            if faults:
                _inject(faults, line)
            o = process_line(line, clean, settings.field, settings.lang_field)
            state[1] = -time.monotonic()
            try:
                result_w.send_bytes(pickle.dumps((seq, o.line, o.ok, o.error, o.categories, o.kinds,
                                                  o.warnings, o.internal), PICKLE))
            except OSError:  # the parent is gone (killed): nobody to answer, leave quietly
                return


def describe_exit(code) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
