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
spawn) each builds it from the same `Settings` (rule packs, disabled rules). The
per-call settings (language, body-only, flags, HTML, input kind, field) are the
parent's. The parent process stays single-threaded (non-blocking pipes and
select()), so forking is safe.

With jobs=1 and timeout=0 the records are cleaned in this process (no worker,
no protection against a crash or a hang); any other combination uses workers.
On Windows there are no workers: records are always cleaned in process.

Test hook (documented, for the fault tests only): the environment variable
CLEANER_TEST_FAULT="crash:MARKER,hang:MARKER,segv:MARKER", read from the
environment of the process that starts the workers, makes a worker that gets a
record whose raw JSON line contains MARKER die at once with os._exit(70)
(`crash`), kill itself with SIGSEGV (`segv`), or sleep forever (`hang`). It is
never set in normal use.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import select
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .batch import Outcome, error_record, process_line

FAULT_ENV = "CLEANER_TEST_FAULT"
DEFAULT_TIMEOUT = 60.0
CHUNK_RECORDS = 8            # records per message to a worker
CHUNK_BYTES = 1 << 20        # ... or this much text, whichever comes first
_PICKLE = pickle.HIGHEST_PROTOCOL


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to build the same cleaner as the parent."""

    rules: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    lang: str | None = None
    body_only: bool = False
    html: bool | None = None
    flags: bool = True
    field: str = "text"
    lang_field: str | None = None   # a record field that may give its language
    input: str = "auto"             # what the text is: "article", "page" or "auto" (engine.INPUT_KINDS)

    @classmethod
    def from_args(cls, args) -> "Settings":
        return cls(rules=tuple(args.rules), disable=tuple(args.disable), lang=args.lang,
                   body_only=bool(args.body_only), html=args.html, flags=not args.no_flags,
                   field=args.field, lang_field=getattr(args, "lang_field", None),
                   input=getattr(args, "input", "auto"))

    def clean_fn(self, cleaner=None) -> Callable:
        """clean(text, lang=None): the record's own language (from lang_field) if
        given, else --lang, else detected."""
        if cleaner is None:
            from .api import Cleaner
            cleaner = Cleaner(self.rules, self.disable)

        def clean(text: str, lang: str | None = None):
            return cleaner.clean(text, lang=lang or self.lang, body_only=self.body_only, html=self.html,
                                 flags=self.flags, input=self.input)
        return clean


# ------------------------------------------------------------------ public
def clean_records(records: Iterable[tuple[str, str | None]], settings: Settings, *, jobs: int = 1,
                  timeout: float = DEFAULT_TIMEOUT, cleaner=None, window: int | None = None,
                  window_bytes: int = 64 << 20) -> Iterator[Outcome]:
    """One Outcome per record, in order. `records` yields (raw JSON line, error or None);
    a record that already carries an error (e.g. invalid UTF-8) passes through as such.

    jobs: worker processes; timeout: seconds per record before its worker is killed
    (0 = no limit; jobs=1 with timeout=0 cleans in this process, unprotected).
    cleaner: an already built Cleaner (built from `settings.rules/disable` when None);
    used in process, and shared by forked workers. window / window_bytes: at most
    this many records / this much text read ahead of the output."""
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if jobs == 1 and not timeout:
        yield from _serial(records, settings, cleaner)
        return
    if sys.platform == "win32":  # workers need POSIX pipes and select(); no protection there
        yield from _serial(records, settings, cleaner)
        return
    yield from _Pool(settings, jobs, timeout, window or max(64, jobs * CHUNK_RECORDS * 4),
                     window_bytes, cleaner).run(records)


def _serial(records, settings: Settings, cleaner) -> Iterator[Outcome]:
    clean = settings.clean_fn(cleaner)
    for line, pre_error in records:
        if pre_error is not None:
            yield _error_outcome(line, pre_error)
        else:
            yield process_line(line, clean, settings.field, settings.lang_field)


def _error_outcome(line: str, message: str, internal: bool = False) -> Outcome:
    """In the parent: the line may have killed a worker, so it is read by the
    non-recursive scanner only (never json.loads), and never cleaned here."""
    return Outcome(error_record(line, message, safe=True), False, None, message, internal=internal, raw=line)


# ------------------------------------------------------------------ worker side
def _parse_faults(spec: str | None) -> list[tuple[str, str]]:
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


def _frame(payload: bytes) -> bytes:
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


def _worker_main(task_fd, result_w, state, settings: Settings, faults, cleaner, close_fds) -> None:
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
            state[1] = 0.0
            try:
                result_w.send_bytes(pickle.dumps((seq, o.line, o.ok, o.error, o.categories, o.kinds,
                                                  o.warnings, o.internal), _PICKLE))
            except OSError:  # the parent is gone (killed): nobody to answer, leave quietly
                return


# ------------------------------------------------------------------ parent side
@dataclass
class _Worker:
    proc: multiprocessing.process.BaseProcess
    results: object                    # Connection we read results from
    task_fd: int                       # non-blocking write end of its task pipe
    state: object                      # RawArray('d', 2): seq, start time (0 = idle)
    outbuf: bytearray = field(default_factory=bytearray)  # framed chunks not yet written
    pending: deque = field(default_factory=deque)  # (seq, line) sent, result not yet back
    pending_bytes: int = 0
    done: int = 0                      # records it finished


def _context():
    """fork on Linux: instant start, the parent's compiled Cleaner is shared, no need for
    an importable __main__. The parent stays single-threaded, so forking is safe."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class _Pool:
    def __init__(self, settings: Settings, jobs: int, timeout: float, window: int, window_bytes: int,
                 cleaner=None):
        self.settings = settings
        self.jobs = jobs
        self.timeout = float(timeout or 0)
        self.window = window
        self.window_bytes = window_bytes
        self.faults = _parse_faults(os.environ.get(FAULT_ENV))
        self.ctx = _context()
        self.fork = self.ctx.get_start_method() == "fork"
        self.cleaner = cleaner if self.fork else None  # shared copy-on-write by fork
        self.workers: list[_Worker | None] = [None] * jobs
        self.strikes: dict[int, int] = {}   # seq -> deaths of a worker holding it, idle at the time
        self.failed_starts = 0

    # -- workers
    def _start(self, slot: int) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = self.ctx.Pipe(duplex=False)
        state = self.ctx.RawArray("d", 2)
        theirs = [fd for w in self.workers if w is not None for fd in (w.task_fd, w.results.fileno())]
        theirs += [task_w, result_r.fileno()]
        if self.fork:
            task_arg = task_r
        else:
            from multiprocessing.connection import Connection
            task_arg = Connection(os.dup(task_r), writable=False)
        for stream in (sys.stdout, sys.stderr):  # else the child may flush a copy of their buffers
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        proc = self.ctx.Process(target=_worker_main, name=f"clean-worker-{slot}", daemon=True,
                                args=(task_arg, result_w, state, self.settings, self.faults, self.cleaner,
                                      theirs if self.fork else []))
        proc.start()
        os.close(task_r)
        if not self.fork:
            task_arg.close()
        result_w.close()
        os.set_blocking(task_w, False)
        self.workers[slot] = _Worker(proc, result_r, task_w, state)

    def _stop(self, w: _Worker, kill: bool) -> None:
        try:
            os.close(w.task_fd)  # EOF: the worker exits after its current chunk
        except OSError:
            pass
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join()
        try:
            w.results.close()
        except OSError:
            pass

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
            self._stop(w, kill=True)
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
            for slot in range(self.jobs):
                self._start(slot)
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
                        done[next_seq] = _error_outcome(line, pre_error)
                    else:
                        backlog.append((next_seq, line))
                        sizes[next_seq] = len(line)
                        in_bytes += len(line)
                    next_seq += 1
                self._dispatch(backlog)
                while next_out in done:
                    o = done.pop(next_out)
                    in_bytes -= sizes.pop(next_out, 0)
                    next_out += 1
                    yield o
                if exhausted and next_out == next_seq:
                    return
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
                w.pending.extend(chunk)
                w.pending_bytes += size
                w.outbuf += _frame(pickle.dumps(chunk, _PICKLE))
                self._flush(w)
            if not backlog:
                return

    def _flush(self, w: _Worker) -> None:
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
        live = [w for w in self.workers if w is not None]
        delay = 0.5
        if self.timeout:
            now = time.monotonic()
            for w in live:
                start = w.state[1]
                if start:
                    delay = min(delay, max(0.0, start + self.timeout - now))
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
                start, seq = w.state[1], w.state[0]
                if start and w.state[1] == start and time.monotonic() - start > self.timeout:
                    w.proc.kill()
                    w.proc.join()
                    self._drain(w, done)
                    self._replace(slot, w, done, backlog, int(seq))

    def _drain(self, w: _Worker, done: dict) -> bool:
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
                self.strikes.pop(seq, None)
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, slot: int, w: _Worker, done: dict, backlog: deque, timed_out: int | None) -> None:
        """A worker died or was killed: blame the record it was on, requeue the rest, restart it."""
        self._stop(w, kill=True)
        self.workers[slot] = None  # its (closed) descriptors must not be closed again in the next child
        code = w.proc.exitcode
        pending = list(w.pending)
        busy_seq = None
        if timed_out is not None:
            busy_seq = timed_out
        elif w.state[1]:
            busy_seq = int(w.state[0])
        requeue = []
        for seq, line in pending:
            if seq == busy_seq:
                if timed_out is not None:
                    msg = f"cleaning timed out after {self.timeout:g}s (worker killed)"
                else:
                    msg = f"cleaning crashed the worker process ({_describe_exit(code)})"
                done[seq] = _error_outcome(line, msg, internal=True)
                continue
            self.strikes[seq] = self.strikes.get(seq, 0) + (busy_seq is None)
            if self.strikes[seq] >= 2:
                done[seq] = _error_outcome(line, f"worker processes died twice while holding this record "
                                                 f"({_describe_exit(code)})", internal=True)
                continue
            requeue.append((seq, line))
        backlog.extendleft(reversed(requeue))
        if w.done == 0 and busy_seq is None:
            self.failed_starts += 1
            if self.failed_starts >= 3:
                raise RuntimeError(f"worker processes keep dying at start-up ({_describe_exit(code)})")
        else:
            self.failed_starts = 0
        self._start(slot)


def _describe_exit(code) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
