"""Short QR links on flyers: a 60-character id under a 60-character site_url prints, scans
(sharp and through a phone camera) and leads, through its redirect page, to the offer; the
load phase's QR check and the renderers agree because both read the layouts' ``qr_boxes()``."""

from __future__ import annotations

import re
import shutil

import pytest

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.flyers.card import Card, render_card
from build_tools.flyers.collection import CollectionFlyer
from build_tools.flyers.definitions import load_definitions
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.plan import FlyerError, plan_flyers, render_job
from build_tools.flyers.poster import Poster, render_poster
from build_tools.flyers.texts import offer_sheet
from build_tools.ledger.site import short_pages
from build_tools.templating import templates_for

from .conftest import FIXTURE_CONTENT, FIXTURE_DEFINITIONS, SITE_URL, TODAY, qr_link
from .pdfcheck import decode, phone_camera, render

LONG_SITE = "https://www.kreis-neustadt.example/kreishaus/amt51/sozial/h/"
HUGE_SITE = ("https://www.kreis-neustadt.example/kreishaus/amt/amt51/"
             "hilfe-fuer-wohnungslose/wegweiser/2026/infos/")
LONG_ID = "notschlafstelle-am-hauptbahnhof-mit-schliessfaechern-und-tee"
NO_PHONE = "aufsuchende-sozialarbeit-fuer-menschen-ohne-wohnung-ohne-tel"
MM_PER_INCH = 25.4


def test_the_long_case_is_sixty_and_sixty():
    assert len(LONG_SITE) == 60 and len(LONG_ID) == 60 and len(NO_PHONE) == 60
    assert len(HUGE_SITE) == 100


