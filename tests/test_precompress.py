"""The .gz twins beside the built site's text files: deterministic, complete, only where they help."""

from __future__ import annotations

import gzip
import os
import random

import brotli

from build_tools.precompress import (
    BROTLI_PAGES,
    BROTLI_SHARED,
    MIN_BYTES,
    brotli_bytes,
    brotli_quality,
    gzip_bytes,
    precompress,
)


def _site(tmp_path):
    site = tmp_path / "site"
    (site / "angebote" / "tafel").mkdir(parents=True)
    page = ("<!doctype html><p>Lebensmittel für Menschen mit wenig Geld.</p>\n" * 60).encode()
    (site / "angebote" / "tafel" / "index.html").write_bytes(page)
    (site / "atlas.css").write_bytes(b".atlas-fact{padding:0}\n" * 80)
    (site / "klein.js").write_bytes(b"var a = 1;\n")                       # under MIN_BYTES
    (site / "bild.png").write_bytes(b"\x89PNG" + b"\0" * 4000)              # not text
    (site / "zufall.json").write_bytes(random.Random(4).randbytes(4000))  # incompressible
    return site, page


def test_twins_beside_larger_text_files_only(tmp_path):
    site, page = _site(tmp_path)
    assert precompress(site) == 4
    twins = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.suffix in (".gz", ".br"))
    assert twins == ["angebote/tafel/index.html.br", "angebote/tafel/index.html.gz",
                     "atlas.css.br", "atlas.css.gz"]
    assert gzip.decompress((site / "angebote/tafel/index.html.gz").read_bytes()) == page
    assert brotli.decompress((site / "angebote/tafel/index.html.br").read_bytes()) == page
    assert brotli.decompress((site / "atlas.css.br").read_bytes()) == (site / "atlas.css").read_bytes()
    assert len(b"var a = 1;\n") < MIN_BYTES


def test_twins_of_some_files_here_and_of_the_others_there_are_the_twins_of_all(tmp_path):
    """The delivery process twins our files, the plugin the rest: together, what one walk makes."""
    site, _ = _site(tmp_path)
    ours = ["atlas.css", "bild.png", "klein.js"]
    assert precompress(site, paths=ours) == 2
    assert precompress(site, skip=frozenset(ours)) == 2
    split = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    whole, _ = _site(tmp_path / "whole")
    precompress(whole)
    assert split == {p.relative_to(whole).as_posix(): p.read_bytes() for p in whole.rglob("*") if p.is_file()}


def test_brotli_twins_of_real_text_decompress_and_beat_gzip(tmp_path):
    """The package's stylesheet: each twin gives back the same bytes, and the
    brotli twin is smaller than the gzip one (else it would not be worth serving)."""
    from build_tools.resources import assets_dir

    css = (assets_dir() / "stylesheets" / "atlas.css").read_bytes()
    site = tmp_path / "site"
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets" / "atlas.css").write_bytes(css)
    precompress(site)
    br = (site / "assets/stylesheets/atlas.css.br").read_bytes()
    gz = (site / "assets/stylesheets/atlas.css.gz").read_bytes()
    assert brotli.decompress(br) == css and gzip.decompress(gz) == css
    assert len(br) < len(gz)


def test_shared_assets_get_the_best_brotli_quality():
    assert brotli_quality("assets/stylesheets/atlas.css") == BROTLI_SHARED == 11
    assert brotli_quality("angebote/tafel/index.html") == BROTLI_PAGES < BROTLI_SHARED


def test_the_same_bytes_every_time(tmp_path):
    """No time stamp and no file name in the gzip header: two builds are byte-identical."""
    data = b"Jetzt ge\xc3\xb6ffnet " * 200
    packed = gzip_bytes(data)
    assert packed == gzip_bytes(data)
    assert packed[4:8] == b"\0\0\0\0"          # MTIME
    assert packed[3] & 0x08 == 0                # no FNAME field
    assert brotli_bytes(data) == brotli_bytes(data)
    site, _ = _site(tmp_path)
    precompress(site)
    first = {s: (site / f"atlas.css{s}").read_bytes() for s in (".gz", ".br")}
    for suffix in first:
        (site / f"atlas.css{suffix}").unlink()
    precompress(site)
    assert {s: (site / f"atlas.css{s}").read_bytes() for s in first} == first
    assert precompress(site) == 0  # unchanged twins are kept, not rewritten


def test_a_hard_linked_asset_is_never_written_through(tmp_path):
    """The plugin hard-links assets from the package: an old twin is replaced, not overwritten."""
    site, _ = _site(tmp_path)
    for suffix in (".gz", ".br"):
        package_copy = tmp_path / f"package.css{suffix}"
        package_copy.write_bytes(b"stale")
        os.link(package_copy, site / f"atlas.css{suffix}")
    precompress(site)
    assert (tmp_path / "package.css.gz").read_bytes() == b"stale"
    assert (tmp_path / "package.css.br").read_bytes() == b"stale"
    assert gzip.decompress((site / "atlas.css.gz").read_bytes()).startswith(b".atlas-fact")
    assert brotli.decompress((site / "atlas.css.br").read_bytes()).startswith(b".atlas-fact")


def test_the_cache_gives_the_same_twins_without_compressing(tmp_path, monkeypatch):
    """A warm build links its twins from the cache; they are the bytes a fresh build makes."""
    import build_tools.precompress as module

    cache = tmp_path / "cache"
    first, _ = _site(tmp_path / "a")
    assert precompress(first, cache) == 4
    assert any(cache.rglob("*.gz"))
    calls = []
    monkeypatch.setattr(module, "gzip_bytes", lambda data: calls.append(data) or gzip_bytes(data))
    second, _ = _site(tmp_path / "b")
    assert precompress(second, cache) == 4
    assert calls == []  # every twin, and the incompressible file's "no twin", came from the cache
    for name in ("angebote/tafel/index.html.gz", "atlas.css.gz"):
        assert (second / name).read_bytes() == (first / name).read_bytes()
    assert not (second / "zufall.json.gz").exists()


def test_a_changed_file_gets_a_new_twin_from_the_cache(tmp_path):
    """The key is the file's content: an edited page never gets the twin of its old text."""
    cache = tmp_path / "cache"
    site, _ = _site(tmp_path)
    precompress(site, cache)
    changed = ("<!doctype html><p>Neue Öffnungszeiten ab Montag.</p>\n" * 60).encode()
    (site / "angebote/tafel/index.html").write_bytes(changed)
    assert precompress(site, cache) == 2
    assert gzip.decompress((site / "angebote/tafel/index.html.gz").read_bytes()) == changed


def test_a_linked_twin_is_replaced_not_written_through(tmp_path):
    """A site twin linked from the cache is replaced when its page changes: the cache stays right."""
    cache = tmp_path / "cache"
    site, page = _site(tmp_path)
    precompress(site, cache)
    entry = next(p for p in cache.rglob("*.gz") if gzip.decompress(p.read_bytes()) == page)
    other, _ = _site(tmp_path / "b")
    precompress(other, cache)
    (other / "angebote/tafel/index.html").write_bytes(b"<p>anders</p>\n" * 200)
    precompress(other, cache)
    assert gzip.decompress(entry.read_bytes()) == page
