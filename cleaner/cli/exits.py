"""How the `clean` command ends and speaks: its exit codes and its one-line messages.

The bottom of cleaner/cli: every mode (documents, batches, folders) reports through
`say` and returns these codes, and main.py maps them onto the process. Kept apart
from main.py so the modes import it without importing main.py, which imports them:
no import circle. What each code means is documented in main.py's docstring and in
README.md ("Exit codes"); the most severe one wins.
"""
from __future__ import annotations

import os
import re
import sys

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_RULES, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_STRICT = 6
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # C0, C1, bidi


def say(message: str) -> None:
    """Print `clean: message` as exactly one line on stderr; never raises."""
    line = _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(message))
    err = sys.stderr
    if err is None:  # closed (`2>&-`): print(file=None) would write to stdout, into the output
        return
    try:
        err.write(f"clean: {line}\n")
        err.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed: nothing else we can do


def usage(message: str) -> int:
    """A usage error argparse could not see: one line, exit 2."""
    say(f"error: {message} (see clean --help)")
    return EXIT_USAGE


def internal_error(exc: BaseException, where: str = "") -> None:
    """A bug: still one line (CLEAN_DEBUG=1 adds the traceback); the caller picks the exit."""
    if os.environ.get("CLEAN_DEBUG") and sys.stderr is not None:
        import traceback
        traceback.print_exception(exc, file=sys.stderr)
    say(f"{where}internal error: {type(exc).__name__}: {exc} (a bug, please report it; "
        "CLEAN_DEBUG=1 shows the traceback)")
