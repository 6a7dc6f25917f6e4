"""Every valid hostile offer renders inert: pages, JSON blocks, exports and flyers.

The browser test proves the same in Chromium; these checks parse the renderers' output directly
and name the exact field that slipped through.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from build_tools.urls import data_file_path
from tests.corpus.harness import payload_yaml

from .conftest import SITE_URL, valid_hostile_cases
from .htmlcheck import inspect, visible_text

CASES = valid_hostile_cases()
MARKDOWN_FIELDS = ("description",)


def _pages(render):
    return {page.path: page for page in render.contribution.pages}


def _get(data, dotted: str):
    for part in dotted.replace("]", "").replace("[", ".").split("."):
        data = data[int(part)] if part.isdigit() else data[part]
    return data


def test_every_page_is_well_formed_and_inert(hostile_render) -> None:
    findings = {}
    for page in hostile_render.contribution.pages:
        found = inspect(page.html).findings
        if found:
            findings[page.path] = found
    assert findings == {}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_payloads_show_as_text(hostile_render, case) -> None:
    """Plain-text fields carrying markup appear on the offer page as the very same text."""
    offer_id = Path(case.name).stem
    page = _pages(hostile_render)[f"angebote/{offer_id}/"]
    shown = " ".join([visible_text(inspect(page.html)), " ".join(page.title.split())])
    data = payload_yaml(case.name)
    for dotted in case.expected.get("escaped", []):
        if dotted.rsplit(".", 1)[-1] in MARKDOWN_FIELDS:
            continue
        value = " ".join(str(_get(data, dotted)).split())
        assert value in shown, f"{dotted} is not shown as text on {page.path}"


def test_organization_name_shows_as_text(hostile_render) -> None:
    """The provider's name from content/organizations/ (fixture) is escaped on the offer page."""
    page = _pages(hostile_render)["angebote/xss-provider-org/"]
    parser = inspect(page.html)
    assert parser.findings == []
    assert 'Beispielträger <script>alert("org")</script> e. V.' in visible_text(parser)


def test_description_links_are_sanitised(hostile_render) -> None:
    page = _pages(hostile_render)["angebote/xss-description-links/"]
    parser = inspect(page.html)
    assert parser.findings == []
    assert 'href="https://example.org/"' in page.html
    for chunk in page.html.split("<a ")[1:]:
        if 'href="https://example.org' in chunk.split(">")[0]:
            assert 'rel="noopener noreferrer"' in chunk.split(">")[0]


def test_json_and_geojson_exports_parse(hostile_render) -> None:
    for item in hostile_render.contribution.files:
        if item.path.endswith((".json", ".geojson")):
            json.loads(item.data.decode("utf-8"))


def test_csv_export_defuses_formulas_and_keeps_text(hostile_render) -> None:
    (item,) = [f for f in hostile_render.contribution.files if f.path == data_file_path("angebote.csv")]
    rows = list(csv.DictReader(io.StringIO(item.data.decode("utf-8-sig")), delimiter=";"))
    by_id = {row["id"]: row for row in rows}
    assert by_id["xss-title"]["titel"] == '<script>alert("title")</script>'
    for row in rows:
        for value in row.values():
            assert not (value or "").startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert by_id["xss-csv-formula"]["titel"] == "'=HYPERLINK(\"https://evil.example/\",\"Klick\")"


def test_flyers_print_payloads_as_text(hostile_render) -> None:
    """Flyers print every payload literally (ReportLab's paragraph markup is escaped)."""
    import pypdfium2

    from build_tools.flyers.page import PrintOptions
    from tests.flyers.conftest import make_flyers

    options = PrintOptions(site_url=SITE_URL, lang="de", error_correction="M", atlas_name="Atlas")
    ids = {o.id for o in hostile_render.catalog.offers}
    result = make_flyers(hostile_render.catalog, options, only=ids)
    assert [p for p in result.problems if p.severity == "error"] == []
    for offer_id, title in [("xss-title", '<script>alert("title")</script>'),
                            ("xss-title-attribute", '"><img src=x onerror=alert(1)>'),
                            ("xss-template-injection", "{{ config.site_name }} {% raw %}")]:
        document = pypdfium2.PdfDocument(result.files[f"flyers/{offer_id}-karte.pdf"])
        text = "".join(p.get_textpage().get_text_range() for p in document)
        # Lines may break (with a hyphen) inside the payload: compare without breaks.
        squeeze = str.maketrans("", "", " \n\r\t-\u00ad\ufffe\x02")
        assert title.translate(squeeze) in text.translate(squeeze), offer_id


def test_unprintable_glyphs_print_as_question_marks_with_a_warning(hostile_render) -> None:
    """Emoji the flyer font lacks: the flyer still prints (as "?") and the editor is warned."""
    from build_tools.flyers.page import PrintOptions
    from tests.flyers.conftest import make_flyers

    options = PrintOptions(site_url=SITE_URL, lang="de", error_correction="M", atlas_name="Atlas")
    result = make_flyers(hostile_render.catalog, options, only={"xss-unicode"})
    assert "flyers/xss-unicode-karte.pdf" in result.files
    warnings = [p for p in result.problems if p.file == "content/offers/xss-unicode.yml"]
    assert warnings and all(p.severity == "warning" for p in warnings)
    assert all("kann auf Flyern nicht gedruckt werden" in p.message for p in warnings)
