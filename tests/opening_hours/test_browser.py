"""Live status in Chromium with a mocked clock, on a page built from our own compact output.

The page follows the markup contract documented at the top of ``atlas-hours.js`` (the real
site pages use the same). The browser runs in New York time: the status must still be Berlin's.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from build_tools.opening_hours import BERLIN, describe_offer_hours, holiday_horizon, hours_data

from .cases import FakeOffer, Season

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "site_templates" / "assets" / "javascripts" / "atlas-hours.js"
CHROMIUM = "/usr/bin/chromium"


@dataclass
class Offer(FakeOffer):
    id: str = ""


OFFERS = [
    Offer("Mo-Fr 09:00-16:00; PH off", id="tagestreff"),
    Offer("Mo-Su 20:00-08:00", id="notunterkunft"),
    Offer("Su 09:00-11:00; PH 10:00-14:00", id="fruehstueck"),
    Offer("Mo-Su 18:00-09:00", Season("11-01", "03-31"), id="winterquartier"),
    Offer("Mo-Fr 10:00-12:00", valid_until=date(2026, 12, 31), id="projekt"),
]

# moment (Berlin wall clock) → expected status text per offer id
MOMENTS = {
    "weekday morning": ("2026-11-23 10:00", {
        "tagestreff": "Jetzt geöffnet — schließt um 16:00",
        "notunterkunft": "Geschlossen — öffnet heute um 20:00",
        "projekt": "Jetzt geöffnet — schließt um 12:00"}),
    "sunday": ("2026-11-22 10:30", {
        "tagestreff": "Geschlossen — öffnet morgen um 09:00",
        "fruehstueck": "Jetzt geöffnet — schließt um 11:00"}),
    "public holiday": ("2026-12-25 10:00", {
        "tagestreff": "Geschlossen — öffnet Montag um 09:00",
        "fruehstueck": "Jetzt geöffnet — schließt um 14:00",
        "winterquartier": "Geschlossen — öffnet heute um 18:00"}),
    "night across midnight": ("2026-11-24 02:00", {
        "notunterkunft": "Jetzt geöffnet — schließt um 08:00",
        "winterquartier": "Jetzt geöffnet — schließt um 09:00",
        "tagestreff": "Geschlossen — öffnet heute um 09:00"}),
    "out of season": ("2026-10-15 20:00", {
        "winterquartier": "Saisonangebot — wieder ab 1. November",
        "notunterkunft": "Jetzt geöffnet — schließt morgen um 08:00"}),
    "after valid_until": ("2027-01-05 10:00", {
        "projekt": "Beendet",
        "tagestreff": "Jetzt geöffnet — schließt um 16:00"}),
}


def write_page(folder: Path, lang: str = "de") -> Path:
    shutil.copy(JS, folder / "atlas-hours.js")
    data = json.dumps(hours_data(OFFERS, holiday_horizon("NW", date(2026, 10, 1))))
    items = "\n".join(
        f'<li data-atlas-offer="{o.id}"><h2>{o.id}</h2>'
        f'<p>{html.escape("; ".join(describe_offer_hours(o, lang)))}</p>'
        f'<p class="status" data-atlas-status="{o.id}">{html.escape(describe_offer_hours(o, lang)[0])}</p></li>'
        for o in OFFERS
    )
    page = folder / f"index-{lang}.html"
    page.write_text(
        f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<script type="application/json" id="atlas-hours-data">{data}</script>
<script src="atlas-hours.js" defer></script></head><body>
<label><input type="checkbox" data-atlas-open-filter> Jetzt geöffnet (<span data-atlas-open-count></span>)</label>
<ul>{items}</ul></body></html>""",
        encoding="utf-8",
    )
    return page




@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hours-site")
    return {"de": write_page(folder, "de"), "en": write_page(folder, "en")}


@pytest.fixture(scope="module")
def page(browser):
    """One page for the module; each test sets the clock and loads the page again."""
    context = browser.new_context(timezone_id="America/New_York")
    yield context.new_page()
    context.close()


def load_at(page, page_path: Path, moment: str):
    page.clock.set_fixed_time(datetime.fromisoformat(moment).replace(tzinfo=BERLIN))
    page.goto(page_path.as_uri())
    page.wait_for_function("window.AtlasHours !== undefined")
    return page


def statuses(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "[data-atlas-status]",
        "els => Object.fromEntries(els.map(e => [e.dataset.atlasStatus, e.textContent + '|' + e.className]))",
    )


@pytest.mark.parametrize("name", list(MOMENTS))
def test_live_status_at_mocked_moments(page, site, name):
    moment, expected = MOMENTS[name]
    found = statuses(load_at(page, site["de"], moment))
    for offer_id, text in expected.items():
        shown, classes = found[offer_id].split("|")
        assert shown == text, f"{name}: {offer_id}"
        assert ("is-open" in classes) == text.startswith("Jetzt geöffnet")
        assert ("is-closed" in classes) != text.startswith("Jetzt geöffnet")


def test_open_now_filter_and_count(page, site):
    load_at(page, site["de"], "2026-11-24 02:00")
    assert page.text_content("[data-atlas-open-count]") == "2"
    page.check("input[data-atlas-open-filter]")
    visible = page.eval_on_selector_all(
        "[data-atlas-offer]", "els => els.filter(e => !e.hidden).map(e => e.dataset.atlasOffer)")
    assert visible == ["notunterkunft", "winterquartier"]
    assert page.evaluate("window.AtlasHours.isOpen('notunterkunft')") is True
    assert page.evaluate("window.AtlasHours.statusText('tagestreff', undefined, 'en')") == \
        "Closed — opens today at 09:00"
    page.uncheck("input[data-atlas-open-filter]")
    assert page.eval_on_selector_all("[data-atlas-offer][hidden]", "els => els.length") == 0


def test_english_page(page, site):
    found = statuses(load_at(page, site["en"], "2026-10-15 20:00"))
    assert found["winterquartier"].split("|")[0] == "Seasonal — back from 1 November"
    assert found["notunterkunft"].split("|")[0] == "Open now — closes tomorrow at 08:00"


def test_without_javascript_the_weekly_table_and_season_stay(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site["de"].as_uri())
        text = page.text_content("[data-atlas-offer='winterquartier']")
        assert "Täglich 18:00–09:00 Uhr" in text and "Saison: 1. November bis 31. März" in text
        assert page.text_content("[data-atlas-status='winterquartier']") == "Täglich 18:00–09:00 Uhr"
    finally:
        context.close()
