"""One pictogram for paper and screen: every category icon drawn by ReportLab (a real PDF,
rendered by PDFium) and as the site's inline SVG (the real template macro, rendered by
Chromium) covers the same pixels."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from reportlab.lib.colors import black
from reportlab.pdfgen.canvas import Canvas

from build_tools.flyers.icons import draw_icon
from build_tools.pictograms import FALLBACK, PICTOGRAMS, pictogram, svg_shapes
from build_tools.templating import templates_for
from tests.buildkit import sample_project

SIZE = 96  # pixels of the square both renderers fill
pytestmark = pytest.mark.xdist_group("browser")


def _pdf_mask(name: str) -> np.ndarray:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(SIZE, SIZE), invariant=1)
    draw_icon(canvas, name, SIZE / 2, SIZE / 2, SIZE, black)
    canvas.showPage()
    canvas.save()
    page = pdfium.PdfDocument(out.getvalue())[0]
    image = page.render(scale=1, grayscale=True).to_numpy()
    return image[:, :, 0] < 128 if image.ndim == 3 else image < 128


def _svg_masks(browser, names: list[str]) -> dict[str, np.ndarray]:
    macros = templates_for(None).env.get_template("_macros.html").module
    cells = "".join(f'<div id="i{i}">{macros.pictogram(svg_shapes(n), SIZE)}</div>' for i, n in enumerate(names))
    page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
    page.set_content(f"<style>body{{margin:0;background:#fff;color:#000}} div{{width:{SIZE}px;height:{SIZE}px}}"
                     f" svg{{display:block}}</style>{cells}")
    masks = {}
    for i, name in enumerate(names):
        png = page.locator(f"#i{i}").screenshot()
        from PIL import Image

        image = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
        masks[name] = image < 128
    page.close()
    return masks


def test_every_sample_category_names_a_known_pictogram():
    from build_tools.clock import build_date
    from build_tools.content import load_catalog

    project = sample_project()
    catalog = load_catalog(project.content_dir, project.settings, build_date()).catalog
    assert catalog is not None
    used = {cat.icon for cat in catalog.categories.values()}
    assert used <= set(PICTOGRAMS) and len(used) == len(catalog.categories)


def test_unknown_name_draws_the_fallback():
    assert pictogram("no-such-icon") == PICTOGRAMS[FALLBACK]


@pytest.mark.parametrize("name", sorted(PICTOGRAMS))
def test_svg_uses_only_the_shapes_of_its_definition(name):
    shapes = svg_shapes(name)
    assert len(shapes) == len(PICTOGRAMS[name])
    assert {s["tag"] for s in shapes} <= {"rect", "circle", "line", "path"}


def test_paper_and_screen_draw_the_same_pictogram(browser):
    names = sorted(PICTOGRAMS)
    screen = _svg_masks(browser, names)
    for name in names:
        paper = _pdf_mask(name)
        assert paper.shape == screen[name].shape == (SIZE, SIZE)
        ink = paper.sum()
        assert ink > SIZE * SIZE * 0.05, f"{name}: almost nothing drawn on paper ({ink} px)"
        overlap = (paper & screen[name]).sum() / (paper | screen[name]).sum()
        # Anti-aliasing differs between PDFium and Chromium along the edges, nothing more.
        assert overlap > 0.85, f"{name}: paper and screen differ (overlap {overlap:.2f})"
    # And the pictograms are told apart: no two are the same picture.
    for a in names:
        for b in names:
            if a < b:
                same = (screen[a] & screen[b]).sum() / (screen[a] | screen[b]).sum()
                assert same < 0.8, f"{a} and {b} look alike ({same:.2f})"
