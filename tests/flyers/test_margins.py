"""Every element of every flyer keeps 5 mm inside the trim.

Each PDF is built with a 3 mm bleed and crop marks, and every text, path and image object on
every page is measured from PDFium's page objects (:func:`.pdfcheck.elements`), in mm from the
trim box. Two kinds are exempt, both by design:

- **bleed areas**: colour bands that run off the page (``Sheet.bleed_rect``) — filled paths,
  and the tear-off strips' dashed cut lines, which must reach the edge. Exempt only where they
  run *through the whole bleed* on every side on which they leave the trim: anything that just
  touches the trim edge, or stops short of the bleed edge, is measured like everything else;
- **printer's marks**: crop marks, entirely outside the bleed box.

Everything else — text, QR codes with their quiet zone, pictograms, rules, the town map — must
stay at least :data:`~build_tools.flyers.page.SAFE_MM` inside the trim: on the sample atlas
(every card, poster and Wegweiser of ``flyers/*.yml``), on the long case (:mod:`.longcase`, under
a 60- and a 100-character site_url) and
on the fixture atlas printed right to left (Arabic). In the long case every code of every page
also still decodes.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from build_tools.build import inspect
from build_tools.clock import build_date
from build_tools.flyers.page import SAFE_MM, PrintOptions

from ..buildkit import sample_project
from .conftest import FIXTURE_DEFINITIONS, SITE_URL, make_flyers, qr_link
from .longcase import HUGE_SITE, LONG_SITE, long_catalog
from .pdfcheck import Element, decode, elements, pages_mm, render

ROOT = Path(__file__).resolve().parents[2]
BLEED = 3.0


def _deliberate(element: Element, trim: tuple[float, float]) -> bool:
    """A bleed area or a printer's mark (see the module docstring)."""
    left, bottom, right, top = element.box
    width, height = trim
    outside_bleed = (right <= -BLEED + 0.01 or left >= width + BLEED - 0.01
                     or top <= -BLEED + 0.01 or bottom >= height + BLEED - 0.01)
    if outside_bleed:
        return True  # crop marks live in the slug, outside the bleed box
    paint = (element.fill and not element.stroke) or (element.dashed and not element.fill)
    if not paint or element.kind != "path":
        return False
    sides = ((left < SAFE_MM, left <= -BLEED + 0.01), (bottom < SAFE_MM, bottom <= -BLEED + 0.01),
             (right > width - SAFE_MM, right >= width + BLEED - 0.01),
             (top > height - SAFE_MM, top >= height + BLEED - 0.01))
    near = [through for close, through in sides if close]
    return bool(near) and all(near)


def violations(pdf: bytes) -> tuple[list[tuple[int, Element, float]], float]:
    """Elements closer than 5 mm to the trim (page, element, margin), and the smallest margin."""
    found, smallest = [], float("inf")
    for index in range(len(pdfium.PdfDocument(pdf))):
        page_elements, trim = elements(pdf, index)
        for element in page_elements:
            if _deliberate(element, trim):
                continue
            margin = element.margin(trim)
            smallest = min(smallest, margin)
            if margin < SAFE_MM:
                found.append((index + 1, element, round(margin, 2)))
    return found, smallest


def _assert_all_inside(files: dict[str, bytes]) -> None:
    assert files
    report = {}
    for path, pdf in sorted(files.items()):
        bad, _ = violations(pdf)
        if bad:
            report[path] = [(page, e.kind, e.text[:30], margin) for page, e, margin in bad[:5]]
    assert report == {}


