"""Folder in, folder out: `clean DIR -o OUTDIR` cleans every file under DIR into OUTDIR
under the same relative name, as trafilatura users expect of a batch tool.

Each file is rendered exactly as `clean FILE -o OUT` would (with --jsonl, as
`clean --jsonl FILE -o OUT`), each output written atomically. A `.gz` input is
read decompressed and its output loses the `.gz`; with `--format json` (`html`)
a document's output gets `.json` (`.html`) added. Hidden files and folders are skipped, and
the list is made before anything is written, so OUTDIR may sit inside DIR.
"""
from __future__ import annotations

import copy
import os

from cleaner.cli.exits import EXIT_OK, EXIT_STRICT
from cleaner.cli.output import OutputError, open_output


def source_files(src: str) -> list[str]:
    """Relative paths of the regular files under `src`, sorted, hidden ones left out."""
    found = []
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            path = os.path.join(root, name)
            if not name.startswith(".") and os.path.isfile(path):
                found.append(os.path.relpath(path, src))
    return sorted(found)


def target_name(rel: str, args) -> str:
    name = rel[:-3] if rel.endswith(".gz") else rel
    if args.format in ("json", "html") and not args.jsonl:
        name += "." + args.format
    return name


def run_folder(args, settings, cleaner, src: str) -> int:
    from cleaner.cli.batch import run_batch
    from cleaner.cli.documents import clean_document

    status, strict_failed = EXIT_OK, False
    for rel in source_files(src):
        path = os.path.join(src, rel)
        target = os.path.join(args.output, target_name(rel, args))
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except OSError as exc:
            raise OutputError(exc.errno, f"{target}: cannot write: {exc.strerror or exc}") from None
        if args.jsonl:
            one = copy.copy(args)
            one.output = target
            got = run_batch(one, settings, cleaner, [path])
            strict_failed |= got == EXIT_STRICT   # 6 ranks below 1-5: it counts only if nothing worse happened
            status = max(status, EXIT_OK if got == EXIT_STRICT else got)
        else:
            with open_output(target) as out:
                status = max(status, clean_document(args, settings, cleaner, path, out))
    return EXIT_STRICT if strict_failed and status == EXIT_OK else status
