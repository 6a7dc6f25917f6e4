"""Live "open now" status on the real sample pages, at mocked moments (Playwright's clock).

The expected sentence comes from the Python evaluator for the same moment; the Python/JS
equivalence itself is tested in tests/opening_hours. Here: the built pages really show it.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from build_tools.opening_hours import holiday_dates
from build_tools.opening_hours.evaluate import status_at
from build_tools.opening_hours.texts import status_text

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.xdist_group("browser")

MOMENTS = [
    # (what, offer id, local time, expected start of the sentence)
    ("weekday morning", "tafel-innenstadt", datetime(2026, 11, 24, 10, 30), "Jetzt geöffnet"),
    ("sunday", "tafel-innenstadt", datetime(2026, 11, 29, 11, 0), "Geschlossen"),
    ("public holiday", "mittagstisch-st-anna", datetime(2026, 12, 25, 12, 30), "Geschlossen"),
    ("night across midnight", "notunterkunft-mariengasse", datetime(2026, 11, 25, 2, 0), "Jetzt geöffnet"),
    ("out of season", "winternotquartier-alte-feuerwache", datetime(2026, 6, 15, 20, 0), "Saisonangebot"),
    ("after valid_until", "waermestube-nord", datetime(2027, 4, 2, 11, 0), "Beendet"),
]


@pytest.mark.parametrize(("what", "offer_id", "local", "start"), MOMENTS, ids=[m[0] for m in MOMENTS])
def test_offer_page_shows_live_status(browser, site_url, sample_catalog, what, offer_id, local, start):
    moment = local.replace(tzinfo=BERLIN)
    holidays = holiday_dates(sample_catalog.config.holidays_state, range(moment.year - 1, moment.year + 2))
    expected = status_text(status_at(sample_catalog.offer(offer_id), moment, holidays), "de")
    assert expected and expected.startswith(start), (what, expected)

    context = browser.new_context(timezone_id="Europe/Berlin", locale="de-DE")
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    context.clock.install(time=moment.timestamp())
    page = context.new_page()
    page.goto(f"{site_url}angebote/{offer_id}/")
    status = page.locator(f'[data-atlas-status="{offer_id}"]').first
    page.wait_for_function(
        "([id, text]) => [...document.querySelectorAll(`[data-atlas-status='${id}']`)]"
        ".some(el => el.textContent.trim() === text)",
        arg=[offer_id, expected], timeout=10_000,
    )
    assert status.is_visible()
    context.close()
