"""Static checks over the whole built sample site (no browser needed)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_tools import urls

pytestmark = pytest.mark.xdist_group("browser")

CDN = re.compile(r"cdn\.|jsdelivr|unpkg|googleapis|cdnjs|bootstrapcdn|fonts\.gstatic", re.I)
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt", ".geojson", ".csv", ".map"}


def test_no_cdn_anywhere(built_site: Path):
    offenders = []
    for file in built_site.rglob("*"):
        if file.is_file() and file.suffix in TEXT_SUFFIXES:
            text = file.read_text(encoding="utf-8", errors="replace")
            for match in CDN.finditer(text):
                offenders.append(f"{file.relative_to(built_site)}: {text[max(0, match.start()-40):match.end()+20]!r}")
    assert not offenders, "\n".join(offenders[:20])


def test_offer_pages_are_small_and_outside_the_nav(built_site: Path, sample_catalog):
    for offer in sample_catalog.offers:
        html = (built_site / urls.offer_path(offer.id) / "index.html").read_text(encoding="utf-8")
        assert len(html.encode()) <= 60_000, f"{offer.id}: {len(html.encode())} bytes"
    nav = (built_site / "impressum" / "index.html").read_text(encoding="utf-8")
    nav = nav[nav.find('md-nav--primary'):nav.find('</nav>', nav.find('md-nav--primary'))]
    assert not re.search(r'href="[^"]*angebote/[a-z0-9-]+/"', nav)


def test_every_internal_link_resolves(built_site: Path):
    broken = []
    href = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')
    for page in built_site.rglob("*.html"):
        base = page.parent
        for target in href.findall(page.read_text(encoding="utf-8")):
            if urlsplit(target).scheme or target.startswith("//"):
                continue
            path = (built_site / target.lstrip("/")) if target.startswith("/") else (base / unquote(target))
            if not (path.exists() or (path / "index.html").exists()):
                broken.append(f"{page.relative_to(built_site)} → {target}")
    assert not broken, "\n".join(broken[:20])


def test_ended_offers_are_tombstones_out_of_lists(built_site: Path, sample_catalog):
    az = (built_site / "angebote" / "index.html").read_text(encoding="utf-8")
    for offer in sample_catalog.ended:
        html = (built_site / urls.offer_path(offer.id) / "index.html").read_text(encoding="utf-8")
        assert "Dieses Angebot gibt es nicht mehr" in html
        assert '<meta name="robots" content="noindex">' in html
        assert f'data-atlas-offer="{offer.id}"' not in az
