"""Every command the README documents works on a fresh clone: `make check`, `make schema`,
`make flyers`, `make export`, `make report` and `make help` run in a copy of the tracked files
(`make build` and `make serve` have their own tests; `make test` is this suite; `make bench`
takes an hour, so its recipe is checked and its driver runs at a tiny size).

The copy uses this checkout's virtual environment (`VENV=…`, and `-o` tells make not to
reinstall it from the copy), so nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.buildkit import fresh_clone

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    return fresh_clone(tmp_path_factory.mktemp("clone"))


def make(clone: Path, target: str, timeout: float = 600) -> subprocess.CompletedProcess:
    venv = Path(sys.prefix)
    command = ["make", "-s", f"VENV={venv}", "-o", f"{venv}/.installed", "-o", f"{venv}/.installed-test",
               target]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795305600"}
    done = subprocess.run(command, cwd=clone, capture_output=True, text=True, timeout=timeout, env=env)
    assert done.returncode == 0, f"make {target}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_make_check(clone):
    done = make(clone, "check")
    assert "0 Fehler" in done.stdout + done.stderr


def test_make_schema_reproduces_the_committed_schemas(clone):
    committed = {p.name: p.read_bytes() for p in (clone / "content" / "schema").glob("*.json")}
    make(clone, "schema")
    written = {p.name: p.read_bytes() for p in (clone / "content" / "schema").glob("*.json")}
    assert committed and written == committed
    assert (clone / "docs" / "felder.md").read_bytes() == (ROOT / "docs" / "felder.md").read_bytes()


def test_make_flyers(clone):
    make(clone, "flyers")
    pdfs = sorted((clone / "build" / "flyers").rglob("*.pdf"))
    offers = list((clone / "content" / "offers").glob("*.yml"))
    assert len(pdfs) >= len(offers)  # a card and a poster per printable offer, plus the Wegweiser
    assert all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)


def test_make_export(clone):
    make(clone, "export")
    out = clone / "site" / "daten"
    geojson = json.loads((out / "angebote.geojson").read_text(encoding="utf-8"))
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    assert (out / "angebote.csv").read_text(encoding="utf-8").count("\n") > 10


def test_make_report(clone):
    make(clone, "report")
    out = clone / "planungsbericht"
    assert any(out.glob("*.md")) and any(out.glob("*.csv"))
    assert any(p.read_bytes().startswith(b"%PDF-") for p in out.glob("*.pdf"))


def test_make_help_names_the_commands(clone):
    text = make(clone, "help").stdout
    for target in ("build", "test", "check", "serve", "bench"):
        assert f"make {target}" in text


def test_make_bench_runs_the_benchmark_driver(clone):
    recipe = subprocess.run(["make", "-n", f"VENV={sys.prefix}", "-o", f"{sys.prefix}/.installed-test",
                             "-o", f"{sys.prefix}/.installed", "bench", "bench-quick"],
                            cwd=clone, capture_output=True, text=True, check=True).stdout
    assert recipe.count("-m benchmarks.run") == 2
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--sizes", "20", "--runs", "1",
                           "--reference-max", "20", "--label", "smoke"],
                          cwd=clone, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    (results,) = (clone / "benchmarks" / "results").glob("*-smoke.md")
    text = results.read_text(encoding="utf-8")
    assert "| build, warm | 20 |" in text and "plain MkDocs + Material" in text
    # a failed step is a row too ("exit 1: …" as its note): none may have failed
    assert not re.search(r"\| exit -?\d+", text), text
    assert "(exit 0)" in text and "Error" not in text  # the browser benchmarks ran too


def test_the_language_benchmark_builds_both_ways(clone):
    """benchmarks/languages_bench.py (issue 18's budget) at 20 offers: both builds succeed and
    the result names every language tree with its offer pages."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.languages_bench", "--offers", "20",
                           "--pairs", "1"], cwd=clone, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    text = (clone / "benchmarks" / "results" / "languages.md").read_text(encoding="utf-8")
    assert "| de, en, uk, ar, tr |" in text
    assert re.search(r"Offer pages: de [\d,]+, en \d+, uk \d+, ar \d+, tr \d+\.", text), text
    assert re.search(r"adds -?\d+% of the German build .*: (met|missed)", text), text


def test_the_planning_budget_benchmark_runs_small(clone):
    """benchmarks/planning_budget.py (issue 22's budget) at 16 districts, 200 offers, a
    2,500-node network and 50 stops: the region is written, the planning step runs in a child
    process, and the result names the sizes it measured and a verdict."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.planning_budget", "--grid", "4",
                           "--offers", "200", "--nodes", "2500", "--stops", "50"],
                          cwd=clone, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    text = (clone / "benchmarks" / "results" / "planning-budget.md").read_text(encoding="utf-8")
    assert "Region: 16 districts, 200 offers, street network 2,5" in text, text
    assert re.search(r"GTFS 50 stops, [\d,]+ trips", text), text
    assert re.search(r"\| whole planning step \| [\d.]+ s, [\d.]+ s \|", text), text
    assert re.search(r"\| peak RSS \| [\d,]+ MiB \|", text), text
    assert re.search(r"Budget ≤ 120 s and ≤ 2 GB: [\d.]+ s, [\d,]+ MiB — met\.", text), text


def test_the_desk_benchmark_builds_with_and_without_the_desk(clone):
    """benchmarks/desk_bench.py (issue 21's figure) at 30 offers: both builds succeed and the
    result gives the desk's cost, its rows and the load phase's git log."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.desk_bench", "--offers", "30",
                           "--pairs", "1"], cwd=clone, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    text = (clone / "benchmarks" / "results" / "desk.md").read_text(encoding="utf-8")
    assert re.search(r"\| editorial_desk: true \| [\d.]+ \|", text), text
    assert re.search(r"\| editorial_desk: false \| [\d.]+ \|", text), text
    assert re.search(r"the desk family alone, in one process: \d+ ms for \d+ rows", text), text
    assert re.search(r"git log on a repository with the \d+ offer files in one commit", text), text


def test_the_planning_benchmark_runs_small(clone):
    """benchmarks/planning_bench.py at 200 offers: the planning family renders through the
    driver's own Tools and the report names its parts."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.planning_bench", "--offers", "200",
                           "--grid", "4", "--districts", "5"],
                          cwd=clone, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert re.search(r"render \(total\)\s+[\d.]+", done.stdout), done.stdout
