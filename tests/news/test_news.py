"""„Neu und geändert“, its Atom feed and the widget pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import feedparser

from build_tools import urls
from build_tools.history import NO_HISTORY
from build_tools.news.changes import events
from build_tools.news.site import render

from ..buildkit import inputs_for, tools
from ..desk.conftest import DAY, settings
from ..desk.test_desk import section
from ..htmlquery import parse

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def _events(content, **changes):
    inputs = inputs_for(content, settings(**changes), DAY)
    return inputs, [(e.offer.id, e.kind, e.day.isoformat()) for e in events(inputs.catalog, inputs.history)]


def test_events_from_git(git_content):
    _, found = _events(git_content)
    assert found[:3] == [("alte-suppenkueche", "ended", "2026-11-10"),
                         ("tagestreff-mitte", "changed", "2026-11-03"),
                         ("alter-treff", "new", "2026-10-01")]
    assert ("tagestreff-mitte", "new", "2026-10-01") in found
    assert sum(1 for _, kind, _ in found if kind == "ended") == 1


def test_events_without_git_come_from_the_offers_dates(content):
    inputs, found = _events(content)
    assert not inputs.history.available
    assert found[0][2] == "2026-10-01" and found[-1] == ("alter-treff", "changed", "2024-05-02")
    assert ("tagestreff-mitte", "changed", "2026-10-01") in found
    assert ("alte-suppenkueche", "ended", "2026-01-01") in found  # last_verified stands in
    assert all(kind != "new" for _, kind, _ in found)  # no valid_from in the fixture: no "new"


def test_changes_page(git_content):
    inputs = inputs_for(git_content, settings(), DAY)
    page = render(inputs, tools()).pages[0]
    assert page.path == urls.changes_path() == "neu/"
    assert page.meta["atlas_feed"] == "neu.xml"
    first_day = section(page.html, "tag-2026-11-10", "ul")
    assert "Alte Suppenküche" in first_day.text and "Beendet" in first_day.text
    assert parse(page.html).find("a", href="../neu.xml") is not None


def test_feed_is_valid_atom(git_content):
    inputs = inputs_for(git_content, settings(), DAY)
    result = render(inputs, tools())
    feed_file = next(f for f in result.files if f.path == urls.feed_path())
    parsed = feedparser.parse(feed_file.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Hilfe in Testheim: neu und geändert"
    first = parsed.entries[0]
    assert first.title == "Beendet: Alte Suppenküche"
    assert first.link == "https://hilfe.test.example/angebote/alte-suppenkueche/"
    assert first.updated_parsed[:3] == (2026, 11, 10)
    # RFC 4287's required elements, read with a plain XML parser
    root = ET.fromstring(feed_file.data)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Stadt Testheim"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://hilfe.test.example/neu.xml"
    assert RFC3339.match(root.find(f"{ATOM}updated").text)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(parsed.entries) > 5
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.find(f"{ATOM}title").text
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://")
    assert render(inputs, tools()).files[0].data == feed_file.data  # same input, same bytes


def test_feed_needs_site_url(content):
    inputs = inputs_for(content, settings(site_url=None), DAY)
    result = render(inputs, tools())
    assert not any(f.path == urls.feed_path() for f in result.files)
    assert "atlas_feed" not in result.pages[0].meta


def test_feed_escapes_editors_text(content):
    inputs = inputs_for(content, settings(), DAY)
    data = next(f for f in render(inputs, tools()).files if f.path == urls.feed_path()).data
    parsed = feedparser.parse(data)  # the Frauenhaus title holds <script> and &
    titles = [e.title for e in parsed.entries]
    assert "Geändert: Frauenhaus Musterstadt <script>alert(1)</script>" in titles
    assert b"<script>" not in data


def test_widget_pages(content):
    inputs = inputs_for(content, settings(), DAY)
    widgets = [p for p in render(inputs, tools()).pages if p.meta.get("atlas_page") == "widget"]
    catalog = inputs.catalog
    assert {p.path for p in widgets} == (
        {urls.embed_path("category", c) for c in catalog.categories}
        | {urls.embed_path("district", d) for d in catalog.districts})
    page = next(p for p in widgets if p.path == "einbetten/kategorie/hygiene/")
    assert urls.parse_path(page.path) == ("widget", "category/hygiene")
    assert page.meta["template"] == "atlas_widget.html" and page.meta["robots"] == "noindex"
    assert page.search is None and page.meta["atlas_sitemap"] is False
    tree = parse(page.html)
    links = tree.find_all("a")
    assert links and all(a.attrs.get("target") == "_top" for a in links)
    assert tree.find("span", data_atlas_status="tagestreff-mitte") is not None
    assert [s.attrs["src"] for s in tree.find_all("script") if "src" in s.attrs] == [
        "../../../assets/javascripts/atlas-hours.js"]


def test_events_are_limited_and_ordered(content):
    inputs = inputs_for(content, settings(), DAY)
    found = events(inputs.catalog, NO_HISTORY, limit=2)
    assert len(found) == 2 and found[0].day >= found[1].day
    assert found[0].day == date(2026, 10, 1)
