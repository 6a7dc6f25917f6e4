"""Browser fixtures: the sample site built once, a local static server, Debian's Chromium.

Reusable by every browser test: ``built_site`` (Path), ``site_url`` (http://127.0.0.1:port/),
``browser`` (Playwright Browser), ``page`` (a fresh page whose requests leaving localhost are
blocked and recorded in ``page.atlas_external``), ``open_page(path, width, height)``.
Mark browser tests ``@pytest.mark.xdist_group("browser")`` so one worker runs them all.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (re-exported for the tests here)
from ..maps.browser import serve as serving

ROOT = Path(__file__).resolve().parents[2]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def build_sample_site(target: Path) -> Path:
    """Build the sample atlas (mkdocs.yml + content/) into ``target`` with ``atlas build``."""
    from build_tools.cli import main

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    code = main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(target)])
    assert code == 0, "atlas build failed for the sample atlas"
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session."""
    return build_sample_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of a static server on 127.0.0.1 serving the built site."""
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def tiles_at_once_url(tmp_path_factory: pytest.TempPathFactory):
    """The sample's content built with ``map.consent: false`` (maps without a consent step)."""
    from build_tools.cli import main
    from tests.adapters.project import write_project

    tmp = tmp_path_factory.mktemp("tiles-at-once")
    config = write_project(tmp, ROOT / "content", map_options={"consent": False})
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    assert main(["build", "--config", str(config), "--site-dir", str(tmp / "site")]) == 0
    with serving(tmp / "site") as url:
        yield url




@pytest.fixture(scope="session")
def tile_host() -> str:
    """Host of the tile server configured in mkdocs.yml."""
    from tests.buildkit import sample_project

    config = sample_project().settings
    return urlsplit(config.map.tiles.replace("{s}", "a")).hostname or ""


def load_map(page, timeout: int = 20_000) -> None:
    """Ask for the maps on the page as a person does ("Karte laden": tiles wait for consent,
    the sample's and the default setting), then wait for the first marker."""
    for button in page.locator("[data-atlas-consent-button]").all():
        if button.is_visible():
            button.click()
    page.wait_for_selector(".leaflet-marker-icon", timeout=timeout)


# Leaflet marks a zoom and a cluster animation with a class, a pan (a popup's auto-pan) only in
# the map's state. The map is still when neither runs in two frames in a row.
_MAP_IS_STILL = """() => {
  const moving = () => window.AtlasMap.views.some(v => v.map._animatingZoom
      || (v.map._panAnim && v.map._panAnim._inProgress))
    || !!document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim');
  if (moving()) { window.__atlasStillFrames = 0; return false; }
  window.__atlasStillFrames = (window.__atlasStillFrames || 0) + 1;
  return window.__atlasStillFrames >= 2;
}"""


def wait_until_map_is_still(page, timeout: int = 10_000) -> None:
    """Wait until no map on the page zooms, pans or animates its clusters: a click during an
    animation lands on a marker or popup that the animation's end re-renders away (a person
    does not tap that fast; a loaded test machine's clicks do)."""
    # A count left over from the last wait would end this one before a just-started zoom shows.
    page.evaluate("() => { window.__atlasStillFrames = 0; }")
    page.wait_for_function(_MAP_IS_STILL, polling="raf", timeout=timeout)


def _new_page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE",
                                  service_workers="block")
    page = context.new_page()
    page.atlas_external = []  # type: ignore[attr-defined]

    def route(route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            page.atlas_external.append(route.request.url)  # type: ignore[attr-defined]
            route.abort()

    context.route("**/*", route)
    return context, page


@pytest.fixture
def page(browser):
    """A 1280×900 page; requests leaving localhost are blocked and listed in ``atlas_external``."""
    context, page = _new_page(browser, 1280, 900)
    yield page
    context.close()


@pytest.fixture
def open_page(browser, site_url: str):
    """``open_page(path, width=1280, height=900)`` → a loaded page (external requests blocked)."""
    contexts = []

    def opener(path: str, width: int = 1280, height: int = 900):
        context, page = _new_page(browser, width, height)
        contexts.append(context)
        page.goto(site_url + path, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def sample_catalog():
    """The sample atlas as the build saw it (same config, same day)."""
    from build_tools.clock import build_date
    from build_tools.content import load_catalog
    from tests.buildkit import sample_project

    project = sample_project()
    result = load_catalog(project.content_dir, project.settings, build_date())
    assert result.catalog is not None
    return result.catalog


@pytest.fixture(scope="session")
def page_types(sample_catalog) -> dict[str, str]:
    """One site path per page type of the sample atlas."""
    from build_tools import urls
    from build_tools.catalog import is_public_location

    offer = next(o for o in sample_catalog.published if is_public_location(o) and o.description)
    category = max(sample_catalog.categories, key=lambda c: len(sample_catalog.in_category(c)))
    district = max(sample_catalog.districts, key=lambda d: len(sample_catalog.in_district(d)))
    return {
        "home": "",
        "offer": urls.offer_path(offer.id),
        "az": urls.offers_index_path(),
        "category": urls.category_path(category),
        "district": urls.district_path(district),
        "map": urls.map_path(),
        "categories": urls.categories_index_path(),
        "districts": urls.districts_index_path(),
        "handwritten": "impressum/",
    }


def pytest_configure(config: pytest.Config) -> None:
    # Known to pytest-xdist; declared here too so runs with ``-p no:xdist`` stay warning-free.
    config.addinivalue_line("markers", "xdist_group(name): run in one xdist worker")
