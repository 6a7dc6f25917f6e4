"""Short links of QR codes: codes, redirect pages, the ledger's QR column, collisions."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from build_tools import urls
from build_tools.build import inspect
from build_tools.config import AtlasConfig
from build_tools.content import load_catalog
from build_tools.ledger import (
    LedgerEntry,
    append_entries,
    check_ledger,
    read_ledger,
    short_link_problems,
)
from build_tools.ledger.site import render as ledger_family
from build_tools.ledger.site import short_pages
from build_tools.templating import templates_for

from ..buildkit import project_for, tools
from ..conftest import ROOT
from ..htmlquery import parse

FIXTURE = ROOT / "tests" / "fixtures" / "minimal"
SITE = "https://hilfe.example.org/musterstadt/"
TODAY = date(2026, 11, 22)


def _short(name: str) -> str:
    return SITE + urls.short_path(urls.short_code(name))


@pytest.fixture
def content(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    return tmp_path / "content"


def _catalog(content):
    result = load_catalog(content, AtlasConfig(site_url=SITE), TODAY)
    assert result.catalog is not None, result.problems
    return result.catalog


def _add_offer(content, name: str, extra: str = "") -> None:
    (content / "offers" / f"{name}.yml").write_text(
        "title: Kleiderkammer\nsummary: Kleidung für alle.\ncategory: essen\n"
        "location: {street: Markt 2, postal_code: '52349', city: Musterstadt, lat: 50.8, lon: 6.48}\n"
        "last_verified: 2026-10-01\n" + extra, encoding="utf-8")


def _ledger(tmp_path, *entries: LedgerEntry):
    path = tmp_path / "printed-urls.txt"
    append_entries(path, entries)
    read, problems = read_ledger(path, "ledger")
    assert problems == []
    return read


@pytest.mark.parametrize("name", ["tafel", "a", "x" * 60, "notunterkunft-mitte-im-alten-bahnhof"])
def test_a_code_is_seven_crockford_characters_and_stable(name):
    code = urls.short_code(name)
    assert len(code) == 7 and set(code) <= set("0123456789abcdefghjkmnpqrstvwxyz")
    assert urls.short_code(name) == code
    assert urls.short_path(code) == f"q/{code}/"
    assert urls.parse_path(f"q/{code}/") == ("short", code)


def test_codes_are_pinned():
    """A printed code is a promise: the derivation must never change."""
    assert urls.short_code("tafel") == "1caqp45"
    assert urls.short_code("notunterkunft-mitte") == "gwmcm6k"


@pytest.mark.parametrize("path", ["q/abc/", "q/1caqp4u/", "q/1CAQP45/", "q/1caqp45/x/", "q/1caqp45"])
def test_near_misses_are_no_short_links(path):
    assert urls.parse_path(path)[0] != "short"


@pytest.mark.parametrize("code", ["abc", "1caqp4u", "1CAQP45", "1caqp450", "../../x"])
def test_short_path_refuses_what_is_no_code(code):
    with pytest.raises(ValueError):
        urls.short_path(code)


def test_every_id_ended_or_not_and_every_alias_gets_a_redirect_page(content):
    (content / "offers" / "tafel.yml").rename(content / "offers" / "tafel-mitte.yml")
    with (content / "offers" / "tafel-mitte.yml").open("a", encoding="utf-8") as handle:
        handle.write("aliases: [tafel]\n")
    _add_offer(content, "kleiderkammer", "status: ended\n")
    catalog = _catalog(content)
    pages = {p.path: p.data.decode() for p in short_pages(catalog, templates_for(None))}
    expected = {
        urls.short_path(urls.short_code("tafel-mitte")): "tafel-mitte",
        urls.short_path(urls.short_code("tafel")): "tafel-mitte",  # the printed code of the old id
        urls.short_path(urls.short_code("kleiderkammer")): "kleiderkammer",  # tombstone page
    }
    assert set(pages) == {path + "index.html" for path in expected}
    for path, offer_id in expected.items():
        tree = parse(pages[path + "index.html"])
        target = f"../../angebote/{offer_id}/"
        assert tree.find("html").attrs["lang"] == "de"
        assert tree.find("link", rel="canonical").attrs["href"] == SITE + f"angebote/{offer_id}/"
        assert tree.find("meta", http_equiv="refresh").attrs["content"] == f"0; url={target}"
        script = tree.find("script")
        assert script.attrs == {"src": "../../assets/javascripts/atlas-redirect.js",
                                "data-target": target}
        assert tree.find("a").attrs["href"] == target
        assert tree.find("h1").text == "Weiterleitung zum Angebot"
        assert tree.find("title").text == f"Weiterleitung: {catalog.offer(offer_id).title}"


def test_the_ledger_family_renders_alias_and_short_pages(content, tmp_path):
    with (content / "offers" / "tafel.yml").open("a", encoding="utf-8") as handle:
        handle.write("aliases: [tafel-alt]\n")
    inputs, problems = inspect(project_for(content, AtlasConfig(site_url=SITE), tmp_path), TODAY)
    assert inputs is not None and not [p for p in problems if p.severity == "error"]
    paths = [f.path for f in ledger_family(inputs, tools()).files]
    assert paths == sorted([
        "angebote/tafel-alt/index.html",
        f"q/{urls.short_code('tafel')}/index.html",
        f"q/{urls.short_code('tafel-alt')}/index.html",
    ])


def test_recorded_short_links_survive_a_rename_with_alias(content, tmp_path):
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "angebote/tafel/",
                                            "tafel-karte.pdf", "essen", "Tafel Mitte",
                                            qr=_short("tafel")))
    assert check_ledger(_catalog(content), entries, "ledger") == []
    (content / "offers" / "tafel.yml").rename(content / "offers" / "tafel-mitte.yml")
    problems = check_ledger(_catalog(content), entries, "ledger")
    assert len(problems) == 1 and "aliases: [tafel]" in problems[0].message
    with (content / "offers" / "tafel-mitte.yml").open("a", encoding="utf-8") as handle:
        handle.write("aliases: [tafel]\n")
    assert check_ledger(_catalog(content), entries, "ledger") == []


def test_an_unknown_code_names_the_offer_it_belonged_to(content, tmp_path):
    """A line whose readable URL was redirected by hand elsewhere, but whose code is gone."""
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "angebote/tafel/",
                                            "tafel-karte.pdf", qr=_short("tafel-alt")))
    (problem,) = check_ledger(_catalog(content), entries, "ledger")
    assert problem.format_text() == (
        f"ledger:3:1: error: url: {_short('tafel-alt')} (QR-Code, gedruckt am 2026-03-01 auf "
        "tafel-karte.pdf) führt ins Leere: kein Angebot und kein alter Name (aliases:) ergibt den "
        f"Code {urls.short_code('tafel-alt')!r} (laut Zeile gehörte er zu {SITE}angebote/tafel/). "
        "Die Zeile so wiederherstellen, wie atlas flyers --record sie geschrieben hat, oder die "
        "alte id beim Angebot unter aliases: eintragen.")


def test_a_deleted_offer_breaks_url_and_code_in_one_problem(content, tmp_path):
    _add_offer(content, "kleiderkammer")
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "angebote/kleiderkammer/",
                                            "kleiderkammer-karte.pdf", qr=_short("kleiderkammer")))
    assert check_ledger(_catalog(content), entries, "ledger") == []
    (content / "offers" / "kleiderkammer.yml").unlink()
    (problem,) = check_ledger(_catalog(content), entries, "ledger")
    # One problem per line: the readable URL's message already says how to fix both.
    assert "das Angebot 'kleiderkammer' gibt es nicht mehr" in problem.message
    assert "aliases: [kleiderkammer]" in problem.message


def test_a_deleted_offer_with_only_its_code_in_the_ledger(content, tmp_path, monkeypatch):
    """The readable URL still resolves (a hand-written page took its place), the code does not."""
    _add_offer(content, "kleiderkammer")
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "kleiderkammer/",
                                            "kleiderkammer-karte.pdf", qr=_short("kleiderkammer")))
    (content / "offers" / "kleiderkammer.yml").unlink()
    (problem,) = check_ledger(_catalog(content), entries, "ledger")
    assert "führt ins Leere: kein Angebot und kein alter Name" in problem.message


def test_the_qr_column_must_hold_a_short_link(content, tmp_path):
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "angebote/tafel/",
                                            "tafel-karte.pdf", qr=SITE + "q/tafel/"))
    (problem,) = check_ledger(_catalog(content), entries, "ledger")
    assert "in der Spalte QR-Code steht kein Kurzlink …/q/<code>/" in problem.message


def test_a_code_that_leads_to_another_offer_than_the_url(content, tmp_path):
    _add_offer(content, "kleiderkammer")
    entries = _ledger(tmp_path, LedgerEntry(date(2026, 3, 1), SITE + "angebote/tafel/",
                                            "tafel-karte.pdf", qr=_short("kleiderkammer")))
    (problem,) = check_ledger(_catalog(content), entries, "ledger")
    assert "führt zu 'kleiderkammer', die gedruckte Adresse" in problem.message


def test_old_five_column_lines_stay_valid_and_a_new_print_is_recorded_again(tmp_path):
    path = tmp_path / "printed-urls.txt"
    path.write_text("# alt\n2025-01-01\t" + SITE + "angebote/tafel/\ttafel-karte.pdf\tessen\tTafel\n",
                    encoding="utf-8")
    (old,) = read_ledger(path, "ledger")[0]
    assert old.qr == "" and old.title == "Tafel"
    again = LedgerEntry(date(2026, 1, 1), old.url, old.flyer, "essen", "Tafel", qr=_short("tafel"))
    assert append_entries(path, [again]) == 1 and append_entries(path, [again]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[-1].split("\t") == ["2026-01-01", old.url, "tafel-karte.pdf", "essen", "Tafel",
                                     _short("tafel")]


def test_the_sample_ledger_reads_unchanged():
    entries, problems = read_ledger(ROOT / "flyers" / "printed-urls.txt", "ledger")
    assert problems == [] and len(entries) == 123


def test_colliding_codes_are_a_load_error_naming_both_files(content, tmp_path, monkeypatch):
    _add_offer(content, "kleiderkammer", "aliases: [kleidung]\n")
    real = urls.short_code
    monkeypatch.setattr(urls, "short_code",
                        lambda name: "aaaaaaa" if name in ("tafel", "kleidung") else real(name))
    catalog = _catalog(content)
    (problem,) = short_link_problems(catalog)
    assert problem.file.endswith("offers/kleiderkammer.yml") and problem.field == "aliases"
    assert "der alte Name 'kleidung' ergibt denselben Kurzlink q/aaaaaaa/" in problem.message
    assert "wie 'tafel' in " in problem.message and "offers/tafel.yml" in problem.message
    # The load phase (atlas check, every build) refuses it.
    _, problems = inspect(project_for(content, AtlasConfig(site_url=SITE), tmp_path), TODAY)
    assert problem in problems
