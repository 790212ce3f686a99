"""Streaming, ordered, fault-tolerant cleaning of JSONL records in worker processes.

`clean_records(records, settings, jobs=N, timeout=S)` yields one `Outcome` per
input record, in input order, while N worker processes clean them:

* streaming: the input iterable is read lazily and at most `window` records (and
  about `window_bytes` of text) are in flight at any time, so memory does not
  grow with the corpus;
* ordered: results are re-sequenced before they are yielded;
* fault-tolerant: a worker that dies (a crash, a signal, os._exit) or spends more
  than `timeout` seconds on one record is killed and replaced; that one record
  comes out as an error outcome (the original record with `clean.error`), the
  records the worker held besides it are cleaned again by the new worker.

Each worker gets its `Cleaner` once, at start: on Linux workers are forked and
share the parent's already compiled one (copy-on-write); elsewhere (forkserver /
spawn) each builds it from the same `Settings` (rule packs, disabled rules). How
each record is cleaned (its `Options`: language, body-only, flags, HTML, input
kind) and which field, are the parent's Settings too. The parent process stays
single-threaded (non-blocking pipes and select()), so forking is safe.

With jobs=1 and timeout=0 the records are cleaned in this process (no worker,
no protection against a crash or a hang); any other combination uses workers.
On Windows there are no workers: records are always cleaned in process.

The worker's side, and the documented test hook CLEANER_TEST_FAULT that makes
workers crash or hang on a marked record, are in `worker.py`.
"""
from __future__ import annotations

import os
import pickle
import select
import sys
import time
from collections import deque
from typing import Callable, Iterable, Iterator

from cleaner.cli import workerproc
from cleaner.cli.process import Outcome, error_record, process_line
from cleaner.cli.settings import Settings
from cleaner.cli.worker import FAULT_ENV, PICKLE as _PICKLE, describe_exit, frame, parse_faults

__all__ = ["FAULT_ENV", "DEFAULT_TIMEOUT", "Settings", "clean_records"]
DEFAULT_TIMEOUT = 60.0
CHUNK_RECORDS = 8            # records per message to a worker
CHUNK_BYTES = 1 << 20        # ... or this much text, whichever comes first
STARTUP_GRACE = 30.0         # seconds a worker may take to get ready (spawn builds a Cleaner)


