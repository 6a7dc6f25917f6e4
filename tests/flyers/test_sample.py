"""Every flyer of the sample atlas (content/ + flyers/*.yml), the way a print shop and a phone
see it: exact size with and without bleed, fonts embedded, title and phone in the text, and QR
codes that decode — sharp at 150 dpi and blurred and noisy at 100 dpi — to a short link whose
redirect page the site build produces and which leads to the offer's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import urls
from build_tools.build import inspect
from build_tools.clock import build_date
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.page import PrintOptions
from build_tools.ledger.site import short_pages
from build_tools.pages.site import render as render_pages
from build_tools.pages.site import render_offers
from build_tools.templating import templates_for

from ..buildkit import sample_project, tools
from .conftest import make_flyers
from .pdfcheck import assert_fonts_embedded, decode, pages_mm, phone_camera, render, text

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"a4": (210, 297), "a5": (148, 210), "a6-booklet": (105, 148)}


@pytest.fixture(scope="module")
def sample():
    inputs, problems = inspect(sample_project(), build_date())
    assert inputs is not None, problems
    return inputs.settings, inputs.catalog


@pytest.fixture(scope="module")
def sample_flyers(sample):
    config, catalog = sample
    options = PrintOptions(site_url=config.site_url, atlas_name=config.name,
                           error_correction=config.flyers.qr_error_correction)
    result = make_flyers(catalog, options, ROOT / "flyers", processes=2)
    assert not result.problems, result.problems
    return result.files


@pytest.fixture(scope="module")
def site_paths(sample):
    from types import SimpleNamespace

    _, catalog = sample
    inputs = SimpleNamespace(catalog=catalog, holidays=(), flyers=None)
    pages = render_pages(inputs, tools()).pages + render_offers(inputs, tools()).pages
    return {p.path for p in pages}


@pytest.fixture(scope="module")
def redirects(sample):
    """Short link path → the page its redirect page leads to (from the ledger family)."""
    import re

    _, catalog = sample
    found = {}
    for page in short_pages(catalog, templates_for(None)):
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page.data.decode())
        found[page.path.removesuffix("index.html")] = target.group(1)
    return found


def _path_of(url: str, site_url: str) -> str:
    assert url.startswith(site_url)
    return url[len(site_url):]


def _leads_to(url: str, site_url: str, redirects: dict[str, str]) -> str:
    """The site path a decoded short link finally leads to (its redirect page's target)."""
    path = _path_of(url, site_url)
    assert urls.parse_path(path)[0] == "short", url
    target = redirects[path]
    assert target.startswith("../../")
    return target.removeprefix("../../")


def test_shipped_definitions(sample):
    config, catalog = sample
    collections, problems = load_definitions(ROOT / "flyers", catalog)
    assert problems == []
    slugs = {c.slug for c in collections}
    assert "hilfe-bei-wohnungslosigkeit" in slugs
    assert "winterhilfe" in slugs
    assert {f"wegweiser-{d}" for d in catalog.districts} <= slugs
    booklet = next(c for c in collections if c.slug == "hilfe-bei-wohnungslosigkeit")
    assert booklet.format == "a6-booklet" and booklet.title == (
        "Hilfe bei Wohnungslosigkeit in Musterstadt")


def test_every_offer_flyer(sample, sample_flyers, site_paths, redirects):
    config, catalog = sample
    site_url = config.site_url.rstrip("/") + "/"
    for offer in catalog.published:
        readable = site_url + f"angebote/{offer.id}/"
        url = urls.absolute_url(site_url, urls.short_path(urls.short_code(offer.id)))
        assert _leads_to(url, site_url, redirects) == _path_of(readable, site_url)
        assert _path_of(readable, site_url) in site_paths
        for kind, size in (("karte", (105, 148)), ("aushang", (210, 297))):
            pdf = sample_flyers[f"flyers/{offer.id}-{kind}.pdf"]
            (w, h), = pages_mm(pdf)
            assert abs(w - size[0]) < 0.05 and abs(h - size[1]) < 0.05
            assert_fonts_embedded(pdf)
            words = " ".join(text(pdf).split())
            assert offer.title[:25] in words, offer.id
            # The readable address is printed (perhaps broken after the host), not the short one.
            printed = readable.removeprefix("https://").rstrip("/")
            assert printed in "".join(words.split()), (offer.id, kind)
            for phone in offer.contact.phone[:1]:
                assert phone in words, offer.id
            sharp = decode(render(pdf, dpi=150))
            assert sharp and set(sharp) == {url}, (offer.id, kind, sharp)
            if kind == "aushang":
                assert len(sharp) >= 9, (offer.id, "tear-off strips")
            blurry = decode(phone_camera(render(pdf, dpi=100)))
            assert blurry and set(blurry) == {url}, (offer.id, kind, "camera")


def test_every_collection_flyer(sample, sample_flyers, site_paths, redirects):
    config, catalog = sample
    site_url = config.site_url.rstrip("/") + "/"
    collections, _ = load_definitions(ROOT / "flyers", catalog)
    for coll in collections:
        pdf = sample_flyers[f"flyers/{coll.slug}.pdf"]
        sizes = pages_mm(pdf)
        w, h = SIZES[coll.format]
        assert all(abs(pw - w) < 0.05 and abs(ph - h) < 0.05 for pw, ph in sizes)
        assert_fonts_embedded(pdf)
        words = " ".join(text(pdf).split())
        assert coll.title in words
        for i in range(len(sizes)):
            assert f"Seite {i + 1} von {len(sizes)}" in text(pdf, i)
        for offer in coll.offers:  # nothing cut off: every selected offer is printed
            assert offer.title[:25] in words, (coll.slug, offer.id)
            for phone in offer.contact.phone[:1]:
                assert phone in words, (coll.slug, offer.id)
        page_url = site_url + coll.page_path
        assert coll.page_path in site_paths or coll.page_path == ""
        sharp = decode(render(pdf, 0, dpi=150))
        assert page_url in sharp, coll.slug
        for url in set(sharp) - {page_url}:  # entry codes: short links to listed offers
            assert _leads_to(url, site_url, redirects) in {f"angebote/{o.id}/" for o in coll.offers}
        assert page_url in decode(phone_camera(render(pdf, 0, dpi=100))), coll.slug


def test_sample_with_bleed(sample):
    config, catalog = sample
    options = PrintOptions(site_url=config.site_url, bleed_mm=3, crop_marks=False)
    offer = catalog.published[0]
    result = make_flyers(catalog, options, ROOT / "flyers")
    for path, pdf in result.files.items():
        if path.endswith(("-karte.pdf", "-aushang.pdf")) and offer.id not in path:
            continue
        size = (105, 148) if path.endswith("-karte.pdf") else (210, 297)
        if not path.endswith(("-karte.pdf", "-aushang.pdf")):
            fmt = next(c.format for c in load_definitions(ROOT / "flyers", catalog)[0]
                       if path == f"flyers/{c.slug}.pdf")
            size = SIZES[fmt]
        for w, h in pages_mm(pdf):
            assert abs(w - size[0] - 6) < 0.05 and abs(h - size[1] - 6) < 0.05, path
