"""The .gz twins beside the built site's text files: deterministic, complete, only where they help."""

from __future__ import annotations

import gzip
import os

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
    (site / "zufall.json").write_bytes(os.urandom(4000))                    # incompressible
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
