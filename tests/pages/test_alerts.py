"""Alert banners and closures on pages: dates without JavaScript, the script only where needed,
scopes per page kind, the closure in the offer page and in list entries."""

from __future__ import annotations

from datetime import date

import pytest

from build_tools.pages import views
from build_tools.pages.alerts import window_text, with_site_banner
from build_tools.pages.offer import offer_page
from build_tools.pages.site import render as pages_family
from build_tools.schema import Alert

from ..buildkit import page_inputs, tools
from ..htmlquery import parse


def make_alert(alert_id: str, **fields) -> Alert:
    alert = Alert.model_validate({"text": f"Text {alert_id}", "start": "2026-12-01",
                                  "end": "2026-12-05", **fields})
    alert.id = alert_id
    return alert


@pytest.fixture
def with_alerts(catalog, monkeypatch):
    def use(*items: Alert):
        monkeypatch.setattr(catalog, "alerts", list(items))
        return catalog
    return use


def banner_ids(html: str) -> list[str]:
    return [el.find("p").text.split(": ", 1)[1].split(" (")[0] for el in parse(html).find_all(
        "div", data_atlas_alert="")] if "data-atlas-alert" in html else []


def test_window_text_in_short_german():
    assert window_text(date(2026, 12, 1), date(2026, 12, 5)) == "gilt vom 1.12. bis 5.12."
    assert window_text(date(2026, 12, 1), date(2027, 2, 28)) == "gilt vom 1.12.2026 bis 28.2.2027"
    assert window_text(date(2026, 12, 1), None) == "gilt ab 1.12.2026"
    assert window_text(None, date(2026, 12, 5)) == "gilt bis 5.12.2026"


def test_a_page_without_alerts_has_no_banner_and_no_script(catalog):
    html = offer_page(page_inputs(catalog), catalog.offer("tagestreff-mitte")).html
    assert "atlas-alerts.js" not in html and "data-atlas-alert" not in html


def test_the_banner_carries_its_window_and_dates(catalog, with_alerts):
    with_alerts(make_alert("frost", level="kaelte"))
    html = offer_page(page_inputs(catalog), catalog.offer("tagestreff-mitte")).html
    tree = parse(html)
    box = tree.find("div", data_atlas_alert="")
    assert box.attrs["data-atlas-from"] == "2026-12-01" and box.attrs["data-atlas-until"] == "2026-12-05"
    assert box.attrs["data-atlas-level"] == "kaelte"
    assert "Kältehilfe aktiv: Text frost (gilt vom 1.12. bis 5.12.)" in " ".join(box.text.split())
    scripts = [s.attrs.get("src") for s in tree.find_all("script") if s.attrs.get("src")]
    assert scripts.count("../../assets/javascripts/atlas-alerts.js") == 1


def test_each_page_kind_shows_the_alerts_that_concern_it(catalog, with_alerts):
    with_alerts(make_alert("ueberall"), make_alert("hygiene", categories=["hygiene"]),
                make_alert("andere", offers=["streetwork"]))
    pages = {p.path: p.html for p in pages_family(type("I", (), {"catalog": catalog, "holidays": (),
                                                                "flyers": None})(), tools()).pages}
    assert banner_ids(pages[""]) == ["Text ueberall", "Text hygiene", "Text andere"]
    assert banner_ids(pages["kategorien/hygiene/"]) == ["Text ueberall", "Text hygiene"]
    assert banner_ids(pages["kategorien/essen/"]) == ["Text ueberall"]
    assert banner_ids(pages["angebote/"]) == ["Text ueberall"]
    offer = offer_page(page_inputs(catalog), catalog.offer("tagestreff-mitte")).html
    assert banner_ids(offer) == ["Text ueberall", "Text hygiene"]


def test_hand_written_pages_get_the_site_wide_alerts_once(catalog):
    templates = page_inputs(catalog).templates
    wide, scoped = make_alert("ueberall"), make_alert("nur", offers=["streetwork"])
    html = with_site_banner("<h1>Impressum</h1>", templates, "impressum/", [wide, scoped])
    assert banner_ids(html) == ["Text ueberall"] and 'src="../assets/javascripts/atlas-alerts.js"' in html
    assert with_site_banner(html, templates, "impressum/", [wide]) == html
    assert with_site_banner("<h1>x</h1>", templates, "impressum/", [scoped]) == "<h1>x</h1>"


def test_an_offer_alert_with_a_window_loads_the_script(catalog, monkeypatch):
    offer = catalog.offer("tagestreff-mitte").model_copy(update={
        "alert": "Neue Zeiten", "alert_from": date(2026, 12, 1), "alert_until": date(2026, 12, 24)})
    html = offer_page(page_inputs(catalog), offer).html
    box = next(d for d in parse(html).find_all("div") if "atlas-alert" in d.attrs.get("class", "").split())
    assert box.attrs["data-atlas-from"] == "2026-12-01" and "gilt vom 1.12. bis 24.12." in box.text
    assert "atlas-alerts.js" in html
    ended = offer.model_copy(update={"alert_until": date(2026, 11, 1)})  # before the build date
    assert "Neue Zeiten" not in offer_page(page_inputs(catalog), ended).html


def test_a_closure_shows_its_end_and_reason_on_the_page_and_in_lists(catalog):
    offer = catalog.offer("tagestreff-mitte").model_copy(update={
        "status": "temporarily_closed", "closed_until": date(2026, 12, 15), "closed_reason": "Umbau"})
    tree = parse(offer_page(page_inputs(catalog), offer).html)
    closure = tree.find("div", data_atlas_closure="tagestreff-mitte")
    assert "Grund: Umbau" in closure.text  # the status row says until when (live and static)
    status = tree.find("span", data_atlas_status="tagestreff-mitte")
    assert status.text == "Vorübergehend geschlossen bis 15. Dezember 2026"
    assert status.attrs["data-atlas-normal"].startswith("Mo–Fr")  # shown again after the 15th
    entry = views.list_entry(catalog, offer, "kategorien/hygiene/")
    assert entry["hours"] == "Vorübergehend geschlossen bis 15. Dezember 2026"
    assert entry["closure"]["reason"] == "Umbau" and entry["closure"]["until"] == "2026-12-15"
