"""What the editors' desk costs: the same atlas built with ``editorial_desk`` on and off.

Both configurations build the same generated content, German only (the desk's cost does not
grow with languages; five languages would double every build on this shared machine), and
alternate (on off on off …) after a warm-up each, so a drift of the machine hits both alike; the
extra cost is taken pair by pair. Besides the whole builds, measured in one process: the desk
family alone (rows, page, CSV) on the loaded inputs, the sizes of page and CSV, and the one
``git log`` of the load phase on a repository that holds every offer file in one commit.

    python -m benchmarks.desk_bench                      # 10,000 offers, 2 pairs
    python -m benchmarks.desk_bench --offers 200 --pairs 1

Results: benchmarks/results/desk.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from . import site_build
from .engine_floor import BIN, ENV, WORK, _run

RESULTS = Path(__file__).resolve().parent / "results"


def configs(project: Path) -> tuple[Path, Path]:
    """``(desk on, desk off)``: two German-only mkdocs.yml beside the project's."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    out = []
    for name, desk in (("mkdocs-desk.yml", True), ("mkdocs-nodesk.yml", False)):
        for entry in config["plugins"]:
            if isinstance(entry, dict) and "atlas" in entry:
                entry["atlas"]["languages"] = ["de"]
                entry["atlas"]["editorial_desk"] = desk
        path = project / name
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def in_process(config: Path, repeats: int = 5) -> dict[str, float]:
    """Seconds of the desk family on loaded inputs (median), and its output's bytes."""
    os.environ.update(ENV)
    from build_tools import build
    from build_tools.clock import build_date
    from build_tools.desk.site import render
    from build_tools.project import open_project

    project, problems = open_project(config)
    if project is None:
        raise SystemExit(f"settings: {problems}")
    inputs = build.load(project, build_date())
    tools = build.Tools.for_project(project, cache=False, fork=False)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = render(inputs, tools)
        times.append(time.perf_counter() - start)
    return {"render_s": statistics.median(times), "page_bytes": len(result.pages[0].html.encode()),
            "csv_bytes": len(result.files[0].data), "rows": len(inputs.catalog.published)}


def git_log_seconds(content: Path, repeats: int = 3) -> tuple[float, int]:
    """The load phase's ``git log`` on a repository with every offer file in one commit."""
    from build_tools.history import offer_history

    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "content"
        shutil.copytree(content / "offers", repo / "offers")
        env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b",
               "GIT_COMMITTER_EMAIL": "b@b", "GIT_AUTHOR_DATE": "2026-12-01T12:00:00Z",
               "GIT_COMMITTER_DATE": "2026-12-01T12:00:00Z"}
        for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Angebote"]):
            subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
        times, changes = [], 0
        for _ in range(repeats):
            start = time.perf_counter()
            changes = len(offer_history(repo).changes)
            times.append(time.perf_counter() - start)
    return statistics.median(times), changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--out", default=str(RESULTS / "desk.md"))
    args = parser.parse_args(argv)
    project = site_build.project(args.offers, 1, WORK)
    on, off = configs(project)

    def command(config: Path, site: Path) -> list[str]:
        return [str(BIN / "atlas"), "build", "--config", str(config), "--site-dir", str(site)]

    with_desk, without = command(on, project / "site-desk"), command(off, project / "site-nodesk")
    for warm in (with_desk, without):  # flyer cache, the OS's page cache
        _run(warm)
    t_on, t_off = [], []
    for _ in range(args.pairs):
        t_on.append(_run(with_desk))
        t_off.append(_run(without))
    extra = [a - b for a, b in zip(t_on, t_off, strict=True)]
    share = [a / b - 1 for a, b in zip(t_on, t_off, strict=True)]
    inner = in_process(on)
    git_s, git_changes = git_log_seconds(project / "content")
    lines = [
        f"# Editors' desk — {dt.date.today().isoformat()}", "",
        f"Machine: {os.cpu_count()} cores, shared. {args.offers:,} generated offers, German only, warm "
        f"builds, {args.pairs} alternating pairs; medians.", "",
        "| build | seconds |", "|---|---:|",
        f"| editorial_desk: true | {statistics.median(t_on):.2f} |",
        f"| editorial_desk: false | {statistics.median(t_off):.2f} |", "",
        f"- the desk adds {statistics.median(extra):+.2f} s ({statistics.median(share):+.1%}) to the build "
        f"(pairs: {', '.join(f'{e:+.2f} s' for e in extra)})",
        f"- the desk family alone, in one process: {inner['render_s'] * 1000:.0f} ms for {inner['rows']:,} rows; "
        f"page {inner['page_bytes'] / 1e6:.2f} MB, CSV {inner['csv_bytes'] / 1e6:.2f} MB (before gzip)",
        f"- the load phase's git log on a repository with the {git_changes:,} offer files in one commit: "
        f"{git_s * 1000:.0f} ms (timeout 10 s)",
    ]
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
