#!/usr/bin/env python
"""Throughput of the cleaner: in process, as `clean --jsonl -j 1` and `-j 2`, and jusText.

    python benchmarks/throughput.py [--aeb /work/shared/benchmarks/aeb] [--mb 20] [--layers]
    python benchmarks/throughput.py --distinct BENCH_DIR [BENCH_DIR ...] [--rounds 3]

--distinct is the honest measure (benchmarks/distinct.py): distinct documents only,
CPU seconds of each process tree, interleaved with jusText, best of --rounds. The
rest below repeats texts and times wall clock; it is kept for the layers and scaling.

Builds a JSONL corpus of at least --mb megabytes (UTF-8) by repeating the texts
in fixtures/ (and, with --aeb, the benchmark's residue/ and fulltext/ texts),
then prints MB/s and docs/s (also per core) for the following. With --aeb it
does the same (with -j 1 only) for article text alone (fixtures + residue/) and
for page text alone (fulltext/), since the two cost differently.

* the cleaner in this process (`Cleaner.clean`, full rule set, flags on);
* `clean --jsonl` as a whole subprocess with -j 1 and -j 2 (read, clean, write);
* jusText on the same text, each line wrapped as an HTML <p> paragraph;

with --layers, where the in-process time goes (language detection, flags, the rest;
see bench_layers) and `clean --jsonl --lang-field` on records that carry their
language, and the linear-cost checks: one document of --big-mb megabytes (many lines) and
one document that is a single line of --line-mb megabytes, in process.

A benchmark, not a test: nothing here asserts a time. Timings on a shared
machine vary; run it on an idle one. --skip-* switches leave parts out.
"""
from __future__ import annotations

import argparse
import glob
import html
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def source_texts(aeb: str | None, subs=("residue", "fulltext"), fixtures: bool = True) -> list[str]:
    # (fixtures/pages/ and fixtures/unseen_pages/ hold page texts and their gold, not
    # article text; the AEB ones are already in --aeb's texts)
    pages = tuple(str(ROOT / "fixtures" / name) + os.sep for name in ("pages", "unseen_pages"))
    paths = [p for p in sorted(glob.glob(str(ROOT / "fixtures" / "**" / "*.txt"), recursive=True))
             if not p.endswith(".expected.txt") and not p.startswith(pages)] if fixtures else []
    if aeb:
        for sub in subs:
            paths += sorted(glob.glob(os.path.join(aeb, sub, "*.txt")))
    texts = []
    for p in paths:
        try:
            t = pathlib.Path(p).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if t.strip():
            texts.append(t)
    if not texts:
        sys.exit("no fixture texts found")
    return texts


def build_corpus(texts: list[str], mb: float) -> list[str]:
    """Documents cycling through `texts` until `mb` megabytes of UTF-8 text."""
    target = int(mb * 1_000_000)
    docs, size, i = [], 0, 0
    while size < target:
        t = texts[i % len(texts)]
        docs.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    return docs


def mb_of(docs) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def report(name: str, seconds: float, mb: float, docs: int, cores: int = 1) -> None:
    print(f"{name:<34} {seconds:8.2f} s {mb / seconds:8.2f} MB/s {docs / seconds:9.1f} docs/s"
          f"   per core: {mb / seconds / cores:6.2f} MB/s {docs / seconds / cores:8.1f} docs/s", flush=True)


def bench_in_process(docs, args) -> float:
    from cleaner.api import Cleaner
    c = Cleaner()
    warm_start(c)
    t, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        c.clean(d, lang=args.lang)
    dt, cpu = time.perf_counter() - t, time.process_time() - cpu
    report("in process (Cleaner.clean)", dt, mb_of(docs), len(docs))
    report("  ... the same in CPU seconds", cpu, mb_of(docs), len(docs))
    return dt


def detected_languages(docs) -> dict[str, str]:
    """Each distinct text's language, as the cleaner detects it."""
    from cleaner.api import Cleaner
    c = Cleaner()
    return {d: c.clean(d, flags=False).meta["lang"] for d in dict.fromkeys(docs)}


