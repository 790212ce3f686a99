"""Reading inputs: decoding a whole document (decode) and gzip read transparently.

gzip is recognised by its magic bytes rather than the file name.

Corpora ship as `.jsonl.gz` and crawls as `page.html.gz`; reading those as UTF-8
gave binary junk (or an encoding error that suggested going on with junk). The
two bytes 1f 8b start every gzip stream and never start UTF-8 text, so sniffing
them is safe for stdin too. Bad or truncated gzip data becomes an OSError with a
one-line reason, which the CLI already reports as an unreadable input (exit 1).
"""
from __future__ import annotations

import codecs
import gzip
import zlib

GZIP_MAGIC = b"\x1f\x8b"


class InputError(Exception):
    """An input that cannot be read or decoded; the message is one line for stderr."""


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


# ------------------------------------------------------------------ whole documents
_UTF16_32 = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, name: str, errors: str = "strict") -> str:
    """UTF-8 (a BOM is dropped); UTF-16/32 only with a BOM. Strict mode rejects NUL bytes
    (binary data) and invalid UTF-8 naming the byte offset; "replace" goes on with U+FFFD."""
    for bom, codec in _UTF16_32:
        if data.startswith(bom):
            try:
                return data.decode(codec, errors=errors)  # the codec drops the BOM
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {codec.upper()} at byte offset {exc.start}; "
                                 "use --encoding-errors replace to go on") from None
    if errors == "strict":
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(f"{name}: binary input (NUL byte at byte offset {nul}), not text; "
                             "use --encoding-errors replace to clean it anyway")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid UTF-8 at byte offset {exc.start + bom}; "
                         "use --encoding-errors replace to go on") from None


__all__ = ["gunzip", "open_binary", "sniff_stream", "BadGzip", "GZIP_MAGIC", "InputError", "decode"]
