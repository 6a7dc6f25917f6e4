"""Facts people ask about before they go, in one wording for the offer page and the flyers.

"Do I need papers?" and "Can my dog come?" are answered the same way on an offer's page, its
card and its poster: :func:`papers_text` and :func:`dogs_text` are the one place the words
live. German is the page's language; the flyers ask for their print language and fall back to
German per text. The editor's own ``access.requirements`` is printed as written.

:func:`known_papers` and :func:`known_dogs` give ``None`` where the content says nothing: a
page says "nicht angegeben – bitte nachfragen", a printed card leaves the line out.
"""

from __future__ import annotations

from .schema import Offer

WORDS: dict[str, dict[str, str]] = {
    "de": {
        "papers": "Papiere", "dogs": "Hunde",
        "anonymous": "Keine Papiere nötig – anonym möglich",
        "dogs_yes": "Hunde erlaubt", "dogs_no": "Keine Hunde erlaubt",
        "unknown": "nicht angegeben – bitte nachfragen",
    },
    "en": {
        "papers": "Papers", "dogs": "Dogs",
        "anonymous": "No papers needed – anonymous",
        "dogs_yes": "Dogs allowed", "dogs_no": "No dogs allowed",
        "unknown": "not stated – please ask",
    },
    "uk": {
        "papers": "Документи", "dogs": "Собаки",
        "anonymous": "Документи не потрібні – можна анонімно",
        "dogs_yes": "Із собакою можна", "dogs_no": "Собак не можна",
        "unknown": "не вказано – запитайте, будь ласка",
    },
    "tr": {
        "papers": "Belgeler", "dogs": "Köpekler",
        "anonymous": "Belge gerekmez – isim vermeden",
        "dogs_yes": "Köpek kabul edilir", "dogs_no": "Köpek kabul edilmez",
        "unknown": "belirtilmemiş – lütfen sorun",
    },
    "ar": {
        "papers": "الأوراق", "dogs": "الكلاب",
        "anonymous": "لا حاجة إلى أوراق – دون ذكر الاسم",
        "dogs_yes": "يُسمح بالكلاب", "dogs_no": "لا يُسمح بالكلاب",
        "unknown": "غير محدد – يرجى السؤال",
    },
}


def word(key: str, lang: str = "de") -> str:
    """One of the fixed words in ``lang`` (German when the language or the word is missing)."""
    return WORDS.get(lang, WORDS["de"]).get(key) or WORDS["de"][key]


def yes_no(value: bool | None, yes: str, no: str, unknown: str) -> str:
    """A three-valued fact in words."""
    if value is None:
        return unknown
    return yes if value else no


def known_papers(offer: Offer, lang: str = "de") -> str | None:
    """What to bring: the requirements as written, what anonymity implies, or ``None``."""
    if offer.access.requirements:
        return offer.access.requirements
    if offer.access.anonymous:
        return word("anonymous", lang)
    return None


def known_dogs(offer: Offer, lang: str = "de") -> str | None:
    """Whether dogs may come, or ``None`` when the content does not say."""
    allowed = offer.access.pets_allowed
    if allowed is None:
        return None
    return word("dogs_yes" if allowed else "dogs_no", lang)


def papers_text(offer: Offer, lang: str = "de") -> str:
    """:func:`known_papers`, or "nicht angegeben – bitte nachfragen"."""
    return known_papers(offer, lang) or word("unknown", lang)


def dogs_text(offer: Offer, lang: str = "de") -> str:
    """:func:`known_dogs`, or "nicht angegeben – bitte nachfragen"."""
    return known_dogs(offer, lang) or word("unknown", lang)
