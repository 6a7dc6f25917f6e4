"""How an editor fills in the ``atlas new`` template: each placeholder typed over (README step 2)."""

from __future__ import annotations

FILLED = {
    'summary: "Ein Satz, was es hier gibt und für wen (höchstens 200 Zeichen)."':
        'summary: "Kleidung für Erwachsene und Kinder, dienstags."',
    'street: "Musterstraße 1"': 'street: "Kirchgasse 4"',
    'postal_code: "00000"': 'postal_code: "52349"',
    "  lat: ": "  lat: 50.8012 ",
    "  lon: ": "  lon: 6.4805 ",
    'phone: "02421 000000"': 'phone: "02421 555111"',
}
"""Template text → what the editor writes instead."""

PLACEHOLDER_FIELDS = ["summary", "location.street", "location.postal_code", "location.lat",
                      "contact.phone"]
"""The fields `atlas check` names for an untouched template, in file order."""


def fill_placeholders(text: str) -> str:
    """The template with every placeholder replaced (each must occur exactly once)."""
    for old, new in FILLED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def error_fields(stderr: str) -> list[str]:
    """The field of each error line in ``atlas check`` output."""
    return [line.split(": error: ")[1].split(":")[0] for line in stderr.splitlines()
            if ": error: " in line]
