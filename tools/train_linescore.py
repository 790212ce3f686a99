"""Train the main-text finder's line model (cleaner/mechanisms/mainfinder/linescore.py) from benchmark pages.

    pip install '.[train]'
    python tools/train_linescore.py BENCH_DIR [BENCH_DIR ...] --out rules/mechanisms/linescore.toml
    python tools/train_linescore.py A_DIR B_DIR --check     # train on A, score on B, and back

Each BENCH_DIR has the AEB layout (ground-truth.json, fulltext/<id>.txt). A line of
a page's text is labelled article when most of its word 4-grams are in the gold
body (a short line: when it is a whole gold line). Lines are weighted by the square
root of their token count, since the figure that matters is tokens kept.

--check prints, for each ordered pair, the span search alone and with the rescue
(lines it would drop kept when the model gives p >= threshold), as token micro
P/R/F1 of the finder's output against the gold: a model that only helps the
benchmark it learnt from shows it here. scikit-learn is needed for training only;
the cleaner reads the weights as data and needs nothing of it.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner.mechanisms.mainfinder import linescore
from cleaner.mechanisms import mainfinder  # noqa: E402
from cleaner.title import find as find_title  # noqa: E402
from cleaner.evaluation import score_page, summarize  # noqa: E402
from cleaner.lang.detect import detect_language  # noqa: E402
from cleaner.text.segment import split_lines  # noqa: E402

TOKEN = re.compile(r"\w+")
RESCUE_THRESHOLDS = (0.5, 0.6, 0.65, 0.7)


def label(text: str, grams: set, gold_lines: set) -> float:
    toks = TOKEN.findall(text)
    if not toks:
        return 0.0
    if len(toks) < 4:
        return 1.0 if " ".join(toks) in gold_lines else 0.0
    g = list(zip(toks, toks[1:], toks[2:], toks[3:]))
    return sum(x in grams for x in g) / len(g)


def load_pages(bench: Path) -> list[dict]:
    """Per page: its lines, the search's result, LOCAL rows, labels and token counts."""
    gt = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(gt):
        path = bench / "fulltext" / f"{pid}.txt"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        gold = gt[pid].get("articleBody") or ""
        toks = TOKEN.findall(gold)
        grams = set(zip(toks, toks[1:], toks[2:], toks[3:]))
        gold_lines = {" ".join(TOKEN.findall(ln)) for ln in gold.splitlines() if ln.strip()}
        lines = split_lines(text)
        lang = detect_language(text)
        found = mainfinder.search(lines, lang, find_title(lines, {}))
        if found is None:
            continue
        rows = mainfinder.line_rows(found, lang, lines)
        pages.append({
            "id": pid, "lines": lines, "found": found, "rows": rows, "gold": gold,
            "y": [label(f.text, grams, gold_lines) >= 0.5 for f in found.feats],
            "w": [max(1, len(f.toks)) ** 0.5 for f in found.feats],
        })
    return pages


#: the ensemble's size: shallow trees, so that pure-Python inference stays cheap
TREES, DEPTH, LEARNING_RATE = 100, 3, 0.1


