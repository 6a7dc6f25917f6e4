"""A project's ``custom_dir/atlas/planning/…`` replaces our planning templates, macros included."""

from __future__ import annotations

from build_tools.planning.analysis import analyse
from build_tools.planning.pages import planning_pages
from build_tools.templating import Templates

from ..htmlquery import parse
from .test_pages import sample

NAV = """{% macro nav(links, current) -%}
<nav class="stadt-nav"><a href="{{ links.overview }}">Start der Planung</a></nav>
{%- endmacro %}
"""


def _pages(catalog, templates=None):
    result = analyse(catalog, catalog.config.planning)
    return {p.path: p for p in planning_pages(result, templates=templates)}


def test_a_macro_override_changes_every_planning_page(square, tmp_path):
    ours = (Templates().folders[0] / "planning" / "_macros.html").read_text(encoding="utf-8")
    start = ours.index("{% macro nav")
    end = ours.index("{%- endmacro %}", start) + len("{%- endmacro %}")
    folder = tmp_path / "atlas" / "planning"
    folder.mkdir(parents=True)
    (folder / "_macros.html").write_text(ours[:start] + NAV + ours[end:], encoding="utf-8")

    default = _pages(sample(square))
    custom = _pages(sample(square), Templates(tmp_path))
    for path, page in custom.items():
        tree = parse(page.html)
        [nav] = tree.find_all("nav", **{"class": "stadt-nav"})
        assert nav.text == "Start der Planung"
        assert not tree.find_all("nav", aria_label="Planung")
        # The rest of the page is ours, unchanged.
        assert page.html.split("</nav>", 1)[1] == default[path].html.split("</nav>", 1)[1]
