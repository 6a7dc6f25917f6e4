"""Card and poster of one offer: size, boxes, fonts, text, metadata, languages, QR codes."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from build_tools.flyers import fonts
from build_tools.flyers.card import render_card
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.plan import plan_flyers
from build_tools.flyers.poster import Poster, render_poster
from build_tools.flyers.texts import offer_sheet
from build_tools.urls import MissingSiteUrl

from .conftest import SITE_URL, qr_link
from .pdfcheck import assert_fonts_embedded, boxes_mm, decode, pages_mm, phone_camera, render, text

URL = SITE_URL + "angebote/notschlafstelle/"
SIZES = {"karte": (105, 148), "aushang": (210, 297)}


def _approx(a, b, tol=0.05):
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("kind", ["karte", "aushang"])
def test_size_fonts_text_metadata(built, catalog, kind):
    for offer in catalog.published:
        pdf = built[f"flyers/{offer.id}-{kind}.pdf"]
        assert _approx(pages_mm(pdf)[0], SIZES[kind])
        assert len(pages_mm(pdf)) == 1
        assert_fonts_embedded(pdf)
        words = " ".join(text(pdf).split())
        assert offer.title in words or offer.title[:30] in words
        for phone in offer.contact.phone[:1]:
            assert phone in words
        meta = pdfium.PdfDocument(pdf).get_metadata_dict()
        assert meta["Title"] == offer.title
        assert meta["Author"] == (catalog.provider_name(offer) or "Hilfe in Musterstadt")
        assert b"/Lang (de)" in pdf
        assert b"/Subtype /Image" not in pdf


def test_card_contents(built):
    words = " ".join(text(built["flyers/notschlafstelle-karte.pdf"]).split())
    for expected in ("Notunterkunft", "Bahnhofstraße 12", "52349 Musterstadt", "02421 123456",
                     "Deutsch, Englisch, Arabisch", "kostenlos", "Caritasverband",
                     "Stand: 01.10.2026", "hilfe.musterstadt.example/angebote/notschlafstelle"):
        assert expected in words


def test_confidential_offer_prints_no_address(built, catalog):
    words = text(built["flyers/frauenhaus-karte.pdf"]) + text(built["flyers/frauenhaus-aushang.pdf"])
    assert "Adresse auf Anfrage" in words
    assert "50.81" not in words


@pytest.mark.parametrize("kind", ["karte", "aushang"])
def test_qr_decodes_at_150_dpi_and_through_a_phone_camera(built, catalog, kind):
    for offer in catalog.published:
        pdf = built[f"flyers/{offer.id}-{kind}.pdf"]
        url = qr_link(offer.id)
        sharp = decode(render(pdf, dpi=150))
        expected = 1 + (Poster.strip_counts[-1] if kind == "aushang" else 0)
        assert len(sharp) >= expected and set(sharp) == {url}
        blurry = decode(phone_camera(render(pdf, dpi=100)))
        assert blurry and set(blurry) == {url}


def test_poster_strips(built):
    pdf = built["flyers/notschlafstelle-aushang.pdf"]
    codes = decode(render(pdf, dpi=150))
    assert 7 <= len(codes) <= 11  # the big code and 6–10 strips
    assert text(pdf).count("02421 123456") >= 9


@pytest.mark.parametrize("bleed", [0, 3])
def test_bleed_grows_the_page_and_sets_boxes(catalog, bleed):
    options = PrintOptions(site_url=SITE_URL, bleed_mm=bleed)
    sheet = offer_sheet(catalog, catalog.offer("notschlafstelle"), SITE_URL, "de")
    for render_, (w, h) in ((render_card, (105, 148)), (render_poster, (210, 297))):
        pdf = render_(sheet, options)
        assert _approx(pages_mm(pdf)[0], (w + 2 * bleed, h + 2 * bleed))
        boxes = boxes_mm(pdf)
        assert _approx(boxes["trim"], (bleed, bleed, bleed + w, bleed + h))
        assert _approx(boxes["bleed"], (0, 0, w + 2 * bleed, h + 2 * bleed))
        if bleed:
            # The colour band reaches into the bleed: the top-left bleed corner is not white.
            image = render(pdf, dpi=72)
            assert image.getpixel((2, 2)) < 200
        assert decode(render(pdf, dpi=150))


def test_text_keeps_5mm_inside_the_trim(catalog):
    sheet = offer_sheet(catalog, catalog.offer("streetwork"), SITE_URL, "de")
    for pdf, (w, h) in ((render_card(sheet, PrintOptions(site_url=SITE_URL)), (105, 148)),
                        (render_poster(sheet, PrintOptions(site_url=SITE_URL)), (210, 297))):
        page = pdfium.PdfDocument(pdf)[0]
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            if tp.get_text_range(i, 1).isspace():
                continue
            left, bottom, right, top = (v * 25.4 / 72 for v in tp.get_charbox(i))
            assert left >= 5 and bottom >= 5 and right <= w - 5 and top <= h - 5, (
                tp.get_text_range(i, 1), left, bottom, right, top)


def test_crop_marks_and_cmyk(catalog):
    options = PrintOptions(site_url=SITE_URL, bleed_mm=3, crop_marks=True, cmyk=True)
    sheet = offer_sheet(catalog, catalog.offer("tafel-nord"), SITE_URL, "de")
    pdf = render_card(sheet, options)  # enforceColorSpace=cmyk: any RGB colour would raise
    w, h = pages_mm(pdf)[0]
    assert w > 111 and h > 154
    boxes = boxes_mm(pdf)
    assert _approx((boxes["trim"][2] - boxes["trim"][0], boxes["trim"][3] - boxes["trim"][1]),
                   (105, 148))
    assert decode(render(pdf, dpi=150)) == [qr_link("tafel-nord")]


@pytest.mark.parametrize("lang", ["en", "uk", "tr", "ar"])
def test_languages_with_german_fallback(catalog, lang):
    options = PrintOptions(site_url=SITE_URL, lang=lang)
    for offer_id in ("notschlafstelle", "tafel-nord"):
        sheet = offer_sheet(catalog, catalog.offer(offer_id), SITE_URL, lang)
        for render_ in (render_card, render_poster):
            pdf = render_(sheet, options)
            assert_fonts_embedded(pdf)
            assert f"/Lang ({lang})".encode() in pdf
            words = text(pdf)
            # Text extraction re-orders digit groups on right-to-left lines; each group is there.
            assert all(g in words for g in catalog.offer(offer_id).contact.phone[0].split())
            assert qr_link(offer_id) in decode(render(pdf, dpi=150))
    tafel = offer_sheet(catalog, catalog.offer("tafel-nord"), SITE_URL, lang)
    assert tafel.title == "Tafel Nord"  # no translation: German
    if lang == "en":
        assert offer_sheet(catalog, catalog.offer("notschlafstelle"), SITE_URL, "en").title == (
            "Night shelter at the station")


def test_arabic_is_shaped_and_right_to_left(catalog):
    sheet = offer_sheet(catalog, catalog.offer("notschlafstelle"), SITE_URL, "ar")
    pdf = render_card(sheet, PrintOptions(site_url=SITE_URL, lang="ar"))
    title = "مأوى ليلي عند المحطة"
    # Shaped: what is drawn are presentation forms (U+FB50–U+FEFF) in visual order ...
    drawn = fonts.visual(title, "ar")
    assert drawn != title and any("\ufb50" <= ch <= "\ufeff" for ch in drawn)
    # ... which a PDF reader maps back to the right letters in the right logical order.
    assert title in text(pdf)
    page = pdfium.PdfDocument(pdf)[0]
    tp = page.get_textpage()
    # Right-aligned: Arabic lines end at the right margin (6 mm).
    boxes = [tp.get_charbox(i) for i in range(tp.count_chars())
             if "\u0600" <= tp.get_text_range(i, 1) <= "\u06ff"]
    rightmost = max(b[2] for b in boxes) * 25.4 / 72
    assert 96 <= rightmost <= 99.5


def test_deterministic_bytes(catalog, options):
    sheet = offer_sheet(catalog, catalog.offer("notschlafstelle"), SITE_URL, "de")
    assert render_card(sheet, options) == render_card(sheet, options)
    assert render_poster(sheet, options) == render_poster(sheet, options)


def test_missing_site_url(catalog):
    with pytest.raises(MissingSiteUrl, match="site_url"):
        offer_sheet(catalog, catalog.offer("notschlafstelle"), None, "de")


def test_layout_that_prints_codes_too_small_is_a_plan_problem(catalog):
    long_url = "https://" + "sehr-lange-adresse." * 11 + "example/"  # 225 characters
    options = PrintOptions(site_url=long_url)
    plan = plan_flyers(catalog, [], options, only={"notschlafstelle"})
    errors = [p for p in plan.problems if p.severity == "error"]
    # Only the tear-off strips are too small (six strips hold a site_url of 170 characters).
    (problem,) = errors
    assert problem.file.endswith("notschlafstelle.yml") and problem.field == "flyer"
    assert re.search(r"^notschlafstelle-aushang.pdf \(Abreißstreifen\): QR-Code für "
                     r"https://\S+/q/[0-9a-z]{7}/ würde mit 0.4\d mm je Modul", problem.message)
    assert ("darf site_url höchstens 170 Zeichen lang sein (jetzt 225): eine kürzere site_url "
            "setzen oder in mkdocs.yml unter atlas: flyers: qr_error_correction: L wählen."
            ) in problem.message


def _font_sizes(pdf: bytes, needle: str) -> list[float]:
    import pypdfium2.raw as raw

    tp = pdfium.PdfDocument(pdf)[0].get_textpage()
    chars = "".join(tp.get_text_range(i, 1)[:1] or " " for i in range(tp.count_chars()))
    index = chars.index(needle)
    return [raw.FPDFText_GetFontSize(tp.raw, index + i) for i in range(len(needle))]


def test_arm_length_sizes(built):
    card = built["flyers/notschlafstelle-karte.pdf"]
    assert min(_font_sizes(card, "Notschlafstelle")) >= 16
    assert min(_font_sizes(card, "02421 123456")) >= 14
    poster = built["flyers/notschlafstelle-aushang.pdf"]
    assert min(_font_sizes(poster, "Notschlafstelle")) >= 26


def test_card_qr_is_at_least_30_mm(catalog):
    from build_tools.flyers.card import Card

    assert Card.qr_size >= 30


def test_text_the_font_cannot_print_becomes_a_question_mark_and_a_warning(catalog, options):
    import pypdfium2

    from build_tools.flyers.plan import glyph_warnings

    sheet = offer_sheet(catalog, catalog.offer("tafel-nord"), SITE_URL, "de")
    sheet.title = "Tafel 北"
    document = pypdfium2.PdfDocument(render_card(sheet, options))
    assert "Tafel ?" in document[0].get_textpage().get_text_range()
    (warning,) = glyph_warnings(catalog, {"tafel-nord": sheet})
    assert warning.severity == "warning" and warning.field == "title"
    assert "'北' (U+5317) kann auf Flyern nicht gedruckt werden" in warning.message
