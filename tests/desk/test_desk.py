"""The editors' desk /redaktion/ and its CSV, on a content folder with offers that need work."""

from __future__ import annotations

import csv
import io

from build_tools import build, urls
from build_tools.desk.csvfile import HEADER, desk_csv
from build_tools.desk.findings import missing_fields, website_oddities
from build_tools.desk.model import HIDDEN_WARNING, desk_of
from build_tools.desk.site import render
from build_tools.validation.review import review_due

from ..buildkit import inputs_for, project_for, tools
from ..htmlquery import Element, parse
from .conftest import DAY, SECRET_STREET, settings


def section(html: str, heading_id: str, tag: str) -> Element:
    """The first ``tag`` element after the heading with ``heading_id`` (its section's body)."""
    heading = parse(html).find("h2", id=heading_id)
    assert heading is not None and heading.parent is not None, heading_id
    siblings = [c for c in heading.parent.children if isinstance(c, Element)]
    return next(el for el in siblings[siblings.index(heading) + 1:] if el.tag == tag)


def _desk_page(content, **changes):
    inputs = inputs_for(content, settings(**changes), DAY)
    return inputs, render(inputs, tools())


def test_odd_website_addresses():
    assert website_oddities("https://www.caritas.de/x") == []
    assert website_oddities("www.caritas.de") == ["ohne https://"]
    assert website_oddities("http://caritas.de") == ["http statt https"]
    assert "Leerzeichen in der Adresse" in website_oddities("https://caritas .de")
    assert website_oddities("https://www.example.com/a") == ["Platzhalter-Adresse (example.com)"]
    assert website_oddities("https://beispiel.de") == ["Platzhalter-Adresse (beispiel.de)"]
    assert website_oddities("https://tafel.musterstadt.example") == ["Platzhalter-Adresse (tafel.musterstadt.example)"]
    # the sample atlas's fictive hosts are meant as they are
    assert website_oddities("https://tafel.musterstadt.example", sample_data=True) == []


def test_missing_fields_and_review_rule(content):
    inputs = inputs_for(content, settings(), DAY)
    catalog = inputs.catalog
    assert missing_fields(catalog.offer("alter-treff"), catalog.config) == [
        "Telefon", "Öffnungszeiten", "Übersetzung en", "Rollstuhl"]
    assert missing_fields(catalog.offer("tagestreff-mitte"), catalog.config) == []
    # the rule atlas check warns by: 12 months by default
    assert review_due(catalog.offer("alter-treff").last_verified, DAY, catalog.config) == 30
    assert review_due(catalog.offer("tagestreff-mitte").last_verified, DAY, catalog.config) is None


def test_desk_sorts_by_age_and_lists_what_is_due(content):
    inputs, result = _desk_page(content)
    desk = desk_of(inputs)
    ages = [row.offer.last_verified for row in desk.rows]
    assert ages == sorted(ages)
    assert "alte-suppenkueche" not in [row.offer.id for row in desk.rows]  # ended: nothing to check
    page = result.pages[0]
    due = section(page.html, "pruefung", "ul")
    assert [li.find("a").text for li in due.find_all("li")] == ["Alter Treff"]
    assert "vor 30 Monaten" in due.text
    websites = section(page.html, "webadressen", "ul").text
    assert "http statt https" in websites and "Platzhalter-Adresse (example.com)" in websites


def test_desk_warnings_are_atlas_checks(content):
    project = project_for(content, settings())
    _, problems = build.inspect(project, DAY)
    warnings = {(p.file, p.line, p.field) for p in problems if p.severity == "warning"}
    assert warnings, "the fixture has warnings (stale offer, http, a confidential street)"
    inputs = build.load(project, DAY)
    desk = desk_of(inputs)
    shown = {(inputs.catalog.sources[row.offer.id], w.line, w.field) for row in desk.rows for w in row.warnings}
    shown |= {(p.file, p.line, p.field) for p in inputs.warnings if p.file not in inputs.catalog.sources.values()}
    assert shown == warnings


def test_confidential_address_never_appears(content):
    inputs, result = _desk_page(content)
    page, csv_file = result.pages[0], result.files[0]
    assert SECRET_STREET not in page.html
    assert SECRET_STREET.encode() not in csv_file.data
    row = next(r for r in desk_of(inputs).rows if r.offer.id == "schutzwohnung")
    assert row.address == "Adresse geschützt"
    assert [w.message for w in row.warnings if w.field.startswith("location")] == [HIDDEN_WARNING]
    # the provider is who a mail merge writes to
    assert (row.email, row.phone) == ("schutz@frauen.musterstadt.example", "02421 555998")


def test_csv_for_german_excel(content):
    inputs, result = _desk_page(content)
    data = result.files[0].data
    assert result.files[0].path == urls.desk_csv_path() == "redaktion/pruefliste.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + len(desk_of(inputs).rows)
    by_id = {r[0]: dict(zip(HEADER, r, strict=True)) for r in rows[1:]}
    assert by_id["alter-treff"]["Prüfung fällig"] == "ja"
    assert by_id["alter-treff"]["Web-Adresse auffällig"] == "http://www.alter-treff.de: http statt https"
    assert by_id["tagestreff-mitte"]["Seite"] == "https://hilfe.test.example/angebote/tagestreff-mitte/"
    assert by_id["tagestreff-mitte"]["Adresse"] == "Marienstraße 14, 52349 Musterstadt"
    # a cell Excel would run as a formula starts with an apostrophe
    assert by_id["platzhalter-beratung"]["Träger"] == "'=SUMME(A1:A9) e. V."
    assert desk_csv(desk_of(inputs)) == data  # deterministic


def test_desk_stays_out_of_search_sitemap_and_can_be_switched_off(content):
    _, result = _desk_page(content)
    page = result.pages[0]
    assert page.path == "redaktion/"
    assert page.search is None
    assert page.meta["robots"].startswith("noindex") and page.meta["atlas_sitemap"] is False
    _, off = _desk_page(content, editorial_desk=False)
    assert off.pages == [] and off.files == []


def test_desk_without_git_says_so(content):
    _, result = _desk_page(content)
    assert "keinem Git-Repository" in section(result.pages[0].html, "geaendert", "p").text


def test_desk_lists_recent_changes_from_git(git_content):
    inputs, result = _desk_page(git_content)
    desk = desk_of(inputs)
    assert [(c.offer_id, c.day.isoformat(), c.kind) for c, _ in desk.recent[:2]] == [
        ("alte-suppenkueche", "2026-11-10", "changed"), ("tagestreff-mitte", "2026-11-03", "changed")]
    row = next(r for r in desk.rows if r.offer.id == "tagestreff-mitte")
    assert row.changed is not None and row.changed.day.isoformat() == "2026-11-03"
    text = section(result.pages[0].html, "geaendert", "ul").text
    assert "3. November 2026: Tagestreff Mitte — geändert" in text
