"""The Pagefind run: the same records give the same bundle, and only what the search page loads."""

from __future__ import annotations

import json

import pytest

from build_tools import urls
from build_tools.search import bundle
from build_tools.search.bundle import IndexRun, Record, SearchIndexError, build_bundle
from build_tools.search.records import offer_record


@pytest.fixture(scope="module")
def records(sample, facts):
    found = [Record(urls.offer_path(o.id), html) for o in sample.offers
             if (html := offer_record(facts, o)) is not None]
    assert len(found) == len(sample.published)
    return found


@pytest.fixture(scope="module")
def files(records):
    return build_bundle(records)


def test_same_records_same_bundle_byte_for_byte(records, files):
    for _ in range(3):  # Pagefind 1.5.2 alone lists its filters in a new order on every run
        assert build_bundle(records) == files


def test_only_what_the_javascript_api_needs(files):
    names = [path.removeprefix("pagefind/") for path, _ in files]
    assert all(urls.parse_path(path)[0] == "search-index" for path, _ in files)
    for needed in ("pagefind.js", "pagefind-entry.json", "wasm.de.pagefind"):
        assert needed in names
    assert not [n for n in names if "-ui" in n or "playground" in n or "highlight" in n or "worker" in n]
    assert not [n for n in names if n.startswith("wasm.") and n != "wasm.de.pagefind"]
    entry = json.loads(dict(files)["pagefind/pagefind-entry.json"])
    assert list(entry["languages"]) == ["de"]
    assert entry["languages"]["de"]["page_count"] == len([n for n in names if n.startswith("fragment/")])


def test_an_atlas_without_offers_has_no_bundle():
    assert build_bundle([]) == []


def test_the_order_of_records_is_the_order_of_pages(records, files):
    other = build_bundle(reversed(records))
    assert dict(other).keys() != dict(files).keys()  # page numbers follow the records
    fragments = lambda found: sorted(d for p, d in found if "/fragment/" in p)  # noqa: E731
    assert fragments(other) == fragments(files)  # the same pages all the same


def test_a_failing_binary_is_an_error(monkeypatch, tmp_path, records):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setattr(bundle, "executable", lambda: fake)
    with pytest.raises(SearchIndexError, match="beendet"):
        IndexRun(tuple(records[:2])).start().files()


def test_records_in_two_languages_make_two_indexes(sample, facts):
    offer = sample.offer("strassenambulanz")
    english = Record("en/" + urls.offer_path(offer.id), offer_record(facts, offer, language="en"))
    german = Record(urls.offer_path(offer.id), offer_record(facts, offer))
    entry = json.loads(dict(build_bundle([german, english]))["pagefind/pagefind-entry.json"])
    assert sorted(entry["languages"]) == ["de", "en"]
    assert all(lang["page_count"] == 1 for lang in entry["languages"].values())


def test_a_language_without_a_stemmer_keeps_the_generic_webassembly(sample, facts):
    # Pagefind 1.5.2 has no Ukrainian stemmer: its entry says "wasm": null and pagefind.js then
    # loads wasm.unknown.pagefind, which must be in the bundle, or /uk/suche/ cannot search.
    offer = sample.offer("strassenambulanz")
    ukrainian = Record("uk/" + urls.offer_path(offer.id), offer_record(facts, offer, language="uk"))
    files = dict(build_bundle([ukrainian]))
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    assert entry["languages"]["uk"]["wasm"] is None
    assert "pagefind/wasm.unknown.pagefind" in files


def test_fragments_have_short_names_that_change_with_any_page(records, files):
    names = sorted(path for path, _ in files if "/fragment/" in path)
    tags = {name.split("_", 1)[1][:6] for name in names}
    assert len(tags) == 1 and len(names) == len(records)
    changed = [records[0], Record(records[1].path, records[1].html.replace("</h1>", " Neu</h1>", 1))]
    other = sorted(path for path, _ in build_bundle([*changed, *records[2:]]) if "/fragment/" in path)
    assert set(other).isdisjoint(names)  # no browser keeps a fragment of an older build
