"""The .gz twins beside the built site's text files: deterministic, complete, only where they help."""

from __future__ import annotations

import gzip
import os

from build_tools.precompress import MIN_BYTES, gzip_bytes, precompress


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
    assert precompress(site) == 2
    twins = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.gz"))
    assert twins == ["angebote/tafel/index.html.gz", "atlas.css.gz"]
    assert gzip.decompress((site / "angebote/tafel/index.html.gz").read_bytes()) == page
    assert len(b"var a = 1;\n") < MIN_BYTES


def test_the_same_bytes_every_time(tmp_path):
    """No time stamp and no file name in the gzip header: two builds are byte-identical."""
    data = b"Jetzt ge\xc3\xb6ffnet " * 200
    packed = gzip_bytes(data)
    assert packed == gzip_bytes(data)
    assert packed[4:8] == b"\0\0\0\0"          # MTIME
    assert packed[3] & 0x08 == 0                # no FNAME field
    site, _ = _site(tmp_path)
    precompress(site)
    first = (site / "atlas.css.gz").read_bytes()
    (site / "atlas.css.gz").unlink()
    precompress(site)
    assert (site / "atlas.css.gz").read_bytes() == first


def test_a_hard_linked_asset_is_never_written_through(tmp_path):
    """The plugin hard-links assets from the package: an old twin is replaced, not overwritten."""
    site, _ = _site(tmp_path)
    package_copy = tmp_path / "package.css.gz"
    package_copy.write_bytes(b"stale")
    os.link(package_copy, site / "atlas.css.gz")
    precompress(site)
    assert package_copy.read_bytes() == b"stale"
    assert gzip.decompress((site / "atlas.css.gz").read_bytes()).startswith(b".atlas-fact")
