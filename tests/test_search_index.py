"""Our search entries equal what Material's own parser makes of the same page."""

from __future__ import annotations

from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from build_tools.content import load_catalog
from build_tools.pages import site as pages_site
from build_tools.search_index import page_entries, sections
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip(), s.is_excluded()) for s in parser.data]


def _ours(html: str) -> list[tuple]:
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip(), s.excluded) for s in sections(html)]


@pytest.fixture(scope="module")
def sample_pages():
    from types import SimpleNamespace

    from tests.buildkit import sample_project, tools

    project = sample_project()
    result = load_catalog(project.content_dir, project.settings, TODAY)
    assert result.catalog is not None
    inputs = SimpleNamespace(catalog=result.catalog, holidays=(), flyers=None)
    pages = pages_site.render(inputs, tools()).pages + pages_site.render_offers(inputs, tools()).pages
    return [p for p in pages if p.markdown is None]


def test_every_generated_sample_page_is_indexed_like_material_does(sample_pages):
    assert len(sample_pages) > 60
    for page in sample_pages:
        assert _ours(page.html) == _material(page.html), page.path


@pytest.mark.parametrize("html", [
    "<p>Vorwort</p><h2 id='a'>Eins <a class=\"headerlink\" href=\"#a\">¶</a></h2><p>Text &amp; mehr</p>",
    "<div><h2 id=x>Titel</h2><p>in div</p></div><p>danach</p><h3 id=y>Y</h3>",
    "<ul data-search-exclude><li>weg</li></ul><ul><li>da</li><li> </li></ul>",
    "<h2 id=f data-search-exclude>Drucken</h2><p>nicht im Index</p><h2 id=g>Ja</h2><p>im Index</p>",
    "<script>var x = '<p>nein</p>';</script><style>p{}</style><p>ja<br/>zwei</p>",
    "<pre><code>a\n  b</code></pre>\n\n\n<p>  c  </p><sub>1</sub><sup></sup>",
    "Text ohne Tag<h1 id=t>Eins</h1>mehr<img src=x alt=y><!-- kommentar --><hr>",
    "<h2>ohne id</h2><p>gehört zum Vorwort</p><h2 id=z>   </h2><p>leerer Titel</p>",
])
def test_edge_cases_match_material(html):
    assert _ours(html) == _material(html)


def test_entries_have_locations_titles_and_drop_excluded_sections():
    html = "<p>Vorwort</p><h2 id=zeiten>Zeiten</h2><ul><li>Mo</li></ul><h2 id=f data-search-exclude>F</h2>"
    assert page_entries("angebote/x/", "Titel &amp; Co", html) == [
        {"location": "angebote/x/", "title": "Titel &amp; Co", "text": "<p>Vorwort</p>"},
        {"location": "angebote/x/#zeiten", "title": "Zeiten", "text": "<ul><li>Mo</li></ul>"},
    ]
