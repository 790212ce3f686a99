"""Printing: the score table, the worst pages with their lost and left-over lines, the by-rule table."""
from __future__ import annotations

from typing import Sequence

from cleaner.evaluation.metric import SHINGLE_N, PageScore, shingles, tokenize
from cleaner.evaluation.runner import TrackResult


# --------------------------------------------------------------------------
# explaining the worst pages

def _line_coverage(line_tokens: list[str], other_grams: set, other_joined: str) -> float:
    """Share of a line's 4-token shingles found in the other text (short lines: as a phrase)."""
    if not line_tokens:
        return 1.0
    if len(line_tokens) < SHINGLE_N:
        return 1.0 if f" {' '.join(line_tokens)} " in other_joined else 0.0
    grams = [tuple(line_tokens[i:i + SHINGLE_N]) for i in range(len(line_tokens) - SHINGLE_N + 1)]
    return sum(1 for g in grams if g in other_grams) / len(grams)


def _uncovered_lines(text: str, other: str, threshold: float = 0.5) -> list[str]:
    other_tokens = tokenize(other)
    other_grams = set(shingles(other_tokens)) if len(other_tokens) >= SHINGLE_N else set()
    other_joined = f" {' '.join(other_tokens)} "
    out = []
    for line in (text or "").splitlines():
        tokens = tokenize(line)
        if tokens and _line_coverage(tokens, other_grams, other_joined) < threshold:
            out.append(line.strip())
    return out


def lost_lines(output: str, gold: str) -> list[str]:
    """Gold lines mostly missing from the output (under half their shingles found)."""
    return _uncovered_lines(gold, output)


def extra_lines(output: str, gold: str) -> list[str]:
    """Output lines mostly absent from the gold text."""
    return _uncovered_lines(output, gold)


def _clip(s: str, width: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def worst_report(result: TrackResult, gt: dict, n: int, samples: int = 4) -> dict:
    """The n pages lowest in recall and the n lowest in precision, with samples."""
    def entry(s: PageScore) -> dict:
        gold = gt[s.id].get("articleBody") or ""
        out = result.outputs.get(s.id, "")
        lost = lost_lines(out, gold)
        extra = extra_lines(out, gold)
        return {"id": s.id, "url": gt[s.id].get("url"), "precision": s.precision,
                "recall": s.recall, "fp": s.fp, "fn": s.fn, "error": s.error,
                "lost": lost[:samples], "lost_total": len(lost),
                "extra": extra[:samples], "extra_total": len(extra)}

    by_recall = sorted(result.scores, key=lambda s: (s.recall, s.id))[:n]
    by_precision = sorted(result.scores, key=lambda s: (s.precision, s.id))[:n]
    return {"lowest_recall": [entry(s) for s in by_recall],
            "lowest_precision": [entry(s) for s in by_precision]}


def print_worst(title: str, worst: dict, out) -> None:
    for kind, label in (("lowest_recall", "lowest recall"), ("lowest_precision", "lowest precision")):
        print(f"\n== {title}: {label} ==", file=out)
        for e in worst[kind]:
            print(f"{e['id']}  P={e['precision']:.3f} R={e['recall']:.3f}  "
                  f"(fp={e['fp']} fn={e['fn']})  {e['url'] or ''}", file=out)
            if e["error"]:
                print(f"    ERROR {e['error'].splitlines()[0]}", file=out)
            for line in e["lost"]:
                print(f"    - lost: {_clip(line)}", file=out)
            if e["lost_total"] > len(e["lost"]):
                print(f"    - lost: … {e['lost_total'] - len(e['lost'])} more lines", file=out)
            for line in e["extra"]:
                print(f"    + left: {_clip(line)}", file=out)
            if e["extra_total"] > len(e["extra"]):
                print(f"    + left: … {e['extra_total'] - len(e['extra'])} more lines", file=out)


# --------------------------------------------------------------------------
# the score table

def header(bench_width: int) -> str:
    return (f"{'track':<9} {'bench':<{bench_width}} {'pages':>5} | {'micro P':>7} {'R':>6} {'F1':>6} | "
            f"{'macro P':>7} {'R':>6} {'F1':>6} | {'shingle P':>9} {'R':>6} {'F1':>6} | "
            f"{'base F1':>7} {'ΔF1':>7} | {'lossIn%':>7} | "
            f"{'lost':>4} {'lostIn':>6} {'empty':>5} {'err':>3} {'secs':>6}")


def row(r: TrackResult, bench_width: int) -> str:
    s = r.summary
    mi, ma, sh = s["micro"], s["macro"], s["shingle"]
    if r.base_summary is None:
        base = f"{'-':>7} {'-':>7}"
    else:
        base = f"{r.base_summary['micro']['f1']:>7.4f} {r.delta_f1:>+7.4f}"
    return (f"{r.track:<9} {r.bench:<{bench_width}} {s['pages']:>5} | "
            f"{mi['precision']:>7.4f} {mi['recall']:>6.4f} {mi['f1']:>6.4f} | "
            f"{ma['precision']:>7.4f} {ma['recall']:>6.4f} {ma['f1']:>6.4f} | "
            f"{sh['precision']:>9.4f} {sh['recall']:>6.4f} {sh['f1']:>6.4f} | "
            f"{base} | {100 * s['loss_in']:>7.2f} | "
            f"{s['lost']:>4} {s['lost_vs_input']:>6} {s['empty']:>5} {s['errors']:>3} {r.seconds:>6.1f}")


def print_table(rows: Sequence[TrackResult], out) -> None:
    """One line per result (track, folder or pooled), under one header."""
    width = max([5] + [len(r.bench) for r in rows])
    print(header(width), file=out)
    for r in rows:
        print(row(r, width), file=out)


# --------------------------------------------------------------------------
# the by-rule table

def print_by_rule(title: str, rules: list[dict], out) -> None:
    """Rules sorted by tokens removed: lost = gold tokens, caught = the others."""
    print(f"\n== by rule: {title} ==", file=out)
    if not rules:
        print("(no rule removed anything)", file=out)
        return
    width = max([4] + [len(r["id"]) for r in rules])
    print(f"{'rule':<{width}} {'removed':>8} {'lost':>7} {'caught':>8} {'precision':>9} {'pages':>5}", file=out)
    for r in rules:
        prec = "-" if r["precision"] is None else f"{r['precision']:.4f}"
        print(f"{r['id']:<{width}} {r['removed']:>8} {r['lost']:>7} {r['caught']:>8} {prec:>9} {r['pages']:>5}",
              file=out)
