"""HSDS 3.0 JSON (compiled service / organization / service_at_location) → offer YAML data.

One offer per service-at-location (a service without a place gives one offer without a
location); organizations become organization files, or an inline provider when they come
from another atlas without their own id there. Every field that has no place in our schema is
reported (:mod:`.tracker`) — nothing is dropped silently. Input that cannot be read at all
raises :class:`~.tracker.ImportError_`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..exports import hsds as ex
from ..languages import ISO_639_1
from ..schema import Organization
from ..urls import district_in_url
from .hsds_fields import (
    assured_date,
    email_field,
    hours_note,
    is_coordinate,
    phone_number,
    set_if,
    split_description,
    store_attribute,
    text_field,
    url_field,
    validated_offer,
)
from .hsds_input import MAX_OBJECTS, SKIP_STEMS, classify, object_id, read_inputs
from .hsds_schedules import schedules_to_hours
from .html_text import cut
from .merge import MISSING_CATEGORY
from .tracker import ImportError_, Report, Tracked

STATUS = {"active": "active", "temporarily closed": "temporarily_closed", "inactive": "temporarily_closed"}


@dataclass
class ImportResult:
    """Offer and organization data by our id, and the report of unmapped fields."""

    offers: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """Objects whose id another object of the input has too: both named, the first kept."""
    sources: dict[str, str] = field(default_factory=dict)
    """Our offer id → its ``source`` (``hsds:<service id>`` or ``hsds:<service id>@<place id>``)."""


ID_LIMIT = 40
"""Imported ids stay short: they are part of printed, readable URLs."""


def slugify(text: str, limit: int = ID_LIMIT) -> str:
    """A valid id from a name: ``Tafel Süd (Ausgabe)`` → ``tafel-sued-ausgabe``."""
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")
    return slug or "angebot"

# --- the run ----------------------------------------------------------------------------


class _Run:
    def __init__(self, category: str | None, districts: set[str] | None, today: date,
                 mapping: dict[str, str] | None = None):
        self.category = category
        self.mapping = {k.strip().lower(): v for k, v in (mapping or {}).items()}
        self.pending: list[tuple[str | None, dict[str, Any], Tracked, str, str | None]] = []
        self.districts = districts
        self.today = today
        self.result = ImportResult()
        self.org_ids: dict[str, str] = {}  # HSDS id → our id (or "" for inline)
        self.inline: dict[str, dict[str, Any]] = {}
        self.services: dict[str, tuple[str, dict[str, Any]]] = {}
        self.sals: list[tuple[str, dict[str, Any]]] = []
        self.orgs: list[tuple[str, dict[str, Any], str]] = []
        self.given_orgs: dict[str, tuple[str, dict[str, Any], str]] = {}
        self.origin: dict[str, tuple[str, str]] = {}  # offer id → (file, service id)
        self.used_ids: set[str] = set()

    @property
    def report(self) -> Report:
        return self.result.report

    def collect(self, file: str, data: Any) -> None:
        stem = Path(file).stem
        if stem in SKIP_STEMS:
            self.result.skipped.append(f"{file}: Verzeichnis/Taxonomie, nicht importiert "
                                       "(Kategorien kommen aus den Attributen der Dienste)")
            return
        items = data if isinstance(data, list) else [data]
        if not isinstance(data, (list, dict)) or not all(isinstance(i, dict) for i in items):
            raise ImportError_(f"{file}: erwartet ein HSDS-Objekt oder eine Liste von Objekten")
        if len(self.services) + len(items) > MAX_OBJECTS:
            raise ImportError_(f"{file}: zu viele Objekte (höchstens {MAX_OBJECTS})")
        for index, obj in enumerate(items):
            where = f"[{index}]" if isinstance(data, list) else "Objekt"
            kind = classify(obj)
            if kind == "service":
                self._add_service(object_id(obj, file, where), file, where, obj)
            elif kind == "organization":
                object_id(obj, file, where)
                self.orgs.append((file, obj, where))
                for sub, svc in enumerate(obj.get("services") or []):
                    if isinstance(svc, dict):
                        svc = {**svc, "organization": {k: v for k, v in obj.items() if k != "services"}}
                        self._add_service(object_id(svc, file, f"{where}.services[{sub}]"), file,
                                          f"{where}.services[{sub}]", svc)
            elif kind == "service_at_location":
                object_id(obj, file, where)
                self.sals.append((file, obj))
            elif kind in ("taxonomy", "taxonomy_term", "datapackage"):
                self.result.skipped.append(f"{file}: {where}: {kind}, nicht importiert")
            else:
                raise ImportError_(f"{file}: {where}: kein HSDS-Dienst, -Träger oder "
                                   "-Dienst-am-Ort erkennbar (Felder: "
                                   + ", ".join(sorted(obj)[:8]) + ")")

    def _add_service(self, sid: str, file: str, where: str, obj: dict[str, Any]) -> None:
        """Keep the first service of an id; a second one is reported with both records."""
        if sid in self.services:
            first_file, first = self.services[sid]
            self.result.duplicates.append(
                f"Dienst-id {sid!r} doppelt: {first_file} ({first.get('name')!r}) und {file} {where} "
                f"({obj.get('name')!r}) — nur der erste übernommen; ids in der Quelle eindeutig machen")
            return
        self.services[sid] = (file, obj)

    # --- organizations ------------------------------------------------------------------

    def organization(self, file: str, obj: dict[str, Any], where: str) -> str:
        """Map an organization once; returns our id ("" = inline provider)."""
        hsds = object_id(obj, file, where)
        org = Tracked(obj, file, hsds, "", self.report)
        org.ignore("id", "services")
        name = text_field(org, "name", 200) or "Unbenannter Träger"
        own = None
        for ident in org.items("organization_identifiers"):
            ident.ignore("id", "organization_id")
            if ident.get("identifier_scheme") == ex.ID_SCHEME and ident.text("identifier"):
                own = ident.text("identifier")
                ident.ignore("identifier_type")
            ident.finish()
        data: dict[str, Any] = {"name": name}
        set_if(data, "website", url_field(org, "website"))
        phones = [p for p in (phone_number(item) for item in org.items("phones")) if p]
        if phones:
            data["phone"] = phones[0]
            for extra in phones[1:]:
                org.unmapped("phones", f"nur eine Telefonnummer je Träger: {extra} nicht übernommen")
        set_if(data, "email", email_field(org, "email"))
        for loc in org.items("locations"):
            address = self._address(loc)
            if address and "address" not in data:
                data["address"] = address
            elif address:
                loc.unmapped("addresses", "nur eine Anschrift je Träger")
            loc.finish()
        description = org.text("description")
        if description and description != name:
            org.unmapped("description", "Träger haben keine Beschreibung im Atlas")
        org.finish()
        if hsds in self.org_ids:
            return self.org_ids[hsds]
        if own is None and self._atlas_origin:
            self.org_ids[hsds] = ""
            self.inline[hsds] = data
            return ""
        our = own if own and re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", own) else self._unique_org(name)
        self.org_ids[hsds] = our
        self.result.organizations.setdefault(our, data)
        return our

    _atlas_origin = False

    def _unique_org(self, name: str) -> str:
        base = slugify(name)
        candidate, n = base, 2
        while candidate in self.result.organizations:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _address(self, loc: Tracked) -> dict[str, Any] | None:
        loc.ignore("id", "organization_id", "location_type", "name")
        address = None
        for item in loc.items("addresses"):
            item.ignore("id", "location_id", "address_type", "state_province", "region")
            if address is not None:
                item.unmapped("", "nur eine Anschrift wird übernommen")
                continue
            street = text_field(item, "address_1", 300)
            extra = text_field(item, "address_2", 300)
            if extra:
                item.unmapped("address_2", f"Adresszusatz {extra!r} hat kein Feld")
            city = text_field(item, "city", 300)
            postal_code = item.text("postal_code")
            if postal_code and not re.fullmatch(r"\d{5}", postal_code):
                item.unmapped("postal_code", f"{postal_code!r} ist keine deutsche Postleitzahl")
                postal_code = None
            country = item.text("country")
            if country and country.upper() not in ("DE", "DEU"):
                item.unmapped("country", f"Land {country!r}: der Atlas kennt nur Deutschland")
            address = {k: v for k, v in (("street", street), ("postal_code", postal_code), ("city", city)) if v}
            item.finish()
        return address or None

    # --- services -----------------------------------------------------------------------

    def run(self) -> ImportResult:
        self.given_orgs = {o["id"]: (f, o, w) for f, o, w in self.orgs}
        by_service: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for file, sal in self.sals:
            sid = sal.get("service_id") or (sal.get("service") or {}).get("id")
            if isinstance(sal.get("service"), dict) and sid not in self.services:
                svc = dict(sal["service"])
                svc.setdefault("service_at_locations", [])
                self.services[object_id(svc, file, "service")] = (file, svc)
            by_service.setdefault(str(sid), []).append((file, sal))
        for sid in sorted(self.services, key=lambda s: (self.services[s][0], s)):
            file, obj = self.services[sid]
            nested = {s.get("id") for s in obj.get("service_at_locations") or [] if isinstance(s, dict)}
            extra = [s for f, s in by_service.pop(sid, []) if s.get("id") not in nested]
            if extra:
                obj = {**obj, "service_at_locations": [*(obj.get("service_at_locations") or []), *extra]}
            self.service(file, sid, obj)
        for sid, sals in sorted(by_service.items()):
            for file, sal in sals:
                self.report.add(file, str(sal.get("id")), "service_id",
                                f"Dienst {sid} fehlt in der Eingabe: Ort nicht importiert")
        # Organizations given on their own (organizations.json): those no service named yet.
        self._atlas_origin = False
        for file, obj, where in self.orgs:
            self.organization(file, obj, where)
        return self.result

    def service(self, file: str, sid: str, obj: dict[str, Any]) -> None:
        svc = Tracked(obj, file, sid, "", self.report)
        svc.ignore("id", "organization_id", "program_id")
        attrs = self._attributes(svc)
        self._atlas_origin = "kennung" in attrs
        status = svc.text("status")
        if status == "defunct":
            self.result.skipped.append(f"{file}: {sid}: Status defunct (beendet), nicht importiert")
            return
        offer: dict[str, Any] = {}
        name = text_field(svc, "name", 120) or "Unbenanntes Angebot"
        offer["title"] = name
        summary, description = split_description(svc.text("description"), name)
        offer["summary"] = summary
        set_if(offer, "description", description)
        mapped = list(dict.fromkeys(attrs.pop("mapped", [])))
        offer["category"] = attrs.pop("category", None) or (mapped[0] if mapped else None) or self.category \
            or MISSING_CATEGORY
        if mapped[1:] and "category" not in attrs:
            attrs.setdefault("also_categories", []).extend(c for c in mapped[1:] if c != offer["category"])
        if offer["category"] == MISSING_CATEGORY:
            svc.unmapped("attributes", f"keine Kategorie: „{MISSING_CATEGORY}“ gesetzt — atlas check meldet "
                         "das; Kategorie eintragen oder den Begriff in der Zuordnungsdatei (--mapping) nennen")
        elif offer["category"] == self.category and "category_missing" in attrs and not mapped:
            svc.unmapped("attributes", f"keine Kategorie angegeben: {self.category!r} (--category) gesetzt")
        attrs.pop("category_missing", None)
        set_if(offer, "also_categories", attrs.pop("also_categories", []))
        set_if(offer, "target_groups", attrs.pop("target_groups", []))
        set_if(offer, "tags", attrs.pop("tags", []))
        provider = self._provider(svc)
        set_if(offer, "provider", provider)
        areas = self._service_areas(svc)
        set_if(offer, "service_area", areas)
        hours = schedules_to_hours(svc.items("schedules"))
        if svc.text("status") not in STATUS and status is not None:
            svc.unmapped("status", f"unbekannter Status {status!r}: active gesetzt")
        if status and status != "active" and status in STATUS:
            offer["status"] = STATUS[status]
        closure = {key: attrs.pop(key, None) for key in ("closed_until", "closed_reason")}
        if offer.get("status") == "temporarily_closed":  # the schema allows them only then
            for key, value in closure.items():
                set_if(offer, key, value)
        contact: dict[str, Any] = {}
        phones = [p for p in (phone_number(item) for item in svc.items("phones")) if p]
        alert = text_field(svc, "alert", 300)
        languages = self._languages(svc)
        costs = text_field(svc, "fees_description", 200)
        requirements = text_field(svc, "eligibility_description", 500)
        last_verified = assured_date(svc, self.today)
        set_if(contact, "email", email_field(svc, "email"))
        set_if(contact, "website", url_field(svc, "url"))
        access: dict[str, Any] = {k: v for k, v in attrs.pop("access", {}).items()}
        set_if(access, "requirements", requirements)
        sals = svc.items("service_at_locations")
        svc.finish()
        kennung = attrs.pop("kennung", None)
        places = [self._place(sal, name) for sal in sals] or [(None, [], None)]
        for index, (location, sal_phones, sal_hours) in enumerate(places):
            data = dict(offer)
            use = sal_hours or hours
            set_if(data, "location", location)
            if location is None and not areas:
                data.pop("service_area", None)
            set_if(data, "opening_hours", use.opening_hours)
            set_if(data, "hours_note", hours_note(use.notes, svc))
            if "season" in attrs:
                data["season"] = attrs["season"]
            vf = attrs.get("valid_from") if self._atlas_origin else use.valid_from
            vu = attrs.get("valid_until") if self._atlas_origin else use.valid_until
            set_if(data, "valid_from", vf)
            set_if(data, "valid_until", vu)
            set_if(data, "alert", alert)
            all_phones = list(dict.fromkeys(phones + sal_phones))
            contact_data = dict(contact)
            if all_phones:
                contact_data = {"phone": all_phones, **contact_data}
            set_if(data, "contact", contact_data)
            set_if(data, "languages", languages)
            set_if(data, "costs", costs)
            set_if(data, "access", access)
            data["last_verified"] = last_verified
            set_if(data, "related", attrs.get("related", []))
            set_if(data, "aliases", attrs.get("aliases", []))
            sal_id = sals[index].data.get("id") if index < len(sals) else None
            source = f"hsds:{sid}" if len(places) == 1 or not sal_id else f"hsds:{sid}@{sal_id}"
            data["source"] = source
            given = kennung if self._atlas_origin else None
            fixed = (given if len(places) == 1 else f"{given}-{index + 1}") if given else None
            place = ((sals[index].data.get("location") or {}).get("name") if index < len(sals) else None)
            self.pending.append((fixed, validated_offer(data, svc), svc, source, place))

    def finish(self) -> None:
        """Titles told apart where several share one: by provider, else by place name, else by
        street — the first that names each of them differently; ids from the title (at most
        :data:`ID_LIMIT` characters) unless the source is an atlas that gave its own."""
        groups: dict[str, list[tuple[dict[str, Any], str | None]]] = {}
        for fixed, data, _, _, place in self.pending:
            if fixed is None:
                groups.setdefault(data["title"], []).append((data, place))
        for title, group in groups.items():
            if len(group) < 2:
                continue
            for extra in (lambda d, p: self._provider_name(d), lambda d, p: p, lambda d, p: self._street(d)):
                values = [extra(data, place) for data, place in group]
                if all(values) and len(set(values)) == len(group):
                    for (data, _), value in zip(group, values, strict=True):
                        data["title"] = cut(f"{title} ({value})", 120) if value not in title else title
                    break
        for fixed, data, svc, source, _ in self.pending:
            offer_id = self._unique_offer(fixed or slugify(data["title"]))
            self.result.offers[offer_id] = data
            self.result.sources[offer_id] = source
            self.origin[offer_id] = (svc.file, svc.object_id)

    def _provider_name(self, data: dict[str, Any]) -> str | None:
        provider = data.get("provider")
        if isinstance(provider, dict):
            return provider.get("name")
        if isinstance(provider, str):
            return (self.result.organizations.get(provider) or {}).get("name", provider)
        return None

    @staticmethod
    def _street(data: dict[str, Any]) -> str | None:
        return (data.get("location") or {}).get("street")

    def _unique_offer(self, base: str) -> str:
        candidate, n = base[:64], 2
        while candidate in self.used_ids:
            candidate, n = f"{base[:ID_LIMIT - 4].rstrip('-')}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate

    def _provider(self, svc: Tracked) -> Any:
        org = svc.get("organization")
        if isinstance(org, dict):
            our = self.organization(svc.file, org, "organization")
            hsds = org.get("id")
            return our or self._inline(hsds)
        org_id = svc.get("organization_id")
        if isinstance(org_id, str) and org_id not in self.org_ids and org_id in self.given_orgs:
            self.organization(*self.given_orgs[org_id])
        if isinstance(org_id, str) and org_id in self.org_ids:
            return self.org_ids[org_id] or self._inline(org_id)
        if org_id:
            svc.unmapped("organization_id", f"Träger {org_id} fehlt in der Eingabe")
        return None

    def _inline(self, hsds: str) -> dict[str, Any]:
        data = dict(self.inline[hsds])
        data.pop("address", None)  # an inline provider has no address field
        return data

    def _service_areas(self, svc: Tracked) -> list[str]:
        out: list[str] = []
        for area in svc.items("service_areas"):
            area.ignore("id", "service_id", "name")
            extent, kind, uri = area.text("extent"), area.text("extent_type"), area.text("uri")
            district = None
            if kind == "sozialraum" and extent:
                district = extent
            elif uri and district_in_url(uri):
                district = district_in_url(uri)
            elif self.districts is not None and slugify(area.data.get("name") or "") in self.districts:
                district = slugify(area.data["name"])
            if district and (self.districts is None or district in self.districts):
                out.append(district)
            else:
                area.unmapped("name", f"Einsatzgebiet {area.data.get('name')!r} ist kein bekannter Sozialraum")
                for key in ("extent", "extent_type", "uri"):
                    if area.data.get(key):
                        area.unmapped(key, "gehört zu einem nicht übernommenen Einsatzgebiet")
            area.finish()
        return list(dict.fromkeys(out))

    def _languages(self, svc: Tracked) -> list[str]:
        out = []
        for item in svc.items("languages"):
            item.ignore("id", "service_id", "location_id", "phone_id")
            code = (item.text("code") or "").lower()
            if code in ISO_639_1:
                item.ignore("name")
                out.append(code)
            else:
                item.unmapped("code", f"{code!r} ist kein Sprachcode nach ISO 639-1")
            item.finish()
        return list(dict.fromkeys(out))

    def _attributes(self, svc: Tracked) -> dict[str, Any]:
        out: dict[str, Any] = {"category_missing": True}
        for attr in svc.items("attributes"):
            attr.ignore("id", "link_id", "link_type", "link_entity", "taxonomy_term_id")
            term = attr.obj("taxonomy_term")
            value = attr.text("value")
            taxonomy = term.data.get("taxonomy") if term else None
            code = term.data.get("code") if term else None
            mapped = self._mapped(term.data) if term is not None else None
            if mapped:
                out.setdefault("mapped", []).append(mapped)
            elif term is None or not isinstance(code, str) or not store_attribute(out, taxonomy, code, value):
                attr.unmapped("taxonomy_term", f"Attribut ohne Platz im Atlas: "
                              f"{(term.data.get('name') if term else None)!r} = {value!r}")
                attr.used.add("value")
            if term is not None:
                term.used.update(term.data)  # the term itself is reference data
            attr.finish()
        return out

    def _mapped(self, term: dict[str, Any]) -> str | None:
        """Our category for an HSDS taxonomy term, from the mapping file (code, name or URI)."""
        for key in ("code", "name", "term_uri", "id"):
            value = term.get(key)
            if isinstance(value, str) and value.strip().lower() in self.mapping:
                return self.mapping[value.strip().lower()]
        return None

    def _place(self, sal: Tracked, service_name: str):
        sal.ignore("id", "service_id", "location_id")
        phones = [p for p in (phone_number(item) for item in sal.items("phones")) if p]
        sal_schedules = sal.items("schedules")
        loc = sal.obj("location")
        location = None
        if loc is not None:
            loc.ignore("id", "organization_id")
            kind = loc.text("location_type")
            if kind not in (None, "physical"):
                loc.unmapped("location_type", f"{kind!r}: nur Orte mit Besuchsadresse werden übernommen")
            lat, lon = loc.get("latitude"), loc.get("longitude")
            address = self._address(loc) or {}
            if is_coordinate(lat, 90) and is_coordinate(lon, 180):
                location = {**address, "lat": lat, "lon": lon}
                set_if(location, "directions", text_field(loc, "transportation", 300))
                wheelchair = self._wheelchair(loc)
                if wheelchair != "unknown":
                    location["wheelchair"] = wheelchair
            else:
                loc.unmapped("latitude", f"Koordinaten fehlen oder ungültig ({lat!r}, {lon!r}): "
                             "Ort nicht übernommen; location mit lat/lon nachtragen")
                loc.used.add("longitude")
                for key in ("transportation", "accessibility"):
                    if loc.data.get(key):
                        loc.unmapped(key, "gehört zum nicht übernommenen Ort")
                if address:
                    loc.unmapped("addresses", "Anschrift ohne gültige Koordinaten nicht übernommen")
            name = loc.text("name")
            if name and name != service_name:
                loc.unmapped("name", f"Ortsname {name!r} hat kein Feld")
            phones += [p for p in (phone_number(item) for item in loc.items("phones")) if p]
            sal_schedules += loc.items("schedules")
            loc.finish()
        hours = schedules_to_hours(sal_schedules) if sal_schedules else None
        sal.finish()
        return location, phones, hours

    def _wheelchair(self, loc: Tracked) -> str:
        value = "unknown"
        for item in loc.items("accessibility"):
            item.ignore("id", "location_id")
            details = item.text("details") or ""
            match = re.fullmatch(r"wheelchair=(yes|limited|no|unknown)", details)
            if match:
                value = match.group(1)
                item.ignore("description")
            elif details:
                item.unmapped("details", "Barrierefreiheit nur als Rollstuhl-Angabe übernommen")
            item.finish()
        return value


def import_hsds(path: Path, category: str | None, districts: set[str] | None, today: date,
                known_ids: set[str] | frozenset[str] = frozenset(),
                mapping: dict[str, str] | None = None) -> ImportResult:
    """Read HSDS JSON at ``path`` and map it; raises ImportError_ on unusable input.

    ``known_ids`` are offers that already exist where the files go: links to them stay.
    """
    run = _Run(category, districts, today, mapping)
    for file, data in read_inputs(path):
        run.collect(file, data)
    result = run.run()
    run.finish()
    _drop_dangling_links(run, set(result.offers) | set(known_ids))
    for org_id, data in result.organizations.items():
        try:
            Organization.model_validate(data)
        except ValidationError as exc:
            raise ImportError_(f"Träger {org_id}: ungültig: {exc.errors()[0]['msg']}") from None
    return result


def _drop_dangling_links(run: _Run, ids: set[str]) -> None:
    """``related`` may name offers that were not imported (ended ones): report, leave out."""
    for offer_id, data in run.result.offers.items():
        related = data.get("related", [])
        kept = [r for r in related if r in ids and r != offer_id]
        for missing in (r for r in related if r not in kept):
            file, sid = run.origin[offer_id]
            run.report.add(file, sid, "attributes", f"ähnliches Angebot {missing!r} wurde nicht "
                           "importiert (beendet oder nicht in der Eingabe): Verweis weggelassen")
        if kept:
            data["related"] = kept
        else:
            data.pop("related", None)
