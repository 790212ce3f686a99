"""`python -m cleaner.eval` and the old import path: the evaluation lives in
`cleaner.evaluation` (see its docstring for the metric, the options and the exit codes)."""
from __future__ import annotations

import sys

from cleaner.evaluation import *  # noqa: F401,F403
from cleaner.evaluation import __all__, main

if __name__ == "__main__":
    try:
        sys.exit(main(prog="python -m cleaner.eval"))
    except KeyboardInterrupt:
        print("python -m cleaner.eval: interrupted", file=sys.stderr)
        sys.exit(130)
