"""HSDS 3.0 JSON (Open Referral): services, organizations, service_at_locations, taxonomy.

Objects follow the *compiled* schemas (nested objects, as an HSDS API returns them); every id
is a UUIDv5 from our ids (:mod:`.ids`). Mapping and losses: ``docs/open-data.md``.

Privacy: a confidential place gets no location, no address and no coordinates; the offer is
described by its Sozialraum as ``service_areas``. Ended offers are exported with status
``defunct`` (so consumers who copied them learn they are gone), without place or schedules.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from ..catalog import Catalog, is_public_location
from ..languages import language_name
from ..schema import InlineProvider, Offer, Organization, Status, normalize_phone
from ..urls import MissingSiteUrl, absolute_url, categories_index_path, category_path, district_path
from .hsds_schedules import hsds_schedules
from .ids import hsds_id

STATUS = {
    Status.active: "active",
    Status.temporarily_closed: "temporarily closed",
    Status.ended: "defunct",
}
WHEELCHAIR = {
    "yes": "Rollstuhlgerecht",
    "limited": "Eingeschränkt rollstuhlgerecht",
    "no": "Nicht rollstuhlgerecht",
    "unknown": "Rollstuhlzugang unbekannt",
}
STATES = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

# Our own taxonomies. Field terms carry what HSDS has no field for, as attributes with a value.
TAX_CATEGORIES = "angebotsatlas-kategorien"
TAX_GROUPS = "angebotsatlas-zielgruppen"
TAX_FIELDS = "angebotsatlas-felder"
ID_SCHEME = "angebotsatlas"
FIELD_TERMS = {
    "kennung": "Kennung des Angebots im Angebotsatlas (Teil der Web-Adresse)",
    "stichwort": "Stichwort für die Suche",
    "anonym": "Anonym nutzbar (ja/nein)",
    "anmeldung": "Anmeldung nötig (ja/nein)",
    "termin": "Nur mit Termin (ja/nein)",
    "haustiere": "Hunde/Haustiere erlaubt (ja/nein)",
    "saison": "Jährliche Saison (MM-TT/MM-TT)",
    "gueltig_ab": "Gilt ab (JJJJ-MM-TT)",
    "gueltig_bis": "Gilt bis einschließlich (JJJJ-MM-TT)",
    "aehnliches_angebot": "Kennung eines ähnlichen Angebots",
    "fruehere_kennung": "Frühere Kennung, die weiterleitet",
    "geschlossen_bis": "Vorübergehend geschlossen bis einschließlich (JJJJ-MM-TT)",
    "schliessungsgrund": "Grund der vorübergehenden Schließung",
}
ACCESS_TERMS = {
    "anonym": "anonymous",
    "anmeldung": "registration_required",
    "termin": "appointment_required",
    "haustiere": "pets_allowed",
}


def _url(catalog: Catalog, path: str) -> str | None:
    try:
        return absolute_url(catalog.config.site_url, path)
    except MissingSiteUrl:
        return None


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: HSDS fields are optional, ``null`` is not a string."""
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


# --- taxonomy ---------------------------------------------------------------------------


def taxonomies(catalog: Catalog) -> list[dict[str, Any]]:
    """Our three taxonomies (categories, target groups, field terms)."""
    name = catalog.config.name
    return [
        _clean({
            "id": hsds_id("taxonomy", TAX_CATEGORIES), "name": TAX_CATEGORIES,
            "description": f"Kategorien des {name}",
            "uri": _url(catalog, categories_index_path()), "version": "1",
        }),
        {"id": hsds_id("taxonomy", TAX_GROUPS), "name": TAX_GROUPS,
         "description": f"Zielgruppen des {name}", "version": "1"},
        {"id": hsds_id("taxonomy", TAX_FIELDS), "name": TAX_FIELDS,
         "description": "Angaben des Angebotsatlas ohne eigenes HSDS-Feld (Wert im Attribut)",
         "version": "1"},
    ]


def taxonomy_terms(catalog: Catalog) -> list[dict[str, Any]]:
    """Every term of our taxonomies; category terms link to the category pages."""
    terms = [_category_term(catalog, cid) for cid in catalog.categories]
    terms += [_group_term(catalog, gid) for gid in catalog.target_groups]
    terms += [_field_term(catalog, key) for key in FIELD_TERMS]
    return terms