def _fit(X, y, w) -> dict:
    """Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier), exported
    as node arrays: a leaf has left = -1; a row goes left when x[feature] <= threshold."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(max_iter=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE,
                                         early_stopping=False, random_state=0)
    clf.fit(np.asarray(X, float), np.asarray(y, int), sample_weight=np.asarray(w, float))
    trees = []
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": [int(v) for v in nodes["feature_idx"]],
            "threshold": [float(v) for v in nodes["num_threshold"]],
            "left": [-1 if lf else int(v) for v, lf in zip(nodes["left"], leaf)],
            "right": [-1 if lf else int(v) for v, lf in zip(nodes["right"], leaf)],
            "value": [float(v) if lf else 0.0 for v, lf in zip(nodes["value"], leaf)],
        })
    layer = {"base": float(np.ravel(clf._baseline_prediction)[0]), "trees": trees}
    sample = np.asarray(X[:2000], float)
    ours = linescore.predict(layer, sample.tolist())
    theirs = clf.predict_proba(sample)[:, 1]
    if max(abs(a - b) for a, b in zip(ours, theirs)) > 1e-6:
        raise RuntimeError("the exported trees do not reproduce scikit-learn's probabilities")
    return layer


def _local(pages):
    X, y, w = [], [], []
    for p in pages:
        X += linescore.with_context(p["rows"])
        y += p["y"]
        w += p["w"]
    return X, y, w


def train(pages: list[dict], rescue: float, demote: float) -> dict:
    """Both passes; the second learns from first-pass probabilities cross-fitted on
    two halves, so it sees them as they are on unseen pages."""
    local = _fit(*_local(pages))
    order = list(range(len(pages)))
    random.Random(0).shuffle(order)
    halves = [[pages[i] for i in order[0::2]], [pages[i] for i in order[1::2]]]
    X, y, w = [], [], []
    for held, other in ((halves[0], halves[1]), (halves[1], halves[0])):
        layer = _fit(*_local(other))
        for p in held:
            rows = linescore.with_context(p["rows"])
            X += linescore.second_pass(rows, linescore.predict(layer, rows))
            y += p["y"]
            w += p["w"]
    return {"local": local, "stacked": _fit(X, y, w), "rescue": rescue, "demote": demote}


def score(pages: list[dict], weights: dict | None, rescue: float, demote: float = 0.0) -> tuple:
    """Token micro P, R, F1 of the finder's output (clean eval's metric), and pages
    losing >10% of gold: the search's drops minus lines at p >= rescue, plus lines
    at p < demote."""
    scores = []
    for p in pages:
        drop = set(p["found"].drop)
        if weights is not None:
            probs = linescore.probabilities(p["rows"], weights)
            drop = {i for i in drop if probs[i] < rescue} | {i for i, q in enumerate(probs) if q < demote}
        kept = "\n".join(f.text for i, f in enumerate(p["found"].feats) if i not in drop)
        scores.append(score_page(kept, p["gold"], p["id"]))
    s = summarize(scores)
    micro = s["micro"]
    return round(micro["precision"], 4), round(micro["recall"], 4), round(micro["f1"], 4), s["lost"]


def write_toml(weights: dict, path: Path, sources: list[str]) -> None:
    def arr(v):
        return "[" + ", ".join(repr(round(x, 8) if isinstance(x, float) else x) for x in v) + "]"
    lines = [
        "# The main-text finder's line model (cleaner/mechanisms/mainfinder/linescore.py), written by",
        "# tools/train_linescore.py; do not edit by hand: train again.",
        f"# Trained on the fulltext pages of: {', '.join(sources)}.",
        f"# {TREES} trees of depth {DEPTH} per pass (learning rate {LEARNING_RATE}).",
        "# A line the span search would drop is kept when its article probability",
        "# reaches `rescue`; a line it would keep goes when the probability is under",
        "# `demote` (mainfinder.unlikely_line).",
        f"rescue = {weights['rescue']}",
        f"demote = {weights['demote']}",
        f"local_features = {json.dumps(list(linescore.LOCAL))}",
    ]
    for name in ("local", "stacked"):
        layer = weights[name]
        lines += ["", f"[{name}]", f"base = {layer['base']!r}"]
        for tree in layer["trees"]:
            lines += ["", f"[[{name}.trees]]"]
            lines += [f"{key} = {arr(tree[key])}" for key in ("feature", "threshold", "left", "right", "value")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bench", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, help="write the model trained on all BENCH_DIRs here")
    ap.add_argument("--check", action="store_true", help="train on each, score on each other")
    ap.add_argument("--rescue", type=float, default=0.7, help="the shipped rescue threshold")
    ap.add_argument("--demote", type=float, default=0.1, help="the shipped demote threshold")
    args = ap.parse_args(argv)
    data = {}
    for b in args.bench:
        data[b.name] = load_pages(b)
        print(f"{b.name}: {len(data[b.name])} pages", file=sys.stderr)
    if args.check:
        for train_on in data:
            weights = train(data[train_on], args.rescue, args.demote)
            for test_on in data:
                if test_on == train_on:
                    continue
                print(f"train {train_on} -> test {test_on}: search alone P/R/F1/lost {score(data[test_on], None, 1)}")
                for t in RESCUE_THRESHOLDS:
                    print(f"    rescue p >= {t}: {score(data[test_on], weights, t)}; "
                          f"demote p < {args.demote} too: {score(data[test_on], weights, t, args.demote)}")
    if args.out:
        weights = train([p for ps in data.values() for p in ps], args.rescue, args.demote)
        write_toml(weights, args.out, [b.name for b in args.bench])
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
