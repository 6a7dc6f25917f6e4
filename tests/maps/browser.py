"""A tiny static site for browser tests: one page with a map fragment, served on 127.0.0.1.

Assets are copied from ``site_templates/assets`` to ``assets/`` (as the website plugin
publishes them); every request to another host is answered by the test (a grey tile) and
recorded, so nothing leaves the machine and the test sees which hosts a page asked.
"""

from __future__ import annotations

import base64
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from build_tools.resources import assets_dir

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]

# 1×1 grey PNG: what the fake tile server answers.
TILE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPo6OgAAAMEAYFL09IQAAAAAElFTkSuQmCC"
)

PAGE = """<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body><main><h1>{title}</h1>
{fragment}
<h2>Liste</h2><ul>{items}</ul>
</main></body></html>
"""


def write_site(root: Path, page_path: str, fragment: str, files: dict[str, bytes] | None = None,
               title: str = "Karte", items: str = "") -> Path:
    """Write ``root/<page_path>/index.html`` with the fragment, the assets and extra files."""
    shutil.copytree(assets_dir(), root / "assets", dirs_exist_ok=True)
    page_dir = root / page_path
    page_dir.mkdir(parents=True, exist_ok=True)
    (page_dir / "index.html").write_text(
        PAGE.format(title=title, fragment=fragment, items=items), encoding="utf-8"
    )
    for path, data in (files or {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return page_dir / "index.html"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class RequestLog:
    """Answers and records every request to a host other than 127.0.0.1."""

    def __init__(self, csp: str | None = None) -> None:
        self.foreign: list[str] = []
        self.csp = csp

    def hosts(self) -> set[str]:
        return {urlsplit(u).hostname or "" for u in self.foreign}

    def route(self, route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if host in ("127.0.0.1", "localhost"):
            if self.csp is None:
                route.continue_()
            else:
                response = route.fetch()
                headers = {**response.headers, "content-security-policy": self.csp}
                route.fulfill(response=response, headers=headers)
            return
        self.foreign.append(url)
        route.fulfill(status=200, content_type="image/png", body=TILE_PNG)


def launch(playwright):
    """Debian's Chromium, never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
