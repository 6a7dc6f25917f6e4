"""What an offer lacks and which of its web addresses look wrong: the desk's per-offer findings.

Pure functions of an offer and the settings; the words are short German labels the template
and the CSV show as they are.
"""

from __future__ import annotations

import re

from ..catalog import is_public_location
from ..config import AtlasConfig
from ..i18n import SOURCE
from ..schema import Offer, Wheelchair

PLACEHOLDER_HOSTS = frozenset({
    "example.com", "example.org", "example.net", "beispiel.de", "beispiel.com", "muster.de",
    "mustermann.de", "domain.de", "domain.com", "test.de", "test.com", "website.de", "webseite.de",
    "homepage.de", "xxx.de", "localhost",
})
"""Hosts an editor types when the real address is not known yet."""
RESERVED_ENDINGS = ("example", "invalid", "test", "localhost")
"""Top-level names reserved for examples (RFC 2606): never a real provider's site."""
_SPACE = re.compile(r"\s")


def missing_fields(offer: Offer, config: AtlasConfig) -> list[str]:
    """Labels of what a person would miss on the page: phone, hours, translations (one label
    naming the configured languages without title and summary), step-free access of a public
    place."""
    missing: list[str] = []
    if not offer.contact.phone:
        missing.append("Telefon")
    if offer.opening_hours is None:
        missing.append("Öffnungszeiten")
    untranslated = [code for code in config.languages if code != SOURCE
                    and not _translated(offer, code)]
    if untranslated:
        missing.append(f"Übersetzung {', '.join(untranslated)}")
    if is_public_location(offer) and offer.location.wheelchair == Wheelchair.unknown:  # type: ignore[union-attr]
        missing.append("Rollstuhl")
    return missing


def _translated(offer: Offer, code: str) -> bool:
    """True when the offer has its own page in ``code`` (title and summary translated)."""
    tr = offer.translations.get(code)
    return tr is not None and bool(tr.title and tr.summary)


def website_oddities(url: str, sample_data: bool = False) -> list[str]:
    """What looks wrong about a web address (German, short): no scheme, spaces, ``http``
    instead of ``https``, a placeholder host. ``sample_data``: the sample's fictive
    ``.example`` hosts are meant as they are."""
    found: list[str] = []
    text = url.strip()
    if _SPACE.search(url):
        found.append("Leerzeichen in der Adresse")
    scheme, sep, rest = text.partition("://")
    if not sep:
        found.append("ohne https://")
        rest = text
    elif scheme.lower() == "http":
        found.append("http statt https")
    host = re.split(r"[/?#:]", rest, maxsplit=1)[0].lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    ending = host.rsplit(".", 1)[-1]
    if host in PLACEHOLDER_HOSTS or (ending in RESERVED_ENDINGS and not (sample_data and ending == "example")):
        found.append(f"Platzhalter-Adresse ({host})")
    return found