def _term(catalog: Catalog, taxonomy: str, code: str, name: str, description: str,
          uri: str | None = None) -> dict[str, Any]:
    return _clean({
        "id": hsds_id("taxonomy_term", taxonomy, code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": taxonomy,
        "taxonomy_id": hsds_id("taxonomy", taxonomy),
        "language": "de",
        "term_uri": uri,
    }) | {"description": description}


def _category_term(catalog: Catalog, cid: str) -> dict[str, Any]:
    cat = catalog.categories.get(cid)
    return _term(catalog, TAX_CATEGORIES, cid, cat.label if cat else cid,
                 (cat.description or "") if cat else "", _url(catalog, category_path(cid)))


def _group_term(catalog: Catalog, gid: str) -> dict[str, Any]:
    group = catalog.target_groups.get(gid)
    return _term(catalog, TAX_GROUPS, gid, group.label if group else gid, "")


def _field_term(catalog: Catalog, key: str) -> dict[str, Any]:
    return _term(catalog, TAX_FIELDS, key, key, FIELD_TERMS[key])


def _attribute(catalog: Catalog, offer: Offer, taxonomy: str, code: str, value: str | None) -> dict[str, Any]:
    if taxonomy == TAX_CATEGORIES:
        term = _category_term(catalog, code)
    elif taxonomy == TAX_GROUPS:
        term = _group_term(catalog, code)
    else:
        term = _field_term(catalog, code)
    # A slim copy of the term (the full one, with term_uri, is in taxonomy_terms.json).
    term = _clean({"id": term["id"], "code": code, "name": term["name"], "taxonomy": taxonomy,
                   "term_uri": term.get("term_uri")}) | {"description": ""}
    return _clean({
        "id": hsds_id("attribute", offer.id or "", taxonomy, code, value or ""),
        "link_id": hsds_id("service", offer.id or ""),
        "link_type": "service",
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "value": value,
        "taxonomy_term": term,
    })


def _attributes(catalog: Catalog, offer: Offer) -> list[dict[str, Any]]:
    attrs = [_attribute(catalog, offer, TAX_FIELDS, "kennung", offer.id)]
    attrs.append(_attribute(catalog, offer, TAX_CATEGORIES, offer.category, "hauptkategorie"))
    attrs += [_attribute(catalog, offer, TAX_CATEGORIES, c, "weitere") for c in offer.also_categories]
    attrs += [_attribute(catalog, offer, TAX_GROUPS, g, None) for g in offer.target_groups]
    attrs += [_attribute(catalog, offer, TAX_FIELDS, "stichwort", t) for t in offer.tags]
    for key, field in ACCESS_TERMS.items():
        flag = getattr(offer.access, field)
        if flag is not None:
            attrs.append(_attribute(catalog, offer, TAX_FIELDS, key, "ja" if flag else "nein"))
    if offer.season:
        attrs.append(_attribute(catalog, offer, TAX_FIELDS, "saison",
                                f"{offer.season.from_}/{offer.season.until}"))
    if offer.valid_from:
        attrs.append(_attribute(catalog, offer, TAX_FIELDS, "gueltig_ab", offer.valid_from.isoformat()))
    if offer.valid_until:
        attrs.append(_attribute(catalog, offer, TAX_FIELDS, "gueltig_bis", offer.valid_until.isoformat()))
    # HSDS 3.0 has status "temporarily closed" but no field for until when, nor why.
    if offer.status == Status.temporarily_closed and offer.closed_until:
        attrs.append(_attribute(catalog, offer, TAX_FIELDS, "geschlossen_bis", offer.closed_until.isoformat()))
    if offer.status == Status.temporarily_closed and offer.closed_reason:
        attrs.append(_attribute(catalog, offer, TAX_FIELDS, "schliessungsgrund", offer.closed_reason))
    attrs += [_attribute(catalog, offer, TAX_FIELDS, "aehnliches_angebot", r) for r in offer.related]
    attrs += [_attribute(catalog, offer, TAX_FIELDS, "fruehere_kennung", a) for a in offer.aliases]
    return attrs


# --- organizations ----------------------------------------------------------------------


def _provider_key(catalog: Catalog, offer: Offer) -> str | None:
    """Identity of the provider: ``org:<id>`` for a file, ``name:<name>`` otherwise."""
    org = catalog.provider_organization(offer)
    if org is not None:
        return f"org:{org.id}"
    name = catalog.provider_name(offer)
    return f"name:{name}" if name else None


def organization_id(key: str) -> str:
    """HSDS id of a provider key from :func:`_provider_key`."""
    return hsds_id("organization", key)


def _phone(owner: str, raw: str, index: int, **links: str) -> dict[str, Any]:
    number = normalize_phone(raw)
    return {"id": hsds_id("phone", owner, str(index), number), "number": number, "type": "voice", **links}


def organization_object(catalog: Catalog, key: str, org: Organization | None,
                        inline: InlineProvider | None, name: str) -> dict[str, Any]:
    """One compiled HSDS organization."""
    oid = organization_id(key)
    source = org or inline
    obj: dict[str, Any] = {"id": oid, "name": name, "description": ""}
    if source is not None:
        obj["website"] = source.website
        obj["email"] = source.email
        if source.phone:
            obj["phones"] = [_phone(key, source.phone, 0, organization_id=oid)]
    if org is not None:
        obj["organization_identifiers"] = [{
            "id": hsds_id("organization_identifier", key),
            "organization_id": oid,
            "identifier_scheme": ID_SCHEME,
            "identifier_type": "Kennung im Angebotsatlas",
            "identifier": org.id,
        }]
        address = org.address
        if address and address.street and address.city:
            lid = hsds_id("location", key, "postal")
            obj["locations"] = [{
                "id": lid, "location_type": "postal", "organization_id": oid, "name": name,
                "addresses": [_address(catalog, lid, address.street, address.postal_code,
                                       address.city, "postal", key)],
            }]
    return _clean(obj) | {"description": ""}


def _address(catalog: Catalog, location_id: str, street: str, postal_code: str | None,
             city: str, kind: str, owner: str) -> dict[str, Any]:
    return {
        "id": hsds_id("address", owner, kind),
        "location_id": location_id,
        "address_1": street,
        "city": city,
        "state_province": STATES.get(catalog.config.holidays_state, catalog.config.holidays_state),
        "postal_code": postal_code or "",
        "country": "DE",
        "address_type": kind,
    }


def organizations(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every provider that an exported offer names, by provider key."""
    out: dict[str, dict[str, Any]] = {}
    for offer in catalog.offers:
        key = _provider_key(catalog, offer)
        if key is None or key in out:
            continue
        org = catalog.provider_organization(offer)
        inline = offer.provider if isinstance(offer.provider, InlineProvider) else None
        out[key] = organization_object(catalog, key, org, inline, catalog.provider_name(offer) or "")
    return dict(sorted(out.items(), key=lambda kv: kv[1]["id"]))


# --- services ---------------------------------------------------------------------------


def _location(catalog: Catalog, offer: Offer) -> dict[str, Any] | None:
    if not is_public_location(offer):
        return None
    loc = offer.location
    assert loc is not None
    lid = hsds_id("location", offer.id or "")
    obj: dict[str, Any] = {
        "id": lid,
        "location_type": "physical",
        "name": offer.title,
        "transportation": loc.directions,
        "latitude": loc.lat,
        "longitude": loc.lon,
        "accessibility": [{
            "id": hsds_id("accessibility", offer.id or "", "wheelchair"),
            "location_id": lid,
            "description": WHEELCHAIR[loc.wheelchair.value],
            "details": f"wheelchair={loc.wheelchair.value}",
        }],
    }
    if loc.street and loc.city:
        obj["addresses"] = [_address(catalog, lid, loc.street, loc.postal_code, loc.city,
                                     "physical", offer.id or "")]
    key = _provider_key(catalog, offer)
    if key:
        obj["organization_id"] = organization_id(key)
    return _clean(obj)


def _service_areas(catalog: Catalog, offer: Offer) -> list[dict[str, Any]]:
    # A fixed public place says where; the area is the service_area list, or for a protected
    # place its Sozialraum (the only place information that is published).
    ids = list(offer.service_area or [])
    if offer.location and offer.location.confidential and offer.location.district:
        ids = [offer.location.district, *[d for d in ids if d != offer.location.district]]
    sid = hsds_id("service", offer.id or "")
    return [_clean({
        "id": hsds_id("service_area", offer.id or "", d),
        "service_id": sid,
        "name": catalog.district_name(d),
        "uri": _url(catalog, district_path(d)),
        "extent_type": "sozialraum",
        "extent": d,
    }) for d in ids]


def _description(offer: Offer) -> str:
    return offer.summary if not offer.description else f"{offer.summary}\n\n{offer.description}"


def service_object(catalog: Catalog, offer: Offer, today: date,
                   orgs: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One compiled HSDS service with its organization, locations, schedules and attributes."""
    sid = hsds_id("service", offer.id or "")
    orgs = orgs if orgs is not None else organizations(catalog)
    key = _provider_key(catalog, offer)
    ended = offer.status == Status.ended
    obj: dict[str, Any] = {
        "id": sid,
        "name": offer.title,
        "description": _description(offer),
        "url": offer.contact.website,
        "email": offer.contact.email,
        "status": STATUS[offer.status],
        "fees_description": "kostenlos" if offer.is_free else offer.costs,
        "eligibility_description": offer.access.requirements,
        "assured_date": offer.last_verified.isoformat(),
        "alert": offer.alert,
        "phones": [_phone(offer.id or "", p, i, service_id=sid) for i, p in enumerate(offer.contact.phone)],
        "languages": [{
            "id": hsds_id("language", offer.id or "", code), "service_id": sid,
            "name": language_name(code), "code": code,
        } for code in offer.languages],
        "attributes": _attributes(catalog, offer),
    }
    if key:
        obj["organization_id"] = organization_id(key)
        obj["organization"] = orgs[key]
    if not ended:
        obj["schedules"] = hsds_schedules(offer, today)
        obj["service_areas"] = _service_areas(catalog, offer)
        location = _location(catalog, offer)
        if location is not None:
            obj["service_at_locations"] = [service_at_location(offer, location)]
    return _clean(obj)


def service_at_location(offer: Offer, location: dict[str, Any]) -> dict[str, Any]:
    """The link of the offer to its (public) place."""
    return {
        "id": hsds_id("service_at_location", offer.id or ""),
        "service_id": hsds_id("service", offer.id or ""),
        "location_id": location["id"],
        "location": location,
    }


# --- files ------------------------------------------------------------------------------


def hsds_objects(catalog: Catalog, today: date | None = None) -> dict[str, list[dict[str, Any]]]:
    """All exported objects per file name stem, sorted by id."""
    today = today or catalog.build_date or date.today()
    orgs = organizations(catalog)
    services = [service_object(catalog, o, today, orgs) for o in catalog.offers]
    sals = [sal for s in services for sal in s.get("service_at_locations", [])]
    return {
        "services": sorted(services, key=lambda s: s["id"]),
        "organizations": sorted(orgs.values(), key=lambda o: o["id"]),
        "service_at_locations": sorted(sals, key=lambda s: s["id"]),
        "taxonomies": sorted(taxonomies(catalog), key=lambda t: t["id"]),
        "taxonomy_terms": sorted(taxonomy_terms(catalog), key=lambda t: t["id"]),
    }


SCHEMAS = {
    "services": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service.json",
    "organizations": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/organization.json",
    "service_at_locations": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service_at_location.json",
    "taxonomies": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/taxonomy.json",
    "taxonomy_terms": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/taxonomy_term.json",
}


def dump(data: Any, compact: bool = True) -> bytes:
    """Stable JSON bytes (sorted keys, UTF-8, trailing newline); compact for the data files."""
    if compact:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def hsds_files(catalog: Catalog, today: date | None = None) -> dict[str, bytes]:
    """File name → bytes for ``daten/hsds/``: one list per object type and ``datapackage.json``."""
    objects = hsds_objects(catalog, today)
    files = {f"{stem}.json": dump(items) for stem, items in objects.items()}
    resources = [{
        "name": stem,
        "path": f"{stem}.json",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "profile": SCHEMAS[stem],
        "count": len(objects[stem]),
        "bytes": len(files[f"{stem}.json"]),
        "hash": "sha256:" + hashlib.sha256(files[f"{stem}.json"]).hexdigest(),
    } for stem in objects]
    config = catalog.config
    package = {
        "name": "angebotsatlas-hsds",
        "title": f"{config.name} – HSDS 3.0",
        "description": "Hilfeangebote im Format Human Services Data Specification 3.0 "
                       "(Open Referral), verschachtelte Objekte nach den compiled-Schemas.",
        "profile": "data-package",
        "hsds_version": "3.0",
        "licenses": [{"name": config.exports.license}],
        "resources": resources,
    }
    if catalog.build_date:
        package["created"] = catalog.build_date.isoformat()
    files["datapackage.json"] = dump(package, compact=False)
    return files
