"""Output sinks: stdout, or a file written atomically (temp file renamed into place).

A file target appears only complete, never half-written: the text goes to a
hidden temp file in the target's folder (same file system, so the final rename is
atomic), which is flushed, fsync'ed and renamed over the target only when the run
finished. On any failure or interrupt (an exception, Ctrl-C, SIGTERM turned into
an exception by the CLI) the temp file is removed and an existing target is left
exactly as it was. Several targets (`-o` and `--rejects`) are all or nothing
together: none is renamed before all are on disk.

Write failures (disk full, permission denied, no such folder) surface as
`OutputError` with a one-line message; a reader that went away (`clean | head`)
stays a `BrokenPipeError`, which the CLI turns into a quiet exit.

Output is always UTF-8. A lone surrogate (possible only from JSON input such as
"\\ud800") is written as the escape `\\ud800` rather than crashing: inside JSON
output that is exactly the JSON escape for the same code point.
"""
from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import stat
import sys
import tempfile

ENCODING = "utf-8"
ERRORS = "backslashreplace"
TEMP_PREFIX = ".clean-"
TEMP_SUFFIX = ".tmp"


class OutputError(Exception):
    """The output cannot be written; the message is one line for stderr."""

    def __init__(self, err: int | None, message: str):
        super().__init__(message)
        self.errno = err


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class _Sink:
    """A text stream whose write errors become OutputError (a closed pipe stays BrokenPipeError)."""

    def __init__(self, stream, name: str):
        self._stream = stream
        self.name = name

    def _fail(self, exc: OSError):
        if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
            raise BrokenPipeError(*exc.args) from None
        raise OutputError(exc.errno, f"{self.name}: cannot write: {_why(exc)}") from None

    def write(self, s: str) -> int:
        try:
            return self._stream.write(s)
        except OSError as exc:
            self._fail(exc)

    def writelines(self, lines) -> None:
        for s in lines:
            self.write(s)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._fail(exc)

    def __getattr__(self, attr):  # fileno, isatty, encoding, ...
        return getattr(self._stream, attr)


class _RawSink(_Sink):
    """stdout without a buffer (PYTHONUNBUFFERED=1, python -u): the text layer writes
    straight to the file and ignores a short write, so a full disk or `ulimit -f`
    truncated the output silently. Here every byte is written or the write fails."""

    def __init__(self, stream, name: str):
        super().__init__(stream, name)
        self._raw = stream.buffer

    def write(self, s: str) -> int:
        try:
            self._stream.flush()   # anything written through the text layer first
            view = memoryview(s.encode(ENCODING, ERRORS))
            while view:
                n = self._raw.write(view)
                if n is None:      # non-blocking stdout: wait until it takes more
                    select.select([], [self._raw], [])
                    continue
                if n == 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                view = view[n:]
        except OSError as exc:
            self._fail(exc)
        return len(s)


def _utf8_stdout():
    out = sys.stdout
    if out is None:
        raise OutputError(errno.EBADF, "stdout: cannot write: stdout is closed")
    enc = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") or getattr(out, "errors", None) != ERRORS:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            out.reconfigure(encoding=ENCODING, errors=ERRORS)
    return out


class _Stdout:
    """stdout: streamed, so it cannot be taken back; its write errors still count."""

    def __init__(self):
        out = _utf8_stdout()
        raw = isinstance(getattr(out, "buffer", None), io.RawIOBase)
        self.sink = (_RawSink if raw else _Sink)(out, "stdout")

    def finish(self) -> None:
        self.sink.flush()

    def discard(self) -> None:
        pass


class _Direct:
    """A device or FIFO (-o /dev/null, a named pipe): renaming over it would replace
    the device node, so it is written straight."""

    def __init__(self, path: str, target: str, errors: str = ERRORS):
        self.path = path
        try:
            self.fh = open(target, "w", encoding=ENCODING, errors=errors, newline="\n")
        except OSError as exc:
            raise OutputError(exc.errno, f"{path}: cannot write: {_why(exc)}") from None
        self.sink = _Sink(self.fh, path)

    def finish(self) -> None:
        self.sink.flush()
        self.discard()

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.fh.close()


