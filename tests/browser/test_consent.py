"""map.consent: true — no tile request before "Karte laden", the text list visible meanwhile."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from build_tools.cli import main
from tests.adapters.project import write_project

from .conftest import _new_page, serving

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def consent_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("consent")
    config = write_project(tmp, map_options={"consent": True})
    site = tmp / "site"
    assert main(["build", "--config", str(config), "--site-dir", str(site)]) == 0
    with serving(site) as url:
        yield url


def test_no_tiles_before_the_click(browser, consent_site, tile_host):
    context, page = _new_page(browser, 1280, 900)
    try:
        page.goto(consent_site + "karte/", wait_until="load")
        page.wait_for_timeout(500)
        assert page.atlas_external == []
        assert page.locator("#atlas-liste li[data-atlas-offer]").first.is_visible()
        button = page.get_by_role("button", name="Karte laden").first
        button.click()
        page.wait_for_timeout(800)
        hosts = {urlsplit(u).hostname for u in page.atlas_external}
        assert hosts == {tile_host}
    finally:
        context.close()
