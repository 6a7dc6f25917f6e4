"""A project made before the Pagefind search still lists Material's search plugin: it builds."""

from __future__ import annotations

import os

import yaml

from build_tools.cli import main
from tests.adapters.project import write_project


def test_a_project_with_materials_search_plugin_gets_the_pagefind_search(tmp_path, capsys):
    config = write_project(tmp_path)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"].insert(0, {"search": {"lang": "de"}})
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site), "--verbose"]) == 0
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "assets" / "javascripts" / "lunr").exists()
    page = (site / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8")
    assert "md-search__input" not in page and "atlas-search-link" in page
    assert "das search-Plugin in mkdocs.yml wird nicht mehr gebraucht" in capsys.readouterr().err
