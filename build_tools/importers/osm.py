"""OpenStreetMap objects → offer data, by a mapping file of tags → categories.

The mapping (``content/import/osm-mapping.yml``; the sample ships one) is a list of rules;
the first whose ``match`` fits an object decides (``"*"`` = any value, a list = one of them):

.. code-block:: yaml

    rules:
      - match: {amenity: drinking_water}
        category: trinkwasser
        title: Trinkwasser                 # when the object has no name
        summary: Öffentliche Trinkwasserstelle.
        tags: [Wasser]
      - match: {amenity: shelter, shelter_type: public_transport}
        skip: true

Every offer keeps ``source: osm:node/123``; data from OpenStreetMap is under the ODbL, so the
import records the attribution (:mod:`.attribution`). Objects no rule fits are counted, values
that do not fit our schema are reported, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..opening_hours import HoursError
from ..opening_hours.fixes import apply_fixes, hours_fixes
from ..schema import normalize_phone
from ..validation.web import check_email, check_url
from .hsds import slugify
from .html_text import cut, to_plain
from .merge import MISSING_CATEGORY, Incoming
from .osm_input import OsmExport, OsmObject
from .tracker import ImportError_, valid_offer

ORDER = ["title", "summary", "description", "category", "also_categories", "target_groups", "tags",
         "provider", "location", "opening_hours", "hours_note", "costs", "contact", "access",
         "last_verified", "source"]


@dataclass
class Mapped:
    """The offers of one export and the report."""

    incoming: list[Incoming] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: int = 0
    unmatched: int = 0


def load_mapping(path: Path) -> list[dict[str, Any]]:
    """The rules of a mapping file; a broken file raises :class:`ImportError_` naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ImportError_(f"{path}: Zuordnungsdatei nicht gefunden (Vorlage: content/import/osm-mapping.yml)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ImportError_(f"{path}{where}: kein gültiges YAML") from None
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list) or not rules:
        raise ImportError_(f"{path}: erwartet „rules:“ mit einer Liste von Regeln")
    for index, rule in enumerate(rules):
        if not isinstance(rule, dict) or not isinstance(rule.get("match"), dict) or not rule["match"]:
            raise ImportError_(f"{path}: rules[{index}]: jede Regel braucht „match:“ mit Merkmalen, z. B. {{amenity: toilets}}")
        if not rule.get("skip") and not isinstance(rule.get("category"), str):
            raise ImportError_(f"{path}: rules[{index}]: „category:“ fehlt (id aus content/categories.yml)")
    return rules


def _fits(match: dict[str, Any], tags: dict[str, str]) -> bool:
    for key, wanted in match.items():
        value = tags.get(str(key))
        if value is None:
            return False
        options = [str(w) for w in wanted] if isinstance(wanted, list) else [str(wanted)]
        if "*" not in options and value not in options:
            return False
    return True


def map_export(export: OsmExport, rules: list[dict[str, Any]], labels: dict[str, str], today: date) -> Mapped:
    """Offer data for every object a rule fits. ``labels``: category id → name (titles)."""
    out = Mapped()
    for obj in sorted(export.objects, key=lambda o: (o.kind, o.id)):
        rule = next((r for r in rules if _fits(r["match"], obj.tags)), None)
        if rule is None:
            out.unmatched += 1
            continue
        if rule.get("skip"):
            out.skipped += 1
            continue
        if obj.lat is None or obj.lon is None:
            out.notes.append(f"{obj.source}: ohne Koordinaten, nicht übernommen")
            continue
        out.incoming.append(_offer(obj, rule, labels, today, out.notes))
    _tell_apart(out.incoming)
    return out


def _offer(obj: OsmObject, rule: dict[str, Any], labels: dict[str, str], today: date, notes: list[str]) -> Incoming:
    tags = obj.tags
    category = rule.get("category") or MISSING_CATEGORY
    title = cut(to_plain(tags.get("name") or rule.get("title") or labels.get(category, "Angebot")), 120)
    data: dict[str, Any] = {"title": title}
    description = to_plain(tags.get("description", ""))
    data["summary"] = cut(description or str(rule.get("summary") or title), 200)
    data["category"] = category
    if rule.get("tags"):
        data["tags"] = [str(t) for t in rule["tags"]]
    if tags.get("operator"):
        data["provider"] = {"name": cut(tags["operator"], 200)}
    street = " ".join(p for p in (tags.get("addr:street"), tags.get("addr:housenumber")) if p)
    location: dict[str, Any] = {k: v for k, v in (
        ("street", street), ("postal_code", tags.get("addr:postcode")), ("city", tags.get("addr:city"))) if v}
    location["lat"], location["lon"] = round(obj.lat, 6), round(obj.lon, 6)  # type: ignore[arg-type]
    if tags.get("wheelchair") in ("yes", "limited", "no"):
        location["wheelchair"] = tags["wheelchair"]
    data["location"] = location
    _hours(obj, data, notes)
    if tags.get("fee") == "no":
        data["costs"] = "free"
    elif tags.get("charge"):
        data["costs"] = cut(tags["charge"], 200)
    contact = _contact(obj, notes)
    if contact:
        data["contact"] = contact
    data["last_verified"] = _checked(obj, today)
    data["source"] = obj.source
    return Incoming(obj.source, slugify(title), _valid(data, obj, notes), title)


def _hours(obj: OsmObject, data: dict[str, Any], notes: list[str]) -> None:
    raw = obj.tags.get("opening_hours")
    if not raw:
        return
    try:
        data["opening_hours"] = apply_fixes(raw.strip(), hours_fixes(raw.strip()))
    except HoursError as exc:
        data["hours_note"] = cut(f"Öffnungszeiten laut OpenStreetMap: {raw}", 300)
        notes.append(f"{obj.source}: opening_hours {raw!r} nicht lesbar ({exc.message}): als hours_note übernommen")


def _contact(obj: OsmObject, notes: list[str]) -> dict[str, Any]:
    tags, contact = obj.tags, {}
    phone = tags.get("contact:phone") or tags.get("phone")
    if phone:
        try:
            contact["phone"] = [normalize_phone(phone.split(";")[0].strip())]
        except ValueError:
            notes.append(f"{obj.source}: phone {phone!r} ist keine Telefonnummer: nicht übernommen")
    for key, check, out in (("website", check_url, "website"), ("email", check_email, "email")):
        value = tags.get(f"contact:{key}") or tags.get(key)
        if value:
            try:
                contact[out] = check(value.split(";")[0].strip())
            except ValueError as exc:
                notes.append(f"{obj.source}: {key}: {exc}: nicht übernommen")
    return contact


def _checked(obj: OsmObject, today: date) -> date:
    for key in ("check_date", "survey:date"):
        try:
            return date.fromisoformat(obj.tags.get(key, "")[:10])
        except ValueError:
            continue
    return today


def _valid(data: dict[str, Any], obj: OsmObject, notes: list[str]) -> dict[str, Any]:
    return valid_offer(data, obj.source, ("title", "summary", "last_verified", "source"),
                       lambda key, note: notes.append(f"{obj.source}: {key}: {note}"))


def _tell_apart(incoming: list[Incoming]) -> None:
    """Objects without their own name share the rule's title: the street tells them apart."""
    counts: dict[str, int] = {}
    for record in incoming:
        counts[record.data["title"]] = counts.get(record.data["title"], 0) + 1
    for record in incoming:
        title = record.data["title"]
        street = record.data["location"].get("street") or record.data["location"].get("city")
        if counts[title] > 1 and street:
            record.data["title"] = record.label = cut(f"{title} ({street})", 120)
            record.id = slugify(record.data["title"])
