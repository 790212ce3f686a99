"""Output sinks: stdout, or a file written atomically (temp file renamed into place).

A file target appears only complete, never half-written: the text goes to a
hidden temp file in the target's folder (same file system, so the final rename is
atomic), which is flushed, fsync'ed and renamed over the target only when the run
finished. On any failure or interrupt (an exception, Ctrl-C, SIGTERM turned into
an exception by the CLI) the temp file is removed and an existing target is left
exactly as it was.

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
import os
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


def _utf8_stdout():
    out = sys.stdout
    if out is None:
        raise OutputError(errno.EBADF, "stdout: cannot write: stdout is closed")
    enc = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") or getattr(out, "errors", None) != ERRORS:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            out.reconfigure(encoding=ENCODING, errors=ERRORS)
    return out


@contextlib.contextmanager
def open_output(path: str | None):
    """Yield a text stream; a file appears only complete, never half-written."""
    if path is None or path == "-":
        sink = _Sink(_utf8_stdout(), "stdout")
        yield sink
        sink.flush()
        return
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
        # a device or FIFO (-o /dev/null, a named pipe): renaming over it would
        # replace the device node, so write straight to it.
        yield from _direct(path, target)
        return
    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        why = "no such folder" if isinstance(exc, FileNotFoundError) else _why(exc)
        raise OutputError(exc.errno, f"{path}: cannot write: {why}") from None
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding=ENCODING, errors=ERRORS, newline="\n") as fh:
            sink = _Sink(fh, path)
            yield sink
            sink.flush()
            try:
                os.fsync(fh.fileno())
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.ENOTSUP):  # file systems without fsync
                    raise OutputError(exc.errno, f"{path}: cannot write: {_why(exc)}") from None
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(exc.errno, f"{path}: cannot write: {_why(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _direct(path: str, target: str):
    try:
        fh = open(target, "w", encoding=ENCODING, errors=ERRORS, newline="\n")
    except OSError as exc:
        raise OutputError(exc.errno, f"{path}: cannot write: {_why(exc)}") from None
    with fh:
        sink = _Sink(fh, path)
        yield sink
        sink.flush()


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
