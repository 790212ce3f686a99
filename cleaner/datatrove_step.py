"""A datatrove pipeline step that cleans `doc.text` (optional extra: pip install 'newstext-cleaner[datatrove]').

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove_step import CleanerStep

    LocalPipelineExecutor([JsonlReader("in/"), CleanerStep(filter_empty=True), JsonlWriter("out/")],
                          tasks=4).run()

For each document the step replaces `doc.text` with the cleaned text and stores
the report in `doc.metadata["clean"]` (JSON-serialisable: `removed`, `flags`,
`meta`, with code-point offsets into the text as it was). It counts, in
datatrove's stats, `removed_<category>` (spans) and `removed_chars_<category>`,
`flag_<kind>`, `errors`, and `dropped_empty` when `filter_empty` is on.

Only this module imports datatrove, and only when it is imported itself: the core
package never needs it. Parallelism, retries and sharding are datatrove's (one
task per shard); the step itself cleans in the task's process.
"""
from __future__ import annotations

import contextlib
from dataclasses import replace

from cleaner.lang.codes import given_code
from cleaner.options import Options, check_input_kind

try:
    from datatrove.pipeline.base import PipelineStep
except ImportError as _exc:  # pragma: no cover - exercised only without the extra
    _IMPORT_ERROR: ImportError | None = _exc

    class PipelineStep:  # type: ignore[no-redef]
        def __init__(self, *args, **kwargs):
            from cleaner._dist import DIST_NAME
            raise ImportError(f"cleaner.datatrove_step needs datatrove: pip install '{DIST_NAME}[datatrove]'") \
                from _IMPORT_ERROR
else:
    _IMPORT_ERROR = None

__all__ = ["CleanerStep"]


class CleanerStep(PipelineStep):
    """Clean each document's text; report in metadata; optionally drop documents left empty.

    Args:
        rules: extra rule-pack folders (as `clean --rules`).
        disable: rule ids or globs to switch off (as `clean --disable`).
        lang: the language of every document ('de', 'deu', 'deu_Latn'; an unknown one
            raises ValueError); None = `doc.metadata[lang_key]` when it is a language code
            ('en', 'pt-BR', GlotLID's 'eng_Latn': see cleaner.lang.codes.given_code), else
            detected per document.
        lang_key: the metadata key an upstream language filter wrote (datatrove's
            LanguageFilter uses "language").
        body_only: drop the title line from the text.
        html: True/False forces/forbids HTML extraction; None = auto-detect.
        flags: which flags to raise (they go to the report; the text is unchanged by them):
            True/"all" (default), False/"none", or flag kinds ("mojibake,fragment" or a
            list; cleaner.flags.kinds.FLAG_KINDS). Only the chosen detectors run, so "none"
            is the fastest when only the removals matter. An unknown kind raises ValueError.
        input: what the documents' text is (as `clean --input`): "article" for already
            extracted text (an extractor's output, a feed's body: the main-text finder
            never runs), "page" for all the visible text of a page (it always runs), "auto"
            to decide per document, leaning to article (the report's meta["input"] says
            which). Any other value raises ValueError here, not once per document.
        metadata_key: where the report goes in `doc.metadata` ("clean").
        keep_removed_text: keep the removed text in the report (False: offsets only).
        filter_empty: drop documents whose cleaned text is empty (or shorter than min_chars).
        min_chars: with filter_empty, the shortest cleaned text kept (default 1).
        exclusion_writer: a datatrove writer that receives the dropped documents.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"
    _requires_dependencies: list = []

    def __init__(self, rules=(), disable=(), lang: str | None = None, lang_key: str | None = "language",
                 body_only: bool = False, html: bool | None = None, flags=True, input: str = "auto",
                 metadata_key: str = "clean", keep_removed_text: bool = True, filter_empty: bool = False,
                 min_chars: int = 1, exclusion_writer=None):
        super().__init__()
        check_input_kind(input)   # here, once, not once per document
        if lang is not None:
            from cleaner.lang.codes import to_language
            if to_language(lang) is None:
                raise ValueError(f"lang: unknown language {lang!r} (an ISO 639-1 or 639-3 code: en, deu, eng_Latn)")
            lang = to_language(lang)
        self.rules = tuple(rules)
        self.disable = tuple(disable)
        # how every document is cleaned: one Options, as the CLI and the API build it
        self.options = Options(lang=lang, body_only=body_only, html=html, flags=_checked_flags(flags, self.rules),
                               input=input)
        self.lang_key = lang_key
        self.metadata_key = metadata_key
        self.keep_removed_text = keep_removed_text
        self.filter_empty = filter_empty
        self.min_chars = max(1, int(min_chars))
        self.exclusion_writer = exclusion_writer
        self._cleaner = None  # built in the worker, on first use (keeps the step picklable and light)

    # the constructor's choices, read back from the options (read-only: they are built once)
    lang = property(lambda self: self.options.lang)
    body_only = property(lambda self: self.options.body_only)
    html = property(lambda self: self.options.html)
    flags = property(lambda self: self.options.flags)
    input = property(lambda self: self.options.input)

    @property
    def cleaner(self):
        if self._cleaner is None:
            from cleaner.api import Cleaner
            self._cleaner = Cleaner(self.rules, self.disable)
        return self._cleaner

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_cleaner"] = None
        return state

    def _options_for(self, doc) -> Options:
        """The step's options; with no `lang`, the language an upstream filter wrote, if any."""
        if self.options.lang or not self.lang_key:
            return self.options
        code = given_code(doc.metadata.get(self.lang_key))
        return replace(self.options, lang=code) if code else self.options

    def clean_document(self, doc) -> bool:
        """Clean one document in place; True to keep it."""
        self.stat_update("documents")
        try:
            result = self.cleaner.clean_with(doc.text, self._options_for(doc))
        except Exception as exc:  # one bad document never sinks the task: keep it as it was
            self.stat_update("errors")
            doc.metadata[self.metadata_key] = {"error": f"{type(exc).__name__}: {exc}"}
            return True
        report = result.to_dict()
        text = report.pop("text")
        for r in report["removed"]:
            self.stat_update(f"removed_{r['category']}")
            self.stat_update(f"removed_chars_{r['category']}", value=r["end"] - r["start"])
            if not self.keep_removed_text:
                r.pop("text", None)
        for f in report["flags"]:
            self.stat_update(f"flag_{f['kind']}")
        if report["meta"].get("warnings"):
            self.stat_update("warnings", value=len(report["meta"]["warnings"]))
        doc.metadata[self.metadata_key] = report
        doc.text = text
        if self.filter_empty and len(text.strip()) < self.min_chars:
            self.stat_update("dropped_empty")
            return False
        return True

    def run(self, data, rank: int = 0, world_size: int = 1):
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data:
                with self.track_time():
                    keep = self.clean_document(doc)
                if keep:
                    self.stat_update("forwarded")
                    self.update_doc_stats(doc)
                    yield doc
                elif writer is not None:
                    writer.write(doc, rank)


def _checked_flags(flags, rules: tuple):
    """`flags` checked here, not once per document; a list becomes a tuple (picklable)."""
    if not isinstance(flags, (bool, str)):
        flags = tuple(flags)
    if rules:   # a user pack may bring flag kinds of its own
        from cleaner.api import Cleaner
        Cleaner(rules).flag_choice(flags)
    else:
        from cleaner.flags.kinds import choose_flags
        choose_flags(flags)
    return flags
