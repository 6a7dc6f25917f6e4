"""Bilingual cards and posters: German first, the second language beneath.

Chosen per Wegweiser definition (``bilingual: uk``) or for every offer (``atlas flyers
--language uk``). The PDFs are read back: the labels in both languages are in the extracted
text, every code decodes to the offer's German short link, nothing comes closer than 5 mm to
the trim (3 mm bleed, crop marks), and Arabic lines run right to left.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from build_tools.flyers.card import render_card
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.plan import plan_flyers
from build_tools.flyers.poster import render_poster
from build_tools.flyers.texts import bilingual_sheet, label
from build_tools.i18n import catalogue

from .conftest import SITE_URL, make_flyers, qr_link
from .pdfcheck import assert_fonts_embedded, decode, render, text
from .test_margins import violations

RENDERERS = {"karte": render_card, "aushang": render_poster}
HARAKAT = re.compile("[\u064b-\u0652]")
LABEL_KEYS = ("hours", "address", "phone", "costs", "stand", "more")


def _pdf(catalog, offer_id: str, lang: str, kind: str, **options) -> bytes:
    sheet = bilingual_sheet(catalog, catalog.offer(offer_id), SITE_URL, lang)
    return RENDERERS[kind](sheet, PrintOptions(site_url=SITE_URL, **options))


@pytest.mark.parametrize("kind", ["karte", "aushang"])
@pytest.mark.parametrize("lang", ["uk", "ar", "en", "tr"])
def test_labels_in_both_languages_and_the_german_code(catalog, lang, kind):
    pdf = _pdf(catalog, "notschlafstelle", lang, kind)
    assert_fonts_embedded(pdf)
    assert b"/Lang (de)" in pdf  # German is the document's language; the second one follows
    words = text(pdf)
    offer = catalog.offer("notschlafstelle")
    assert offer.title in words
    if lang in ("uk", "ar", "en"):
        assert offer.translations[lang].title in words
    for key in LABEL_KEYS:
        for part in label(lang, key).rstrip(":").split():
            assert part in words, (lang, key, part)
        assert label("de", key).split()[0] in words
    # The weekly hours in the second language's own words (Arabic printed without its
    # vowel marks, as the shaper draws it).
    day = HARAKAT.sub("", catalogue(lang).hours["week"]["daily"])
    assert day.split()[0].casefold() in words.casefold(), (lang, day)
    # The codes stay language-neutral: the German page's short link, on the strips too.
    codes = decode(render(pdf, dpi=150))
    assert codes and set(codes) == {qr_link("notschlafstelle")}


@pytest.mark.parametrize("kind", ["karte", "aushang"])
@pytest.mark.parametrize("lang", ["uk", "ar"])
@pytest.mark.parametrize("offer_id", ["notschlafstelle", "tafel-nord", "streetwork",
                                      "frauenhaus"])
def test_bilingual_flyers_keep_5mm_inside_the_trim(catalog, offer_id, lang, kind):
    pdf = _pdf(catalog, offer_id, lang, kind, bleed_mm=3.0, crop_marks=True)
    bad, smallest = violations(pdf)
    assert bad == [], [(e.kind, e.text[:30], m) for _, e, m in bad]
    assert smallest >= 5.0


def test_arabic_lines_run_right_to_left(catalog):
    pdf = _pdf(catalog, "notschlafstelle", "ar", "karte")
    title = catalog.offer("notschlafstelle").translations["ar"].title
    page = pdfium.PdfDocument(pdf)[0]
    tp = page.get_textpage()
    extracted = tp.get_text_range()
    assert title in extracted  # shaped glyphs map back to the letters, in logical order
    start = extracted.index(title)
    # Each word's letters, in reading order, stand further left one after the other.
    for word in title.split():
        at = extracted.index(word, start)
        lefts = [tp.get_charbox(at + i)[0] for i in range(len(word))]
        assert lefts == sorted(lefts, reverse=True), (word, lefts)
        assert len(set(lefts)) == len(lefts)
    # German lines start at the left margin, the Arabic title ends at the right one (6 mm).
    boxes = [tp.get_charbox(start + i) for i in range(len(title))]
    assert 96 <= max(b[2] for b in boxes) * 25.4 / 72 <= 99.5


def _definition(tmp_path, second: str):
    folder = tmp_path / "flyers"
    folder.mkdir()
    (folder / "zwei.yml").write_text(
        "title: Zweisprachig\n"
        f"bilingual: {second}\n"
        "select:\n  ids: [notschlafstelle, tafel-nord]\n", encoding="utf-8")
    return folder


def test_a_definition_asks_for_bilingual_cards_and_warns_for_untranslated(tmp_path, catalog):
    collections, problems = load_definitions(_definition(tmp_path, "uk"), catalog)
    assert [c.bilingual for c in collections] == ["uk"]
    (warning,) = problems
    assert warning.severity == "warning" and (warning.line, warning.col) == (2, 12)
    assert "tafel-nord" in warning.message and "nur auf Deutsch" in warning.message
    assert "notschlafstelle" not in warning.message
    plan = plan_flyers(catalog, collections, PrintOptions(site_url=SITE_URL))
    paths = plan.paths
    assert {"flyers/notschlafstelle-karte-uk.pdf", "flyers/notschlafstelle-aushang-uk.pdf",
            "flyers/notschlafstelle-karte.pdf", "flyers/tafel-nord-karte.pdf"} <= paths
    assert not any(p.startswith("flyers/tafel-nord-") and p.endswith("-uk.pdf") for p in paths)
    assert not [p for p in plan.problems if p.severity == "error"]


@pytest.mark.parametrize(("value", "hint"), [("ukr", "(gemeint: uk?)"), ("de", ""),
                                            ("fr", "")])
def test_an_unknown_second_language_is_a_file_line_col_error(tmp_path, catalog, value, hint):
    collections, problems = load_definitions(_definition(tmp_path, value), catalog)
    assert collections == []
    (problem,) = problems
    shown = problem.format_text()
    assert "zwei.yml:2:12: error: bilingual" in shown, shown
    assert f"unbekannte zweite Sprache {value!r}" in shown and hint in shown


def test_every_offer_bilingual_with_language_option(catalog):
    options = PrintOptions(site_url=SITE_URL)
    plan = plan_flyers(catalog, [], options, bilingual="ar")
    bilingual = sorted(p for p in plan.paths if p.endswith("-ar.pdf"))
    assert bilingual == ["flyers/notschlafstelle-aushang-ar.pdf",
                         "flyers/notschlafstelle-karte-ar.pdf"]
    warned = sorted(p.file.rsplit("/", 1)[-1] for p in plan.problems
                    if p.field == "translations.ar")
    assert warned == ["frauenhaus.yml", "streetwork.yml", "tafel-nord.yml"]
    assert all(p.severity == "warning" for p in plan.problems)
    made = make_flyers(catalog, options, only={"notschlafstelle"})
    assert "flyers/notschlafstelle-karte.pdf" in made.files  # German flyers stay as they were
