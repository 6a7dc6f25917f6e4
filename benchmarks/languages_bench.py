"""What the language trees cost: the same atlas built German only and in every language.

Issue 18's budget: each language beyond German adds at most 40 % of the German build. Both
configurations build the same generated content (``atlas generate`` writes translations) and
alternate (A B A B …) after a warm-up each, so a drift of the shared machine hits both alike;
the extra cost is taken pair by pair.

    python -m benchmarks.languages_bench                  # 1,000 offers, 3 pairs
    python -m benchmarks.languages_bench --offers 200 --pairs 2

Results: benchmarks/results/languages.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
from pathlib import Path

import yaml

from . import site_build
from .engine_floor import BIN, WORK, _run
from .harness import publish

BUDGET_PER_LANGUAGE = 0.40


def configs(project: Path) -> tuple[Path, Path, list[str]]:
    """``(German only, every language, the languages)``: two mkdocs.yml beside the project's."""
    every = project / "mkdocs.yml"
    config = yaml.safe_load(every.read_text(encoding="utf-8"))
    languages = ["de"]
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            languages = list(entry["atlas"].get("languages") or ["de"])
            entry["atlas"]["languages"] = ["de"]
    german = project / "mkdocs-de.yml"
    german.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return german, every, languages


def pages_per_language(site: Path, languages: list[str]) -> dict[str, int]:
    """Offer pages in each language tree (German at the root)."""
    return {lang: len(list((site / ("" if lang == "de" else lang) / "angebote").glob("*/index.html")))
            for lang in languages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args(argv)
    project = site_build.project(args.offers, 1, WORK)
    german, every, languages = configs(project)
    site_de, site_all = project / "site-de", project / "site"

    def command(config: Path, site: Path) -> list[str]:
        return [str(BIN / "atlas"), "build", "--config", str(config), "--site-dir", str(site)]

    one, all_ = command(german, site_de), command(every, site_all)
    for warm in (one, all_):  # flyer cache, the OS's page cache
        _run(warm)
    ours_de, ours_all = [], []
    for _ in range(args.pairs):
        ours_de.append(_run(one))
        ours_all.append(_run(all_))
    extra = len(languages) - 1
    per_language = [(b / a - 1) / extra if extra else 0.0 for a, b in zip(ours_de, ours_all, strict=True)]
    share = statistics.median(per_language)
    pages = pages_per_language(site_all, languages)
    lines = [
        f"# Language trees — {dt.date.today().isoformat()}", "",
        f"Machine: {os.cpu_count()} cores, shared. {args.offers:,} generated offers, warm builds, "
        f"{args.pairs} alternating pairs; medians.", "",
        "| build | seconds |", "|---|---:|",
        f"| German only | {statistics.median(ours_de):.2f} |",
        f"| {', '.join(languages)} | {statistics.median(ours_all):.2f} |", "",
        "Offer pages: " + ", ".join(f"{lang} {n:,}" for lang, n in pages.items()) + ".", "",
        f"- each language beyond German adds {share:.0%} of the German build "
        f"(pairs: {', '.join(f'{p:.0%}' for p in per_language)}; budget ≤ {BUDGET_PER_LANGUAGE:.0%}): "
        + ("met" if share <= BUDGET_PER_LANGUAGE else "missed"),
    ]
    publish("languages.md", "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
