"""atlas-sort.js in Debian's Chromium, on a page holding one planning table (no site build)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from build_tools.planning.pages import table_html
from build_tools.planning.tables import Table, Value

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "site_templates" / "assets" / "javascripts" / "atlas-sort.js"
CHROMIUM = "/usr/bin/chromium"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def served(tmp_path):
    table = Table(
        "t", "Test", ["Sozialraum", "Anzahl"],
        [
            [Value("Süd", "sued"), Value("0 ✕", 0, zero=True)],
            [Value("Ost", "ost"), Value("12", 12)],
            [Value("Nord", "nord"), Value("3", 3)],
            [Value("Äußere Mitte", "mitte"), Value("–", None)],
        ],
        [False, True],
    )
    page = tmp_path / "planung" / "versorgung"
    page.mkdir(parents=True)
    (page / "index.html").write_text(
        "<!doctype html><html lang=de><meta charset=utf-8><body>"
        + table_html(table, "planung/versorgung/")
        + '<script src="../../assets/javascripts/atlas-sort.js"></script></body></html>',
        encoding="utf-8",
    )
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    shutil.copy(SCRIPT, js / "atlas-sort.js")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/planung/versorgung/"
    server.shutdown()
    server.server_close()


def test_headers_become_buttons_and_sort(served, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served)

    def names():
        return page.eval_on_selector_all("tbody th", "cells => cells.map(c => c.textContent)")

    assert names() == ["Süd", "Ost", "Nord", "Äußere Mitte"]
    page.click("thead th:nth-child(2) button")
    assert names() == ["Süd", "Nord", "Ost", "Äußere Mitte"]  # numbers; empty last
    assert page.get_attribute("thead th:nth-child(2)", "aria-sort") == "ascending"
    page.click("thead th:nth-child(2) button")
    assert names() == ["Ost", "Nord", "Süd", "Äußere Mitte"]
    page.click("thead th:nth-child(1) button")
    assert names() == ["Äußere Mitte", "Nord", "Ost", "Süd"]  # German collation
    assert errors == []
    page.close()
