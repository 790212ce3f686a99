"""Reading inputs: a whole document (read_input, decode) and gzip read transparently.

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
import os
import sys
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


def read_input(path: str, errors: str) -> str:
    """A document's text from a file or '-' (stdin), gunzipped and decoded; InputError
    (one line for stderr) when it cannot be read or decoded."""
    try:
        if path == "-":
            if sys.stdin is None:
                raise InputError("-: cannot read: stdin is closed")
            data = sys.stdin.buffer.read()
        else:
            if os.path.isdir(path):
                raise InputError(f"{path}: is a directory (clean DIR -o OUTDIR cleans a folder)")
            with open(path, "rb") as fh:
                data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. stdin closed under us
        raise InputError(f"{path}: cannot read: {exc}") from None
    name = "<stdin>" if path == "-" else path
    try:
        data = gunzip(data)   # page.html.gz: by its magic bytes, never decoded as text
    except BadGzip as exc:
        raise InputError(f"{name}: cannot read: {exc}") from None
    return decode(data, name, errors)


__all__ = ["gunzip", "open_binary", "sniff_stream", "BadGzip", "GZIP_MAGIC", "InputError", "decode", "read_input"]
