"""Printed URLs against changing content: delete, rename, end, re-add — each case's outcome."""

from __future__ import annotations

import shutil
from datetime import date
from html.parser import HTMLParser

import pytest

from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.ledger import LedgerEntry, append_entries, check_ledger, read_ledger
from build_tools.ledger.site import alias_pages
from build_tools.templating import templates_for

from ..conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
SITE = "https://hilfe.example.org/musterstadt/"
TODAY = date(2026, 11, 22)


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    ledger = tmp_path / "flyers" / "printed-urls.txt"
    append_entries(ledger, [
        LedgerEntry(date(2026, 3, 1), SITE + "angebote/tafel/", "tafel-karte.pdf", "essen", "Tafel Mitte"),
        LedgerEntry(date(2026, 3, 1), SITE + "kategorien/essen/", "wegweiser.pdf"),
    ])
    return tmp_path


def _check(catalog, project):
    entries, problems = read_ledger(project / "flyers" / "printed-urls.txt", "ledger")
    assert problems == []
    return check_ledger(catalog, entries, "ledger")


def _problems(project):
    config = AtlasConfig(site_url=SITE)
    result = load_catalog(project / "content", config, TODAY)
    assert result.catalog is not None, result.problems
    return [p.format_text() for p in _check(result.catalog, project)], result.catalog


def _offer(project):
    return project / "content" / "offers" / "tafel.yml"


def test_unchanged_content_keeps_every_printed_url(project):
    assert _problems(project)[0] == []


def test_deleted_offer_breaks_a_printed_url(project):
    _offer(project).unlink()
    problems, _ = _problems(project)
    assert problems == [
        "ledger:3:1: error: url: https://hilfe.example.org/musterstadt/angebote/tafel/ (gedruckt am "
        "2026-03-01 auf tafel-karte.pdf) führt ins Leere: das Angebot 'tafel' gibt es nicht mehr. Datei "
        "wiederherstellen und status: ended setzen, oder beim neuen Angebot aliases: [tafel] eintragen."
    ]


def test_renamed_without_alias_breaks_and_with_alias_redirects(project):
    _offer(project).rename(_offer(project).with_name("tafel-mitte.yml"))
    problems, _ = _problems(project)
    assert len(problems) == 1 and "aliases: [tafel]" in problems[0]
    path = project / "content" / "offers" / "tafel-mitte.yml"
    path.write_text(path.read_text(encoding="utf-8") + "aliases: [tafel]\n", encoding="utf-8")
    problems, catalog = _problems(project)
    assert problems == []
    (page,) = alias_pages(catalog, templates_for(None))
    assert page.path == "angebote/tafel/index.html"
    html = page.data.decode()

    class Heads(HTMLParser):
        found: dict = {}

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "html":
                self.found["lang"] = a.get("lang")
            if tag == "link" and a.get("rel") == "canonical":
                self.found["canonical"] = a["href"]
            if tag == "meta" and a.get("http-equiv") == "refresh":
                self.found["refresh"] = a["content"]
            if tag == "script":
                self.found["script"] = (a["src"], a["data-target"])
            if tag == "a":
                self.found["link"] = a["href"]

    parser = Heads()
    parser.feed(html)
    assert parser.found == {
        "lang": "de",
        "canonical": SITE + "angebote/tafel-mitte/",
        "refresh": "0; url=../tafel-mitte/",
        "script": ("../../assets/javascripts/atlas-redirect.js", "../tafel-mitte/"),
        "link": "../tafel-mitte/",
    }
    assert "Dieses Angebot hat eine neue Adresse" in html


def test_ended_offer_keeps_its_url(project):
    path = _offer(project)
    path.write_text(path.read_text(encoding="utf-8") + "status: ended\n", encoding="utf-8")
    assert _problems(project)[0] == []


def test_id_reused_for_a_different_offer_is_refused(project):
    _offer(project).write_text(
        "title: Schuldnerberatung\nsummary: Hilfe bei Schulden.\ncategory: beratung\n"
        "location: {lat: 50.8, lon: 6.48}\nlast_verified: 2026-10-01\n",
        encoding="utf-8",
    )
    problems, _ = _problems(project)
    assert len(problems) == 1
    assert "gehörte zu „Tafel Mitte“ (essen) und wird jetzt für ein anderes Angebot („Schuldnerberatung“)" in problems[0]


def test_removed_category_breaks_its_printed_page(project):
    cats = project / "content" / "categories.yml"
    cats.write_text(cats.read_text(encoding="utf-8").replace("essen", "lebensmittel"), encoding="utf-8")
    _offer(project).write_text(_offer(project).read_text(encoding="utf-8").replace("essen", "lebensmittel"), encoding="utf-8")
    problems, _ = _problems(project)
    assert problems == [
        "ledger:4:1: error: url: https://hilfe.example.org/musterstadt/kategorien/essen/ (gedruckt am "
        "2026-03-01 auf wegweiser.pdf) führt ins Leere: die Kategorie 'essen' fehlt in "
        "content/categories.yml. Kategorie wieder aufnehmen."
    ]


def test_changed_site_url_is_reported(project):
    config = AtlasConfig(site_url="https://neu.example.org/")
    catalog = load_catalog(project / "content", config, TODAY).catalog
    problems = _check(catalog, project)
    assert [p.format_text() for p in problems] == [
        "ledger:3:1: error: url: 2 gedruckte Adressen liegen nicht unter site_url 'https://neu.example.org/' "
        "(zuerst https://hilfe.example.org/musterstadt/angebote/tafel/, gedruckt am 2026-03-01 auf "
        "tafel-karte.pdf): site_url wurde geändert? Gedruckte Adressen müssen erreichbar bleiben — auf "
        "dem alten Server weiterleiten und site_url zurücksetzen."
    ]


def test_append_is_idempotent_and_malformed_lines_are_reported(project):
    ledger = project / "flyers" / "printed-urls.txt"
    again = LedgerEntry(date(2026, 4, 1), SITE + "angebote/tafel/", "tafel-karte.pdf")
    assert append_entries(ledger, [again]) == 0
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write("gestern\thttps://x\tflyer.pdf\n")
    entries, problems = read_ledger(ledger, "ledger")
    assert len(entries) == 2
    assert [p.format_text() for p in problems] == [
        "ledger:5:1: error: ungültiges Datum 'gestern' (JJJJ-MM-TT)"
    ]
