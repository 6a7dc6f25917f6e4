"""Cached files enter the site as hard links where possible, readable for a web server."""

from __future__ import annotations

import os
import stat

from build_tools.adapters.site_files import link_or_copy
from build_tools.flyers.cache import PdfCache


def test_a_readable_source_is_linked_and_replaces_what_was_there(tmp_path):
    source = tmp_path / "cache" / "a.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-neu")
    os.chmod(source, 0o644)
    target = tmp_path / "site" / "flyers" / "a.pdf"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"alt")
    link_or_copy(source, target)
    assert target.read_bytes() == b"%PDF-neu"
    assert os.stat(target).st_ino == os.stat(source).st_ino


def test_a_private_source_is_copied_not_linked(tmp_path):
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-privat")
    os.chmod(source, 0o600)
    target = tmp_path / "site" / "a.pdf"
    link_or_copy(source, target)
    assert target.read_bytes() == b"%PDF-privat"
    assert os.stat(target).st_ino != os.stat(source).st_ino


def test_the_flyer_cache_writes_files_a_web_server_may_read(tmp_path):
    stored = PdfCache(tmp_path).put("ab" * 32, b"%PDF-x")
    assert stored is not None
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o644


def test_a_delivery_writes_links_and_replaces_an_older_search_bundle(tmp_path):
    from build_tools.adapters.site_files import Delivery, deliver

    cached = tmp_path / "cache"
    cached.mkdir()
    (cached / "a.pdf").write_bytes(b"%PDF-a")
    (cached / "pagefind.js").write_bytes(b"neu")
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "alt.js").write_bytes(b"alt")
    delivery = Delivery(written=[("q/abc/index.html", b"<p>x</p>"), ("daten/a.csv", b"<p>x</p>")],
                        linked=[("flyers/a.pdf", cached / "a.pdf")],
                        bundle=[("pagefind/pagefind.js", cached / "pagefind.js")], bundle_dir="pagefind")
    asked = []
    count = deliver(site, delivery, html=str.upper, twins=lambda where, paths: asked.append(paths) or 7)
    assert (site / "q" / "abc" / "index.html").read_bytes() == b"<P>X</P>"  # only HTML is changed
    assert (site / "daten" / "a.csv").read_bytes() == b"<p>x</p>"
    assert os.stat(site / "flyers" / "a.pdf").st_ino == os.stat(cached / "a.pdf").st_ino
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["pagefind.js"]
    assert asked == [["daten/a.csv", "flyers/a.pdf", "pagefind/pagefind.js", "q/abc/index.html"]]
    assert count == 7
