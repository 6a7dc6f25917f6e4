"""Golden fragments: what a page receives, reviewable in a diff (pytest --update-goldens)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools import maps, urls

from .conftest import make_catalog, sample_offers

GOLDENS = Path(__file__).resolve().parent / "goldens"
# atlas-map.js/css carry a content hash: normalised so a JS change does not churn the goldens.
_HASH_RE = re.compile(r"\?v=[0-9a-f]{10}")


def _fragment(kind: str, consent: bool) -> str:
    catalog = make_catalog(sample_offers(), consent=consent)
    if kind == "offer":
        html = maps.offer_map_html(catalog, catalog.offer("tafel-nord"), urls.offer_path("tafel-nord"))
    elif kind == "district":
        html = maps.district_map_html(catalog, "nord", urls.district_path("nord"))
    else:
        html = maps.overview_map_html(catalog, urls.map_path())
    return _HASH_RE.sub("?v=HASH", html)


@pytest.mark.parametrize(("kind", "consent"), [("offer", False), ("district", False),
                                               ("overview", True)])
def test_golden_fragment(kind, consent, update_goldens):
    name = f"{kind}{'-consent' if consent else ''}.html"
    path = GOLDENS / name
    actual = _fragment(kind, consent)
    if update_goldens or not path.exists():
        if not update_goldens:
            pytest.fail(f"{path} fehlt: pytest --update-goldens")
        path.write_text(actual, encoding="utf-8")
        return
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs (pytest --update-goldens)"
