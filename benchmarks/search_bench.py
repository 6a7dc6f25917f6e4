"""Search budgets (issue 16), measured: indexing, the warm build before/after, a first search.

    python -m benchmarks.search_bench                      # 1,000 offers (indexing, builds), 5,000 (browser)
    python -m benchmarks.search_bench --pairs 3 --browser-size 5000 --before dee238d

* **Indexing at N offers** (in this process): rendering the search records; Pagefind through
  our service client (what the build does); the same records through the ``pagefind`` CLI over
  a folder; the CLI over the built offer pages; Pagefind's own Python API (first 100 records,
  extrapolated: it reads one answer every 100 ms).
* **Warm build before/after**: ``atlas build`` of the same N offers with the tree of the commit
  before the Pagefind search (Material's search plugin + our lunr entries) and with this tree,
  alternating (A B A B …) after one warm-up each, so a drift of the shared machine hits both.
* **A first search at M offers** in Debian's Chromium: ``suche/?q=Dusche`` from a cold cache —
  every response, gzip-compressed as a server would send it (Pagefind's files are gzip
  already) — and the milliseconds from the last keystroke to the results on screen.

Budgets: first search ≤ 150 KB gzip including the search code; results ≤ 300 ms after the last
keystroke; indexing adds ≤ 2 s at 1,000 offers; the warm build is faster than before.
Results: benchmarks/results/search.md (all parts; a subset writes search-<parts>.md).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import gzip
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from io import BytesIO
from pathlib import Path

import yaml

from .harness import publish, run_measured

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "search"
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
BEFORE = "dee238d"
"""The last commit with Material's search plugin (the one before the Pagefind search)."""
TRANSFER_BUDGET = 150_000
KEYSTROKE_BUDGET_MS = 300
INDEX_BUDGET_S = 2.0


# --- projects and trees ---------------------------------------------------------------------

