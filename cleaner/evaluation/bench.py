"""The benchmark folder layout: ground truth and one input per page and track."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

TRACKS = ("fulltext", "residue", "html")


def load_ground_truth(bench_dir: str | Path) -> dict[str, dict]:
    """``ground-truth.json``: page id -> {"articleBody": ..., "url": ...}."""
    path = Path(bench_dir) / "ground-truth.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ValueError(f"{path}: expected a JSON object of page id -> record")
    return data


def input_path(bench_dir: str | Path, track: str, page_id: str) -> Path:
    if track not in TRACKS:
        raise ValueError(f"unknown track {track!r} (tracks: {', '.join(TRACKS)})")
    suffix = ".html.gz" if track == "html" else ".txt"
    return Path(bench_dir) / track / f"{page_id}{suffix}"


def read_input(bench_dir: str | Path, track: str, page_id: str) -> str:
    """The page's input for `track` as text (HTML is gunzipped, decoded as UTF-8)."""
    data = input_path(bench_dir, track, page_id).read_bytes()
    if track == "html":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def missing_inputs(bench_dir: str | Path, track: str, page_ids) -> list[str]:
    """The page ids whose input file for `track` does not exist."""
    return [i for i in page_ids if not input_path(bench_dir, track, i).is_file()]
