"""A partner site embeds a widget page in an iframe: it shows the list with the live status,
asks nothing of any third party, and its links open the full page in the whole window.

The partner page is served from another origin (``localhost`` and its own port) than the atlas
(``127.0.0.1``), as a partner's own website would be. The clock is Playwright's, set to a
Thursday at 10:30 in Berlin.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from build_tools import urls

from ..maps.browser import serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WIDGET = urls.embed_path("category", "hygiene")
MOMENT = datetime(2026, 12, 3, 10, 30, tzinfo=ZoneInfo("Europe/Berlin"))
PARTNER = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Partner</title></head>
<body><h1>Verein Beispiel</h1>
<iframe src="{src}" title="Duschen in Musterstadt" style="width:100%;height:520px;border:0"></iframe>
</body></html>"""


@pytest.fixture
def partner(tmp_path: Path, site_url: str):
    """``(partner page URL, atlas URL)``: the partner's page on localhost, the atlas on 127.0.0.1."""
    (tmp_path / "index.html").write_text(PARTNER.format(src=site_url + WIDGET), encoding="utf-8")
    with serve(tmp_path) as url:
        yield url.replace("127.0.0.1", "localhost"), site_url


def test_widget_in_a_partners_iframe(browser, partner):
    partner_url, atlas_url = partner
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE",
                                  timezone_id="Europe/Berlin", service_workers="block")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.clock.install(time=MOMENT.timestamp())
    try:
        page = context.new_page()
        page.goto(partner_url, wait_until="load")
        frame = page.frame_locator("iframe")
        items = frame.locator("li[data-atlas-offer]")
        items.first.wait_for()
        assert items.count() == 6
        status = frame.locator('[data-atlas-status="duschen-tagestreff"]')
        assert status.inner_text().startswith("Jetzt geöffnet")  # the script ran inside the frame
        assert "is-open" in (status.get_attribute("class") or "")
        # nothing from anywhere but the partner's page and the atlas
        origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}/" for u in requests}
        assert origins == {partner_url, atlas_url}, requests
        assert [u for u in requests if u.startswith(partner_url)] == [partner_url]
        # a link leaves the frame: the whole window shows the offer page
        frame.locator("a", has_text="Duschen im Tagestreff Am Wall").click()
        page.wait_for_url(atlas_url + urls.offer_path("duschen-tagestreff"))
        assert page.locator("h1").first.inner_text().startswith("Duschen im Tagestreff")
    finally:
        context.close()


def test_widget_weight_and_headers(built_site: Path):
    html = (built_site / WIDGET / "index.html").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex"' in html
    assert "md-header" not in html and "md-nav" not in html  # no theme chrome
    def sent(path: str) -> int:  # what a host sends: the gzip twin, or the file below twin size
        twin = built_site / (path + ".gz")
        return twin.stat().st_size if twin.is_file() else (built_site / path).stat().st_size

    weight = sent(f"{WIDGET}/index.html")
    script = sent("assets/javascripts/atlas-hours.js")
    css = sent("assets/stylesheets/atlas-widget.css")
    alerts = sent("assets/javascripts/atlas-alerts.js")
    # what a partner's visitor downloads, gzip: page, status script, stylesheet and the alert
    # script (the sample runs a Kältehilfe alert); measured 1.5 + 7.2 + 0.6 + 1.7 KB
    assert weight + script + css + alerts < 15_000, (weight, script, css, alerts)


def test_desk_and_widgets_stay_out_of_the_sitemap(built_site: Path):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{urls.changes_path()}</loc>" in sitemap
    assert f"/{urls.desk_path()}</loc>" not in sitemap
    assert "/einbetten/" not in sitemap
    desk = (built_site / urls.desk_path() / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in desk
    assert (built_site / urls.desk_csv_path()).read_bytes().startswith(b"\xef\xbb\xbf")
    changes = (built_site / urls.changes_path() / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in changes and (built_site / urls.feed_path()).is_file()
