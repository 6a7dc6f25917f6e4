"""atlas-filter.js in Debian's Chromium, on a page holding one long planning table (no site build)."""

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
SCRIPTS = ROOT / "site_templates" / "assets" / "javascripts"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def rows() -> list[list[Value]]:
    names = ["Süd", "Ost", "Nord", "West", "Mitte", "Feld", "Hafen", "Au", "Berg", "Tal",
             "Südost", "Altstadt"]
    return [[Value(name, name.lower()), Value(str(k), k),
             Value("⚠ kein Angebot" if k in (0, 10) else "–", k in (0, 10), flag=k in (0, 10))]
            for k, name in enumerate(names)]


@pytest.fixture
def served(tmp_path):
    table = Table("t", "Test", ["Sozialraum", "Rang", "Hinweis"], rows(), [False, True, False])
    page = tmp_path / "planung" / "bedarf"
    page.mkdir(parents=True)
    (page / "index.html").write_text(
        "<!doctype html><html lang=de><meta charset=utf-8><body>"
        + table_html(table, "planung/bedarf/")
        + '<script src="../../assets/javascripts/atlas-sort.js"></script>'
        + '<script src="../../assets/javascripts/atlas-filter.js"></script></body></html>',
        encoding="utf-8",
    )
    js = tmp_path / "assets" / "javascripts"
    js.mkdir(parents=True)
    for name in ("atlas-sort.js", "atlas-filter.js"):
        shutil.copy(SCRIPTS / name, js / name)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/planung/bedarf/"
    server.shutdown()
    server.server_close()


def test_filter_box_and_flagged_switch(served, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served)

    def shown():
        return page.eval_on_selector_all(
            "tbody tr:not([hidden]) th", "cells => cells.map(c => c.textContent)")

    assert len(shown()) == 12
    page.fill("input[type=search]", "süd")
    assert shown() == ["Süd", "Südost"]
    assert page.inner_text(".atlas-table-filter__count") == "2 von 12 Zeilen"
    page.fill("input[type=search]", "")
    page.check(".atlas-table-filter input[type=checkbox]")
    assert shown() == ["Süd", "Südost"]
    page.click("thead th:nth-child(2) button")  # sorting still works on the filtered table
    page.click("thead th:nth-child(2) button")
    assert shown() == ["Südost", "Süd"]
    label = page.locator("label", has=page.locator("input[type=search]"))
    assert label.inner_text().startswith("Zeilen filtern")
    assert errors == []
    page.close()


def test_without_script_no_control_and_all_rows(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served)
    assert page.locator("input").count() == 0
    assert page.locator("tbody tr").count() == 12
    context.close()