def content(n: int) -> Path:
    """N generated offers (``atlas generate``, seed 1), made once."""
    folder = WORK / f"content-{n}"
    if not (folder / "offers").is_dir() or len(list((folder / "offers").glob("*.yml"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        atlas = str(Path(sys.executable).parent / "atlas")
        subprocess.run([atlas, "generate", "--offers", str(n), "--seed", "1", "--out", str(folder)],
                       check=True, env={**os.environ, **ENV}, capture_output=True)
        # The sample's categories and target groups (same ids, a superset): their need words
        # make the records as large as a real atlas's.
        for name in ("categories.yml", "target_groups.yml"):
            shutil.copy(ROOT / "content" / name, folder / name)
    return folder


def tree(commit: str) -> Path:
    """The repository at ``commit`` (``git archive``), for a build with that code."""
    folder = WORK / "trees" / commit
    if not (folder / "build_tools").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        data = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=BytesIO(data)) as archive:
            archive.extractall(folder, filter="data")
    return folder


def project(code: Path, offers: Path, name: str) -> Path:
    """A project for ``offers`` with the mkdocs.yml of the tree ``code`` (its own plugins)."""
    folder = WORK / name
    folder.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((code / "mkdocs.yml").read_text(encoding="utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "atlas" in entry:
            entry["atlas"]["content_dir"] = str(offers)
            entry["atlas"].pop("region", None)
    config["docs_dir"] = str(code / "content" / "pages")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


LAUNCH = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    # the editable install's finder would import this checkout whatever sys.path says
    "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in getattr(f, '__module__', '')]; "
    "from build_tools.cli import main; sys.exit(main(sys.argv[1:]))"
)


def build_seconds(code: Path, folder: Path) -> float:
    """Wall time of ``atlas build`` with the code of ``code`` (a fresh process)."""
    argv = [sys.executable, "-c", LAUNCH, str(code), "build", "--config", str(folder / "mkdocs.yml"),
            "--site-dir", str(folder / "site")]
    seconds, _rss, code_, err = run_measured(argv, env=ENV, cwd=str(folder))
    if code_:
        raise SystemExit(f"build failed ({folder}):\n{err}")
    return seconds


# --- indexing ----------------------------------------------------------------------------------

def records_for(offers: Path):
    """The search records of a content folder, and the seconds they add to the offer pages.

    The offer pages are rendered twice, with and without their records; the difference is what
    the records cost in a build (they reuse the page's Markdown, hours and schedule).
    """
    sys.path.insert(0, str(ROOT))
    from build_tools import urls
    from build_tools.clock import build_date
    from build_tools.config import AtlasConfig
    from build_tools.content import load_catalog
    from build_tools.pages import offer as offer_pages
    from build_tools.pages.common import PageInputs
    from build_tools.search.bundle import Record
    from build_tools.templating import templates_for

    catalog = load_catalog(offers, AtlasConfig(name="Bench"), build_date()).catalog
    facts = PageInputs(catalog=catalog, templates=templates_for(None))
    pages = [offer_pages.offer_page(facts, o) for o in catalog.offers]  # warm: caches, templates
    start = time.perf_counter()
    pages = [offer_pages.offer_page(facts, o) for o in catalog.offers]
    with_records = time.perf_counter() - start
    real = offer_pages.offer_record
    offer_pages.offer_record = lambda *args: None
    try:
        start = time.perf_counter()
        for o in catalog.offers:
            offer_pages.offer_page(facts, o)
        without = time.perf_counter() - start
    finally:
        offer_pages.offer_record = real
    found = [Record(urls.offer_path(p.path.split("/")[1]), p.search) for p in pages if p.search is not None]
    return found, with_records - without


def index_figures(records, site: Path | None) -> dict[str, float]:
    """Seconds for each way of indexing the same records."""
    from build_tools.search.bundle import build_bundle, executable

    figures: dict[str, float] = {}
    start = time.perf_counter()
    build_bundle(records)
    figures["service client (the build)"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        for record in records:
            target = Path(tmp, "site", record.path, "index.html")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record.html, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([str(executable()), "--site", f"{tmp}/site", "--output-path", f"{tmp}/out",
                        "--silent"], check=True)
        figures["CLI over the records (written to a folder)"] = time.perf_counter() - start
        if site is not None:
            start = time.perf_counter()
            subprocess.run([str(executable()), "--site", str(site), "--glob", "angebote/*/index.html",
                            "--output-path", f"{tmp}/pages", "--silent"], check=True)
            figures["CLI over the built offer pages"] = time.perf_counter() - start
    figures["Pagefind's Python API (100 records, ×N/100)"] = _python_api(records[:100]) * len(records) / 100
    return figures


def _python_api(records) -> float:
    from pagefind.index import PagefindIndex

    async def run() -> None:
        with tempfile.TemporaryDirectory() as out:
            async with PagefindIndex(config={"output_path": out}) as index:
                for record in records:
                    await index.add_html_file(content=record.html, url="/" + record.path)

    start = time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - start


# --- the browser -------------------------------------------------------------------------------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def browser_figures(site: Path) -> dict[str, float]:
    """Bytes of a first search from a cold cache, and ms after the last keystroke."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    figures: dict[str, float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-background-networking"])
            context = browser.new_context(viewport={"width": 360, "height": 800}, locale="de-DE")
            page = context.new_page()
            sizes: dict[str, int] = {}

            def counted(response) -> None:
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - redirects have no body
                    return
                sizes[response.url] = len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, 6))

            page.on("response", counted)
            page.goto(base + "suche/?q=Dusche", wait_until="load")
            page.wait_for_selector("[data-atlas-results] a", timeout=60_000)
            page.wait_for_load_state("networkidle")
            search = {u: n for u, n in sizes.items() if "/pagefind/" in u or "atlas-search" in u or "atlas-hours" in u}
            figures["first search: search code + index (B, gzip)"] = sum(search.values())
            figures["first search: Pagefind code (B)"] = sum(n for u, n in search.items() if u.endswith(".js") and "/pagefind/" in u)
            figures["first search: WebAssembly (B)"] = sum(n for u, n in search.items() if u.endswith(".pagefind"))
            figures["first search: index, metadata, filters, fragments (B)"] = sum(
                n for u, n in search.items() if ".pf_" in u or u.endswith(".json"))
            figures["first search: search page HTML (B)"] = sum(n for u, n in sizes.items() if u.split("?")[0].endswith("/suche/"))
            figures["first search: everything incl. page and theme (B, gzip)"] = sum(sizes.values())
            figures["first search: requests"] = len(sizes)
            context.close()
            context = browser.new_context(locale="de-DE")
            page = context.new_page()
            page.goto(base + "suche/")
            figures["first query on the page, engine cold (ms)"] = _keystroke_ms(page, "Notunterkunft")
            times = [_keystroke_ms(page, q) for q in ("Dusche", "Kleiderkammer", "essen umsonst", "Zahnarzt", "obdachlos")]
            figures["later queries, median (ms)"] = statistics.median(times)
            figures["later queries, slowest (ms)"] = max(times)
            browser.close()
    finally:
        server.shutdown()
    return figures


def _keystroke_ms(page, query: str) -> float:
    page.fill("#atlas-q", "")
    page.wait_for_timeout(300)
    page.locator("#atlas-q").press_sequentially(query, delay=30)
    start = time.perf_counter()
    page.wait_for_function(
        """q => { const s = document.querySelector('[data-atlas-search-status]').textContent;
           return s && !s.startsWith('Suche läuft') && new URLSearchParams(location.search).get('q') === q; }""", arg=query, timeout=60_000)
    return (time.perf_counter() - start) * 1000


# --- the report --------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="offers for indexing and the builds")
    parser.add_argument("--browser-size", type=int, default=5000, help="offers for the first search")
    parser.add_argument("--pairs", type=int, default=3, help="before/after build pairs")
    parser.add_argument("--before", default=BEFORE, help="commit with the old search")
    parser.add_argument("--parts", default="builds,index,browser",
                        help="what to measure: builds, index, browser (comma-separated)")
    parser.add_argument("--after", default="HEAD",
                        help="commit (or a folder with a tree) with the new search; not the work "
                             "tree: it holds others' unfinished work")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    lines = [f"# Search — {dt.date.today().isoformat()}", "",
             f"Machine: {os.cpu_count()} cores, shared. Pagefind 1.5.2 (pagefind-bin).", ""]

    parts = set(args.parts.split(","))
    offers = content(args.size)
    if Path(args.after).is_dir():  # a tree made by hand, e.g. the old code plus only the search commits
        after_commit, after_code = Path(args.after).name, Path(args.after).resolve()
    else:
        after_commit = subprocess.run(["git", "rev-parse", "--short", args.after], cwd=ROOT, check=True,
                                      capture_output=True, text=True).stdout.strip()
        after_code = tree(after_commit)
    before_code = tree(args.before)
    after = project(after_code, offers, f"after-{args.size}")
    if "builds" in parts:
        lines += _builds(args, offers, before_code, after_code, after, after_commit)
    if "index" in parts:
        if not (after / "site").is_dir():
            build_seconds(after_code, after)
        lines += _indexing(offers, after)
    if "browser" in parts:
        big = project(after_code, content(args.browser_size), f"after-{args.browser_size}")
        build_seconds(after_code, big)
        lines += _browser(args, big)
    name = "search.md" if parts == {"builds", "index", "browser"} else f"search-{'-'.join(sorted(parts))}.md"
    publish(name, "\n".join(lines))
    return 0


def _builds(args, offers: Path, before_code: Path, after_code: Path, after: Path, after_commit: str) -> list[str]:
    before = project(before_code, offers, f"before-{args.size}")
    build_seconds(before_code, before)  # warm-up: flyer caches, imports
    build_seconds(after_code, after)
    pairs = [(build_seconds(before_code, before), build_seconds(after_code, after)) for _ in range(args.pairs)]
    old, new = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    ratio = statistics.median(b / a for a, b in pairs)
    return [f"## Warm build, {args.size} offers ({args.pairs} alternating pairs, median)", "",
            "| Code | Search | Build (s) |", "|---|---|---:|",
            f"| {args.before} (before) | Material search plugin + our lunr entries | {old:.1f} |",
            f"| {after_commit} (after) | Pagefind records, indexed while MkDocs renders | {new:.1f} |", "",
            f"- after / before, pair by pair (median): {ratio:.2f} ({'faster' if ratio < 1 else 'NOT faster'})",
            "- pairs (before, after): " + ", ".join(f"({a:.1f}, {b:.1f})" for a, b in pairs), ""]


def _indexing(offers: Path, after: Path) -> list[str]:
    records, render_s = records_for(offers)
    figures = index_figures(records, after / "site")
    lines = [f"## Indexing, {len(records)} records", "", "| Step | Seconds |", "|---|---:|",
             f"| rendering the records (added to the offer pages) | {render_s:.2f} |"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in figures.items()]
    service = figures["service client (the build)"]
    return lines + ["", f"- indexing {service:.2f} s + records {render_s:.2f} s (budget {INDEX_BUDGET_S:.0f} s): "
                    + ("ok" if service + render_s <= INDEX_BUDGET_S else "OVER"),
                    "- the service runs in a thread while MkDocs renders the pages: its seconds overlap the build", ""]


def _browser(args, big: Path) -> list[str]:
    shown = browser_figures(big / "site")
    lines = [f"## A first search, {args.browser_size} offers (Chromium, cold cache, 360 px)", "",
             "| Figure | Value |", "|---|---:|"]
    lines += [f"| {name} | {value:,.0f} |" for name, value in shown.items()]
    search_bytes = shown["first search: search code + index (B, gzip)"]
    slowest = shown["later queries, slowest (ms)"]
    return lines + ["", f"- search transfer {search_bytes / 1000:.0f} KB (budget {TRANSFER_BUDGET // 1000} KB): "
                    + ("ok" if search_bytes <= TRANSFER_BUDGET else "OVER"),
                    f"- results after the last keystroke, slowest {slowest:.0f} ms (budget {KEYSTROKE_BUDGET_MS} ms): "
                    + ("ok" if slowest <= KEYSTROKE_BUDGET_MS else "OVER"), ""]


if __name__ == "__main__":
    sys.exit(main())