def write_jsonl(path: str, docs, langs: dict[str, str] | None = None) -> None:
    """The corpus as JSONL records {"id", "text"}, plus "language" when `langs` is given."""
    with open(path, "w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            rec = {"id": i, "text": d} if langs is None else {"id": i, "text": d, "language": langs[d]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def bench_layers(docs, args, langs: dict[str, str]) -> None:
    """Where the time goes, in the same run: the corpus cleaned in process as a
    whole, with each document's language given (`langs`, detected beforehand, so
    the same rules run), and with the language given and flags off. The
    differences are the cost of language detection and of the flag detectors; the
    last line is what the rules, segmentation and structure cost alone. For
    scale: one `re` pass over the text (`\\w+` findall), the least any word-level
    step costs."""
    import re

    from cleaner.api import Cleaner
    c = Cleaner()
    warm_start(c)
    mb = mb_of(docs)
    runs = [("everything (as above)", {}, False), ("language given", {}, True),
            ("language given, flags off", {"flags": False}, True)]
    costs = []
    for name, kw, given in runs:
        t = time.perf_counter()
        for d in docs:
            c.clean(d, lang=langs[d] if given else args.lang, **kw)
        costs.append(time.perf_counter() - t)
        report(f"  {name}", costs[-1], mb, len(docs))
    words = re.compile(r"\w+")
    t = time.perf_counter()
    for d in docs:
        words.findall(d)
    floor = time.perf_counter() - t
    report("  one re pass (\\w+ findall)", floor, mb, len(docs))
    per_mb = [1000 * x / mb for x in costs]
    print(f"  per MB: language detection {per_mb[0] - per_mb[1]:.0f} ms, flags {per_mb[1] - per_mb[2]:.0f} ms, "
          f"rules + segmentation + structure {per_mb[2]:.0f} ms; one re pass {1000 * floor / mb:.0f} ms",
          flush=True)


def warm_start(cleaner) -> None:
    """What a long run pays once per process: every rule pack compiled (they
    compile on first use), langdetect's profiles and the stoplists loaded, the
    stopword-vote indexes built."""
    from cleaner.lang.langdetect_run import _factory
    from cleaner.lang.vote import _vote_index
    from cleaner.lang.stopwords import available, stopwords
    for code in cleaner.ruleset.languages() + ["und"]:
        for group in cleaner.engine.rules_for(code).values():
            for rule in group:
                for pattern in (rule.pattern, rule.cont, rule.stop):
                    if pattern is not None:
                        pattern.search  # noqa: B018 (compiles a lazy pattern)
    _factory()
    for code in available():
        stopwords(code)
    for script in ("latin", "cyrillic"):
        _vote_index(script)


_FIRST_PASS = """
import json, sys, time
sys.path.insert(0, sys.argv[3])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
lang = sys.argv[2] or None
t = time.perf_counter()
from cleaner.api import Cleaner
from throughput import warm_start
c = Cleaner()
warm_start(c)
start = time.perf_counter() - t
t = time.perf_counter()
for d in texts:
    c.clean(d, lang=lang)
print(start, time.perf_counter() - t)
"""


def bench_first_pass(texts, args) -> None:
    """Each distinct text once, in a fresh process: no cache has seen any of it.

    The corpora above repeat their texts, and the cleaner remembers some
    answers (langdetect's per paragraph, token and n-gram values), as it would
    for the boilerplate a real corpus repeats; this is the cost of text it has
    never seen (rule compilation and langdetect's loading included)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "distinct.jsonl")
        write_jsonl(path, texts)
        out = subprocess.run([sys.executable, "-c", _FIRST_PASS, path, args.lang or "", str(ROOT / "benchmarks")], check=True,
                             env=env, capture_output=True, text=True).stdout
    start, seconds = map(float, out.strip().splitlines()[-1].split())
    report("first pass, each text once (cold)", seconds, mb_of(texts), len(texts))
    print(f"  (after {start:.2f} s of start-up: every rule pack compiled, langdetect, stoplists loaded)")


def bench_cli(path: str, mb: float, n: int, args, jobs_list, extra: tuple[str, ...] = ()) -> dict[int, float]:
    """`clean --jsonl -j J [extra]` for each J in jobs_list, --repeat rounds
    interleaved; the best time counts."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    best: dict[int, float] = {}
    for _ in range(args.repeat):
        for jobs in jobs_list:
            cmd = [sys.executable, "-m", "cleaner", "--jsonl", "-j", str(jobs), "--quiet", "-o", os.devnull,
                   *extra, path]
            if args.lang:
                cmd += ["--lang", args.lang]
            t = time.perf_counter()
            subprocess.run(cmd, check=True, env=env)
            dt = time.perf_counter() - t
            best[jobs] = min(best.get(jobs, dt), dt)
    shown = "".join(f" {e}" for e in extra if e.startswith("--"))
    for jobs in jobs_list:
        report(f"clean --jsonl -j {jobs}{shown}", best[jobs], mb, n, cores=jobs)
    return best


def bench_justext(docs) -> float | None:
    try:
        import justext
    except ImportError:
        print("jusText not installed (pip install justext lxml_html_clean): skipped")
        return None
    stop = justext.get_stoplist("English")
    pages = ["<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in d.splitlines() if line.strip())
             + "</body></html>" for d in docs]
    justext.justext(pages[0], stop)
    t = time.perf_counter()
    for p in pages:
        justext.justext(p, stop)
    dt = time.perf_counter() - t
    report("jusText (lines as <p>)", dt, mb_of(docs), len(docs))
    return dt


_ONE_DOC = """
import sys, time
sys.path.insert(0, sys.argv[2])
doc = open(sys.argv[1], encoding="utf-8").read()
from cleaner.api import Cleaner
from throughput import warm_start
c = Cleaner()
warm_start(c)
t = time.perf_counter()
c.clean(doc, lang=sys.argv[3] or None)
print(time.perf_counter() - t)
"""


def bench_scaling(texts, args) -> None:
    """Full rule set on one document of 1, 2 and 4 MB (the corpus texts joined),
    each in a fresh process so no cache carries over: time per MB that stays
    flat means linear cost."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    per_mb = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (1, 2, 4):
            doc = "\n\n".join(build_corpus(texts, mb))
            path = os.path.join(tmp, "doc.txt")
            pathlib.Path(path).write_text(doc, encoding="utf-8")
            out = subprocess.run([sys.executable, "-c", _ONE_DOC, path, str(ROOT / "benchmarks"), args.lang or ""],
                                 check=True, env=env, capture_output=True, text=True).stdout
            seconds = float(out.strip().splitlines()[-1])
            size = len(doc.encode()) / 1e6
            report(f"one {mb} MB document, full rule set", seconds, size, 1)
            per_mb.append(seconds / size)
    print("seconds per MB: " + ", ".join(f"{x:.2f}" for x in per_mb) + " (flat = linear)")


def bench_big(texts, args) -> None:
    from cleaner.api import Cleaner
    c = Cleaner(disable=args.big_disable)
    warm_start(c)
    if args.big_disable:
        print(f"(big documents with rules disabled: {', '.join(args.big_disable)})")
    big = "\n\n".join(build_corpus(texts, args.big_mb))
    t = time.perf_counter()
    r = c.clean(big, lang=args.lang)
    dt = time.perf_counter() - t
    report(f"one {len(big.encode()) / 1e6:.0f} MB document", dt, len(big.encode()) / 1e6, 1)
    del big, r
    words = " ".join(t.replace("\n", " ") for t in texts)
    line = (words + " ") * (int(args.line_mb * 1_000_000) // max(1, len(words.encode())) + 1)
    line = line.encode("utf-8")[: int(args.line_mb * 1_000_000)].decode("utf-8", errors="ignore")
    t = time.perf_counter()
    c.clean(line, lang=args.lang)
    dt = time.perf_counter() - t
    report(f"one {len(line.encode()) / 1e6:.0f} MB line", dt, len(line.encode()) / 1e6, 1)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--aeb", help="also use this benchmark's residue/ and fulltext/ texts")
    p.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    p.add_argument("--lang", help="pass this language instead of detecting it per document")
    p.add_argument("--big-mb", type=float, default=50.0, help="size of the one big document (default 50)")
    p.add_argument("--line-mb", type=float, default=10.0, help="size of the one-line document (default 10)")
    p.add_argument("--big-disable", action="append", default=[], metavar="RULE_ID",
                   help="switch a rule off for the big-document runs (e.g. offtopic.cohesion, quadratic today)")
    p.add_argument("--layers", action="store_true",
                   help="also clean each corpus in process with the language given and with flags off: "
                        "the cost of language detection, of the flags, and of the rest")
    p.add_argument("--skip-in-process", action="store_true")
    p.add_argument("--skip-cli", action="store_true")
    p.add_argument("--skip-justext", action="store_true")
    p.add_argument("--skip-big", action="store_true")
    p.add_argument("--skip-tracks", action="store_true",
                   help="with --aeb, do not also measure article text and page text separately")
    p.add_argument("--repeat", type=int, default=1, help="runs per CLI setting, the best counts (default 1)")
    p.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="-j values for the CLI runs (default 1 2)")
    p.add_argument("--distinct", nargs="+", metavar="BENCH_DIR",
                   help="measure on the distinct texts of these benchmarks only (see benchmarks/distinct.py)")
    p.add_argument("--rounds", type=int, default=3, help="with --distinct: interleaved rounds, the best counts")
    args = p.parse_args(argv)
    if args.distinct:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from distinct import run
        print(f"{os.cpu_count()} CPUs; python {sys.version.split()[0]}; load average {_load()}", flush=True)
        run(args.distinct, rounds=args.rounds, skip_justext=args.skip_justext)
        return 0

    texts = source_texts(args.aeb)
    corpora = [("all texts", texts)]
    if args.aeb and not args.skip_tracks:
        # the two inputs users have: article text (an extractor's output, the fixtures)
        # and the whole visible text of a page (menus, footers and all)
        corpora += [("article text (fixtures + AEB residue)", source_texts(args.aeb, ("residue",))),
                    ("page text (AEB fulltext)", source_texts(args.aeb, ("fulltext",), fixtures=False))]
    print(f"{os.cpu_count()} CPUs; python {sys.version.split()[0]}; load average {_load()}", flush=True)
    for k, (name, source) in enumerate(corpora):
        docs = build_corpus(source, args.mb)
        mb = mb_of(docs)
        print(f"\n== {name}: {len(docs)} documents, {mb:.1f} MB from {len(source)} distinct texts", flush=True)
        cli_times = {}
        jobs = args.jobs if k == 0 else [1]
        langs = detected_languages(docs) if args.layers else None
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "corpus.jsonl")
            write_jsonl(path, docs)
            if not args.skip_in_process:
                bench_in_process(docs, args)
                bench_first_pass(source, args)
                if langs is not None:
                    print("where the time goes (in process):", flush=True)
                    bench_layers(docs, args, langs)
            if not args.skip_cli:
                cli_times = bench_cli(path, mb, len(docs), args, jobs)
                print(f"(best of {args.repeat} interleaved runs per -j; load average now {_load()})")
                if langs is not None:
                    # records that carry their language, as from a language-filtering pipeline
                    lang_path = os.path.join(tmp, "corpus-lang.jsonl")
                    write_jsonl(lang_path, docs, langs)
                    bench_cli(lang_path, mb, len(docs), args, [1], extra=("--lang-field", "language"))
        jt = None if args.skip_justext else bench_justext(docs)
        if 1 in cli_times and 2 in cli_times:
            print(f"speed-up -j 2 vs -j 1: {cli_times[1] / cli_times[2]:.2f}x")
        if jt and 1 in cli_times:
            print(f"clean --jsonl -j 1 vs jusText: {jt / cli_times[1]:.2f}x faster")
    if not args.skip_big:
        bench_scaling(texts, args)
        bench_big(texts, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
