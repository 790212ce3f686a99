"""The parent's handle on one worker process: start it with its pipes, stop it.

A worker gets a task pipe (the parent writes framed, pickled chunks of records,
never blocking) and a result pipe (one message per record); `worker.py` is the
other end. Starting raises OSError (fork or pipe failing: process limit, memory,
descriptors) with nothing left open, so the pool can go on without it.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from dataclasses import dataclass, field

from cleaner.cli import worker


@dataclass
class Worker:
    proc: multiprocessing.process.BaseProcess
    results: object                    # Connection we read results from
    task_fd: int                       # non-blocking write end of its task pipe
    state: object                      # RawArray('d', 2): seq, and busy since (> 0) or idle since (< 0)
    outbuf: bytearray = field(default_factory=bytearray)  # framed chunks not yet written
    pending: deque = field(default_factory=deque)  # (seq, line) sent, result not yet back
    pending_bytes: int = 0
    done: int = 0                      # records it finished
    since: float = 0.0                 # when it was last seen making progress on what it holds


def context():
    """fork on Linux: instant start, the parent's compiled Cleaner is shared, no need for
    an importable __main__. The parent stays single-threaded, so forking is safe."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def launch(ctx, slot: int, settings, faults, cleaner, others: list[Worker]) -> Worker:
    """Start worker number `slot`; `others`: the live workers, whose pipe ends a forked
    child must close. Raises OSError with everything it opened closed again."""
    fork = ctx.get_start_method() == "fork"
    opened: list = []
    try:
        task_r, task_w = os.pipe()
        opened += [task_r, task_w]
        result_r, result_w = ctx.Pipe(duplex=False)
        opened += [result_r, result_w]
        state = ctx.RawArray("d", 2)
        theirs = [fd for w in others for fd in (w.task_fd, w.results.fileno())]
        theirs += [task_w, result_r.fileno()]
        if fork:
            task_arg = task_r
        else:
            from multiprocessing.connection import Connection
            task_arg = Connection(os.dup(task_r), writable=False)
            opened.append(task_arg)
        for stream in (sys.stdout, sys.stderr):  # else the child may flush a copy of their buffers
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        proc = ctx.Process(target=worker.worker_main, name=f"clean-worker-{slot}", daemon=True,
                           args=(task_arg, result_w, state, settings, faults, cleaner, theirs if fork else []))
        proc.start()
    except OSError:
        for thing in opened:
            try:
                thing.close() if hasattr(thing, "close") else os.close(thing)
            except OSError:
                pass
        raise
    os.close(task_r)
    if not fork:
        task_arg.close()
    result_w.close()
    os.set_blocking(task_w, False)
    return Worker(proc, result_r, task_w, state)


def stop(w: Worker, kill: bool) -> None:
    """Close its task pipe (EOF), kill it if asked, reap it, close its result pipe."""
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
