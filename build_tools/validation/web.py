"""E-mail and web addresses: what the schema accepts, and the likely typos it warns about.

The rule for websites: ``https://`` or ``http://`` followed by a host name. ``http://`` is
accepted with a warning (some small associations still have no certificate); every other
scheme is refused. Host names may be internationalised (``höntroper-töpfermarkt.de``): each
label must survive IDNA encoding. Nothing that can break out of an ``href`` (quotes, spaces,
``<>``, backticks) and no ``user@`` part (it hides the real host) is ever accepted.
"""

from __future__ import annotations

import re

from . import shown

MAX_URL = 2000
MAX_EMAIL = 254
EMAIL_EXAMPLE = "info@beispiel.de"

_ASCII_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_ASCII_HOST = re.compile(r"(?:(?!-)[A-Za-z0-9-]{1,63}(?<!-)\.)+[A-Za-z]{2,63}\.?")
_SPACE = re.compile(r"\s")
_UNSAFE = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")
_LOCAL_PART = re.compile(r"[^@\s<>\"'`,;:()\[\]\\]{1,64}")
_PORT = re.compile(r":\d{1,5}")

# Endings that are no top-level domain but one key away from a common one.
TLD_TYPOS = {
    "con": "com", "cmo": "com", "ocm": "com", "comm": "com", "cpm": "com", "coom": "com",
    "dee": "de", "ded": "de", "dde": "de", "dr": "de", "ed": "de", "dw": "de",
    "orgg": "org", "ogr": "org", "rog": "org", "prg": "org", "nte": "net", "ent": "net",
    "nett": "net",
}


def host_problem(host: str) -> str | None:
    """Why ``host`` is no host name (German), or None. Internationalised names are fine."""
    if not host:
        return "der Name nach https:// fehlt"
    if _ASCII_HOST.fullmatch(host):
        return None  # the common case, without IDNA encoding
    if _SPACE.search(host):
        return f"Leerzeichen im Namen {host!r}: Web-Adressen haben keine Leerzeichen (entfernen oder Bindestrich)"
    if host.endswith("."):
        host = host[:-1]
    labels = host.split(".")
    if len(labels) < 2:
        return f"{host!r} hat keine Endung wie .de oder .org"
    for label in labels:
        try:
            ascii_label = label.encode("idna").decode("ascii").lower() if label else ""
        except UnicodeError:
            return f"{label!r} ist kein gültiger Teil eines Namens"
        if not _ASCII_LABEL.fullmatch(ascii_label):
            return f"{label!r} ist kein gültiger Teil eines Namens (nur Buchstaben, Ziffern, Bindestrich)"
    tld = labels[-1].encode("idna").decode("ascii").lower()
    if not (tld.isalpha() or tld.startswith("xn--")):
        return f"die Endung {labels[-1]!r} ist keine Domain-Endung wie .de oder .org"
    return None


def check_url(value: str) -> str:
    """A website the pages may link to; raise ValueError with the fix otherwise."""
    if len(value) > MAX_URL:
        raise ValueError(f"die Web-Adresse ist zu lang (höchstens {MAX_URL} Zeichen)")
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("https", "http"):
        raise ValueError(_scheme_message(value))
    if scheme != scheme.lower():
        raise ValueError(f"{shown(value)}: {scheme}:// klein schreiben (https://)")
    host_part = re.split(r"[/?#]", rest, maxsplit=1)[0]
    path = rest[len(host_part):]
    if "@" in host_part:
        raise ValueError(f"{shown(value)}: Web-Adressen mit „name@“ vor dem Namen sind nicht erlaubt "
                         "(eine E-Mail-Adresse gehört in email)")
    port = _PORT.search(host_part)
    host = host_part[: port.start()] if port and port.end() == len(host_part) else host_part
    problem = host_problem(host)
    if problem:
        raise ValueError(f"{shown(value)} ist keine Web-Adresse: {problem}")
    bad = _UNSAFE.search(path)
    if bad:
        if bad.group().isspace():
            raise ValueError(f"{shown(value)} ist keine Web-Adresse: ein Leerzeichen gehört nicht "
                             "hinein (im Pfad als %20 schreiben)")
        raise ValueError(f"{shown(value)} ist keine Web-Adresse: das Zeichen {bad.group()!r} "
                         "gehört nicht hinein")
    return value


def _scheme_message(value: str) -> str:
    if value.lower().startswith("mailto:") or re.fullmatch(r"[^@/\s]+@[^@/\s]+", value):
        return f"{shown(value)} ist eine E-Mail-Adresse: sie gehört in email, nicht in website"
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", value)
    if "://" in value or (scheme and "." not in scheme.group(1)):
        return (f"{shown(value)} ist keine Web-Adresse: nur Adressen mit https:// (oder http://) "
                "sind erlaubt")
    return (f"{shown(value)} ist keine Web-Adresse: https:// davor schreiben, z. B. "
            f"\"https://{value.strip()[:40]}\"")


def check_email(value: str) -> str:
    """An e-mail address for ``mailto:`` links; raise ValueError with the fix otherwise."""
    if value.lower().startswith("mailto:"):
        raise ValueError(f"{shown(value)}: ohne „mailto:“ schreiben, nur die Adresse "
                         f"(z. B. {value[7:].strip()[:60] or EMAIL_EXAMPLE}); der Link entsteht von selbst")
    if len(value) > MAX_EMAIL:
        raise ValueError(f"die E-Mail-Adresse ist zu lang (höchstens {MAX_EMAIL} Zeichen)")
    if "@" not in value:
        hint = " („(at)“ durch @ ersetzen)" if re.search(r"\(at\)|\[at\]| at ", value) else ""
        raise ValueError(f"{shown(value)} ist keine E-Mail-Adresse{hint}: Form {EMAIL_EXAMPLE}")
    if value.count("@") > 1:
        raise ValueError(f"{shown(value)} ist keine E-Mail-Adresse: genau ein @ (Form {EMAIL_EXAMPLE})")
    local, _, domain = value.rpartition("@")
    if not _LOCAL_PART.fullmatch(local):
        raise ValueError(f"{shown(value)} ist keine E-Mail-Adresse: vor dem @ nur ein Name ohne "
                         f"Leerzeichen, Klammern oder Anführungszeichen (Form {EMAIL_EXAMPLE})")
    problem = host_problem(domain)
    if problem:
        raise ValueError(f"{shown(value)} ist keine E-Mail-Adresse: {problem}")
    return value


def tld_typo(host: str) -> str | None:
    """The ending meant, when ``host`` ends in a likely typo (``.con`` → ``com``), else None."""
    ending = host.rstrip(".").rsplit(".", 1)[-1].lower()
    return TLD_TYPOS.get(ending)


def url_host(url: str) -> str:
    """The host name of a checked URL (without port)."""
    rest = url.partition("://")[2]
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    return host.rsplit(":", 1)[0] if _PORT.search(host) else host
