"""Step 2 of the main-text finder: what each line weighs in the span search.

Prose counts for itself (its length, scaled by how close its stopword density
is to running text's), furniture costs a penalty (on a page with almost no long
paragraphs, near-good lines count fully: that site writes one-sentence
paragraphs). The penalty is context-dependent: a furniture line that stands
alone between paragraphs (a subheading, a photo credit, "Advertisement") costs
a third of a line in a run of three or more (a menu), and a short line shaped
like a list item costs less than a menu entry. Lines that repeat earlier text (a
metadata blob made of the article's paragraphs) count nothing or cost. Lines a
pack rule already removed as photo credits (the caller passes them as
`neutral`) count nothing either, and their neighbours are weighed as if they
were not there: a credit block between two paragraphs does not split the
article. Lines that are neither prose nor furniture (features.no_evidence: a
sentence of names and scores, a row of figures, an interview's turn) weigh
nothing.

jusText's context revision (short and near-good paragraphs take their
neighbours' class) was tried on top of this and measured worse: on page text,
teaser lists contain good-looking lines and the revision spreads "good" into
them. The run-length-dependent penalty does the useful part of it (isolated
short lines inside prose are cheap).
"""
from __future__ import annotations

from cleaner.mechanisms.mainfinder.features import BAD, GOOD, NEARGOOD, SHORT, listish, no_evidence
from cleaner.mechanisms.mainfinder.options import FinderOptions


def weigh(feats, options: FinderOptions, neutral: frozenset[int] = frozenset()) -> list[float]:
    """The weight of each line of `feats` (classified), in characters of prose it
    stands for (negative: furniture); the lines whose index is in `neutral` weigh
    0.0 and their neighbours are weighed as if they were not there."""
    o = options
    # the thresholds, bound once per page: _weight runs on every line
    params = {
        "short_penalty": o.short_penalty, "full_penalty_run": o.full_penalty_run,
        "listish_factor": o.listish_factor, "bullet_factor": o.bullet_factor,
        "neargood_weight": o.neargood_weight,
        "short_weight": o.short_weight, "min_stopword_density": o.min_stopword_density,
        "min_good_stopword_density": o.min_good_stopword_density,
        "min_prose_words": o.min_prose_words, "min_named_sentence_words": o.min_named_sentence_words,
        "min_figures": o.min_figures,
    }
    if sum(1 for f in feats if f.cls == GOOD and not f.dup) < o.min_good_lines:
        # a site writing one-sentence paragraphs: its near-good lines are
        # its prose and count fully
        params["neargood_weight"] = params["short_weight"] = 1.0
    # Lines a rule already explained as part of an article (a photo credit)
    # count nothing, and the lines around them are weighed as if they were
    # not there: a credit between two paragraphs does not split the article.
    counted_weights = iter(_line_weights([f for f in feats if f.idx not in neutral], params))
    return [0.0 if f.idx in neutral else next(counted_weights) for f in feats]


def _weight(f, p) -> float:
    """Characters of prose a line stands for (negative: furniture), before the
    run-length scaling; `p`: the thresholds weigh() binds once per page."""
    if f.dup == 2:
        return -p["short_penalty"]
    if f.dup == 1:
        return 0.0
    factor = min(1.0, f.density / p["min_good_stopword_density"])
    if f.cls == GOOD:
        return f.length * factor
    if f.cls == NEARGOOD:
        return f.length * factor * p["neargood_weight"]
    if (f.cls == SHORT and f.terminal and f.words >= p["min_prose_words"]
            and f.density >= p["min_stopword_density"]):
        return f.length * factor * p["short_weight"]
    if f.cls == BAD:
        return -max(p["short_penalty"], f.length * 0.5)
    penalty = p["short_penalty"]
    if f.bullet:
        penalty *= p["bullet_factor"]
    elif listish(f):
        penalty *= p["listish_factor"]
    return -penalty


def _line_weights(feats, p) -> list[float]:
    """Each line's weight; a line of no evidence weighs nothing, and a run of
    furniture shorter than full_penalty_run costs its share of the penalty per line."""
    weights = [_weight(f, p) for f in feats]
    min_named_sentence_words, min_figures = p["min_named_sentence_words"], p["min_figures"]
    for k, f in enumerate(feats):
        if weights[k] < 0 and no_evidence(f, min_named_sentence_words, min_figures):
            weights[k] = 0.0
    full = max(1, p["full_penalty_run"])
    n = len(weights)
    i = 0
    while i < n:
        if weights[i] >= 0:
            i += 1
            continue
        j = i
        while j + 1 < n and weights[j + 1] < 0:
            j += 1
        scale = min(1.0, (j - i + 1) / full)
        for k in range(i, j + 1):
            weights[k] *= scale
        i = j + 1
    return weights
