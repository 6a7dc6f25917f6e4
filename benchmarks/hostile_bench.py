"""Validation of 10,000 offers plus one pathological file: bounded time and memory.

Each scenario is the same generated tree (``atlas generate``, 10,000 offers) with one hostile
file added to ``offers/``; validation (``load_catalog``, what ``atlas check`` runs) happens in a
fresh child process, so peak RSS (``wait4``/``getrusage``) belongs to that run alone.

    python -m benchmarks.hostile_bench                 # 10,000 offers, all scenarios
    python -m benchmarks.hostile_bench --offers 1000   # quick look

Writes ``benchmarks/results/hostile.md`` and ``hostile.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .harness import run_measured

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "hostile"
RESULTS = ROOT / "benchmarks" / "results"
ENV = {"SOURCE_DATE_EPOCH": "1795305600"}  # 2026-11-22
CAP = 256 * 1024


def _bomb() -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _under_cap(prefix: bytes, filler: bytes, suffix: bytes = b"\n") -> bytes:
    room = CAP - len(prefix) - len(suffix)
    return prefix + (filler * (room // len(filler) + 1))[:room] + suffix


# name → (what it is, file content). Every file but "10 MB string" stays within the size cap,
# so the loader really has to look at it.
SCENARIOS: dict[str, tuple[str, bytes | None]] = {
    "baseline": ("10,000 valid offers, nothing else", None),
    "alias-bomb": ("billion laughs, 9^30 nodes if expanded (1.9 KB)", _bomb()),
    "nesting-flow": ("256 KB of '[' (flow nesting)", _under_cap(b"title: ", b"[", b"")),
    "nesting-block": (
        "256 KB of block mappings nested one level per line (720 levels)",
        b"".join(b" " * i + b"k:\n" for i in range(720))[:CAP],
    ),
    "string-10mb": ("one 10 MB title", b"title: " + b"A" * (10 * 1024 * 1024) + b"\n"),
    "string-256kb": (
        "one 256 KB description (valid YAML, too long)",
        _under_cap(
            b"title: T\nsummary: S\ncategory: essen\nlocation: {lat: 50.8, lon: 6.5}\n"
            b"last_verified: 2026-10-01\ndescription: ", b"Lorem ipsum "
        ),
    ),
    "markdown-brackets": (
        "256 KB of '[' in a description (Markdown budget)",
        _under_cap(b'title: T\ndescription: "', b"[", b'"\n'),
    ),
    "many-keys": (
        "~25,000 distinct unknown keys (one problem each)",
        b"".join(b"k%d: 1\n" % i for i in range(40_000))[:CAP].rsplit(b"\n", 1)[0] + b"\n",
    ),
}

CHILD = """
import json, resource, sys, time
from pathlib import Path
from build_tools.clock import build_date
from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
start = time.perf_counter()
result = load_catalog(Path(sys.argv[1]), AtlasConfig(), build_date())
seconds = time.perf_counter() - start
errors = sum(p.severity == "error" for p in result.problems)
# The pathological file alone, through the same loader and schema (what it adds to a run).
lone = Path(sys.argv[1]) / "offers" / "zz-pathologisch.yml"
file_seconds = None
if lone.exists():
    import shutil, tempfile
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "c"
        shutil.copytree(Path(sys.argv[1]), tree, ignore=shutil.ignore_patterns("*.yml"))
        (tree / "offers").mkdir(exist_ok=True)
        for name in ("categories.yml", "target_groups.yml"):
            shutil.copy(Path(sys.argv[1]) / name, tree / name)
        shutil.copy(lone, tree / "offers" / lone.name)
        t0 = time.perf_counter()
        load_catalog(tree, AtlasConfig(), build_date())
        file_seconds = time.perf_counter() - t0
Path(sys.argv[2]).write_text(json.dumps({"seconds": seconds, "file_seconds": file_seconds, "problems": len(result.problems), "errors": errors,
                  "offers": len(result.catalog.offers) if result.catalog else None,
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _tree(offers: int) -> Path:
    base = WORK / f"n{offers}"
    if not (base / "offers").is_dir() or len(list((base / "offers").glob("*.yml"))) != offers:
        shutil.rmtree(base, ignore_errors=True)
        base.parent.mkdir(parents=True, exist_ok=True)
        atlas = str(Path(sys.executable).parent / "atlas")
        subprocess.run([atlas, "generate", "--offers", str(offers), "--seed", "8",
                        "--out", str(base), "--today", "2026-11-22"], check=True)
    return base


def run(offers: int, repeat: int = 3) -> list[dict]:
    base = _tree(offers)
    rows = []
    for name, (what, data) in SCENARIOS.items():
        path = base / "offers" / "zz-pathologisch.yml"
        path.unlink(missing_ok=True)
        if data is not None:
            path.write_bytes(data)
        outfile = WORK / "child.json"
        argv = [sys.executable, "-c", CHILD, str(base), str(outfile)]
        runs = []
        for _ in range(repeat):
            seconds, rss, code, err = run_measured(argv, ENV, str(ROOT))
            if code:
                raise SystemExit(f"{name}: validation crashed:\n{err}")
            runs.append((json.loads(outfile.read_text()), seconds, rss))
        inner, seconds, rss = min(runs, key=lambda r: r[0]["seconds"])  # least disturbed run
        lone = min((r[0]["file_seconds"] or 0) for r in runs)
        rows.append({"scenario": name, "what": what, "wall_s": round(seconds, 2),
                     "validate_s": round(inner["seconds"], 2), "file_s": round(lone, 3),
                     "peak_rss_mib": round(max(r[2] for r in runs), 1),
                     "problems": inner["problems"], "errors": inner["errors"]})
        print(f"{name:18} {inner['seconds']:6.2f} s validate, {lone:6.3f} s file alone, "
              f"{seconds:6.2f} s wall, {rss:6.1f} MiB peak, {inner['problems']} problems", flush=True)
        path.unlink(missing_ok=True)
    return rows


def write(rows: list[dict], offers: int) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "hostile.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    lines = [
        f"# Validation of {offers:,} offers plus one pathological file",
        "",
        "`python -m benchmarks.hostile_bench` — `load_catalog` (what `atlas check` runs) in a fresh",
        "process; wall time includes interpreter start and imports, peak RSS from `wait4`.",
        f"Machine: {os.cpu_count()} CPUs (shared), Python {sys.version.split()[0]}.",
        "",
        "Validation s: the fastest of the runs (the machine is shared; slower runs measure the",
        "neighbours). File alone s: the same catalog load with only the pathological file.",
        "",
        "| scenario | file | validation s | file alone s | wall s | peak RSS MiB | problems |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['scenario']} | {r['what']} | {r['validate_s']} | {r['file_s']} | {r['wall_s']} "
        f"| {r['peak_rss_mib']} | {r['problems']} |" for r in rows
    ]
    (RESULTS / "hostile.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = run(args.offers, args.runs)
    write(rows, args.offers)


if __name__ == "__main__":
    main()
