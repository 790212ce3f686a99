"""`clean eval` (and `python -m cleaner.eval`): arguments, the run, exit codes."""
from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from cleaner.evaluation import runner
from cleaner.evaluation.bench import TRACKS, load_ground_truth, missing_inputs
from cleaner.evaluation.report import print_by_rule, print_table, print_worst, worst_report
from cleaner.evaluation.runner import BASELINES, TrackResult, evaluate, make_pool, pool_results

try:
    from cleaner.options import INPUT_KINDS
except ImportError:  # the baselines still run without the engine
    INPUT_KINDS = ("auto", "article", "page")
EXIT_OK, EXIT_PAGE_ERROR, EXIT_USAGE, EXIT_RULES, EXIT_WORKER = 0, 1, 2, 3, 5
PROG = "clean eval"


class _Usage(Exception):
    """A usage problem: one line on stderr, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse prints usage + message otherwise)
        _say(self.prog, f"error: {message} (see {self.prog} --help)")
        self.exit(EXIT_USAGE)


def _say(prog: str, message: str) -> None:
    line = " ".join(str(message).splitlines()) or "error"
    print(f"{prog}: {line}", file=sys.stderr, flush=True)


def _parse_tracks(values: list[str] | None) -> list[str]:
    if not values:
        return []
    tracks: list[str] = []
    for value in values:
        for t in value.split(","):
            t = t.strip()
            if not t:
                continue
            if t not in TRACKS:
                raise ValueError(f"unknown track {t!r} (tracks: {', '.join(TRACKS)})")
            if t not in tracks:
                tracks.append(t)
    return tracks


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the eval options to `parser`."""
    parser.add_argument("bench_dirs", nargs="+", metavar="BENCH_DIR",
                        help="AEB-layout directory (ground-truth.json, fulltext/, residue/, html/); "
                             "several: one row each and a pooled row")
    parser.add_argument("--track", action="append", metavar="TRACK",
                        help=f"track(s) to score, comma-separated or repeated: {', '.join(TRACKS)} "
                             "(default: all; html only for --baseline trafilatura/extract)")
    parser.add_argument("--baseline", choices=BASELINES,
                        help="score a baseline instead of the cleaner: none = input as-is, "
                             "trafilatura = trafilatura.extract() defaults (html), "
                             "extract = cleaner.html.extract.extract() alone (html)")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="add a rule pack folder to the cleaner (repeatable)")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                        help="switch a rule or mechanism off by id or glob, e.g. 'mainfinder.*' (repeatable)")
    parser.add_argument("--input", choices=INPUT_KINDS, default="auto",
                        help="what the cleaner is told the input is: article (never runs the main-text "
                             "finder), page (always does) or auto (decided per page; default)")
    parser.add_argument("--by-rule", action="store_true",
                        help="per rule and mechanism id: the tokens it removed that were gold (lost) and "
                             "that were not (caught), and its precision caught/(caught+lost)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="score pages in N processes (default 1)")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N pages with the lowest recall and the N with the lowest "
                             "precision, with lost and left-over lines")
    parser.add_argument("--ids", metavar="ID,...",
                        help="score only these page ids (comma-separated; each folder scores those it has)")
    parser.add_argument("--json", action="store_true",
                        help="print machine-readable results (with per-page scores)")
    return parser


def _bench_names(dirs: list[Path]) -> list[str]:
    names = [d.name or str(d) for d in dirs]
    if len(set(names)) < len(names):
        names = [str(d) for d in dirs]
    return names


def _check(args):
    """Validate everything that can be checked before scoring; raises _Usage."""
    try:
        tracks = _parse_tracks(args.track)
    except ValueError as e:
        raise _Usage(str(e)) from None
    if not tracks:
        tracks = ["html"] if args.baseline in ("trafilatura", "extract") else list(TRACKS)
    if args.baseline is not None:
        if args.by_rule:
            raise _Usage("--by-rule needs the cleaner's removals; it does not apply to --baseline")
        if args.rules or args.disable or args.input != "auto":
            raise _Usage("--rules, --disable and --input apply to the cleaner, not to --baseline")
    if args.worst < 0:
        raise _Usage("--worst must be at least 0")
    dirs = [Path(d) for d in args.bench_dirs]
    gts = []
    for bench in dirs:
        if not (bench / "ground-truth.json").is_file():
            raise _Usage(f"{bench}/ground-truth.json not found")
        try:
            gts.append(load_ground_truth(bench))
        except (OSError, ValueError) as e:
            raise _Usage(f"{bench}/ground-truth.json: cannot read: {e}") from None
    try:
        fns = {t: runner.clean_fn_for(t, args.baseline, rules=args.rules, disable=args.disable,
                                      input=args.input) for t in tracks}
    except ValueError as e:
        raise _Usage(str(e)) from None
    ids = [None] * len(dirs)
    if args.ids:
        wanted = [i.strip() for i in args.ids.split(",") if i.strip()]
        unknown = [i for i in wanted if not any(i in gt for gt in gts)]
        if unknown:
            raise _Usage(f"unknown page ids: {', '.join(unknown)}")
        ids = [[i for i in wanted if i in gt] for gt in gts]
    for bench, gt, sel in zip(dirs, gts, ids):
        for t in tracks:
            if not (bench / t).is_dir():
                raise _Usage(f"{bench / t} not found")
            missing = missing_inputs(bench, t, sorted(gt) if sel is None else sel)
            if missing:
                raise _Usage(f"{bench / t}: no input for {len(missing)} page(s) of the ground truth "
                             f"(e.g. {missing[0]})")
    return tracks, dirs, gts, ids, fns


