"""Postal codes by country: the format of Germany and its neighbours, and a German message.

An atlas of a border region (Aachen, Kreis Düren's neighbours) lists offers across the border;
``location.country`` (ISO 3166-1 alpha-2, default from the settings) says which format applies.
Countries not listed here get a loose check only (letters, digits, space and hyphen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .countries import country_name


@dataclass(frozen=True)
class PostalFormat:
    """One country's postal code: the rule as a regular expression, in words, and an example."""

    pattern: str
    words: str
    example: str

    def matches(self, code: str) -> bool:
        """True when ``code`` has this format."""
        return re.fullmatch(self.pattern, code) is not None


POSTAL_FORMATS: dict[str, PostalFormat] = {
    "DE": PostalFormat(r"\d{5}", "fünf Ziffern", "52349"),
    "AT": PostalFormat(r"[1-9]\d{3}", "vier Ziffern", "1010"),
    "CH": PostalFormat(r"[1-9]\d{3}", "vier Ziffern", "8001"),
    "LI": PostalFormat(r"94[89]\d", "vier Ziffern (9485–9499)", "9490"),
    "NL": PostalFormat(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}", "vier Ziffern und zwei Großbuchstaben",
                       "6211 AB"),
    "BE": PostalFormat(r"[1-9]\d{3}", "vier Ziffern", "4700"),
    "LU": PostalFormat(r"(?:L-)?\d{4}", "vier Ziffern (auch „L-“ davor)", "1648"),
    "FR": PostalFormat(r"\d{5}", "fünf Ziffern", "57000"),
    "DK": PostalFormat(r"[1-9]\d{3}", "vier Ziffern", "6400"),
    "PL": PostalFormat(r"\d{2}-\d{3}", "zwei Ziffern, Bindestrich, drei Ziffern", "68-200"),
    "CZ": PostalFormat(r"\d{3} ?\d{2}", "drei Ziffern, Leerzeichen, zwei Ziffern", "110 00"),
}
_LOOSE = re.compile(r"[A-Z0-9][A-Z0-9 -]{1,9}")

# For the editor's JSON Schema: any of the known formats (the IDE cannot know the default).
ANY_POSTAL_PATTERN = "^(" + "|".join(
    dict.fromkeys(f.pattern for f in POSTAL_FORMATS.values())
) + ")$"


def postal_code_problem(code: str, country: str) -> str | None:
    """Why ``code`` is no postal code of ``country`` (a German sentence), or None when it is."""
    known = POSTAL_FORMATS.get(country)
    if known is None:
        if _LOOSE.fullmatch(code.upper()):
            return None
        return (f"{code!r} ist keine Postleitzahl: Buchstaben, Ziffern, Leerzeichen oder "
                "Bindestrich, in Anführungszeichen")
    if known.matches(code):
        return None
    where = country_name(country)
    hint = ""
    if country == "DE" and re.fullmatch(r"\d{4}", code):
        hint = " (ein Ort in AT, CH, BE, LU oder DK? dann country angeben, z. B. country: AT)"
    elif country != "DE" and re.fullmatch(r"\d{5}", code):
        hint = " (eine deutsche Postleitzahl? dann country: DE)"
    return (f"Postleitzahl {code!r} hat nicht das Format für {country} ({where}): erwartet "
            f"{known.words} in Anführungszeichen, z. B. \"{known.example}\"{hint}")
