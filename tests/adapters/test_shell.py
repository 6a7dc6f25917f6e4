"""Offer pages filled into one shell per group give the bytes the theme renders page by page."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from build_tools.adapters import shell

from ..conftest import ROOT

THEME = jinja2.Environment()  # like MkDocs' theme environment: no autoescape
PAGE = THEME.from_string(
    "<title>{{ page.meta.title | striptags }} - Atlas</title>\n"
    '<meta name="description" content="{{ page.meta.description }}">\n'
    '{% if page.canonical_url %}<link rel="canonical" href="{{ page.canonical_url }}">{% endif %}\n'
    '{% for alt in page.meta.atlas_alternates or [] %}<link hreflang="{{ alt.lang }}" href="{{ alt.href | e }}">{% endfor %}\n'
    '<a href="{{ base }}/suche/">Suchen</a><header>{{ page.meta.title }}</header>\n'
    '{% if "\\x3ch1" not in page.content %}<h1>{{ page.meta.title }}</h1>{% endif %}{{ page.content }}'
)


def _page(ident: str, title: str, content: str, alternates: int = 1) -> SimpleNamespace:
    alts = [{"lang": code, "href": f"https://x.example/{code}/angebote/{ident}/?a=1&b=2"}
            for code in ("en", "uk")[:alternates]]
    return SimpleNamespace(
        url=f"angebote/{ident}/", canonical_url=f"https://x.example/angebote/{ident}/", content=content,
        meta={"title": title, "description": f"Über {title}", "atlas_page": "offer", "atlas_alternates": alts},
    )


PAGES = [
    _page("tafel", "Tafel &amp; Suppe", "<p>Brot &lt;frisch&gt;</p>"),
    _page("bad", "Duschen <b>", "<p>Duschen</p>"),
    _page("treff", "Treff  im   Park", "<p>täglich</p>"),
    _page("heim", "Heim", "<h1>Eigene Überschrift</h1><p>x</p>"),
    _page("rat", "Rat", "<p>ohne Übersetzungen</p>", alternates=0),
]


def _direct(page: SimpleNamespace) -> str:
    return PAGE.render(page=page, base="../..")


def test_every_page_filled_from_its_group_shell_equals_the_direct_render():
    renderer = shell.ShellRenderer()
    for page in PAGES * 3:  # each group proves its shell on its first pages, then fills
        key = shell.group_key(page, "main.html")
        assert renderer.render(PAGE, {"page": page, "base": "../.."}, key) == _direct(page)
    assert renderer.filled > 0
    sizes = Counter(shell.group_key(p, "main.html") for p in PAGES * 3)
    assert sorted(sizes.values()) == [3, 3, 9]  # own heading; no alternates; the rest
    assert renderer.rendered == sum(min(shell.PROVEN_PAGES, n) for n in sizes.values())
    assert renderer.filled == 15 - renderer.rendered


def test_the_probe_tells_each_place_how_the_template_transformed_the_value():
    page = PAGES[0]
    rendered = PAGE.render(page=shell.marked_page(page), base="../..")
    cut = shell.cut(rendered, set(shell.slot_values(page)))
    assert cut is not None
    names = [name for name, _ in cut.slots]
    assert names == ["title", "description", "canonical", "alt0", "title", "title", "content"]
    filled = cut.fill(shell.slot_values(page))
    assert "<title>Tafel & Suppe - Atlas</title>" in filled  # striptags unescapes, as Jinja does
    assert "<header>Tafel &amp; Suppe</header>" in filled  # printed as it is
    assert 'href="https://x.example/en/angebote/tafel/?a=1&amp;b=2"' in filled  # escaped by | e


def test_a_template_that_prints_something_unslotted_falls_back_to_rendering_each_page():
    template = THEME.from_string("{{ page.url }} {{ page.meta.title }} {{ page.content }}")
    renderer = shell.ShellRenderer()
    for page in PAGES[:3]:
        key = shell.group_key(page, "main.html")
        assert renderer.render(template, {"page": page}, key) == template.render(page=page)
    assert renderer.filled == 0 and renderer.rendered == 3


def test_a_marker_in_a_form_the_shell_cannot_reproduce_gives_no_shell():
    template = THEME.from_string("{{ page.meta.title | upper }} {{ page.content }}")
    page = PAGES[0]
    rendered = template.render(page=shell.marked_page(page))
    assert shell.cut(rendered, set(shell.slot_values(page))) is None


def test_only_offer_and_tombstone_pages_are_shelled():
    other = SimpleNamespace(url="kategorien/essen/", canonical_url=None, content="",
                            meta={"atlas_page": "category"})
    assert shell.group_key(other, "main.html") is None


def test_the_switch_turns_the_shell_off(monkeypatch):
    monkeypatch.setenv(shell.SWITCH, "off")
    assert not shell.enabled()
    monkeypatch.setenv(shell.SWITCH, "on")
    assert shell.enabled()


# --- the sample atlas, both ways ---------------------------------------------------------------

ATLAS = str(Path(sys.executable).parent / "atlas")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
OFFER_PAGE = re.compile(r"^(?:[a-z]{2}/)?angebote/[^/]+/index\.html$")


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_the_sample_site_is_byte_identical_with_and_without_the_shell(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "flyers", project / "flyers")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    sites = {}
    for switch in ("on", "off"):
        site = tmp_path / f"site-{switch}"
        result = subprocess.run(
            [ATLAS, "build", "-v", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)],
            cwd=project, env={**ENV, shell.SWITCH: switch}, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr[-3000:]
        filled = re.search(r"atlas: (\d+) Seiten in ihre Hülle gefüllt", result.stderr)
        if switch == "on":
            assert filled and int(filled.group(1)) > 0, result.stderr[-2000:]
        else:
            assert filled is None
        sites[switch] = _hashes(site)
    on, off = sites["on"], sites["off"]
    offers = [path for path in on if OFFER_PAGE.match(path)]
    languages = {path.split("/")[0] if not path.startswith("angebote/") else "de" for path in offers}
    assert languages == {"de", "en", "uk", "ar", "tr"}
    assert on.keys() == off.keys()
    differing = sorted(path for path in on if on[path] != off[path])
    assert differing == [], f"differ with and without the shell: {differing[:10]}"


@pytest.mark.slow
def test_a_custom_template_printing_the_page_address_gives_every_page_its_own(tmp_path):
    """A town's main.html that prints something page-specific the shell has no slot for: the
    proofs fail, the pages are rendered one by one, each with its own address."""
    from .project import write_project

    config = write_project(tmp_path, ROOT / "content")
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}{{ super() }}'
        '<meta name="x-page" content="{{ page.url }}">{% endblock %}', encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1)
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([ATLAS, "build", "-v", "--config", str(config), "--site-dir", str(site)],
                            cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"atlas: 0 Seiten in ihre Hülle gefüllt", result.stderr), result.stderr[-2000:]
    ids = {path.stem for path in (ROOT / "content" / "offers").glob("*.yml")}
    pages = [p for p in site.rglob("index.html") if OFFER_PAGE.match(p.relative_to(site).as_posix())
             and p.parent.name in ids]  # not the redirect pages of former addresses
    assert len(pages) > 3 * shell.PROVEN_PAGES
    for page in pages:
        own = page.parent.relative_to(site).as_posix() + "/"
        assert f'<meta name="x-page" content="{own}">' in page.read_text(encoding="utf-8"), own
