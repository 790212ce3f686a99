"""Boosted decision trees read from data and compiled once into one Python function.

The main-text finder's line model (cleaner/mechanisms/mainfinder/linescore.py) is a gradient-boosted
ensemble of shallow trees, learnt by tools/train_linescore.py. Walking arrays node by
node in Python costs a loop per tree per line; instead each tree becomes one nested
conditional expression `(a if x[3] <= 0.5 else b)` and the ensemble their sum, compiled
once per process. Only numbers from the data file go into the source, checked first.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

NODE_KEYS = ("feature", "threshold", "left", "right", "value")


def _check_tree(tree: dict, width: int) -> None:
    n = len(tree["value"])
    if any(len(tree[k]) != n for k in NODE_KEYS):
        raise ValueError("tree arrays differ in length")
    for k in ("feature", "left", "right"):
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in tree[k]):
            raise ValueError(f"tree {k} must be integers")
    for k in ("threshold", "value"):
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in tree[k]):
            raise ValueError(f"tree {k} must be finite numbers")
    for i in range(n):
        if tree["left"][i] >= 0:
            if not (0 <= tree["feature"][i] < width):
                raise ValueError(f"tree feature index {tree['feature'][i]} out of range")
            if not (i < tree["left"][i] < n and i < tree["right"][i] < n):
                raise ValueError("tree children must come after their node")


def _expression(tree: dict, node: int = 0) -> str:
    if tree["left"][node] < 0:
        return repr(float(tree["value"][node]))
    f, t = tree["feature"][node], float(tree["threshold"][node])
    return (f"({_expression(tree, tree['left'][node])} if x[{f}] <= {t!r} "
            f"else {_expression(tree, tree['right'][node])})")


def compile_layer(layer: dict, width: int) -> Callable[[Sequence[float]], float]:
    """A function from one feature row (`width` numbers) to the ensemble's probability:
    the logistic of `base` plus every tree's leaf value (one statement per tree). A
    leaf has left = -1; a row goes left when x[feature] <= threshold."""
    trees = layer["trees"]
    for tree in trees:
        _check_tree(tree, width)
    base = float(layer["base"])
    if not math.isfinite(base):
        raise ValueError("base must be a finite number")
    lines = ["def _score(x):", f"    z = {base!r}"]
    lines += [f"    z += {_expression(t)}" for t in trees]
    lines.append("    return 1.0 / (1.0 + _exp(-z)) if z > -700.0 else 0.0")
    source = "\n".join(lines) + "\n"
    scope = {"_exp": math.exp}
    exec(compile(source, "<cleaner.mechanisms.mainfinder.treemodel>", "exec"), scope)  # noqa: S102 (numbers only, checked above)
    return scope["_score"]
