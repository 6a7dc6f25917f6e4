"""Making flyers: cache, parallel workers, the site build's family, the atlas flyers command."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools import parallel
from build_tools.build import inspect, render
from build_tools.cli import main
from build_tools.config import AtlasConfig, FlyerSettings
from build_tools.flyers.page import PrintOptions

from ..buildkit import project_for, tools
from .conftest import (
    FIXTURE_CONTENT,
    FIXTURE_DEFINITIONS,
    SITE_URL,
    TODAY,
    fixture_catalog,
    make_flyers,
)


def test_cache_reuses_unchanged_offers(tmp_path, options):
    catalog = fixture_catalog()
    first = make_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path)
    assert first.rendered == len(first.files) and first.cached == 0
    again = make_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path)
    assert again.rendered == 0 and again.files == first.files
    catalog.offer("tafel-nord").summary = "Neue Kurzbeschreibung."
    edited = make_flyers(catalog, options, FIXTURE_DEFINITIONS, tmp_path)
    # Card and poster of the edited offer, and the three Wegweiser that list it.
    assert edited.rendered == 2 + 3
    assert edited.files["flyers/tafel-nord-karte.pdf"] != first.files["flyers/tafel-nord-karte.pdf"]
    assert edited.files["flyers/notschlafstelle-karte.pdf"] == (
        first.files["flyers/notschlafstelle-karte.pdf"])


def test_options_are_part_of_the_key(tmp_path, options):
    catalog = fixture_catalog()
    make_flyers(catalog, options, None, tmp_path)
    bleed = PrintOptions(site_url=SITE_URL, bleed_mm=3)
    assert make_flyers(catalog, bleed, None, tmp_path).cached == 0


def test_source_date_epoch_is_part_of_the_key(tmp_path, options, monkeypatch):
    catalog = fixture_catalog()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    make_flyers(catalog, options, None, tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")
    assert make_flyers(catalog, options, None, tmp_path).cached == 0


def test_parallel_build_gives_identical_bytes(monkeypatch, options):
    catalog = fixture_catalog()
    serial = make_flyers(catalog, options, FIXTURE_DEFINITIONS, processes=1)
    monkeypatch.setattr(parallel, "POOL_FROM", 0)
    in_pool = make_flyers(catalog, options, FIXTURE_DEFINITIONS, processes=2)
    assert in_pool.files == serial.files
    assert list(in_pool.files) == sorted(in_pool.files)


def _project(tmp_path: Path, **settings):
    (tmp_path / "flyers").mkdir(exist_ok=True)
    for definition in FIXTURE_DEFINITIONS.glob("*.yml"):
        (tmp_path / "flyers" / definition.name).write_bytes(definition.read_bytes())
    config = AtlasConfig(name="Hilfe in Musterstadt", site_url=SITE_URL, **settings)
    return project_for(FIXTURE_CONTENT, config, tmp_path)


def test_site_family_makes_every_flyer_through_the_cache(tmp_path):
    project = _project(tmp_path)
    inputs, problems = inspect(project, TODAY)
    assert inputs is not None and not [p for p in problems if p.severity == "error"]
    first = [f for f in render(inputs, tools(tmp_path / "cache")).files if f.path.startswith("flyers/")]
    files = {f.path: f.read() for f in first}
    assert all(data.startswith(b"%PDF-") for data in files.values())
    # Cached PDFs stay on disk: the site build links them instead of holding them in memory.
    again = [f for f in render(inputs, tools(tmp_path / "cache")).files if f.path.startswith("flyers/")]
    assert all(f.source and f.data == b"" for f in again)
    assert {f.path: f.read() for f in again} == files
    for offer in inputs.catalog.published:
        assert f"flyers/{offer.id}-karte.pdf" in files
        assert f"flyers/{offer.id}-aushang.pdf" in files
    assert "flyers/heft.pdf" in files
    assert set(files) == inputs.flyers.paths


def test_no_flyers_without_site_url_or_when_switched_off(tmp_path):
    for project in (project_for(FIXTURE_CONTENT, AtlasConfig(), tmp_path),
                    _project(tmp_path, flyers=FlyerSettings(enabled=False))):
        inputs, _ = inspect(project, TODAY)
        assert inputs is not None and inputs.flyers is None
        assert not [f for f in render(inputs, tools()).files if f.path.startswith("flyers/")]


def test_bad_definitions_are_load_problems(tmp_path):
    project = _project(tmp_path)
    (tmp_path / "flyers" / "bad.yml").write_text("title: X\nselect:\n  categories: [tanzen]\n")
    _, problems = inspect(project, TODAY)
    assert any("bad.yml:3:16: error" in p.format_text() for p in problems), problems


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
