"""One page per offer: ``/angebote/<id>/``.

The first screen answers what a person on the street asks: what is it, is it open now, where,
how to get there, papers, dogs, costs. Everything else follows below.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .. import alerts, urls
from ..catalog import Catalog, districts_of, is_public_location
from ..credits import credit_for
from ..languages import RTL_LANGUAGES, language_name
from ..maps import offer_map_html
from ..outputs import GeneratedPage
from ..schema import Offer, Status
from ..search.records import offer_record
from . import views
from .alerts import offer_alert, with_banner
from .common import PageInputs, linker, status_block
from .jsonld import offer_jsonld
from .nearby import NearestIndex

RELATED_MAX = 4
FLYER_KINDS = (("karte", "Handzettel (A6, zum Mitnehmen)"), ("aushang", "Aushang (A4, mit Abreißzetteln)"))


def offer_page(inputs: PageInputs, offer: Offer) -> GeneratedPage:
    """The page of one offer (a tombstone for ended offers)."""
    path = urls.offer_path(offer.id)
    if offer.status == Status.ended:
        return with_banner(_tombstone(inputs, offer, path), inputs, alerts.for_page(inputs.catalog.alerts))
    context = offer_context(inputs, offer)
    meta: dict[str, Any] = {"description": offer.summary, "atlas_page": "offer", "hide": ["toc"]}
    html = inputs.templates.render("offer.html", **context)
    page = GeneratedPage(path=path, title=offer.title, html=html, meta=meta,
                         search=offer_record(inputs, offer, context))
    dated = bool(context["offer_alert"] and context["offer_alert"]["dated"])
    return with_banner(page, inputs, alerts.for_offer(inputs.catalog.alerts, offer), script=dated)


def offer_context(inputs: PageInputs, offer: Offer) -> dict[str, Any]:
    """Everything ``offer.html`` shows, decided here."""
    catalog = inputs.catalog
    path = urls.offer_path(offer.id)
    link = linker(path)
    loc = offer.location
    public = is_public_location(offer)
    access = offer.access
    org = catalog.provider_organization(offer)
    provider_site = org.website if org else getattr(offer.provider, "website", None)
    related = related_offers(catalog, offer)
    return {
        "offer": offer,
        "link": link,
        "status_text": views.STATUS[offer.status],
        "closed": offer.status == Status.temporarily_closed,
        "closure": views.closure(offer),
        "offer_alert": offer_alert(offer, catalog.build_date),
        "hours_lines": views.hours_lines(offer.opening_hours),
        "hours_summary": views.hours_summary(offer),
        "season": views.season_text(offer.season),
        "valid_from": views.german_date(offer.valid_from) if offer.valid_from else "",
        "valid_until": views.german_date(offer.valid_until) if offer.valid_until else "",
        "address": views.address_lines(offer),
        "confidential": bool(loc and loc.confidential),
        "directions_text": loc.directions if loc and public else None,
        "directions": views.directions(offer),
        "districts": [
            {"name": catalog.district_name(d), "href": link(urls.district_path(d))}
            for d in districts_of(offer)
        ],
        "phones": views.phones(offer),
        "email": offer.contact.email,
        "website": offer.contact.website,
        "languages": [language_name(code) for code in offer.languages],
        "costs": views.costs_text(offer),
        "papers": views.papers_text(offer),
        "dogs": views.yes_no(access.pets_allowed, "Hunde erlaubt", "Keine Hunde erlaubt",
                             "nicht angegeben – bitte nachfragen"),
        "registration": _registration(offer),
        "wheelchair": views.WHEELCHAIR[loc.wheelchair] if loc and public else "",
        "provider": catalog.provider_name(offer),
        "provider_site": provider_site,
        "target_groups": [
            catalog.target_groups[g].label for g in offer.target_groups if g in catalog.target_groups
        ],
        "categories": [
            {"label": catalog.category_label(c), "href": link(urls.category_path(c))}
            for c in [offer.category, *offer.also_categories]
        ],
        "tags": offer.tags,
        "description": Markup(inputs.markdown(offer.description)),  # noqa: S704 - sanitised
        "translations": _translations(inputs, offer),
        "map_html": Markup(offer_map_html(catalog, offer, path, templates=inputs.templates))  # noqa: S704
        if public else "",
        "flyers": [
            {"label": label, "href": link(urls.flyer_path(offer.id, kind))}
            for kind, label in FLYER_KINDS
            if urls.flyer_path(offer.id, kind) in inputs.flyers
        ],
        "related": [views.list_entry(catalog, o, path) for o in related],
        "last_verified": views.german_date(offer.last_verified),
        "last_verified_iso": offer.last_verified.isoformat(),
        "credit": credit_for(offer.source, catalog.credits),
        "report_href": _report_href(catalog, offer),
        "status": status_block([offer, *related], path, inputs.holidays),
        "jsonld": offer_jsonld(catalog, offer),
        "list_href": link(urls.offers_index_path()),
        "map_href": link(urls.map_path()),
    }


def _registration(offer: Offer) -> str:
    access = offer.access
    if access.appointment_required:
        return "Nur mit Termin"
    if access.registration_required:
        return "Anmeldung nötig"
    if access.registration_required is False or access.appointment_required is False:
        return "Ohne Anmeldung"
    return ""


def _translations(inputs: PageInputs, offer: Offer) -> list[dict[str, Any]]:
    out = []
    for code in sorted(offer.translations):
        tr = offer.translations[code]
        if not (tr.title or tr.summary or tr.description):
            continue
        out.append({
            "code": code,
            "name": language_name(code),
            "dir": "rtl" if code in RTL_LANGUAGES else "ltr",
            "title": tr.title,
            "summary": tr.summary,
            "alert": tr.alert,
            "hours_note": tr.hours_note,
            "directions": tr.directions,
            "description": Markup(inputs.markdown(tr.description)),  # noqa: S704 - sanitised
        })
    return out


def _report_href(catalog: Catalog, offer: Offer) -> str:
    address = catalog.config.report_email
    if not address:
        return ""
    subject = f"Fehler melden: {offer.id}"
    body = (
        f"Angebot: {offer.title} ({offer.id})\n"
        f"Seite: {urls.absolute_url(catalog.config.site_url, urls.offer_path(offer.id)) if catalog.config.site_url else urls.offer_path(offer.id)}\n\n"
        "Was stimmt nicht?\n"
    )
    return f"mailto:{address}?subject={quote(subject)}&body={quote(body)}"


def related_offers(catalog: Catalog, offer: Offer, limit: int = RELATED_MAX) -> list[Offer]:
    """The editor's ``related`` offers, filled up with the nearest of the same category."""
    chosen: list[Offer] = []
    for rel in offer.related:
        if catalog.has_offer(rel):
            other = catalog.offer(rel)
            if other.status != Status.ended:
                chosen.append(other)
    if len(chosen) >= limit:
        return chosen[:limit]
    taken = {o.id for o in chosen} | {offer.id}
    index = _nearest_indexes(catalog).get(offer.category)
    same = index.nearest(offer, limit - len(chosen), taken) if index else []
    return chosen + same


