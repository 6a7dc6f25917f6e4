"""Alerts in the language trees: a translation where there is one, else German marked lang="de";
headings and dates in the page's language; per-offer alerts through translations.<lang>.alert."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from build_tools.pages.alerts import alert_view, banner, window_text, with_site_banner
from build_tools.pages.offer import offer_page
from build_tools.schema import Alert, Translation

from ..buildkit import page_inputs
from ..htmlquery import parse

COLD = {"text": "Kältebus fährt.", "level": "kaelte", "start": "2026-12-01", "end": "2027-02-28",
        "translations": {"en": {"text": "The cold bus is running."},
                         "uk": {"text": "Автобус допомоги їздить.", "title": "Холодно"}}}


def _alerts(html: str) -> list[dict]:
    return [{"lang": el.attrs.get("lang"), "dir": el.attrs.get("dir"), "label": el.attrs["aria-label"],
             "text": " ".join(el.text.split())}
            for el in parse(html).find_all("div", data_atlas_alert="")]


def test_window_text_in_other_languages():
    assert window_text(date(2026, 12, 1), date(2026, 12, 5), "en") == "valid 1 Dec to 5 Dec"
    assert window_text(date(2026, 12, 1), date(2027, 2, 28), "en") == "valid 1 Dec 2026 to 28 Feb 2027"
    assert window_text(date(2026, 12, 1), None, "en") == "valid from 1 Dec 2026"
    assert window_text(None, date(2026, 12, 5), "en") == "valid until 5 Dec 2026"
    assert window_text(date(2026, 12, 1), date(2026, 12, 5)) == "gilt vom 1.12. bis 5.12."


def test_the_view_takes_the_translation_or_stays_german():
    alert = Alert.model_validate(COLD)
    en = alert_view(alert, "en")
    assert (en["text"], en["heading"], en["lang"]) == ("The cold bus is running.", "Cold-weather help active", None)
    assert en["dates"] == "valid 1 Dec 2026 to 28 Feb 2027"
    assert alert_view(alert, "uk")["heading"] == "Холодно"
    ar = alert_view(alert, "ar")
    assert (ar["text"], ar["heading"], ar["lang"]) == ("Kältebus fährt.", "Kältehilfe aktiv", "de")
    assert ar["dates"] == "gilt vom 1.12.2026 bis 28.2.2027"
    assert alert_view(alert)["lang"] is None and alert_view(alert)["text"] == "Kältebus fährt."


@pytest.mark.parametrize(("path", "expected"), [
    ("", {"lang": None, "dir": None, "label": "Kältehilfe aktiv",
          "text": "Kältehilfe aktiv: Kältebus fährt. (gilt vom 1.12.2026 bis 28.2.2027)"}),
    ("en/angebote/", {"lang": None, "dir": None, "label": "Cold-weather help active",
                      "text": "Cold-weather help active: The cold bus is running. (valid 1 Dec 2026 to 28 Feb 2027)"}),
    ("ar/angebote/", {"lang": "de", "dir": "ltr", "label": "Kältehilfe aktiv",
                      "text": "Kältehilfe aktiv: Kältebus fährt. (gilt vom 1.12.2026 bis 28.2.2027)"}),
])
def test_the_banner_follows_the_page_language(catalog, path, expected):
    html = banner(page_inputs(catalog).templates, path, [Alert.model_validate(COLD)])
    assert _alerts(html) == [expected]
    assert "lang" not in parse(html).find("div", data_atlas_alerts="").attrs


def test_with_site_banner_reads_the_language_from_the_path(catalog):
    templates = page_inputs(catalog).templates
    html = with_site_banner("<h1>x</h1>", templates, "en/impressum/", [Alert.model_validate(COLD)])
    assert _alerts(html)[0]["text"].startswith("Cold-weather help active: The cold bus")


def test_a_translation_needs_a_text_and_a_known_language():
    with pytest.raises(ValidationError, match="text"):
        Alert.model_validate({**COLD, "translations": {"en": {"title": "Only a title"}}})
    with pytest.raises(ValidationError, match="wird nicht übersetzt"):
        Alert.model_validate({**COLD, "translations": {"xx": {"text": "?"}}})


def test_an_offer_alert_in_a_language_tree(catalog):
    base = catalog.offer("tagestreff-mitte")
    offer = base.model_copy(update={"alert": "Neue Zeiten", "alert_from": date(2026, 12, 1),
                                    "alert_until": date(2026, 12, 24)})
    translated = offer.model_copy(update={"translations": {
        **offer.translations, "en": offer.translations["en"].model_copy(update={"alert": "New hours"})}})
    tree = parse(offer_page(page_inputs(catalog), translated, "en").html)
    box = next(d for d in tree.find_all("div") if "atlas-alert" in d.attrs.get("class", "").split())
    assert "New hours" in box.text and "Neue Zeiten" not in box.text
    dates = box.find("p", **{"class": "atlas-alert__dates"})
    assert dates.text == "valid 1 Dec to 24 Dec" and "lang" not in dates.attrs
    # without the translation: German text and German dates, both marked
    untranslated = offer.model_copy(update={"translations": {
        **offer.translations, "en": offer.translations["en"].model_copy(update={"alert": None})}})
    tree = parse(offer_page(page_inputs(catalog), untranslated, "en").html)
    box = next(d for d in tree.find_all("div") if "atlas-alert" in d.attrs.get("class", "").split())
    assert box.find("span", lang="de").text == "Neue Zeiten"
    dates = box.find("p", **{"class": "atlas-alert__dates"})
    assert dates.text == "gilt vom 1.12. bis 24.12." and dates.attrs["lang"] == "de"
    assert isinstance(offer.translations["en"], Translation)
