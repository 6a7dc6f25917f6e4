"""Site build budgets: sample atlas < 15 s, 2,000 offers ≤ 2.3 × the time of 1,000, offer page ≤ 60 KB.

    python -m benchmarks.site_build                # sample, 1,000, 2,000; 1 run each
    python -m benchmarks.site_build --runs 3 --sizes 1000,2000

Synthetic content comes from ``atlas generate`` (seeded). Results: benchmarks/results/site_build.md.
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

from .harness import publish, run_measured

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "site_build"
ATLAS = str(Path(sys.executable).parent / "atlas")
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
BUDGET_SAMPLE_S = 15.0
BUDGET_RATIO = 2.3
BUDGET_PAGE_BYTES = 60_000


def project(n: int, seed: int = 1, work: Path = WORK) -> Path:
    """A project with N generated offers and a mkdocs.yml like the sample's (in ``work``)."""
    folder = work / f"n{n}"
    content = folder / "content"
    if not (content / "offers").is_dir() or len(list((content / "offers").glob("*.yml"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        code = os.spawnve(os.P_WAIT, ATLAS, [ATLAS, "generate", "--offers", str(n), "--seed", str(seed),
                                              "--out", str(content)], {**os.environ, **ENV})
        if code:
            raise SystemExit(f"atlas generate failed for N={n}")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            entry["atlas"]["content_dir"] = "content"
            entry["atlas"].pop("region", None)
            entry["atlas"].get("planning", {}).pop("scenario", None)  # the sample's own file
    config["docs_dir"] = str(ROOT / "content" / "pages")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def build(config: Path, site: Path, runs: int) -> list[float]:
    """Wall-clock seconds of ``atlas build`` (fresh process each run)."""
    times = []
    for _ in range(runs):
        seconds, _rss, code, err = run_measured(
            [ATLAS, "build", "--config", str(config), "--site-dir", str(site)], env=ENV,
        )
        if code:
            raise SystemExit(f"atlas build failed ({config}):\n{err}")
        times.append(seconds)
    return times


def largest_offer_page(site: Path) -> tuple[str, int]:
    """The biggest offer page's own HTML (bytes)."""
    sizes = [(p.parent.name, p.stat().st_size) for p in (site / "angebote").glob("*/index.html")]
    return max(sizes, key=lambda s: s[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--sizes", default="1000,2000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(parents=True, exist_ok=True)
    lines = [f"# Site build — {dt.date.today().isoformat()}", "",
             f"Runs per size: {args.runs} (median shown). Machine: {os.cpu_count()} cores, shared.", "",
             "| Atlas | Offers | Build (s) | Largest offer page |", "|---|---:|---:|---:|"]
    sample_site = WORK / "sample-site"
    sample = statistics.median(build(ROOT / "mkdocs.yml", sample_site, args.runs))
    name, size = largest_offer_page(sample_site)
    offers = len(list((sample_site / "angebote").glob("*/index.html")))
    lines.append(f"| sample | {offers} | {sample:.1f} | {size / 1000:.1f} KB ({name}) |")
    medians = {}
    for n in sizes:
        folder = project(n)
        site = folder / "site"
        medians[n] = statistics.median(build(folder / "mkdocs.yml", site, args.runs))
        name, size = largest_offer_page(site)
        lines.append(f"| generated | {n} | {medians[n]:.1f} | {size / 1000:.1f} KB ({name}) |")
    verdicts = [f"- sample build {sample:.1f} s (budget {BUDGET_SAMPLE_S:.0f} s): "
                + ("ok" if sample < BUDGET_SAMPLE_S else "OVER")]
    if 1000 in medians and 2000 in medians:
        ratio = medians[2000] / medians[1000]
        verdicts.append(f"- 2,000 / 1,000 offers: {ratio:.2f}× (budget {BUDGET_RATIO}×): "
                        + ("ok" if ratio <= BUDGET_RATIO else "OVER"))
    lines += ["", *verdicts, ""]
    publish("site_build.md", "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
