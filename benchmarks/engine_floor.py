"""How close the atlas build comes to the engine's floor, measured side by side.

The floor: plain MkDocs + Material building the same offers as Markdown pages (title, summary,
description) with a one-entry nav — what the theme costs for that many pages, nothing of ours.
Both builds alternate (A B A B …) after one warm-up each, so a drift of the shared machine hits
both alike; the ratio is taken pair by pair and its median reported, for wall time and for CPU
time (user + system of the build and its children: steadier when others share the cores).

German only is the fair comparison (the floor builds one page per offer). With the sample's
five languages the atlas builds an offer page per translation too; that row compares it with a
floor building as many offer pages (the offers' texts again, once per page the atlas built).

    python -m benchmarks.engine_floor                    # N = 1,000 and 10,000, 5 pairs / 2 pairs
    python -m benchmarks.engine_floor --sizes 1000 --pairs 3 --languages de,all

Targets (issue 14): atlas warm build ≤ 1.5 × the floor at 1,000 offers (German only); the
10,000 build ≤ 11 × the 1,000 build. Results: benchmarks/results/engine-floor.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from . import site_build
from .harness import publish, run_measured

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
BIN = Path(sys.executable).parent
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
TARGET_RATIO = 1.5
TARGET_SCALE = 11.0


def floor_project(n: int, project: Path, pages: int | None = None) -> Path:
    """The same offers as plain Markdown pages for plain MkDocs + Material, one-entry nav;
    ``pages``: that many offer pages (the offers again, in turn, past the first ``n``)."""
    pages = pages or n
    folder = WORK / (f"floor{n}" if pages == n else f"floor{n}-{pages}")
    docs = folder / "docs"
    if docs.is_dir() and len(list(docs.glob("*.md"))) == pages + 1:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    offers = sorted((project / "content" / "offers").glob("*.yml"))
    for index in range(pages):
        path = offers[index % len(offers)]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = f"# {data.get('title', path.stem)}\n\n{data.get('summary', '')}\n\n{data.get('description') or ''}\n"
        name = path.stem if index < len(offers) else f"{path.stem}-{index // len(offers)}"
        (docs / f"{name}.md").write_text(body, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Referenz\nnav:\n  - Start: index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "theme:\n  name: material\n  language: de\n  font: false\n", encoding="utf-8")
    return folder


def atlas_config(project: Path, languages: str) -> Path:
    """The project's mkdocs.yml, or a copy that builds German only (``languages == "de"``)."""
    config = project / "mkdocs.yml"
    if languages != "de":
        return config
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for entry in data["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            entry["atlas"]["languages"] = ["de"]
    german = project / "mkdocs-de.yml"
    german.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return german


def side_by_side(n: int, pairs: int, seed: int = 1, languages: str = "de") -> dict[str, float]:
    """Medians of both builds (wall and CPU seconds) and of the pairwise ratios atlas / floor."""
    project = site_build.project(n, seed, WORK)
    config = atlas_config(project, languages)
    site = project / f"site-{languages}"
    atlas = [str(BIN / "atlas"), "build", "--config", str(config), "--site-dir", str(site)]
    _run(atlas)  # warm-up: flyer cache, page cache of the OS; counts the offer pages built
    ids = {path.stem for path in (project / "content" / "offers").glob("*.yml")}
    pages = sum(1 for page in [*site.glob("angebote/*/index.html"), *site.glob("*/angebote/*/index.html")]
                if page.parent.name in ids)  # offer pages in every tree; not the alias redirects
    floor = floor_project(n, project, pages)
    plain = [str(BIN / "mkdocs"), "build", "-q", "-f", str(floor / "mkdocs.yml"), "-d", str(floor / "site")]
    _run(plain)
    ours, theirs = [], []
    for _ in range(pairs):
        ours.append(_run_cpu(atlas))
        theirs.append(_run_cpu(plain))
    row: dict[str, float] = {"pages": pages}
    for index, kind in ((0, "wall"), (1, "cpu")):
        ratios = [a[index] / b[index] for a, b in zip(ours, theirs, strict=True)]
        row.update({f"atlas_{kind}": statistics.median(a[index] for a in ours),
                    f"floor_{kind}": statistics.median(b[index] for b in theirs),
                    f"ratio_{kind}": statistics.median(ratios),
                    f"low_{kind}": min(ratios), f"high_{kind}": max(ratios)})
    return row


def _run(command: list[str]) -> float:
    seconds, _rss, code, err = run_measured(command, env=ENV)
    if code:
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    return seconds


def _run_cpu(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system of the command and the children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, env={**os.environ, **ENV},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode(errors='replace')[-2000:]}")
    # the build's own children (fork, Pagefind, flyer pool) are waited for inside it
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--pairs", type=int, default=5, help="alternating pairs at 1,000 (2 above)")
    parser.add_argument("--languages", default="de,all",
                        help="de: German only (the fair comparison); all: the sample's languages")
    args = parser.parse_args(argv)
    rows = {}
    for languages in args.languages.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"N={n} ({languages}): atlas build and plain MkDocs + Material, alternating",
                  file=sys.stderr)
            rows[n, languages] = side_by_side(n, args.pairs if n <= 1000 else max(2, args.pairs // 2),
                                              languages=languages)
    text = report(rows, args.pairs)
    publish("engine-floor.md", text)
    return 0


def report(rows: dict[tuple[int, str], dict[str, float]], pairs: int) -> str:
    """The results page: one row per size and languages, wall and CPU, verdicts below."""
    names = {"de": "German only", "all": "five languages"}
    lines = [f"# Engine floor — {dt.date.today().isoformat()}", "",
             f"Machine: {os.cpu_count()} cores, shared with other builds. Warm builds (flyer, search "
             f"and twin caches filled), medians of {pairs} alternating pairs (A B A B …, fewer above "
             "1,000); each ratio is taken pair by pair, its range in brackets. CPU: user + system "
             "seconds of the build and its children.", "",
             "| Offers | Languages | Offer pages | atlas wall (s) | floor wall (s) | wall ratio | "
             "atlas CPU (s) | floor CPU (s) | CPU ratio |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for (n, languages), row in rows.items():
        lines.append(
            f"| {n:,} | {names.get(languages, languages)} | {int(row['pages']):,} | "
            f"{row['atlas_wall']:.2f} | {row['floor_wall']:.2f} | "
            f"{row['ratio_wall']:.2f} × ({row['low_wall']:.2f}–{row['high_wall']:.2f}) | "
            f"{row['atlas_cpu']:.2f} | {row['floor_cpu']:.2f} | "
            f"{row['ratio_cpu']:.2f} × ({row['low_cpu']:.2f}–{row['high_cpu']:.2f}) |")
    lines.append("")
    if (1000, "de") in rows:
        ratio = rows[1000, "de"]["ratio_wall"]
        lines.append(f"- 1,000 offers, German only: {ratio:.2f} × the floor (target ≤ {TARGET_RATIO} ×): "
                     + ("met" if ratio <= TARGET_RATIO else "missed"))
    for languages in ("de", "all"):
        if (1000, languages) in rows and (10000, languages) in rows:
            scale = rows[10000, languages]["atlas_wall"] / rows[1000, languages]["atlas_wall"]
            lines.append(f"- 10,000 / 1,000 offers ({names[languages]}): {scale:.1f} × "
                         f"(target ≤ {TARGET_SCALE:.0f} ×): " + ("met" if scale <= TARGET_SCALE else "missed"))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
