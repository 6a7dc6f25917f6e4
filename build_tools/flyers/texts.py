"""What a flyer says about an offer, in the print language with German fallback per field.

:func:`offer_sheet` turns an :class:`~build_tools.schema.Offer` into a :class:`OfferSheet`: plain
strings only, so it pickles cheaply to worker processes and hashes into the flyer cache key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .. import facts, i18n, urls
from ..catalog import Catalog, districts_of, is_public_location
from ..languages import language_name
from ..opening_hours import describe_hours
from ..schema import Offer, normalize_phone

PRINT_LANGUAGES = ("de", "en", "uk", "tr", "ar")
SECOND_LANGUAGES = PRINT_LANGUAGES[1:]
"""What a bilingual card or poster may print beneath the German text."""

AUTONYMS = {
    "de": "Deutsch", "en": "English", "uk": "Українська", "tr": "Türkçe", "ar": "العربية",
    "ru": "Русский", "pl": "Polski", "ro": "Română", "bg": "Български", "fa": "فارسی",
    "fr": "Français", "es": "Español", "it": "Italiano", "ku": "Kurdî", "sq": "Shqip",
    "so": "Soomaali", "ti": "ትግርኛ", "ps": "پښتو", "ur": "اردو", "vi": "Tiếng Việt",
}


def label(lang: str, key: str, **values: object) -> str:
    """A fixed flyer text in ``lang`` from the language's catalogue (``flyer:`` in
    ``site_templates/i18n/<lang>.yml``; German when missing); ``papers`` and ``dogs`` are the
    offer page's own words (:mod:`build_tools.facts`)."""
    if key in ("papers", "dogs"):
        return facts.word(key, lang)
    try:
        words = i18n.catalogue(lang).flyer
    except KeyError:
        words = {}
    text = words.get(key) or i18n.catalogue(i18n.SOURCE).flyer[key]
    return text.format(**values) if values else text


def local_field(offer: Offer, name: str, lang: str) -> str | None:
    """A translatable field in ``lang``, falling back to German per field."""
    if lang != "de":
        tr = offer.translations.get(lang)
        value = getattr(tr, name, None) if tr else None
        if value:
            return value
    value = getattr(offer, name, None)
    if value is None and name == "directions" and offer.location:
        value = offer.location.directions
    return value


def format_date(day: date, lang: str) -> str:
    """A date as people read it in the language."""
    if lang in ("en",):
        return day.isoformat()
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def format_phone(raw: str) -> str:
    """A German phone number as printed: ``02421 123456`` stays readable and dialable."""
    compact = normalize_phone(raw)
    if compact.startswith("+49"):
        return " ".join(raw.split())
    return raw


def short_url(url: str) -> str:
    """The URL as printed under a code: without scheme and trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


def hours_lines(offer: Offer, lang: str) -> list[str]:
    """Opening hours as readable lines, from the shared opening-hours module."""
    if not offer.opening_hours:
        return []
    return [str(line) for line in describe_hours(offer.opening_hours, lang)] or [
        offer.opening_hours]


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def without_repeats(hours: list[str], note: str) -> tuple[list[str], str]:
    """The hours lines and the note, nothing said twice.

    A note the hours already say (``"nach Vereinbarung"`` beside ``Mo 09:00–12:00 Uhr (nach
    Vereinbarung)``) is dropped; an hours line the note says in full — a rule that is only a
    comment, ``"nach Vereinbarung"`` beside the note "Termine nach Vereinbarung" — gives way
    to the note. Compared word by word, ignoring case and punctuation.
    """
    said = _words(note)
    if not said.strip():
        return list(hours), note
    if any(said in _words(line) for line in hours):
        return list(hours), ""
    return [line for line in hours if not _words(line).strip() or _words(line) not in said], note


@dataclass
class OfferSheet:
    """Everything a card, poster or Wegweiser entry prints about one offer."""

    id: str
    lang: str
    url: str
    """The readable address printed as text: ``…/angebote/<id>/``."""
    qr_url: str
    """What every QR code of the offer encodes: the short permanent link ``…/q/<code>/``."""
    title: str
    summary: str
    category: str
    category_label: str
    color: str
    icon: str
    hours: list[str] = field(default_factory=list)
    hours_note: str = ""
    address: list[str] = field(default_factory=list)
    confidential: bool = False
    area: str = ""
    phones: list[str] = field(default_factory=list)
    languages: str = ""
    costs: str = ""
    papers: str = ""
    """What to bring, in the offer page's words; empty when the content does not say."""
    dogs: str = ""
    """Whether dogs may come, in the offer page's words; empty when not known."""
    provider: str = ""
    author: str = ""
    stand: str = ""
    alert: str = ""
    closed: bool = False
    lat: float | None = None
    lon: float | None = None
    second: OfferSheet | None = None
    """A bilingual card or poster: the same offer in its second language, printed beneath the
    German text (:func:`bilingual_sheet`); ``None`` on a flyer in one language."""