class _Staged:
    """A regular file: written to a hidden temp file in its folder (same file system,
    so the rename is atomic) and renamed over the target by commit()."""

    def __init__(self, path: str, target: str, st, errors: str = ERRORS):
        self.path = path
        self.target = target
        self.existed = st is not None
        self.backup: str | None = None
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=os.path.dirname(target))
        except OSError as exc:
            why = "no such folder" if isinstance(exc, FileNotFoundError) else _why(exc)
            raise OutputError(exc.errno, f"{path}: cannot write: {why}") from None
        with contextlib.suppress(OSError):
            os.chmod(self.tmp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        self.fh = os.fdopen(fd, "w", encoding=ENCODING, errors=errors, newline="\n")
        self.sink = _Sink(self.fh, path)

    def _error(self, exc: OSError) -> OutputError:
        return OutputError(exc.errno, f"{self.path}: cannot write: {_why(exc)}")

    def finish(self) -> None:
        """Everything on disk (flushed, fsync'ed, closed): a full disk shows here at the latest."""
        self.sink.flush()
        try:
            os.fsync(self.fh.fileno())
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # file systems without fsync
                raise self._error(exc) from None
        try:
            self.fh.close()
        except OSError as exc:
            raise self._error(exc) from None

    def keep_backup(self) -> None:
        """A hard link to the target as it is, so commit() can be undone (best effort)."""
        if not self.existed:
            return
        for _ in range(100):
            name = os.path.join(os.path.dirname(self.target),
                                f"{TEMP_PREFIX}{os.urandom(6).hex()}.bak{TEMP_SUFFIX}")
            try:
                os.link(self.target, name)
            except FileExistsError:
                continue
            except OSError:
                return
            self.backup = name
            return

    def commit(self) -> None:
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            raise self._error(exc) from None

    def undo(self) -> None:
        """Put the target back as it was before commit()."""
        with contextlib.suppress(OSError):
            if self.backup is not None:
                os.replace(self.backup, self.target)
                self.backup = None
            elif not self.existed:
                os.unlink(self.target)

    def drop_backup(self) -> None:
        if self.backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.backup)

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.fh.close()     # may fail to flush (disk full): the file goes anyway
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)
        self.drop_backup()


def _target(path: str | None, errors: str = ERRORS):
    if path is None or path == "-":
        return _Stdout()
    target = os.path.realpath(path)  # through a symlink, like `>` would
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(exc.errno, f"{path}: cannot write: {_why(exc)}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(errno.EISDIR, f"{path}: cannot write: is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return _Direct(path, target, errors)
    return _Staged(path, target, st, errors)


@contextlib.contextmanager
def open_outputs(*paths: str | None, errors: list[str | None] | None = None):
    """Yield a list of text streams, one per path (None or '-': stdout). errors: per
    path, how a file encodes a lone surrogate (default: as a `\\udcXX` escape).

    All or nothing: every file is written to its temp file; only when the run ended
    and every one of them is completely on disk are they renamed into place, one
    after the other, and if a rename fails the ones before it are put back. Any
    failure or interrupt leaves every target file as it was."""
    targets: list = []
    try:
        sinks = []
        for p, err in zip(paths, errors or [None] * len(paths)):
            targets.append(_target(p, err or ERRORS))
            sinks.append(targets[-1].sink)
        yield sinks
        for t in targets:
            t.finish()
        _commit([t for t in targets if isinstance(t, _Staged)])
    except BaseException:
        for t in targets:
            t.discard()
        raise


def _commit(staged: list) -> None:
    if len(staged) > 1:
        for t in staged:
            t.keep_backup()
    done = []
    try:
        for t in staged:
            t.commit()
            done.append(t)
    except BaseException:
        for t in reversed(done):
            t.undo()
        raise
    for t in staged:
        t.drop_backup()


@contextlib.contextmanager
def open_output(path: str | None):
    """Yield a text stream; a file appears only complete, never half-written."""
    with open_outputs(path) as (sink,):
        yield sink


def _umask() -> int:
    """The process umask: from /proc on Linux (no window where it is changed), else set and restore."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
