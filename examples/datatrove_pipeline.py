#!/usr/bin/env python
"""Clean a folder of JSONL shards with datatrove: JsonlReader -> CleanerStep -> JsonlWriter.

    pip install 'newstext-cleaner[datatrove]'   # or, from a checkout: pip install '.[datatrove]'
    python examples/datatrove_pipeline.py IN_DIR OUT_DIR --tasks 2
    pip install 'newstext-cleaner[ray]'          # the same under Ray (a local cluster is started)
    python examples/datatrove_pipeline.py IN_DIR OUT_DIR --tasks 2 --executor ray

Every *.jsonl / *.jsonl.gz file under IN_DIR is one shard; each of the --tasks
tasks reads its share of the shards and writes OUT_DIR/<rank>.jsonl.gz, with the
cleaned text in "text" and the cleaner's report under metadata.clean. Per-step
statistics (removals per category, flags per kind, documents dropped) land in
the logging folder (default: OUT_DIR/../<OUT_DIR name>_logs). `--input page` says
the texts are whole visible page texts, `--input article` already extracted ones
(as `clean --input`; default auto).
"""
from __future__ import annotations

import argparse
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # run from a checkout too


def build_pipeline(in_dir: str, out_dir: str, *, lang: str | None = None, rules=(), disable=(),
                   filter_empty: bool = False, compression: str | None = "gzip", text_key: str = "text",
                   input: str = "auto"):
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.datatrove_step import CleanerStep

    return [
        JsonlReader(in_dir, glob_pattern="*.jsonl*", text_key=text_key),
        CleanerStep(rules=rules, disable=disable, lang=lang, filter_empty=filter_empty, input=input),
        JsonlWriter(out_dir, compression=compression),
    ]


def main(argv=None) -> int:
    from cleaner.options import INPUT_KINDS

    p = argparse.ArgumentParser(description="Clean JSONL shards with datatrove and the cleaner.")
    p.add_argument("in_dir")
    p.add_argument("out_dir")
    p.add_argument("--tasks", type=int, default=2, help="datatrove tasks (shards are split among them)")
    p.add_argument("--workers", type=int, default=-1, help="tasks run at once (default: all)")
    p.add_argument("--logging-dir", help="datatrove logs and stats (default: next to OUT_DIR)")
    p.add_argument("--lang", help="language of every document (default: metadata 'language' or detected)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack (repeatable)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID", help="switch a rule off (repeatable)")
    p.add_argument("--input", choices=INPUT_KINDS, default="auto",
                   help="what the text is: article (already extracted), page (all visible page text) "
                   "or auto (decided per document, leaning to article; the default)")
    p.add_argument("--filter-empty", action="store_true", help="drop documents left empty")
    p.add_argument("--text-key", default="text", help="the JSON field holding the text (default: text)")
    p.add_argument("--no-compress", action="store_true", help="write .jsonl instead of .jsonl.gz")
    p.add_argument("--executor", choices=("local", "ray"), default="local",
                   help="datatrove's LocalPipelineExecutor (default) or RayPipelineExecutor (joins the Ray "
                   "cluster RAY_ADDRESS names, else starts a local one)")
    p.add_argument("--time", type=int, default=None, metavar="SECONDS",
                   help="with --executor ray: time limit per task, in seconds (Ray takes seconds, not 'H:MM:SS')")
    p.add_argument("--mem-per-cpu-gb", type=float, default=1.0,
                   help="with --executor ray: memory Ray reserves per task CPU (default 1)")
    args = p.parse_args(argv)

    out = os.path.abspath(args.out_dir)
    logging_dir = args.logging_dir or os.path.join(os.path.dirname(out), os.path.basename(out) + "_logs")
    pipeline = build_pipeline(args.in_dir, out, lang=args.lang, rules=args.rules, disable=args.disable,
                              filter_empty=args.filter_empty, compression=None if args.no_compress else "gzip",
                              text_key=args.text_key, input=args.input)
    if args.executor == "ray":
        import ray
        from datatrove.executor import RayPipelineExecutor

        if not ray.is_initialized():
            ray.init(address=os.environ.get("RAY_ADDRESS"), include_dashboard=False, log_to_driver=False)
        RayPipelineExecutor(pipeline, tasks=args.tasks, workers=args.workers, logging_dir=logging_dir,
                            time=args.time, cpus_per_task=1, mem_per_cpu_gb=args.mem_per_cpu_gb).run()
        return 0
    from datatrove.executor import LocalPipelineExecutor

    LocalPipelineExecutor(pipeline, tasks=args.tasks, workers=args.workers, logging_dir=logging_dir).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
