"""Document mode (not --jsonl): each input file is one document, rendered into one output.

Kept apart from cli.py so the CLI stays argument handling, and so folder mode
(cleaner/folders.py) renders each file exactly as `clean FILE` would.
"""
from __future__ import annotations

import json

from .cli import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, _internal_error, read_input, say


def run_documents(args, cleaner, files, out) -> int:
    """Clean `files` into the stream `out`; the worst exit status."""
    status = EXIT_OK
    many = len(files) > 1
    for n, path in enumerate(files):
        if n and many and args.format == "text":
            out.write("\f\n")
        status = max(status, clean_document(args, cleaner, path, out, many))
    return status


def clean_document(args, cleaner, path: str, out, many: bool = False) -> int:
    """Read, clean and write one document; an input or cleaning failure is reported
    on stderr and costs only this document."""
    try:
        text = read_input(path, args.encoding_errors)
    except InputError as exc:
        say(str(exc))
        if args.format == "json" and many:
            out.write(json.dumps(error_record("", path, str(exc)), ensure_ascii=False) + "\n")
        return EXIT_INPUT
    try:
        result = cleaner.clean(text, lang=args.lang, body_only=args.body_only, html=args.html,
                               flags=not args.no_flags, input=args.input)
    except Exception as exc:  # one bad input never costs the others; pass it through
        _internal_error(exc, f"{path}: ")
        if args.format == "json":
            obj = error_record(text, path if many else None, f"internal error: {type(exc).__name__}: {exc}")
            out.write(json.dumps(obj, ensure_ascii=False, indent=None if many else 2) + "\n")
        else:
            out.write(text + ("\n" if text and not text.endswith("\n") else ""))
        return EXIT_INTERNAL
    for warning in result.meta.get("warnings", []):
        say(f"warning: {path}: {warning}")
    if args.format == "json":
        obj = result.to_dict()
        if many:
            obj["meta"]["file"] = path
        out.write(json.dumps(obj, ensure_ascii=False, indent=None if many else 2) + "\n")
    else:
        out.write(result.text + ("\n" if result.text else ""))
    return EXIT_OK


def error_record(text: str, path: str | None, message: str) -> dict:
    meta = {"error": message}
    if path is not None:
        meta["file"] = path
    return {"text": text, "removed": [], "flags": [], "meta": meta}
