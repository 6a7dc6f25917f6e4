"""The flyer build: cache, parallel workers, site contribution, the atlas flyers command."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.flyers import build as build_module
from build_tools.flyers.build import build_flyers
from build_tools.flyers.page import PrintOptions
from build_tools.flyers.site import contribute
from build_tools.outputs import BuildContext
from build_tools.problems import ContentError

from .conftest import FIXTURE_CONTENT, FIXTURE_DEFINITIONS, SITE_URL, fixture_catalog


def test_cache_reuses_unchanged_offers(tmp_path, options):
    catalog = fixture_catalog()
    first = build_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path, processes=1)
    assert first.rendered == len(first.files) and first.cached == 0
    again = build_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path, processes=1)
    assert again.rendered == 0 and again.files == first.files
    catalog.offer("tafel-nord").summary = "Neue Kurzbeschreibung."
    edited = build_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path, processes=1)
    # Card and poster of the edited offer, and the three Wegweiser that list it.
    assert edited.rendered == 2 + 3
    assert edited.files["flyers/tafel-nord-karte.pdf"] != first.files["flyers/tafel-nord-karte.pdf"]
    assert edited.files["flyers/notschlafstelle-karte.pdf"] == (
        first.files["flyers/notschlafstelle-karte.pdf"])


def test_options_are_part_of_the_key(tmp_path, options):
    catalog = fixture_catalog()
    build_flyers(catalog, options, None, tmp_path, processes=1)
    bleed = PrintOptions(site_url=SITE_URL, bleed_mm=3)
    assert build_flyers(catalog, bleed, None, tmp_path, processes=1).cached == 0


def test_parallel_build_gives_identical_bytes(monkeypatch, options):
    catalog = fixture_catalog()
    serial = build_flyers(catalog, options, FIXTURE_DEFINITIONS, None, processes=1)
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 0)
    parallel = build_flyers(catalog, options, FIXTURE_DEFINITIONS, None, processes=2)
    assert parallel.processes == 2
    assert parallel.files == serial.files
    assert list(parallel.files) == sorted(parallel.files)


def test_site_contribution(tmp_path):
    catalog = fixture_catalog()
    ctx = BuildContext(site_url=SITE_URL, cache_dir=str(tmp_path),
                       extra={"flyers_dir": str(FIXTURE_DEFINITIONS)})
    first = contribute(catalog, ctx).files
    files = {f.path: f.read() for f in first}
    assert all(data.startswith(b"%PDF-") for data in files.values())
    # Cached PDFs stay on disk: the site build copies them instead of holding them in memory.
    again = contribute(catalog, ctx).files
    assert all(f.source and f.data == b"" for f in again)
    assert {f.path: f.read() for f in again} == files
    for offer in catalog.published:
        assert f"flyers/{offer.id}-karte.pdf" in files
        assert f"flyers/{offer.id}-aushang.pdf" in files
    assert "flyers/heft.pdf" in files
    assert all(path.startswith("flyers/") for path in files)
    assert contribute(catalog, BuildContext(site_url=None)).files == []
    assert contribute(catalog, BuildContext(site_url=SITE_URL, flyers=False)).files == []


def test_site_contribution_reports_bad_definitions(tmp_path):
    catalog = fixture_catalog()
    (tmp_path / "bad.yml").write_text("title: X\nselect:\n  categories: [tanzen]\n")
    ctx = BuildContext(site_url=SITE_URL, extra={"flyers_dir": str(tmp_path)})
    with pytest.raises(ContentError) as info:
        contribute(catalog, ctx)
    assert "bad.yml:3:16: error" in str(info.value)


def _mkdocs(tmp_path: Path, site_url: str | None) -> Path:
    config = tmp_path / "mkdocs.yml"
    lines = ["site_name: Test\n"]
    if site_url:
        lines.append(f"site_url: {site_url}\n")
    lines.append(f"plugins:\n  - atlas:\n      content_dir: {FIXTURE_CONTENT}\n")
    config.write_text("".join(lines))
    return config


def test_command_writes_pdfs(tmp_path, capsys):
    config = _mkdocs(tmp_path, SITE_URL)
    out = tmp_path / "out"
    code = main(["flyers", "--config", str(config), "--out", str(out), "--definitions",
                 str(FIXTURE_DEFINITIONS), "--bleed", "3", "--crop-marks", "--cmyk",
                 "--lang", "tr", "--jobs", "1"])
    assert code == 0, capsys.readouterr().err
    names = {p.name for p in out.iterdir()}
    assert "notschlafstelle-karte.pdf" in names and "heft.pdf" in names
    code = main(["flyers", "--config", str(config), "--out", str(tmp_path / "one"),
                 "--only", "tafel-nord", "--jobs", "1"])
    assert code == 0
    assert {p.name for p in (tmp_path / "one").iterdir()} == {"tafel-nord-karte.pdf",
                                                               "tafel-nord-aushang.pdf"}


def test_command_without_site_url_is_a_clear_error(tmp_path, capsys):
    config = _mkdocs(tmp_path, None)
    code = main(["flyers", "--config", str(config), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "site_url fehlt" in capsys.readouterr().err
    code = main(["flyers", "--config", str(config), "--site-url", SITE_URL, "--only",
                 "tafel-nord", "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert code == 0


def test_command_rejects_unknown_language(tmp_path, capsys):
    config = _mkdocs(tmp_path, SITE_URL)
    with pytest.raises(SystemExit):
        main(["flyers", "--config", str(config), "--lang", "xx"])
