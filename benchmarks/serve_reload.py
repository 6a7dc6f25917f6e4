"""The `mkdocs serve` reload path: build once, edit one offer, build again in the same process.

Does what `mkdocs serve` does: ``on_startup(command="serve")`` once, then per rebuild a fresh
config (MkDocs keeps plugins that define ``on_startup``) and a full ``build``. The edit changes
an offer's summary — a real change that reaches its page, its lists and the search index.
Prints the seconds of the second build (what an editor waits for after saving a file).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def edit_summary(offer: Path) -> None:
    """Change the offer's summary (toggles a marker word inside its quotes, so runs can repeat)."""
    lines = offer.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith('summary: "'):
            marker = 'summary: "Geändert: '
            lines[i] = line.replace(marker, 'summary: "', 1) if line.startswith(marker) else line.replace(
                'summary: "', marker, 1)
            break
    else:
        raise SystemExit(f"{offer}: keine summary-Zeile zum Ändern")
    offer.write_text("".join(lines), encoding="utf-8")


def _config(config_file: str, site: str):
    # As `mkdocs serve` builds: its own site_dir and site_url (so flyers print the preview URL).
    config = load_config(config_file, site_dir=site)
    config.site_url = SERVE_URL
    return config


def main(config_file: str) -> int:
    site = tempfile.mkdtemp(prefix="atlas-serve-bench-")
    try:
        _config(config_file, site).plugins.on_startup(command="serve", dirty=False)
        build(_config(config_file, site), serve_url=SERVE_URL)
        offers = sorted((Path(config_file).parent / "content" / "offers").glob("*.yml"))
        edit_summary(offers[len(offers) // 2])
        start = time.perf_counter()
        build(_config(config_file, site), serve_url=SERVE_URL)
        print(f"reload build: {time.perf_counter() - start:.2f} s")
    finally:
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
