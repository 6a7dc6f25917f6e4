"""A project's ``custom_dir/atlas/data.html`` replaces the /daten/ page; values stay escaped."""

from __future__ import annotations

from export_fixtures import fixture_catalog

from build_tools.exports.data_page import Download, data_page_html
from build_tools.templating import Templates
from tests.htmlquery import parse


def test_the_project_template_replaces_ours(tmp_path):
    (tmp_path / "atlas").mkdir()
    (tmp_path / "atlas" / "data.html").write_text(
        "<ul>{% for file in downloads %}<li><a href=\"{{ file.href }}\">{{ file.description }}"
        "</a> ({{ file.human_size }})</li>{% endfor %}</ul>\n",
        encoding="utf-8",
    )
    downloads = [Download("daten/angebote.csv", "CSV", "Alle <Angebote>", "text/csv", "CSV", 1234)]
    catalog = fixture_catalog()
    ours = parse(data_page_html(catalog, downloads))
    theirs = parse(data_page_html(catalog, downloads, templates=Templates(tmp_path)))
    assert ours.find_all("table") and not theirs.find_all("table")
    [link] = theirs.find_all("a")
    assert link.attrs["href"] == "angebote.csv"
    assert link.text == "Alle <Angebote>"  # escaped by the template, parsed back
    assert theirs.find_all("li")[0].text == "Alle <Angebote> (1,2 kB)"
