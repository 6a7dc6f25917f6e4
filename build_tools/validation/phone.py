"""Phone numbers, parsed with ``phonenumbers`` (Google's libphonenumber data).

Region ``DE`` by default: the atlas' country (validation context ``country``) decides how a
number without ``+`` is read; numbers abroad are written with ``+`` (``+31 20 123 4567``). Accepted: every number the library calls valid (landlines, mobile, 0800 and
other service numbers), the short numbers of the region (110, 112, 115, 116 117 …) and the
European harmonised numbers of social value ``116 xxx`` (116 016 Hilfetelefon, 116 111
Nummer gegen Kummer), which the library's data does not list completely.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo

from . import shown

EXAMPLE = '"02421 123456" oder "+49 2421 123456"'
_SEPARATORS = re.compile(r"[\s/().-]")
_HARMONISED = re.compile(r"116\d{3}")


@lru_cache(maxsize=16384)
def dialable(raw: str, region: str = "DE") -> str:
    """The number as a ``tel:`` link dials it: E.164 (``+4924211234``) or a short number (``110``).

    Raises ValueError with a German message naming the fix when ``raw`` is no phone number.
    Cached: one provider's number stands in many offers (and pages ask again when rendering).
    """
    compact = _SEPARATORS.sub("", raw)
    if not re.fullmatch(r"\+?\d{2,20}", compact):
        raise ValueError(f"{shown(raw)} ist keine Telefonnummer (z. B. {EXAMPLE})")
    if not compact.startswith(("+", "0")):
        if _HARMONISED.fullmatch(compact) or _is_short(compact, region):
            return compact
        raise ValueError(
            f"{shown(raw)} ist keine Telefonnummer: die Vorwahl fehlt (z. B. {EXAMPLE}); "
            "Kurznummern wie 110, 112, 115 oder 116 117 gehen ohne Vorwahl"
        )
    try:
        number = phonenumbers.parse(compact, region)
    except NumberParseException:
        raise ValueError(f"{shown(raw)} ist keine Telefonnummer (z. B. {EXAMPLE})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            f"{shown(raw)} ist keine vollständige Telefonnummer: Vorwahl und Rufnummer prüfen "
            f"(z. B. {EXAMPLE})"
        )
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _is_short(compact: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(compact, region)
    except NumberParseException:
        return False
    return shortnumberinfo.is_valid_short_number_for_region(number, region)
