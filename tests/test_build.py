"""The driver: load then render; the forked half gives what one process gives; safe paths."""

from __future__ import annotations

import os

import pytest

from build_tools.build import FAMILIES, check_output_paths, inspect, render
from build_tools.outputs import Contribution, GeneratedFile, GeneratedPage
from build_tools.security.paths import UnsafePath
from tests.pages.conftest import FIXTURE_CONTENT, FIXTURE_DAY, fixture_config

from .buildkit import inputs_for, project_for, tools


def _flatten(contribution):
    pages = [(p.path, p.title, p.html, p.meta, p.markdown) for p in contribution.pages]
    files = [(f.path, f.read()) for f in contribution.files]
    return pages, files


def test_render_in_two_processes_equals_render_in_one(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    inputs = inputs_for(FIXTURE_CONTENT, fixture_config(), FIXTURE_DAY, root=tmp_path)
    together = _flatten(render(inputs, tools(tmp_path / "cache", fork=True)))
    alone = _flatten(render(inputs, tools(None, fork=False)))
    assert together == alone
    paths = [path for path, _ in together[1]]
    assert any(p.startswith("daten/") for p in paths), "exports come from the forked half"
    assert any(p.startswith("flyers/") for p in paths)
    assert not any(f.deferred for f in render(inputs, tools(None)).files), "the driver makes every file"


def test_every_family_is_an_imported_function():
    assert all(callable(family) and family.__name__.startswith("render") for family in FAMILIES)
    assert len(set(FAMILIES)) == len(FAMILIES)
    assert {family.__module__.split(".")[1] for family in FAMILIES} == {
        "pages", "maps", "flyers", "exports", "planning", "ledger", "desk", "news"}


def test_load_phase_finds_what_the_build_refuses_in_one_run(tmp_path):
    flyers = tmp_path / "flyers"
    flyers.mkdir()
    (flyers / "kaputt.yml").write_text("title: X\nselect: {ids: [gibt-es-nicht]}\n", encoding="utf-8")
    (flyers / "printed-urls.txt").write_text(
        "2026-01-01\thttps://hilfe.test.example/angebote/weg/\tweg-karte.pdf\n", encoding="utf-8")
    settings = fixture_config().model_copy(update={"planning": fixture_config().planning.model_copy(
        update={"thresholds_m": {"esen": 800}})})
    inputs, problems = inspect(project_for(FIXTURE_CONTENT, settings, tmp_path), FIXTURE_DAY)
    errors = [p for p in problems if p.severity == "error"]
    messages = " | ".join(p.format_text() for p in errors)
    assert "unbekanntes Angebot 'gibt-es-nicht'" in messages
    assert "führt ins Leere" in messages
    assert "unbekannte Kategorie 'esen'" in messages
    assert inputs is not None and len(errors) == 3


@pytest.mark.parametrize("path", ["../x.pdf", "/etc/x", "flyers/CON.pdf", "daten/ta\u0430fel.csv", "a\\b"])
def test_unsafe_file_paths_are_refused(path):
    with pytest.raises(UnsafePath):
        check_output_paths(Contribution(files=[GeneratedFile(path, b"")]))


def test_case_collisions_are_refused():
    pages = [GeneratedPage("angebote/tafel/", "T", "")]
    files = [GeneratedFile("angebote/Tafel.md", b"")]
    with pytest.raises(UnsafePath, match="Groß-/Kleinschreibung"):
        check_output_paths(Contribution(pages=pages, files=files))


def test_ordinary_paths_pass():
    check_output_paths(Contribution(
        pages=[GeneratedPage("angebote/tafel/", "T", ""), GeneratedPage("", "Start", "")],
        files=[GeneratedFile("flyers/tafel-karte.pdf", b""), GeneratedFile("daten/hsds/services.json", b"")],
    ))


def test_an_error_in_one_file_hides_no_printed_url_and_no_flyer_problem(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    offers = content / "offers"
    first, second, *_ = sorted(offers.glob("*.yml"))
    first.write_text(first.read_text(encoding="utf-8") + "related: [gibt-es-nicht]\n", encoding="utf-8")
    (tmp_path / "flyers").mkdir()
    (tmp_path / "flyers" / "printed-urls.txt").write_text(
        "2026-01-01\thttps://hilfe.test.example/angebote/weg/\tweg-karte.pdf\n"
        f"2026-01-01\thttps://hilfe.test.example/angebote/{second.stem}/\t{second.stem}-karte.pdf\n"
        "2026-01-01\thttps://hilfe.test.example/angebote/frueher/\tfrueher-karte.pdf\n",
        encoding="utf-8")
    second.write_text("title: [kaputt\n", encoding="utf-8")  # does not even parse
    third = sorted(offers.glob("*.yml"))[2]
    third.write_text("title:\naliases: [frueher]\n" + third.read_text(encoding="utf-8").split("\n", 1)[1],
                     encoding="utf-8")  # invalid, but its old id is still its own
    long_url = "https://www.kreis-neustadt.example/" + "kreishaus/amt/" * 14
    settings = fixture_config().model_copy(update={"site_url": long_url})
    (tmp_path / "flyers" / "printed-urls.txt").write_text(
        (tmp_path / "flyers" / "printed-urls.txt").read_text().replace("https://hilfe.test.example/", long_url))
    inputs, problems = inspect(project_for(content, settings, tmp_path), FIXTURE_DAY)
    assert inputs is None  # never rendered from half-valid content
    text = "\n".join(p.format_text() for p in problems if p.severity == "error")
    assert "related[0]: unbekanntes Angebot 'gibt-es-nicht'" in text
    assert f"{second.name}:1:" in text  # its own YAML error
    assert "angebote/weg/ (gedruckt am 2026-01-01 auf weg-karte.pdf) führt ins Leere" in text
    assert f"angebote/{second.stem}/ (gedruckt" not in text  # broken, not gone
    assert "angebote/frueher/ (gedruckt" not in text  # an old id of a broken file
    # The flyers are still planned: a site_url this long leaves the tear-off codes too small.
    assert ": error: flyer: " in text and "(Abreißstreifen): QR-Code für" in text


def test_a_warm_build_takes_the_slow_pure_parts_from_the_stored_memory(tmp_path, monkeypatch):
    """What a build keeps (parsed YAML, rendered Markdown, holidays, map descriptions, the
    planning report's PDF, glyph checks, the need words' syllables) the next build, in another process, takes from the project's cache —
    and renders the same pages."""
    from dataclasses import replace

    import build_tools.maps.spec as spec
    from build_tools import build, hyphenation, yamlio
    from build_tools.flyers import plan as flyer_plan
    from build_tools.opening_hours import compact
    from build_tools.pages import common
    from build_tools.planning import report_pdf

    project = project_for(FIXTURE_CONTENT, fixture_config(), tmp_path)
    first_memory = build.stored_memory(project)
    first = render(build.load(project, FIXTURE_DAY, first_memory),
                   replace(tools(None), memory=first_memory))
    assert sorted(p.name for p in (project.cache_dir / "memo").iterdir()) == [
        "glyphs-main.pickle", "holidays-main.pickle", "hyphenation-main.pickle", "maps-main.pickle",
        "markdown-main.pickle", "typst-main.pickle", "yaml-main.pickle"]

    def never(*_args, **_kwargs):
        raise AssertionError("made again although the stored memory has it")

    spec.plan_description.cache_clear()  # this process' own memo: gone as in a new process
    monkeypatch.setattr(yamlio, "load_yaml_text", never)
    monkeypatch.setattr(common, "render_markdown", never)
    monkeypatch.setattr(compact, "holiday_dates", never)
    monkeypatch.setattr(spec, "plan_description", never)
    monkeypatch.setattr(report_pdf, "compile_pdf", never)
    monkeypatch.setattr(flyer_plan, "missing_glyphs", never)
    monkeypatch.setattr(hyphenation, "german_dictionary", never)
    memory = build.stored_memory(project)
    again = render(build.load(project, FIXTURE_DAY, memory), replace(tools(None), memory=memory))
    assert _flatten(again) == _flatten(first)
