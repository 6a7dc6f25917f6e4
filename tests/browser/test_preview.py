"""The editors' preview as the README documents it (`make serve` = `mkdocs serve`), on a fresh copy
of the repository: it starts, the page reloads itself after an edit, a content error shows in the
browser with file:line:col, and the preview recovers once the file is fixed.

A real `mkdocs serve` process (on a free port) and Debian's Chromium; nothing is mocked.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..buildkit import fresh_clone
from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]
OFFER = "notunterkunft-mariengasse"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"mkdocs serve ended early:\n{process.stderr.read() if process.stderr else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"the preview did not answer at {url}")


@pytest.fixture
def preview(tmp_path):
    clone = fresh_clone(tmp_path / "atlas")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    process = subprocess.Popen([mkdocs, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                               cwd=clone, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, process)
        yield clone, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _title_line(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")


def _until(check, seconds: float = 90) -> None:
    """Poll ``check()`` (locators work outside the page's CSP; evaluated strings would not)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001 - the page is reloading just now
            pass
        time.sleep(0.2)
    pytest.fail("the preview did not update")


def _heading(page) -> str:
    return page.locator("h1").first.inner_text(timeout=2000).strip()


def test_makefile_serve_is_mkdocs_serve():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^serve: \$\(VENV\)/\.installed\n\t\$\(BIN\)/mkdocs serve --livereload$", makefile, re.M)


def test_preview_reloads_shows_errors_and_recovers(preview, browser):
    clone, url = preview
    offer_file = clone / "content" / "offers" / f"{OFFER}.yml"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda msg: blocked.append(msg.text) if "Content Security Policy" in msg.text
            and "atlas" in msg.text else None)
    page.goto(f"{url}angebote/{OFFER}/")
    assert page.locator("h1").first.inner_text().strip() == "Notunterkunft Mariengasse"
    # QR codes and printed-URL checks keep the published address, not the preview's.
    flyer = page.locator("a[href$='-karte.pdf']").first
    assert flyer.count() == 1

    _title_line(offer_file, "Notunterkunft Mariengasse (Vorschau)")
    _until(lambda: "(Vorschau)" in _heading(page))

    _title_line(offer_file, "")  # an empty title: a content error
    _until(lambda: page.locator(".atlas-preview-error").count() == 1)
    message = page.locator(".atlas-preview-error").inner_text()
    assert re.search(rf"content/offers/{OFFER}\.yml:\d+:\d+: error: title", message), message

    _title_line(offer_file, "Notunterkunft Mariengasse")
    _until(lambda: page.locator(".atlas-preview-error").count() == 0
           and _heading(page) == "Notunterkunft Mariengasse")
    assert blocked == [], blocked  # our reload script is allowed by the site's CSP
    context.close()


@pytest.fixture
def broken_preview(tmp_path):
    """The preview started while a file is already broken (strict: true in mkdocs.yml)."""
    clone = fresh_clone(tmp_path / "atlas")
    _title_line(clone / "content" / "offers" / f"{OFFER}.yml", "")
    port = _free_port()
    mkdocs = str(Path(sys.executable).with_name("mkdocs"))
    process = subprocess.Popen([mkdocs, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
                               cwd=clone, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, process)
        yield clone, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_preview_started_with_an_error_shows_it_and_recovers(broken_preview, browser):
    clone, url = broken_preview
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{url}angebote/{OFFER}/")
    message = page.locator(".atlas-preview-error").inner_text()
    assert re.search(rf"content/offers/{OFFER}\.yml:\d+:\d+: error: title", message), message
    assert "führt ins Leere" not in message  # a broken file is not a deleted one
    _title_line(clone / "content" / "offers" / f"{OFFER}.yml", "Notunterkunft Mariengasse")
    _until(lambda: page.locator(".atlas-preview-error").count() == 0
           and _heading(page) == "Notunterkunft Mariengasse")
    page.close()
