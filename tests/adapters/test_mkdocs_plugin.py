"""The MkDocs plugin and `atlas build` on the small fixture atlas: strict, atomic, loud."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.adapters.mkdocs_plugin import AtlasPlugin
from build_tools.cli import main
from build_tools.config import MOVED_OPTIONS, AtlasConfig
from build_tools.resources import package_dir

from .project import FIXTURE, write_project


@pytest.fixture(autouse=True)
def _quiet_env(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_config_scheme_is_derived_from_the_settings_model():
    names = [name for name, _ in AtlasPlugin.config_scheme]
    assert names == [*AtlasConfig.model_fields, *MOVED_OPTIONS]


def test_build_is_strict_clean_and_writes_nothing_into_docs(tmp_path, capsys):
    before = sorted(p.name for p in (FIXTURE / "pages").iterdir())
    config = write_project(tmp_path)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    assert (site / "index.html").exists()
    assert (site / "angebote" / "tagestreff-mitte" / "index.html").exists()
    assert (site / "kategorien" / "hygiene" / "index.html").exists()
    assert (site / "sozialraeume" / "nord" / "index.html").exists()
    assert (site / "assets" / "stylesheets" / "atlas.css").exists()
    assert (site / "assets" / "stylesheets" / "atlas-categories.css").exists()
    assert sorted(p.name for p in (FIXTURE / "pages").iterdir()) == before
    assert "WARNING" not in capsys.readouterr().err
    html = (site / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    # The body is the renderer's HTML, untouched by Markdown.
    assert 'data-atlas-status="tagestreff-mitte"' in html
    assert list(tmp_path.glob(".site-*")) == []


def test_content_error_stops_the_build_and_keeps_the_old_site(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_project(tmp_path, content)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    marker = (site / "index.html").read_bytes()
    (content / "offers" / "kaputt.yml").write_text(
        "title: Kaputt\nsummary: x\ncategory: gibtsnicht\nlast_verified: 2026-01-01\n"
        "location: {lat: 50.8, lon: 6.48}\n", encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"kaputt\.yml:3:11: error: category: unbekannte Kategorie", err), err
    assert (site / "index.html").read_bytes() == marker
    assert list(tmp_path.glob(".site-*")) == []


def test_unknown_plugin_option_is_reported(tmp_path, capsys):
    config = write_project(tmp_path)
    text = config.read_text(encoding="utf-8").replace("sample_data: true", "sample_data: true\n    smaple: 1")
    config.write_text(text, encoding="utf-8")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) != 0
    assert "smaple" in capsys.readouterr().err


def test_serve_watches_content_and_templates(tmp_path):
    from mkdocs.config import load_config

    cfg = load_config(config_file=str(write_project(tmp_path)))
    plugin = cfg.plugins["atlas"]
    plugin.on_config(cfg)
    watched = []

    class Server:
        def watch(self, path):
            watched.append(Path(path))

    plugin.on_serve(Server(), cfg, None)
    assert FIXTURE.resolve() in watched
    assert package_dir() in watched


@pytest.mark.slow
def test_properdocs_builds_the_same_site(tmp_path):
    exe = Path(sys.executable).with_name("properdocs")
    assert exe.exists(), "properdocs fehlt: make test installiert die Test-Abhängigkeiten"
    config = write_project(tmp_path)
    site = tmp_path / "pd-site"
    run = subprocess.run([str(exe), "build", "--strict", "-f", str(config), "-d", str(site)],
                         capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    html = (site / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8")
    assert 'data-atlas-status="tagestreff-mitte"' in html
    assert (site / "pagefind" / "pagefind.js").exists()
    assert not (site / "search" / "search_index.json").exists()


def test_a_build_after_serving_in_the_same_process_is_a_build(tmp_path, capsys):
    """MkDocs keeps plugins that define on_startup across configs in one process; a one-off
    `atlas build` there must still refuse bad content (not show it as the preview would)."""
    from mkdocs.config import load_config

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    config = write_project(tmp_path, content)
    load_config(str(config)).plugins.on_startup(command="serve", dirty=False)
    (content / "offers" / "kaputt.yml").write_text("title: Kaputt\n", encoding="utf-8")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 1
    assert "die Vorschau zeigt sie im Browser" not in capsys.readouterr().err


def test_our_files_are_delivered_beside_mkdocs_and_links_to_them_still_checked(tmp_path, capsys):
    """Exports, short links and flyers are written by the delivery process, not copied by
    MkDocs; MkDocs still lists them, so a hand-written page may link to one (a build is strict)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "pages" / "offene-daten-hinweis.md").write_text(
        "# Daten\n\n[Alle Angebote als CSV](daten/angebote.csv)\n", encoding="utf-8")
    config = write_project(tmp_path, content)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    assert "WARNING" not in capsys.readouterr().err
    csv = site / "daten" / "angebote.csv"
    assert csv.read_text(encoding="utf-8").startswith("\ufeffid;titel;")
    assert (site / "daten" / "angebote.csv.gz").is_file()  # its twin came with it
    short = next((site / "q").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Content-Security-Policy" in short  # written there with the policy of every page
    assert list((site / "flyers").glob("*.pdf"))


def test_a_failed_delivery_fails_the_build_and_keeps_the_old_site(tmp_path, capsys, monkeypatch):
    from build_tools.adapters import site_files

    config = write_project(tmp_path)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    marker = (site / "index.html").read_bytes()

    def full_disk(target, data):
        if target.name == "angebote.csv":
            raise OSError(28, "Auf dem Gerät ist kein Speicherplatz mehr verfügbar", str(target))
        real(target, data)

    real = site_files._write

    monkeypatch.setattr(site_files, "_write", full_disk)  # inherited by the forked process
    capsys.readouterr()
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert re.search(r"daten/angebote\.csv: .*nicht geschrieben.*kein Speicherplatz", err), err
    assert (site / "index.html").read_bytes() == marker
    assert list(tmp_path.glob(".site-*")) == []


def test_pages_we_rendered_skip_markdown_and_hand_written_ones_do_not(tmp_path, monkeypatch):
    """MkDocs makes a Markdown instance with every extension for each page; ours come as HTML."""
    from mkdocs.structure.pages import Page

    converted = []
    real = Page.render

    def render(page, config, files):
        converted.append(page.file.src_uri)
        return real(page, config, files)

    monkeypatch.setattr(Page, "render", render)
    config = write_project(tmp_path)
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    hand_written = sorted(p.name for p in (FIXTURE / "pages").glob("*.md"))
    assert hand_written and set(hand_written) <= set(converted)
    assert "index.md" in converted  # in the nav: MkDocs' own page, with the nav's title
    assert "angebote/tagestreff-mitte.md" not in converted  # an offer page
    assert not [src for src in converted if re.fullmatch(r"angebote/(?!index)[^/]+\.md", src)]
    html = (site / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8")
    assert 'data-atlas-status="tagestreff-mitte"' in html
