"""A plain progress bar on stderr for when tqdm is not installed.

`--progress` did nothing without tqdm, which a plain install lacks. This bar has the
two methods the batch loop uses (update(bytes), close()), redraws at most twice a
second with a carriage return, and ends its line on close so the summary starts clean.
"""
from __future__ import annotations

import os
import sys
import time

WIDTH = 30


def _size(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class SimpleBar:
    def __init__(self, total: int | None, stream=None, desc: str = "clean", interval: float = 0.5):
        self.total = total or None
        self.stream = stream if stream is not None else sys.stderr
        self.desc = desc
        self.interval = interval
        self.n = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    @classmethod
    def for_files(cls, files) -> "SimpleBar":
        """A bar over the input files' bytes (no total when reading stdin or a size is unknown)."""
        return cls(total_bytes(files), sys.stderr)

    def update(self, n: int) -> None:
        self.n += n
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.n / max(now - self.start, 1e-9)
        if self.total:
            share = min(self.n / self.total, 1.0)
            filled = int(share * WIDTH)
            line = (f"{self.desc} {share:4.0%} |{'#' * filled}{' ' * (WIDTH - filled)}| "
                    f"{_size(self.n)}/{_size(self.total)} {_size(rate)}/s")
        else:
            line = f"{self.desc} {_size(self.n)} {_size(rate)}/s"
        try:
            self.stream.write("\r" + line)
            self.stream.flush()
            self._drawn = True
        except (OSError, ValueError, AttributeError):
            pass

    def close(self) -> None:
        self._draw(time.monotonic())
        try:
            self.stream.write("\n")
            self.stream.flush()
        except (OSError, ValueError, AttributeError):
            pass


def total_bytes(files) -> int | None:
    """The input files' size in bytes, the progress bar's total; None when reading
    stdin or when a size cannot be read."""
    if "-" in files:
        return None
    try:
        return sum(os.path.getsize(f) for f in files)
    except OSError:
        return None