def category_label(catalog: Catalog, category_id: str, lang: str) -> str:
    """Category name in the language (English label where given, else German)."""
    cat = catalog.categories.get(category_id)
    if cat is None:
        return category_id
    if lang != "de" and cat.label_en and lang == "en":
        return cat.label_en
    return cat.label


def offer_sheet(catalog: Catalog, offer: Offer, site_url: str, lang: str) -> OfferSheet:
    """Collect the printed facts of one offer (raises MissingSiteUrl without a site_url)."""
    url = urls.absolute_url(site_url, urls.offer_path(offer.id))
    qr_url = urls.absolute_url(site_url, urls.offer_short_path(offer.id))
    cat = catalog.categories.get(offer.category)
    provider = catalog.provider_name(offer) or ""
    public = is_public_location(offer)
    address: list[str] = []
    lat = lon = None
    if public:
        loc = offer.location
        if loc.street:
            address.append(loc.street)
        town = " ".join(p for p in (loc.postal_code, loc.city) if p)
        if town:
            address.append(town)
        directions = local_field(offer, "directions", lang)
        if directions:
            address.append(directions)
        lat, lon = loc.lat, loc.lon
    area = ""
    if offer.location is None and offer.service_area:
        area = ", ".join(catalog.district_name(d) for d in districts_of(offer))
    if offer.languages:
        languages = ("، " if lang == "ar" else ", ").join(
            AUTONYMS.get(code, language_name(code)) if lang != "de" else language_name(code)
            for code in offer.languages
        )
    else:
        languages = ""
    costs = label(lang, "free") if offer.is_free else (offer.costs or "")
    hours, note = without_repeats(hours_lines(offer, lang),
                                  local_field(offer, "hours_note", lang) or "")
    return OfferSheet(
        id=offer.id,
        lang=lang,
        url=url,
        qr_url=qr_url,
        title=local_field(offer, "title", lang) or offer.title,
        summary=local_field(offer, "summary", lang) or "",
        category=offer.category,
        category_label=category_label(catalog, offer.category, lang),
        color=cat.color if cat else "#333333",
        icon=cat.icon if cat else "circle",
        hours=hours,
        hours_note=note,
        address=address,
        confidential=offer.location is not None and offer.location.confidential,
        area=area,
        phones=[format_phone(p) for p in offer.contact.phone],
        languages=languages,
        costs=costs,
        papers=facts.known_papers(offer, lang) or "",
        dogs=facts.known_dogs(offer, lang) or "",
        provider=provider,
        author=provider or catalog.config.name,
        stand=format_date(offer.last_verified, lang),
        alert=local_field(offer, "alert", lang) or "",
        closed=offer.status == "temporarily_closed",
        lat=lat,
        lon=lon,
    )


def has_translation(offer: Offer, lang: str) -> bool:
    """True when the offer has at least a title and a summary in ``lang`` (what a second
    language on a flyer needs; the other fields fall back to German)."""
    tr = offer.translations.get(lang)
    return bool(tr and tr.title and tr.summary)


def bilingual_sheet(catalog: Catalog, offer: Offer, site_url: str, lang: str) -> OfferSheet:
    """The German sheet of an offer with ``lang`` beneath it (its ``second``); the codes and
    the printed address stay the German page's, whose language switch leads on."""
    sheet = offer_sheet(catalog, offer, site_url, "de")
    sheet.second = offer_sheet(catalog, offer, site_url, lang)
    return sheet
