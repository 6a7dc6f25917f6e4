"""Wegweiser PDFs from the fixture atlas: formats, pages, numbering, map, QR codes."""

from __future__ import annotations

import pytest

from build_tools.flyers.page import PrintOptions

from .conftest import FIXTURE_DEFINITIONS, SITE_URL, make_flyers, qr_link
from .pdfcheck import assert_fonts_embedded, decode, pages_mm, phone_camera, render, text

FORMATS = {"heft": (105, 148), "winter": (210, 297), "bezirk-mitte": (148, 210),
           "bezirk-nord": (148, 210)}


def _flat(s: str) -> str:
    return " ".join(s.split())


def test_formats_fonts_and_numbered_pages(built):
    for slug, size in FORMATS.items():
        pdf = built[f"flyers/{slug}.pdf"]
        sizes = pages_mm(pdf)
        assert all(abs(w - size[0]) < 0.05 and abs(h - size[1]) < 0.05 for w, h in sizes)
        assert_fonts_embedded(pdf)
        for i in range(len(sizes)):
            assert f"Seite {i + 1} von {len(sizes)}" in text(pdf, i)


def test_every_selected_offer_is_printed(built, catalog):
    from build_tools.flyers.definitions import load_definitions

    collections, _ = load_definitions(FIXTURE_DEFINITIONS, catalog)
    for coll in collections:
        words = _flat(text(built[f"flyers/{coll.slug}.pdf"]))
        assert _flat(coll.title) in words
        for offer in coll.offers:
            assert offer.title[:25] in words, (coll.slug, offer.id)
            for group in (offer.contact.phone[:1] or [""])[0].split():
                assert group in words


def test_booklet_has_cover_map_sections_and_back(built):
    pdf = built["flyers/heft.pdf"]
    pages = len(pages_mm(pdf))
    assert pages >= 4 and pages % 4 == 0  # stapled: a multiple of four pages
    assert "Stadtplan" in text(pdf, 1)
    assert "Notruf" in text(pdf, pages - 1)
    # The cover's big code leads to the category page.
    cover = decode(render(pdf, 0, dpi=150))
    assert cover == [SITE_URL + "kategorien/notunterkunft/"]
    assert decode(phone_camera(render(pdf, 0, dpi=100))) == cover
    # The confidential shelter is listed without an address and never drawn on the map.
    assert "Adresse auf Anfrage" in text(pdf)


def test_a4_with_offer_codes(built, catalog):
    pdf = built["flyers/winter.pdf"]
    found = set()
    for i in range(len(pages_mm(pdf))):
        found |= set(decode(render(pdf, i, dpi=150)))
    expected = {SITE_URL + "kategorien/notunterkunft/"}
    # Entry codes carry the offers' short links; the big code the readable category page.
    expected |= {qr_link(o) for o in ("notschlafstelle", "streetwork", "tafel-nord")}
    assert found == expected
    big = decode(phone_camera(render(pdf, 0, dpi=100)))
    assert SITE_URL + "kategorien/notunterkunft/" in big


def test_district_flyer_leads_to_district_page(built):
    pdf = built["flyers/bezirk-nord.pdf"]
    assert decode(render(pdf, 0, dpi=150)) == [SITE_URL + "sozialraeume/nord/"]


@pytest.mark.parametrize("lang", ["ar", "uk"])
def test_collections_in_other_languages(catalog, lang):
    options = PrintOptions(site_url=SITE_URL, lang=lang, bleed_mm=3)
    result = make_flyers(catalog, options, FIXTURE_DEFINITIONS)
    for slug, (w, h) in FORMATS.items():
        pdf = result.files[f"flyers/{slug}.pdf"]
        assert f"/Lang ({lang})".encode() in pdf
        assert_fonts_embedded(pdf)
        assert all(abs(pw - w - 6) < 0.05 and abs(ph - h - 6) < 0.05 for pw, ph in pages_mm(pdf))
    assert decode(render(result.files["flyers/heft.pdf"], 0, dpi=150))


def test_an_entry_taller_than_a_page_continues(catalog, options):
    """Forty lines of hours on an A6 page: the entry runs on, nothing is cut off."""
    from build_tools.flyers.collection import CollectionFlyer
    from build_tools.flyers.collection_data import collection_data
    from build_tools.flyers.definitions import load_definitions
    from build_tools.flyers.texts import offer_sheet

    collections, _ = load_definitions(FIXTURE_DEFINITIONS, catalog)
    heft = next(c for c in collections if c.slug == "heft")
    sheets = {o.id: offer_sheet(catalog, o, SITE_URL, "de") for o in heft.offers}
    sheets["tafel-nord"].hours = [f"Zeile {i}: Mo 10:00–12:00 Uhr" for i in range(1, 41)]
    data = collection_data(catalog, heft, sheets, SITE_URL, "de")
    pdf = CollectionFlyer(data, options).render()
    words = text(pdf)
    for i in range(1, 41):
        assert f"Zeile {i}:" in words
    assert "Tafel Nord (Fortsetzung)" in words