# ------------------------------------------------------------------ public
def clean_records(records: Iterable[tuple[str, str | None]], settings: Settings, *, jobs: int = 1,
                  timeout: float = DEFAULT_TIMEOUT, cleaner=None, window: int | None = None,
                  window_bytes: int = 64 << 20, warn: Callable[[str], None] | None = None) -> Iterator[Outcome]:
    """One Outcome per record, in order. `records` yields (raw JSON line, error or None);
    a record that already carries an error (e.g. invalid UTF-8) passes through as such.

    jobs: worker processes; timeout: seconds per record before its worker is killed
    (0 = no limit; jobs=1 with timeout=0 cleans in this process, unprotected).
    cleaner: an already built Cleaner (built from `settings.rules/disable` when None);
    used in process, and shared by forked workers. window / window_bytes: at most
    this many records / this much text read ahead of the output. warn(message): told
    when workers cannot be (re)started and the pool goes on with fewer (once), and
    when it comes down to cleaning in this process (once)."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if jobs == 1 and not timeout:
        yield from _serial(records, settings, cleaner)
        return
    if sys.platform == "win32":  # workers need POSIX pipes and select(); no protection there
        yield from _serial(records, settings, cleaner)
        return
    yield from _Pool(settings, jobs, timeout, window or max(64, jobs * CHUNK_RECORDS * 4),
                     window_bytes, cleaner, warn).run(records)


def _serial(records, settings: Settings, cleaner) -> Iterator[Outcome]:
    clean = settings.clean_fn(cleaner)
    for line, pre_error in records:
        if pre_error is not None:
            yield _input_error(line, pre_error)
        else:
            yield process_line(line, clean, settings.field, settings.lang_field)


def _input_error(line: str, message: str) -> Outcome:
    """A line that could not be decoded: it passes through decoded with U+FFFD, as
    before, while --rejects gets its bytes as they were (carried as surrogate escapes)."""
    shown = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return Outcome(error_record(shown, message), False, None, message, raw=line, undecodable=True)


def _error_outcome(line: str, message: str, internal: bool = False) -> Outcome:
    """In the parent: the line may have killed a worker, so it is read by the
    non-recursive scanner only (never json.loads), and never cleaned here."""
    return Outcome(error_record(line, message, safe=True), False, None, message, internal=internal, raw=line)


# ------------------------------------------------------------------ parent side
class _Pool:
    def __init__(self, settings: Settings, jobs: int, timeout: float, window: int, window_bytes: int,
                 cleaner=None, warn: Callable[[str], None] | None = None):
        self.settings = settings
        self.jobs = jobs
        self.timeout = float(timeout or 0)
        self.window = window
        self.window_bytes = window_bytes
        self.faults = parse_faults(os.environ.get(FAULT_ENV))
        self.ctx = workerproc.context()
        self.fork = self.ctx.get_start_method() == "fork"
        self.cleaner = cleaner if self.fork else None  # shared copy-on-write by fork
        self.own_cleaner = cleaner
        self.workers: list[workerproc.Worker | None] = [None] * jobs
        self.strikes: dict[int, int] = {}   # seq -> deaths of a worker holding it, idle at the time
        self.failed_starts = 0
        self.retired: set[int] = set()      # slots given up on: no worker could be (re)started there
        self.warn = warn or (lambda message: None)
        self.said: set[bool] = set()        # degradation reported: True = down to in-process
        self.starting = False
        self.why = ""
        self.clean_here: Callable | None = None

    # -- workers
    def _start(self, slot: int) -> bool:
        """A worker in `slot`; False, and the slot retired, when the system gives none
        (fork or pipe failing: process limit, memory, descriptors)."""
        try:
            self.workers[slot] = workerproc.launch(self.ctx, slot, self.settings, self.faults, self.cleaner,
                                                   self._live())
        except OSError as exc:
            self._retire(slot, f"cannot start a worker process ({exc.strerror or exc})")
            return False
        return True

    def _retire(self, slot: int, why: str) -> None:
        """Go on with one worker fewer, down to cleaning in this process; say so once."""
        self.workers[slot] = None
        self.retired.add(slot)
        self.why = why
        if not self.starting:
            self._say()

    def _say(self) -> None:
        left = self.jobs - len(self.retired)
        if not self.retired or (left == 0) in self.said:
            return
        why = self.why
        self.said.add(left == 0)
        if left:
            self.warn(f"{why}; going on with {left} worker process{'es' if left > 1 else ''}")
        else:
            self.warn(f"{why}; cleaning in this process from here on (no --timeout, no crash protection)")

    def _live(self) -> list[workerproc.Worker]:
        return [w for w in self.workers if w is not None]

    def _clean_here(self, backlog: deque, done: dict) -> None:
        """No worker left: clean what waits in this process."""
        if self.clean_here is None:
            self.clean_here = self.settings.clean_fn(self.own_cleaner)
        while backlog:
            seq, line = backlog.popleft()
            done[seq] = process_line(line, self.clean_here, self.settings.field, self.settings.lang_field)

    def close(self) -> None:
        live = [w for w in self.workers if w is not None]
        for w in live:
            try:
                os.close(w.task_fd)
            except OSError:
                pass
            w.task_fd = -1
        deadline = time.monotonic() + 2
        for w in live:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            workerproc.stop(w, kill=True)
        self.workers = [None] * self.jobs

    # -- the loop
    def run(self, records: Iterable[tuple[str, str | None]]) -> Iterator[Outcome]:
        it = iter(records)
        exhausted = False
        next_seq = 0          # next input record number
        next_out = 0          # next record to yield
        done: dict[int, Outcome] = {}
        backlog: deque = deque()    # (seq, line) waiting for a worker
        sizes: dict[int, int] = {}  # seq -> len(line), records in flight
        in_bytes = 0
        try:
            self.starting = True   # one message for the pool as started, not one per slot
            for slot in range(self.jobs):
                self._start(slot)
            self.starting = False
            self._say()
            while True:
                # read input while the window allows
                while not exhausted and next_seq - next_out < self.window and (
                        in_bytes < self.window_bytes or next_seq == next_out):
                    try:
                        line, pre_error = next(it)
                    except StopIteration:
                        exhausted = True
                        break
                    if pre_error is not None:
                        done[next_seq] = _input_error(line, pre_error)
                    else:
                        backlog.append((next_seq, line))
                        sizes[next_seq] = len(line)
                        in_bytes += len(line)
                    next_seq += 1
                self._dispatch(backlog)
                if backlog and not self._live():
                    self._clean_here(backlog, done)
                while next_out in done:
                    o = done.pop(next_out)
                    in_bytes -= sizes.pop(next_out, 0)
                    next_out += 1
                    yield o
                if exhausted and next_out == next_seq:
                    return
                if self._live():
                    self._collect(done, backlog)
        finally:
            self.close()

    def _dispatch(self, backlog: deque) -> None:
        if not backlog:
            return
        for w in sorted((w for w in self.workers if w is not None), key=lambda w: len(w.pending)):
            while backlog and len(w.pending) < 2 * CHUNK_RECORDS and w.pending_bytes < 2 * CHUNK_BYTES:
                chunk = []
                size = 0
                while backlog and len(chunk) < CHUNK_RECORDS and (size < CHUNK_BYTES or not chunk):
                    seq, line = backlog.popleft()
                    chunk.append((seq, line))
                    size += len(line)
                if not w.pending:
                    w.since = time.monotonic()
                w.pending.extend(chunk)
                w.pending_bytes += size
                w.outbuf += frame(pickle.dumps(chunk, _PICKLE))
                self._flush(w)
            if not backlog:
                return

    def _flush(self, w: workerproc.Worker) -> None:
        """Write what the task pipe takes now, never blocking."""
        while w.outbuf:
            try:
                n = os.write(w.task_fd, w.outbuf[: 1 << 20])
            except BlockingIOError:
                return
            except OSError:  # the worker is gone; the main loop notices its death
                w.outbuf.clear()
                return
            del w.outbuf[:n]

    def _collect(self, done: dict, backlog: deque) -> None:
        """Wait for results, a worker's death, a free task pipe, or a record's deadline."""
        live = self._live()
        delay = 0.5
        if self.timeout:
            now = time.monotonic()
            for w in live:
                delay = min(delay, max(0.0, self._deadline(w, w.state[1]) - now))
        readable = [w.results for w in live] + [w.proc.sentinel for w in live]
        writable = [w.task_fd for w in live if w.outbuf]
        try:
            r, wr, _ = select.select(readable, writable, [], delay + 0.01)
        except InterruptedError:  # pragma: no cover - PEP 475 retries; belt and braces
            r, wr = [], []
        ready = set(r)
        for w in live:
            if w.task_fd in wr:
                self._flush(w)
        for slot, w in enumerate(self.workers):
            if w is None:
                continue
            dead = w.proc.sentinel in ready
            if w.results in ready:
                dead = not self._drain(w, done) or dead
            if dead:
                self._drain(w, done)  # results it sent before dying
                self._replace(slot, w, done, backlog, None)
            elif self.timeout:
                start, seq = w.state[1], int(w.state[0])
                if time.monotonic() <= self._deadline(w, start) or (start > 0 and w.state[1] != start):
                    continue  # in time, or it just moved on to the next record
                w.proc.kill()
                w.proc.join()
                self._drain(w, done)
                if start <= 0:  # it held records but took none for --timeout: stopped or wedged
                    seq = w.pending[0][0] if w.pending else None
                self._replace(slot, w, done, backlog, seq)

    def _deadline(self, w: workerproc.Worker, start: float) -> float:
        """When the worker is over --timeout: busy on one record since start = state[1] > 0,
        or holding records without progress (a worker stopped by SIGSTOP while idle)."""
        if start > 0:
            return start + self.timeout
        if not w.pending:
            return float("inf")
        if start == 0:  # not ready yet (spawn builds its Cleaner): a start-up allowance
            return w.since + max(self.timeout, STARTUP_GRACE)
        return max(w.since, -start) + self.timeout

    def _drain(self, w: workerproc.Worker, done: dict) -> bool:
        """Read every complete result waiting in the pipe; False once the pipe is closed."""
        try:
            while w.results.poll():
                msg = w.results.recv_bytes()
                seq, line, ok, error, cats, kinds, warnings, internal = pickle.loads(msg)
                raw = None
                if w.pending and w.pending[0][0] == seq:
                    _, raw = w.pending.popleft()
                    w.pending_bytes -= len(raw)
                else:  # cannot happen (a worker answers in order); stay consistent anyway
                    raw = next((p[1] for p in w.pending if p[0] == seq), None)
                    kept = [p for p in w.pending if p[0] != seq]
                    w.pending = deque(kept)
                    w.pending_bytes = sum(len(p[1]) for p in kept)
                done[seq] = Outcome(line, ok, None, error, cats, kinds, warnings, internal,
                                    None if ok else raw)
                w.done += 1
                w.since = time.monotonic()
                self.strikes.pop(seq, None)
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, slot: int, w: workerproc.Worker, done: dict, backlog: deque, timed_out: int | None) -> None:
        """A worker died or was killed: blame the record it was on, requeue the rest, restart it."""
        workerproc.stop(w, kill=True)
        self.workers[slot] = None  # its (closed) descriptors must not be closed again in the next child
        code = w.proc.exitcode
        pending = list(w.pending)
        busy_seq = None
        if timed_out is not None:
            busy_seq = timed_out
        elif w.state[1] > 0:
            busy_seq = int(w.state[0])
        requeue = []
        for seq, line in pending:
            if seq == busy_seq:
                if timed_out is not None:
                    msg = f"cleaning timed out after {self.timeout:g}s (worker killed)"
                else:
                    msg = f"cleaning crashed the worker process ({describe_exit(code)})"
                done[seq] = _error_outcome(line, msg, internal=True)
                continue
            # idle at its death: one strike for each record it held (a record that kills a worker
            # outside process_line must not loop), unless it died before finishing any: start-up
            self.strikes[seq] = self.strikes.get(seq, 0) + (busy_seq is None and w.done > 0)
            if self.strikes[seq] >= 2:
                done[seq] = _error_outcome(line, f"worker processes died twice while holding this record "
                                                 f"({describe_exit(code)})", internal=True)
                continue
            requeue.append((seq, line))
        backlog.extendleft(reversed(requeue))
        if w.done == 0 and busy_seq is None:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                self._retire(slot, f"worker processes keep dying at start-up ({describe_exit(code)})")
                return
        else:
            self.failed_starts = 0
        self._start(slot)
