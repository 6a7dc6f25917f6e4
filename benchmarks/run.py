"""``make bench``: the benchmark suite, side by side in one run so ratios hold on a noisy machine.

Writes ``benchmarks/results/<date>.md`` (median of the runs, min, max, peak RSS) and a PNG chart of
build time against N. Work files go to ``benchmarks/work/`` (ignored by git).

    python -m benchmarks.run                 # N = 100, 1,000, 5,000, 10,000; 3 runs each
    python -m benchmarks.run --sizes 100,1000 --runs 1   # quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from . import site_build
from .chart import line_chart
from .harness import Measurement, measure
from .serve_reload import edit_summary

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
RESULTS = ROOT / "benchmarks" / "results"
BIN = Path(sys.executable).parent
ATLAS = str(BIN / "atlas")
MKDOCS = str(BIN / "mkdocs")
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}


def _project(n: int, seed: int) -> Path:
    """A project folder with N generated offers and a mkdocs.yml like the sample's."""
    return site_build.project(n, seed, WORK)


def _plain_reference(n: int, project: Path) -> Path:
    """The same N offers as plain Markdown pages for plain MkDocs + Material, default nav."""
    folder = WORK / f"plain{n}"
    if (folder / "docs").is_dir() and len(list((folder / "docs").glob("*.md"))) == n + 1:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    for path in sorted((project / "content" / "offers").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        body = f"# {data.get('title', path.stem)}\n\n{data.get('summary', '')}\n\n{data.get('description') or ''}\n"
        (folder / "docs" / f"{path.stem}.md").write_text(body, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Referenz\ntheme:\n  name: material\n  language: de\n  font: false\n", encoding="utf-8"
    )
    return folder


def _edit_one_offer(project: Path) -> None:
    offers = sorted((project / "content" / "offers").glob("*.yml"))
    edit_summary(offers[len(offers) // 2])


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "modulepreload") and a.get("href"):
            self.refs.append(a["href"])
        elif tag == "img" and a.get("src"):
            self.refs.append(a["src"])


def _first_visit_bytes(site: Path, page: Path) -> tuple[int, int]:
    """Bytes of a page's HTML, and of everything its first visit downloads (HTML + local refs)."""
    html = page.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(html)
    total = len(html.encode())
    for ref in dict.fromkeys(parser.refs):
        if "://" in ref or ref.startswith("data:"):
            continue
        target = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            total += target.stat().st_size
    return len(html.encode()), total


def page_weights(project: Path) -> dict[str, int]:
    """Page weight figures from a built site."""
    site = project / "site"
    offers = sorted((site / "angebote").glob("*/index.html"))
    if not offers:
        return {}
    sizes = sorted(p.stat().st_size for p in offers)
    largest = max(offers, key=lambda p: p.stat().st_size)
    own, first_visit = _first_visit_bytes(site, largest)
    map_page = site / "karte" / "index.html"
    map_html, map_first = _first_visit_bytes(site, map_page) if map_page.exists() else (0, 0)
    data = sum(p.stat().st_size for p in (site / "karte").glob("*.json")) if (site / "karte").is_dir() else 0
    return {
        "offer_html_median": sizes[len(sizes) // 2],
        "offer_html_max": own,
        "offer_first_visit": first_visit,
        "map_html": map_html,
        "map_data": data,
        "map_first_visit": map_first + data,
    }


def run(sizes: list[int], runs: int, reference_max: int, seed: int, large_runs: int,
        full_large: bool = True, reference_large_runs: int = 1, label: str = "") -> Path:
    """Run every benchmark; returns the results file."""
    rows: list[Measurement] = []
    weights: dict[int, dict[str, int]] = {}
    all_runs = runs
    for n in sizes:
        runs = all_runs if n < 5000 else large_runs
        project = _project(n, seed)
        cfg = str(project / "mkdocs.yml")
        site = str(project / "site")
        cache = project / ".cache"
        print(f"N={n}: atlas check", file=sys.stderr)
        rows.append(measure("atlas check", n, [ATLAS, "check", "--config", cfg], runs, ENV))
        print(f"N={n}: whole build, cold", file=sys.stderr)
        rows.append(measure(
            "build, cold (flyer cache empty)", n, [ATLAS, "build", "--config", cfg, "--site-dir", site],
            runs, ENV, before_each=lambda c=cache: shutil.rmtree(c, ignore_errors=True)))
        print(f"N={n}: whole build, warm", file=sys.stderr)
        rows.append(measure("build, warm", n, [ATLAS, "build", "--config", cfg, "--site-dir", site], runs, ENV))
        if n < 5000 or full_large:
            print(f"N={n}: rebuild after one edit", file=sys.stderr)
            rows.append(measure(
                "rebuild after one edit (make build: check + build)", n,
                ["sh", "-c", f"'{ATLAS}' check --config '{cfg}' && '{ATLAS}' build --config '{cfg}' --site-dir '{site}'"],
                runs, ENV, before_each=lambda p=project: _edit_one_offer(p)))
            rows.append(_serve_reload(n, cfg, runs))
        print(f"N={n}: flyers alone", file=sys.stderr)
        flyer_out = project / "flyers-out"
        rows.append(measure(
            "flyers alone, cold", n, [ATLAS, "flyers", "--config", cfg, "--out", str(flyer_out)], runs, ENV,
            before_each=lambda f=flyer_out, c=cache: (shutil.rmtree(f, ignore_errors=True), shutil.rmtree(c, ignore_errors=True))))
        rows.append(measure("flyers alone, warm", n, [ATLAS, "flyers", "--config", cfg, "--out", str(flyer_out)], runs, ENV))
        if n <= reference_max:
            print(f"N={n}: plain MkDocs + Material reference", file=sys.stderr)
            plain = _plain_reference(n, project)
            rows.append(measure(
                "plain MkDocs + Material, default nav", n,
                [MKDOCS, "build", "-q", "-f", str(plain / "mkdocs.yml"), "-d", str(plain / "site")],
                runs if n < 5000 else reference_large_runs, ENV))
        weights[n] = page_weights(project)
        _write(rows, weights, ["(pending)"], all_runs, large_runs, label)  # keep what we have so far
    browser = _browser_figures(sizes, seed)
    return _write(rows, weights, browser, all_runs, large_runs, label)


def _serve_reload(n: int, cfg: str, runs: int) -> Measurement:
    """`mkdocs serve`'s path: the second build in one process, after editing one offer."""
    import subprocess

    result = Measurement("serve reload path (in-process rebuild after one edit)", n)
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-m", "benchmarks.serve_reload", cfg],
                              capture_output=True, text=True, env={**os.environ, **ENV})
        if proc.returncode != 0:
            result.failed = f"exit {proc.returncode}"
            break
        result.seconds.append(float(proc.stdout.split("reload build:")[1].split()[0]))
    return result


def _browser_figures(sizes: list[int], seed: int) -> list[str]:
    """Chromium figures from the map and hours benchmark scripts, when they exist."""
    lines = []
    for module in ("benchmarks.map_bench", "benchmarks.hours_browser"):
        if not (ROOT / (module.replace(".", "/") + ".py")).exists():
            lines.append(f"- `{module}`: not present")
            continue
        import subprocess

        proc = subprocess.run([sys.executable, "-m", module], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **ENV}, timeout=900)
        out = (proc.stdout or proc.stderr).strip().splitlines()
        lines.append(f"- `{module}` (exit {proc.returncode}): " + " · ".join(out[-6:]))
    return lines


def _median(rows: list[Measurement], name: str, n: int) -> Measurement | None:
    for row in rows:
        if row.name == name and row.n == n and row.seconds:
            return row
    return None


def target_rows(rows: list[Measurement], weights: dict[int, dict[str, int]]) -> list[str]:
    """The issue's targets against this run's medians (only those this run measured)."""
    out = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def seconds(label: str, name: str, n: int, limit: float) -> None:
        row = _median(rows, name, n)
        if row:
            out.append(f"| {label} ≤ {limit:g} s | {row.median:.1f} s | {verdict(row.median <= limit)} |")

    seconds("whole build, 1,000, warm", "build, warm", 1000, 20)
    seconds("whole build, 1,000, cold (flyers included)", "build, cold (flyer cache empty)", 1000, 35)
    big = _median(rows, "build, warm", 10000)
    if big:
        ok = big.median <= 240 and big.peak_rss <= 2048
        out.append(f"| whole build, 10,000, warm ≤ 240 s, RSS ≤ 2 GB | {big.median:.1f} s, "
                   f"{big.peak_rss:.0f} MiB | {verdict(ok)} |")
    small = _median(rows, "build, warm", 1000)
    if big and small:
        ratio = big.median / small.median
        out.append(f"| time(10,000) ≤ 11 × time(1,000), warm | {ratio:.1f} × | {verdict(ratio <= 11)} |")
    plain = _median(rows, "plain MkDocs + Material, default nav", 1000)
    if small and plain:
        ratio = small.median / plain.median
        out.append(f"| ≤ 0.6 × plain MkDocs + Material, 1,000 | {ratio:.2f} × | {verdict(ratio <= 0.6)} |")
    seconds("`atlas check`, 10,000", "atlas check", 10000, 10)
    seconds("rebuild after one edit, 1,000 (`mkdocs serve`)",
            "serve reload path (in-process rebuild after one edit)", 1000, 5)
    biggest = max((w.get("offer_html_max", 0) for w in weights.values() if w), default=0)
    if biggest:
        out.append(f"| offer page HTML ≤ 60 KB | {biggest / 1000:.1f} KB (largest at any N) | "
                   f"{verdict(biggest <= 60_000)} |")
    five = weights.get(5000) or {}
    if five:
        total = five["map_html"] + five["map_data"]
        out.append(f"| overview map, 5,000: HTML + data ≤ 1.5 MB | {total / 1e6:.2f} MB | "
                   f"{verdict(total <= 1_500_000)} |")
    return out


def _fmt(value: float) -> str:
    return "—" if value != value else f"{value:.2f}"


def _write(rows: list[Measurement], weights: dict[int, dict[str, int]], browser: list[str], runs: int,
           large_runs: int, label: str = "") -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    today = dt.date.today().isoformat()
    out = RESULTS / (f"{today}-{label}.md" if label else f"{today}.md")
    cpu = os.cpu_count()
    lines = [
        f"# Benchmarks {today}" + (f" ({label})" if label else ""),
        "",
        f"Machine: {cpu} cores, Python {sys.version.split()[0]}. Median of {runs} runs for N < 5,000, "
        f"{large_runs} for N ≥ 5,000. "
        "Peak RSS is the build process itself (flyer worker processes not included).",
        "",
        "| benchmark | N | median s | min s | max s | peak RSS MiB | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        note = row.failed or row.note
        lines.append(
            f"| {row.name} | {row.n or ''} | {_fmt(row.median)} | {_fmt(row.low)} | {_fmt(row.high)} | {_fmt(row.peak_rss)} | {note} |"
        )
    lines += ["", "## Page weight (bytes, largest offer page; map data included)", "",
              "| N | offer HTML median | offer HTML max | offer first visit | map HTML | map data | map first visit |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for n, w in weights.items():
        if w:
            lines.append(f"| {n} | {w['offer_html_median']} | {w['offer_html_max']} | {w['offer_first_visit']} | "
                         f"{w['map_html']} | {w['map_data']} | {w['map_first_visit']} |")
    lines += ["", "## Targets (issue 9)", "", "| target | measured | |", "| --- | --- | --- |",
              *target_rows(rows, weights)]
    lines += ["", "## In Chromium", "", *browser, ""]
    series: dict[str, list[tuple[int, float]]] = {}
    for row in rows:
        if row.seconds and row.n and row.name in ("build, warm", "build, cold (flyer cache empty)", "plain MkDocs + Material, default nav", "atlas check"):
            series.setdefault(row.name, []).append((row.n, row.median))
    chart = out.with_suffix(".png")
    line_chart(series, chart, "Bauzeit gegen Zahl der Angebote")
    lines.append(f"![build time against N]({chart.name})")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference-max", type=int, default=5000,
                        help="largest N for the plain MkDocs reference (it grows quadratically)")
    parser.add_argument("--large-runs", type=int, default=3, help="runs for N ≥ 5,000")
    parser.add_argument("--reference-large-runs", type=int, default=1,
                        help="runs of the plain MkDocs reference for N ≥ 5,000 (11 minutes each at 5,000)")
    parser.add_argument("--short-large", action="store_true",
                        help="for N ≥ 5,000 skip the edit/reload rows (each is one more full build)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--label", default="", help="results file <date>-<label>.md (a partial run beside the full one)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    out = run(sizes, args.runs, args.reference_max, args.seed, args.large_runs, not args.short_large,
              args.reference_large_runs, args.label)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
