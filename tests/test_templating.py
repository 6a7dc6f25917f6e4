"""One Jinja environment; a project's custom_dir/atlas/ overrides any template without forking."""

from __future__ import annotations

import os

import yaml

from build_tools.cli import main
from build_tools.resources import templates_dir
from build_tools.templating import Templates

from .adapters.project import write_project
from .htmlquery import parse


def test_overrides_come_first_and_the_rest_stays_ours(tmp_path):
    (tmp_path / "atlas").mkdir()
    (tmp_path / "atlas" / "alias.html").write_text("eigene {{ title }}", encoding="utf-8")
    templates = Templates(tmp_path)
    assert templates.folders == (tmp_path / "atlas", templates_dir())
    assert templates.render("alias.html", title="Seite") == "eigene Seite"
    assert templates.render("preview_error.html", problems=[], count=0, home="./").startswith("<div")
    assert Templates(None).folders == (templates_dir(),)
    assert Templates(tmp_path / "gibt-es-nicht").folders == (templates_dir(),)


def test_values_are_escaped_in_every_template(tmp_path):
    html = Templates(None).render("alias.html", title="<b>x</b>", target="../x/", canonical="../x/",
                                  script="s.js")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_a_project_override_changes_a_generated_offer_page(tmp_path):
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = write_project(tmp_path)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    overrides = tmp_path / "overrides"
    (overrides / "atlas").mkdir(parents=True)
    ours = (templates_dir() / "offer.html").read_text(encoding="utf-8")
    marked = ours.replace("{% block", '<p class="stadt-hinweis">Hinweis der Stadt</p>{% block', 1) \
        if "{% block" in ours else '<p class="stadt-hinweis">Hinweis der Stadt</p>\n' + ours
    (overrides / "atlas" / "offer.html").write_text(marked, encoding="utf-8")
    settings["theme"]["custom_dir"] = str(overrides)
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    page = parse((site / "angebote" / "tagestreff-mitte" / "index.html").read_text(encoding="utf-8"))
    assert [p.text for p in page.find_all("p") if "stadt-hinweis" in p.classes()] == ["Hinweis der Stadt"]
    # Lists keep the package's templates, and Material's overrides still apply.
    lists = (site / "angebote" / "index.html").read_text(encoding="utf-8")
    assert "stadt-hinweis" not in lists and "atlas-footer-links" in lists


def test_compiled_templates_are_kept_and_an_edited_one_is_compiled_anew(tmp_path):
    from build_tools.templating import Templates

    custom = tmp_path / "custom"
    (custom / "atlas").mkdir(parents=True)
    page = custom / "atlas" / "probe.html"
    page.write_text("eins {{ x }}", encoding="utf-8")
    compiled = tmp_path / "jinja"
    assert Templates(custom, compiled).render("probe.html", x=1) == "eins 1"
    assert list(compiled.iterdir()), "the compiled template is kept"
    page.write_text("zwei {{ x }}", encoding="utf-8")
    # a new process (a new environment) with the same folder: the edit counts
    assert Templates(custom, compiled).render("probe.html", x=2) == "zwei 2"
