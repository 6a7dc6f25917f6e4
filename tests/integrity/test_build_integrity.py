"""Build integrity on the sample atlas: atomic, deterministic, link-clean, sub-path safe.

These tests run the real `atlas build` in subprocesses (a kill must hit a real process).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from build_tools.linkcheck import check_site

from ..conftest import ROOT

ATLAS = str(Path(sys.executable).parent / "atlas")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("integrity")]


def _tree_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def _project_copy(tmp: Path) -> Path:
    """A copy of the repository's content and config, so tests may break it."""
    project = tmp / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "site_templates").symlink_to(ROOT / "site_templates")
    shutil.copytree(ROOT / "flyers", project / "flyers")
    return project


def _build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [ATLAS, "build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site), *extra],
        cwd=project, env=ENV, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("integrity")
    project = _project_copy(tmp)
    site = tmp / "site"
    result = _build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, site


def test_two_builds_are_byte_identical(built, tmp_path):
    """The second build is a warm one: what the first kept (parsed YAML, rendered Markdown,
    flyer PDFs, twins, the search bundle) must give the same bytes as making it all anew."""
    project, site = built
    kept = sorted(p.name for p in (project / ".cache" / "memo").iterdir())
    assert {"markdown-main.pickle", "yaml-main.pickle"} <= set(kept), kept
    second = tmp_path / "site2"
    result = _build(project, second)
    assert result.returncode == 0, result.stderr[-3000:]
    first, again = _tree_hashes(site), _tree_hashes(second)
    assert first.keys() == again.keys()
    differing = sorted(k for k in first if first[k] != again[k])
    assert differing == [], f"files differ between two builds: {differing[:10]}"


def test_site_is_link_clean(built):
    _, site = built
    broken = check_site(site)
    assert broken == [], "\n".join(str(b) for b in broken[:30])
    # the walk covered every language tree's overview pages, not only the German ones
    for lang in ("en", "uk", "ar", "tr"):
        for page in ("", "angebote/", "karte/", "kategorien/", "kategorien/essen/", "sozialraeume/"):
            assert (site / lang / page / "index.html").is_file(), f"{lang}/{page}"


def test_failed_build_leaves_previous_site_intact(built, tmp_path):
    project, site = built
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = _tree_hashes(target)
    bad = project / "content" / "offers" / "zz-kaputt.yml"
    bad.write_text("title: Kaputt\nsummary: x\ncategory: essen\nlocation: {lat: 91, lon: 6.4}\nlast_verified: 2026-10-01\n", encoding="utf-8")
    try:
        result = _build(project, target)
    finally:
        bad.unlink()
    assert result.returncode == 1
    assert "zz-kaputt.yml:4:17: error: location.lat: darf höchstens 90 sein" in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree_hashes(target) == before


def test_killed_build_leaves_previous_site_intact(built, tmp_path):
    project, site = built
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = _tree_hashes(target)
    proc = subprocess.Popen(
        [ATLAS, "build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(target)],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    # Kill once the build has started writing somewhere beside the target.
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p != target for p in tmp_path.iterdir()):
            break
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _tree_hashes(target) == before
    # The next build succeeds and cleans up what the killed one left behind.
    result = _build(project, target)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_site_works_under_a_sub_path(tmp_path):
    project = _project_copy(tmp_path)
    # Another deployment: the sample's printed URLs belong to the sample's own site_url.
    (project / "flyers" / "printed-urls.txt").unlink()
    root = tmp_path / "www"
    site = root / "hilfe"
    result = _build(project, site, "--site-url", "https://example.org/hilfe/")
    assert result.returncode == 0, result.stderr[-3000:]
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/hilfe/"
        for path in ("", "angebote/", "karte/", "daten/"):
            with urllib.request.urlopen(base + path) as response:
                assert response.status == 200
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
        assert "https://example.org/hilfe/angebote/" in sitemap
    finally:
        server.shutdown()
    assert check_site(site, "/hilfe/") == []


def test_build_refuses_to_break_a_printed_url(built, tmp_path):
    project, site = built
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = _tree_hashes(target)
    victim = project / "content" / "offers" / "fruehstueck-bahnhofsmission.yml"
    saved = victim.read_bytes()
    victim.unlink()
    try:
        result = _build(project, target)
    finally:
        victim.write_bytes(saved)
    assert result.returncode == 1
    assert ("flyers/printed-urls.txt:" in result.stderr
            and "angebote/fruehstueck-bahnhofsmission/ (gedruckt am 2026-10-15 auf "
            "fruehstueck-bahnhofsmission-aushang.pdf) führt ins Leere" in result.stderr)
    assert _tree_hashes(target) == before


def test_printed_aliases_and_ended_offers_still_answer(built):
    _, site = built
    alias = (site / "angebote" / "tafel" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../tafel-innenstadt/"' in alias and 'lang="de"' in alias
    tombstone = (site / "angebote" / "mieterberatung-innenstadt" / "index.html").read_text(encoding="utf-8")
    assert "Dieses Angebot gibt es nicht mehr" in tombstone
    assert 'name="robots" content="noindex' in tombstone
    listing = (site / "angebote" / "index.html").read_text(encoding="utf-8")
    assert "mieterberatung-innenstadt/" not in listing