def category_members(catalog: Catalog) -> dict[str, list[Offer]]:
    """Published offers per category (main and additional), built once per catalog.

    Asking ``catalog.in_category`` for every offer page would make the build quadratic.
    """
    cached = getattr(catalog, "_atlas_category_members", None)
    if cached is not None and cached[0] == len(catalog.offers):
        return cached[1]
    members: dict[str, list[Offer]] = {}
    for other in catalog.published:
        for cat in dict.fromkeys([other.category, *other.also_categories]):
            members.setdefault(cat, []).append(other)
    catalog._atlas_category_members = (len(catalog.offers), members)  # type: ignore[attr-defined]
    return members


def _nearest_indexes(catalog: Catalog) -> dict[str, NearestIndex]:
    """One :class:`NearestIndex` per category, built once per catalog."""
    cached = getattr(catalog, "_atlas_nearest", None)
    if cached is not None and cached[0] == len(catalog.offers):
        return cached[1]
    indexes = {cat: NearestIndex(members) for cat, members in category_members(catalog).items()}
    catalog._atlas_nearest = (len(catalog.offers), indexes)  # type: ignore[attr-defined]
    return indexes


def _tombstone(inputs: PageInputs, offer: Offer, path: str) -> GeneratedPage:
    catalog = inputs.catalog
    alternatives = related_offers(catalog, offer, limit=6)
    html = inputs.templates.render(
        "tombstone.html",
        offer=offer,
        alternatives=[views.list_entry(catalog, o, path) for o in alternatives],
        category={"label": catalog.category_label(offer.category),
                  "href": urls.relative_url(path, urls.category_path(offer.category))},
        list_href=urls.relative_url(path, urls.offers_index_path()),
        status=status_block(alternatives, path, inputs.holidays) if alternatives else None,
    )
    meta = {"robots": "noindex", "atlas_page": "tombstone"}
    return GeneratedPage(path=path, title=offer.title, html=html, meta=meta)
