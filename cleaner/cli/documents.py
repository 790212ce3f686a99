"""Document mode (not --jsonl): each input file is one document, rendered into one output.

Kept apart from main.py so the command stays argument handling, and so folder mode
(cleaner/cli/folders.py) renders each file exactly as `clean FILE` would.
"""
from __future__ import annotations

import json

from cleaner.cli.exits import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, internal_error, say
from cleaner.cli.inputs import InputError, read_input


def run_documents(args, settings, cleaner, files, out) -> int:
    """Clean `files` into the stream `out` with `settings.options`; the worst exit status."""
    status = EXIT_OK
    many = len(files) > 1
    review = Review(args, cleaner, out)
    for n, path in enumerate(files):
        if n and many and args.format == "text":
            out.write("\f\n")
        status = max(status, clean_document(args, settings, cleaner, path, out, review))
    review.close()
    return status


class Review:
    """--explain and --format html: the input with its removals and flags in place
    (cleaner/cli/review.py); the page collects one section per input and is written at the end."""

    def __init__(self, args, cleaner, out):
        self.explain = getattr(args, "explain", False)
        self.page = args.format == "html"
        self.out = out
        self.sections: list[str] = []
        self.describe = {}
        if self.explain or self.page:
            from cleaner.cli.listing import rule_rows
            from cleaner.cli.review import descriptions
            self.describe = descriptions(rule_rows(cleaner))
        mode = getattr(args, "color", "auto")
        self.color = mode == "always" or (mode == "auto" and _is_terminal(out))

    def add(self, path: str, text: str, result) -> bool:
        """Render one document; False when no review view is on."""
        if not (self.explain or self.page):
            return False
        if result.meta.get("source") == "html":   # offsets point into the extracted text
            from cleaner.html.extract import extract
            text, _ = extract(text)
        from cleaner.cli import review
        if self.page:
            self.sections.append(review.html_section("<stdin>" if path == "-" else path, text, result,
                                                     self.describe))
        else:
            self.out.write(review.explain(text, result, color=self.color))
        return True

    def close(self) -> None:
        if self.page:
            from cleaner.cli.review import html_page
            self.out.write(html_page(self.sections))


def _is_terminal(out) -> bool:
    import os
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return out.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def clean_document(args, settings, cleaner, path: str, out, review: Review | None = None) -> int:
    """Read, clean and write one document; an input or cleaning failure is reported
    on stderr and costs only this document."""
    try:
        text = read_input(path, args.encoding_errors)
    except InputError as exc:
        say(str(exc))
        if args.format == "json":
            out.write(_dumps(error_record("", path, str(exc))))
        return EXIT_INPUT
    try:
        result = cleaner.clean_with(text, settings.options)
    except Exception as exc:  # one bad input never costs the others; pass it through
        internal_error(exc, f"{path}: ")
        if args.format == "json":
            out.write(_dumps(error_record(text, path, f"internal error: {type(exc).__name__}: {exc}")))
        else:
            out.write(text + ("\n" if text and not text.endswith("\n") else ""))
        return EXIT_INTERNAL
    for warning in result.meta.get("warnings", []):
        say(f"warning: {path}: {warning}")
    if review is not None and review.add(path, text, result):
        return EXIT_OK
    if args.format == "json":
        obj = result.to_dict()
        obj["meta"]["file"] = path
        write_json(out, obj)
    else:
        write_text(out, result.text)
        if result.text:
            out.write("\n")
        if getattr(args, "show_flags", False):
            show_flags(path, text, result)
    return EXIT_OK


def _dumps(obj) -> str:
    """One input, one line: the same shape for one FILE or many (JSON Lines)."""
    return json.dumps(obj, ensure_ascii=False) + "\n"


#: how many characters of a big text are written (and encoded, and escaped) at a time
PIECE_CHARS = 1 << 20


def write_text(out, text: str) -> None:
    """out.write(text) a piece at a time: the stream's encoded copy of a big
    document is one piece's, not the whole text's."""
    if len(text) <= PIECE_CHARS:
        out.write(text)
        return
    for at in range(0, len(text), PIECE_CHARS):
        out.write(text[at:at + PIECE_CHARS])


def write_json(out, obj: dict) -> None:
    """out.write(_dumps(obj)) for a result's dict ("text" its first key), with a big
    text escaped and written a piece at a time: no whole-document JSON string (and
    no second one with the newline). Escaping is per character, so the pieces
    escape to the same JSON."""
    text = obj["text"]
    if len(text) <= PIECE_CHARS or next(iter(obj)) != "text":
        out.write(_dumps(obj))
        return
    rest = json.dumps({k: v for k, v in obj.items() if k != "text"}, ensure_ascii=False)
    out.write('{"text": "')
    for at in range(0, len(text), PIECE_CHARS):
        out.write(json.dumps(text[at:at + PIECE_CHARS], ensure_ascii=False)[1:-1])
    out.write('"' + (", " + rest[1:] if rest != "{}" else "}") + "\n")


def show_flags(path: str, text: str, result) -> None:
    """Each flag as one stderr line, `clean: flag: FILE:LINE:COL: kind: message: "text"`
    (line and column 1-based, in the input; for HTML input, `@OFFSET` into the extracted text)."""
    name = "<stdin>" if path == "-" else path
    html = result.meta.get("source") == "html"
    for f in result.flags:
        line = text.count("\n", 0, f.start) + 1
        col = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        where = f"@{f.start}" if html else f"{line}:{col}"
        say(f"flag: {name}:{where}: {f.kind}: {f.message}: {json.dumps(f.text, ensure_ascii=False)}")


def error_record(text: str, path: str, message: str) -> dict:
    return {"text": text, "removed": [], "flags": [], "meta": {"error": message, "file": path}}
