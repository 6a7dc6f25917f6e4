"""An offer's own ``capacity_url`` through a real build: its page's policy names exactly its
origin, other pages none; a wrong address is refused by ``atlas check`` and the build alike."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from build_tools import urls
from build_tools.cli import main
from tests.adapters.project import FIXTURE, write_project

OWN = "https://frauenhaus.example:8443/frei.json"


def _content(tmp, line: str):
    content = tmp / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "offers" / "tagestreff-mitte.yml"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return content, path


def _connect(site, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    return dict(d.split(" ", 1) for d in policy.split("; "))["connect-src"]


def test_an_offers_own_file_opens_only_its_page_to_its_origin(tmp_path):
    content, _ = _content(tmp_path, f"capacity_url: {OWN}")
    config = write_project(tmp_path, content, flyers=False)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    assert _connect(site, urls.offer_path("tagestreff-mitte")) == "'self' https://frauenhaus.example:8443"
    assert _connect(site, urls.offer_path("tagestreff-mitte", "en")) == "'self' https://frauenhaus.example:8443"
    for path in (urls.offer_path("frauenhaus"), "", "angebote/", "neu/", "redaktion/"):
        assert _connect(site, path) == "'self'", path
    html = (site / urls.offer_path("tagestreff-mitte") / "index.html").read_text(encoding="utf-8")
    assert f'data-src="{OWN}"' in html and "atlas-capacity.js" in html


@pytest.mark.parametrize(("value", "says"), [
    ("http://frauenhaus.example/frei.json", "eine absolute Adresse mit https://"),
    ("frei.json", "eine absolute Adresse mit https://"),
    ("https://user:pw@frauenhaus.example/frei.json", "ohne Zugangsdaten"),
])
def test_a_wrong_address_is_refused_at_its_line(tmp_path, capsys, value, says):
    content, path = _content(tmp_path, f"capacity_url: {value}")
    config = write_project(tmp_path, content, flyers=False)
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert main(["check", "--config", str(config)]) == 1
    checked = capsys.readouterr().err
    assert f"tagestreff-mitte.yml:{line}:15: error: capacity_url:" in checked and says in checked
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 1
    built = capsys.readouterr().err
    assert f"tagestreff-mitte.yml:{line}:15: error: capacity_url:" in built and "Traceback" not in built


def test_a_file_on_the_site_itself_keeps_the_policy_at_self(tmp_path):
    """As the sample does: the feed lies under docs_dir/plaetze/, the page fetches it relative
    to itself, the policy stays exactly connect-src 'self'."""
    content, _ = _content(tmp_path, "capacity_url: /plaetze/testheim.json")
    (content / "pages" / "plaetze").mkdir(parents=True)
    (content / "pages" / "plaetze" / "testheim.json").write_text('{"offers": {}}\n', encoding="utf-8")
    config = write_project(tmp_path, content, flyers=False)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")]) == 0
    site = tmp_path / "site"
    for lang in ("de", "en"):
        page = site / urls.offer_path("tagestreff-mitte", lang)
        html = (page / "index.html").read_text(encoding="utf-8")
        src = re.search(r'data-atlas-capacity="tagestreff-mitte" data-src="([^"]+)"', html).group(1)
        assert not src.startswith(("/", "http")), src
        assert (page / src).resolve() == (site / "plaetze" / "testheim.json").resolve()
        assert _connect(site, urls.offer_path("tagestreff-mitte", lang)) == "'self'"


def test_a_missing_site_file_is_a_warning_at_its_line(tmp_path, capsys):
    content, path = _content(tmp_path, "capacity_url: /plaetze/fehlt.json")
    config = write_project(tmp_path, content, flyers=False,
                           capacity={"url": "/plaetze/auch-nicht.json", "offers": ["frauenhaus"]})
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert main(["check", "--config", str(config)]) == 0
    err = capsys.readouterr().err
    assert f"tagestreff-mitte.yml:{line}:15: warning: capacity_url: die Datei " in err
    assert "plaetze/fehlt.json fehlt: die Seite zeigt dann immer „bitte anrufen“" in err
    assert re.search(r"mkdocs\.yml:\d+:\d+: warning: atlas\.capacity\.url: die Datei \S*plaetze/auch-nicht\.json fehlt", err)
    (content / "pages" / "plaetze").mkdir(parents=True)
    for name in ("fehlt", "auch-nicht"):
        (content / "pages" / "plaetze" / f"{name}.json").write_text('{"offers": {}}', encoding="utf-8")
    assert main(["check", "--config", str(config)]) == 0
    assert "fehlt:" not in capsys.readouterr().err
