"""How close the atlas build comes to the engine's floor, measured side by side.

The floor: plain MkDocs + Material building the same offers as Markdown pages (title, summary,
description) with a one-entry nav — what the theme costs for that many pages, nothing of ours.
Both builds alternate (A B A B …) after one warm-up each, so a drift of the shared machine hits
both alike; the ratio is taken pair by pair and its median reported.

    python -m benchmarks.engine_floor                    # N = 1,000 and 10,000, 5 pairs / 2 pairs
    python -m benchmarks.engine_floor --sizes 1000 --pairs 3

Targets (issue 14): atlas warm build ≤ 1.5 × the floor at 1,000 offers; the 10,000 build
≤ 11 × the 1,000 build. Results: benchmarks/results/engine-floor.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
from pathlib import Path

import yaml

from . import site_build
from .harness import run_measured

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
TARGET_RATIO = 1.5
TARGET_SCALE = 11.0


def floor_project(n: int, project: Path) -> Path:
    """The same offers as plain Markdown pages for plain MkDocs + Material, one-entry nav."""
    folder = WORK / f"floor{n}"
    docs = folder / "docs"
    if docs.is_dir() and len(list(docs.glob("*.md"))) == n + 1:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    for path in sorted((project / "content" / "offers").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = f"# {data.get('title', path.stem)}\n\n{data.get('summary', '')}\n\n{data.get('description') or ''}\n"
        (docs / f"{path.stem}.md").write_text(body, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Referenz\nnav:\n  - Start: index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "theme:\n  name: material\n  language: de\n  font: false\n", encoding="utf-8")
    return folder


def side_by_side(n: int, pairs: int, seed: int = 1) -> dict[str, float]:
    """Medians of both builds and of the pairwise ratio atlas / floor."""
    project = site_build.project(n, seed, WORK)
    floor = floor_project(n, project)
    atlas = [str(BIN / "atlas"), "build", "--config", str(project / "mkdocs.yml"),
             "--site-dir", str(project / "site")]
    plain = [str(BIN / "mkdocs"), "build", "-q", "-f", str(floor / "mkdocs.yml"), "-d", str(floor / "site")]
    for command in (atlas, plain):  # warm-up: flyer cache, page cache of the OS
        _run(command)
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(_run(atlas))
        theirs.append(_run(plain))
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    return {"atlas": statistics.median(ours), "floor": statistics.median(theirs),
            "ratio": statistics.median(ratios), "ratio_low": min(ratios), "ratio_high": max(ratios)}


def _run(command: list[str]) -> float:
    seconds, _rss, code, err = run_measured(command, env=ENV)
    if code:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--pairs", type=int, default=5, help="alternating pairs at 1,000 (2 above)")
    args = parser.parse_args(argv)
    rows = {}
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"N={n}: atlas build and plain MkDocs + Material, alternating", file=sys.stderr)
        rows[n] = side_by_side(n, args.pairs if n <= 1000 else max(2, args.pairs // 2))
    lines = [f"# Engine floor — {dt.date.today().isoformat()}", "",
             f"Machine: {os.cpu_count()} cores, shared. Warm builds (flyer cache filled), medians; "
             "the ratio is taken pair by pair (A B A B …).", "",
             "| Offers | atlas build (s) | plain MkDocs + Material, 1-entry nav (s) | ratio (min–max) |",
             "|---:|---:|---:|---:|"]
    for n, row in rows.items():
        lines.append(f"| {n:,} | {row['atlas']:.2f} | {row['floor']:.2f} | "
                     f"{row['ratio']:.2f} × ({row['ratio_low']:.2f}–{row['ratio_high']:.2f}) |")
    lines.append("")
    if 1000 in rows:
        ok = rows[1000]["ratio"] <= TARGET_RATIO
        lines.append(f"- 1,000 offers: {rows[1000]['ratio']:.2f} × the floor (target ≤ {TARGET_RATIO} ×): "
                     + ("met" if ok else "missed"))
    if 1000 in rows and 10000 in rows:
        scale = rows[10000]["atlas"] / rows[1000]["atlas"]
        lines.append(f"- 10,000 / 1,000 offers: {scale:.1f} × (target ≤ {TARGET_SCALE:.0f} ×): "
                     + ("met" if scale <= TARGET_SCALE else "missed"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    (RESULTS / "engine-floor.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
