"""Put our pages' search entries into the theme's ``search/search_index.json``.

Material's search plugin writes the index for the Markdown pages; generated pages are marked
``search: exclude`` for it and indexed by :mod:`build_tools.search_index` instead (faster, same
entries). This module only knows the file format Material's search front end reads:
``{"config": {...}, "docs": [{"location", "title", "text"}, ...]}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

INDEX_PATH = Path("search") / "search_index.json"


def merge_entries(site_dir: Path, entries: Iterable[dict[str, str]]) -> bool:
    """Add ``entries`` to the site's search index; False when the site has no index (search off).

    Entries already in the index for the same pages are replaced, so a `--dirty` serve, where
    the theme keeps entries from earlier builds, never lists a page twice.
    """
    path = site_dir / INDEX_PATH
    if not path.is_file():
        return False
    ours = list(entries)
    pages = {_page_of(entry["location"]) for entry in ours}
    index = json.loads(path.read_text(encoding="utf-8"))
    kept = [doc for doc in index.get("docs", []) if _page_of(doc.get("location", "")) not in pages]
    index["docs"] = kept + ours
    # Same separators as the theme, so the file looks as if the theme had written it.
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")
    return True


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]
