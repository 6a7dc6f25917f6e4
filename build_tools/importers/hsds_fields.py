"""Small field mappers of the HSDS importer: text, links, phones, dates, attributes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..exports import hsds as ex
from ..schema import _FORBIDDEN_CHARS_RE, normalize_phone
from ..validation.web import check_email, check_url
from .html_text import cut, looks_like_html, to_markdown, to_plain
from .tracker import Tracked, valid_offer


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
    elif code == "geschlossen_bis":
        try:
            out["closed_until"] = date.fromisoformat(value)
        except ValueError:
            return False
    elif code == "schliessungsgrund":
        out["closed_reason"] = value
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
    """A one-line text field: HTML becomes plain text, a long text is cut at a word."""
    value = item.text(key)
    if value is None:
        return None
    value = to_plain(clean_text(value)) or None
    if value is not None and len(value) > limit:
        item.unmapped(key, f"auf {limit} Zeichen gekürzt (Rest nicht übernommen)")
        value = cut(value, limit)
    return value


def url_field(item: Tracked, key: str) -> str | None:
    """A website as the schema accepts it (internationalised names too), else reported."""
    value = item.text(key)
    if not value:
        return None
    try:
        return check_url(value)
    except ValueError as exc:
        item.unmapped(key, f"nicht übernommen: {exc}")
        return None


def email_field(item: Tracked, key: str) -> str | None:
    """An e-mail address as the schema accepts it (umlaut domains too), else reported."""
    value = item.text(key)
    if not value:
        return None
    try:
        return check_email(value)
    except ValueError as exc:
        item.unmapped(key, f"nicht übernommen: {exc}")
        return None


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


_MARKS = re.compile(r"\*\*|__|`|^[-*] |^> ", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def split_description(text: str | None, name: str) -> tuple[str, str | None]:
    """(summary, description): the summary plain text of at most 200 characters, cut at a
    word; the description Markdown (HTML converted), None when the summary says it all."""
    if not text:
        return cut(name, 200), None
    text = clean_text(text)
    if looks_like_html(text):  # blocks of a feed are not paragraphs of ours: the text's first sentence
        markdown = to_markdown(text)
        summary = cut(to_plain(text) or name, 200)
        return summary, markdown if markdown != summary else None
    markdown = text.strip()
    first, _, rest = markdown.partition("\n\n")
    plain_first = " ".join(_MARKS.sub("", _LINK.sub(r"\1", first)).split())
    if plain_first and len(plain_first) <= 200 and plain_first == first.strip():
        return plain_first, rest.strip() or None
    summary = cut(plain_first or to_plain(text) or name, 200)
    return summary, markdown if markdown != summary else None


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
    return valid_offer(data, f"{svc.file}: {svc.object_id}", ("title", "summary", "category", "last_verified"),
                       svc.unmapped)


