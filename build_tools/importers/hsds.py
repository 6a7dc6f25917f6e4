"""HSDS 3.0 JSON (compiled service / organization / service_at_location) → offer YAML data.

One offer per service-at-location (a service without a place gives one offer without a
location); organizations become organization files, or an inline provider when they come
from another atlas without their own id there. Every field that has no place in our schema is
reported (:mod:`.tracker`) — nothing is dropped silently. Input that cannot be read at all
raises :class:`~.tracker.ImportError_`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..exports import hsds as ex
from ..languages import ISO_639_1
from ..schema import _EMAIL_RE, _FORBIDDEN_CHARS_RE, _URL_RE, Offer, Organization, normalize_phone
from .hsds_schedules import schedules_to_hours
from .tracker import ImportError_, Report, Tracked

MAX_FILE_BYTES = 100_000_000
MAX_TOTAL_BYTES = 300_000_000
MAX_FILES = 2000
MAX_OBJECTS = 50_000
STATUS = {"active": "active", "temporarily closed": "temporarily_closed", "inactive": "temporarily_closed"}
_DISTRICT_URI_RE = re.compile(r"/sozialraeume/([a-z0-9][a-z0-9-]{0,63})/?$")
_SERVICE_KEYS = {"service_at_locations", "assured_date", "fees_description", "eligibility_description",
                 "application_process", "interpretation_services", "service_areas", "program_id"}
_SKIP_STEMS = {"datapackage", "taxonomies", "taxonomy_terms", "taxonomy", "taxonomy_term"}


@dataclass
class ImportResult:
    """Offer and organization data by our id, and the report of unmapped fields."""

    offers: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    skipped: list[str] = field(default_factory=list)


def slugify(text: str, limit: int = 56) -> str:
    """A valid id from a name: ``Tafel Süd (Ausgabe)`` → ``tafel-sued-ausgabe``."""
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:limit].strip("-")
    return slug or "angebot"


# --- reading ----------------------------------------------------------------------------


def read_inputs(path: Path) -> list[tuple[str, Any]]:
    """Parsed JSON of a file or of every ``*.json`` in a folder (name, data)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise ImportError_(f"{path}: keine .json-Dateien gefunden")
    elif path.is_file():
        files = [path]
    else:
        raise ImportError_(f"{path}: Datei oder Ordner nicht gefunden")
    if len(files) > MAX_FILES:
        raise ImportError_(f"{path}: zu viele Dateien ({len(files)}, höchstens {MAX_FILES})")
    total, out = 0, []
    for file in files:
        size = file.stat().st_size
        total += size
        if size > MAX_FILE_BYTES:
            raise ImportError_(f"{file}: zu groß ({size} Bytes, höchstens {MAX_FILE_BYTES})")
        if total > MAX_TOTAL_BYTES:
            raise ImportError_(f"{path}: Eingabe zu groß (mehr als {MAX_TOTAL_BYTES} Bytes)")
        try:
            data = json.loads(file.read_bytes().decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ImportError_(f"{file}: keine UTF-8-Textdatei") from None
        except json.JSONDecodeError as exc:
            raise ImportError_(f"{file}:{exc.lineno}:{exc.colno}: kein gültiges JSON: {exc.msg}") from None
        except RecursionError:
            raise ImportError_(f"{file}: JSON zu tief verschachtelt") from None
        out.append((str(file), data))
    return out


def classify(obj: dict[str, Any]) -> str:
    """Which HSDS object a dict is: service, organization, service_at_location, or skip kinds."""
    if "resources" in obj:
        return "datapackage"
    if "status" in obj or _SERVICE_KEYS & set(obj):
        return "service"
    if "taxonomy_id" in obj or "term_uri" in obj or "taxonomy" in obj or "taxonomy_detail" in obj:
        return "taxonomy_term"
    if "location" in obj or ("service_id" in obj and "location_id" in obj) or "service" in obj:
        return "service_at_location"
    if "location_type" in obj:
        return "location"
    if "name" in obj and ("version" in obj or "uri" in obj) and "website" not in obj and "services" not in obj:
        return "taxonomy"
    if "name" in obj:
        return "organization"
    return "unknown"


def _object_id(obj: dict[str, Any], file: str, where: str) -> str:
    value = obj.get("id")
    if not isinstance(value, str) or not value.strip():
        raise ImportError_(f"{file}: {where}: Objekt ohne id (jedes HSDS-Objekt braucht eine id)")
    return value.strip()


# --- the run ----------------------------------------------------------------------------


class _Run:
    def __init__(self, category: str, districts: set[str] | None, today: date):
        self.category = category
        self.districts = districts
        self.today = today
        self.result = ImportResult()
        self.org_ids: dict[str, str] = {}  # HSDS id → our id (or "" for inline)
        self.inline: dict[str, dict[str, Any]] = {}
        self.services: dict[str, tuple[str, dict[str, Any]]] = {}
        self.sals: list[tuple[str, dict[str, Any]]] = []
        self.orgs: list[tuple[str, dict[str, Any], str]] = []
        self.given_orgs: dict[str, tuple[str, dict[str, Any], str]] = {}
        self.used_ids: set[str] = set()

    @property
    def report(self) -> Report:
        return self.result.report

    def collect(self, file: str, data: Any) -> None:
        stem = Path(file).stem
        if stem in _SKIP_STEMS:
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
                self.services.setdefault(_object_id(obj, file, where), (file, obj))
            elif kind == "organization":
                _object_id(obj, file, where)
                self.orgs.append((file, obj, where))
                for sub, svc in enumerate(obj.get("services") or []):
                    if isinstance(svc, dict):
                        svc = {**svc, "organization": {k: v for k, v in obj.items() if k != "services"}}
                        self.services.setdefault(_object_id(svc, file, f"{where}.services[{sub}]"), (file, svc))
            elif kind == "service_at_location":
                _object_id(obj, file, where)
                self.sals.append((file, obj))
            elif kind in ("taxonomy", "taxonomy_term", "datapackage"):
                self.result.skipped.append(f"{file}: {where}: {kind}, nicht importiert")
            else:
                raise ImportError_(f"{file}: {where}: kein HSDS-Dienst, -Träger oder "
                                   "-Dienst-am-Ort erkennbar (Felder: "
                                   + ", ".join(sorted(obj)[:8]) + ")")

    # --- organizations ------------------------------------------------------------------

    def organization(self, file: str, obj: dict[str, Any], where: str) -> str:
        """Map an organization once; returns our id ("" = inline provider)."""
        hsds = _object_id(obj, file, where)
        org = Tracked(obj, file, hsds, "", self.report)
        org.ignore("id", "services")
        name = _text(org, "name", 200) or "Unbenannter Träger"
        own = None
        for ident in org.items("organization_identifiers"):
            ident.ignore("id", "organization_id")
            if ident.get("identifier_scheme") == ex.ID_SCHEME and ident.text("identifier"):
                own = ident.text("identifier")
                ident.ignore("identifier_type")
            ident.finish()
        data: dict[str, Any] = {"name": name}
        _set(data, "website", _url(org, "website"))
        phones = [p for p in (_phone(item) for item in org.items("phones")) if p]
        if phones:
            data["phone"] = phones[0]
            for extra in phones[1:]:
                org.unmapped("phones", f"nur eine Telefonnummer je Träger: {extra} nicht übernommen")
        _set(data, "email", _email(org, "email"))
        for loc in org.items("locations"):
            address = self._address(loc, postal=True)
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

    def _address(self, loc: Tracked, postal: bool) -> dict[str, Any] | None:
        loc.ignore("id", "organization_id", "location_type", "name")
        address = None
        for item in loc.items("addresses"):
            item.ignore("id", "location_id", "address_type", "state_province", "region")
            if address is not None:
                item.unmapped("", "nur eine Anschrift wird übernommen")
                continue
            street = _text(item, "address_1", 300)
            extra = _text(item, "address_2", 300)
            if extra:
                item.unmapped("address_2", f"Adresszusatz {extra!r} hat kein Feld")
            city = _text(item, "city", 300)
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
                self.services[_object_id(svc, file, "service")] = (file, svc)
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
        name = _text(svc, "name", 120) or "Unbenanntes Angebot"
        offer["title"] = name
        summary, description = _split_description(svc.text("description"), name)
        offer["summary"] = summary
        _set(offer, "description", description)
        offer["category"] = attrs.pop("category", None) or self.category
        if offer["category"] == self.category and "category_missing" in attrs:
            svc.unmapped("attributes", f"keine Kategorie angegeben: {self.category!r} gesetzt")
        attrs.pop("category_missing", None)
        _set(offer, "also_categories", attrs.pop("also_categories", []))
        _set(offer, "target_groups", attrs.pop("target_groups", []))
        _set(offer, "tags", attrs.pop("tags", []))
        provider = self._provider(svc)
        _set(offer, "provider", provider)
        areas = self._service_areas(svc)
        _set(offer, "service_area", areas)
        hours = schedules_to_hours(svc.items("schedules"))
        if svc.text("status") not in STATUS and status is not None:
            svc.unmapped("status", f"unbekannter Status {status!r}: active gesetzt")
        if status and status != "active" and status in STATUS:
            offer["status"] = STATUS[status]
        contact: dict[str, Any] = {}
        phones = [p for p in (_phone(item) for item in svc.items("phones")) if p]
        alert = _text(svc, "alert", 300)
        languages = self._languages(svc)
        costs = _text(svc, "fees_description", 200)
        requirements = _text(svc, "eligibility_description", 500)
        last_verified = _assured(svc, self.today)
        _set(contact, "email", _email(svc, "email"))
        _set(contact, "website", _url(svc, "url"))
        access: dict[str, Any] = {k: v for k, v in attrs.pop("access", {}).items()}
        _set(access, "requirements", requirements)
        sals = svc.items("service_at_locations")
        svc.finish()
        base = attrs.pop("kennung", None) or slugify(name)
        places = [self._place(sal, name) for sal in sals] or [(None, [], None)]
        for index, (location, sal_phones, sal_hours) in enumerate(places):
            data = dict(offer)
            use = sal_hours or hours
            _set(data, "location", location)
            if location is None and not areas:
                data.pop("service_area", None)
            _set(data, "opening_hours", use.opening_hours)
            _set(data, "hours_note", _fit_note(use.notes, svc))
            if "season" in attrs:
                data["season"] = attrs["season"]
            vf = attrs.get("valid_from") if self._atlas_origin else use.valid_from
            vu = attrs.get("valid_until") if self._atlas_origin else use.valid_until
            _set(data, "valid_from", vf)
            _set(data, "valid_until", vu)
            _set(data, "alert", alert)
            all_phones = list(dict.fromkeys(phones + sal_phones))
            contact_data = dict(contact)
            if all_phones:
                contact_data = {"phone": all_phones, **contact_data}
            _set(data, "contact", contact_data)
            _set(data, "languages", languages)
            _set(data, "costs", costs)
            _set(data, "access", access)
            data["last_verified"] = last_verified
            _set(data, "related", attrs.get("related", []))
            _set(data, "aliases", attrs.get("aliases", []))
            offer_id = self._unique_offer(base if len(places) == 1 else f"{base}-{index + 1}")
            self.result.offers[offer_id] = _validated(data, svc)

    def _unique_offer(self, base: str) -> str:
        candidate, n = base[:64], 2
        while candidate in self.used_ids:
            candidate, n = f"{base[:60]}-{n}", n + 1
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
            elif uri and _DISTRICT_URI_RE.search(uri):
                district = _DISTRICT_URI_RE.search(uri).group(1)  # type: ignore[union-attr]
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
            if term is None or not isinstance(code, str) or not _store(out, taxonomy, code, value):
                attr.unmapped("taxonomy_term", f"Attribut ohne Platz im Atlas: "
                              f"{(term.data.get('name') if term else None)!r} = {value!r}")
                attr.used.add("value")
            if term is not None:
                term.used.update(term.data)  # the term itself is reference data
            attr.finish()
        return out

    def _place(self, sal: Tracked, service_name: str):
        sal.ignore("id", "service_id", "location_id")
        phones = [p for p in (_phone(item) for item in sal.items("phones")) if p]
        sal_schedules = sal.items("schedules")
        loc = sal.obj("location")
        location = None
        if loc is not None:
            loc.ignore("id", "organization_id")
            kind = loc.text("location_type")
            if kind not in (None, "physical"):
                loc.unmapped("location_type", f"{kind!r}: nur Orte mit Besuchsadresse werden übernommen")
            lat, lon = loc.get("latitude"), loc.get("longitude")
            address = self._address(loc, postal=False) or {}
            if _coordinate(lat, 90) and _coordinate(lon, 180):
                location = {**address, "lat": lat, "lon": lon}
                _set(location, "directions", _text(loc, "transportation", 300))
                wheelchair = self._wheelchair(loc)
                if wheelchair != "unknown":
                    location["wheelchair"] = wheelchair
            else:
                loc.unmapped("latitude", f"Koordinaten fehlen oder ungültig ({lat!r}, {lon!r}): "
                             "Ort nicht übernommen; location mit lat/lon nachtragen")
                loc.used.update({"longitude", "transportation", "accessibility"})
                if address:
                    loc.unmapped("addresses", "Anschrift ohne gültige Koordinaten nicht übernommen")
            name = loc.text("name")
            if name and name != service_name:
                loc.unmapped("name", f"Ortsname {name!r} hat kein Feld")
            phones += [p for p in (_phone(item) for item in loc.items("phones")) if p]
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


def _store(out: dict[str, Any], taxonomy: Any, code: str, value: str | None) -> bool:
    if taxonomy == ex.TAX_CATEGORIES:
        if value == "hauptkategorie":
            out["category"] = code
            out.pop("category_missing", None)
        else:
            out.setdefault("also_categories", []).append(code)
        return True
    if taxonomy == ex.TAX_GROUPS:
        out.setdefault("target_groups", []).append(code)
        return True
    if taxonomy != ex.TAX_FIELDS or value is None:
        return False
    if code in ex.ACCESS_TERMS and value in ("ja", "nein"):
        out.setdefault("access", {})[ex.ACCESS_TERMS[code]] = value == "ja"
    elif code == "kennung" and re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", value):
        out["kennung"] = value
    elif code == "stichwort":
        out.setdefault("tags", []).append(value)
    elif code == "saison" and re.fullmatch(r"\d{2}-\d{2}/\d{2}-\d{2}", value):
        start, end = value.split("/")
        out["season"] = {"from": start, "until": end}
    elif code in ("gueltig_ab", "gueltig_bis"):
        try:
            out["valid_from" if code == "gueltig_ab" else "valid_until"] = date.fromisoformat(value)
        except ValueError:
            return False
    elif code == "aehnliches_angebot":
        out.setdefault("related", []).append(value)
    elif code == "fruehere_kennung":
        out.setdefault("aliases", []).append(value)
    else:
        return False
    return True


# --- small mappers ----------------------------------------------------------------------


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[key] = value


def _clean_text(value: str) -> str:
    return _FORBIDDEN_CHARS_RE.sub("", value)


def _text(item: Tracked, key: str, limit: int) -> str | None:
    value = item.text(key)
    if value is None:
        return None
    value = _clean_text(value)
    if len(value) > limit:
        item.unmapped(key, f"auf {limit} Zeichen gekürzt (Rest nicht übernommen)")
        value = value[: limit - 1].rstrip() + "…"
    return value


def _url(item: Tracked, key: str) -> str | None:
    value = item.text(key)
    if value and (not _URL_RE.match(value) or len(value) > 2000):
        item.unmapped(key, f"{value!r} ist keine Web-Adresse (http/https)")
        return None
    return value


def _email(item: Tracked, key: str) -> str | None:
    value = item.text(key)
    if value and not _EMAIL_RE.match(value):
        item.unmapped(key, f"{value!r} ist keine E-Mail-Adresse")
        return None
    return value


def _phone(item: Tracked) -> str | None:
    item.ignore("id", "location_id", "service_id", "organization_id", "contact_id",
                "service_at_location_id")
    raw = item.text("number") or ""
    kind = item.text("type")
    if kind not in (None, "voice", "text", "cell"):
        item.unmapped("type", f"Nummer vom Typ {kind!r} nicht übernommen")
        item.used.add("number")
        item.finish()
        return None
    try:
        number = normalize_phone(raw.strip("\"' "))
    except ValueError:
        item.unmapped("number", f"{raw!r} ist keine Telefonnummer")
        number = None
    item.finish()
    return number


def _coordinate(value: Any, bound: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and -bound <= value <= bound


def _split_description(text: str | None, name: str) -> tuple[str, str | None]:
    if not text:
        return name[:200], None
    text = _clean_text(text)
    first, _, rest = text.partition("\n\n")
    first = first.strip()
    if len(first) <= 200:
        return first, rest.strip() or None
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    summary = sentence if len(sentence) <= 200 else sentence[:199].rstrip() + "…"
    return summary, text


def _fit_note(notes: list[str], svc: Tracked) -> str | None:
    parts = [n.strip() for n in notes if n and n.strip()]
    text = " ".join(p if p[-1] in ".!?…:)" or p is parts[-1] else p + "." for p in parts)
    if len(text) > 300:
        svc.unmapped("schedules", "Hinweise zu den Zeiten auf 300 Zeichen gekürzt")
        text = text[:299].rstrip() + "…"
    return _clean_text(text) or None


def _assured(svc: Tracked, today: date) -> date:
    for key in ("assured_date", "last_modified"):
        raw = svc.text(key)
        if raw:
            try:
                return date.fromisoformat(raw[:10])
            except ValueError:
                svc.unmapped(key, f"kein Datum: {raw!r}")
    svc.unmapped("assured_date", f"fehlt: last_verified auf das Importdatum {today} gesetzt")
    return today


def _validated(data: dict[str, Any], svc: Tracked) -> dict[str, Any]:
    """Check the offer against our schema; a field that still fails is reported and left out."""
    for _ in range(10):
        try:
            Offer.model_validate(data)
            return data
        except ValidationError as exc:
            first = exc.errors()[0]
            key = str(first["loc"][0]) if first["loc"] else ""
            if key not in data or key in ("title", "summary", "category", "last_verified"):
                raise ImportError_(f"{svc.file}: {svc.object_id}: ergibt kein gültiges Angebot: "
                                   f"{first['msg']}") from None
            svc.unmapped(key, f"nicht übernommen: {first['msg']}")
            data.pop(key)
    raise ImportError_(f"{svc.file}: {svc.object_id}: ergibt kein gültiges Angebot")


def import_hsds(path: Path, category: str, districts: set[str] | None, today: date) -> ImportResult:
    """Read HSDS JSON at ``path`` and map it; raises ImportError_ on unusable input."""
    run = _Run(category, districts, today)
    for file, data in read_inputs(path):
        run.collect(file, data)
    result = run.run()
    for org_id, data in result.organizations.items():
        try:
            Organization.model_validate(data)
        except ValidationError as exc:
            raise ImportError_(f"Träger {org_id}: ungültig: {exc.errors()[0]['msg']}") from None
    return result