def test_the_check_sees_what_is_too_close():
    """A text at 3 mm, a code square at 4 mm and a band that stops short of the bleed fail;
    a band through the bleed and a crop mark pass."""
    import io

    from build_tools.flyers import fonts

    fonts.register()
    buffer = io.BytesIO()
    side = 105 * mm + 2 * BLEED * mm
    c = Canvas(buffer, pagesize=(side, side), trimBox=(BLEED * mm, BLEED * mm,
                                                      side - BLEED * mm, side - BLEED * mm))
    c.translate(BLEED * mm, BLEED * mm)
    c.setFont(fonts.REGULAR, 10)
    c.drawString(3 * mm, 50 * mm, "zu nah")
    c.rect(4 * mm, 20 * mm, 20 * mm, 20 * mm, stroke=0, fill=1)
    c.setFillColorRGB(0.2, 0.3, 0.6)
    c.rect(-BLEED * mm, 90 * mm, 105 * mm + 2 * BLEED * mm, 15 * mm + BLEED * mm, stroke=0,
           fill=1)  # runs through the bleed: deliberate
    c.rect(0, 60 * mm, 105 * mm, 10 * mm, stroke=0, fill=1)  # only touches the trim edge
    c.line(-BLEED * mm - 5 * mm, 0, -BLEED * mm - 1 * mm, 0)  # a crop mark in the slug
    c.showPage()
    c.save()
    bad, smallest = violations(buffer.getvalue())
    assert [(e.kind, e.text) for _, e, _ in bad] == [("text", "zu nah"), ("path", ""),
                                                     ("path", "")]
    text_margin, square, band = (m for _, _, m in bad)
    assert 3.0 <= text_margin < 3.5 and square == 4.0 and band == 0.0
    assert abs(smallest) < 0.01


@pytest.fixture(scope="module")
def sample_with_bleed():
    inputs, problems = inspect(sample_project(), build_date())
    assert inputs is not None, problems
    config = inputs.settings
    options = PrintOptions(site_url=config.site_url, atlas_name=config.name, bleed_mm=BLEED,
                           crop_marks=True, error_correction=config.flyers.qr_error_correction)
    result = make_flyers(inputs.catalog, options, ROOT / "flyers", processes=2)
    assert not result.problems
    return result.files


def test_sample_every_element_5mm_inside_the_trim(sample_with_bleed):
    kinds = {p.rsplit("-", 1)[-1] for p in sample_with_bleed if p.endswith(("karte.pdf",
                                                                             "aushang.pdf"))}
    assert kinds == {"karte.pdf", "aushang.pdf"}
    assert {"flyers/hilfe-bei-wohnungslosigkeit.pdf", "flyers/winterhilfe.pdf",
            "flyers/wegweiser-innenstadt.pdf"} <= set(sample_with_bleed)
    _assert_all_inside(sample_with_bleed)


@pytest.mark.parametrize("site_url", [LONG_SITE, HUGE_SITE], ids=["60", "100"])
def test_long_case_every_element_5mm_inside_the_trim(tmp_path, site_url):
    """The long case under a 60- and a 100-character site_url: URLs over four lines, codes of
    a higher version, seven tear-off strips."""
    catalog, definitions = long_catalog(tmp_path)
    options = PrintOptions(site_url=site_url, bleed_mm=BLEED, crop_marks=True)
    result = make_flyers(catalog, options, definitions, processes=2)
    assert not [p for p in result.problems if p.severity == "error"], result.problems
    assert {"flyers/heft-lang.pdf", "flyers/winter-lang.pdf", "flyers/bezirk-lang-mitte.pdf",
            "flyers/wohnungsnotfallhilfe-beratungsstelle-karte.pdf"} <= set(result.files)
    _assert_all_inside(result.files)
    _assert_codes_decode(result.files, catalog, site_url)


def _assert_codes_decode(files: dict[str, bytes], catalog, site_url: str) -> None:
    """Every code of every page decodes (rendered at 150 dpi): a card's and a poster's to their
    offer's short link (the poster's strips too), a Wegweiser's to its page or, for its entry
    codes, to its offers' short links."""
    shorts = {qr_link(o.id, site_url): o.id for o in catalog.published}
    for path, pdf in sorted(files.items()):
        found = [t for page in range(len(pages_mm(pdf))) for t in decode(render(pdf, page))]
        if path.endswith(("-karte.pdf", "-aushang.pdf")):
            offer_id = path.removeprefix("flyers/").rsplit("-", 1)[0]
            assert set(found) == {qr_link(offer_id, site_url)}, path
            assert len(found) > 1 or path.endswith("-karte.pdf"), path  # strips
        else:
            assert found and all(t.startswith(site_url) for t in found), (path, found)
            assert any(t not in shorts for t in found), path  # the cover's page link


def test_right_to_left_every_element_5mm_inside_the_trim(catalog):
    options = PrintOptions(site_url=SITE_URL, lang="ar", bleed_mm=BLEED, crop_marks=True)
    result = make_flyers(catalog, options, FIXTURE_DEFINITIONS)
    _assert_all_inside(result.files)
