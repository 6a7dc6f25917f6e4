"""The search bundle cache: a warm build runs no Pagefind, a changed record runs it again."""

from __future__ import annotations

import shutil

import pytest

from build_tools.cli import main
from build_tools.search import bundle, cache
from build_tools.search.bundle import Record
from build_tools.search.cache import KEEP, BundleCache, bundle_key
from tests.adapters.project import FIXTURE, write_project


@pytest.fixture(autouse=True)
def _quiet_env(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_the_key_follows_every_record_and_their_order():
    a, b = Record("angebote/a/", "<h1>Tafel</h1>"), Record("angebote/b/", "<h1>Dusche</h1>")
    key = bundle_key([a, b])
    assert bundle_key([a, b]) == key
    assert bundle_key([b, a]) != key  # the order numbers Pagefind's pages
    assert bundle_key([a, Record("angebote/b/", "<h1>Duschen</h1>")]) != key
    assert bundle_key([Record("angebote/a/<h1>Tafel</h1>", ""), b]) != key  # no ambiguous joins


def test_the_key_changes_with_the_search_code(monkeypatch):
    records = [Record("angebote/a/", "<h1>Tafel</h1>")]
    key = bundle_key(records)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another pagefind")
    assert bundle_key(records) != key


def test_put_get_and_only_the_newest_bundles_stay(tmp_path):
    store = BundleCache(tmp_path)
    files = [("pagefind/pagefind.js", b"js"), ("pagefind/index/de_1.pf_index", b"\x00\x01")]
    assert store.get("k0") is None
    stored = store.put("k0", files)
    assert [(path, file.read_bytes()) for path, file in stored] == files
    assert store.get("k0") == stored
    for number in range(1, KEEP + 2):
        store.put(f"k{number}", files)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == KEEP and f"k{KEEP + 1}" in kept and "k0" not in kept


def test_an_incomplete_entry_is_a_miss(tmp_path):
    store = BundleCache(tmp_path)
    stored = store.put("k", [("pagefind/pagefind.js", b"js")])
    stored[0][1].unlink()
    assert store.get("k") is None


def _bundle(site):
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted((site / "pagefind").rglob("*")) if p.is_file()}


def test_a_warm_build_takes_the_bundle_from_the_cache_and_a_change_runs_pagefind(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_project(tmp_path, content)
    site = tmp_path / "site"
    build = ["build", "--config", str(config), "--site-dir", str(site)]
    assert main(build) == 0
    first = _bundle(site)
    assert "pagefind/pagefind-entry.json" in first
    assert any((tmp_path / ".cache" / "search").iterdir())

    started = []
    real_start = bundle.IndexRun.start
    monkeypatch.setattr(bundle.IndexRun, "start", lambda run: started.append(run) or real_start(run))
    assert main(build) == 0
    assert started == []  # nothing changed: no Pagefind run
    assert _bundle(site) == first

    offer = content / "offers" / "streetwork.yml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("summary:", "summary: Schlafsack-Ausgabe,", 1),
                     encoding="utf-8")
    assert main(build) == 0
    assert len(started) == 1  # one changed record: the index is made again
    changed = _bundle(site)
    assert changed != first
    assert changed["pagefind/pagefind.js"] == first["pagefind/pagefind.js"]