def _label(args) -> str:
    if args.baseline:
        return f"baseline {args.baseline}"
    parts = [f"input {args.input}"]
    if args.rules:
        parts.append("rules " + ", ".join(args.rules))
    if args.disable:
        parts.append("disable " + ", ".join(args.disable))
    return f"cleaner ({'; '.join(parts)})"


def run(args: argparse.Namespace, out=None) -> int:
    """Run the eval for parsed `args`; 0 = ok, 1 = some page raised, 2 = usage error,
    3 = bad rule pack (--rules), 5 = a worker process died (with -j N)."""
    out = out or sys.stdout
    prog = getattr(args, "prog", PROG)
    try:
        tracks, dirs, gts, ids, fns = _check(args)
    except _Usage as e:
        _say(prog, f"error: {e}")
        return EXIT_USAGE
    if args.baseline is None:
        try:
            from cleaner import RulePackError
        except ImportError as e:
            _say(prog, f"error: the engine is not importable ({e}); use --baseline to score a baseline")
            return EXIT_USAGE
        try:  # load the packs once here: a bad one is reported before any page, and workers inherit them
            runner.clean_page("x", rules=args.rules, disable=args.disable, input=args.input)
        except RulePackError as e:
            _say(prog, f"rule pack error: {e}")
            return EXIT_RULES

    names = _bench_names(dirs)
    jobs = max(1, args.jobs)
    total = sum(len(gt) if sel is None else len(sel) for gt, sel in zip(gts, ids))
    per_bench: list[dict[str, TrackResult]] = []
    worst: list[dict[str, dict]] = []
    pool = make_pool(min(jobs, max(1, total))) if jobs > 1 else None
    try:
        for bench, name, gt, sel in zip(dirs, names, gts, ids):
            done: dict[str, TrackResult] = {}
            worst.append({})
            if sel is not None and not sel:
                per_bench.append(done)
                continue
            for t in tracks:
                try:
                    r = evaluate(bench, t, fns[t], jobs=jobs, ids=sel, keep_outputs=args.worst > 0,
                                 ground_truth=gt, baseline=args.baseline is None and t != "html",
                                 by_rule=args.by_rule, executor=pool)
                except BrokenProcessPool:
                    _say(prog, f"a worker process died while scoring {name} {t} (killed, or out of memory); "
                               "run with -j 1 to find the page")
                    return EXIT_WORKER
                except OSError as e:
                    _say(prog, f"error: {name} {t}: {e}")
                    return EXIT_USAGE
                r.bench = name
                done[t] = r
                if args.worst > 0:
                    worst[-1][t] = worst_report(r, gt, args.worst)
            per_bench.append(done)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    pooled: dict[str, TrackResult] = {}
    if len(dirs) > 1:
        for t in tracks:
            parts = [(n, b[t]) for n, b in zip(names, per_bench) if t in b]
            if parts:
                pooled[t] = pool_results([r for _, r in parts], [n for n, _ in parts])

    label = _label(args)
    if args.json:
        _print_json(args, label, jobs, dirs, names, per_bench, worst, pooled, tracks, out)
    else:
        print(f"{label} on {', '.join(str(d) for d in dirs)}", file=out)
        rows = [r for t in tracks for r in [b[t] for b in per_bench if t in b] + ([pooled[t]] if t in pooled else [])]
        print_table(rows, out)
        for name, w in zip(names, worst):
            for t in tracks:
                if t in w:
                    print_worst(f"{t} on {name}", w[t], out)
        if args.by_rule:
            for t in tracks:
                for name, b in zip(names, per_bench):
                    if t in b:
                        print_by_rule(f"{t} on {name}", b[t].by_rule or [], out)
    errors = 0
    for name, b in zip(names, per_bench):
        for t in tracks:
            for s in b[t].scores if t in b else ():
                if s.error:
                    errors += 1
                    _say(prog, f"{name} {t} {s.id}: {s.error.splitlines()[0]}")
    return EXIT_PAGE_ERROR if errors else EXIT_OK


def _print_json(args, label, jobs, dirs, names, per_bench, worst, pooled, tracks, out) -> None:
    benches = []
    for d, name, b, w in zip(dirs, names, per_bench, worst):
        entry = {"name": name, "bench_dir": str(d), "tracks": {}}
        for t in tracks:
            if t in b:
                entry["tracks"][t] = b[t].to_dict()
                if t in w:
                    entry["tracks"][t]["worst"] = w[t]
        benches.append(entry)
    overall = ({t: r.to_dict(pages=False) for t, r in pooled.items()} if len(dirs) > 1 else
               {t: r.to_dict(pages=False) for t, r in per_bench[0].items()})
    doc = {"system": label, "bench_dirs": [str(d) for d in dirs], "jobs": jobs,
           "input": None if args.baseline else args.input, "rules": args.rules, "disable": args.disable,
           "tracks": overall,
           "pooled": {t: r.to_dict(pages=False) for t, r in pooled.items()} if len(dirs) > 1 else None,
           "benches": benches}
    json.dump(doc, out, indent=1, ensure_ascii=False)
    out.write("\n")


def main(argv: list[str] | None = None, prog: str = PROG) -> int:
    parser = add_arguments(_Parser(
        prog=prog,
        description="Score the cleaner (or a baseline) on AEB-layout benchmark directories: "
                    "one row per folder and track, a pooled row for several folders, and the "
                    "input as-is (base F1) on the same line."))
    parser.set_defaults(prog=prog)
    args = parser.parse_args(argv)
    try:
        return run(args)
    except BrokenPipeError:  # e.g. piped into `head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: still one line
        if os.environ.get("CLEAN_DEBUG"):
            import traceback
            traceback.print_exception(exc, file=sys.stderr)
        _say(prog, f"internal error: {type(exc).__name__}: {exc} (a bug; CLEAN_DEBUG=1 shows the traceback)")
        return EXIT_WORKER
