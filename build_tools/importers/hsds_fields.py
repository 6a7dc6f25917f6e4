"""Small field mappers of the HSDS importer: text, links, phones, dates, attributes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..exports import hsds as ex
from ..schema import _EMAIL_RE, _FORBIDDEN_CHARS_RE, _URL_RE, Offer, normalize_phone
from .tracker import ImportError_, Tracked


def store_attribute(out: dict[str, Any], taxonomy: Any, code: str, value: str | None) -> bool:
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


def set_if(data: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[key] = value


def clean_text(value: str) -> str:
    return _FORBIDDEN_CHARS_RE.sub("", value)


def text_field(item: Tracked, key: str, limit: int) -> str | None:
    value = item.text(key)
    if value is None:
        return None
    value = clean_text(value)
    if len(value) > limit:
        item.unmapped(key, f"auf {limit} Zeichen gekürzt (Rest nicht übernommen)")
        value = value[: limit - 1].rstrip() + "…"
    return value


def url_field(item: Tracked, key: str) -> str | None:
    value = item.text(key)
    if value and (not _URL_RE.match(value) or len(value) > 2000):
        item.unmapped(key, f"{value!r} ist keine Web-Adresse (http/https)")
        return None
    return value


def email_field(item: Tracked, key: str) -> str | None:
    value = item.text(key)
    if value and not _EMAIL_RE.match(value):
        item.unmapped(key, f"{value!r} ist keine E-Mail-Adresse")
        return None
    return value


def phone_number(item: Tracked) -> str | None:
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


def is_coordinate(value: Any, bound: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and -bound <= value <= bound


def split_description(text: str | None, name: str) -> tuple[str, str | None]:
    if not text:
        return name[:200], None
    text = clean_text(text)
    first, _, rest = text.partition("\n\n")
    first = first.strip()
    if len(first) <= 200:
        return first, rest.strip() or None
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    summary = sentence if len(sentence) <= 200 else sentence[:199].rstrip() + "…"
    return summary, text


def hours_note(notes: list[str], svc: Tracked) -> str | None:
    parts = [n.strip() for n in notes if n and n.strip()]
    text = " ".join(p if p[-1] in ".!?…:)" or p is parts[-1] else p + "." for p in parts)
    if len(text) > 300:
        svc.unmapped("schedules", "Hinweise zu den Zeiten auf 300 Zeichen gekürzt")
        text = text[:299].rstrip() + "…"
    return clean_text(text) or None


def assured_date(svc: Tracked, today: date) -> date:
    for key in ("assured_date", "last_modified"):
        raw = svc.text(key)
        if raw:
            try:
                return date.fromisoformat(raw[:10])
            except ValueError:
                svc.unmapped(key, f"kein Datum: {raw!r}")
    svc.unmapped("assured_date", f"fehlt: last_verified auf das Importdatum {today} gesetzt")
    return today


def validated_offer(data: dict[str, Any], svc: Tracked) -> dict[str, Any]:
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