@pytest.fixture(scope="module")
def long_catalog(tmp_path_factory):
    content = tmp_path_factory.mktemp("lang") / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    (content / "offers" / "notschlafstelle.yml").rename(content / "offers" / f"{LONG_ID}.yml")
    (content / "offers" / f"{NO_PHONE}.yml").write_text(
        "title: Streetwork ohne Telefon – aufsuchende Sozialarbeit in der ganzen Stadt\n"
        "summary: Wir kommen zu Ihnen.\ncategory: beratung\nservice_area: [mitte, nord]\n"
        "last_verified: 2026-11-01\n", encoding="utf-8")
    result = load_catalog(content, AtlasConfig(name="Hilfe", site_url=LONG_SITE), TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog


def _sheet(catalog, offer_id, site_url):
    return offer_sheet(catalog, catalog.offer(offer_id), site_url, "de")


def _split_poster(pdf: bytes, dpi: int):
    """The poster's top (big code) and its tear-off strips, as two images."""
    image = render(pdf, dpi=dpi)
    cut = image.height - int(Poster.strips_height / MM_PER_INCH * dpi)
    return image.crop((0, 0, image.width, cut)), image.crop((0, cut, image.width, image.height))


# The card's code under a 100-character site_url is version 7 with 0.72 mm modules (0.84 under
# 60 characters): the blurred camera needs it a little closer, 120 dpi, to see a module as
# about as many pixels as the 60-character code at 100 dpi.
@pytest.mark.parametrize(("site", "strips", "camera_dpi"), [(LONG_SITE, 8, 100),
                                                             (HUGE_SITE, 7, 120)],
                         ids=["60", "100"])
@pytest.mark.parametrize("offer_id", [LONG_ID, NO_PHONE])
def test_long_case_card_poster_and_strips_scan_to_the_short_link(long_catalog, offer_id, site,
                                                                 strips, camera_dpi):
    sheet = _sheet(long_catalog, offer_id, site)
    assert sheet.qr_url == qr_link(offer_id, site) and len(sheet.qr_url) == len(site) + 10
    assert sheet.url == site + f"angebote/{offer_id}/"
    options = PrintOptions(site_url=site)
    card = render_card(sheet, options)
    for image in (render(card, dpi=150), phone_camera(render(card, dpi=camera_dpi))):
        assert decode(image) == [sheet.qr_url]
    poster = render_poster(sheet, options)
    count = Poster(sheet, options).strip_count()
    assert count == strips
    for dpi, degrade in ((150, False), (100, True), (200, True)):
        top, strips = _split_poster(poster, dpi)
        if degrade:
            top, strips = phone_camera(top), phone_camera(strips)
        assert decode(top) == [sheet.qr_url], (dpi, "big code")
        if (dpi, degrade) == (100, True):
            continue  # a blurred strip code needs the phone closer: 200 dpi, below
        assert decode(strips) == [sheet.qr_url] * count, (dpi, degrade, "strips")


def test_the_short_link_leads_to_the_offer_through_its_redirect_page(long_catalog):
    pages = {p.path: p.data.decode() for p in short_pages(long_catalog, templates_for(None))}
    for offer_id in (LONG_ID, NO_PHONE):
        path = qr_link(offer_id, LONG_SITE).removeprefix(LONG_SITE) + "index.html"
        refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', pages[path])
        assert refresh.group(1) == f"../../angebote/{offer_id}/"


@pytest.mark.parametrize("site", [LONG_SITE, HUGE_SITE], ids=["60", "100"])
@pytest.mark.parametrize("offer_id", [LONG_ID, NO_PHONE])
def test_long_case_text_stays_5mm_inside_the_trim(long_catalog, offer_id, site):
    """Long readable URLs break over lines instead of running off the page or into the code."""
    import pypdfium2 as pdfium

    sheet = _sheet(long_catalog, offer_id, site)
    options = PrintOptions(site_url=site)
    for pdf, (w, h) in ((render_card(sheet, options), (105, 148)),
                        (render_poster(sheet, options), (210, 297))):
        page = pdfium.PdfDocument(pdf)[0]
        tp = page.get_textpage()
        for i in range(tp.count_chars()):
            if tp.get_text_range(i, 1).isspace():
                continue
            left, bottom, right, top = (v * MM_PER_INCH / 72 for v in tp.get_charbox(i))
            assert left >= 5 and bottom >= 5 and right <= w - 5 and top <= h - 5, (
                tp.get_text_range(i, 1), left, bottom, right, top)
        # Every character of the readable address is printed, if over several lines.
        printed = "".join(tp.get_text_range().split())
        assert sheet.url.removeprefix("https://").rstrip("/") in printed


def test_a_strip_without_phone_prints_the_short_link_when_the_page_address_is_too_long(
        long_catalog):
    import pypdfium2 as pdfium

    sheet = _sheet(long_catalog, NO_PHONE, LONG_SITE)
    pdf = render_poster(sheet, PrintOptions(site_url=LONG_SITE))
    words = "".join(pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range().split())
    short = sheet.qr_url.removeprefix("https://").rstrip("/")
    assert words.count(short) == Poster(sheet, PrintOptions(site_url=LONG_SITE)).strip_count()


# Version and printed module size, measured from the decoder's corners at 300 dpi.
TABLE = [
    # case, format, QR version, modules, module mm
    ("sample", "karte", 4, 33, 0.93),
    ("sample", "aushang", 4, 33, 1.51),
    ("sample", "streifen", 4, 33, 0.51),
    ("60/60", "karte", 5, 37, 0.84),
    ("60/60", "aushang", 5, 37, 1.38),
    ("60/60", "streifen", 5, 37, 0.52),
    ("100/60", "karte", 7, 45, 0.72),
    ("100/60", "aushang", 7, 45, 1.17),
    ("100/60", "streifen", 7, 45, 0.51),
]


def _measure(image, dpi: int):
    import zxingcpp

    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert results
    found = set()
    for result in results:
        version = int(result.extra["Version"])
        p = result.position
        side_px = ((p.top_right.x - p.top_left.x) + (p.bottom_right.x - p.bottom_left.x)) / 2
        modules = 17 + 4 * version
        found.add((version, modules, round(side_px / dpi * MM_PER_INCH / modules, 2)))
    return found


@pytest.mark.parametrize(("case", "kind", "version", "modules", "module_mm"), TABLE)
def test_qr_version_and_module_size(catalog, long_catalog, case, kind, version, modules,
                                    module_mm):
    if case == "sample":  # the sample's site_url: every id gives the same short link length
        sheet, site = _sheet(catalog, "notschlafstelle", SITE_URL), SITE_URL
    else:
        site = LONG_SITE if case == "60/60" else HUGE_SITE
        sheet = _sheet(long_catalog, LONG_ID, site)
    options = PrintOptions(site_url=site)
    dpi = 300
    if kind == "karte":
        image = render(render_card(sheet, options), dpi=dpi)
    else:
        top, strips = _split_poster(render_poster(sheet, options), dpi)
        image = top if kind == "aushang" else strips
    measured = _measure(image, dpi)
    assert len(measured) == 1, measured
    ((v, n, mm_),) = measured
    assert (v, n) == (version, modules)
    assert abs(mm_ - module_mm) <= 0.02, mm_


def _site_of_length(length: int) -> str:
    head = "https://www.kreis-neustadt.example/"
    body = ("verwaltung/" * 30)[: length - len(head) - 1]
    site = head + body.rstrip("/") + "x/"
    site = site[: length - 2] + "x/" if len(site) > length else site
    assert len(site) == length, (len(site), length)
    return site


# Longest printable site_url per format (error correction M, short links): strips 170 (six
# strips sharing the width inside the 5 mm margins), card 277; a 100-character site_url prints
# everything, the strips with seven.
@pytest.mark.parametrize(("length", "failing"), [
    (100, set()), (170, set()), (171, {"aushang"}), (277, {"aushang"}), (278, {"aushang", "karte"}),
])
def test_plan_check_and_renderer_agree(catalog, length, failing):
    site = _site_of_length(length)
    options = PrintOptions(site_url=site)
    plan = plan_flyers(catalog, [], options, only={"notschlafstelle"})
    flagged = {p.message.split(".pdf")[0].rsplit("-", 1)[1] for p in plan.problems
               if p.severity == "error"}
    refused = set()
    for job in plan.jobs:
        try:
            render_job(job, options)
        except FlyerError as exc:
            assert "mm je Modul" in str(exc)
            refused.add(job.kind)
    assert flagged == refused == failing
    if length == 100:
        poster = next(j for j in plan.jobs if j.kind == "aushang")
        assert Poster(poster.payload, options).strip_count() == 7


def test_wegweiser_entry_codes_are_checked_at_the_definition_file(catalog):
    """Entry codes grow with the link up to 28 mm: a site_url of 112 characters, not 113."""
    collections, _ = load_definitions(FIXTURE_DEFINITIONS, catalog)
    winter = [c for c in collections if c.slug == "winter"]
    for length, fails in ((112, False), (113, True)):
        options = PrintOptions(site_url=_site_of_length(length))
        plan = plan_flyers(catalog, winter, options)
        problems = [p for p in plan.problems if p.file.endswith("winter.yml")]
        assert bool(problems) == fails, problems
        job = next(j for j in plan.jobs if j.kind == "wegweiser")
        boxes = CollectionFlyer(job.payload, options).qr_boxes()
        assert [b.where for b in boxes] == ["winter.pdf", "winter.pdf (notschlafstelle)",
                                            "winter.pdf (streetwork)", "winter.pdf (tafel-nord)"]
        if fails:
            (problem,) = problems  # one problem per flyer, naming every code that is too small
            assert problem.message.startswith("winter.pdf (notschlafstelle): QR-Code für")
            assert "höchstens 112 Zeichen lang sein (jetzt 113)" in problem.message
            assert "Ebenso zu klein: winter.pdf (streetwork), winter.pdf (tafel-nord)." in (
                problem.message)
            with pytest.raises(FlyerError):
                render_job(job, options)


def test_every_layout_lists_its_codes_without_drawing(catalog, options):
    sheet = _sheet(catalog, "notschlafstelle", SITE_URL)
    (card,) = Card(sheet, options).qr_boxes()
    assert (card.url, card.size_mm, card.where) == (sheet.qr_url, 38.0, "notschlafstelle-karte.pdf")
    main, strips = Poster(sheet, options).qr_boxes()
    assert main.size_mm == 62.0 and strips.copies == 9
    assert strips.where == "notschlafstelle-aushang.pdf (Abreißstreifen)"
    # Nine strips share the 200 mm inside the margins; 0.75 mm between code and cut line.
    assert round(strips.size_mm, 2) == round(200 / 9 - 1.5, 2)
