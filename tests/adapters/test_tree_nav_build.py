"""A town's own ``nav`` with a section and a link, built: on the Ukrainian pages the section keeps
its German title (``lang="de"``), the translated page inside it is Ukrainian and current where
it is open, the German page and the link stay German."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from build_tools.cli import main
from build_tools.i18n import catalogue

from .project import ROOT, write_project

NAV = [{"Start": "index.md"},
       {"Mehr": [{"Über den Atlas": "ueber.md"}, {"Impressum": "impressum.md"}]},
       {"Stadt": "https://example.org/"}]


def _build(tmp_path: Path) -> Path:
    config = write_project(tmp_path, ROOT / "content")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["nav"] = NAV
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    return tmp_path / "site"


def _nav(site: Path, path: str):
    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(".md-sidebar--primary nav.md-nav--primary")


def test_a_section_and_a_link_of_the_towns_nav_on_the_ukrainian_pages(tmp_path):
    site = _build(tmp_path)
    nav = _nav(site, "uk/ueber")
    home, section, link = nav.select(":scope > ul > li")
    assert home.a.get_text(strip=True) == catalogue("uk").ui["nav_home"] and home.get("lang") is None
    assert section.get("lang") == "de" and "md-nav__item--nested" in section["class"]
    assert "md-nav__item--active" in section["class"]  # it holds the current page
    assert section.select_one("input.md-nav__toggle").has_attr("checked")
    about, imprint = section.select(":scope > nav > ul > li")
    assert about.get("lang") == "uk" and "md-nav__item--active" in about["class"]
    assert about.select_one("a.md-nav__link--active")["href"] == "./"
    assert imprint.get("lang") is None  # German like its section
    assert imprint.a["hreflang"] == "de" and imprint.a["href"] == "../../impressum/"
    assert imprint.select_one("small")["lang"] == "uk"
    assert link.get("lang") == "de" and link.a["href"] == "https://example.org/"
    assert not link.a.has_attr("hreflang")
    # elsewhere in the tree the section is closed and nothing is current
    other = _nav(site, "uk/karte")
    assert not other.select(".md-nav__item--active")
    assert not other.select_one("input.md-nav__toggle").has_attr("checked")
