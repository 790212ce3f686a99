"""gzip read transparently, by its magic bytes rather than the file name.

Corpora ship as `.jsonl.gz` and crawls as `page.html.gz`; reading those as UTF-8
gave binary junk (or an encoding error that suggested going on with junk). The
two bytes 1f 8b start every gzip stream and never start UTF-8 text, so sniffing
them is safe for stdin too. Bad or truncated gzip data becomes an OSError with a
one-line reason, which the CLI already reports as an unreadable input (exit 1).
"""
from __future__ import annotations

import gzip
import zlib

GZIP_MAGIC = b"\x1f\x8b"


class BadGzip(OSError):
    """Corrupt or truncated gzip data; str() is one line."""


def gunzip(data: bytes) -> bytes:
    """`data` decompressed when it is gzip, else unchanged."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise BadGzip(f"bad gzip data: {exc}") from None


class _Lines:
    """Iterate a gzip stream's lines; decompression errors become BadGzip."""

    def __init__(self, fh):
        self._gz = gzip.GzipFile(fileobj=fh, mode="rb")
        self._raw = fh

    def __iter__(self):
        try:
            yield from self._gz
        except (OSError, EOFError, zlib.error) as exc:
            raise BadGzip(f"bad gzip data: {exc}") from None

    def close(self):
        self._gz.close()      # leaves the underlying stream open (stdin stays ours)
        if self._raw is not None:
            self._raw.close()


def open_binary(path: str):
    """Open `path` for reading bytes, transparently decompressing gzip."""
    fh = open(path, "rb")
    try:
        head = fh.peek(2)[:2]
    except OSError:
        head = b""
    return _Lines(fh) if head == GZIP_MAGIC else fh


def sniff_stream(stream):
    """A binary stream (stdin), decompressed when it starts with gzip's magic; the stream
    itself is never closed by the result."""
    peek = getattr(stream, "peek", None)
    head = peek(2)[:2] if peek is not None else b""
    if head != GZIP_MAGIC:
        return stream
    lines = _Lines(stream)
    lines._raw = None
    return lines


__all__ = ["gunzip", "open_binary", "sniff_stream", "BadGzip", "GZIP_MAGIC"]
