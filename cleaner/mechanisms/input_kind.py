"""`--input auto`: is this text a whole page (run the main-text finder) or an article?

Leans to "article": the finder can cut an article, so it runs only on text that
carries a page's navigation where sites put it. The thresholds and the code-line
shape are data (rules/mechanisms/mainfinder.toml [auto]); the evidence is returned
so the report can say why.
"""
from __future__ import annotations

import functools

import regex

from cleaner.mechanisms import mainfinder
from cleaner.paths import load_data

@functools.lru_cache(maxsize=1)
def _config() -> tuple[dict, regex.Pattern]:
    cfg = dict(load_data("mechanisms", "mainfinder")["auto"])
    return cfg, regex.compile(cfg.pop("code_line"))


def is_nav_line(text: str) -> bool:
    """A menu line that does not look like code, markup or data."""
    return mainfinder.is_menu_line(text) and not _config()[1].search(text)


def page_evidence(lines, lang: str = "") -> dict:
    """What auto's decision rests on: the menu-line gate, the navigation-line shares
    of the first and last lines, and the longest run of navigation lines. Each line's
    menu shape is judged once, for the gate and for navigation."""
    cfg, code = _config()
    texts = [ln.text for ln in lines if ln.text]
    menu = list(map(mainfinder.is_menu_line, texts))
    nav = [m and not code.search(t) for m, t in zip(menu, texts)]
    n = cfg["edge_lines"]
    head, tail = nav[:n], nav[-n:]
    return {"gate": mainfinder.menu_gate(menu),
            "head_nav_share": round(sum(head) / len(head), 3) if head else 0.0,
            "tail_nav_share": round(sum(tail) / len(tail), 3) if tail else 0.0,
            "nav_run": mainfinder.longest_run(nav)}


def decide(lines, lang: str = "") -> tuple[str, dict]:
    """("page" or "article", evidence). Page needs the gate, and navigation either at
    both ends of the text (with a short menu block somewhere) or in one long block."""
    cfg, _ = _config()
    ev = page_evidence(lines, lang)
    at_edges = (ev["head_nav_share"] >= cfg["min_head_nav_share"]
                and ev["tail_nav_share"] >= cfg["min_tail_nav_share"]
                and ev["nav_run"] >= cfg["min_edge_run"])
    page = ev["gate"] and (at_edges or ev["nav_run"] >= cfg["min_nav_run"])
    return ("page" if page else "article"), ev
