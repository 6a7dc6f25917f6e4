"""Site-wide alerts (``content/alerts/*.yml``): their cross-file checks and the pages they concern.

An alert has a start and an end day; the build keeps every alert that has not ended by the
build date, and the page decides in the browser whether it is active today
(``atlas-alerts.js``). Which pages show it:

* no ``categories``, ``districts`` or ``offers``: every page;
* the home page: every alert (it is where people start);
* a category or district page: alerts that name it;
* an offer page: alerts that name the offer, or whose ``categories`` and ``districts`` both fit
  the offer (a dimension left empty fits every offer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .catalog import districts_of
from .problems import Problem
from .schema import Alert, AlertLevel, Offer
from .validation.report import problem_at
from .yamlio import LoadedYaml


@dataclass(frozen=True)
class AlertFile:
    """One alert file that parsed as a mapping: the model (None when invalid) and its YAML."""

    loaded: LoadedYaml
    id: str | None
    alert: Alert | None


def _known(names: Iterable[str]) -> str:
    listed = sorted(names)
    return ", ".join(listed[:20]) + (" …" if len(listed) > 20 else "") or "—"


def check_alerts(files: list[AlertFile], categories: Iterable[str], districts: Iterable[str],
                 offer_ids: Iterable[str], today: date) -> list[Problem]:
    """References to unknown categories, districts and offers (errors); ended alerts (warnings).

    ``offer_ids`` are the ids of every offer file, valid or not: an offer with an error of its
    own is not called unknown here.
    """
    categories, districts, offer_ids = set(categories), set(districts), set(offer_ids)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for item in files:
        alert, loaded = item.alert, item.loaded
        if item.id and item.id in seen:
            problems.append(problem_at(loaded, ("id",) if "id" in loaded.data else (),
                                       f"die id {item.id!r} gibt es schon in {seen[item.id]}"))
        elif item.id:
            seen[item.id] = loaded.source
        data = loaded.data
        for key, known, what, where in (
            ("categories", categories, "unbekannte Kategorie", "content/categories.yml"),
            ("districts", districts, "unbekannter Sozialraum", "content/districts.geojson"),
            ("offers", offer_ids, "unbekanntes Angebot", "content/offers/"),
        ):
            values = data.get(key)
            if not isinstance(values, list):
                continue  # the schema reports the wrong shape
            for index, value in enumerate(values):
                if isinstance(value, str) and value.strip() and value.strip() not in known:
                    problems.append(problem_at(
                        loaded, (key, index),
                        f"{what} {value.strip()!r}: eine id aus {where} angeben; bekannt: {_known(known)}"))
        if alert is not None and alert.end < today:
            problems.append(problem_at(
                loaded, ("end",), f"abgelaufen am {alert.end.isoformat()}: der Hinweis erscheint "
                "nicht mehr; Datei löschen oder end verlängern", "warning"))
    return problems


def current(alerts: Iterable[Alert], build_date: date | None) -> list[Alert]:
    """The alerts a build publishes: every one not ended by ``build_date`` (sorted by start, id).

    An ended alert would only ever be hidden by the script, and shown without JavaScript."""
    kept = [a for a in alerts if build_date is None or a.end >= build_date]
    return sorted(kept, key=lambda a: (a.start, a.id or ""))


def for_home(alerts: Iterable[Alert]) -> list[Alert]:
    """The home page shows every alert."""
    return list(alerts)


def for_page(alerts: Iterable[Alert]) -> list[Alert]:
    """Pages without an own scope (A–Z, map, search, hand-written pages): site-wide alerts only."""
    return [a for a in alerts if a.site_wide]


def for_category(alerts: Iterable[Alert], category_id: str) -> list[Alert]:
    """Site-wide alerts and those naming the category."""
    return [a for a in alerts if a.site_wide or category_id in a.categories]


def for_district(alerts: Iterable[Alert], district_id: str) -> list[Alert]:
    """Site-wide alerts and those naming the district."""
    return [a for a in alerts if a.site_wide or district_id in a.districts]


def concerns_offer(alert: Alert, offer: Offer) -> bool:
    """True when ``alert`` belongs on ``offer``'s page (see the module docstring)."""
    if alert.site_wide or offer.id in alert.offers:
        return True
    if not (alert.categories or alert.districts):
        return False
    cats = {offer.category, *offer.also_categories}
    fits_category = not alert.categories or bool(cats & set(alert.categories))
    fits_district = not alert.districts or bool(set(districts_of(offer)) & set(alert.districts))
    return fits_category and fits_district


def for_offer(alerts: Iterable[Alert], offer: Offer) -> list[Alert]:
    """The alerts of an offer's page."""
    return [a for a in alerts if concerns_offer(a, offer)]


def cold_offer_ids(alerts: Iterable[Alert]) -> set[str]:
    """Offers a Kältehilfe alert names: raised with the seasonal ones while it is active."""
    return {o for a in alerts if a.level == AlertLevel.kaelte for o in a.offers}
